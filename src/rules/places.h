/*
 * places.h: what the programme-structure kinds (weeks-in, choose, max-stints, field-order) read
 * from their parameters: a set of places of training (`fields`, `departments`, `facilities`) and
 * a window of the programme (`year: 1` or `periods: [1, 26]`). The parsed structs are shared by a
 * rule's two halves; the matching below is the rows' (is this piece in the set, is this week in
 * the window): the checks ask check/judge.h's rp_judge_place and rp_judge_window instead.
 */
#ifndef ROTAPLAN_PLACES_H
#define ROTAPLAN_PLACES_H

#include <stdbool.h>
#include <stddef.h>

#include "model/yamlx.h"
#include "rotaplan/ilp.h"
#include "rotaplan/model.h"

/* Blocks a rule counts: a block is in the set when its facility is listed (or none is) and its
 * department's field or id is listed (or neither fields nor departments are). */
typedef struct rp_place_set {
    bool fields[RP_N_FIELDS];
    bool any_field;           /* some field listed */
    const char **departments; /* department ids (arena) */
    size_t n_departments;
    int *facilities;          /* facility indices (arena) */
    size_t n_facilities;
} rp_place_set;

/* Reads the set from the three optional nodes (at least one must be given; pos locates the error
 * when none is). Department ids must be known to the model, facilities must exist. 0 or -1. */
int rp_place_set_parse(rp_place_set *s, rp_yctx *y, const rp_rule *rule, const rp_ynode *fields,
                       const rp_ynode *departments, const rp_ynode *facilities,
                       const rp_model *m);
/* Reads a non-empty `departments:` sequence of department ids known to the model into *ids (arena)
 * and *n_ids (the ids read without error). 0 or -1 (every bad item reported). */
int rp_read_departments(rp_yctx *y, const rp_ynode *n, const rp_model *m, const char ***ids,
                        size_t *n_ids);
/* Whether a block at facility f, department d (RP_NONE: the facility as a whole, which has no
 * field and no department id) is in the set. */
bool rp_place_set_match(const rp_place_set *s, const rp_model *m, int f, int d);
/* "internal medicine (内科) at city", "departments cardiology, nephrology"... (heap). */
char *rp_place_set_describe(const rp_place_set *s, const rp_model *m);

/* A window of the programme: every period (first 0), a programme year, or periods first..last. */
typedef struct rp_window {
    int year;        /* 0: not by year */
    int first, last; /* periods when year is 0 and first > 0 */
} rp_window;

/* Reads `year: N` or `periods: [a, b]` (at most one; both absent: the whole programme). 0 or -1. */
int rp_window_parse(rp_window *w, rp_yctx *y, const rp_rule *rule, const rp_ynode *year,
                    const rp_ynode *periods, const rp_model *m);
/* Whether period p lies in the window (rp_period_year for a year: an extension belongs to the
 * last year). */
bool rp_window_has(const rp_window *w, const rp_model *m, int p);
/* " in year 1", " in weeks 1-26", or "" (static or heap: always heap, the caller frees). */
char *rp_window_describe(const rp_window *w, const rp_model *m);

/* Rows only (a check counts its own cells): adds to e, for resident r, each piece of the space
 * whose place is in s, with coefficient the number of its periods in the window w. */
void rp_place_set_add_pieces(rp_expr *e, const rp_place_set *s, const rp_window *w,
                             const rp_emit *em, size_t r);

/* The structure kinds count weeks: a model in months is refused at the rule, with a located
 * error, until they read months. 0 or -1. */
int rp_require_weeks(rp_yctx *y, const rp_rule *rule, const rp_model *m);

#endif
