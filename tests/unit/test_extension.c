/*
 * test_extension.c: a radiology resident's programme is extended by the months its leave leaves
 * uncounted (RULES.md 0.4, RAD-22..26): certified maternity and sickness count up to 6 months,
 * part-time of 30 h a week or more in full and below that pro rata (800 h = 6 months, at most 6),
 * study abroad never. The extension months belong to the last programme year.
 */
#include "support.h"

#include "rotaplan/calendar.h"
#include "util/util.h"

#include <stdlib.h>
#include <unistd.h>

#define MODEL "models/radiology-keio-2019.yaml"

/* The horizon of one resident of cohort 2019 (course B) with the given leave entry. */
static int horizon_with(const rp_model *m, const char *leave)
{
    char *text = rp_xasprintf("residents:\n  - id: r1\n    cohort: 2019\n    course: B\n"
                              "    leave:\n      - %s\n", leave);
    char *path = t_write_temp(".yaml", text);
    rp_cohort *c = t_load_cohort(m, path);
    int h = rp_horizon(m, &c->residents[0]);
    rp_cohort_free(c);
    unlink(path);
    free(path);
    free(text);
    return h;
}

static void test_counted_leave_is_no_extension(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    /* RAD-23: certified sickness, 4 months: counted */
    assert_int_equal(horizon_with(m, "{kind: sickness, from: 2020-06, to: 2020-09, "
                                     "certificate: true}"), 36);
    /* RAD-24: 30 h a week counts in full */
    assert_int_equal(horizon_with(m, "{kind: part-time, from: 2020-04, to: 2020-09, "
                                     "hours_per_week: 30}"), 36);
    rp_model_free(m);
}

static void test_uncounted_leave_extends(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    /* RAD-22: certified maternity counts up to 6 months: 8 leave 2 to make up */
    assert_int_equal(horizon_with(m, "{kind: maternity, from: 2020-04, to: 2020-11, "
                                     "certificate: true}"), 38);
    /* RAD-23: without a certificate sickness counts nothing */
    assert_int_equal(horizon_with(m, "{kind: sickness, from: 2020-06, to: 2020-09}"), 40);
    /* RAD-24: 20 h a week for 6 months = 520 h = 3.9 months of the 6: 2.1 -> 3 months */
    assert_int_equal(horizon_with(m, "{kind: part-time, from: 2020-04, to: 2020-09, "
                                     "hours_per_week: 20}"), 39);
    /* RAD-25: study abroad never counts */
    assert_int_equal(horizon_with(m, "{kind: abroad, from: 2021-04, to: 2021-05}"), 38);
    rp_model_free(m);
}

static void test_extension_months_belong_to_the_last_year(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    assert_int_equal(rp_period_year(m, 36), 3);
    assert_int_equal(rp_period_year(m, 37), 3);
    assert_int_equal(rp_period_year(m, 40), 3);
    rp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_counted_leave_is_no_extension),
        cmocka_unit_test(test_uncounted_leave_extends),
        cmocka_unit_test(test_extension_months_belong_to_the_last_year),
    };
    return T_RUN(tests);
}
