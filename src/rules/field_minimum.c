/*
 * field_minimum.c: kind `field-minimum`, a minimum of credited days in each of some fields of the
 * two-year initial residency.
 *
 * Rule: for every resident and every field X listed, the credited days reach n (given as weeks
 * of days_per_week days, or as days). The crediting is credit.h's, week by week:
 *   - X = EM:  the days of emergency blocks (less their sessions), plus every emergency session
 *              day (INIT-33), plus anaesthesiology block days up to the rule's cap (INIT-23);
 *   - X = GO:  the days of sessions and blocks at general clinics (INIT-14, INIT-36, INIT-38);
 *   - else:    the days of X's blocks less their sessions not counted twice (INIT-32, INIT-34),
 *              plus the days of general-clinic blocks serving X inside a run of X of at least
 *              the crediting's general_clinic_run weeks (INIT-37). A community block that fails
 *              INIT-40/41/43 counts for nothing (credit.h).
 * Leave never reduces the credit (INIT-16, INIT-62): the plan must hold the minimum in full.
 * A department counted toward another field up to a cap (the general form of INIT-23):
 * `counted_departments: [anesthesiology], counted_weeks: 4` adds to X the block days of those
 * departments that do not already go to X, up to counted_weeks weeks of days (days_per_week
 * each); `anesthesiology_weeks` is the same for EM with the departments marked em_content.
 *
 * Rows: sum over r's pieces of (the piece's credit to X) x_piece >= n, with for EM a column
 * a <= cap, a <= (anaesthesiology days), added on the left, and likewise a column
 * k <= counted cap, k <= (days of the counted departments not in X). When some general-clinic piece serving
 * X is shorter than the run (the plain model), its credit goes through per-week columns
 *     d[w] <= sum of the GO(X) pieces' days at w,  d[w] <= days_per_week * sum_{windows W ∋ w} u_W,
 *     u_W <= y[v] for every week v of W,
 * where y[v] sums the pieces of X or GO(X) covering v and the windows are the runs of the required
 * length: a week counts only inside such a run. For a soft rule (INIT-15) the same sum earns a
 * bonus b <= sum / n, b <= 1, of objective.soft in the objective, instead of a row.
 *
 * Check: the same sums from the plan's block and parallel rows, week by week, through the check
 * side's own crediting (check/judge.h: rp_judge_credits, rp_judge_in_run), not the rows' helpers
 * (credit.h, direct_credit, anesthesiology_week, rp_emit_clinic_credit).
 *
 * Used by: INIT-12 of models/minami-general-2024.yaml (its two 麻酔科 departments, theatre and
 * ICU, up to 4 weeks via counted_departments);
 * INIT-11 (内科 24 weeks), INIT-12 (救急 12 weeks, 麻酔科 up to 4), INIT-13 (外科,
 * 小児科, 産婦人科, 精神科, 地域医療 4 weeks each), INIT-14 (一般外来 20 days), INIT-15 (8 weeks
 * desirable, soft).
 */
#include "check/judge.h"
#include "rules/kind.h"
#include "rules/weeks.h"
#include "util/i18n.h"

#include <string.h>

typedef struct params {
    bool fields[RP_N_FIELDS];
    double days;
    double anesthesiology_days; /* EM: anaesthesiology days that count, 0 for none */
    const char **counted;       /* department ids counted toward the fields (arena) */
    size_t n_counted;
    double counted_days;        /* their cap, in days */
} params;

