/*
 * space.c: the assignment space of ilp.h. For every resident it generates the pieces (facility,
 * periods a..b) that may be columns: every candidate up to the longest length a rule asks for,
 * kept when every enabled rule's admit hook accepts it, when it covers no period in which the
 * resident holds no facility (study abroad, non-clinical graduate school: those periods get
 * one-period pieces at RP_NONE) and when it agrees with the resident's pins. It then adds the
 * course columns c[r,k] of residents who may follow more than one course, with one choose-one row
 * each. Rule kinds read the space through the accessors of ilp.h.
 */
#include "translate/space.h"
#include "rotaplan/rule.h"
#include "rules/course.h"
#include "util/util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

typedef struct resident_space {
    int horizon;
    unsigned long long *condition; /* per piece: courses under which it may be chosen (bit k) */
    int *narrowed_by;              /* per piece: the rule that narrowed them, or -1 */
    rp_piece *pieces;
    size_t n_pieces, cap_pieces;
    int *cover;       /* piece indices, grouped by period */
    size_t *cover_at; /* [horizon + 2]: cover[cover_at[p] .. cover_at[p+1]) covers period p */
    int *course_col;  /* [n_courses]: column of c[r,k], -1 when none */
    int fixed_course; /* the course when fixed, else RP_ANY */
    bool *possible;   /* [n_courses] */
    unsigned long long all_courses; /* bits of the possible courses */
} resident_space;

struct rp_space {
    const rp_model *model;
    size_t n_residents;
    resident_space *res;
};

void rp_space_name_part(const char *text, char *out, size_t size)
{
    size_t k = 0;
    for (const char *p = text; *p && k + 1 < size; p++) {
        char c = *p;
        bool ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
        out[k++] = ok ? c : '_';
    }
    out[k] = '\0';
}

/* The pin of a resident that covers period p, or NULL. */
static const rp_pin *pin_at(const rp_resident *r, int p)
{
    for (size_t i = 0; r && i < r->n_pins; i++)
        if (r->pins[i].first <= p && p <= r->pins[i].last)
            return &r->pins[i];
    return NULL;
}

/* Whether a piece at (f, d) agrees with the pin of period p: the pinned facility, and the pinned
 * department when both name one (a facility planned as a whole takes the pinned department at
 * decoding). */
static bool agrees_with_pin(const rp_resident *r, int p, int f, int d)
{
    const rp_pin *pin = pin_at(r, p);
    return !pin || (pin->facility == f &&
                    (pin->department == RP_NONE || d == RP_NONE || pin->department == d));
}

static bool possible_course(const rp_model *m, const rp_resident *r, int k)
{
    return rp_resident_may_follow(m, r, k);
}

/* A facility is planned by department when one of its departments has a capacity (INIT-72) or
 * 指導医 (INIT-70); else as a whole (keio's internal tracks are the residents' to arrange,
 * RAD-21). */
bool rp_space_by_department(const rp_facility *f)
{
    for (size_t d = 0; d < f->n_departments; d++)
        if (f->departments[d].capacity >= 0 || f->departments[d].instructors >= 0)
            return true;
    return false;
}

static int longest_piece(const rp_model *m, const rp_resident *r, int f, int d, bool plain)
{
    int longest = 1;
    for (size_t i = 0; !plain && i < m->n_rules; i++) {
        const rp_rule *rule = &m->rules[i];
        if (!rule->enabled || !rule->kind->max_piece)
            continue;
        int n = rule->kind->max_piece(rule, m, r, f, d);
        if (n > longest)
            longest = n;
    }
    return longest;
}

/* The fewest periods candidate c must last for r: the most any enabled rule's min_piece hook
 * asks, or 1. Asked only where no rule caps the pieces (longest is 1); a resident with pins keeps
 * every length (a pinned stretch may be shorter than a block: a plan kept from an earlier one). */
static int shortest_piece(const rp_model *m, const rp_resident *r, const rp_piece *c, int longest,
                          bool plain)
{
    int shortest = 1;
    if (plain || longest > 1 || (r && r->n_pins > 0))
        return 1;
    for (size_t i = 0; i < m->n_rules; i++) {
        const rp_rule *rule = &m->rules[i];
        if (!rule->enabled || !rule->kind->min_piece)
            continue;
        int n = rule->kind->min_piece(rule, m, r, c);
        if (n > shortest)
            shortest = n;
    }
    return shortest;
}

