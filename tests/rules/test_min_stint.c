/*
 * test_min_stint.c: kind `min-stint` (RAD-04: no partner stint under 3 months, 003 §7-1 L535,
 * per stint as D-10 reads it). Each plan is checked directly and substituted into the rows.
 */
#include "support.h"

#include "rotaplan/check.h"

static rp_model *model(void)
{
    rp_model *m = t_load_model("models/radiology-keio-2019.yaml");
    t_only_rule(m, "RAD-04");
    return m;
}

/* RAD-04 003 §7-1 L535: a 12-month partner stint complies */
static void test_RAD04_L535_year_at_partner_complies(void **state)
{
    (void)state;
    rp_model *m = model();
    rp_plan *p = t_plan_file(m, "tests/rules/min_stint/compliant.csv");
    t_expect_compliant(m, NULL, p, "RAD-04");
    rp_plan_free(p);
    rp_model_free(m);
}

/* RAD-04 003 §7-1 L535: exactly 3 months is not "under 3 months" */
static void test_RAD04_L535_three_months_complies(void **state)
{
    (void)state;
    rp_model *m = model();
    rp_plan *p = t_plan_file(m, "tests/rules/min_stint/compliant-3-months.csv");
    t_expect_compliant(m, NULL, p, "RAD-04");
    rp_plan_free(p);
    rp_model_free(m);
}

/* RAD-04 003 §7-1 L535: 2 months at a partner at the end of the programme is a violation */
static void test_RAD04_L535_two_months_at_end_violates(void **state)
{
    (void)state;
    rp_model *m = model();
    rp_plan *p = t_plan_file(m, "tests/rules/min_stint/partner-2-months-at-end.csv");
    t_expect_violation(m, NULL, p, "RAD-04", 1);
    rp_plan_free(p);
    rp_model_free(m);
}

/* RAD-04 003 §7-1 L535, D-10: every short stint is reported, not just the first */
static void test_RAD04_D10_each_short_stint_reported(void **state)
{
    (void)state;
    rp_model *m = model();
    rp_plan *p = t_plan_file(m, "tests/rules/min_stint/two-short-stints.csv");
    t_expect_violation(m, NULL, p, "RAD-04", 2);
    rp_findings f = RP_FINDINGS_INIT;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_check_plan(m, NULL, p, &f, &d), 0);
    assert_int_equal(f.count, 2);
    assert_int_equal(f.items[0].first, 13);
    assert_int_equal(f.items[0].last, 13);
    assert_string_equal(m->facilities[f.items[0].facility].id, "st-lukes");
    assert_int_equal(f.items[1].first, 25);
    assert_int_equal(f.items[1].last, 26);
    assert_string_equal(f.items[1].found, "2 months");
    rp_findings_free(&f);
    rp_diags_free(&d);
    rp_plan_free(p);
    rp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_RAD04_L535_year_at_partner_complies),
        cmocka_unit_test(test_RAD04_L535_three_months_complies),
        cmocka_unit_test(test_RAD04_L535_two_months_at_end_violates),
        cmocka_unit_test(test_RAD04_D10_each_short_stint_reported),
    };
    return T_RUN(tests);
}
