/*
 * course_pattern.c: kind `course-pattern`, the courses' year patterns (a programme choice).
 *
 * Rule: a resident following course k spends every period of programme year y at a facility of
 * the role the course gives that year (base or partner). In the year of the course's partner
 * window, up to W periods may be at a partner instead (their shape is `course-window`'s). A
 * resident whose course is fixed in the residents file follows that course. A resident with
 * course `any` follows the course the solver picks, and the plan says which.
 *
 * Rows, for every resident r, period p of year y with a facility, and role R in {base, partner}:
 *     sum_{f of role R} z[r,p,f] >= sum of c[r,k] over the courses k with role R in year y and
 *                                   no window in y;
 * and for each course k with a window in year y (n facility periods in y, window W):
 *     sum_{p in y} sum_{f of k's role in y} z[r,p,f] >= (n - W) c[r,k].
 * Each period holds one facility (RAD-06), so these fix the role of every period of a course
 * without a window.
 *
 * The months beyond the programme's length that leave adds (RAD-27's extension) follow no
 * pattern: RULES.md RAD-27 makes them a year 4 of any role; rows and check stop at the last year.
 *
 * Check: the plan's course (or, when it names none, the first course its blocks fit) against the
 * role of every period's facility; a named course other than the residents file's is a violation.
 * The course's window is read by rp_judge_course_window, not rp_course_window_in (the rows').
 *
 * Used by: RAD-09 (courses A-E, 003 §7-2 table L560-L565; D-7, D-18).
 */
#include "check/judge.h"
#include "rules/course.h"
#include "rules/kind.h"
#include "util/i18n.h"

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    (void)m;
    rule->params = NULL;
    const rp_ynode *v[1];
    return node ? rp_kind_params(y, rule, node, NULL, 0, v) : 0;
}

static void add_role(const rp_emit *em, rp_expr *e, size_t r, int p, rp_role role, double coef)
{
    for (size_t f = 0; f < em->model->n_facilities; f++)
        if (em->model->facilities[f].role == role)
            rp_space_add_z(em->space, e, r, p, (int)f, coef);
}

static void emit_period(rp_emit *em, size_t r, int p, int year)
{
    const rp_model *m = em->model;
    rp_expr e = {0};
    for (int role = RP_ROLE_BASE; role <= RP_ROLE_PARTNER; role++) {
        rp_expr_clear(&e);
        add_role(em, &e, r, p, (rp_role)role, 1);
        bool any = false;
        for (size_t k = 0; k < m->n_courses; k++) {
            if (m->courses[k].year_roles[year - 1] != (rp_role)role ||
                rp_course_window_in(m, (int)k, year) ||
                !rp_space_course_possible(em->space, r, (int)k))
                continue;
            rp_space_add_course(em->space, &e, r, (int)k, -1);
            any = true;
        }
        if (any)
            rp_emit_row(em, &e, RP_GE, 0, (int)r, RP_NONE, p, p, "r%zu_p%d_%s", r, p,
                        rp_role_name((rp_role)role));
    }
    rp_expr_free(&e);
}

static void emit_window_year(rp_emit *em, size_t r, int k, const rp_timeline *t)
{
    const rp_model *m = em->model;
    const rp_course *c = &m->courses[k];
    int y = c->window_year, first, last;
    rp_year_span(m, y, &first, &last);
    rp_expr e = {0};
    int n = 0;
    for (int p = first; p <= last && p <= t->horizon; p++) {
        if (!rp_status_keeps_facility(t->status[p]))
            continue;
        n++;
        add_role(em, &e, r, p, c->year_roles[y - 1], 1);
    }
    int need = n - c->window_months;
    if (need > 0) {
        rp_space_add_course(em->space, &e, r, k, -need);
        rp_emit_row(em, &e, RP_GE, 0, (int)r, RP_NONE, first, last, "r%zu_%s_y%d", r, c->id, y);
    }
    rp_expr_free(&e);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    (void)rule;
    const rp_model *m = em->model;
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        const rp_timeline *t = &em->timelines[r];
        /* the extension months leave adds are a year of their own with no pattern (RAD-27) */
        int own = m->calendar.years * m->calendar.periods_per_year;
        for (int p = 1; p <= t->horizon && p <= own; p++)
            if (rp_status_keeps_facility(t->status[p]))
                emit_period(em, r, p, rp_period_year(m, p));
        for (size_t k = 0; k < m->n_courses; k++)
            if (m->courses[k].window_year > 0 && rp_space_course_possible(em->space, r, (int)k))
                emit_window_year(em, r, (int)k, t);
    }
    return 0;
}

