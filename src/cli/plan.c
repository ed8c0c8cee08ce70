/*
 * plan.c: `rotaplan plan [MODEL] [--residents FILE] ...`, the main job. Runs the whole pipeline:
 * load the model and cohort, translate, optionally export the ILP, solve, decode, check the
 * decoded plan with every rule's direct check, and write it. A plan that the direct checks reject
 * is a bug (rows and checks disagree): it is reported and nothing is written.
 */
#include "cli/whatif.h"
#include "report/legend.h"
#include "util/i18n.h"
#include "rotaplan/rule.h"
#include "rotaplan/shape.h"
#include "rotaplan/solve.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct plan_args {
    const char *model, *residents, *format, *out, *lp, *mps, *time_limit, *gap, *keep, *from;
    bool quiet, help, best_effort, excel, verbose;
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
        {"--excel", false, NULL, &a->excel},        {"--verbose", false, NULL, &a->verbose},
    };
    const char *pos[1];
    size_t npos;
    if (rp_cli_parse("plan", argc, argv, opts, sizeof opts / sizeof opts[0], pos, 1, &npos) != 0)
        return -1;
    a->model = npos ? pos[0] : NULL;
    return 0;
}

/* The direct checks of the rules that have rows must pass what the solver returned. Intake
 * rules (and kinds on the cohort: logged experience) judge the input: their violations are the
 * cohort's, reported, not a bug. */
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
        if (rp_rule_on_cohort(&m->rules[x->rule]))
            intake++;
        else
            bugs++;
    }
    if (bugs) {
        fprintf(stderr, _("rotaplan: internal error: the solver's plan fails the direct check of "
                          "%d rule instance(s); nothing is written\n"), bugs);
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

/* ", wishes: 10 granted, 2 partly, 1 not granted" for the cohort's wishes (legend.h), or "". */
static void put_wishes(const rp_translation *t, const rp_plan *plan)
{
    rp_check_ctx *ctx = NULL;
    rp_diags d = RP_DIAGS_INIT;
    if (rp_check_ctx_new(t->model, t->cohort, plan, &ctx, &d) == 0) {
        size_t n[3] = {0, 0, 0}; /* granted, partly, not */
        for (size_t r = 0; r < ctx->n_residents; r++) {
            const rp_resident *res = ctx->residents[r].resident;
            for (size_t w = 0; res && w < res->n_wishes; w++) {
                int got = rp_wish_periods(ctx, r, &res->wishes[w]);
                n[got >= t->model->objective.wish_periods ? 0 : got > 0 ? 1 : 2]++;
            }
        }
        if (n[0] + n[1] + n[2])
            fprintf(stderr, _("; wishes: %zu granted, %zu partly, %zu not granted"), n[0], n[1],
                    n[2]);
    }
    rp_check_ctx_free(ctx);
    rp_diags_free(&d);
}

/* The summary for people: residents, whether the plan is proven best, the wishes granted, the
 * command's whole wall-clock time from its start (loading included); with --verbose the
 * solver's figures (objective, rows, columns, nonzeros, the first plan's time), and the phases
 * (rp_cli_phases_done). */
static void summary(const rp_cli *cli, const rp_translation *t, const rp_solve_result *res,
                    const rp_plan *plan, double solve_started, bool verbose)
{
    fprintf(stderr, plan->n_residents == 1 ? _("planned %zu resident of %s: %s")
                                           : _("planned %zu residents of %s: %s"),
            plan->n_residents, t->model->id,
            res->status == RP_SOLVE_OPTIMAL ? _("optimal (proven best)")
                                            : _("feasible (good, not proven best)"));
    put_wishes(t, plan);
    fprintf(stderr, _("; %.2f s\n"), rp_cli_elapsed(cli));
    if (verbose)
        fprintf(stderr, _("solver: %s, objective %.6g (%zu rows, %zu columns, %zu nonzeros; first "
                          "plan %.2f s, in all %.2f s)\n"),
                rp_solve_status_name(res->status), res->objective, rp_ilp_n_rows(t->ilp),
                rp_ilp_n_cols(t->ilp), rp_ilp_n_nonzeros(t->ilp),
                solve_started + res->first_plan_seconds, rp_cli_elapsed(cli));
    const char *why = res->interrupted    ? _("interrupted")
                      : res->budget_hit ? _("node budget reached")
                                        : _("time limit reached");
    char gap[32];
    rp_solve_gap_text(res->gap, gap, sizeof gap);
    if (res->status == RP_SOLVE_FEASIBLE && isnan(res->bound))
        fprintf(stderr, _("%s: the best plan found is written; it is not proven optimal (no bound "
                          "yet: the search stopped before its LP relaxation was solved)\n"),
                why);
    else if (res->status == RP_SOLVE_FEASIBLE)
        fprintf(stderr, _("%s: the best plan found is written; it is not proven optimal (bound "
                          "%.6g, gap %s)\n"),
                why, res->bound, gap);
    rp_shape sh;
    rp_shape_measure(t->model, plan, &sh);
    fprintf(stderr, _("shape of the plan (README \"The shape of a plan\"):\n"));
    rp_shape_print(t->model, &sh, "  ", stderr);
    rp_shape_free(&sh);
}

/* No plan from the solve: a stop came first (said so: NOT a proof that none exists), or none
 * exists (proven: explained). */
static int no_plan(const rp_cli *cli, const rp_translation *t, const rp_solve_result *res)
{
    if (res->status == RP_SOLVE_NO_PLAN || res->interrupted) {
        if (res->interrupted)
            fprintf(stderr, _("rotaplan: interrupted before any compliant plan was found (%.1f s); "
                              "nothing is written\n"), rp_cli_elapsed(cli));
        else
            fprintf(stderr, _("rotaplan: time limit reached before any compliant plan was found "
                              "(%.1f s); nothing is written. This is NOT a proof that no plan "
                              "exists: try a longer --time-limit\n"), rp_cli_elapsed(cli));
        return res->interrupted ? RP_EXIT_INTERRUPTED : RP_EXIT_NO_PLAN;
    }
    rp_cli_phase(cli, RP_PHASE_EXPLAIN);
    rp_cli_explain(t, rp_cli_time_left(cli), stderr);
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
    if (n == 0) /* the limits summed over whole years: small LPs, when the slots pass */
        n = rp_cli_counting_years(t, f);
    fclose(f);
    if (n > 0)
        fprintf(stderr, _("rotaplan: no compliant plan exists for this cohort\n"
                          "counting the periods and places left, these rules cannot be met:\n%s"),
                text);
    free(text);
    return n > 0;
}

static int run(const rp_cli *cli, const plan_args *a, const rp_model *m, const rp_cohort *c,
               rp_format format, double gap)
{
    rp_diags d = RP_DIAGS_INIT;
    rp_translation *t = NULL;
    rp_cli_phase(cli, RP_PHASE_TRANSLATE);
    if (rp_translate(m, c, NULL, &t, &d) != 0) {
        rp_diags_print(&d, stderr);
        rp_diags_free(&d);
        return RP_EXIT_INTERNAL;
    }
    int status = RP_EXIT_OK;
    rp_solve_result res = {0};
    rp_plan *plan = NULL;
    if (a->lp || a->mps) {
        rp_cli_phase(cli, RP_PHASE_WRITE); /* a stop waits for the files */
        if (export_ilp(t, a) != 0) {
            status = RP_EXIT_INPUT;
            goto done;
        }
    }
    rp_cli_phase(cli, RP_PHASE_COUNT);
    if (t->n_uncovered || rp_ilp_n_violated(t->ilp) || counted(t)) {
        rp_cli_phase(cli, RP_PHASE_EXPLAIN);
        if (t->n_uncovered || rp_ilp_n_violated(t->ilp))
            rp_cli_explain(t, rp_cli_time_left(cli), stderr);
        status = a->best_effort ? rp_cli_best_effort(t, a->out, format, rp_cli_time_left(cli))
                                : RP_EXIT_NO_PLAN;
        goto done;
    }
    rp_cli_phase(cli, RP_PHASE_SOLVE);
    double solve_started = rp_cli_elapsed(cli);
    rp_cli_first first;
    rp_cli_first_plan(t, &first);
    /* the command's time limit (rp_cli_arm_time_limit) raises the flag; its rest goes to GLPK
     * too, whose node LPs read no flag */
    rp_solve_options opt = {rp_cli_time_left(cli), gap, cli->stderr_tty && !a->quiet,
                            cli->interrupt, &first.first, NULL};
    int solved = rp_solve(t->ilp, &opt, &res, &d);
    rp_cli_first_plan_free(&first);
    if (solved != 0) {
        rp_diags_print(&d, stderr);
        status = RP_EXIT_INTERNAL;
        goto done;
    }
    if (!res.x) {
        status = no_plan(cli, t, &res);
        if (status == RP_EXIT_NO_PLAN && res.status == RP_SOLVE_INFEASIBLE && a->best_effort)
            status = rp_cli_best_effort(t, a->out, format, rp_cli_time_left(cli));
        goto done;
    }
    rp_cli_phase(cli, RP_PHASE_WRITE);
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
    if (rp_cli_write_output(a->out, m, c, plan, format) != 0) {
        status = RP_EXIT_INPUT;
        goto done;
    }
    rp_cli_phases_done(cli);
    if (!a->quiet)
        summary(cli, t, &res, plan, solve_started, a->verbose);
    if (res.interrupted || (cli->interrupt && *cli->interrupt == RP_STOP_SIGNAL))
        status = RP_EXIT_INTERRUPTED;
done:
    rp_cli_phases_done(cli);
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
        fprintf(stderr, _("rotaplan plan: --keep PLAN and --from DATE go together (the stints of "
                          "PLAN before DATE stay as they are)\n"));
        return -1;
    }
    if (rp_date_parse(a->from, &k->from) < 0) {
        fprintf(stderr, _("rotaplan plan: --from '%s': expected a date YYYY-MM-DD or a month "
                          "YYYY-MM\n"), a->from);
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
    if (rp_cli_time_limit("plan", a.time_limit, &time_limit) != 0)
        return RP_EXIT_INPUT;
    if (a.gap && rp_cli_number("plan", "--gap", a.gap, 0, 1, &gap))
        return RP_EXIT_INPUT;
    const rp_cli_file in[] = {{"MODEL", a.model}, {"--residents", a.residents},
                              {"--keep", a.keep}};
    const rp_cli_file out[] = {{"--out", a.out}, {"--lp", a.lp}, {"--mps", a.mps}};
    if (!rp_cli_outputs_distinct("plan", in, 3, out, 3))
        return RP_EXIT_INPUT;
    /* the limit bounds the whole command, from here to the plan written */
    rp_cli_progress(cli, cli->stderr_tty && !a.quiet, a.verbose);
    rp_cli_arm_time_limit(cli, time_limit);
    rp_cli_phase(cli, RP_PHASE_LOAD);
    rp_model *m = rp_cli_model(a.model);
    if (!m)
        return RP_EXIT_INPUT;
    rp_cohort *c = rp_cli_cohort(m, a.residents);
    keep k = {NULL, {0, 0, 0}};
    int status = RP_EXIT_INPUT;
    if (c && rp_cli_plannable(m, c) && read_keep(m, c, &a, &k) == 0) {
        /* no time limit of its own: the command's (rp_cli_arm_time_limit) raises the flag */
        rp_keep_options ko = {a.out, a.lp, a.mps, format, 0, a.quiet, a.best_effort};
        status = k.plan ? rp_whatif_keep(cli, m, c, k.plan, k.from, &ko)
                        : run(cli, &a, m, c, format, gap);
    }
    rp_plan_free(k.plan);
    rp_cohort_free(c);
    rp_model_free(m);
    return status;
}
