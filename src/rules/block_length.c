/*
 * block_length.c: kind `block-length`, the lengths a programme gives the blocks of some fields or
 * departments (issue 12: "内科 in 6-week units beside 4-week blocks elsewhere").
 *
 * Rule: a block is a maximal run of consecutive periods at one department of one facility (the
 * reading of a stint in min-stint and RULES.md RAD-04, narrowed to the department, since the
 * same facility runs blocks of several fields one after the other; INIT-21's runs of a field
 * are field-min-run's). Every block of a department listed (by id, `departments:`, or by field,
 * `fields:`) lasts
 *     unit: U          a multiple of U periods (U, 2U, 3U, ...);
 *     lengths: [...]   one of the lengths listed;
 *     min: a, max: b   from a to b periods (max absent: a or more);
 * and, with `aligned: true`, starts on period 1 + kG of the resident's own calendar, G being the
 * unit, the smallest length, or min (a programme's fixed grid); without it a block may start on
 * any period. Lengths are in the calendar's periods (weeks or months): the kind reads months.
 * Leave: a leave period in which the resident keeps the department (the timeline keeps its
 * facility) belongs to the block, as in min-stint; a period without a facility (study abroad,
 * non-clinical graduate school) or the end of the horizon ends the block, which must then have
 * an allowed length on its own.
 *
 * Pieces: at a department listed, only pieces that are allowed blocks on their own (of an
 * allowed length; with aligned, starting on the grid) are admitted; for a unit, pieces of
 * exactly U (a block of 12 is two pieces of 6); for a minimum alone, pieces of a to 2a - 1 (every
 * run of a or more is a union of them). These two "chain": pieces of the place may touch. A
 * piece keeps its parallel session over its whole length, as under rotation-unit.
 *
 * Rows, per resident r and department place (f, d), over "items" i with first period a_i, last
 * b_i and column y_i: the pieces of (f, d) when every one of them is an allowed item, else block
 * columns y[a, L] (binary, one per start a and item length L that avoid periods without a
 * facility) with
 *     z[p] - sum_{i covering p} y_i = 0                 (the items tile the department's periods)
 * and then
 *     sum_{b_i = p-1} y_i + sum_{a_i = p} y_i <= 1      for every p (items that do not chain may
 *                                                       not touch: each is a whole block);
 *     sum_{a_i = p} y_i - sum_{b_i = p-1} y_i <= 0      for p off the grid (aligned, chaining
 *                                                       items: an item off the grid continues
 *                                                       a block).
 * Items that do not chain start on the grid only (aligned). No row is written where none binds.
 *
 * Check: walks each resident's periods, cuts them into blocks (one facility and department, a
 * facility held), and judges every block of a department listed: its length and, aligned, its
 * start. It asks its own judged() and grid_start(), not governs() and on_grid() of the rows.
 *
 * Used by: the programmes' own block structure (issue 12); a model rule id, class programme.
 */
#include "rules/kind.h"
#include "rules/places.h"
#include "rules/weeks.h"
#include "util/i18n.h"

#include <string.h>

#define MAX_LENGTHS 32

typedef enum shape { SHAPE_UNIT, SHAPE_LENGTHS, SHAPE_RANGE } shape;

typedef struct params {
    bool by_field;
    bool fields[RP_N_FIELDS];
    const char **departments; /* arena */
    size_t n_departments;
    shape shape;
    int unit;                 /* SHAPE_UNIT */
    int lengths[MAX_LENGTHS]; /* SHAPE_LENGTHS, ascending, distinct */
    size_t n_lengths;
    int min, max; /* SHAPE_RANGE; max 0: none */
    bool aligned;
} params;

/* ---- parameters ---- */

enum { K_FIELDS, K_DEPARTMENTS, K_UNIT, K_LENGTHS, K_MIN, K_MAX, K_ALIGNED, K_COUNT };

static int read_lengths(params *p, rp_yctx *y, const rp_ynode *n, int most)
{
    size_t count = 0;
    if (rp_yseq(y, n, "lengths", &count) != 0)
        return -1;
    if (count == 0)
        return rp_yerror(y, n, "lengths is empty; expected at least one length");
    if (count > MAX_LENGTHS)
        return rp_yerror(y, n, "lengths lists %zu lengths; expected at most %d", count,
                         MAX_LENGTHS);
    int err = 0;
    for (size_t i = 0; i < count; i++) {
        const rp_ynode *item = rp_yseq_item(y, n, i);
        int v;
        if (rp_yint(y, item, "length", 1, most, &v) != 0) {
            err = -1;
            continue;
        }
        size_t k = p->n_lengths; /* insert in order; a repeated length is an error */
        while (k > 0 && p->lengths[k - 1] > v)
            k--;
        if (k > 0 && p->lengths[k - 1] == v) {
            err = rp_yerror(y, item, "length '%d' is listed twice; expected distinct lengths", v);
            continue;
        }
        memmove(p->lengths + k + 1, p->lengths + k, (p->n_lengths - k) * sizeof *p->lengths);
        p->lengths[k] = v;
        p->n_lengths++;
    }
    return err;
}

