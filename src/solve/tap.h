/*
 * tap.h: a look into rp_solve's searches, for the tests only (internal to solve/). A stop that
 * comes inside one long node LP, where GLPK calls no callback for seconds, is left by the
 * guard's jump (guard.h); a test makes that happen on a small problem, at a point it chooses,
 * from the tap: it raises the stop flag, lets more than RP_GUARD_PATIENCE seconds pass and
 * prints through GLPK (glp_printf), as a node LP does every 5 s.
 */
#ifndef ROTAPLAN_SOLVE_TAP_H
#define ROTAPLAN_SOLVE_TAP_H

#include "rotaplan/solve.h"

#include <glpk.h>

typedef struct rp_solve_tap {
    /* called at the end of every branch-and-cut callback of rp_solve's searches, after the
     * callback has read the stop and kept GLPK's incumbent */
    void (*fn)(void *ctx, glp_tree *tree);
    void *ctx;
} rp_solve_tap;

/* rp_solve, with tap (NULL: none, which is rp_solve). Returns as rp_solve. */
int rp_solve_tapped(const rp_ilp *ilp, const rp_solve_options *opt, const rp_solve_tap *tap,
                    rp_solve_result *res, rp_diags *d);
/* rp_solve_partial, with tap. Returns as rp_solve_partial. */
int rp_solve_partial_tapped(const rp_ilp *ilp, const double *fixed, const rp_solve_options *opt,
                            const rp_solve_tap *tap, double **x);

/* rp_solve_elastic within node_limit branch-and-bound nodes (0: no budget) instead of its own
 * budget. Returns as rp_solve_elastic. */
int rp_solve_elastic_within(const rp_ilp *ilp, double time_limit, long node_limit, int **rows,
                            size_t *n_rows, double **x);

#endif
