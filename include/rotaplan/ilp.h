/*
 * ilp.h: the integer linear program as rotaplan builds it, with nothing GLPK-specific: columns,
 * named rows tagged with the rule, resident and periods they come from, and the assignment space
 * that rule kinds write their rows over.
 *
 * The assignment space. For each resident the translator generates pieces: a piece (facility f,
 * periods a..b) is a binary column meaning "the resident holds f in every period a..b". Every
 * period is covered by exactly one chosen piece (RAD-06's rows), so the classic time-indexed
 * variable is the expression
 *     z[r,p,f] = sum of the pieces of r at f that cover p,
 * and a run (a stint) is a union of adjacent pieces at one facility. Rule kinds with an `admit`
 * hook shape which pieces exist (RAD-07 keeps only year-aligned ones, RAD-04 only partner pieces
 * of 3 months or more); every other rule writes rows over z. With no shaping every piece is one
 * period long and the model is the plain time-indexed one.
 */
#ifndef ROTAPLAN_ILP_H
#define ROTAPLAN_ILP_H

#include <stdbool.h>
#include <stddef.h>

#include "rotaplan/calendar.h"
#include "rotaplan/model.h"

typedef enum rp_col_kind { RP_COL_BINARY, RP_COL_INTEGER, RP_COL_CONTINUOUS } rp_col_kind;
typedef enum rp_sense { RP_LE, RP_GE, RP_EQ } rp_sense;

/* A linear expression: sum coef[i] * x[col[i]] + constant. Owned by its user. */
typedef struct rp_expr {
    int *col;
    double *coef;
    size_t n, cap;
    double constant;
} rp_expr;

void rp_expr_free(rp_expr *e);
void rp_expr_clear(rp_expr *e);
void rp_expr_add(rp_expr *e, int col, double coef);
void rp_expr_add_constant(rp_expr *e, double c);
/* Merges repeated columns, drops zero coefficients, sorts by column. */
void rp_expr_normalize(rp_expr *e);

/* Where a row comes from: rule index (RP_NONE for structural rows), resident (RP_NONE for rows
 * over several residents), periods (resident periods, or slots when resident is RP_NONE). */
typedef struct rp_row_tag {
    int rule;
    int resident;
    int facility;
    int first, last;
} rp_row_tag;

typedef struct rp_ilp rp_ilp;

rp_ilp *rp_ilp_new(void);
void rp_ilp_free(rp_ilp *ilp); /* NULL does nothing */

/* Adds a column and returns its index (0-based). name: [A-Za-z0-9_], at most 255 bytes. */
int rp_ilp_add_col(rp_ilp *ilp, const char *name, rp_col_kind kind, double lb, double ub);
void rp_ilp_add_obj(rp_ilp *ilp, int col, double coef); /* the objective is maximised */
void rp_ilp_add_obj_constant(rp_ilp *ilp, double c);
/* Tightens a column's bounds (a what-if fixes the past this way). */
void rp_ilp_set_col_bounds(rp_ilp *ilp, int col, double lb, double ub);
/* Replaces the objective: coef[col] for every column (n_cols values), constant c. */
void rp_ilp_set_obj(rp_ilp *ilp, const double *coef, double c);

#define RP_ROW_HOLDS (-1)    /* no column left and the row holds: nothing added */
#define RP_ROW_VIOLATED (-2) /* no column left and the row fails: recorded, see rp_ilp_violated */
#define RP_ROW_DUPLICATE (-3) /* the same row was already added: nothing added */

/* Adds e (normalized here; its constant moves to the right-hand side) sense rhs. Returns the row
 * index, or one of the RP_ROW_ values above. */
int rp_ilp_add_row(rp_ilp *ilp, const char *name, rp_expr *e, rp_sense sense, double rhs,
                   rp_row_tag tag);

size_t rp_ilp_n_cols(const rp_ilp *ilp);
size_t rp_ilp_n_rows(const rp_ilp *ilp);
size_t rp_ilp_n_nonzeros(const rp_ilp *ilp);
size_t rp_ilp_n_integer(const rp_ilp *ilp);
const char *rp_ilp_col_name(const rp_ilp *ilp, int col);
rp_col_kind rp_ilp_col_kind(const rp_ilp *ilp, int col);
void rp_ilp_col_bounds(const rp_ilp *ilp, int col, double *lb, double *ub);
double rp_ilp_col_obj(const rp_ilp *ilp, int col);
double rp_ilp_obj_constant(const rp_ilp *ilp);
const char *rp_ilp_row_name(const rp_ilp *ilp, int row);
rp_row_tag rp_ilp_row_tag(const rp_ilp *ilp, int row);
rp_sense rp_ilp_row_sense(const rp_ilp *ilp, int row);
double rp_ilp_row_rhs(const rp_ilp *ilp, int row);
/* The row's terms: *n of them, valid until the next change to ilp. */
void rp_ilp_row_terms(const rp_ilp *ilp, int row, const int **col, const double **coef,
                      size_t *n);

