/*
 * whatif.c: `rotaplan whatif [MODEL] PLAN CHANGES... [options]`. A facility withdraws, or its
 * capacity or instructors change, or residents join, from a date: the past of the earlier plan
 * stays exactly as it was, and the rest is planned again, over all cohorts at once, changing as
 * few resident-periods as possible. Also the N-1 sweep (--sweep).
 *
 * A change that the earlier plan already meets (every rule's direct check, pins, withdrawals) is
 * answered at once, the plan as it was, no search. Otherwise, stages on one translation: the
 * most resident-periods kept (anchor.c), then (when bending) the fewest bends, then the model's
 * own objective (wishes...; a one-period stub at a cut weighs more than any of it), each holding
 * the earlier ones' result by a row, each starting from the plan before (the first from a
 * repair). The fewest changes every plan makes are counted first (whatif_bound.c); a start that
 * changes no more (tight_start) proves the first stage, and the later ones then search only the
 * pieces such a plan can use. Else the repair plans again the residents the changed model
 * flags (else those a change touches) with the others held as they were; when it finds a plan,
 * the stages search that region only, the rest fixed (else everyone). `plan --keep` runs here
 * too (rp_whatif_keep: no change to the model, strict level only). Levels: strict first; when
 * the counting checks or the solver find no plan, the residents a change touches get their
 * pieces cut at the change dates and every row of a rule of
 * class PROG may bend at a cost; each bend is reported and declared in the plan. Hard rules never
 * bend. The plan is checked by every rule's direct check and its past compared with the earlier
 * plan before anything is written. Counting checks and the explanation: whatif_checks.c and
 * common.c; scenario files: whatif_scenario.c.
 */
#include "cli/whatif.h"
#include "report/grid.h"
#include "rotaplan/calendar.h"
#include "rotaplan/rule.h"
#include "util/i18n.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct whatif_args {
    const char *model, *plan, *residents, *format, *out, *diff, *time_limit, *lp, *mps, *add;
    const char *scenario;
    bool quiet, help, best_effort, excel, verbose;
    bool keep;  /* plan --keep: the model as it is, nothing bends (strict level only) */
    bool sweep; /* --sweep: every facility withdrawn in turn (its dates in changes[0]) */
    change_arg *changes;
    size_t n_changes, cap_changes;
} whatif_args;

static bool is_change_option(const char *s)
{
    return strcmp(s, "--withdraw") == 0 || strcmp(s, "--capacity") == 0 ||
           strcmp(s, "--instructors") == 0 || strcmp(s, "--add-resident") == 0;
}

static bool is_sweep(const char *s)
{
    return strcmp(s, "--sweep") == 0;
}

static int usage_error(const char *fmt, const char *a, const char *b)
{
    fputs("rotaplan whatif: ", stderr);
    fprintf(stderr, _(fmt), a, b);
    fputs(_("\nusage: rotaplan whatif [MODEL] PLAN (--withdraw FACILITY | --capacity "
          "FACILITY[:DEPARTMENT]=N | --instructors FACILITY=N) --from DATE [--until DATE] ...\n"),
          stderr);
    return -1;
}

/* The name of argument arg up to its '=' (into buf) and the value after it, or NULL when it has
 * none (`--withdraw=keio`). */
static const char *option_name(const char *arg, char *buf, size_t size)
{
    const char *eq = arg[0] == '-' && arg[1] == '-' ? strchr(arg, '=') : NULL;
    size_t len = eq ? (size_t)(eq - arg) : strlen(arg);
    snprintf(buf, size, "%.*s", (int)(len < size ? len : size - 1), arg);
    return eq ? eq + 1 : NULL;
}

/* The value of change option name: inline (`--withdraw=keio`) or the next argument, which must
 * not be an option itself; NULL after a usage error. */
static const char *change_value(int argc, char **argv, int *i, const char *name,
                                const char *inline_value)
{
    const char *v = inline_value;
    if (!v && *i + 1 < argc && !(argv[*i + 1][0] == '-' && argv[*i + 1][1] == '-'))
        v = argv[++*i];
    if (!v) {
        usage_error(N_("option '%s' needs a value%s"), name, "");
        return NULL;
    }
    if (!*v) {
        usage_error(N_("option '%s' has an empty value%s"), name, "");
        return NULL;
    }
    return v;
}

/* Takes the changes (each option with its --from and --until) out of argv into a->changes and
 * the other arguments into rest; returns their count, or -1 after a usage error. */
static int split_changes(int argc, char **argv, whatif_args *a, char **rest)
{
    int n = 0;
    for (int i = 0; i < argc; i++) {
        char s[32];
        const char *inline_value = option_name(argv[i], s, sizeof s);
        bool date = strcmp(s, "--from") == 0 || strcmp(s, "--until") == 0;
        if (is_sweep(s)) { /* a change of its own: every facility in turn, with its dates */
            if (inline_value)
                return usage_error(N_("option '--sweep' takes no value%s%s"), "", "");
            *RP_PUSH(a->changes, a->n_changes, a->cap_changes) =
                (change_arg){"--sweep", "", NULL, NULL};
            a->sweep = true;
            continue;
        }
        if (!is_change_option(s) && !date) {
            rest[n++] = argv[i];
            continue;
        }
        const char *v = change_value(argc, argv, &i, s, inline_value);
        if (!v)
            return -1;
        if (is_change_option(s)) {
            const char *name = strcmp(s, "--withdraw") == 0      ? "--withdraw"
                               : strcmp(s, "--capacity") == 0    ? "--capacity"
                               : strcmp(s, "--instructors") == 0 ? "--instructors"
                                                                 : "--add-resident";
            *RP_PUSH(a->changes, a->n_changes, a->cap_changes) = (change_arg){name, v, NULL, NULL};
            if (strcmp(name, "--add-resident") == 0) {
                if (a->add)
                    return usage_error(N_("--add-resident given twice: put the residents in one "
                                       "file%s%s"), "", "");
                a->add = v;
            }
            continue;
        }
        if (!a->n_changes)
            return usage_error(N_("%s %s belongs to a change: put it after --withdraw, --capacity "
                               "or --instructors"), s, v);
        change_arg *c = &a->changes[a->n_changes - 1];
        bool from = strcmp(s, "--from") == 0;
        const char **slot = from ? &c->from : &c->until;
        if (*slot)
            return usage_error(N_("%s given twice for %s"), from ? "--from" : "--until", c->option);
        if (!from && strcmp(c->option, "--add-resident") == 0)
            return usage_error(N_("--until %s: residents who join stay; expected --until after "
                               "--withdraw, --capacity, --instructors or --sweep%s"), v, "");
        *slot = v;
    }
    return n;
}

static int parse_args(int argc, char **argv, whatif_args *a)
{
    char **rest = rp_xcalloc((size_t)argc + 1, sizeof *rest);
    int n = split_changes(argc, argv, a, rest);
    int err = n < 0 ? -1 : 0;
    const rp_opt opts[] = {
        {"--residents", true, &a->residents, NULL}, {"--format", true, &a->format, NULL},
        {"--out", true, &a->out, NULL},             {"--diff", true, &a->diff, NULL},
        {"--time-limit", true, &a->time_limit, NULL}, {"--quiet", false, NULL, &a->quiet},
        {"--lp", true, &a->lp, NULL},               {"--mps", true, &a->mps, NULL},
        {"--scenario", true, &a->scenario, NULL},   {"--best-effort", false, NULL, &a->best_effort},
        {"--help", false, NULL, &a->help},          {"--excel", false, NULL, &a->excel},
        {"--verbose", false, NULL, &a->verbose},
    };
    const char *pos[2];
    size_t npos = 0;
    if (!err && rp_cli_parse("whatif", n, rest, opts, sizeof opts / sizeof opts[0], pos, 2,
                             &npos) != 0)
        err = -1;
    free(rest);
    if (err || a->help)
        return err;
    if (npos == 0)
        return usage_error(N_("missing the plan to change%s%s"), "", "");
    if (!a->n_changes && !a->scenario)
        return usage_error(N_("no change given%s%s"), "", "");
    if (a->sweep && (a->n_changes > 1 || a->scenario))
        return usage_error(N_("--sweep withdraws every facility in turn: give it alone, with "
                           "--from and --until%s%s"), "", "");
    if (a->sweep && (a->out || a->diff || a->lp || a->mps || a->format || a->excel))
        return usage_error(N_("--sweep prints one table: --out, --diff, --lp, --mps and --format "
                           "belong to a single what-if%s%s"), "", "");
    a->model = npos == 2 ? pos[0] : NULL;
    a->plan = pos[npos - 1];
    return 0;
}

/* ---- the changes against the model ---- */

static int parse_date(const char *option, const char *text, bool until, rp_date *out)
{
    int form = rp_date_parse(text, out);
    if (form < 0) {
        fprintf(stderr, _("rotaplan whatif: %s '%s': expected a date YYYY-MM-DD or a month "
                        "YYYY-MM\n"), option, text);
        return -1;
    }
    if (form == 1 && until) /* a month: up to its last day */
        out->day = rp_days_in_month(out->year, out->month);
    return 0;
}

static int facility_of(const rp_model *m, const char *option, const char *id, size_t len)
{
    char buf[128];
    snprintf(buf, sizeof buf, "%.*s", (int)(len < sizeof buf ? len : sizeof buf - 1), id);
    int f = rp_model_facility(m, buf);
    if (f == RP_NONE) {
        const char *near = rp_model_nearest_place(m, buf);
        fprintf(stderr, _("rotaplan whatif: %s: unknown facility '%s'; expected one of:"), option,
                buf);
        for (size_t i = 0; i < m->n_facilities; i++)
            fprintf(stderr, " %s", m->facilities[i].id);
        if (near && rp_model_facility(m, near) != RP_NONE)
            fprintf(stderr, _("; did you mean '%s'?"), near);
        fputc('\n', stderr);
    }
    return f;
}

