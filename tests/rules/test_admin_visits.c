/*
 * test_admin_visits.c: kind `admin-visits`, a day or two at a 保健所 inside a community-medicine
 * block (INIT-44), from seed 000 Q32 (L47): "研修を行う上で有益な施設、例えば、保健所等で1～2日程度
 * 行うことは差し支えありません". A plan says them as a `visit` row (its days in days_total). Fixtures in
 * tests/rules/admin_visits/: the INIT base plan (init_test.h) with visits; a tiny group of another
 * shape (a remote hospital's community block, two health centres).
 *
 * The planner plans no visit: every plan with one is outside the ILP's space (the rows cannot
 * represent it), and the check alone judges it.
 */
#include "init_test.h"

#define DIR "tests/rules/admin_visits/"

static it_fixture load(const char *id, const char *plan)
{
    return it_load(DIR, id, plan, NULL);
}

/* INIT-44, 000 Q32 (L47): 2 days at the health centre during the 4 weeks of community medicine at
 * clinic comply, and community medicine keeps its 20 days (INIT-13); outside the space. */
static void test_INIT44_Q32_L47_two_days_at_the_health_centre_comply(void **state)
{
    (void)state;
    it_fixture x = load("INIT-44", "visit-2");
    assert_int_equal(t_violations(x.m, x.c, x.p, "INIT-44"), 0);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, true, NULL), -1);
    it_unload(&x);
    x = load("INIT-13", "visit-2");
    assert_int_equal(t_violations(x.m, x.c, x.p, "INIT-13"), 0);
    it_unload(&x);
    x = load("INIT-50", "visit-2"); /* the core credit is unchanged (RULES.md INIT-44) */
    assert_int_equal(t_violations(x.m, x.c, x.p, "INIT-50"), 0);
    it_unload(&x);
}

/* INIT-44 ("1～2日程度"): 2 and 1 days in two visits of one community block make 3: a violation
 * over the block's weeks. */
static void test_INIT44_Q32_three_days_in_one_block_violate(void **state)
{
    (void)state;
    it_fixture x = load("INIT-44", "visit-3");
    it_expect_outside(&x, "INIT-44", 1);
    it_expect_finding(&x, "INIT-44", 0, RP_LEVEL_VIOLATION, 0, "-", 53, 56, "at most 2 days",
                      "3 days");
    it_unload(&x);
}

/* INIT-44 (000 Q32 is about 地域医療): a visit during surgery is outside community medicine, and
 * surgery loses its 2 days (INIT-13: 18 of 20), as an absence does. */
static void test_INIT44_visit_outside_community_violates(void **state)
{
    (void)state;
    it_fixture x = load("INIT-44", "visit-in-surgery");
    it_expect_outside(&x, "INIT-44", 1);
    it_expect_finding(&x, "INIT-44", 0, RP_LEVEL_VIOLATION, 0, "health", 25, 28,
                      "inside a community-medicine block", "outside community medicine");
    it_unload(&x);
    x = load("INIT-13", "visit-in-surgery");
    assert_int_equal(t_violations(x.m, x.c, x.p, "INIT-13"), 1);
    it_expect_finding(&x, "INIT-13", 0, RP_LEVEL_VIOLATION, 0, "-", 1, 104, NULL, "18 days");
    it_unload(&x);
}

/* INIT-44 with INIT-51 (000 Q02 L9: 保健所, 介護老人保健施設, ...): a visit to a clinic is no visit
 * to a facility of 保健・医療行政. */
static void test_INIT44_visit_to_a_clinic_violates(void **state)
{
    (void)state;
    it_fixture x = load("INIT-44", "visit-clinic");
    it_expect_outside(&x, "INIT-44", 1);
    it_expect_finding(&x, "INIT-44", 0, RP_LEVEL_VIOLATION, 0, "clinic", 53, 56,
                      "a facility of 保健・医療行政 (保健所 and the like)", "clinic");
    it_unload(&x);
}

/* Another shape: a tiny group with a remote hospital of 250 beds (its community block counts,
 * INIT-41) over 8 weeks of year 2, two health centres, and an allowance of 1 day: a day at each
 * centre in the one block makes 2, over it; a day alone complies. */
