/*
 * solve.c: the solve stage. Runs GLPK's branch-and-cut (glp_intopt) on the ILP, with a callback
 * that prints a progress line (best plan, bound, gap, elapsed) on request and ends the search at
 * a stop (the interrupt flag, the caller's time limit) or at a deterministic node budget, keeping
 * the best plan. Every GLPK call runs under guard.h, so that a stop ends it within a second even
 * in the phases where GLPK calls no callback (presolve, scaling, the root LP). No clock decides
 * anything here but when to stop: the same inputs give the same plan on every machine, however
 * loaded, unless a stop ends the search first. GLPK's return code and MIP status are mapped
 * together in rp_solve_map_status. Also: the elastic solve that names the rows a plan cannot
 * satisfy, and the feasibility test of a fixed plan used by the twin tests.
 */
#include "rotaplan/solve.h"
#include "solve/fixing.h"
#include "solve/gomory.h"
#include "solve/guard.h"
#include "solve/rins.h"
#include "solve/tap.h"
#include "translate/glpk_bridge.h"
#include "util/util.h"

#include <glpk.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static double now(void)
{
    return rp_guard_now();
}

const char *rp_solve_status_name(rp_solve_status s)
{
    switch (s) {
    case RP_SOLVE_OPTIMAL:
        return "optimal";
    case RP_SOLVE_FEASIBLE:
        return "feasible, not proven optimal";
    case RP_SOLVE_INFEASIBLE:
        return "infeasible";
    case RP_SOLVE_NO_PLAN:
        return "no plan found";
    case RP_SOLVE_ERROR:
        return "solver error";
    }
    return "?";
}

rp_solve_status rp_solve_map_status(int ret, int mip_status, bool *time_limit_hit,
                                    bool *interrupted)
{
    *time_limit_hit = ret == GLP_ETMLIM;
    *interrupted = ret == GLP_ESTOP;
    switch (ret) {
    case 0:
        if (mip_status == GLP_OPT)
            return RP_SOLVE_OPTIMAL;
        if (mip_status == GLP_NOFEAS)
            return RP_SOLVE_INFEASIBLE;
        if (mip_status == GLP_FEAS)
            return RP_SOLVE_FEASIBLE;
        return RP_SOLVE_ERROR;
    case GLP_EMIPGAP: /* stopped at the requested gap: optimal within it */
        return mip_status == GLP_FEAS || mip_status == GLP_OPT ? RP_SOLVE_OPTIMAL : RP_SOLVE_ERROR;
    case GLP_ETMLIM:
    case GLP_ESTOP:
        return mip_status == GLP_FEAS || mip_status == GLP_OPT ? RP_SOLVE_FEASIBLE
                                                               : RP_SOLVE_NO_PLAN;
    case GLP_ENOPFS: /* the LP relaxation (or the presolver) found no feasible point */
        return RP_SOLVE_INFEASIBLE;
    default: /* GLP_EBOUND, GLP_EROOT, GLP_ENODFS, GLP_EFAIL: misuse or numerical failure */
        return RP_SOLVE_ERROR;
    }
}

typedef struct progress {
    const rp_solve_options *opt;
    rp_guard guard; /* the stop: the flag and opt->time_limit */
    double start, last_print, first_plan;
    double best, bound;
    bool have_plan, printed;
    int stopped;      /* RP_STOP_* that ended the last search (0: it ended by itself) */
    bool budget_hit;  /* the last search ended at its node budget */
    long node_limit;  /* the budget of the search that runs (0: none) */
    long nodes;
    const double *start_plan; /* 1-based values to hand GLPK at the first heuristic call */
    bool own_cuts;            /* the callback cuts and branches (own_cuts_and_branching) */
    rp_gomory gomory;         /* their work space and rounds (gomory.h) */
    bool rins;                /* search the start plan's neighbourhood first (rins.h) */
    double *rins_plan;        /* the better plan found there (1-based), or NULL; owned */
    double rins_objective;
    /* the problem glp_intopt runs on in search (NULL elsewhere): GLPK puts its incumbent there,
     * in our column numbers, at every improvement (with its presolver too: GLPK's
     * ios_process_sol unloads each better plan into the original problem) */
    glp_prob *p;
    /* a copy of that incumbent (1-based), taken at the first callback after each improvement,
     * or NULL; owned, freed by search on every path: after a jump out of the search (a signal
     * inside a long node LP, guard.h), when p has gone with GLPK's environment, it is what the
     * search found */
    double *kept;
    double kept_objective;
    const rp_solve_tap *tap; /* a test's look into the callback (solve/tap.h), or NULL */
} progress;

static void progress_init(progress *pr, const rp_solve_options *opt)
{
    memset(pr, 0, sizeof *pr);
    pr->opt = opt;
    rp_guard_init(&pr->guard, opt->interrupt, opt->time_limit);
    pr->start = now();
    pr->last_print = pr->first_plan = -1;
    pr->bound = NAN;
}

static double rel_gap(double best, double bound)
{
    return fabs(bound - best) / fmax(1.0, fabs(best));
}

void rp_solve_gap_text(double gap, char *buf, size_t size)
{
    double pct = 100 * gap;
    if (!(pct > 0) || !isfinite(pct)) {
        snprintf(buf, size, "%.2f%%", isfinite(pct) ? 0.0 : pct);
        return;
    }
    int digits = 2; /* two significant digits at least: 0.0037%, not 0.00% */
    while (digits < 12 && pct < 10 * pow(10, -digits))
        digits++;
    snprintf(buf, size, "%.*f%%", digits, pct);
}

