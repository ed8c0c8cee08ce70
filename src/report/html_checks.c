/*
 * html_checks.c: the compliance section of the HTML report (html.h), from the same direct checks
 * as `check` (the caller runs rp_check_plan and passes its findings): first one line per rule of
 * the model, its class, what it says and whether the plan meets it (the count of violations,
 * warnings and findings), then every finding with its resident, periods, what was required and
 * what was found, and the rule's source in the seed.
 */
#include "report/html.h"
#include "rotaplan/calendar.h"
#include "rotaplan/rule.h"
#include "util/i18n.h"

#include <stdlib.h>

/* The findings of rule k by level. */
/* The level's word in the reader's language (the CSS class stays rp_level_name's). */
static const char *level_word(rp_level l)
{
    return l == RP_LEVEL_VIOLATION ? _("violation") : l == RP_LEVEL_WARNING ? _("warning")
                                                                            : _("finding");
}

/* "%zu violations" and the like, for n of level l. */
static const char *level_count(rp_level l, size_t n)
{
    if (l == RP_LEVEL_VIOLATION)
        return P_("%zu violation", "%zu violations", n);
    if (l == RP_LEVEL_WARNING)
        return P_("%zu warning", "%zu warnings", n);
    return P_("%zu finding", "%zu findings", n);
}

static void count_rule(const rp_findings *f, size_t k, size_t counts[3])
{
    counts[0] = counts[1] = counts[2] = 0;
    for (size_t i = 0; i < f->count; i++)
        if (f->items[i].rule == k)
            counts[f->items[i].level]++;
}

static void put_verdict(const rp_rule *rule, const size_t counts[3], FILE *out)
{
    if (!rule->enabled) {
        fprintf(out, "<td class=\"finding\">%s</td>", _("disabled"));
        return;
    }
    if (!counts[0] && !counts[1] && !counts[2]) {
        fprintf(out, "<td class=\"ok\">%s</td>", _("ok"));
        return;
    }
    fputs("<td>", out);
    const char *sep = "";
    for (int l = 0; l < 3; l++) {
        if (!counts[l])
            continue;
        fprintf(out, "%s<span class=\"%s\">", sep, rp_level_name((rp_level)l));
        fprintf(out, level_count((rp_level)l, counts[l]), counts[l]);
        fputs("</span>", out);
        sep = ", ";
    }
    fputs("</td>", out);
}

static void put_rules(const rp_html_input *in, FILE *out)
{
    const rp_model *m = in->model;
    fprintf(out, "<table class=\"rules\">\n<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th>"
                 "<th>%s</th></tr>\n",
            _("rule"), _("class"), _("what it says"), _("result"), _("source"));
    for (size_t k = 0; k < m->n_rules; k++) {
        const rp_rule *rule = &m->rules[k];
        size_t counts[3];
        count_rule(in->findings, k, counts);
        char *what = rule->kind->describe(rule, m);
        fputs("<tr><td>", out);
        rp_html_escape(out, rule->id);
        fputs("</td><td>", out);
        rp_html_escape(out, rp_class_name(rule->cls));
        fputs("</td><td>", out);
        rp_html_escape(out, what);
        fputs("</td>", out);
        put_verdict(rule, counts, out);
        fputs("<td>", out);
        rp_html_escape(out, rule->source);
        fputs("</td></tr>\n", out);
        free(what);
    }
    fputs("</table>\n", out);
}

/* A finding's periods: the resident's own (with dates), or slots of the shared calendar. */
static void put_periods(const rp_model *m, const rp_plan *p, const rp_finding *x, FILE *out)
{
    if (x->first <= 0)
        return;
    char a[11], b[11];
    if (x->resident != RP_NONE) {
        int cohort = p->residents[x->resident].cohort;
        rp_date_format(rp_period_first_day(m, cohort, x->first), a);
        rp_date_format(rp_period_last_day(m, cohort, x->last), b);
        fprintf(out, _("%d-%d (%s to %s)"), x->first, x->last, a, b);
    } else {
        rp_html_slot_label(m, x->first, a);
        rp_html_slot_label(m, x->last, b);
        fprintf(out, _("%s to %s"), a, b);
    }
}

static void put_finding(const rp_html_input *in, const rp_finding *x, FILE *out)
{
    const rp_model *m = in->model;
    fprintf(out, "<tr><td class=\"%s\">%s</td><td>", rp_level_name(x->level), level_word(x->level));
    rp_html_escape(out, m->rules[x->rule].id);
    fputs("</td><td>", out);
    rp_html_escape(out, x->resident != RP_NONE ? in->plan->residents[x->resident].id
                                               : _("(programme)"));
    fputs("</td><td>", out);
    put_periods(m, in->plan, x, out);
    fputs("</td><td>", out);
    rp_html_escape(out, x->message);
    fputs("</td><td>", out);
    rp_html_escape(out, x->required);
    fputs("</td><td>", out);
    rp_html_escape(out, x->found);
    fputs("</td><td>", out);
    rp_html_escape(out, m->rules[x->rule].source);
    fputs("</td></tr>\n", out);
}

void rp_html_checks(const rp_html_input *in, FILE *out)
{
    const rp_findings *f = in->findings;
    size_t v = rp_findings_count(f, RP_LEVEL_VIOLATION), w = rp_findings_count(f, RP_LEVEL_WARNING),
           n = rp_findings_count(f, RP_LEVEL_FINDING);
    fprintf(out, "<section id=\"checks\">\n<h2>%s</h2>\n<p>", _("Compliance, rule by rule"));
    if (v) {
        fputs("<span class=\"violation\">", out);
        fprintf(out, level_count(RP_LEVEL_VIOLATION, v), v);
        fputs("</span>", out);
    } else {
        fprintf(out, "<span class=\"ok\">%s</span>", _("compliant: no violation"));
    }
    fputs(", ", out);
    fprintf(out, level_count(RP_LEVEL_WARNING, w), w);
    fputs(", ", out);
    fprintf(out, level_count(RP_LEVEL_FINDING, n), n);
    fprintf(out, _(" over %zu residents (each rule's direct check, as "
                   "<code>rotaplan check</code> runs it).</p>\n"),
            in->plan->n_residents);
    put_rules(in, out);
    if (f->count) {
        fprintf(out, "<h3>%s</h3>\n<table class=\"findings\">\n<tr><th>%s</th><th>%s</th>"
                     "<th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
                _("Findings"), _("level"), _("rule"), _("resident"), _("periods"), _("what"),
                _("required"), _("found"), _("source"));
        for (size_t i = 0; i < f->count; i++)
            put_finding(in, &f->items[i], out);
        fputs("</table>\n", out);
    }
    fputs("</section>\n", out);
}
