/*
 * cohort.c: the residents of a plan, the second input of the model stage (model -> translate ->
 * ...): loaded from a residents file against a programme model, or the programme's default
 * cohort, or built resident by resident by the plan reader. A residents file reads:
 *
 *   programme: radiology-keio-2019   # optional; when present must equal the model's id
 *   residents:                       # required list
 *     - id: r2019-01                 # required, id chars, unique
 *       name: 山田 花子               # optional
 *       cohort: 2019                 # required: the year the resident starts (1900..2999)
 *       course: any                  # optional: any (default) or a course id of the model
 *       graduate_entry_year: 2       # optional 1..years; only with course any or a course
 *                                    #   that has graduate_school
 *       wishes: [st-lukes, tokyo-mc] # optional ranked list of facility or department ids
 *       pins:                        # optional: stints fixed in advance, not overlapping
 *         - {facility: tokyo-mc, department: rt, from: 2021-04, to: 2022-03}  # department optional
 *       graduate_school: clinical    # optional (RAD-10): clinical (default) or nonclinical; only
 *                                    #   for a resident in graduate school
 *       experience:                  # optional (RAD-16..19): counts logged so far
 *         as_of: 2021-09             # optional: the last month (date, period) they cover;
 *                                    #   absent: the counts at completion
 *         counts: {ct: 420, mri: 180}  # items of the model's experience_items, whole numbers
 *         supplemented: [us]         # items an approved course (講習会, e-learning) makes up
 *       leave:                       # optional, spans not overlapping
 *         - {kind: maternity, from: 2020-10, to: 2021-01, certificate: true}
 *         - {kind: part-time, from: 2021-04, to: 2021-09, hours_per_week: 20}
 *
 * Leave kinds: maternity, sickness, part-time (needs hours_per_week, > 0 and <= 60), abroad,
 * graduate-nonclinical, other, suspension (休止 of the initial residency); certificate (default
 * false) only with maternity and sickness. A leave entry has from and to, or `days` (working days,
 * a number > 0) alone, or both; without days, the span's working days count.
 * from and to are a month YYYY-MM (as `to`: up to its last day), a date YYYY-MM-DD (the period
 * holding that day) or a period number of the resident (1-based); both within the programme.
 *
 * Ownership: the cohort's strings and its residents' wishes, pins and leave live in its arena;
 * the residents array is on the heap because rp_cohort_add_resident grows it.
 */
#include "model/cohort_csv.h"
#include "model/yamlx.h"
#include "util/csv.h"
#include "rotaplan/calendar.h"
#include "rotaplan/model.h"
#include "util/i18n.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

typedef struct reader {
    rp_yctx *y;
    const rp_model *m;
    rp_cohort *c;
    rp_arena *a;
} reader;

/* A from..to span of a pin or a leave entry, for the overlap checks. */
typedef struct span {
    int first, last;
    const rp_ynode *node;
    bool ok;
} span;

/* ---- the cohort object ---- */

rp_cohort *rp_cohort_new(void)
{
    rp_cohort *c = rp_xcalloc(1, sizeof *c);
    c->arena = rp_arena_new();
    return c;
}

void rp_cohort_free(rp_cohort *c)
{
    if (!c)
        return;
    free(c->residents);
    rp_arena_free(c->arena);
    free(c);
}

/* Appends a zeroed resident. The capacity is implicit: 8, then doubled at each power of two. */
static rp_resident *push_resident(rp_cohort *c)
{
    size_t n = c->n_residents;
    if (n == 0 || (n >= 8 && (n & (n - 1)) == 0))
        c->residents = rp_xrealloc(c->residents, (n < 8 ? 8 : 2 * n) * sizeof *c->residents);
    rp_resident *r = &c->residents[c->n_residents++];
    memset(r, 0, sizeof *r);
    r->extension_rule = RP_NONE;
    return r;
}

rp_resident *rp_cohort_add_resident(rp_cohort *c, const char *id, int cohort, int course)
{
    rp_resident *r = push_resident(c);
    r->id = rp_arena_strdup(c->arena, id);
    r->cohort = cohort;
    r->course = course;
    return r;
}

