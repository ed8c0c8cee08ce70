/*
 * check.c: `rotaplan check [MODEL] PLAN [--residents FILE]`. Reads a plan (YAML or CSV, made by
 * rotaplan or by hand), runs every rule's direct check and prints each finding with its rule id,
 * resident, periods, what was required and found, and the rule's source in the seed. Exit 0 when
 * compliant, 1 when some rule is violated, 2 on bad input.
 */
#include "cli/cli.h"
#include "util/util.h"

#include <stdlib.h>

typedef struct check_args {
    const char *residents, *out;
    bool quiet, help;
} check_args;

typedef struct write_ctx {
    const rp_model *m;
    const rp_plan *plan;
    const rp_findings *findings;
    bool colour;
} write_ctx;

static int write_findings(void *ctx, FILE *out)
{
    const write_ctx *w = ctx;
    return rp_report_findings_colour(w->m, w->plan, w->findings, w->colour, out);
}

static int run(const check_args *a, const rp_model *m, const char *plan_path)
{
    rp_cohort *c = NULL;
    if (a->residents && !(c = rp_cli_cohort(m, a->residents)))
        return RP_EXIT_INPUT;
    rp_plan *plan = rp_cli_read_plan(m, plan_path);
    if (!plan) {
        rp_cohort_free(c);
        return RP_EXIT_INPUT;
    }
    rp_findings f = RP_FINDINGS_INIT;
    rp_diags d = RP_DIAGS_INIT;
    int status;
    if (rp_check_plan(m, c, plan, &f, &d) != 0) {
        rp_diags_print(&d, stderr);
        status = RP_EXIT_INPUT;
    } else {
        write_ctx w = {m, plan, &f, !a->out && rp_cli_colour()};
        status = rp_findings_count(&f, RP_LEVEL_VIOLATION) ? RP_EXIT_NO_PLAN : RP_EXIT_OK;
        if ((!a->quiet || a->out) && rp_cli_write(a->out, write_findings, &w) != 0)
            status = RP_EXIT_INPUT;
    }
    rp_diags_free(&d);
    rp_findings_free(&f);
    rp_plan_free(plan);
    rp_cohort_free(c);
    return status;
}

int rp_cmd_check(const rp_cli *cli, int argc, char **argv)
{
    (void)cli;
    check_args a = {0};
    const rp_opt opts[] = {
        {"--residents", true, &a.residents, NULL},
        {"--out", true, &a.out, NULL},
        {"--quiet", false, NULL, &a.quiet},
        {"--help", false, NULL, &a.help},
    };
    const char *pos[2];
    size_t npos;
    if (rp_cli_parse("check", argc, argv, opts, sizeof opts / sizeof opts[0], pos, 2, &npos) != 0)
        return RP_EXIT_INPUT;
    if (a.help) {
        rp_cli_usage("check", stdout);
        return RP_EXIT_OK;
    }
    if (npos == 0) {
        fprintf(stderr, "rotaplan check: missing the plan to check\n"
                        "usage: rotaplan check [MODEL] PLAN [--residents FILE]\n");
        return RP_EXIT_INPUT;
    }
    rp_model *m = npos == 2 ? rp_cli_model(pos[0]) : rp_cli_model_of_plan(pos[0]);
    if (!m)
        return RP_EXIT_INPUT;
    int status = run(&a, m, pos[npos - 1]);
    rp_model_free(m);
    return status;
}
