/*
 * common.c: what the commands share (cli.h): option parsing, loading inputs with every
 * diagnostic printed, writing outputs through a temporary file, and the first plan handed to the
 * solver. Why no plan exists is explained in explain.c.
 */
#include "cli/cli.h"
#include "rotaplan/calendar.h"
#include "rotaplan/rule.h"
#include "rotaplan/solve.h"
#include "util/i18n.h"
#include "util/util.h"

#include <errno.h>
#include <signal.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool rp_cli_colour(void)
{
    const char *no = getenv("NO_COLOR");
    return isatty(STDOUT_FILENO) && !(no && *no);
}

static void usage_error(const char *command, const char *fmt, const char *a, const char *b)
{
    fprintf(stderr, "rotaplan %s: ", command);
    fprintf(stderr, _(fmt), a, b);
    fprintf(stderr, _("\nrun 'rotaplan help %s' for the options\n"), command);
}

static const rp_opt *find_opt(const rp_opt *opts, size_t n, const char *name, size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(opts[i].name) == len && strncmp(opts[i].name, name, len) == 0)
            return &opts[i];
    return NULL;
}

static void unknown_option(const char *command, const char *arg, const rp_opt *opts, size_t n)
{
    const char **names = rp_xcalloc(n + 1, sizeof *names);
    for (size_t i = 0; i < n; i++)
        names[i] = opts[i].name;
    char *name = rp_xstrndup(arg, strcspn(arg, "="));
    const char *near = rp_nearest(name, names, n);
    if (near)
        usage_error(command, N_("unknown option '%s'; did you mean '%s'?"), name, near);
    else
        usage_error(command, N_("unknown option '%s'%s"), name, "");
    free(name);
    free(names);
}

/* What an option's value is, for "has an empty value; expected ...". */
static const char *value_name(const char *option)
{
    if (strcmp(option, "--format") == 0)
        return "table, csv or yaml";
    if (strcmp(option, "--time-limit") == 0)
        return "a number of seconds";
    if (strcmp(option, "--gap") == 0)
        return "a number from 0 to 1";
    if (strcmp(option, "--from") == 0)
        return "a date YYYY-MM-DD or a month YYYY-MM";
    return "a file name";
}

/* A value for option o: present, not empty, not the next option (`--out --quiet` forgot the
 * file; a file named so is still reachable as `--out=--quiet`), and not given before. */
static int check_value(const char *command, const rp_opt *o, const char *value, bool inline_value)
{
    bool option = !inline_value && value && value[0] == '-' && value[1] == '-' && value[2];
    if (!value || option) {
        usage_error(command, N_("option '%s' needs a value%s"), o->name,
                    value ? _("; the next argument is an option") : "");
        return -1;
    }
    if (!*value) {
        usage_error(command, N_("option '%s' has an empty value; expected %s"), o->name,
                    value_name(o->name));
        return -1;
    }
    if (*o->value) {
        usage_error(command, N_("option '%s' given twice%s; expected it once"), o->name, "");
        return -1;
    }
    return 0;
}

int rp_cli_parse(const char *command, int argc, char **argv, const rp_opt *opts, size_t n_opts,
                 const char **positional, size_t max_positional, size_t *n_positional)
{
    *n_positional = 0;
    bool options_done = false;
    for (int i = 0; i < argc; i++) {
        const char *arg = argv[i];
        if (options_done || arg[0] != '-' || strcmp(arg, "-") == 0) {
            if (*n_positional == max_positional) {
                usage_error(command, N_("unexpected argument '%s'%s"), arg, "");
                return -1;
            }
            positional[(*n_positional)++] = arg;
            continue;
        }
        if (strcmp(arg, "--") == 0) {
            options_done = true;
            continue;
        }
        const char *eq = strchr(arg, '=');
        size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
        const rp_opt *o = find_opt(opts, n_opts, arg, len);
        if (!o) {
            unknown_option(command, arg, opts, n_opts);
            return -1;
        }
        if (!o->has_value) {
            if (eq) {
                usage_error(command, N_("option '%s' takes no value%s"), o->name, "");
                return -1;
            }
            *o->flag = true;
            continue;
        }
        const char *value = eq ? eq + 1 : i + 1 < argc ? argv[++i] : NULL;
        if (check_value(command, o, value, eq != NULL) != 0)
            return -1;
        *o->value = value;
    }
    return 0;
}

int rp_cli_number(const char *command, const char *option, const char *text, double min,
                  double max, double *out)
{
    double v;
    if (rp_parse_double(text, &v) != 0 || v < min || v > max) {
        fprintf(stderr, _("rotaplan %s: %s '%s' is not a number from %g to %g\n"), command, option,
                text, min, max);
        return -1;
    }
    *out = v;
    return 0;
}

