/*
 * solve.c: the solve stage. Runs GLPK's branch-and-cut (glp_intopt, presolve on) on the ILP,
 * with a callback that prints a progress line (best plan, bound, gap, elapsed) on request, stops
 * at the user's time limit even when GLPK's own limit is overrun, and stops when the interrupt
 * flag is raised (keeping the best plan). GLPK's return code and MIP status are mapped together
 * in rp_solve_map_status. Also: the elastic solve that names the rows a plan cannot satisfy, and
 * the feasibility test of a fixed plan used by the twin tests.
 */
#include "rotaplan/solve.h"
#include "translate/glpk_bridge.h"
#include "util/util.h"

#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + ts.tv_nsec / 1e9;
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
    double start, last_print, first_plan;
    double best, bound;
    bool have_plan, stopped_by_limit, printed;
    long nodes;
    const double *start_plan; /* 1-based values to hand GLPK at the first heuristic call */
    double deadline;          /* when this search stops (0: none) */
} progress;

static double rel_gap(double best, double bound)
{
    return fabs(bound - best) / fmax(1.0, fabs(best));
}

static void print_progress(progress *pr, bool final)
{
    double t = now() - pr->start;
    if (!final && t - pr->last_print < 0.25)
        return;
    pr->last_print = t;
    char bound[32] = "-";
    if (isfinite(pr->bound) && fabs(pr->bound) < 1e300)
        snprintf(bound, sizeof bound, "%.6g", pr->bound);
    if (pr->have_plan && strcmp(bound, "-") != 0)
        fprintf(stderr, "\rsolving: best plan %.6g  bound %s  gap %.2f%%  %.1f s   ", pr->best,
                bound, 100 * rel_gap(pr->best, pr->bound), t);
    else if (pr->have_plan)
        fprintf(stderr, "\rsolving: best plan %.6g  bound %s  %.1f s   ", pr->best, bound, t);
    else
        fprintf(stderr, "\rsolving: no plan yet  bound %s  %.1f s   ", bound, t);
    pr->printed = true;
}

static void callback(glp_tree *tree, void *info)
{
    progress *pr = info;
    int reason = glp_ios_reason(tree);
    if (reason == GLP_IBINGO && !pr->have_plan)
        pr->first_plan = now() - pr->start;
    if (reason == GLP_IHEUR && pr->start_plan) {
        /* a plan the rules' direct checks passed (GLPK checks only integrality) */
        glp_ios_heur_sol(tree, pr->start_plan);
        pr->start_plan = NULL;
    }
    glp_prob *p = glp_ios_get_prob(tree);
    if (glp_mip_status(p) == GLP_FEAS || glp_mip_status(p) == GLP_OPT) {
        pr->have_plan = true;
        pr->best = glp_mip_obj_val(p);
    }
    int node = glp_ios_best_node(tree);
    if (node)
        pr->bound = glp_ios_node_bound(tree, node);
    int active;
    glp_ios_tree_size(tree, &active, NULL, NULL);
    pr->nodes = active;
    if (pr->opt->progress)
        print_progress(pr, false);
    if (pr->opt->interrupt && *pr->opt->interrupt) {
        glp_ios_terminate(tree);
        return;
    }
    if (pr->deadline > 0 && now() > pr->deadline) {
        pr->stopped_by_limit = true;
        glp_ios_terminate(tree);
    }
}