static void print_progress(progress *pr, bool final)
{
    double t = now() - pr->start;
    if (!final && t - pr->last_print < 0.25)
        return;
    pr->last_print = t;
    char bound[32] = "-", gap[32];
    if (isfinite(pr->bound) && fabs(pr->bound) < 1e300)
        snprintf(bound, sizeof bound, "%.6g", pr->bound);
    rp_solve_gap_text(rel_gap(pr->best, pr->bound), gap, sizeof gap);
    if (pr->have_plan && strcmp(bound, "-") != 0)
        fprintf(stderr, "\rsolving: best plan %.6g  bound %s  gap %s  %.1f s   ", pr->best,
                bound, gap, t);
    else if (pr->have_plan)
        fprintf(stderr, "\rsolving: best plan %.6g  bound %s  %.1f s   ", pr->best, bound, t);
    else
        fprintf(stderr, "\rsolving: no plan yet  bound %s  %.1f s   ", bound, t);
    pr->printed = true;
}

/* A copy of GLPK's incumbent in pr->p when it is better than the copy kept (improvements are
 * few: n values each; every other callback costs two reads). */
/* The values of p's columns 1..n in GLPK's best plan into x[0..n-1], integral columns rounded
 * (GLPK leaves them within its tolerance of an integer). */
static void mip_values(glp_prob *p, int n, double *x)
{
    for (int j = 1; j <= n; j++) {
        double v = glp_mip_col_val(p, j);
        x[j - 1] = glp_get_col_kind(p, j) == GLP_CV ? v : round(v);
    }
}

static void keep_incumbent(progress *pr)
{
    if (!pr->p)
        return;
    int status = glp_mip_status(pr->p);
    if (status != GLP_FEAS && status != GLP_OPT)
        return;
    double objective = glp_mip_obj_val(pr->p);
    if (pr->kept && !(objective > pr->kept_objective))
        return;
    int n = glp_get_num_cols(pr->p);
    if (!pr->kept)
        pr->kept = rp_xmalloc(((size_t)n + 1) * sizeof *pr->kept);
    pr->kept[0] = 0;
    mip_values(pr->p, n, pr->kept + 1);
    pr->kept_objective = objective;
}

static void callback(glp_tree *tree, void *info)
{
    progress *pr = info;
    rp_guard_in_tree(&pr->guard);
    int reason = glp_ios_reason(tree);
    if (reason == GLP_ICUTGEN && pr->own_cuts)
        rp_gomory_round(&pr->gomory, tree);
    else if (reason == GLP_IBRANCH && pr->own_cuts)
        rp_branch_choose(&pr->gomory, tree);
    if (reason == GLP_IBINGO && !pr->have_plan)
        pr->first_plan = now() - pr->start;
    if (reason == GLP_IHEUR && pr->start_plan) {
        /* a plan the rules' direct checks passed (GLPK checks only integrality) */
        glp_ios_heur_sol(tree, pr->start_plan);
        pr->start_plan = NULL;
    }
    keep_incumbent(pr);
    glp_prob *p = glp_ios_get_prob(tree);
    if (glp_mip_status(p) == GLP_FEAS || glp_mip_status(p) == GLP_OPT) {
        pr->have_plan = true;
        pr->best = glp_mip_obj_val(p);
    }
    int node = glp_ios_best_node(tree);
    if (node)
        pr->bound = glp_ios_node_bound(tree, node);
    int total;
    glp_ios_tree_size(tree, NULL, NULL, &total);
    pr->nodes = total;
    if (pr->opt->progress)
        print_progress(pr, false);
    int why = rp_guard_reason(&pr->guard);
    if (why) {
        pr->stopped = why;
        glp_ios_terminate(tree);
    } else if (pr->node_limit > 0 && total >= pr->node_limit) {
        pr->budget_hit = true; /* the same node on every machine */
        glp_ios_terminate(tree);
    }
    if (pr->tap)
        pr->tap->fn(pr->tap->ctx, tree);
}

static void init_parameters(glp_iocp *parm, const rp_solve_options *opt, progress *pr)
{
    glp_init_iocp(parm);
    rp_guard_iocp(parm);
    parm->presolve = GLP_ON;
    parm->br_tech = GLP_BR_DTH;
    parm->bt_tech = GLP_BT_BLB;
    /* measured on the radiology instances (BENCHMARKS.md): Gomory mixed-integer and MIR cuts
     * close the last hundredths of a per cent that branching alone takes minutes over */
    parm->gmi_cuts = GLP_ON;
    parm->mir_cuts = GLP_ON;
    parm->mip_gap = opt->gap > 0 ? opt->gap : 0;
    rp_gomory_free(&pr->gomory); /* a new search: its own rounds at its root */
    pr->own_cuts = false;
    parm->cb_func = callback;
    parm->cb_info = pr;
}

/* A basis at the start plan (1-based values): every column at the bound it sits on is nonbasic
 * there, the rows are basic; a continuous column strictly inside its bounds is made basic in
 * place of a row it is tight in. Returns 0 when GLPK accepts that basis (nonsingular), else -1
 * (the caller then starts the simplex from GLPK's own basis). */