/* "FACILITY[:DEPARTMENT]=N" (department allowed when with_department) into c. */
static int parse_target(const rp_model *m, const change_arg *a, bool with_department,
                        rp_change *c)
{
    const char *eq = strchr(a->value, '=');
    const char *colon = strchr(a->value, ':');
    if (!eq || (colon && (!with_department || colon > eq))) {
        fprintf(stderr, _("rotaplan whatif: %s '%s': expected %s=N\n"), a->option, a->value,
                with_department ? "FACILITY[:DEPARTMENT]" : "FACILITY");
        return -1;
    }
    const char *end = colon ? colon : eq;
    if ((c->facility = facility_of(m, a->option, a->value, (size_t)(end - a->value))) == RP_NONE)
        return -1;
    c->department = RP_NONE;
    if (colon) {
        char dep[128];
        snprintf(dep, sizeof dep, "%.*s", (int)(eq - colon - 1), colon + 1);
        c->department = rp_facility_department(&m->facilities[c->facility], dep);
        if (c->department == RP_NONE) {
            fprintf(stderr, _("rotaplan whatif: %s: %s runs no department '%s'\n"), a->option,
                    m->facilities[c->facility].id, dep);
            return -1;
        }
    }
    char *stop;
    c->value = strtod(eq + 1, &stop);
    if (eq[1] == '\0' || *stop != '\0' || !(c->value >= 0) || c->value > 1e6) {
        fprintf(stderr, _("rotaplan whatif: %s '%s': expected a number of at least 0 after '='\n"),
                a->option, a->value);
        return -1;
    }
    return 0;
}

static int parse_change(const rp_model *m, const change_arg *a, rp_change *c)
{
    memset(c, 0, sizeof *c);
    if (!a->from) {
        fprintf(stderr, _("rotaplan whatif: %s%s%s needs --from DATE\n"), a->option,
                *a->value ? " " : "", a->value);
        return -1;
    }
    if (parse_date("--from", a->from, false, &c->from) != 0 ||
        (a->until && parse_date("--until", a->until, true, &c->until) != 0))
        return -1;
    if (a->until && rp_date_to_days(c->until) < rp_date_to_days(c->from)) {
        fprintf(stderr, _("rotaplan whatif: --until %s is before --from %s\n"), a->until, a->from);
        return -1;
    }
    if (is_sweep(a->option)) { /* dates only: sweep() puts each facility in turn */
        c->kind = RP_CHANGE_WITHDRAW;
        c->facility = 0;
        c->department = RP_NONE;
        return 0;
    }
    if (strcmp(a->option, "--withdraw") == 0) {
        c->kind = RP_CHANGE_WITHDRAW;
        c->department = RP_NONE;
        c->facility = facility_of(m, a->option, a->value, strlen(a->value));
        return c->facility == RP_NONE ? -1 : 0;
    }
    c->kind = strcmp(a->option, "--capacity") == 0 ? RP_CHANGE_CAPACITY : RP_CHANGE_INSTRUCTORS;
    return parse_target(m, a, c->kind == RP_CHANGE_CAPACITY, c);
}

/* Adds every change to m; *from receives the earliest date (the what-if's "now"; year 0 when
 * no change gives one). A resident who joins is no change to the model: only its date counts,
 * when given (else the joining residents' start, join_date). */
static int apply_changes(rp_model *m, const whatif_args *a, rp_date *from)
{
    *from = (rp_date){0, 0, 0};
    for (size_t i = 0; i < a->n_changes; i++) {
        rp_change c;
        bool joins = strcmp(a->changes[i].option, "--add-resident") == 0;
        if (joins) {
            memset(&c, 0, sizeof c);
            if (!a->changes[i].from)
                continue;
            if (parse_date("--from", a->changes[i].from, false, &c.from) != 0)
                return -1;
        } else if (parse_change(m, &a->changes[i], &c) != 0) {
            return -1;
        }
        if (!joins)
            rp_model_add_change(m, &c);
        if (from->year == 0 || rp_date_to_days(c.from) < rp_date_to_days(*from))
            *from = c.from;
    }
    return 0;
}

/* Without a date of their own, residents join at the earliest start among them: the what-if's
 * date when no other change comes earlier. */
static void join_date(const rp_model *m, const rp_cohort *extra, rp_date *from)
{
    for (size_t i = 0; i < extra->n_residents; i++) {
        rp_date d = rp_period_first_day(m, extra->residents[i].cohort, 1);
        if (from->year == 0 || rp_date_to_days(d) < rp_date_to_days(*from))
            *from = d;
    }
}

/* ---- solving ---- */

/* How far the programme's own rules may give: not at all; or at the change dates (pieces cut
 * there, each one a PROG rule refuses a bend, and every row of a PROG rule may bend at a cost).
 * Freeing the pieces from the PROG rules' shapes altogether (translate.h programme_unshaped)
 * would bend them anywhere, but makes a problem some 25 times larger: not tried. */
typedef enum level { STRICT, CUT } level;

typedef struct outcome {
    rp_translation *t;
    rp_plan *plan;
    rp_solve_result res; /* of the last stage that found a plan */
    long open_periods, kept;
    bool minimal_proven;
    bool region; /* planned with the residents no change touches held as they were */
    const bool *off; /* pieces no plan changing the fewest can use (whatif_bound.c), or NULL */
    long tight;      /* the periods kept when the fewest change: off applies then */
    const rp_findings *checked; /* the earlier plan's findings with the changes in force, or
                                 * NULL when not yet known (borrowed: already_holds's) */
    char *why; /* what the counting checks found (rp_whatif_prechecks), or NULL; owned */
} outcome;

enum { SOLVED = 0, NO_PLAN = 1, BAD_INPUT = 2, FAILED = 3 };

/* A stage once the fewest changes are proven (leave_off): the region's own problem (the columns
 * whose bounds differ, the others at start on the right-hand side: rp_solve_reduce) solved from
 * scratch with GLPK's presolver, which removes most of what the fixed pieces decide (the rules'
 * own columns of the region's residents), where the search from the start's basis walks the
 * whole reduced LP. The start stands when the search finds nothing better before the command's
 * stop. As rp_solve_region: *res in ilp's terms, optimal among the plans that hold the columns
 * outside the region. */
static int stage_presolved(const rp_ilp *ilp, const rp_solve_options *opt, rp_solve_result *res,
                           size_t *n_region, rp_diags *d)
{
    int *cols = NULL;
    size_t nc = 0, n = rp_ilp_n_cols(ilp);
    rp_ilp *sub = rp_solve_reduce(ilp, opt->start, &cols, &nc);
    if (!sub) { /* the start breaks a row: rp_solve_region says which */
        free(cols);
        return rp_solve_region(ilp, opt, res, n_region, d);
    }
    *n_region = nc;
    rp_solve_options o = *opt;
    o.start = NULL;
    o.first = NULL;
    rp_solve_result r;
    int err = rp_solve(sub, &o, &r, d);
    if (err == 0) {
        *res = r;
        res->x = rp_xmalloc((n + 1) * sizeof *res->x);
        memcpy(res->x, opt->start, n * sizeof *res->x);
        res->n_cols = n;
        bool found = r.x && (r.status == RP_SOLVE_OPTIMAL || r.status == RP_SOLVE_FEASIBLE);
        for (size_t q = 0; found && q < nc; q++)
            res->x[cols[q]] = r.x[q];
        if (!found) /* nothing before the stop: the start stands, not proven */
            res->status = RP_SOLVE_FEASIBLE;
        res->objective = rp_ilp_objective(ilp, res->x);
        res->bound = found && r.status == RP_SOLVE_OPTIMAL ? res->objective : NAN;
        res->gap = isnan(res->bound) ? NAN : 0;
        free(r.x);
    }
    rp_ilp_free(sub);
    free(cols);
    return err;
}

/* One stage: maximise obj (constant c) from start (NULL: a first plan built resident by
 * resident) within limit seconds. With region (and a start), only the columns whose bounds
 * differ are searched, in a problem of their own (rp_solve_region): the rows of nobody in the
 * region are left out and the held columns move to the right-hand side, so that the root LP and
 * the search cost what the region costs, not the whole matrix (most of a what-if's time before:
 * BENCHMARKS.md). */
static int stage(const rp_cli *cli, const whatif_args *a, rp_translation *t, const double *obj,
                 double c, const double *start, bool region, bool presolved, double limit,
                 rp_solve_result *res, rp_diags *d)
{
    rp_ilp_set_obj(t->ilp, obj, c);
    rp_cli_first first;
    rp_cli_first_plan(t, &first);
    rp_solve_options opt = {limit > 0 ? limit : rp_cli_time_left(cli), 0,
                            cli->stderr_tty && !a->quiet, cli->interrupt,
                            start ? NULL : &first.first, start};
    int err;
    if (region && start) { /* or the stages after the fewest changes proven, off left out */
        size_t n_region = 0;
        err = presolved ? stage_presolved(t->ilp, &opt, res, &n_region, d)
                        : rp_solve_region(t->ilp, &opt, res, &n_region, d);
        char note[96];
        snprintf(note, sizeof note, "a stage over the region's %zu of %zu columns", n_region,
                 rp_ilp_n_cols(t->ilp));
        rp_cli_note(cli, note);
    } else {
        err = rp_solve(t->ilp, &opt, res, d);
    }
    rp_cli_first_plan_free(&first);
    return err;
}

/* A row: obj x >= value (what an earlier stage reached; its objectives count whole periods). */
static void hold(rp_ilp *ilp, const double *obj, double value, int k)
{
    rp_expr e = {0};
    for (size_t j = 0; j < rp_ilp_n_cols(ilp); j++)
        if (obj[j] != 0)
            rp_expr_add(&e, (int)j, obj[j]);
    rp_row_tag tag = {RP_NONE, RP_NONE, RP_NONE, 0, 0};
    char name[32];
    snprintf(name, sizeof name, "whatif_stage%d", k);
    rp_ilp_add_row(ilp, name, &e, RP_GE, round(value) - 1e-6, tag);
    rp_expr_free(&e);
}