/* given counts the keys of `what` present: exactly one, else an error at the params (node). */
static int one_of(rp_yctx *y, const rp_rule *rule, const rp_ynode *node, const char *what,
                  int given)
{
    if (given == 1)
        return 0;
    const char *why = given == 0 ? _("has none") : _("has more than one");
    if (node)
        return rp_yerror(y, node, "params of rule '%s' %s of %s; expected exactly one",
                         rule->id, why, what);
    return rp_yerror_pos(y, rule->pos, "rule '%s' (kind '%s') needs params with exactly one of %s",
                         rule->id, rule->kind->name, what);
}

static int read_shape(params *p, rp_yctx *y, const rp_rule *rule, const rp_ynode *node,
                      const rp_ynode *const *v, int most)
{
    int err = one_of(y, rule, node, "'unit', 'lengths' and 'min'",
                     (v[K_UNIT] != NULL) + (v[K_LENGTHS] != NULL) + (v[K_MIN] != NULL));
    if (v[K_MAX] && !v[K_MIN])
        err = rp_yerror(y, v[K_MAX], "'max' without 'min'; expected 'min' beside it");
    if (err)
        return -1;
    if (v[K_UNIT]) {
        p->shape = SHAPE_UNIT;
        return rp_yint(y, v[K_UNIT], "unit", 1, most, &p->unit);
    }
    if (v[K_LENGTHS]) {
        p->shape = SHAPE_LENGTHS;
        return read_lengths(p, y, v[K_LENGTHS], most);
    }
    p->shape = SHAPE_RANGE;
    if (rp_yint(y, v[K_MIN], "min", 1, most, &p->min) != 0)
        return -1;
    if (v[K_MAX] && rp_yint(y, v[K_MAX], "max", p->min, most, &p->max) != 0)
        return -1;
    return 0;
}

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    static const rp_ykey keys[K_COUNT] = {
        {"fields", RP_Y_SEQ, false},  {"departments", RP_Y_SEQ, false},
        {"unit", RP_Y_SCALAR, false}, {"lengths", RP_Y_SEQ, false},
        {"min", RP_Y_SCALAR, false},  {"max", RP_Y_SCALAR, false},
        {"aligned", RP_Y_SCALAR, false},
    };
    const rp_ynode *v[K_COUNT];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, K_COUNT, v) != 0)
        return -1;
    int most = m->calendar.periods_per_year * m->calendar.years;
    int err = one_of(y, rule, node, "'fields' and 'departments'",
                     (v[K_FIELDS] != NULL) + (v[K_DEPARTMENTS] != NULL));
    if (!err && v[K_FIELDS]) {
        p->by_field = true;
        err = rp_read_fields(y, v[K_FIELDS], "fields", p->fields);
    } else if (!err) {
        err = rp_read_departments(y, v[K_DEPARTMENTS], m, &p->departments, &p->n_departments);
    }
    if (read_shape(p, y, rule, node, v, most) != 0)
        err = -1;
    if (v[K_ALIGNED] && rp_ybool(y, v[K_ALIGNED], "aligned", &p->aligned) != 0)
        err = -1;
    return err;
}

/* ---- what the rows ask (the check has its own judged() and grid_start()) ---- */

/* Whether the department named id (of field field) is one the rule governs. */
static bool governs(const params *pa, const char *id, int field)
{
    if (pa->by_field)
        return field >= 0 && field < RP_N_FIELDS && pa->fields[field];
    for (size_t i = 0; i < pa->n_departments; i++)
        if (strcmp(pa->departments[i], id) == 0)
            return true;
    return false;
}

/* The grid blocks start on when aligned. */
static int grid(const params *pa)
{
    return pa->shape == SHAPE_UNIT ? pa->unit
           : pa->shape == SHAPE_LENGTHS ? pa->lengths[0]
                                        : pa->min;
}

static bool on_grid(const params *pa, int p)
{
    return !pa->aligned || (p - 1) % grid(pa) == 0;
}

/* ---- pieces and rows ---- */