static int basis_at(glp_prob *p, const double *start)
{
    int m = glp_get_num_rows(p), n = glp_get_num_cols(p);
    for (int i = 1; i <= m; i++)
        glp_set_row_stat(p, i, GLP_BS);
    int *ind = rp_xmalloc(((size_t)m + 1) * sizeof *ind);
    double *val = rp_xmalloc(((size_t)m + 1) * sizeof *val);
    double *activity = rp_xcalloc((size_t)m + 1, sizeof *activity);
    for (int j = 1; j <= n; j++) {
        int len = glp_get_mat_col(p, j, ind, val);
        for (int k = 1; k <= len; k++)
            activity[ind[k]] += val[k] * start[j];
    }
    int err = 0;
    for (int j = 1; j <= n && !err; j++) {
        double lb = glp_get_col_lb(p, j), ub = glp_get_col_ub(p, j), v = start[j];
        int type = glp_get_col_type(p, j);
        bool has_lb = type == GLP_LO || type == GLP_DB || type == GLP_FX;
        bool has_ub = type == GLP_UP || type == GLP_DB || type == GLP_FX;
        if (type == GLP_FX) {
            glp_set_col_stat(p, j, GLP_NS);
        } else if (type == GLP_FR && fabs(v) <= 1e-9) {
            glp_set_col_stat(p, j, GLP_NF);
        } else if (has_lb && fabs(v - lb) <= 1e-9) {
            glp_set_col_stat(p, j, GLP_NL);
        } else if (has_ub && fabs(v - ub) <= 1e-9) {
            glp_set_col_stat(p, j, GLP_NU);
        } else { /* inside its bounds: basic, in place of a tight row of its own */
            int len = glp_get_mat_col(p, j, ind, val), row = 0;
            for (int k = 1; k <= len && !row; k++) {
                int i = ind[k];
                if (glp_get_row_stat(p, i) != GLP_BS)
                    continue;
                int rt = glp_get_row_type(p, i);
                double a = activity[i];
                if ((rt == GLP_FX || rt == GLP_LO || rt == GLP_DB) &&
                    fabs(a - glp_get_row_lb(p, i)) <= 1e-7) {
                    row = i;
                    glp_set_row_stat(p, i, rt == GLP_FX ? GLP_NS : GLP_NL);
                } else if ((rt == GLP_UP || rt == GLP_DB) &&
                           fabs(a - glp_get_row_ub(p, i)) <= 1e-7) {
                    row = i;
                    glp_set_row_stat(p, i, GLP_NU);
                }
            }
            if (!row)
                err = -1;
            else
                glp_set_col_stat(p, j, GLP_BS);
        }
    }
    free(ind);
    free(val);
    free(activity);
    if (!err && glp_warm_up(p) != 0)
        err = -1;
    return err;
}

/* The LP relaxation, for glp_intopt without presolve: by the primal simplex from the basis at
 * the start plan when GLPK accepts it (the plan is often at or near the LP optimum, and this LP
 * is so degenerate that the dual simplex from scratch takes minutes: BENCHMARKS.md), else by the
 * dual simplex; guarded (a stop ends it). Returns 0, RP_GUARD_STOPPED (p is gone), or the
 * glp_intopt code that says why the search cannot start (GLP_ENOPFS: no LP solution). */
static int root_lp(glp_prob *p, rp_guard *g, const double *start)
{
    glp_smcp smcp;
    glp_init_smcp(&smcp);
    rp_guard_smcp(&smcp);
    smcp.meth = GLP_DUALP;
    if (start && basis_at(p, start) == 0)
        smcp.meth = GLP_PRIMAL;
    else
        glp_adv_basis(p, 0);
    int ret = rp_guard_simplex(g, p, &smcp);
    if (ret == RP_GUARD_STOPPED)
        return ret;
    if (ret != 0)
        return GLP_EFAIL;
    switch (glp_get_status(p)) {
    case GLP_OPT:
        return 0;
    case GLP_NOFEAS:
        return GLP_ENOPFS;
    case GLP_UNBND:
        return GLP_ENODFS;
    default:
        return GLP_EFAIL;
    }
}

/* What is left of the caller's time limit. */
static rp_solve_options remaining(const progress *pr)
{
    rp_solve_options o = *pr->opt;
    if (o.time_limit > 0)
        o.time_limit = fmax(pr->guard.deadline - now(), 1e-3);
    return o;
}

/* The first plan of opt->first (1-based values for glp_ios_heur_sol), or NULL. */
static double *first_plan(const rp_ilp *ilp, const progress *pr)
{
    const rp_first_plan *fp = pr->opt->first;
    rp_solve_options o = remaining(pr);
    double *x = NULL;
    if (rp_solve_sequential_first(ilp, fp, !(o.gap > 0), &o, &x) != 0)
        return NULL;
    if (fp->accept && !fp->accept(fp->ctx, x)) {
        free(x);
        return NULL;
    }
    size_t n = rp_ilp_n_cols(ilp);
    double *start = rp_xmalloc((n + 1) * sizeof *start);
    start[0] = 0;
    memcpy(start + 1, x, n * sizeof *x);
    free(x);
    return start;
}

/* What one search left. x is 1-based (x[0] unused), NULL when it found no plan. */
typedef struct outcome {
    int ret, status;
    double *x;
    double objective;
    bool jumped; /* the stop left the search by the guard's jump: x is the incumbent kept */
} outcome;

/* The plan p holds (1-based, rounded where integral) into out. */
static void take_plan(glp_prob *p, outcome *out)
{
    out->status = glp_mip_status(p);
    out->x = NULL;
    if (out->status != GLP_OPT && out->status != GLP_FEAS)
        return;
    int n = glp_get_num_cols(p);
    out->x = rp_xmalloc(((size_t)n + 1) * sizeof *out->x);
    out->x[0] = 0;
    mip_values(p, n, out->x + 1);
    out->objective = glp_mip_obj_val(p);
}