/* Whether resident r of old holds, from the what-if date on, a place that a change touches. */
static bool touched(const rp_model *m, const rp_plan *old, int r, rp_date from)
{
    long day = rp_date_to_days(from);
    int cohort = old->residents[r].cohort;
    for (size_t i = 0; i < old->n_stints; i++) {
        const rp_stint *s = &old->stints[i];
        for (int p = s->first; s->resident == r && s->facility >= 0 && p <= s->last; p++) {
            bool withdrawn;
            if (rp_date_to_days(rp_period_last_day(m, cohort, p)) >= day &&
                rp_changed_on(m, s->facility, rp_slot(m, cohort, p), &withdrawn))
                return true;
        }
    }
    return false;
}

/* The residents of t whose earlier plan stands as it was (no change touches them): their
 * columns' values in x_old, NAN for the others' (n_cols values; the caller frees). */
static double *kept_values(const rp_translation *t, const rp_plan *old, rp_date from,
                           const double *x_old, bool *replan, const bool *narrow)
{
    size_t n = rp_ilp_n_cols(t->ilp);
    double *fixed = rp_xmalloc((n + 1) * sizeof *fixed);
    for (size_t j = 0; j < n; j++)
        fixed[j] = NAN;
    for (size_t r = 0; r < t->n_residents; r++) {
        int o = rp_plan_resident_index(old, t->cohort->residents[r].id);
        replan[r] = o == RP_NONE || (narrow ? narrow[o] : touched(t->model, old, o, from));
        if (replan[r])
            continue;
        int *cols;
        size_t k = rp_translation_resident_columns(t, r, &cols);
        for (size_t i = 0; i < k; i++)
            fixed[cols[i]] = x_old[cols[i]];
        free(cols);
    }
    return fixed;
}

/* The groups of the residents to plan again, as columns of the region's problem (local: a
 * column's index there, or -1 when it is held); *ng groups, the caller frees them. */
static int **region_groups(const rp_translation *t, const bool *replan, const int *local,
                           size_t **sizes, size_t *ng)
{
    int **groups = rp_xcalloc(t->n_residents + 1, sizeof *groups);
    *sizes = rp_xcalloc(t->n_residents + 1, sizeof **sizes);
    *ng = 0;
    for (size_t r = 0; r < t->n_residents; r++) {
        if (!replan[r])
            continue;
        int *cols;
        size_t k = rp_translation_resident_columns(t, r, &cols), q = 0;
        for (size_t i = 0; i < k; i++)
            if (local[cols[i]] >= 0) /* a column the anchoring fixed stands with the others */
                cols[q++] = local[cols[i]];
        groups[*ng] = cols;
        (*sizes)[(*ng)++] = q;
    }
    return groups;
}

/* The residents to plan again, one after another (rp_solve_sequential), every other resident
 * held at its earlier plan through its columns' bounds (restored after), in the problem of the
 * columns left free (rp_solve_reduce: the held ones on the right-hand side), so that the steps
 * and the helpers' last solve cost what the region costs, not the whole matrix. NULL when one
 * finds no place that way. */
static double *repair_one_by_one(const rp_cli *cli, rp_translation *t, const double *fixed,
                                 const bool *replan)
{
    size_t n = rp_ilp_n_cols(t->ilp), ng = 0, nc = 0;
    double *lb = rp_xmalloc((n + 1) * sizeof *lb), *ub = rp_xmalloc((n + 1) * sizeof *ub);
    double *values = rp_xmalloc((n + 1) * sizeof *values);
    for (size_t j = 0; j < n; j++) {
        rp_ilp_col_bounds(t->ilp, (int)j, &lb[j], &ub[j]);
        if (!isnan(fixed[j]))
            rp_ilp_set_col_bounds(t->ilp, (int)j, fixed[j], fixed[j]);
        values[j] = !isnan(fixed[j]) ? fixed[j] : isfinite(lb[j]) ? lb[j] : 0;
    }
    int *cols = NULL;
    rp_ilp *sub = rp_solve_reduce(t->ilp, values, &cols, &nc);
    for (size_t j = 0; j < n; j++)
        rp_ilp_set_col_bounds(t->ilp, (int)j, lb[j], ub[j]);
    free(lb);
    free(ub);
    double *x = NULL;
    if (sub) {
        int *local = rp_xmalloc((n + 1) * sizeof *local);
        for (size_t j = 0; j < n; j++)
            local[j] = -1;
        for (size_t q = 0; q < nc; q++)
            local[cols[q]] = (int)q;
        size_t *sizes;
        int **groups = region_groups(t, replan, local, &sizes, &ng);
        /* no clock: each resident's step runs to its end (the same start on every machine);
         * the command's stop ends it, and its time left is GLPK's tm_lim (guard.h) */
        rp_solve_options opt = {rp_cli_time_left(cli), 0, false, cli->interrupt, NULL, NULL};
        double *xs = NULL;
        if (rp_solve_sequential(sub, (const int *const *)groups, sizes, ng, &opt, &xs) == 0) {
            x = values; /* the held columns' values, the region's put among them */
            values = NULL;
            for (size_t q = 0; q < nc; q++)
                x[cols[q]] = xs[q];
        }
        free(xs);
        for (size_t g = 0; g < ng; g++)
            free(groups[g]);
        free(groups);
        free(sizes);
        free(local);
    }
    rp_ilp_free(sub);
    free(cols);
    free(values);
    return x;
}

/* The residents to plan again (replan), the others held at fixed: one after another, else
 * together (a small ILP within 5% of its best); NULL when no plan passes the direct checks. */
static double *repair_within(const rp_cli *cli, rp_translation *t, const double *fixed,
                             const bool *replan)
{
    const volatile sig_atomic_t *stop = cli->interrupt;
    double *x = repair_one_by_one(cli, t, fixed, replan);
    if (x && !rp_cli_passes_checks((void *)t, x)) { /* GLPK checks integrality alone */
        free(x);
        x = NULL;
    }
    if (x || (stop && *stop))
        return x; /* checked once: each check of the whole plan costs a tenth of a second */
    /* within 5% of its best or a budget of nodes (solve.c), not seconds; the command's time
     * left ends it too */
    rp_solve_options opt = {rp_cli_time_left(cli), 0.05, false, stop, NULL, NULL};
    if (rp_solve_partial(t->ilp, fixed, &opt, &x) != 0)
        x = NULL;
    if (x && !rp_cli_passes_checks((void *)t, x)) {
        free(x);
        x = NULL;
    }
    return x;
}

static bool pins_hold(const rp_plan *old, int o, const rp_resident *res);
static bool at_withdrawn(const rp_model *m, const rp_plan *old, int o);
static void hold_outside(rp_ilp *ilp, const double *fixed, double **lb, double **ub);
static void restore_bounds(rp_ilp *ilp, double *lb, double *ub);

/* Whether resident o of old holds a block at facility f (any, when RP_NONE) in one of the
 * calendar slots a..b. */
static bool there_in_slots(const rp_model *m, const rp_plan *old, int o, int f, long a, long b)
{
    long base = rp_slot(m, old->residents[o].cohort, 1) - 1;
    for (size_t i = 0; i < old->n_stints; i++) {
        const rp_stint *s = &old->stints[i];
        if (s->resident == o && s->mode == RP_MODE_BLOCK && (f < 0 || s->facility == f) &&
            base + s->first <= b && a <= base + s->last)
            return true;
    }
    return false;
}

/* The residents of old (by old's index) that the changed model flags: the direct checks'
 * violations (a resident's own, or a limit's: every resident at that facility, or anywhere for
 * the programme's, in the slots it is over), a block at a withdrawn facility, a pin not held.
 * NULL when the checks cannot run on old (the caller then takes every resident a change
 * touches). The caller frees. */
static bool *flagged(const rp_translation *t, const rp_plan *old, const rp_findings *checked)
{
    const rp_model *m = t->model;
    rp_findings own = RP_FINDINGS_INIT;
    rp_diags d = RP_DIAGS_INIT;
    const rp_findings *f = checked ? checked : &own;
    bool *out = rp_xcalloc(old->n_residents + 1, sizeof *out);
    if (!checked && rp_check_plan(m, t->cohort, old, &own, &d) != 0) {
        free(out);
        out = NULL;
    }
    for (size_t i = 0; out && i < f->count; i++) {
        const rp_finding *x = &f->items[i];
        if (x->level != RP_LEVEL_VIOLATION || rp_rule_on_cohort(&m->rules[x->rule]))
            continue;
        for (size_t o = 0; o < old->n_residents; o++)
            out[o] = out[o] || (x->resident >= 0 ? x->resident == (int)o
                                                 : there_in_slots(m, old, (int)o, x->facility,
                                                                  x->first, x->last));
    }
    for (size_t r = 0; out && r < t->n_residents; r++) {
        const rp_resident *res = &t->cohort->residents[r];
        int o = rp_plan_resident_index(old, res->id);
        if (o != RP_NONE)
            out[o] = out[o] || at_withdrawn(m, old, o) || !pins_hold(old, o, res);
    }
    rp_findings_free(&own);
    rp_diags_free(&d);
    return out;
}

/* A start for the first stage, found fast: the earlier plan kept for every resident that no
 * change touches, the others (and new residents) planned again for the most periods kept: one
 * after another, else together (a small ILP within 5% of its best). NULL when the earlier plan
 * does not fit the space or no such plan exists (the first stage then builds its own, resident
 * by resident). */
static double *repair_start(const rp_cli *cli, rp_translation *t, const rp_plan *old,
                            rp_date from, const double *matches, const rp_findings *checked,
                            double **fixed_out)
{
    rp_diags d = RP_DIAGS_INIT;
    double *x_old = NULL;
    *fixed_out = NULL;
    int fits = rp_encode(t, old, &x_old, &d);
    rp_diags_free(&d);
    if (fits != 0)
        return NULL;
    bool *replan = rp_xcalloc(t->n_residents + 1, sizeof *replan);
    bool *narrow = flagged(t, old, checked);
    double *fixed = NULL, *x = NULL;
    rp_ilp_set_obj(t->ilp, matches, 0);
    /* the residents the direct checks flag first, then every one a change touches */
    for (int tier = narrow ? 0 : 1; tier < 2 && !x; tier++) {
        free(fixed);
        fixed = kept_values(t, old, from, x_old, replan, tier == 0 ? narrow : NULL);
        x = repair_within(cli, t, fixed, replan);
    }
    free(narrow);
    free(replan);
    if (x)
        *fixed_out = fixed;
    else
        free(fixed);
    free(x_old);
    return x;
}

