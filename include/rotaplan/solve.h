/*
 * solve.h: solving the ILP with GLPK's branch-and-cut: options, the outcome, and the values of
 * the best plan found. GLPK's return code and its MIP status are mapped together in one place.
 */
#ifndef ROTAPLAN_SOLVE_H
#define ROTAPLAN_SOLVE_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "rotaplan/diag.h"
#include "rotaplan/ilp.h"

/* How to build a first plan before the search (SOLVING.md section 4): the columns that decide
 * each resident's plan, in the order to plan them (rp_solve_sequential), and the check a plan
 * must pass before it is handed to GLPK, which checks integrality only. shapes (one per column
 * of the ILP, or NULL) lets each resident first be planned from the block sequences of the
 * residents before, rotated (rp_solve_sequential_pooled). standard (one per column, or NULL)
 * marks the columns that follow the model's standard rotation: a pooled resident is first planned
 * over them (rp_solve_sequential_first). */
/* What the first plan's steps were (rp_first_plan.stats): how many groups were planned over the
 * standard pool, over the pool, and over all their columns (alone or with the groups before), and
 * the columns of all these steps, summed. */
typedef struct rp_first_stats {
    size_t standard, pooled, whole;
    size_t columns;
} rp_first_stats;

typedef struct rp_first_plan {
    const int *const *groups;
    const size_t *sizes;
    size_t n_groups;
    bool (*accept)(void *ctx, const double *x);
    void *ctx;
    const rp_col_shape *shapes;
    const unsigned char *standard; /* rp_standard_column values */
    rp_first_stats *stats;         /* filled by rp_solve_sequential_first when not NULL */
} rp_first_plan;

/* Values of the stop flag (rp_solve_options.interrupt): why the command stops. A stop decides
 * only when a search ends, never which plan a search that ends by itself finds. */
enum { RP_STOP_NONE = 0, RP_STOP_SIGNAL = 1, RP_STOP_TIME_LIMIT = 2 };

typedef struct rp_solve_options {
    /* seconds from the call; 0 for none. Like the flag, it decides only when the search stops
     * (the plan then written is the best so far, not proven optimal); the command line passes 0
     * and raises the flag at its own deadline (one limit for the whole command) */
    double time_limit;
    double gap;        /* relative MIP gap at which to stop; 0 for proven optimality */
    bool progress;     /* a progress line on stderr (best plan, bound, gap, elapsed) */
    /* when set non-zero (RP_STOP_SIGNAL, RP_STOP_TIME_LIMIT), stop within a second in every
     * phase (guard.h) and keep the best plan */
    const volatile sig_atomic_t *interrupt;
    const rp_first_plan *first; /* build a first plan this way, or NULL for none */
    /* a plan to start from (rp_ilp_n_cols values; it must satisfy every row: GLPK checks only
     * integrality), or NULL; it stands when the search finds nothing better */
    const double *start;
} rp_solve_options;

typedef enum rp_solve_status {
    RP_SOLVE_OPTIMAL,    /* proven optimal (within gap) */
    RP_SOLVE_FEASIBLE,   /* a plan, not proven optimal: time limit or interrupt */
    RP_SOLVE_INFEASIBLE, /* proven: no plan satisfies the rows */
    RP_SOLVE_NO_PLAN,    /* stopped before any plan was found */
    RP_SOLVE_ERROR,      /* GLPK failed; message in the diagnostics */
} rp_solve_status;

typedef struct rp_solve_result {
    rp_solve_status status;
    double *x;          /* column values of the plan (n_cols), or NULL; owned */
    size_t n_cols;
    double objective;   /* of the plan */
    double bound;       /* best bound proven; NAN when none was (the search stopped early) */
    double gap;         /* relative gap between them; NAN without a bound */
    double seconds;     /* wall time of the solve */
    double first_plan_seconds; /* when the first plan was found; -1 when none */
    bool time_limit_hit; /* the time limit (or the flag's RP_STOP_TIME_LIMIT) ended it */
    bool interrupted;    /* a signal (the flag's RP_STOP_SIGNAL) ended it */
    bool budget_hit;     /* a node budget ended it: not proven optimal, but deterministic */
    long nodes;          /* branch-and-bound nodes of the last search */
} rp_solve_result;

