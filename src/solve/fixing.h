/*
 * fixing.h: reduced-cost fixing at an LP optimum (internal to solve/). At the optimum z of the
 * LP relaxation (maximised), an integer column nonbasic at its lower bound with reduced cost
 * d < 0 bounds every point with that column k above its bound by z + d k (LP duality: the dual
 * solution stays feasible), and likewise at its upper bound with d > 0. A plan as good as best
 * (the best plan known) therefore keeps the column within floor((z - best) / |d|) of the bound,
 * and the column's other bound is moved there: at 0 room, the column is fixed. The plans worse
 * than best are all that goes; the search, which looks for better plans, loses nothing, and its
 * LPs lose the columns (GLPK's simplex leaves fixed nonbasic columns out). GLPK does the same at
 * the nodes of its own search; this is for the root's rounds before it (gomory.h).
 */
#ifndef ROTAPLAN_SOLVE_FIXING_H
#define ROTAPLAN_SOLVE_FIXING_H

#include <glpk.h>

/* On p, whose LP optimum glp_simplex has just found (its basis and duals current): moves the
 * bounds of the integer columns that no plan of objective best or more can move as far (with a
 * tolerance of 1e-6 relative in the plans' favour). p's basis and solution stay as they are, and
 * optimal. Returns how many columns had a bound moved. */
int rp_fix_by_reduced_cost(glp_prob *p, double best);

#endif
