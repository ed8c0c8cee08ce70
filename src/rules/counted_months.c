/*
 * counted_months.c: kind `counted-months`, the length of the programme in counted periods.
 *
 * Rule: C(r) >= n for every resident, where C(r) counts the periods the resident trains (full
 * time or clinical graduate school) plus the leave that the programme credits: the first
 * maternity episode up to 6 months when certified (an uncertified first episode counts nothing:
 * a warning; later episodes count nothing: a finding), certified sickness up to 6, part-time up
 * to 6 (30 h a week or more in full, below that 800 h = 6 months) (RULES.md 0.4, RAD-22..26; the
 * arithmetic is model/calendar.c's rp_counted_months, shared with the rows).
 *
 * Rows: sum over training periods p of sum_f z[r,p,f] + L_r >= n, where L_r is the credited
 * leave (a constant). With RAD-06's rows the left side is constant too: a resident whose leave
 * cannot be made up inside the horizon is seen before the solve.
 *
 * Check: the training periods that the plan fills with a block, plus L_r, must reach n.
 *
 * Used by: RAD-01 (36 months, 003 §7-1 L533).
 */
#include "rules/kind.h"
#include "util/i18n.h"

typedef struct params {
    int periods;
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    (void)m;
    static const rp_ykey keys[] = {{"months", RP_Y_SCALAR, true}};
    const rp_ynode *v[1];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 1, v) != 0)
        return -1;
    return rp_yint(y, v[0], "months", 1, 1200, &p->periods);
}

static bool training(rp_status s)
{
    return s == RP_STATUS_FT || s == RP_STATUS_GC;
}

/* Credited leave: C(r) less the training periods. */
static double leave_credit(const rp_model *m, const rp_resident *r, const rp_timeline *t)
{
    int trained = 0;
    for (int p = 1; p <= t->horizon; p++)
        trained += training(t->status[p]);
    return rp_counted_months(m, r, t) - trained;
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    const params *pa = rule->params;
    rp_expr e = {0};
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        const rp_timeline *t = &em->timelines[r];
        rp_expr_clear(&e);
        for (int p = 1; p <= t->horizon; p++) {
            if (!training(t->status[p]))
                continue;
            size_t n;
            const int *cov = rp_space_covering(em->space, r, p, &n);
            const rp_piece *pieces = rp_space_pieces(em->space, r, &(size_t){0});
            for (size_t i = 0; i < n; i++)
                if (pieces[cov[i]].facility != RP_NONE)
                    rp_expr_add(&e, pieces[cov[i]].col, 1);
        }
        rp_expr_add_constant(&e, leave_credit(em->model, &em->cohort->residents[r], t));
        rp_emit_row(em, &e, RP_GE, pa->periods, (int)r, RP_NONE, 1, t->horizon, "r%zu", r);
    }
    rp_expr_free(&e);
    return 0;
}

/* The last period of resident r's blocks in the plan. */
static int reached(const rp_check_ctx *ctx, size_t r)
{
    int last = 0;
    for (size_t i = 0; i < ctx->plan->n_stints; i++) {
        const rp_stint *s = &ctx->plan->stints[i];
        if (s->resident == (int)r && s->mode == RP_MODE_BLOCK && s->last > last)
            last = s->last;
    }
    return last;
}

/* A programme extended by leave it does not count, said as a finding once the plan reaches the
 * extension's end (a plan that ends before falls short of the counted months: check's
 * violation below says so). */
static void extension(const rp_rule *rule, const rp_check_ctx *ctx, size_t r, rp_findings *out)
{
    const rp_model *m = ctx->model;
    const rp_resident_plan *rp = &ctx->residents[r];
    int base = m->calendar.years * m->calendar.periods_per_year;
    if (m->calendar.unit != RP_UNIT_MONTH || rp->horizon <= base)
        return;
    int n = rp->horizon - base, last = reached(ctx, r);
    if (last < rp->horizon)
        return;
    char date[11], req[64], got[64];
    rp_date_format(rp_period_last_day(m, rp->planned->cohort, rp->horizon), date);
    snprintf(req, sizeof req, _("to month %d (%s)"), rp->horizon, date);
    snprintf(got, sizeof got, _("to month %d"), last);
    const rp_resident *res = rp->resident;
    rp_finding *f;
    if (res && res->extension_rule != RP_NONE && res->rule_extension == n)
        f = rp_finding_add( /* RAD-27: a rule the leave leaves short inside the programme */
            out, ctx, rule, (int)r, RP_NONE, base + 1, rp->horizon, req, got,
            "resident %s's leave leaves %s short by %d month%s inside the %d months (RAD-27): "
            "the programme is extended by %d month%s, to %s",
            rp->planned->id, m->rules[res->extension_rule].id, n, n == 1 ? "" : "s", base, n,
            n == 1 ? "" : "s", date);
    else if (res && rp_graduate_entry(m, res) > 0 && res->graduate == RP_GRADUATE_NONCLINICAL)
        f = rp_finding_add( /* RAD-10: non-clinical graduate school counts nothing */
            out, ctx, rule, (int)r, RP_NONE, base + 1, rp->horizon, req, got,
            "resident %s's non-clinical graduate school (RAD-10) and leave leave %d of the %d "
            "months uncounted: the programme is extended by %d month%s, to %s",
            rp->planned->id, n, base, n, n == 1 ? "" : "s", date);
    else
        f = rp_finding_add(
            out, ctx, rule, (int)r, RP_NONE, base + 1, rp->horizon, req, got,
            "resident %s's leave leaves %d of the %d months uncounted (RAD-22..26): the "
            "programme is extended by %d month%s, to %s",
            rp->planned->id, n, base, n, n == 1 ? "" : "s", date);
    f->level = RP_LEVEL_FINDING;
}

