/*
 * experience_target.c: kind `experience-target`, the experience a resident must have logged by
 * completion: reports written as first reader, examinations and IVR done as operator or first
 * assistant, radiotherapy planned as first planner, curriculum cases (経験目標 B and C).
 *
 * Rule: for each target t (one experience item of the model, or a total over several), the
 * resident's count at completion is at least at_least(t), unless the residents file marks one of
 * its items `supplemented` (an approved course, ハンズオン・トレーニング or e-learning, made up the
 * shortfall: 003 §6-2(2) 補足 L502, §6-2(3) 補足 L521), and the rule allows it
 * (`supplementable`, default true: §6-2(1), the 100 curriculum cases, names no such course).
 *
 * Rows (only when the rule gives yields: cases per resident-month at a facility or one of its
 * departments, which the seed does not state, RULES.md E-5; none by default): a soft term, no
 * constraint. For resident r and target t with need N = at_least(t) - logged(r,t) > 0, a
 * continuous short[r,t] in [0, N] and
 *     sum over pieces q of r: yield(q,t) * |{p in q, p > as_of(r), r trains in p}| * x_q
 *       + short[r,t] >= N,
 * each case short costing weight / at_least(t) in the objective (maximised: subtracted), so a
 * target wholly missed costs `weight` (default 1, a resident's wishes weigh 1 in all).
 * yield(q,t) sums the items of t at the piece's department when a yield names it, else at the
 * facility as a whole. A resident trains in p when full time or in clinical graduate school.
 * Residents whose file gives counts at completion (no as_of) get no row: their counts are final.
 *
 * Check: for each resident whose residents file logs experience, either
 *   - final (no as_of, or as_of at or past the resident's last period): each target with a
 *     logged item whose count falls short is a violation (exit 1), unless supplemented;
 *   - so far (as_of before the end): with yields, the projection (logged + yields over the
 *     plan's training periods after as_of) falling short is a warning; without yields, a
 *     count still short is a finding (information: the months left may make it up).
 * and, when the rule gives yields, every resident without logged experience is projected from
 * zero the same way (a warning when short).
 *
 * Used by: RAD-16 (per modality), RAD-17 (IVR, vascular and non-vascular), RAD-18 (RT by site),
 * RAD-19 (90 of the 100 curriculum cases) of the radiology model.
 */
#include "rules/kind.h"
#include "util/i18n.h"

#include <math.h>
#include <string.h>

typedef struct target {
    const char *label; /* the item's id, or the total's name */
    int *items;        /* indices into model->experience_ids */
    size_t n_items;
    int at_least;
} target;

typedef struct yield {
    int facility;
    int department; /* RP_NONE: the facility as a whole */
    double *rate;   /* [model->n_experience]: cases per resident-month */
} yield;

typedef struct params {
    target *targets;
    size_t n_targets;
    yield *yields;
    size_t n_yields;
    double weight;
    bool supplementable; /* an approved course may make up a shortfall (default true) */
} params;

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* ---- parameters ---- */

static int item_index(rp_yctx *y, const rp_ynode *n, const rp_model *m, int *out)
{
    const char *id = rp_ytext(n);
    for (size_t i = 0; id && i < m->n_experience; i++) {
        if (strcmp(m->experience_ids[i], id) == 0) {
            *out = (int)i;
            return 0;
        }
    }
    char hint[256] = "; the model lists no experience_items";
    if (m->n_experience)
        rp_yhint(hint, sizeof hint, id ? id : "", m->experience_ids, m->n_experience);
    return rp_yerror(y, n, "unknown experience item '%s'%s", id ? id : "", hint);
}

static int read_sum(rp_yctx *y, const rp_ynode *list, const rp_model *m, target *t)
{
    size_t n = 0;
    if (rp_yseq(y, list, "sum_of", &n) != 0)
        return -1;
    if (n == 0)
        return rp_yerror(y, list, "sum_of is empty; expected at least one experience item");
    t->items = rp_arena_alloc(rp_yarena(y), n * sizeof *t->items);
    int err = 0;
    for (size_t i = 0; i < n; i++)
        err |= item_index(y, rp_yseq_item(y, list, i), m, &t->items[t->n_items++]);
    return err ? -1 : 0;
}