/* A plan that changes exactly the fewest resident-periods every plan changes (whatif_bound.c):
 * the residents of the bound's cells, those the direct checks flag and those who join planned
 * together in one small ILP, of the pieces that keep every other cell (off left out), every other
 * resident held at the earlier plan, the most periods kept. It stands only when it keeps tight
 * periods (then no plan keeps more: the first stage is proven without a search) and holds every
 * row; else NULL and the repair runs. On success *fixed_out holds the held columns'
 * values (NAN for the region's), as repair_start's. */
static double *tight_start(const rp_cli *cli, rp_translation *t, const rp_plan *old,
                           rp_date from, const double *matches, const bool *off,
                           const bool *bounded, long tight, const rp_findings *checked,
                           double **fixed_out)
{
    rp_diags d = RP_DIAGS_INIT;
    double *x_old = NULL, *x = NULL;
    *fixed_out = NULL;
    int fits = rp_encode(t, old, &x_old, &d);
    bool *narrow = fits == 0 ? flagged(t, old, checked) : NULL;
    if (!narrow) {
        free(x_old);
        rp_diags_free(&d);
        return NULL;
    }
    for (size_t r = 0; r < t->n_residents; r++) { /* the bound's residents join the region */
        int o = rp_plan_resident_index(old, t->cohort->residents[r].id);
        if (o != RP_NONE && bounded[r])
            narrow[o] = true;
    }
    bool *replan = rp_xcalloc(t->n_residents + 1, sizeof *replan);
    double *fixed = kept_values(t, old, from, x_old, replan, narrow);
    size_t n = rp_ilp_n_cols(t->ilp), nc = 0;
    double *lb, *ub;
    hold_outside(t->ilp, fixed, &lb, &ub);
    double *values = rp_xmalloc((n + 1) * sizeof *values);
    for (size_t j = 0; j < n; j++) {
        if (off[j] && isnan(fixed[j]))
            rp_ilp_set_col_bounds(t->ilp, (int)j, 0, 0);
        values[j] = !isnan(fixed[j]) ? fixed[j] : off[j] ? 0 : isfinite(lb[j]) ? lb[j] : 0;
    }
    rp_ilp_set_obj(t->ilp, matches, 0);
    int *cols = NULL;
    rp_ilp *sub = rp_solve_reduce(t->ilp, values, &cols, &nc);
    restore_bounds(t->ilp, lb, ub);
    /* no clock and no gap: the small problem is solved to its end (or to the command's stop,
     * its time left GLPK's tm_lim) */
    rp_solve_options opt = {rp_cli_time_left(cli), 0, false, cli->interrupt, NULL, NULL};
    rp_solve_result res = {0};
    if (sub && rp_solve(sub, &opt, &res, &d) == 0 && res.x &&
        res.status == RP_SOLVE_OPTIMAL && lround(res.objective) >= tight) {
        x = values; /* the held columns' values, the region's put among them */
        values = NULL;
        for (size_t q = 0; q < nc; q++)
            x[cols[q]] = res.x[q];
        /* every row, what GLPK needs of a start (it checks integrality alone); the direct
         * checks judge the plan the stages end with (audit), once: on the two-year programme
         * each whole check costs a tenth of the what-if's time */
        if (!rp_ilp_holds(t->ilp, x, 1e-6)) {
            free(x);
            x = NULL;
        }
    }
    rp_solve_result_free(&res);
    rp_ilp_free(sub);
    free(cols);
    free(values);
    free(replan);
    free(narrow);
    free(x_old);
    rp_diags_free(&d);
    if (x)
        *fixed_out = fixed;
    else
        free(fixed);
    return x;
}

/* ---- the region: the residents a change touches, the rest held as they were ---- */

/* The region's bounds: every column whose value in fixed is not NAN held there; the bounds
 * before into *lb, *ub (n_cols values each; restore_bounds puts them back and frees them). */
static void hold_outside(rp_ilp *ilp, const double *fixed, double **lb, double **ub)
{
    size_t n = rp_ilp_n_cols(ilp);
    *lb = rp_xmalloc((n + 1) * sizeof **lb);
    *ub = rp_xmalloc((n + 1) * sizeof **ub);
    for (size_t j = 0; j < n; j++) {
        rp_ilp_col_bounds(ilp, (int)j, &(*lb)[j], &(*ub)[j]);
        if (fixed && !isnan(fixed[j]))
            rp_ilp_set_col_bounds(ilp, (int)j, fixed[j], fixed[j]);
    }
}

static void restore_bounds(rp_ilp *ilp, double *lb, double *ub)
{
    for (size_t j = 0; lb && j < rp_ilp_n_cols(ilp); j++)
        rp_ilp_set_col_bounds(ilp, (int)j, lb[j], ub[j]);
    free(lb);
    free(ub);
}

/* The resident-periods of old from date from on at a facility a change withdraws: each must
 * change in any plan, so a plan that changes no others changes the fewest. */
static long must_change(const rp_model *m, const rp_plan *old, rp_date from)
{
    long day = rp_date_to_days(from), n = 0;
    for (size_t i = 0; i < old->n_stints; i++) {
        const rp_stint *s = &old->stints[i];
        int cohort = old->residents[s->resident].cohort;
        for (int p = s->first; s->mode == RP_MODE_BLOCK && s->facility >= 0 && p <= s->last;
             p++) {
            bool withdrawn;
            n += p >= 1 && rp_date_to_days(rp_period_first_day(m, cohort, p)) >= day &&
                 rp_changed_on(m, s->facility, rp_slot(m, cohort, p), &withdrawn) && withdrawn;
        }
    }
    return n;
}

/* Whether plan x (n columns) already reaches best, the most stage objective obj can reach
 * (NAN: not known); then *r is filled with it as proven optimal, and no search is needed. */
static bool reaches(const rp_ilp *ilp, const double *obj, double c, const double *x, double best,
                    rp_solve_result *r)
{
    if (!x || isnan(best))
        return false;
    size_t n = rp_ilp_n_cols(ilp);
    double v = c;
    for (size_t j = 0; j < n; j++)
        v += obj[j] * x[j];
    if (v < best - 1e-6)
        return false;
    memset(r, 0, sizeof *r);
    r->status = RP_SOLVE_OPTIMAL;
    r->x = rp_xmalloc((n + 1) * sizeof *r->x);
    memcpy(r->x, x, n * sizeof *r->x);
    r->n_cols = n;
    r->objective = r->bound = v;
    r->gap = 0;
    r->first_plan_seconds = 0;
    return true;
}

/* The pieces of off held at 0 (the bounds before are the caller's to restore): once a stage
 * has changed no more resident-periods than the bound (whatif_bound.c), every plan of the later
 * stages changes only the bound's cells, and those pieces cannot be in it. Returns true. */
static bool leave_off(const rp_cli *cli, rp_ilp *ilp, const bool *off)
{
    size_t n = rp_ilp_n_cols(ilp), k = 0;
    for (size_t j = 0; j < n; j++) {
        if (off[j]) {
            rp_ilp_set_col_bounds(ilp, (int)j, 0, 0);
            k++;
        }
    }
    char note[112];
    snprintf(note, sizeof note, "the fewest changes met the bound: %zu pieces left out", k);
    rp_cli_note(cli, note);
    return true;
}

/* The stages in order, each among the plans that reach what the earlier ones reached: the
 * resident-periods kept, then (cut level) the fewest bent pieces, then the model's objective.
 * A stage whose plan so far already reaches best[k] (the most it can reach: every place not
 * withdrawn kept, no bend) is proven without a search. No stage has a share of the time (a share
 * would decide which plan is written on a loaded machine): each runs to its end, and the
 * command's stop (its time limit) ends the one that runs; the last plan found stands when a
 * later stage finds nothing before the stop. */
static int solve_stages(const rp_cli *cli, const whatif_args *a, outcome *o,
                        const double *const *obj, const double *constant, const double *best,
                        int n, double limit, const double *start, rp_diags *d)
{
    bool reduce = o->region, presolved = false;
    for (int k = 0; k < n; k++) {
        rp_solve_result r = {0};
        const double *from = k == 0 ? start : o->res.x;
        if (k > 0 && cli->interrupt && *cli->interrupt)
            return SOLVED; /* stopped: the plan of the stage before stands */
        if (k == 1 && o->off && o->kept == o->tight) /* only the bound's cells changed */
            reduce = presolved = leave_off(cli, o->t->ilp, o->off);
        if (!reaches(o->t->ilp, obj[k], constant[k], from, best[k], &r) &&
            stage(cli, a, o->t, obj[k], constant[k], from, reduce, presolved, limit, &r, d) != 0)
            return FAILED;
        if (!r.x) {
            bool none_yet = !o->res.x;
            if (none_yet) { /* keep why: the status of the first stage */
                rp_solve_result_free(&o->res);
                o->res = r;
            }
            return none_yet ? NO_PLAN : SOLVED;
        }
        if (k == 0) {
            o->kept = lround(r.objective);
            o->minimal_proven = r.status == RP_SOLVE_OPTIMAL;
        }
        if (k + 1 < n)
            hold(o->t->ilp, obj[k], r.objective, k);
        rp_solve_result_free(&o->res);
        o->res = r;
    }
    return SOLVED;
}

/* The residents whose pieces the cut level cuts at the change dates: those a change touches
 * (they may have to leave a place inside a rotation unit) and those who join. */
static bool *cut_residents(const rp_model *m, const rp_cohort *c, const rp_plan *old,
                           rp_date from)
{
    bool *cut = rp_xcalloc(c->n_residents + 1, sizeof *cut);
    for (size_t r = 0; r < c->n_residents; r++) {
        int o = rp_plan_resident_index(old, c->residents[r].id);
        cut[r] = o == RP_NONE || touched(m, old, o, from);
    }
    return cut;
}

