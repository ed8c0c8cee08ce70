/*
 * space.h: building the assignment space of ilp.h (internal to translate/ and decode/).
 */
#ifndef ROTAPLAN_SPACE_H
#define ROTAPLAN_SPACE_H

#include <stdbool.h>

#include "rotaplan/calendar.h"
#include "rotaplan/diag.h"
#include "rotaplan/ilp.h"
#include "rotaplan/model.h"
#include "rotaplan/translate.h"

/*
 * rp_space_build: generates every resident's pieces (their columns go into ilp) and the course
 * columns with their choose-one rows. plain: pieces of one period, no admit hooks. Periods that
 * no piece can hold are listed in *uncovered (the caller frees the array); the space is
 * built regardless, and RAD-06's rows then show them as violated. The options (translate.h) say
 * whether the pieces are plain, cut at the model's change dates, or free of the PROG rules'
 * admit hooks.
 */
rp_space *rp_space_build(const rp_model *m, const rp_cohort *c, const rp_timeline *timelines,
                         rp_ilp *ilp, const rp_translate_options *opt, rp_uncovered **uncovered,
                         size_t *n_uncovered);
void rp_space_free(rp_space *s);

/* The first rule other than those of class PROG whose admit hook refuses candidate c for resident
 * r (res), or -1 when they all admit it. */
int rp_space_refuser(const rp_space *s, size_t r, const rp_resident *res, const rp_piece *c);

/* Whether the planner plans a facility department by department (one of its departments has a
 * capacity) or as a whole. */
bool rp_space_by_department(const rp_facility *f);

/* The course a resident follows when it is fixed, or RP_ANY. */
int rp_space_fixed_course(const rp_space *s, size_t r);

/* "r<i>": the short resident tag used in column and row names. */
void rp_space_name_part(const char *text, char *out, size_t size);

#endif
