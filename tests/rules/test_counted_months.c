/*
 * test_counted_months.c: kind `counted-months` (RAD-01: at least 36 counted months, 003 §7-1
 * L533, with leave credited as RAD-22..26 say). Every case pairs the plan
 * tests/rules/counted_months/plan.csv (r1, course A: keio 1-24, tokyo-mc 25-36) or abroad.csv
 * with a residents file of the same directory that gives r1's leave; each plan is checked directly
 * and substituted into the rows (plain and shaped).
 */
#include "kind_test.h"

#define DIR "tests/rules/counted_months/"

/* Loads the RAD-01-only model, the residents file <name>.yaml and the plan. */
typedef struct fixture {
    rp_model *m;
    rp_cohort *c;
    rp_plan *p;
} fixture;

static fixture load(const char *residents, const char *plan)
{
    fixture x;
    x.m = kt_model("RAD-01");
    char *path = rp_xasprintf(DIR "%s.yaml", residents);
    x.c = t_load_cohort(x.m, path);
    free(path);
    x.p = t_plan_file(x.m, plan ? plan : DIR "plan.csv");
    return x;
}

static void unload(fixture *x)
{
    rp_plan_free(x->p);
    rp_cohort_free(x->c);
    rp_model_free(x->m);
}

static void expect_compliant(const char *residents, const char *plan)
{
    fixture x = load(residents, plan);
    t_expect_compliant(x.m, x.c, x.p, "RAD-01");
    unload(&x);
}

/* One violation of RAD-01 over the whole horizon, with this found string, and `notes` other
 * findings (RAD-22's warnings and findings on maternity leave that counts nothing). */
static void expect_counted_noting(const char *residents, const char *plan, const char *found,
                                  size_t notes)
{
    fixture x = load(residents, plan);
    t_expect_violation(x.m, x.c, x.p, "RAD-01", 1);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(f.count, 1 + notes);
    assert_int_equal(kt_count(x.m, &f, "RAD-01", RP_LEVEL_VIOLATION), 1);
    const rp_finding *v = kt_nth(x.m, &f, "RAD-01", 0);
    assert_int_equal(v->level, RP_LEVEL_VIOLATION);
    assert_int_equal(v->resident, 0);
    assert_int_equal(v->facility, RP_NONE);
    assert_int_equal(v->first, 1);
    assert_int_equal(v->last, 36);
    assert_string_equal(v->required, "at least 36 months");
    assert_string_equal(v->found, found);
    rp_findings_free(&f);
    unload(&x);
}

static void expect_counted(const char *residents, const char *plan, const char *found)
{
    expect_counted_noting(residents, plan, found, 0);
}

