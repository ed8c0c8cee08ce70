/*
 * course_window.c: kind `course-window`, the partner window a course may take (a programme
 * choice).
 *
 * Rule: a resident whose course k has a window (year y, W periods) spends in year y either no
 * period at a partner, or exactly one run of exactly W periods at a single partner. More partner
 * periods than W in year y break the course pattern (RAD-09), not this rule.
 *
 * Rows, for a resident who may follow course k: binaries w (one window is taken) and b (more
 * partner periods than a window: RAD-09's to forbid), w + b <= c[r,k]; with P the partner periods
 * of year y, P = sum_{p in y} sum_{f partner} z[r,p,f], and U the periods of the year,
 *     P <= W w + U b + U (1 - c),   P >= W w + (W + 1) b - U (1 - c),
 * and with start indicators s[p,f] >= z[p,f] - z[p-1,f] over the partners and the periods of y,
 *     sum s <= 1 + U b + U (1 - c):  one run, at one partner.
 * The rows are left out for a resident whose pieces already say as much (RAD-07's: whole years,
 * or windows of exactly W periods).
 *
 * Check: counts the partner periods of year y in the plan and reads their runs (partners by
 * rp_judge_role of check/judge.h, not is_partner, which the rows ask).
 *
 * Used by: RAD-08 (course A, 4 months in year 2, 003 §7-2 L567).
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

static bool is_partner(const rp_model *m, int f)
{
    return f >= 0 && m->facilities[f].role == RP_ROLE_PARTNER;
}

/* Whether the space already says what this rule's rows would: every partner piece that meets the
 * window year either fills it or lies inside it with exactly the window's length (RAD-07's pieces
 * do). Then a plan of the space has in that year no partner period, one window, a whole year at
 * partners, or several windows (more than W periods: RAD-09's to forbid). */
static bool implied_by_pieces(const rp_emit *em, size_t r, const rp_course *c, int first,
                              int last)
{
    size_t n;
    const rp_piece *pieces = rp_space_pieces(em->space, r, &n);
    for (size_t i = 0; i < n; i++) {
        const rp_piece *pc = &pieces[i];
        if (!is_partner(em->model, pc->facility) || pc->last < first || pc->first > last)
            continue;
        bool fills = pc->first <= first && pc->last >= last;
        bool window = pc->first >= first && pc->last <= last &&
                      pc->last - pc->first + 1 == c->window_months;
        if (!fills && !window)
            return false;
    }
    return true;
}

