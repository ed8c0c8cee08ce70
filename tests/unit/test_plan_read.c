/*
 * test_plan_read.c: the plan reader (src/plan/read.c) on good input: the CSV and YAML fixtures of
 * tests/fixtures/ read field by field, a CSV with a byte order mark and CRLF line ends, and a
 * round trip through the CSV and YAML writers of the report stage, which must give back the same
 * residents and stints. Malformed plans are cases of tests/bad/plan/ (test_bad_input.c).
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rotaplan/plan.h"
#include "rotaplan/report.h"
#include "util/util.h"

#define MODEL "models/radiology-keio-2019.yaml"

static rp_plan *read_plan(const rp_model *m, const char *path)
{
    rp_diags d = RP_DIAGS_INIT;
    rp_plan *p = NULL;
    if (rp_plan_read(m, path, &p, &d) != 0) {
        rp_diags_print(&d, stderr);
        rp_diags_free(&d);
        fail_msg("cannot read plan %s", path);
    }
    assert_int_equal(d.count, 0);
    rp_diags_free(&d);
    return p;
}

static void check_stint(const rp_stint *s, int resident, int facility, int department,
                        rp_mode mode, int first, int last, double days, int line)
{
    assert_int_equal(s->resident, resident);
    assert_int_equal(s->facility, facility);
    assert_int_equal(s->department, department);
    assert_int_equal(s->mode, mode);
    assert_int_equal(s->first, first);
    assert_int_equal(s->last, last);
    assert_true(s->days_per_week == days);
    assert_int_equal(s->line, line);
}

/* tests/fixtures/plan.csv, sorted: resident, blocks before parallel rows, first period. */
static void check_csv_fixture(const rp_model *m, const rp_plan *p)
{
    int keio = rp_model_facility(m, "keio");
    assert_int_equal(p->status, RP_PLAN_GIVEN);
    assert_null(p->model_id);
    assert_int_equal(p->n_residents, 3);
    assert_string_equal(p->residents[0].id, "2019-01");
    assert_int_equal(p->residents[0].cohort, 2019);
    assert_int_equal(p->residents[0].course, rp_model_course(m, "A"));
    assert_int_equal(p->residents[0].line, 2);
    assert_null(p->residents[0].name);
    assert_string_equal(p->residents[1].id, "2019-02");
    assert_int_equal(p->residents[1].course, RP_NONE);
    assert_int_equal(p->residents[2].line, 7);
    assert_int_equal(p->n_stints, 6);
    check_stint(&p->stints[0], 0, keio, 0, RP_MODE_BLOCK, 1, 12, 0, 2);
    check_stint(&p->stints[1], 0, keio, RP_NONE, RP_MODE_BLOCK, 13, 24, 0, 3);
    check_stint(&p->stints[2], 0, rp_model_facility(m, "tokyo-mc"), RP_NONE, RP_MODE_BLOCK, 25,
                36, 0, 4);
    check_stint(&p->stints[3], 0, rp_model_facility(m, "st-lukes"), RP_NONE, RP_MODE_PARALLEL,
                25, 30, 0.5, 5);
    check_stint(&p->stints[4], 1, RP_NONE, RP_NONE, RP_MODE_BLOCK, 1, 36, 0, 6);
    check_stint(&p->stints[5], 2, keio, 3, RP_MODE_PARALLEL, 1, 2, 2, 7);
}

static void test_csv(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    rp_plan *p = read_plan(m, "tests/fixtures/plan.csv");
    assert_string_equal(p->source, "tests/fixtures/plan.csv");
    check_csv_fixture(m, p);
    rp_plan_free(p);
    rp_model_free(m);
}

/* The same rows with a byte order mark and CRLF line ends. */
static void test_csv_bom_crlf(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    FILE *fp = fopen("tests/fixtures/plan.csv", "rb");
    assert_non_null(fp);
    rp_buf b = {0};
    rp_buf_add(&b, "\xEF\xBB\xBF");
    int c;
    while ((c = fgetc(fp)) != EOF) {
        if (c == '\n')
            rp_buf_addc(&b, '\r');
        rp_buf_addc(&b, (char)c);
    }
    fclose(fp);
    char *path = t_write_temp(".CSV", rp_buf_str(&b));
    rp_buf_free(&b);
    rp_plan *p = read_plan(m, path);
    check_csv_fixture(m, p);
    rp_plan_free(p);
    remove(path);
    free(path);
    rp_model_free(m);
}

