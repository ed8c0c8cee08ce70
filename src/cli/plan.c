/*
 * plan.c: `rotaplan plan [MODEL] [--residents FILE] ...`, the main job. Runs the whole pipeline:
 * load the model and cohort, translate, optionally export the ILP, solve, decode, check the
 * decoded plan with every rule's direct check, and write it. A plan that the direct checks reject
 * is a bug (rows and checks disagree): it is reported and nothing is written.
 */
#include "cli/whatif.h"
#include "rotaplan/rule.h"
#include "rotaplan/solve.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct plan_args {
    const char *model, *residents, *format, *out, *lp, *mps, *time_limit, *gap, *keep, *from;
    bool quiet, help, best_effort, excel;
} plan_args;

/* --keep PLAN --from DATE: the earlier plan whose past stays as it was and whose announced
 * future changes only as far as it must (whatif.c rp_whatif_keep). */
typedef struct keep {
    rp_plan *plan; /* NULL without --keep */
    rp_date from;
} keep;

static int parse_args(int argc, char **argv, plan_args *a)
{
    const rp_opt opts[] = {
        {"--residents", true, &a->residents, NULL}, {"--format", true, &a->format, NULL},
        {"--out", true, &a->out, NULL},             {"--lp", true, &a->lp, NULL},
        {"--mps", true, &a->mps, NULL},             {"--time-limit", true, &a->time_limit, NULL},
        {"--gap", true, &a->gap, NULL},             {"--quiet", false, NULL, &a->quiet},
        {"--help", false, NULL, &a->help},          {"--keep", true, &a->keep, NULL},
        {"--from", true, &a->from, NULL},           {"--best-effort", false, NULL, &a->best_effort},
        {"--excel", false, NULL, &a->excel},
    };
    const char *pos[1];
    size_t npos;
    if (rp_cli_parse("plan", argc, argv, opts, sizeof opts / sizeof opts[0], pos, 1, &npos) != 0)
        return -1;
    a->model = npos ? pos[0] : NULL;
    return 0;
}

/* The direct checks of the rules that have rows must pass what the solver returned. Intake
 * rules have no rows: their violations are the cohort's, reported, not a bug. */
static int audit(const rp_model *m, const rp_cohort *c, const rp_plan *plan, bool quiet,
                 int *status)
{
    rp_findings f = RP_FINDINGS_INIT;
    rp_diags d = RP_DIAGS_INIT;
    if (rp_check_plan(m, c, plan, &f, &d) != 0) {
        rp_diags_print(&d, stderr);
        rp_diags_free(&d);
        return -1;
    }
    rp_diags_free(&d);
    int bugs = 0, intake = 0;
    for (size_t i = 0; i < f.count; i++) {
        const rp_finding *x = &f.items[i];
        if (x->level != RP_LEVEL_VIOLATION)
            continue;
        if (m->rules[x->rule].cls == RP_CLASS_INTAKE)
            intake++;
        else
            bugs++;
    }
    if (bugs) {
        fprintf(stderr, "rotaplan: internal error: the solver's plan fails the direct check of "
                        "%d rule instance(s); nothing is written\n", bugs);
        rp_report_findings(m, plan, &f, stderr);
    } else if ((intake || f.count) && !quiet) {
        rp_report_findings(m, plan, &f, stderr);
    }
    *status = intake ? RP_EXIT_NO_PLAN : RP_EXIT_OK;
    rp_findings_free(&f);
    return bugs ? -1 : 0;
}

static int export_ilp(const rp_translation *t, const plan_args *a)
{
    rp_diags d = RP_DIAGS_INIT;
    int err = 0;
    if (a->lp && rp_ilp_write(t->ilp, a->lp, 'l', &d) != 0)
        err = -1;
    if (a->mps && rp_ilp_write(t->ilp, a->mps, 'm', &d) != 0)
        err = -1;
    rp_diags_print(&d, stderr);
    rp_diags_free(&d);
    return err;
}

