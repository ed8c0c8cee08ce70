/*
 * glpk_bridge.h: the seam between rotaplan's ILP and GLPK, shared by translate/ilp.c (which builds
 * the glp_prob) and solve/ (solve.c runs it; sequential.c builds its own small problems from the
 * ILP's rows). Nothing outside those files includes glpk.h.
 */
#ifndef ROTAPLAN_GLPK_BRIDGE_H
#define ROTAPLAN_GLPK_BRIDGE_H

#include <glpk.h>
#include <stdbool.h>

#include "rotaplan/ilp.h"

/* A GLPK problem (maximisation) holding ilp. Column j+1 is ilp column j. fix_lb/fix_ub, when not
 * NULL, override the bounds of the columns whose value there is not NAN. Rows of rule skip_rule
 * are left out (RP_NONE keeps every row). The caller deletes it with glp_delete_prob. */
glp_prob *rp_ilp_to_glpk(const rp_ilp *ilp, const double *fix_lb, const double *fix_ub,
                         int skip_rule);

/* The pieces of that translation, for the small problems solve/ builds from the ILP's rows and
 * columns: GLPK's kind of a column of kind k; the bounds lb..ub (an infinite one: none) of
 * column j of p, or of row j when is_row; row i of p as `sense rhs`. */
int rp_glpk_kind(rp_col_kind k);
void rp_glpk_set_bounds(glp_prob *p, int j, double lb, double ub, bool is_row);
void rp_glpk_set_row(glp_prob *p, int i, rp_sense sense, double rhs);

#endif