/* The counting checks; true (their text in o->why) when they find why no plan exists. */
static bool prechecked(outcome *o, const rp_plan *old, rp_date from)
{
    size_t size = 0;
    FILE *f = open_memstream(&o->why, &size);
    if (!f)
        return false;
    size_t n = rp_whatif_prechecks(o->t, old, from, f);
    fclose(f);
    if (n == 0) {
        free(o->why);
        o->why = NULL;
    }
    return n > 0;
}

/* -1 for each bend a plan takes: a piece cut at a change date that a PROG rule refused, and
 * each unit of slack of a PROG rule's row (n_cols values; the caller frees). */
static double *bend_costs(const rp_translation *t)
{
    double *bends = rp_xcalloc(rp_ilp_n_cols(t->ilp) + 1, sizeof *bends);
    for (size_t r = 0; r < t->n_residents; r++) {
        size_t np;
        const rp_piece *pieces = rp_space_pieces(t->space, r, &np);
        for (size_t i = 0; i < np; i++)
            bends[pieces[i].col] = pieces[i].bent ? -1 : 0;
    }
    for (size_t i = 0; i < t->n_bend_cols; i++)
        bends[t->bend_cols[i]] = -1;
    return bends;
}

/* Stubs: a one-period piece cut at a change date ("periods 28-28 town -> core"). For each stub
 * of a resident that has a piece at the same place right before or after it, a column
 * join in [0, 1] with rows join <= stub and join <= the sum of those neighbours: join is 1 only
 * when the stub continues a block at its place (the block moves whole, one period longer).
 * Added before anchoring (the anchoring sizes its arrays by the columns). */
typedef struct stubs {
    int *stub, *join; /* the stub's column, and its join column or -1 */
    size_t n, cap_stub, n_join, cap_join;
} stubs;

static void stubs_free(stubs *st)
{
    free(st->stub);
    free(st->join);
    memset(st, 0, sizeof *st);
}

static bool same_place(const rp_piece *a, const rp_piece *b)
{
    return a->facility == b->facility && a->department == b->department &&
           a->par_department == b->par_department && a->par_night == b->par_night;
}

static int add_join(rp_translation *t, size_t r, const rp_piece *pc, size_t np, size_t i)
{
    rp_expr next = {0};
    for (size_t k = 0; k < np; k++)
        if (k != i && same_place(&pc[k], &pc[i]) &&
            (pc[k].first == pc[i].last + 1 || pc[k].last == pc[i].first - 1))
            rp_expr_add(&next, pc[k].col, 1);
    if (next.n == 0) {
        rp_expr_free(&next);
        return -1;
    }
    char name[64];
    snprintf(name, sizeof name, "stubjoin_r%zu_c%d", r, pc[i].col);
    int y = rp_ilp_add_col(t->ilp, name, RP_COL_CONTINUOUS, 0, 1);
    rp_row_tag tag = {RP_NONE, (int)r, pc[i].facility, pc[i].first, pc[i].last};
    rp_expr e = {0};
    rp_expr_add(&e, y, 1);
    rp_expr_add(&e, pc[i].col, -1);
    snprintf(name, sizeof name, "stubjoin_r%zu_c%d_a", r, pc[i].col);
    rp_ilp_add_row(t->ilp, name, &e, RP_LE, 0, tag);
    for (size_t k = 0; k < next.n; k++)
        next.coef[k] = -1;
    rp_expr_add(&next, y, 1);
    snprintf(name, sizeof name, "stubjoin_r%zu_c%d_b", r, pc[i].col);
    rp_ilp_add_row(t->ilp, name, &next, RP_LE, 0, tag);
    rp_expr_free(&e);
    rp_expr_free(&next);
    return y;
}

static void find_stubs(rp_translation *t, stubs *out)
{
    memset(out, 0, sizeof *out);
    for (size_t r = 0; r < t->n_residents; r++) {
        size_t np;
        const rp_piece *pc = rp_space_pieces(t->space, r, &np);
        for (size_t i = 0; i < np; i++) {
            if (!pc[i].bent || pc[i].first != pc[i].last)
                continue;
            *RP_PUSH(out->stub, out->n, out->cap_stub) = pc[i].col;
            *RP_PUSH(out->join, out->n_join, out->cap_join) = add_join(t, r, pc, np, i);
        }
    }
}

/* The last stage's objective (the model's, maximised) with every stub that joins no block at its
 * place made worse than any difference the model's objective can make: among the plans with the
 * fewest changes and bends, a whole block moved first, a stub alone only when nothing else keeps
 * the rules. The weight is 1 + the sum of |c_j|: no wish or balance is worth one stub. */
static void avoid_stubs(const rp_ilp *ilp, const stubs *st, double *objective)
{
    double weight = 1;
    for (size_t j = 0; j < rp_ilp_n_cols(ilp); j++)
        weight += fabs(objective[j]);
    for (size_t i = 0; i < st->n; i++) {
        objective[st->stub[i]] -= weight;
        if (st->join[i] >= 0)
            objective[st->join[i]] += weight;
    }
}

/* The plan's objective in the model's own terms (obj, constant c); its bound is the search's
 * only when proven optimal (the search's bound counted the stubs' weight). */
static void model_objective(outcome *o, const double *obj, double c)
{
    double v = c;
    for (size_t j = 0; j < rp_ilp_n_cols(o->t->ilp); j++)
        v += obj[j] * o->res.x[j];
    o->res.objective = v;
    bool proven = o->res.status == RP_SOLVE_OPTIMAL;
    o->res.bound = proven ? v : NAN;
    o->res.gap = proven ? 0 : NAN;
}

/* Whether some change closes a place (a withdrawal, a capacity or an instructor figure of 0). */
static bool closes(const rp_model *m)
{
    for (size_t i = 0; i < m->n_changes; i++)
        if (m->changes[i].kind == RP_CHANGE_WITHDRAW || m->changes[i].value < 1)
            return true;
    return false;
}

/* Whether the strict level already fails on its pieces: a translation of the pieces alone
 * (no rule's rows), anchored to old, in which a pin meets a closed place or a kept past has no
 * piece left (rp_whatif_past_checks, or a period no piece holds). The whole strict translation
 * would end the same way, after writing every rule's rows (a third of a withdrawal's time on
 * the two-year programme); so the what-if goes on to the level that cuts at once. Only when a
 * change closes a place: no other change shuts a past piece. */
static bool strict_needs_cut(const rp_model *m, const rp_cohort *c, const rp_plan *old,
                             rp_date from)
{
    if (!closes(m))
        return false;
    rp_translate_options topt = {false, false, false, false, false, NULL, old};
    rp_translation *t = NULL;
    rp_diags d = RP_DIAGS_INIT;
    double *matches = NULL;
    long open = 0;
    bool needs = false;
    if (rp_translate_pieces(m, c, &topt, &t, &d) == 0 &&
        rp_anchor(t, old, from, &matches, &open, &d) == 0) {
        char *text = NULL;
        size_t size = 0;
        FILE *f = open_memstream(&text, &size); /* the text is the whole translation's to say */
        needs = t->n_uncovered || (f && rp_whatif_past_checks(t, old, from, f) > 0);
        if (f)
            fclose(f);
        free(text);
    }
    free(matches);
    rp_translation_free(t);
    rp_diags_free(&d);
    return needs;
}

/* Translates at the level, anchors, and solves the stages. SOLVED with o->plan, NO_PLAN (o->t
 * kept for the explanation), BAD_INPUT or FAILED (messages in d). */
