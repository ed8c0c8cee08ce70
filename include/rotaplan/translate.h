/*
 * translate.h: model + cohort -> the ILP. The translator generates each resident's pieces (shaped
 * by the rules' admit hooks and by pins), the course columns, every enabled rule's rows and the
 * objective (ranked wishes, balanced facility load). decode.h turns a solution back into a plan.
 */
#ifndef ROTAPLAN_TRANSLATE_H
#define ROTAPLAN_TRANSLATE_H

#include <stdbool.h>

#include "rotaplan/calendar.h"
#include "rotaplan/diag.h"
#include "rotaplan/ilp.h"
#include "rotaplan/model.h"
#include "rotaplan/plan.h"

typedef struct rp_translate_options {
    /* One piece per resident, facility and period, whatever the rules' admit hooks say: the
     * plain time-indexed model, for tests that substitute a hand-made plan into every row. */
    bool plain;
    /* Leave out the objective (feasibility only). */
    bool no_objective;
    /* What-if: also offer every piece cut in two at each date where one of the model's changes
     * starts or ends, when the hard rules admit the parts; a part that a rule of class PROG
     * refuses is flagged bent (a resident may have to leave a withdrawn facility inside a
     * rotation unit). */
    bool split_at_changes;
    /* What-if: the rows of the rules of class PROG may bend: each gets a slack column
     * (bend_cols). */
    bool programme_elastic;
    /* What-if: the PROG rules' admit hooks shape no piece, and every rule writes its complete
     * rows (with programme_elastic, PROG rules bend wherever they must). */
    bool programme_unshaped;
    /* split_at_changes: the residents (cohort order) whose pieces are cut, NULL for all: a
     * what-if cuts those of the residents a change touches, who may have to move mid-unit */
    const bool *cut_residents;
    /* What-if and plan --keep: the earlier plan. Each piece of one of its residents also comes
     * in the variant with the weekly parallel session (a night of duty, or a day session) that
     * the earlier plan holds over all the piece's periods at that facility, when the model
     * offers no such variant itself, so that a past with sessions can be kept. NULL: none. */
    const rp_plan *earlier;
} rp_translate_options;

/* A period of a resident that no piece can hold: the rule whose admit hook refused the candidate
 * pieces covering it (RP_NONE when none did), and whether the resident's pins were in the way. */
typedef struct rp_uncovered {
    int resident, period;
    int rule;
    bool pinned;
} rp_uncovered;

typedef struct rp_translation {
    const rp_model *model;   /* borrowed */
    const rp_cohort *cohort; /* borrowed */
    rp_ilp *ilp;
    rp_space *space;
    rp_timeline *timelines; /* one per resident */
    size_t n_residents;
    rp_uncovered *uncovered; /* periods no piece can hold (the plan is then impossible) */
    size_t n_uncovered;
    int *bend_cols; /* programme_elastic: the slack columns of the PROG rules' rows */
    size_t n_bend_cols;
    bool programme_bends; /* programme_elastic or split_at_changes: PROG rules may be broken */
} rp_translation;

/* Builds the ILP. Returns 0 and sets *out (free with rp_translation_free), or -1 with errors in
 * d when the model and cohort cannot be translated (a pin that no piece can hold...). Rows that
 * can be seen to fail before solving are kept in rp_ilp_violated, not reported as errors. */
int rp_translate(const rp_model *m, const rp_cohort *c, const rp_translate_options *opt,
                 rp_translation **out, rp_diags *d);
/* rp_translate's pieces alone (their columns, the space, the periods no piece can hold): no
 * rule's rows and no objective. A what-if asks of them, before a whole translation, whether a
 * kept past already needs a cut (cli/whatif.c). Returns as rp_translate. */
int rp_translate_pieces(const rp_model *m, const rp_cohort *c, const rp_translate_options *opt,
                        rp_translation **out, rp_diags *d);
void rp_translation_free(rp_translation *t);

/* The columns that decide resident r's plan (its pieces, and its course columns when the solver
 * chooses the course), into a heap array *cols (the caller frees). Returns how many. */
size_t rp_translation_resident_columns(const rp_translation *t, size_t r, int **cols);

/* What every column of t's ILP stands for (ilp.h rp_col_shape: a piece's place and periods,
 * kind -1 for any other column), for the first plan's pools (solve.h rp_first_plan). A heap
 * array of rp_ilp_n_cols values; the caller frees it. */
rp_col_shape *rp_translation_column_shapes(const rp_translation *t);

/* How each column of t's ILP stands to the model's standard rotation (standard_rotation,
 * weighed by objective.standard > 0; ilp.h rp_standard_column): a piece follows it when each of
 * its periods lies in a free block of its resident's offset group or at a place the group's block
 * there names (shape.h rp_standard_matches). The first plan tries those pieces first (solve.h
 * rp_first_plan.standard). A heap array of rp_ilp_n_cols values (the caller frees it), or NULL
 * when the model declares no standard rotation or does not weigh it. */