/* The search from a start plan (presolve off: the problem is ours, whole): GLPK's Gomory cut
 * generator, its selection among a pool and its Driebeck-Tomlin branching each cost a pass over
 * the whole matrix per candidate, most of the radiology ten-cohort solve (16 s of CPU of 17,
 * BENCHMARKS.md). The callback makes the same Gomory cuts and the same branching choice from
 * cheap tableau rows (gomory.h) and adds the cuts to the node itself. GLPK's MIR cuts are off
 * there: they need the factorisation the added rows undo, and cost as much again. With GLPK's
 * presolver (the probe, the explanation's and the repair's searches) GLPK's own cuts and
 * branching stay: with ours (and no MIR) the probe of the two-year programme's 30 residents
 * (examples/initial-cohort-30.yaml) stalled at a gap of 0.6% and wrote no plan in 60 s.
 * GLPK's preprocessing of every node (bounds propagated over every row, 10 passes a node, 100 at
 * the root) is off in that search too: on the radiology programme it cost 12-28 ms a node and
 * left the number of nodes as it was on 24 of 25 generated instances; the five-cohort instance of
 * generator seed 2 took 21 nodes with it and 7 without (BENCHMARKS.md). */
static void own_cuts_and_branching(glp_iocp *parm, progress *pr)
{
    parm->gmi_cuts = GLP_OFF;
    parm->mir_cuts = GLP_OFF;
    parm->pp_tech = GLP_PP_NONE;
    pr->own_cuts = true;
}

/* Before the search from a first plan: the plan's neighbourhood where the LP relaxation's
 * optimum (p, just solved) disagrees with it is searched within a budget of nodes (rins.h); a
 * better plan there that the rules' direct checks pass becomes the plan handed to GLPK, so that
 * the search prunes with it from its first node (and search_from writes it when a stop comes
 * first, even during these searches). Returns 0, or RP_GUARD_STOPPED (p is gone). */
static int neighbourhood_of_start(const rp_ilp *ilp, progress *pr, glp_prob *p,
                                  const double *start)
{
    const rp_first_plan *fp = pr->opt->first;
    size_t n = rp_ilp_n_cols(ilp), n_groups = fp ? fp->n_groups : 0;
    int *group_of = rp_xmalloc((n + 1) * sizeof *group_of); /* a column's resident, or -1 */
    for (size_t j = 0; j < n; j++)
        group_of[j] = -1;
    for (size_t g = 0; g < n_groups; g++)
        for (size_t i = 0; i < fp->sizes[g]; i++)
            group_of[fp->groups[g][i]] = (int)g;
    double *better = NULL, objective;
    int found = rp_rins(ilp, p, start, rp_ilp_objective(ilp, start + 1), fp ? group_of : NULL,
                        n_groups, &pr->guard, RP_RINS_NODES, &better, &objective);
    free(group_of);
    if (better && fp && fp->accept && !fp->accept(fp->ctx, better + 1)) {
        free(better); /* the rows hold, a direct check does not: a bug, reported by plan */
        better = NULL;
    }
    if (better) { /* after a stop too: search_from writes it */
        free(pr->rins_plan);
        pr->rins_plan = better;
        pr->rins_objective = objective;
        pr->start_plan = better;
        if (objective > pr->best)
            pr->best = objective;
    }
    return found == RP_GUARD_STOPPED ? found : 0;
}

/* The root's cut rounds before the search (gomory.h rp_gomory_root), ending when the bound comes
 * within `enough` (relative) of the best plan, with the columns fixed that no plan as good as it
 * can move. When a re-solve fails, the LP is solved again from the basis at start, the best plan
 * (the cuts and the fixed columns stay: they hold for every plan as good). Returns 0,
 * RP_GUARD_STOPPED (p is gone), GLP_ETMLIM (the time limit: no search), or as root_lp. */
static int root_cuts(progress *pr, glp_prob *p, const double *start, double enough)
{
    double stop_at = pr->best + enough * fmax(1.0, fabs(pr->best)); /* maximising (ilp.h) */
    int ret = rp_gomory_root(&pr->gomory, p, stop_at, pr->best, &pr->guard);
    if (ret == GLP_EFAIL)
        ret = root_lp(p, &pr->guard, start);
    return ret;
}

/* Before the search from the first plan (p: the root LP solved): the neighbourhood of the plan
 * as the plain relaxation draws it; then, while a gap is left above the best plan (more than
 * the gap asked for), the root's cut rounds, and the neighbourhood of the best plan again as
 * the LP with the cuts draws it. That LP is nearer the plans: on the radiology programme's
 * ten-cohort problems the second neighbourhood holds the optimum the first misses; where the
 * first closes the gap (3 x 24 within 0.1%) neither the cuts nor the second are made here
 * (BENCHMARKS.md). Returns 0, RP_GUARD_STOPPED (p is gone), or as root_lp. */
static int neighbourhoods_and_cuts(const rp_ilp *ilp, progress *pr, glp_prob *p,
                                   const double *start)
{
    double enough = fmax(pr->opt->gap, 1e-7);
    pr->bound = glp_get_obj_val(p); /* the relaxation's: what a stop from here reports */
    rp_fix_by_reduced_cost(p, pr->best); /* smaller neighbourhoods (rins.h) */
    int ret = neighbourhood_of_start(ilp, pr, p, start);
    if (ret != 0 || rel_gap(pr->best, glp_get_obj_val(p)) <= enough)
        return ret;
    ret = root_cuts(pr, p, pr->start_plan, enough);
    if (ret != 0 || rel_gap(pr->best, glp_get_obj_val(p)) <= enough)
        return ret;
    pr->bound = glp_get_obj_val(p); /* with the cuts, which hold for every plan */
    return neighbourhood_of_start(ilp, pr, p, pr->start_plan);
}

/* After the guard's jump out of a search (the problem gone with GLPK's environment): the
 * incumbent kept in the callback (keep_incumbent) into out, status GLP_FEAS, when every row of
 * ilp holds it (to 1e-6) and the rules' direct checks pass it (opt->first->accept, where there
 * is one: GLPK checks its plans against the rows alone); else out has no plan. */
