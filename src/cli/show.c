/*
 * show.c: `rotaplan show [MODEL] [--out FILE]`: what a model holds, for people who write a
 * residents file or read a plan without reading YAML: the programme and its calendar, every
 * facility (id, name, role or kind, instructors, beds) with its departments (id, name, capacity),
 * the courses, the ids a wish may name, and every rule (id, kind, class, whether enabled, what it
 * says, its source in the seed). Exit 0, or 2 on bad input.
 */
#include "cli/cli.h"
#include "report/grid.h"
#include "rotaplan/rule.h"
#include "util/util.h"
#include "util/i18n.h"

#include <stdlib.h>

typedef struct show_args {
    const char *out;
    bool help;
} show_args;

static void put_programme(const rp_model *m, FILE *out)
{
    const rp_calendar *cal = &m->calendar;
    fprintf(out, _("model %s: %s\n"), m->id, m->name ? m->name : "");
    fprintf(out, _("calendar: %d years of %d %ss, each year from %02d-%02d"), cal->years,
            cal->periods_per_year, cal->unit == RP_UNIT_WEEK ? _("week") : _("month"), cal->start_month,
            cal->start_day);
    if (cal->leave_allowance_days > 0)
        fprintf(out, _("; leave beyond %d days extends the programme"), cal->leave_allowance_days);
    fputc('\n', out);
}

static const char *role_or_kind(const rp_facility *f)
{
    if (f->kind != RP_KIND_NONE)
        return rp_kind_names[f->kind];
    return rp_role_name(f->role);
}

static void put_facilities(const rp_model *m, FILE *out)
{
    enum { ID, NAME, ROLE, INSTR, BEDS, DEP, DEP_NAME, CAP, N };
    rp_grid g;
    rp_grid_init(&g, N);
    const char *head[N] = {_("facility"), _("name"), _("role/kind"), _("instructors"), _("beds"),
                           _("department"), _("department name"), _("capacity")};
    rp_grid_add(&g, head);
    bool right[N] = {[INSTR] = true, [BEDS] = true, [CAP] = true};
    for (size_t c = 0; c < N; c++)
        g.right[c] = right[c];
    for (size_t i = 0; i < m->n_facilities; i++) {
        const rp_facility *f = &m->facilities[i];
        const char *row[N] = {
            f->id, f->name, role_or_kind(f),
            f->instructors > 0 ? rp_grid_printf(&g, "%g", f->instructors) : NULL,
            f->beds >= 0 ? rp_grid_printf(&g, "%d", f->beds) : NULL,
        };
        if (f->n_departments == 0)
            rp_grid_add(&g, row);
        for (size_t d = 0; d < f->n_departments; d++) {
            const rp_department *dep = &f->departments[d];
            if (d > 0)
                for (size_t c = ID; c < DEP; c++)
                    row[c] = NULL;
            row[DEP] = dep->id;
            row[DEP_NAME] = dep->name;
            row[CAP] = dep->capacity >= 0 ? rp_grid_printf(&g, "%d", dep->capacity) : "-";
            rp_grid_add(&g, row);
        }
    }
    fprintf(out, _("\nfacilities (%zu):\n"), m->n_facilities);
    g.indent = 2;
    rp_grid_print(&g, NULL, out);
    rp_grid_free(&g);
}

static void put_courses(const rp_model *m, FILE *out)
{
    if (m->n_courses == 0)
        return;
    fprintf(out, _("\ncourses (%zu; a resident's course: one of these ids, or any):\n"),
            m->n_courses);
    for (size_t i = 0; i < m->n_courses; i++) {
        const rp_course *c = &m->courses[i];
        fprintf(out, _("  %-4s %s: years"), c->id, c->name ? c->name : "");
        for (int y = 0; y < m->calendar.years; y++)
            fprintf(out, " %s", rp_role_label(c->year_roles[y]));
        if (c->window_year)
            fprintf(out, _("; partner window of %d months in year %d"), c->window_months,
                    c->window_year);
        fputc('\n', out);
    }
}

/* The ids a residents file's wishes and pins may name: facilities, then departments. */
static void put_wish_ids(const rp_model *m, FILE *out)
{
    fputs(_("\nids a wish may name: facilities"), out);
    for (size_t i = 0; i < m->n_facilities; i++)
        fprintf(out, "%s%s", i ? ", " : " ", m->facilities[i].id);
    const char **seen = rp_xcalloc(1, sizeof *seen);
    size_t n = 0, cap = 1;
    for (size_t i = 0; i < m->n_facilities; i++)
        for (size_t d = 0; d < m->facilities[i].n_departments; d++) {
            const char *id = m->facilities[i].departments[d].id;
            bool dup = false;
            for (size_t k = 0; k < n && !dup; k++)
                dup = rp_streq(seen[k], id);
            if (dup)
                continue;
            rp_grow(&seen, &cap, n + 1, sizeof *seen);
            seen[n++] = id;
        }
    if (n)
        fputs(_("; departments (at any facility that runs them)"), out);
    for (size_t k = 0; k < n; k++)
        fprintf(out, "%s%s", k ? ", " : " ", seen[k]);
    fputc('\n', out);
    free(seen);
}

static void put_rules(const rp_model *m, FILE *out)
{
    fprintf(out, _("\nrules (%zu):\n"), m->n_rules);
    for (size_t i = 0; i < m->n_rules; i++) {
        const rp_rule *r = &m->rules[i];
        char *what = r->kind->describe(r, m);
        fprintf(out, "  %s [%s]%s %s: %s\n", r->id, rp_class_name(r->cls),
                r->enabled ? "" : _(" (disabled)"), r->kind->name, what);
        if (r->source)
            fprintf(out, _("      source: %s\n"), r->source);
        free(what);
    }
}

static int write_show(void *ctx, FILE *out)
{
    const rp_model *m = ctx;
    put_programme(m, out);
    put_facilities(m, out);
    put_courses(m, out);
    put_wish_ids(m, out);
    put_rules(m, out);
    return ferror(out) ? -1 : 0;
}

int rp_cmd_show(const rp_cli *cli, int argc, char **argv)
{
    (void)cli;
    show_args a = {0};
    const rp_opt opts[] = {
        {"--out", true, &a.out, NULL},
        {"--help", false, NULL, &a.help},
    };
    const char *pos[1];
    size_t npos;
    if (rp_cli_parse("show", argc, argv, opts, sizeof opts / sizeof opts[0], pos, 1, &npos) != 0)
        return RP_EXIT_INPUT;
    if (a.help) {
        rp_cli_usage("show", stdout);
        return RP_EXIT_OK;
    }
    rp_model *m = rp_cli_model(npos == 1 ? pos[0] : NULL);
    if (!m)
        return RP_EXIT_INPUT;
    int status = rp_cli_write(a.out, write_show, m) == 0 ? RP_EXIT_OK : RP_EXIT_INPUT;
    rp_model_free(m);
    return status;
}
