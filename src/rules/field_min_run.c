/*
 * field_min_run.c: kind `field-min-run`, block training in runs of a minimum length.
 *
 * Rule: for every field X listed, every run of weeks in X (blocks of X, joined by general-clinic
 * blocks serving X, INIT-37) that holds at least one block of X itself lasts at least L weeks
 * (RULES.md INIT-21: "a run that contains no proper X block is never a violation"). A run may
 * cross the boundary between the two years. A community block that fails INIT-40/41/43 is an
 * elective (credit.h), not a community run.
 *
 * Rows: none when every piece holding a week of X itself lasts L weeks or more, all in X or GO(X)
 * (the example programme's 4-week units; the blocks of L to 2L - 1 weeks the space offers when
 * no rule caps the pieces, min_piece): then every run with a week of X itself holds such a piece
 * and is that long, however short the general-clinic pieces beside it. Otherwise, with y[v] the pieces
 * of X or GO(X) covering v, q[w] the pieces of X itself covering w, and a continuous u per window
 * of L weeks: u_W <= y[v] for v in W, and q[w] <= sum of the u_W over the windows holding w. A
 * week of X lies in a run of L or more exactly when some window of L weeks around it is all X.
 *
 * Check: walks the runs of the plan week by week (check/judge.h's own crediting gives each week's
 * field, not credit.h, which the rows ask).
 *
 * Used by: INIT-21 (4 weeks, 000 Q22 L35, Q11 L24).
 */
#include "check/judge.h"
#include "rules/kind.h"
#include "rules/weeks.h"
#include "util/i18n.h"

typedef struct params {
    bool fields[RP_N_FIELDS];
    int weeks;
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    (void)m;
    static const rp_ykey keys[] = {
        {"fields", RP_Y_SEQ, true},
        {"weeks", RP_Y_SCALAR, true},
    };
    const rp_ynode *v[2];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 2, v) != 0)
        return -1;
    int err = rp_read_fields(y, v[0], "fields", p->fields);
    if (rp_yint(y, v[1], "weeks", 1, 104, &p->weeks) != 0)
        err = -1;
    return err;
}

/* 1: the week's credit c is of X, 2: a general clinic serving X, 0: neither. */
static int piece_in(const rp_week_credit *c, int X)
{
    return c->host == X ? 1 : c->go_block_field == X ? 2 : 0;
}

/* Whether piece pc may leave a run of X short: it holds a week of X itself, and it is shorter
 * than L or has a week outside X and GO(X). When no piece of r may, every run of X that holds a
 * week of X itself holds a whole piece of L weeks or more, all in the run: the rows would be
 * redundant. General-clinic pieces never need them by themselves (a run with no week of X
 * itself is no violation), however short. */
static bool may_cut_run(const rp_model *m, const rp_piece *pc, int X, int L)
{
    bool proper = false, outside = false;
    rp_week_credit c;
    int year = -1;
    for (int w = pc->first; w <= pc->last; w++) {
        rp_piece_credit_in_year(m, pc, w, &year, &c);
        int in = piece_in(&c, X);
        proper = proper || in == 1;
        outside = outside || in == 0;
    }
    return proper && (pc->last - pc->first + 1 < L || outside);
}

static bool needs_rows(const rp_model *m, const rp_space *s, size_t r, int X, int L)
{
    size_t n;
    const rp_piece *pieces = rp_space_pieces(s, r, &n);
    for (size_t i = 0; i < n; i++)
        if (may_cut_run(m, &pieces[i], X, L))
            return true;
    return false;
}

/* sum of the pieces covering w that are in X (kind 1 only, or 1 and 2), times coef */
static void add_in(const rp_emit *em, rp_expr *e, size_t r, int w, int X, bool proper,
                   double coef)
{
    size_t n, np;
    const int *cov = rp_space_covering(em->space, r, w, &n);
    const rp_piece *pieces = rp_space_pieces(em->space, r, &np);
    for (size_t i = 0; i < n; i++) {
        rp_week_credit c;
        rp_piece_credit(em->model, &pieces[cov[i]], w, &c);
        int in = piece_in(&c, X);
        if (in == 1 || (in == 2 && !proper))
            rp_expr_add(e, pieces[cov[i]].col, coef);
    }
}

