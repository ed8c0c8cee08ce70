/*
 * explain.c: why no compliant plan exists, in sentences a programme director understands
 * (cli.h rp_cli_explain, rp_cli_counting): the periods no stint can hold, the rows the
 * counting checks prove impossible before any solve (translate/counting.c), and after a solve
 * the elastic relaxation's cheapest violations, shrunk by a deletion filter to an irreducible
 * set whose members are each tried alone.
 */
#include "cli/cli.h"
#include "rotaplan/calendar.h"
#include "rotaplan/rule.h"
#include "rotaplan/solve.h"
#include "util/util.h"
#include "util/i18n.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

/* ---- why no plan exists ---- */

static void print_span(const rp_model *m, int cohort, int first, int last, FILE *out)
{
    char a[11], b[11];
    rp_period_label(m, cohort, first, a);
    rp_period_end_label(m, cohort, last, b);
    bool week = m->calendar.unit == RP_UNIT_WEEK;
    if (week) /* a week is labelled by its first day: the span ends on the last */
        rp_date_format(rp_period_last_day(m, cohort, last), b);
    if (first == last)
        fprintf(out, _(", %s %d (%s)"), week ? _("week") : _("month"), first, a);
    else
        fprintf(out, _(", %s %d-%d (%s to %s)"), week ? _("weeks") : _("months"), first, last, a, b);
}

/* The pins of a resident, which often are what makes a rule impossible to meet. */
static void print_pins(const rp_translation *t, const rp_resident *r, FILE *out)
{
    const rp_model *m = t->model;
    for (size_t i = 0; i < r->n_pins; i++) {
        const rp_pin *pin = &r->pins[i];
        fprintf(out, _("      pinned: %s"), m->facilities[pin->facility].id);
        print_span(m, r->cohort, pin->first, pin->last, out);
        fprintf(out, " (%s:%d)\n", pin->pos.file ? pin->pos.file : "residents", pin->pos.line);
    }
}

static void describe_tag(const rp_translation *t, rp_row_tag tag, FILE *out)
{
    const rp_model *m = t->model;
    if (tag.rule >= 0) {
        const rp_rule *rule = &m->rules[tag.rule];
        fprintf(out, "  %s [%s]", rule->id, rp_class_name(rule->cls));
    } else {
        fputs(_("  (structure)"), out);
    }
    const rp_resident *r = tag.resident >= 0 ? &t->cohort->residents[tag.resident] : NULL;
    if (r) {
        fprintf(out, _(" resident %s (cohort %d)"), r->id, r->cohort);
        if (tag.first > 0)
            print_span(m, r->cohort, tag.first, tag.last, out);
    } else if (tag.first > 0) {
        int ppy = m->calendar.periods_per_year;
        char a[11];
        rp_period_label(m, tag.first / ppy, tag.first % ppy + 1, a);
        fprintf(out, _(" from %s"), a);
    }
    if (tag.facility >= 0)
        fprintf(out, _(" at %s"), m->facilities[tag.facility].id);
    fputs("\n", out);
    if (tag.rule >= 0) {
        const rp_rule *rule = &m->rules[tag.rule];
        char *text = rule->kind->describe(rule, m);
        fprintf(out, _("      rule: %s\n      source: %s\n"), text, rule->source);
        free(text);
    }
    if (r)
        print_pins(t, r, out);
}

/* Prints each (rule, resident, facility) once, with the span of periods its rows cover. */
/* The tags merged by rule, resident and facility, each described; off[i] (when not NULL) is
 * by how much row i is broken, summed over each merged group ("short by" a minimum, "over" a
 * limit, in the rule's own count). */
