/*
 * parallel_sessions.c: kind `parallel-sessions`, what a parallel session (並行研修) may be.
 *
 * Rule, in the aspects the parameters name: `fields`: a parallel row is held in a department of
 * one of these fields (INIT-30: emergency and general outpatient only), never in the field of the
 * block it runs beside (an emergency session during an emergency block is meaningless: the plan
 * reader refuses such a row as bad data, RULES.md INIT-30 DATA; the check still judges a plan
 * built in memory);
 * `per_week`: at most so many sessions a week, rows counted, not days (INIT-31: one; a half-day
 * session is one); `days`: at most so many days a week a session ("毎週3日間" of Q42 is three).
 * A night of duty (当直, a `night` row: INIT-35, 000 Q27 L42 "日中に必修分野の研修を行い、夜間に
 * 救急部門を研修することは可能") is emergency work only (with `fields`: a night row of another
 * field breaks INIT-30), and is no session for `per_week` and `days`: it takes nothing from the
 * day's block, which Q16's "ブロック研修をしている診療科の研修に支障をきたす" is about (RULES.md
 * INIT-35).
 * A row given as a total (`days_total` N over weeks a..b: INIT-39, 000 Q15 L28, the days need not
 * be fixed) holds its sessions on days the resident arranges: it is one session in each week it
 * runs (so another row in those weeks makes two, the conservative reading), its N sessions are at
 * most one a week (N <= b - a + 1, RULES.md INIT-39), and `days` bounds each session's length.
 *
 * Pieces: the planner's pieces carry at most one session a week, of the model's
 * parallel_training departments; a piece whose session is of a field not allowed, or of the
 * block's own field, or longer than `days`, is not admitted. Rows: none; the pieces say it all.
 *
 * Check: reads the plan's parallel rows week by week; a place's field is check/judge.h's
 * rp_judge_field, not credit.h's rp_place_field, which admit asks.
 *
 * Used by: INIT-30 (救急 and 一般外来 only, 000 Q11 L24, Q14 L27), INIT-31 (once a week, 000 Q16
 * L29), INIT-38 (a day at most a session).
 */
#include "check/judge.h"
#include "rules/kind.h"
#include "rules/weeks.h"
#include "util/i18n.h"

typedef struct params {
    bool by_field;            /* the fields are restricted (INIT-30) */
    bool fields[RP_N_FIELDS];
    int per_week;             /* sessions a week at most (INIT-31); -1: not restricted */
    double days;              /* days a session at most; 0: not restricted */
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    (void)m;
    static const rp_ykey keys[] = {
        {"fields", RP_Y_SEQ, false},
        {"per_week", RP_Y_SCALAR, false},
        {"days", RP_Y_SCALAR, false},
    };
    const rp_ynode *v[3];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    p->per_week = -1;
    if (rp_kind_params(y, rule, node, keys, 3, v) != 0)
        return -1;
    int err = 0;
    p->by_field = v[0] != NULL;
    if (v[0] && rp_read_fields(y, v[0], "fields", p->fields) != 0)
        err = -1;
    if (v[1] && rp_yint(y, v[1], "per_week", 0, 7, &p->per_week) != 0)
        err = -1;
    if (v[2] && rp_ynum(y, v[2], "days", 0.5, 7, &p->days) != 0)
        err = -1;
    if (!err && !v[0] && !v[1] && !v[2])
        err = rp_yerror(y, node, "params of rule '%s' restrict nothing; expected 'fields', "
                                 "'per_week' or 'days'", rule->id);
    return err;
}

static bool admit(const rp_rule *rule, const rp_model *m, const rp_resident *r,
                  const rp_piece *pc, bool *allowed)
{
    (void)r;
    (void)allowed;
    const params *pa = rule->params;
    if (pc->par_department < 0)
        return true;
    rp_place session = {pc->facility, pc->par_department, NULL};
    rp_place block = {pc->facility, pc->department, NULL};
    int kind = rp_place_field(m, session);
    if (pc->par_night) /* INIT-35: emergency only, and no session for INIT-31 */
        return !pa->by_field || (kind == RP_FIELD_EM && kind != rp_place_field(m, block));
    if (pa->per_week == 0 || (pa->days > 0 && pc->par_days > pa->days))
        return false;
    return !pa->by_field || (kind >= 0 && pa->fields[kind] && kind != rp_place_field(m, block));
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    (void)rule;
    (void)em;
    return 0; /* admit keeps every session of the space allowed: one a week, of a day at most */
}

static void report(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out, size_t i,
                   const char *required, const char *found, const char *why)
{
    const rp_stint *s = &ctx->plan->stints[i];
    const rp_plan_resident *pr = &ctx->plan->residents[s->resident];
    char *span = rp_span_text(ctx->model, pr->cohort, s->first, s->last);
    rp_finding_add(out, ctx, rule, s->resident, s->facility, s->first, s->last, required, found,
                   "resident %s: the parallel row at %s (%s) %s", pr->id,
                   s->facility >= 0 ? ctx->model->facilities[s->facility].id : "none", span, why);
    free(span);
}

