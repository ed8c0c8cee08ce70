/*
 * places.c: see places.h.
 */
#include "rules/places.h"

#include <string.h>

#include "rules/kind.h"
#include "rules/weeks.h"
#include "util/i18n.h"

int rp_read_departments(rp_yctx *y, const rp_ynode *n, const rp_model *m, const char ***ids,
                        size_t *n_ids)
{
    size_t count = 0;
    *n_ids = 0;
    if (rp_yseq(y, n, "departments", &count) != 0)
        return -1;
    if (count == 0)
        return rp_yerror(y, n, "departments is empty; expected at least one department id");
    *ids = rp_arena_alloc(rp_yarena(y), count * sizeof **ids);
    int err = 0;
    for (size_t i = 0; i < count; i++) {
        const rp_ynode *item = rp_yseq_item(y, n, i);
        const char *id = NULL;
        if (rp_yid(y, item, "department", &id) != 0) {
            err = -1;
            continue;
        }
        if (!rp_model_knows_department(m, id)) {
            err = rp_yerror(y, item, "unknown department '%s'; expected a department of the "
                                     "model", id);
            continue;
        }
        (*ids)[(*n_ids)++] = id;
    }
    return err;
}

static int read_facilities(rp_place_set *s, rp_yctx *y, const rp_ynode *n, const rp_model *m)
{
    size_t count = 0;
    if (rp_yseq(y, n, "facilities", &count) != 0)
        return -1;
    if (count == 0)
        return rp_yerror(y, n, "facilities is empty; expected at least one facility id");
    s->facilities = rp_arena_alloc(rp_yarena(y), count * sizeof *s->facilities);
    int err = 0;
    for (size_t i = 0; i < count; i++) {
        const rp_ynode *item = rp_yseq_item(y, n, i);
        const char *id = NULL;
        if (rp_yid(y, item, "facility", &id) != 0) {
            err = -1;
            continue;
        }
        int f = rp_model_facility(m, id);
        if (f < 0) {
            err = rp_yerror(y, item, "unknown facility '%s'; expected a facility of the model",
                            id);
            continue;
        }
        s->facilities[s->n_facilities++] = f;
    }
    return err;
}

int rp_place_set_parse(rp_place_set *s, rp_yctx *y, const rp_rule *rule, const rp_ynode *fields,
                       const rp_ynode *departments, const rp_ynode *facilities,
                       const rp_model *m)
{
    memset(s, 0, sizeof *s);
    if (!fields && !departments && !facilities)
        return rp_yerror_pos(y, rule->pos, "rule '%s' needs at least one of 'fields', "
                                           "'departments' and 'facilities' in its params",
                             rule->id);
    int err = 0;
    if (fields) {
        err = rp_read_fields(y, fields, "fields", s->fields);
        s->any_field = true;
    }
    if (departments &&
        rp_read_departments(y, departments, m, &s->departments, &s->n_departments) != 0)
        err = -1;
    if (facilities && read_facilities(s, y, facilities, m) != 0)
        err = -1;
    return err;
}

bool rp_place_set_match(const rp_place_set *s, const rp_model *m, int f, int d)
{
    if (f < 0)
        return false;
    if (s->n_facilities) {
        bool listed = false;
        for (size_t i = 0; i < s->n_facilities; i++)
            listed = listed || s->facilities[i] == f;
        if (!listed)
            return false;
    }
    if (!s->any_field && !s->n_departments)
        return true;
    if (d < 0)
        return false;
    const rp_department *dep = &m->facilities[f].departments[d];
    if (s->any_field && s->fields[dep->field])
        return true;
    for (size_t i = 0; i < s->n_departments; i++)
        if (strcmp(s->departments[i], dep->id) == 0)
            return true;
    return false;
}

/* How a department id reads in a sentence: in English its id (the tests and the model speak
 * of `er`), translated the name the model gives it at the first facility that runs it (救命救急
 * センター). Whether the messages are translated is read off the catalogue itself. */
static const char *department_label(const rp_model *m, const char *id)
{
    if (strcmp(_("department "), "department ") == 0)
        return id;
    for (size_t f = 0; f < m->n_facilities; f++) {
        int d = rp_facility_department(&m->facilities[f], id);
        if (d >= 0 && m->facilities[f].departments[d].name)
            return m->facilities[f].departments[d].name;
    }
    return id;
}

