/*
 * leave_allowance.c: kind `leave-allowance`, leave (休止) within the allowance, or an extended
 * programme.
 *
 * Rule: a resident whose leave stays within the calendar's allowance completes in the programme's
 * length (INIT-60: 90 days; within it no make-up is needed, INIT-62). Leave beyond it extends the
 * resident's programme by the weeks it takes to make up the days beyond (INIT-61; rp_horizon), and
 * the plan must run to the end of the extension. Each extension is reported as a finding, so that
 * the plan shows it.
 *
 * Rows: none; the space of an extended resident already holds the extension weeks, and RAD-06's
 * kind covers every one of them.
 *
 * Check: the last period the plan's blocks reach, against the resident's extended horizon.
 *
 * Used by: INIT-60, INIT-61 (000 Q07 L18; the make-up formula is RULES.md E-3's default).
 */
#include "rules/kind.h"
#include "util/i18n.h"

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    rule->params = NULL;
    const rp_ynode *v[1];
    if (node && rp_kind_params(y, rule, node, NULL, 0, v) != 0)
        return -1;
    if (m->calendar.leave_allowance_days <= 0)
        return rp_yerror_pos(y, rule->pos, "rule '%s' needs the calendar's leave_allowance_days",
                             rule->id);
    return 0;
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    (void)rule;
    (void)em;
    return 0; /* the extension is in the horizon of the resident's space (rp_horizon) */
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const rp_model *m = ctx->model;
    int base = m->calendar.years * m->calendar.periods_per_year;
    double allowance = m->calendar.leave_allowance_days;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        double days = rp_resident_leave_days(rp->resident);
        if (days <= allowance)
            continue;
        int reached = 0;
        for (size_t i = 0; i < ctx->plan->n_stints; i++) {
            const rp_stint *s = &ctx->plan->stints[i];
            if (s->resident == (int)r && s->mode == RP_MODE_BLOCK && s->last > reached)
                reached = s->last;
        }
        char date[11], req[64], got[64];
        rp_date end = rp_period_last_day(m, rp->planned->cohort, rp->horizon);
        rp_date_format(end, date);
        snprintf(req, sizeof req, _("to week %d (%s)"), rp->horizon, date);
        snprintf(got, sizeof got, _("to week %d"), reached);
        rp_finding *f = rp_finding_add(
            out, ctx, rule, (int)r, RP_NONE, base + 1, rp->horizon, req, got,
            "resident %s takes %g days of leave, %g beyond the %g allowed: the programme is "
            "extended by %d week%s, to %s%s",
            rp->planned->id, days, days - allowance, allowance, rp->horizon - base,
            rp->horizon - base == 1 ? "" : "s", date,
            reached >= rp->horizon ? "" : ", but the plan ends before");
        if (reached >= rp->horizon)
            f->level = RP_LEVEL_FINDING;
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    (void)rule;
    return rp_xasprintf(_("leave of at most %d days; beyond that the programme is extended by the "
                          "weeks it takes to make up the days"),
                        m->calendar.leave_allowance_days);
}

const rp_rule_kind rp_kind_leave_allowance = {
    .name = "leave-allowance",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
