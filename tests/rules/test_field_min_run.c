/*
 * test_field_min_run.c: kind `field-min-run`, block training in runs of at least 4 weeks
 * (RULES.md INIT-21, with INIT-20 and INIT-37: a general-clinic block joins the run of the field
 * it serves; a run of general-clinic blocks alone is never a violation; a community block that
 * fails INIT-40/41/43 is an elective, not a community run). Fixtures in
 * tests/rules/field_min_run/: variants of base.csv (init_test.h), one resident r1 of 2020.
 */
#include "init_test.h"

#define DIR "tests/rules/field_min_run/"
#define ID "INIT-21"
#define REQ "at least 4 weeks"

static void expect_compliant(const char *plan)
{
    it_fixture x = it_load(DIR, ID, plan, NULL);
    t_expect_compliant(x.m, x.c, x.p, ID);
    it_unload(&x);
}

/* A plan with n short runs; finding k (0-based) is the run first..last of field label. */
typedef struct run {
    int first, last;
    const char *found, *field;
} run;

static void expect_runs(const char *plan, size_t n, const run *runs)
{
    it_fixture x = it_load(DIR, ID, plan, NULL);
    t_expect_violation(x.m, x.c, x.p, ID, n);
    for (size_t k = 0; k < n; k++) {
        it_expect_finding(&x, ID, k, RP_LEVEL_VIOLATION, 0, "-", runs[k].first, runs[k].last, REQ,
                          runs[k].found);
        char *msg = it_message(&x, ID, k);
        if (!strstr(msg, runs[k].field))
            fail_msg("finding %zu names no %s: %s", k, runs[k].field, msg);
        free(msg);
    }
    it_unload(&x);
}

/* INIT-21, 000 Q22 (L35): "救急部門以外の必修分野の研修は、ブロック研修を行うことを基本としています
 * が、どのくらいの期間を想定していますか。" "一定のまとまった期間としては、4週単位によるブロック研修を
 * 想定しています。" Every required field of the base plan in blocks of 4 weeks or more. */
static void test_INIT21_Q22_L35_four_week_blocks_comply(void **state)
{
    (void)state;
    expect_compliant("base");
}

/* INIT-21, 000 Q22 (L35) (as above, "4週単位"): surgery cut to 3 weeks (the fourth an elective). */
static void test_INIT21_Q22_L35_three_week_surgery_block_violates(void **state)
{
    (void)state;
    run r[] = {{25, 27, "3 weeks", "surgery (外科)"}};
    expect_runs("surg-3-weeks", 1, r);
}

/* INIT-21, 000 Q22 (L35): every short run is reported, not only the first: surgery and
 * paediatrics both cut to 3 weeks. */
static void test_INIT21_Q22_L35_each_short_run_reported(void **state)
{
    (void)state;
    run r[] = {{25, 27, "3 weeks", "surgery (外科)"}, {29, 31, "3 weeks", "paediatrics (小児科)"}};
    expect_runs("surg-3-ped-3", 2, r);
}

/* INIT-21, 000 Q13 (L26): "研修期間をあらかじめ4週ではなく5週で計画する等" A 5-week surgery block:
 * the length need not be a multiple of 4. */
static void test_INIT21_Q13_L26_five_week_block_complies(void **state)
{
    (void)state;
    expect_compliant("surg-5-weeks");
}

/* INIT-21, INIT-20, 000 Q11 (L24): "原則として、必修分野の各診療科等（一般外来を除く）は、一定のまと
 * まった期間に研修（ブロック研修）を行うことを基本としています。" 一般外来 is exempt: 3 weeks in the
 * core's general clinic on their own (a run of the clinic's field with no block of it) break
 * nothing. */
static void test_INIT21_Q11_L24_three_week_general_clinic_block_complies(void **state)
{
    (void)state;
    expect_compliant("go-3-weeks-alone");
}

/* INIT-21, INIT-37, 000 Q41 (L56): "一般外来研修4週を内科外来で実施する場合、必修分野である内科研修
 * (24週)のうちの4週を一般外来に充て…" 2 weeks of internal medicine followed by 2 in the core's
 * general clinic (内科外来) are one run of 4 weeks. */
static void test_INIT21_Q41_L56_internal_medicine_and_its_clinic_make_one_run(void **state)
{
    (void)state;
    expect_compliant("im-2-go-2");
}

