/*
 * rotation_unit.c: kind `rotation-unit`, facilities rotated in whole units (a programme choice).
 *
 * Rule: the periods are grouped in units of U (units start at periods 1, U+1, 2U+1, ...); inside
 * a unit a resident stays at one facility (periods without a facility, such as study abroad, are
 * passed over). A stint therefore starts and ends on unit boundaries and may span several units.
 * The one exception (RULES.md RAD-07: "the RAD-08 window, and the keio runs on either side of
 * it"): in the year where the resident's course allows a partner window of W periods, the unit may
 * hold base periods, then one stretch of exactly W periods at one partner, then base periods.
 * (Kind `course-window` says what the course asks of that window; the two overlap on purpose.)
 *
 * Pieces: max_piece U; a piece may not cross a unit boundary; a piece that fills a unit (or a
 * maximal stretch of it between periods without a facility) is admitted for every course. Inside
 * a window year, a partner piece of exactly W periods, and a base piece that starts or ends the
 * unit, are admitted under the courses with such a window (the translator adds x <= the sum of
 * those courses' c[r,k]); nothing else.
 *
 * Rows: for consecutive facility periods p < q of one unit and every facility f,
 *     z[r,q,f] - z[r,p,f] <= V   and   z[r,q,f] - z[r,p,f] >= -V,
 * where V = 0 outside window years. In a window year, V = sum_k v_k with binaries v_k <= c[r,k]
 * (the window of course k is used), sum_k v_k <= 1, and with A the periods of the unit away from
 * the base and continuous start indicators,
 *     W_k v_k - U (1 - V) <= A <= W_k v_k + U (1 - V)          (the window lasts W_k),
 *     sum_{p,f partner} s[p,f] <= 1 + U (1 - V),  s[p,f] >= z[p,f] - z[p-1,f]  (one partner),
 *     sum_p a[p] <= 1 + U (1 - V),  a[p] >= A[p] - A[p-1]       (one stretch away),
 * counting from the unit's first period. With shaped pieces the rows vanish except across a gap
 * inside a unit, and are not written in window years, where the pieces and their course
 * conditions say the same.
 *
 * Extension (RULES.md RAD-07, RAD-27): the periods beyond the programme's length that leave adds
 * (rp_horizon) are no unit: a stint may change there at any period, and a stint of the last unit
 * may run on into them. Units are counted over the programme's own periods only, so an extension
 * of 1 or 2 months is not cut into a unit of its own. Pieces: a piece that starts in the
 * extension is admitted as far as this rule goes; one that crosses into it must fill the rest of
 * its unit; max_piece grows by the extension.
 *
 * Check: every unit of the programme's own periods holds one facility, or, in the window year of
 * the resident's course (the plan's course, or the course its blocks fit), the shape above. It
 * cuts its own units and reads roles and windows through check/judge.h (not unit_span,
 * own_periods, is_base or rp_course_window_in, which the pieces and rows ask).
 *
 * Used by: RAD-07 (1-year units, 003 §7-1 L535, §7-2 L568).
 */
#include "check/judge.h"
#include "rules/course.h"
#include "rules/kind.h"
#include "util/i18n.h"

typedef struct params {
    int periods;
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    /* the unit is given in the calendar's periods: `months: 12`, or `weeks: 4` */
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    return rp_kind_periods_param(y, rule, node, m, &p->periods);
}

static int unit_of(const rp_rule *rule)
{
    return ((const params *)rule->params)->periods;
}

static void unit_span(int U, int p, int horizon, int *first, int *last)
{
    *first = (p - 1) / U * U + 1;
    *last = *first + U - 1;
    if (*last > horizon)
        *last = horizon;
}

static bool is_base(const rp_model *m, int f)
{
    return f >= 0 && m->facilities[f].role == RP_ROLE_BASE;
}

/* Whether r holds a facility in period p (not study abroad, non-clinical school, or away on
 * leave beyond the allowance). */
static bool holds(const rp_model *m, const rp_resident *r, int p)
{
    return rp_status_keeps_facility(rp_resident_status(m, r, p));
}

/* The programme's own periods, without the extension leave adds: units end there. */
static int own_periods(const rp_model *m)
{
    return m->calendar.years * m->calendar.periods_per_year;
}

static int max_piece(const rp_rule *rule, const rp_model *m, const rp_resident *r, int f, int d)
{
    (void)f;
    (void)d;
    int ext = rp_horizon(m, r) - own_periods(m);
    return unit_of(rule) + (ext > 0 ? ext : 0);
}