unsigned char *rp_translation_standard_columns(const rp_translation *t);

/* Column values -> plan: the chosen pieces merged into stints, the course of each resident.
 * Never repairs: a value that is not 0 or 1 where it must be is an internal error (returns -1). */
int rp_decode(const rp_translation *t, const double *x, rp_plan **out, rp_diags *d);

/* Plan -> column values: the 0/1 values of the pieces and course columns that represent plan in
 * t's space (the "debug solution" of a hand-made plan); helper columns (start indicators, load
 * terms) are NAN, left for a solve to complete. Returns 0 and sets *x (n_cols values, the
 * caller frees), or -1 when some period of the plan is held by no piece of the space (each such
 * period is named in d). */
int rp_encode(const rp_translation *t, const rp_plan *plan, double **x, rp_diags *d);

/*
 * rp_anchor: for a what-if from date `from` against the earlier plan old (read against the same
 * model). Every piece that disagrees with old in a period before `from` is fixed to 0, so that
 * the past stays exactly as it was; *matches receives, per column (n_cols values, the caller
 * frees), the periods from `from` on in which the piece keeps old's block (facility, and
 * department where both name one), and *open_periods the periods from `from` on that old plans:
 * a plan x changes open_periods - sum(matches x) resident-periods. Residents absent from old are
 * left free. Returns 0, or -1 with errors in d (a resident whose cohort differs).
 */
int rp_anchor(rp_translation *t, const rp_plan *old, rp_date from, double **matches,
              long *open_periods, rp_diags *d);
/* The anchoring's two readings, shared with the what-if's count of the fewest changes: whether a
 * piece keeps an earlier block at (facility, department) (the same facility, and department
 * where both name one), and a resident's first period not past at `from`. */
bool rp_anchor_agrees(const rp_piece *pc, int facility, int department);
int rp_anchor_first_open(const rp_model *m, int cohort, int horizon, rp_date from);

/* ---- the counting checks (translate/counting.c): why no plan exists, before any solve ---- */

/* A place (facility, department or RP_NONE) that a limit row (tag: its rule, facility, slot)
 * closes to a resident: the row's limit is below what the place alone would add to it. */
typedef struct rp_shut {
    int facility, department;
    rp_row_tag by;
} rp_shut;
#define RP_MAX_SHUT 8
#define RP_MAX_FORCING 8

/* A rule that no plan can meet, found by counting over the translation as built and anchored. */
typedef struct rp_count {
    rp_row_tag tag;  /* the rule; the resident (RP_NONE for a limit on residents at once); the
                      * facility (RP_NONE for a group); the resident's periods, or the slots */
    rp_sense sense;  /* RP_GE: a minimum; reach is the most any plan can count. RP_LE: a limit;
                      * reach is the least any plan must count */
    double reach;
    double bound;    /* the rule's minimum or limit, in its own count */
    char group[64];  /* a limit: the facilities summed ("all facilities together", "the partner
                      * facilities"), or "" for the tagged facility alone */
    int *residents;  /* a limit: the residents who have no place outside it; owned */
    size_t n_residents;
    rp_shut shut[RP_MAX_SHUT]; /* a minimum: places that would count toward it but that a
                                * limit leaves no room for (a capacity cut to 0, a facility
                                * withdrawn), the earliest slot each is shut; n_shut of them */
    size_t n_shut;
    bool years;      /* a limit summed over the slots of whole programme years (rp_count_years):
                      * residents[] need at least least[] each there (owned) */
    double *least;
    int forcing[RP_MAX_FORCING]; /* the rules whose rows make them need it (n_forcing) */
    size_t n_forcing;
} rp_count;

typedef struct rp_counts {
    rp_count *items;
    size_t n, cap;
} rp_counts;
#define RP_COUNTS_INIT {NULL, 0, 0}

/* Appends to out every rule the counting checks prove impossible: a resident's row that no
 * partition of its periods into its open pieces meets (the months left after leave, pins and a
 * kept past), and a limit on residents at once, of one facility or summed over a group of
 * facilities, that the residents with no place outside it exceed. Consecutive periods of one
 * finding are merged. Never a finding for a programme that has a plan. */
void rp_count_rows(const rp_translation *t, rp_counts *out);
void rp_counts_free(rp_counts *c);

/* Appends to out every limit on residents at once (a facility's, a group's by role or
 * accreditation, the programme's) that, summed over a run of whole programme years, is below
 * the least the residents must spend there by their own rows (course patterns, minimums, pins):
 * an intake over the programme's capacity. The least of each resident is a small LP over its
 * own columns and rows (solve/demand.c); residents with the same rows share one. Only the
 * shortest failing runs are appended. Never a finding for a programme that has a plan. */
void rp_count_years(const rp_translation *t, rp_counts *out);

/* Whether a row is a limit on residents at once: no resident's own, one slot, every coefficient
 * positive (what rp_count and rp_count_years sum over groups and years). */
bool rp_count_is_limit(const rp_ilp *ilp, int row);

#endif
