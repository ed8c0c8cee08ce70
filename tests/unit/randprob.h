/*
 * randprob.h: small random 0/1 problems for the solver's unit tests (test_rins.c,
 * test_gomory.c, test_guard.c): max c x, a x <= b, x in {0,1}^n, drawn by t_draw (support.h),
 * so the same problems on every machine, and judged by enumerating every 0/1 point (n <= 16).
 * Each test keeps its own shape (sizes and ranges): the problems it drew before.
 */
#ifndef ROTAPLAN_TEST_RANDPROB_H
#define ROTAPLAN_TEST_RANDPROB_H

#include <glpk.h>
#include <stdbool.h>

#include "rotaplan/ilp.h"

enum { T_RP_MAX_N = 16, T_RP_MAX_M = 8 };

/* How a test draws its problems: n columns, m rows; the draw starts from seed * seed_factor;
 * a[i][j] = a_low + draw % a_span, row by row; b[i] = b_num * (sum of row i) / b_den;
 * then c[j] = 1 + draw % c_span. */
typedef struct t_randprob_shape {
    int n, m;
    unsigned seed_factor;
    int a_low, a_span;
    int b_num, b_den;
    int c_span;
} t_randprob_shape;

typedef struct t_randprob {
    int n, m;
    int a[T_RP_MAX_M][T_RP_MAX_N];
    int b[T_RP_MAX_M];
    int c[T_RP_MAX_N];
} t_randprob;

/* The problem of seed under shape into pb. */
void t_randprob_make(const t_randprob_shape *shape, unsigned seed, t_randprob *pb);
/* The problem as an rp_ilp: binary columns x0.., rows r0.. (a zero coefficient left out); the
 * caller frees it. */
rp_ilp *t_randprob_ilp(const t_randprob *pb);
/* Whether the 0/1 point mask (bit j: column j) keeps every row; its objective. */
bool t_randprob_feasible(const t_randprob *pb, unsigned mask);
int t_randprob_value(const t_randprob *pb, unsigned mask);
/* The best objective among the feasible 0/1 points whose bits in keep equal those of start
 * (keep 0: the whole problem's optimum); -1 when there is none. */
int t_randprob_best(const t_randprob *pb, unsigned start, unsigned keep);

/* The LP optimum of p by glp_simplex, quietly; fails the test unless GLPK finds one. Returns
 * its objective. */
double t_lp_optimum(glp_prob *p);

#endif
