/*
 * test_general_clinics.c: kind `general-clinics`, general outpatient training (一般外来) only in
 * general clinics (RULES.md INIT-36, HARD / DATA): in a plan, a general-outpatient row at a
 * facility that runs no general clinic is a violation; in a model, a general-outpatient
 * department that serves no field (a specialist, psychiatric or emergency clinic) is refused when
 * the model is loaded. Fixtures in tests/rules/general_clinics/: variants of base.csv
 * (init_test.h), one resident r1 of 2020.
 *
 * The kind has no rows: every general-outpatient place of the ILP's space serves a field (the
 * loader refuses any other), so a plan that breaks the rule names a department its facility
 * does not run and is outside the space.
 */
#include "init_test.h"

#define DIR "tests/rules/general_clinics/"
#define ID "INIT-36"

static void expect_compliant(const char *plan)
{
    it_fixture x = it_load(DIR, ID, plan, NULL);
    t_expect_compliant(x.m, x.c, x.p, ID);
    it_unload(&x);
}

static void expect_outside(const char *plan, const char *facility, int first, int last,
                           const char *what)
{
    it_fixture x = it_load(DIR, ID, plan, NULL);
    it_expect_outside(&x, ID, 1);
    it_expect_finding(&x, ID, 0, RP_LEVEL_VIOLATION, 0, facility, first, last, "a general clinic",
                      "no general clinic");
    char *msg = it_message(&x, ID, 0);
    if (!strstr(msg, what))
        fail_msg("finding says no '%s': %s", what, msg);
    free(msg);
    it_unload(&x);
}

/* ---- plans ---- */

/* INIT-36, 000 Q38 (L53): "一般外来は、総合診療科外来や一般内科外来、一般外科外来、小児科外来など
 * を想定しており…" A 4-week block in the core's 総合診療科外来. */
static void test_INIT36_Q38_L53_general_medicine_clinic_complies(void **state)
{
    (void)state;
    expect_compliant("base");
}

/* INIT-36, 000 Q39 (L54): "特定機能病院では一般外来を持たない病院が多いため、基本的には地域医療の研
 * 修など、協力型病院で一般外来のブロック研修が行われることが想定されます。" A 4-week block in town's
 * general clinic. */
static void test_INIT36_Q39_L54_block_in_a_community_hospitals_clinic_complies(void **state)
{
    (void)state;
    expect_compliant("go-block-at-town");
}

/* INIT-36, 000 Q19 (L32): "地域医療のローテートをしながらか、一般外来研修を並行研修として行うことは
 * 認められますか。" "…並行研修として認められます。" A weekly day in clinic's general clinic. */
static void test_INIT36_Q19_L32_session_in_a_community_clinic_complies(void **state)
{
    (void)state;
    expect_compliant("go-session-at-clinic");
}

/* INIT-36, 000 Q18 (L31): "精神科のローテートをしながらか、精神科外来を一般外来研修として行うことは認
 * められますか。" "…精神科外来は、専門外来であり一般外来の研修要件を満たすことができないため、一般外
 * 来の並行研修としては認められません。" Weekly "general outpatient" at psych, whose only outpatient
 * clinic is psychiatric. */
static void test_INIT36_Q18_L31_psychiatric_outpatient_is_no_general_clinic(void **state)
{
    (void)state;
    expect_outside("go-session-at-psych", "psych", 49, 52, "general outpatient sessions at psych");
}

/* INIT-36, 000 Q27 (L42): "救急部門は一般外来研修として扱うことはできません。" A "general
 * outpatient" block at city, which runs an emergency department and no general clinic. */
static void test_INIT36_Q27_L42_hospital_with_only_an_er_has_no_general_clinic(void **state)
{
    (void)state;
    expect_outside("go-block-at-city", "city", 57, 60, "general outpatient block at city");
}

/* ---- model data (the tiny model of init_test.h with its own facilities, lines 5-6) ---- */

/* INIT-36 DATA, 000 Q38 (L53): "一般外来の研修を呼吸器内科の外来で行えますか。" "…呼吸器内科などの臓
 * 器や疾病に特化した専門外来は認められません。" A respiratory clinic given as general outpatient,
 * serving no field. */
static void test_INIT36_Q38_L53_specialist_clinic_as_general_outpatient_is_refused(void **state)
{
    (void)state;
    it_bad_model(NULL,
                 "  - {id: core, name: core, kind: core, go_field: IM, departments: [{id: "
                 "general-outpatient}, {id: anesthesiology}]}\n"
                 "  - {id: city, name: city, kind: coop, departments: [{id: "
                 "respiratory-outpatient, field: GO, go_field: none}]}",
                 "department-capacity", NULL,
                 "6:54: general-outpatient department 'respiratory-outpatient' of facility 'city' "
                 "serves no field; expected go_field (IM, SURG, PED or CM) on the department or "
                 "the facility, as only general clinics are 一般外来 (INIT-36)\n");
}

/* INIT-36 DATA, 000 Q18 (L31) (as above, "精神科外来は、専門外来であり"): a psychiatric hospital's
 * outpatient clinic given as general-outpatient, its facility naming no field it serves. */
static void test_INIT36_Q18_L31_psychiatric_clinic_as_general_outpatient_is_refused(void **state)
{
    (void)state;
    it_bad_model(NULL,
                 "  - {id: core, name: core, kind: core, go_field: IM, departments: [{id: "
                 "general-outpatient}, {id: anesthesiology}]}\n"
                 "  - {id: psych, name: psych, kind: coop, departments: [{id: psychiatry}, {id: "
                 "general-outpatient}]}",
                 "department-capacity", NULL,
                 "6:74: general-outpatient department 'general-outpatient' of facility 'psych' "
                 "serves no field; expected go_field (IM, SURG, PED or CM) on the department or "
                 "the facility, as only general clinics are 一般外来 (INIT-36)\n");
}

/* ---- bad parameters ---- */

static void test_INIT36_params_unknown_key(void **state)
{
    (void)state;
    it_bad_params("general-clinics", " {fields: [GO]}",
                  "12:14: unknown key 'fields' in params of rule 'R-1'\n");
}

static void test_INIT36_params_good(void **state)
{
    (void)state;
    it_good_params("general-clinics", NULL);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_INIT36_Q38_L53_general_medicine_clinic_complies),
        cmocka_unit_test(test_INIT36_Q39_L54_block_in_a_community_hospitals_clinic_complies),
        cmocka_unit_test(test_INIT36_Q19_L32_session_in_a_community_clinic_complies),
        cmocka_unit_test(test_INIT36_Q18_L31_psychiatric_outpatient_is_no_general_clinic),
        cmocka_unit_test(test_INIT36_Q27_L42_hospital_with_only_an_er_has_no_general_clinic),
        cmocka_unit_test(test_INIT36_Q38_L53_specialist_clinic_as_general_outpatient_is_refused),
        cmocka_unit_test(test_INIT36_Q18_L31_psychiatric_clinic_as_general_outpatient_is_refused),
        cmocka_unit_test(test_INIT36_params_unknown_key),
        cmocka_unit_test(test_INIT36_params_good),
    };
    return T_RUN(tests);
}