static int read_target(rp_yctx *y, const rp_ynode *n, const rp_model *m, target *t)
{
    static const rp_ykey keys[] = {
        {"item", RP_Y_SCALAR, true},
        {"at_least", RP_Y_SCALAR, true},
        {"sum_of", RP_Y_SEQ, false},
    };
    const rp_ynode *v[N_OF(keys)];
    if (rp_ymap(y, n, "experience target", keys, N_OF(keys), v) != 0)
        return -1;
    int err = rp_yid(y, v[0], "item", &t->label);
    err |= rp_yint(y, v[1], "at_least", 1, 1000000, &t->at_least);
    if (v[2]) {
        err |= read_sum(y, v[2], m, t); /* a total: the item names it, the sum counts */
    } else {
        t->items = rp_arena_alloc(rp_yarena(y), sizeof *t->items);
        t->n_items = 1;
        err |= item_index(y, v[0], m, &t->items[0]);
    }
    return err ? -1 : 0;
}

static int read_rates(rp_yctx *y, const rp_ynode *map, const rp_model *m, yield *yd)
{
    size_t n = 0;
    const rp_ynode *const *ks = NULL, *const *vs = NULL;
    if (rp_ypairs(y, map, "per_month", &ks, &vs, &n) != 0)
        return -1;
    yd->rate = rp_arena_alloc(rp_yarena(y), (m->n_experience + 1) * sizeof *yd->rate);
    int err = 0;
    for (size_t i = 0; i < n; i++) {
        int k;
        if (item_index(y, ks[i], m, &k) != 0) {
            err = -1;
            continue;
        }
        err |= rp_ynum(y, vs[i], "per_month", 0, 100000, &yd->rate[k]);
    }
    return err ? -1 : 0;
}

static int read_yield(rp_yctx *y, const rp_ynode *n, const rp_model *m, yield *yd)
{
    static const rp_ykey keys[] = {
        {"facility", RP_Y_SCALAR, true},
        {"department", RP_Y_SCALAR, false},
        {"per_month", RP_Y_MAP, true},
    };
    const rp_ynode *v[N_OF(keys)];
    yd->department = RP_NONE;
    if (rp_ymap(y, n, "experience yield", keys, N_OF(keys), v) != 0)
        return -1;
    if (rp_yfacility(y, v[0], m, "facility", &yd->facility) != 0)
        return -1;
    if (v[1]) {
        const rp_facility *f = &m->facilities[yd->facility];
        yd->department = rp_facility_department(f, rp_ytext(v[1]));
        if (yd->department == RP_NONE)
            return rp_yerror(y, v[1], "unknown department '%s' of facility '%s'",
                             rp_ytext(v[1]) ? rp_ytext(v[1]) : "", f->id);
    }
    return read_rates(y, v[2], m, yd);
}

/* Whether an earlier yield of p names yd's facility and department. */
static bool same_place(const params *p, const yield *yd)
{
    for (size_t i = 0; i < p->n_yields; i++)
        if (p->yields[i].facility == yd->facility && p->yields[i].department == yd->department)
            return true;
    return false;
}

static int read_list(rp_yctx *y, const rp_ynode *list, const char *what, size_t *n)
{
    if (rp_yseq(y, list, what, n) != 0)
        return -1;
    if (*n == 0)
        return rp_yerror(y, list, "%s is empty; expected at least one entry", what);
    return 0;
}

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    static const rp_ykey keys[] = {
        {"targets", RP_Y_SEQ, true},
        {"yields", RP_Y_SEQ, false},
        {"weight", RP_Y_SCALAR, false},
        {"supplementable", RP_Y_SCALAR, false},
    };
    const rp_ynode *v[N_OF(keys)];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    p->weight = 1;
    p->supplementable = true;
    if (rp_kind_params(y, rule, node, keys, N_OF(keys), v) != 0)
        return -1;
    size_t n = 0;
    int err = read_list(y, v[0], "targets", &n);
    if (err == 0) {
        p->targets = rp_arena_alloc(rp_yarena(y), n * sizeof *p->targets);
        for (size_t i = 0; i < n; i++)
            err |= read_target(y, rp_yseq_item(y, v[0], i), m, &p->targets[p->n_targets++]);
    }
    if (v[1] && m->calendar.unit != RP_UNIT_MONTH)
        return rp_yerror(y, v[1], "yields are cases per resident-month; expected a model whose "
                                  "calendar unit is month");
    if (v[1] && read_list(y, v[1], "yields", &n) == 0) {
        p->yields = rp_arena_alloc(rp_yarena(y), n * sizeof *p->yields);
        for (size_t i = 0; i < n; i++) {
            const rp_ynode *item = rp_yseq_item(y, v[1], i);
            yield *yd = &p->yields[p->n_yields];
            if (read_yield(y, item, m, yd) != 0) {
                err = -1;
                continue;
            }
            if (same_place(p, yd)) { /* one yield a place: rows and check pick the same */
                err = rp_yerror(y, item, "a second yield for facility '%s'%s%s; expected one "
                                         "yield for each facility and department",
                                m->facilities[yd->facility].id,
                                yd->department >= 0 ? " department " : "",
                                yd->department >= 0
                                    ? m->facilities[yd->facility].departments[yd->department].id
                                    : "");
                continue;
            }
            p->n_yields++;
        }
    } else if (v[1]) {
        err = -1;
    }
    if (v[2])
        err |= rp_ynum(y, v[2], "weight", 0, 1000, &p->weight);
    if (v[3])
        err |= rp_ybool(y, v[3], "supplementable", &p->supplementable);
    return err ? -1 : 0;
}