/* Items chain (may touch) for a unit and for a minimum alone; else each item is a whole block. */
static bool chains(const params *pa)
{
    return pa->shape == SHAPE_UNIT || (pa->shape == SHAPE_RANGE && pa->max == 0);
}

/* Whether an item (a piece, or a block column) of length len may exist. */
static bool item_length(const params *pa, int len)
{
    switch (pa->shape) {
    case SHAPE_UNIT:
        return len == pa->unit;
    case SHAPE_LENGTHS:
        for (size_t i = 0; i < pa->n_lengths; i++)
            if (pa->lengths[i] == len)
                return true;
        return false;
    case SHAPE_RANGE:
        return len >= pa->min && len <= (pa->max ? pa->max : 2 * pa->min - 1);
    }
    return false;
}

static int longest_item(const params *pa)
{
    return pa->shape == SHAPE_UNIT      ? pa->unit
           : pa->shape == SHAPE_LENGTHS ? pa->lengths[pa->n_lengths - 1]
           : pa->max                    ? pa->max
                                        : 2 * pa->min - 1;
}

/* Whether an item may start at p: chaining items anywhere (a row ties an off-grid start to the
 * block it continues), except a unit's, which chain on the grid; the others on the grid. */
static bool item_start(const params *pa, int p)
{
    return (chains(pa) && pa->shape != SHAPE_UNIT) || on_grid(pa, p);
}

static bool governs_place(const params *pa, const rp_model *m, int f, int d)
{
    if (f < 0 || d < 0)
        return false;
    const rp_department *dep = &m->facilities[f].departments[d];
    return governs(pa, dep->id, (int)dep->field);
}

static int max_piece(const rp_rule *rule, const rp_model *m, const rp_resident *r, int f, int d)
{
    (void)r;
    const params *pa = rule->params;
    return governs_place(pa, m, f, d) ? longest_item(pa) : 1;
}

static bool admit(const rp_rule *rule, const rp_model *m, const rp_resident *r,
                  const rp_piece *pc, bool *allowed)
{
    (void)r;
    (void)allowed;
    const params *pa = rule->params;
    return !governs_place(pa, m, pc->facility, pc->department) ||
           (item_length(pa, pc->last - pc->first + 1) && item_start(pa, pc->first));
}

/* The items of one place: columns with their periods. */
typedef struct items {
    int *col, *first, *last;
    size_t n, cap;
} items;

static void items_add(items *it, int col, int first, int last)
{
    if (it->n == it->cap) {
        it->cap = it->cap ? 2 * it->cap : 64;
        it->col = rp_xrealloc(it->col, it->cap * sizeof *it->col);
        it->first = rp_xrealloc(it->first, it->cap * sizeof *it->first);
        it->last = rp_xrealloc(it->last, it->cap * sizeof *it->last);
    }
    it->col[it->n] = col;
    it->first[it->n] = first;
    it->last[it->n] = last;
    it->n++;
}

static void items_free(items *it)
{
    free(it->col);
    free(it->first);
    free(it->last);
}

/* The pieces of r at (f, d) as items; false (and no items) when one of them is no item, or
 * when there is none. */
static bool piece_items(const params *pa, const rp_emit *em, size_t r, int f, int d, items *it)
{
    size_t np;
    const rp_piece *pieces = rp_space_pieces(em->space, r, &np);
    for (size_t i = 0; i < np; i++) {
        const rp_piece *pc = &pieces[i];
        if (pc->facility != f || pc->department != d)
            continue;
        if (!item_length(pa, pc->last - pc->first + 1) || !item_start(pa, pc->first)) {
            it->n = 0;
            return false;
        }
        items_add(it, pc->col, pc->first, pc->last);
    }
    return it->n > 0;
}

/* Whether r's place (f, d) has a piece at all (a department the resident may train in). */
static bool has_pieces(const rp_emit *em, size_t r, int f, int d)
{
    size_t np;
    const rp_piece *pieces = rp_space_pieces(em->space, r, &np);
    for (size_t i = 0; i < np; i++)
        if (pieces[i].facility == f && pieces[i].department == d)
            return true;
    return false;
}

/* Block columns y[a, L] for every start and item length that avoid periods without a facility,
 * and the rows that make them tile the place's periods. */
