/*
 * group_area.c: kind `group-area`, the hospital group within the core's prefecture or area.
 *
 * Rule: a resident trains at a hospital or clinic of the group (kinds coop and coop-facility) only
 * when it is in the core hospital's 二次医療圏 or prefecture, or the model records a justification
 * for it (INIT-52, 5(1)テ(イ)①-③). Administrative and overseas facilities are exempt (INIT-51).
 *
 * Pieces: none at a facility out of area without justification. Rows: the pieces there sum to 0.
 *
 * Check: each block at such a facility, judged by its own judged_outside (not out_of_area).
 *
 * Used by: INIT-52 (000 Q45 L62, Q53 L70).
 */
#include "rules/kind.h"
#include "util/i18n.h"

#include <string.h>

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    (void)m;
    rule->params = NULL;
    const rp_ynode *v[1];
    return node ? rp_kind_params(y, rule, node, NULL, 0, v) : 0;
}

static int core_of(const rp_model *m)
{
    for (size_t f = 0; f < m->n_facilities; f++)
        if (m->facilities[f].kind == RP_KIND_CORE)
            return (int)f;
    return RP_NONE;
}

static bool out_of_area(const rp_model *m, int f)
{
    int core = core_of(m);
    if (f < 0 || core < 0)
        return false;
    const rp_facility *fac = &m->facilities[f], *c = &m->facilities[core];
    if (fac->kind != RP_KIND_COOP && fac->kind != RP_KIND_COOP_FACILITY)
        return false;
    bool same = (fac->prefecture && c->prefecture && rp_streq(fac->prefecture, c->prefecture)) ||
                (fac->area && c->area && rp_streq(fac->area, c->area));
    return !same && !fac->out_of_area_justification;
}

static bool admit(const rp_rule *rule, const rp_model *m, const rp_resident *r,
                  const rp_piece *pc, bool *allowed)
{
    (void)rule;
    (void)r;
    (void)allowed;
    return !out_of_area(m, pc->facility);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    (void)rule;
    rp_expr e = {0};
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        int h = rp_space_horizon(em->space, r);
        rp_expr_clear(&e);
        for (int p = 1; p <= h; p++)
            for (size_t f = 0; f < em->model->n_facilities; f++)
                if (out_of_area(em->model, (int)f))
                    rp_space_add_z(em->space, &e, r, p, (int)f, 1);
        rp_emit_row(em, &e, RP_EQ, 0, (int)r, RP_NONE, 1, h, "r%zu", r);
    }
    rp_expr_free(&e);
    return 0;
}

/* Check: whether a block at f lies outside the core hospital's area without a justification
 * (INIT-52 read afresh: not out_of_area, which the rows ask). Only 協力型 hospitals and 臨床研修
 * 協力施設 that are hospitals or clinics are bound (INIT-51 exempts the others); a facility is
 * inside when it shares the core's prefecture or its 二次医療圏. */
static bool judged_outside(const rp_model *m, int f)
{
    if (f == RP_NONE)
        return false;
    const rp_facility *fac = &m->facilities[f];
    bool bound = fac->kind == RP_KIND_COOP || fac->kind == RP_KIND_COOP_FACILITY;
    if (!bound || fac->out_of_area_justification)
        return false;
    const rp_facility *core = NULL;
    for (size_t i = 0; i < m->n_facilities && !core; i++)
        if (m->facilities[i].kind == RP_KIND_CORE)
            core = &m->facilities[i];
    if (!core)
        return false; /* no core hospital: nothing to lie outside of */
    if (fac->prefecture && core->prefecture && strcmp(fac->prefecture, core->prefecture) == 0)
        return false;
    if (fac->area && core->area && strcmp(fac->area, core->area) == 0)
        return false;
    return true;
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const rp_model *m = ctx->model;
    for (size_t i = 0; i < ctx->plan->n_stints; i++) {
        const rp_stint *s = &ctx->plan->stints[i];
        if (s->mode != RP_MODE_BLOCK || !judged_outside(m, s->facility))
            continue;
        const rp_plan_resident *pr = &ctx->plan->residents[s->resident];
        const rp_facility *f = &m->facilities[s->facility];
        char *span = rp_span_text(m, pr->cohort, s->first, s->last);
        rp_finding_add(out, ctx, rule, s->resident, s->facility, s->first, s->last,
                       "the core's prefecture or area, or a justification",
                       f->prefecture ? f->prefecture : "another area",
                       "resident %s trains at %s (%s), outside the core hospital's area, with no "
                       "justification recorded",
                       pr->id, f->id, span);
        free(span);
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    (void)rule;
    (void)m;
    return rp_xstrdup(_("hospitals and clinics of the group lie in the core hospital's prefecture "
                        "or secondary medical area, unless justified"));
}

const rp_rule_kind rp_kind_group_area = {
    .name = "group-area",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
    .admit = admit,
};