/* RAD-22's note k on r1's maternity leave in months first..last, at level. */
static void expect_maternity_note(const char *residents, size_t k, int level, int first, int last,
                                  const char *found, const char *text)
{
    fixture x = load(residents, NULL);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    size_t seen = 0;
    const rp_finding *v = NULL;
    for (size_t i = 0; i < f.count && !v; i++)
        if (f.items[i].level != RP_LEVEL_VIOLATION && seen++ == k)
            v = &f.items[i];
    assert_non_null(v);
    assert_string_equal(x.m->rules[v->rule].id, "RAD-01");
    assert_int_equal(v->level, level);
    assert_int_equal(v->resident, 0);
    assert_int_equal(v->first, first);
    assert_int_equal(v->last, last);
    assert_string_equal(v->found, found);
    if (!strstr(v->message, text))
        fail_msg("'%s' lacks '%s'", v->message, text);
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-01 003 §7-1 L533 "研修期間は3年間以上です": 36 months of full-time training */
static void test_RAD01_L533_full_time_complies(void **state)
{
    (void)state;
    expect_compliant("full-time", NULL);
}

/* RAD-01 L533 with RAD-22 003 §10(1) L777 "出産に伴う6ヶ月以内の休暇は、1回までは研修期間に
 * カウントできます": 4 certified months count in full, 32 + 4 = 36 */
static void test_RAD01_L777_maternity_4_months_complies(void **state)
{
    (void)state;
    expect_compliant("maternity-4-certified", NULL);
}

/* RAD-01 L533, RAD-22 L777: exactly 6 certified months still count in full, 30 + 6 = 36 */
static void test_RAD01_L777_maternity_6_months_complies(void **state)
{
    (void)state;
    expect_compliant("maternity-6-certified", NULL);
}

/* RAD-01 L533, RAD-22 L777 and D-11: 8 certified months count 6, 28 + 6 = 34 < 36 */
static void test_RAD01_L777_maternity_8_months_counts_6(void **state)
{
    (void)state;
    expect_counted("maternity-8-certified", NULL, "34 months");
    fixture x = load("maternity-8-certified", NULL);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_string_equal(f.items[0].message,
                        "resident r1 has 34 counted months (28 in training, the rest credited "
                        "leave); the programme needs at least 36");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-01 L533, RAD-22 L777 "ただし、出産を証明する書類の添付が必要です": no certificate, no
 * credit: 34 + 0 */
static void test_RAD01_L777_maternity_without_certificate_counts_0(void **state)
{
    (void)state;
    expect_counted_noting("maternity-uncertified", NULL, "34 months", 1);
    /* RULES.md RAD-22: "without it the episode contributes 0 and a warning is given" */
    expect_maternity_note("maternity-uncertified", 0, RP_LEVEL_WARNING, 5, 6, "no certificate",
                          "resident r1's maternity leave in months 5-6 (2019-08 to 2019-09) has "
                          "no certificate: it counts nothing");
}

/* RAD-01 L533, RAD-22 L777 "1回まで…ただし、出産を証明する書類の添付が必要です" (RULES.md RAD-22:
 * "The first maternity episode contributes min(6, its months)... Later episodes contribute 0"):
 * the first episode is uncertified and counts 0; the certified second one is a later episode and
 * counts 0 too: 31 + 0. (Once the first certified episode counted: 31 + 3 = 34.) */
static void test_RAD01_L777_uncertified_first_maternity_uses_the_one_episode(void **state)
{
    (void)state;
    expect_counted_noting("maternity-uncertified-then-certified", NULL, "31 months", 2);
    expect_maternity_note("maternity-uncertified-then-certified", 0, RP_LEVEL_WARNING, 5, 6,
                          "no certificate", "uses up the one episode that counts");
    expect_maternity_note("maternity-uncertified-then-certified", 1, RP_LEVEL_FINDING, 17, 19,
                          "a later episode", "is not the first episode");
}

/* RAD-01 L533, RAD-22 L777 "1回まで": a second certified episode counts nothing, 30 + 3 = 33 */
static void test_RAD01_L777_second_maternity_counts_0(void **state)
{
    (void)state;
    expect_counted_noting("maternity-twice", NULL, "33 months", 1);
    expect_maternity_note("maternity-twice", 0, RP_LEVEL_FINDING, 17, 19, "a later episode",
                          "counts nothing toward the programme (RAD-22, 1回まで)");
}

/* RAD-01 L533, RAD-23 003 §10(2) L778 "疾病での休暇は、6ヶ月まで研修期間にカウントできます。
 * ただし、診断書の添付が必要です": certified sickness counts, 33 + 3 = 36 */
static void test_RAD01_L778_sickness_certified_complies(void **state)
{
    (void)state;
    expect_compliant("sickness-certified", NULL);
}

/* RAD-01 L533, RAD-23 L778: sickness without a medical certificate counts 0, 34 + 0 */
static void test_RAD01_L778_sickness_without_certificate_counts_0(void **state)
{
    (void)state;
    expect_counted("sickness-uncertified", NULL, "34 months");
}

/* RAD-01 L533, RAD-23 L778: sickness counts up to 6 months, 27 + 6 = 33 */
static void test_RAD01_L778_sickness_9_months_counts_6(void **state)
{
    (void)state;
    expect_counted("sickness-9-certified", NULL, "33 months");
}

/* RAD-01 L533, RAD-24 003 §10(3) L779 "週30時間以上の短時間雇用形態（非常勤）での研修は、上記の
 * 按分計算をする必要はなく": 6 months at 30 h a week count in full, 30 + 6 = 36 */
static void test_RAD01_L779_part_time_30h_complies(void **state)
{
    (void)state;
    expect_compliant("part-time-30h", NULL);
}

/* RAD-01 L533, RAD-24 L779 "8時間×100日=800時間をもって6ヶ月間として按分計算": 6 months at
 * 20 h a week hold 520 h = 3.9 months, 30 + 3.9 = 33.9 */
static void test_RAD01_L779_part_time_20h_pro_rata(void **state)
{
    (void)state;
    expect_counted("part-time-20h", NULL, "33.9 months");
}

/* RAD-01 L533 with RAD-22..24 (L777-L779, each "6ヶ月まで" on its own; E-6): maternity, sickness
 * and part-time are capped at 6 each, not together: 18 training + 6 + 6 + 6 = 36 */
static void test_RAD01_L777_E6_leave_caps_are_independent(void **state)
{
    (void)state;
    expect_compliant("credits-stack", NULL);
}

/* RAD-01 L533, RAD-25 003 §10(5) L781 "留学期間...は、研修期間にカウントできません": 12 months
 * abroad count 0, 24 < 36 */
static void test_RAD01_L781_study_abroad_counts_0(void **state)
{
    (void)state;
    expect_counted("abroad", DIR "abroad.csv", "24 months");
}

/* ---- bad parameters (the tiny model of kind_test.h: params on line 12) ---- */

static void test_RAD01_params_months_missing(void **state)
{
    (void)state;
    kt_bad_params("counted-months", " {}", "12:13: missing key 'months' in params of rule 'R-1'\n");
}

static void test_RAD01_params_absent(void **state)
{
    (void)state;
    kt_bad_params("counted-months", NULL,
                  "8:5: rule 'R-1' (kind 'counted-months') needs params with key 'months'\n");
}

static void test_RAD01_params_months_negative(void **state)
{
    (void)state;
    kt_bad_params("counted-months", " {months: -1}",
                  "12:22: months '-1' is out of range; expected a whole number from 1 to 1200\n");
}

static void test_RAD01_params_months_zero(void **state)
{
    (void)state;
    kt_bad_params("counted-months", " {months: 0}",
                  "12:22: months '0' is out of range; expected a whole number from 1 to 1200\n");
}

static void test_RAD01_params_months_not_a_number(void **state)
{
    (void)state;
    kt_bad_params("counted-months", " {months: 36.5}",
                  "12:22: months '36.5' is not a whole number; expected a whole number from 1 "
                  "to 1200\n");
}

static void test_RAD01_params_unknown_key_hint(void **state)
{
    (void)state;
    kt_bad_params("counted-months", " {month: 36}",
                  "12:14: unknown key 'month' in params of rule 'R-1'; did you mean 'months'?\n"
                  "12:13: missing key 'months' in params of rule 'R-1'\n");
}

static void test_RAD01_params_not_a_mapping(void **state)
{
    (void)state;
    kt_bad_params("counted-months", " [36]",
                  "12:13: params of rule 'R-1' is a list; expected a mapping\n"
                  "8:5: rule 'R-1' (kind 'counted-months') needs params with key 'months'\n");
}

static void test_RAD01_params_good(void **state)
{
    (void)state;
    kt_good_params("counted-months", " {months: 36}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_RAD01_L533_full_time_complies),
        cmocka_unit_test(test_RAD01_L777_maternity_4_months_complies),
        cmocka_unit_test(test_RAD01_L777_maternity_6_months_complies),
        cmocka_unit_test(test_RAD01_L777_maternity_8_months_counts_6),
        cmocka_unit_test(test_RAD01_L777_maternity_without_certificate_counts_0),
        cmocka_unit_test(test_RAD01_L777_second_maternity_counts_0),
        cmocka_unit_test(test_RAD01_L777_uncertified_first_maternity_uses_the_one_episode),
        cmocka_unit_test(test_RAD01_L778_sickness_certified_complies),
        cmocka_unit_test(test_RAD01_L778_sickness_without_certificate_counts_0),
        cmocka_unit_test(test_RAD01_L778_sickness_9_months_counts_6),
        cmocka_unit_test(test_RAD01_L779_part_time_30h_complies),
        cmocka_unit_test(test_RAD01_L779_part_time_20h_pro_rata),
        cmocka_unit_test(test_RAD01_L777_E6_leave_caps_are_independent),
        cmocka_unit_test(test_RAD01_L781_study_abroad_counts_0),
        cmocka_unit_test(test_RAD01_params_months_missing),
        cmocka_unit_test(test_RAD01_params_absent),
        cmocka_unit_test(test_RAD01_params_months_negative),
        cmocka_unit_test(test_RAD01_params_months_zero),
        cmocka_unit_test(test_RAD01_params_months_not_a_number),
        cmocka_unit_test(test_RAD01_params_unknown_key_hint),
        cmocka_unit_test(test_RAD01_params_not_a_mapping),
        cmocka_unit_test(test_RAD01_params_good),
    };
    return T_RUN(tests);
}
