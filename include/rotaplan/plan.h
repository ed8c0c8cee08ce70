/*
 * plan.h: per-resident stints, what decode produces from a solution, what the plan reader
 * produces from a YAML or CSV file (a hand-made one too), and what check and report read.
 *
 * Ownership: a plan owns its residents, stints and strings (rp_plan_free). Facility, department
 * and course fields are indices into the model the plan was made or read against.
 */
#ifndef ROTAPLAN_PLAN_H
#define ROTAPLAN_PLAN_H

#include <stdbool.h>
#include <stddef.h>

#include "rotaplan/diag.h"
#include "rotaplan/model.h"

typedef enum rp_mode { RP_MODE_BLOCK, RP_MODE_PARALLEL } rp_mode;

typedef struct rp_stint {
    int resident;         /* index into plan->residents */
    int facility;         /* index into model->facilities; RP_NONE: no facility (study abroad) */
    int department;       /* index into the facility's departments, or RP_NONE */
    rp_mode mode;
    int first, last;      /* periods of the resident's own calendar, 1-based, inclusive */
    double days_per_week; /* parallel rows only; 0 on blocks */
    int line;             /* line of the plan file it was read from; 0 when rotaplan made it */
    const char *department_id; /* a department the facility does not run (a hand-made plan may
                                * name one the model knows elsewhere: its rules then judge it);
                                * NULL otherwise. Owned by the plan's arena. */
    bool night;           /* parallel rows only: a night of duty (当直) a week, days_per_week
                           * nights, beside the block (INIT-35); mode 'night' in a plan file */
    bool visit;           /* parallel rows only: days at another facility (a 保健所) during a
                           * block, days_total of them (INIT-44); mode 'visit' in a plan file */
    double days_total;    /* parallel rows only: the session days over first..last in all, each
                           * of days_per_week (1, or 0.5 for a morning), on days the programme
                           * need not fix (INIT-39, 000 Q15 L28); 0: days_per_week every week */
} rp_stint;

/* The days a week a parallel row takes on average: days_per_week, or for a row given as a total
 * (days_total) its days spread evenly over its weeks. */
double rp_stint_week_days(const rp_stint *s);

typedef struct rp_plan_resident {
    const char *id;
    const char *name; /* may be NULL */
    int cohort;
    int course; /* index into model->courses, or RP_NONE when the plan names none */
    int line;   /* first line that names the resident in a read plan; 0 otherwise */
} rp_plan_resident;

/* A rule of class PROG (a programme's own choice) that the plan bends for one resident over some
 * periods, as a what-if decided when no plan kept it. check reports the rule's violations there
 * as findings, not violations. Hard rules never bend. */
typedef struct rp_bend {
    int rule;     /* index into model->rules, a rule of class PROG */
    int resident; /* index into plan->residents */
    int first, last;
} rp_bend;

typedef enum rp_plan_status {
    RP_PLAN_GIVEN,    /* read from a file: nothing is known of its optimality */
    RP_PLAN_OPTIMAL,  /* proven optimal within the requested gap */
    RP_PLAN_FEASIBLE, /* a compliant plan, not proven optimal (time limit) */
    RP_PLAN_BEST_EFFORT, /* no compliant plan exists: the fewest violations (--best-effort) */
} rp_plan_status;

typedef struct rp_plan {
    rp_plan_resident *residents;
    size_t n_residents, cap_residents;
    rp_stint *stints; /* sorted by rp_plan_sort: resident, mode, first period */
    size_t n_stints, cap_stints;
    rp_plan_status status;
    double objective, bound, gap; /* when made by the solver */
    const char *model_id;         /* the model it was made for; may be NULL */
    const char *source;           /* the file it was read from; NULL when made */
    rp_bend *bends;
    size_t n_bends, cap_bends;
    struct rp_arena *arena;
} rp_plan;

rp_plan *rp_plan_new(void);
void rp_plan_free(rp_plan *p); /* NULL does nothing */
/* Appends a resident (strings are copied) and returns its index. */
int rp_plan_add_resident(rp_plan *p, const char *id, const char *name, int cohort, int course);
/* Index of the resident with this id, or RP_NONE. */
int rp_plan_resident_index(const rp_plan *p, const char *id);
void rp_plan_add_stint(rp_plan *p, const rp_stint *s); /* copies s and its department_id */
void rp_plan_sort(rp_plan *p);
void rp_plan_add_bend(rp_plan *p, const rp_bend *b);
/* Whether the plan declares a bend of rule for resident overlapping periods first..last. */
bool rp_plan_bends(const rp_plan *p, int rule, int resident, int first, int last);

/*
 * rp_plan_read: reads a plan written by rotaplan, or made by hand, from YAML or CSV (chosen by
 * the file's extension: .csv, else YAML). Returns 0 and sets *out, or -1 with every error located
 * in d (unknown facility or department, a bad period, a date that disagrees with its period, a
 * resident whose cohort or course changes between rows...).
 */
int rp_plan_read(const rp_model *m, const char *path, rp_plan **out, rp_diags *d);

#endif
