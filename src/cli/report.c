/*
 * report.c: `rotaplan report [MODEL] PLAN [--compare OLD_PLAN] [--residents FILE] --out FILE`.
 * Reads a plan (YAML or CSV, as `check` reads it), runs every rule's direct check and every
 * capacity rule's loads hook, and writes one self-contained HTML page (rp_report_html): Gantt
 * charts by cohort, load against capacity, compliance rule by rule, the intake caps and, with
 * --compare, what changed since OLD_PLAN; with --xlsx the Excel workbook instead
 * (rp_report_xlsx), which `plan --format xlsx` and `whatif --format xlsx` write through
 * rp_cli_write_output. Exit 0 when written (whatever the plan's findings: the page shows them),
 * 2 on bad input or usage.
 */
#include "cli/cli.h"
#include "rotaplan/rule.h"
#include "util/i18n.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

typedef struct report_args {
    const char *residents, *out, *compare, *scenario;
    bool quiet, help, xlsx;
} report_args;

/* What the page shows, computed here; freed by inputs_free. */
typedef struct inputs {
    rp_findings findings;
    rp_check_ctx *ctx;
    rp_loads *loads;
    size_t *load_rules;
    size_t n_loads;
} inputs;

static void inputs_free(inputs *x)
{
    for (size_t i = 0; i < x->n_loads; i++)
        rp_loads_free(&x->loads[i]);
    free(x->loads);
    free(x->load_rules);
    rp_check_ctx_free(x->ctx);
    rp_findings_free(&x->findings);
}

/* The findings of every rule's direct check, and the loads of every capacity rule. */
static int compute(const rp_model *m, const rp_cohort *c, const rp_plan *plan, inputs *x)
{
    rp_diags d = RP_DIAGS_INIT;
    int err = rp_check_plan(m, c, plan, &x->findings, &d) != 0 ||
              rp_check_ctx_new(m, c, plan, &x->ctx, &d) != 0;
    rp_diags_print(&d, stderr);
    rp_diags_free(&d);
    if (err)
        return -1;
    x->loads = rp_xcalloc(m->n_rules + 1, sizeof *x->loads);
    x->load_rules = rp_xcalloc(m->n_rules + 1, sizeof *x->load_rules);
    for (size_t k = 0; k < m->n_rules; k++) {
        const rp_rule *rule = &m->rules[k];
        if (!rule->enabled || !rule->kind->loads)
            continue;
        rp_loads_init(&x->loads[x->n_loads], x->ctx);
        rule->kind->loads(rule, x->ctx, &x->loads[x->n_loads]);
        x->load_rules[x->n_loads++] = k;
    }
    return 0;
}

/* A plan read from CSV names no one: the residents file gives the names it knows. The names
 * are borrowed from c, which outlives the plan's use here. */
static void names_from(rp_plan *plan, const rp_cohort *c)
{
    for (size_t r = 0; c && r < plan->n_residents; r++) {
        int k = rp_cohort_resident(c, plan->residents[r].id);
        if (!plan->residents[r].name && k != RP_NONE)
            plan->residents[r].name = c->residents[k].name;
    }
}

static int write_html(void *ctx, FILE *out)
{
    return rp_report_html(ctx, out);
}

static int write_xlsx(void *ctx, FILE *out)
{
    return rp_report_xlsx(ctx, out);
}

int rp_cli_write_output(const char *path, const rp_model *m, const rp_cohort *c,
                        const rp_plan *plan, rp_format fmt)
{
    if (fmt != RP_FORMAT_XLSX)
        return rp_cli_write_plan(path, m, plan, fmt);
    inputs x = {RP_FINDINGS_INIT, NULL, NULL, NULL, 0};
    int err = -1;
    if (compute(m, c, plan, &x) == 0) {
        rp_html_input in = {m, plan, NULL, &x.findings, x.loads, x.load_rules, x.n_loads, NULL,
                            NULL, x.ctx, NULL};
        err = rp_cli_write(path, write_xlsx, &in);
    }
    inputs_free(&x);
    return err;
}

static int run(const report_args *a, const rp_model *m, const char *plan_path)
{
    rp_cohort *c = NULL;
    rp_plan *plan = NULL, *old = NULL;
    inputs x = {RP_FINDINGS_INIT, NULL, NULL, NULL, 0};
    int status = RP_EXIT_INPUT;
    if (a->residents && !(c = rp_cli_cohort(m, a->residents)))
        goto done;
    if (!(plan = rp_cli_read_plan(m, plan_path)))
        goto done;
    if (a->compare && !(old = rp_cli_read_plan(m, a->compare)))
        goto done;
    names_from(plan, c);
    if (compute(m, c, plan, &x) != 0)
        goto done;
    rp_html_input in = {m, plan, plan_path, &x.findings, x.loads, x.load_rules, x.n_loads, old,
                        a->compare, x.ctx, a->scenario};
    if (rp_cli_write(a->out, a->xlsx ? write_xlsx : write_html, &in) != 0)
        goto done;
    status = RP_EXIT_OK;
    if (!a->quiet && a->out)
        fprintf(stderr, _("%s of %zu residents, %zu stints written to %s\n"),
                a->xlsx ? _("workbook") : _("report"), plan->n_residents, plan->n_stints, a->out);
done:
    inputs_free(&x);
    rp_plan_free(old);
    rp_plan_free(plan);
    rp_cohort_free(c);
    return status;
}