static int solve_whatif(const rp_cli *cli, const whatif_args *a, const rp_model *m,
                        const rp_cohort *c, const rp_plan *old, rp_date from, level lv,
                        double limit, outcome *o, rp_diags *d)
{
    rp_cli_phase(cli, RP_PHASE_TRANSLATE);
    if (lv == STRICT && !a->keep && strict_needs_cut(m, c, old, from)) {
        rp_cli_note(cli, "the strict level needs a cut at the change dates (its pieces say so)");
        return NO_PLAN;
    }
    bool *cut = cut_residents(m, c, old, from);
    rp_translate_options topt = {false, false, lv == CUT, lv == CUT, false, cut, old};
    int translated = rp_translate(m, c, &topt, &o->t, d);
    free(cut);
    if (translated != 0)
        return FAILED;
    stubs st = {0};
    if (lv == CUT)
        find_stubs(o->t, &st);
    double *matches = NULL;
    if (rp_anchor(o->t, old, from, &matches, &o->open_periods, d) != 0) {
        free(matches);
        stubs_free(&st);
        return BAD_INPUT;
    }
    bool impossible = o->t->n_uncovered || rp_ilp_n_violated(o->t->ilp);
    rp_cli_phase(cli, RP_PHASE_COUNT);
    if (impossible || prechecked(o, old, from)) { /* strict: a cut needed, so on to CUT */
        free(matches);
        stubs_free(&st);
        return NO_PLAN;
    }
    rp_ilp *ilp = o->t->ilp;
    size_t n = rp_ilp_n_cols(ilp);
    double *objective = rp_xmalloc((n + 1) * sizeof *objective);
    for (size_t j = 0; j < n; j++)
        objective[j] = rp_ilp_col_obj(ilp, (int)j);
    double *bends = bend_costs(o->t);
    double *last = rp_xmalloc((n + 1) * sizeof *last); /* the model's, stubs made worst */
    memcpy(last, objective, n * sizeof *last);
    avoid_stubs(ilp, &st, last);
    stubs_free(&st);
    const double *obj[3] = {matches, bends, last};
    double constant[3] = {0, 0, rp_ilp_obj_constant(ilp)};
    if (lv == STRICT) { /* nothing bends: two stages */
        obj[1] = objective;
        constant[1] = constant[2];
    }
    rp_cli_phase(cli, RP_PHASE_WRITE); /* --lp, --mps: a stop waits for the files */
    if ((a->lp && rp_ilp_write(ilp, a->lp, 'l', d) != 0) ||
        (a->mps && rp_ilp_write(ilp, a->mps, 'm', d) != 0)) {
        free(matches);
        free(bends);
        free(objective);
        free(last);
        return BAD_INPUT;
    }
    rp_cli_phase(cli, RP_PHASE_SOLVE);
    /* the region first: when the residents no change touches can stay exactly as they were
     * (the repair found a plan so), only the others are searched; the fewest changes are then
     * proven only when no more than the withdrawn places changed (else "fewest found") */
    double *fixed = NULL, *lb = NULL, *ub = NULL;
    bool *off = NULL, *bounded = NULL; /* the fewest changes, counted before any search */
    long fewest = rp_whatif_fewest(o->t, old, from, &off, &bounded);
    long withdrawn = must_change(m, old, from), lower = fewest > withdrawn ? fewest : withdrawn;
    double *start = fewest > 0 ? tight_start(cli, o->t, old, from, matches, off, bounded,
                                             o->open_periods - fewest, o->checked, &fixed)
                               : NULL;
    free(bounded);
    if (start)
        rp_cli_note(cli, "a compliant start plan from the repair, changing the fewest "
                         "resident-periods the counting allows");
    else if ((start = repair_start(cli, o->t, old, from, matches, o->checked, &fixed)))
        rp_cli_note(cli, "a compliant start plan from the repair");
    hold_outside(ilp, fixed, &lb, &ub); /* the bounds before, restored after the stages */
    int n_stages = lv == STRICT ? 2 : 3;
    double best[3] = {(double)(o->open_periods - lower), 0, NAN};
    if (lv == STRICT)
        best[1] = NAN;
    o->region = fixed != NULL; /* the stages search the region only */
    o->off = off;
    o->tight = o->open_periods - fewest;
    int status = solve_stages(cli, a, o, obj, constant, best, n_stages, limit, start, d);
    o->region = fixed && status == SOLVED;
    if (o->region) /* the bound holds for every plan, held residents or not */
        o->minimal_proven = o->minimal_proven && o->kept >= o->open_periods - lower;
    o->off = NULL;
    free(off);
    restore_bounds(ilp, lb, ub);
    if (status == SOLVED && lv == CUT) /* the model's own objective, without the stubs' weight */
        model_objective(o, objective, constant[2]);
    if (status == SOLVED) {
        char note[64];
        snprintf(note, sizeof note, "the plan's objective %.9g", o->res.objective);
        rp_cli_note(cli, note);
    }
    free(fixed);
    free(start);
    free(last);
    free(matches);
    free(bends);
    free(objective);
    if (status == SOLVED && rp_decode(o->t, o->res.x, &o->plan, d) != 0)
        status = FAILED;
    return status;
}

static void outcome_free(outcome *o)
{
    rp_plan_free(o->plan);
    rp_solve_result_free(&o->res);
    rp_translation_free(o->t);
    free(o->why);
    memset(o, 0, sizeof *o);
}

/* ---- what the new plan must satisfy ---- */

/* The findings of PROG rules only: the bends. */
static void report_bends(const rp_model *m, const rp_plan *plan, const rp_findings *f, FILE *out)
{
    rp_findings only = RP_FINDINGS_INIT;
    for (size_t i = 0; i < f->count; i++)
        if (m->rules[f->items[i].rule].cls == RP_CLASS_PROGRAMME) {
            rp_finding *x = RP_PUSH(only.items, only.count, only.cap);
            *x = f->items[i];
            x->level = RP_LEVEL_FINDING; /* as check reports a declared bend */
        }
    rp_report_findings(m, plan, &only, out);
    free(only.items); /* the items' strings belong to f */
}

/* The direct checks: hard rules must pass (else a bug: -1); with bent, violations of PROG rules
 * are the bends, counted in *bends, printed and declared in the plan. Violations of intake rules
 * are the cohort's (they have no rows): counted in *intake when it is given (plan --keep), and
 * then every finding is printed unless quiet, as `plan` prints them. */
static int audit(const rp_model *m, const rp_cohort *c, rp_plan *plan, bool bent,
                 bool quiet, int *bends, int *intake)
{
    rp_findings f = RP_FINDINGS_INIT;
    rp_diags d = RP_DIAGS_INIT;
    int err = rp_check_plan(m, c, plan, &f, &d);
    rp_diags_print(&d, stderr);
    rp_diags_free(&d);
    int bugs = 0;
    *bends = 0;
    for (size_t i = 0; !err && i < f.count; i++) {
        const rp_finding *x = &f.items[i];
        rp_rule_class cls = m->rules[x->rule].cls;
        bool cohort = rp_rule_on_cohort(&m->rules[x->rule]);
        if (x->level == RP_LEVEL_VIOLATION && cohort && intake)
            (*intake)++;
        if (x->level != RP_LEVEL_VIOLATION || cohort)
            continue;
        if (bent && cls == RP_CLASS_PROGRAMME && x->resident >= 0) {
            rp_bend b = {(int)x->rule, x->resident, x->first, x->last};
            rp_plan_add_bend(plan, &b); /* declared in the plan, for check */
            (*bends)++;
        } else {
            bugs++;
        }
    }
    if (bugs)
        fprintf(stderr, _("rotaplan: internal error: the what-if plan fails the direct check of %d "
                        "rule instance(s); nothing is written\n"), bugs);
    if (!err && bugs) {
        rp_report_findings(m, plan, &f, stderr);
    } else if (!err && *bends && !quiet) {
        fprintf(stderr, _("no plan keeps every programme rule (class PROG); the plan bends %d, "
                          "declared in it:\n"), *bends);
        report_bends(m, plan, &f, stderr);
    }
    if (!err && !bugs && intake && f.count && !quiet) /* plan --keep: as `plan` prints them */
        rp_report_findings(m, plan, &f, stderr);
    rp_findings_free(&f);
    return err || bugs ? -1 : 0;
}


/* ---- output ---- */

typedef struct write_ctx {
    const rp_model *m;
    const rp_plan *old, *plan;
    rp_format format;
    rp_diff_summary sum;
} write_ctx;

static int write_diff(void *ctx, FILE *out)
{
    write_ctx *w = ctx;
    return rp_report_diff(w->m, w->old, w->plan, out, &w->sum);
}

/* The changes against the earlier plan: into --diff, else on stderr unless --quiet. 0 or -1 (the
 * --diff file could not be written). */
static int show_diff(const whatif_args *a, write_ctx *w)
{
    if (a->diff)
        return rp_cli_write(a->diff, write_diff, w) != 0 ? -1 : 0;
    if (!a->quiet)
        write_diff(w, stderr);
    return 0;
}

/* seconds: the command's whole wall-clock time so far (loading included). The size of the ILP
 * (solver vocabulary) only with --verbose. In the messages' language. */
static void summary(const outcome *o, rp_date from, int bends, double seconds, bool keep,
                    bool verbose)
{
    char day[11];
    rp_date_format(from, day);
    fprintf(stderr, _("%s from %s: %ld of %ld resident-periods kept (%s), %s%s"),
            keep ? _("kept plan") : _("what-if"), day, o->kept, o->open_periods,
            o->minimal_proven ? _("the fewest changes, proven")
            : o->region       ? _("the fewest found with the residents no change touches kept; "
                                  "not proven the fewest")
                              : _("not proven the fewest"),
            o->res.status != RP_SOLVE_OPTIMAL ? _("wishes not proven optimal")
            : o->region ? _("wishes optimal among them with the residents no change touches kept")
                        : _("wishes optimal among them"),
            bends ? _(", programme rules bent") : "");
    if (verbose)
        fprintf(stderr, _("; %zu rows, %zu columns"), rp_ilp_n_rows(o->t->ilp),
                rp_ilp_n_cols(o->t->ilp));
    fprintf(stderr, _("; %.2f s\n"), seconds);
}

static int write_outputs(const rp_cli *cli, const whatif_args *a, const rp_model *m,
                         const rp_cohort *c, const rp_plan *old, const outcome *o, rp_date from,
                         rp_format format, int bends)
{
    write_ctx w = {m, old, o->plan, format, {0, 0, 0}};
    if (rp_cli_write_output(a->out, m, c, o->plan, format) != 0)
        return RP_EXIT_INPUT;
    if (show_diff(a, &w) != 0)
        return RP_EXIT_INPUT;
    rp_cli_phases_done(cli);
    if (!a->quiet)
        summary(o, from, bends, rp_cli_elapsed(cli), a->keep, a->verbose);
    return RP_EXIT_OK;
}

/* ---- the command ---- */

static rp_cohort *cohort_of_plan(const rp_plan *p)
{
    rp_cohort *c = rp_cohort_new();
    for (size_t r = 0; r < p->n_residents; r++)
        rp_cohort_add_resident(c, p->residents[r].id, p->residents[r].cohort,
                               p->residents[r].course >= 0 ? p->residents[r].course : RP_ANY);
    return c;
}

static int finish(const rp_cli *cli, const whatif_args *a, const rp_model *m, const rp_cohort *c,
                  const rp_plan *old, outcome *o, rp_date from, rp_format format, bool bent)
{
    rp_cli_phase(cli, RP_PHASE_WRITE);
    o->plan->status = o->res.status == RP_SOLVE_OPTIMAL ? RP_PLAN_OPTIMAL : RP_PLAN_FEASIBLE;
    o->plan->objective = o->res.objective;
    o->plan->bound = o->res.bound;
    o->plan->gap = o->res.gap;
    int bends = 0, intake = 0;
    if (audit(m, c, o->plan, bent, a->quiet, &bends, a->keep ? &intake : NULL) != 0 ||
        !rp_cli_past_kept(m, old, o->plan, from)) {
        return RP_EXIT_INTERNAL;
    }
    int status = write_outputs(cli, a, m, c, old, o, from, format, bends);
    bool signalled = o->res.interrupted || (cli->interrupt && *cli->interrupt == RP_STOP_SIGNAL);
    if (status == RP_EXIT_OK && signalled)
        return RP_EXIT_INTERRUPTED;
    return status == RP_EXIT_OK && intake ? RP_EXIT_NO_PLAN : status; /* as `plan` says it */
}