static void print_diags(rp_diags *d)
{
    rp_diags_sort(d);
    rp_diags_print(d, stderr);
}

rp_model *rp_cli_model(const char *path)
{
    rp_diags d = RP_DIAGS_INIT;
    rp_model *m = NULL;
    int ret = path ? rp_model_load(path, &m, &d) : rp_model_load_default(&m, &d);
    print_diags(&d);
    rp_diags_free(&d);
    return ret == 0 ? m : NULL;
}

/* the two-year programme takes some 1,200 columns and 1.8 MiB a resident */
enum { MAX_PLAN_RESIDENTS = 1000 };

/* Kinds that choose among the model's courses (a resident's course, its year pattern, its
 * partner window): without courses no plan could pass them. */
static bool needs_courses(const rp_rule *r)
{
    return r->kind && (strcmp(r->kind->name, "course-pattern") == 0 ||
                       strcmp(r->kind->name, "course-window") == 0);
}

/* A model plans with at least one enabled rule, and its enabled course rules need courses
 * (the loader takes such models: `check` judges plans against them, and the rule kinds' tests
 * load them). Each error names the rule's file, line and column. */
static bool model_plannable(const rp_model *m)
{
    bool ok = true;
    size_t enabled = 0;
    for (size_t i = 0; i < m->n_rules; i++) {
        const rp_rule *r = &m->rules[i];
        enabled += r->enabled;
        if (!r->enabled || !needs_courses(r) || m->n_courses > 0)
            continue;
        fprintf(stderr, _("%s:%d:%d: error: rule '%s' of kind %s needs the model's courses; "
                        "expected a courses list in the model, or the rule disabled\n"),
                r->pos.file ? r->pos.file : m->path, r->pos.line, r->pos.col, r->id,
                r->kind->name);
        ok = false;
    }
    bool one_place = false;
    for (size_t i = 0; i < m->n_rules; i++)
        one_place |= m->rules[i].enabled && m->rules[i].kind &&
                     strcmp(m->rules[i].kind->name, "one-place-per-period") == 0;
    if (enabled > 0 && !one_place) {
        /* the pieces are chosen by its rows: without them a resident holds no place */
        rp_pos at = m->rules[0].pos;
        fprintf(stderr, _("%s:%d:%d: error: no enabled rule of kind one-place-per-period; expected "
                        "one (each period of a resident is spent in exactly one place: RAD-06, "
                        "INIT-05)\n"),
                at.file ? at.file : m->path, at.line, at.col);
        ok = false;
    }
    if (enabled == 0) {
        rp_pos at = m->n_rules ? m->rules[0].pos : (rp_pos){m->path, 1, 1};
        fprintf(stderr, _("%s:%d:%d: error: no rule of the model is enabled; expected at least "
                        "one enabled rule (a plan must follow some rule)\n"),
                at.file ? at.file : m->path, at.line, at.col);
        ok = false;
    }
    return ok;
}

bool rp_cli_plannable(const rp_model *m, const rp_cohort *c)
{
    if (!model_plannable(m))
        return false;
    if (c->n_residents == 0) {
        /* a residents file is never empty (its loader says where); the model's default cohort
         * may be: a plan of nobody is not one that check could read back */
        rp_pos at = c->path ? (rp_pos){c->path, 1, 1} : m->intake.pos;
        if (!at.file)
            at = (rp_pos){m->path, 1, 1};
        fprintf(stderr, _("%s:%d:%d: error: no residents to plan; expected at least one (the "
                        "model's default cohort is empty: give --residents FILE)\n"),
                at.file, at.line, at.col);
        return false;
    }
    if (c->n_residents <= MAX_PLAN_RESIDENTS)
        return true;
    const rp_resident *r = &c->residents[MAX_PLAN_RESIDENTS];
    fprintf(stderr, _("%s:%d:%d: error: resident '%s' is one of %zu; expected at most %d residents "
                    "in one plan (its ILP grows with every resident: plan the cohorts apart)\n"),
            r->pos.file ? r->pos.file : c->path ? c->path : "residents", r->pos.line,
            r->pos.col, r->id, c->n_residents, MAX_PLAN_RESIDENTS);
    return false;
}

rp_cohort *rp_cli_cohort(const rp_model *m, const char *path)
{
    if (!path)
        return rp_cohort_default(m);
    rp_diags d = RP_DIAGS_INIT;
    rp_cohort *c = NULL;
    int ret = rp_cohort_load(m, path, &c, &d);
    print_diags(&d);
    rp_diags_free(&d);
    return ret == 0 ? c : NULL;
}

