/*
 * choose.c: kind `choose`, k of n: every resident trains in at least k of the listed fields or
 * departments, each for at least a given number of weeks (in a window, if one is given).
 *
 * Rule: the items are the listed fields (`fields: [PED, OBGYN, PSY, SURG, ANES]`), the listed
 * department ids (`departments: [cardiology, nephrology]`), or every department id of one field
 * (`departments_of: IM`: the distinct departments within a field, "at least 3 internal-medicine
 * departments"; a department id run by two facilities is one department). An item is chosen when
 * the resident's blocks in it (weeks, whatever their sessions, as weeks-in counts them) number at
 * least `weeks` inside the window; at least `choose` items must be chosen.
 *
 * Rows: a binary b_j per item j, with w_j the weeks in item j (the pieces' periods in the
 * window):  w_j - weeks * b_j >= 0,  sum_j b_j >= choose.
 *
 * Check: counts each item's weeks from the plan's cells, and the items that reach `weeks`. The
 * check asks check/judge.h (rp_judge_place, rp_judge_window), not the rows' places.c matching.
 *
 * Used by: the k-of-n choice and the distinct internal-medicine departments of
 * models/minami-general-2024.yaml.
 */
#include "check/judge.h"
#include "rules/kind.h"
#include "rules/places.h"
#include "rules/weeks.h"
#include "util/i18n.h"

#include <string.h>

typedef struct params {
    rp_place_set *items; /* each one field or one department id (arena) */
    size_t n_items;
    int choose, weeks;
    rp_window window;
} params;

static int items_of_fields(params *p, rp_yctx *y, const rp_ynode *n)
{
    bool in[RP_N_FIELDS];
    if (rp_read_fields(y, n, "fields", in) != 0)
        return -1;
    p->items = rp_arena_alloc(rp_yarena(y), RP_N_FIELDS * sizeof *p->items);
    for (int X = 0; X < RP_N_FIELDS; X++)
        if (in[X]) {
            rp_place_set *s = &p->items[p->n_items++];
            memset(s, 0, sizeof *s);
            s->any_field = true;
            s->fields[X] = true;
        }
    return 0;
}

static rp_place_set *add_department(params *p, rp_yctx *y, const char *id)
{
    for (size_t i = 0; i < p->n_items; i++)
        if (strcmp(p->items[i].departments[0], id) == 0)
            return NULL;
    rp_place_set *s = &p->items[p->n_items++];
    memset(s, 0, sizeof *s);
    s->departments = rp_arena_alloc(rp_yarena(y), sizeof *s->departments);
    s->departments[0] = id;
    s->n_departments = 1;
    return s;
}

static int items_of_departments(params *p, rp_yctx *y, const rp_rule *rule, const rp_ynode *n,
                                const rp_model *m)
{
    rp_place_set all;
    if (rp_place_set_parse(&all, y, rule, NULL, n, NULL, m) != 0)
        return -1;
    p->items = rp_arena_alloc(rp_yarena(y), all.n_departments * sizeof *p->items);
    for (size_t i = 0; i < all.n_departments; i++)
        if (!add_department(p, y, all.departments[i]))
            return rp_yerror(y, n, "department '%s' is listed twice; expected distinct "
                                   "departments", all.departments[i]);
    return 0;
}

static int items_of_field(params *p, rp_yctx *y, const rp_ynode *n, const rp_model *m)
{
    int X;
    if (rp_yenum(y, n, "field", rp_field_names, RP_N_FIELDS, &X) != 0)
        return -1;
    size_t total = 0;
    for (size_t f = 0; f < m->n_facilities; f++)
        total += m->facilities[f].n_departments;
    p->items = rp_arena_alloc(rp_yarena(y), (total ? total : 1) * sizeof *p->items);
    for (size_t f = 0; f < m->n_facilities; f++)
        for (size_t d = 0; d < m->facilities[f].n_departments; d++)
            if ((int)m->facilities[f].departments[d].field == X)
                add_department(p, y, m->facilities[f].departments[d].id);
    return 0;
}

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    static const rp_ykey keys[] = {
        {"choose", RP_Y_SCALAR, true},        {"weeks", RP_Y_SCALAR, true},
        {"fields", RP_Y_SEQ, false},          {"departments", RP_Y_SEQ, false},
        {"departments_of", RP_Y_SCALAR, false}, {"year", RP_Y_SCALAR, false},
        {"periods", RP_Y_SEQ, false},
    };
    const rp_ynode *v[7];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 7, v) != 0)
        return -1;
    int err = rp_require_weeks(y, rule, m);
    int total = m->calendar.years * m->calendar.periods_per_year;
    if (rp_yint(y, v[1], "weeks", 1, total, &p->weeks) != 0)
        err = -1;
    if (rp_window_parse(&p->window, y, rule, v[5], v[6], m) != 0)
        err = -1;
    if ((v[2] != NULL) + (v[3] != NULL) + (v[4] != NULL) != 1)
        return rp_yerror_pos(y, rule->pos, "rule '%s' needs exactly one of 'fields', "
                                           "'departments' and 'departments_of' in its params",
                             rule->id);
    int items = v[2]   ? items_of_fields(p, y, v[2])
                : v[3] ? items_of_departments(p, y, rule, v[3], m)
                       : items_of_field(p, y, v[4], m);
    if (items != 0)
        return -1;
    if (rp_yint(y, v[0], "choose", 1, 1000, &p->choose) != 0)
        return -1;
    if (!err && (size_t)p->choose > p->n_items)
        err = rp_yerror(y, v[0], "choose '%d' is more than the %zu items listed; expected at "
                                 "most %zu", p->choose, p->n_items, p->n_items);
    return err;
}

