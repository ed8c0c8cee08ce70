/*
 * glpk_bridge.h: the seam between rotaplan's ILP and GLPK, shared by translate/ilp.c (which builds
 * the glp_prob) and solve/ (solve.c runs it; sequential.c builds its own small problems from the
 * ILP's rows). Nothing outside those files includes glpk.h.
 */
#ifndef ROTAPLAN_GLPK_BRIDGE_H
#define ROTAPLAN_GLPK_BRIDGE_H

#include <glpk.h>

#include "rotaplan/ilp.h"

/* A GLPK problem (maximisation) holding ilp. Column j+1 is ilp column j. fix_lb/fix_ub, when not
 * NULL, override the bounds of the columns whose value there is not NAN. Rows of rule skip_rule
 * are left out (RP_NONE keeps every row). The caller deletes it with glp_delete_prob. */
glp_prob *rp_ilp_to_glpk(const rp_ilp *ilp, const double *fix_lb, const double *fix_ub,
                         int skip_rule);

#endif
