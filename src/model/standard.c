/*
 * standard.c: the model's standard rotation (key `standard_rotation`, the programme's published
 * pattern), read with located errors, and the shape accessors of shape.h that the objective
 * (translate/shape.c) and the measure (report/shape.c) share: the field of a block, the core
 * hospital, the offset group of a resident and the block of the pattern in a period.
 *
 *     standard_rotation:
 *       groups: 5                  # offset groups; group k starts each year at its block k
 *       years:                     # one list per programme year, its blocks in order, filling it
 *         - [{department: internal-medicine, weeks: 24}, {department: emergency, weeks: 12}, ...]
 *         - [{field: CM, weeks: 8}, {facility: psych, weeks: 8}, {free: true, weeks: 16}, ...]
 *
 * A block names a department (at any facility that runs it, or at `facility`), a whole facility,
 * a field, or free choice; its length is in the calendar's unit (`weeks` or `months`).
 */
#include "model/standard.h"
#include "rotaplan/shape.h"
#include "util/i18n.h"
#include "util/util.h"

#include <string.h>

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

enum { MAX_GROUPS = 100 };

/* Whether some facility (or the given one) runs department id. */
static bool runs(const rp_model *m, int facility, const char *id)
{
    for (size_t f = 0; f < m->n_facilities; f++)
        if ((facility == RP_NONE || (int)f == facility) &&
            rp_facility_department(&m->facilities[f], id) != RP_NONE)
            return true;
    return false;
}

static int read_block(rp_yctx *y, const rp_ynode *n, const rp_model *m, int year,
                      rp_std_block *b)
{
    const char *unit = m->calendar.unit == RP_UNIT_WEEK ? "weeks" : "months";
    const rp_ykey keys[] = {
        {"department", RP_Y_SCALAR, false}, {"facility", RP_Y_SCALAR, false},
        {"field", RP_Y_SCALAR, false},      {"free", RP_Y_SCALAR, false},
        {unit, RP_Y_SCALAR, true},
    };
    const rp_ynode *v[N_OF(keys)];
    char what[96];
    snprintf(what, sizeof what, _("a block of year %d of standard_rotation"), year);
    size_t before = rp_yerrors(y);
    b->facility = RP_NONE;
    b->field = RP_NONE;
    b->pos = rp_ypos(y, n);
    rp_ymap(y, n, what, keys, N_OF(keys), v);
    if (v[0])
        rp_yid(y, v[0], "department", &b->department);
    if (v[1])
        rp_yfacility(y, v[1], m, "facility", &b->facility);
    if (v[2])
        rp_yenum(y, v[2], "field", rp_field_names, RP_N_FIELDS, &b->field);
    if (v[3])
        rp_ybool(y, v[3], "free", &b->free);
    if (v[4])
        rp_yint(y, v[4], unit, 1, m->calendar.periods_per_year, &b->periods);
    if (rp_yerrors(y) != before)
        return -1;
    if (b->department && !runs(m, b->facility, b->department))
        return rp_yerror(y, v[0], "department '%s' is run by no facility%s; expected a "
                                  "department id of the model's facilities",
                         b->department, b->facility == RP_NONE ? "" : " of that name");
    bool place = b->department || b->facility != RP_NONE;
    if ((place && b->field != RP_NONE) || (b->free && (place || b->field != RP_NONE)))
        return rp_yerror(y, n, "%s names more than one of department or facility, field and "
                               "free; expected one of them",
                         what);
    if (!place && b->field == RP_NONE && !b->free)
        return rp_yerror(y, n, "%s names no department, facility, field or free: true; "
                               "expected one of them",
                         what);
    return 0;
}

/* One programme year: its blocks, which must fill the year. */
static void read_year(rp_yctx *y, const rp_ynode *list, rp_model *m, int year, rp_std_block *out,
                      size_t *n_out)
{
    size_t n = 0;
    char what[64];
    snprintf(what, sizeof what, _("year %d of standard_rotation"), year);
    if (rp_yseq(y, list, what, &n) != 0)
        return;
    if (n == 0) {
        rp_yerror(y, list, "%s has no block; expected its blocks in order", what);
        return;
    }
    int total = 0;
    bool ok = true;
    for (size_t i = 0; i < n; i++) {
        rp_std_block b = {0};
        if (read_block(y, rp_yseq_item(y, list, i), m, year, &b) != 0) {
            ok = false;
            continue;
        }
        total += b.periods;
        out[(*n_out)++] = b;
    }
    const char *unit = m->calendar.unit == RP_UNIT_WEEK ? _("weeks") : _("months");
    if (ok && total != m->calendar.periods_per_year)
        rp_yerror(y, list, "the blocks of %s last %d %s; expected %d, the whole year", what,
                  total, unit, m->calendar.periods_per_year);
}

