/*
 * cli.h: the commands of the rotaplan binary and what they share: option parsing with located
 * usage errors, loading the model and cohort, writing an output through a temporary file, and
 * explaining why no plan exists. Each command lives in its own file (plan.c, check.c,
 * capacity.c) and returns the process's exit status: 0 success, 1 no compliant plan or
 * violations found (capacity: a cap exceeded), 2 bad input or usage, 3 internal error,
 * 4 out of memory (the allocators end the process with it), 130 interrupted.
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
#include "util/util.h"

enum {
    RP_EXIT_OK = 0,
    RP_EXIT_NO_PLAN = 1, /* no compliant plan, or violations found */
    RP_EXIT_INPUT = 2,
    RP_EXIT_INTERNAL = 3,
    RP_EXIT_MEMORY = RP_EXIT_OUT_OF_MEMORY, /* 4: out of memory (util.h), said on stderr */
    RP_EXIT_INTERRUPTED = 130,
};

/* The phases of plan and whatif: the progress line names the one that runs, --verbose lists
 * what each took, and a stop (signal or time limit) acts by phase. In a phase that holds nothing
 * to keep (loading, translating, the counting checks, the explanation of a proven "no plan") the
 * signal handler leaves at once with the phase's message (rp_cli_stop_exit); in the others the
 * code polls the flag within a second (the solver: solve/guard.h) and writes the best plan. */
typedef enum rp_phase {
    RP_PHASE_LOAD,      /* the model, the cohort, an earlier plan */
    RP_PHASE_TRANSLATE, /* the ILP */
    RP_PHASE_COUNT,     /* the counting checks */
    RP_PHASE_SOLVE,     /* first plan, search; a what-if's repair */
    RP_PHASE_EXPLAIN,   /* why no plan exists (proven) */
    RP_PHASE_WRITE,     /* decode, check, write (also --lp, --mps) */
    RP_PHASE_COUNT_OF   /* how many phases */
} rp_phase;

/* The state of one command's run that the signal handlers share: the only mutable global state
 * of the program (main.c owns the one instance). */
typedef struct rp_cli_run {
    volatile sig_atomic_t stop;     /* RP_STOP_* (solve.h): the flag every phase polls */
    volatile sig_atomic_t phase;    /* the rp_phase that runs */
    volatile sig_atomic_t exit_now; /* the phase keeps nothing: a stop leaves at once */
    volatile sig_atomic_t progress; /* a progress line is on stderr (a terminal) */
    double started;                 /* CLOCK_MONOTONIC seconds at the start of the command */
    double phase_started;
    double seconds[RP_PHASE_COUNT_OF]; /* time spent in each phase */
    double deadline;                /* CLOCK_MONOTONIC seconds when the time limit ends; 0: none */
    bool verbose;                   /* --verbose: the phases and their times at the end */
    /* what a stop in a phase that keeps nothing says, in the messages' language: translated at
     * the start (rp_cli_stop_messages), since the signal handler cannot call gettext;
     * [explaining][time limit] */
    const char *stop_message[2][2];
} rp_cli_run;

/* What main passes to every command. */
typedef struct rp_cli {
    const char *prog;
    const volatile sig_atomic_t *interrupt; /* &run->stop; RP_STOP_* */
    bool stderr_tty;
    rp_cli_run *run; /* NULL in unit tests: no phases, no limit */
} rp_cli;

/* The default of --time-limit for plan and whatif (seconds; 0 means none). */
#define RP_CLI_DEFAULT_TIME_LIMIT 600.0

/* Whether the command shows its phases: a progress line (tty: stderr is a terminal and the
 * command is not --quiet), a line per phase and their times at the end (verbose). */
void rp_cli_progress(const rp_cli *cli, bool tty, bool verbose);
/* Starts phase p of the command (ends the one before): the progress line on a terminal, the
 * time taken, and what a stop does now. Entering a phase that keeps nothing after a stop leaves
 * at once, as the handler would. */
void rp_cli_phase(const rp_cli *cli, rp_phase p);
/* Under --verbose (stderr not a terminal): a line saying what the phase has reached. */
void rp_cli_note(const rp_cli *cli, const char *what);
/* The command's end: the progress line cleared; under --verbose the phases and their times. */
void rp_cli_phases_done(const rp_cli *cli);
/* Seconds on CLOCK_MONOTONIC: the command's clock (its start, its deadline, its phases). */
double rp_cli_clock(void);
/* Seconds since the command started (its whole wall-clock time so far). */
double rp_cli_elapsed(const rp_cli *cli);
/* Arms the command's time limit (seconds from its start; 0: none): at the deadline the stop
 * flag becomes RP_STOP_TIME_LIMIT (SIGALRM, main.c). */
