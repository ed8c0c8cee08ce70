/*
 * capacity.c: `rotaplan capacity [MODEL [PLAN]] [--residents FILE]`. Shows how much a programme
 * may hold, as its own rules compute it:
 *   - the intake rules with their arithmetic: the yearly intake cap (intake-cap, RAD-13: each
 *     term, the binding one, the cap), the urban five-year average (urban-intake-cap, RAD-14) and
 *     the residents a core hospital may hold by its beds (intake-by-beds, INIT-71), then the
 *     intake stated (the model's default cohort, the residents file or the plan's residents)
 *     against every limit, year by year and over consecutive years;
 *   - with a plan, the load of every place a capacity rule caps (residents-per-instructor,
 *     RAD-12; department-capacity, INIT-72) against its capacity, period by period in the
 *     programme's unit, tightest first, then a line per place.
 * Every figure comes from the rule kinds themselves (rule.h's intake, put_intake and loads
 * hooks; no kind is named here), so that it is exactly what `check` judges. Exit 0; 1 when the
 * intake exceeds a cap or a place is over its capacity and `check` would call it a violation;
 * 2 bad input or usage.
 */
#include "cli/cli.h"
#include "report/grid.h"
#include "rotaplan/calendar.h"
#include "rotaplan/rule.h"
#include "util/util.h"
#include "util/i18n.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

typedef struct capacity_args {
    const char *residents, *out;
    bool quiet, help;
} capacity_args;

/* ---- what is shown, computed once ---- */

/* An enabled intake rule (a kind with the intake hook) and its windows over the stated intake. */
typedef struct intake_item {
    const rp_rule *rule;
    rp_intake_limit limit; /* owned */
} intake_item;

/* An enabled capacity rule and its places' loads over the plan. */
typedef struct load_item {
    const rp_rule *rule;
    rp_loads loads;
} load_item;

typedef struct report {
    const rp_model *m;
    char *stated;       /* where the intake comes from, for the heading; owned */
    const char *plan_path;
    bool leave_given;   /* --residents: the residents' leave counts */
    rp_intake_years years;
    intake_item *intake;
    size_t n_intake, cap_intake;
    load_item *load;
    size_t n_load, cap_load;
} report;

static void add_intake(report *r, const rp_rule *rule)
{
    intake_item *it = RP_PUSH(r->intake, r->n_intake, r->cap_intake);
    it->rule = rule;
    rule->kind->intake(rule, r->m, &r->years, &it->limit);
}

static void add_loads(report *r, const rp_rule *rule, const rp_check_ctx *ctx)
{
    load_item *it = RP_PUSH(r->load, r->n_load, r->cap_load);
    it->rule = rule;
    rp_loads_init(&it->loads, ctx);
    rule->kind->loads(rule, ctx, &it->loads);
}

/* Every enabled rule's share of the report; ctx is NULL without a plan. */
static void build(report *r, const rp_check_ctx *ctx)
{
    for (size_t k = 0; k < r->m->n_rules; k++) {
        const rp_rule *rule = &r->m->rules[k];
        if (!rule->enabled)
            continue;
        if (rule->kind->intake)
            add_intake(r, rule);
        if (ctx && rule->kind->loads)
            add_loads(r, rule, ctx);
    }
}

static void report_free(report *r)
{
    for (size_t i = 0; i < r->n_intake; i++)
        rp_intake_limit_free(&r->intake[i].limit);
    free(r->intake);
    for (size_t i = 0; i < r->n_load; i++)
        rp_loads_free(&r->load[i].loads);
    free(r->load);
    rp_intake_years_free(&r->years);
    free(r->stated);
}

/* ---- what is over: the exit status and the summary ---- */

typedef struct tally {
    size_t over[3]; /* by rp_level: windows over a limit, runs of periods over a capacity */
} tally;

static size_t runs_over(const rp_loads *l, const rp_capped *p)
{
    size_t runs = 0;
    bool in = false;
    for (long t = l->first; t <= l->last; t++) {
        bool over = rp_capped_over(p, t - l->first, p->load[t - l->first]);
        runs += over && !in;
        in = over;
    }
    return runs;
}