static void take_kept(const rp_ilp *ilp, progress *pr, outcome *out)
{
    double *x = pr->kept;
    pr->kept = NULL;
    out->x = NULL;
    bool ok = x != NULL && rp_ilp_holds(ilp, x + 1, 1e-6);
    const rp_first_plan *fp = pr->opt->first;
    if (ok && fp && fp->accept)
        ok = fp->accept(fp->ctx, x + 1);
    if (!ok) {
        free(x);
        return;
    }
    out->x = x;
    out->objective = rp_ilp_objective(ilp, x + 1);
    out->status = GLP_FEAS;
}

/* One glp_intopt run of at most node_limit nodes (0: no budget), from a start plan (1-based, or
 * NULL: then with GLPK's presolver); a stop ends it (pr->stopped says why). When the stop came
 * inside a long node LP and the guard jumped out, out holds the best plan GLPK had found in this
 * search (take_kept), not proven. */
static void search(const rp_ilp *ilp, progress *pr, long node_limit, const double *start,
                   outcome *out)
{
    out->jumped = false;
    pr->stopped = rp_guard_reason(&pr->guard);
    if (pr->stopped) { /* stopped before: no new search */
        out->ret = pr->stopped == RP_STOP_TIME_LIMIT ? GLP_ETMLIM : GLP_ESTOP;
        out->status = GLP_UNDEF;
        out->x = NULL;
        return;
    }
    glp_prob *p = rp_ilp_to_glpk(ilp, NULL, NULL, RP_NONE);
    pr->p = p;
    glp_iocp parm;
    init_parameters(&parm, pr->opt, pr);
    pr->node_limit = node_limit;
    pr->stopped = 0;
    pr->budget_hit = false;
    if (start) {
        /* a start plan needs GLPK's own column numbers in the callback: presolve off, and the
         * root LP solved first, from the basis at the start plan (root_lp) */
        pr->start_plan = start;
        parm.presolve = GLP_OFF;
        own_cuts_and_branching(&parm, pr);
        out->ret = root_lp(p, &pr->guard, start);
        if (out->ret == 0 && pr->rins)
            out->ret = neighbourhoods_and_cuts(ilp, pr, p, start);
        if (out->ret == 0)
            out->ret = rp_guard_intopt(&pr->guard, p, &parm);
    } else {
        out->ret = rp_guard_intopt(&pr->guard, p, &parm);
    }
    pr->start_plan = NULL;
    pr->p = NULL;
    if (out->ret == RP_GUARD_STOPPED) { /* p is gone with GLPK's environment */
        pr->stopped = rp_guard_reason(&pr->guard);
        out->ret = pr->stopped == RP_STOP_TIME_LIMIT ? GLP_ETMLIM : GLP_ESTOP;
        out->status = GLP_UNDEF;
        out->jumped = true;
        take_kept(ilp, pr, out);
        return;
    }
    free(pr->kept); /* GLPK ended the search itself: its plan is in p */
    pr->kept = NULL;
    if (pr->stopped == RP_STOP_TIME_LIMIT && out->ret == GLP_ESTOP)
        out->ret = GLP_ETMLIM; /* our own enforcement of the time limit */
    if (out->ret == GLP_ETMLIM && !pr->stopped)
        pr->stopped = RP_STOP_TIME_LIMIT; /* GLPK's tm_lim, the same limit (guard.h) */
    take_plan(p, out);
    glp_delete_prob(p);
}

/* A search from a start plan (1-based, owned by the caller) whose objective is known; the start
 * stands when the search finds nothing better before it stops. */
static void search_from(const rp_ilp *ilp, progress *pr, const double *start,
                        double start_objective, outcome *out)
{
    if (!pr->have_plan || start_objective > pr->best) {
        pr->best = start_objective;
        if (pr->first_plan < 0)
            pr->first_plan = now() - pr->start;
        pr->have_plan = true;
    }
    search(ilp, pr, 0, start, out);
    /* after the guard's jump the best of the incumbent kept, the neighbourhood's plan and the
     * start is written */
    if (pr->rins_plan && (!out->x || (out->jumped && pr->rins_objective > out->objective))) {
        free(out->x); /* stopped before GLPK took the neighbourhood's plan, or after a jump */
        out->x = pr->rins_plan;
        out->objective = pr->rins_objective;
        out->status = GLP_FEAS;
        pr->rins_plan = NULL;
    }
    if (!out->x || (out->jumped && start_objective > out->objective)) {
        free(out->x); /* nothing better before the stop: the start stands */
        size_t n = rp_ilp_n_cols(ilp);
        out->x = rp_xmalloc((n + 1) * sizeof *out->x);
        memcpy(out->x, start, (n + 1) * sizeof *out->x);
        out->objective = start_objective;
        out->status = GLP_FEAS;
    }
    free(pr->rins_plan);
    pr->rins_plan = NULL;
}

/* Problems of at most this many columns are first searched with GLPK's presolver, for at most
 * PROBE_NODES branch-and-bound nodes: measured (BENCHMARKS.md), the presolver proves the
 * radiology programme's three-cohort problems (7,600-9,700 columns) optimal faster than a search
 * from a first plan, whose presolve must be off; it finds nothing in minutes on the two-year
 * programme's weekly problems (23,500 columns and more), where the search from the first plan
 * proves the optimum in seconds. The budget is a count of nodes, not seconds: whether the probe
 * ends the solve is the same on every machine, however loaded (it was 2 s of wall clock, and a
 * loaded machine wrote another of two equal-valued optima). */
enum { PROBE_MAX_COLUMNS = 10000, PROBE_NODES = 400 };

/* The first plan's improving passes (sequential.c), left for when the plan is not yet within the
 * gap: *start (1-based) is replaced by the better plan and *objective by its value. */