/* ---- rows ---- */

/* The cases of target t a piece at facility f, department d yields in one month. */
static double piece_rate(const params *pa, const target *t, int f, int d)
{
    const yield *at = NULL;
    for (size_t i = 0; i < pa->n_yields; i++) {
        const yield *yd = &pa->yields[i];
        if (yd->facility != f)
            continue;
        if (d >= 0 && yd->department == d)
            at = yd; /* the department's own yield wins */
        else if (yd->department == RP_NONE && !at)
            at = yd;
    }
    double sum = 0;
    for (size_t i = 0; at && i < t->n_items; i++)
        sum += at->rate[t->items[i]];
    return sum;
}

/* Cases logged toward t so far (items not logged count 0). */
static int logged_toward(const rp_experience *e, const target *t)
{
    int sum = 0;
    for (size_t i = 0; e && i < t->n_items; i++)
        sum += e->counts[t->items[i]] > 0 ? e->counts[t->items[i]] : 0;
    return sum;
}

/* Training periods of piece q after the logging (full time or clinical graduate school). */
static int piece_months(const rp_piece *q, const rp_timeline *tl, int after)
{
    int n = 0;
    for (int p = q->first > after + 1 ? q->first : after + 1; p <= q->last && p <= tl->horizon;
         p++)
        n += tl->status[p] == RP_STATUS_FT || tl->status[p] == RP_STATUS_GC;
    return n;
}

static void emit_target(const rp_rule *rule, rp_emit *em, size_t r, size_t k, rp_expr *e)
{
    const params *pa = rule->params;
    const target *t = &pa->targets[k];
    const rp_experience *x = em->cohort->residents[r].experience;
    int need = t->at_least - logged_toward(x, t);
    if (need <= 0)
        return;
    int after = x ? x->as_of : 0;
    size_t n = 0;
    const rp_piece *pieces = rp_space_pieces(em->space, r, &n);
    rp_expr_clear(e);
    for (size_t i = 0; i < n; i++) {
        double rate = piece_rate(pa, t, pieces[i].facility, pieces[i].department);
        int months = rate > 0 ? piece_months(&pieces[i], &em->timelines[r], after) : 0;
        if (months > 0)
            rp_expr_add(e, pieces[i].col, rate * months);
    }
    if (e->n == 0)
        return; /* nothing the plan does changes this count */
    int s = rp_emit_col(em, RP_COL_CONTINUOUS, 0, need, "short_r%zu_t%zu", r, k);
    rp_ilp_add_obj(em->ilp, s, -pa->weight / t->at_least);
    rp_expr_add(e, s, 1);
    rp_emit_row(em, e, RP_GE, need, (int)r, RP_NONE, after + 1, em->timelines[r].horizon,
                "r%zu_t%zu", r, k);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    const params *pa = rule->params;
    if (pa->n_yields == 0 || pa->weight <= 0)
        return 0; /* no yields: the check alone, and the plans stay as they were */
    rp_expr e = {0};
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        const rp_experience *x = em->cohort->residents[r].experience;
        if (x && x->as_of == 0)
            continue; /* counts at completion: nothing left to plan */
        for (size_t k = 0; k < pa->n_targets; k++)
            emit_target(rule, em, r, k, &e);
    }
    rp_expr_free(&e);
    return 0;
}

/* ---- check: written apart from the rows ---- */

/* What the check judges of one target for one resident. */
typedef struct tally {
    bool any_logged;   /* some item of the target is in the residents file */
    bool supplemented; /* some item of the target is marked supplemented */
    double count;      /* logged, plus the projection when projecting */
} tally;

/* The yield of the item at the cell's place per month: the department's line first. */
static double cell_yield(const params *pa, int item, const rp_cell *c)
{
    double facility_rate = 0;
    for (size_t i = 0; i < pa->n_yields; i++) {
        if (pa->yields[i].facility != c->facility)
            continue;
        if (c->department >= 0 && pa->yields[i].department == c->department)
            return pa->yields[i].rate[item];
        if (pa->yields[i].department < 0)
            facility_rate = pa->yields[i].rate[item];
    }
    return facility_rate;
}