static int read_counted(rp_yctx *y, const rp_rule *rule, const rp_ynode *ids,
                        const rp_ynode *weeks, const rp_model *m, params *p)
{
    if (!ids && !weeks)
        return 0;
    if (!ids || !weeks)
        return rp_yerror_pos(y, rule->pos, "rule '%s' needs both 'counted_departments' and "
                                           "'counted_weeks' in its params, or neither",
                             rule->id);
    size_t n = 0;
    if (rp_yseq(y, ids, "counted_departments", &n) != 0)
        return -1;
    if (n == 0)
        return rp_yerror(y, ids, "counted_departments is empty; expected at least one "
                                 "department id");
    p->counted = rp_arena_alloc(rp_yarena(y), n * sizeof *p->counted);
    int err = 0;
    for (size_t i = 0; i < n; i++) {
        const rp_ynode *item = rp_yseq_item(y, ids, i);
        const char *id = NULL;
        if (rp_yid(y, item, "department", &id) != 0)
            err = -1;
        else if (!rp_model_knows_department(m, id))
            err = rp_yerror(y, item, "unknown department '%s'; expected a department of the "
                                     "model", id);
        else
            p->counted[p->n_counted++] = id;
    }
    double w = 0;
    if (rp_ynum(y, weeks, "counted_weeks", 0, 104, &w) != 0)
        err = -1;
    p->counted_days = w * m->calendar.days_per_week;
    return err;
}

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    static const rp_ykey keys[] = {
        {"fields", RP_Y_SEQ, true},
        {"weeks", RP_Y_SCALAR, false},
        {"days", RP_Y_SCALAR, false},
        {"anesthesiology_weeks", RP_Y_SCALAR, false},
        {"counted_departments", RP_Y_SEQ, false},
        {"counted_weeks", RP_Y_SCALAR, false},
    };
    const rp_ynode *v[6];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 6, v) != 0)
        return -1;
    int err = rp_read_fields(y, v[0], "fields", p->fields);
    if (rp_read_days(y, rule, v[1], v[2], m, &p->days) != 0)
        err = -1;
    double weeks = 0;
    if (v[3] && rp_ynum(y, v[3], "anesthesiology_weeks", 0, 104, &weeks) != 0)
        err = -1;
    p->anesthesiology_days = weeks * m->calendar.days_per_week;
    if (read_counted(y, rule, v[4], v[5], m, p) != 0)
        err = -1;
    return err;
}

/* Week credit toward X, leaving out general-clinic days (counted apart, they need a run). */
static double direct_credit(const rp_week_credit *c, int X)
{
    if (X == RP_FIELD_EM)
        return (c->host == RP_FIELD_EM ? c->host_days : 0) + c->em_days;
    if (X == RP_FIELD_GO)
        return c->go_days;
    return c->host == X ? c->host_days : 0;
}

/* Rows: whether the piece's department is one the rule counts toward X (and not X's own). */
static bool counted_piece(const params *pa, const rp_model *m, const rp_piece *pc)
{
    if (pc->facility < 0 || pc->department < 0)
        return false;
    const rp_department *d = &m->facilities[pc->facility].departments[pc->department];
    for (size_t i = 0; i < pa->n_counted; i++)
        if (strcmp(pa->counted[i], d->id) == 0)
            return true;
    return false;
}

static bool anesthesiology_week(const rp_model *m, const rp_week *w, const rp_week_credit *c)
{
    if (c->host != RP_FIELD_ANES || w->block.department < 0)
        return false;
    return m->facilities[w->block.facility].departments[w->block.department].em_content;
}

/* ---- rows ---- */

