/*
 * judge.c: see judge.h. Written from RULES.md (0.3 and the rules it cites) without calling what
 * the rows call: places.c, select.c, weeks.c and credit.c answer the same questions for the rows.
 * Only the model's data and accessors and the calendar are shared.
 */
#include "check/judge.h"

#include <stdlib.h>
#include <string.h>

#include "util/util.h"

/* ---- places, windows, selectors ---- */

static bool facility_listed(const int *ids, size_t n, int f)
{
    for (size_t i = 0; i < n; i++)
        if (ids[i] == f)
            return true;
    return false;
}

bool rp_judge_place(const rp_place_set *s, const rp_model *m, const rp_cell *c)
{
    if (c->facility == RP_NONE)
        return false;
    if (s->n_facilities > 0 && !facility_listed(s->facilities, s->n_facilities, c->facility))
        return false;
    bool by_department = s->any_field || s->n_departments > 0;
    if (!by_department)
        return true; /* any place at a listed facility */
    if (c->department == RP_NONE)
        return false; /* the facility as a whole has no field and no department id */
    const rp_department *dep = &m->facilities[c->facility].departments[c->department];
    bool field_listed = s->any_field && s->fields[dep->field];
    bool id_listed = false;
    for (size_t i = 0; i < s->n_departments && !id_listed; i++)
        id_listed = strcmp(dep->id, s->departments[i]) == 0;
    return field_listed || id_listed;
}

bool rp_judge_window(const rp_window *w, const rp_model *m, int p)
{
    if (w->year > 0) {
        int ppy = m->calendar.periods_per_year;
        int first = (w->year - 1) * ppy + 1;
        /* the extension periods beyond the programme belong to its last year */
        bool last_year = w->year == m->calendar.years;
        return p >= first && (last_year || p <= w->year * ppy);
    }
    if (w->first > 0)
        return p >= w->first && p <= w->last;
    return true;
}

bool rp_judge_selector(const rp_selector *sel, const rp_model *m, int f)
{
    if (f == RP_NONE)
        return false;
    bool ok = true;
    if (sel->n_ids > 0)
        ok = facility_listed(sel->ids, sel->n_ids, f);
    if (ok && sel->role != -1)
        ok = sel->role == (int)m->facilities[f].role;
    if (ok && sel->accreditation != -1)
        ok = sel->accreditation == (int)rp_facility_accreditation(m, f);
    if (ok && sel->rt_capable != -1)
        ok = (sel->rt_capable == 1) == rp_facility_rt_capable(m, f);
    return ok;
}

bool rp_judge_departments(const rp_dept_filter *df, const rp_model *m, int f, int d)
{
    if (df->n_ids == 0 || f == RP_NONE || d == RP_NONE)
        return true;
    const char *id = m->facilities[f].departments[d].id;
    for (size_t i = 0; i < df->n_ids; i++)
        if (strcmp(id, df->ids[i]) == 0)
            return true;
    return false;
}

bool rp_judge_role(const rp_model *m, int f, rp_role role)
{
    return f != RP_NONE && m->facilities[f].role == role;
}

int rp_judge_course_window(const rp_model *m, int k, int year)
{
    if (k == RP_NONE)
        return 0;
    const rp_course *c = &m->courses[k];
    if (c->window_year != year || c->window_months <= 0)
        return 0;
    return c->window_months;
}

/* ---- community medicine (INIT-40, INIT-41, INIT-43) ---- */

bool rp_judge_community_year(const rp_model *m, int year)
{
    int from = m->crediting.community_from_year;
    return from <= 0 ? true : year >= from;
}

bool rp_judge_community_site(const rp_model *m, int f)
{
    const rp_facility *fac = &m->facilities[f];
    /* 保健所 and overseas institutions are no 病院・診療所: never the block's site (INIT-44) */
    if (fac->kind == RP_KIND_OVERSEAS || fac->kind == RP_KIND_ADMIN)
        return false;
    int below = m->crediting.community_beds_below;
    if (below <= 0)
        return true;
    if (m->crediting.community_remote_any_size && fac->remote)
        return true;
    /* 200床未満: 199 beds count, 200 do not; unknown beds (-1) never show the site small */
    return fac->beds != -1 && fac->beds <= below - 1;
}

bool rp_judge_community_home_care(const rp_model *m, int f)
{
    return m->crediting.community_home_care ? m->facilities[f].home_care : true;
}

bool rp_judge_community(const rp_model *m, int f, int year)
{
    return rp_judge_community_year(m, year) && rp_judge_community_site(m, f) &&
           rp_judge_community_home_care(m, f);
}

/* ---- the credit of a week (RULES.md 0.3) ---- */

int rp_judge_field(const rp_model *m, int f, int d, const char *department_id)
{
    if (f == RP_NONE)
        return RP_NONE;
    if (d != RP_NONE)
        return (int)m->facilities[f].departments[d].field;
    return department_id ? (int)rp_model_field_of(m, department_id) : RP_NONE;
}

int rp_judge_clinic(const rp_model *m, int f, int d)
{
    if (f == RP_NONE || d == RP_NONE)
        return RP_NONE;
    const rp_department *dep = &m->facilities[f].departments[d];
    if (dep->field != RP_FIELD_GO)
        return RP_NONE;
    return dep->go_field;
}

/* δ of a parallel row in one of its weeks: half a day at a morning-only clinic whatever the row
 * says (INIT-38); a row given as a total of sessions (INIT-39, days_total) spreads them evenly
 * over its weeks. */