void rp_standard_read(rp_yctx *y, const rp_ynode *n, rp_model *m)
{
    static const rp_ykey keys[] = {
        {"groups", RP_Y_SCALAR, false},
        {"years", RP_Y_SEQ, true},
    };
    const rp_ynode *v[N_OF(keys)];
    size_t before = rp_yerrors(y);
    int groups = 1;
    rp_ymap(y, n, "standard_rotation", keys, N_OF(keys), v);
    if (v[0])
        rp_yint(y, v[0], "groups", 1, MAX_GROUPS, &groups);
    size_t years = 0;
    if (!v[1] || rp_yseq(y, v[1], "years of standard_rotation", &years) != 0)
        return;
    if ((int)years != m->calendar.years) {
        rp_yerror(y, v[1], "standard_rotation lists %zu year%s; expected one list of blocks for "
                           "each of the programme's %d year%s",
                  years, years == 1 ? "" : "s", m->calendar.years,
                  m->calendar.years == 1 ? "" : "s");
        return;
    }
    size_t cap = 0;
    for (size_t i = 0; i < years; i++) {
        size_t len = 0;
        const rp_ynode *item = rp_yseq_item(y, v[1], i);
        if (rp_ytype_of(item) == RP_Y_SEQ && rp_yseq(y, item, "year", &len) == 0)
            cap += len;
    }
    rp_arena *a = rp_yarena(y);
    rp_standard *s = &m->standard;
    s->blocks = rp_arena_alloc(a, (cap + 1) * sizeof *s->blocks);
    s->year_first = rp_arena_alloc(a, (years + 1) * sizeof *s->year_first);
    for (size_t i = 0; i < years; i++) {
        s->year_first[i] = s->n_blocks;
        read_year(y, rp_yseq_item(y, v[1], i), m, (int)i + 1, s->blocks, &s->n_blocks);
    }
    s->year_first[years] = s->n_blocks;
    s->n_years = years;
    s->pos = rp_ypos(y, n);
    if (rp_yerrors(y) == before)
        s->groups = groups; /* declared only when read without error */
}

/* ---- shape.h ---- */

const char *rp_shape_field(const rp_model *m, int facility, int department)
{
    if (facility < 0 || (size_t)facility >= m->n_facilities)
        return NULL;
    const rp_facility *f = &m->facilities[facility];
    if (m->n_field_ids == 0 || department < 0 || (size_t)department >= f->n_departments)
        return f->id;
    const rp_department *d = &f->departments[department];
    return d->field == RP_FIELD_ELECT ? d->id : rp_field_names[d->field];
}

bool rp_shape_home(const rp_model *m, int facility)
{
    if (facility < 0 || (size_t)facility >= m->n_facilities)
        return false;
    const rp_facility *f = &m->facilities[facility];
    return f->kind != RP_KIND_NONE ? f->kind == RP_KIND_CORE : f->role == RP_ROLE_BASE;
}

int rp_standard_group(const rp_model *m, const char *id, int cohort, const char *const *ids,
                      const int *cohorts, size_t n)
{
    if (m->standard.groups <= 1)
        return 0;
    size_t rank = 0;
    for (size_t i = 0; i < n; i++)
        if (cohorts[i] == cohort && strcmp(ids[i], id) < 0)
            rank++;
    return (int)(rank % (size_t)m->standard.groups);
}

const rp_std_block *rp_standard_block(const rp_model *m, int group, int p)
{
    const rp_standard *s = &m->standard;
    int ppy = m->calendar.periods_per_year;
    if (s->groups == 0 || p < 1)
        return NULL;
    size_t year = (size_t)((p - 1) / ppy);
    if (year >= s->n_years)
        return NULL;
    int q = (p - 1) % ppy; /* 0-based period of the year */
    size_t first = s->year_first[year], n = s->year_first[year + 1] - first;
    if (n == 0)
        return NULL;
    for (size_t i = 0; i < n; i++) {
        const rp_std_block *b = &s->blocks[first + ((size_t)group + i) % n];
        if (q < b->periods)
            return b;
        q -= b->periods;
    }
    return NULL;
}

bool rp_standard_matches(const rp_model *m, const rp_std_block *b, int facility, int department)
{
    if (b->free)
        return true;
    if (facility < 0 || (size_t)facility >= m->n_facilities)
        return false;
    if (b->facility != RP_NONE && b->facility != facility)
        return false;
    const rp_facility *f = &m->facilities[facility];
    const rp_department *d =
        department >= 0 && (size_t)department < f->n_departments ? &f->departments[department]
                                                                 : NULL;
    if (b->department)
        return d && strcmp(d->id, b->department) == 0;
    if (b->field != RP_NONE)
        return d && (int)d->field == b->field;
    return true; /* the facility alone */
}
