/*
 * coop_weeks.c: kind `coop-weeks`, the period a resident spends at a 協力型臨床研修病院 (a
 * facility of kind coop) is at least `weeks` (INIT-53, soft).
 *
 * Rule: seed 000 Q57 (L76): for the core hospital's designation a 協力型 hospital's record counts
 * only when "研修医1人当たりの研修期間が8週以上となることを必須とする", and the answer: "8週未満の
 * 実績も含め、直近5年の平均を算出することになります": stays under 8 weeks still enter the average.
 * Reading (RULES.md INIT-53, `per: facility`, the default): at every coop facility f, the mean of
 * the weeks of the residents who train there at all is at least `weeks`; `per: resident` asks it
 * of every such resident (stricter). Weeks are the block weeks at f (parallel rows hold no week),
 * over the resident's whole calendar. The plan judges the residents it holds; the seed's five-year
 * average over earlier intakes is the programme's own record, not a plan's.
 *
 * Rows (the objective, no constraint), for every coop facility f and resident r with a piece at
 * f (W = weeks, z the facility's pieces covering week w):
 *     v[r,f] >= z[r,w,f]                           for every week w a piece at f covers,
 *     per facility:  s[f]   >= W * sum_r v[r,f] - sum_r sum_w z[r,w,f],   s >= 0,
 *     per resident:  s[r,f] >= W * v[r,f] - sum_w z[r,w,f],               s >= 0,
 * each s costing objective.soft / W (a whole resident's shortfall costs a soft weight: the
 * objective is maximised, the term subtracted); none when the weight is 0. v is continuous: the
 * rows v >= z make it 1 in every integral plan with a week at f.
 *
 * Check: counts each resident's block weeks at f week by week from the plan's cells (its own
 * count, not the rows'); a shortfall is a warning (the rule is soft) naming the facility, the
 * mean or the resident's weeks, and the residents under `weeks`.
 *
 * Used by: INIT-53 (models/initial-residency-2020.yaml, models/minami-general-2024.yaml).
 */
#include "rules/kind.h"
#include "util/i18n.h"

#include <string.h>

typedef struct params {
    int weeks;
    bool per_resident; /* `per: resident`; default `per: facility` (the mean) */
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    static const rp_ykey keys[] = {
        {"weeks", RP_Y_SCALAR, true},
        {"per", RP_Y_SCALAR, false},
    };
    static const char *const pers[] = {"facility", "resident"};
    const rp_ynode *v[2];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 2, v) != 0)
        return -1;
    int err = 0;
    int total = m->calendar.periods_per_year * m->calendar.years;
    if (rp_yint(y, v[0], "weeks", 1, total, &p->weeks) != 0)
        err = -1;
    int per = 0;
    if (v[1] && rp_yenum(y, v[1], "per", pers, 2, &per) != 0)
        err = -1;
    p->per_resident = per == 1;
    return err;
}

static bool is_coop(const rp_model *m, int f)
{
    return f >= 0 && m->facilities[f].kind == RP_KIND_COOP;
}

/* ---- rows ---- */

/* Adds v[r,f] >= z[r,w,f] for every week a piece at f covers and sum_w z[r,w,f] to weeks (times
 * -1); returns v's column, or -1 when r has no piece at f. */
static int visit_column(rp_emit *em, size_t r, int f, rp_expr *weeks)
{
    int h = rp_space_horizon(em->space, r);
    int v = -1;
    rp_expr e = {0};
    for (int w = 1; w <= h; w++) {
        rp_expr_clear(&e);
        rp_space_add_z(em->space, &e, r, w, f, 1);
        if (e.n == 0)
            continue;
        if (v < 0)
            v = rp_emit_col(em, RP_COL_CONTINUOUS, 0, 1, "at_r%zu_f%d", r, f);
        rp_space_add_z(em->space, weeks, r, w, f, -1);
        rp_expr_add(&e, v, -1);
        rp_emit_row(em, &e, RP_LE, 0, (int)r, f, w, w, "at_r%zu_f%d_w%d", r, f, w);
    }
    rp_expr_free(&e);
    return v;
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    const params *pa = rule->params;
    const rp_model *m = em->model;
    double cost = m->objective.soft / pa->weeks;
    if (m->objective.soft <= 0)
        return 0; /* no weight: the warning alone, no columns that could move the optimum */
    rp_expr e = {0};
    for (size_t f = 0; f < m->n_facilities; f++) {
        if (!is_coop(m, (int)f))
            continue;
        rp_expr_clear(&e);
        for (size_t r = 0; r < em->cohort->n_residents; r++) {
            if (pa->per_resident)
                rp_expr_clear(&e);
            int v = visit_column(em, r, (int)f, &e);
            if (v < 0)
                continue;
            rp_expr_add(&e, v, pa->weeks);
            if (!pa->per_resident)
                continue;
            int s = rp_emit_col(em, RP_COL_CONTINUOUS, 0, pa->weeks, "short_r%zu_f%zu", r, f);
            rp_ilp_add_obj(em->ilp, s, -cost);
            rp_expr_add(&e, s, -1);
            rp_emit_row(em, &e, RP_LE, 0, (int)r, (int)f, 0, 0, "short_r%zu_f%zu", r, f);
        }
        if (pa->per_resident || e.n == 0)
            continue;
        int s = rp_emit_col(em, RP_COL_CONTINUOUS, 0, 1e9, "short_f%zu", f);
        rp_ilp_add_obj(em->ilp, s, -cost);
        rp_expr_add(&e, s, -1);
        rp_emit_row(em, &e, RP_LE, 0, RP_NONE, (int)f, 0, 0, "short_f%zu", f);
    }
    rp_expr_free(&e);
    return 0;
}