static tally count_over(const report *r)
{
    tally t = {{0}};
    for (size_t i = 0; i < r->n_intake; i++) {
        const rp_intake_limit *l = &r->intake[i].limit;
        for (size_t w = 0; w < l->n_windows; w++)
            t.over[l->level] += l->windows[w].intake > l->windows[w].limit;
    }
    for (size_t i = 0; i < r->n_load; i++) {
        const rp_loads *l = &r->load[i].loads;
        for (size_t p = 0; p < l->n_places; p++)
            t.over[rp_rule_level(r->load[i].rule)] += runs_over(l, &l->places[p]);
    }
    return t;
}

/* ---- text helpers ---- */

static void put_rule_head(const rp_rule *rule, const char *what, FILE *out)
{
    fprintf(out, "\n%s [%s] %s\n", rule->id, rp_class_name(rule->cls), what);
}

static void put_rule_foot(const rp_rule *rule, FILE *out)
{
    if (rule->note)
        fprintf(out, _("  note: %s\n"), rule->note);
    fprintf(out, _("  source: %s\n"), rule->source);
}

/* ---- the intake rules' arithmetic ---- */

/* The one-year limit a yearly rule sets (RP_NONE for a rule on several years). */
static int yearly_limit(const intake_item *it)
{
    return it->limit.yearly;
}

/* With several yearly limits, the one that binds: "min(RAD-13 46, RAD-14 11) = 11". */
static void put_yearly_cap(const report *r, FILE *out)
{
    size_t n = 0, best = 0;
    for (size_t i = 0; i < r->n_intake; i++) {
        int v = yearly_limit(&r->intake[i]);
        if (v == RP_NONE)
            continue;
        if (n == 0 || v < yearly_limit(&r->intake[best]))
            best = i;
        n++;
    }
    if (n < 2)
        return;
    fputs(_("\nyearly cap: min("), out);
    const char *sep = "";
    for (size_t i = 0; i < r->n_intake; i++) {
        if (yearly_limit(&r->intake[i]) == RP_NONE)
            continue;
        fprintf(out, "%s%s %d", sep, r->intake[i].rule->id, yearly_limit(&r->intake[i]));
        sep = ", ";
    }
    fprintf(out, _(") = %d: %s binds%s\n"), yearly_limit(&r->intake[best]),
            r->intake[best].rule->id,
            r->intake[best].limit.level == RP_LEVEL_FINDING
                ? _(" (in the strict reading; a breach is a finding)")
                : "");
}

static void put_intake_rules(const report *r, FILE *out)
{
    bool any_cap = false;
    for (size_t i = 0; i < r->n_intake; i++)
        any_cap = any_cap || r->intake[i].limit.states_cap;
    if (!any_cap)
        fprintf(out, _("\nthe model states no yearly intake cap (no enabled rule of kind "
                       "intake-cap)%s\n"),
                r->n_intake ? "; what applies instead:" : "");
    for (size_t i = 0; i < r->n_intake; i++) {
        const rp_rule *rule = r->intake[i].rule;
        if (rule->kind->put_intake)
            rule->kind->put_intake(rule, r->m, out);
        else
            put_rule_head(rule, _("limits the intake"), out);
    }
    put_yearly_cap(r, out);
}

/* ---- the stated intake against the limits ---- */

static const rp_intake_window *window_at(const intake_item *it, int first_year, int years)
{
    for (size_t i = 0; i < it->limit.n_windows; i++)
        if (it->limit.windows[i].first_year == first_year && it->limit.windows[i].years == years)
            return &it->limit.windows[i];
    return NULL;
}

static const char *verdict(rp_grid *g, const rp_intake_window *w, rp_level level)
{
    if (w->intake <= w->limit)
        return _("ok");
    return rp_grid_printf(g, _("over by %d (%s)"), w->intake - w->limit, rp_level_name(level));
}

