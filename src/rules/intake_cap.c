/*
 * intake_cap.c: kind `intake-cap`, the national cap on a programme's yearly intake.
 *
 * Rule: the residents starting in one year number at most
 *     floor(min(instructors, CT / c, IVR / i, RT / t))
 * over the facility group, with the totals the model's reading chooses (D-6: the printed totals
 * by default, else the column sums; D-8: instructor shares by default, else named persons).
 *
 * Rows: none. The cohort is an input, not a decision: the planner never chooses who starts when,
 * so the rule is checked on the cohort (and `plan` reports it before solving).
 *
 * Check: counts the planned residents of each cohort year.
 *
 * Used by: RAD-13 (003 §4 L339; RULES.md C-3: IVR binds, cap 46).
 */
#include "rules/kind.h"

#include <math.h>

typedef struct params {
    double ct, ivr, rt; /* divisors */
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    (void)m;
    static const rp_ykey keys[] = {
        {"ct", RP_Y_SCALAR, true},
        {"ivr", RP_Y_SCALAR, true},
        {"rt", RP_Y_SCALAR, true},
    };
    const rp_ynode *v[3];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 3, v) != 0)
        return -1;
    int err = rp_ynum(y, v[0], "ct", 1e-9, 1e12, &p->ct);
    if (rp_ynum(y, v[1], "ivr", 1e-9, 1e12, &p->ivr) != 0)
        err = -1;
    if (rp_ynum(y, v[2], "rt", 1e-9, 1e12, &p->rt) != 0)
        err = -1;
    return err;
}

typedef struct cap {
    double terms[4]; /* instructors, CT/c, IVR/i, RT/t */
    int binding;     /* index of the smallest term */
    int value;
} cap;

static const char *const term_names[4] = {"instructors", "CT", "IVR", "RT"};

static cap compute(const params *pa, const rp_model *m)
{
    double ins = 0, ct = 0, ivr = 0, rt = 0;
    for (size_t f = 0; f < m->n_facilities; f++) {
        ins += rp_facility_instructors(m, (int)f);
        ct += m->facilities[f].ct;
        ivr += m->facilities[f].ivr;
        rt += m->facilities[f].rt;
    }
    if (m->totals.given && !m->readings.totals_computed) {
        if (!m->readings.instructors_named)
            ins = m->totals.instructors;
        ct = m->totals.ct;
        ivr = m->totals.ivr;
        rt = m->totals.rt;
    }
    cap c = {{ins, ct / pa->ct, ivr / pa->ivr, rt / pa->rt}, 0, 0};
    for (int i = 1; i < 4; i++)
        if (c.terms[i] < c.terms[c.binding])
            c.binding = i;
    c.value = (int)floor(c.terms[c.binding] + 1e-9);
    return c;
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    (void)rule;
    (void)em;
    return 0; /* an intake rule: the cohort is input (see the header) */
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    cap c = compute(rule->params, ctx->model);
    for (size_t i = 0; i < ctx->n_residents; i++) {
        int year = ctx->residents[i].planned->cohort;
        bool first = true; /* count each year once, at its first resident */
        for (size_t j = 0; j < i; j++)
            first = first && ctx->residents[j].planned->cohort != year;
        if (!first)
            continue;
        int n = 0;
        for (size_t j = i; j < ctx->n_residents; j++)
            n += ctx->residents[j].planned->cohort == year;
        if (n <= c.value)
            continue;
        char req[64], got[64];
        snprintf(req, sizeof req, "at most %d residents a year", c.value);
        snprintf(got, sizeof got, "%d residents starting in %d", n, year);
        rp_finding_add(out, ctx, rule, RP_NONE, RP_NONE, 0, 0, req, got,
                       "%d residents start in %d; the programme's yearly intake cap is %d "
                       "(%s binds: %.2f)",
                       n, year, c.value, term_names[c.binding], c.terms[c.binding]);
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    cap c = compute(pa, m);
    return rp_xasprintf("yearly intake at most floor(min(instructors %.2f, CT/%g %.2f, IVR/%g "
                        "%.2f, RT/%g %.2f)) = %d",
                        c.terms[0], pa->ct, c.terms[1], pa->ivr, c.terms[2], pa->rt, c.terms[3],
                        c.value);
}

const rp_rule_kind rp_kind_intake_cap = {
    .name = "intake-cap",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