int rp_cmd_report(const rp_cli *cli, int argc, char **argv)
{
    (void)cli;
    report_args a = {0};
    const rp_opt opts[] = {
        {"--residents", true, &a.residents, NULL}, {"--out", true, &a.out, NULL},
        {"--compare", true, &a.compare, NULL},     {"--quiet", false, NULL, &a.quiet},
        {"--help", false, NULL, &a.help},          {"--xlsx", false, NULL, &a.xlsx},
        {"--scenario", true, &a.scenario, NULL},
    };
    const char *pos[2];
    size_t npos;
    if (rp_cli_parse("report", argc, argv, opts, sizeof opts / sizeof opts[0], pos, 2, &npos) != 0)
        return RP_EXIT_INPUT;
    if (a.help) {
        rp_cli_usage("report", stdout);
        return RP_EXIT_OK;
    }
    if (npos == 0) {
        fprintf(stderr, _("rotaplan report: missing the plan to show\n"
                        "usage: rotaplan report [MODEL] PLAN [--compare OLD_PLAN] --out "
                        "report.html\n"));
        return RP_EXIT_INPUT;
    }
    if (a.xlsx && (!a.out || strcmp(a.out, "-") == 0) && isatty(STDOUT_FILENO)) {
        fprintf(stderr, _("rotaplan report: --xlsx writes a workbook: give the file with --out "
                        "FILE.xlsx\n"));
        return RP_EXIT_INPUT;
    }
    const rp_cli_file in[] = {{"MODEL", npos == 2 ? pos[0] : NULL}, {"PLAN", pos[npos - 1]},
                              {"--compare", a.compare}, {"--residents", a.residents}};
    const rp_cli_file out[] = {{"--out", a.out}};
    if (!rp_cli_outputs_distinct("report", in, 4, out, 1))
        return RP_EXIT_INPUT;
    rp_model *m = npos == 2 ? rp_cli_model(pos[0]) : rp_cli_model_of_plan(pos[0]);
    if (!m)
        return RP_EXIT_INPUT;
    int status = run(&a, m, pos[npos - 1]);
    rp_model_free(m);
    return status;
}

/* The id after a top-level `model:` line of a YAML plan (quotes removed), or NULL: the plan
 * writer puts it first (src/report/yaml.c); the plan reader checks it in full later. Only the
 * first 64 lines are read. Heap. */
static char *named_model(const char *plan_path)
{
    const char *dot = strrchr(plan_path, '.');
    if (dot && strcasecmp(dot, ".csv") == 0)
        return NULL;
    FILE *f = fopen(plan_path, "r");
    if (!f)
        return NULL;
    char line[512];
    char *id = NULL;
    for (int n = 0; n < 64 && !id && fgets(line, sizeof line, f); n++) {
        if (strncmp(line, "model:", 6) != 0)
            continue;
        char *v = line + 6;
        v += strspn(v, " \t\"'");
        size_t len = strcspn(v, "\"' \t\r\n#");
        if (len > 0)
            id = rp_xstrndup(v, len);
    }
    fclose(f);
    return id;
}

/* ID.yaml in the places rp_cli_model_of_plan names, or NULL. Heap. */
static char *find_model_file(const char *plan_path, const char *id)
{
    char *dir = rp_xstrdup(plan_path);
    char *slash = strrchr(dir, '/');
    if (slash)
        slash[1] = '\0';
    else
        dir[0] = '\0';
    const char *const places[] = {"%s%s.yaml", "%smodels/%s.yaml", "%s../models/%s.yaml"};
    char *found = NULL;
    for (size_t i = 0; i < sizeof places / sizeof places[0] && !found; i++) {
        char *path = rp_xasprintf(places[i], dir, id);
        if (access(path, R_OK) == 0)
            found = path;
        else
            free(path);
    }
    free(dir);
    if (!found) {
        char *path = rp_xasprintf("models/%s.yaml", id);
        if (access(path, R_OK) == 0)
            found = path;
        else
            free(path);
    }
    return found;
}

/* Only ids of letters, digits, '-', '_' and '.' (no '/') are looked for as file names. */
static bool plain_id(const char *id)
{
    for (const char *c = id; *c; c++)
        if (!((*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') || (*c >= '0' && *c <= '9') ||
              *c == '-' || *c == '_' || (*c == '.' && c != id)))
            return false;
    return true;
}

rp_model *rp_cli_model_of_plan(const char *plan_path)
{
    char *id = named_model(plan_path);
    rp_model *m = rp_cli_model(NULL);
    if (!m || !id || strcmp(id, m->id) == 0 || !plain_id(id)) {
        free(id);
        return m;
    }
    char *path = find_model_file(plan_path, id);
    if (!path) {
        fprintf(stderr, _("rotaplan: the plan names the model '%s', found neither beside it nor in "
                        "models/: give the model file before the plan\n"), id);
        free(id);
        return m; /* the plan reader then says where the plan names it */
    }
    rp_model_free(m);
    m = rp_cli_model(path);
    free(path);
    free(id);
    return m;
}
