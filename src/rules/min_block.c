/*
 * min_block.c: kind `min-block`, at least one block of a department lasting a minimum of weeks.
 *
 * Rule: every resident has at least one run of L or more contiguous weeks in a block of the
 * department (at any facility). Weeks of another department never make up for it: parallel
 * emergency days and anaesthesiology weeks cannot replace it (INIT-22).
 *
 * Rows: when every piece of the department lasts L weeks or more, sum of those pieces >= 1.
 * Otherwise, a continuous u per window of L weeks with u_W <= z[v] (the department's pieces
 * covering v) for v in W, and sum_W u_W >= 1: some window is all in the department.
 *
 * Check: the runs of the plan's blocks in the department, found by the check's own walk of the
 * weeks (not of_department, which the rows use).
 *
 * The department is named by the model: `department: emergency`, or `departments: [er, ecu]`
 * for a programme whose emergency training runs under several department ids (a week in any of
 * them continues the block).
 *
 * Used by: INIT-22 (救急部門 4 weeks, 000 Q23 L36); INIT-22 of models/minami-general-2024.yaml
 * (its 救命救急センター, department `er`).
 */
#include "rules/kind.h"
#include "rules/weeks.h"
#include "util/i18n.h"

#include <string.h>

typedef struct params {
    const char **departments; /* arena */
    size_t n_departments;
    const char *label;        /* "emergency", "er, ecu" (arena) */
    int weeks;
} params;

static int read_department(rp_yctx *y, const rp_ynode *n, const rp_model *m, params *p)
{
    const char *id = NULL;
    if (rp_yid(y, n, "department", &id) != 0)
        return -1;
    if (!rp_model_knows_department(m, id))
        return rp_yerror(y, n, "unknown department '%s'; expected a department of the model",
                         id);
    p->departments[p->n_departments++] = id;
    return 0;
}

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    static const rp_ykey keys[] = {
        {"department", RP_Y_SCALAR, false},
        {"weeks", RP_Y_SCALAR, true},
        {"departments", RP_Y_SEQ, false},
    };
    const rp_ynode *v[3];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 3, v) != 0)
        return -1;
    if (!v[0] && !v[2] && node)
        return rp_yerror(y, node, "missing key 'department' in %s", rp_kind_what(y, rule));
    if ((v[0] != NULL) == (v[2] != NULL))
        return rp_yerror_pos(y, rule->pos, "rule '%s' needs exactly one of 'department' and "
                                           "'departments' in its params", rule->id);
    size_t n = 1;
    if (v[2] && rp_yseq(y, v[2], "departments", &n) != 0)
        return -1;
    if (n == 0)
        return rp_yerror(y, v[2], "departments is empty; expected at least one department id");
    p->departments = rp_arena_alloc(rp_yarena(y), n * sizeof *p->departments);
    int err = 0;
    for (size_t i = 0; i < n; i++)
        if (read_department(y, v[0] ? v[0] : rp_yseq_item(y, v[2], i), m, p) != 0)
            err = -1;
    if (rp_yint(y, v[1], "weeks", 1, 104, &p->weeks) != 0)
        err = -1;
    if (err)
        return -1;
    rp_buf b = {0};
    for (size_t i = 0; i < p->n_departments; i++)
        rp_buf_printf(&b, "%s%s", i ? ", " : "", p->departments[i]);
    char *label = rp_buf_take(&b);
    p->label = rp_arena_printf(rp_yarena(y), "%s", label);
    free(label);
    return 0;
}

static bool of_department(const rp_model *m, const params *pa, int f, int d)
{
    if (f < 0 || d < 0)
        return false;
    for (size_t i = 0; i < pa->n_departments; i++)
        if (strcmp(m->facilities[f].departments[d].id, pa->departments[i]) == 0)
            return true;
    return false;
}

static void add_department(const rp_emit *em, const params *pa, rp_expr *e, size_t r, int w,
                           double coef)
{
    size_t n, np;
    const int *cov = rp_space_covering(em->space, r, w, &n);
    const rp_piece *pieces = rp_space_pieces(em->space, r, &np);
    for (size_t i = 0; i < n; i++)
        if (of_department(em->model, pa, pieces[cov[i]].facility, pieces[cov[i]].department))
            rp_expr_add(e, pieces[cov[i]].col, coef);
}

