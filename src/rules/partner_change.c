/*
 * partner_change.c: kind `partner-change`, partners change every rotation unit as a rule of
 * thumb; a longer stay at one partner is allowed when needed (a soft preference).
 *
 * Rule: a stint at a facility of role partner lasts at most `months` of the programme's own
 * periods (seed 003 §7-2 L568: "専門研修連携施設は原則として1年ごと異動しますが、状況により2年間
 * 同一施設もあり得ます": one year as a rule, two years at one partner when the situation needs
 * it). Not in RULES.md, which reads L568 into RAD-07's exceptions only.
 *
 * Rows (the objective, no constraint): for every resident r, partner f and period p = 1, U + 1,
 * 2U + 1, ... of the programme's own periods with p + U among them (U = `months`), a continuous
 *     k[r,f,p] >= sum over q = p..p+U of z[r,q,f] - U,   0 <= k <= 1,
 * so that k is 1 only for an unbroken stay at f over p..p+U (a stay there, a period elsewhere,
 * then f again is no long stay, and the check reports none),
 * each costing the model's soft weight in the objective (maximised: the term is subtracted);
 * none when the weight is 0 (the radiology model's default: the finding alone).
 * With rotation units of U periods (RAD-07) these are exactly the stays of two units or more;
 * without, a longer stay that holds no such pair goes unpriced (the check still reports it):
 * one row per unit keeps the rows few (36 residents x 17 partners x 2).
 *
 * Check: walks each resident's runs at one partner inside the programme's own periods (a period
 * without a facility ends a run); each run longer than `months` is a finding (not a violation:
 * the seed allows it when needed). Partners are judged by rp_judge_role (check/judge.h), not
 * is_partner or own_periods, which the rows ask.
 *
 * Used by: SEED-003-L568 (the radiology model).
 */
#include "check/judge.h"
#include "rules/kind.h"
#include "util/i18n.h"

typedef struct params {
    int periods;
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    return rp_kind_periods_param(y, rule, node, m, &p->periods);
}

static int own_periods(const rp_model *m)
{
    return m->calendar.years * m->calendar.periods_per_year;
}

static bool is_partner(const rp_model *m, int f)
{
    return f >= 0 && m->facilities[f].role == RP_ROLE_PARTNER;
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    const params *pa = rule->params;
    const rp_model *m = em->model;
    int U = pa->periods;
    double cost = m->objective.soft;
    if (cost <= 0)
        return 0; /* no weight: a finding only, and no columns that would move the optimum */
    rp_expr e = {0};
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        int h = em->timelines[r].horizon < own_periods(m) ? em->timelines[r].horizon
                                                           : own_periods(m);
        for (size_t f = 0; f < m->n_facilities; f++) {
            if (!is_partner(m, (int)f))
                continue;
            for (int p = 1; p + U <= h; p += U) {
                rp_expr_clear(&e);
                rp_space_add_z(em->space, &e, r, p, (int)f, 1);
                rp_space_add_z(em->space, &e, r, p + U, (int)f, 1);
                if (e.n < 2)
                    continue; /* the resident cannot be at f in both */
                rp_expr_clear(&e); /* every period between too: an unbroken stay only */
                for (int q = p; q <= p + U; q++)
                    rp_space_add_z(em->space, &e, r, q, (int)f, 1);
                int k = rp_emit_col(em, RP_COL_CONTINUOUS, 0, 1, "stay_r%zu_f%zu_p%d", r, f, p);
                rp_ilp_add_obj(em->ilp, k, -cost);
                rp_expr_add(&e, k, -1);
                rp_emit_row(em, &e, RP_LE, U, (int)r, (int)f, p, p + U, "r%zu_f%zu_p%d", r, f,
                            p);
            }
        }
    }
    rp_expr_free(&e);
    return 0;
}

static void report(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out, size_t r,
                   int f, int first, int last)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    const rp_resident_plan *rp = &ctx->residents[r];
    int n = last - first + 1;
    char *span = rp_span_text(m, rp->planned->cohort, first, last);
    char req[64], got[64];
    snprintf(req, sizeof req, _("at most %d %s at one partner"), pa->periods,
             rp_unit_word(m, pa->periods));
    snprintf(got, sizeof got, "%d %s", n, rp_unit_word(m, n));
    rp_finding *x = rp_finding_add(out, ctx, rule, (int)r, f, first, last, req, got,
                                   "resident %s stays at the partner %s for %d %s (%s); "
                                   "partners change every %d %s as a rule, a longer stay only "
                                   "when needed",
                                   rp->planned->id, m->facilities[f].id, n, rp_unit_word(m, n),
                                   span, pa->periods, rp_unit_word(m, pa->periods));
    x->level = RP_LEVEL_FINDING;
    free(span);
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        int programme = m->calendar.years * m->calendar.periods_per_year;
        int h = rp->horizon > programme ? programme : rp->horizon;
        for (int p = 1; p <= h; p++) {
            int f = rp->cells[p].facility;
            if (!rp_judge_role(m, f, RP_ROLE_PARTNER))
                continue;
            int q = p;
            while (q + 1 <= h && rp->cells[q + 1].facility == f)
                q++;
            if (q - p + 1 > pa->periods)
                report(rule, ctx, out, r, f, p, q);
            p = q;
        }
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    return rp_xasprintf(_("partners change every %d %s as a rule; a longer stay at one partner "
                          "only when needed (a preference, reported as a finding)"),
                        pa->periods, rp_unit_word(m, pa->periods));
}

const rp_rule_kind rp_kind_partner_change = {
    .name = "partner-change",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