/* Whether a candidate of len periods, of which rules ask at least `shortest`, is offered: one
 * period where they ask nothing; else `shortest` to 2 `shortest` - 1 periods, or exactly
 * `shortest` with a parallel session (a block's sessions come in stretches of that length:
 * every piece length times each session variant made the problem twice as large, BENCHMARKS.md
 * "Blocks of the lengths the rules ask for"). */
static bool offered_length(int len, int shortest, bool session)
{
    if (shortest <= 1)
        return len == 1;
    return len >= shortest && len <= (session ? shortest : 2 * shortest - 1);
}

/* Runs every enabled rule's admit hook on a candidate. Returns the first rule that refuses it,
 * or -1 when it is admitted; *mask receives the courses under which it may be chosen and
 * *narrowed the first rule that narrowed them (-1 when none did). */
static int judge(const rp_model *m, const rp_resident *r, const bool *possible,
                 const rp_piece *candidate, unsigned long long *mask, int *narrowed,
                 bool skip_programme)
{
    bool allowed[64];
    size_t nc = m->n_courses < 64 ? m->n_courses : 64;
    unsigned long long before = 0;
    for (size_t k = 0; k < nc; k++) {
        allowed[k] = possible[k];
        before |= (unsigned long long)possible[k] << k;
    }
    *narrowed = -1;
    for (size_t i = 0; i < m->n_rules; i++) {
        const rp_rule *rule = &m->rules[i];
        if (!rule->enabled || !rule->kind->admit ||
            (skip_programme && rule->cls == RP_CLASS_PROGRAMME))
            continue;
        if (!rule->kind->admit(rule, m, r, candidate, allowed))
            return (int)i;
        unsigned long long now = 0;
        for (size_t k = 0; k < nc; k++)
            now |= (unsigned long long)allowed[k] << k;
        if (now != before && *narrowed < 0)
            *narrowed = (int)i;
        if (nc > 0 && now == 0)
            return (int)i;
        before = now;
    }
    *mask = before;
    return -1;
}

typedef struct blame {
    int *rule; /* per period: a refusing rule, or -1 */
    bool *pinned;
} blame;

static void add_piece(rp_ilp *ilp, resident_space *rs, size_t ri, const rp_model *m,
                      const rp_piece *candidate, unsigned long long condition, int narrowed)
{
    int f = candidate->facility;
    char fname[64], dname[64] = "", pname[64] = "", name[256];
    rp_space_name_part(f == RP_NONE ? "none" : m->facilities[f].id, fname, sizeof fname);
    if (candidate->department >= 0) {
        dname[0] = '_';
        rp_space_name_part(m->facilities[f].departments[candidate->department].id, dname + 1,
                           sizeof dname - 1);
    }
    if (candidate->par_department >= 0) {
        memcpy(pname, candidate->par_night ? "_night" : "_with_", 6);
        rp_space_name_part(m->facilities[f].departments[candidate->par_department].id, pname + 6,
                           sizeof pname - 6);
    }
    snprintf(name, sizeof name, "x_r%zu_%s%s_%d_%d%s", ri, fname, dname, candidate->first,
             candidate->last, pname);
    rp_piece *pc = RP_PUSH(rs->pieces, rs->n_pieces, rs->cap_pieces);
    *pc = *candidate;
    pc->col = rp_ilp_add_col(ilp, name, RP_COL_BINARY, 0, 1);
    size_t cap = rs->n_pieces - 1, cap2 = cap;
    rp_grow(&rs->condition, &cap, rs->n_pieces, sizeof *rs->condition);
    rp_grow(&rs->narrowed_by, &cap2, rs->n_pieces, sizeof *rs->narrowed_by);
    rs->condition[rs->n_pieces - 1] = condition;
    rs->narrowed_by[rs->n_pieces - 1] = narrowed;
}

/* The parallel sessions the planner may add to a block at (f, d): the departments of ids[0..n)
 * (the model's parallel-training or night-duty departments) that facility f runs, other than the
 * block's own field. Writes their department indices into out and returns how many. */
static size_t session_choices(const rp_model *m, int f, int d, const char *const *ids, size_t n,
                              int *out)
{
    const rp_facility *fac = &m->facilities[f];
    size_t k = 0;
    for (size_t i = 0; d >= 0 && i < n; i++) {
        int pd = rp_facility_department(fac, ids[i]);
        if (pd >= 0 && fac->departments[pd].field != fac->departments[d].field)
            out[k++] = pd;
    }
    return k;
}

/* Candidates at (f, d) with session variant `par` (RP_NONE for none): every a..b of at most
 * `longest` periods that avoids the periods without a facility and agrees with the pins; then the
 * rules' admit hooks. Where a rule asks for blocks of at least L periods and none caps the
 * pieces (shortest_piece), the candidates are those offered_length admits. */
