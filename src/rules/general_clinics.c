/*
 * general_clinics.c: kind `general-clinics`, general outpatient training only in general clinics.
 *
 * Rule: every block or parallel session in a general-outpatient department is at a general
 * clinic that serves a field (総合診療, 一般内科, 一般外科, 小児科, the general clinic of a
 * community site): never a specialist clinic, a psychiatric outpatient clinic or the ER, which the
 * model gives no general-outpatient department (INIT-36). A department a facility does not run
 * serves nothing. Such weeks count for nothing (credit.h); a session there still takes its days
 * from the block.
 *
 * Pieces: the space's general-outpatient places are the model's, each serving a field (the loader
 * refuses one that serves none): nothing to refuse, no rows. Where no rule caps the pieces (no
 * rotation unit, no block-length), min_piece asks for general-clinic blocks of the crediting's
 * run length (see min_piece).
 *
 * Check: each general-outpatient row of the plan at a place that serves no field (check/judge.h's
 * reading of the places, not credit.h's).
 *
 * Used by: INIT-36 (000 Q18 L31, Q27 L42, Q38 L53).
 */
#include "check/judge.h"
#include "rules/kind.h"
#include "rules/weeks.h"
#include "util/i18n.h"

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    (void)m;
    rule->params = NULL;
    const rp_ynode *v[1];
    return node ? rp_kind_params(y, rule, node, NULL, 0, v) : 0;
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    (void)rule;
    (void)em;
    return 0; /* every general-outpatient place of the space serves a field */
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const rp_model *m = ctx->model;
    for (size_t i = 0; i < ctx->plan->n_stints; i++) {
        const rp_stint *s = &ctx->plan->stints[i];
        if (rp_judge_field(m, s->facility, s->department, s->department_id) != RP_FIELD_GO ||
            rp_judge_clinic(m, s->facility, s->department) != RP_NONE)
            continue;
        const rp_plan_resident *pr = &ctx->plan->residents[s->resident];
        char *span = rp_span_text(m, pr->cohort, s->first, s->last);
        rp_finding_add(out, ctx, rule, s->resident, s->facility, s->first, s->last,
                       "a general clinic", "no general clinic",
                       "resident %s has general outpatient %s at %s (%s), which runs no general "
                       "clinic; those days count for nothing",
                       pr->id, s->mode == RP_MODE_BLOCK ? "block" : "sessions",
                       m->facilities[s->facility].id, span);
        free(span);
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    (void)rule;
    (void)m;
    return rp_xstrdup(_("general outpatient training only in general clinics (not specialist, "
                        "psychiatric or emergency outpatient clinics)"));
}

/* A block at a general clinic serving a field counts for that field only inside a run of the
 * crediting's go_block_run weeks (INIT-37 with INIT-21: 4): where no rule caps the pieces, the
 * space offers general-clinic blocks in pieces of that length to twice it less one (rule.h
 * min_piece), each credited by itself, so that the credit needs no rows of runs (weeks.c). A
 * shorter general-clinic block (1 to 3 weeks) is then not planned, as a block: general outpatient
 * as a parallel session stays weekly; the check judges any plan all the same. */
static int min_piece(const rp_rule *rule, const rp_model *m, const rp_resident *r,
                     const rp_piece *pc)
{
    (void)rule;
    (void)r;
    if (m->crediting.go_block_run <= 1)
        return 1;
    rp_week_credit c;
    int year = -1;
    for (int w = pc->first; w <= pc->last; w++) {
        rp_piece_credit_in_year(m, pc, w, &year, &c);
        if (c.go_block_field != RP_NONE)
            return m->crediting.go_block_run;
    }
    return 1;
}

const rp_rule_kind rp_kind_general_clinics = {
    .name = "general-clinics",
    .counts_weeks = true,
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
    .min_piece = min_piece,
};
