/*
 * table.c: writes a plan for people to read, the default output of the report stage (model ->
 * translate -> solve -> decode -> check -> report). A title line, then one aligned line per
 * stint, then a summary of the resident-months each facility receives:
 *
 *     plan for radiology-keio-2019: 2 residents, optimal (objective 12.5)
 *
 *     resident  name      cohort  course  facility                   department  months  from     to       length     mode
 *     2019-01   山田太郎  2019    A       慶應義塾大学病院 放射線科  CT・MRI・RI  1-12    2019-04  2020-03  12 months  block
 *                                         広尾病院                               13-24   2020-04  2021-03  12 months  parallel 0.5 d/wk
 *     2019-02             2019    A       慶應義塾大学病院 放射線科  放射線治療  1       2019-04  2019-04  1 month    block
 *
 *     facility  name                       resident-months  parallel-months
 *     keio      慶應義塾大学病院 放射線科  13               0
 *     hiroo     広尾病院                   0                12
 *
 * Columns are aligned by display width (a Japanese character takes two columns), separated by
 * two spaces, and no line ends in a space (grid.c). The name column is left out when no resident
 * has a name, the mode and parallel-months columns when no stint is parallel. A resident's id,
 * name, cohort and course appear on its first line only. Weekly calendars show full dates.
 * Facilities and departments are shown by their names from the model (the id when the model
 * gives no name); the summary pairs each facility's id with its name. The words of the table
 * (headings, units, modes) are in the messages' language (util/i18n.h).
 */
#include "rotaplan/calendar.h"
#include "rotaplan/report.h"
#include "report/grid.h"
#include "report/legend.h"
#include "report/writers.h"
#include "util/i18n.h"
#include "util/util.h"

#include <stdlib.h>

/* ---- the stint table ---- */

enum {
    COL_RESIDENT,
    COL_NAME,
    COL_COHORT,
    COL_COURSE,
    COL_FACILITY,
    COL_DEPARTMENT,
    COL_PERIODS,
    COL_FROM,
    COL_TO,
    COL_LENGTH,
    COL_MODE,
    N_COLS
};

static const char *unit_plural(const rp_model *m)
{
    return m->calendar.unit == RP_UNIT_MONTH ? _("months") : _("weeks");
}

static const char *unit_count(rp_grid *g, const rp_model *m, long n)
{
    if (m->calendar.unit == RP_UNIT_MONTH)
        return rp_arena_printf(g->text, P_("%ld month", "%ld months", n), n);
    return rp_arena_printf(g->text, P_("%ld week", "%ld weeks", n), n);
}

/* The end of a stint: the last month's label, or the last day of the last week. */
static const char *end_label(rp_grid *g, const rp_model *m, int cohort, int period)
{
    char label[11];
    if (m->calendar.unit == RP_UNIT_MONTH)
        rp_period_label(m, cohort, period, label);
    else
        rp_date_format(rp_period_last_day(m, cohort, period), label);
    return rp_arena_strdup(g->text, label);
}

static void stint_cells(rp_grid *g, const rp_model *m, int cohort, const rp_stint *s,
                        const char **row)
{
    char label[11];
    row[COL_FACILITY] = s->facility == RP_NONE ? rp_report_facility_id(m, s->facility)
                                               : m->facilities[s->facility].name;
    row[COL_DEPARTMENT] = rp_department_name(m, s->facility, rp_report_stint_department(m, s));
    row[COL_PERIODS] = s->first == s->last ? rp_arena_printf(g->text, "%d", s->first)
                                           : rp_arena_printf(g->text, "%d-%d", s->first, s->last);
    rp_period_label(m, cohort, s->first, label);
    row[COL_FROM] = rp_arena_strdup(g->text, label);
    row[COL_TO] = end_label(g, m, cohort, s->last);
    row[COL_LENGTH] = unit_count(g, m, (long)s->last - s->first + 1);
    if (s->mode == RP_MODE_PARALLEL) {
        char days[32];
        rp_report_days(s->days_per_week, days);
        if (s->days_total > 0) {
            char total[32];
            rp_report_days(s->days_total, total);
            row[COL_MODE] = rp_arena_printf(g->text, _("parallel %s x %s d"), total, days);
        } else {
            row[COL_MODE] = rp_arena_printf(g->text,
                                            s->night ? _("night %s n/wk") : _("parallel %s d/wk"),
                                            days);
        }
    } else {
        row[COL_MODE] = _("block");
    }
}

/* The resident's lines: its stints in plan order, the first carrying who it is; a resident
 * without stints still gets a line. */
static void resident_rows(rp_grid *g, const rp_model *m, const rp_plan *p, int index)
{
    const rp_plan_resident *r = &p->residents[index];
    const char *who[N_COLS] = {
        [COL_RESIDENT] = r->id,
        [COL_NAME] = r->name,
        [COL_COHORT] = rp_arena_printf(g->text, "%d", r->cohort),
        [COL_COURSE] = rp_report_course_id(m, r->course),
    };
    bool any = false;
    for (size_t i = 0; i < p->n_stints; i++) {
        if (p->stints[i].resident != index)
            continue;
        const char *row[N_COLS] = {0};
        if (!any)
            for (size_t c = COL_RESIDENT; c <= COL_COURSE; c++)
                row[c] = who[c];
        any = true;
        stint_cells(g, m, r->cohort, &p->stints[i], row);
        rp_grid_add(g, row);
    }
    if (!any) {
        who[COL_FACILITY] = _("(no stints)");
        rp_grid_add(g, who);
    }
}