/* Rows that lost every column and fail (structural infeasibility found while building). */
size_t rp_ilp_n_violated(const rp_ilp *ilp);
const char *rp_ilp_violated_name(const rp_ilp *ilp, size_t i);
rp_row_tag rp_ilp_violated_tag(const rp_ilp *ilp, size_t i);

/* The activity of a row at x, and whether it holds within tol. */
double rp_ilp_row_activity(const rp_ilp *ilp, int row, const double *x);
bool rp_ilp_row_holds(const rp_ilp *ilp, int row, const double *x, double tol);
/* Whether every row holds at x (n_cols values) within tol: what a plan a solver found must keep
 * before the rules' direct checks judge it (GLPK checks its plans against its own rows). */
bool rp_ilp_holds(const rp_ilp *ilp, const double *x, double tol);
double rp_ilp_objective(const rp_ilp *ilp, const double *x);

/* Writes the problem in CPLEX LP (format 'l') or free MPS (format 'm') format through GLPK,
 * to a temporary file renamed over path. Returns 0, or -1 with a message in d. */
int rp_ilp_write(const rp_ilp *ilp, const char *path, char format, rp_diags *d);

/* ---- the assignment space ---- */

typedef struct rp_piece {
    int facility;
    int department;   /* a department of the facility, or RP_NONE when the facility is planned
                       * as a whole (none of its departments has a capacity) */
    int first, last;
    int col;
    int par_department; /* a parallel session at the same facility, one a week, or RP_NONE */
    double par_days;    /* its days a week */
    bool bent;          /* a what-if's cut of an admitted piece at a change date, which a rule
                         * of class PROG refused (translate.h split_at_changes) */
    bool par_night;     /* the session is a night of duty (当直, INIT-35), par_days nights */
} rp_piece;

/* What a column of a resident's group stands for, so that the first plan can offer a resident the
 * blocks of the residents planned before (rp_solve_sequential_pooled): a piece's kind (its place
 * and parallel session: equal kinds are the same place for every resident) and its periods
 * first..last, counted from the resident's own first period; kind < 0 for any other column. */
typedef struct rp_col_shape {
    int kind;
    int first, last;
} rp_col_shape;

/* How a column stands to the model's standard rotation (translate.h
 * rp_translation_standard_columns): off it (or no piece), a piece that follows the blocks its
 * periods lie in and names at least one of them, or a piece that lies in free blocks only. */
typedef enum rp_standard_column {
    RP_STANDARD_OFF = 0,
    RP_STANDARD_ON = 1,
    RP_STANDARD_FREE = 2,
} rp_standard_column;

typedef struct rp_space rp_space;

size_t rp_space_n_residents(const rp_space *s);
int rp_space_horizon(const rp_space *s, size_t r);
const rp_piece *rp_space_pieces(const rp_space *s, size_t r, size_t *n);
/* Pieces of r covering period p: indices into rp_space_pieces(s, r). */
const int *rp_space_covering(const rp_space *s, size_t r, int p, size_t *n);
/* Adds coef * z[r,p,f] to e: every piece at the facility, whatever its department. */
void rp_space_add_z(const rp_space *s, rp_expr *e, size_t r, int p, int facility, double coef);
/* Adds coef times the pieces of r covering p at facility f and department d. */
void rp_space_add_zd(const rp_space *s, rp_expr *e, size_t r, int p, int facility,
                     int department, double coef);
/* Adds coef * [resident r follows course k]: a column when the solver chooses the course, a
 * constant when the course is fixed. */
void rp_space_add_course(const rp_space *s, rp_expr *e, size_t r, int course, double coef);
/* Whether r may follow course k (its own course, or any course when it has none). */
bool rp_space_course_possible(const rp_space *s, size_t r, int course);
/* The column of c[r,k], or -1 when the course is fixed or impossible. */
int rp_space_course_col(const rp_space *s, size_t r, int course);

/* What a rule kind's emit receives. */
typedef struct rp_emit {
    const rp_model *model;
    const rp_cohort *cohort;
    const rp_timeline *timelines; /* one per resident */
    const rp_space *space;
    rp_ilp *ilp;
    int rule;    /* index of the rule being emitted */
    bool shaped; /* the rules' admit hooks shaped the pieces (false in the plain model) */
    /* What-if: the rows of rules of class PROG may bend; each gets a slack column (>= 0) whose
     * index rp_emit_row appends to bend_cols (owned by the caller). */
    bool bend;
    int *bend_cols;
    size_t n_bend_cols, cap_bend_cols;
} rp_emit;

/* Adds a row named "<rule id without hyphens>_<name>", tagged with the current rule. Returns as
 * rp_ilp_add_row. */
int rp_emit_row(rp_emit *em, rp_expr *e, rp_sense sense, double rhs, int resident, int facility,
                int first, int last, const char *name_fmt, ...)
    __attribute__((format(printf, 9, 10)));
/* Adds a helper column named "<rule id>_<name>". */
int rp_emit_col(rp_emit *em, rp_col_kind kind, double lb, double ub, const char *name_fmt, ...)
    __attribute__((format(printf, 5, 6)));

#endif
