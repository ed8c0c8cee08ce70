/*
 * objective.h: the objective of the ILP (internal to translate/).
 */
#ifndef ROTAPLAN_OBJECTIVE_H
#define ROTAPLAN_OBJECTIVE_H

#include "rotaplan/calendar.h"
#include "rotaplan/ilp.h"
#include "rotaplan/model.h"

/* Adds the wish and balance terms of the model's objective to ilp (maximised). */
void rp_objective_build(const rp_model *m, const rp_cohort *c, const rp_timeline *timelines,
                        const rp_space *s, rp_ilp *ilp);

#endif