/* The first maternity episode of r within the programme (its index in r->leave), or -1: the
 * earliest, certified or not (RULES.md RAD-22); an episode that ended before the programme
 * began is none of its episodes. */
static int first_maternity(const rp_resident *r)
{
    int first = -1;
    for (size_t i = 0; i < r->n_leave; i++)
        if (r->leave[i].kind == RP_STATUS_MATERNITY && r->leave[i].last >= 1 &&
            (first < 0 || r->leave[i].first < r->leave[first].first))
            first = (int)i;
    return first;
}

/* RAD-22 said: an uncertified maternity episode counts nothing (a warning: the document may
 * only be missing from the file), a later episode counts nothing either (a finding). */
static void maternity(const rp_rule *rule, const rp_check_ctx *ctx, size_t r, rp_findings *out)
{
    const rp_model *m = ctx->model;
    const rp_resident *res = ctx->residents[r].resident;
    if (!res || m->calendar.unit != RP_UNIT_MONTH)
        return;
    int first = first_maternity(res);
    for (size_t i = 0; i < res->n_leave; i++) {
        const rp_leave *l = &res->leave[i];
        if (l->kind != RP_STATUS_MATERNITY || l->first <= 0 || (l->certificate && (int)i == first))
            continue;
        char *span = rp_span_text(m, res->cohort, l->first, l->last);
        bool later = (int)i != first;
        rp_finding *f = rp_finding_add(
            out, ctx, rule, (int)r, RP_NONE, l->first, l->last,
            later ? "the first maternity episode only" : "a certificate (出産を証明する書類)",
            later ? "a later episode" : "no certificate",
            later ? "resident %s's maternity leave in %s is not the first episode: it counts "
                    "nothing toward the programme (RAD-22, 1回まで); the months are made up"
                  : "resident %s's maternity leave in %s has no certificate: it counts nothing "
                    "toward the programme (RAD-22 needs 出産を証明する書類) and uses up the one "
                    "episode that counts; the months are made up",
            res->id, span);
        f->level = later ? RP_LEVEL_FINDING : RP_LEVEL_WARNING;
        free(span);
    }
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        extension(rule, ctx, r, out);
        maternity(rule, ctx, r, out);
        /* the check's own count (not training or leave_credit, which the rows ask): periods
         * in full-time training or clinical graduate school that a block fills, and of the
         * leave, what rp_counted_months (the shared RAD-22..26 arithmetic) credits beyond the
         * training periods of the timeline */
        int trained = 0, training_periods = 0;
        for (int p = 1; p <= rp->horizon; p++) {
            rp_status st = rp->timeline.status[p];
            bool trains = st == RP_STATUS_GC || st == RP_STATUS_FT;
            training_periods += trains;
            trained += trains && rp->cells[p].facility != RP_NONE;
        }
        double leave = rp_counted_months(m, rp->resident, &rp->timeline) - training_periods;
        double counted = trained + leave;
        if (counted + 1e-9 >= pa->periods)
            continue;
        char req[64], got[64];
        snprintf(req, sizeof req, _("at least %d %s"), pa->periods, rp_unit_word(m, pa->periods));
        snprintf(got, sizeof got, "%.4g %s", counted, rp_unit_word(m, counted));
        rp_finding_add(out, ctx, rule, (int)r, RP_NONE, 1, rp->horizon, req, got,
                       "resident %s has %.4g counted %s (%d in training, the rest credited "
                       "leave); the programme needs at least %d",
                       rp->planned->id, counted, rp_unit_word(m, counted), trained, pa->periods);
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    return rp_xasprintf(_("every resident has at least %d counted %s of training, leave credited "
                          "as the programme allows"),
                        pa->periods, rp_unit_word(m, pa->periods));
}

const rp_rule_kind rp_kind_counted_months = {
    .name = "counted-months",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