/* ---- check ---- */

/* Block weeks of resident r at facility f, read from the plan's cells. */
static int weeks_at(const rp_check_ctx *ctx, size_t r, int f)
{
    const rp_resident_plan *rp = &ctx->residents[r];
    int n = 0;
    for (int p = 1; p <= rp->horizon; p++)
        n += rp->cells[p].facility == f;
    return n;
}

static void warn_resident(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out,
                          size_t r, int f, int n)
{
    const params *pa = rule->params;
    const rp_resident_plan *rp = &ctx->residents[r];
    char req[64], got[32];
    snprintf(req, sizeof req, _("at least %d weeks at a 協力型 hospital"), pa->weeks);
    snprintf(got, sizeof got, _("%d week%s"), n, n == 1 ? "" : "s");
    rp_finding_add(out, ctx, rule, (int)r, f, 1, rp->horizon, req, got,
                   "resident %s trains %d week%s at the 協力型 hospital %s; at least %d are "
                   "desirable for its record (000 Q57)",
                   rp->planned->id, n, n == 1 ? "" : "s", ctx->model->facilities[f].id,
                   pa->weeks);
}

static void warn_facility(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out, int f,
                          const int *weeks, int total, int residents)
{
    const params *pa = rule->params;
    rp_buf b = {0};
    for (size_t r = 0; r < ctx->n_residents; r++)
        if (weeks[r] > 0 && weeks[r] < pa->weeks)
            rp_buf_printf(&b, "%s%s (%d)", b.len ? ", " : "", ctx->residents[r].planned->id,
                          weeks[r]);
    char *under = rp_buf_take(&b);
    char req[80], got[80];
    const char *ss = residents == 1 ? "" : "s";
    snprintf(req, sizeof req, _("at least %d weeks a resident on average"), pa->weeks);
    snprintf(got, sizeof got, _("%.4g weeks (%d weeks over %d resident%s)"),
             (double)total / residents, total, residents, ss);
    rp_finding_add(out, ctx, rule, RP_NONE, f, 0, 0, req, got,
                   "%d resident%s at the 協力型 hospital %s: %.4g weeks each on average, under "
                   "the %d weeks a resident its record needs (000 Q57); under %d weeks: %s",
                   residents, ss, ctx->model->facilities[f].id, (double)total / residents,
                   pa->weeks, pa->weeks, under);
    free(under);
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    int *weeks = rp_xcalloc(ctx->n_residents + 1, sizeof *weeks);
    for (size_t f = 0; f < m->n_facilities; f++) {
        if (!is_coop(m, (int)f))
            continue;
        int total = 0, residents = 0;
        for (size_t r = 0; r < ctx->n_residents; r++) {
            weeks[r] = weeks_at(ctx, r, (int)f);
            total += weeks[r];
            residents += weeks[r] > 0;
            if (pa->per_resident && weeks[r] > 0 && weeks[r] < pa->weeks)
                warn_resident(rule, ctx, out, r, (int)f, weeks[r]);
        }
        if (!pa->per_resident && residents > 0 && total < pa->weeks * residents)
            warn_facility(rule, ctx, out, (int)f, weeks, total, residents);
    }
    free(weeks);
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    (void)m;
    const params *pa = rule->params;
    return rp_xasprintf(_("at least %d weeks a resident at each 協力型 hospital (coop)%s "
                          "(desirable)"),
                        pa->weeks, pa->per_resident ? "" : _(", on average over its residents"));
}

const rp_rule_kind rp_kind_coop_weeks = {
    .name = "coop-weeks",
    .counts_weeks = true,
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