static void init_parameters(glp_iocp *parm, const rp_solve_options *opt, progress *pr)
{
    glp_init_iocp(parm);
    parm->msg_lev = GLP_MSG_OFF;
    parm->presolve = GLP_ON;
    parm->br_tech = GLP_BR_DTH;
    parm->bt_tech = GLP_BT_BLB;
    /* measured on the radiology instances (BENCHMARKS.md): Gomory mixed-integer and MIR cuts
     * close the last hundredths of a per cent that branching alone takes minutes over */
    parm->gmi_cuts = GLP_ON;
    parm->mir_cuts = GLP_ON;
    parm->mip_gap = opt->gap > 0 ? opt->gap : 0;
    if (opt->time_limit > 0)
        parm->tm_lim = (int)fmin(opt->time_limit * 1000, 2e9);
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

/* The LP relaxation, for glp_intopt without presolve, within `limit` seconds (0: none): by the
 * primal simplex from the basis at the start plan when GLPK accepts it (the plan is often at or
 * near the LP optimum, and this LP is so degenerate that the dual simplex from scratch takes
 * minutes: BENCHMARKS.md), else by the dual simplex. Returns 0, or the glp_intopt code that says
 * why the search cannot start (GLP_ENOPFS: no LP solution; GLP_ETMLIM: out of time). */
static int root_lp(glp_prob *p, double limit, const double *start)
{
    glp_smcp smcp;
    glp_init_smcp(&smcp);
    smcp.msg_lev = GLP_MSG_OFF;
    smcp.meth = GLP_DUALP;
    if (start && basis_at(p, start) == 0)
        smcp.meth = GLP_PRIMAL;
    else
        glp_adv_basis(p, 0);
    if (limit > 0)
        smcp.tm_lim = (int)fmin(fmax(limit * 1000, 1), 2e9);
    int ret = glp_simplex(p, &smcp);
    if (ret == GLP_ETMLIM)
        return GLP_ETMLIM;
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

/* The first plan of opt->first (1-based values for glp_ios_heur_sol), or NULL. */
static double *first_plan(const rp_ilp *ilp, const rp_solve_options *opt)
{
    const rp_first_plan *fp = opt->first;
    double *x = NULL;
    if (rp_solve_sequential(ilp, fp->groups, fp->sizes, fp->n_groups, opt, &x) != 0)
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
} outcome;

/* One glp_intopt run of at most `limit` seconds (0: the overall limit only), from a start plan
 * (1-based, or NULL: then with GLPK's presolver). */
static void search(const rp_ilp *ilp, progress *pr, double limit, const double *start,
                   outcome *out)
{
    glp_prob *p = rp_ilp_to_glpk(ilp, NULL, NULL, RP_NONE);
    rp_solve_options o = *pr->opt;
    double left = 0; /* 0: no overall limit */
    if (o.time_limit > 0)
        left = fmax(o.time_limit - (now() - pr->start), 1e-3);
    o.time_limit = limit > 0 && (left == 0 || limit < left) ? limit : left;
    glp_iocp parm;
    init_parameters(&parm, &o, pr);
    pr->deadline = o.time_limit > 0 ? now() + o.time_limit : 0;
    pr->stopped_by_limit = false;
    glp_term_out(GLP_OFF);
    if (start) {
        /* a start plan needs GLPK's own column numbers in the callback: presolve off, and the
         * root LP solved first, from the basis at the start plan (root_lp) */
        pr->start_plan = start;
        parm.presolve = GLP_OFF;
        out->ret = root_lp(p, o.time_limit, start);
        if (out->ret == 0) {
            double rest = pr->deadline > 0 ? pr->deadline - now() : 0;
            if (pr->deadline > 0 && rest <= 0)
                out->ret = GLP_ETMLIM;
            else {
                if (rest > 0)
                    parm.tm_lim = (int)fmin(fmax(rest * 1000, 1), 2e9);
                out->ret = glp_intopt(p, &parm);
            }
        }
    } else {
        out->ret = glp_intopt(p, &parm);
    }
    glp_term_out(GLP_ON);
    pr->start_plan = NULL;
    out->status = glp_mip_status(p);
    if (pr->stopped_by_limit && out->ret == GLP_ESTOP)
        out->ret = GLP_ETMLIM; /* our own enforcement of the time limit */
    out->x = NULL;
    if (out->status == GLP_OPT || out->status == GLP_FEAS) {
        int n = glp_get_num_cols(p);
        out->x = rp_xmalloc(((size_t)n + 1) * sizeof *out->x);
        out->x[0] = 0;
        for (int j = 1; j <= n; j++) {
            double v = glp_mip_col_val(p, j);
            out->x[j] = rp_ilp_col_kind(ilp, j - 1) == RP_COL_CONTINUOUS ? v : round(v);
        }
        out->objective = glp_mip_obj_val(p);
    }
    glp_delete_prob(p);
}

/* A search from a start plan (1-based, owned by the caller) whose objective is known; the start
 * stands when the search finds nothing better in time. */
static void search_from(const rp_ilp *ilp, progress *pr, const double *start,
                        double start_objective, outcome *out)
{
    if (!pr->have_plan || start_objective > pr->best) {
        pr->best = start_objective;
        if (!pr->have_plan)
            pr->first_plan = now() - pr->start;
        pr->have_plan = true;
    }
    search(ilp, pr, 0, start, out);
    if (!out->x) { /* nothing better in time: the start stands */
        size_t n = rp_ilp_n_cols(ilp);
        out->x = rp_xmalloc((n + 1) * sizeof *out->x);
        memcpy(out->x, start, (n + 1) * sizeof *out->x);
        out->objective = start_objective;
        out->status = GLP_FEAS;
    }
}

/* Problems of at most this many columns are first searched with GLPK's presolver for a short
 * while: measured (BENCHMARKS.md), the presolver proves the radiology programme's three-cohort
 * problems (7,600-9,700 columns) optimal faster than a search from a first plan, whose presolve
 * must be off; on the five-cohort one (12,500) it sometimes needs more than its 2 s and the
 * search from the first plan is steadier; and it finds nothing in minutes on the two-year
 * programme's weekly problems (23,500 columns and more), where the search from the first plan
 * proves the optimum in seconds. */
enum { PROBE_MAX_COLUMNS = 10000 };
static const double PROBE_SECONDS = 2.0;

/* The rest of the time from the first plan, or from the probe's plan when it is better; the plan
 * stands when the search finds nothing better in time. Without a first plan, GLPK searches with
 * its presolver (after a probe: from scratch again, GLPK cannot resume a search). */
static void search_after_probe(const rp_ilp *ilp, progress *pr, outcome *out)
{
    double *start = first_plan(ilp, pr->opt);
    if (!start && pr->opt->interrupt && *pr->opt->interrupt) {
        /* stopped while the first plan was built: no new search (its presolve and root LP
         * would run minutes before any callback sees the flag); the probe's plan stands */
        if (!out->x) {
            out->ret = GLP_ESTOP;
            out->status = GLP_UNDEF;
        }
        return;
    }
    if (!start) {
        outcome rest;
        search(ilp, pr, 0, NULL, &rest);
        if (!rest.x && out->x) /* keep what the probe found */
            return;
        free(out->x);
        *out = rest;
        return;
    }
    double start_objective = rp_ilp_objective(ilp, start + 1);
    bool probe_better = out->x && out->objective > start_objective;
    outcome second;
    search_from(ilp, pr, probe_better ? out->x : start,
                probe_better ? out->objective : start_objective, &second);
    free(start);
    free(out->x);
    *out = second;
}

/* With a way to build a first plan: on a small problem, a short search with GLPK's presolver
 * first (done when it proves the optimum); then the first plan is built (resident by resident:
 * a fraction of the search's time, sequential.c) and the search starts from it. */
static void search_with_first(const rp_ilp *ilp, progress *pr, outcome *out)
{
    memset(out, 0, sizeof *out);
    if (rp_ilp_n_cols(ilp) <= PROBE_MAX_COLUMNS) {
        double left = pr->opt->time_limit > 0 ? pr->opt->time_limit - (now() - pr->start) : 0;
        search(ilp, pr, left > 0 && left / 5 < PROBE_SECONDS ? left / 5 : PROBE_SECONDS, NULL,
               out);
        if ((out->ret == 0 && out->status == GLP_OPT) ||
            (pr->opt->interrupt && *pr->opt->interrupt))
            return;
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
    memset(res, 0, sizeof *res);
    res->first_plan_seconds = -1;
    progress pr = {opt, now(), -1, -1, 0, 0, false, false, false, 0, NULL, 0};
    pr.bound = NAN;
    outcome out;
    if (opt->start)
        search_from_start(ilp, &pr, &out);
    else if (opt->first)
        search_with_first(ilp, &pr, &out);
    else
        search(ilp, &pr, 0, NULL, &out);
    res->status = rp_solve_map_status(out.ret, out.status, &res->time_limit_hit,
                                      &res->interrupted);
    /* the flag, not GLPK's code, says so: a stop while the first plan was being built leaves
     * the probe's code (its time limit), and the caller must still exit as interrupted */
    if (opt->interrupt && *opt->interrupt)
        res->interrupted = true;
    res->seconds = now() - pr.start;
    res->first_plan_seconds = pr.have_plan ? (pr.first_plan >= 0 ? pr.first_plan : res->seconds)
                                           : -1;
    res->nodes = pr.nodes;
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

/* glp_intopt on p under opt, without progress; sets *status to glp_mip_status. */
static int run_intopt(glp_prob *p, const rp_solve_options *opt, int *status)
{
    progress pr = {opt, now(), -1, -1, 0, 0, false, false, false, 0, NULL, 0};
    glp_iocp parm;
    init_parameters(&parm, opt, &pr);
    glp_term_out(GLP_OFF);
    int ret = glp_intopt(p, &parm);
    glp_term_out(GLP_ON);
    *status = glp_mip_status(p);
    return ret;
}

/* ---- elastic: which rows cannot hold together ---- */

int rp_solve_elastic(const rp_ilp *ilp, double time_limit, int **rows, size_t *n_rows,
                     double **x)
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
    int status, ret = run_intopt(p, &opt, &status);
    int found = -1;
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
        found = status == GLP_OPT ? 1 : 0;
        if (x) {
            *x = rp_xmalloc(((size_t)n + 1) * sizeof **x);
            for (int j = 1; j <= n; j++) {
                double v = glp_mip_col_val(p, j);
                (*x)[j - 1] = glp_get_col_kind(p, j) == GLP_CV ? v : round(v);
            }
        }
    }
    free(slack_row);
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
    int status, ret = run_intopt(p, &opt, &status);
    glp_delete_prob(p);
    if (ret == GLP_ENOPFS || (ret == 0 && status == GLP_NOFEAS))
        return 0;
    if (status == GLP_OPT || status == GLP_FEAS)
        return 1;
    return -1;
}

int rp_solve_partial(const rp_ilp *ilp, const double *fixed, const rp_solve_options *opt,
                     double **x)
{
    glp_prob *p = rp_ilp_to_glpk(ilp, fixed, fixed, RP_NONE);
    int status, ret = run_intopt(p, opt, &status);
    bool found = (ret == 0 || ret == GLP_EMIPGAP || ret == GLP_ETMLIM || ret == GLP_ESTOP) &&
                 (status == GLP_OPT || status == GLP_FEAS);
    if (found) {
        int n = glp_get_num_cols(p);
        *x = rp_xmalloc(((size_t)n + 1) * sizeof **x);
        for (int j = 1; j <= n; j++) {
            double v = glp_mip_col_val(p, j);
            (*x)[j - 1] = glp_get_col_kind(p, j) == GLP_CV ? v : round(v);
        }
    }
    glp_delete_prob(p);
    return found ? 0 : -1;
}

int rp_solve_fixed(const rp_ilp *ilp, const double *fixed, int skip_rule)
{
    glp_prob *p = rp_ilp_to_glpk(ilp, fixed, fixed, skip_rule);
    rp_solve_options opt = {30, 0, false, NULL, NULL, NULL};
    int status, ret = run_intopt(p, &opt, &status);
    glp_delete_prob(p);
    if (ret == GLP_ENOPFS || (ret == 0 && status == GLP_NOFEAS))
        return 0;
    if (ret == 0 && (status == GLP_OPT || status == GLP_FEAS))
        return 1;
    return -1;
}