static void explain_tags(const rp_translation *t, rp_row_tag *tags, const double *off,
                         const int *sense, size_t n, FILE *out)
{
    bool *done = rp_xcalloc(n + 1, sizeof *done);
    for (size_t i = 0; i < n; i++) {
        if (done[i])
            continue;
        rp_row_tag tag = tags[i];
        double sum = off ? off[i] : 0;
        bool short_all = sense && sense[i] >= 0, over_all = sense && sense[i] <= 0;
        for (size_t j = i + 1; j < n; j++) {
            rp_row_tag o = tags[j];
            if (o.rule != tag.rule || o.resident != tag.resident || o.facility != tag.facility)
                continue;
            done[j] = true;
            sum += off ? off[j] : 0;
            short_all = short_all && sense[j] >= 0;
            over_all = over_all && sense[j] <= 0;
            if (o.first > 0 && (tag.first == 0 || o.first < tag.first))
                tag.first = o.first;
            if (o.last > tag.last)
                tag.last = o.last;
        }
        describe_tag(t, tag, out);
        if (off && sum > 1e-9)
            fprintf(out, _("      %s %g (in the rule's own count, over its periods)\n"),
                    short_all ? _("short by") : over_all ? _("over by") : _("off by"), sum);
    }
    free(done);
}

/* By how much each row of the ILP is broken at x (the elastic solve's columns), and on which
 * side: +1 a minimum (>=) falls short, -1 a limit (<=) is exceeded, 0 an equality. */
static void breaks(const rp_translation *t, const int *rows, size_t n, const double *x,
                   double *off, int *sense)
{
    for (size_t i = 0; i < n; i++) {
        double act = rp_ilp_row_activity(t->ilp, rows[i], x);
        double rhs = rp_ilp_row_rhs(t->ilp, rows[i]);
        rp_sense s = rp_ilp_row_sense(t->ilp, rows[i]);
        sense[i] = s == RP_GE ? 1 : s == RP_LE ? -1 : 0;
        off[i] = s == RP_GE ? rhs - act : s == RP_LE ? act - rhs : fabs(act - rhs);
        if (off[i] < 0)
            off[i] = 0;
    }
}

static void explain_uncovered(const rp_translation *t, FILE *out)
{
    const rp_model *m = t->model;
    for (size_t i = 0; i < t->n_uncovered; i++) {
        const rp_uncovered *u = &t->uncovered[i];
        const rp_resident *r = &t->cohort->residents[u->resident];
        char label[11];
        rp_period_label(m, r->cohort, u->period, label);
        fprintf(out, _("  resident %s (cohort %d), %s %d (%s): no stint can hold this period"),
                r->id, r->cohort, m->calendar.unit == RP_UNIT_WEEK ? _("week") : _("month"), u->period,
                label);
        if (u->rule >= 0)
            fprintf(out, _("; rule %s refuses every stint over it"), m->rules[u->rule].id);
        if (u->pinned)
            fprintf(out, _("%s the resident's pins fix other facilities"), u->rule >= 0 ? ", and" : ";");
        fputs("\n", out);
        if (u->rule >= 0)
            fprintf(out, _("      source: %s\n"), m->rules[u->rule].source);
    }
}

/* ---- the deletion filter: which rule instances must give, and which alone restores a plan ---- */

enum { MAX_INSTANCES = 24 };  /* rule instances a filter works through (each costs two solves) */

/* A rule instance: the relaxed rows of one rule for one resident (or facility). */
typedef struct instance {
    rp_row_tag tag; /* periods merged over its rows */
    int *rows;
    size_t n_rows, cap_rows;
    bool needed;
} instance;

static size_t group_instances(const rp_translation *t, const int *rows, size_t n, instance *out)
{
    size_t k = 0;
    for (size_t i = 0; i < n; i++) {
        rp_row_tag tag = rp_ilp_row_tag(t->ilp, rows[i]);
        size_t g = 0;
        while (g < k && !(out[g].tag.rule == tag.rule && out[g].tag.resident == tag.resident &&
                          out[g].tag.facility == tag.facility))
            g++;
        if (g == k) {
            if (k == MAX_INSTANCES)
                return k + 1; /* too many to filter */
            out[k++] = (instance){tag, NULL, 0, 0, true};
        }
        instance *x = &out[g];
        if (tag.first > 0 && (x->tag.first == 0 || tag.first < x->tag.first))
            x->tag.first = tag.first;
        if (tag.last > x->tag.last)
            x->tag.last = tag.last;
        *RP_PUSH(x->rows, x->n_rows, x->cap_rows) = rows[i];
    }
    return k;
}

/* The explanation's time limit: when it ends (rp_cli_clock seconds; 0: none). Its solves get
 * what is left as GLPK's tm_lim (guard.h), so that the explanation ends at the command's
 * deadline where no signal handler ends it (a what-if sweep's row); a run within its limit
 * explains the same on every machine. */
