/*
 * test_pipeline.c: end to end on the real models. The default cohorts and the example cohorts
 * are translated, solved, decoded and checked: every plan the solver returns must pass every
 * rule's direct check. Then plans are mutated as a programme director might by hand (a stint
 * shortened, a 総合修練 month moved to a 修練 facility, a facility over its instructor limit; a
 * required block cut to 3 weeks, community medicine moved to year 1 or to a large hospital,
 * psychiatry as a weekly parallel day) and check must name the right rule. Invariants: the same
 * input gives the same plan, and the order of the residents does not change the optimum.
 */
#include "support.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rotaplan/calendar.h"
#include "rotaplan/check.h"
#include "rotaplan/credit.h"
#include "rotaplan/report.h"
#include "rotaplan/solve.h"
#include "rotaplan/translate.h"
#include "util/util.h"

typedef struct solved {
    rp_plan *plan;
    double objective;
} solved;

static solved solve_in(const rp_model *m, const rp_cohort *c, bool plain)
{
    rp_translation *t = NULL;
    rp_diags d = RP_DIAGS_INIT;
    rp_translate_options topt = {plain, false, false, false, false, NULL, NULL};
    assert_int_equal(rp_translate(m, c, &topt, &t, &d), 0);
    assert_int_equal(t->n_uncovered, 0);
    assert_int_equal(rp_ilp_n_violated(t->ilp), 0);
    rp_solve_options opt = {120, 0, false, NULL, NULL, NULL};
    rp_solve_result res;
    assert_int_equal(rp_solve(t->ilp, &opt, &res, &d), 0);
    assert_int_equal(res.status, RP_SOLVE_OPTIMAL);
    solved s = {NULL, res.objective};
    assert_int_equal(rp_decode(t, res.x, &s.plan, &d), 0);
    rp_solve_result_free(&res);
    rp_translation_free(t);
    rp_diags_free(&d);
    return s;
}

static solved solve(const rp_model *m, const rp_cohort *c)
{
    return solve_in(m, c, false);
}

/* Violations by rule id, as "RAD-02 RAD-07 " (each id once, in rule order). */
static char *violated_rules(const rp_model *m, const rp_cohort *c, const rp_plan *p)
{
    rp_findings f = RP_FINDINGS_INIT;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_check_plan(m, c, p, &f, &d), 0);
    rp_buf b = {0};
    for (size_t i = 0; i < f.count; i++) {
        if (f.items[i].level != RP_LEVEL_VIOLATION)
            continue;
        if (i > 0 && f.items[i - 1].rule == f.items[i].rule &&
            f.items[i - 1].level == RP_LEVEL_VIOLATION)
            continue;
        rp_buf_printf(&b, "%s ", m->rules[f.items[i].rule].id);
    }
    rp_findings_free(&f);
    rp_diags_free(&d);
    return rp_buf_take(&b);
}

static void expect_compliant(const rp_model *m, const rp_cohort *c, const rp_plan *p)
{
    char *v = violated_rules(m, c, p);
    assert_string_equal(v, "");
    free(v);
}

static bool mentions(const char *list, const char *id)
{
    char *needle = rp_xasprintf("%s ", id);
    bool found = strstr(list, needle) != NULL;
    free(needle);
    return found;
}

static void test_default_plan_passes_check(void **state)
{
    (void)state;
    rp_model *m = t_load_model("models/radiology-keio-2019.yaml");
    rp_cohort *c = rp_cohort_default(m);
    solved s = solve(m, c);
    assert_int_equal(s.plan->n_residents, 36);
    expect_compliant(m, c, s.plan);
    rp_plan_free(s.plan);
    rp_cohort_free(c);
    rp_model_free(m);
}