static void emit_rows(rp_emit *em, size_t r, int k)
{
    const rp_model *m = em->model;
    const rp_course *c = &m->courses[k];
    int first, last;
    rp_year_span(m, c->window_year, &first, &last);
    if (implied_by_pieces(em, r, c, first, last))
        return;
    int U = last - first + 1, W = c->window_months;
    rp_expr e = {0}, partner = {0}, starts = {0};
    int w = rp_emit_col(em, RP_COL_BINARY, 0, 1, "w_r%zu_%s", r, c->id);
    int b = rp_emit_col(em, RP_COL_BINARY, 0, 1, "more_r%zu_%s", r, c->id);
    /* w + b <= c: a window, or more than a window (RAD-09's), only under course k */
    rp_expr_add(&e, w, 1);
    rp_expr_add(&e, b, 1);
    rp_space_add_course(em->space, &e, r, k, -1);
    rp_emit_row(em, &e, RP_LE, 0, (int)r, RP_NONE, first, last, "take_r%zu_%s", r, c->id);
    for (int p = first; p <= last; p++)
        for (size_t f = 0; f < m->n_facilities; f++)
            if (is_partner(m, (int)f))
                rp_space_add_z(em->space, &partner, r, p, (int)f, 1);
    /* P - W w - U b + U c <= U */
    rp_expr_clear(&e);
    for (size_t i = 0; i < partner.n; i++)
        rp_expr_add(&e, partner.col[i], partner.coef[i]);
    rp_expr_add(&e, w, -W);
    rp_expr_add(&e, b, -U);
    rp_space_add_course(em->space, &e, r, k, U);
    rp_emit_row(em, &e, RP_LE, U, (int)r, RP_NONE, first, last, "len_r%zu_%s_max", r, c->id);
    /* P - W w - (W + 1) b - U c >= -U */
    rp_expr_clear(&e);
    for (size_t i = 0; i < partner.n; i++)
        rp_expr_add(&e, partner.col[i], partner.coef[i]);
    rp_expr_add(&e, w, -W);
    rp_expr_add(&e, b, -(W + 1));
    rp_space_add_course(em->space, &e, r, k, -U);
    rp_emit_row(em, &e, RP_GE, -U, (int)r, RP_NONE, first, last, "len_r%zu_%s_min", r, c->id);
    /* one run at one partner: s[p,f] >= z[p,f] - z[p-1,f], sum s <= 1 + U b + U (1 - c) */
    for (int p = first; p <= last; p++) {
        for (size_t f = 0; f < m->n_facilities; f++) {
            if (!is_partner(m, (int)f))
                continue;
            int s = rp_emit_col(em, RP_COL_CONTINUOUS, 0, 1, "s_r%zu_f%zu_p%d", r, f, p);
            rp_expr_clear(&e);
            rp_space_add_z(em->space, &e, r, p, (int)f, 1);
            rp_space_add_z(em->space, &e, r, p - 1, (int)f, -1);
            rp_expr_add(&e, s, -1);
            rp_emit_row(em, &e, RP_LE, 0, (int)r, (int)f, p, p, "start_r%zu_f%zu_p%d", r, f, p);
            rp_expr_add(&starts, s, 1);
        }
    }
    rp_expr_add(&starts, b, -U);
    rp_space_add_course(em->space, &starts, r, k, U);
    rp_emit_row(em, &starts, RP_LE, 1 + U, (int)r, RP_NONE, first, last, "run_r%zu_%s", r,
                c->id);
    rp_expr_free(&e);
    rp_expr_free(&partner);
    rp_expr_free(&starts);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    (void)rule;
    const rp_model *m = em->model;
    for (size_t r = 0; r < em->cohort->n_residents; r++)
        for (size_t k = 0; k < m->n_courses; k++)
            if (m->courses[k].window_year > 0 && rp_space_course_possible(em->space, r, (int)k))
                emit_rows(em, r, (int)k);
    return 0;
}

static void check_resident(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out,
                           size_t r, int k)
{
    const rp_model *m = ctx->model;
    const rp_resident_plan *rp = &ctx->residents[r];
    const rp_course *c = &m->courses[k];
    int first, last;
    rp_year_span(m, c->window_year, &first, &last);
    int count = 0, runs = 0, a = 0, b = 0, f0 = RP_NONE;
    bool several = false;
    for (int p = first; p <= last && p <= rp->horizon; p++) {
        int f = rp->cells[p].facility;
        if (!rp_judge_role(m, f, RP_ROLE_PARTNER))
            continue;
        count++;
        bool continues = p > first && rp->cells[p - 1].facility == f;
        if (!continues) {
            runs++;
            if (!a)
                a = p;
        }
        if (f0 >= 0 && f != f0)
            several = true;
        f0 = f;
        b = p;
    }
    if (count == 0 || count > c->window_months)
        return;
    if (runs == 1 && !several && count == c->window_months)
        return;
    char req[96], got[96];
    snprintf(req, sizeof req, _("one run of exactly %d %s at one partner"), c->window_months,
             rp_unit_word(m, c->window_months));
    snprintf(got, sizeof got, _("%d %s in %d run%s"), count, rp_unit_word(m, count), runs,
             runs == 1 ? "" : "s");
    char *span = rp_span_text(m, rp->planned->cohort, a, b);
    rp_finding_add(out, ctx, rule, (int)r, several ? RP_NONE : f0, a, b, req, got,
                   "the partner window of resident %s in year %d (%s) is %d %s in %d run%s%s; "
                   "course %s's window is exactly %d %s at one partner",
                   rp->planned->id, c->window_year, span, count, rp_unit_word(m, count), runs,
                   runs == 1 ? "" : "s", several ? " at several partners" : "", c->id,
                   c->window_months, rp_unit_word(m, c->window_months));
    free(span);
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    for (size_t r = 0; r < ctx->n_residents; r++) {
        int k = rp_planned_course(ctx, r);
        if (k >= 0 && ctx->model->courses[k].window_year > 0)
            check_resident(rule, ctx, out, r, k);
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    (void)rule;
    (void)m;
    return rp_xstrdup(_("a course's partner window, when taken, is one run of exactly the window's "
                        "length at a single partner inside its year"));
}

const rp_rule_kind rp_kind_course_window = {
    .name = "course-window",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
