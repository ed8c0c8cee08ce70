/*
 * intake.c: residents counted by the year they start, what the intake kinds (intake-cap,
 * urban-intake-cap, intake-by-beds) judge and `rotaplan capacity` shows (intake.h).
 */
#include "rules/intake.h"
#include "util/util.h"
#include "util/i18n.h"

#include <stdlib.h>

/* Counts years[0..n) by year. */
static void count_years(const int *years, size_t n, rp_intake_years *out)
{
    *out = (rp_intake_years){0, -1, NULL};
    for (size_t i = 0; i < n; i++) {
        if (out->last < out->first || years[i] < out->first)
            out->first = years[i];
        if (out->last < years[i])
            out->last = years[i];
    }
    size_t span = out->last >= out->first ? (size_t)(out->last - out->first + 1) : 0;
    out->count = rp_xcalloc(span + 1, sizeof *out->count);
    for (size_t i = 0; i < n; i++)
        out->count[years[i] - out->first]++;
}

void rp_intake_years_of_plan(const rp_plan *p, rp_intake_years *out)
{
    int *years = rp_xcalloc(p->n_residents + 1, sizeof *years);
    for (size_t i = 0; i < p->n_residents; i++)
        years[i] = p->residents[i].cohort;
    count_years(years, p->n_residents, out);
    free(years);
}

void rp_intake_years_of_cohort(const rp_cohort *c, rp_intake_years *out)
{
    int *years = rp_xcalloc(c->n_residents + 1, sizeof *years);
    for (size_t i = 0; i < c->n_residents; i++)
        years[i] = c->residents[i].cohort;
    count_years(years, c->n_residents, out);
    free(years);
}

void rp_intake_years_free(rp_intake_years *y)
{
    free(y->count);
    *y = (rp_intake_years){0, -1, NULL};
}

void rp_intake_limit_free(rp_intake_limit *l)
{
    free(l->windows);
    l->windows = NULL;
    l->n_windows = 0;
}

void rp_intake_put_head(const rp_rule *rule, const char *what, FILE *out)
{
    fprintf(out, "\n%s [%s] %s\n", rule->id, rp_class_name(rule->cls), what);
}

void rp_intake_put_foot(const rp_rule *rule, FILE *out)
{
    if (rule->note)
        fprintf(out, _("  note: %s\n"), rule->note);
    fprintf(out, _("  source: %s\n"), rule->source);
}

int rp_intake_in(const rp_intake_years *y, int year)
{
    return year >= y->first && year <= y->last ? y->count[year - y->first] : 0;
}