static void place_pieces(rp_ilp *ilp, resident_space *rs, size_t ri, const rp_model *m,
                         const rp_resident *r, const rp_timeline *t, int f, int d, int par,
                         bool night, bool plain, bool skip_programme, blame *bl)
{
    int longest = longest_piece(m, r, f, d, plain);
    rp_piece c = {f, d, 0, 0, -1, par, 0, false, night};
    if (par >= 0) /* a night is a night, whatever the clinic's daytime hours */
        c.par_days = !night && m->facilities[f].departments[par].half_day_only ? 0.5 : 1;
    c.first = 1;
    c.last = rs->horizon;
    int ask = shortest_piece(m, r, &c, longest, plain); /* the most any candidate may ask */
    bool shaped = ask > 1;
    if (shaped)
        longest = 2 * ask - 1;
    for (int a = 1; a <= rs->horizon; a++) {
        for (int b = a; b < a + longest && b <= rs->horizon; b++) {
            if (!rp_status_keeps_facility(t->status[b]))
                break;
            if (!agrees_with_pin(r, b, f, d)) {
                for (int p = a; p <= b; p++)
                    bl->pinned[p] = true;
                break;
            }
            c.first = a;
            c.last = b;
            if (shaped && !offered_length(b - a + 1, shortest_piece(m, r, &c, 1, plain), par >= 0))
                continue;
            unsigned long long mask = rs->all_courses;
            int narrowed = -1;
            int refuser =
                plain ? -1 : judge(m, r, rs->possible, &c, &mask, &narrowed, skip_programme);
            if (refuser >= 0) {
                for (int p = a; p <= b; p++)
                    if (bl->rule[p] < 0)
                        bl->rule[p] = refuser;
                continue;
            }
            add_piece(ilp, rs, ri, m, &c, mask, narrowed);
        }
    }
}

static void facility_pieces(rp_ilp *ilp, resident_space *rs, size_t ri, const rp_model *m,
                            const rp_resident *r, const rp_timeline *t, int f, bool plain,
                            bool skip_programme, blame *bl)
{
    const rp_facility *fac = &m->facilities[f];
    if (!rp_space_by_department(fac)) {
        place_pieces(ilp, rs, ri, m, r, t, f, RP_NONE, RP_NONE, false, plain, skip_programme,
                     bl);
        return;
    }
    for (size_t d = 0; d < fac->n_departments; d++) {
        if (fac->departments[d].capacity == 0)
            continue; /* a department that takes no resident */
        place_pieces(ilp, rs, ri, m, r, t, f, (int)d, RP_NONE, false, plain, skip_programme,
                     bl);
        for (int night = 0; night <= 1; night++) {
            const char *const *ids = night ? m->night_departments : m->parallel_departments;
            size_t nids = night ? m->n_night_departments : m->n_parallel_departments;
            int *sessions = rp_xcalloc(nids + 1, sizeof *sessions);
            size_t n = session_choices(m, f, (int)d, ids, nids, sessions);
            for (size_t i = 0; i < n; i++)
                place_pieces(ilp, rs, ri, m, r, t, f, (int)d, sessions[i], night, plain,
                             skip_programme, bl);
            free(sessions);
        }
    }
}

/* Whether the resident already has a piece like c (place, session, periods). */
static bool has_piece(const resident_space *rs, const rp_piece *c)
{
    for (size_t i = 0; i < rs->n_pieces; i++) {
        const rp_piece *p = &rs->pieces[i];
        if (p->first == c->first && p->last == c->last && p->facility == c->facility &&
            p->department == c->department && p->par_department == c->par_department &&
            p->par_night == c->par_night)
            return true;
    }
    return false;
}

/* The weekly session of the earlier plan's resident o in period p, at facility f: its department
 * (RP_NONE when none), days and whether it is a night. A session given as a total or a visit is
 * none a piece can hold (translate/anchor.c says so). */
typedef struct earlier_session {
    int department;
    double days;
    bool night;
} earlier_session;

static earlier_session session_of(const rp_plan *old, int o, int p, int f)
{
    earlier_session e = {RP_NONE, 0, false};
    for (size_t i = 0; i < old->n_stints; i++) {
        const rp_stint *st = &old->stints[i];
        if (st->resident == o && st->mode == RP_MODE_PARALLEL && st->facility == f &&
            st->department >= 0 && st->days_total <= 0 && !st->visit && st->first <= p &&
            p <= st->last) {
            e = (earlier_session){st->department, st->days_per_week, st->night};
            break;
        }
    }
    return e;
}