static tally count_target(const params *pa, const target *t, const rp_resident_plan *rp,
                          const rp_experience *x, bool project)
{
    tally c = {false, false, 0};
    for (size_t i = 0; i < t->n_items; i++) {
        int item = t->items[i];
        if (x && x->counts[item] >= 0) {
            c.any_logged = true;
            c.count += x->counts[item];
        }
        if (x && x->supplemented[item] && pa->supplementable)
            c.supplemented = true;
        if (!project)
            continue;
        for (int p = (x ? x->as_of : 0) + 1; p <= rp->horizon; p++) {
            rp_status s = rp->timeline.status[p];
            if (rp->cells[p].facility >= 0 && (s == RP_STATUS_FT || s == RP_STATUS_GC))
                c.count += cell_yield(pa, item, &rp->cells[p]);
        }
    }
    return c;
}

static void report(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out, size_t r,
                   const target *t, double count, rp_level level)
{
    const rp_resident_plan *rp = &ctx->residents[r];
    const char *id = rp->planned->id;
    double n = floor(count + 1e-9);
    char req[96], got[64];
    snprintf(req, sizeof req, "at least %d %s", t->at_least, t->label);
    snprintf(got, sizeof got, "%.0f", n);
    const char *fmt = level == RP_LEVEL_VIOLATION
                          ? "resident %s logged %.0f %s of the %d required at completion, and "
                            "no approved course is marked as making it up (supplemented)"
                      : level == RP_LEVEL_WARNING
                          ? "resident %s is projected to reach %.0f %s of the %d required (the "
                            "counts logged so far and the rule's yields over the plan's months)"
                          : "resident %s has logged %.0f %s of the %d required so far; the "
                            "months left must make up the rest";
    rp_finding *f = rp_finding_add(out, ctx, rule, (int)r, RP_NONE, 0, 0, req, got, fmt, id, n,
                                   t->label, t->at_least);
    f->level = level;
}

static void check_resident(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out,
                           size_t r)
{
    const params *pa = rule->params;
    const rp_resident_plan *rp = &ctx->residents[r];
    const rp_experience *x = rp->resident ? rp->resident->experience : NULL;
    if (!x && pa->n_yields == 0)
        return; /* nothing logged, nothing to project */
    bool final = x && (x->as_of == 0 || x->as_of >= rp->horizon);
    bool project = !final && pa->n_yields > 0;
    for (size_t k = 0; k < pa->n_targets; k++) {
        const target *t = &pa->targets[k];
        tally c = count_target(pa, t, rp, x, project);
        if (c.count + 1e-9 >= t->at_least || c.supplemented)
            continue;
        if (final && c.any_logged)
            report(rule, ctx, out, r, t, c.count, RP_LEVEL_VIOLATION);
        else if (project)
            report(rule, ctx, out, r, t, c.count, RP_LEVEL_WARNING);
        else if (!final && c.any_logged)
            report(rule, ctx, out, r, t, c.count, RP_LEVEL_FINDING);
    }
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    for (size_t r = 0; r < ctx->n_residents; r++)
        check_resident(rule, ctx, out, r);
}

/* The counts check_resident judges, for the report. */
static void tallies(const rp_rule *rule, const rp_check_ctx *ctx, size_t r, rp_tally **out,
                    size_t *n)
{
    const params *pa = rule->params;
    const rp_resident_plan *rp = &ctx->residents[r];
    const rp_experience *x = rp->resident ? rp->resident->experience : NULL;
    bool final = x && (x->as_of == 0 || x->as_of >= rp->horizon);
    bool project = !final && pa->n_yields > 0;
    *out = rp_xcalloc(pa->n_targets ? pa->n_targets : 1, sizeof **out);
    *n = pa->n_targets;
    for (size_t k = 0; k < pa->n_targets; k++) {
        const target *t = &pa->targets[k];
        tally c = count_target(pa, t, rp, x, project);
        rp_tally v = {t->label, c.count, t->at_least, c.any_logged, project, c.supplemented};
        (*out)[k] = v;
    }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    (void)m;
    const params *pa = rule->params;
    rp_buf targets = {0};
    for (size_t k = 0; k < pa->n_targets; k++)
        rp_buf_printf(&targets, "%s%s >= %d", k ? ", " : "", pa->targets[k].label,
                      pa->targets[k].at_least);
    char *s = rp_xasprintf(_("experience at completion: %s%s"), targets.len ? targets.data : "",
                           pa->n_yields ? _(" (yields given: planned toward)") : "");
    rp_buf_free(&targets);
    return s;
}

const rp_rule_kind rp_kind_experience_target = {
    .name = "experience-target",
    .on_cohort = true, /* a violation is a logged count: the residents file's, not the plan's */
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
    .tallies = tallies,
};
