/*
 * residents_per_instructor.c: kind `residents-per-instructor`, supervision capacity over all
 * cohorts together.
 *
 * Rule: in every calendar period (slot), the residents a facility holds number at most
 * floor(k x its instructors) (the instructor figure under the model's reading, D-8: table
 * shares by default), and the residents of the whole programme at most floor(k x the sum of the
 * facilities' figures). A resident counts at a facility when a block places them there and they
 * occupy a place (on leave too, unless the model says otherwise: rp_timeline_occupies), and when a
 * parallel (part-time) row places them there.
 *
 * Rows: for every facility f and slot t,
 *     sum over residents r present in t of z[r, p_r(t), f] <= floor(k ins(f)),
 * left out when fewer residents could be there than the limit; likewise the programme-wide row
 * with every facility summed. p_r(t) is the period of r that falls on slot t.
 *
 * Check: counts, slot by slot, the block cells and parallel rows at each facility (the loads
 * hook, which `rotaplan capacity` shows); each run of slots over the limit is one finding naming
 * the most residents found. Its limits and slots are its own (judged_limit, judged_period).
 *
 * Used by: RAD-12 (3 per instructor, 003 §2 L87).
 */
#include "rules/kind.h"
#include "util/i18n.h"

#include <math.h>

typedef struct params {
    double per_instructor;
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    (void)m;
    static const rp_ykey keys[] = {{"per_instructor", RP_Y_SCALAR, true}};
    const rp_ynode *v[1];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 1, v) != 0)
        return -1;
    return rp_ynum(y, v[0], "per_instructor", 0, 1000, &p->per_instructor);
}

/* The limit at facility f on slot t: k x its instructors, and no more than a what-if capacity
 * (0 while it is withdrawn). */
static int facility_limit(const params *pa, const rp_model *m, int f, long t)
{
    int limit = (int)floor(pa->per_instructor * rp_facility_instructors_on(m, f, t) + 1e-9);
    int cap = rp_capacity_on(m, f, RP_NONE, t);
    return cap >= 0 && cap < limit ? cap : limit;
}

static int programme_limit(const params *pa, const rp_model *m, long t)
{
    double total = 0;
    for (size_t f = 0; f < m->n_facilities; f++)
        total += rp_facility_instructors_on(m, (int)f, t);
    return (int)floor(pa->per_instructor * total + 1e-9);
}

typedef struct slots {
    long first, last; /* the calendar slots any resident occupies */
} slots;

static slots slot_range(const rp_model *m, const rp_cohort *c, const rp_timeline *t, size_t n)
{
    slots s = {0, -1};
    for (size_t r = 0; r < n; r++) {
        long a = rp_slot(m, c->residents[r].cohort, 1);
        long b = rp_slot(m, c->residents[r].cohort, t[r].horizon);
        if (s.last < s.first || a < s.first)
            s.first = a;
        if (b > s.last)
            s.last = b;
    }
    return s;
}

/* The period of resident r (starting in year cohort) on slot t, or 0 outside its horizon. */
static int period_at(const rp_model *m, int cohort, int horizon, long t)
{
    long p = t - rp_slot(m, cohort, 1) + 1;
    return p >= 1 && p <= horizon ? (int)p : 0;
}

static void slot_label(const rp_model *m, long t, char out[11])
{
    int ppy = m->calendar.periods_per_year;
    rp_period_label(m, (int)(t / ppy), (int)(t % ppy) + 1, out);
}

