/*
 * randprob.c: small random 0/1 problems for the solver's unit tests (randprob.h).
 */
#include "randprob.h"
#include "support.h"

#include <stdio.h>

void t_randprob_make(const t_randprob_shape *shape, unsigned seed, t_randprob *pb)
{
    unsigned s = seed * shape->seed_factor;
    pb->n = shape->n;
    pb->m = shape->m;
    for (int i = 0; i < pb->m; i++) {
        int sum = 0;
        for (int j = 0; j < pb->n; j++) {
            pb->a[i][j] = shape->a_low + (int)(t_draw(&s) % (unsigned)shape->a_span);
            sum += pb->a[i][j];
        }
        pb->b[i] = shape->b_num * sum / shape->b_den;
    }
    for (int j = 0; j < pb->n; j++)
        pb->c[j] = 1 + (int)(t_draw(&s) % (unsigned)shape->c_span);
}

rp_ilp *t_randprob_ilp(const t_randprob *pb)
{
    rp_ilp *ilp = rp_ilp_new();
    char name[16];
    for (int j = 0; j < pb->n; j++) {
        snprintf(name, sizeof name, "x%d", j);
        int col = rp_ilp_add_col(ilp, name, RP_COL_BINARY, 0, 1);
        rp_ilp_add_obj(ilp, col, pb->c[j]);
    }
    rp_row_tag tag = {RP_NONE, RP_NONE, RP_NONE, 0, 0};
    for (int i = 0; i < pb->m; i++) {
        rp_expr e = {0};
        for (int j = 0; j < pb->n; j++)
            if (pb->a[i][j])
                rp_expr_add(&e, j, pb->a[i][j]);
        snprintf(name, sizeof name, "r%d", i);
        rp_ilp_add_row(ilp, name, &e, RP_LE, pb->b[i], tag);
        rp_expr_free(&e);
    }
    return ilp;
}

bool t_randprob_feasible(const t_randprob *pb, unsigned mask)
{
    for (int i = 0; i < pb->m; i++) {
        int lhs = 0;
        for (int j = 0; j < pb->n; j++)
            if (mask >> j & 1)
                lhs += pb->a[i][j];
        if (lhs > pb->b[i])
            return false;
    }
    return true;
}

int t_randprob_value(const t_randprob *pb, unsigned mask)
{
    int z = 0;
    for (int j = 0; j < pb->n; j++)
        if (mask >> j & 1)
            z += pb->c[j];
    return z;
}

int t_randprob_best(const t_randprob *pb, unsigned start, unsigned keep)
{
    int best = -1;
    for (unsigned mask = 0; mask < 1u << pb->n; mask++)
        if ((mask & keep) == (start & keep) && t_randprob_feasible(pb, mask) &&
            t_randprob_value(pb, mask) > best)
            best = t_randprob_value(pb, mask);
    return best;
}

double t_lp_optimum(glp_prob *p)
{
    glp_smcp parm;
    glp_init_smcp(&parm);
    parm.msg_lev = GLP_MSG_OFF;
    assert_int_equal(glp_simplex(p, &parm), 0);
    assert_int_equal(glp_get_status(p), GLP_OPT);
    return glp_get_obj_val(p);
}