/* How a path is known for comparison: its device and inode when it exists (after symbolic
 * links), else the real path of its folder and its name. */
typedef struct file_id {
    bool exists, regular;
    dev_t dev;
    ino_t ino;
    char *name; /* heap; NULL when the folder cannot be resolved */
} file_id;

static file_id identify(const char *path)
{
    file_id id = {false, false, 0, 0, NULL};
    struct stat st;
    if (stat(path, &st) == 0) {
        id.exists = true;
        id.regular = !S_ISCHR(st.st_mode) && !S_ISFIFO(st.st_mode) && !S_ISSOCK(st.st_mode) &&
                     !S_ISBLK(st.st_mode);
        id.dev = st.st_dev;
        id.ino = st.st_ino;
        return id;
    }
    char *target = rp_atomic_target(path);
    if (!target)
        return id;
    size_t len = strlen(target);
    while (len > 1 && target[len - 1] == '/')
        target[--len] = '\0';
    const char *slash = strrchr(target, '/');
    char *folder = slash ? rp_xstrndup(target, slash == target ? 1 : (size_t)(slash - target))
                         : rp_xstrdup(".");
    char *real = realpath(folder, NULL);
    if (real)
        id.name = rp_xasprintf("%s/%s", real, slash ? slash + 1 : target);
    free(real);
    free(folder);
    free(target);
    return id;
}

static bool same_file(const file_id *a, const file_id *b)
{
    if (a->exists || b->exists)
        return a->exists && b->exists && a->dev == b->dev && a->ino == b->ino;
    return a->name && b->name && strcmp(a->name, b->name) == 0;
}

static bool given(const rp_cli_file *f)
{
    return f->path && strcmp(f->path, "-") != 0;
}

bool rp_cli_outputs_distinct(const char *command, const rp_cli_file *inputs, size_t n_inputs,
                             const rp_cli_file *outputs, size_t n_outputs)
{
    bool ok = true;
    for (size_t o = 0; o < n_outputs && ok; o++) {
        if (!given(&outputs[o]))
            continue;
        file_id out = identify(outputs[o].path);
        for (size_t i = 0; i < n_inputs && ok; i++) {
            if (!given(&inputs[i]))
                continue;
            file_id in = identify(inputs[i].path);
            if (same_file(&out, &in) && !(out.exists && !out.regular)) {
                fprintf(stderr, _("rotaplan %s: %s '%s' is the input %s '%s'; expected an output "
                                "that is not one of the command's inputs (writing it would "
                                "replace what is read)\n"),
                        command, outputs[o].what, outputs[o].path, inputs[i].what,
                        inputs[i].path);
                ok = false;
            }
            free(in.name);
        }
        for (size_t k = o + 1; k < n_outputs && ok; k++) {
            if (!given(&outputs[k]))
                continue;
            file_id other = identify(outputs[k].path);
            if (same_file(&out, &other) && !(out.exists && !out.regular)) {
                fprintf(stderr, _("rotaplan %s: %s '%s' is also %s '%s'; expected a different "
                                "file for each output\n"),
                        command, outputs[k].what, outputs[k].path, outputs[o].what,
                        outputs[o].path);
                ok = false;
            }
            free(other.name);
        }
        free(out.name);
    }
    return ok;
}

int rp_cli_write(const char *path, int (*fn)(void *ctx, FILE *out), void *ctx)
{
    if (!path || strcmp(path, "-") == 0) {
        if (fn(ctx, stdout) != 0 || fflush(stdout) != 0 || ferror(stdout)) {
            fprintf(stderr, _("rotaplan: cannot write to standard output: %s\n"), strerror(errno));
            return -1;
        }
        return 0;
    }
    rp_atomic a;
    if (rp_atomic_open(&a, path) != 0) {
        fprintf(stderr, _("rotaplan: cannot write '%s': %s\n"), path, strerror(errno));
        return -1;
    }
    if (fn(ctx, a.fp) != 0) {
        int e = errno;
        rp_atomic_abort(&a);
        fprintf(stderr, _("rotaplan: cannot write '%s': %s\n"), path, strerror(e ? e : EIO));
        return -1;
    }
    if (rp_atomic_commit(&a) != 0) {
        fprintf(stderr, _("rotaplan: cannot write '%s': %s\n"), path, strerror(errno));
        return -1;
    }
    return 0;
}