/* One line per starting year: its residents and each yearly rule's verdict. */
static void put_years(const report *r, FILE *out)
{
    size_t ncols = 2 + r->n_intake;
    rp_grid g;
    rp_grid_init(&g, ncols);
    g.indent = 2;
    g.right[1] = true;
    const char **row = rp_xcalloc(ncols, sizeof *row);
    bool *shown = rp_xcalloc(ncols, sizeof *shown);
    row[0] = _("cohort");
    row[1] = _("residents");
    shown[0] = shown[1] = true;
    for (size_t i = 0; i < r->n_intake; i++) {
        shown[2 + i] = yearly_limit(&r->intake[i]) != RP_NONE;
        if (shown[2 + i])
            row[2 + i] = rp_grid_printf(&g, _("%s (at most %d)"), r->intake[i].rule->id,
                                        yearly_limit(&r->intake[i]));
    }
    rp_grid_add(&g, row);
    for (int y = r->years.first; y <= r->years.last; y++) {
        memset(row, 0, ncols * sizeof *row);
        row[0] = rp_grid_printf(&g, "%d", y);
        row[1] = rp_grid_printf(&g, "%d", rp_intake_in(&r->years, y));
        for (size_t i = 0; i < r->n_intake; i++) {
            const rp_intake_window *w = window_at(&r->intake[i], y, 1);
            if (w)
                row[2 + i] = verdict(&g, w, r->intake[i].limit.level);
        }
        rp_grid_add(&g, row);
    }
    rp_grid_print(&g, shown, out);
    rp_grid_free(&g);
    free(shown);
    free(row);
}

/* Windows of several years: RAD-14's consecutive years, INIT-71's two years in training. */
static void put_spans(const report *r, FILE *out)
{
    rp_grid g;
    rp_grid_init(&g, 5);
    g.indent = 2;
    g.right[1] = g.right[2] = true;
    const char *head[5] = {_("cohorts"), _("residents"), _("limit"), _("rule"), _("result")};
    rp_grid_add(&g, head);
    size_t lines = 0;
    for (size_t i = 0; i < r->n_intake; i++) {
        const intake_item *it = &r->intake[i];
        for (size_t k = 0; k < it->limit.n_windows; k++) {
            const rp_intake_window *w = &it->limit.windows[k];
            if (w->years < 2)
                continue;
            const char *row[5] = {
                rp_grid_printf(&g, "%d-%d", w->first_year, w->first_year + w->years - 1),
                rp_grid_printf(&g, "%d", w->intake), rp_grid_printf(&g, "%d", w->limit),
                it->rule->id, verdict(&g, w, it->limit.level)};
            rp_grid_add(&g, row);
            lines++;
        }
    }
    if (lines) {
        fputc('\n', out);
        rp_grid_print(&g, NULL, out);
    }
    rp_grid_free(&g);
}

static void put_intake(const report *r, FILE *out)
{
    fprintf(out, _("\nintake of %s:\n"), r->stated);
    if (r->years.last < r->years.first) {
        fputs(_("  no resident\n"), out);
        return;
    }
    put_years(r, out);
    put_spans(r, out);
}

/* ---- loads against capacities ---- */

/* A run of slots with one load at one place. */
typedef struct run {
    size_t place;
    long first, last;
    double load;
    double use; /* load / capacity; infinite for a load where the capacity is 0 */
} run;

static double use_of(const rp_capped *p, double load)
{
    if (p->capacity > 0)
        return load / p->capacity;
    return load > 0 ? INFINITY : 0;
}

/* Maximal runs of consecutive slots with the same nonzero load, place by place. */
static run *runs_of(const rp_loads *l, size_t *n)
{
    run *runs = NULL;
    size_t cap = 0;
    *n = 0;
    for (size_t p = 0; p < l->n_places; p++) {
        const rp_capped *place = &l->places[p];
        for (long t = l->first; t <= l->last; t++) {
            double v = place->load[t - l->first];
            if (v <= 0)
                continue;
            run *last = *n ? &runs[*n - 1] : NULL;
            if (last && last->place == p && last->last == t - 1 && fabs(last->load - v) < 1e-9)
                last->last = t;
            else
                *RP_PUSH(runs, *n, cap) = (run){p, t, t, v, use_of(place, v)};
        }
    }
    return runs;
}

