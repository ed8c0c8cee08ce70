/*
 * html_people.c: the people section of the HTML report (html.h): for every resident with leave,
 * an extended programme or wishes, one row: the leave (its word, 休止 or 産休..., its dates or its
 * days), the days in all, the programme's end when leave extends it, and each wish in rank order
 * with whether the plan grants it (legend.h: at least the model's wish_periods at the place, some
 * of them, or none). The residents file gives leave and wishes; without it nothing is known and
 * the section says so.
 */
#include "report/html.h"
#include "report/legend.h"
#include "rotaplan/calendar.h"
#include "util/util.h"
#include "util/i18n.h"

static bool worth_a_row(const rp_check_ctx *ctx, size_t r, int standard)
{
    const rp_resident *res = ctx->residents[r].resident;
    return res && (res->n_leave || res->n_wishes || ctx->residents[r].horizon > standard);
}

static void put_leave_cell(const rp_model *m, const rp_resident *res, FILE *out)
{
    fputs("<td>", out);
    for (size_t i = 0; i < res->n_leave; i++) {
        const rp_leave *lv = &res->leave[i];
        const char *word = rp_leave_label(lv->kind);
        if (i)
            fputs("<br>", out);
        rp_html_printf(out, "%s (%s)", word ? word : rp_status_name(lv->kind),
                       rp_status_name(lv->kind));
        if (lv->first > 0) {
            char a[11], b[11];
            rp_date_format(rp_period_first_day(m, res->cohort, lv->first), a);
            rp_date_format(rp_period_last_day(m, res->cohort, lv->last), b);
            rp_html_printf(out, _(" %s to %s"), a, b);
        }
        rp_html_printf(out, _(", %g days"), lv->days);
    }
    fputs("</td>", out);
}

static void put_wishes_cell(const rp_model *m, const rp_check_ctx *ctx, size_t r, FILE *out)
{
    const rp_resident *res = ctx->residents[r].resident;
    fputs("<td>", out);
    for (size_t w = 0; w < res->n_wishes; w++) {
        int n = rp_wish_periods(ctx, r, &res->wishes[w]);
        const char *outcome = rp_wish_outcome(m, n);
        if (w)
            fputs("<br>", out);
        fprintf(out, "<span class=\"wish %s\">", n >= m->objective.wish_periods ? "granted"
                                                 : n > 0                         ? "partly"
                                                                                 : "not-granted");
        rp_html_printf(out, _("%zu. %s: %s (%d %s there)"), w + 1, rp_wish_label(m, &res->wishes[w]),
                       _(outcome), n, m->calendar.unit == RP_UNIT_WEEK ? _("weeks") : _("months"));
        fputs("</span>", out);
    }
    fputs("</td>", out);
}

void rp_html_people(const rp_html_input *in, FILE *out)
{
    const rp_model *m = in->model;
    const rp_check_ctx *ctx = in->ctx;
    int standard = m->calendar.years * m->calendar.periods_per_year;
    fprintf(out, "<section id=\"people\">\n<h2>%s</h2>\n", _("Leave, extensions and wishes"));
    size_t rows = 0;
    for (size_t r = 0; ctx && r < ctx->n_residents; r++) {
        if (!worth_a_row(ctx, r, standard))
            continue;
        if (rows++ == 0)
            fprintf(out, "<table class=\"people\">\n<tr><th>%s</th><th>%s</th><th>%s</th>"
                         "<th>%s</th><th>%s</th><th>%s</th></tr>\n",
                    _("resident"), _("name"), _("leave (休止・休暇)"), _("days"),
                    _("programme ends"), _("wishes"));
        const rp_resident_plan *rp = &ctx->residents[r];
        const rp_resident *res = rp->resident;
        fputs("<tr><td>", out);
        rp_html_escape(out, rp->planned->id);
        fputs("</td><td>", out);
        rp_html_escape(out, rp->planned->name);
        fputs("</td>", out);
        put_leave_cell(m, res, out);
        fprintf(out, "<td class=\"num\">%g</td><td>", rp_resident_leave_days(res));
        char end[11];
        rp_date_format(rp_period_last_day(m, res->cohort, rp->horizon), end);
        if (rp->horizon > standard)
            rp_html_printf(out, _("%s: extended by %d %s (延長)"), end, rp->horizon - standard,
                           m->calendar.unit == RP_UNIT_WEEK ? _("weeks") : _("months"));
        else
            rp_html_escape(out, end);
        fputs("</td>", out);
        put_wishes_cell(m, ctx, r, out);
        fputs("</tr>\n", out);
    }
    if (rows)
        fputs("</table>\n", out);
    else
        fputs(ctx && ctx->cohort ? _("<p>No resident takes leave or states a wish.</p>\n")
                                 : _("<p>Leave and wishes come from the residents file "
                                     "(--residents): none was given.</p>\n"),
              out);
    fputs("</section>\n", out);
}