static void summary(const rp_translation *t, const rp_solve_result *res, const rp_plan *plan)
{
    fprintf(stderr, "planned %zu resident%s of %s: %s, objective %.6g (%zu rows, %zu columns, "
                    "%zu nonzeros; first plan %.2f s, solved %.2f s)\n",
            plan->n_residents, plan->n_residents == 1 ? "" : "s", t->model->id,
            rp_solve_status_name(res->status), res->objective, rp_ilp_n_rows(t->ilp),
            rp_ilp_n_cols(t->ilp), rp_ilp_n_nonzeros(t->ilp), res->first_plan_seconds,
            res->seconds);
    const char *why = res->interrupted ? "interrupted" : "time limit reached";
    if (res->status == RP_SOLVE_FEASIBLE && isnan(res->bound))
        fprintf(stderr, "%s: the best plan found is written; it is not proven optimal (no bound "
                        "yet: the search stopped before its LP relaxation was solved)\n",
                why);
    else if (res->status == RP_SOLVE_FEASIBLE)
        fprintf(stderr, "%s: the best plan found is written; it is not proven optimal (bound "
                        "%.6g, gap %.2f%%)\n",
                why, res->bound, 100 * res->gap);
}

static int no_plan(const rp_cli *cli, const rp_translation *t, const rp_solve_result *res,
                   double time_limit)
{
    if (res->status == RP_SOLVE_NO_PLAN || res->interrupted) {
        if (res->interrupted)
            fprintf(stderr, "rotaplan: interrupted before any compliant plan was found (%.1f s)\n",
                    res->seconds);
        else
            fprintf(stderr, "rotaplan: time limit reached before any compliant plan was found "
                            "(%.1f s); try a longer --time-limit\n", res->seconds);
        return res->interrupted ? RP_EXIT_INTERRUPTED : RP_EXIT_NO_PLAN;
    }
    (void)cli;
    rp_cli_explain(t, time_limit, stderr);
    return RP_EXIT_NO_PLAN;
}

/* The counting checks, before any solve: true (said on stderr) when they prove that no plan
 * exists. */
static bool counted(const rp_translation *t)
{
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    if (!f)
        return false;
    size_t n = rp_cli_counting(t, f);
    fclose(f);
    if (n > 0)
        fprintf(stderr, "rotaplan: no compliant plan exists for this cohort\n"
                        "counting the periods and places left, these rules cannot be met:\n%s",
                text);
    free(text);
    return n > 0;
}

static int run(const rp_cli *cli, const plan_args *a, const rp_model *m, const rp_cohort *c,
               rp_format format, double time_limit, double gap)
{
    rp_diags d = RP_DIAGS_INIT;
    rp_translation *t = NULL;
    if (rp_translate(m, c, NULL, &t, &d) != 0) {
        rp_diags_print(&d, stderr);
        rp_diags_free(&d);
        return RP_EXIT_INTERNAL;
    }
    int status = RP_EXIT_OK;
    rp_solve_result res = {0};
    rp_plan *plan = NULL;
    if (export_ilp(t, a) != 0) {
        status = RP_EXIT_INPUT;
        goto done;
    }
    if (t->n_uncovered || rp_ilp_n_violated(t->ilp) || counted(t)) {
        if (t->n_uncovered || rp_ilp_n_violated(t->ilp))
            rp_cli_explain(t, time_limit, stderr);
        status = a->best_effort ? rp_cli_best_effort(t, a->out, format, time_limit)
                                : RP_EXIT_NO_PLAN;
        goto done;
    }
    rp_cli_first first;
    rp_cli_first_plan(t, &first);
    rp_solve_options opt = {time_limit, gap, cli->stderr_tty && !a->quiet, cli->interrupt,
                            &first.first, NULL};
    int solved = rp_solve(t->ilp, &opt, &res, &d);
    rp_cli_first_plan_free(&first);
    if (solved != 0) {
        rp_diags_print(&d, stderr);
        status = RP_EXIT_INTERNAL;
        goto done;
    }
    if (!res.x) {
        status = no_plan(cli, t, &res, time_limit);
        if (status == RP_EXIT_NO_PLAN && res.status == RP_SOLVE_INFEASIBLE && a->best_effort)
            status = rp_cli_best_effort(t, a->out, format, time_limit);
        goto done;
    }
    if (rp_decode(t, res.x, &plan, &d) != 0) {
        rp_diags_print(&d, stderr);
        status = RP_EXIT_INTERNAL;
        goto done;
    }
    plan->status = res.status == RP_SOLVE_OPTIMAL ? RP_PLAN_OPTIMAL : RP_PLAN_FEASIBLE;
    plan->objective = res.objective;
    plan->bound = res.bound;
    plan->gap = res.gap;
    if (audit(m, c, plan, a->quiet, &status) != 0) {
        status = RP_EXIT_INTERNAL;
        goto done;
    }
    if (rp_cli_write_plan(a->out, m, plan, format) != 0) {
        status = RP_EXIT_INPUT;
        goto done;
    }
    if (!a->quiet)
        summary(t, &res, plan);
    if (res.interrupted)
        status = RP_EXIT_INTERRUPTED;
done:
    rp_plan_free(plan);
    rp_solve_result_free(&res);
    rp_translation_free(t);
    rp_diags_free(&d);
    return status;
}

