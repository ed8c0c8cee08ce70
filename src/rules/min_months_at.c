/*
 * min_months_at.c: kind `min-months-at`, a minimum of presence periods at a set of facilities.
 *
 * Rule: Pres(r, S) >= n, where Pres counts the periods in which the resident is present (full
 * time or clinical graduate school; leave only under the lenient reading of D-9, see
 * rp_timeline_presence) at a facility of S. With `departments`, a period at a facility counts only
 * when its stint names no department or one of those listed (RAD-20: keio's `rt` track).
 *
 * Rows: sum over presence periods p of the pieces covering p at facilities of S >= n, leaving
 * out the pieces whose department fails the filter: the piece's own department at a facility
 * planned by department, else the pinned department (the only department a stint at a facility
 * planned as a whole can name).
 *
 * Check: counts the presence periods of the plan's block rows at facilities of S whose department
 * passes the filter, matched by check/judge.h (not select.c's matching, which the rows ask).
 *
 * Extension (RAD-27, "修了判定に至らなかった専攻医に対しては、年限を延長して研修を行います", 003
 * §9-2(3) L755): the most presence periods at S the programme's own periods can give a resident
 * with leave (presence periods not pinned elsewhere and, when the course is fixed, in a year
 * whose role some facility of S has) is a bound; the periods it falls short of n extend the
 * resident's programme (rp_resident_extend), and the extension, a year with no course pattern,
 * can hold them.
 *
 * Used by: RAD-02 (12 months at 総合修練 facilities), RAD-03 (6 months at the base), RAD-20
 * (1 month of radiotherapy at an RT-capable setting). Readings: D-1 (which facilities are
 * 総合修練), D-3 (which are RT-capable), D-9 (presence excludes leave).
 */
#include "rules/course.h"
#include "check/judge.h"
#include "rules/kind.h"
#include "util/i18n.h"

typedef struct params {
    int periods;
    rp_selector where;
    rp_dept_filter departments;
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    static const rp_ykey keys[] = {
        {"months", RP_Y_SCALAR, true},
        {"facilities", RP_Y_MAP, true},
        {"departments", RP_Y_SEQ, false},
    };
    const rp_ynode *v[3];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 3, v) != 0)
        return -1;
    int err = rp_yint(y, v[0], "months", 1, 1200, &p->periods);
    if (rp_selector_parse(&p->where, y, v[1], m, "facilities") != 0)
        err = -1;
    if (v[2] && rp_dept_filter_parse(&p->departments, y, v[2], m, "departments") != 0)
        err = -1;
    return err;
}

/* The department a resident's pins name for period p at facility f (the plan will carry it),
 * or RP_NONE: the planner itself never names one. */
static int pinned_department(const rp_resident *r, int p, int f)
{
    for (size_t i = 0; i < r->n_pins; i++)
        if (r->pins[i].first <= p && p <= r->pins[i].last && r->pins[i].facility == f)
            return r->pins[i].department;
    return RP_NONE;
}

/* Whether some facility of S has role in the model. */
static bool role_in(const params *pa, const rp_model *m, rp_role role)
{
    for (size_t f = 0; f < m->n_facilities; f++)
        if (m->facilities[f].role == role && rp_selector_match(&pa->where, m, (int)f))
            return true;
    return false;
}

/* Whether period p of r may be a presence period at S at all (see the header). */
static bool may_count(const params *pa, const rp_model *m, const rp_resident *r, int p)
{
    for (size_t i = 0; i < r->n_pins; i++) {
        const rp_pin *pin = &r->pins[i];
        if (pin->first <= p && p <= pin->last)
            return rp_selector_match(&pa->where, m, pin->facility) &&
                   rp_dept_filter_match(&pa->departments, m, pin->facility, pin->department);
    }
    if (r->course < 0)
        return true;
    int year = rp_period_year(m, p);
    return rp_course_window_in(m, r->course, year) ||
           role_in(pa, m, m->courses[r->course].year_roles[year - 1]);
}

static int extension(const rp_rule *rule, const rp_model *m, const rp_resident *r)
{
    const params *pa = rule->params;
    int own = m->calendar.years * m->calendar.periods_per_year, most = 0;
    rp_timeline t;
    rp_timeline_build(m, r, &t);
    for (int p = 1; p <= own && p <= t.horizon; p++)
        most += rp_timeline_presence(m, &t, p) && may_count(pa, m, r, p);
    rp_timeline_free(&t);
    return pa->periods > most ? pa->periods - most : 0;
}

/* The pieces of r covering p at a facility of S whose department passes the filter: a piece's
 * own department where the facility is planned by department, else the pinned one (the only
 * department a stint at a facility planned as a whole can name). */
static void add_presence(const params *pa, const rp_model *m, const rp_space *space,
                         const rp_resident *res, size_t r, int p, rp_expr *e)
{
    size_t n;
    const int *cov = rp_space_covering(space, r, p, &n);
    size_t n_pieces;
    const rp_piece *pieces = rp_space_pieces(space, r, &n_pieces);
    for (size_t i = 0; i < n; i++) {
        const rp_piece *x = &pieces[cov[i]];
        if (x->facility < 0 || !rp_selector_match(&pa->where, m, x->facility))
            continue;
        int d = x->department != RP_NONE ? x->department
                                         : pinned_department(res, p, x->facility);
        if (rp_dept_filter_match(&pa->departments, m, x->facility, d))
            rp_expr_add(e, x->col, 1);
    }
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    const params *pa = rule->params;
    const rp_model *m = em->model;
    rp_expr e = {0};
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        const rp_timeline *t = &em->timelines[r];
        const rp_resident *res = &em->cohort->residents[r];
        rp_expr_clear(&e);
        for (int p = 1; p <= t->horizon; p++) {
            if (!rp_timeline_presence(m, t, p))
                continue;
            add_presence(pa, m, em->space, res, r, p, &e);
        }
        rp_emit_row(em, &e, RP_GE, pa->periods, (int)r, RP_NONE, 1, t->horizon, "r%zu", r);
    }
    rp_expr_free(&e);
    return 0;
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        int count = 0;
        for (int p = 1; p <= rp->horizon; p++) {
            const rp_cell *c = &rp->cells[p];
            if (rp_timeline_presence(m, &rp->timeline, p) &&
                rp_judge_selector(&pa->where, m, c->facility) &&
                rp_judge_departments(&pa->departments, m, c->facility, c->department))
                count++;
        }
        if (count >= pa->periods)
            continue;
        char *where = rp_selector_describe(&pa->where, m);
        char req[160], got[64];
        snprintf(req, sizeof req, _("at least %d %s at %s"), pa->periods,
                 rp_unit_word(m, pa->periods), where);
        snprintf(got, sizeof got, "%d %s", count, rp_unit_word(m, count));
        rp_finding_add(out, ctx, rule, (int)r, RP_NONE, 1, rp->horizon, req, got,
                       "resident %s is present %d %s at %s; at least %d are required",
                       rp->planned->id, count, rp_unit_word(m, count), where, pa->periods);
        free(where);
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    char *where = rp_selector_describe(&pa->where, m);
    char *s = rp_xasprintf(_("every resident is present at least %d %s at %s%s"), pa->periods,
                           rp_unit_word(m, pa->periods), where,
                           pa->departments.n_ids ? _(" (in the listed departments where named)") : "");
    free(where);
    return s;
}

const rp_rule_kind rp_kind_min_months_at = {
    .name = "min-months-at",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
    .extension = extension,
};
