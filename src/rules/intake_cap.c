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
 * Check: counts the planned residents of each cohort year. The terms, the binding one and the
 * cap are exposed (rp_intake_cap_explain, intake.h) for `rotaplan capacity`; the check and the
 * command share them.
 *
 * Used by: RAD-13 (003 §4 L339; RULES.md C-3: IVR binds, cap 46).
 */
#include "rules/intake.h"
#include "report/grid.h"
#include "rules/kind.h"
#include "util/i18n.h"

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

const char *const rp_intake_cap_terms[RP_CAP_N_TERMS] = {"instructors", "CT", "IVR", "RT"};

extern const rp_rule_kind rp_kind_intake_cap;

static rp_intake_cap compute(const params *pa, const rp_model *m)
{
    rp_intake_cap c = {.divisor = {1, pa->ct, pa->ivr, pa->rt}};
    for (size_t f = 0; f < m->n_facilities; f++) {
        c.total[RP_CAP_INSTRUCTORS] += rp_facility_instructors(m, (int)f);
        c.total[RP_CAP_CT] += m->facilities[f].ct;
        c.total[RP_CAP_IVR] += m->facilities[f].ivr;
        c.total[RP_CAP_RT] += m->facilities[f].rt;
    }
    for (int i = 0; i < RP_CAP_N_TERMS; i++) {
        c.column_sum[i] = c.total[i];
        c.printed_total[i] = -1;
    }
    if (m->totals.given) {
        c.printed_total[RP_CAP_INSTRUCTORS] = m->totals.instructors;
        c.printed_total[RP_CAP_CT] = m->totals.ct;
        c.printed_total[RP_CAP_IVR] = m->totals.ivr;
        c.printed_total[RP_CAP_RT] = m->totals.rt;
    }
    if (m->totals.given && !m->readings.totals_computed) {
        if (!m->readings.instructors_named) {
            c.total[RP_CAP_INSTRUCTORS] = m->totals.instructors;
            c.printed[RP_CAP_INSTRUCTORS] = true;
        }
        c.total[RP_CAP_CT] = m->totals.ct;
        c.total[RP_CAP_IVR] = m->totals.ivr;
        c.total[RP_CAP_RT] = m->totals.rt;
        c.printed[RP_CAP_CT] = c.printed[RP_CAP_IVR] = c.printed[RP_CAP_RT] = true;
    }
    for (int i = 0; i < RP_CAP_N_TERMS; i++)
        c.term[i] = c.total[i] / c.divisor[i];
    for (int i = 1; i < RP_CAP_N_TERMS; i++)
        if (c.term[i] < c.term[c.binding])
            c.binding = i;
    c.value = (int)floor(c.term[c.binding] + 1e-9);
    return c;
}

int rp_intake_cap_explain(const rp_rule *rule, const rp_model *m, rp_intake_cap *out)
{
    if (rule->kind != &rp_kind_intake_cap)
        return -1;
    *out = compute(rule->params, m);
    return 0;
}

size_t rp_intake_cap_windows(const rp_intake_cap *cap, const rp_intake_years *y,
                             rp_intake_window **out)
{
    *out = NULL;
    size_t n = 0, size = 0;
    for (int year = y->first; year <= y->last; year++)
        *RP_PUSH(*out, n, size) = (rp_intake_window){year, 1, rp_intake_in(y, year), cap->value};
    return n;
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    (void)rule;
    (void)em;
    return 0; /* an intake rule: the cohort is input (see the header) */
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    rp_intake_cap c = compute(rule->params, ctx->model);
    rp_intake_years years;
    rp_intake_years_of_plan(ctx->plan, &years);
    rp_intake_window *w;
    size_t n = rp_intake_cap_windows(&c, &years, &w);
    for (size_t i = 0; i < n; i++) {
        if (w[i].intake <= w[i].limit)
            continue;
        char req[64], got[64];
        snprintf(req, sizeof req, _("at most %d residents a year"), w[i].limit);
        snprintf(got, sizeof got, _("%d residents starting in %d"), w[i].intake, w[i].first_year);
        rp_finding_add(out, ctx, rule, RP_NONE, RP_NONE, 0, 0, req, got,
                       "%d residents start in %d; the programme's yearly intake cap is %d "
                       "(%s binds: %.2f)",
                       w[i].intake, w[i].first_year, w[i].limit, rp_intake_cap_terms[c.binding],
                       c.term[c.binding]);
    }
    free(w);
    rp_intake_years_free(&years);
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    rp_intake_cap c = compute(pa, m);
    return rp_xasprintf(_("yearly intake at most floor(min(instructors %.2f, CT/%g %.2f, IVR/%g "
                          "%.2f, RT/%g %.2f)) = %d"),
                        c.term[0], pa->ct, c.term[1], pa->ivr, c.term[2], pa->rt, c.term[3],
                        c.value);
}

