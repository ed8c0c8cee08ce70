/*
 * test_community_condition.c: kind `community-condition`, when and where community medicine
 * (地域医療) may be trained: RULES.md INIT-40 (year 2, or an extension year), INIT-41 (a facility
 * of fewer than 200 beds, or a remote or island area of any size) and INIT-43 (home care
 * provided). Fixtures in tests/rules/community_condition/: variants of base.csv (init_test.h), one
 * resident r1 of 2020; the sites' beds, remoteness and home care are changed in the loaded model
 * where a case needs a site the example group does not have.
 */
#include "init_test.h"

#define DIR "tests/rules/community_condition/"

#define YEAR "year 2 or later"
#define SITE "fewer than the bed limit, or a remote or island area"
#define HOME "a facility providing home care"

static void expect_compliant(const char *id, const char *plan, const char *residents)
{
    it_fixture x = it_load(DIR, id, plan, residents);
    t_expect_compliant(x.m, x.c, x.p, id);
    it_unload(&x);
}

/* ---- INIT-40: year 2 ---- */

/* INIT-40, 000 Q10 (L23): "必修分野において研修時期に制約があるのは、地域医療のみであり、「2年次に地
 * 域医療を研修すること」としています。" Community medicine in weeks 53-56. */
static void test_INIT40_Q10_L23_community_medicine_in_year_2_complies(void **state)
{
    (void)state;
    expect_compliant("INIT-40", "base", NULL);
}

/* INIT-40, 000 Q10 (L23) (as above): community medicine moved to weeks 49-52, year 1 (the
 * mutation of the issue). The shaped model holds no community piece in year 1. */
static void test_INIT40_Q10_L23_community_medicine_in_year_1_violates(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, "INIT-40", "cm-year-1", NULL);
    t_expect_violation(x.m, x.c, x.p, "INIT-40", 1);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, false, NULL), -1);
    it_expect_finding(&x, "INIT-40", 0, RP_LEVEL_VIOLATION, 0, "clinic", 49, 52, YEAR, "year 1");
    char *msg = it_message(&x, "INIT-40", 0);
    assert_non_null(strstr(msg, "those weeks count as electives"));
    /* issue 14: a week span ends on its last week's last day (week 52 holds the surplus days),
     * not on that week's first day (2021-03-24) */
    assert_non_null(strstr(msg, "in weeks 49-52 (2021-03-03 to 2021-03-31)"));
    free(msg);
    it_unload(&x);
}

/* INIT-40, 000 Q10 (L23) (as above): a community block in weeks 51-54 breaks the rule in its
 * year-1 weeks only. */
static void test_INIT40_Q10_L23_block_across_the_year_boundary_violates_in_year_1(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, "INIT-40", "cm-across-years", NULL);
    t_expect_violation(x.m, x.c, x.p, "INIT-40", 1);
    it_expect_finding(&x, "INIT-40", 0, RP_LEVEL_VIOLATION, 0, "clinic", 51, 52, YEAR, "year 1");
    it_unload(&x);
}

/* INIT-40, INIT-61 (RULES.md INIT-40: "Extension weeks (year 3) are also allowed, for make-up"),
 * 000 Q10 (L23): with 100 days of leave the programme runs to week 106; community medicine in
 * weeks 103-106 crosses into the extension (away in the weeks of the leave, 40-60: INIT-61). */
static void test_INIT40_Q10_L23_community_medicine_in_extension_complies(void **state)
{
    (void)state;
    expect_compliant("INIT-40", "cm-in-extension", "leave-100");
}

/* ---- INIT-41: fewer than 200 beds, or remote ---- */

/* INIT-41, 000 Q32 (L47): "地域医療での研修先としては、…へき地・離島の医療機関および許可病床数が200
 * 床未満の病院又は診療所において適宜選択としています。" clinic, a 19-bed 診療所. */
static void test_INIT41_Q32_L47_clinic_under_200_beds_complies(void **state)
{
    (void)state;
    expect_compliant("INIT-41", "base", NULL);
}