/* Tightest first; then in the order of the places, then of time. */
static int tighter(const void *a, const void *b)
{
    const run *x = a, *y = b;
    if (x->use != y->use)
        return x->use > y->use ? -1 : 1;
    if (x->place != y->place)
        return x->place < y->place ? -1 : 1;
    return x->first < y->first ? -1 : x->first > y->first;
}

static void slot_label(const rp_model *m, long t, bool end, char out[11])
{
    int ppy = m->calendar.periods_per_year;
    int year = (int)(t / ppy), period = (int)(t % ppy) + 1;
    if (end && m->calendar.unit == RP_UNIT_WEEK)
        rp_date_format(rp_period_last_day(m, year, period), out);
    else
        rp_period_label(m, year, period, out);
}

static const char *span_text(rp_grid *g, const rp_model *m, long first, long last)
{
    char a[11], b[11];
    slot_label(m, first, false, a);
    if (first == last && m->calendar.unit == RP_UNIT_MONTH)
        return rp_grid_printf(g, "%s", a);
    slot_label(m, last, true, b);
    return rp_grid_printf(g, _("%s to %s"), a, b);
}

static const char *place_id(rp_grid *g, const rp_model *m, const rp_capped *p)
{
    if (p->facility < 0)
        return "(programme)";
    const rp_facility *f = &m->facilities[p->facility];
    if (p->department >= 0)
        return rp_grid_printf(g, "%s %s", f->id, f->departments[p->department].id);
    if (p->department_id)
        return rp_grid_printf(g, "%s %s", f->id, p->department_id);
    return f->id;
}

static const char *place_name(const rp_model *m, const rp_capped *p)
{
    if (p->facility < 0)
        return "all facilities";
    const rp_facility *f = &m->facilities[p->facility];
    if (p->department >= 0)
        return f->departments[p->department].name ? f->departments[p->department].name
                                                  : f->name;
    return p->department_id ? "(not run here)" : f->name;
}

static const char *use_text(rp_grid *g, const rp_capped *p, double load)
{
    if (p->capacity <= 0)
        return "-";
    return rp_grid_printf(g, "%.0f%%", 100 * load / p->capacity);
}

static void put_runs(const report *r, const load_item *it, FILE *out)
{
    const rp_model *m = r->m;
    size_t n;
    run *runs = runs_of(&it->loads, &n);
    qsort(runs, n, sizeof *runs, tighter);
    const char *unit = m->calendar.unit == RP_UNIT_WEEK ? _("weeks") : _("months");
    fprintf(out, _("  tightest %s first (consecutive %s with the same load on one line; %s "
                   "without a resident left out; names below):\n"),
            unit, unit, unit);
    rp_grid g;
    rp_grid_init(&g, 6);
    g.indent = 4;
    g.right[2] = g.right[3] = g.right[4] = true;
    const char *head[6] = {unit, _("place"), _("residents"), _("capacity"), _("use"), NULL};
    rp_grid_add(&g, head);
    for (size_t i = 0; i < n; i++) {
        const rp_capped *p = &it->loads.places[runs[i].place];
        bool over = rp_capped_over(p, runs[i].first - it->loads.first, runs[i].load);
        const char *row[6] = {
            span_text(&g, m, runs[i].first, runs[i].last),
            place_id(&g, m, p),
            rp_grid_printf(&g, "%g", runs[i].load),
            rp_grid_printf(&g, "%g", p->capacity),
            use_text(&g, p, runs[i].load),
            over ? rp_grid_printf(&g, _("over (%s)"), rp_level_name(rp_rule_level(it->rule))) : NULL};
        rp_grid_add(&g, row);
    }
    if (n == 0)
        fputs(_("    no resident at any place\n"), out);
    else
        rp_grid_print(&g, NULL, out);
    rp_grid_free(&g);
    free(runs);
}

