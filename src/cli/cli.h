/*
 * cli.h: the commands of the rotaplan binary and what they share: option parsing with located
 * usage errors, loading the model and cohort, writing an output through a temporary file, and
 * explaining why no plan exists. Each command lives in its own file (plan.c, check.c,
 * capacity.c) and returns the process's exit status: 0 success, 1 no compliant plan or
 * violations found (capacity: a cap exceeded), 2 bad input or usage, 3 internal error,
 * 130 interrupted.
 */
#ifndef ROTAPLAN_CLI_H
#define ROTAPLAN_CLI_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>

#include "rotaplan/check.h"
#include "rotaplan/diag.h"
#include "rotaplan/model.h"
#include "rotaplan/plan.h"
#include "rotaplan/report.h"
#include "rotaplan/solve.h"
#include "rotaplan/translate.h"

enum {
    RP_EXIT_OK = 0,
    RP_EXIT_NO_PLAN = 1, /* no compliant plan, or violations found */
    RP_EXIT_INPUT = 2,
    RP_EXIT_INTERNAL = 3,
    RP_EXIT_INTERRUPTED = 130,
};

/* What main passes to every command. */
typedef struct rp_cli {
    const char *prog;
    const volatile sig_atomic_t *interrupt;
    bool stderr_tty;
} rp_cli;

int rp_cmd_plan(const rp_cli *cli, int argc, char **argv);
int rp_cmd_check(const rp_cli *cli, int argc, char **argv);
int rp_cmd_whatif(const rp_cli *cli, int argc, char **argv);
int rp_cmd_capacity(const rp_cli *cli, int argc, char **argv);
int rp_cmd_report(const rp_cli *cli, int argc, char **argv);
int rp_cmd_show(const rp_cli *cli, int argc, char **argv);
/* Whether stdout takes colour: it is a terminal and NO_COLOR is unset or empty
 * (https://no-color.org). */
bool rp_cli_colour(void);
/* Usage text of a command (NULL: the overview) to out. */
void rp_cli_usage(const char *command, FILE *out);

/* ---- option parsing (common.c) ---- */

typedef struct rp_opt {
    const char *name;  /* "--format" */
    bool has_value;
    const char **value; /* where the value goes (NULL for flags) */
    bool *flag;         /* set for flags */
} rp_opt;

/* Parses argv[0..argc) against opts; positional arguments are collected in order. Returns 0, or
 * prints a usage error ("unknown option '--formt'; did you mean '--format'?") and returns -1. */
int rp_cli_parse(const char *command, int argc, char **argv, const rp_opt *opts, size_t n_opts,
                 const char **positional, size_t max_positional, size_t *n_positional);

/* Reads a number option; prints a usage error and returns -1 when it is not one in [min, max]. */
int rp_cli_number(const char *command, const char *option, const char *text, double min,
                  double max, double *out);

/* Loads the model at path, or the embedded default when path is NULL. Prints the diagnostics
 * (every error, sorted) on failure and returns NULL. */
rp_model *rp_cli_model(const char *path);
/* The model for a plan given without one: the one a YAML plan names (`model: ID`), found as
 * the embedded default when its id is ID, else as ID.yaml beside the plan, in its folder's
 * models/ or ../models/, or in ./models/; the embedded default for a CSV plan or one that names
 * no model. Says on stderr which model it took when it is not the default. NULL after printing
 * why (a named model found nowhere). */
rp_model *rp_cli_model_of_plan(const char *plan_path);
/* Loads the cohort file, or the model's default cohort when path is NULL. NULL after printing. */
rp_cohort *rp_cli_cohort(const rp_model *m, const char *path);

/* Whether plan and whatif may translate cohort c: at most 1,000 residents (the memory of the
 * ILP grows with each; 240 residents of the two-year programme take 436 MiB). Names the first
 * resident over the limit on stderr when not. */
bool rp_cli_plannable(const rp_cohort *c);

