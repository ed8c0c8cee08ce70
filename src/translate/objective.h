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

/* Adds the terms that shape a plan as a programme builds one (shape.c): stints of a field beyond
 * the first, time away from the core hospital, time in one field beyond objective.field_periods,
 * and the periods off the model's standard rotation, each by its weight (0: left out). */
void rp_objective_shape(const rp_model *m, const rp_cohort *c, const rp_timeline *timelines,
                        const rp_space *s, rp_ilp *ilp);

#endif