/* Each parallel row of a field not allowed, beside a block of its own field, or of more days a
 * week than allowed. */
static void check_rows(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    for (size_t i = 0; i < ctx->plan->n_stints; i++) {
        const rp_stint *s = &ctx->plan->stints[i];
        if (s->mode != RP_MODE_PARALLEL || s->visit) /* a visit is admin-visits' (INIT-44) */
            continue;
        int kind = rp_judge_field(m, s->facility, s->department, s->department_id);
        if (pa->by_field && s->night && kind != RP_FIELD_EM) {
            report(rule, ctx, out, i, "night duty in emergency (当直)", rp_field_label(kind),
                   "is night duty outside emergency; a night row is emergency work only");
            continue;
        }
        if (pa->by_field && (kind < 0 || !pa->fields[kind])) {
            report(rule, ctx, out, i, "emergency or general outpatient",
                   rp_field_label(kind), "is not a kind of parallel training allowed; required "
                   "fields other than these are trained in blocks");
            continue;
        }
        int weeks = s->last - s->first + 1;
        if (pa->per_week >= 0 && !s->night && s->days_total > pa->per_week * weeks) {
            char req[64], got[64];
            snprintf(req, sizeof req, "at most %d session%s a week", pa->per_week,
                     pa->per_week == 1 ? "" : "s");
            snprintf(got, sizeof got, "%g sessions in %d week%s", s->days_total, weeks,
                     weeks == 1 ? "" : "s");
            report(rule, ctx, out, i, req, got, "holds more sessions than its weeks allow");
        }
        if (pa->days > 0 && !s->night && s->days_per_week > pa->days) {
            char req[48], got[48];
            snprintf(req, sizeof req, _("at most %g day a week"), pa->days);
            snprintf(got, sizeof got, _("%g days a week"), s->days_per_week);
            report(rule, ctx, out, i, req, got, "takes more than one day a week");
        }
        const rp_resident_plan *rp = &ctx->residents[s->resident];
        for (int p = s->first; pa->by_field && p <= s->last && p <= rp->horizon; p++) {
            const rp_cell *c = &rp->cells[p];
            if (p >= 1 && rp_judge_field(m, c->facility, c->department, c->department_id) == kind) {
                report(rule, ctx, out, i, "a session beside a block of another field",
                       rp_field_label(kind), "runs beside a block of its own field");
                break;
            }
        }
    }
}

/* Weeks with more parallel rows than allowed, each run of such weeks once. */
static void check_weeks(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    for (size_t r = 0; pa->per_week >= 0 && r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        int *count = rp_xcalloc((size_t)rp->horizon + 2, sizeof *count);
        for (size_t i = 0; i < ctx->plan->n_stints; i++) {
            const rp_stint *s = &ctx->plan->stints[i];
            if (s->resident == (int)r && s->mode == RP_MODE_PARALLEL && !s->night && !s->visit)
                for (int p = s->first; p <= s->last && p <= rp->horizon; p++)
                    count[p] += p >= 1;
        }
        for (int p = 1; p <= rp->horizon; p++) {
            if (count[p] <= pa->per_week)
                continue;
            int q = p, most = count[p];
            while (q + 1 <= rp->horizon && count[q + 1] > pa->per_week)
                most = count[++q] > most ? count[q] : most;
            char *span = rp_span_text(ctx->model, rp->planned->cohort, p, q);
            char req[48], got[48];
            snprintf(req, sizeof req, _("at most %d session%s a week"), pa->per_week,
                     pa->per_week == 1 ? "" : "s");
            snprintf(got, sizeof got, _("%d sessions a week"), most);
            rp_finding_add(out, ctx, rule, (int)r, RP_NONE, p, q, req, got,
                           "resident %s has %d parallel sessions a week in %s; at most %d",
                           rp->planned->id, most, span, pa->per_week);
            free(span);
            p = q;
        }
        free(count);
    }
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    check_rows(rule, ctx, out);
    check_weeks(rule, ctx, out);
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    (void)m;
    const params *pa = rule->params;
    rp_buf b = {0};
    if (pa->by_field) {
        rp_buf fields = {0};
        for (int X = 0; X < RP_N_FIELDS; X++)
            if (pa->fields[X])
                rp_buf_printf(&fields, "%s%s", fields.len ? _(" and ") : "", rp_field_label(X));
        rp_buf_printf(&b, _("parallel training only in %s, beside blocks of other fields"),
                      fields.len ? fields.data : "");
        rp_buf_free(&fields);
    }
    if (pa->per_week >= 0)
        rp_buf_printf(&b, _("%sat most %d parallel session%s a week"), b.len ? "; " : "",
                      pa->per_week, pa->per_week == 1 ? "" : "s");
    if (pa->days > 0)
        rp_buf_printf(&b, _("%sof at most %g day each"), b.len ? ", " : "", pa->days);
    return rp_buf_take(&b);
}

const rp_rule_kind rp_kind_parallel_sessions = {
    .name = "parallel-sessions",
    .counts_weeks = true,
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
    .admit = admit,
};