/* Whether x decodes into a plan that every rule with rows passes (rules of class PROG may be
 * broken where the translation lets them bend): only such a plan may be handed to GLPK as a
 * start (it checks integrality alone). A failure is a bug, said so. */
bool rp_cli_passes_checks(void *ctx, const double *x)
{
    const rp_translation *t = ctx;
    rp_diags d = RP_DIAGS_INIT;
    rp_plan *plan = NULL;
    bool ok = rp_decode(t, x, &plan, &d) == 0;
    rp_findings f = RP_FINDINGS_INIT;
    if (ok && rp_check_plan(t->model, t->cohort, plan, &f, &d) != 0)
        ok = false;
    for (size_t i = 0; ok && i < f.count; i++) {
        rp_rule_class cls = t->model->rules[f.items[i].rule].cls;
        ok = f.items[i].level != RP_LEVEL_VIOLATION ||
             rp_rule_on_cohort(&t->model->rules[f.items[i].rule]) ||
             (t->programme_bends && cls == RP_CLASS_PROGRAMME);
    }
    if (!ok)
        fputs(_("rotaplan: internal error: a plan from the solver fails a direct check; it is not "
                "used\n"),
              stderr);
    rp_findings_free(&f);
    rp_plan_free(plan);
    rp_diags_free(&d);
    return ok;
}

/* The columns of a group that its bounds leave open. */
static size_t open_columns(const rp_ilp *ilp, const int *cols, size_t n)
{
    size_t open = 0;
    for (size_t i = 0; i < n; i++) {
        double lb, ub;
        rp_ilp_col_bounds(ilp, cols[i], &lb, &ub);
        open += ub > 0.5;
    }
    return open;
}

void rp_cli_first_plan(const rp_translation *t, rp_cli_first *out)
{
    size_t n = t->n_residents;
    out->groups = rp_xcalloc(n + 1, sizeof *out->groups);
    out->sizes = rp_xcalloc(n + 1, sizeof *out->sizes);
    out->n = n;
    size_t *open = rp_xcalloc(n + 1, sizeof *open);
    for (size_t r = 0; r < n; r++) {
        out->sizes[r] = rp_translation_resident_columns(t, r, &out->groups[r]);
        open[r] = open_columns(t->ilp, out->groups[r], out->sizes[r]);
    }
    /* the residents with the fewest choices first (a fixed course before "any"): planned
     * early, they find the places their course needs; ties keep the residents file's order */
    for (size_t i = 1; i < n; i++)
        for (size_t j = i; j > 0 && open[j - 1] > open[j]; j--) {
            size_t o = open[j];
            open[j] = open[j - 1];
            open[j - 1] = o;
            int *g = out->groups[j];
            out->groups[j] = out->groups[j - 1];
            out->groups[j - 1] = g;
            size_t z = out->sizes[j];
            out->sizes[j] = out->sizes[j - 1];
            out->sizes[j - 1] = z;
        }
    free(open);
    out->shapes = rp_translation_column_shapes(t);
    out->standard = rp_translation_standard_columns(t);
    out->first = (rp_first_plan){(const int *const *)out->groups, out->sizes, n,
                                 rp_cli_passes_checks, (void *)t, out->shapes, out->standard,
                                 NULL};
}

void rp_cli_first_plan_free(rp_cli_first *f)
{
    for (size_t r = 0; r < f->n; r++)
        free(f->groups[r]);
    free(f->groups);
    free(f->sizes);
    free(f->shapes);
    free(f->standard);
}

/* Without --format, the output file's extension chooses: .csv, .yaml or .yml; else a table. */
rp_format rp_cli_format_of_path(const char *path)
{
    const char *dot = path ? strrchr(path, '.') : NULL;
    if (dot && strcmp(dot, ".csv") == 0)
        return RP_FORMAT_CSV;
    if (dot && (strcmp(dot, ".yaml") == 0 || strcmp(dot, ".yml") == 0))
        return RP_FORMAT_YAML;
    if (dot && strcmp(dot, ".json") == 0)
        return RP_FORMAT_JSON;
    if (dot && strcmp(dot, ".xlsx") == 0)
        return RP_FORMAT_XLSX;
    return RP_FORMAT_TABLE;
}

/* Every resident of the earlier plan is in the residents file (a what-if plans the same people,
 * and maybe new ones). */
bool rp_cli_every_resident_known(const rp_plan *old, const rp_cohort *c, const char *path)
{
    bool ok = true;
    for (size_t i = 0; i < old->n_residents; i++) {
        if (rp_cohort_resident(c, old->residents[i].id) != RP_NONE)
            continue;
        fprintf(stderr, _("%s:%d:1: resident '%s' of the plan is not in %s; expected the residents "
                        "of the plan (and maybe new ones)\n"),
                old->source ? old->source : "plan", old->residents[i].line, old->residents[i].id,
                path);
        ok = false;
    }
    return ok;
}

