/*
 * fixing.c: reduced-cost fixing at an LP optimum (fixing.h).
 */
#include "solve/fixing.h"

#include <math.h>
#include <stdbool.h>

/* A reduced cost smaller than this moves no bound (the steps it allows are past any bound). */
#define TINY_COST 1e-9

/* The new bounds of integer column j nonbasic at a bound, when room (z - best, with the
 * tolerance) allows fewer steps away from it than its bounds do. Returns 1 when they moved. */
static int fix_column(glp_prob *p, int j, double room)
{
    int stat = glp_get_col_stat(p, j), type = glp_get_col_type(p, j);
    double d = glp_get_col_dual(p, j);
    double lb = glp_get_col_lb(p, j), ub = glp_get_col_ub(p, j);
    bool has_ub = type == GLP_UP || type == GLP_DB;
    bool has_lb = type == GLP_LO || type == GLP_DB;
    if (stat == GLP_NL && d < -TINY_COST) {
        double to = lb + floor(room / -d + 1e-9);
        if (has_ub && to >= ub)
            return 0;
        glp_set_col_bnds(p, j, to == lb ? GLP_FX : GLP_DB, lb, to);
        return 1;
    }
    if (stat == GLP_NU && d > TINY_COST) {
        double from = ub - floor(room / d + 1e-9);
        if (has_lb && from <= lb)
            return 0;
        glp_set_col_bnds(p, j, from == ub ? GLP_FX : GLP_DB, from, ub); /* stays GLP_NU */
        return 1;
    }
    return 0;
}

int rp_fix_by_reduced_cost(glp_prob *p, double best)
{
    if (glp_get_status(p) != GLP_OPT || !isfinite(best))
        return 0;
    double room = glp_get_obj_val(p) - best + 1e-6 * fmax(1.0, fabs(best));
    if (room < 0)
        return 0; /* no plan as good as best in this LP: the search will say so */
    int n = glp_get_num_cols(p), moved = 0;
    for (int j = 1; j <= n; j++)
        if (glp_get_col_kind(p, j) != GLP_CV && glp_get_col_type(p, j) != GLP_FX)
            moved += fix_column(p, j, room);
    return moved;
}
