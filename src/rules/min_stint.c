/*
 * min_stint.c: kind `min-stint`, a minimum length for every stint at a set of facilities.
 *
 * Rule: every maximal run of periods at one facility f of S lasts at least L periods. Leave
 * periods inside the run belong to it (the resident keeps the facility); a period without a
 * facility (study abroad) ends it. A run cut short by the end of the horizon is too short.
 *
 * Pieces: at facilities of S only pieces of L periods or more are admitted, up to 2L - 1 long;
 * every run of L or more periods is a union of such pieces, and every union of them is a run of
 * at least L. Then no row is needed.
 *
 * Rows, for a resident whose space still has shorter pieces at f (the plain model): with
 * continuous start indicators s[p] (RULES.md RAD-04; SOLVING.md section 3):
 *     s[p] >= z[p] - z[p-1]                 (z[0] = 0)
 *     sum_{q = p-L+1 .. p} s[q] <= z[p]     (a run that started in the last L periods holds on)
 *     z[p] - z[p-1] <= 0 for p > H - L + 1  (no run may start too late to last L periods)
 * which describe the convex hull of one such sequence (the minimum up-time polytope).
 *
 * Check: walks the runs of the plan at facilities of S (rp_judge_selector, not select.c).
 *
 * Used by: RAD-04 (3 months per partner stint, 003 §7-1 L535; per stint, D-10).
 */
#include "check/judge.h"
#include "rules/kind.h"
#include "util/i18n.h"

typedef struct params {
    int periods;
    rp_selector where;
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    static const rp_ykey keys[] = {
        {"months", RP_Y_SCALAR, true},
        {"facilities", RP_Y_MAP, true},
    };
    const rp_ynode *v[2];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 2, v) != 0)
        return -1;
    int err = rp_yint(y, v[0], "months", 1, 1200, &p->periods);
    if (rp_selector_parse(&p->where, y, v[1], m, "facilities") != 0)
        err = -1;
    return err;
}

static int max_piece(const rp_rule *rule, const rp_model *m, const rp_resident *r, int f, int d)
{
    (void)r;
    (void)d;
    const params *pa = rule->params;
    return rp_selector_match(&pa->where, m, f) ? 2 * pa->periods - 1 : 1;
}

static bool admit(const rp_rule *rule, const rp_model *m, const rp_resident *r,
                  const rp_piece *pc, bool *allowed)
{
    (void)r;
    (void)allowed;
    const params *pa = rule->params;
    return !rp_selector_match(&pa->where, m, pc->facility) ||
           pc->last - pc->first + 1 >= pa->periods;
}

/* Whether r's space at f still holds pieces shorter than L. */
static bool needs_rows(const rp_space *s, size_t r, int f, int periods)
{
    size_t n;
    const rp_piece *pieces = rp_space_pieces(s, r, &n);
    for (size_t i = 0; i < n; i++)
        if (pieces[i].facility == f && pieces[i].last - pieces[i].first + 1 < periods)
            return true;
    return false;
}

static void emit_facility(const rp_rule *rule, rp_emit *em, size_t r, int f)
{
    const params *pa = rule->params;
    int h = rp_space_horizon(em->space, r), L = pa->periods;
    int *start = rp_xmalloc(((size_t)h + 1) * sizeof *start);
    rp_expr e = {0};
    for (int p = 1; p <= h; p++) {
        start[p] = rp_emit_col(em, RP_COL_CONTINUOUS, 0, 1, "s_r%zu_f%d_p%d", r, f, p);
        /* z[p] - z[p-1] - s[p] <= 0 */
        rp_expr_clear(&e);
        rp_space_add_z(em->space, &e, r, p, f, 1);
        rp_space_add_z(em->space, &e, r, p - 1, f, -1);
        rp_expr_add(&e, start[p], -1);
        rp_emit_row(em, &e, RP_LE, 0, (int)r, f, p, p, "start_r%zu_f%d_p%d", r, f, p);
        /* sum_{q=p-L+1..p} s[q] - z[p] <= 0 */
        rp_expr_clear(&e);
        for (int q = p - L + 1; q <= p; q++)
            if (q >= 1)
                rp_expr_add(&e, start[q], 1);
        rp_space_add_z(em->space, &e, r, p, f, -1);
        rp_emit_row(em, &e, RP_LE, 0, (int)r, f, p - L + 1 < 1 ? 1 : p - L + 1, p,
                    "hold_r%zu_f%d_p%d", r, f, p);
        if (p > h - L + 1) {
            rp_expr_clear(&e);
            rp_space_add_z(em->space, &e, r, p, f, 1);
            rp_space_add_z(em->space, &e, r, p - 1, f, -1);
            rp_emit_row(em, &e, RP_LE, 0, (int)r, f, p, h, "late_r%zu_f%d_p%d", r, f, p);
        }
    }
    rp_expr_free(&e);
    free(start);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    const params *pa = rule->params;
    for (size_t r = 0; r < em->cohort->n_residents; r++)
        for (size_t f = 0; f < em->model->n_facilities; f++)
            if (rp_selector_match(&pa->where, em->model, (int)f) &&
                needs_rows(em->space, r, (int)f, pa->periods))
                emit_facility(rule, em, r, (int)f);
    return 0;
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        int f, last;
        for (int p = 1; rp_next_run(rp, p, &f, &last); p = last + 1) {
            int len = last - p + 1;
            if (!rp_judge_selector(&pa->where, m, f) || len >= pa->periods)
                continue;
            char *span = rp_span_text(m, rp->planned->cohort, p, last);
            char req[64], got[64];
            snprintf(req, sizeof req, _("at least %d %s"), pa->periods, rp_unit_word(m, pa->periods));
            snprintf(got, sizeof got, "%d %s", len, rp_unit_word(m, len));
            rp_finding_add(out, ctx, rule, (int)r, f, p, last, req, got,
                           "the stint of resident %s at %s lasts %d %s (%s); a stint there "
                           "lasts at least %d",
                           rp->planned->id, m->facilities[f].id, len, rp_unit_word(m, len), span,
                           pa->periods);
            free(span);
        }
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    char *where = rp_selector_describe(&pa->where, m);
    char *s = rp_xasprintf(_("every stint at %s lasts at least %d %s"), where, pa->periods,
                           rp_unit_word(m, pa->periods));
    free(where);
    return s;
}

const rp_rule_kind rp_kind_min_stint = {
    .name = "min-stint",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
    .max_piece = max_piece,
    .admit = admit,
};