static void improve_first(const rp_ilp *ilp, const progress *pr, double **start,
                          double *objective)
{
    const rp_first_plan *fp = pr->opt->first;
    rp_solve_options o = remaining(pr);
    size_t n = rp_ilp_n_cols(ilp);
    double *x = rp_xmalloc((n + 1) * sizeof *x);
    memcpy(x, *start + 1, n * sizeof *x);
    if (rp_solve_improve(ilp, fp->groups, fp->sizes, fp->n_groups, fp->shapes, &o, &x) == 0 &&
        (!fp->accept || fp->accept(fp->ctx, x))) {
        memcpy(*start + 1, x, n * sizeof *x);
        *objective = rp_ilp_objective(ilp, x);
    }
    free(x);
}

/* When a gap is asked for (--gap): the first plan was built without its improving passes; the LP
 * relaxation's optimum, which column generation finds without the simplex over every column
 * (bound.c), says whether it is within the gap; if not, the passes run, and the plan is judged
 * again. Returns true when *start (1-based, then taken into out) is within the gap: no search is
 * needed. */
static bool within_gap_of_relaxation(const rp_ilp *ilp, progress *pr, double **start,
                                     double *start_objective, outcome *out)
{
    if (!(pr->opt->gap > 0))
        return false;
    rp_solve_options o = remaining(pr);
    double bound;
    double gap = pr->opt->gap, enough = *start_objective + gap * fmax(1.0, fabs(*start_objective));
    int err = rp_lp_bound(ilp, pr->opt->first, *start + 1, enough, &o, &bound);
    if (!err && rel_gap(*start_objective, bound) > gap)
        improve_first(ilp, pr, start, start_objective);
    if (err || rel_gap(*start_objective, bound) > gap) {
        if (!err)
            pr->bound = bound;
        return false;
    }
    pr->have_plan = true;
    pr->best = *start_objective;
    pr->bound = bound;
    out->ret = GLP_EMIPGAP;
    out->status = GLP_FEAS;
    out->x = *start;
    out->objective = *start_objective;
    return true;
}

/* The rest from the first plan, or from the probe's plan when it is better; the plan stands
 * when the search finds nothing better before a stop. Without a first plan, GLPK searches with
 * its presolver (after a probe: from scratch again, GLPK cannot resume a search). */
static void search_after_probe(const rp_ilp *ilp, progress *pr, outcome *out)
{
    double *start = first_plan(ilp, pr);
    int why = rp_guard_reason(&pr->guard);
    if (!start && why) {
        /* stopped while the first plan was built: no new search; the probe's plan stands */
        pr->stopped = why;
        if (!out->x) {
            out->ret = why == RP_STOP_TIME_LIMIT ? GLP_ETMLIM : GLP_ESTOP;
            out->status = GLP_UNDEF;
        }
        return;
    }
    if (!start) {
        outcome rest;
        search(ilp, pr, 0, NULL, &rest);
        if (out->x && (!rest.x || (rest.jumped && rest.objective <= out->objective))) {
            free(rest.x); /* keep what the probe found: the search stopped before a better one */
            return;
        }
        free(out->x);
        *out = rest;
        return;
    }
    if (pr->first_plan < 0)
        pr->first_plan = now() - pr->start; /* a compliant plan: a stop from here writes it */
    double start_objective = rp_ilp_objective(ilp, start + 1);
    if (!out->x && within_gap_of_relaxation(ilp, pr, &start, &start_objective, out))
        return;
    bool probe_better = out->x && out->objective > start_objective;
    outcome second;
    pr->rins = true;
    search_from(ilp, pr, probe_better ? out->x : start,
                probe_better ? out->objective : start_objective, &second);
    free(start);
    free(out->x);
    *out = second;
}

/* With a way to build a first plan: on a small problem, a search with GLPK's presolver first,
 * of at most PROBE_NODES nodes (done when it proves the optimum); then the first plan is built
 * (resident by resident: a fraction of the search's time, sequential.c) and the search starts
 * from it. */
static void search_with_first(const rp_ilp *ilp, progress *pr, outcome *out)
{
    memset(out, 0, sizeof *out);
    if (rp_ilp_n_cols(ilp) <= PROBE_MAX_COLUMNS) {
        search(ilp, pr, PROBE_NODES, NULL, out);
        if ((out->ret == 0 && out->status == GLP_OPT) || pr->stopped)
            return;
        if (out->ret == GLP_ENOPFS || (out->ret == 0 && out->status == GLP_NOFEAS))
            return; /* proven: no plan */
    }
    search_after_probe(ilp, pr, out);
}

/* From the caller's start plan (0-based values). */
static void search_from_start(const rp_ilp *ilp, progress *pr, outcome *out)
{
    size_t n = rp_ilp_n_cols(ilp);
    double *start = rp_xmalloc((n + 1) * sizeof *start);
    start[0] = 0;
    memcpy(start + 1, pr->opt->start, n * sizeof *start);
    search_from(ilp, pr, start, rp_ilp_objective(ilp, pr->opt->start), out);
    free(start);
}

int rp_solve(const rp_ilp *ilp, const rp_solve_options *opt, rp_solve_result *res, rp_diags *d)
{
    return rp_solve_tapped(ilp, opt, NULL, res, d);
}