static void emit_field(rp_emit *em, size_t r, int X, int L)
{
    int h = rp_space_horizon(em->space, r);
    int *u = rp_xmalloc(((size_t)h + 2) * sizeof *u);
    rp_expr e = {0};
    const char *name = rp_field_names[X];
    for (int s = 1; s + L - 1 <= h; s++) {
        u[s] = rp_emit_col(em, RP_COL_CONTINUOUS, 0, 1, "u_r%zu_%s_w%d", r, name, s);
        for (int v = s; v < s + L; v++) {
            rp_expr_clear(&e);
            rp_expr_add(&e, u[s], 1);
            add_in(em, &e, r, v, X, false, -1);
            rp_emit_row(em, &e, RP_LE, 0, (int)r, RP_NONE, s, v, "in_r%zu_%s_w%d_%d", r, name, s,
                        v);
        }
    }
    for (int w = 1; w <= h; w++) {
        rp_expr_clear(&e);
        add_in(em, &e, r, w, X, true, 1);
        for (int s = w - L + 1; s <= w; s++)
            if (s >= 1 && s + L - 1 <= h)
                rp_expr_add(&e, u[s], -1);
        rp_emit_row(em, &e, RP_LE, 0, (int)r, RP_NONE, w, w, "r%zu_%s_w%d", r, name, w);
    }
    rp_expr_free(&e);
    free(u);
}

/* A piece that holds a week of a field listed trains in a block of L weeks or more by itself:
 * where no rule caps the pieces, the space offers it in pieces of L to 2L - 1 weeks (rule.h
 * min_piece). A run of a field made of shorter blocks of several departments (2 weeks at one
 * hospital's 内科, 2 at another's), or of a short block joined by its general clinic (INIT-37),
 * is then not planned; the check judges it all the same, and the rows above still hold for
 * whatever pieces the space has (needs_rows). A community piece of year 1 is an elective
 * (credit.h): it asks nothing. */
static int min_piece(const rp_rule *rule, const rp_model *m, const rp_resident *r,
                     const rp_piece *pc)
{
    (void)r;
    const params *pa = rule->params;
    rp_week_credit c;
    int year = -1;
    for (int w = pc->first; w <= pc->last; w++) {
        rp_piece_credit_in_year(m, pc, w, &year, &c);
        if (c.host >= 0 && c.host < RP_N_FIELDS && pa->fields[c.host])
            return pa->weeks;
    }
    return 1;
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    const params *pa = rule->params;
    for (size_t r = 0; r < em->cohort->n_residents; r++)
        for (int X = 0; X < RP_N_FIELDS; X++)
            if (pa->fields[X] && needs_rows(em->model, em->space, r, X, pa->weeks))
                emit_field(em, r, X, pa->weeks);
    return 0;
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        int *in = rp_xcalloc((size_t)rp->horizon + 2, sizeof *in);
        rp_week_credit *credits = rp_judge_credits(ctx, r);
        for (int X = 0; X < RP_N_FIELDS; X++) {
            if (!pa->fields[X])
                continue;
            /* 1: a block of X; 2: a general clinic counting for X (INIT-37), which continues a
             * run of X but is no block of X by itself */
            for (int p = 1; p <= rp->horizon; p++)
                in[p] = credits[p].host == X ? 1 : credits[p].go_block_field == X ? 2 : 0;
            for (int p = 1; p <= rp->horizon; p++) {
                if (!in[p])
                    continue;
                int q = p;
                bool proper = false;
                for (; q <= rp->horizon && in[q]; q++)
                    proper = proper || in[q] == 1;
                q--;
                int len = q - p + 1;
                if (proper && len < pa->weeks) {
                    char *span = rp_span_text(m, rp->planned->cohort, p, q);
                    char req[48], got[48];
                    snprintf(req, sizeof req, _("at least %d weeks"), pa->weeks);
                    snprintf(got, sizeof got, _("%d week%s"), len, len == 1 ? "" : "s");
                    rp_finding_add(out, ctx, rule, (int)r, RP_NONE, p, q, req, got,
                                   "resident %s trains in %s for %s only (%s); block training "
                                   "lasts at least %d weeks",
                                   rp->planned->id, rp_field_label(X), got, span, pa->weeks);
                    free(span);
                }
                p = q;
            }
        }
        free(in);
        free(credits);
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    (void)m;
    const params *pa = rule->params;
    rp_buf b = {0};
    rp_buf_printf(&b, _("every block of "));
    bool first = true;
    for (int X = 0; X < RP_N_FIELDS; X++) {
        if (!pa->fields[X])
            continue;
        rp_buf_printf(&b, "%s%s", first ? "" : ", ", rp_field_names[X]);
        first = false;
    }
    rp_buf_printf(&b, _(" lasts at least %d contiguous weeks"), pa->weeks);
    return rp_buf_take(&b);
}

const rp_rule_kind rp_kind_field_min_run = {
    .name = "field-min-run",
    .counts_weeks = true,
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
    .min_piece = min_piece,
};
