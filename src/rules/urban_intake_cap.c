/*
 * urban_intake_cap.c: kind `urban-intake-cap`, the urban programmes' cap on intake by their past
 * five-year average.
 *
 * Rule (strict reading, D-4): with avg = past intake / past years, the residents starting in any
 * k consecutive years (k up to the number of past years) number at most floor(avg x k). The seed
 * lets an excess be "adjusted across years" (年次で調整), and its own published intake of 12
 * exceeds 11.8, so by default a breach is reported as a finding (exit status 0); the model's
 * reading `intake_cap: strict` makes it a violation.
 *
 * Rows: none; the cohort is input (as intake-cap).
 *
 * Check: every window of k consecutive cohort years from the plan's first to its last.
 *
 * Used by: RAD-14 (003 §4 L339, L331: 59 over 2014-2018; keio is in Tokyo).
 */
#include "rules/kind.h"

#include <math.h>

typedef struct params {
    bool urban;
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    static const rp_ykey keys[] = {{"urban", RP_Y_SCALAR, true}};
    const rp_ynode *v[1];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 1, v) != 0)
        return -1;
    if (rp_ybool(y, v[0], "urban", &p->urban) != 0)
        return -1;
    if (p->urban && m->intake.history_years <= 0)
        return rp_yerror(y, v[0], "rule '%s' needs the past intake: add intake.history with "
                                  "'years' and 'total' to the model", rule->id);
    return 0;
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    (void)rule;
    (void)em;
    return 0; /* an intake rule: the cohort is input */
}

static int intake_in(const rp_check_ctx *ctx, int year)
{
    int n = 0;
    for (size_t r = 0; r < ctx->n_residents; r++)
        n += ctx->residents[r].planned->cohort == year;
    return n;
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    if (!pa->urban || ctx->n_residents == 0)
        return;
    int lo = ctx->residents[0].planned->cohort, hi = lo;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        int y = ctx->residents[r].planned->cohort;
        lo = y < lo ? y : lo;
        hi = y > hi ? y : hi;
    }
    double avg = (double)m->intake.history_total / m->intake.history_years;
    for (int k = 1; k <= m->intake.history_years && k <= hi - lo + 1; k++) {
        int limit = (int)floor(avg * k + 1e-9);
        for (int y = lo; y + k - 1 <= hi; y++) {
            int n = 0;
            for (int j = y; j < y + k; j++)
                n += intake_in(ctx, j);
            if (n <= limit)
                continue;
            char req[64], got[64];
            snprintf(req, sizeof req, "at most %d", limit);
            snprintf(got, sizeof got, "%d", n);
            char years[48];
            if (k == 1)
                snprintf(years, sizeof years, "in %d", y);
            else
                snprintf(years, sizeof years, "in %d-%d (%d years)", y, y + k - 1, k);
            rp_finding *f = rp_finding_add(
                out, ctx, rule, RP_NONE, RP_NONE, 0, 0, req, got,
                "%d residents start %s; the urban cap allows %d (past average %d/%d = %.2f a "
                "year)%s",
                n, years, limit, m->intake.history_total, m->intake.history_years, avg,
                m->readings.intake_cap_strict ? "" : "; to be adjusted across years (年次で調整)");
            if (!m->readings.intake_cap_strict)
                f->level = RP_LEVEL_FINDING;
        }
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    if (!pa->urban)
        return rp_xstrdup("no urban intake cap (the base is not in an urban prefecture)");
    return rp_xasprintf("urban programme: intake over any k consecutive years at most floor(%.2f "
                        "x k), the past %d years' average (%s)",
                        (double)m->intake.history_total / m->intake.history_years,
                        m->intake.history_years,
                        m->readings.intake_cap_strict ? "strict" : "reported as a finding");
}

const rp_rule_kind rp_kind_urban_intake_cap = {
    .name = "urban-intake-cap",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