static double time_left(double deadline)
{
    if (deadline <= 0)
        return 0;
    double left = deadline - rp_cli_clock();
    return left > 1e-3 ? left : 1e-3;
}

static bool out_of_time(double deadline)
{
    return deadline > 0 && rp_cli_clock() >= deadline;
}

static void say_cut_short(FILE *out)
{
    fputs(_("time limit reached while explaining; that no compliant plan exists is proven, the "
            "explanation is cut short\n"),
          out);
}

/* Whether a plan exists with the rows of the needed instances (but skip) dropped, and those of
 * `only` (when not NULL) alone, within the time left before deadline. */
static int feasible_without(const rp_translation *t, const instance *in, size_t k,
                            const instance *skip, const instance *only, double deadline)
{
    int *rows = NULL;
    size_t n = 0, cap = 0;
    for (size_t g = 0; g < k; g++) {
        const instance *x = &in[g];
        if (only ? x != only : (!x->needed || x == skip))
            continue;
        for (size_t i = 0; i < x->n_rows; i++)
            *RP_PUSH(rows, n, cap) = x->rows[i];
    }
    /* a budget of nodes (solve.c), not seconds: the same explanation on every machine; the
     * command's time limit ends the explanation as a whole */
    int r = rp_solve_without(t->ilp, rows, n, time_left(deadline));
    free(rows);
    return r;
}

/* The deletion filter over the relaxed rule instances: an instance whose rows can hold again
 * while the others stay relaxed is not needed; what remains is irreducible. Then each one alone
 * is tried: relaxing it by itself may already restore a plan (verified), or not. */
static void explain_irreducible(const rp_translation *t, const int *rows, size_t n,
                                double deadline, FILE *out)
{
    instance in[MAX_INSTANCES + 1];
    size_t k = group_instances(t, rows, n, in);
    if (k > MAX_INSTANCES) {
        fprintf(out, _("(more than %d rule instances: not reduced further)\n"), MAX_INSTANCES);
        k = MAX_INSTANCES;
    } else if (k > 1) {
        for (size_t g = 0; g < k; g++)
            in[g].needed = feasible_without(t, in, k, &in[g], NULL, deadline) != 1;
        size_t shown = k;
        if (out_of_time(deadline)) { /* the filter did not run to its end: no claim */
            say_cut_short(out);
            shown = 0;
        } else {
            fputs(_("irreducible: each of these must give for a plan to exist (deletion "
                    "filter):\n"),
                  out);
        }
        for (size_t g = 0; g < shown; g++) {
            if (!in[g].needed)
                continue;
            describe_tag(t, in[g].tag, out);
            int alone = feasible_without(t, in, k, NULL, &in[g], deadline);
            if (alone < 0 && out_of_time(deadline)) {
                say_cut_short(out);
                break;
            }
            fprintf(out, "      %s\n",
                    alone == 1   ? _("verified: relaxing this alone restores a plan")
                    : alone == 0 ? _("relaxing this alone is not enough: it goes with the others")
                                 : _("not decided within the solver's budget (relaxing this alone)"));
        }
    } else if (k == 1) {
        int alone = feasible_without(t, in, k, NULL, &in[0], deadline);
        if (alone < 0 && out_of_time(deadline))
            say_cut_short(out);
        else
            fprintf(out, "%s\n", alone == 1 ? _("verified: relaxing it restores a plan")
                                             : _("not verified: relaxing it alone did not "
                                                 "restore a plan within the solver's budget"));
    }
    for (size_t g = 0; g < k; g++)
        free(in[g].rows);
}

