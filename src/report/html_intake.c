/*
 * html_intake.c: the intake section of the HTML report (html.h), with the arithmetic the intake
 * rule kinds expose (rules/intake.h; the same figures `rotaplan capacity` prints and `check`
 * judges): the yearly intake cap's terms and the one that binds (RAD-13 in the radiology
 * programme), the urban five-year average (RAD-14), the core hospital's beds (INIT-71), then
 * the plan's residents by starting year against each limit (a window of several years for
 * RAD-14 and INIT-71). A model without such a rule says so.
 */
#include "report/html.h"
#include "rules/intake.h"
#include "util/util.h"
#include "util/i18n.h"

#include <stdlib.h>

static void put_cap(const rp_rule *rule, const rp_intake_cap *c, FILE *out)
{
    fputs("<h3>", out);
    rp_html_printf(out, _("%s yearly intake cap: the fewest of the terms, rounded down"), rule->id);
    fputs(_("</h3>\n<table class=\"intake\">\n<tr><th>term</th><th>total</th><th>divisor</th>"
            "<th>value</th><th></th></tr>\n"), out);
    for (int i = 0; i < RP_CAP_N_TERMS; i++)
        fprintf(out, "<tr><td>%s</td><td class=\"num\">%.1f</td><td class=\"num\">%g</td>"
                     "<td class=\"num\">%.2f</td><td>%s</td></tr>\n",
                rp_intake_cap_terms[i], c->total[i], c->divisor[i], c->term[i],
                i == c->binding ? _("<strong>binds</strong>") : "");
    fprintf(out, _("<tr><td>cap</td><td colspan=\"2\">floor(%.2f)</td><td class=\"num\">"
                   "<strong>%d</strong></td><td></td></tr>\n</table>\n"),
            c->term[c->binding], c->value);
}

static void put_urban(const rp_rule *rule, const rp_urban_cap *u, FILE *out)
{
    fputs("<h3>", out);
    rp_html_printf(out, _("%s urban intake cap"), rule->id);
    fputs("</h3>\n", out);
    if (!u->urban) {
        fputs(_("<p>None: the base is not in an urban prefecture.</p>\n"), out);
        return;
    }
    fprintf(out, _("<p>average %d / %d = %.2f a year; over k consecutive years at most "
                   "floor(%.2f &times; k)"),
            u->history_total, u->history_years, u->average, u->average);
    for (int k = 1; k <= u->history_years; k++)
        fprintf(out, "%s%d: %d", k == 1 ? " (" : ", ", k, rp_urban_cap_limit(u, k));
    fprintf(out, _("%s; a breach is a %s.</p>\n"), u->history_years >= 1 ? ")" : "",
            u->level == RP_LEVEL_FINDING ? "finding (adjusted across years)" : "violation");
}

static void put_beds(const rp_model *m, const rp_rule *rule, const rp_beds_cap *b, FILE *out)
{
    fputs("<h3>", out);
    rp_html_printf(out, _("%s residents of both years at the core hospital, by its size"), rule->id);
    fputs("</h3>\n<p>", out);
    if (b->value < 0)
        fputs(_("No core hospital gives its beds or admissions: nothing to limit."), out);
    else
        rp_html_printf(out, _("%s: by beds %d, by admissions %d; the limit is the larger, %d."),
                       m->facilities[b->facility].name, b->by_beds, b->by_admissions, b->value);
    fputs("</p>\n", out);
}

static void put_windows(const rp_intake_window *w, size_t n, rp_level level, FILE *out)
{
    if (n == 0)
        return;
    fputs(_("<table class=\"windows\">\n<tr><th>starting years</th><th>residents</th><th>limit"
            "</th><th>result</th></tr>\n"), out);
    for (size_t i = 0; i < n; i++) {
        bool over = w[i].intake > w[i].limit;
        fprintf(out, "<tr><td>%d", w[i].first_year);
        if (w[i].years > 1)
            fprintf(out, "-%d", w[i].first_year + w[i].years - 1);
        fprintf(out, "</td><td class=\"num\">%d</td><td class=\"num\">%d</td>", w[i].intake,
                w[i].limit);
        if (over)
            fprintf(out, _("<td class=\"%s\">over by %d (%s)</td></tr>\n"),
                    level == RP_LEVEL_VIOLATION ? "violation" : "finding",
                    w[i].intake - w[i].limit,
                    level == RP_LEVEL_VIOLATION ? "violation" : "finding");
        else
            fputs(_("<td class=\"ok\">ok</td></tr>\n"), out);
    }
    fputs("</table>\n", out);
}

/* One intake rule: its arithmetic, then the plan's intake against it. Returns whether rule is
 * of an intake kind. */
static bool put_rule(const rp_model *m, const rp_rule *rule, const rp_intake_years *y, FILE *out)
{
    rp_intake_cap cap;
    rp_urban_cap urban;
    rp_beds_cap beds;
    rp_intake_window *w = NULL;
    size_t n;
    rp_level level = rp_rule_level(rule);
    if (rp_intake_cap_explain(rule, m, &cap) == 0) {
        put_cap(rule, &cap, out);
        n = rp_intake_cap_windows(&cap, y, &w);
    } else if (rp_urban_cap_explain(rule, m, &urban) == 0) {
        put_urban(rule, &urban, out);
        level = urban.level;
        n = rp_urban_cap_windows(&urban, y, &w);
    } else if (rp_beds_cap_explain(rule, m, &beds) == 0) {
        put_beds(m, rule, &beds, out);
        n = rp_beds_cap_windows(&beds, y, &w);
    } else {
        return false;
    }
    put_windows(w, n, level, out);
    fputs(_("<p>source: "), out);
    rp_html_escape(out, rule->source);
    fputs("</p>\n", out);
    free(w);
    return true;
}

void rp_html_intake(const rp_html_input *in, FILE *out)
{
    const rp_model *m = in->model;
    fprintf(out, "<section id=\"intake\">\n<h2>%s</h2>\n", _("Intake caps"));
    rp_intake_years y;
    rp_intake_years_of_plan(in->plan, &y);
    size_t shown = 0;
    for (size_t k = 0; k < m->n_rules; k++)
        if (m->rules[k].enabled && put_rule(m, &m->rules[k], &y, out))
            shown++;
    if (shown == 0)
        fputs(_("<p>The model states no intake rule.</p>\n"), out);
    rp_intake_years_free(&y);
    fputs("</section>\n", out);
}
