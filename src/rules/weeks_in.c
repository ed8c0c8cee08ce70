/*
 * weeks_in.c: kind `weeks-in`, a minimum or a maximum of weeks in some places of training, over
 * the whole programme or a window of it.
 *
 * Rule: for every resident, the weeks of blocks in the set (places.h: fields, departments and
 * facilities) that lie in the window (a programme year, or periods first..last; the whole
 * programme when none is given) number at least `min` and at most `max`. A week counts whole
 * whatever parallel session it holds: this is the programme's published structure ("内科 24
 * weeks in year 1", "free choice at most 40 weeks"), not the crediting of field-minimum, which
 * says what the ministry credits.
 *
 * Rows: with c_i the periods of piece i in the window when its place is in the set (else 0),
 *     sum_i c_i x_i >= min,    sum_i c_i x_i <= max.
 *
 * Check: counts the plan's cells period by period. The check asks check/judge.h (rp_judge_place,
 * rp_judge_window), not the rows' places.c matching.
 *
 * Used by: the programme-structure entries of models/minami-general-2024.yaml (year windows for
 * 内科 and 救急, the free-choice maximum, the partner maximum). A seed-level use: RULES.md INIT-40
 * (community medicine in year 2) is the community-condition kind's, not this one.
 */
#include "check/judge.h"
#include "rules/kind.h"
#include "rules/places.h"
#include "util/i18n.h"

typedef struct params {
    rp_place_set set;
    rp_window window;
    int min, max; /* max -1: none */
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    static const rp_ykey keys[] = {
        {"fields", RP_Y_SEQ, false},   {"departments", RP_Y_SEQ, false},
        {"facilities", RP_Y_SEQ, false}, {"year", RP_Y_SCALAR, false},
        {"periods", RP_Y_SEQ, false},  {"min", RP_Y_SCALAR, false},
        {"max", RP_Y_SCALAR, false},
    };
    const rp_ynode *v[7];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    p->max = -1;
    if (rp_kind_params(y, rule, node, keys, 7, v) != 0)
        return -1;
    int err = rp_require_weeks(y, rule, m);
    if (rp_place_set_parse(&p->set, y, rule, v[0], v[1], v[2], m) != 0)
        err = -1;
    if (rp_window_parse(&p->window, y, rule, v[3], v[4], m) != 0)
        err = -1;
    int total = m->calendar.years * m->calendar.periods_per_year;
    if (!v[5] && !v[6])
        return rp_yerror_pos(y, rule->pos, "rule '%s' needs 'min', 'max' or both in its params",
                             rule->id);
    if (v[5] && rp_yint(y, v[5], "min", 0, total, &p->min) != 0)
        err = -1;
    if (v[6] && rp_yint(y, v[6], "max", 0, total, &p->max) != 0)
        err = -1;
    if (!err && p->max >= 0 && p->max < p->min)
        err = rp_yerror(y, v[6], "max '%d' is below min %d; expected max >= min", p->max,
                        p->min);
    return err;
}

/* ---- rows ---- */

static int emit(const rp_rule *rule, rp_emit *em)
{
    const params *pa = rule->params;
    rp_expr e = {0};
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        rp_expr_clear(&e);
        rp_place_set_add_pieces(&e, &pa->set, &pa->window, em, r);
        int h = rp_space_horizon(em->space, r);
        if (pa->min > 0)
            rp_emit_row(em, &e, RP_GE, pa->min, (int)r, RP_NONE, 1, h, "min_r%zu", r);
        if (pa->max >= 0)
            rp_emit_row(em, &e, RP_LE, pa->max, (int)r, RP_NONE, 1, h, "max_r%zu", r);
    }
    rp_expr_free(&e);
    return 0;
}

/* ---- check ---- */

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    char *where = rp_place_set_describe(&pa->set, m);
    char *when = rp_window_describe(&pa->window, m);
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        int weeks = 0, first = 0, last = 0;
        for (int p = 1; p <= rp->horizon; p++) {
            if (!rp_judge_window(&pa->window, m, p))
                continue;
            first = first ? first : p;
            last = p;
            const rp_cell *c = &rp->cells[p];
            weeks += rp_judge_place(&pa->set, m, c);
        }
        bool low = weeks < pa->min, high = pa->max >= 0 && weeks > pa->max;
        if (!low && !high)
            continue;
        char req[48], got[48];
        snprintf(req, sizeof req, low ? _("at least %d weeks") : _("at most %d weeks"),
                 low ? pa->min : pa->max);
        snprintf(got, sizeof got, _("%d week%s"), weeks, weeks == 1 ? "" : "s");
        rp_finding_add(out, ctx, rule, (int)r, RP_NONE, first ? first : 1,
                       last ? last : rp->horizon, req, got,
                       "resident %s has %s in %s%s; the programme asks for %s", rp->planned->id,
                       got, where, when, req);
    }
    free(where);
    free(when);
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    char *where = rp_place_set_describe(&pa->set, m);
    char *when = rp_window_describe(&pa->window, m);
    rp_buf b = {0};
    if (pa->min > 0 && pa->max >= 0)
        rp_buf_printf(&b, _("every resident spends %d to %d weeks in %s%s"), pa->min, pa->max,
                      where, when);
    else if (pa->max >= 0)
        rp_buf_printf(&b, _("every resident spends at most %d weeks in %s%s"), pa->max, where,
                      when);
    else
        rp_buf_printf(&b, _("every resident spends at least %d weeks in %s%s"), pa->min, where,
                      when);
    free(where);
    free(when);
    return rp_buf_take(&b);
}

const rp_rule_kind rp_kind_weeks_in = {
    .name = "weeks-in",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