/* Solves ilp. Returns 0 with *res filled (free with rp_solve_result_free), or -1 with an error in
 * d when GLPK could not run at all. */
int rp_solve(const rp_ilp *ilp, const rp_solve_options *opt, rp_solve_result *res, rp_diags *d);
void rp_solve_result_free(rp_solve_result *res);
const char *rp_solve_status_name(rp_solve_status s);
/* A relative gap as a percentage with enough digits to show it is not zero when it is not
 * ("0.0037%", not "0.00%"; "0.00%" only for 0), into buf of size bytes. */
void rp_solve_gap_text(double gap, char *buf, size_t size);

/*
 * rp_solve_elastic: when no plan satisfies every row, lets each rule row (tag.rule >= 0) be
 * violated at a cost of 1 per unit and finds the cheapest violation. Sets *rows (heap, the
 * caller frees) to the rows violated there, and *x (when x is not NULL; n_cols values, the caller
 * frees; NULL when none) to the solution. Returns 1 when that violation is proven minimal,
 * 0 when the time limit or the node budget (20,000 nodes) stopped the search first, -1 when
 * GLPK proved that even the elastic problem has no solution (structural rows conflict), -2 when
 * the time limit (time_limit seconds from the call, GLPK's tm_lim: guard.h) stopped the search
 * before any solution, -3 when the node budget (or a failure of GLPK's) ended it before any
 * solution: then nothing is proven about the elastic problem.
 */
int rp_solve_elastic(const rp_ilp *ilp, double time_limit, int **rows, size_t *n_rows,
                     double **x);

/*
 * rp_solve_fixed: whether the rows (except those of rule skip_rule; RP_NONE for none) admit a
 * solution once every column whose value in fixed is not NAN is fixed to it. 1 yes, 0 no,
 * -1 when the solver could not decide. For tests that substitute a plan into the rows.
 */
int rp_solve_fixed(const rp_ilp *ilp, const double *fixed, int skip_rule);

/*
 * rp_solve_without: whether the rows admit a solution once the given rows (0-based) are dropped
 * (the deletion filter of an explanation). 1 yes, 0 no, -1 undecided within time_limit seconds.
 */
int rp_solve_without(const rp_ilp *ilp, const int *rows, size_t n_rows, double time_limit);

/*
 * rp_solve_partial: the best solution once every column whose value in fixed is not NAN is fixed
 * to it (a repair: most residents kept as they were, a few planned again), with GLPK's presolver,
 * to within opt's gap, within a budget of nodes (the same answer on every machine), unless
 * opt's stop ends it first: then the best solution found before it (also when the stop came
 * inside one long node LP and the search was left by the guard's jump, when every row holds
 * it). Returns 0 with *x (n_cols values, the caller frees), or -1 when none was found.
 */
int rp_solve_partial(const rp_ilp *ilp, const double *fixed, const rp_solve_options *opt,
                     double **x);

/*
 * rp_solve_sequential: a first plan, for problems whose LP relaxation GLPK's branching alone
 * rounds badly (SOLVING.md section 4). The groups (a group: one resident's pieces and course
 * columns, in the order to plan them) are planned one after another, each as a small problem of
 * its own: its columns free, the groups planned before fixed, those after fixed at 0 and their
 * rows (a resident's row belongs to the last group among its columns) left out; rows over
 * several residents (capacities), and the rows of residents in no group (held by their bounds,
 * as a what-if's repair holds those no change touches), hold throughout. Returns 0 and sets *x (every column; the caller frees), or -1 when some group
 * finds no plan (the earlier groups took what it needed, or there is none at all).
 */
int rp_solve_sequential(const rp_ilp *ilp, const int *const *groups, const size_t *sizes,
                        size_t n_groups, const rp_solve_options *opt, double **x);

/*
 * rp_solve_sequential_pooled: rp_solve_sequential, with each group first planned over a pool of
 * its columns: the block sequences of the groups planned just before it (shapes[]: equal kind,
 * the same periods), each rotated by every whole number of blocks, as programmes rotate their
 * published pattern among offset groups; plus every column that covers a period few columns
 * cover (leave, pins), and those that can earn something in the objective (a wished place) and
 * fit between the edges of those blocks. Only when no plan is found in the pool is the group
 * planned over all its columns. Groups of at most 1,500 columns are planned whole (their
 * steps are cheap). The pool is a deterministic function of the plans before: the same inputs
 * give the same plan. Without improving, the improving passes are left to rp_solve_improve.
 * With shapes NULL and improving, it is rp_solve_sequential.
 */