void rp_cli_explain(const rp_translation *t, double time_limit, FILE *out)
{
    fputs(_("rotaplan: no compliant plan exists for this cohort\n"), out);
    if (t->n_uncovered > 0) {
        fputs(_("these periods cannot be planned:\n"), out);
        explain_uncovered(t, out);
        return;
    }
    size_t nv = rp_ilp_n_violated(t->ilp);
    if (nv > 0) {
        fputs(_("these rules cannot be met, whatever the plan:\n"), out);
        rp_row_tag *tags = rp_xmalloc(nv * sizeof *tags);
        for (size_t i = 0; i < nv; i++)
            tags[i] = rp_ilp_violated_tag(t->ilp, i);
        explain_tags(t, tags, NULL, NULL, nv, out);
        free(tags);
        return;
    }
    int *rows = NULL;
    size_t n = 0;
    double *x = NULL;
    double deadline = time_limit > 0 ? rp_cli_clock() + time_limit : 0;
    int found = rp_solve_elastic(t->ilp, time_limit, &rows, &n, &x);
    if (found == -2) { /* the time limit before the elastic solve found anything */
        say_cut_short(out);
    } else if (found == -3) { /* its node budget before it found anything: no proof either */
        fputs(_("the solver's budget ran out before it found the smallest relaxation of the "
                "rules; that no compliant plan exists is proven, the explanation is cut short\n"),
              out);
    } else if (found < 0 || n == 0) {
        fprintf(out, _("the rules conflict with the structure of the plan itself (every period "
                       "at one facility%s)\n"),
                t->model->n_courses ? _(", the course choice") : "");
    } else {
        fputs(found == 1 ? _("the smallest relaxation found breaks these rules:\n")
                         : _("the smallest relaxation found within the solver's budget breaks "
                             "these rules:\n"),
              out);
        rp_row_tag *tags = rp_xmalloc(n * sizeof *tags);
        double *off = rp_xmalloc(n * sizeof *off);
        int *sense = rp_xmalloc(n * sizeof *sense);
        for (size_t i = 0; i < n; i++)
            tags[i] = rp_ilp_row_tag(t->ilp, rows[i]);
        if (x)
            breaks(t, rows, n, x, off, sense);
        explain_tags(t, tags, x ? off : NULL, x ? sense : NULL, n, out);
        free(tags);
        free(off);
        free(sense);
        if (out_of_time(deadline))
            say_cut_short(out);
        else
            explain_irreducible(t, rows, n, deadline, out);
    }
    free(rows);
    free(x);
}

/* ---- the counting checks, said ---- */

static void print_slots(const rp_model *m, long first, long last, FILE *out)
{
    int ppy = m->calendar.periods_per_year;
    char a[11], b[11];
    rp_period_label(m, (int)(first / ppy), (int)(first % ppy) + 1, a);
    rp_period_label(m, (int)(last / ppy), (int)(last % ppy) + 1, b);
    if (first == last)
        fprintf(out, _("in the %s from %s"), m->calendar.unit == RP_UNIT_WEEK ? _("week") : _("month"), a);
    else
        fprintf(out, _("from %s to the %s from %s"), a,
                m->calendar.unit == RP_UNIT_WEEK ? _("week") : _("month"), b);
}

static void print_rule(const rp_model *m, int rule, FILE *out)
{
    const rp_rule *ru = &m->rules[rule];
    char *text = ru->kind->describe(ru, m);
    fprintf(out, _("      rule: %s\n      source: %s\n"), text, ru->source);
    free(text);
}

/* A limit on residents at once that the residents with no place elsewhere exceed. */
static void say_limit(const rp_translation *t, const rp_count *c, FILE *out)
{
    const rp_model *m = t->model;
    const rp_rule *ru = &m->rules[c->tag.rule];
    const char *where = c->group[0] ? c->group : m->facilities[c->tag.facility].id;
    fprintf(out, "  %s [%s] %s %s, ", ru->id, rp_class_name(ru->cls),
            strncmp(where, "the programme", 13) == 0 ? _("over") : _("at"), where);
    print_slots(m, c->tag.first, c->tag.last, out);
    fprintf(out, _(": the residents who have no place elsewhere count at least %g against a "
                   "limit of %g (over by %g)\n"),
            c->reach, c->bound, c->reach - c->bound);
    print_rule(m, c->tag.rule, out);
    fputs(_("      residents:"), out);
    for (size_t i = 0; i < c->n_residents; i++)
        fprintf(out, "%s %s", i ? "," : "", t->cohort->residents[c->residents[i]].id);
    fputs("\n", out);
}

/* A limit summed over whole programme years that the residents' own rows overfill
 * (rp_count_years): the rule and the years, by how much, the rules that make the residents
 * need the places, and the residents by cohort with what each needs at least. */
