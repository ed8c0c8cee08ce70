/*
 * findings.c: writes what the check stage found, the report end of the pipeline (model ->
 * translate -> solve -> decode -> check -> report). One block per finding, in the order check
 * gave them, then a summary line:
 *
 *     violation RAD-04 [hard] resident 2019-01 (cohort 2019): the stint at tokyo-mc is too short
 *       periods: months 13-16 (2020-04 to 2020-07)
 *       required: at least 6 months
 *       found: 4 months
 *       facility: tokyo-mc
 *       source: 003 §7-1 (L535)
 *
 *     1 violation, 0 warnings, 0 findings over 12 residents and 24 rules
 *
 * A resident's periods are its own (dates for its cohort); a programme finding's are slots of
 * the shared calendar (rp_slot), shown as calendar labels only. With no violation the summary
 * reads "compliant: no violation of N rules over N residents; ..." with the other counts.
 * Findings about the programme as a whole (a resident's own are each said in full) that one rule
 * repeats, as RAD-14 does for every cohort and window of years, are said once with their count,
 * then one line each:
 *
 *     finding RAD-14 [intake] programme, 6 times:
 *       12 residents start in 2019; the urban cap allows 11 (past average 59/5 = 11.80 a year); ...
 *       ...
 *       source: 003 §4 (L339)
 *
 * rp_report_findings_colour writes the same text with the level words in colour (ANSI SGR: red
 * violations, yellow warnings, cyan findings, a green "compliant"), for a terminal; the caller
 * decides when (stdout a terminal, NO_COLOR unset).
 *
 * The text is for people: it is in the messages' language (util/i18n.h; English above, Japanese
 * in a Japanese locale), with the rule ids, the classes and the sources as the model gives them.
 */
#include "rotaplan/calendar.h"
#include "rotaplan/report.h"
#include "util/i18n.h"

#include <assert.h>

/* The level's word in the reader's language: "violation", "warning", "finding". */
static const char *level_word(rp_level l)
{
    return l == RP_LEVEL_VIOLATION ? _("violation") : l == RP_LEVEL_WARNING ? _("warning")
                                                                            : _("finding");
}

/* "3 violations", "1 warning": n through the format of its number (P_). */
static void put_count(FILE *out, size_t n, const char *format)
{
    fprintf(out, format, n);
}

/* The first day's label of a period, or for weeks as the end of a range its last day. */
static void range_end_label(const rp_model *m, int cohort, int period, char out[11])
{
    if (m->calendar.unit == RP_UNIT_MONTH)
        rp_period_label(m, cohort, period, out);
    else
        rp_date_format(rp_period_last_day(m, cohort, period), out);
}

/* "2020-04 to 2020-07", or "2020-04" for one period. */
static void put_dates(FILE *out, const rp_model *m, int cohort1, int period1, int cohort2,
                      int period2)
{
    char from[11], to[11];
    rp_period_label(m, cohort1, period1, from);
    if (cohort1 == cohort2 && period1 == period2 && m->calendar.unit == RP_UNIT_MONTH) {
        fputs(from, out);
        return;
    }
    range_end_label(m, cohort2, period2, to);
    fprintf(out, _("%s to %s"), from, to);
}

/* "months 13-16 (2020-04 to 2020-07)", for the resident's own periods. */
static void put_resident_periods(FILE *out, const rp_model *m, int cohort, int first, int last)
{
    bool month = m->calendar.unit == RP_UNIT_MONTH;
    if (first == last)
        fprintf(out, month ? _("  periods: month %d (") : _("  periods: week %d ("), first);
    else
        fprintf(out, month ? _("  periods: months %d-%d (") : _("  periods: weeks %d-%d ("), first,
                last);
    put_dates(out, m, cohort, first, cohort, last);
    fputs(")\n", out);
}

/* A slot back on the calendar: the year it falls in and the period within that year. */
static void slot_period(const rp_model *m, long slot, int *year, int *period)
{
    long ppy = m->calendar.periods_per_year;
    *year = (int)(slot / ppy);
    *period = (int)(slot % ppy) + 1;
}

static void put_programme_periods(FILE *out, const rp_model *m, long first, long last)
{
    int y1, p1, y2, p2;
    slot_period(m, first, &y1, &p1);
    slot_period(m, last, &y2, &p2);
    fputs(_("  periods: "), out);
    put_dates(out, m, y1, p1, y2, p2);
    fputc('\n', out);
}

static void put_who(FILE *out, const rp_plan *p, int resident)
{
    if (resident == RP_NONE) {
        fputs(_("programme"), out);
        return;
    }
    assert(resident >= 0 && (size_t)resident < p->n_residents);
    const rp_plan_resident *r = &p->residents[resident];
    fprintf(out, _("resident %s (cohort %d)"), r->id, r->cohort);
}

/* The SGR colour of a level's word, or "" without colour. */
static const char *level_colour(rp_level l, bool colour)
{
    if (!colour)
        return "";
    return l == RP_LEVEL_VIOLATION ? "\033[1;31m" : l == RP_LEVEL_WARNING ? "\033[33m" : "\033[36m";
}