/* INIT-21, INIT-37, 000 Q41 (L56) (as above, "内科外来"): followed by 2 weeks in town's general
 * clinic, which serves community medicine, the 2 internal-medicine weeks are a run of 2. */
static void test_INIT21_Q41_L56_another_fields_clinic_does_not_join_the_run(void **state)
{
    (void)state;
    run r[] = {{45, 46, "2 weeks", "internal medicine (内科)"}};
    expect_runs("im-2-community-go-2", 1, r);
}

/* INIT-21 (RULES.md: "A run may cross the year boundary (w52→w53)"), 000 Q22 (L35): emergency in
 * weeks 51-54 is one run of 4. */
static void test_INIT21_Q22_L35_run_across_the_year_boundary_complies(void **state)
{
    (void)state;
    expect_compliant("em-across-years-4");
}

/* INIT-21, 000 Q22 (L35): emergency in weeks 51-53 is one run of 3 across the boundary, reported
 * once. */
static void test_INIT21_Q22_L35_short_run_across_the_year_boundary_violates(void **state)
{
    (void)state;
    run r[] = {{51, 53, "3 weeks", "emergency (救急)"}};
    expect_runs("em-across-years-3", 1, r);
}

/* INIT-21 with INIT-40, 000 Q10 (L23): "「2年次に地域医療を研修すること」" and Q36 (L51) "「選択科
 * 目」の欄に記載": 2 weeks of community medicine in year 1 are electives (INIT-40's to report), not
 * a short community run. */
static void test_INIT21_Q10_L23_community_weeks_in_year_1_are_no_run(void **state)
{
    (void)state;
    expect_compliant("cm-2-weeks-in-year-1");
}

/* ---- bad parameters (the tiny model of init_test.h: params on line 12) ---- */

static void test_INIT21_params_weeks_missing(void **state)
{
    (void)state;
    it_bad_params("field-min-run", " {fields: [IM]}",
                  "12:13: missing key 'weeks' in params of rule 'R-1'\n");
}

static void test_INIT21_params_weeks_not_whole(void **state)
{
    (void)state;
    it_bad_params("field-min-run", " {fields: [IM], weeks: 3.5}",
                  "12:35: weeks '3.5' is not a whole number; expected a whole number from 1 to "
                  "104\n");
}

static void test_INIT21_params_fields_not_a_list(void **state)
{
    (void)state;
    it_bad_params("field-min-run", " {fields: IM, weeks: 4}",
                  "12:22: fields of params of rule 'R-1' is 'IM'; expected a list\n");
}

static void test_INIT21_params_unknown_key(void **state)
{
    (void)state;
    it_bad_params("field-min-run", " {fields: [IM], week: 4}",
                  "12:28: unknown key 'week' in params of rule 'R-1'; did you mean 'weeks'?\n"
                  "12:13: missing key 'weeks' in params of rule 'R-1'\n");
}

static void test_INIT21_params_good(void **state)
{
    (void)state;
    it_good_params("field-min-run", " {fields: [IM, EM, CM], weeks: 4}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_INIT21_Q22_L35_four_week_blocks_comply),
        cmocka_unit_test(test_INIT21_Q22_L35_three_week_surgery_block_violates),
        cmocka_unit_test(test_INIT21_Q22_L35_each_short_run_reported),
        cmocka_unit_test(test_INIT21_Q13_L26_five_week_block_complies),
        cmocka_unit_test(test_INIT21_Q11_L24_three_week_general_clinic_block_complies),
        cmocka_unit_test(test_INIT21_Q41_L56_internal_medicine_and_its_clinic_make_one_run),
        cmocka_unit_test(test_INIT21_Q41_L56_another_fields_clinic_does_not_join_the_run),
        cmocka_unit_test(test_INIT21_Q22_L35_run_across_the_year_boundary_complies),
        cmocka_unit_test(test_INIT21_Q22_L35_short_run_across_the_year_boundary_violates),
        cmocka_unit_test(test_INIT21_Q10_L23_community_weeks_in_year_1_are_no_run),
        cmocka_unit_test(test_INIT21_params_weeks_missing),
        cmocka_unit_test(test_INIT21_params_weeks_not_whole),
        cmocka_unit_test(test_INIT21_params_fields_not_a_list),
        cmocka_unit_test(test_INIT21_params_unknown_key),
        cmocka_unit_test(test_INIT21_params_good),
    };
    return T_RUN(tests);
}
