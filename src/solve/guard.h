/*
 * guard.h: GLPK calls that a stop ends in every phase (solve.c, sequential.c). glp_intopt calls
 * its callback only inside branch-and-cut, and glp_simplex calls none: its scaling, presolve and
 * root LP would run to the end, minutes on a large problem, before any flag is read. GLPK prints
 * its progress through the terminal hook, though (every out_frq milliseconds in the simplex and
 * the tree, when msg_lev is at least GLP_MSG_ON; every 5 s inside a node LP of the tree, whose
 * simplex takes GLPK's default out_frq), and the hook may leave by longjmp, after which
 * glp_free_env releases everything GLPK holds (GLPK's manual, glp_error_hook: the documented way
 * out of the library). The hook prints nothing and reads the stop; no answer of GLPK depends on
 * when it is called: a guarded call finds the same plan as an unguarded one, or none.
 */
#ifndef ROTAPLAN_SOLVE_GUARD_H
#define ROTAPLAN_SOLVE_GUARD_H

#include <glpk.h>
#include <setjmp.h>
#include <signal.h>
#include <stdbool.h>

/* The period of GLPK's progress output inside guarded calls (ms): the hook's polling period. */
enum { RP_GUARD_OUT_FRQ = 100 };
/* GLPK's tm_lim beyond the guard's deadline (ms). */
enum { RP_GUARD_TM_SLACK = 20 };
/* How long (s) GLPK's callback may be silent, under a stop, before the hook leaves the search by
 * its jump (a long node LP); until then the callback ends the search itself, keeping its plan. */
#define RP_GUARD_PATIENCE 0.5
/* What a guarded call returns when the stop ended it (no GLPK code is negative). */
enum { RP_GUARD_STOPPED = -1 };

typedef struct rp_guard {
    const volatile sig_atomic_t *flag; /* rp_solve_options.interrupt (NULL: none) */
    double deadline;  /* CLOCK_MONOTONIC seconds when the caller's limit ends; 0: none */
    bool in_tree;     /* GLPK's callback runs: it ends the search itself, and keeps the plan */
    double called;    /* when the callback last ran (rp_guard_in_tree) */
    jmp_buf jump;
} rp_guard;

/* Seconds on CLOCK_MONOTONIC. */
double rp_guard_now(void);
/* A guard over flag (may be NULL) with a limit of `seconds` from now (0: none). */
void rp_guard_init(rp_guard *g, const volatile sig_atomic_t *flag, double seconds);
/* Why to stop now: 0 (go on), RP_STOP_SIGNAL or RP_STOP_TIME_LIMIT (solve.h). */
int rp_guard_reason(const rp_guard *g);
/* Called by every branch-and-cut callback under the guard: the search has its own way out
 * (glp_ios_terminate, which keeps GLPK's best plan), so the hook leaves it a moment to take it. */
void rp_guard_in_tree(rp_guard *g);

/* glp_intopt(p, parm) and glp_simplex(p, parm), guarded: the code GLPK returned, or
 * RP_GUARD_STOPPED when the stop ended the call; then glp_free_env has run, p and every other
 * GLPK object are gone. Under a time limit GLPK's own tm_lim is set to the time left (and a
 * little more, RP_GUARD_TM_SLACK, so that the guard's deadline has passed when GLPK returns
 * GLP_ETMLIM): a node LP of branch-and-cut, which prints only every 5 s, stops at the limit and
 * the search keeps its best plan. The caller sets msg_lev to GLP_MSG_ON and out_frq to
 * RP_GUARD_OUT_FRQ (rp_guard_iocp, rp_guard_smcp): GLPK prints nothing, the hook swallows it. */
int rp_guard_intopt(rp_guard *g, glp_prob *p, const glp_iocp *parm);
int rp_guard_simplex(rp_guard *g, glp_prob *p, const glp_smcp *parm);
/* A GLPK terminal hook that writes GLPK's text to stderr (what follows a guarded call). */
int rp_guard_stderr_hook(void *info, const char *s);
/* The message settings the guard needs. */
void rp_guard_iocp(glp_iocp *parm);
void rp_guard_smcp(glp_smcp *parm);

#endif