static void put_title(const rp_model *m, const rp_plan *p, FILE *out)
{
    fprintf(out, P_("plan for %s: %zu resident, ", "plan for %s: %zu residents, ", p->n_residents),
            m->id, p->n_residents);
    switch (p->status) {
    case RP_PLAN_OPTIMAL:
        fprintf(out, _("optimal (objective %.6g)\n"), p->objective);
        break;
    case RP_PLAN_FEASIBLE:
        fprintf(out, _("feasible, not proven optimal (objective %.6g)\n"), p->objective);
        break;
    case RP_PLAN_GIVEN:
        fputs(_("given\n"), out);
        break;
    case RP_PLAN_BEST_EFFORT:
        fputs(_("best effort: no compliant plan exists; the fewest violations (check names them)\n"),
              out);
        break;
    }
}

static bool any_parallel(const rp_plan *p)
{
    for (size_t i = 0; i < p->n_stints; i++)
        if (p->stints[i].mode == RP_MODE_PARALLEL)
            return true;
    return false;
}

static bool any_name(const rp_plan *p)
{
    for (size_t i = 0; i < p->n_residents; i++)
        if (p->residents[i].name)
            return true;
    return false;
}

static void put_stints(const rp_model *m, const rp_plan *p, FILE *out)
{
    static const char *const header[N_COLS] = {
        N_("resident"), N_("name"), N_("cohort"), N_("course"), N_("facility"), N_("department"),
        NULL /* the unit */, N_("from"), N_("to"), N_("length"), N_("mode"),
    };
    rp_grid g;
    rp_grid_init(&g, N_COLS);
    const char *head[N_COLS];
    for (size_t c = 0; c < N_COLS; c++)
        head[c] = header[c] ? _(header[c]) : NULL;
    head[COL_PERIODS] = unit_plural(m);
    rp_grid_add(&g, head);
    for (size_t i = 0; i < p->n_residents; i++)
        resident_rows(&g, m, p, (int)i);
    bool shown[N_COLS];
    for (size_t c = 0; c < N_COLS; c++)
        shown[c] = true;
    shown[COL_NAME] = any_name(p);
    shown[COL_MODE] = any_parallel(p);
    rp_grid_print(&g, shown, out);
    rp_grid_free(&g);
}

/* ---- the facility summary ---- */

enum { SUM_FACILITY, SUM_NAME, SUM_BLOCK, SUM_PARALLEL, N_SUM };

typedef struct load {
    long block, parallel; /* periods a resident spends there, summed over residents */
    bool used;
} load;

static load *facility_loads(const rp_model *m, const rp_plan *p)
{
    load *l = rp_xcalloc(m->n_facilities, sizeof *l);
    for (size_t i = 0; i < p->n_stints; i++) {
        const rp_stint *s = &p->stints[i];
        if (s->facility == RP_NONE)
            continue;
        load *f = &l[s->facility];
        long n = (long)s->last - s->first + 1;
        if (s->mode == RP_MODE_PARALLEL)
            f->parallel += n;
        else
            f->block += n;
        f->used = true;
    }
    return l;
}

static void put_summary(const rp_model *m, const rp_plan *p, FILE *out)
{
    load *l = facility_loads(m, p);
    rp_grid g;
    rp_grid_init(&g, N_SUM);
    const char *head[N_SUM] = {
        _("facility"), _("name"),
        m->calendar.unit == RP_UNIT_MONTH ? _("resident-months") : _("resident-weeks"),
        m->calendar.unit == RP_UNIT_MONTH ? _("parallel-months") : _("parallel-weeks"),
    };
    rp_grid_add(&g, head);
    bool used = false;
    for (size_t i = 0; i < m->n_facilities; i++) {
        if (!l[i].used)
            continue;
        used = true;
        const char *row[N_SUM] = {
            m->facilities[i].id,
            m->facilities[i].name,
            rp_arena_printf(g.text, "%ld", l[i].block),
            rp_arena_printf(g.text, "%ld", l[i].parallel),
        };
        rp_grid_add(&g, row);
    }
    if (used) {
        bool shown[N_SUM] = {true, true, true, any_parallel(p)};
        fputc('\n', out);
        rp_grid_print(&g, shown, out);
    }
    rp_grid_free(&g);
    free(l);
}

/* The programme rules the plan bends (a what-if's decision). */
static void put_bends(const rp_model *m, const rp_plan *p, FILE *out)
{
    if (p->n_bends)
        fputs(_("\nprogramme rules this plan bends (a what-if's decision):\n"), out);
    for (size_t i = 0; i < p->n_bends; i++) {
        const rp_bend *b = &p->bends[i];
        const rp_plan_resident *r = &p->residents[b->resident];
        char la[11], lb[11];
        rp_period_label(m, r->cohort, b->first, la);
        rp_period_end_label(m, r->cohort, b->last, lb);
        fprintf(out, _("  %s  %s  periods %d-%d (%s to %s)\n"), m->rules[b->rule].id, r->id,
                b->first, b->last, la, lb);
    }
}

int rp_report_table(const rp_model *m, const rp_plan *p, FILE *out)
{
    put_title(m, p, out);
    fputc('\n', out);
    put_stints(m, p, out);
    put_summary(m, p, out);
    put_bends(m, p, out);
    return ferror(out) ? -1 : 0;
}