/* The earlier plan's session of resident o over all of c's periods at c's facility, or one with
 * department RP_NONE when it changes or stops inside c. */
static earlier_session session_over(const rp_plan *old, int o, const rp_piece *c)
{
    earlier_session e = session_of(old, o, c->first, c->facility);
    for (int p = c->first + 1; p <= c->last && e.department != RP_NONE; p++) {
        earlier_session q = session_of(old, o, p, c->facility);
        if (q.department != e.department || q.days != e.days || q.night != e.night)
            e.department = RP_NONE;
    }
    return e;
}

/* Whether the model offers session department pd at facility f (its parallel or night
 * departments): the space then has the variant already, where the rules admit it. */
static bool model_offers(const rp_model *m, int f, int pd, bool night)
{
    const char *const *ids = night ? m->night_departments : m->parallel_departments;
    size_t n = night ? m->n_night_departments : m->n_parallel_departments;
    for (size_t i = 0; i < n; i++)
        if (strcmp(ids[i], m->facilities[f].departments[pd].id) == 0)
            return true;
    return false;
}

/* translate.h `earlier`: the earlier plan's blocks of the resident, each as one piece, where the
 * space's pieces of its place cannot tile it and the rules admit it. A space shaped to the lengths the rules ask for
 * (min_piece) may hold no piece for a block the check accepts (2 weeks of 内科 beside 2 of its
 * clinic, 000 Q41 L56); a what-if must still keep such a past, and its rows then judge the piece
 * (field-min-run writes its rows for a resident with a short piece). */
/* Whether the session-free pieces of c's place tile c's periods (in the space, a place's pieces
 * come in the order of their first period). */
static bool composable(const resident_space *rs, const rp_piece *c)
{
    int len = c->last - c->first + 1;
    bool *reach = rp_xcalloc((size_t)len + 1, sizeof *reach); /* reach[k]: first..first+k-1 */
    reach[0] = true;
    for (size_t i = 0; i < rs->n_pieces; i++) {
        const rp_piece *p = &rs->pieces[i];
        if (p->facility == c->facility && p->department == c->department &&
            p->par_department == RP_NONE && p->first >= c->first && p->last <= c->last &&
            reach[p->first - c->first])
            reach[p->last - c->first + 1] = true;
    }
    bool ok = reach[len];
    free(reach);
    return ok;
}

static void earlier_block_pieces(rp_ilp *ilp, resident_space *rs, size_t ri, const rp_model *m,
                                 const rp_resident *r, const rp_timeline *t, const rp_plan *old)
{
    int o = rp_plan_resident_index(old, r->id);
    for (size_t i = 0; o != RP_NONE && i < old->n_stints; i++) {
        const rp_stint *st = &old->stints[i];
        if (st->resident != o || st->mode != RP_MODE_BLOCK || st->facility < 0 ||
            st->department_id || st->first < 1 || st->first > rs->horizon)
            continue;
        const rp_facility *fac = &m->facilities[st->facility];
        rp_piece c = {st->facility, rp_space_by_department(fac) ? st->department : RP_NONE,
                      st->first, st->last < rs->horizon ? st->last : rs->horizon, -1, RP_NONE,
                      0, false, false};
        bool held = true;
        for (int p = c.first; p <= c.last; p++)
            held = held && rp_status_keeps_facility(t->status[p]) &&
                   agrees_with_pin(r, p, c.facility, c.department);
        if (!held || (c.department >= 0 && fac->departments[c.department].capacity == 0))
            continue;
        unsigned long long mask = rs->all_courses;
        int narrowed = -1;
        if (composable(rs, &c) || judge(m, r, rs->possible, &c, &mask, &narrowed, false) >= 0)
            continue;
        add_piece(ilp, rs, ri, m, &c, mask, narrowed);
    }
}

/* translate.h `earlier`: each session-free piece of a resident of the earlier plan also in the
 * variant with the session the earlier plan holds over its periods, when the rules admit it and
 * the space has no such piece yet (the model's own parallel or night departments). */