/* The place's peak, when it is first reached, and the periods at and over its capacity. */
static void put_place_line(rp_grid *g, const report *r, const rp_loads *l,
                           const rp_capped *p)
{
    double peak = 0;
    long peak_at = -1, full = 0, over = 0;
    for (long t = l->first; t <= l->last; t++) {
        double v = p->load[t - l->first];
        if (v > peak + 1e-9) {
            peak = v;
            peak_at = t;
        }
        over += rp_capped_over(p, t - l->first, v);
        full += !rp_capped_over(p, t - l->first, v) && p->capacity > 0 &&
                v >= p->capacity - 1e-9;
    }
    char label[11] = "";
    if (peak_at >= 0)
        slot_label(r->m, peak_at, false, label);
    const char *row[8] = {place_id(g, r->m, p),
                          place_name(r->m, p),
                          rp_grid_printf(g, "%g", p->capacity),
                          rp_grid_printf(g, "%g", peak),
                          use_text(g, p, peak),
                          peak_at >= 0 ? rp_grid_printf(g, "%s", label) : "-",
                          rp_grid_printf(g, "%ld", full),
                          rp_grid_printf(g, "%ld", over)};
    rp_grid_add(g, row);
}

static void put_places(const report *r, const load_item *it, FILE *out)
{
    const char *unit = r->m->calendar.unit == RP_UNIT_WEEK ? _("weeks") : _("months");
    fputs(_("  per place:\n"), out);
    rp_grid g;
    rp_grid_init(&g, 8);
    g.indent = 4;
    g.right[2] = g.right[3] = g.right[4] = g.right[6] = g.right[7] = true;
    const char *head[8] = {_("place"), _("name"), _("capacity"), _("peak"), _("use"), _("first at peak"),
                           rp_grid_printf(&g, _("%s full"), unit),
                           rp_grid_printf(&g, _("%s over"), unit)};
    rp_grid_add(&g, head);
    for (size_t p = 0; p < it->loads.n_places; p++)
        put_place_line(&g, r, &it->loads, &it->loads.places[p]);
    rp_grid_print(&g, NULL, out);
    rp_grid_free(&g);
}

static void put_loads(const report *r, FILE *out)
{
    fprintf(out, _("\nload of the plan '%s' against capacity, all cohorts together%s:\n"),
            r->plan_path, r->leave_given ? "" : _(" (every resident full time: no --residents)"));
    if (r->n_load == 0)
        fputs(_("  the model caps no place's load (no enabled rule of kind "
                "residents-per-instructor or department-capacity)\n"), out);
    for (size_t i = 0; i < r->n_load; i++) {
        const load_item *it = &r->load[i];
        char *what = it->rule->kind->describe(it->rule, r->m);
        put_rule_head(it->rule, what, out);
        free(what);
        put_rule_foot(it->rule, out);
        put_runs(r, it, out);
        put_places(r, it, out);
    }
}

/* ---- the whole report ---- */

/* "no cap exceeded; 5 over a limit reported as findings" */
static void put_summary(const report *r, FILE *out)
{
    tally t = count_over(r);
    size_t v = t.over[RP_LEVEL_VIOLATION], w = t.over[RP_LEVEL_WARNING],
           f = t.over[RP_LEVEL_FINDING];
    fputc('\n', out);
    if (!v && !w && !f) {
        fputs(_("within every cap\n"), out);
        return;
    }
    if (v)
        fprintf(out, _("%zu over a cap (violation%s)"), v, v == 1 ? "" : "s");
    else
        fputs(_("no cap exceeded"), out);
    if (w)
        fprintf(out, _("; %zu over a soft limit (warning%s)"), w, w == 1 ? "" : "s");
    if (f)
        fprintf(out, _("; %zu over a limit, reported as finding%s"), f, f == 1 ? "" : "s");
    fputc('\n', out);
}

static int write_report(void *ctx, FILE *out)
{
    const report *r = ctx;
    fprintf(out, _("capacity of %s (%s)\n"), r->m->id, r->m->name);
    put_intake_rules(r, out);
    put_intake(r, out);
    if (r->plan_path)
        put_loads(r, out);
    put_summary(r, out);
    return ferror(out) ? -1 : 0;
}