void rp_cli_arm_time_limit(const rp_cli *cli, double seconds);
/* What is left of the command's time limit, for rp_solve_options.time_limit (0: no limit; a
 * millisecond when it has passed). The flag stops every phase at the deadline; the solver's own
 * copy of it also ends a long LP inside GLPK's search there (guard.h), which the flag reaches
 * only when GLPK prints (every 5 s in a node LP). */
double rp_cli_time_left(const rp_cli *cli);
/* The messages of rp_cli_stop_exit into r, in the messages' language (after setlocale). */
void rp_cli_stop_messages(rp_cli_run *r);
/* For the signal handler (async-signal-safe: a table): in phase, stopped for reason (RP_STOP_*),
 * the message to write (r's, in the messages' language; English before rp_cli_stop_messages)
 * and the exit status to leave with. */
int rp_cli_stop_exit(const rp_cli_run *r, int phase, int reason, const char **message);
/* Reads --time-limit (NULL: the default; 0: none) into *seconds; prints a usage error and
 * returns -1 when it is not a number of seconds. */
int rp_cli_time_limit(const char *command, const char *text, double *seconds);

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
 * no model. A named model found nowhere is said on stderr, and the embedded default is returned
 * (the plan reader then says where the plan names its model). NULL after printing why when a
 * model file fails to load. */
rp_model *rp_cli_model_of_plan(const char *plan_path);
/* Loads the cohort file, or the model's default cohort when path is NULL. NULL after printing. */
rp_cohort *rp_cli_cohort(const rp_model *m, const char *path);

/* Whether plan and whatif may translate cohort c under model m: m has an enabled rule, and
 * courses when a course rule is enabled; c has at least one resident and at most 1,000 (the
 * memory of the ILP grows with each; 240 residents of the two-year programme take 436 MiB).
 * Names what is wrong on stderr, located, when not. */
bool rp_cli_plannable(const rp_model *m, const rp_cohort *c);

/* --best-effort, when no compliant plan exists for t: the plan of the fewest violations (the
 * elastic solve's), written to out (stdout when NULL) with status best-effort, its violations
 * named by the direct checks on stderr. Returns RP_EXIT_NO_PLAN, or another exit status when it
 * could not be written. */
int rp_cli_best_effort(const rp_translation *t, const char *out, rp_format format,
                       double time_limit);

/* Reads a plan (YAML or CSV) against m; prints the diagnostics (sorted) and returns NULL when it
 * is bad input. */
rp_plan *rp_cli_read_plan(const rp_model *m, const char *path);

/* A file a command reads or writes, named by the option (or argument) that gave it. */
typedef struct rp_cli_file {
    const char *what; /* "--out", "PLAN" */
    const char *path; /* NULL when not given; "-" is standard output (never a conflict) */
} rp_cli_file;
/* Whether every output differs from every input and from every other output (the same path, a
 * symbolic link to it, a hard link: the same file once written). An output that exists and is
 * not a regular file (/dev/null, a FIFO) may be named twice: it is written in place, never
 * replaced. Prints a usage error of command naming both and returns false when not. */
bool rp_cli_outputs_distinct(const char *command, const rp_cli_file *inputs, size_t n_inputs,
                             const rp_cli_file *outputs, size_t n_outputs);

/* Writes through fn to path (temporary file renamed) or to stdout when path is NULL or "-".
 * Returns 0, or prints the error and returns -1 (nothing left behind). */
int rp_cli_write(const char *path, int (*fn)(void *ctx, FILE *out), void *ctx);

/* Explains why no plan exists: periods no piece can hold, rows that fail before solving, or the
 * rows of the cheapest violation found by the elastic solve. Prints to out. Its solves end
 * within time_limit seconds from the call (0: none; GLPK's tm_lim), and the explanation then
 * says it was cut short. */
void rp_cli_explain(const rp_translation *t, double time_limit, FILE *out);

/* The counting checks (translate.h rp_count_rows), each finding said to out with its rule, its
 * source and the residents it names. Returns how many it found: when not 0, no plan exists. */
size_t rp_cli_counting(const rp_translation *t, FILE *out);
/* The same for the limits summed over whole programme years (translate.h rp_count_years):
 * an intake over the programme's capacity. plan runs it when rp_cli_counting finds nothing. */
size_t rp_cli_counting_years(const rp_translation *t, FILE *out);

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
    rp_col_shape *shapes; /* [the ILP's columns] */
    unsigned char *standard; /* [the ILP's columns], or NULL: translate.h */
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
