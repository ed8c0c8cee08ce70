/*
 * check.h: findings, and the check stage. Every rule's direct check (its meaning, written apart
 * from its rows) walks the plan's stints and reports every violation it sees: rule id, resident,
 * periods, what was required and what was found, with the rule's source in the seed. check never
 * sees the ILP.
 */
#ifndef ROTAPLAN_CHECK_H
#define ROTAPLAN_CHECK_H

#include <stdbool.h>
#include <stddef.h>

#include "rotaplan/calendar.h"
#include "rotaplan/diag.h"
#include "rotaplan/model.h"
#include "rotaplan/plan.h"

typedef enum rp_level {
    RP_LEVEL_VIOLATION, /* hard or enabled programme rule broken: exit 1 */
    RP_LEVEL_WARNING,   /* soft rule: reported, exit 0 */
    RP_LEVEL_FINDING,   /* reported for information (RAD-14 in its default reading) */
} rp_level;

typedef struct rp_finding {
    size_t rule;        /* index into model->rules */
    rp_level level;
    int resident;       /* index into plan->residents; RP_NONE when about the programme */
    int facility;       /* RP_NONE when about no single facility */
    int first, last;    /* resident periods; for RP_NONE residents, slots (rp_slot); 0 when none */
    char *required;     /* e.g. "at least 12 months"; owned */
    char *found;        /* e.g. "11 months"; owned */
    char *message;      /* one sentence a programme director understands; owned */
} rp_finding;

typedef struct rp_findings {
    rp_finding *items;
    size_t count, cap;
} rp_findings;

#define RP_FINDINGS_INIT {NULL, 0, 0}

void rp_findings_free(rp_findings *f);
size_t rp_findings_count(const rp_findings *f, rp_level level);
/* "violation", "warning" or "finding". */
const char *rp_level_name(rp_level level);

/* One period of a resident as the plan's block rows fill it. */
typedef struct rp_cell {
    int facility;   /* RP_NONE when no block covers the period */
    int department; /* RP_NONE when none named */
    int stint;      /* index into plan->stints of the block covering it, or -1 */
    const char *department_id; /* a department the facility does not run (see rp_stint) */
} rp_cell;

/* What a rule's check sees of one resident. */
typedef struct rp_resident_plan {
    const rp_resident *resident;     /* from the cohort (leave, pins) */
    const rp_plan_resident *planned; /* id, cohort, the course the plan says */
    int course;                      /* plan's course index, or RP_NONE */
    rp_timeline timeline;            /* statuses period by period */
    int horizon;
    rp_cell *cells;                  /* [horizon + 1], index 0 unused */
} rp_resident_plan;

typedef struct rp_check_ctx {
    const rp_model *model;
    const rp_cohort *cohort;
    const rp_plan *plan;
    rp_resident_plan *residents; /* parallel to plan->residents */
    size_t n_residents;
    rp_cohort *own_cohort; /* the cohort made of the plan when none was given, or NULL; owned */
} rp_check_ctx;

/*
 * rp_check_ctx_new: what every rule's check sees of plan: each resident's cells and timeline.
 * cohort gives the residents' leave; when NULL, every planned resident trains full time (a
 * cohort made of the plan, owned by the context). m, cohort and plan are borrowed and must
 * outlive the context. Returns 0 and sets *out (free with rp_check_ctx_free), or -1 with errors
 * in d when the plan and the cohort do not fit together (as rp_check_plan).
 */
int rp_check_ctx_new(const rp_model *m, const rp_cohort *cohort, const rp_plan *plan,
                     rp_check_ctx **out, rp_diags *d);
void rp_check_ctx_free(rp_check_ctx *ctx); /* NULL does nothing */

/* The first and last slot (rp_slot) any planned resident spans; *last < *first when the plan
 * has no resident. */
void rp_check_slots(const rp_check_ctx *ctx, long *first, long *last);

/* The level of a finding of rule: a warning for a soft rule, else a violation. */
rp_level rp_rule_level(const rp_rule *rule);
/* Whether rule judges the cohort's data rather than the plan (an intake rule, or a kind marked
 * on_cohort: the experience counts of RAD-16..19): its violations are the input's, reported
 * with exit 1 like a plan's, never a disagreement between the rows and the check. */
bool rp_rule_on_cohort(const rp_rule *rule);

/* ---- intake: what the rules that limit a programme's intake count (rule.h's intake hook) ---- */

/* Residents by the year they start, from the first year to the last. */
typedef struct rp_intake_years {
    int first, last; /* last < first when there is no resident */
    int *count;      /* [last - first + 1]; owned */
} rp_intake_years;

/* The starting years of a plan's residents, or of a cohort's. Free with rp_intake_years_free. */
void rp_intake_years_of_plan(const rp_plan *p, rp_intake_years *out);
void rp_intake_years_of_cohort(const rp_cohort *c, rp_intake_years *out);
void rp_intake_years_free(rp_intake_years *y);
/* Residents starting in year (0 outside first..last). */
int rp_intake_in(const rp_intake_years *y, int year);

