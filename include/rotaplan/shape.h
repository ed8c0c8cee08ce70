/*
 * shape.h: the shape of a plan, as a programme director reads it, and the standard rotation a
 * model may declare. The objective (translate/shape.c) and the measure printed by `plan` and the
 * HTML report (report/shape.c) read the same definitions from here:
 *   - a field of a block: its department's field (IM, EM, ...), the department id itself for an
 *     elective (so that radiology and dermatology are two fields), the facility for a facility
 *     planned as a whole or in a model without a table of fields (radiology: keio, st-lukes...);
 *   - a block: a maximal run of periods at one facility and department (what the CSV lists);
 *   - a stint of a field: a maximal run of consecutive periods whose blocks are in that field;
 *   - the distance from the standard rotation: the periods in which a resident's block does not
 *     match the block that the resident's offset group follows then (free-choice blocks, periods
 *     without a facility and periods beyond the pattern never count).
 */
#ifndef ROTAPLAN_SHAPE_H
#define ROTAPLAN_SHAPE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "rotaplan/model.h"
#include "rotaplan/plan.h"

/* The field of a block at (facility, department) as above: a name borrowed from the model (or a
 * static field code), valid until rp_model_free. RP_NONE facility: NULL. */
const char *rp_shape_field(const rp_model *m, int facility, int department);

/* Whether facility f is the core hospital (a facility of kind core; in a model whose
 * facilities have no kind, the base): where a resident is at home, not away. */
bool rp_shape_home(const rp_model *m, int facility);

/* The offset group of the resident with this id and cohort among n residents (ids[i], cohorts[i]):
 * the rank of its id (byte order) among those of its cohort, modulo the standard's groups; 0
 * without a standard rotation. Independent of the order of the list. */
int rp_standard_group(const rp_model *m, const char *id, int cohort, const char *const *ids,
                      const int *cohorts, size_t n);

/* The block of the standard rotation that group follows in period p (1-based, the resident's own
 * calendar), or NULL beyond the pattern or without a standard rotation. */
const rp_std_block *rp_standard_block(const rp_model *m, int group, int p);

/* Whether a block at (facility, department) follows b (a free block matches everything). */
bool rp_standard_matches(const rp_model *m, const rp_std_block *b, int facility,
                         int department);

/* A summary of n values: min, median (the lower middle one), max; zeros when n is 0. */
typedef struct rp_spread {
    double min, median, max;
} rp_spread;

/* The shape of a plan (rp_shape_measure). Arrays per resident of the plan, owned. */
typedef struct rp_shape {
    size_t n_residents;
    int *blocks;         /* blocks (block stints) of each resident */
    int *stints;         /* stints of all fields of each resident */
    int *fields;         /* fields each resident visits */
    int *split;          /* fields each resident visits in more than one stint */
    int *max_stints;     /* the most stints of one field, per resident */
    int *away;           /* periods away from the core hospital (base) */
    int *distance;       /* periods off the standard rotation; -1 without one */
    int *pattern;        /* periods the standard rotation counts (its non-free periods) */
    /* the fields (names as rp_shape_field) with the most stints any resident has in each */
    const char **field_names;
    int *field_max_stints;
    size_t n_fields;
} rp_shape;

/* Measures plan p (blocks only; parallel rows are sessions, not blocks). Returns 0 and fills
 * *out (free with rp_shape_free). */
void rp_shape_measure(const rp_model *m, const rp_plan *p, rp_shape *out);
void rp_shape_free(rp_shape *s);
rp_spread rp_spread_of(const int *values, size_t n);

/* Writes the measure in lines of text, each starting with prefix: blocks per resident, stints
 * per field, the fields split, periods away from the core, distance from the standard. */
void rp_shape_print(const rp_model *m, const rp_shape *s, const char *prefix, FILE *out);

#endif