static void earlier_session_pieces(rp_ilp *ilp, resident_space *rs, size_t ri, const rp_model *m,
                                   const rp_resident *r, const rp_plan *old)
{
    int o = rp_plan_resident_index(old, r->id);
    bool any = false;
    for (size_t i = 0; o != RP_NONE && i < old->n_stints && !any; i++)
        any = old->stints[i].resident == o && old->stints[i].mode == RP_MODE_PARALLEL;
    size_t n = rs->n_pieces;
    for (size_t i = 0; any && i < n; i++) {
        rp_piece c = rs->pieces[i];
        if (c.facility == RP_NONE || c.par_department != RP_NONE)
            continue;
        earlier_session e = session_over(old, o, &c);
        if (e.department == RP_NONE || (c.department >= 0 && e.department == c.department) ||
            model_offers(m, c.facility, e.department, e.night))
            continue;
        c.par_department = e.department;
        c.par_days = e.days;
        c.par_night = e.night;
        c.col = -1;
        unsigned long long mask = rs->all_courses;
        int narrowed = -1;
        if (has_piece(rs, &c) || judge(m, r, rs->possible, &c, &mask, &narrowed, false) >= 0)
            continue;
        add_piece(ilp, rs, ri, m, &c, mask & rs->condition[i],
                  narrowed >= 0 ? narrowed : rs->narrowed_by[i]);
    }
}

/* The first period of a resident (starting in year cohort) that begins on or after day d: a
 * period is governed by the changes in force on its first day (changes.c). */
static int first_period_from(const rp_model *m, int cohort, rp_date d)
{
    int p = rp_period_of_day(m, cohort, d);
    if (p < 1)
        return 1;
    if (rp_date_to_days(rp_period_first_day(m, cohort, p)) < rp_date_to_days(d))
        p++;
    return p;
}

/* The periods of r at which a what-if change starts or ends (the day after its last). */
static size_t change_periods(const rp_model *m, const rp_resident *r, int horizon, int *out,
                             size_t max)
{
    size_t n = 0;
    for (size_t i = 0; i < m->n_changes && n + 2 <= max; i++) {
        const rp_change *c = &m->changes[i];
        int a = first_period_from(m, r->cohort, c->from);
        if (a > 1 && a <= horizon)
            out[n++] = a;
        if (c->until.year) {
            rp_date after = rp_date_from_days(rp_date_to_days(c->until) + 1);
            int b = first_period_from(m, r->cohort, after);
            if (b > 1 && b <= horizon)
                out[n++] = b;
        }
    }
    return n;
}

/* What-if cuts: each piece that a change date falls inside is also offered in two parts, cut at
 * that date, when the hard rules admit them (rules of class PROG may refuse: the part is then
 * flagged bent; it keeps the courses of the piece it was cut from). Parts are cut again at
 * later dates. */
static void split_pieces(rp_ilp *ilp, resident_space *rs, size_t ri, const rp_model *m,
                         const rp_resident *r)
{
    size_t max_at = 2 * m->n_changes;
    int *at = rp_xcalloc(max_at + 1, sizeof *at);
    size_t n_at = change_periods(m, r, rs->horizon, at, max_at);
    for (size_t i = 0; i < rs->n_pieces; i++) {
        for (size_t k = 0; k < n_at; k++) {
            rp_piece whole = rs->pieces[i];
            if (whole.facility == RP_NONE || at[k] <= whole.first || at[k] > whole.last)
                continue;
            rp_piece part[2] = {whole, whole};
            part[0].last = at[k] - 1;
            part[1].first = at[k];
            for (int h = 0; h < 2; h++) {
                unsigned long long mask = rs->all_courses, strict = rs->all_courses;
                int narrowed = -1, ignored = -1;
                if (has_piece(rs, &part[h]) ||
                    judge(m, r, rs->possible, &part[h], &mask, &narrowed, true) >= 0)
                    continue;
                part[h].bent = judge(m, r, rs->possible, &part[h], &strict, &ignored, false) >= 0;
                add_piece(ilp, rs, ri, m, &part[h], mask & rs->condition[i],
                          narrowed >= 0 ? narrowed : rs->narrowed_by[i]);
            }
        }
    }
    free(at);
}

static void index_cover(resident_space *rs)
{
    size_t h = (size_t)rs->horizon;
    rs->cover_at = rp_xcalloc(h + 2, sizeof *rs->cover_at);
    for (size_t i = 0; i < rs->n_pieces; i++)
        for (int p = rs->pieces[i].first; p <= rs->pieces[i].last; p++)
            rs->cover_at[p + 1]++;
    for (size_t p = 1; p <= h + 1; p++)
        rs->cover_at[p] += rs->cover_at[p - 1];
    size_t *fill = rp_xcalloc(h + 2, sizeof *fill);
    rs->cover = rp_xmalloc((rs->cover_at[h + 1] + 1) * sizeof *rs->cover);
    for (size_t i = 0; i < rs->n_pieces; i++)
        for (int p = rs->pieces[i].first; p <= rs->pieces[i].last; p++)
            rs->cover[rs->cover_at[p] + fill[p]++] = (int)i;
    free(fill);
}