/* INIT-41, 000 Q31 (L46): "ただし、へき地・離島の中小病院であれば200床以上であっても研修先として認め
 * られます。" island, 250 beds in a remote island area. */
static void test_INIT41_Q31_L46_remote_hospital_over_200_beds_complies(void **state)
{
    (void)state;
    expect_compliant("INIT-41", "cm-island", NULL);
}

/* INIT-41, 000 Q31 (L46): "200床以上の病院を地域医療の研修先に指定していた場合、見直しは必要となりま
 * す。" The same 250-bed hospital were it not remote. */
static void test_INIT41_Q31_L46_hospital_over_200_beds_not_remote_violates(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, "INIT-41", "cm-island", NULL);
    it_facility(x.m, "island")->remote = false;
    t_expect_violation(x.m, x.c, x.p, "INIT-41", 1);
    it_expect_finding(&x, "INIT-41", 0, RP_LEVEL_VIOLATION, 0, "island", 53, 56, SITE,
                      "island: 250 beds, not remote");
    it_unload(&x);
}

/* INIT-41, 000 Q30 (L45): "研修プログラムにて地域医療分野で定める「200床未満の規模の病院・診療所」は、
 * 「中小病院・診療所」よりも対象範囲を狭めており…" town with 199 beds qualifies. */
static void test_INIT41_Q30_L45_199_beds_complies(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, "INIT-41", "cm-town", NULL);
    it_facility(x.m, "town")->beds = 199;
    t_expect_compliant(x.m, x.c, x.p, "INIT-41");
    it_unload(&x);
}

/* INIT-41, 000 Q30 (L45) (as above, "200床未満"): with 200 beds exactly it does not. */
static void test_INIT41_Q30_L45_exactly_200_beds_violates(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, "INIT-41", "cm-town", NULL);
    it_facility(x.m, "town")->beds = 200;
    t_expect_violation(x.m, x.c, x.p, "INIT-41", 1);
    it_expect_finding(&x, "INIT-41", 0, RP_LEVEL_VIOLATION, 0, "town", 53, 56, SITE,
                      "town: 200 beds, not remote");
    it_unload(&x);
}

/* INIT-41, 000 Q31 (L46) (as above, "200床以上の病院…見直しは必要"): community medicine moved to
 * city (350 beds, not remote; the mutation of the issue). city runs no community department:
 * the plan reader accepts it, as the model knows the department elsewhere, and the rules judge
 * it; the ILP has no such piece. */
static void test_INIT41_Q31_L46_community_medicine_at_city_violates(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, "INIT-41", "cm-city", NULL);
    it_expect_outside(&x, "INIT-41", 1);
    it_expect_finding(&x, "INIT-41", 0, RP_LEVEL_VIOLATION, 0, "city", 53, 56, SITE,
                      "city: 350 beds, not remote");
    it_unload(&x);
}

/*
 * INIT-41, 000 Q32 (L47): "地域医療の研修先施設は、医療機関のみに限定されるのでしょうか。" "…へき地・
 * 離島の医療機関および許可病床数が200床未満の病院又は診療所において適宜選択としています。また、研修を
 * 行う上で有益な施設、例えば、保健所等で1～2日程度行うことは差し支えありません。" The 1-2 days at a
 * 保健所 within a community block (RULES.md INIT-44, admin_days) are not modelled: the plan format
 * has no column for them. The facility part is: a whole 4-week community block at the health
 * centre (kind admin, beds 0) is at no hospital or clinic, and RULES.md INIT-44 exempts only
 * those 2 days from INIT-41. The health centre runs no community department: outside the ILP.
 *
 * KNOWN DISAGREEMENT, kept failing on purpose: the site condition (credit.c,
 * rp_community_meets) reads beds 0 < 200 as a small hospital and accepts the health centre, so
 * check finds no INIT-41 violation (INIT-43 alone catches it, the centre giving no home care).
 */
static void test_INIT41_Q32_L47_community_block_at_health_centre_violates(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, "INIT-41", "cm-health", NULL);
    it_expect_outside(&x, "INIT-41", 1);
    it_unload(&x);
}