static double row_days(const rp_model *m, const rp_stint *s)
{
    bool mornings = s->facility != RP_NONE && s->department != RP_NONE &&
                    m->facilities[s->facility].departments[s->department].half_day_only;
    double each = mornings && s->days_per_week > 0.5 ? 0.5 : s->days_per_week;
    if (s->days_total > 0 && s->last >= s->first)
        return s->days_total * each / (s->last - s->first + 1);
    return each;
}

/* What the week's parallel rows add and take (INIT-32..35, INIT-38, INIT-44, INIT-50), given φ
 * (host) and the block's own field (block_field: community medicine even where INIT-43 makes it
 * an elective). A night of duty (INIT-35, 000 Q27) costs the block no day and earns emergency
 * days unless the model reads D-15's way (crediting.night_emergency false); a visit (INIT-44)
 * costs a community-medicine block nothing and any other block its days. The stints read are
 * those of `only` (n_only indices into the plan's stints), or every stint when only is NULL. */
static void add_sessions(const rp_check_ctx *ctx, size_t r, int p, int host, int block_field,
                         int block_facility, const size_t *only, size_t n_only,
                         rp_week_credit *out, double *loss)
{
    const rp_model *m = ctx->model;
    size_t n = only ? n_only : ctx->plan->n_stints;
    for (size_t i = 0; i < n; i++) {
        const rp_stint *s = &ctx->plan->stints[only ? only[i] : i];
        if (s->resident != (int)r || s->mode != RP_MODE_PARALLEL || p < s->first || p > s->last)
            continue;
        double delta = row_days(m, s);
        int k = rp_judge_field(m, s->facility, s->department, s->department_id);
        if (s->night) {
            out->em_days += k == RP_FIELD_EM && m->crediting.night_emergency ? delta : 0;
            continue;
        }
        if (s->visit) {
            if (block_field == RP_FIELD_CM)
                continue;
            *loss += delta;
            out->away_days += s->facility != block_facility ? delta : 0;
            continue;
        }
        int serves = rp_judge_clinic(m, s->facility, s->department);
        bool go = k == RP_FIELD_GO && serves != RP_NONE;
        /* dc(p, r, w): a GO session in the general clinic of φ, a field that double counts */
        bool dc = go && host != RP_NONE && serves == host && m->crediting.double_count[host];
        if (k == RP_FIELD_EM)
            out->em_days += delta;
        if (go)
            out->go_days += delta;
        if (s->facility != block_facility)
            out->away_days += delta;
        if (!dc)
            *loss += delta;
    }
}

/* rp_judge_week reading only the stints of `only` (NULL: every stint). */
static void judge_week(const rp_check_ctx *ctx, size_t r, int p, const size_t *only,
                       size_t n_only, rp_week_credit *out)
{
    const rp_model *m = ctx->model;
    const rp_cell *c = &ctx->residents[r].cells[p];
    memset(out, 0, sizeof *out);
    out->host = RP_NONE;
    out->go_block_field = RP_NONE;
    if (c->facility == RP_NONE)
        return;
    int year = rp_period_year(m, p);
    int field = rp_judge_field(m, c->facility, c->department, c->department_id), host = field;
    if (host == RP_FIELD_CM && !rp_judge_community(m, c->facility, year))
        host = RP_FIELD_ELECT; /* INIT-43: an elective, not 地域医療 */
    double loss = 0;
    add_sessions(ctx, r, p, host, field, c->facility, only, n_only, out, &loss);
    out->host = host;
    out->host_days = loss < m->calendar.days_per_week ? m->calendar.days_per_week - loss : 0;
    if (host != RP_FIELD_GO)
        return;
    /* a general-clinic block (INIT-36, INIT-37) */
    int serves = rp_judge_clinic(m, c->facility, c->department);
    if (serves == RP_NONE)
        return;
    out->go_days += out->host_days;
    bool valid = m->crediting.double_count[serves];
    if (valid && serves == RP_FIELD_CM)
        valid = rp_judge_community(m, c->facility, year);
    if (valid)
        out->go_block_field = serves;
}

void rp_judge_week(const rp_check_ctx *ctx, size_t r, int p, rp_week_credit *out)
{
    judge_week(ctx, r, p, NULL, 0, out);
}

rp_week_credit *rp_judge_credits(const rp_check_ctx *ctx, size_t r)
{
    int h = ctx->residents[r].horizon;
    rp_week_credit *credits = rp_xcalloc((size_t)h + 2, sizeof *credits);
    credits[0].host = credits[0].go_block_field = RP_NONE;
    credits[h + 1].host = credits[h + 1].go_block_field = RP_NONE;
    /* r's parallel stints, found once: each week reads those alone (every week reading every
     * stint of the plan made a check of 240 residents cost seconds) */
    size_t n_own = 0, *own = rp_xmalloc((ctx->plan->n_stints + 1) * sizeof *own);
    for (size_t i = 0; i < ctx->plan->n_stints; i++) {
        const rp_stint *s = &ctx->plan->stints[i];
        if (s->resident == (int)r && s->mode == RP_MODE_PARALLEL)
            own[n_own++] = i;
    }
    for (int p = 1; p <= h; p++)
        judge_week(ctx, r, p, own, n_own, &credits[p]);
    free(own);
    return credits;
}

bool rp_judge_in_run(const rp_week_credit *credits, int horizon, int p, int X, int run)
{
    /* count the stretch of weeks of X (block or clinic for X) through p, both ways */
    int n = 0;
    for (int q = p; q >= 1 && (credits[q].host == X || credits[q].go_block_field == X); q--)
        n++;
    for (int q = p + 1; q <= horizon && (credits[q].host == X || credits[q].go_block_field == X);
         q++)
        n++;
    return n >= run;
}
