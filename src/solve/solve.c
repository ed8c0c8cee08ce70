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
    if (pr->opt->time_limit > 0 && now() - pr->start > pr->opt->time_limit) {
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

int rp_solve(const rp_ilp *ilp, const rp_solve_options *opt, rp_solve_result *res, rp_diags *d)
{
    memset(res, 0, sizeof *res);
    res->first_plan_seconds = -1;
    glp_prob *p = rp_ilp_to_glpk(ilp, NULL, NULL, RP_NONE);
    progress pr = {opt, now(), -1, -1, 0, 0, false, false, false, 0};
    pr.bound = NAN;
    glp_iocp parm;
    init_parameters(&parm, opt, &pr);
    glp_term_out(GLP_OFF);
    int ret = glp_intopt(p, &parm);
    glp_term_out(GLP_ON);
    int status = glp_mip_status(p);
    if (pr.stopped_by_limit && ret == GLP_ESTOP)
        ret = GLP_ETMLIM; /* our own enforcement of the time limit */
    res->status = rp_solve_map_status(ret, status, &res->time_limit_hit, &res->interrupted);
    res->seconds = now() - pr.start;
    res->first_plan_seconds = pr.have_plan ? (pr.first_plan >= 0 ? pr.first_plan : res->seconds)
                                           : -1;
    res->nodes = pr.nodes;
    if (opt->progress && pr.printed)
        fputs("\r\033[K", stderr);
    if (res->status == RP_SOLVE_OPTIMAL || res->status == RP_SOLVE_FEASIBLE) {
        res->n_cols = rp_ilp_n_cols(ilp);
        res->x = rp_xmalloc((res->n_cols + 1) * sizeof *res->x);
        for (size_t j = 0; j < res->n_cols; j++) {
            double v = glp_mip_col_val(p, (int)j + 1);
            res->x[j] = rp_ilp_col_kind(ilp, (int)j) == RP_COL_CONTINUOUS ? v : round(v);
        }
        res->objective = glp_mip_obj_val(p);
        res->bound = res->status == RP_SOLVE_OPTIMAL && ret == 0 ? res->objective : pr.bound;
        if (isnan(res->bound))
            res->bound = res->objective;
        res->gap = rel_gap(res->objective, res->bound);
    }
    glp_delete_prob(p);
    if (res->status == RP_SOLVE_ERROR) {
        rp_diag_add(d, RP_ERROR, NULL, 0, 0, 0, "GLPK failed (glp_intopt returned %d)", ret);
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
    progress pr = {opt, now(), -1, -1, 0, 0, false, false, false, 0};
    glp_iocp parm;
    init_parameters(&parm, opt, &pr);
    glp_term_out(GLP_OFF);
    int ret = glp_intopt(p, &parm);
    glp_term_out(GLP_ON);
    *status = glp_mip_status(p);
    return ret;
}

/* ---- elastic: which rows cannot hold together ---- */

int rp_solve_elastic(const rp_ilp *ilp, double time_limit, int **rows, size_t *n_rows)
{
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
    rp_solve_options opt = {time_limit, 0, false, NULL, NULL};
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
    }
    free(slack_row);
    glp_delete_prob(p);
    return found;
}

/* ---- a fixed plan ---- */

int rp_solve_fixed(const rp_ilp *ilp, const double *fixed, int skip_rule)
{
    glp_prob *p = rp_ilp_to_glpk(ilp, fixed, fixed, skip_rule);
    rp_solve_options opt = {30, 0, false, NULL, NULL};
    int status, ret = run_intopt(p, &opt, &status);
    glp_delete_prob(p);
    if (ret == GLP_ENOPFS || (ret == 0 && status == GLP_NOFEAS))
        return 0;
    if (ret == 0 && (status == GLP_OPT || status == GLP_FEAS))
        return 1;
    return -1;
}