/* --best-effort, when no compliant plan exists for t: the plan of the fewest violations (the
 * elastic solve's), written to out (stdout when NULL) with status best-effort, its violations
 * named by the direct checks on stderr. Returns RP_EXIT_NO_PLAN, or another exit status when it
 * could not be written. */
int rp_cli_best_effort(const rp_translation *t, const char *out, rp_format format,
                       double time_limit);

/* Reads a plan (YAML or CSV) against m; prints the diagnostics (sorted) and returns NULL when it
 * is bad input. */
rp_plan *rp_cli_read_plan(const rp_model *m, const char *path);

/* Writes through fn to path (temporary file renamed) or to stdout when path is NULL or "-".
 * Returns 0, or prints the error and returns -1 (nothing left behind). */
int rp_cli_write(const char *path, int (*fn)(void *ctx, FILE *out), void *ctx);

/* Explains why no plan exists: periods no piece can hold, rows that fail before solving, or the
 * rows of the cheapest violation found by the elastic solve. Prints to out. */
void rp_cli_explain(const rp_translation *t, double time_limit, FILE *out);

/* The counting checks (translate.h rp_count_rows), each finding said to out with its rule, its
 * source and the residents it names. Returns how many it found: when not 0, no plan exists. */
size_t rp_cli_counting(const rp_translation *t, FILE *out);

/* The format an output file's extension says: .csv, .yaml, .yml or .json; else (and for NULL)
 * a table. */
rp_format rp_cli_format_of_path(const char *path);

/* ---- plan outputs (output.c) ---- */

/* The plan's format from --format (NULL: by out's extension) and --excel (CSV only), checked
 * against --out (ics needs a folder). Returns 0 and sets *fmt, or prints a usage error of
 * command and returns -1. */
int rp_cli_plan_format(const char *command, const char *format, bool excel, const char *out,
                       rp_format *fmt);
/* Writes the plan to path (stdout when NULL or "-") through a temporary file; RP_FORMAT_ICS
 * writes one file RESIDENT.ics per resident into the folder path (made when missing), each
 * through a temporary file. Returns 0, or prints the error and returns -1. */
int rp_cli_write_plan(const char *path, const rp_model *m, const rp_plan *plan, rp_format fmt);

/* rp_cli_write_plan, and for RP_FORMAT_XLSX the workbook (cli/report.c): the plan's checks
 * and loads computed with cohort c (its leave and wishes; NULL: full time, none). Returns 0,
 * or prints the error and returns -1. */
int rp_cli_write_output(const char *path, const rp_model *m, const rp_cohort *c,
                        const rp_plan *plan, rp_format fmt);

/* rp_solve's first plan for translation t: each resident's columns in the cohort's order, and
 * rp_cli_passes_checks as the acceptance test. Free with rp_cli_first_plan_free. */
typedef struct rp_cli_first {
    rp_first_plan first;
    int **groups;
    size_t *sizes;
    size_t n;
} rp_cli_first;
void rp_cli_first_plan(const rp_translation *t, rp_cli_first *out);
void rp_cli_first_plan_free(rp_cli_first *f);
/* Whether x (ctx: the rp_translation) decodes into a plan that the direct check of every enabled
 * rule with rows passes: only such a plan may be handed to GLPK (it checks integrality alone).
 * A failure is a bug, said so on stderr. */
bool rp_cli_passes_checks(void *ctx, const double *x);

/* Every resident of the earlier plan old is in the cohort c (read from path): a new plan keeps
 * the same people, and maybe new ones. Names each missing one on stderr. */
bool rp_cli_every_resident_known(const rp_plan *old, const rp_cohort *c, const char *path);
/* Whether new_plan keeps every stint row of old before the date from: each resident's block and
 * parallel cells there are old's. Names the first difference on stderr (a bug). */
bool rp_cli_past_kept(const rp_model *m, const rp_plan *old, const rp_plan *new_plan,
                      rp_date from);

#endif