int rp_solve_tapped(const rp_ilp *ilp, const rp_solve_options *opt, const rp_solve_tap *tap,
                    rp_solve_result *res, rp_diags *d)
{
    memset(res, 0, sizeof *res);
    res->first_plan_seconds = -1;
    progress pr;
    progress_init(&pr, opt);
    pr.tap = tap;
    outcome out;
    if (opt->start)
        search_from_start(ilp, &pr, &out);
    else if (opt->first)
        search_with_first(ilp, &pr, &out);
    else
        search(ilp, &pr, 0, NULL, &out);
    res->status = rp_solve_map_status(out.ret, out.status, &res->time_limit_hit,
                                      &res->interrupted);
    /* why it ended is the stop's, not GLPK's code: a node budget also ends in GLP_ESTOP, and a
     * stop while the first plan was being built leaves the probe's code */
    int why = pr.stopped ? pr.stopped : rp_guard_reason(&pr.guard);
    res->interrupted = why == RP_STOP_SIGNAL;
    res->time_limit_hit = why == RP_STOP_TIME_LIMIT;
    res->budget_hit = !why && pr.budget_hit;
    if (res->budget_hit && res->status == RP_SOLVE_OPTIMAL && out.ret != 0)
        res->status = RP_SOLVE_FEASIBLE;
    res->seconds = now() - pr.start;
    res->first_plan_seconds = pr.have_plan ? (pr.first_plan >= 0 ? pr.first_plan : res->seconds)
                                           : -1;
    res->nodes = pr.nodes;
    rp_gomory_free(&pr.gomory);
    free(pr.kept); /* search took or freed it: NULL here */
    if (opt->progress && pr.printed)
        fputs("\r\033[K", stderr);
    if (out.x && (res->status == RP_SOLVE_OPTIMAL || res->status == RP_SOLVE_FEASIBLE)) {
        res->n_cols = rp_ilp_n_cols(ilp);
        res->x = rp_xmalloc((res->n_cols + 1) * sizeof *res->x);
        memcpy(res->x, out.x + 1, res->n_cols * sizeof *res->x);
        res->objective = out.objective;
        res->bound = res->status == RP_SOLVE_OPTIMAL && out.ret == 0 ? res->objective : pr.bound;
        if (isnan(res->bound) || fabs(res->bound) > 1e300)
            res->bound = NAN; /* no bound proven: the search stopped before its root LP */
        res->gap = isnan(res->bound) ? NAN : rel_gap(res->objective, res->bound);
    }
    free(out.x);
    if (res->status == RP_SOLVE_ERROR) {
        rp_diag_add(d, RP_ERROR, NULL, 0, 0, 0, "GLPK failed (glp_intopt returned %d)", out.ret);
        return -1;
    }
    return 0;
}

void rp_solve_result_free(rp_solve_result *res)
{
    free(res->x);
    res->x = NULL;
}

/* glp_intopt on p under opt (its stop) within node_limit nodes (0: no budget), without
 * progress, tap (NULL: none) looking into its callback; sets *status to glp_mip_status. Returns
 * glp_intopt's code (GLP_ETMLIM when opt's time limit ended it, GLPK's tm_lim or the callback's;
 * GLP_ESTOP at the budget or the flag), or RP_GUARD_STOPPED when a stop ended it by the guard's
 * jump: then p is gone (guard.h), *status is GLP_UNDEF, and *kept (when kept is not NULL) is the
 * best plan GLPK had found before (1-based, p's columns; NULL when none), which the caller
 * frees. */
static int run_intopt(glp_prob *p, const rp_solve_options *opt, long node_limit,
                      const rp_solve_tap *tap, int *status, double **kept)
{
    progress pr;
    progress_init(&pr, opt);
    pr.node_limit = node_limit;
    pr.tap = tap;
    pr.p = kept ? p : NULL; /* the callback keeps a copy of each better plan (keep_incumbent) */
    glp_iocp parm;
    init_parameters(&parm, opt, &pr);
    int ret = rp_guard_intopt(&pr.guard, p, &parm);
    rp_gomory_free(&pr.gomory);
    if (ret == GLP_ESTOP && pr.stopped == RP_STOP_TIME_LIMIT)
        ret = GLP_ETMLIM; /* the callback's enforcement of the same limit */
    *status = ret == RP_GUARD_STOPPED ? GLP_UNDEF : glp_mip_status(p);
    if (kept && ret == RP_GUARD_STOPPED)
        *kept = pr.kept;
    else
        free(pr.kept);
    return ret;
}

/* Budgets of the explanation's solves: a count of nodes, the same on every machine. */
enum { ELASTIC_NODES = 20000, WITHOUT_NODES = 5000 };
/* The budget of a repair (rp_solve_partial): it stops at opt's gap or here. */
enum { PARTIAL_NODES = 5000 };

/* ---- elastic: which rows cannot hold together ---- */

int rp_solve_elastic(const rp_ilp *ilp, double time_limit, int **rows, size_t *n_rows,
                     double **x)
{
    return rp_solve_elastic_within(ilp, time_limit, ELASTIC_NODES, rows, n_rows, x);
}

/* What rp_solve_elastic returns when its search found no solution: -1 only when GLPK proved
 * there is none, -2 when the time limit stopped it, -3 when anything else ended it first (the
 * node budget, a failure): no proof either way. */
static int elastic_without_solution(int ret, int status)
{
    if (ret == GLP_ENOPFS || (ret == 0 && status == GLP_NOFEAS))
        return -1;
    if (ret == GLP_ETMLIM || ret == RP_GUARD_STOPPED)
        return -2;
    return -3;
}

