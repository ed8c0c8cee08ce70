/*
 * check.c: `rotaplan check [MODEL] PLAN [--residents FILE]`. Reads a plan (YAML or CSV, made by
 * rotaplan or by hand), runs every rule's direct check and prints each finding with its rule id,
 * resident, periods, what was required and found, and the rule's source in the seed; for a place
 * over its capacity, the residents there. Without MODEL, the model a YAML plan names. Exit 0
 * when compliant, 1 when some rule is violated, 2 on bad input.
 */
#include "cli/cli.h"
#include "report/writers.h"
#include "rotaplan/rule.h"
#include "util/util.h"
#include "util/i18n.h"

#include <stdlib.h>

typedef struct check_args {
    const char *residents, *out;
    bool quiet, help;
} check_args;

typedef struct write_ctx {
    const rp_model *m;
    const rp_plan *plan;
    const rp_findings *findings;
    const rp_check_ctx *ctx;
    bool colour;
} write_ctx;

/* "2019-04" for a slot of the shared calendar (rp_slot). */
static void slot_label(const rp_model *m, long slot, char out[11])
{
    int ppy = m->calendar.periods_per_year;
    rp_period_label(m, (int)(slot / ppy), (int)(slot % ppy) + 1, out);
}

/* Whether stint st (of resident r) is at place pl in a slot of first..last. */
static bool stint_at(const rp_check_ctx *ctx, const rp_stint *st, const rp_capped *pl, long first,
                     long last)
{
    const rp_model *m = ctx->model;
    if (st->facility != pl->facility)
        return false;
    if (pl->department >= 0 && st->department != pl->department)
        return false;
    if (pl->department < 0 && pl->department_id &&
        !rp_streq(rp_report_department_id(m, st->facility, st->department), pl->department_id) &&
        !rp_streq(st->department_id, pl->department_id))
        return false;
    int cohort = ctx->plan->residents[st->resident].cohort;
    for (int p = st->first; p <= st->last; p++) {
        long slot = rp_slot(m, cohort, p);
        if (slot >= first && slot <= last)
            return true;
    }
    return false;
}

/* For each capacity rule, each run of periods where a place holds more than its capacity (the
 * figures its check judges: the kind's loads hook), and the residents there then. */
static void put_capacity_residents(const write_ctx *w, FILE *out)
{
    const rp_model *m = w->m;
    bool any = false;
    for (size_t k = 0; k < m->n_rules; k++) {
        const rp_rule *rule = &m->rules[k];
        if (!rule->enabled || !rule->kind->loads)
            continue;
        rp_loads l;
        rp_loads_init(&l, w->ctx);
        rule->kind->loads(rule, w->ctx, &l);
        for (size_t i = 0; i < l.n_places; i++) {
            const rp_capped *pl = &l.places[i];
            long from = l.first;
            rp_capped_run run;
            while (pl->facility >= 0 && rp_capped_next_run(&l, pl, &from, &run)) {
                if (!any)
                    fputs(_("residents at the places over capacity:\n"), out);
                any = true;
                char a[11], b[11];
                slot_label(m, run.first, a);
                slot_label(m, run.last, b);
                const char *dep = pl->department >= 0
                                      ? m->facilities[pl->facility].departments[pl->department].id
                                      : pl->department_id;
                fprintf(out, _("  %s %s%s%s %s to %s (%g of %g):"), rule->id,
                        m->facilities[pl->facility].id, dep ? "/" : "", dep ? dep : "", a, b,
                        run.worst, run.limit);
                for (size_t r = 0; r < w->plan->n_residents; r++) {
                    bool there = false;
                    for (size_t s = 0; s < w->plan->n_stints && !there; s++)
                        there = w->plan->stints[s].resident == (int)r &&
                                stint_at(w->ctx, &w->plan->stints[s], pl, run.first, run.last);
                    if (there)
                        fprintf(out, " %s", w->plan->residents[r].id);
                }
                fputc('\n', out);
            }
        }
        rp_loads_free(&l);
    }
    if (any)
        fputc('\n', out);
}

static int write_findings(void *ctx, FILE *out)
{
    const write_ctx *w = ctx;
    if (w->ctx)
        put_capacity_residents(w, out);
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
    rp_check_ctx *ctx = NULL;
    int status;
    if (rp_check_plan(m, c, plan, &f, &d) != 0 || rp_check_ctx_new(m, c, plan, &ctx, &d) != 0) {
        rp_diags_print(&d, stderr);
        status = RP_EXIT_INPUT;
    } else {
        write_ctx w = {m, plan, &f, ctx, !a->out && rp_cli_colour()};
        status = rp_findings_count(&f, RP_LEVEL_VIOLATION) ? RP_EXIT_NO_PLAN : RP_EXIT_OK;
        if ((!a->quiet || a->out) && rp_cli_write(a->out, write_findings, &w) != 0)
            status = RP_EXIT_INPUT;
    }
    rp_check_ctx_free(ctx);
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
        fprintf(stderr, _("rotaplan check: missing the plan to check\n"
                          "usage: rotaplan check [MODEL] PLAN [--residents FILE]\n"));
        return RP_EXIT_INPUT;
    }
    const rp_cli_file in[] = {{"MODEL", npos == 2 ? pos[0] : NULL}, {"PLAN", pos[npos - 1]},
                              {"--residents", a.residents}};
    const rp_cli_file out[] = {{"--out", a.out}};
    if (!rp_cli_outputs_distinct("check", in, 3, out, 1))
        return RP_EXIT_INPUT;
    rp_model *m = npos == 2 ? rp_cli_model(pos[0]) : rp_cli_model_of_plan(pos[0]);
    if (!m)
        return RP_EXIT_INPUT;
    int status = run(&a, m, pos[npos - 1]);
    rp_model_free(m);
    return status;
}