/* The credited days of X for resident r, as an expression. */
static void credit_expr(const rp_rule *rule, rp_emit *em, size_t r, int X, rp_expr *lhs)
{
    const params *pa = rule->params;
    const rp_model *m = em->model;
    size_t np;
    const rp_piece *pieces = rp_space_pieces(em->space, r, &np);
    rp_expr anes = {0}, counted = {0};
    for (size_t i = 0; i < np; i++) {
        const rp_piece *pc = &pieces[i];
        double coef = 0, anes_days = 0, counted_days = 0;
        bool counts = counted_piece(pa, m, pc);
        rp_session session;
        rp_week w = {0};
        rp_week_credit c;
        int year = -1; /* a piece's week is credited alike within a programme year */
        for (int p = pc->first; p <= pc->last; p++) {
            if (rp_period_year(m, p) != year) {
                rp_piece_week(m, pc, p, &session, &w);
                rp_week_credit_of(m, &w, &c);
                year = w.year;
            }
            coef += direct_credit(&c, X);
            if (anesthesiology_week(m, &w, &c))
                anes_days += c.host_days;
            if (counts && c.host != X)
                counted_days += c.host_days;
        }
        rp_expr_add(lhs, pc->col, coef);
        rp_expr_add(&anes, pc->col, -anes_days);
        if (counted_days > 0)
            rp_expr_add(&counted, pc->col, -counted_days);
    }
    if (X != RP_FIELD_GO && X != RP_FIELD_EM)
        rp_emit_clinic_credit(em, r, X, false, "", lhs);
    if (X == RP_FIELD_EM && pa->anesthesiology_days > 0 && anes.n > 0) {
        int a = rp_emit_col(em, RP_COL_CONTINUOUS, 0, pa->anesthesiology_days, "anes_r%zu", r);
        rp_expr_add(&anes, a, 1);
        rp_emit_row(em, &anes, RP_LE, 0, (int)r, RP_NONE, 0, 0, "anes_r%zu", r);
        rp_expr_add(lhs, a, 1);
    }
    if (pa->counted_days > 0 && counted.n > 0) {
        int k = rp_emit_col(em, RP_COL_CONTINUOUS, 0, pa->counted_days, "counted_r%zu_%s", r,
                            rp_field_names[X]);
        rp_expr_add(&counted, k, 1);
        rp_emit_row(em, &counted, RP_LE, 0, (int)r, RP_NONE, 0, 0, "counted_r%zu_%s", r,
                    rp_field_names[X]);
        rp_expr_add(lhs, k, 1);
    }
    rp_expr_free(&anes);
    rp_expr_free(&counted);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    const params *pa = rule->params;
    rp_expr e = {0};
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        int h = rp_space_horizon(em->space, r);
        for (int X = 0; X < RP_N_FIELDS; X++) {
            if (!pa->fields[X])
                continue;
            rp_expr_clear(&e);
            credit_expr(rule, em, r, X, &e);
            if (rule->cls != RP_CLASS_SOFT) {
                rp_emit_row(em, &e, RP_GE, pa->days, (int)r, RP_NONE, 1, h, "r%zu_%s", r,
                            rp_field_names[X]);
                continue;
            }
            /* a soft rule: a bonus b <= credit / n, b <= 1 */
            int b = rp_emit_col(em, RP_COL_CONTINUOUS, 0, 1, "bonus_r%zu_%s", r,
                                rp_field_names[X]);
            rp_ilp_add_obj(em->ilp, b, em->model->objective.soft);
            for (size_t i = 0; i < e.n; i++)
                e.coef[i] = -e.coef[i];
            rp_expr_add(&e, b, pa->days);
            rp_emit_row(em, &e, RP_LE, 0, (int)r, RP_NONE, 1, h, "r%zu_%s", r,
                        rp_field_names[X]);
        }
    }
    rp_expr_free(&e);
    return 0;
}

/* ---- check ---- */

/* Check: the days of r's blocks in a counted department whose days do not go to X. */
static double counted_block_days(const params *pa, const rp_check_ctx *ctx, size_t r, int X,
                                 const rp_week_credit *credit)
{
    const rp_resident_plan *rp = &ctx->residents[r];
    double days = 0;
    for (int p = 1; p <= rp->horizon; p++) {
        const rp_cell *cell = &rp->cells[p];
        if (cell->facility < 0 || cell->department < 0 || credit[p].host == X)
            continue;
        const char *id = ctx->model->facilities[cell->facility].departments[cell->department].id;
        bool listed = false;
        for (size_t i = 0; i < pa->n_counted && !listed; i++)
            listed = strcmp(id, pa->counted[i]) == 0;
        if (listed)
            days += credit[p].host_days;
    }
    return days < pa->counted_days ? days : pa->counted_days;
}

/* Check: what week c credits to X, from RULES.md 0.3 (EMdays, GOdays, CD(r,X)): general-clinic
 * blocks serving X are added apart (they need a run) and anaesthesiology apart (it has a cap). */