/* ---- INIT-43: home care ---- */

/* INIT-43, 000 Q35 (L50): "在宅医療の研修は必須となりますが、研修期間に制約はありません。" clinic
 * provides home care. */
static void test_INIT43_Q35_L50_site_with_home_care_complies(void **state)
{
    (void)state;
    expect_compliant("INIT-43", "base", NULL);
}

/* INIT-43, 000 Q36 (L51): "地域医療の研修期間に在宅医療の研修を行わない場合、様式1別紙3において「研修
 * を行う分野」には、どの欄に記載すればよろしいでしょうか。" "「選択科目」の欄に記載をしてください。"
 * The same clinic were it to provide no home care. */
static void test_INIT43_Q36_L51_site_without_home_care_violates(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, "INIT-43", "base", NULL);
    it_facility(x.m, "clinic")->home_care = false;
    t_expect_violation(x.m, x.c, x.p, "INIT-43", 1);
    it_expect_finding(&x, "INIT-43", 0, RP_LEVEL_VIOLATION, 0, "clinic", 53, 56, HOME,
                      "clinic: no home care");
    it_unload(&x);
}

/* INIT-43, 000 Q36 (L51) (as above): community medicine at city, which gives no home care. */
static void test_INIT43_Q36_L51_community_medicine_at_city_violates(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, "INIT-43", "cm-city", NULL);
    it_expect_outside(&x, "INIT-43", 1);
    it_expect_finding(&x, "INIT-43", 0, RP_LEVEL_VIOLATION, 0, "city", 53, 56, HOME,
                      "city: no home care");
    it_unload(&x);
}

/* ---- bad parameters (the tiny model of init_test.h: params on line 12) ---- */

static void test_INIT40_params_condition_missing(void **state)
{
    (void)state;
    it_bad_params("community-condition", " {}",
                  "12:13: missing key 'condition' in params of rule 'R-1'\n");
}

static void test_INIT40_params_unknown_condition(void **state)
{
    (void)state;
    it_bad_params("community-condition", " {condition: years}",
                  "12:25: unknown condition 'years'; did you mean 'year'?\n");
}

static void test_INIT41_params_good(void **state)
{
    (void)state;
    it_good_params("community-condition", " {condition: year}");
    it_good_params("community-condition", " {condition: site}");
    it_good_params("community-condition", " {condition: home-care}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_INIT40_Q10_L23_community_medicine_in_year_2_complies),
        cmocka_unit_test(test_INIT40_Q10_L23_community_medicine_in_year_1_violates),
        cmocka_unit_test(test_INIT40_Q10_L23_block_across_the_year_boundary_violates_in_year_1),
        cmocka_unit_test(test_INIT40_Q10_L23_community_medicine_in_extension_complies),
        cmocka_unit_test(test_INIT41_Q32_L47_clinic_under_200_beds_complies),
        cmocka_unit_test(test_INIT41_Q31_L46_remote_hospital_over_200_beds_complies),
        cmocka_unit_test(test_INIT41_Q31_L46_hospital_over_200_beds_not_remote_violates),
        cmocka_unit_test(test_INIT41_Q30_L45_199_beds_complies),
        cmocka_unit_test(test_INIT41_Q30_L45_exactly_200_beds_violates),
        cmocka_unit_test(test_INIT41_Q31_L46_community_medicine_at_city_violates),
        cmocka_unit_test(test_INIT41_Q32_L47_community_block_at_health_centre_violates),
        cmocka_unit_test(test_INIT43_Q35_L50_site_with_home_care_complies),
        cmocka_unit_test(test_INIT43_Q36_L51_site_without_home_care_violates),
        cmocka_unit_test(test_INIT43_Q36_L51_community_medicine_at_city_violates),
        cmocka_unit_test(test_INIT40_params_condition_missing),
        cmocka_unit_test(test_INIT40_params_unknown_condition),
        cmocka_unit_test(test_INIT41_params_good),
    };
    return T_RUN(tests);
}
