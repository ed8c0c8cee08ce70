/*
 * whatif.h: what `rotaplan whatif` shares between its files (whatif.c, whatif_checks.c).
 */
#ifndef ROTAPLAN_CLI_WHATIF_H
#define ROTAPLAN_CLI_WHATIF_H

#include "cli/cli.h"

/* One change as given: an option (--withdraw, --capacity, --instructors, --add-resident,
 * --sweep), its value and its dates (NULL when not given). */
typedef struct change_arg {
    const char *option, *value, *from, *until;
} change_arg;

/* The changes of a scenario file (whatif_scenario.c). */
typedef struct rp_scenario {
    change_arg *changes; /* strings in the arena given to rp_scenario_read */
    size_t n_changes, cap_changes;
} rp_scenario;

/* Reads a scenario file against m (its strings into arena, which must outlive out). Returns 0,
 * or -1 with every error located in d. The caller frees out->changes. */
int rp_scenario_read(const rp_model *m, const char *path, struct rp_arena *arena,
                     rp_scenario *out, rp_diags *d);

/* Counting checks before any solve, on the translation anchored to the earlier plan old at date
 * from: residents pinned at a facility while a change closes it, and residents whose kept past
 * no stint can hold (with the hard rule that refuses it). Writes one line per finding to out and
 * returns how many. */
size_t rp_whatif_prechecks(const rp_translation *t, const rp_plan *old, rp_date from, FILE *out);
/* The first two of them alone (pins at a closed place, a past no piece can hold), which read only
 * the pieces and the anchoring: a translation of the pieces alone answers them. */
size_t rp_whatif_past_checks(const rp_translation *t, const rp_plan *old, rp_date from,
                             FILE *out);

/* A lower bound on the resident-periods every plan of t (anchored to old at date from: anchor.c)
 * changes, from the cells no open piece can keep and the rows old breaks (whatif_bound.c); *off
 * (n_cols values) marks the pieces that no plan changing exactly the bound can use, *bounded
 * (n_residents values) the residents with a cell the bound counts; the caller frees both. */
long rp_whatif_fewest(const rp_translation *t, const rp_plan *old, rp_date from, bool **off,
                      bool **bounded);

/* What `plan --keep PLAN --from DATE` passes on (plan.c). */
typedef struct rp_keep_options {
    const char *out, *lp, *mps; /* NULL when not given */
    rp_format format;
    double time_limit;          /* seconds; 0: none */
    bool quiet, best_effort;
} rp_keep_options;

/* plan --keep: the residents of c planned against m as it is, from date from, the way a
 * what-if plans: the past of old kept exactly, its announced future changed only as far as the
 * rules and the residents who are not in old (a new intake) require, the most resident-periods
 * kept first (the proof of the fewest changes said as the what-if says it), then the model's
 * objective; nothing bends. The changes are listed on stderr (unless quiet); when old already
 * meets every rule for c, it is written as it is with no search. Returns an exit status. */
int rp_whatif_keep(const rp_cli *cli, const rp_model *m, const rp_cohort *c, const rp_plan *old,
                   rp_date from, const rp_keep_options *k);

#endif