static void block_items(const params *pa, rp_emit *em, size_t r, int f, int d, items *it)
{
    const rp_timeline *t = &em->timelines[r];
    int h = rp_space_horizon(em->space, r), longest = longest_item(pa);
    for (int a = 1; a <= h; a++) {
        if (!item_start(pa, a))
            continue;
        for (int b = a; b < a + longest && b <= h; b++) {
            if (!rp_status_keeps_facility(t->status[b]))
                break;
            if (!item_length(pa, b - a + 1))
                continue;
            int col = rp_emit_col(em, RP_COL_BINARY, 0, 1, "y_r%zu_f%d_d%d_%d_%d", r, f, d, a, b);
            items_add(it, col, a, b);
        }
    }
    rp_expr e = {0};
    for (int p = 1; p <= h; p++) {
        rp_expr_clear(&e);
        rp_space_add_zd(em->space, &e, r, p, f, d, 1);
        for (size_t i = 0; i < it->n; i++)
            if (it->first[i] <= p && p <= it->last[i])
                rp_expr_add(&e, it->col[i], -1);
        rp_emit_row(em, &e, RP_EQ, 0, (int)r, f, p, p, "tile_r%zu_f%d_d%d_p%d", r, f, d, p);
    }
    rp_expr_free(&e);
}

/* The touching rows over a place's items (see the header). */
static void touch_rows(const params *pa, rp_emit *em, size_t r, int f, int d, const items *it)
{
    bool chain = chains(pa);
    if (chain && (!pa->aligned || pa->shape == SHAPE_UNIT))
        return; /* chaining items on the grid, or with no grid: nothing to say */
    int h = rp_space_horizon(em->space, r);
    rp_expr e = {0};
    for (int p = 2; p <= h; p++) {
        if (chain && on_grid(pa, p))
            continue;
        rp_expr_clear(&e);
        bool starts = false;
        for (size_t i = 0; i < it->n; i++) {
            if (it->first[i] == p) {
                rp_expr_add(&e, it->col[i], 1);
                starts = true;
            } else if (it->last[i] == p - 1) {
                rp_expr_add(&e, it->col[i], chain ? -1 : 1);
            }
        }
        if (!starts)
            continue;
        rp_emit_row(em, &e, RP_LE, chain ? 0 : 1, (int)r, f, p - 1, p, "%s_r%zu_f%d_d%d_p%d",
                    chain ? "continue" : "apart", r, f, d, p);
    }
    rp_expr_free(&e);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    const params *pa = rule->params;
    const rp_model *m = em->model;
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        for (size_t f = 0; f < m->n_facilities; f++) {
            for (size_t d = 0; d < m->facilities[f].n_departments; d++) {
                if (!governs_place(pa, m, (int)f, (int)d) || !has_pieces(em, r, (int)f, (int)d))
                    continue;
                items it = {0};
                if (!piece_items(pa, em, r, (int)f, (int)d, &it))
                    block_items(pa, em, r, (int)f, (int)d, &it);
                touch_rows(pa, em, r, (int)f, (int)d, &it);
                items_free(&it);
            }
        }
    }
    return 0;
}

/* ---- check ---- */

/* The department id of a cell (a department the facility does not run, named by a hand-made
 * plan, included), or NULL when the cell holds no department. */
static const char *cell_department(const rp_model *m, const rp_cell *c)
{
    if (c->facility < 0)
        return NULL;
    if (c->department >= 0)
        return m->facilities[c->facility].departments[c->department].id;
    return c->department_id;
}

static bool same_block(const rp_model *m, const rp_cell *a, const rp_cell *b)
{
    const char *da = cell_department(m, a), *db = cell_department(m, b);
    return a->facility == b->facility && da && db && strcmp(da, db) == 0;
}

/* Whether a block of len periods is of an allowed length (the rule's meaning, not its items). */
static bool allowed_length(const params *pa, int len)
{
    switch (pa->shape) {
    case SHAPE_UNIT:
        return len % pa->unit == 0;
    case SHAPE_LENGTHS:
        for (size_t i = 0; i < pa->n_lengths; i++)
            if (pa->lengths[i] == len)
                return true;
        return false;
    case SHAPE_RANGE:
        return len >= pa->min && (pa->max == 0 || len <= pa->max);
    }
    return false;
}

/* Check: whether a block of department id, of field `field`, falls under the rule: its id is
 * listed, or (by field) its field is. Not governs(), which the rows ask. */
static bool judged(const params *pa, const char *id, int field)
{
    if (pa->by_field)
        return field != RP_NONE && pa->fields[field];
    bool listed = false;
    for (size_t i = 0; i < pa->n_departments && !listed; i++)
        listed = strcmp(id, pa->departments[i]) == 0;
    return listed;
}

/* Check: whether a block starting on period first starts on the grid 1, 1 + G, 1 + 2G, ... of
 * an aligned rule, G being its unit, its shortest length or its min (any start when not
 * aligned). Not on_grid(), which the rows ask. */
