/*
 * community_condition.c: kind `community-condition`, where and when community medicine (地域医療)
 * may be trained.
 *
 * Rule: every week of a block in a community-medicine department meets the condition the rule
 * names, as the model's `crediting.community` states it (credit.h, rp_community_counts):
 *   year       the week is in programme year `from_year` or later (INIT-40: year 2; extension
 *              weeks too);
 *   site       the facility has fewer beds than `beds_below` (INIT-41: 200; 200 exactly does
 *              not qualify), or lies in a remote or island area, whatever its size;
 *   home-care  the facility provides home care (INIT-43).
 * A week that fails is also credited as an elective, never as community medicine (credit.h).
 *
 * Pieces: a community piece with a week that fails is not admitted. Rows: the community pieces
 * covering a failing week sum to 0 (nothing left once the pieces are shaped).
 *
 * Check: every community week of the plan's blocks, judged by check/judge.h's own reading of the
 * three conditions (not rp_community_meets, which the rows and credit.h ask).
 *
 * Used by: INIT-40 (000 Q10 L23), INIT-41 (000 Q30 L45, Q31 L46), INIT-43 (000 Q35 L50, Q36 L51).
 */
#include "check/judge.h"
#include "rules/kind.h"
#include "rules/weeks.h"
#include "util/i18n.h"


typedef struct params {
    rp_community_condition condition;
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    (void)m;
    static const rp_ykey keys[] = {{"condition", RP_Y_SCALAR, true}};
    static const char *const names[] = {"year", "site", "home-care"};
    const rp_ynode *v[1];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 1, v) != 0)
        return -1;
    int i;
    if (rp_yenum(y, v[0], "condition", names, 3, &i) != 0)
        return -1;
    p->condition = (rp_community_condition)i;
    return 0;
}

/* Whether a community week at facility f in programme year `year` fails this rule's condition. */
static bool fails(const rp_rule *rule, const rp_model *m, int f, int year)
{
    const params *pa = rule->params;
    return !rp_community_meets(m, f, year, pa->condition);
}

static bool community(const rp_model *m, rp_place p)
{
    return rp_place_field(m, p) == RP_FIELD_CM;
}

static bool admit(const rp_rule *rule, const rp_model *m, const rp_resident *r,
                  const rp_piece *pc, bool *allowed)
{
    (void)r;
    (void)allowed;
    if (!community(m, (rp_place){pc->facility, pc->department, NULL}))
        return true;
    for (int p = pc->first; p <= pc->last; p++)
        if (fails(rule, m, pc->facility, rp_period_year(m, p)))
            return false;
    return true;
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    rp_expr e = {0};
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        size_t np;
        const rp_piece *pieces = rp_space_pieces(em->space, r, &np);
        rp_expr_clear(&e);
        for (size_t i = 0; i < np; i++) {
            const rp_piece *pc = &pieces[i];
            if (!community(em->model, (rp_place){pc->facility, pc->department, NULL}))
                continue;
            for (int p = pc->first; p <= pc->last; p++)
                if (fails(rule, em->model, pc->facility, rp_period_year(em->model, p))) {
                    rp_expr_add(&e, pc->col, 1);
                    break;
                }
        }
        rp_emit_row(em, &e, RP_EQ, 0, (int)r, RP_NONE, 0, 0, "r%zu", r);
    }
    rp_expr_free(&e);
    return 0;
}

/* Check: whether week p's block is a community-medicine department (φ = CM, RULES.md 0.3),
 * read from the cell: not community(), which the rows ask. */
static bool judged_community(const rp_model *m, const rp_cell *c)
{
    if (c->facility == RP_NONE)
        return false;
    if (c->department != RP_NONE)
        return m->facilities[c->facility].departments[c->department].field == RP_FIELD_CM;
    return c->department_id && rp_model_field_of(m, c->department_id) == RP_FIELD_CM;
}

/* Check: whether a community week at f in programme year `year` fails the rule's condition,
 * through check/judge.h: not fails() and rp_community_meets, which the rows ask. */
static bool judged_fails(const params *pa, const rp_model *m, int f, int year)
{
    switch (pa->condition) {
    case RP_COMMUNITY_YEAR:
        return !rp_judge_community_year(m, year);
    case RP_COMMUNITY_SITE:
        return !rp_judge_community_site(m, f);
    case RP_COMMUNITY_HOME_CARE:
        return !rp_judge_community_home_care(m, f);
    }
    return false;
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        for (int p = 1; p <= rp->horizon; p++) {
            const rp_cell *c = &rp->cells[p];
            if (!judged_community(m, c) ||
                !judged_fails(pa, m, c->facility, rp_period_year(m, p)))
                continue;
            int q = p;
            while (q + 1 <= rp->horizon && rp->cells[q + 1].stint == c->stint &&
                   judged_fails(pa, m, c->facility, rp_period_year(m, q + 1)))
                q++;
            const rp_facility *f = &m->facilities[c->facility];
            char *span = rp_span_text(m, rp->planned->cohort, p, q);
            char got[160];
            if (pa->condition == RP_COMMUNITY_YEAR)
                snprintf(got, sizeof got, _("year %d"), rp_period_year(m, p));
            else if (pa->condition == RP_COMMUNITY_SITE)
                snprintf(got, sizeof got, _("%s: %d beds%s"), f->id, f->beds,
                         f->remote ? ", remote" : ", not remote");
            else
                snprintf(got, sizeof got, _("%s: no home care"), f->id);
            const char *req = pa->condition == RP_COMMUNITY_YEAR   ? "year 2 or later"
                              : pa->condition == RP_COMMUNITY_SITE
                                  ? "fewer than the bed limit, or a remote or island area"
                                  : "a facility providing home care";
            rp_finding_add(out, ctx, rule, (int)r, c->facility, p, q, req, got,
                           "resident %s trains in community medicine at %s in %s (%s); those "
                           "weeks count as electives",
                           rp->planned->id, f->id, span, got);
            free(span);
            p = q;
        }
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    if (pa->condition == RP_COMMUNITY_YEAR)
        return rp_xasprintf(_("community medicine only from programme year %d"),
                            m->crediting.community_from_year);
    if (pa->condition == RP_COMMUNITY_SITE)
        return rp_xasprintf(_("community medicine only at a facility of fewer than %d beds, or in a "
                              "remote or island area"),
                            m->crediting.community_beds_below);
    return rp_xstrdup(_("community medicine only where home care is provided"));
}

const rp_rule_kind rp_kind_community_condition = {
    .name = "community-condition",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
    .admit = admit,
};