rp_cohort *rp_cohort_default(const rp_model *m)
{
    rp_cohort *c = rp_cohort_new();
    for (size_t i = 0; i < m->intake.n_cohorts; i++) {
        for (int k = 1; k <= m->intake.size; k++) {
            char id[32];
            snprintf(id, sizeof id, "%d-%02d", m->intake.cohorts[i], k);
            rp_cohort_add_resident(c, id, m->intake.cohorts[i], RP_ANY);
        }
    }
    return c;
}

/* ---- periods ---- */

static bool digits_only(const char *s)
{
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

static int outside(reader *r, const rp_ynode *n, const rp_resident *res, const char *s)
{
    int h = rp_horizon(r->m, res);
    char first[11], last[11];
    rp_period_label(r->m, res->cohort, 1, first);
    rp_period_label(r->m, res->cohort, h, last);
    return rp_yerror(r->y, n, "'%s' is outside the programme of resident '%s' (%s to %s)", s,
                     res->id ? res->id : "?", first, last);
}

/*
 * A from/to value: a month, a date or a period number of the resident, into *out. A month given
 * as `to` stands for its last day. res->cohort is 0 when the cohort is unknown (it had an
 * error): then dates cannot be placed and only their form is checked.
 */
static int read_period(reader *r, const rp_ynode *n, const char *key, const rp_resident *res,
                       bool is_to, int *out)
{
    static const char expected[] = N_("a month YYYY-MM, a date YYYY-MM-DD or a period number");
    const char *s = rp_ytext(n);
    if (!s || !*s)
        return rp_yerror(r->y, n, "%s is %s; expected %s", key, s ? _("empty") : _("not a single value"),
                         _(expected));
    int h = rp_horizon(r->m, res);
    if (digits_only(s)) {
        long v;
        if (rp_parse_long(s, 1, h, &v) != 0)
            return rp_yerror(r->y, n,
                             "'%s' is outside the programme of resident '%s' (periods 1 to %d)",
                             s, res->id ? res->id : "?", h);
        *out = (int)v;
        return 0;
    }
    rp_date d;
    int kind = rp_date_parse(s, &d);
    if (kind < 0)
        return rp_yerror(r->y, n, "%s '%s' is not a month, a date or a period; expected %s", key,
                         s, _(expected));
    if (res->cohort == 0)
        return -1;
    if (kind == 1 && is_to)
        d.day = rp_days_in_month(d.year, d.month);
    int p = rp_period_of_day(r->m, res->cohort, d);
    if (p < 1 || p > h)
        return outside(r, n, res, s);
    *out = p;
    return 0;
}

/* Reads from and to into sp (sp->ok when both are good and from <= to). */
static void read_span(reader *r, const rp_ynode *from, const rp_ynode *to, const rp_resident *res,
                      span *sp)
{
    bool a = from && read_period(r, from, "from", res, false, &sp->first) == 0;
    bool b = to && read_period(r, to, "to", res, true, &sp->last) == 0;
    if (a && b && sp->first > sp->last) {
        rp_yerror(r->y, to, "to '%s' is before from '%s'; expected from <= to", rp_ytext(to),
                  rp_ytext(from));
        return;
    }
    sp->ok = a && b;
}

/* Reports each span that overlaps an earlier one, at the later span. */
static void check_overlaps(reader *r, const rp_resident *res, const span *s, size_t n,
                           const char *noun)
{
    for (size_t j = 0; j < n; j++) {
        for (size_t i = 0; i < j && s[j].ok; i++) {
            if (!s[i].ok || s[i].last < s[j].first || s[j].last < s[i].first)
                continue;
            int first = s[i].first > s[j].first ? s[i].first : s[j].first;
            int last = s[i].last < s[j].last ? s[i].last : s[j].last;
            char a[11], b[11];
            rp_period_label(r->m, res->cohort, first, a);
            rp_period_label(r->m, res->cohort, last, b);
            rp_yerror(r->y, s[j].node,
                      "%s at lines %d and %d overlap in %s to %s; expected %s that do not overlap",
                      noun, rp_ypos(r->y, s[i].node).line, rp_ypos(r->y, s[j].node).line, a, b,
                      noun);
            break;
        }
    }
}

/* ---- wishes, pins, leave ---- */

/* A wish names a facility or a department (at whichever facility runs it). */
static int read_wish(reader *r, const rp_ynode *item, rp_wish *w)
{
    const char *s = rp_ytext(item);
    w->facility = RP_NONE;
    w->department = NULL;
    w->pos = rp_ypos(r->y, item);
    if (!s || !*s)
        return rp_yerror(r->y, item, "wish is %s; expected a facility or department id",
                         s ? _("empty") : _("not a single value"));
    int f = rp_model_facility(r->m, s);
    if (f != RP_NONE) {
        w->facility = f;
        return 0;
    }
    if (rp_model_knows_department(r->m, s)) {
        w->department = rp_arena_strdup(r->a, s);
        return 0;
    }
    size_t n = r->m->n_facilities + r->m->n_field_ids, k = 0;
    const char **ids = rp_xcalloc(n + 1, sizeof *ids);
    for (size_t i = 0; i < r->m->n_facilities; i++)
        ids[k++] = r->m->facilities[i].id;
    for (size_t i = 0; i < r->m->n_field_ids; i++)
        ids[k++] = r->m->field_ids[i];
    const char *near = rp_nearest(s, ids, k);
    free(ids);
    if (near)
        return rp_yerror(r->y, item, "unknown facility '%s'; did you mean '%s'?", s, near);
    return rp_yerror(r->y, item, "unknown facility or department '%s' in a wish", s);
}

static bool same_wish(const rp_wish *a, const rp_wish *b)
{
    return a->facility == b->facility && rp_streq(a->department, b->department);
}

static void read_wishes(reader *r, const rp_ynode *list, rp_resident *res)
{
    size_t n = 0;
    if (rp_yseq(r->y, list, "wishes", &n) != 0)
        return;
    res->wishes = rp_arena_alloc(r->a, (n ? n : 1) * sizeof *res->wishes);
    for (size_t i = 0; i < n; i++) {
        const rp_ynode *item = rp_yseq_item(r->y, list, i);
        rp_wish w;
        if (read_wish(r, item, &w) != 0)
            continue;
        bool dup = false;
        for (size_t j = 0; j < res->n_wishes; j++)
            dup = dup || same_wish(&res->wishes[j], &w);
        if (dup) {
            rp_yerror(r->y, item, "duplicate wish '%s'; each facility may be wished for once",
                      rp_ytext(item));
            continue;
        }
        res->wishes[res->n_wishes++] = w;
    }
}

static void read_pin_department(reader *r, const rp_ynode *n, rp_pin *pin)
{
    const rp_facility *f = &r->m->facilities[pin->facility];
    const char *s = NULL;
    if (rp_ystr(r->y, n, "department", false, &s) != 0)
        return;
    int d = rp_facility_department(f, s);
    if (d != RP_NONE) {
        pin->department = d;
        return;
    }
    const char **ids = rp_xcalloc(f->n_departments ? f->n_departments : 1, sizeof *ids);
    for (size_t i = 0; i < f->n_departments; i++)
        ids[i] = f->departments[i].id;
    char hint[256];
    if (f->n_departments)
        rp_yhint(hint, sizeof hint, s, ids, f->n_departments);
    else
        snprintf(hint, sizeof hint, "; facility '%s' has no departments", f->id);
    rp_yerror(r->y, n, "unknown department '%s' of facility '%s'%s", s, f->id, hint);
    free(ids);
}

static void read_pin(reader *r, const rp_ynode *n, const char *rwhat, const rp_resident *res,
                     rp_pin *pin, span *sp)
{
    static const rp_ykey keys[] = {
        {"facility", RP_Y_SCALAR, true},
        {"department", RP_Y_SCALAR, false},
        {"from", RP_Y_SCALAR, true},
        {"to", RP_Y_SCALAR, true},
    };
    const rp_ynode *v[N_OF(keys)];
    char what[160];
    snprintf(what, sizeof what, _("pin of %s"), rwhat);
    pin->facility = pin->department = RP_NONE;
    pin->pos = rp_ypos(r->y, n);
    sp->node = n;
    rp_ymap(r->y, n, what, keys, N_OF(keys), v);
    bool facility_ok = v[0] && rp_yfacility(r->y, v[0], r->m, "facility", &pin->facility) == 0;
    if (v[1] && facility_ok)
        read_pin_department(r, v[1], pin);
    read_span(r, v[2], v[3], res, sp);
    pin->first = sp->first;
    pin->last = sp->last;
}

static void read_pins(reader *r, const rp_ynode *list, const char *rwhat, rp_resident *res)
{
    size_t n = 0;
    if (rp_yseq(r->y, list, "pins", &n) != 0)
        return;
    res->pins = rp_arena_alloc(r->a, (n ? n : 1) * sizeof *res->pins);
    span *spans = rp_xcalloc(n ? n : 1, sizeof *spans);
    for (size_t i = 0; i < n; i++)
        read_pin(r, rp_yseq_item(r->y, list, i), rwhat, res, &res->pins[i], &spans[i]);
    res->n_pins = n;
    check_overlaps(r, res, spans, n, "pins");
    free(spans);
}

static const char *const leave_names[] = {"maternity", "sickness", "part-time", "abroad",
                                          "graduate-nonclinical", "other", "suspension"};
static const rp_status leave_statuses[] = {RP_STATUS_MATERNITY, RP_STATUS_SICKNESS,
                                           RP_STATUS_PT,        RP_STATUS_ABROAD,
                                           RP_STATUS_GNC,       RP_STATUS_OTHER,
                                           RP_STATUS_SUSPENSION};

static void read_hours(reader *r, const rp_ynode *n, rp_leave *lv)
{
    static const char expected[] = N_("a number > 0 and <= 60");
    const char *s = rp_ytext(n);
    double h;
    if (!s || !*s)
        rp_yerror(r->y, n, "hours_per_week is %s; expected %s", s ? _("empty") : _("not a single value"),
                  _(expected));
    else if (rp_parse_double(s, &h) != 0)
        rp_yerror(r->y, n, "hours_per_week '%s' is not a number; expected %s", s, _(expected));
    else if (h <= 0 || h > 60)
        rp_yerror(r->y, n, "hours_per_week '%s' is out of range; expected %s", s, _(expected));
    else
        lv->hours_per_week = h;
}

/* certificate and hours_per_week belong to some kinds only. */
static void read_leave_extras(reader *r, const rp_ynode *n, const rp_ynode *certificate,
                              const rp_ynode *hours, const char *what, rp_leave *lv)
{
    bool certified_kind = lv->kind == RP_STATUS_MATERNITY || lv->kind == RP_STATUS_SICKNESS;
    const char *kind = rp_status_name(lv->kind);
    if (certificate && !certified_kind)
        rp_yerror(r->y, certificate, "certificate on leave of kind '%s'; expected it only with "
                                     "maternity or sickness", kind);
    else if (certificate)
        rp_ybool(r->y, certificate, "certificate", &lv->certificate);
    if (lv->kind == RP_STATUS_PT && !hours)
        rp_yerror(r->y, n, "missing key 'hours_per_week' in part-time %s", what);
    else if (hours && lv->kind != RP_STATUS_PT)
        rp_yerror(r->y, hours, "hours_per_week on leave of kind '%s'; expected it only with "
                               "part-time", kind);
    else if (hours)
        read_hours(r, hours, lv);
}

static void read_leave_entry(reader *r, const rp_ynode *n, const char *rwhat,
                             const rp_resident *res, rp_leave *lv, span *sp)
{
    static const rp_ykey keys[] = {
        {"kind", RP_Y_SCALAR, true},
        {"from", RP_Y_SCALAR, false},
        {"to", RP_Y_SCALAR, false},
        {"certificate", RP_Y_SCALAR, false},
        {"hours_per_week", RP_Y_SCALAR, false},
        {"days", RP_Y_SCALAR, false},
    };
    const rp_ynode *v[N_OF(keys)];
    char what[160];
    snprintf(what, sizeof what, _("leave of %s"), rwhat);
    lv->pos = rp_ypos(r->y, n);
    sp->node = n;
    rp_ymap(r->y, n, what, keys, N_OF(keys), v);
    int kind;
    if (v[0] && rp_yenum(r->y, v[0], "leave kind", leave_names, N_OF(leave_names), &kind) == 0) {
        lv->kind = leave_statuses[kind];
        read_leave_extras(r, n, v[3], v[4], what, lv);
    }
    if (v[5])
        rp_ynum(r->y, v[5], "days", 0.5, 3650, &lv->days);
    if (!v[5] || v[1] || v[2]) {
        if (!v[1] || !v[2])
            rp_yerror(r->y, n, "missing key '%s' in %s; expected from and to, or days",
                      v[1] ? "to" : "from", what);
        read_span(r, v[1], v[2], res, sp);
        lv->first = sp->first;
        lv->last = sp->last;
    } else {
        sp->ok = false; /* days only: nowhere in the calendar, nothing to overlap */
    }
    if (!v[5] && sp->ok) {
        /* the span's working days: a week holds days_per_week of them */
        const rp_calendar *cal = &r->m->calendar;
        double weeks = cal->unit == RP_UNIT_WEEK ? 1 : 52.0 / 12.0;
        lv->days = (lv->last - lv->first + 1) * weeks * cal->days_per_week;
    }
}

static void read_leave(reader *r, const rp_ynode *list, const char *rwhat, rp_resident *res)
{
    size_t n = 0;
    if (rp_yseq(r->y, list, "leave", &n) != 0)
        return;
    res->leave = rp_arena_alloc(r->a, (n ? n : 1) * sizeof *res->leave);
    span *spans = rp_xcalloc(n ? n : 1, sizeof *spans);
    for (size_t i = 0; i < n; i++)
        read_leave_entry(r, rp_yseq_item(r->y, list, i), rwhat, res, &res->leave[i], &spans[i]);
    res->n_leave = n;
    check_overlaps(r, res, spans, n, "leave spans");
    free(spans);
}

/* The limits of one resident's leave: at most MAX_LEAVE_DAYS days in all, and an extension of
 * the programme (INIT-61, RAD-22..26) of at most one programme year, so that every plan `plan`
 * writes lies in the calendar that `check`, `report` and `whatif` read (the plan reader takes
 * up to a year past the programme) and the counting checks stay small. */
enum { MAX_LEAVE_DAYS = 3650 };

static void check_leave_bounds(reader *r, const rp_ynode *list, const char *what,
                               const rp_resident *res)
{
    double days = rp_resident_leave_days(res);
    if (days > MAX_LEAVE_DAYS) {
        rp_yerror(r->y, list, "leave of %s adds up to %.1f days; expected at most %d days in all",
                  what, days, MAX_LEAVE_DAYS);
        return;
    }
    const rp_calendar *cal = &r->m->calendar;
    int base = cal->years * cal->periods_per_year;
    int extension = rp_horizon(r->m, res) - base;
    if (extension <= cal->periods_per_year)
        return;
    const char *unit = cal->unit == RP_UNIT_WEEK ? _("weeks") : _("months");
    rp_yerror(r->y, list, "leave of %s extends the programme by %d %s; expected at most %d %s "
                          "(one programme year) of extension",
              what, extension, unit, cal->periods_per_year, unit);
}

/* ---- residents ---- */

static void read_course(reader *r, const rp_ynode *n, rp_resident *res)
{
    const char *s = NULL;
    if (rp_ystr(r->y, n, "course", false, &s) != 0)
        return;
    if (strcmp(s, "any") == 0)
        return;
    int c = rp_model_course(r->m, s);
    if (c != RP_NONE) {
        res->course = c;
        return;
    }
    const char **names = rp_xcalloc(r->m->n_courses + 1, sizeof *names);
    names[0] = "any";
    for (size_t i = 0; i < r->m->n_courses; i++)
        names[i + 1] = r->m->courses[i].id;
    char hint[256];
    rp_yerror(r->y, n, "unknown course '%s'%s", s,
              rp_yhint(hint, sizeof hint, s, names, r->m->n_courses + 1));
    free(names);
}

static void read_graduate_year(reader *r, const rp_ynode *n, rp_resident *res)
{
    if (rp_yint(r->y, n, "graduate_entry_year", 1, r->m->calendar.years,
                &res->graduate_entry_year) != 0)
        return;
    if (res->course >= 0 && !r->m->courses[res->course].graduate_school)
        rp_yerror(r->y, n, "graduate_entry_year '%d' is given but course '%s' has no graduate "
                           "school; expected course any or one with graduate_school",
                  res->graduate_entry_year, r->m->courses[res->course].id);
}

/* RAD-10: graduate_school: clinical (default) or nonclinical, for a resident in graduate school:
 * one asking for it (graduate_entry_year) or following a course with graduate school. */
static void read_graduate_status(reader *r, const rp_ynode *n, bool asked, rp_resident *res)
{
    static const char *const names[] = {"clinical", "nonclinical"};
    int v;
    if (rp_yenum(r->y, n, "graduate_school", names, 2, &v) != 0)
        return;
    bool course_has = res->course >= 0 && r->m->courses[res->course].graduate_school;
    if (!asked && !course_has) {
        rp_yerror(r->y, n, "graduate_school '%s' is given but resident '%s' is in no graduate "
                           "school; expected graduate_entry_year or a course with "
                           "graduate_school", names[v], res->id ? res->id : "?");
        return;
    }
    res->graduate = (rp_graduate)v;
}

/* One logged count of the experience's counts mapping: an item of the model, a whole number. */
static void read_count(reader *r, const rp_ynode *key, const rp_ynode *value, int *counts)
{
    const char *id = rp_ytext(key);
    const rp_model *m = r->m;
    size_t i = 0;
    while (i < m->n_experience && !rp_streq(m->experience_ids[i], id))
        i++;
    if (i == m->n_experience) {
        char hint[256];
        if (m->n_experience)
            rp_yhint(hint, sizeof hint, id ? id : "", m->experience_ids, m->n_experience);
        else
            snprintf(hint, sizeof hint, "; the model lists no experience_items");
        rp_yerror(r->y, key, "unknown experience item '%s'%s", id ? id : "", hint);
        return;
    }
    rp_yint(r->y, value, "experience count", 0, 1000000, &counts[i]);
}

static void read_supplemented(reader *r, const rp_ynode *list, bool *supplemented)
{
    size_t n = 0;
    if (rp_yseq(r->y, list, "supplemented", &n) != 0)
        return;
    const rp_model *m = r->m;
    for (size_t k = 0; k < n; k++) {
        const rp_ynode *item = rp_yseq_item(r->y, list, k);
        const char *id = rp_ytext(item);
        size_t i = 0;
        while (i < m->n_experience && !rp_streq(m->experience_ids[i], id))
            i++;
        if (i < m->n_experience) {
            supplemented[i] = true;
            continue;
        }
        char hint[256] = "";
        if (m->n_experience)
            rp_yhint(hint, sizeof hint, id ? id : "", m->experience_ids, m->n_experience);
        rp_yerror(r->y, item, "unknown experience item '%s' in supplemented%s", id ? id : "",
                  hint);
    }
}

/* RAD-16..19: experience: {as_of: MONTH|DATE|PERIOD, counts: {item: n}, supplemented: [item]}. */
static void read_experience(reader *r, const rp_ynode *n, const char *rwhat, rp_resident *res)
{
    static const rp_ykey keys[] = {
        {"as_of", RP_Y_SCALAR, false},
        {"counts", RP_Y_MAP, false},
        {"supplemented", RP_Y_SEQ, false},
    };
    const rp_ynode *v[N_OF(keys)];
    char what[160];
    snprintf(what, sizeof what, _("experience of %s"), rwhat);
    rp_ymap(r->y, n, what, keys, N_OF(keys), v);
    size_t k = r->m->n_experience;
    rp_experience *e = rp_arena_alloc(r->a, sizeof *e);
    e->counts = rp_arena_alloc(r->a, (k + 1) * sizeof *e->counts);
    e->supplemented = rp_arena_alloc(r->a, (k + 1) * sizeof *e->supplemented);
    e->pos = rp_ypos(r->y, n);
    for (size_t i = 0; i < k; i++)
        e->counts[i] = -1;
    if (v[0] && read_period(r, v[0], "as_of", res, true, &e->as_of) != 0)
        e->as_of = 0;
    if (v[1]) {
        size_t np = 0;
        const rp_ynode *const *ks = NULL, *const *vs = NULL;
        if (rp_ypairs(r->y, v[1], "counts", &ks, &vs, &np) == 0)
            for (size_t i = 0; i < np; i++)
                read_count(r, ks[i], vs[i], e->counts);
    }
    if (v[2])
        read_supplemented(r, v[2], e->supplemented);
    res->experience = e;
}

/* Non-clinical graduate school counts nothing (003 §10(5), L781): the programme is extended by
 * the months it leaves missing, at most one programme year, as for leave. */
static void check_graduate_bounds(reader *r, const rp_ynode *n, const rp_resident *res)
{
    const rp_calendar *cal = &r->m->calendar;
    int extension = rp_horizon(r->m, res) - cal->years * cal->periods_per_year;
    if (extension <= cal->periods_per_year)
        return;
    rp_yerror(r->y, n, "non-clinical graduate school from year %d extends the programme of "
                       "resident '%s' by %d months; expected at most %d months (one programme "
                       "year): enter later, or in clinical graduate school",
              rp_graduate_entry(r->m, res), res->id ? res->id : "?", extension,
              cal->periods_per_year);
}

enum { R_ID, R_NAME, R_COHORT, R_COURSE, R_GRADUATE, R_WISHES, R_PINS, R_LEAVE, R_GSTATUS,
       R_EXPERIENCE, R_COUNT };

static const rp_ykey resident_keys[R_COUNT] = {
    {"id", RP_Y_SCALAR, true},
    {"name", RP_Y_SCALAR, false},
    {"cohort", RP_Y_SCALAR, true},
    {"course", RP_Y_SCALAR, false},
    {"graduate_entry_year", RP_Y_SCALAR, false},
    {"wishes", RP_Y_SEQ, false},
    {"pins", RP_Y_SEQ, false},
    {"leave", RP_Y_SEQ, false},
    {"graduate_school", RP_Y_SCALAR, false},
    {"experience", RP_Y_MAP, false},
};

static void read_resident(reader *r, const rp_ynode *n, rp_resident *res)
{
    const rp_ynode *v[R_COUNT];
    char what[128];
    const char *id = rp_ytext(rp_ymap_get(r->y, n, "id"));
    if (id && *id && strlen(id) <= 64)
        snprintf(what, sizeof what, _("resident '%s'"), id);
    else
        snprintf(what, sizeof what, "%s", _("resident"));
    res->course = RP_ANY;
    res->pos = rp_ypos(r->y, n);
    size_t errors = rp_yerrors(r->y);
    rp_ymap(r->y, n, what, resident_keys, R_COUNT, v);
    if (v[R_ID])
        rp_yid(r->y, v[R_ID], "resident id", &res->id);
    if (v[R_NAME])
        rp_ystr(r->y, v[R_NAME], "name", false, &res->name);
    if (v[R_COHORT] && rp_yint(r->y, v[R_COHORT], "cohort", 1900, 2999, &res->cohort) != 0)
        res->cohort = 0;
    if (v[R_COURSE])
        read_course(r, v[R_COURSE], res);
    if (v[R_GRADUATE])
        read_graduate_year(r, v[R_GRADUATE], res);
    if (v[R_GSTATUS])
        read_graduate_status(r, v[R_GSTATUS], v[R_GRADUATE] != NULL, res);
    if (v[R_WISHES])
        read_wishes(r, v[R_WISHES], res);
    if (v[R_PINS])
        read_pins(r, v[R_PINS], what, res);
    if (v[R_LEAVE])
        read_leave(r, v[R_LEAVE], what, res);
    if (v[R_LEAVE] && rp_yerrors(r->y) == errors && res->cohort)
        check_leave_bounds(r, v[R_LEAVE], what, res);
    if (v[R_GSTATUS] && res->graduate == RP_GRADUATE_NONCLINICAL &&
        rp_yerrors(r->y) == errors && res->cohort)
        check_graduate_bounds(r, v[R_GSTATUS], res);
    if (v[R_EXPERIENCE])
        read_experience(r, v[R_EXPERIENCE], what, res);
}

static void read_residents(reader *r, const rp_ynode *list)
{
    size_t n = 0;
    if (rp_yseq(r->y, list, "residents", &n) != 0)
        return;
    if (n == 0) {
        rp_yerror(r->y, list, "no residents; expected at least one resident");
        return;
    }
    if (n > RP_MAX_RESIDENTS) {
        rp_yerror(r->y, rp_yseq_item(r->y, list, RP_MAX_RESIDENTS),
                  "%zu residents; expected at most %d in one file", n, RP_MAX_RESIDENTS);
        return;
    }
    for (size_t i = 0; i < n; i++) {
        const rp_ynode *item = rp_yseq_item(r->y, list, i);
        rp_resident res = {0};
        read_resident(r, item, &res);
        if (!res.id)
            continue;
        int dup = rp_cohort_resident(r->c, res.id);
        if (dup != RP_NONE)
            rp_yerror(r->y, rp_ymap_get(r->y, item, "id"),
                      "duplicate resident id '%s'; first defined at line %d", res.id,
                      r->c->residents[dup].pos.line);
        else
            *push_resident(r->c) = res;
    }
}

static void read_file(reader *r)
{
    static const rp_ykey keys[] = {
        {"programme", RP_Y_SCALAR, false},
        {"residents", RP_Y_SEQ, true},
    };
    const rp_ynode *v[N_OF(keys)];
    rp_ymap(r->y, rp_yroot(r->y), "the residents file", keys, N_OF(keys), v);
    const char *programme = NULL;
    if (v[0] && rp_ystr(r->y, v[0], "programme", false, &programme) == 0 &&
        !rp_streq(programme, r->m->id))
        rp_yerror(r->y, v[0], "programme '%s' is not the model's; expected '%s'", programme,
                  r->m->id);
    if (v[1])
        read_residents(r, v[1]);
}

int rp_cohort_load(const rp_model *m, const char *path, rp_cohort **out, rp_diags *d)
{
    rp_cohort *c = rp_cohort_new();
    if (rp_csv_path(path)) { /* a spreadsheet: one row per resident (cohort_csv.c) */
        if (rp_cohort_load_csv(m, path, c, d) != 0) {
            rp_cohort_free(c);
            return -1;
        }
        *out = c;
        return 0;
    }
    rp_yctx *y = rp_yctx_open(path, c->arena, d);
    if (!y) {
        rp_cohort_free(c);
        return -1;
    }
    c->path = rp_yfile(y);
    reader r = {y, m, c, c->arena};
    read_file(&r);
    size_t errors = rp_yerrors(y);
    rp_yctx_close(y);
    if (errors) {
        rp_cohort_free(c);
        return -1;
    }
    for (size_t i = 0; i < c->n_residents; i++)
        rp_resident_extend(m, &c->residents[i]);
    *out = c;
    return 0;
}