static void emit_slot(const rp_rule *rule, rp_emit *em, long t, int f, int limit)
{
    const rp_model *m = em->model;
    rp_expr e = {0};
    size_t candidates = 0;
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        int p = period_at(m, em->cohort->residents[r].cohort, em->timelines[r].horizon, t);
        if (!p || !rp_timeline_occupies(m, &em->timelines[r], p))
            continue;
        size_t before = e.n;
        if (f >= 0)
            rp_space_add_z(em->space, &e, r, p, f, 1);
        else
            for (size_t g = 0; g < m->n_facilities; g++)
                rp_space_add_z(em->space, &e, r, p, (int)g, 1);
        candidates += e.n > before;
    }
    (void)rule;
    char label[11];
    slot_label(m, t, label);
    for (char *c = label; *c; c++)
        if (*c == '-')
            *c = '_';
    if (candidates > (size_t)limit) {
        if (f >= 0)
            rp_emit_row(em, &e, RP_LE, limit, RP_NONE, f, (int)t, (int)t, "f%d_t%s", f, label);
        else
            rp_emit_row(em, &e, RP_LE, limit, RP_NONE, RP_NONE, (int)t, (int)t, "all_t%s", label);
    }
    rp_expr_free(&e);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    const params *pa = rule->params;
    const rp_model *m = em->model;
    slots s = slot_range(m, em->cohort, em->timelines, em->cohort->n_residents);
    for (long t = s.first; t <= s.last; t++) {
        for (size_t f = 0; f < m->n_facilities; f++)
            emit_slot(rule, em, t, (int)f, facility_limit(pa, m, (int)f, t));
        emit_slot(rule, em, t, RP_NONE, programme_limit(pa, m, t));
    }
    return 0;
}

/* ---- check (its own limits and slots: not facility_limit, programme_limit, period_at, which
 * the rows ask) ---- */

/* Check: RAD-12 read afresh: at most k residents for each instructor, rounded down: at facility f
 * (its figure on slot t, and never more than a what-if capacity there), or over the programme
 * (f RP_NONE: every facility's figure summed). */
static int judged_limit(const params *pa, const rp_model *m, int f, long t)
{
    double instructors = 0;
    for (size_t g = 0; g < m->n_facilities; g++)
        if (f == RP_NONE || (int)g == f)
            instructors += rp_facility_instructors_on(m, (int)g, t);
    int most = (int)floor(pa->per_instructor * instructors + 1e-9);
    if (f == RP_NONE)
        return most;
    int cap = rp_capacity_on(m, f, RP_NONE, t); /* -1: none */
    return cap != -1 && cap < most ? cap : most;
}

/* Check: the period of the resident's own calendar that falls on slot t, or 0. */
static int judged_period(const rp_model *m, const rp_resident_plan *rp, long t)
{
    long first = rp_slot(m, rp->planned->cohort, 1);
    if (t < first || t > first + rp->horizon - 1)
        return 0;
    return (int)(t - first + 1);
}

/* The parallel stints of each resident: those of resident r are stints[at[r] .. at[r + 1]) (so
 * that counting a slot does not walk the whole plan once per resident). */
typedef struct parallels {
    size_t *at;
    const rp_stint **stints;
} parallels;

static void parallels_init(parallels *ps, const rp_check_ctx *ctx)
{
    const rp_plan *plan = ctx->plan;
    size_t n = ctx->n_residents;
    ps->at = rp_xcalloc(n + 2, sizeof *ps->at);
    ps->stints = rp_xcalloc(plan->n_stints + 1, sizeof *ps->stints);
    for (size_t i = 0; i < plan->n_stints; i++) {
        const rp_stint *st = &plan->stints[i];
        if (st->mode == RP_MODE_PARALLEL && st->facility >= 0 && st->resident >= 0 &&
            (size_t)st->resident < n)
            ps->at[st->resident + 2]++;
    }
    for (size_t r = 2; r < n + 2; r++)
        ps->at[r] += ps->at[r - 1];
    for (size_t i = 0; i < plan->n_stints; i++) { /* at[r + 1] runs as r's fill pointer */
        const rp_stint *st = &plan->stints[i];
        if (st->mode == RP_MODE_PARALLEL && st->facility >= 0 && st->resident >= 0 &&
            (size_t)st->resident < n)
            ps->stints[ps->at[st->resident + 1]++] = st;
    }
}

static void parallels_free(parallels *ps)
{
    free(ps->at);
    free(ps->stints);
}

