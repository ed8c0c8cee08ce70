/*
 * test_group_area.c: kind `group-area`, the hospitals and clinics of the group within the core
 * hospital's prefecture or 二次医療圏, unless the model records a justification (RULES.md INIT-52);
 * administrative and overseas facilities are exempt (INIT-51). The example group lies in one
 * prefecture, so the cases move a facility elsewhere in the loaded model. Fixtures in
 * tests/rules/group_area/: variants of base.csv (init_test.h), one resident r1 of 2020.
 */
#include "init_test.h"

#define DIR "tests/rules/group_area/"
#define ID "INIT-52"
#define REQ "the core's prefecture or area, or a justification"

/* Moves facility f to another prefecture and area. */
static void move_away(rp_model *m, const char *f)
{
    rp_facility *fac = it_facility(m, f);
    fac->prefecture = "他県";
    fac->area = "他県の二次医療圏";
}

/* INIT-52, 000 Q53 (L70): "同一都道府県外の病院・施設等は、引き続き病院群として参加が認められますか。"
 * "原則、認められることはありません。" Every facility of the base plan is in the core's
 * prefecture and area. */
static void test_INIT52_Q53_L70_group_in_one_prefecture_complies(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "base", NULL);
    t_expect_compliant(x.m, x.c, x.p, ID);
    it_unload(&x);
}

/* INIT-52, 000 Q53 (L70) (as above): city (協力型) in another prefecture and area, no
 * justification: each of its two stints is reported. */
static void test_INIT52_Q53_L70_cooperating_hospital_elsewhere_violates(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "base", NULL);
    move_away(x.m, "city");
    t_expect_violation(x.m, x.c, x.p, ID, 2);
    it_expect_finding(&x, ID, 0, RP_LEVEL_VIOLATION, 0, "city", 57, 76, REQ, "他県");
    it_expect_finding(&x, ID, 1, RP_LEVEL_VIOLATION, 0, "city", 77, 104, REQ, "他県");
    it_unload(&x);
}

/* INIT-52, 000 Q53 (L70): "しかし、現行通知5(1)テ(イ)①～③に該当する場合は認められます。" The same,
 * with a justification recorded for city. */
static void test_INIT52_Q53_L70_justified_facility_elsewhere_complies(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "base", NULL);
    move_away(x.m, "city");
    it_facility(x.m, "city")->out_of_area_justification = "5(1)テ(イ)① (例)";
    t_expect_compliant(x.m, x.c, x.p, ID);
    it_unload(&x);
}

/* INIT-52, 000 Q45 (L62): "臨床研修病院群を構成する臨床研修病院及び臨床研修協力施設(病院又は診療所に
 * 限る)は、原則、同一の二次医療圏内又は同一の都道府県内にあることを基本とし…" island lies in another
 * 二次医療圏 (例示離島医療圏) of the same prefecture. */
static void test_INIT52_Q45_L62_same_prefecture_other_area_complies(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "cm-island", NULL);
    assert_string_not_equal(it_facility(x.m, "island")->area, it_facility(x.m, "core")->area);
    t_expect_compliant(x.m, x.c, x.p, ID);
    it_unload(&x);
}

/* INIT-52, 000 Q45 (L62) (as above, "同一の二次医療圏内又は"): city in another prefecture but in
 * the core's 二次医療圏 (an area across a prefectural border). */
static void test_INIT52_Q45_L62_other_prefecture_same_area_complies(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "base", NULL);
    it_facility(x.m, "city")->prefecture = "他県";
    t_expect_compliant(x.m, x.c, x.p, ID);
    it_unload(&x);
}

/* INIT-52, 000 Q45 (L62) (as above, "臨床研修協力施設(病院又は診療所に限る)"): clinic, a 臨床研修協力
 * 施設 that is a 診療所, elsewhere. */
static void test_INIT52_Q45_L62_clinic_elsewhere_violates(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "base", NULL);
    move_away(x.m, "clinic");
    t_expect_violation(x.m, x.c, x.p, ID, 1);
    it_expect_finding(&x, ID, 0, RP_LEVEL_VIOLATION, 0, "clinic", 53, 56, REQ, "他県");
    it_unload(&x);
}

/* INIT-52, INIT-51, 000 Q45 (L62): "…また、二次医療圏は、医療機関(病院または診療所)に限定されている
 * ため、保健所、介護老人保健施設等も二次医療圏外で可となります。" The health centre elsewhere. */
static void test_INIT52_Q45_L62_health_centre_elsewhere_complies(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "public-health", NULL);
    move_away(x.m, "health");
    t_expect_compliant(x.m, x.c, x.p, ID);
    it_unload(&x);
}

/* INIT-52, INIT-51, 000 Q45 (L62): "今回の通知では海外の医療機関での研修は、保健・医療行政の研修と見
 * なし、病院又は診療所における研修と見なさないこととしており、同一の二次医療圏内又は同一の都道府県内
 * の原則は適用されないこととなります。" The same facility as an overseas institution. */
static void test_INIT52_Q45_L62_overseas_institution_complies(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "public-health", NULL);
    move_away(x.m, "health");
    it_facility(x.m, "health")->kind = RP_KIND_OVERSEAS;
    t_expect_compliant(x.m, x.c, x.p, ID);
    it_unload(&x);
}

/* ---- bad parameters ---- */

static void test_INIT52_params_unknown_key(void **state)
{
    (void)state;
    it_bad_params("group-area", " {prefecture: P}",
                  "12:14: unknown key 'prefecture' in params of rule 'R-1'\n");
}

static void test_INIT52_params_good(void **state)
{
    (void)state;
    it_good_params("group-area", NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_INIT52_Q53_L70_group_in_one_prefecture_complies),
        cmocka_unit_test(test_INIT52_Q53_L70_cooperating_hospital_elsewhere_violates),
        cmocka_unit_test(test_INIT52_Q53_L70_justified_facility_elsewhere_complies),
        cmocka_unit_test(test_INIT52_Q45_L62_same_prefecture_other_area_complies),
        cmocka_unit_test(test_INIT52_Q45_L62_other_prefecture_same_area_complies),
        cmocka_unit_test(test_INIT52_Q45_L62_clinic_elsewhere_violates),
        cmocka_unit_test(test_INIT52_Q45_L62_health_centre_elsewhere_complies),
        cmocka_unit_test(test_INIT52_Q45_L62_overseas_institution_complies),
        cmocka_unit_test(test_INIT52_params_unknown_key),
        cmocka_unit_test(test_INIT52_params_good),
    };
    return T_RUN(tests);
}