static bool admit(const rp_rule *rule, const rp_model *m, const rp_resident *r,
                  const rp_piece *pc, bool *allowed)
{
    int f = pc->facility, a = pc->first, b = pc->last, own = own_periods(m);
    if (a > own)
        return true; /* the extension is no unit */
    int us, ue;
    unit_span(unit_of(rule), a, own, &us, &ue);
    if (b > own && ue == own)
        b = own; /* runs on into the extension: its own part must end the unit */
    if (b > ue)
        return false;
    int sa = a, sb = b;
    while (sa - 1 >= us && holds(m, r, sa - 1))
        sa--;
    while (sb + 1 <= ue && holds(m, r, sb + 1))
        sb++;
    if (sa == a && sb == b)
        return true; /* fills its unit (between periods without a facility) */
    int year = rp_period_year(m, a);
    bool base_edge = is_base(m, f) && (a == us || b == ue);
    bool any = false;
    for (size_t k = 0; k < m->n_courses; k++) {
        const rp_course *c = &m->courses[k];
        bool fits = rp_course_window_in(m, (int)k, year) &&
                    (base_edge || (c->year_roles[year - 1] == RP_ROLE_BASE &&
                                   m->facilities[f].role == RP_ROLE_PARTNER &&
                                   b - a + 1 == c->window_months));
        allowed[k] = allowed[k] && fits;
        any = any || allowed[k];
    }
    return any;
}

/* ---- rows ---- */

static void emit_pairs(rp_emit *em, size_t r, int first, int last, const int *v, size_t nv)
{
    const rp_timeline *t = &em->timelines[r];
    rp_expr e = {0};
    int prev = 0;
    for (int q = first; q <= last; q++) {
        if (!rp_status_keeps_facility(t->status[q]))
            continue;
        for (size_t f = 0; prev && f < em->model->n_facilities; f++) {
            for (int side = 0; side < 2; side++) {
                double sign = side == 0 ? 1 : -1;
                rp_expr_clear(&e);
                rp_space_add_z(em->space, &e, r, q, (int)f, sign);
                rp_space_add_z(em->space, &e, r, prev, (int)f, -sign);
                for (size_t i = 0; i < nv; i++)
                    rp_expr_add(&e, v[i], -1);
                rp_emit_row(em, &e, RP_LE, 0, (int)r, (int)f, prev, q, "r%zu_f%zu_p%d_%s", r, f,
                            q, side == 0 ? "in" : "out");
            }
        }
        prev = q;
    }
    rp_expr_free(&e);
}

/* A start indicator s >= Z[p] - Z[p-1] (Z[first - 1] = 0), where Z sums z over `facility`, or
 * over every facility but the base when it is RP_NONE; returns its column. */
static int start_column(rp_emit *em, size_t r, int p, int first, int facility, const char *tag)
{
    const rp_model *m = em->model;
    rp_expr e = {0};
    char where[16] = "";
    if (facility >= 0)
        snprintf(where, sizeof where, "_f%d", facility);
    int s = rp_emit_col(em, RP_COL_CONTINUOUS, 0, 1, "%s_r%zu%s_p%d", tag, r, where, p);
    for (size_t f = 0; f < m->n_facilities; f++) {
        bool counted = facility >= 0 ? (int)f == facility : !is_base(m, (int)f);
        if (!counted)
            continue;
        rp_space_add_z(em->space, &e, r, p, (int)f, 1);
        if (p > first)
            rp_space_add_z(em->space, &e, r, p - 1, (int)f, -1);
    }
    rp_expr_add(&e, s, -1);
    rp_emit_row(em, &e, RP_LE, 0, (int)r, facility, p, p, "%s_r%zu%s_p%d", tag, r, where, p);
    rp_expr_free(&e);
    return s;
}

/* sum of cols + U V <= 1 + U */
static void at_most_one(rp_emit *em, size_t r, int first, int last, const int *cols, size_t n,
                        const int *v, size_t nv, const char *tag)
{
    int U = last - first + 1;
    rp_expr e = {0};
    for (size_t i = 0; i < n; i++)
        rp_expr_add(&e, cols[i], 1);
    for (size_t i = 0; i < nv; i++)
        rp_expr_add(&e, v[i], U);
    rp_emit_row(em, &e, RP_LE, 1 + U, (int)r, RP_NONE, first, last, "%s_r%zu_p%d", tag, r, first);
    rp_expr_free(&e);
}

