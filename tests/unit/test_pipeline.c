/*
 * test_pipeline.c: end to end on the real model. The default cohort and both example cohorts
 * are translated, solved, decoded and checked: every plan the solver returns must pass every
 * rule's direct check. Then plans are mutated as a programme director might by hand (a stint
 * shortened, a 総合修練 month moved to a 修練 facility, a facility over its instructor limit)
 * and check must name the right rule. Invariants: the same input gives the same plan, and the
 * order of the residents does not change the optimum.
 */
#include "support.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "rotaplan/check.h"
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
    rp_translate_options topt = {plain, false};
    assert_int_equal(rp_translate(m, c, &topt, &t, &d), 0);
    assert_int_equal(t->n_uncovered, 0);
    assert_int_equal(rp_ilp_n_violated(t->ilp), 0);
    rp_solve_options opt = {120, 0, false, NULL, NULL};
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

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_default_plan_passes_check),
        cmocka_unit_test(test_cohort_12_passes_check),
        cmocka_unit_test(test_three_cohorts_and_mutations),
        cmocka_unit_test(test_invariants),
        cmocka_unit_test(test_shaped_equals_plain),
    };
    return T_RUN(tests);
}