static void say_years(const rp_translation *t, const rp_count *c, FILE *out)
{
    const rp_model *m = t->model;
    const rp_rule *ru = &m->rules[c->tag.rule];
    const char *where = c->group[0] ? c->group : m->facilities[c->tag.facility].id;
    bool week = m->calendar.unit == RP_UNIT_WEEK;
    fprintf(out, "  %s [%s] %s %s, ", ru->id, rp_class_name(ru->cls),
            strncmp(where, "the programme", 13) == 0 ? _("over") : _("at"), where);
    print_slots(m, c->tag.first, c->tag.last, out);
    fprintf(out, _(": the residents need at least %g resident-%s there by their own rules, against "
                 "a limit of %g summed over those %s (over by %g)\n"),
            c->reach, week ? _("weeks") : _("months"), c->bound, week ? _("weeks") : _("months"),
            c->reach - c->bound);
    print_rule(m, c->tag.rule, out);
    if (c->n_forcing > 0) {
        fputs(_("      what makes them need it:"), out);
        for (size_t i = 0; i < c->n_forcing; i++)
            fprintf(out, "%s %s (%s)", i ? "," : "", m->rules[c->forcing[i]].id,
                    m->rules[c->forcing[i]].kind->name);
        fputs("\n", out);
    }
    fputs(_("      residents who need it, by cohort:"), out);
    for (size_t i = 0; i < c->n_residents;) { /* one entry per cohort and amount */
        int cohort = t->cohort->residents[c->residents[i]].cohort;
        size_t n = 0;
        double sum = 0;
        for (size_t j = i; j < c->n_residents; j++)
            if (t->cohort->residents[c->residents[j]].cohort == cohort) {
                n++;
                sum += c->least[j];
            }
        bool first = true;
        for (size_t j = 0; j < i && first; j++)
            first = t->cohort->residents[c->residents[j]].cohort != cohort;
        if (first)
            fprintf(out, _("%s cohort %d: %zu residents, at least %g"), i ? ";" : "", cohort, n, sum);
        i++;
    }
    fputs("\n", out);
}

/* A resident's minimum that the periods left cannot reach (or a limit they must exceed). */
static void say_resident(const rp_translation *t, const rp_count *c, FILE *out)
{
    describe_tag(t, c->tag, out);
    if (c->sense == RP_GE)
        fprintf(out, _("      at most %g can be counted against the %g required (short by %g), "
                       "with the periods that leave, pins and the kept past leave open\n"),
                c->reach, c->bound, c->bound - c->reach);
    else
        fprintf(out, _("      at least %g must be counted against a limit of %g (over by %g), "
                       "with the periods that leave, pins and the kept past leave open\n"),
                c->reach, c->bound, c->reach - c->bound);
}

/* Whether two findings of residents' minimums name the same rule and the same shut places. */
static bool same_shut(const rp_count *a, const rp_count *b)
{
    if (a->tag.rule != b->tag.rule || a->n_shut != b->n_shut || a->sense != b->sense)
        return false;
    for (size_t i = 0; i < a->n_shut; i++) {
        bool found = false;
        for (size_t j = 0; j < b->n_shut && !found; j++)
            found = a->shut[i].facility == b->shut[j].facility &&
                    a->shut[i].department == b->shut[j].department;
        if (!found)
            return false;
    }
    return true;
}

/* One shut place: "psychiatry (精神科) at psych from 2021-01-04 (withdrawn by the what-if)". */
static void say_place(const rp_translation *t, const rp_shut *sh, FILE *out)
{
    const rp_model *m = t->model;
    const rp_facility *f = &m->facilities[sh->facility];
    if (sh->department >= 0) {
        const rp_department *d = &f->departments[sh->department];
        fprintf(out, _("%s%s%s%s at "), d->id, d->name ? " (" : "", d->name ? d->name : "",
                d->name ? ")" : "");
    }
    int ppy = m->calendar.periods_per_year;
    char day[11];
    rp_period_label(m, sh->by.first / ppy, sh->by.first % ppy + 1, day);
    bool withdrawn = false;
    bool changed = rp_changed_on(m, sh->facility, sh->by.first, &withdrawn);
    for (size_t i = 0; changed && i < m->n_changes; i++) /* the change's own date */
        if (m->changes[i].facility == sh->facility &&
            rp_date_to_days(m->changes[i].from) <=
                rp_date_to_days(rp_slot_first_day(m, sh->by.first)))
            rp_date_format(m->changes[i].from, day);
    const rp_rule *ru = &m->rules[sh->by.rule];
    fprintf(out, _("%s from %s (%s)"), f->id, day,
            withdrawn ? _("withdrawn by the what-if change")
            : changed ? _("the what-if change leaves no place")
                      : _("its limit leaves no place"));
    if (!withdrawn)
        fprintf(out, _(" under %s"), ru->id);
}

