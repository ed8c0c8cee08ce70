/*
 * intake_by_beds.c: kind `intake-by-beds`, residents of a core hospital by its size.
 *
 * Rule: the residents of both programme years together (the cohort starting in year Y and the one
 * before) number at most max(floor(beds / per_beds), floor(admissions / per_admissions)) of the
 * core hospital, each term only where the model gives it (INIT-71; RULES.md E-1: confirmed only
 * from a secondary source).
 *
 * Rows: none; the cohort is input (as intake-cap).
 *
 * Check: every pair of consecutive cohort years of the plan.
 *
 * Used by: INIT-71 (beds / 10, admissions / 100).
 */
#include "rules/kind.h"

#include <math.h>

typedef struct params {
    double per_beds, per_admissions;
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    (void)m;
    static const rp_ykey keys[] = {
        {"beds_per_resident", RP_Y_SCALAR, true},
        {"admissions_per_resident", RP_Y_SCALAR, true},
    };
    const rp_ynode *v[2];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 2, v) != 0)
        return -1;
    int err = rp_ynum(y, v[0], "beds_per_resident", 1, 1e6, &p->per_beds);
    if (rp_ynum(y, v[1], "admissions_per_resident", 1, 1e6, &p->per_admissions) != 0)
        err = -1;
    return err;
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    (void)rule;
    (void)em;
    return 0; /* an intake rule: the cohort is input */
}

/* The limit, or -1 when the core gives neither beds nor admissions. */
static int limit(const params *pa, const rp_model *m)
{
    int best = -1;
    for (size_t f = 0; f < m->n_facilities; f++) {
        const rp_facility *fac = &m->facilities[f];
        if (fac->kind != RP_KIND_CORE)
            continue;
        if (fac->beds >= 0 && (int)floor(fac->beds / pa->per_beds) > best)
            best = (int)floor(fac->beds / pa->per_beds);
        if (fac->admissions >= 0 && (int)floor(fac->admissions / pa->per_admissions) > best)
            best = (int)floor(fac->admissions / pa->per_admissions);
    }
    return best;
}

static int intake(const rp_check_ctx *ctx, int year)
{
    int n = 0;
    for (size_t r = 0; r < ctx->n_residents; r++)
        n += ctx->residents[r].planned->cohort == year;
    return n;
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    int cap = limit(rule->params, ctx->model);
    if (cap < 0 || ctx->n_residents == 0)
        return;
    int lo = ctx->residents[0].planned->cohort, hi = lo;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        int y = ctx->residents[r].planned->cohort;
        lo = y < lo ? y : lo;
        hi = y > hi ? y : hi;
    }
    for (int y = lo; y <= hi + 1; y++) {
        int n = intake(ctx, y) + intake(ctx, y - 1);
        if (n <= cap)
            continue;
        char req[48], got[48];
        snprintf(req, sizeof req, "at most %d", cap);
        snprintf(got, sizeof got, "%d", n);
        rp_finding_add(out, ctx, rule, RP_NONE, RP_NONE, 0, 0, req, got,
                       "%d residents are in training in %d (cohorts %d and %d); the core "
                       "hospital may hold %d",
                       n, y, y - 1, y, cap);
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    return rp_xasprintf("the residents of both years at most max(beds / %g, admissions / %g) of "
                        "the core hospital (%d)",
                        pa->per_beds, pa->per_admissions, limit(pa, m));
}

const rp_rule_kind rp_kind_intake_by_beds = {
    .name = "intake-by-beds",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
