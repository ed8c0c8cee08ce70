/*
 * one_place_per_period.c: kind `one-place-per-period`, the plan's skeleton.
 *
 * Rule: every period of a resident's horizon, from the first, is covered by exactly one block
 * row; blocks neither overlap nor leave a gap nor run past the horizon. A period in which the
 * resident holds no facility (study abroad, non-clinical graduate school) is a block at `none`,
 * and only such a period may be.
 *
 * Rows: for every resident r and period p, sum of the pieces covering p = 1. The space gives
 * `none` pieces only in periods without a facility and real pieces only in the others.
 *
 * Check: walks each resident's block rows directly (not the cells, which hide overlaps).
 *
 * Used by: RAD-06 (003 §7-1, §7-2).
 */
#include "rules/kind.h"
#include "util/i18n.h"

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    (void)m;
    rule->params = NULL;
    if (!node)
        return 0;
    const rp_ynode *v[1];
    return rp_kind_params(y, rule, node, NULL, 0, v);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    (void)rule;
    rp_expr e = {0};
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        size_t np;
        const rp_piece *pieces = rp_space_pieces(em->space, r, &np);
        int h = rp_space_horizon(em->space, r);
        for (int p = 1; p <= h; p++) {
            size_t n;
            const int *cov = rp_space_covering(em->space, r, p, &n);
            rp_expr_clear(&e);
            for (size_t i = 0; i < n; i++)
                rp_expr_add(&e, pieces[cov[i]].col, 1);
            rp_emit_row(em, &e, RP_EQ, 1, (int)r, RP_NONE, p, p, "r%zu_p%d", r, p);
        }
    }
    rp_expr_free(&e);
    return 0;
}

/* Reports each maximal range of periods where flag[p] holds. */
static void report_ranges(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out,
                          size_t r, const bool *flag, const char *what, const char *required)
{
    const rp_resident_plan *rp = &ctx->residents[r];
    for (int p = 1; p <= rp->horizon; p++) {
        if (!flag[p])
            continue;
        int q = p;
        while (q + 1 <= rp->horizon && flag[q + 1])
            q++;
        char *span = rp_span_text(ctx->model, rp->planned->cohort, p, q);
        rp_finding_add(out, ctx, rule, (int)r, RP_NONE, p, q, required, what,
                       "resident %s: %s in %s", rp->planned->id, what, span);
        free(span);
        p = q;
    }
}

static void check_resident(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out,
                           size_t r)
{
    const rp_model *m = ctx->model;
    const rp_resident_plan *rp = &ctx->residents[r];
    int h = rp->horizon;
    int *count = rp_xcalloc((size_t)h + 2, sizeof *count);
    bool *overlap = rp_xcalloc((size_t)h + 2, sizeof *overlap);
    bool *gap = rp_xcalloc((size_t)h + 2, sizeof *gap);
    bool *none_wrong = rp_xcalloc((size_t)h + 2, sizeof *none_wrong);
    bool *held_wrong = rp_xcalloc((size_t)h + 2, sizeof *held_wrong);
    for (size_t i = 0; i < ctx->plan->n_stints; i++) {
        const rp_stint *s = &ctx->plan->stints[i];
        if (s->resident != (int)r || s->mode != RP_MODE_BLOCK)
            continue;
        if (s->first < 1 || s->last > h) {
            char req[64];
            snprintf(req, sizeof req, "%s 1-%d", rp_unit_word(m, 2), h);
            char got[64];
            snprintf(got, sizeof got, "%s %d-%d", rp_unit_word(m, 2), s->first, s->last);
            rp_finding_add(out, ctx, rule, (int)r, s->facility, s->first, s->last, req, got,
                           "resident %s: a stint at %s runs outside the programme's %d %s",
                           rp->planned->id, s->facility >= 0 ? m->facilities[s->facility].id : "none",
                           h, rp_unit_word(m, h));
        }
        for (int p = s->first < 1 ? 1 : s->first; p <= s->last && p <= h; p++) {
            if (++count[p] > 1)
                overlap[p] = true;
            bool keeps = rp_status_keeps_facility(rp->timeline.status[p]);
            if (s->facility == RP_NONE && keeps)
                none_wrong[p] = true;
            if (s->facility != RP_NONE && !keeps)
                held_wrong[p] = true;
        }
    }
    for (int p = 1; p <= h; p++)
        gap[p] = count[p] == 0;
    report_ranges(rule, ctx, out, r, overlap, "two stints at once", "one stint a period");
    report_ranges(rule, ctx, out, r, gap, "no stint", "one stint a period");
    bool weeks = ctx->model->calendar.unit == RP_UNIT_WEEK; /* INIT-61: away on leave */
    report_ranges(rule, ctx, out, r, none_wrong,
                  weeks ? "no facility although the resident is not away on leave beyond the "
                          "allowance"
                        : "no facility although the resident is not on study abroad or "
                          "non-clinical graduate school",
                  "a facility");
    report_ranges(rule, ctx, out, r, held_wrong,
                  weeks ? "a facility during leave beyond the allowance (INIT-61)"
                        : "a facility during study abroad or non-clinical graduate school",
                  "no facility (none)");
    free(count);
    free(overlap);
    free(gap);
    free(none_wrong);
    free(held_wrong);
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    for (size_t r = 0; r < ctx->n_residents; r++)
        check_resident(rule, ctx, out, r);
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    (void)rule;
    return rp_xasprintf(_("every %s of a resident's programme is spent at exactly one facility, "
                          "in contiguous stints"),
                        m->calendar.unit == RP_UNIT_WEEK ? _("week") : _("month"));
}

const rp_rule_kind rp_kind_one_place_per_period = {
    .name = "one-place-per-period",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