/* Residents' minimums that only places a limit closes could meet (the only psychiatry site
 * withdrawn): one paragraph per rule and set of places, naming the rule, the places and their
 * dates, and every resident still short with the periods counted. Marks them in done. */
static void say_shut(const rp_translation *t, const rp_counts *c, size_t i, bool *done,
                     FILE *out)
{
    const rp_model *m = t->model;
    const rp_count *x = &c->items[i];
    const rp_rule *ru = &m->rules[x->tag.rule];
    rp_shut shut[RP_MAX_SHUT]; /* each place from the earliest slot any resident meets it shut */
    memcpy(shut, x->shut, sizeof shut);
    for (size_t j = i + 1; j < c->n; j++) {
        const rp_count *y = &c->items[j];
        for (size_t k = 0; !done[j] && y->tag.resident >= 0 && same_shut(x, y) && k < x->n_shut;
             k++)
            for (size_t l = 0; l < y->n_shut; l++)
                if (y->shut[l].facility == shut[k].facility &&
                    y->shut[l].department == shut[k].department &&
                    y->shut[l].by.first < shut[k].by.first)
                    shut[k].by = y->shut[l].by;
    }
    fprintf(out, _("  %s [%s]: no place left that counts toward this minimum: "), ru->id,
            rp_class_name(ru->cls));
    for (size_t k = 0; k < x->n_shut; k++) {
        fputs(k == 0 ? "" : k + 1 == x->n_shut ? " and " : ", ", out);
        say_place(t, &shut[k], out);
    }
    fputs("\n", out);
    print_rule(m, x->tag.rule, out);
    fputs(_("      residents still short (in the rule's own count), over the periods counted:\n"),
          out);
    for (size_t j = i; j < c->n; j++) {
        const rp_count *y = &c->items[j];
        if (done[j] || y->tag.resident < 0 || !same_shut(x, y))
            continue;
        done[j] = true;
        const rp_resident *r = &t->cohort->residents[y->tag.resident];
        fprintf(out, _("        %s (cohort %d): short by %g"), r->id, r->cohort, y->bound - y->reach);
        if (y->tag.first > 0)
            print_span(m, r->cohort, y->tag.first, y->tag.last, out);
        fputs("\n", out);
    }
}

/* Says every finding of c (then freed); returns how many there were. */
static size_t say_counts(const rp_translation *t, rp_counts *cp, FILE *out)
{
    rp_counts c = *cp;
    bool *done = rp_xcalloc(c.n + 1, sizeof *done);
    for (size_t i = 0; i < c.n; i++) /* the closed places first: they are the cause */
        if (!done[i] && c.items[i].tag.resident >= 0 && c.items[i].n_shut > 0 &&
            c.items[i].sense == RP_GE)
            say_shut(t, &c, i, done, out);
    for (size_t i = 0; i < c.n; i++) {
        if (done[i])
            continue;
        if (c.items[i].tag.resident >= 0)
            say_resident(t, &c.items[i], out);
        else if (c.items[i].years)
            say_years(t, &c.items[i], out);
        else
            say_limit(t, &c.items[i], out);
    }
    free(done);
    size_t n = c.n;
    rp_counts_free(&c);
    return n;
}

size_t rp_cli_counting(const rp_translation *t, FILE *out)
{
    rp_counts c = RP_COUNTS_INIT;
    rp_count_rows(t, &c);
    return say_counts(t, &c, out);
}

size_t rp_cli_counting_years(const rp_translation *t, FILE *out)
{
    rp_counts c = RP_COUNTS_INIT;
    rp_count_years(t, &c);
    return say_counts(t, &c, out);
}