/* ---- a change that moves nobody ---- */

/* Whether resident o of old holds each of res's pins: the pinned periods at the pin's facility
 * (and department, where the pin names one). */
static bool pins_hold(const rp_plan *old, int o, const rp_resident *res)
{
    for (size_t i = 0; i < res->n_pins; i++) {
        const rp_pin *pin = &res->pins[i];
        for (int p = pin->first; p <= pin->last; p++) {
            bool held = false;
            for (size_t k = 0; k < old->n_stints && !held; k++) {
                const rp_stint *s = &old->stints[k];
                held = s->resident == o && s->mode == RP_MODE_BLOCK && s->first <= p &&
                       p <= s->last && s->facility == pin->facility &&
                       (pin->department == RP_NONE || s->department == pin->department);
            }
            if (!held)
                return false;
        }
    }
    return true;
}

/* Whether resident o of old holds a block at a facility while a change withdraws it (the
 * translation closes such pieces whether or not a capacity rule covers the facility). */
static bool at_withdrawn(const rp_model *m, const rp_plan *old, int o)
{
    int cohort = old->residents[o].cohort;
    for (size_t i = 0; i < old->n_stints; i++) {
        const rp_stint *s = &old->stints[i];
        for (int p = s->first; s->resident == o && s->mode == RP_MODE_BLOCK && s->facility >= 0 &&
                               p <= s->last; p++) {
            bool withdrawn;
            if (rp_changed_on(m, s->facility, rp_slot(m, cohort, p), &withdrawn) && withdrawn)
                return true;
        }
    }
    return false;
}

/* Whether the earlier plan already satisfies the changed model, so that nothing needs to move
 * and no search runs: every resident of c is in old, in the same cohort, on a course c allows,
 * with its pins held and at no withdrawn facility, and the direct check of every rule (the
 * changes in force, as audit runs it) finds no violation of a rule that has rows (an intake
 * rule's is the cohort's, not the plan's). The check defines compliance (STYLE.md section 2), so this answer is exact. */
static bool already_holds(const rp_model *m, const rp_cohort *c, const rp_plan *old,
                          int *intake, rp_findings *checked)
{
    *intake = 0;
    for (size_t r = 0; r < c->n_residents; r++) {
        const rp_resident *res = &c->residents[r];
        int o = rp_plan_resident_index(old, res->id);
        if (o == RP_NONE || old->residents[o].cohort != res->cohort ||
            (res->course != RP_ANY && old->residents[o].course != res->course) ||
            !pins_hold(old, o, res) || at_withdrawn(m, old, o))
            return false;
    }
    rp_findings f = RP_FINDINGS_INIT;
    rp_diags d = RP_DIAGS_INIT;
    bool holds = rp_check_plan(m, c, old, &f, &d) == 0, ran = holds;
    for (size_t i = 0; holds && i < f.count; i++) {
        bool violation = f.items[i].level == RP_LEVEL_VIOLATION;
        bool cohorts = rp_rule_on_cohort(&m->rules[f.items[i].rule]);
        holds = !violation || cohorts;
        *intake += violation && cohorts;
    }
    if (ran && checked) { /* the repair's region reads them (flagged): checked once */
        *checked = f;
        f = (rp_findings)RP_FINDINGS_INIT;
    }
    rp_findings_free(&f);
    rp_diags_free(&d);
    return holds;
}

/* The resident-periods of old's blocks from date from on: what a what-if may change. */
static long open_periods_of(const rp_model *m, const rp_plan *old, rp_date from)
{
    long day = rp_date_to_days(from), n = 0;
    for (size_t i = 0; i < old->n_stints; i++) {
        const rp_stint *s = &old->stints[i];
        int cohort = old->residents[s->resident].cohort;
        for (int p = s->first; s->mode == RP_MODE_BLOCK && p <= s->last; p++)
            n += p >= 1 && rp_date_to_days(rp_period_first_day(m, cohort, p)) >= day;
    }
    return n;
}

/* The earlier plan written as the new one: it already meets every rule with the changes in
 * force. The changes list says none; the summary says why no search ran. With intake
 * violations (plan --keep), every finding is printed and the status is `plan`'s for them. */
static int keep_as_is(const rp_cli *cli, const whatif_args *a, const rp_model *m,
                      const rp_cohort *c, const rp_plan *old, rp_date from, rp_format format,
                      int intake)
{
    write_ctx w = {m, old, old, format, {0, 0, 0}};
    rp_cli_phase(cli, RP_PHASE_WRITE); /* a stop waits for the files */
    if (rp_cli_write_output(a->out, m, c, old, format) != 0 || show_diff(a, &w) != 0) {
        rp_cli_phases_done(cli);
        return RP_EXIT_INPUT;
    }
    rp_cli_phases_done(cli);
    if (!a->quiet) {
        char day[11];
        rp_date_format(from, day);
        long open = open_periods_of(m, old, from);
        fprintf(stderr, _("%s from %s: %ld of %ld resident-periods kept (the fewest changes, "
                          "proven): the earlier plan already meets every rule%s (each rule's "
                          "direct check), so no search ran\n"),
                a->keep ? _("kept plan") : _("what-if"), day, open, open,
                a->keep ? "" : _(" with the changes in force"));
    }
    if (!a->keep)
        return RP_EXIT_OK;
    rp_findings f = RP_FINDINGS_INIT;
    rp_diags d = RP_DIAGS_INIT;
    if (!a->quiet && rp_check_plan(m, c, old, &f, &d) == 0 && f.count)
        rp_report_findings(m, old, &f, stderr); /* as `plan` prints them */
    rp_findings_free(&f);
    rp_diags_free(&d);
    return intake ? RP_EXIT_NO_PLAN : RP_EXIT_OK;
}

/* Strict first; when no plan exists, bend at the change dates. */
static int solve_levels(const rp_cli *cli, const whatif_args *a, const rp_model *m,
                        const rp_cohort *c, const rp_plan *old, rp_date from, double limit,
                        const rp_findings *checked, outcome *o, level *lv, rp_diags *d)
{
    int s = NO_PLAN;
    for (level l = STRICT; l <= (a->keep ? STRICT : CUT); l++) {
        outcome_free(o);
        o->checked = checked;
        *lv = l;
        s = solve_whatif(cli, a, m, c, old, from, l, limit, o, d);
        if (s != NO_PLAN || o->res.interrupted || o->res.status == RP_SOLVE_NO_PLAN)
            break; /* a plan, or out of time: no reason to bend */
    }
    return s;
}

static int run(const rp_cli *cli, const whatif_args *a, const rp_model *m, const rp_cohort *c,
               const rp_plan *old, rp_date from, rp_format format, double limit)
{
    int intake; /* --lp and --mps ask for the ILP: then it is built and solved as usual */
    rp_findings checked = RP_FINDINGS_INIT;
    if (!a->lp && !a->mps && already_holds(m, c, old, &intake, &checked)) {
        rp_findings_free(&checked);
        int status = keep_as_is(cli, a, m, c, old, from, format, intake);
        bool signalled = cli->interrupt && *cli->interrupt == RP_STOP_SIGNAL;
        return status == RP_EXIT_OK && signalled ? RP_EXIT_INTERRUPTED : status;
    }
    rp_diags d = RP_DIAGS_INIT;
    outcome o = {0};
    level lv;
    int s = solve_levels(cli, a, m, c, old, from, limit, checked.count ? &checked : NULL, &o,
                         &lv, &d);
    rp_findings_free(&checked);
    rp_diags_print(&d, stderr);
    rp_diags_free(&d);
    int status;
    if (s == SOLVED)
        status = finish(cli, a, m, c, old, &o, from, format, lv != STRICT);
    else if (s == BAD_INPUT)
        status = RP_EXIT_INPUT;
    else if (s == FAILED)
        status = RP_EXIT_INTERNAL;
    else if (o.res.interrupted) {
        fprintf(stderr, _("rotaplan: interrupted before any compliant plan was found (%.1f s); "
                        "nothing is written\n"), rp_cli_elapsed(cli));
        status = RP_EXIT_INTERRUPTED;
    } else {
        if (o.res.status == RP_SOLVE_NO_PLAN)
            fprintf(stderr, _("rotaplan: time limit reached before any compliant plan was found "
                            "(%.1f s); nothing is written. This is NOT a proof that no plan "
                            "exists: try a longer --time-limit\n"), rp_cli_elapsed(cli));
        else if (o.why)
            fprintf(stderr, _("rotaplan: no compliant plan exists after this change\n%s"), o.why);
        else if (o.t) {
            rp_cli_phase(cli, RP_PHASE_EXPLAIN);
            rp_cli_explain(o.t, rp_cli_time_left(cli), stderr);
        }
        status = RP_EXIT_NO_PLAN;
        if (a->best_effort && o.t && o.res.status != RP_SOLVE_NO_PLAN) {
            rp_cli_phase(cli, RP_PHASE_EXPLAIN);
            status = rp_cli_best_effort(o.t, a->out, format, rp_cli_time_left(cli));
        }
    }
    outcome_free(&o);
    return status;
}

/* ---- the N-1 sweep ---- */

/* The first line of text, into the grid's arena (without its leading spaces). */
static const char *first_line(rp_grid *g, const char *text)
{
    while (*text == ' ')
        text++;
    return rp_grid_printf(g, "%.*s", (int)strcspn(text, "\n"), text);
}

/* Why no plan exists, in one line: the counting checks' first finding, else the first rule the
 * elastic solve names (within limit seconds; 0: none). */
static const char *why_impossible(rp_grid *g, const outcome *o, double limit)
{
    if (o->why)
        return first_line(g, o->why);
    if (!o->t || o->res.status == RP_SOLVE_NO_PLAN)
        return "no plan found within the time limit";
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    if (!f)
        return "no compliant plan";
    rp_cli_explain(o->t, limit, f);
    fclose(f);
    const char *line = strstr(text, "\n  ");
    const char *why = first_line(g, line ? line + 1 : text);
    free(text);
    return why;
}

