/*
 * no_full_time_at.c: kind `no-full-time-at`, facilities where a resident never trains full time.
 *
 * Rule: no block row at a facility of S; part-time work there is written as parallel rows.
 *
 * Pieces: none at a facility of S. Rows: sum_p sum_{f in S} z[r,p,f] = 0 for every resident,
 * which vanishes when the space has no such piece and otherwise forbids them.
 *
 * Check: every block row at a facility of S is a violation (rp_judge_selector, not select.c).
 *
 * Used by: RAD-11 (関連施設 are part-time only, 003 §7-1 L535, §2-1 L95).
 */
#include "check/judge.h"
#include "rules/kind.h"
#include "util/i18n.h"

typedef struct params {
    rp_selector where;
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    static const rp_ykey keys[] = {{"facilities", RP_Y_MAP, true}};
    const rp_ynode *v[1];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 1, v) != 0)
        return -1;
    return rp_selector_parse(&p->where, y, v[0], m, "facilities");
}

static bool admit(const rp_rule *rule, const rp_model *m, const rp_resident *r,
                  const rp_piece *pc, bool *allowed)
{
    (void)r;
    (void)allowed;
    return !rp_selector_match(&((const params *)rule->params)->where, m, pc->facility);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    const params *pa = rule->params;
    rp_expr e = {0};
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        rp_expr_clear(&e);
        int h = rp_space_horizon(em->space, r);
        for (int p = 1; p <= h; p++)
            for (size_t f = 0; f < em->model->n_facilities; f++)
                if (rp_selector_match(&pa->where, em->model, (int)f))
                    rp_space_add_z(em->space, &e, r, p, (int)f, 1);
        rp_emit_row(em, &e, RP_EQ, 0, (int)r, RP_NONE, 1, h, "r%zu", r);
    }
    rp_expr_free(&e);
    return 0;
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    for (size_t i = 0; i < ctx->plan->n_stints; i++) {
        const rp_stint *s = &ctx->plan->stints[i];
        if (s->mode != RP_MODE_BLOCK || !rp_judge_selector(&pa->where, m, s->facility))
            continue;
        const rp_plan_resident *pr = &ctx->plan->residents[s->resident];
        char *span = rp_span_text(m, pr->cohort, s->first, s->last);
        rp_finding_add(out, ctx, rule, s->resident, s->facility, s->first, s->last,
                       "part-time (parallel) rows only", "a full-time block",
                       "resident %s has a full-time block at %s (%s), where training is "
                       "part-time only",
                       pr->id, m->facilities[s->facility].id, span);
        free(span);
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    char *where = rp_selector_describe(&((const params *)rule->params)->where, m);
    char *s = rp_xasprintf(_("no full-time block at %s: part-time (parallel) rows only"), where);
    free(where);
    return s;
}

const rp_rule_kind rp_kind_no_full_time_at = {
    .name = "no-full-time-at",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
    .admit = admit,
};
