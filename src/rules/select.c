/*
 * select.c: see select.h.
 */
#include "rules/select.h"
#include "util/util.h"
#include "util/i18n.h"

#include <string.h>


int rp_selector_parse(rp_selector *sel, rp_yctx *y, const rp_ynode *node, const rp_model *m,
                      const char *what)
{
    static const rp_ykey keys[] = {
        {"role", RP_Y_SCALAR, false},
        {"accreditation", RP_Y_SCALAR, false},
        {"rt_capable", RP_Y_SCALAR, false},
        {"ids", RP_Y_SEQ, false},
    };
    const rp_ynode *v[4];
    memset(sel, 0, sizeof *sel);
    sel->role = sel->accreditation = sel->rt_capable = -1;
    if (rp_ymap(y, node, what, keys, 4, v) != 0)
        return -1;
    int err = 0;
    if (v[0] && rp_yenum(y, v[0], "role", rp_role_names, RP_N_ROLES, &sel->role) != 0)
        err = -1;
    if (v[1] && rp_yenum(y, v[1], "accreditation", rp_accreditation_names, RP_N_ACCREDITATIONS,
                         &sel->accreditation) != 0)
        err = -1;
    if (v[2]) {
        bool b;
        if (rp_ybool(y, v[2], "rt_capable", &b) != 0)
            err = -1;
        else
            sel->rt_capable = b;
    }
    if (v[3] && rp_yfacilities(y, v[3], m, "ids", &sel->ids, &sel->n_ids) != 0)
        err = -1;
    if (!err && !v[0] && !v[1] && !v[2] && !v[3])
        err = rp_yerror(y, node, "empty facility selector in %s; expected one of 'role', "
                                 "'accreditation', 'rt_capable', 'ids'", what);
    return err;
}

bool rp_selector_match(const rp_selector *sel, const rp_model *m, int facility)
{
    if (facility < 0)
        return false;
    const rp_facility *f = &m->facilities[facility];
    if (sel->role >= 0 && (int)f->role != sel->role)
        return false;
    if (sel->accreditation >= 0 && (int)rp_facility_accreditation(m, facility) != sel->accreditation)
        return false;
    if (sel->rt_capable >= 0 && rp_facility_rt_capable(m, facility) != (sel->rt_capable == 1))
        return false;
    if (sel->n_ids) {
        for (size_t i = 0; i < sel->n_ids; i++)
            if (sel->ids[i] == facility)
                return true;
        return false;
    }
    return true;
}

char *rp_selector_describe(const rp_selector *sel, const rp_model *m)
{
    rp_buf b = {0};
    if (sel->n_ids) {
        for (size_t i = 0; i < sel->n_ids; i++)
            rp_buf_printf(&b, "%s%s", i ? ", " : "", m->facilities[sel->ids[i]].id);
        return rp_buf_take(&b);
    }
    if (sel->rt_capable == 1)
        rp_buf_add(&b, _("radiotherapy-capable "));
    else if (sel->rt_capable == 0)
        rp_buf_add(&b, _("non-radiotherapy "));
    if (sel->accreditation >= 0)
        rp_buf_printf(&b, "%s ", rp_accreditation_names[sel->accreditation]);
    if (sel->role == RP_ROLE_BASE && b.len == 0)
        rp_buf_add(&b, _("the base facility"));
    else if (sel->role == RP_ROLE_BASE)
        rp_buf_add(&b, _("base facility"));
    else if (sel->role >= 0)
        rp_buf_printf(&b, _("%s facilities"), rp_role_names[sel->role]);
    else
        rp_buf_add(&b, _("facilities"));
    return rp_buf_take(&b);
}

int rp_dept_filter_parse(rp_dept_filter *df, rp_yctx *y, const rp_ynode *node, const rp_model *m,
                         const char *what)
{
    (void)m;
    size_t n;
    memset(df, 0, sizeof *df);
    if (rp_yseq(y, node, what, &n) != 0)
        return -1;
    df->ids = rp_arena_alloc(rp_yarena(y), (n + 1) * sizeof *df->ids);
    int err = 0;
    for (size_t i = 0; i < n; i++)
        if (rp_yid(y, rp_yseq_item(y, node, i), what, &df->ids[i]) != 0)
            err = -1;
    df->n_ids = n;
    return err;
}

bool rp_dept_filter_match(const rp_dept_filter *df, const rp_model *m, int facility,
                          int department)
{
    if (df->n_ids == 0 || department < 0 || facility < 0)
        return true;
    const char *id = m->facilities[facility].departments[department].id;
    for (size_t i = 0; i < df->n_ids; i++)
        if (strcmp(df->ids[i], id) == 0)
            return true;
    return false;
}
