/*
 * gomory.h: Gomory mixed-integer cuts from the rows of the optimal simplex tableau, for the
 * branch-and-cut callback (internal to solve/). GLPK's own generator (glp_iocp.gmi_cuts) computes
 * every tableau row column by column over the whole matrix (glp_eval_tab_row: one pass over every
 * nonzero per cut, and GLPK's branching by Driebeck-Tomlin one more per candidate): on the
 * radiology programme's ten-cohort problem (24,742 columns, 408,472 nonzeros) that was most of the
 * solve (BENCHMARKS.md). Here a tableau row is computed row-wise from the BTRAN result, over the
 * rows it touches only; the cut is the same inequality GLPK's generator writes for that row.
 */
#ifndef ROTAPLAN_SOLVE_GOMORY_H
#define ROTAPLAN_SOLVE_GOMORY_H

#include "solve/guard.h"

#include <glpk.h>
#include <stdbool.h>

/* Work space and the round counter of one search; zero-initialise, free with rp_gomory_free. */
typedef struct rp_gomory {
    int m, n;        /* the sizes the arrays were made for */
    double *rho;     /* [1 + m]: a row of the basis inverse */
    double *alfa;    /* [1 + m + n]: the tableau row, dense */
    double *phi;     /* [1 + m + n]: the cut over every variable, dense */
    int *touched;    /* [1 + m + n]: the entries of alfa and phi set in this cut */
    int *ind;        /* [1 + n], with val: one row of the matrix, then the cut */
    double *val;
    bool *listed;    /* [1 + m + n]: whether touched holds the entry (false between rows) */
    /* one call's view of p (rp_gomory_begin): every variable's status, and the matrix rows read
     * so far, each once (GLPK keeps its matrix as linked lists, and its status behind a call) */
    int *stat;       /* [1 + m + n] */
    int *row_at;     /* [1 + m]: where row r's copy starts in row_ind/row_val; -1: not read */
    int *row_ind;    /* the rows read, each as a slot before its entries [1..len] */
    double *row_val;
    int *row_len;    /* [1 + m] */
    size_t row_used, row_cap;
    /* the rounds at the root: stop after 4 that move the bound by less than 1e-4 relative;
     * last_node: the last other node that had its round */
    int last_node, rounds, flat;
    double last_bound;
    bool root_done; /* the root's rounds ran before the search (rp_gomory_root) */
} rp_gomory;

/* In the callback at GLP_ICUTGEN: adds at most 50 cuts for the node's LP optimum to GLPK's
 * local pool (glp_ios_add_row), at the root for as many rounds as they move its bound, and once
 * at every other node (nodes after a branch included). Returns the number of cuts added. */
int rp_gomory_round(rp_gomory *g, glp_tree *tree);

/* The root's rounds before the search, on p (no presolve) whose LP optimum glp_simplex has just
 * found: the same rounds as the callback's root rounds (the cuts as rows of p, re-solved by the
 * dual simplex until the bound stops moving, or reaches stop_at: the bound that ends the search
 * with the best plan known), then the cuts slack at the new optimum deleted and the LP solved
 * again, so that p holds an optimal basis for glp_intopt. Before the rounds and after each, the
 * columns that no plan of objective best or more can move are fixed (fixing.h; best -HUGE_VAL:
 * none), so that every later LP is smaller. The callback then gives the root no round. Returns
 * 0; RP_GUARD_STOPPED (p is gone, guard.h); GLP_ETMLIM when the time limit ended a re-solve;
 * GLP_EFAIL when one did not end optimal. After either, p's LP is not solved (the caller solves
 * it again or gives up); the cuts in it hold for every integer point, and the bounds moved for
 * every plan of objective best or more. */
int rp_gomory_root(rp_gomory *g, glp_prob *p, double stop_at, double best, rp_guard *guard);

/* The row of the simplex tableau of basic column j (1-based) of p, whose factorisation must be
 * valid: alfa[k] for every nonbasic variable k (1..m rows, m+1..m+n columns), in GLPK's
 * convention (glp_eval_tab_row: x_j = sum over nonbasic k of alfa[k] x_k). Returns the number
 * of entries set, whose indices are in touched[1..]; the rest of alfa is 0. Exposed for the
 * tests, which compare it with glp_eval_tab_row. */
int rp_gomory_tableau_row(rp_gomory *g, glp_prob *p, int j);
/* Starts a call on p (a round of cuts, a branching choice): the statuses of p's variables are
 * read once, and each row of its matrix at most once, until the next rp_gomory_begin; p's rows
 * and basis must not change in between. */
void rp_gomory_begin(rp_gomory *g, glp_prob *p);
/* rp_gomory_tableau_row within a call begun by rp_gomory_begin: the same row, the same sums in
 * the same order, from the call's statuses and rows. */
int rp_gomory_row_of(rp_gomory *g, glp_prob *p, int j);

/* In the callback at GLP_IBRANCH: branches on the column Driebeck and Tomlin's estimate picks,
 * as GLPK's GLP_BR_DTH does, with the tableau rows computed as above (branch.c). */
void rp_branch_choose(rp_gomory *g, glp_tree *tree);

void rp_gomory_free(rp_gomory *g);

#endif
