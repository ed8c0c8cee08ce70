/*
 * requires_department.c: kind `requires-department`, a department the programme must offer.
 *
 * Rule: a facility of the given kind runs the department with room for at least `capacity`
 * residents. A model without it is invalid: the rule is a condition on the model's data (class
 * DATA in RULES.md), reported when the model is loaded, exit status 2.
 *
 * Rows and check: none beyond the loading.
 *
 * Used by: INIT-73 (麻酔科 selectable at the core, 000 Q49 L66).
 */
#include "rules/kind.h"
#include "util/i18n.h"

#include <string.h>

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    static const rp_ykey keys[] = {
        {"kind", RP_Y_SCALAR, true},
        {"department", RP_Y_SCALAR, true},
        {"capacity", RP_Y_SCALAR, true},
    };
    const rp_ynode *v[3];
    rule->params = NULL;
    if (rp_kind_params(y, rule, node, keys, 3, v) != 0)
        return -1;
    int kind, capacity;
    const char *department = NULL;
    if (rp_yenum(y, v[0], "kind", rp_kind_names + 1, RP_N_KINDS - 1, &kind) != 0 ||
        rp_yid(y, v[1], "department", &department) != 0 ||
        rp_yint(y, v[2], "capacity", 0, 1000000, &capacity) != 0)
        return -1;
    for (size_t f = 0; f < m->n_facilities; f++) {
        const rp_facility *fac = &m->facilities[f];
        int d = rp_facility_department(fac, department);
        if ((int)fac->kind == kind + 1 && d >= 0 &&
            (fac->departments[d].capacity < 0 || fac->departments[d].capacity >= capacity))
            return 0;
    }
    return rp_yerror_pos(y, rule->pos, "rule '%s': no facility of kind %s runs department '%s' "
                                       "with room for %d; the programme must offer it",
                         rule->id, rp_kind_names[kind + 1], department, capacity);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    (void)rule;
    (void)em;
    return 0; /* a condition on the model, checked when it is loaded */
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    (void)rule;
    (void)ctx;
    (void)out; /* a condition on the model, checked when it is loaded */
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    (void)rule;
    (void)m;
    return rp_xstrdup(_("the programme offers the department at its core hospital (checked when "
                        "the model is loaded)"));
}

const rp_rule_kind rp_kind_requires_department = {
    .name = "requires-department",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