/* The courses r may follow: its own, or every course (those with graduate school only, when a
 * graduate entry year is asked for). */
static void possible_courses(resident_space *rs, const rp_model *m, const rp_resident *r)
{
    rs->course_col = rp_xmalloc((m->n_courses + 1) * sizeof *rs->course_col);
    rs->possible = rp_xcalloc(m->n_courses + 1, sizeof *rs->possible);
    rs->fixed_course = r->course;
    rs->all_courses = 0;
    size_t n_possible = 0;
    for (size_t k = 0; k < m->n_courses; k++) {
        rs->course_col[k] = -1;
        rs->possible[k] = possible_course(m, r, (int)k);
        n_possible += rs->possible[k];
        if (rs->possible[k] && k < 64)
            rs->all_courses |= 1ULL << k;
    }
    if (r->course == RP_ANY && n_possible == 1)
        for (size_t k = 0; k < m->n_courses; k++)
            if (rs->possible[k])
                rs->fixed_course = (int)k;
}

/* c[r,k] for each course r may follow, and sum_k c[r,k] = 1, when the solver chooses. */
static void course_columns(rp_ilp *ilp, resident_space *rs, size_t ri, const rp_model *m)
{
    if (rs->fixed_course != RP_ANY || rs->all_courses == 0)
        return; /* a fixed course, or a model without courses */
    rp_expr e = {0};
    for (size_t k = 0; k < m->n_courses; k++) {
        if (!rs->possible[k])
            continue;
        char name[96], cname[48];
        rp_space_name_part(m->courses[k].id, cname, sizeof cname);
        snprintf(name, sizeof name, "c_r%zu_%s", ri, cname);
        rs->course_col[k] = rp_ilp_add_col(ilp, name, RP_COL_BINARY, 0, 1);
        rp_expr_add(&e, rs->course_col[k], 1);
    }
    char row[64];
    snprintf(row, sizeof row, "course_r%zu", ri);
    rp_row_tag tag = {RP_NONE, (int)ri, RP_NONE, 0, 0};
    rp_ilp_add_row(ilp, row, &e, RP_EQ, 1, tag);
    rp_expr_free(&e);
}

/* Pieces that rules allow only under some courses: for each period and each such set of courses,
 * the pieces covering the period (which exclude one another) sum to at most the set's course
 * columns. Tagged with the rule that narrowed them. */
static void condition_rows(rp_ilp *ilp, const resident_space *rs, size_t ri, const rp_model *m)
{
    if (rs->fixed_course != RP_ANY)
        return; /* a fixed course never keeps a piece it excludes */
    rp_expr e = {0};
    for (int p = 1; p <= rs->horizon; p++) {
        size_t n = rs->cover_at[p + 1] - rs->cover_at[p];
        const int *cov = rs->cover + rs->cover_at[p];
        for (size_t i = 0; i < n; i++) {
            unsigned long long mask = rs->condition[cov[i]];
            if (mask == rs->all_courses)
                continue;
            bool first = true; /* handle each distinct mask once, at its first piece */
            for (size_t j = 0; j < i; j++)
                first = first && rs->condition[cov[j]] != mask;
            if (!first)
                continue;
            rp_expr_clear(&e);
            for (size_t j = i; j < n; j++)
                if (rs->condition[cov[j]] == mask)
                    rp_expr_add(&e, rs->pieces[cov[j]].col, 1);
            for (size_t k = 0; k < m->n_courses && k < 64; k++)
                if (mask >> k & 1)
                    rp_expr_add(&e, rs->course_col[k], -1);
            int rule = rs->narrowed_by[cov[i]];
            char prefix[64] = "course";
            if (rule >= 0)
                rp_rule_row_prefix(&m->rules[rule], prefix, sizeof prefix);
            char name[128];
            snprintf(name, sizeof name, "%s_courses_r%zu_p%d_%llx", prefix, ri, p, mask);
            rp_row_tag tag = {rule, (int)ri, RP_NONE, p, p};
            rp_ilp_add_row(ilp, name, &e, RP_LE, 0, tag);
        }
    }
    rp_expr_free(&e);
}

