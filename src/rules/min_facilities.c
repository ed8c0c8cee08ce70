/*
 * min_facilities.c: kind `min-facilities`, training at several facilities.
 *
 * Rule: every resident is present (rp_timeline_presence) at least one period at each of at least
 * n distinct facilities.
 *
 * Rows: for each facility f, a continuous u[r,f] in [0,1] with
 *     u[r,f] <= sum of the pieces of r at f that hold a presence period,
 * and sum_f u[r,f] >= n. With integral pieces u[r,f] can reach 1 only when f is visited. Counting
 * pieces rather than periods keeps the relaxation tight: a fraction of one year-long piece cannot
 * pay for a visit.
 *
 * Check: counts the distinct facilities of the plan's blocks in presence periods.
 *
 * Used by: RAD-05 (two or more facilities, 003 §7-1 L535).
 */
#include "rules/kind.h"
#include "util/i18n.h"

typedef struct params {
    int count;
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    (void)m;
    static const rp_ykey keys[] = {{"count", RP_Y_SCALAR, true}};
    const rp_ynode *v[1];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 1, v) != 0)
        return -1;
    return rp_yint(y, v[0], "count", 1, 1000, &p->count);
}

static bool piece_has_presence(const rp_model *m, const rp_timeline *t, const rp_piece *pc)
{
    for (int p = pc->first; p <= pc->last; p++)
        if (rp_timeline_presence(m, t, p))
            return true;
    return false;
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    const params *pa = rule->params;
    const rp_model *m = em->model;
    rp_expr e = {0}, total = {0};
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        size_t n;
        const rp_piece *pieces = rp_space_pieces(em->space, r, &n);
        rp_expr_clear(&total);
        for (size_t f = 0; f < m->n_facilities; f++) {
            rp_expr_clear(&e);
            for (size_t i = 0; i < n; i++)
                if (pieces[i].facility == (int)f &&
                    piece_has_presence(m, &em->timelines[r], &pieces[i]))
                    rp_expr_add(&e, pieces[i].col, -1);
            if (e.n == 0)
                continue;
            int u = rp_emit_col(em, RP_COL_CONTINUOUS, 0, 1, "u_r%zu_f%zu", r, f);
            rp_expr_add(&e, u, 1);
            rp_emit_row(em, &e, RP_LE, 0, (int)r, (int)f, 0, 0, "visit_r%zu_f%zu", r, f);
            rp_expr_add(&total, u, 1);
        }
        rp_emit_row(em, &total, RP_GE, pa->count, (int)r, RP_NONE, 0, 0, "r%zu", r);
    }
    rp_expr_free(&e);
    rp_expr_free(&total);
    return 0;
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    bool *seen = rp_xcalloc(m->n_facilities + 1, sizeof *seen);
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        for (size_t f = 0; f < m->n_facilities; f++)
            seen[f] = false;
        int count = 0;
        for (int p = 1; p <= rp->horizon; p++) {
            int f = rp->cells[p].facility;
            if (f >= 0 && !seen[f] && rp_timeline_presence(m, &rp->timeline, p)) {
                seen[f] = true;
                count++;
            }
        }
        if (count >= pa->count)
            continue;
        char req[64], got[64];
        snprintf(req, sizeof req, _("at least %d facilities"), pa->count);
        snprintf(got, sizeof got, "%d", count);
        rp_finding_add(out, ctx, rule, (int)r, RP_NONE, 1, rp->horizon, req, got,
                       "resident %s trains at %d facilit%s; at least %d are required",
                       rp->planned->id, count, count == 1 ? "y" : "ies", pa->count);
    }
    free(seen);
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    (void)m;
    const params *pa = rule->params;
    return rp_xasprintf(_("every resident trains at %d or more facilities"), pa->count);
}

const rp_rule_kind rp_kind_min_facilities = {
    .name = "min-facilities",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