static void put_finding(FILE *out, const rp_model *m, const rp_plan *p, const rp_finding *f,
                        bool colour)
{
    assert(f->rule < m->n_rules);
    const rp_rule *rule = &m->rules[f->rule];
    fprintf(out, "%s%s%s %s [%s] ", level_colour(f->level, colour), level_word(f->level),
            colour ? "\033[0m" : "", rule->id, rp_class_name(rule->cls));
    put_who(out, p, f->resident);
    fprintf(out, ": %s\n", f->message ? f->message : "");
    if (f->first != 0 || f->last != 0) {
        if (f->resident == RP_NONE)
            put_programme_periods(out, m, f->first, f->last);
        else
            put_resident_periods(out, m, p->residents[f->resident].cohort, f->first, f->last);
    }
    if (f->required)
        fprintf(out, _("  required: %s\n"), f->required);
    if (f->found)
        fprintf(out, _("  found: %s\n"), f->found);
    if (f->facility != RP_NONE) {
        assert(f->facility >= 0 && (size_t)f->facility < m->n_facilities);
        fprintf(out, _("  facility: %s\n"), m->facilities[f->facility].id);
    }
    if (rule->source)
        fprintf(out, _("  source: %s\n"), rule->source);
}

static size_t count_level(const rp_findings *f, rp_level level)
{
    size_t n = 0;
    for (size_t i = 0; i < f->count; i++)
        n += f->items[i].level == level;
    return n;
}

static size_t enabled_rules(const rp_model *m)
{
    size_t n = 0;
    for (size_t i = 0; i < m->n_rules; i++)
        n += m->rules[i].enabled;
    return n;
}

static void put_summary(FILE *out, const rp_model *m, const rp_plan *p, const rp_findings *f,
                        bool colour)
{
    size_t violations = count_level(f, RP_LEVEL_VIOLATION);
    size_t warnings = count_level(f, RP_LEVEL_WARNING);
    size_t findings = count_level(f, RP_LEVEL_FINDING);
    size_t rules = enabled_rules(m);
    if (violations == 0) {
        fprintf(out, "%s%s%s", colour ? "\033[32m" : "", _("compliant"), colour ? "\033[0m" : "");
        fputs(_(": no violation of "), out);
        put_count(out, rules, P_("%zu rule", "%zu rules", rules));
        fputs(_(" over "), out);
        put_count(out, p->n_residents, P_("%zu resident", "%zu residents", p->n_residents));
        fputs("; ", out);
    } else {
        fputs(level_colour(RP_LEVEL_VIOLATION, colour), out);
        put_count(out, violations, P_("%zu violation", "%zu violations", violations));
        fputs(colour ? "\033[0m, " : ", ", out);
    }
    put_count(out, warnings, P_("%zu warning", "%zu warnings", warnings));
    fputs(", ", out);
    put_count(out, findings, P_("%zu finding", "%zu findings", findings));
    if (violations != 0) {
        fputs(_(" over "), out);
        put_count(out, p->n_residents, P_("%zu resident", "%zu residents", p->n_residents));
        fputs(_(" and "), out);
        put_count(out, rules, P_("%zu rule", "%zu rules", rules));
    }
    fputc('\n', out);
}

/* Whether findings i and j are programme findings of one rule said together. */
static bool alike(const rp_finding *a, const rp_finding *b)
{
    return a->rule == b->rule && a->level == b->level && a->level == RP_LEVEL_FINDING &&
           a->resident == RP_NONE && b->resident == RP_NONE;
}

/* A run of n alike findings: the rule once with the count, a line each, the source once. */
static void put_group(FILE *out, const rp_model *m, const rp_finding *f, size_t n, bool colour)
{
    const rp_rule *rule = &m->rules[f->rule];
    fprintf(out, _("%s%s%s %s [%s] programme, %zu times:\n"), level_colour(f->level, colour),
            level_word(f->level), colour ? "\033[0m" : "", rule->id, rp_class_name(rule->cls),
            n);
    for (size_t i = 0; i < n; i++) {
        if (f[i].message && *f[i].message)
            fprintf(out, "  %s\n", f[i].message);
        else
            fprintf(out, _("  found %s; required %s\n"), f[i].found ? f[i].found : "-",
                    f[i].required ? f[i].required : "-");
    }
    if (rule->source)
        fprintf(out, _("  source: %s\n"), rule->source);
}

int rp_report_findings_colour(const rp_model *m, const rp_plan *p, const rp_findings *f,
                              bool colour, FILE *out)
{
    for (size_t i = 0; i < f->count;) {
        size_t n = 1;
        while (i + n < f->count && alike(&f->items[i], &f->items[i + n]))
            n++;
        if (n > 1)
            put_group(out, m, &f->items[i], n, colour);
        else
            put_finding(out, m, p, &f->items[i], colour);
        fputc('\n', out);
        i += n;
    }
    put_summary(out, m, p, f, colour);
    return ferror(out) ? -1 : 0;
}

int rp_report_findings(const rp_model *m, const rp_plan *p, const rp_findings *f, FILE *out)
{
    return rp_report_findings_colour(m, p, f, false, out);
}