/* The intake hook: every starting year against the cap. */
static void intake(const rp_rule *rule, const rp_model *m, const rp_intake_years *y,
                   rp_intake_limit *out)
{
    rp_intake_cap c = compute(rule->params, m);
    *out = (rp_intake_limit){NULL, 0, rp_rule_level(rule), c.value, true};
    out->n_windows = rp_intake_cap_windows(&c, y, &out->windows);
}

/* D-6 in either reading: each term whose printed total differs from the facility table's column
 * sum, by how much ("CT: printed 313,689.7, column sum 311,993.9 (printed 1,695.8 higher)"). */
static void put_totals_differ(const rp_intake_cap *c, FILE *out)
{
    rp_grid g;
    rp_grid_init(&g, 1);
    bool differ = false;
    double other = INFINITY; /* the binding term in the other reading of D-6 (D-8 kept) */
    for (int i = 0; i < RP_CAP_N_TERMS; i++) {
        double printed = c->printed_total[i], sum = c->column_sum[i];
        double alt = i == RP_CAP_INSTRUCTORS ? c->total[i]
                     : c->printed[i]         ? sum
                     : printed >= 0          ? printed
                                             : sum;
        other = fmin(other, alt / c->divisor[i]);
        if (printed < 0 || fabs(printed - sum) < 0.05)
            continue;
        differ = true;
        const char *p = rp_grid_grouped(&g, printed), *s = rp_grid_grouped(&g, sum),
                   *by = rp_grid_grouped(&g, fabs(printed - sum));
        fprintf(out, _("  %s: printed %s, column sum %s (printed %s %s; D-6)\n"),
                rp_intake_cap_terms[i], p, s, by, printed > sum ? _("higher") : _("lower"));
    }
    if (differ)
        fprintf(out, _("  with the %s the cap would be %d\n"),
                c->printed[RP_CAP_CT] ? _("column sums") : _("printed totals"),
                (int)floor(other + 1e-9));
    rp_grid_free(&g);
}

/* The put_intake hook: the terms, the binding one, the cap, and the readings behind them. */
static void put_intake(const rp_rule *rule, const rp_model *m, FILE *out)
{
    rp_intake_cap computed = compute(rule->params, m);
    const rp_intake_cap *c = &computed;
    rp_grid g;
    rp_grid_init(&g, 5);
    g.indent = 2;
    g.right[3] = true;
    rp_intake_put_head(rule, _("yearly intake cap: the fewest of the terms, rounded down"), out);
    for (int i = 0; i < RP_CAP_N_TERMS; i++) {
        const char *arith = i == RP_CAP_INSTRUCTORS
                                ? rp_grid_grouped(&g, c->total[i])
                                : rp_grid_printf(&g, "%s / %s", rp_grid_grouped(&g, c->total[i]),
                                                 rp_grid_grouped(&g, c->divisor[i]));
        const char *row[5] = {rp_intake_cap_terms[i], arith, "=",
                              rp_grid_printf(&g, "%.2f", c->term[i]),
                              i == c->binding ? _("<- binds") : NULL};
        rp_grid_add(&g, row);
    }
    const char *cap[5] = {_("cap"), rp_grid_printf(&g, _("floor(%.2f)"), c->term[c->binding]), "=",
                          rp_grid_printf(&g, "%d", c->value), NULL};
    rp_grid_add(&g, cap);
    rp_grid_print(&g, NULL, out);
    rp_grid_free(&g);
    const char *totals = c->printed[RP_CAP_CT] ? _("the printed totals of the facility table")
                         : m->totals.given     ? _("the column sums of the facility table")
                                               : _("the column sums (the model prints no totals)");
    fprintf(out, _("  totals: %s (D-6, readings.cap_totals: %s)\n"), totals,
            m->readings.totals_computed ? "computed" : "printed");
    put_totals_differ(c, out);
    fprintf(out, _("  instructors: %s (D-8, readings.instructors: %s)\n"),
            m->readings.instructors_named ? _("named persons") : _("table shares"),
            m->readings.instructors_named ? "named" : "share");
    rp_intake_put_foot(rule, out);
}

const rp_rule_kind rp_kind_intake_cap = {
    .name = "intake-cap",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
    .intake = intake,
    .put_intake = put_intake,
};