static void test_INIT44_tiny_group_allowance_of_one_day(void **state)
{
    (void)state;
    char *yaml = it_tiny_model_with(
        NULL,
        "  - {id: core, name: core, kind: core, beds: 520, departments: [{id: internal-medicine, "
        "capacity: 2}]}\n"
        "  - {id: far, name: far, kind: coop, beds: 250, remote: true, home_care: true, "
        "departments: [{id: community, capacity: 1}]}\n"
        "  - {id: hc1, name: hc1, kind: admin, beds: 0, departments: [{id: public-health}]}\n"
        "  - {id: hc2, name: hc2, kind: admin, beds: 0, departments: [{id: public-health}]}",
        "admin-visits", " {days: 1}");
    char *path = t_write_temp(".yaml", yaml);
    rp_model *m = t_load_model(path);
    unlink(path);
    free(path);
    free(yaml);
    static const char head[] = "resident,cohort,course,facility,department,mode,start_period,"
                               "end_period,start_date,end_date,days_per_week,days_total\n"
                               "r1,2020,,core,internal-medicine,block,1,60,,,,\n"
                               "r1,2020,,far,community,block,61,68,,,,\n"
                               "r1,2020,,core,internal-medicine,block,69,104,,,,\n"
                               "r1,2020,,hc1,public-health,visit,61,64,,,,1\n";
    for (int two = 0; two <= 1; two++) {
        char *text = rp_xasprintf("%s%s", head,
                                  two ? "r1,2020,,hc2,public-health,visit,65,68,,,,1\n" : "");
        char *csv = t_write_temp(".csv", text);
        rp_plan *p = t_plan_file(m, csv);
        rp_findings f = RP_FINDINGS_INIT;
        kt_check(m, NULL, p, &f);
        assert_int_equal(kt_count(m, &f, "R-1", RP_LEVEL_VIOLATION), (size_t)two);
        if (two) {
            const rp_finding *v = kt_nth(m, &f, "R-1", 0);
            assert_int_equal(v->first, 61);
            assert_int_equal(v->last, 68);
            assert_string_equal(v->found, "2 days");
        }
        rp_findings_free(&f);
        rp_plan_free(p);
        unlink(csv);
        free(csv);
        free(text);
    }
    rp_model_free(m);
}

/* A visit gives its days in days_total (located at the row when the column is absent). */
static void test_INIT44_visit_without_days_is_bad_data(void **state)
{
    (void)state;
    rp_model *m = it_model(NULL);
    char *path = t_write_temp(".csv", "resident,cohort,course,facility,department,mode,"
                                      "start_period,end_period,start_date,end_date,"
                                      "days_per_week\n"
                                      "r1,2020,,clinic,community,block,1,104,,,\n"
                                      "r1,2020,,health,public-health,visit,53,56,,,\n");
    rp_plan *p = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_plan_read(m, path, &p, &d), -1);
    char *text = t_diags_text(&d);
    assert_string_equal(text, "3:1: days_total is missing on a visit; expected the days of the "
                              "visit (INIT-44)\n");
    free(text);
    rp_diags_free(&d);
    unlink(path);
    free(path);
    rp_model_free(m);
}

/* ---- bad parameters (the tiny model of init_test.h: params on line 12) ---- */

static void test_params(void **state)
{
    (void)state;
    it_bad_params("admin-visits", " {days: 0}",
                  "12:20: days '0' is out of range; expected a number from 0.5 to 35\n");
    it_bad_params("admin-visits", NULL,
                  "8:5: rule 'R-1' (kind 'admin-visits') needs params with key 'days'\n");
    kt_bad_params("admin-visits", " {days: 2}",
                  "9:11: rule kind 'admin-visits' counts weeks, but the calendar's unit is "
                  "month; expected a kind that counts the calendar's periods, or a calendar in "
                  "weeks\n");
    it_good_params("admin-visits", " {days: 2}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_INIT44_Q32_L47_two_days_at_the_health_centre_comply),
        cmocka_unit_test(test_INIT44_Q32_three_days_in_one_block_violate),
        cmocka_unit_test(test_INIT44_visit_outside_community_violates),
        cmocka_unit_test(test_INIT44_visit_to_a_clinic_violates),
        cmocka_unit_test(test_INIT44_tiny_group_allowance_of_one_day),
        cmocka_unit_test(test_INIT44_visit_without_days_is_bad_data),
        cmocka_unit_test(test_params),
    };
    return T_RUN(tests);
}
