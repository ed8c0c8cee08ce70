/*
 * course_window.c: kind `course-window`, the partner window a course may take (a programme
 * choice).
 *
 * Rule: a resident whose course k has a window (year y, W periods) spends in year y either no
 * period at a partner, or exactly one run of exactly W periods at a single partner. More partner
 * periods than W in year y break the course pattern (RAD-09), not this rule.
 *
 * Pieces: a partner piece that meets year y without filling it must lie inside year y and last
 * exactly W periods to be chosen under course k (the hook clears k otherwise); the other courses
 * are not concerned.
 *
 * Rows, shaped pieces: the partner pieces inside year y sum to at most 1 + U (1 - c[r,k]), where
 * U is the number of periods in the year: at most one window under course k.
 * Rows, plain model: with a binary w (the window is taken), w <= c[r,k], the partner periods of
 * year y P = sum_{p in y} sum_{f partner} z[r,p,f] satisfy W w - U (1 - c) <= P <= W w + U (1 - c),
 * and with start indicators s[p,f] >= z[p,f] - z[p-1,f] over the partners and the periods of y,
 * sum s <= 1 + U (1 - c): one run, at one partner.
 *
 * Check: counts the partner periods of year y in the plan and reads their runs.
 *
 * Used by: RAD-08 (course A, 4 months in year 2, 003 §7-2 L567).
 */
#include "rules/course.h"
#include "rules/kind.h"

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

static bool admit(const rp_rule *rule, const rp_model *m, const rp_resident *r, int f, int a,
                  int b, bool *allowed)
{
    (void)rule;
    (void)r;
    if (!is_partner(m, f))
        return true;
    for (size_t k = 0; k < m->n_courses; k++) {
        const rp_course *c = &m->courses[k];
        if (!allowed[k] || c->window_year == 0)
            continue;
        int first, last;
        rp_year_span(m, c->window_year, &first, &last);
        if (b < first || a > last || (a == first && b == last))
            continue;
        bool inside = a >= first && b <= last;
        if (!inside || b - a + 1 != c->window_months)
            allowed[k] = false;
    }
    return true;
}

static void emit_shaped(rp_emit *em, size_t r, int k)
{
    const rp_model *m = em->model;
    const rp_course *c = &m->courses[k];
    int first, last;
    rp_year_span(m, c->window_year, &first, &last);
    int U = last - first + 1;
    size_t n;
    const rp_piece *pieces = rp_space_pieces(em->space, r, &n);
    rp_expr e = {0};
    for (size_t i = 0; i < n; i++) {
        const rp_piece *pc = &pieces[i];
        if (is_partner(m, pc->facility) && pc->first >= first && pc->last <= last &&
            !(pc->first == first && pc->last == last))
            rp_expr_add(&e, pc->col, 1);
    }
    rp_space_add_course(em->space, &e, r, k, U);
    rp_emit_row(em, &e, RP_LE, 1 + U, (int)r, RP_NONE, first, last, "one_r%zu_%s", r, c->id);
    rp_expr_free(&e);
}

static void emit_plain(rp_emit *em, size_t r, int k)
{
    const rp_model *m = em->model;
    const rp_course *c = &m->courses[k];
    int first, last;
    rp_year_span(m, c->window_year, &first, &last);
    int U = last - first + 1, W = c->window_months;
    rp_expr e = {0}, starts = {0};
    int w = rp_emit_col(em, RP_COL_BINARY, 0, 1, "w_r%zu_%s", r, c->id);
    rp_expr_add(&e, w, 1);
    rp_space_add_course(em->space, &e, r, k, -1);
    rp_emit_row(em, &e, RP_LE, 0, (int)r, RP_NONE, first, last, "take_r%zu_%s", r, c->id);
    rp_expr_clear(&e);
    for (int p = first; p <= last; p++)
        for (size_t f = 0; f < m->n_facilities; f++)
            if (is_partner(m, (int)f))
                rp_space_add_z(em->space, &e, r, p, (int)f, 1);
    rp_expr_add(&e, w, -W);
    for (int side = 0; side < 2; side++) {
        rp_expr copy = {0};
        for (size_t i = 0; i < e.n; i++)
            rp_expr_add(&copy, e.col[i], e.coef[i]);
        /* P - W w <= U (1 - c)  and  P - W w >= -U (1 - c) */
        rp_space_add_course(em->space, &copy, r, k, side == 0 ? U : -U);
        rp_emit_row(em, &copy, side == 0 ? RP_LE : RP_GE, side == 0 ? U : -U, (int)r, RP_NONE,
                    first, last, "len_r%zu_%s_%s", r, c->id, side == 0 ? "max" : "min");
        rp_expr_free(&copy);
    }
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
    rp_space_add_course(em->space, &starts, r, k, U);
    rp_emit_row(em, &starts, RP_LE, 1 + U, (int)r, RP_NONE, first, last, "run_r%zu_%s", r, c->id);
    rp_expr_free(&e);
    rp_expr_free(&starts);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    (void)rule;
    const rp_model *m = em->model;
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        for (size_t k = 0; k < m->n_courses; k++) {
            if (m->courses[k].window_year == 0 || !rp_space_course_possible(em->space, r, (int)k))
                continue;
            if (em->shaped)
                emit_shaped(em, r, (int)k);
            else
                emit_plain(em, r, (int)k);
        }
    }
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
        if (!is_partner(m, f))
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
    snprintf(req, sizeof req, "one run of exactly %d %s at one partner", c->window_months,
             rp_unit_word(m, c->window_months));
    snprintf(got, sizeof got, "%d %s in %d run%s", count, rp_unit_word(m, count), runs,
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
    return rp_xstrdup("a course's partner window, when taken, is one run of exactly the window's "
                      "length at a single partner inside its year");
}

const rp_rule_kind rp_kind_course_window = {
    .name = "course-window",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
    .admit = admit,
};