/* Residents at facility f (every facility when f is RP_NONE) on slot t. */
static int count_at(const rp_check_ctx *ctx, const parallels *ps, long t, int f)
{
    const rp_model *m = ctx->model;
    int n = 0;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        int p = judged_period(m, rp, t);
        if (!p)
            continue;
        int cf = rp->cells[p].facility;
        bool here = cf >= 0 && (f < 0 || cf == f) && rp_timeline_occupies(m, &rp->timeline, p);
        for (size_t i = ps->at[r]; !here && i < ps->at[r + 1]; i++) {
            const rp_stint *st = ps->stints[i];
            here = st->first <= p && p <= st->last && (f < 0 || st->facility == f);
        }
        n += here;
    }
    return n;
}

static void report(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out, int f,
                   long a, long b, int limit, int worst)
{
    const rp_model *m = ctx->model;
    char la[11], lb[11], req[64], got[64];
    slot_label(m, a, la);
    rp_period_end_label(m, (int)(b / m->calendar.periods_per_year),
                        (int)(b % m->calendar.periods_per_year) + 1, lb);
    snprintf(req, sizeof req, _("at most %d residents"), limit);
    snprintf(got, sizeof got, _("%d residents"), worst);
    const char *who = f >= 0 ? m->facilities[f].id : "the programme";
    bool withdrawn = false;
    if (f >= 0 && rp_changed_on(m, f, a, &withdrawn))
        rp_finding_add(out, ctx, rule, RP_NONE, f, (int)a, (int)b, req, got,
                       withdrawn ? "%s holds up to %d residents from %s to %s; it has withdrawn "
                                   "then (a what-if change): at most %d"
                                 : "%s holds up to %d residents from %s to %s; after the what-if "
                                   "change it may hold at most %d",
                       who, worst, la, lb, limit);
    else
        rp_finding_add(out, ctx, rule, RP_NONE, f, (int)a, (int)b, req, got,
                       "%s holds up to %d residents from %s to %s; its instructors supervise at "
                       "most %d",
                       who, worst, la, lb, limit);
}

/* Every facility with its limit, then the programme, each slot counted as count_at: what the
 * check judges and `rotaplan capacity` shows. */
static void loads(const rp_rule *rule, const rp_check_ctx *ctx, rp_loads *out)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    parallels ps;
    parallels_init(&ps, ctx);
    for (size_t i = 0; i <= m->n_facilities; i++) {
        int f = i < m->n_facilities ? (int)i : RP_NONE;
        rp_capped *p = rp_loads_add(out, f, RP_NONE, NULL, judged_limit(pa, m, f, out->first));
        for (long t = out->first; t <= out->last; t++) {
            p->load[t - out->first] = count_at(ctx, &ps, t, f);
            p->limit[t - out->first] = judged_limit(pa, m, f, t); /* what-if changes included */
        }
    }
    parallels_free(&ps);
}

/* One finding per run of slots over the place's limit. */
static void check_place(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out,
                        const rp_loads *l, const rp_capped *p)
{
    long t = l->first;
    rp_capped_run run;
    while (rp_capped_next_run(l, p, &t, &run))
        report(rule, ctx, out, p->facility, run.first, run.last, (int)run.limit, (int)run.worst);
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    if (ctx->n_residents == 0)
        return;
    rp_loads l;
    rp_loads_init(&l, ctx);
    loads(rule, ctx, &l);
    for (size_t i = 0; i < l.n_places; i++)
        check_place(rule, ctx, out, &l, &l.places[i]);
    rp_loads_free(&l);
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    const params *pa = rule->params;
    return rp_xasprintf(_("at most %g residents per instructor at each facility and over the "
                          "programme (%d in all), in every %s, all cohorts together"),
                        pa->per_instructor, programme_limit(pa, m, 0),
                        m->calendar.unit == RP_UNIT_WEEK ? _("week") : _("month"));
}

const rp_rule_kind rp_kind_residents_per_instructor = {
    .name = "residents-per-instructor",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
    .loads = loads,
};
