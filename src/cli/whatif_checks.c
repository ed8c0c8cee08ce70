/*
 * whatif_checks.c: why a what-if cannot be planned, found before any solve: a resident pinned
 * at a facility while it is withdrawn, a past that no stint can keep (a stint cut at the
 * what-if date that a hard rule refuses, such as a partner stint under RAD-04's 3 months), and
 * then the counting checks of every rule (rp_cli_counting: months left, places left).
 */
#include "cli/whatif.h"
#include "rotaplan/calendar.h"
#include "rotaplan/rule.h"
#include "translate/space.h"
#include "util/util.h"
#include "util/i18n.h"

#include <stdlib.h>

static bool overlaps(long a1, long b1, long a2, long b2)
{
    return a1 <= b2 && a2 <= b1;
}

/* A pin at a facility while a change withdraws it (or leaves it no place). */
static size_t pins_withdrawn(const rp_model *m, const rp_cohort *c, FILE *out)
{
    size_t found = 0;
    for (size_t r = 0; r < c->n_residents; r++) {
        const rp_resident *res = &c->residents[r];
        for (size_t i = 0; i < res->n_pins; i++) {
            const rp_pin *pin = &res->pins[i];
            long a = rp_date_to_days(rp_period_first_day(m, res->cohort, pin->first));
            long b = rp_date_to_days(rp_period_last_day(m, res->cohort, pin->last));
            for (size_t k = 0; k < m->n_changes; k++) {
                const rp_change *ch = &m->changes[k];
                bool closes = ch->kind == RP_CHANGE_WITHDRAW ||
                              (ch->kind == RP_CHANGE_CAPACITY && ch->value < 1) ||
                              (ch->kind == RP_CHANGE_INSTRUCTORS && ch->value <= 0);
                long until = ch->until.year ? rp_date_to_days(ch->until) : b;
                if (ch->facility != pin->facility || !closes ||
                    !overlaps(a, b, rp_date_to_days(ch->from), until))
                    continue;
                char la[11], lb[11], day[11];
                rp_period_label(m, res->cohort, pin->first, la);
                rp_period_end_label(m, res->cohort, pin->last, lb);
                rp_date_format(ch->from, day);
                fprintf(out, _("  resident %s (cohort %d) is pinned at %s from %s to %s (%s:%d), but "
                               "%s takes no resident from %s\n"),
                        res->id, res->cohort, m->facilities[pin->facility].id, la, lb,
                        c->path ? c->path : "residents", pin->pos.line,
                        m->facilities[pin->facility].id, day);
                found++;
            }
        }
    }
    return found;
}

/* Whether a piece of resident r (starting in year cohort) meets a withdrawal of its facility. */
static bool meets_withdrawal(const rp_model *m, int cohort, const rp_piece *pc)
{
    for (int q = pc->first; pc->facility >= 0 && q <= pc->last; q++) {
        bool withdrawn;
        if (rp_changed_on(m, pc->facility, rp_slot(m, cohort, q), &withdrawn) && withdrawn)
            return true;
    }
    return false;
}

/* Whether some piece of resident r covering period p may still be chosen: not fixed by the
 * anchoring, and clear of withdrawals. */
static bool period_open(const rp_translation *t, size_t r, int p)
{
    size_t n, np;
    const int *cov = rp_space_covering(t->space, r, p, &n);
    const rp_piece *pieces = rp_space_pieces(t->space, r, &np);
    for (size_t i = 0; i < n; i++) {
        double lb, ub;
        rp_ilp_col_bounds(t->ilp, pieces[cov[i]].col, &lb, &ub);
        if (ub > 0 && !meets_withdrawal(t->model, t->cohort->residents[r].cohort, &pieces[cov[i]]))
            return true;
    }
    return false;
}

/* The earlier plan's block of resident o covering period p, or NULL. */
static const rp_stint *old_block(const rp_plan *old, int o, int p)
{
    for (size_t i = 0; i < old->n_stints; i++) {
        const rp_stint *s = &old->stints[i];
        if (s->resident == o && s->mode == RP_MODE_BLOCK && s->first <= p && p <= s->last)
            return s;
    }
    return NULL;
}

static void say_cut(const rp_translation *t, size_t r, const rp_stint *s, int last, FILE *out)
{
    const rp_model *m = t->model;
    const rp_resident *res = &t->cohort->residents[r];
    const rp_facility *f = &m->facilities[s->facility];
    rp_piece cut = {s->facility, rp_space_by_department(f) ? s->department : RP_NONE, s->first,
                    last, -1, RP_NONE, 0, false, false};
    int rule = rp_space_refuser(t->space, r, res, &cut);
    char la[11], lb[11];
    rp_period_label(m, res->cohort, s->first, la);
    rp_period_end_label(m, res->cohort, last, lb);
    const char *unit = m->calendar.unit == RP_UNIT_WEEK ? _("weeks") : _("months");
    fprintf(out, _("  resident %s (cohort %d): keeping the past makes its stint at %s %s %d-%d (%s "
                   "to %s)"),
            res->id, res->cohort, f->id, unit, s->first, last, la, lb);
    if (rule < 0) {
        fputs(_(", and no stint can hold it\n"), out);
        return;
    }
    const rp_rule *ru = &m->rules[rule];
    char *what = ru->kind->describe ? ru->kind->describe(ru, m) : NULL;
    fprintf(out, _(", which %s [%s] refuses%s%s\n      source: %s\n"), ru->id,
            rp_class_name(ru->cls), what ? ": " : "", what ? what : "", ru->source);
    free(what);
}

/* A resident whose past, kept, no piece can hold: said once per resident. */
static size_t past_unkept(const rp_translation *t, const rp_plan *old, rp_date from, FILE *out)
{
    const rp_model *m = t->model;
    size_t found = 0;
    for (size_t r = 0; r < t->n_residents; r++) {
        const rp_resident *res = &t->cohort->residents[r];
        int o = rp_plan_resident_index(old, res->id);
        int horizon = rp_space_horizon(t->space, r);
        for (int p = 1; o != RP_NONE && p <= horizon; p++) {
            if (rp_date_to_days(rp_period_first_day(m, res->cohort, p)) >= rp_date_to_days(from))
                break;
            const rp_stint *s = old_block(old, o, p);
            if (!s || s->facility < 0 || period_open(t, r, p))
                continue;
            int open = p;
            while (open <= s->last &&
                   rp_date_to_days(rp_period_first_day(m, res->cohort, open)) <
                       rp_date_to_days(from))
                open++;
            say_cut(t, r, s, open - 1, out);
            found++;
            break;
        }
    }
    return found;
}

size_t rp_whatif_past_checks(const rp_translation *t, const rp_plan *old, rp_date from, FILE *out)
{
    return pins_withdrawn(t->model, t->cohort, out) + past_unkept(t, old, from, out);
}

size_t rp_whatif_prechecks(const rp_translation *t, const rp_plan *old, rp_date from, FILE *out)
{
    size_t n = rp_whatif_past_checks(t, old, from, out);
    if (n == 0)
        n = rp_cli_counting(t, out);
    return n;
}
