/*
 * test_translate.c: the translator on a model small enough to count by hand
 * (tests/fixtures/tiny-model.yaml: one year, a base and a partner, stints at the partner of 3
 * months or more, 6 months at the base, one resident who wishes for the partner), and the solver
 * on it: its optimum is known. And rp_ilp_holds, the whole-plan test of every row that a
 * solver's plan must pass before the direct checks: each sense, within and past its tolerance.
 */
#include "support.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rotaplan/solve.h"
#include "rotaplan/translate.h"
#include "util/util.h"

static rp_translation *translate(const rp_model *m, const rp_cohort *c, bool plain)
{
    rp_translate_options opt = {plain, false, false, false, false, NULL, NULL};
    rp_translation *t = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_translate(m, c, &opt, &t, &d), 0);
    rp_diags_free(&d);
    return t;
}

/* Shaped: 12 one-month pieces at the base; at the partner, pieces of 3 to 5 months (the
 * longest min-stint needs, 2 x 3 - 1): 10 + 9 + 8 = 27; one wish column. Rows: 12 of RAD-06's
 * cover, T-03's one, the wish's one; min-stint needs none, its pieces say it all. */
static void test_shaped_counts(void **state)
{
    (void)state;
    rp_model *m = t_load_model("tests/fixtures/tiny-model.yaml");
    rp_cohort *c = t_load_cohort(m, "tests/fixtures/tiny-residents.yaml");
    rp_translation *t = translate(m, c, false);
    assert_int_equal(rp_ilp_n_cols(t->ilp), 12 + 27 + 1);
    assert_int_equal(rp_ilp_n_rows(t->ilp), 12 + 1 + 1);
    assert_int_equal(rp_ilp_n_integer(t->ilp), 39);
    assert_int_equal(rp_ilp_n_violated(t->ilp), 0);
    assert_string_equal(rp_ilp_row_name(t->ilp, 0), "T06_r0_p1");
    rp_translation_free(t);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* Plain: 24 one-month pieces; min-stint's rows for the partner: a start column and two rows per
 * month, and a row forbidding a start in each of the last 2 months. */
static void test_plain_counts(void **state)
{
    (void)state;
    rp_model *m = t_load_model("tests/fixtures/tiny-model.yaml");
    rp_cohort *c = t_load_cohort(m, "tests/fixtures/tiny-residents.yaml");
    rp_translation *t = translate(m, c, true);
    assert_int_equal(rp_ilp_n_cols(t->ilp), 24 + 12 + 1);
    assert_int_equal(rp_ilp_n_rows(t->ilp), 12 + (12 * 2 + 2) + 1 + 1);
    rp_translation_free(t);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* The wish is granted in proportion to a year: at most 6 months at the partner (6 must be at the
 * base), so the optimum is 0.5, in both spaces, and the plan holds 6 partner months. */
static void test_known_optimum(void **state)
{
    (void)state;
    rp_model *m = t_load_model("tests/fixtures/tiny-model.yaml");
    rp_cohort *c = t_load_cohort(m, "tests/fixtures/tiny-residents.yaml");
    for (int plain = 0; plain <= 1; plain++) {
        rp_translation *t = translate(m, c, plain);
        rp_solve_options opt = {10, 0, false, NULL, NULL, NULL};
        rp_solve_result res;
        rp_diags d = RP_DIAGS_INIT;
        assert_int_equal(rp_solve(t->ilp, &opt, &res, &d), 0);
        assert_int_equal(res.status, RP_SOLVE_OPTIMAL);
        assert_true(fabs(res.objective - 0.5) < 1e-9);
        rp_plan *p = NULL;
        assert_int_equal(rp_decode(t, res.x, &p, &d), 0);
        int partner = 0;
        for (size_t i = 0; i < p->n_stints; i++)
            if (p->stints[i].facility == 1)
                partner += p->stints[i].last - p->stints[i].first + 1;
        assert_int_equal(partner, 6);
        rp_plan_free(p);
        rp_solve_result_free(&res);
        rp_diags_free(&d);
        rp_translation_free(t);
    }
    rp_cohort_free(c);
    rp_model_free(m);
}

/* The base minimum raised to 11 months leaves one month for the partner, where a stint lasts 3
 * or more; asking for 2 partner months then has no plan. The solver says so, and the elastic
 * solve names the rules that conflict. */
static void test_infeasible(void **state)
{
    (void)state;
    char *text = NULL;
    {
        FILE *fp = fopen("tests/fixtures/tiny-model.yaml", "r");
        assert_non_null(fp);
        char buf[4096];
        size_t n = fread(buf, 1, sizeof buf - 1, fp);
        fclose(fp);
        buf[n] = '\0';
        char *at = strstr(buf, "months: 6");
        assert_non_null(at);
        at[8] = '\0';
        text = rp_xasprintf("%s11%s  - id: T-02\n    kind: min-months-at\n    class: hard\n"
                            "    source: test\n    params:\n      months: 2\n"
                            "      facilities: {role: partner}\n",
                            buf, at + 9);
    }
    char *path = t_write_temp(".yaml", text);
    rp_model *m = t_load_model(path);
    rp_cohort *c = t_load_cohort(m, "tests/fixtures/tiny-residents.yaml");
    rp_translation *t = translate(m, c, false);
    rp_solve_options opt = {10, 0, false, NULL, NULL, NULL};
    rp_solve_result res;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_solve(t->ilp, &opt, &res, &d), 0);
    assert_int_equal(res.status, RP_SOLVE_INFEASIBLE);
    assert_null(res.x);
    int *rows = NULL;
    size_t n = 0;
    assert_int_equal(rp_solve_elastic(t->ilp, 10, &rows, &n, NULL), 1);
    assert_int_equal(n, 1);
    const char *id = m->rules[rp_ilp_row_tag(t->ilp, rows[0]).rule].id;
    assert_true(strcmp(id, "T-03") == 0 || strcmp(id, "T-02") == 0);
    free(rows);
    rp_solve_result_free(&res);
    rp_translation_free(t);
    rp_diags_free(&d);
    rp_cohort_free(c);
    rp_model_free(m);
    unlink(path);
    free(path);
    free(text);
}

/* x + y <= 1, x - y >= 0, x + 2y = 1: (1, 0) keeps all three; each other point breaks one. */
static void test_every_row_holds(void **state)
{
    (void)state;
    rp_ilp *ilp = rp_ilp_new();
    int x = rp_ilp_add_col(ilp, "x", RP_COL_CONTINUOUS, 0, 1);
    int y = rp_ilp_add_col(ilp, "y", RP_COL_CONTINUOUS, 0, 1);
    static const rp_sense sense[3] = {RP_LE, RP_GE, RP_EQ};
    static const double cy[3] = {1, -1, 2}, rhs[3] = {1, 0, 1};
    rp_expr e = {0};
    for (int i = 0; i < 3; i++) {
        char name[16];
        snprintf(name, sizeof name, "r%d", i);
        rp_expr_clear(&e);
        rp_expr_add(&e, x, 1);
        rp_expr_add(&e, y, cy[i]);
        rp_row_tag tag = {RP_NONE, RP_NONE, RP_NONE, 0, 0};
        assert_true(rp_ilp_add_row(ilp, name, &e, sense[i], rhs[i], tag) >= 0);
    }
    rp_expr_free(&e);
    const double keeps[2] = {1, 0}, within[2] = {1 + 1e-7, 0};
    const double breaks_le[2] = {1, 0.5}, breaks_ge[2] = {0, 0.5}, breaks_eq[2] = {0.5, 0};
    assert_true(rp_ilp_holds(ilp, keeps, 1e-6));
    assert_true(rp_ilp_holds(ilp, within, 1e-6));
    assert_false(rp_ilp_holds(ilp, within, 1e-9));
    assert_false(rp_ilp_holds(ilp, breaks_le, 1e-6)); /* 1.5 > 1 (and the equality) */
    assert_false(rp_ilp_holds(ilp, breaks_ge, 1e-6)); /* -0.5 < 0 */
    assert_false(rp_ilp_holds(ilp, breaks_eq, 1e-6)); /* 0.5 != 1, the others kept */
    rp_ilp_free(ilp);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_shaped_counts),
        cmocka_unit_test(test_plain_counts),
        cmocka_unit_test(test_known_optimum),
        cmocka_unit_test(test_infeasible),
        cmocka_unit_test(test_every_row_holds),
    };
    return T_RUN(tests);
}
