/*
 * rotation_unit.c: kind `rotation-unit`, facilities rotated in whole units (a programme choice).
 *
 * Rule: the periods are grouped in units of U (units start at periods 1, U+1, 2U+1, ...); inside
 * a unit a resident stays at one facility (periods without a facility, such as study abroad, are
 * passed over). A stint therefore starts and ends on unit boundaries and may span several units.
 * Exception: in a programme year where the resident's course allows a partner window (RAD-08),
 * that year's unit may be split: base periods before and after one stretch away from the base
 * (RULES.md RAD-07: "the RAD-08 window, and the keio runs on either side of it"); kind
 * `course-window` says what the stretch away may be.
 *
 * Pieces: max_piece U; a piece may not cross a unit boundary; a piece that fills a unit (or a
 * maximal stretch of it between periods without a facility) is admitted for every course; a
 * shorter piece only under the courses with a window in its year (the translator adds
 * x <= sum of those courses' c[r,k]), and at the base only when it starts or ends the unit.
 *
 * Rows: for consecutive facility periods p < q of one unit and every facility f,
 *     z[r,q,f] - z[r,p,f] <= W_r   and   z[r,q,f] - z[r,p,f] >= -W_r,
 * W_r = sum of c[r,k] over the courses with a window in that year (0 elsewhere); in a window
 * year of the plain model also, with continuous s[p] >= A[p] - A[p-1] (A[p] the periods away
 * from the base), sum_p s[p] <= 1 + U (1 - W_r). With shaped pieces these rows vanish except
 * across a gap inside a unit, and are skipped in window years, where the pieces and their course
 * conditions say the same.
 *
 * Check: every unit of the plan holds one facility, except the window year of the resident's
 * course (the plan's course, or the course its blocks fit), where the periods away from the
 * base must form one stretch.
 *
 * Used by: RAD-07 (1-year units, 003 §7-1 L535, §7-2 L568).
 */
#include "rules/course.h"
#include "rules/kind.h"

typedef struct params {
    int periods;
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    static const rp_ykey keys[] = {{"months", RP_Y_SCALAR, true}};
    const rp_ynode *v[1];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 1, v) != 0)
        return -1;
    return rp_yint(y, v[0], "months", 1, m->calendar.periods_per_year * m->calendar.years,
                   &p->periods);
}

static void unit_span(const rp_model *m, int U, int p, int horizon, int *first, int *last)
{
    (void)m;
    *first = (p - 1) / U * U + 1;
    *last = *first + U - 1;
    if (*last > horizon)
        *last = horizon;
}

/* Whether r holds a facility in period p (not study abroad or non-clinical school). */
static bool holds(const rp_resident *r, int p)
{
    for (size_t i = 0; i < r->n_leave; i++)
        if (r->leave[i].first <= p && p <= r->leave[i].last)
            return rp_status_keeps_facility(r->leave[i].kind);
    return true;
}

static int max_piece(const rp_rule *rule, const rp_model *m, const rp_resident *r, int f)
{
    (void)m;
    (void)r;
    (void)f;
    return ((const params *)rule->params)->periods;
}

static bool admit(const rp_rule *rule, const rp_model *m, const rp_resident *r, int f, int a,
                  int b, bool *allowed)
{
    int U = ((const params *)rule->params)->periods;
    int us, ue;
    unit_span(m, U, a, rp_horizon(m, r), &us, &ue);
    if (b > ue)
        return false;
    int sa = a, sb = b;
    while (sa - 1 >= us && holds(r, sa - 1))
        sa--;
    while (sb + 1 <= ue && holds(r, sb + 1))
        sb++;
    if (sa == a && sb == b)
        return true;
    /* inside a window year: base stints only before and after the window */
    if (m->facilities[f].role == RP_ROLE_BASE && a != us && b != ue)
        return false;
    int year = rp_period_year(m, a);
    bool any = false;
    for (size_t k = 0; k < m->n_courses; k++) {
        if (allowed[k] && !rp_course_window_in(m, (int)k, year))
            allowed[k] = false;
        any = any || allowed[k];
    }
    return any;
}

static void add_window_courses(const rp_emit *em, rp_expr *e, size_t r, int year, double coef)
{
    for (size_t k = 0; k < em->model->n_courses; k++)
        if (rp_course_window_in(em->model, (int)k, year))
            rp_space_add_course(em->space, e, r, (int)k, coef);
}

static void emit_pair(rp_emit *em, size_t r, int p, int q)
{
    int year = rp_period_year(em->model, p);
    rp_expr e = {0};
    for (size_t f = 0; f < em->model->n_facilities; f++) {
        for (int side = 0; side < 2; side++) {
            rp_expr_clear(&e);
            double sign = side == 0 ? 1 : -1;
            rp_space_add_z(em->space, &e, r, q, (int)f, sign);
            rp_space_add_z(em->space, &e, r, p, (int)f, -sign);
            add_window_courses(em, &e, r, year, -1);
            rp_emit_row(em, &e, RP_LE, 0, (int)r, (int)f, p, q, "r%zu_f%zu_p%d_%s", r, f, q,
                        side == 0 ? "in" : "out");
        }
    }
    rp_expr_free(&e);
}

/* Plain model, window year: the periods away from the base start at most once in the unit
 * under a window course (s[p] >= A[p] - A[p-1], A the periods away from the base). */
