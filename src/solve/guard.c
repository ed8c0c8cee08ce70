/*
 * guard.c: GLPK calls that a stop ends in every phase (guard.h). The terminal hook is the only
 * code GLPK runs often in its scaling, presolve and simplex phases; it reads the stop and leaves
 * by longjmp, and glp_free_env then frees every block GLPK allocated (GLPK tracks them all).
 * Inside branch-and-cut the callback (solve.c) stops the search itself with glp_ios_terminate,
 * which keeps GLPK's best plan; the hook jumps there only when the callback has not run for half
 * a second (a long node LP: GLPK's node simplex prints every 5 s whatever out_frq says, so a stop
 * by signal may take that long). A time limit is GLPK's own tm_lim as well: its node LPs and its
 * search end there by themselves.
 */
#include "solve/guard.h"
#include "rotaplan/solve.h"

#include <limits.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

double rp_guard_now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
}

void rp_guard_init(rp_guard *g, const volatile sig_atomic_t *flag, double seconds)
{
    g->flag = flag;
    g->deadline = seconds > 0 ? rp_guard_now() + seconds : 0;
    g->in_tree = false;
    g->called = 0;
}

int rp_guard_reason(const rp_guard *g)
{
    if (g->flag && *g->flag)
        return *g->flag == RP_STOP_TIME_LIMIT ? RP_STOP_TIME_LIMIT : RP_STOP_SIGNAL;
    if (g->deadline > 0 && rp_guard_now() > g->deadline)
        return RP_STOP_TIME_LIMIT;
    return 0;
}

/* GLPK's error text (an error, memory exhausted): never swallowed, it goes to stderr before GLPK
 * calls its error hook. */
static bool error_text(const char *s)
{
    return strstr(s, "rror") || strstr(s, "memory");
}

int rp_guard_stderr_hook(void *info, const char *s)
{
    (void)info;
    fputs(s, stderr);
    return 1;
}

static int hook(void *info, const char *s)
{
    rp_guard *g = info;
    if (error_text(s))
        return rp_guard_stderr_hook(NULL, s);
    /* GLPK prints its ">>>>>" line when a node gives a better plan, just before it hands that
     * plan to the original problem and calls the callback (GLP_IBINGO), which then ends the
     * search with it: no jump there, or that plan would be lost */
    if (g->in_tree && strstr(s, ">>>>>"))
        return 1;
    if (rp_guard_reason(g) && (!g->in_tree || rp_guard_now() - g->called > RP_GUARD_PATIENCE))
        longjmp(g->jump, 1);
    return 1; /* printed nothing */
}

void rp_guard_in_tree(rp_guard *g)
{
    g->in_tree = true;
    g->called = rp_guard_now();
}

/* GLPK's tm_lim (ms) for what is left of g's limit; INT_MAX (GLPK's "none") without one. */
static int tm_left(const rp_guard *g)
{
    if (g->deadline <= 0)
        return INT_MAX;
    double ms = (g->deadline - rp_guard_now()) * 1000 + RP_GUARD_TM_SLACK;
    return ms < 1 ? 1 : ms >= INT_MAX ? INT_MAX : (int)ms;
}

void rp_guard_iocp(glp_iocp *parm)
{
    parm->msg_lev = GLP_MSG_ON;
    parm->out_frq = RP_GUARD_OUT_FRQ;
    parm->out_dly = 0;
}

void rp_guard_smcp(glp_smcp *parm)
{
    parm->msg_lev = GLP_MSG_ON;
    parm->out_frq = RP_GUARD_OUT_FRQ;
    parm->out_dly = 0;
}

/* After a guarded call GLPK's text goes to stderr, never to stdout (which may hold the plan).
 * Every GLPK object is gone after a jump: the environment is released and made afresh at the
 * next call, with no hook. */
static void unhook(void)
{
    glp_term_hook(rp_guard_stderr_hook, NULL);
    glp_term_out(GLP_ON);
}

/* Before a guarded call: GLPK's text goes through the hook, which watches g. The setjmp stays in
 * each caller (the function that calls GLPK), so only this part is shared. */
static void arm(rp_guard *g)
{
    g->called = 0;
    g->in_tree = false;
    glp_term_out(GLP_ON);
    glp_term_hook(hook, g);
}

int rp_guard_intopt(rp_guard *g, glp_prob *p, const glp_iocp *parm)
{
    arm(g);
    if (setjmp(g->jump) != 0) {
        glp_free_env();
        return RP_GUARD_STOPPED;
    }
    glp_iocp limited = *parm;
    if (tm_left(g) < limited.tm_lim)
        limited.tm_lim = tm_left(g);
    int ret = glp_intopt(p, &limited);
    unhook();
    return ret;
}

int rp_guard_simplex(rp_guard *g, glp_prob *p, const glp_smcp *parm)
{
    arm(g);
    if (setjmp(g->jump) != 0) {
        glp_free_env();
        return RP_GUARD_STOPPED;
    }
    glp_smcp limited = *parm;
    if (tm_left(g) < limited.tm_lim)
        limited.tm_lim = tm_left(g);
    int ret = glp_simplex(p, &limited);
    unhook();
    return ret;
}