static void test_yaml(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    rp_plan *p = read_plan(m, "tests/fixtures/plan.yaml");
    assert_int_equal(p->status, RP_PLAN_GIVEN);
    assert_string_equal(p->model_id, "radiology-keio-2019");
    assert_string_equal(p->source, "tests/fixtures/plan.yaml");
    assert_true(p->objective == 12.5);
    assert_int_equal(p->n_residents, 3);
    assert_string_equal(p->residents[0].name, "山田");
    assert_int_equal(p->residents[0].line, 6);
    assert_int_equal(p->residents[0].course, rp_model_course(m, "A"));
    assert_int_equal(p->residents[1].course, RP_NONE);
    assert_int_equal(p->residents[2].cohort, 2020);
    assert_int_equal(p->n_stints, 3);
    check_stint(&p->stints[0], 0, rp_model_facility(m, "keio"), 0, RP_MODE_BLOCK, 1, 12, 0, 11);
    check_stint(&p->stints[1], 0, rp_model_facility(m, "st-lukes"), RP_NONE, RP_MODE_PARALLEL, 1,
                12, 0.5, 18);
    check_stint(&p->stints[2], 2, RP_NONE, RP_NONE, RP_MODE_BLOCK, 1, 36, 0, 29);
    rp_plan_free(p);
    rp_model_free(m);
}

/* A plan as decode would make it: two residents, blocks, a parallel row, a month abroad. */
static rp_plan *made_plan(const rp_model *m)
{
    rp_plan *p = rp_plan_new();
    int a = rp_plan_add_resident(p, "2019-01", "山田 花子", 2019, rp_model_course(m, "C"));
    int b = rp_plan_add_resident(p, "2020-07", NULL, 2020, RP_NONE);
    int keio = rp_model_facility(m, "keio");
    rp_stint s[] = {
        {a, rp_model_facility(m, "hiroo"), RP_NONE, RP_MODE_BLOCK, 1, 12, 0, 0, NULL, false, false, 0},
        {a, keio, 3, RP_MODE_BLOCK, 13, 24, 0, 0, NULL, false, false, 0},
        {a, rp_model_facility(m, "st-lukes"), RP_NONE, RP_MODE_BLOCK, 25, 36, 0, 0, NULL, false,
         false, 0},
        {a, keio, 0, RP_MODE_PARALLEL, 25, 30, 1, 0, NULL, false, false, 0},
        {b, keio, RP_NONE, RP_MODE_BLOCK, 1, 35, 0, 0, NULL, false, false, 0},
        {b, RP_NONE, RP_NONE, RP_MODE_BLOCK, 36, 36, 0, 0, NULL, false, false, 0},
        {b, keio, RP_NONE, RP_MODE_PARALLEL, 1, 6, 0.5, 0, NULL, false, false, 0},
    };
    for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
        rp_plan_add_stint(p, &s[i]);
    rp_plan_sort(p);
    p->status = RP_PLAN_OPTIMAL;
    p->objective = 3.25;
    return p;
}

static void round_trip(rp_format fmt, const char *suffix)
{
    rp_model *m = t_load_model(MODEL);
    rp_plan *p = made_plan(m);
    char *path = t_write_temp(suffix, "");
    FILE *fp = fopen(path, "wb");
    assert_non_null(fp);
    assert_int_equal(rp_report_plan(m, p, fmt, fp), 0);
    assert_int_equal(fclose(fp), 0);
    rp_plan *q = read_plan(m, path);
    assert_int_equal(q->n_residents, p->n_residents);
    for (size_t i = 0; i < p->n_residents; i++) {
        assert_string_equal(q->residents[i].id, p->residents[i].id);
        assert_int_equal(q->residents[i].cohort, p->residents[i].cohort);
        assert_int_equal(q->residents[i].course, p->residents[i].course);
        if (fmt == RP_FORMAT_YAML)
            assert_true(rp_streq(q->residents[i].name, p->residents[i].name));
    }
    assert_int_equal(q->n_stints, p->n_stints);
    for (size_t i = 0; i < p->n_stints; i++) {
        const rp_stint *s = &p->stints[i], *t = &q->stints[i];
        check_stint(t, s->resident, s->facility, s->department, s->mode, s->first, s->last,
                    s->days_per_week, t->line);
        assert_true(t->line > 1);
    }
    rp_plan_free(q);
    rp_plan_free(p);
    remove(path);
    free(path);
    rp_model_free(m);
}

static void test_round_trip_csv(void **state)
{
    (void)state;
    round_trip(RP_FORMAT_CSV, ".csv");
}

/* The Excel CSV (a byte-order mark, CRLF) reads back as the plain one. */
static void test_round_trip_excel_csv(void **state)
{
    (void)state;
    round_trip(RP_FORMAT_CSV_EXCEL, ".csv");
}

static void test_round_trip_yaml(void **state)
{
    (void)state;
    round_trip(RP_FORMAT_YAML, ".yaml");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_csv),
        cmocka_unit_test(test_csv_bom_crlf),
        cmocka_unit_test(test_round_trip_excel_csv),
        cmocka_unit_test(test_yaml),
        cmocka_unit_test(test_round_trip_csv),
        cmocka_unit_test(test_round_trip_yaml),
    };
    return T_RUN(tests);
}