static void emit_resident(const params *pa, rp_emit *em, size_t r)
{
    size_t np;
    const rp_piece *pieces = rp_space_pieces(em->space, r, &np);
    bool long_enough = true;
    rp_expr total = {0}, e = {0};
    for (size_t i = 0; i < np; i++) {
        if (!of_department(em->model, pa, pieces[i].facility, pieces[i].department))
            continue;
        long_enough = long_enough && pieces[i].last - pieces[i].first + 1 >= pa->weeks;
        rp_expr_add(&total, pieces[i].col, 1);
    }
    int h = rp_space_horizon(em->space, r);
    if (!long_enough) {
        rp_expr_clear(&total);
        for (int s = 1; s + pa->weeks - 1 <= h; s++) {
            int u = rp_emit_col(em, RP_COL_CONTINUOUS, 0, 1, "u_r%zu_w%d", r, s);
            for (int v = s; v < s + pa->weeks; v++) {
                rp_expr_clear(&e);
                rp_expr_add(&e, u, 1);
                add_department(em, pa, &e, r, v, -1);
                rp_emit_row(em, &e, RP_LE, 0, (int)r, RP_NONE, s, v, "in_r%zu_w%d_%d", r, s, v);
            }
            rp_expr_add(&total, u, 1);
        }
    }
    rp_emit_row(em, &total, RP_GE, 1, (int)r, RP_NONE, 1, h, "r%zu", r);
    rp_expr_free(&total);
    rp_expr_free(&e);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    for (size_t r = 0; r < em->cohort->n_residents; r++)
        emit_resident(rule->params, em, r);
    return 0;
}

/* Check: the id of the department the cell's block names at a facility that runs it, or NULL
 * (no block, a facility as a whole, or a department the facility does not run). */
static const char *cell_department(const rp_model *m, const rp_cell *c)
{
    if (c->facility == RP_NONE || c->department == RP_NONE)
        return NULL;
    return m->facilities[c->facility].departments[c->department].id;
}

/* Check: whether week p's block is one of the rule's departments. */
static bool listed_week(const params *pa, const rp_model *m, const rp_resident_plan *rp, int p)
{
    const char *id = cell_department(m, &rp->cells[p]);
    for (size_t i = 0; id && i < pa->n_departments; i++)
        if (strcmp(pa->departments[i], id) == 0)
            return true;
    return false;
}

/* Check: the longest stretch of consecutive weeks whose block is one of the rule's departments
 * (at any facility: a week in another listed department continues the block). */
static int longest_block(const params *pa, const rp_model *m, const rp_resident_plan *rp)
{
    int longest = 0, p = 1;
    while (p <= rp->horizon) {
        if (!listed_week(pa, m, rp, p)) {
            p++;
            continue;
        }
        int first = p;
        while (p <= rp->horizon && listed_week(pa, m, rp, p))
            p++;
        if (p - first > longest)
            longest = p - first;
    }
    return longest;
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        int longest = longest_block(pa, m, rp);
        if (longest >= pa->weeks)
            continue;
        char req[96], got[48];
        snprintf(req, sizeof req, _("a block of %d weeks or more in %s"), pa->weeks, pa->label);
        snprintf(got, sizeof got, _("%d week%s at most"), longest, longest == 1 ? "" : "s");
        rp_finding_add(out, ctx, rule, (int)r, RP_NONE, 1, rp->horizon, req, got,
                       "resident %s has no block of %d contiguous weeks in %s (the longest is "
                       "%d); parallel days and other departments do not replace it",
                       rp->planned->id, pa->weeks, pa->label, longest);
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    (void)m;
    const params *pa = rule->params;
    return rp_xasprintf(_("every resident has at least one block of %d contiguous weeks in %s"),
                        pa->weeks, pa->label);
}

const rp_rule_kind rp_kind_min_block = {
    .name = "min-block",
    .counts_weeks = true,
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