static bool grid_start(const params *pa, int first)
{
    if (!pa->aligned)
        return true;
    int g = pa->min;
    if (pa->shape == SHAPE_UNIT)
        g = pa->unit;
    for (size_t i = 0; pa->shape == SHAPE_LENGTHS && i < pa->n_lengths; i++)
        if (i == 0 || pa->lengths[i] < g)
            g = pa->lengths[i];
    int start = 1;
    while (start < first)
        start += g;
    return start == first;
}

/* "a multiple of 6 weeks", "4 or 8 weeks", "4 to 12 weeks", "4 weeks or more". */
static void required_text(const rp_model *m, const params *pa, char *out, size_t size)
{
    size_t k = 0;
    switch (pa->shape) {
    case SHAPE_UNIT:
        k = (size_t)snprintf(out, size, _("a multiple of %d %s"), pa->unit,
                             rp_unit_word(m, pa->unit));
        break;
    case SHAPE_LENGTHS:
        for (size_t i = 0; i < pa->n_lengths && k < size; i++)
            k += (size_t)snprintf(out + k, size - k, "%s%d",
                                  i == 0                   ? ""
                                  : i + 1 == pa->n_lengths ? " or "
                                                           : ", ",
                                  pa->lengths[i]);
        if (k < size)
            k += (size_t)snprintf(out + k, size - k, " %s", rp_unit_word(m, 2));
        break;
    case SHAPE_RANGE:
        if (pa->max)
            k = (size_t)snprintf(out, size, _("%d to %d %s"), pa->min, pa->max,
                                 rp_unit_word(m, pa->max));
        else
            k = (size_t)snprintf(out, size, _("%d %s or more"), pa->min, rp_unit_word(m, pa->min));
        break;
    }
    if (pa->aligned && k < size)
        snprintf(out + k, size - k, _(", starting on %s 1 + %dk"), rp_unit_word(m, 1), grid(pa));
}

static void report_block(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out,
                         size_t r, int first, int last)
{
    const rp_model *m = ctx->model;
    const params *pa = rule->params;
    const rp_resident_plan *rp = &ctx->residents[r];
    const rp_cell *c = &rp->cells[first];
    int len = last - first + 1;
    char req[160], got[96];
    required_text(m, pa, req, sizeof req);
    bool length_ok = allowed_length(pa, len);
    if (length_ok)
        snprintf(got, sizeof got, _("a block starting on %s %d"), rp_unit_word(m, 1), first);
    else
        snprintf(got, sizeof got, "%d %s", len, rp_unit_word(m, len));
    rp_finding_add(out, ctx, rule, (int)r, c->facility, first, last, req, got,
                   "the block of resident %s in %s at %s lasts %d %s (%s %d-%d)%s; a block there "
                   "lasts %s",
                   rp->planned->id, cell_department(m, c), m->facilities[c->facility].id, len,
                   rp_unit_word(m, len), rp_unit_word(m, 2), first, last,
                   length_ok ? " and starts off the grid" : "", req);
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        int first = 1;
        for (int p = 1; p <= rp->horizon; p++) {
            const rp_cell *c = &rp->cells[first];
            if (p < rp->horizon && same_block(m, c, &rp->cells[p + 1]))
                continue;
            /* first..p is a block (or a period without a department) */
            const char *id = cell_department(m, c);
            int field = !id                ? RP_NONE
                        : c->department >= 0 ? (int)m->facilities[c->facility].departments[c->department].field
                                             : (int)rp_model_field_of(m, id);
            if (id && judged(pa, id, field) &&
                (!allowed_length(pa, p - first + 1) || !grid_start(pa, first)))
                report_block(rule, ctx, out, r, first, p);
            first = p + 1;
        }
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    char req[160], what[512];
    required_text(m, pa, req, sizeof req);
    size_t k = 0;
    what[0] = '\0';
    for (int f = 0; pa->by_field && f < RP_N_FIELDS && k < sizeof what; f++)
        if (pa->fields[f])
            k += (size_t)snprintf(what + k, sizeof what - k, "%s%s", k ? ", " : "",
                                  rp_field_label(f));
    for (size_t i = 0; !pa->by_field && i < pa->n_departments && k < sizeof what; i++)
        k += (size_t)snprintf(what + k, sizeof what - k, "%s%s", k ? ", " : "",
                              pa->departments[i]);
    return rp_xasprintf(_("every block in %s lasts %s"), what, req);
}

const rp_rule_kind rp_kind_block_length = {
    .name = "block-length",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
    .max_piece = max_piece,
    .admit = admit,
};
