/*
 * test_legend.c: what the HTML report and the Excel workbook share (src/report/legend.c): the
 * palette spelt two ways agrees, every facility of both shipped models gets its own colour, a plan
 * that one facility dominates is coloured by department (the two-year programme) and another by
 * facility (radiology), leave words, and each wish's outcome; and the CSV dates spreadsheets
 * write (util/csv.c).
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "report/legend.h"
#include "rotaplan/check.h"
#include "util/csv.h"

static void test_palette_spelt_alike_and_distinct(void **state)
{
    (void)state;
    for (int i = 0; i < 20; i++) {
        char hex[8];
        snprintf(hex, sizeof hex, "#%06x", rp_colour_value(i));
        assert_string_equal(hex, rp_colour_rgb(i));
        for (int j = 0; j < i; j++)
            assert_int_not_equal(rp_colour_value(i), rp_colour_value(j));
    }
    assert_string_equal(rp_colour_rgb(-1), "#cccccc");
    assert_true(rp_colour_dark(19));  /* olive green: white text */
    assert_false(rp_colour_dark(0));  /* light blue: black text */
}

/* eiju and ashikaga shared a yellow, tokyo-mc and ashikaga an orange in the palettes before */
static void test_every_facility_its_own_colour(void **state)
{
    (void)state;
    const char *models[] = {"models/radiology-keio-2019.yaml", "models/initial-residency-2020.yaml"};
    for (size_t k = 0; k < 2; k++) {
        rp_model *m = t_load_model(models[k]);
        assert_true(m->n_facilities <= 20);
        rp_plan *p = rp_plan_new();
        rp_colour_key key;
        rp_colour_key_init(&key, m, p); /* an empty plan: by facility */
        assert_false(key.by_department);
        for (size_t i = 0; i < m->n_facilities; i++)
            for (size_t j = 0; j < i; j++)
                assert_string_not_equal(rp_colour_rgb(rp_colour_key_index(&key, m, (int)i, NULL)),
                                        rp_colour_rgb(rp_colour_key_index(&key, m, (int)j, NULL)));
        rp_colour_key_free(&key);
        rp_plan_free(p);
        rp_model_free(m);
    }
}

static void test_colours_by_department_when_one_facility_dominates(void **state)
{
    (void)state;
    rp_model *m = t_load_model("models/initial-residency-2020.yaml");
    rp_plan *p = t_plan_csv(m, "i1,2020,,core,internal-medicine,block,1,60,,,\n"
                               "i1,2020,,core,emergency,block,61,90,,,\n"
                               "i1,2020,,island,community,block,91,104,,,\n");
    rp_colour_key key;
    rp_colour_key_init(&key, m, p);
    assert_true(key.by_department);
    assert_int_equal(key.n_deps, 3);
    int im = rp_colour_key_index(&key, m, 0, "internal-medicine");
    int em = rp_colour_key_index(&key, m, 0, "emergency");
    assert_true(im >= 0 && em >= 0 && im != em);
    assert_string_equal(rp_colour_key_label(&key, m, im), "内科");
    rp_colour_key_free(&key);
    rp_plan_free(p);
    /* a second, differently shaped model: radiology, facilities planned as wholes */
    rp_model *r = t_load_model("models/radiology-keio-2019.yaml");
    p = t_plan_csv(r, "r1,2019,A,keio,,block,1,24,,,\nr1,2019,A,tokyo-mc,,block,25,36,,,\n");
    rp_colour_key_init(&key, r, p);
    assert_false(key.by_department); /* keio holds 2/3, but no department is named */
    rp_colour_key_free(&key);
    rp_plan_free(p);
    rp_model_free(r);
    rp_model_free(m);
}

static void test_wish_outcomes(void **state)
{
    (void)state;
    rp_model *m = t_load_model("models/radiology-keio-2019.yaml");
    rp_plan *p = t_plan_csv(m, "r1,2019,A,keio,,block,1,24,,,\n"
                               "r1,2019,A,tokyo-mc,,block,25,30,,,\n"
                               "r1,2019,A,kawasaki,,block,31,36,,,\n");
    rp_cohort *c = t_cohort_of_plan(p);
    rp_wish wishes[3] = {{rp_model_facility(m, "keio"), NULL, {0}},
                         {rp_model_facility(m, "tokyo-mc"), NULL, {0}},
                         {rp_model_facility(m, "st-lukes"), NULL, {0}}};
    rp_check_ctx *ctx = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_check_ctx_new(m, c, p, &ctx, &d), 0);
    assert_int_equal(rp_wish_periods(ctx, 0, &wishes[0]), 24);
    assert_int_equal(rp_wish_periods(ctx, 0, &wishes[1]), 6);
    assert_int_equal(rp_wish_periods(ctx, 0, &wishes[2]), 0);
    assert_string_equal(rp_wish_outcome(m, 24), "granted");
    assert_string_equal(rp_wish_outcome(m, 6), "partly");
    assert_string_equal(rp_wish_outcome(m, 0), "not granted");
    assert_string_equal(rp_wish_label(m, &wishes[0]), "慶應義塾大学病院 放射線科");
    assert_string_equal(rp_leave_label(RP_STATUS_SUSPENSION), "休止");
    assert_null(rp_leave_label(RP_STATUS_FT));
    rp_check_ctx_free(ctx);
    rp_diags_free(&d);
    rp_cohort_free(c);
    rp_plan_free(p);
    rp_model_free(m);
}

static void test_spreadsheet_dates(void **state)
{
    (void)state;
    rp_date d;
    assert_int_equal(rp_csv_date("2019-04-01", &d), 0);
    assert_true(d.year == 2019 && d.month == 4 && d.day == 1);
    assert_int_equal(rp_csv_date("2019/4/1", &d), 0);
    assert_true(d.year == 2019 && d.month == 4 && d.day == 1);
    assert_int_equal(rp_csv_date("2021/12/31", &d), 0);
    assert_true(d.month == 12 && d.day == 31);
    assert_int_equal(rp_csv_date("2019/4", &d), 1);
    assert_int_equal(rp_csv_date("2019-04", &d), 1);
    assert_int_equal(rp_csv_date("2019/2/30", &d), -1);
    assert_int_equal(rp_csv_date("2019/4-1", &d), -1);
    assert_int_equal(rp_csv_date("2019-4-1", &d), -1); /* ISO dates are zero-padded */
    assert_int_equal(rp_csv_date("19/4/1", &d), -1);
    assert_int_equal(rp_csv_date("2019/04/01x", &d), -1);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_palette_spelt_alike_and_distinct),
        cmocka_unit_test(test_every_facility_its_own_colour),
        cmocka_unit_test(test_colours_by_department_when_one_facility_dominates),
        cmocka_unit_test(test_wish_outcomes),
        cmocka_unit_test(test_spreadsheet_dates),
    };
    return T_RUN(tests);
}