/* ---- rows ---- */

static void emit_resident(const params *pa, rp_emit *em, size_t r)
{
    int h = rp_space_horizon(em->space, r);
    rp_expr total = {0}, e = {0};
    for (size_t j = 0; j < pa->n_items; j++) {
        rp_expr_clear(&e);
        rp_place_set_add_pieces(&e, &pa->items[j], &pa->window, em, r);
        if (e.n == 0)
            continue; /* the item cannot be chosen: b_j = 0 */
        int b = rp_emit_col(em, RP_COL_BINARY, 0, 1, "b_r%zu_%zu", r, j);
        rp_expr_add(&e, b, -pa->weeks);
        rp_emit_row(em, &e, RP_GE, 0, (int)r, RP_NONE, 1, h, "item_r%zu_%zu", r, j);
        rp_expr_add(&total, b, 1);
    }
    rp_emit_row(em, &total, RP_GE, pa->choose, (int)r, RP_NONE, 1, h, "r%zu", r);
    rp_expr_free(&total);
    rp_expr_free(&e);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    for (size_t r = 0; r < em->cohort->n_residents; r++)
        emit_resident(rule->params, em, r);
    return 0;
}

/* ---- check ---- */

/* "cardiology; nephrology; ..." (heap). */
static char *items_text(const params *pa, const rp_model *m)
{
    rp_buf b = {0};
    for (size_t j = 0; j < pa->n_items; j++) {
        char *s = rp_place_set_describe(&pa->items[j], m);
        rp_buf_printf(&b, "%s%s", j ? "; " : "", s);
        free(s);
    }
    return rp_buf_take(&b);
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    int *weeks = rp_xcalloc(pa->n_items, sizeof *weeks);
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        memset(weeks, 0, pa->n_items * sizeof *weeks);
        for (int p = 1; p <= rp->horizon; p++) {
            if (!rp_judge_window(&pa->window, m, p))
                continue;
            const rp_cell *c = &rp->cells[p];
            for (size_t j = 0; j < pa->n_items; j++)
                weeks[j] += rp_judge_place(&pa->items[j], m, c);
        }
        int chosen = 0;
        for (size_t j = 0; j < pa->n_items; j++)
            chosen += weeks[j] >= pa->weeks;
        if (chosen >= pa->choose)
            continue;
        char req[64], got[32];
        snprintf(req, sizeof req, _("%d of %zu, %d weeks each"), pa->choose, pa->n_items,
                 pa->weeks);
        snprintf(got, sizeof got, "%d", chosen);
        char *when = rp_window_describe(&pa->window, m);
        char *items = items_text(pa, m);
        rp_finding_add(out, ctx, rule, (int)r, RP_NONE, 1, rp->horizon, req, got,
                       "resident %s trains %d weeks or more%s in %d of %s; the programme asks "
                       "for %d of the %zu", rp->planned->id, pa->weeks, when, chosen, items,
                       pa->choose, pa->n_items);
        free(items);
        free(when);
    }
    free(weeks);
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    rp_buf b = {0};
    rp_buf_printf(&b, _("every resident spends at least %d weeks in each of %d of: "), pa->weeks,
                  pa->choose);
    char *items = items_text(pa, m);
    rp_buf_add(&b, items);
    free(items);
    char *when = rp_window_describe(&pa->window, m);
    rp_buf_add(&b, when);
    free(when);
    return rp_buf_take(&b);
}

const rp_rule_kind rp_kind_choose = {
    .name = "choose",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
