/*
 * admin_visits.c: kind `admin-visits`, a day or two at a 保健所 (or another facility of 保健・医療
 * 行政) inside a community-medicine block (INIT-44).
 *
 * Rule: seed 000 Q32 (L47), on where 地域医療 is trained: "研修を行う上で有益な施設、例えば、保健所
 * 等で1～2日程度行うことは差し支えありません". A plan says such days as a `visit` row: the facility
 * and department visited, the weeks of the community block they fall in, and the days in all
 * (days_total). The crediting (credit.h) leaves a visit's days with a community block (they are
 * community medicine, and the block's site still decides INIT-41), and takes them from any other
 * block. This kind judges the visits themselves:
 *   - the facility visited is one of 保健・医療行政 (kind admin; 000 Q02 L9 lists 保健所, 介護老人
 *     保健施設, ...);
 *   - every week of the visit is a week of a community-medicine block (the seed allows it there
 *     only);
 *   - the visits inside one run of community-medicine weeks hold at most `days` days (2: the
 *     seed's "1～2日程度"; RULES.md INIT-44 instead credits the days beyond 2 to 保健・医療行政
 *     and takes them from community medicine: the seed sanctions about two days and nothing
 *     more, so more is a violation here, stricter).
 *
 * Rows: none. The planner plans no visit (a visit is a programme's arrangement, its days given as
 * a total): a plan with one is outside the ILP's space, and only this check judges it.
 *
 * Check: reads the visit rows and the plan's cells directly.
 *
 * Used by: INIT-44 (models/initial-residency-2020.yaml).
 */
#include "rules/kind.h"
#include "util/i18n.h"
#include "rules/weeks.h"

typedef struct params {
    double days;
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    (void)m;
    static const rp_ykey keys[] = {{"days", RP_Y_SCALAR, true}};
    const rp_ynode *v[1];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 1, v) != 0)
        return -1;
    return rp_ynum(y, v[0], "days", 0.5, 35, &p->days);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    (void)rule;
    (void)em;
    return 0; /* no piece holds a visit: the planner plans none */
}

/* Whether week p of resident rp is a week of a community-medicine block. */
static bool community_week(const rp_model *m, const rp_resident_plan *rp, int p)
{
    if (p < 1 || p > rp->horizon)
        return false;
    const rp_cell *c = &rp->cells[p];
    if (c->facility < 0)
        return false;
    if (c->department >= 0)
        return m->facilities[c->facility].departments[c->department].field == RP_FIELD_CM;
    return c->department_id && rp_model_field_of(m, c->department_id) == RP_FIELD_CM;
}

static void report(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out,
                   const rp_stint *s, const char *required, const char *found, const char *why)
{
    const rp_plan_resident *pr = &ctx->plan->residents[s->resident];
    char *span = rp_span_text(ctx->model, pr->cohort, s->first, s->last);
    rp_finding_add(out, ctx, rule, s->resident, s->facility, s->first, s->last, required, found,
                   "resident %s: the visit to %s (%s) %s", pr->id,
                   s->facility >= 0 ? ctx->model->facilities[s->facility].id : "none", span, why);
    free(span);
}

/* Each visit at a facility that is no 保健・医療行政 one, or outside community medicine. */
static void check_rows(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const rp_model *m = ctx->model;
    for (size_t i = 0; i < ctx->plan->n_stints; i++) {
        const rp_stint *s = &ctx->plan->stints[i];
        if (s->mode != RP_MODE_PARALLEL || !s->visit)
            continue;
        if (s->facility < 0 || m->facilities[s->facility].kind != RP_KIND_ADMIN)
            report(rule, ctx, out, s, _("a facility of 保健・医療行政 (保健所 and the like)"),
                   s->facility >= 0 ? m->facilities[s->facility].id : "none",
                   _("is not to a facility of 保健・医療行政"));
        const rp_resident_plan *rp = &ctx->residents[s->resident];
        for (int p = s->first; p <= s->last; p++)
            if (!community_week(m, rp, p)) {
                report(rule, ctx, out, s, _("inside a community-medicine block"),
                       _("outside community medicine"),
                       _("falls outside community medicine; a day or two at a 保健所 belong "
                         "inside a 地域医療 block (000 Q32)"));
                break;
            }
    }
}

/* Each run of community-medicine weeks whose visits hold more than the allowance. */
static void check_runs(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        for (int p = 1; p <= rp->horizon; p++) {
            if (!community_week(m, rp, p))
                continue;
            int q = p;
            while (community_week(m, rp, q + 1))
                q++;
            double days = 0;
            for (size_t i = 0; i < ctx->plan->n_stints; i++) {
                const rp_stint *s = &ctx->plan->stints[i];
                if (s->resident == (int)r && s->mode == RP_MODE_PARALLEL && s->visit &&
                    s->first >= p && s->last <= q)
                    days += s->days_total;
            }
            if (days > pa->days) {
                char req[48], got[48];
                snprintf(req, sizeof req, _("at most %g days"), pa->days);
                snprintf(got, sizeof got, _("%g days"), days);
                char *span = rp_span_text(m, rp->planned->cohort, p, q);
                rp_finding_add(out, ctx, rule, (int)r, RP_NONE, p, q, req, got,
                               "resident %s visits 保健・医療行政 facilities for %g days in the "
                               "community-medicine block of %s; 1～2日程度 are allowed (000 Q32)",
                               rp->planned->id, days, span);
                free(span);
            }
            p = q;
        }
    }
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    check_rows(rule, ctx, out);
    check_runs(rule, ctx, out);
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    (void)m;
    const params *pa = rule->params;
    return rp_xasprintf(_("visits to a 保健所 or another facility of 保健・医療行政 only inside a "
                          "community-medicine block, at most %g days a block"),
                        pa->days);
}

const rp_rule_kind rp_kind_admin_visits = {
    .name = "admin-visits",
    .counts_weeks = true,
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