static void note_uncovered(const resident_space *rs, size_t ri, const blame *bl,
                           rp_uncovered **out, size_t *n, size_t *cap)
{
    for (int p = 1; p <= rs->horizon; p++) {
        if (rs->cover_at[p + 1] > rs->cover_at[p])
            continue;
        rp_uncovered *u = RP_PUSH(*out, *n, *cap);
        u->resident = (int)ri;
        u->period = p;
        u->pinned = bl->pinned[p];
        u->rule = bl->rule[p] >= 0 ? bl->rule[p] : RP_NONE;
    }
}

rp_space *rp_space_build(const rp_model *m, const rp_cohort *c, const rp_timeline *timelines,
                         rp_ilp *ilp, const rp_translate_options *opt, rp_uncovered **uncovered,
                         size_t *n_uncovered)
{
    bool plain = opt->plain, split = opt->split_at_changes;
    bool skip_programme = opt->programme_unshaped;
    rp_space *s = rp_xcalloc(1, sizeof *s);
    s->model = m;
    s->n_residents = c->n_residents;
    s->res = rp_xcalloc(c->n_residents + 1, sizeof *s->res);
    size_t cap = 0;
    *uncovered = NULL;
    *n_uncovered = 0;
    for (size_t ri = 0; ri < c->n_residents; ri++) {
        const rp_resident *r = &c->residents[ri];
        const rp_timeline *t = &timelines[ri];
        resident_space *rs = &s->res[ri];
        rs->horizon = t->horizon;
        blame bl = {rp_xmalloc(((size_t)rs->horizon + 1) * sizeof *bl.rule),
                    rp_xcalloc((size_t)rs->horizon + 1, sizeof *bl.pinned)};
        for (int p = 0; p <= rs->horizon; p++)
            bl.rule[p] = -1;
        possible_courses(rs, m, r);
        for (size_t f = 0; f < m->n_facilities; f++)
            facility_pieces(ilp, rs, ri, m, r, t, (int)f, plain, skip_programme, &bl);
        if (opt->earlier && !plain)
            earlier_block_pieces(ilp, rs, ri, m, r, t, opt->earlier);
        if (split && !plain && (!opt->cut_residents || opt->cut_residents[ri]))
            split_pieces(ilp, rs, ri, m, r);
        if (opt->earlier && !plain)
            earlier_session_pieces(ilp, rs, ri, m, r, opt->earlier);
        for (int p = 1; p <= rs->horizon; p++) {
            if (!rp_status_keeps_facility(t->status[p])) {
                rp_piece none = {RP_NONE, RP_NONE, p, p, -1, RP_NONE, 0, false, false};
                add_piece(ilp, rs, ri, m, &none, rs->all_courses, -1);
            }
        }
        index_cover(rs);
        note_uncovered(rs, ri, &bl, uncovered, n_uncovered, &cap);
        free(bl.rule);
        free(bl.pinned);
        course_columns(ilp, rs, ri, m);
        condition_rows(ilp, rs, ri, m);
    }
    return s;
}

int rp_space_refuser(const rp_space *s, size_t r, const rp_resident *res, const rp_piece *c)
{
    unsigned long long mask = 0;
    int narrowed = -1;
    return judge(s->model, res, s->res[r].possible, c, &mask, &narrowed, true);
}

void rp_space_free(rp_space *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n_residents; i++) {
        free(s->res[i].pieces);
        free(s->res[i].cover);
        free(s->res[i].cover_at);
        free(s->res[i].course_col);
        free(s->res[i].possible);
        free(s->res[i].condition);
        free(s->res[i].narrowed_by);
    }
    free(s->res);
    free(s);
}

/* ---- accessors of ilp.h ---- */

size_t rp_space_n_residents(const rp_space *s)
{
    return s->n_residents;
}

int rp_space_horizon(const rp_space *s, size_t r)
{
    return s->res[r].horizon;
}

const rp_piece *rp_space_pieces(const rp_space *s, size_t r, size_t *n)
{
    *n = s->res[r].n_pieces;
    return s->res[r].pieces;
}

const int *rp_space_covering(const rp_space *s, size_t r, int p, size_t *n)
{
    const resident_space *rs = &s->res[r];
    if (p < 1 || p > rs->horizon) {
        *n = 0;
        return NULL;
    }
    *n = rs->cover_at[p + 1] - rs->cover_at[p];
    return rs->cover + rs->cover_at[p];
}

void rp_space_add_z(const rp_space *s, rp_expr *e, size_t r, int p, int facility, double coef)
{
    size_t n;
    const int *cov = rp_space_covering(s, r, p, &n);
    const rp_piece *pieces = s->res[r].pieces;
    for (size_t i = 0; i < n; i++)
        if (pieces[cov[i]].facility == facility)
            rp_expr_add(e, pieces[cov[i]].col, coef);
}