/* ---- the command ---- */

/* The report over the plan (the residents' leave from c when given). Returns an exit status. */
static int run_plan(const capacity_args *a, const rp_model *m, const rp_cohort *c,
                    const char *plan_path)
{
    rp_plan *plan = rp_cli_read_plan(m, plan_path);
    if (!plan)
        return RP_EXIT_INPUT;
    rp_diags d = RP_DIAGS_INIT;
    rp_check_ctx *ctx = NULL;
    if (rp_check_ctx_new(m, c, plan, &ctx, &d) != 0) {
        rp_diags_print(&d, stderr);
        rp_diags_free(&d);
        rp_plan_free(plan);
        return RP_EXIT_INPUT;
    }
    rp_diags_free(&d);
    report r = {.m = m, .plan_path = plan_path, .leave_given = c != NULL};
    r.stated = rp_xasprintf(_("the plan's residents (%zu)"), plan->n_residents);
    rp_intake_years_of_plan(plan, &r.years);
    build(&r, ctx);
    int status = count_over(&r).over[RP_LEVEL_VIOLATION] ? RP_EXIT_NO_PLAN : RP_EXIT_OK;
    if ((!a->quiet || a->out) && rp_cli_write(a->out, write_report, &r) != 0)
        status = RP_EXIT_INPUT;
    report_free(&r);
    rp_check_ctx_free(ctx);
    rp_plan_free(plan);
    return status;
}

/* The report over a cohort: the residents file, or the model's default cohort. */
static int run_cohort(const capacity_args *a, const rp_model *m, const rp_cohort *c)
{
    report r = {.m = m};
    if (a->residents)
        r.stated = rp_xasprintf(_("the residents file '%s' (%zu residents)"), a->residents,
                                c->n_residents);
    else
        r.stated = rp_xasprintf(_("the model's default cohort (%d a year)"), m->intake.size);
    rp_intake_years_of_cohort(c, &r.years);
    build(&r, NULL);
    int status = count_over(&r).over[RP_LEVEL_VIOLATION] ? RP_EXIT_NO_PLAN : RP_EXIT_OK;
    if ((!a->quiet || a->out) && rp_cli_write(a->out, write_report, &r) != 0)
        status = RP_EXIT_INPUT;
    report_free(&r);
    return status;
}

int rp_cmd_capacity(const rp_cli *cli, int argc, char **argv)
{
    (void)cli;
    capacity_args a = {0};
    const rp_opt opts[] = {
        {"--residents", true, &a.residents, NULL},
        {"--out", true, &a.out, NULL},
        {"--quiet", false, NULL, &a.quiet},
        {"--help", false, NULL, &a.help},
    };
    const char *pos[2];
    size_t npos;
    if (rp_cli_parse("capacity", argc, argv, opts, sizeof opts / sizeof opts[0], pos, 2, &npos))
        return RP_EXIT_INPUT;
    if (a.help) {
        rp_cli_usage("capacity", stdout);
        return RP_EXIT_OK;
    }
    const rp_cli_file in[] = {{"MODEL", npos >= 1 ? pos[0] : NULL},
                              {"PLAN", npos == 2 ? pos[1] : NULL}, {"--residents", a.residents}};
    const rp_cli_file out[] = {{"--out", a.out}};
    if (!rp_cli_outputs_distinct("capacity", in, 3, out, 1))
        return RP_EXIT_INPUT;
    rp_model *m = rp_cli_model(npos >= 1 ? pos[0] : NULL);
    if (!m)
        return RP_EXIT_INPUT;
    int status = RP_EXIT_INPUT;
    rp_cohort *c = NULL;
    if (a.residents && !(c = rp_cli_cohort(m, a.residents)))
        goto done;
    if (npos == 2) {
        status = run_plan(&a, m, c, pos[1]);
    } else {
        if (!c)
            c = rp_cohort_default(m);
        status = run_cohort(&a, m, c);
    }
done:
    rp_cohort_free(c);
    rp_model_free(m);
    return status;
}