static void emit_window_stretch(rp_emit *em, size_t r, int first, int last)
{
    const rp_model *m = em->model;
    int year = rp_period_year(m, first);
    rp_expr e = {0}, starts = {0};
    for (int p = first; p <= last; p++) {
        int s = rp_emit_col(em, RP_COL_CONTINUOUS, 0, 1, "away_r%zu_p%d", r, p);
        rp_expr_clear(&e);
        for (size_t f = 0; f < m->n_facilities; f++) {
            if (m->facilities[f].role == RP_ROLE_BASE)
                continue;
            rp_space_add_z(em->space, &e, r, p, (int)f, 1);
            if (p > first)
                rp_space_add_z(em->space, &e, r, p - 1, (int)f, -1);
        }
        rp_expr_add(&e, s, -1);
        rp_emit_row(em, &e, RP_LE, 0, (int)r, RP_NONE, p, p, "away_r%zu_p%d", r, p);
        rp_expr_add(&starts, s, 1);
    }
    int U = last - first + 1;
    add_window_courses(em, &starts, r, year, U);
    rp_emit_row(em, &starts, RP_LE, 1 + U, (int)r, RP_NONE, first, last, "stretch_r%zu_y%d", r,
                year);
    rp_expr_free(&e);
    rp_expr_free(&starts);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    int U = ((const params *)rule->params)->periods;
    const rp_model *m = em->model;
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        const rp_resident *res = &em->cohort->residents[r];
        const rp_timeline *t = &em->timelines[r];
        for (int us = 1; us <= t->horizon; us += U) {
            int first, last;
            unit_span(m, U, us, t->horizon, &first, &last);
            if (rp_resident_may_window(m, res, rp_period_year(m, first))) {
                if (em->shaped)
                    continue; /* the pieces and their course conditions say it all */
                emit_window_stretch(em, r, first, last);
            }
            int prev = 0;
            for (int p = first; p <= last; p++) {
                if (!rp_status_keeps_facility(t->status[p]))
                    continue;
                if (prev)
                    emit_pair(em, r, prev, p);
                prev = p;
            }
        }
    }
    return 0;
}

static void check_unit(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out, size_t r,
                       int first, int last)
{
    const rp_model *m = ctx->model;
    const rp_resident_plan *rp = &ctx->residents[r];
    int f0 = RP_NONE, changes = 0;
    for (int p = first; p <= last; p++) {
        int f = rp->cells[p].facility;
        if (f < 0)
            continue;
        if (f0 >= 0 && f != f0)
            changes++;
        f0 = f;
    }
    if (changes == 0)
        return;
    rp_buf seen = {0};
    int prev = RP_NONE;
    for (int p = first; p <= last; p++) {
        int f = rp->cells[p].facility;
        if (f >= 0 && f != prev)
            rp_buf_printf(&seen, "%s%s", seen.len ? ", " : "", m->facilities[f].id);
        if (f >= 0)
            prev = f;
    }
    int U = ((const params *)rule->params)->periods;
    char *span = rp_span_text(m, rp->planned->cohort, first, last);
    char req[96];
    snprintf(req, sizeof req, "one facility per %d-%s unit", U, rp_unit_word(m, 1));
    rp_finding_add(out, ctx, rule, (int)r, RP_NONE, first, last, req, rp_buf_str(&seen),
                   "resident %s changes facility inside the rotation unit %s (%s); "
                   "facilities rotate in units of %d %s",
                   rp->planned->id, span, rp_buf_str(&seen), U, rp_unit_word(m, U));
    free(span);
    rp_buf_free(&seen);
}

/* In a window year the periods away from the base form one stretch: base periods only before
 * and after it. */
static void check_window_unit(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out,
                              size_t r, int first, int last)
{
    const rp_model *m = ctx->model;
    const rp_resident_plan *rp = &ctx->residents[r];
    int a = 0, b = 0;
    for (int p = first; p <= last; p++) {
        int f = rp->cells[p].facility;
        if (f >= 0 && m->facilities[f].role != RP_ROLE_BASE) {
            a = a ? a : p;
            b = p;
        }
    }
    int inside = 0;
    for (int p = a; a && p <= b; p++) {
        int f = rp->cells[p].facility;
        inside += f >= 0 && m->facilities[f].role == RP_ROLE_BASE;
    }
    if (!inside)
        return;
    char *span = rp_span_text(m, rp->planned->cohort, a, b);
    rp_finding_add(out, ctx, rule, (int)r, RP_NONE, a, b, "one stretch away from the base",
                   "base months inside it",
                   "resident %s returns to the base inside the partner window of %s; in a window "
                   "year the base months come only before and after the window",
                   rp->planned->id, span);
    free(span);
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    int U = ((const params *)rule->params)->periods;
    const rp_model *m = ctx->model;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        int course = rp_planned_course(ctx, r);
        for (int us = 1; us <= rp->horizon; us += U) {
            int first, last;
            unit_span(m, U, us, rp->horizon, &first, &last);
            int year = rp_period_year(m, first);
            bool exempt = course >= 0 ? rp_course_window_in(m, course, year) : false;
            if (exempt)
                check_window_unit(rule, ctx, out, r, first, last);
            else
                check_unit(rule, ctx, out, r, first, last);
        }
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    int U = ((const params *)rule->params)->periods;
    return rp_xasprintf("facilities are rotated in units of %d %s (stints start and end on unit "
                        "boundaries), except a course's partner window",
                        U, rp_unit_word(m, U));
}

const rp_rule_kind rp_kind_rotation_unit = {
    .name = "rotation-unit",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
    .max_piece = max_piece,
    .admit = admit,
};
