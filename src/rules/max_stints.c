/*
 * max_stints.c: kind `max-stints`, at most N separate stints in some places of training.
 *
 * Rule: a stint is a maximal run of consecutive weeks whose blocks are in the set (places.h:
 * `fields: [PSY]`, departments, facilities); moving between two departments of the set without
 * a week elsewhere continues the stint. Every resident has at most `stints` of them ("psychiatry
 * in one block": `{fields: [PSY], stints: 1}`).
 *
 * Rows: with z[w] the pieces in the set covering week w (0 or 1, one place a week) and a
 * continuous start indicator s_w in [0, 1] for every week w where some piece in the set begins,
 *     s_w >= z[w] - z[w-1]   (z[0] = 0),     sum_w s_w <= stints.
 * A stint starts at w exactly when z[w] - z[w-1] = 1, and only at the first week of a piece, so
 * the least s is 0/1 and the sum counts the stints.
 *
 * Check: walks each resident's cells and counts the runs. The check asks check/judge.h
 * (rp_judge_place, rp_judge_window), not the rows' places.c matching.
 *
 * Used by: the one-block-per-field entries of models/minami-general-2024.yaml (issue 12: "a
 * resident goes to psychiatry four separate times").
 */
#include "check/judge.h"
#include "rules/kind.h"
#include "rules/places.h"
#include "util/i18n.h"

typedef struct params {
    rp_place_set set;
    int stints;
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    static const rp_ykey keys[] = {
        {"fields", RP_Y_SEQ, false},
        {"departments", RP_Y_SEQ, false},
        {"facilities", RP_Y_SEQ, false},
        {"stints", RP_Y_SCALAR, true},
    };
    const rp_ynode *v[4];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 4, v) != 0)
        return -1;
    int err = rp_require_weeks(y, rule, m);
    if (rp_place_set_parse(&p->set, y, rule, v[0], v[1], v[2], m) != 0)
        err = -1;
    if (rp_yint(y, v[3], "stints", 1, 1000, &p->stints) != 0)
        err = -1;
    return err;
}

/* ---- rows ---- */

/* coef times the pieces in the set covering week w */
static void add_z(const params *pa, const rp_emit *em, rp_expr *e, size_t r, int w, double coef)
{
    size_t n, np;
    const int *cov = rp_space_covering(em->space, r, w, &n);
    const rp_piece *pieces = rp_space_pieces(em->space, r, &np);
    for (size_t i = 0; i < n; i++) {
        const rp_piece *pc = &pieces[cov[i]];
        if (rp_place_set_match(&pa->set, em->model, pc->facility, pc->department))
            rp_expr_add(e, pc->col, coef);
    }
}

static void emit_resident(const params *pa, rp_emit *em, size_t r)
{
    size_t np;
    const rp_piece *pieces = rp_space_pieces(em->space, r, &np);
    int h = rp_space_horizon(em->space, r);
    bool *starts = rp_xcalloc((size_t)h + 2, sizeof *starts);
    size_t n_starts = 0;
    for (size_t i = 0; i < np; i++)
        if (rp_place_set_match(&pa->set, em->model, pieces[i].facility, pieces[i].department) &&
            !starts[pieces[i].first]) {
            starts[pieces[i].first] = true;
            n_starts++;
        }
    if (n_starts > (size_t)pa->stints) {
        rp_expr total = {0}, e = {0};
        for (int w = 1; w <= h; w++) {
            if (!starts[w])
                continue;
            int s = rp_emit_col(em, RP_COL_CONTINUOUS, 0, 1, "s_r%zu_w%d", r, w);
            rp_expr_clear(&e);
            rp_expr_add(&e, s, 1);
            add_z(pa, em, &e, r, w, -1);
            if (w > 1)
                add_z(pa, em, &e, r, w - 1, 1);
            rp_emit_row(em, &e, RP_GE, 0, (int)r, RP_NONE, w, w, "start_r%zu_w%d", r, w);
            rp_expr_add(&total, s, 1);
        }
        rp_emit_row(em, &total, RP_LE, pa->stints, (int)r, RP_NONE, 1, h, "r%zu", r);
        rp_expr_free(&total);
        rp_expr_free(&e);
    }
    free(starts);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    for (size_t r = 0; r < em->cohort->n_residents; r++)
        emit_resident(rule->params, em, r);
    return 0;
}

/* ---- check ---- */

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    char *where = rp_place_set_describe(&pa->set, m);
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        int runs = 0, first = 0, last = 0;
        bool before = false;
        for (int p = 1; p <= rp->horizon; p++) {
            const rp_cell *c = &rp->cells[p];
            bool in = rp_judge_place(&pa->set, m, c);
            if (in && !before) {
                runs++;
                first = first ? first : p;
            }
            if (in)
                last = p;
            before = in;
        }
        if (runs <= pa->stints)
            continue;
        char req[48], got[48];
        snprintf(req, sizeof req, _("at most %d stint%s"), pa->stints, pa->stints == 1 ? "" : "s");
        snprintf(got, sizeof got, _("%d stints"), runs);
        char *span = rp_span_text(m, rp->planned->cohort, first, last);
        rp_finding_add(out, ctx, rule, (int)r, RP_NONE, first, last, req, got,
                       "resident %s trains in %s in %d separate stints (%s); the programme "
                       "allows %d", rp->planned->id, where, runs, span, pa->stints);
        free(span);
    }
    free(where);
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    char *where = rp_place_set_describe(&pa->set, m);
    char *s = rp_xasprintf(_("every resident trains in %s in at most %d separate stint%s"), where,
                           pa->stints, pa->stints == 1 ? "" : "s");
    free(where);
    return s;
}

const rp_rule_kind rp_kind_max_stints = {
    .name = "max-stints",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