static void test_cohort_12_passes_check(void **state)
{
    (void)state;
    rp_model *m = t_load_model("models/radiology-keio-2019.yaml");
    rp_cohort *c = t_load_cohort(m, "examples/radiology-cohort-12.yaml");
    solved s = solve(m, c);
    assert_int_equal(s.plan->n_residents, 12);
    expect_compliant(m, c, s.plan);
    /* the pinned year 3 at St. Luke's is in the plan */
    int r = rp_plan_resident_index(s.plan, "r2019-04");
    bool pinned = false;
    for (size_t i = 0; i < s.plan->n_stints; i++) {
        const rp_stint *st = &s.plan->stints[i];
        pinned = pinned || (st->resident == r && st->first <= 25 && st->last >= 36 &&
                            strcmp(m->facilities[st->facility].id, "st-lukes") == 0);
    }
    assert_true(pinned);
    rp_plan_free(s.plan);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* The period of resident r's first stint at a facility satisfying want, or 0. */
static size_t find_stint(const rp_model *m, const rp_plan *p, bool (*want)(const rp_model *,
                                                                         const rp_stint *))
{
    for (size_t i = 0; i < p->n_stints; i++)
        if (want(m, &p->stints[i]))
            return i + 1;
    return 0;
}

static bool partner_year(const rp_model *m, const rp_stint *s)
{
    return s->facility >= 0 && m->facilities[s->facility].role == RP_ROLE_PARTNER &&
           s->last - s->first + 1 >= 12 && s->first > 1;
}

/* A director shortens a partner year to two months and sends the resident back to the base:
 * RAD-04 (no partner stint under 3 months) is broken. */
static void mutate_shorten(const rp_model *m, const rp_cohort *c, const rp_plan *orig)
{
    rp_plan *p = rp_plan_new();
    for (size_t i = 0; i < orig->n_residents; i++)
        rp_plan_add_resident(p, orig->residents[i].id, orig->residents[i].name,
                             orig->residents[i].cohort, orig->residents[i].course);
    size_t k = find_stint(m, orig, partner_year);
    assert_true(k > 0);
    for (size_t i = 0; i < orig->n_stints; i++) {
        rp_stint s = orig->stints[i];
        if (i == k - 1) {
            rp_stint back = s;
            s.last = s.first + 1;
            back.first = s.first + 2;
            back.facility = rp_model_facility(m, "keio");
            rp_plan_add_stint(p, &back);
        }
        rp_plan_add_stint(p, &s);
    }
    rp_plan_sort(p);
    char *v = violated_rules(m, c, p);
    assert_true(mentions(v, "RAD-04"));
    free(v);
    rp_plan_free(p);
}

/* Months of resident r at 総合修練 facilities. */
static int sogo_months(const rp_model *m, const rp_plan *p, int r)
{
    int n = 0;
    for (size_t i = 0; i < p->n_stints; i++) {
        const rp_stint *s = &p->stints[i];
        if (s->resident == r && s->facility >= 0 &&
            rp_facility_accreditation(m, s->facility) == RP_ACCR_SOGO)
            n += s->last - s->first + 1;
    }
    return n;
}

/* A resident with exactly 12 総合修練 months has one of them moved to hino (修練): RAD-02. */
static void mutate_sogo(const rp_model *m, const rp_cohort *c, rp_plan *p)
{
    int r = -1;
    for (size_t i = 0; i < p->n_residents && r < 0; i++)
        if (sogo_months(m, p, (int)i) == 12)
            r = (int)i;
    assert_true(r >= 0);
    for (size_t i = 0; i < p->n_stints; i++) {
        rp_stint *s = &p->stints[i];
        if (s->resident != r || rp_facility_accreditation(m, s->facility) != RP_ACCR_SOGO)
            continue;
        rp_stint moved = *s;
        moved.first = moved.last;
        moved.facility = rp_model_facility(m, "hino");
        s->last--;
        rp_plan_add_stint(p, &moved);
        break;
    }
    rp_plan_sort(p);
    assert_int_equal(sogo_months(m, p, r), 11);
    char *v = violated_rules(m, c, p);
    assert_true(mentions(v, "RAD-02"));
    free(v);
}

/* Five residents' year 3 moved to keiyu (3 x 1.5 instructors: at most 4): RAD-12. */
static void mutate_instructors(const rp_model *m, const rp_cohort *c, rp_plan *p)
{
    int keiyu = rp_model_facility(m, "keiyu"), moved = 0;
    for (size_t i = 0; i < p->n_stints && moved < 5; i++) {
        rp_stint *s = &p->stints[i];
        if (s->first == 25 && s->last == 36 && p->residents[s->resident].cohort == 2019 &&
            m->facilities[s->facility].role == RP_ROLE_PARTNER) {
            s->facility = keiyu;
            moved++;
        }
    }
    assert_int_equal(moved, 5);
    char *v = violated_rules(m, c, p);
    assert_true(mentions(v, "RAD-12"));
    free(v);
}

static void test_three_cohorts_and_mutations(void **state)
{
    (void)state;
    rp_model *m = t_load_model("models/radiology-keio-2019.yaml");
    rp_cohort *c = t_load_cohort(m, "examples/radiology-cohorts.yaml");
    solved s = solve(m, c);
    assert_int_equal(s.plan->n_residents, 36);
    expect_compliant(m, c, s.plan);
    mutate_shorten(m, c, s.plan);
    mutate_sogo(m, c, s.plan);
    rp_plan_free(s.plan);
    s = solve(m, c);
    mutate_instructors(m, c, s.plan);
    rp_plan_free(s.plan);
    rp_cohort_free(c);
    rp_model_free(m);
}

static char *csv_text(const rp_model *m, const rp_plan *p)
{
    char *buf = NULL;
    size_t len = 0;
    FILE *fp = open_memstream(&buf, &len);
    assert_int_equal(rp_report_plan(m, p, RP_FORMAT_CSV, fp), 0);
    fclose(fp);
    return buf;
}

/* Same input, same bytes; residents in reverse order, same optimum. */
static void test_invariants(void **state)
{
    (void)state;
    rp_model *m = t_load_model("models/radiology-keio-2019.yaml");
    rp_cohort *c = t_load_cohort(m, "examples/radiology-cohort-12.yaml");
    solved a = solve(m, c), b = solve(m, c);
    char *ta = csv_text(m, a.plan), *tb = csv_text(m, b.plan);
    assert_string_equal(ta, tb);
    free(ta);
    free(tb);
    for (size_t i = 0; i < c->n_residents / 2; i++) {
        rp_resident tmp = c->residents[i];
        c->residents[i] = c->residents[c->n_residents - 1 - i];
        c->residents[c->n_residents - 1 - i] = tmp;
    }
    solved r = solve(m, c);
    assert_true(fabs(r.objective - a.objective) < 1e-6);
    expect_compliant(m, c, r.plan);
    rp_plan_free(a.plan);
    rp_plan_free(b.plan);
    rp_plan_free(r.plan);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* The pieces shaped by the rules' admit hooks lose no plan: the plain model (one piece a month,
 * every rule's rows written out) reaches the same optimum, and both plans pass check. */
static void test_shaped_equals_plain(void **state)
{
    (void)state;
    rp_model *m = t_load_model("models/radiology-keio-2019.yaml");
    rp_cohort *c = t_load_cohort(m, "tests/fixtures/radiology-small.yaml");
    solved shaped = solve_in(m, c, false), plain = solve_in(m, c, true);
    assert_true(fabs(shaped.objective - plain.objective) < 1e-6);
    expect_compliant(m, c, shaped.plan);
    expect_compliant(m, c, plain.plan);
    rp_plan_free(shaped.plan);
    rp_plan_free(plain.plan);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* ---- the initial residency (models/initial-residency-2020.yaml) ---- */

#define INIT_MODEL "models/initial-residency-2020.yaml"

/* Solves with a first plan built resident by resident, as `rotaplan plan` does (src/cli/plan.c:
 * the columns of each resident in turn, rp_solve_sequential), within time_limit seconds. The
 * decoded plan goes to *out; returns the solver's status. */
static rp_solve_status solve_with_first_plan(const rp_model *m, const rp_cohort *c,
                                             double time_limit, rp_plan **out)
{
    rp_translation *t = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_translate(m, c, NULL, &t, &d), 0);
    assert_int_equal(t->n_uncovered, 0);
    assert_int_equal(rp_ilp_n_violated(t->ilp), 0);
    size_t n = t->n_residents;
    int **groups = rp_xcalloc(n + 1, sizeof *groups);
    size_t *sizes = rp_xcalloc(n + 1, sizeof *sizes);
    for (size_t r = 0; r < n; r++)
        sizes[r] = rp_translation_resident_columns(t, r, &groups[r]);
    rp_first_plan first = {(const int *const *)groups, sizes, n, NULL, NULL, NULL, NULL, NULL};
    rp_solve_options opt = {time_limit, 0, false, NULL, &first, NULL};
    rp_solve_result res;
    assert_int_equal(rp_solve(t->ilp, &opt, &res, &d), 0);
    for (size_t r = 0; r < n; r++)
        free(groups[r]);
    free(groups);
    free(sizes);
    assert_non_null(res.x);
    assert_int_equal(rp_decode(t, res.x, out, &d), 0);
    rp_solve_status status = res.status;
    rp_solve_result_free(&res);
    rp_translation_free(t);
    rp_diags_free(&d);
    return status;
}

static int stint_field(const rp_model *m, const rp_stint *s)
{
    return rp_place_field(m, (rp_place){s->facility, s->department, s->department_id});
}

/* The block stint of resident r covering week p, or -1. */
static int block_at(const rp_plan *p, int r, int week)
{
    for (size_t i = 0; i < p->n_stints; i++) {
        const rp_stint *s = &p->stints[i];
        if (s->resident == r && s->mode == RP_MODE_BLOCK && s->first <= week && week <= s->last)
            return (int)i;
    }
    return -1;
}

static rp_plan *copy_plan(const rp_plan *orig)
{
    rp_plan *p = rp_plan_new();
    for (size_t i = 0; i < orig->n_residents; i++)
        rp_plan_add_resident(p, orig->residents[i].id, orig->residents[i].name,
                             orig->residents[i].cohort, orig->residents[i].course);
    for (size_t i = 0; i < orig->n_stints; i++)
        rp_plan_add_stint(p, &orig->stints[i]);
    return p;
}

/* Whether check finds a violation of rule id for resident r (any resident when r < 0) starting
 * in week first (any week when first < 1). */
static bool violates(const rp_model *m, const rp_cohort *c, const rp_plan *p, const char *id,
                     int r, int first)
{
    rp_findings f = RP_FINDINGS_INIT;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_check_plan(m, c, p, &f, &d), 0);
    bool found = false;
    for (size_t i = 0; i < f.count; i++) {
        const rp_finding *v = &f.items[i];
        found = found || (v->level == RP_LEVEL_VIOLATION && strcmp(m->rules[v->rule].id, id) == 0 &&
                          (r < 0 || v->resident == r) && (first < 1 || v->first == first));
    }
    rp_findings_free(&f);
    rp_diags_free(&d);
    return found;
}

/* A 4-week block of 外科, 小児科, 産婦人科 or 精神科 between blocks of other fields (its whole run)
 * has its last week given to the core's radiology (an elective): a run of 3 weeks, INIT-21
 * (000 Q22 L35, "4週単位によるブロック研修"). */
static void mutate_block_to_three_weeks(const rp_model *m, const rp_cohort *c, const rp_plan *orig)
{
    rp_plan *p = copy_plan(orig);
    int k = -1;
    for (size_t i = 0; i < p->n_stints && k < 0; i++) {
        const rp_stint *s = &p->stints[i];
        int X = stint_field(m, s);
        if (s->mode != RP_MODE_BLOCK || s->last - s->first + 1 != 4 ||
            (X != RP_FIELD_SURG && X != RP_FIELD_PED && X != RP_FIELD_OBGYN && X != RP_FIELD_PSY))
            continue;
        int before = block_at(p, s->resident, s->first - 1);
        int after = block_at(p, s->resident, s->last + 1);
        if ((before < 0 || stint_field(m, &p->stints[before]) != X) &&
            (after < 0 || stint_field(m, &p->stints[after]) != X))
            k = (int)i;
    }
    assert_true(k >= 0);
    rp_stint cut = p->stints[k], elective = cut;
    elective.first = elective.last = cut.last;
    elective.facility = rp_model_facility(m, "core");
    elective.department = rp_facility_department(&m->facilities[elective.facility], "radiology");
    elective.department_id = NULL;
    p->stints[k].last--;
    rp_plan_add_stint(p, &elective);
    rp_plan_sort(p);
    assert_true(violates(m, c, p, "INIT-21", cut.resident, cut.first));
    rp_plan_free(p);
}

/* The first community-medicine block of the plan (block index), or fails. */
static int community_block(const rp_model *m, const rp_plan *p)
{
    for (size_t i = 0; i < p->n_stints; i++)
        if (p->stints[i].mode == RP_MODE_BLOCK && stint_field(m, &p->stints[i]) == RP_FIELD_CM)
            return (int)i;
    fail_msg("no community block in the plan");
    return -1;
}

/* A resident's community block swapped with a year-1 block of the same length: community
 * medicine in year 1, INIT-40 (000 Q10 L23, "2年次に地域医療を研修すること"). */
static void mutate_community_to_year_1(const rp_model *m, const rp_cohort *c, const rp_plan *orig)
{
    rp_plan *p = copy_plan(orig);
    int k = community_block(m, p), y = -1;
    rp_stint *cm = &p->stints[k];
    for (size_t i = 0; i < p->n_stints && y < 0; i++) {
        const rp_stint *s = &p->stints[i];
        if (s->resident == cm->resident && s->mode == RP_MODE_BLOCK && s->last <= 52 &&
            s->last - s->first == cm->last - cm->first && stint_field(m, s) != RP_FIELD_CM)
            y = (int)i;
    }
    assert_true(y >= 0);
    rp_stint *one = &p->stints[y];
    int first = one->first, last = one->last;
    one->first = cm->first;
    one->last = cm->last;
    cm->first = first;
    cm->last = last;
    int r = cm->resident;
    rp_plan_sort(p);
    assert_true(violates(m, c, p, "INIT-40", r, first));
    rp_plan_free(p);
}

/* A community block moved to city (350 beds, not remote), which runs no community department:
 * the rules judge it, INIT-41 (000 Q31 L46, "200床以上の病院を…見直しは必要"). */
static void mutate_community_to_city(const rp_model *m, const rp_cohort *c, const rp_plan *orig)
{
    rp_plan *p = copy_plan(orig);
    rp_stint *cm = &p->stints[community_block(m, p)];
    cm->facility = rp_model_facility(m, "city");
    cm->department = RP_NONE;
    cm->department_id = "community";
    int r = cm->resident, first = cm->first;
    assert_true(violates(m, c, p, "INIT-41", r, first));
    rp_plan_free(p);
}

/* A resident's psychiatry block made a core elective, and psychiatry given instead as a weekly
 * day at psych for 20 weeks: INIT-30 (000 Q14 L27, "精神科での研修を週1回として行うことは可能で
 * すか" "認められません"). */
static void mutate_psychiatry_to_weekly_day(const rp_model *m, const rp_cohort *c,
                                            const rp_plan *orig)
{
    rp_plan *p = copy_plan(orig);
    int k = -1;
    for (size_t i = 0; i < p->n_stints && k < 0; i++)
        if (p->stints[i].mode == RP_MODE_BLOCK && stint_field(m, &p->stints[i]) == RP_FIELD_PSY)
            k = (int)i;
    assert_true(k >= 0);
    rp_stint *psy = &p->stints[k];
    rp_stint day = *psy;
    psy->facility = rp_model_facility(m, "core");
    psy->department = rp_facility_department(&m->facilities[psy->facility], "radiology");
    day.mode = RP_MODE_PARALLEL;
    day.first = 1;
    day.last = 20;
    day.days_per_week = 1;
    rp_plan_add_stint(p, &day);
    rp_plan_sort(p);
    assert_true(violates(m, c, p, "INIT-30", day.resident, 1));
    rp_plan_free(p);
}

/* The initial model's default cohort (10 of 2020 and 10 of 2021, sharing every department)
 * solves to optimality; the plan passes every check; the four mutations of the issue fail with
 * their rule ids. */
static void test_initial_default_cohort_and_mutations(void **state)
{
    (void)state;
    rp_model *m = t_load_model(INIT_MODEL);
    rp_cohort *c = rp_cohort_default(m);
    assert_int_equal(c->n_residents, 20);
    rp_plan *p = NULL;
    assert_int_equal(solve_with_first_plan(m, c, 120, &p), RP_SOLVE_OPTIMAL);
    assert_int_equal(p->n_residents, 20);
    expect_compliant(m, c, p);
    mutate_block_to_three_weeks(m, c, p);
    mutate_community_to_year_1(m, c, p);
    mutate_community_to_city(m, c, p);
    mutate_psychiatry_to_weekly_day(m, c, p);
    rp_plan_free(p);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* examples/initial-cohort-30.yaml (wishes, leave, pins) within 60 s: optimal or the best plan
 * found, which passes every check; i2020-12's 100 days of leave extend its programme by 2 weeks
 * (INIT-61, 000 Q07 L18: 10 days beyond the 90), its plan reaches week 106, and INIT-60's finding
 * (not a violation) says so. */
static void test_initial_cohort_30_passes_check_with_extension(void **state)
{
    (void)state;
    rp_model *m = t_load_model(INIT_MODEL);
    rp_cohort *c = t_load_cohort(m, "examples/initial-cohort-30.yaml");
    rp_plan *p = NULL;
    rp_solve_status status = solve_with_first_plan(m, c, 60, &p);
    assert_true(status == RP_SOLVE_OPTIMAL || status == RP_SOLVE_FEASIBLE);
    assert_int_equal(p->n_residents, 30);
    expect_compliant(m, c, p);
    int r = rp_plan_resident_index(p, "i2020-12");
    assert_true(r >= 0);
    assert_int_equal(rp_horizon(m, &c->residents[rp_cohort_resident(c, "i2020-12")]), 106);
    int reached = 0;
    for (size_t i = 0; i < p->n_stints; i++)
        if (p->stints[i].resident == r && p->stints[i].mode == RP_MODE_BLOCK &&
            p->stints[i].last > reached)
            reached = p->stints[i].last;
    assert_int_equal(reached, 106);
    assert_true(block_at(p, r, 105) >= 0 && block_at(p, r, 106) >= 0);
    rp_findings f = RP_FINDINGS_INIT;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_check_plan(m, c, p, &f, &d), 0);
    size_t extensions = 0;
    for (size_t i = 0; i < f.count; i++) {
        const rp_finding *v = &f.items[i];
        if (strcmp(m->rules[v->rule].id, "INIT-60") != 0)
            continue;
        extensions++;
        assert_int_equal(v->level, RP_LEVEL_FINDING);
        assert_int_equal(v->resident, r);
        assert_int_equal(v->first, 105);
        assert_int_equal(v->last, 106);
        assert_non_null(strstr(v->message, "takes 100 days of leave, 10 beyond the 90 allowed: "
                                           "the programme is extended by 2 weeks, to 2022-04-14"));
    }
    assert_int_equal(extensions, 1);
    rp_findings_free(&f);
    rp_diags_free(&d);
    rp_plan_free(p);
    rp_cohort_free(c);
    rp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_plan_passes_check),
        cmocka_unit_test(test_cohort_12_passes_check),
        cmocka_unit_test(test_three_cohorts_and_mutations),
        cmocka_unit_test(test_invariants),
        cmocka_unit_test(test_shaped_equals_plain),
        cmocka_unit_test(test_initial_default_cohort_and_mutations),
        cmocka_unit_test(test_initial_cohort_30_passes_check_with_extension),
    };
    return T_RUN(tests);
}