int rp_solve_sequential_pooled(const rp_ilp *ilp, const int *const *groups, const size_t *sizes,
                               size_t n_groups, const rp_col_shape *shapes, bool improving,
                               const rp_solve_options *opt, double **x);

/*
 * rp_solve_sequential_first: rp_solve_sequential_pooled over fp's groups and shapes, where each
 * pooled group (more than 1,500 columns) is first planned over the columns that follow the
 * standard rotation (fp->standard, when not NULL): those pieces, the group's other columns
 * (courses), those it holds and those of periods few columns cover. A programme's plan is nearly
 * its standard rotation, and that step is far smaller than a pool's; when it holds no plan, the
 * pool and then every column are tried as before. Returns as rp_solve_sequential_pooled.
 */
int rp_solve_sequential_first(const rp_ilp *ilp, const rp_first_plan *fp, bool improving,
                              const rp_solve_options *opt, double **x);

/*
 * rp_solve_improve: the improving passes of rp_solve_sequential (each group planned again alone,
 * the others as planned, while a pass gains, at most 3 passes; over the pool when shapes is
 * given) from the plan *x (every column's value; it must satisfy every row). Returns 0 and
 * replaces *x (the caller frees), or -1 and leaves it when a stop came first.
 */
int rp_solve_improve(const rp_ilp *ilp, const int *const *groups, const size_t *sizes,
                     size_t n_groups, const rp_col_shape *shapes, const rp_solve_options *opt,
                     double **x);

/*
 * rp_lp_bound: a bound on every plan's objective from the LP relaxation of ilp (its objective
 * constant included), by column generation: every column in none of fp's groups and those
 * non-zero in start (a plan that satisfies every row) first, then, round after round, the group
 * columns whose reduced costs would raise the objective most (bound.c). The rounds end at the
 * relaxation's optimum, or as soon as the bound they prove is at most enough (-INFINITY: the
 * optimum). Returns 0 and sets *bound, or -1 when opt's stop ended it or GLPK failed.
 */
int rp_lp_bound(const rp_ilp *ilp, const rp_first_plan *fp, const double *start, double enough,
                const rp_solve_options *opt, double *bound);

/*
 * rp_solve_reduce: the problem of a region: the columns of ilp whose bounds differ (their names,
 * kinds, bounds and objective), in ilp's order, and the rows they appear in, every other column
 * standing at its value in values (n_cols values) and moved to the right-hand side (its share of
 * the objective into the constant). A row with no region column is left out. Returns the new
 * problem (the caller frees it) and sets *cols (heap, the caller frees; *n_cols entries) to the
 * region's columns in ilp, the k-th being the new problem's column k; NULL when a row left out
 * does not hold at values (then no plan holds those columns there).
 */
rp_ilp *rp_solve_reduce(const rp_ilp *ilp, const double *values, int **cols, size_t *n_cols);

/*
 * rp_solve_region: rp_solve over a region only (a what-if's stages, once the repair has held every
 * resident no change touches). The region is every column whose bounds differ; every other column
 * stands at its value in opt->start (required: every column's value, satisfying every row) and
 * moves to the right-hand side, and a row with no region column is left out (it holds at the
 * start). The reduced problem is rp_solve_reduce's, solved by rp_solve from opt->start; *res
 * is in ilp's terms (every column; its objective and bound count the columns held, so they are
 * ilp's own), and proven optimal means optimal among the plans that hold the columns outside the
 * region. *n_region receives the reduced problem's column count. Returns as rp_solve (-1 with a
 * message in d, too, when the start breaks a row outside the region).
 */
int rp_solve_region(const rp_ilp *ilp, const rp_solve_options *opt, rp_solve_result *res,
                    size_t *n_region, rp_diags *d);

/* Maps glp_intopt's return code and glp_mip_status together (exposed for its branch tests). */
rp_solve_status rp_solve_map_status(int intopt_ret, int mip_status, bool *time_limit_hit,
                                    bool *interrupted);

#endif