/* One row of the sweep: facility f withdrawn from the sweep's dates. Returns 0, or an exit
 * status when the what-if failed (a bug, said on stderr). */
static int sweep_row(const rp_cli *cli, const whatif_args *a, rp_model *m, const rp_cohort *c,
                     const rp_plan *old, const rp_change *dates, double limit, rp_grid *g,
                     int f)
{
    rp_change ch = *dates;
    ch.facility = f;
    m->n_changes = 0;
    rp_model_add_change(m, &ch);
    const char *id = m->facilities[f].id, *name = m->facilities[f].name;
    int intake;
    if (already_holds(m, c, old, &intake, NULL)) { /* the earlier plan stands: no search */
        const char *row[6] = {id, name, "0", "0", "0", "planned"};
        rp_grid_add(g, row);
        return 0;
    }
    rp_diags d = RP_DIAGS_INIT;
    outcome o = {0};
    level lv;
    int s = solve_levels(cli, a, m, c, old, ch.from, limit, NULL, &o, &lv, &d);
    rp_diags_print(&d, stderr);
    rp_diags_free(&d);
    int status = 0, bends = 0;
    if (s == SOLVED) {
        if (audit(m, c, o.plan, lv != STRICT, true, &bends, NULL) != 0 ||
            !rp_cli_past_kept(m, old, o.plan, ch.from)) {
            status = RP_EXIT_INTERNAL;
        } else {
            char *text = NULL;
            size_t size = 0;
            FILE *sink = open_memstream(&text, &size);
            rp_diff_summary sum = {0, 0, 0};
            if (sink) {
                rp_report_diff(m, old, o.plan, sink, &sum);
                fclose(sink);
            }
            free(text);
            const char *row[6] = {id, name, rp_grid_printf(g, "%zu", sum.residents),
                                  rp_grid_printf(g, "%ld", sum.periods),
                                  rp_grid_printf(g, "%d", bends),
                                  o.minimal_proven ? "planned" : "planned (fewest not proven)"};
            rp_grid_add(g, row);
        }
    } else if (s == NO_PLAN) {
        /* the explanation within the command's time left (GLPK's tm_lim: the sweep's phase
         * does not leave at the stop) */
        double left = limit > 0 ? limit : rp_cli_time_left(cli);
        const char *row[6] = {id, name, "-", "-", "-",
                              rp_grid_printf(g, "impossible: %s", why_impossible(g, &o, left))};
        rp_grid_add(g, row);
    } else {
        status = s == BAD_INPUT ? RP_EXIT_INPUT : RP_EXIT_INTERNAL;
    }
    if (o.res.interrupted)
        status = RP_EXIT_INTERRUPTED;
    outcome_free(&o);
    return status;
}

/* Every facility withdrawn in turn from the sweep's dates: one table of what each costs. */
static int sweep(const rp_cli *cli, const whatif_args *args, rp_model *m, const rp_cohort *c,
                 const rp_plan *old, double limit)
{
    whatif_args a = *args;
    a.quiet = true; /* the table says it all */
    rp_change dates = m->changes[0];
    rp_grid g;
    rp_grid_init(&g, 6);
    g.right[2] = g.right[3] = g.right[4] = true;
    const char *head[6] = {"facility", "name", "residents", "periods", "bends", "outcome"};
    rp_grid_add(&g, head);
    int status = 0;
    for (size_t f = 0; f < m->n_facilities && status == 0; f++)
        status = sweep_row(cli, &a, m, c, old, &dates, limit, &g, (int)f);
    if (status == 0) {
        char day[11];
        rp_date_format(dates.from, day);
        printf("N-1 sweep: each of the %zu facilities withdrawn in turn from %s; residents "
               "affected, resident-periods changed, programme rules bent (PROG), or why no plan "
               "exists\n\n",
               m->n_facilities, day);
        rp_grid_print(&g, NULL, stdout);
    }
    rp_grid_free(&g);
    return status;
}


/* The residents of the file add joined to c (who holds copies of their records: extra must
 * outlive c's use). Returns 0, or -1 after naming a resident already in c. */
static int join(rp_cohort *c, const rp_cohort *extra, const char *path)
{
    int err = 0;
    for (size_t i = 0; i < extra->n_residents; i++) {
        const rp_resident *r = &extra->residents[i];
        if (rp_cohort_resident(c, r->id) != RP_NONE) {
            fprintf(stderr, _("%s:%d:%d: resident '%s' is already in the cohort; expected a new "
                            "resident\n"), path, r->pos.line, r->pos.col, r->id);
            err = -1;
            continue;
        }
        *rp_cohort_add_resident(c, r->id, r->cohort, r->course) = *r;
    }
    return err;
}

/* The scenario's changes appended to a's (their strings in arena). */
/* No output is an input (the model, the plan, the residents, the scenario, the residents who
 * join) or another output. */
static bool distinct_files(const whatif_args *a)
{
    size_t n = 0;
    rp_cli_file *in = rp_xcalloc(a->n_changes + 5, sizeof *in);
    in[n++] = (rp_cli_file){"MODEL", a->model};
    in[n++] = (rp_cli_file){"PLAN", a->plan};
    in[n++] = (rp_cli_file){"--residents", a->residents};
    in[n++] = (rp_cli_file){"--scenario", a->scenario};
    for (size_t i = 0; i < a->n_changes; i++)
        if (strcmp(a->changes[i].option, "--add-resident") == 0)
            in[n++] = (rp_cli_file){"--add-resident", a->changes[i].value};
    const rp_cli_file out[] = {{"--out", a->out}, {"--diff", a->diff}, {"--lp", a->lp},
                               {"--mps", a->mps}};
    bool ok = rp_cli_outputs_distinct("whatif", in, n, out, 4);
    free(in);
    return ok;
}

static int read_scenario(const rp_model *m, whatif_args *a, rp_arena *arena)
{
    rp_scenario s;
    rp_diags d = RP_DIAGS_INIT;
    int err = rp_scenario_read(m, a->scenario, arena, &s, &d);
    rp_diags_sort(&d);
    rp_diags_print(&d, stderr);
    rp_diags_free(&d);
    for (size_t i = 0; !err && i < s.n_changes; i++) {
        *RP_PUSH(a->changes, a->n_changes, a->cap_changes) = s.changes[i];
        if (strcmp(s.changes[i].option, "--add-resident") != 0)
            continue;
        if (a->add) {
            fprintf(stderr, _("%s: residents join twice (add_residents and --add-resident); "
                            "expected one file\n"), a->scenario);
            err = -1;
        }
        a->add = s.changes[i].value;
    }
    free(s.changes);
    return err;
}

/* Whether --add-resident came without --from. */
static bool add_undated(const whatif_args *a)
{
    for (size_t i = 0; i < a->n_changes; i++)
        if (strcmp(a->changes[i].option, "--add-resident") == 0 && !a->changes[i].from)
            return true;
    return false;
}

static int prepare_and_run(const rp_cli *cli, whatif_args *a, rp_format format, double limit)
{
    rp_cli_phase(cli, RP_PHASE_LOAD);
    rp_model *m = rp_cli_model(a->model);
    if (!m)
        return RP_EXIT_INPUT;
    rp_arena *arena = rp_arena_new();
    /* the scenario's add_residents file is an input too */
    if (a->scenario && (read_scenario(m, a, arena) != 0 || !distinct_files(a))) {
        rp_arena_free(arena);
        rp_model_free(m);
        return RP_EXIT_INPUT;
    }
    rp_date from = {0, 0, 0};
    rp_plan *old = NULL;
    rp_cohort *c = NULL, *extra = NULL;
    int status = RP_EXIT_INPUT;
    if (apply_changes(m, a, &from) == 0 && (old = rp_cli_read_plan(m, a->plan)) != NULL) {
        c = a->residents ? rp_cli_cohort(m, a->residents) : cohort_of_plan(old);
        if (c && a->add && (!(extra = rp_cli_cohort(m, a->add)) || join(c, extra, a->add) != 0)) {
            rp_cohort_free(c);
            c = NULL;
        }
        if (extra && add_undated(a))
            join_date(m, extra, &from);
        if (c && rp_cli_every_resident_known(old, c, a->residents) && rp_cli_plannable(m, c))
            status = a->sweep ? sweep(cli, a, m, c, old, limit)
                              : run(cli, a, m, c, old, from, format, limit);
    }
    rp_cohort_free(c);
    rp_cohort_free(extra);
    rp_plan_free(old);
    rp_model_free(m);
    rp_arena_free(arena);
    return status;
}

int rp_whatif_keep(const rp_cli *cli, const rp_model *m, const rp_cohort *c, const rp_plan *old,
                   rp_date from, const rp_keep_options *k)
{
    whatif_args a = {0};
    a.out = k->out;
    a.lp = k->lp;
    a.mps = k->mps;
    a.quiet = k->quiet;
    a.best_effort = k->best_effort;
    a.keep = true;
    return run(cli, &a, m, c, old, from, k->format, k->time_limit);
}

int rp_cmd_whatif(const rp_cli *cli, int argc, char **argv)
{
    whatif_args a = {0};
    int status = RP_EXIT_INPUT;
    rp_format format = RP_FORMAT_TABLE;
    double limit = 0;
    if (parse_args(argc, argv, &a) != 0)
        goto done;
    if (a.help) {
        rp_cli_usage("whatif", stdout);
        status = RP_EXIT_OK;
        goto done;
    }
    if (rp_cli_plan_format("whatif", a.format, a.excel, a.out, &format) != 0)
        goto done;
    if (rp_cli_time_limit("whatif", a.time_limit, &limit) != 0)
        goto done;
    if (!distinct_files(&a))
        goto done;
    /* the limit bounds the whole command (SIGALRM raises the stop flag at the deadline): no
     * stage or repair has a clock of its own */
    rp_cli_progress(cli, cli->stderr_tty && !a.quiet, a.verbose);
    rp_cli_arm_time_limit(cli, limit);
    status = prepare_and_run(cli, &a, format, 0);
    rp_cli_phases_done(cli);
done:
    free(a.changes);
    return status;
}