/* A span of consecutive starting years whose residents together a rule limits: one year
 * (RAD-13), k consecutive years (RAD-14), the two years in training at once (INIT-71). */
typedef struct rp_intake_window {
    int first_year; /* the window's first starting year */
    int years;      /* consecutive starting years it spans */
    int intake;     /* residents starting in them */
    int limit;      /* at most this many */
} rp_intake_window;

/* What one intake rule says of an intake: its windows (over the limit when intake > limit). */
typedef struct rp_intake_limit {
    rp_intake_window *windows; /* heap; free with rp_intake_limit_free */
    size_t n_windows;
    rp_level level;  /* of a window over its limit */
    int yearly;      /* the most residents one year may take, RP_NONE when the rule limits
                      * several years together only */
    bool states_cap; /* the rule states the programme's yearly intake cap itself (RAD-13) */
} rp_intake_limit;

void rp_intake_limit_free(rp_intake_limit *l);

/* ---- tallies: the counts a rule judges per resident (experience targets, RAD-16..19) ---- */

typedef struct rp_tally {
    const char *label; /* the target: an item id or a total's name; borrowed from the model */
    double count;      /* logged, plus the projection when projected */
    int target;        /* at least this many */
    bool logged;       /* the residents file logs some item of it */
    bool projected;    /* the count adds the rule's yields over the plan's months */
    bool supplemented; /* an approved course makes up its shortfall */
} rp_tally;

/* ---- loads: what capacity rules count, place by place and slot by slot ---- */

/* A place a capacity rule caps, with its load on every slot of the plan. */
typedef struct rp_capped {
    int facility;              /* RP_NONE: the whole programme */
    int department;            /* RP_NONE: the facility as a whole, or department_id */
    const char *department_id; /* a department the facility does not run, named by the plan
                                * (borrowed from it), or NULL */
    double capacity;           /* residents at once, as the model states it */
    double *load;              /* [last - first + 1]: the load on slot first + i; owned */
    double *limit;             /* [last - first + 1]: the capacity on slot first + i, what-if
                                * changes included (else capacity); owned */
} rp_capped;

typedef struct rp_loads {
    long first, last; /* the slots, as rp_check_slots */
    rp_capped *places;
    size_t n_places, cap_places;
} rp_loads;

/* Empty loads over the slots of ctx's plan; free with rp_loads_free. */
void rp_loads_init(rp_loads *l, const rp_check_ctx *ctx);
/* Appends a place with a zero load and the capacity as its limit on every slot; returns it
 * (valid until the next add). */
rp_capped *rp_loads_add(rp_loads *l, int facility, int department, const char *department_id,
                       double capacity);
void rp_loads_free(rp_loads *l);
/* Whether a load exceeds the place's limit on slot first + i (the comparison every capacity
 * check makes). */
bool rp_capped_over(const rp_capped *p, long i, double load);
/* A maximal run of slots where a place's load exceeds its limit. */
typedef struct rp_capped_run {
    long first, last; /* slots */
    double worst;     /* the largest load of the run */
    double limit;     /* the smallest limit of the run */
} rp_capped_run;
/* The next run of p at or after slot *from: returns true, fills *run and moves *from past it;
 * false when no slot from there on is over. */
bool rp_capped_next_run(const rp_loads *l, const rp_capped *p, long *from, rp_capped_run *run);

/* Runs: the maximal sequences of periods with one facility (RP_NONE included). Starting at
 * period `from`, returns the run's first period and sets *facility and *last; returns 0 when
 * from is past the horizon. */
int rp_next_run(const rp_resident_plan *rp, int from, int *facility, int *last);

/* Period p of resident r as the crediting of credit.h sees it: its block and the parallel rows
 * active in it (at most max of them are written to sessions; *n_sessions counts them all). */
struct rp_week;
struct rp_session;
void rp_check_week(const rp_check_ctx *ctx, size_t r, int p, struct rp_session *sessions,
                   size_t max, size_t *n_sessions, struct rp_week *out);

/* "resident 2019-03" style label for messages. */
const char *rp_check_resident_id(const rp_check_ctx *ctx, int resident);

/* Adds a finding of rule (an element of ctx->model->rules); level follows the rule's class
 * (soft rules give warnings). required/found may be NULL. Returns the new finding. */
rp_finding *rp_finding_add(rp_findings *out, const rp_check_ctx *ctx, const rp_rule *rule,
                           int resident, int facility, int first, int last, const char *required,
                           const char *found, const char *fmt, ...)
    __attribute__((format(printf, 10, 11)));

/*
 * rp_check_plan: runs the direct check of every enabled rule of m over plan. cohort gives the
 * residents' leave and pins; it may be NULL (then every resident trains full-time and the plan's
 * own resident list is used). Returns 0, or -1 with errors in d when the plan and the cohort do
 * not fit together (a resident of the plan missing from the cohort, a cohort year that differs).
 * Findings are appended to out sorted by rule, then resident, then period.
 */
int rp_check_plan(const rp_model *m, const rp_cohort *cohort, const rp_plan *plan,
                  rp_findings *out, rp_diags *d);

#endif
