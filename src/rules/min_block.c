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
 * Check: the runs of the plan's blocks in the department.
 *
 * Used by: INIT-22 (救急部門 4 weeks, 000 Q23 L36).
 */
#include "rules/kind.h"
#include "rules/weeks.h"

#include <string.h>

typedef struct params {
    const char *department;
    int weeks;
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    static const rp_ykey keys[] = {
        {"department", RP_Y_SCALAR, true},
        {"weeks", RP_Y_SCALAR, true},
    };
    const rp_ynode *v[2];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 2, v) != 0)
        return -1;
    int err = rp_yid(y, v[0], "department", &p->department);
    if (!err && !rp_model_knows_department(m, p->department))
        err = rp_yerror(y, v[0], "unknown department '%s'; expected a department of the model",
                        p->department);
    if (rp_yint(y, v[1], "weeks", 1, 104, &p->weeks) != 0)
        err = -1;
    return err;
}

static bool of_department(const rp_model *m, const params *pa, int f, int d)
{
    return f >= 0 && d >= 0 && strcmp(m->facilities[f].departments[d].id, pa->department) == 0;
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

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        int longest = 0, run = 0;
        for (int p = 1; p <= rp->horizon; p++) {
            const rp_cell *c = &rp->cells[p];
            run = of_department(m, pa, c->facility, c->department) ? run + 1 : 0;
            longest = run > longest ? run : longest;
        }
        if (longest >= pa->weeks)
            continue;
        char req[96], got[48];
        snprintf(req, sizeof req, "a block of %d weeks or more in %s", pa->weeks, pa->department);
        snprintf(got, sizeof got, "%d week%s at most", longest, longest == 1 ? "" : "s");
        rp_finding_add(out, ctx, rule, (int)r, RP_NONE, 1, rp->horizon, req, got,
                       "resident %s has no block of %d contiguous weeks in %s (the longest is "
                       "%d); parallel days and other departments do not replace it",
                       rp->planned->id, pa->weeks, pa->department, longest);
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    (void)m;
    const params *pa = rule->params;
    return rp_xasprintf("every resident has at least one block of %d contiguous weeks in %s",
                        pa->weeks, pa->department);
}

const rp_rule_kind rp_kind_min_block = {
    .name = "min-block",
    .counts_weeks = true,
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
