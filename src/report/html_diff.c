/*
 * html_diff.c: the changes section of the HTML report (html.h), with --compare OLD_PLAN: the
 * scenario in words when --scenario names it ("kawasaki withdraws from 2020-10"), the summary
 * line `whatif` prints, then one table row per resident and run of periods that moved: periods,
 * dates, the place before and after by name (rp_diff_moves, the same test as rp_report_diff).
 * The Gantt charts outline the changed stints (rp_diff_stint_changed).
 */
#include "report/html.h"
#include "report/legend.h"
#include "report/writers.h"
#include "rotaplan/calendar.h"
#include "util/util.h"
#include "util/i18n.h"

#include <stdlib.h>

static void put_place(const rp_model *m, int facility, int department, FILE *out)
{
    if (facility < 0) {
        fputs(_("(none)"), out);
        return;
    }
    const rp_facility *f = &m->facilities[facility];
    rp_html_escape(out, f->name ? f->name : f->id);
    if (department >= 0) {
        fputs(" ", out);
        rp_html_escape(out, rp_department_name(m, facility, f->departments[department].id));
    }
    fputs(" <small>(", out);
    rp_html_escape(out, f->id);
    if (department >= 0)
        rp_html_printf(out, "/%s", f->departments[department].id);
    fputs(")</small>", out);
}

static void put_move(const rp_model *m, const rp_plan *p, const rp_diff_move *mv, FILE *out)
{
    const rp_plan_resident *r = &p->residents[mv->resident];
    fputs("<tr><td>", out);
    rp_html_escape(out, r->id);
    fputs("</td><td>", out);
    rp_html_escape(out, r->name);
    if (mv->joins) {
        rp_html_printf(out, _("</td><td colspan=\"4\">joins (cohort %d): planned from its start"
                              "</td></tr>\n"), r->cohort);
        return;
    }
    char a[11], b[11];
    rp_date_format(rp_period_first_day(m, r->cohort, mv->first), a);
    rp_date_format(rp_period_last_day(m, r->cohort, mv->last), b);
    fprintf(out, _("</td><td class=\"num\">%d-%d</td><td>%s to %s</td><td>"), mv->first, mv->last,
            a, b);
    put_place(m, mv->from_facility, mv->from_department, out);
    fputs("</td><td>", out);
    put_place(m, mv->to_facility, mv->to_department, out);
    fputs("</td></tr>\n", out);
}

void rp_html_diff(const rp_html_input *in, FILE *out)
{
    const rp_model *m = in->model;
    fputs("<section id=\"diff\">\n<h2>", out);
    if (in->scenario)
        rp_html_printf(out, _("What if: %s"), in->scenario);
    else
        rp_html_printf(out, _("Changes from %s"), in->old_path);
    fputs("</h2>\n<p>", out);
    rp_html_printf(out, _("This plan (%s) compared with %s"), in->plan_path ? in->plan_path : "",
                   in->old_path);
    if (in->scenario)
        rp_html_printf(out, _(", the plan before the scenario \u201c%s\u201d"), in->scenario);
    fputs(".</p>\n", out);
    rp_diff_move *moves = NULL;
    size_t n = rp_diff_moves(in->old, in->plan, &moves);
    size_t residents = 0, joined = 0;
    long periods = 0;
    for (size_t i = 0; i < n; i++) {
        joined += moves[i].joins;
        periods += moves[i].joins ? 0 : moves[i].last - moves[i].first + 1;
        residents += !moves[i].joins && (i == 0 || moves[i - 1].resident != moves[i].resident);
    }
    fprintf(out, _("<p>what-if: %zu resident%s affected, %ld resident-period%s changed"), residents,
            residents == 1 ? "" : "s", periods, periods == 1 ? "" : "s");
    if (joined)
        fprintf(out, _(", %zu resident%s joined"), joined, joined == 1 ? "" : "s");
    fputs("</p>\n", out);
    if (n) {
        fprintf(out, "<table class=\"changes\">\n<tr><th>%s</th><th>%s</th><th>%s</th>"
                     "<th>%s</th><th>%s</th><th>%s</th></tr>\n",
                _("resident"), _("name"), m->calendar.unit == RP_UNIT_WEEK ? _("weeks") : _("months"),
                _("dates"), _("before"), _("after"));
        for (size_t i = 0; i < n; i++)
            put_move(m, in->plan, &moves[i], out);
        fputs("</table>\n", out);
    } else {
        fprintf(out, "<p>%s</p>\n", _("No resident moves."));
    }
    free(moves);
    fputs("</section>\n", out);
}