void rp_space_add_zd(const rp_space *s, rp_expr *e, size_t r, int p, int facility,
                     int department, double coef)
{
    size_t n;
    const int *cov = rp_space_covering(s, r, p, &n);
    const rp_piece *pieces = s->res[r].pieces;
    for (size_t i = 0; i < n; i++)
        if (pieces[cov[i]].facility == facility && pieces[cov[i]].department == department)
            rp_expr_add(e, pieces[cov[i]].col, coef);
}

void rp_space_add_course(const rp_space *s, rp_expr *e, size_t r, int course, double coef)
{
    const resident_space *rs = &s->res[r];
    if (rs->fixed_course != RP_ANY) {
        if (rs->fixed_course == course)
            rp_expr_add_constant(e, coef);
        return;
    }
    if (rs->course_col[course] >= 0)
        rp_expr_add(e, rs->course_col[course], coef);
}

bool rp_space_course_possible(const rp_space *s, size_t r, int course)
{
    const resident_space *rs = &s->res[r];
    if (rs->fixed_course != RP_ANY)
        return rs->fixed_course == course;
    return rs->possible[course];
}

int rp_space_course_col(const rp_space *s, size_t r, int course)
{
    const resident_space *rs = &s->res[r];
    return rs->fixed_course != RP_ANY ? -1 : rs->course_col[course];
}

int rp_space_fixed_course(const rp_space *s, size_t r)
{
    return s->res[r].fixed_course;
}

/* ---- emit helpers ---- */

void rp_rule_row_prefix(const rp_rule *rule, char *out, size_t size)
{
    rp_space_name_part(rule->id, out, size);
    /* "RAD_04" -> "RAD04": row names carry the id without its hyphen */
    size_t k = 0;
    for (size_t i = 0; out[i]; i++)
        if (out[i] != '_')
            out[k++] = out[i];
    out[k] = '\0';
}

static char *emit_name(const rp_emit *em, const char *fmt, va_list ap)
{
    char prefix[64];
    rp_rule_row_prefix(&em->model->rules[em->rule], prefix, sizeof prefix);
    char *suffix = rp_xvasprintf(fmt, ap);
    char *name = rp_xasprintf("%s_%s", prefix, suffix);
    free(suffix);
    return name;
}

/* The slack columns that let a row of a PROG rule bend (one for each side it may give). */
static void add_bend(rp_emit *em, rp_expr *e, rp_sense sense, const char *row)
{
    rp_expr_normalize(e);
    if (e->n == 0)
        return; /* the row holds or fails whatever the plan: rp_ilp_add_row says which */
    char name[300];
    if (sense != RP_LE) { /* >= or =: may fall short */
        snprintf(name, sizeof name, "bend_%.250s", row);
        int c = rp_ilp_add_col(em->ilp, name, RP_COL_CONTINUOUS, 0, 1e9);
        rp_expr_add(e, c, 1);
        *RP_PUSH(em->bend_cols, em->n_bend_cols, em->cap_bend_cols) = c;
    }
    if (sense != RP_GE) { /* <= or =: may go over */
        snprintf(name, sizeof name, "bend_%.250s_over", row);
        int c = rp_ilp_add_col(em->ilp, name, RP_COL_CONTINUOUS, 0, 1e9);
        rp_expr_add(e, c, -1);
        *RP_PUSH(em->bend_cols, em->n_bend_cols, em->cap_bend_cols) = c;
    }
}

int rp_emit_row(rp_emit *em, rp_expr *e, rp_sense sense, double rhs, int resident, int facility,
                int first, int last, const char *name_fmt, ...)
{
    va_list ap;
    va_start(ap, name_fmt);
    char *name = emit_name(em, name_fmt, ap);
    va_end(ap);
    rp_row_tag tag = {em->rule, resident, facility, first, last};
    if (em->bend && em->rule >= 0 && em->model->rules[em->rule].cls == RP_CLASS_PROGRAMME)
        add_bend(em, e, sense, name);
    int ret = rp_ilp_add_row(em->ilp, name, e, sense, rhs, tag);
    free(name);
    return ret;
}

int rp_emit_col(rp_emit *em, rp_col_kind kind, double lb, double ub, const char *name_fmt, ...)
{
    va_list ap;
    va_start(ap, name_fmt);
    char *name = emit_name(em, name_fmt, ap);
    va_end(ap);
    int c = rp_ilp_add_col(em->ilp, name, kind, lb, ub);
    free(name);
    return c;
}
