/*
 * core_weeks.c: kind `core-weeks`, a minimum of training at the core hospital (基幹型).
 *
 * Rule: core days + credit >= n weeks of days, where
 *   core days  the days of every week whose block is at a facility of kind core, less the days
 *              of its parallel sessions away from the core (parallel days at the core during a
 *              block elsewhere do not count: D-17);
 *   credit     the days of weeks away from the core spent in community medicine that counts
 *              (INIT-40/41/43), in a general clinic serving it inside a community run
 *              (INIT-37), or in public health at an administrative or overseas facility
 *              (INIT-51), up to `credit_weeks` weeks.
 *
 * Rows: with a continuous c <= credit_weeks x days_per_week,
 *     c <= sum over pieces of (their credit days) x + the general clinics' credit in runs
 *          (rp_emit_clinic_credit),
 *     sum over pieces of (their core days) x + c >= n x days_per_week.
 *
 * Check: the same sums from the plan, week by week, through the check side's own crediting
 * (check/judge.h), not week_days, credit.h or rp_emit_clinic_credit, which the rows use.
 *
 * Used by: INIT-50 (52 weeks, at most 12 credited, 000 Q05 L16, Q06 L17).
 */
#include "check/judge.h"
#include "rules/kind.h"
#include "rules/weeks.h"
#include "util/i18n.h"

typedef struct params {
    double days;        /* required, in days */
    double credit_days; /* at most credited */
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    static const rp_ykey keys[] = {
        {"weeks", RP_Y_SCALAR, true},
        {"credit_weeks", RP_Y_SCALAR, true},
    };
    const rp_ynode *v[2];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 2, v) != 0)
        return -1;
    double weeks, credit;
    int err = rp_ynum(y, v[0], "weeks", 0, 520, &weeks);
    if (rp_ynum(y, v[1], "credit_weeks", 0, 520, &credit) != 0)
        err = -1;
    p->days = weeks * m->calendar.days_per_week;
    p->credit_days = credit * m->calendar.days_per_week;
    return err;
}

static bool at_core(const rp_model *m, int f)
{
    return f >= 0 && m->facilities[f].kind == RP_KIND_CORE;
}

/* Rows: the week's core days, and its credit days other than a general clinic's (those need a
 * run of community medicine, rp_emit_clinic_credit). */
static void week_days(const rp_model *m, const rp_week *w, const rp_week_credit *c, double *core,
                      double *credit)
{
    *core = *credit = 0;
    int f = w->block.facility;
    if (f < 0)
        return;
    if (at_core(m, f)) {
        *core = m->calendar.days_per_week - c->away_days;
        return;
    }
    rp_facility_kind kind = m->facilities[f].kind;
    bool health = c->host == RP_FIELD_PH && (kind == RP_KIND_ADMIN || kind == RP_KIND_OVERSEAS);
    if (c->host == RP_FIELD_CM || health)
        *credit = m->calendar.days_per_week;
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    const params *pa = rule->params;
    const rp_model *m = em->model;
    rp_expr total = {0}, credit = {0};
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        size_t np;
        const rp_piece *pieces = rp_space_pieces(em->space, r, &np);
        rp_expr_clear(&total);
        rp_expr_clear(&credit);
        for (size_t i = 0; i < np; i++) {
            double core = 0, cred = 0;
            rp_session s;
            rp_week w = {0};
            rp_week_credit c;
            double a = 0, b = 0;
            int year = -1; /* a piece's week is credited alike within a programme year */
            for (int p = pieces[i].first; p <= pieces[i].last; p++) {
                if (rp_period_year(m, p) != year) {
                    rp_piece_week(m, &pieces[i], p, &s, &w);
                    rp_week_credit_of(m, &w, &c);
                    week_days(m, &w, &c, &a, &b);
                    year = w.year;
                }
                core += a;
                cred += b;
            }
            rp_expr_add(&total, pieces[i].col, core);
            rp_expr_add(&credit, pieces[i].col, cred);
        }
        rp_emit_clinic_credit(em, r, RP_FIELD_CM, true, "credit_", &credit);
        int h = rp_space_horizon(em->space, r);
        if (credit.n > 0 && pa->credit_days > 0) { /* c <= credit, c <= cap */
            int c = rp_emit_col(em, RP_COL_CONTINUOUS, 0, pa->credit_days, "credit_r%zu", r);
            for (size_t i = 0; i < credit.n; i++)
                credit.coef[i] = -credit.coef[i];
            rp_expr_add(&credit, c, 1);
            rp_emit_row(em, &credit, RP_LE, 0, (int)r, RP_NONE, 1, h, "credit_r%zu", r);
            rp_expr_add(&total, c, 1);
        }
        rp_emit_row(em, &total, RP_GE, pa->days, (int)r, RP_NONE, 1, h, "r%zu", r);
    }
    rp_expr_free(&total);
    rp_expr_free(&credit);
    return 0;
}

/* Check: a week of the plan, read from RULES.md INIT-50/51 and D-17: at the core its days less
 * the parallel days spent away; elsewhere a whole week of credit when it is 地域医療 that counts,
 * 保健・医療行政 at an administrative or overseas facility, or a general clinic for 地域医療
 * inside a run of it (INIT-37). */
static void judge_week(const rp_model *m, const rp_cell *cell, const rp_week_credit *credits,
                       int horizon, int p, double *core, double *credit)
{
    const rp_week_credit *c = &credits[p];
    int dpw = m->calendar.days_per_week;
    *core = *credit = 0;
    if (cell->facility == RP_NONE)
        return;
    rp_facility_kind kind = m->facilities[cell->facility].kind;
    if (kind == RP_KIND_CORE) {
        *core = dpw - c->away_days;
        return;
    }
    bool community = c->host == RP_FIELD_CM;
    bool public_health = c->host == RP_FIELD_PH &&
                         (kind == RP_KIND_OVERSEAS || kind == RP_KIND_ADMIN);
    bool clinic = c->go_block_field == RP_FIELD_CM &&
                  rp_judge_in_run(credits, horizon, p, RP_FIELD_CM, m->crediting.go_block_run);
    if (community || public_health)
        *credit = dpw;
    if (clinic)
        *credit += dpw;
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        rp_week_credit *credits = rp_judge_credits(ctx, r);
        double core = 0, credit = 0;
        for (int p = 1; p <= rp->horizon; p++) {
            double a, b;
            judge_week(m, &rp->cells[p], credits, rp->horizon, p, &a, &b);
            core += a;
            credit += b;
        }
        free(credits);
        double counted = credit < pa->credit_days ? credit : pa->credit_days;
        if (core + counted + 1e-9 >= pa->days)
            continue;
        char req[64], got[96];
        rp_days_text(m, pa->days, req, sizeof req);
        snprintf(got, sizeof got, _("%g days at the core and %g credited"), core, counted);
        rp_finding_add(out, ctx, rule, (int)r, RP_NONE, 1, rp->horizon, req, got,
                       "resident %s spends %g days at the core hospital and is credited %g more "
                       "(community medicine and public health, up to %g); %s are required",
                       rp->planned->id, core, counted, pa->credit_days, req);
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    int dpw = m->calendar.days_per_week;
    return rp_xasprintf(_("every resident trains at least %g weeks at the core hospital, of which "
                          "up to %g weeks of community medicine or public health elsewhere may "
                          "count"),
                        pa->days / dpw, pa->credit_days / dpw);
}

const rp_rule_kind rp_kind_core_weeks = {
    .name = "core-weeks",
    .counts_weeks = true,
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