/* The plain model's rows for a window year (see the header). */
static void emit_window_year(rp_emit *em, size_t r, int first, int last)
{
    const rp_model *m = em->model;
    int year = rp_period_year(m, first), U = last - first + 1;
    int *v = rp_xcalloc(m->n_courses + 1, sizeof *v);
    size_t nv = 0;
    rp_expr e = {0};
    for (size_t k = 0; k < m->n_courses; k++) {
        if (!rp_course_window_in(m, (int)k, year) || !rp_space_course_possible(em->space, r, (int)k))
            continue;
        v[nv] = rp_emit_col(em, RP_COL_BINARY, 0, 1, "window_r%zu_%s", r, m->courses[k].id);
        rp_expr_clear(&e);
        rp_expr_add(&e, v[nv], 1);
        rp_space_add_course(em->space, &e, r, (int)k, -1);
        rp_emit_row(em, &e, RP_LE, 0, (int)r, RP_NONE, first, last, "window_r%zu_%s", r,
                    m->courses[k].id);
        for (int side = 0; side < 2; side++) { /* W v - U (1 - V) <= A <= W v + U (1 - V) */
            double sign = side == 0 ? 1 : -1;
            rp_expr_clear(&e);
            for (int p = first; p <= last; p++)
                for (size_t f = 0; f < m->n_facilities; f++)
                    if (!is_base(m, (int)f))
                        rp_space_add_z(em->space, &e, r, p, (int)f, sign);
            rp_expr_add(&e, v[nv], -sign * m->courses[k].window_months + U);
            rp_emit_row(em, &e, RP_LE, U, (int)r, RP_NONE, first, last, "length_r%zu_%s_%s", r,
                        m->courses[k].id, side == 0 ? "max" : "min");
        }
        nv++;
    }
    emit_pairs(em, r, first, last, v, nv);
    int *cols = rp_xmalloc(((size_t)U * (m->n_facilities + 1) + 1) * sizeof *cols);
    size_t n = 0;
    for (int p = first; p <= last; p++)
        for (size_t f = 0; f < m->n_facilities; f++)
            if (!is_base(m, (int)f))
                cols[n++] = start_column(em, r, p, first, (int)f, "partner");
    at_most_one(em, r, first, last, cols, n, v, nv, "partner");
    n = 0;
    for (int p = first; p <= last; p++)
        cols[n++] = start_column(em, r, p, first, RP_NONE, "away");
    at_most_one(em, r, first, last, cols, n, v, nv, "away");
    free(cols);
    free(v);
    rp_expr_free(&e);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    int U = unit_of(rule);
    const rp_model *m = em->model;
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        const rp_resident *res = &em->cohort->residents[r];
        int h = em->timelines[r].horizon;
        if (h > own_periods(m))
            h = own_periods(m);
        for (int us = 1; us <= h; us += U) {
            int first, last;
            unit_span(U, us, h, &first, &last);
            if (!rp_resident_may_window(m, res, rp_period_year(m, first)))
                emit_pairs(em, r, first, last, NULL, 0);
            else if (!em->shaped)
                emit_window_year(em, r, first, last);
            /* shaped window year: the pieces and their course conditions say it all */
        }
    }
    return 0;
}

/* ---- check ---- */

/* Whether the facility periods of first..last keep one facility, or (window of W periods, W > 0)
 * hold base periods, one stretch of exactly W periods at one partner, base periods. */
static bool unit_complies(const rp_model *m, const rp_resident_plan *rp, int first, int last,
                          int W)
{
    int f0 = RP_NONE, away = 0, a = 0, b = 0, partner = RP_NONE;
    bool one = true, single = true;
    for (int p = first; p <= last; p++) {
        int f = rp->cells[p].facility;
        if (f < 0)
            continue;
        one = one && (f0 < 0 || f == f0);
        f0 = f;
        if (rp_judge_role(m, f, RP_ROLE_BASE))
            continue;
        away++;
        a = a ? a : p;
        b = p;
        single = single && (partner < 0 || partner == f);
        partner = f;
    }
    if (one)
        return true;
    if (W <= 0 || !single || away != W || b - a + 1 != W)
        return false;
    return rp_judge_role(m, partner, RP_ROLE_PARTNER);
}

static void report(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out, size_t r,
                   int first, int last, int W)
{
    const rp_model *m = ctx->model;
    const rp_resident_plan *rp = &ctx->residents[r];
    rp_buf seen = {0};
    int prev = RP_NONE;
    for (int p = first; p <= last; p++) {
        int f = rp->cells[p].facility;
        if (f >= 0 && f != prev)
            rp_buf_printf(&seen, "%s%s", seen.len ? ", " : "", m->facilities[f].id);
        if (f >= 0)
            prev = f;
    }
    int U = unit_of(rule);
    char *span = rp_span_text(m, rp->planned->cohort, first, last);
    char req[128];
    if (W > 0)
        snprintf(req, sizeof req, _("one facility, or a window of exactly %d %s at one partner"), W,
                 rp_unit_word(m, W));
    else
        snprintf(req, sizeof req, _("one facility per %d-%s unit"), U, rp_unit_word(m, 1));
    rp_finding_add(out, ctx, rule, (int)r, RP_NONE, first, last, req, rp_buf_str(&seen),
                   "resident %s changes facility inside the rotation unit %s (%s); facilities "
                   "rotate in units of %d %s%s",
                   rp->planned->id, span, rp_buf_str(&seen), U, rp_unit_word(m, U),
                   W > 0 ? ", apart from the course's partner window" : "");
    free(span);
    rp_buf_free(&seen);
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    int U = ((const params *)rule->params)->periods;
    const rp_model *m = ctx->model;
    /* units are cut over the programme's own periods: the extension leave adds is no unit */
    int programme = m->calendar.years * m->calendar.periods_per_year;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        int course = rp_planned_course(ctx, r);
        int h = rp->horizon > programme ? programme : rp->horizon;
        for (int first = 1; first <= h; first += U) {
            int last = first + U - 1 > h ? h : first + U - 1;
            int W = rp_judge_course_window(m, course, rp_period_year(m, first));
            if (!unit_complies(m, rp, first, last, W))
                report(rule, ctx, out, r, first, last, W);
        }
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    int U = unit_of(rule);
    return rp_xasprintf(_("facilities are rotated in units of %d %s (stints start and end on unit "
                          "boundaries), but for a course's partner window"),
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