/* Reports each maximal range of periods of year y whose role is not the course's. */
static void check_year(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out, size_t r,
                       int k, int y)
{
    const rp_model *m = ctx->model;
    const rp_resident_plan *rp = &ctx->residents[r];
    const rp_course *c = &m->courses[k];
    rp_role want = c->year_roles[y - 1];
    bool window = rp_judge_course_window(m, k, y) > 0;
    int first, last, off = 0;
    rp_year_span(m, y, &first, &last);
    for (int p = first; p <= last && p <= rp->horizon; p++) {
        int f = rp->cells[p].facility;
        off += f >= 0 && m->facilities[f].role != want;
    }
    if (off == 0 || (window && off <= c->window_months && want == RP_ROLE_BASE))
        return;
    for (int p = first; p <= last && p <= rp->horizon; p++) {
        int f = rp->cells[p].facility;
        if (f < 0 || m->facilities[f].role == want)
            continue;
        int q = p;
        while (q + 1 <= last && q + 1 <= rp->horizon && rp->cells[q + 1].facility >= 0 &&
               m->facilities[rp->cells[q + 1].facility].role != want)
            q++;
        char *span = rp_span_text(m, rp->planned->cohort, p, q);
        char req[96], got[96];
        snprintf(req, sizeof req, _("%s facility in year %d"), rp_role_name(want), y);
        snprintf(got, sizeof got, "%s (%s)", m->facilities[f].id,
                 rp_role_name(m->facilities[f].role));
        rp_finding_add(out, ctx, rule, (int)r, f, p, q, req, got,
                       "resident %s follows course %s, which spends year %d at the %s%s, but "
                       "is at %s (%s) in %s",
                       rp->planned->id, c->id, y,
                       want == RP_ROLE_BASE ? "base" : "partners",
                       window ? " (with a partner window of at most that many months)" : "",
                       m->facilities[f].id, rp_role_name(m->facilities[f].role), span);
        free(span);
        p = q;
    }
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const rp_model *m = ctx->model;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        int fixed = rp->resident ? rp->resident->course : RP_ANY;
        if (fixed >= 0 && rp->course >= 0 && fixed != rp->course) {
            rp_finding_add(out, ctx, rule, (int)r, RP_NONE, 0, 0, m->courses[fixed].id,
                           m->courses[rp->course].id,
                           "resident %s follows course %s in the plan, but the residents file "
                           "gives course %s",
                           rp->planned->id, m->courses[rp->course].id, m->courses[fixed].id);
            continue;
        }
        if (rp->course >= 0 && !rp_resident_may_follow(m, rp->resident, rp->course)) {
            rp_finding_add(out, ctx, rule, (int)r, RP_NONE, 0, 0, "a course without graduate "
                           "school", m->courses[rp->course].id,
                           "resident %s follows course %s, a graduate-school course (RAD-10), "
                           "but the residents file asks for no graduate school",
                           rp->planned->id, m->courses[rp->course].id);
            continue;
        }
        int k = rp_planned_course(ctx, r);
        if (k < 0) {
            rp_finding_add(out, ctx, rule, (int)r, RP_NONE, 1, rp->horizon, "a course's pattern",
                           "none fits",
                           "the stints of resident %s fit no course's year pattern, and the plan "
                           "names no course", rp->planned->id);
            continue;
        }
        for (int y = 1; y <= m->calendar.years; y++)
            check_year(rule, ctx, out, r, k, y);
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    (void)rule;
    rp_buf b = {0};
    rp_buf courses = {0};
    for (size_t k = 0; k < m->n_courses; k++) {
        rp_buf_printf(&courses, "%s%s:", k ? "; " : "", m->courses[k].id);
        for (int y = 0; y < m->calendar.years; y++)
            rp_buf_printf(&courses, " %s", rp_role_label(m->courses[k].year_roles[y]));
    }
    rp_buf_printf(&b, _("every resident follows a course's year pattern (%s)"),
                  courses.len ? courses.data : "");
    rp_buf_free(&courses);
    return rp_buf_take(&b);
}

const rp_rule_kind rp_kind_course_pattern = {
    .name = "course-pattern",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