/* A facility in a sentence: its id in English, its name from the model translated. */
static const char *facility_label(const rp_model *m, int f)
{
    const rp_facility *fac = &m->facilities[f];
    return strcmp(_("department "), "department ") != 0 && fac->name ? fac->name : fac->id;
}

char *rp_place_set_describe(const rp_place_set *s, const rp_model *m)
{
    rp_buf b = {0};
    const char *sep = "";
    for (int X = 0; s->any_field && X < RP_N_FIELDS; X++)
        if (s->fields[X]) {
            rp_buf_printf(&b, "%s%s", sep, rp_field_label(X));
            sep = ", ";
        }
    if (s->n_departments) {
        rp_buf_printf(&b, "%s%s", sep,
                      s->n_departments > 1 ? _("departments ") : _("department "));
        for (size_t i = 0; i < s->n_departments; i++)
            rp_buf_printf(&b, "%s%s", i ? ", " : "", department_label(m, s->departments[i]));
    }
    if (s->n_facilities) {
        rp_buf_add(&b, b.len ? _(" at ") : "");
        for (size_t i = 0; i < s->n_facilities; i++)
            rp_buf_printf(&b, "%s%s", i ? ", " : "", facility_label(m, s->facilities[i]));
    }
    return rp_buf_take(&b);
}

int rp_window_parse(rp_window *w, rp_yctx *y, const rp_rule *rule, const rp_ynode *year,
                    const rp_ynode *periods, const rp_model *m)
{
    memset(w, 0, sizeof *w);
    if (year && periods)
        return rp_yerror_pos(y, rule->pos, "rule '%s' needs at most one of 'year' and "
                                           "'periods' in its params", rule->id);
    if (year)
        return rp_yint(y, year, "year", 1, m->calendar.years, &w->year);
    if (!periods)
        return 0;
    size_t n = 0;
    if (rp_yseq(y, periods, "periods", &n) != 0)
        return -1;
    if (n != 2)
        return rp_yerror(y, periods, "periods has %zu values; expected two, [first, last]", n);
    int total = m->calendar.years * m->calendar.periods_per_year, a, b;
    if (rp_yint(y, rp_yseq_item(y, periods, 0), "first period", 1, total, &a) != 0 ||
        rp_yint(y, rp_yseq_item(y, periods, 1), "last period", a, total, &b) != 0)
        return -1;
    w->first = a;
    w->last = b;
    return 0;
}

bool rp_window_has(const rp_window *w, const rp_model *m, int p)
{
    if (w->year)
        return rp_period_year(m, p) == w->year;
    if (w->first)
        return w->first <= p && p <= w->last;
    return true;
}

char *rp_window_describe(const rp_window *w, const rp_model *m)
{
    if (w->year)
        return rp_xasprintf(_(" in year %d"), w->year);
    if (w->first)
        return rp_xasprintf(_(" in %s %d-%d"), rp_unit_word(m, 2), w->first, w->last);
    return rp_xstrdup("");
}

void rp_place_set_add_pieces(rp_expr *e, const rp_place_set *s, const rp_window *w,
                             const rp_emit *em, size_t r)
{
    size_t np;
    const rp_piece *pieces = rp_space_pieces(em->space, r, &np);
    for (size_t i = 0; i < np; i++) {
        const rp_piece *pc = &pieces[i];
        if (!rp_place_set_match(s, em->model, pc->facility, pc->department))
            continue;
        int c = 0;
        for (int p = pc->first; p <= pc->last; p++)
            c += rp_window_has(w, em->model, p);
        if (c)
            rp_expr_add(e, pc->col, c);
    }
}

int rp_require_weeks(rp_yctx *y, const rp_rule *rule, const rp_model *m)
{
    if (m->calendar.unit == RP_UNIT_WEEK)
        return 0;
    return rp_yerror_pos(y, rule->pos, "rule '%s' (kind '%s') counts weeks; the model's "
                                       "calendar is in months (unit: week expected)",
                         rule->id, rule->kind->name);
}