int rp_solve_elastic_within(const rp_ilp *ilp, double time_limit, long node_limit, int **rows,
                            size_t *n_rows, double **x)
{
    if (x)
        *x = NULL;
    glp_prob *p = rp_ilp_to_glpk(ilp, NULL, NULL, RP_NONE);
    int n = glp_get_num_cols(p), m = glp_get_num_rows(p);
    for (int j = 1; j <= n; j++)
        glp_set_obj_coef(p, j, 0);
    glp_set_obj_coef(p, 0, 0);
    /* each rule row gets slack on its violated side(s), penalised in the objective */
    int *slack_row = rp_xmalloc(((size_t)m * 2 + 1) * sizeof *slack_row);
    int n_slack = 0;
    for (int i = 1; i <= m; i++) {
        rp_row_tag tag = rp_ilp_row_tag(ilp, i - 1);
        if (tag.rule < 0)
            continue;
        int type = glp_get_row_type(p, i);
        for (int side = -1; side <= 1; side += 2) {
            if ((type == GLP_UP && side > 0) || (type == GLP_LO && side < 0))
                continue;
            int j = glp_add_cols(p, 1);
            glp_set_col_bnds(p, j, GLP_LO, 0, 0);
            glp_set_obj_coef(p, j, -1);
            int ind[2] = {0, i};
            double val[2] = {0, (double)side};
            glp_set_mat_col(p, j, 1, ind, val);
            slack_row[n_slack++] = i;
        }
    }
    rp_solve_options opt = {time_limit, 0, false, NULL, NULL, NULL};
    int status, ret = run_intopt(p, &opt, node_limit, NULL, &status, NULL);
    int found = elastic_without_solution(ret, status);
    *rows = NULL;
    *n_rows = 0;
    if ((ret == 0 || ret == GLP_ETMLIM || ret == GLP_ESTOP) &&
        (status == GLP_OPT || status == GLP_FEAS)) {
        size_t cap = 0;
        for (int k = 0; k < n_slack; k++) {
            if (glp_mip_col_val(p, n + 1 + k) > 1e-6) {
                int row = slack_row[k] - 1;
                if (*n_rows == 0 || (*rows)[*n_rows - 1] != row)
                    *RP_PUSH(*rows, *n_rows, cap) = row;
            }
        }
        found = status == GLP_OPT && ret == 0 ? 1 : 0;
        if (x) {
            *x = rp_xmalloc(((size_t)n + 1) * sizeof **x);
            mip_values(p, n, *x);
        }
    }
    free(slack_row);
    if (ret != RP_GUARD_STOPPED)
        glp_delete_prob(p);
    return found;
}

/* ---- a fixed plan ---- */

int rp_solve_without(const rp_ilp *ilp, const int *rows, size_t n_rows, double time_limit)
{
    glp_prob *p = rp_ilp_to_glpk(ilp, NULL, NULL, RP_NONE);
    for (int j = 0; j <= glp_get_num_cols(p); j++)
        glp_set_obj_coef(p, j, 0); /* any solution will do */
    for (size_t i = 0; i < n_rows; i++)
        glp_set_row_bnds(p, rows[i] + 1, GLP_FR, 0, 0);
    rp_solve_options opt = {time_limit, 0, false, NULL, NULL, NULL};
    int status, ret = run_intopt(p, &opt, WITHOUT_NODES, NULL, &status, NULL);
    if (ret != RP_GUARD_STOPPED)
        glp_delete_prob(p);
    if (ret == GLP_ENOPFS || (ret == 0 && status == GLP_NOFEAS))
        return 0;
    if (status == GLP_OPT || status == GLP_FEAS)
        return 1;
    return -1;
}

/* The plan kept from a search the guard's jump ended (1-based, ilp's columns; freed here) into
 * *x (0-based, n_cols values) when every row of ilp holds it (to 1e-6): GLPK checks its plans
 * against the rows it had, and the caller's direct checks come after. Returns 0, or -1 when
 * there is no such plan. */
static int take_kept_plan(const rp_ilp *ilp, double *kept, double **x)
{
    size_t n = rp_ilp_n_cols(ilp);
    bool ok = kept != NULL && rp_ilp_holds(ilp, kept + 1, 1e-6);
    if (ok) {
        *x = rp_xmalloc((n + 1) * sizeof **x);
        memcpy(*x, kept + 1, n * sizeof **x);
    }
    free(kept);
    return ok ? 0 : -1;
}

int rp_solve_partial(const rp_ilp *ilp, const double *fixed, const rp_solve_options *opt,
                     double **x)
{
    return rp_solve_partial_tapped(ilp, fixed, opt, NULL, x);
}

int rp_solve_partial_tapped(const rp_ilp *ilp, const double *fixed, const rp_solve_options *opt,
                            const rp_solve_tap *tap, double **x)
{
    glp_prob *p = rp_ilp_to_glpk(ilp, fixed, fixed, RP_NONE);
    double *kept = NULL;
    int status, ret = run_intopt(p, opt, PARTIAL_NODES, tap, &status, &kept);
    if (ret == RP_GUARD_STOPPED) /* p went with GLPK's environment; its best plan was kept */
        return take_kept_plan(ilp, kept, x);
    bool found = (ret == 0 || ret == GLP_EMIPGAP || ret == GLP_ETMLIM || ret == GLP_ESTOP) &&
                 (status == GLP_OPT || status == GLP_FEAS);
    if (found) {
        int n = glp_get_num_cols(p);
        *x = rp_xmalloc(((size_t)n + 1) * sizeof **x);
        mip_values(p, n, *x);
    }
    glp_delete_prob(p);
    return found ? 0 : -1;
}

int rp_solve_fixed(const rp_ilp *ilp, const double *fixed, int skip_rule)
{
    glp_prob *p = rp_ilp_to_glpk(ilp, fixed, fixed, skip_rule);
    rp_solve_options opt = {30, 0, false, NULL, NULL, NULL};
    int status, ret = run_intopt(p, &opt, 0, NULL, &status, NULL);
    if (ret != RP_GUARD_STOPPED)
        glp_delete_prob(p);
    if (ret == GLP_ENOPFS || (ret == 0 && status == GLP_NOFEAS))
        return 0;
    if (ret == 0 && (status == GLP_OPT || status == GLP_FEAS))
        return 1;
    return -1;
}
