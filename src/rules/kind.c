/*
 * kind.c: see kind.h.
 */
#include "rules/kind.h"
#include "util/i18n.h"

#include <string.h>

const char *rp_kind_what(rp_yctx *y, const rp_rule *rule)
{
    return rp_arena_printf(rp_yarena(y), _("params of rule '%s'"), rule->id);
}

int rp_kind_params(rp_yctx *y, const rp_rule *rule, const rp_ynode *params, const rp_ykey *keys,
                   size_t n_keys, const rp_ynode **found)
{
    if (params)
        return rp_ymap(y, params, rp_kind_what(y, rule), keys, n_keys, found);
    int err = 0;
    for (size_t i = 0; i < n_keys; i++) {
        found[i] = NULL;
        if (keys[i].required)
            err = rp_yerror_pos(y, rule->pos, "rule '%s' (kind '%s') needs params with key '%s'",
                                rule->id, rule->kind->name, keys[i].name);
    }
    return err;
}

int rp_kind_periods_param(rp_yctx *y, const rp_rule *rule, const rp_ynode *params,
                          const rp_model *m, int *periods)
{
    const char *unit = m->calendar.unit == RP_UNIT_WEEK ? "weeks" : "months";
    rp_ykey keys[] = {{unit, RP_Y_SCALAR, true}};
    const rp_ynode *v[1];
    if (rp_kind_params(y, rule, params, keys, 1, v) != 0)
        return -1;
    return rp_yint(y, v[0], unit, 1, m->calendar.periods_per_year * m->calendar.years, periods);
}

const char *rp_unit_word(const rp_model *m, double n)
{
    bool one = n == 1;
    if (m->calendar.unit == RP_UNIT_WEEK)
        return one ? _("week") : _("weeks");
    return one ? _("month") : _("months");
}

char *rp_span_text(const rp_model *m, int cohort, int first, int last)
{
    char a[11], b[11];
    rp_period_label(m, cohort, first, a);
    rp_period_end_label(m, cohort, last, b);
    if (first == last)
        return rp_xasprintf(_("%s %d (%s)"), m->calendar.unit == RP_UNIT_WEEK ? _("week") : _("month"),
                            first, a);
    return rp_xasprintf(_("%s %d-%d (%s to %s)"), rp_unit_word(m, 2), first, last, a, b);
}
