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
 * Check: every window of k consecutive cohort years from the plan's first to its last. The
 * average, the limits and the windows are exposed (rp_urban_cap_explain, intake.h) for
 * `rotaplan capacity`; the check and the command share them.
 *
 * Used by: RAD-14 (003 §4 L339, L331: 59 over 2014-2018; keio is in Tokyo).
 */
#include "rules/intake.h"
#include "report/grid.h"
#include "rules/kind.h"
#include "util/i18n.h"

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

extern const rp_rule_kind rp_kind_urban_intake_cap;

static rp_urban_cap compute(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    rp_urban_cap u = {pa->urban, 0, 0, 0, RP_LEVEL_FINDING};
    if (!pa->urban)
        return u;
    u.history_years = m->intake.history_years;
    u.history_total = m->intake.history_total;
    u.average = (double)u.history_total / u.history_years;
    u.level = m->readings.intake_cap_strict ? rp_rule_level(rule) : RP_LEVEL_FINDING;
    return u;
}

int rp_urban_cap_explain(const rp_rule *rule, const rp_model *m, rp_urban_cap *out)
{
    if (rule->kind != &rp_kind_urban_intake_cap)
        return -1;
    *out = compute(rule, m);
    return 0;
}

int rp_urban_cap_limit(const rp_urban_cap *u, int k)
{
    return (int)floor(u->average * k + 1e-9);
}

size_t rp_urban_cap_windows(const rp_urban_cap *u, const rp_intake_years *y,
                            rp_intake_window **out)
{
    *out = NULL;
    size_t n = 0, size = 0;
    if (!u->urban)
        return 0;
    for (int k = 1; k <= u->history_years && k <= y->last - y->first + 1; k++) {
        int limit = rp_urban_cap_limit(u, k);
        for (int year = y->first; year + k - 1 <= y->last; year++) {
            int intake = 0;
            for (int j = year; j < year + k; j++)
                intake += rp_intake_in(y, j);
            *RP_PUSH(*out, n, size) = (rp_intake_window){year, k, intake, limit};
        }
    }
    return n;
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const rp_model *m = ctx->model;
    rp_urban_cap u = compute(rule, m);
    rp_intake_years years;
    rp_intake_years_of_plan(ctx->plan, &years);
    rp_intake_window *w;
    size_t n = rp_urban_cap_windows(&u, &years, &w);
    for (size_t i = 0; i < n; i++) {
        if (w[i].intake <= w[i].limit)
            continue;
        int y = w[i].first_year, k = w[i].years;
        char req[64], got[64];
        snprintf(req, sizeof req, _("at most %d"), w[i].limit);
        snprintf(got, sizeof got, "%d", w[i].intake);
        char span[48];
        if (k == 1)
            snprintf(span, sizeof span, _("in %d"), y);
        else
            snprintf(span, sizeof span, _("in %d-%d (%d years)"), y, y + k - 1, k);
        rp_finding *f = rp_finding_add(
            out, ctx, rule, RP_NONE, RP_NONE, 0, 0, req, got,
            "%d residents start %s; the urban cap allows %d (past average %d/%d = %.2f a "
            "year)%s",
            w[i].intake, span, w[i].limit, u.history_total, u.history_years, u.average,
            m->readings.intake_cap_strict ? "" : _("; to be adjusted across years (年次で調整)"));
        f->level = u.level;
    }
    free(w);
    rp_intake_years_free(&years);
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    if (!pa->urban)
        return rp_xstrdup(_("no urban intake cap (the base is not in an urban prefecture)"));
    return rp_xasprintf(_("urban programme: intake over any k consecutive years at most floor(%.2f "
                          "x k), the past %d years' average (%s)"),
                        (double)m->intake.history_total / m->intake.history_years,
                        m->intake.history_years,
                        m->readings.intake_cap_strict ? _("strict") : _("reported as a finding"));
}

/* The intake hook: every window of k consecutive years against its strict limit. */
static void intake(const rp_rule *rule, const rp_model *m, const rp_intake_years *y,
                   rp_intake_limit *out)
{
    rp_urban_cap u = compute(rule, m);
    int yearly = u.urban && u.history_years >= 1 ? rp_urban_cap_limit(&u, 1) : RP_NONE;
    *out = (rp_intake_limit){NULL, 0, u.level, yearly, false};
    out->n_windows = rp_urban_cap_windows(&u, y, &out->windows);
}

/* The put_intake hook: the past years' average and the strict limits it gives. */
static void put_intake(const rp_rule *rule, const rp_model *m, FILE *out)
{
    rp_urban_cap urban = compute(rule, m);
    const rp_urban_cap *u = &urban;
    if (!u->urban) {
        rp_intake_put_head(rule,
                           _("urban intake cap: none (the base is not in an urban prefecture)"),
                           out);
        rp_intake_put_foot(rule, out);
        return;
    }
    rp_intake_put_head(rule, _("urban intake cap: the past years' average intake"), out);
    fprintf(out, _("  average: %d / %d = %.2f a year (%s)\n"), u->history_total, u->history_years,
            u->average, m->intake.history_source ? m->intake.history_source : "intake.history");
    rp_grid g;
    rp_grid_init(&g, 4);
    g.indent = 2;
    g.right[0] = g.right[3] = true;
    const char *head[4] = {_("years"), _("strict limit"), NULL, NULL};
    rp_grid_add(&g, head);
    for (int k = 1; k <= u->history_years; k++) {
        const char *row[4] = {rp_grid_printf(&g, "%d", k),
                              rp_grid_printf(&g, _("floor(%.2f x %d)"), u->average, k), "=",
                              rp_grid_printf(&g, "%d", rp_urban_cap_limit(u, k))};
        rp_grid_add(&g, row);
    }
    rp_grid_print(&g, NULL, out);
    rp_grid_free(&g);
    if (u->level == RP_LEVEL_FINDING)
        fputs(_("  over the strict limit: a finding, to be adjusted across years (年次で調整; "
                "D-4, readings.intake_cap: report)\n"), out);
    else
        fprintf(out, _("  over the strict limit: a %s (D-4, readings.intake_cap: strict)\n"),
                rp_level_name(u->level));
    rp_intake_put_foot(rule, out);
}

const rp_rule_kind rp_kind_urban_intake_cap = {
    .name = "urban-intake-cap",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
    .intake = intake,
    .put_intake = put_intake,
};