static double week_days_for(const rp_week_credit *c, int X)
{
    switch (X) {
    case RP_FIELD_GO:
        return c->go_days; /* sessions and general-clinic blocks alike */
    case RP_FIELD_EM: {
        double block = c->host == RP_FIELD_EM ? c->host_days : 0;
        return block + c->em_days;
    }
    default:
        return c->host == X ? c->host_days : 0;
    }
}

/* Check: whether the week's block is an anaesthesiology department the model marks as one whose
 * weeks may count toward emergency (INIT-23). */
static bool counts_as_emergency(const rp_model *m, const rp_cell *cell, const rp_week_credit *c)
{
    if (cell->facility == RP_NONE || cell->department == RP_NONE || c->host != RP_FIELD_ANES)
        return false;
    return m->facilities[cell->facility].departments[cell->department].em_content;
}

static double credited(const rp_rule *rule, const rp_check_ctx *ctx, size_t r, int X,
                       const rp_week_credit *credit)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    const rp_resident_plan *rp = &ctx->residents[r];
    double days = pa->n_counted ? counted_block_days(pa, ctx, r, X, credit) : 0, anes_days = 0;
    bool clinics = X != RP_FIELD_GO && X != RP_FIELD_EM;
    for (int p = 1; p <= rp->horizon; p++) {
        const rp_week_credit *c = &credit[p];
        days += week_days_for(c, X);
        if (clinics && c->go_block_field == X &&
            rp_judge_in_run(credit, rp->horizon, p, X, m->crediting.go_block_run))
            days += c->host_days;
        if (X == RP_FIELD_EM && counts_as_emergency(m, &rp->cells[p], c))
            anes_days += c->host_days;
    }
    if (X == RP_FIELD_EM) /* min(20, CD(r,ANES)) with the rule's cap */
        days += anes_days > pa->anesthesiology_days ? pa->anesthesiology_days : anes_days;
    return days;
}

static void check_resident(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out,
                           size_t r)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    const rp_resident_plan *rp = &ctx->residents[r];
    rp_week_credit *credit = rp_judge_credits(ctx, r);
    for (int X = 0; X < RP_N_FIELDS; X++) {
        if (!pa->fields[X])
            continue;
        double days = credited(rule, ctx, r, X, credit);
        if (days + 1e-9 >= pa->days)
            continue;
        char req[64], got[64];
        rp_days_text(m, pa->days, req, sizeof req);
        rp_days_text(m, days, got, sizeof got);
        rp_finding_add(out, ctx, rule, (int)r, RP_NONE, 1, rp->horizon, req, got,
                       "resident %s is credited %s of %s; %s%s", rp->planned->id, got,
                       rp_field_label(X), req,
                       rule->cls == RP_CLASS_SOFT ? " are desirable" : " are required");
    }
    free(credit);
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    for (size_t r = 0; r < ctx->n_residents; r++)
        check_resident(rule, ctx, out, r);
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    rp_buf b = {0};
    char amount[64];
    rp_days_text(m, pa->days, amount, sizeof amount);
    rp_buf_printf(&b, _("every resident is credited at least %s of "), amount);
    bool first = true;
    for (int X = 0; X < RP_N_FIELDS; X++) {
        if (!pa->fields[X])
            continue;
        rp_buf_printf(&b, "%s%s", first ? "" : ", ", rp_field_label(X));
        first = false;
    }
    if (pa->fields[RP_FIELD_EM] && pa->anesthesiology_days > 0)
        rp_buf_printf(&b, _(" (anaesthesiology counting for up to %g days of emergency)"),
                      pa->anesthesiology_days);
    for (size_t i = 0; i < pa->n_counted; i++)
        rp_buf_printf(&b, "%s%s", i ? ", " : " (", pa->counted[i]);
    if (pa->n_counted)
        rp_buf_printf(&b, _(" counting for up to %g days)"), pa->counted_days);
    if (rule->cls == RP_CLASS_SOFT)
        rp_buf_add(&b, ", as is desirable");
    return rp_buf_take(&b);
}

const rp_rule_kind rp_kind_field_minimum = {
    .name = "field-minimum",
    .counts_weeks = true,
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