/* --keep PLAN --from DATE: the plan read, its residents all in the cohort. */
static int read_keep(const rp_model *m, const rp_cohort *c, const plan_args *a, keep *k)
{
    if (!a->keep && !a->from)
        return 0;
    if (!a->keep || !a->from) {
        fprintf(stderr, "rotaplan plan: --keep PLAN and --from DATE go together (the stints of "
                        "PLAN before DATE stay as they are)\n");
        return -1;
    }
    if (rp_date_parse(a->from, &k->from) < 0) {
        fprintf(stderr, "rotaplan plan: --from '%s': expected a date YYYY-MM-DD or a month "
                        "YYYY-MM\n", a->from);
        return -1;
    }
    if (!(k->plan = rp_cli_read_plan(m, a->keep)))
        return -1;
    return rp_cli_every_resident_known(k->plan, c, a->residents ? a->residents : "the residents")
               ? 0
               : -1;
}

int rp_cmd_plan(const rp_cli *cli, int argc, char **argv)
{
    plan_args a = {0};
    if (parse_args(argc, argv, &a) != 0)
        return RP_EXIT_INPUT;
    if (a.help) {
        rp_cli_usage("plan", stdout);
        return RP_EXIT_OK;
    }
    rp_format format;
    double time_limit = 0, gap = 0;
    if (rp_cli_plan_format("plan", a.format, a.excel, a.out, &format) != 0)
        return RP_EXIT_INPUT;
    if (a.time_limit && rp_cli_number("plan", "--time-limit", a.time_limit, 0.001, 1e7, &time_limit))
        return RP_EXIT_INPUT;
    if (a.gap && rp_cli_number("plan", "--gap", a.gap, 0, 1, &gap))
        return RP_EXIT_INPUT;
    rp_model *m = rp_cli_model(a.model);
    if (!m)
        return RP_EXIT_INPUT;
    rp_cohort *c = rp_cli_cohort(m, a.residents);
    keep k = {NULL, {0, 0, 0}};
    int status = RP_EXIT_INPUT;
    if (c && rp_cli_plannable(c) && read_keep(m, c, &a, &k) == 0) {
        rp_keep_options ko = {a.out, a.lp, a.mps, format, time_limit, a.quiet, a.best_effort};
        status = k.plan ? rp_whatif_keep(cli, m, c, k.plan, k.from, &ko)
                        : run(cli, &a, m, c, format, time_limit, gap);
    }
    rp_plan_free(k.plan);
    rp_cohort_free(c);
    rp_model_free(m);
    return status;
}
