/*
 * rins.h: a better plan near the start plan before the search (internal to solve/), after the
 * RINS heuristic (Danna, Rothberg and Le Pape, "Exploring relaxation induced neighborhoods to
 * improve MIP solutions", Math. Program. 2005): every integer column on which the plan and the
 * LP relaxation's optimum agree is fixed at that value, and the small problem left over (the
 * columns where they disagree, and every continuous column) is searched with GLPK's presolver
 * for a bounded number of nodes, again around each better plan found. Then the residents that
 * disagree with the LP are planned again whole, a few at a time (the same searches, with those
 * residents' columns free too). On the radiology programme's 3 x 24 instances the first plan
 * was 0.2-0.4% below the optimum and the search took minutes to find better ones; with a poor
 * incumbent it cannot prune (BENCHMARKS.md, "Radiology at full intake, the neighbourhood of the
 * first plan").
 */
#ifndef ROTAPLAN_SOLVE_RINS_H
#define ROTAPLAN_SOLVE_RINS_H

#include "rotaplan/ilp.h"
#include "solve/guard.h"

#include <glpk.h>

/* The node budget of the neighbourhood's search: a count, not seconds, so that whether it finds
 * a plan is the same on every machine. */
enum { RP_RINS_NODES = 2000 };
/* At most this many neighbourhoods are searched, each around the best plan so far. */
enum { RP_RINS_ROUNDS = 12 };
/* Residents planned again together in one neighbourhood of the residents' rounds. */
enum { RP_RINS_GROUPS = 6 };

/*
 * rp_rins: lp holds the LP relaxation's optimum of ilp (the problem rp_ilp_to_glpk makes, solved
 * by glp_simplex; cuts may be added, and columns fixed where no plan better than start moves
 * them, fixing.h: those stay fixed in every neighbourhood); start (1-based, x[0] unused) is a
 * plan that satisfies every row, of objective start_objective; group_of (a column's resident,
 * or -1; NULL: no residents' rounds) and n_groups say which columns are one resident's. Searches
 * the neighbourhoods above, at most RP_RINS_ROUNDS of them, each within node_limit nodes, under
 * g's stop.
 * Returns 1 and sets *better (1-based, n_cols + 1 values, the caller frees) and *objective when
 * it found a plan that satisfies every row of ilp (checked here, to 1e-6) with an objective
 * above start_objective by more than 1e-9 relative; 0 when not; RP_GUARD_STOPPED when the stop
 * ended a search (then lp and every other GLPK object are gone, guard.h; *better and *objective
 * are set when a plan was found before the stop, else *better is left as it was).
 */
int rp_rins(const rp_ilp *ilp, glp_prob *lp, const double *start, double start_objective,
            const int *group_of, size_t n_groups, rp_guard *g, long node_limit,
            double **better, double *objective);

#endif