/* Whether the new plan keeps every stint row of the past: each resident's block and parallel
 * cells before `from` equal the old plan's. Names the first difference (a bug). */
bool rp_cli_past_kept(const rp_model *m, const rp_plan *old, const rp_plan *new_plan,
                      rp_date from)
{
    long day = rp_date_to_days(from);
    for (size_t i = 0; i < old->n_stints; i++) {
        const rp_stint *s = &old->stints[i];
        const rp_plan_resident *res = &old->residents[s->resident];
        int r = rp_plan_resident_index(new_plan, res->id);
        for (int p = s->first; r != RP_NONE && p <= s->last; p++) {
            if (rp_date_to_days(rp_period_first_day(m, res->cohort, p)) >= day)
                break;
            bool found = false;
            for (size_t k = 0; k < new_plan->n_stints && !found; k++) {
                const rp_stint *t = &new_plan->stints[k];
                found = t->resident == r && t->mode == s->mode && t->first <= p &&
                        p <= t->last && t->facility == s->facility &&
                        (t->department == s->department || t->department == RP_NONE ||
                         s->department == RP_NONE) &&
                        fabs(t->days_per_week - s->days_per_week) < 1e-9;
            }
            if (!found) {
                fprintf(stderr, _("rotaplan: internal error: the new plan changes %s's "
                                "period %d, before the date it plans from; nothing is written\n"),
                        res->id, p);
                return false;
            }
        }
    }
    return true;
}

rp_plan *rp_cli_read_plan(const rp_model *m, const char *path)
{
    rp_diags d = RP_DIAGS_INIT;
    rp_plan *p = NULL;
    int ret = rp_plan_read(m, path, &p, &d);
    rp_diags_sort(&d);
    rp_diags_print(&d, stderr);
    rp_diags_free(&d);
    return ret == 0 ? p : NULL;
}

/* --best-effort, when no compliant plan exists: the plan of the fewest violations (the elastic
 * solve's), written with status best-effort, its violations named by the direct checks on
 * stderr. Returns RP_EXIT_NO_PLAN (or another exit status on failure). */
int rp_cli_best_effort(const rp_translation *t, const char *out, rp_format format,
                       double time_limit)
{
    int *rows = NULL;
    size_t n = 0;
    double *x = NULL;
    int found = rp_solve_elastic(t->ilp, time_limit, &rows, &n, &x);
    free(rows);
    rp_diags d = RP_DIAGS_INIT;
    rp_plan *plan = NULL;
    int status = RP_EXIT_NO_PLAN;
    if (found == -2 && !t->n_uncovered) {
        fputs(_("rotaplan: time limit reached before a best-effort plan was found; nothing is "
                "written\n"), stderr);
    } else if (found == -3 && !t->n_uncovered) {
        fputs(_("rotaplan: the solver's budget ran out before a best-effort plan was found; "
                "nothing is written\n"), stderr);
    } else if (found < 0 || !x || t->n_uncovered) {
        fputs(_("rotaplan: no best-effort plan either: some periods no stint can hold\n"), stderr);
    } else if (rp_decode(t, x, &plan, &d) != 0) {
        /* the fewest violations leave a period without a place (RAD-06 gave): no plan to write */
        fputs(_("rotaplan: no best-effort plan either: the fewest violations leave a resident "
              "without a place in some period\n"), stderr);
    } else {
        plan->status = RP_PLAN_BEST_EFFORT;
        rp_findings f = RP_FINDINGS_INIT;
        if (rp_check_plan(t->model, t->cohort, plan, &f, &d) == 0) {
            fputs(_("best-effort plan written; its violations:\n"), stderr);
            rp_report_findings(t->model, plan, &f, stderr);
        }
        rp_findings_free(&f);
        /* a stop waits for the file: nothing half-written (the phase may leave at once) */
        sigset_t hold, old;
        sigemptyset(&hold);
        sigaddset(&hold, SIGINT);
        sigaddset(&hold, SIGTERM);
        sigaddset(&hold, SIGALRM);
        sigprocmask(SIG_BLOCK, &hold, &old);
        if (rp_cli_write_output(out, t->model, t->cohort, plan, format) != 0)
            status = RP_EXIT_INPUT;
        sigprocmask(SIG_SETMASK, &old, NULL);
    }
    rp_plan_free(plan);
    rp_diags_free(&d);
    free(x);
    return status;
}
