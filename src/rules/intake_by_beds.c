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
 * Check: every pair of consecutive cohort years of the plan. The figures, the limit and the
 * pairs are exposed (rp_beds_cap_explain, intake.h) for `rotaplan capacity`; the check and the
 * command share them.
 *
 * Used by: INIT-71 (beds / 10, admissions / 100).
 */
#include "rules/intake.h"
#include "report/grid.h"
#include "rules/kind.h"
#include "util/i18n.h"

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

extern const rp_rule_kind rp_kind_intake_by_beds;

/* The limit of the core hospitals' figures: the largest; value -1 when no core gives beds or
 * admissions. */
static rp_beds_cap compute(const params *pa, const rp_model *m)
{
    rp_beds_cap b = {RP_NONE, pa->per_beds, pa->per_admissions, -1, -1, -1};
    for (size_t f = 0; f < m->n_facilities; f++) {
        const rp_facility *fac = &m->facilities[f];
        if (fac->kind != RP_KIND_CORE)
            continue;
        int by_beds = fac->beds >= 0 ? (int)floor(fac->beds / pa->per_beds) : -1;
        int by_admissions =
            fac->admissions >= 0 ? (int)floor(fac->admissions / pa->per_admissions) : -1;
        int best = by_beds > by_admissions ? by_beds : by_admissions;
        if (best > b.value)
            b = (rp_beds_cap){(int)f, pa->per_beds, pa->per_admissions, by_beds, by_admissions,
                              best};
    }
    return b;
}

int rp_beds_cap_explain(const rp_rule *rule, const rp_model *m, rp_beds_cap *out)
{
    if (rule->kind != &rp_kind_intake_by_beds)
        return -1;
    *out = compute(rule->params, m);
    return 0;
}

size_t rp_beds_cap_windows(const rp_beds_cap *b, const rp_intake_years *y,
                           rp_intake_window **out)
{
    *out = NULL;
    size_t n = 0, size = 0;
    if (b->value < 0 || y->last < y->first)
        return 0;
    for (int year = y->first; year <= y->last + 1; year++) {
        int intake = rp_intake_in(y, year) + rp_intake_in(y, year - 1);
        *RP_PUSH(*out, n, size) = (rp_intake_window){year - 1, 2, intake, b->value};
    }
    return n;
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    rp_beds_cap b = compute(rule->params, ctx->model);
    rp_intake_years years;
    rp_intake_years_of_plan(ctx->plan, &years);
    rp_intake_window *w;
    size_t n = rp_beds_cap_windows(&b, &years, &w);
    for (size_t i = 0; i < n; i++) {
        if (w[i].intake <= w[i].limit)
            continue;
        int y = w[i].first_year + 1;
        char req[48], got[48];
        snprintf(req, sizeof req, _("at most %d"), w[i].limit);
        snprintf(got, sizeof got, "%d", w[i].intake);
        rp_finding_add(out, ctx, rule, RP_NONE, RP_NONE, 0, 0, req, got,
                       "%d residents are in training in %d (cohorts %d and %d); the core "
                       "hospital may hold %d",
                       w[i].intake, y, y - 1, y, w[i].limit);
    }
    free(w);
    rp_intake_years_free(&years);
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    return rp_xasprintf(_("the residents of both years at most max(beds / %g, admissions / %g) of "
                          "the core hospital (%d)"),
                        pa->per_beds, pa->per_admissions, compute(pa, m).value);
}

/* The intake hook: the two cohorts in training each year against the core's limit. */
static void intake(const rp_rule *rule, const rp_model *m, const rp_intake_years *y,
                   rp_intake_limit *out)
{
    rp_beds_cap b = compute(rule->params, m);
    *out = (rp_intake_limit){NULL, 0, rp_rule_level(rule), RP_NONE, false};
    out->n_windows = rp_beds_cap_windows(&b, y, &out->windows);
}

/* The put_intake hook: the core hospital's beds and admissions, and the limit they give. */
static void put_intake(const rp_rule *rule, const rp_model *m, FILE *out)
{
    rp_beds_cap cap = compute(rule->params, m);
    const rp_beds_cap *b = &cap;
    rp_intake_put_head(rule, "residents of both years at the core hospital, by its size", out);
    if (b->value < 0) {
        fputs(_("  no core hospital gives its beds or admissions: nothing to limit\n"), out);
        rp_intake_put_foot(rule, out);
        return;
    }
    const rp_facility *f = &m->facilities[b->facility];
    fprintf(out, _("  core hospital: %s (%s)\n"), f->id, f->name);
    rp_grid g;
    rp_grid_init(&g, 4);
    g.indent = 2;
    g.right[3] = true;
    const char *beds[4] = {"beds", "not given", NULL, NULL};
    if (b->by_beds >= 0) {
        beds[1] = rp_grid_printf(&g, _("floor(%s / %s)"), rp_grid_grouped(&g, f->beds),
                                 rp_grid_grouped(&g, b->per_beds));
        beds[2] = "=";
        beds[3] = rp_grid_printf(&g, "%d", b->by_beds);
    }
    const char *adm[4] = {"admissions", "not given", NULL, NULL};
    if (b->by_admissions >= 0) {
        adm[1] = rp_grid_printf(&g, _("floor(%s / %s)"), rp_grid_grouped(&g, f->admissions),
                                rp_grid_grouped(&g, b->per_admissions));
        adm[2] = "=";
        adm[3] = rp_grid_printf(&g, "%d", b->by_admissions);
    }
    const char *lim[4] = {"limit", "the larger", "=", rp_grid_printf(&g, "%d", b->value)};
    rp_grid_add(&g, beds);
    rp_grid_add(&g, adm);
    rp_grid_add(&g, lim);
    rp_grid_print(&g, NULL, out);
    rp_grid_free(&g);
    rp_intake_put_foot(rule, out);
}

const rp_rule_kind rp_kind_intake_by_beds = {
    .name = "intake-by-beds",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
    .intake = intake,
    .put_intake = put_intake,
};
