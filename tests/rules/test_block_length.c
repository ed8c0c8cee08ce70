/*
 * test_block_length.c: kind `block-length`, the lengths of a programme's blocks by field or
 * department (issue 12: "a unit (6 weeks for 内科, 4 elsewhere), or allowed lengths, or minimum
 * and maximum; blocks need not sit on one grid unless the programme says so").
 *
 * The model is not the shipped one: tests/rules/block_length/model.yaml, a two-year programme of
 * another shape (internal medicine in 6-week units at two core departments and a partner,
 * psychiatry 4 or 8 weeks, surgery 4 to 12, emergency in 4-week units on the grid, paediatrics 3
 * weeks or more on a 3-week grid). Its plans are variants of base.csv, one resident r1 of 2020:
 *
 *    1-12   core   internal-medicine   12 = 2 x 6          (BL-IM)
 *   13-18   core   cardiology          6, field IM         (BL-IM)
 *   19-26   core   psychiatry          8                   (BL-PSY)
 *   27-36   core   surgery             10                  (BL-SURG)
 *   37-44   core   emergency           8, from 37 = 1 + 4k (BL-EM)
 *   45-48   north  community           not governed
 *   49-54   core   pediatrics          6, from 49 = 1 + 3k (BL-PED)
 *   55-60   north  internal-medicine   6                   (BL-IM)
 *   61-64   core   psychiatry          4                   (BL-PSY)
 *   65-104  core   radiology           not governed
 *
 * Twin tests: each compliant plan passes the check and, substituted into the rows, violates none
 * in the plain model (one piece a week: the rule's block columns) and in the shaped one (pieces
 * of allowed lengths only); each violating plan breaks the check and the plain rows under the
 * same rule id, and is outside or breaks the shaped rows. Plans solved for four residents pass
 * every check.
 */
#include "init_test.h"

#include "rotaplan/solve.h"
#include "rotaplan/translate.h"

#define DIR "tests/rules/block_length/"
#define MODEL DIR "model.yaml"

static kt_fixture load(const char *id, const char *plan, const char *residents)
{
    rp_model *m = t_load_model(MODEL);
    if (id)
        t_only_rule(m, id);
    return kt_load(m, DIR, plan, residents);
}

static void expect_compliant(const char *id, const char *plan, const char *residents)
{
    kt_fixture x = load(id, plan, residents);
    t_expect_compliant(x.m, x.c, x.p, id);
    kt_unload(&x);
}

/* A plan with one violation of rule id: the block first..last, required and found. */
static void expect_block(const char *id, const char *plan, const char *residents, int first,
                         int last, const char *required, const char *found)
{
    kt_fixture x = load(id, plan, residents);
    t_expect_violation(x.m, x.c, x.p, id, 1);
    it_expect_finding(&x, id, 0, RP_LEVEL_VIOLATION, 0, "core", first, last, required, found);
    kt_unload(&x);
}

/* ---- compliant plans ---- */

/* The base plan complies with every block-length rule of the model, one by one. */
static void test_base_plan_complies_with_each_rule(void **state)
{
    (void)state;
    const char *ids[] = {"BL-IM", "BL-PSY", "BL-SURG", "BL-EM", "BL-PED"};
    for (size_t i = 0; i < sizeof ids / sizeof ids[0]; i++)
        expect_compliant(ids[i], "base", NULL);
}

/* ... and with all of them at once (every rule's rows in one model). */
static void test_base_plan_complies_with_all_rules_together(void **state)
{
    (void)state;
    kt_fixture x = load(NULL, "base", NULL);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(f.count, 0);
    rp_findings_free(&f);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, true, NULL), 1);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, false, NULL), 1);
    kt_unload(&x);
}

/* issue 12, "a unit (6 weeks for 内科)": 18 weeks of internal medicine written as two rows of 5
 * and 7 weeks are one block of 18, a multiple of 6. */
static void test_unit_block_written_in_rows_of_other_lengths_complies(void **state)
{
    (void)state;
    expect_compliant("BL-IM", "im-rows", NULL);
}

/* A minimum alone has no maximum: paediatrics for 12 weeks from week 49 (on the 3-week grid). */
static void test_minimum_alone_allows_a_long_block(void **state)
{
    (void)state;
    expect_compliant("BL-PED", "ped-12", NULL);
}

/* Leave in which the resident keeps the department (suspension, 休止) belongs to the block: the
 * internal-medicine block of 12 weeks holds 2 weeks of it and is still one block of 12. */
static void test_suspension_inside_a_block_keeps_it_whole(void **state)
{
    (void)state;
    expect_compliant("BL-IM", "base", "leave-suspension");
}

/* Weeks abroad (no facility) end a block: 6 weeks of internal medicine before them form a block
 * of their own, of an allowed length. */
static void test_weeks_abroad_end_a_block(void **state)
{
    (void)state;
    expect_compliant("BL-IM", "abroad-im-6", "leave-abroad");
}

/* ---- violations ---- */

/* issue 12, "6 weeks for 内科": a block of 11 weeks is no multiple of 6. */
static void test_unit_eleven_weeks_violates(void **state)
{
    (void)state;
    expect_block("BL-IM", "im-11", NULL, 1, 11, "a multiple of 6 weeks", "11 weeks");
    kt_fixture x = load("BL-IM", "im-11", NULL);
    char *msg = it_message(&x, "BL-IM", 0);
    assert_string_equal(msg, "the block of resident r1 in internal-medicine at core lasts 11 weeks "
                             "(weeks 1-11); a block there lasts a multiple of 6 weeks");
    free(msg);
    kt_unload(&x);
}

/* A block is one department: 4 weeks of cardiology right after internal medicine are a block of
 * their own (both are field IM), not part of a run of 16. */
static void test_unit_counts_each_department_apart(void **state)
{
    (void)state;
    expect_block("BL-IM", "cardiology-4", NULL, 13, 16, "a multiple of 6 weeks", "4 weeks");
}

/* The weeks after a stretch abroad are a block of their own: 3 weeks of internal medicine. */
static void test_block_after_weeks_abroad_is_judged_alone(void **state)
{
    (void)state;
    expect_block("BL-IM", "abroad-im-6-3", "leave-abroad", 10, 12, "a multiple of 6 weeks",
                 "3 weeks");
}

/* issue 12, "allowed lengths only": psychiatry for 6 weeks, neither 4 nor 8. */
static void test_lengths_six_weeks_violates(void **state)
{
    (void)state;
    expect_block("BL-PSY", "psy-6", NULL, 19, 24, "4 or 8 weeks", "6 weeks");
}

/* Allowed lengths do not add up: 8 weeks then 4 more of psychiatry are one block of 12 (the
 * shaped model holds pieces of 8 and 4: its rows keep such pieces apart). */
static void test_lengths_do_not_chain(void **state)
{
    (void)state;
    expect_block("BL-PSY", "psy-12", NULL, 19, 30, "4 or 8 weeks", "12 weeks");
}

/* issue 12, "minimum and maximum": surgery for 3 weeks, and for 16. */
static void test_range_too_short_violates(void **state)
{
    (void)state;
    expect_block("BL-SURG", "surg-3", NULL, 27, 29, "4 to 12 weeks", "3 weeks");
}

static void test_range_too_long_violates(void **state)
{
    (void)state;
    expect_block("BL-SURG", "surg-16", NULL, 65, 80, "4 to 12 weeks", "16 weeks");
}

/* issue 12, "blocks need not sit on one grid unless the programme says so": emergency for 8
 * weeks from week 39, off the 4-week grid of weeks 1, 5, ..., 37, 41. */
static void test_aligned_unit_off_the_grid_violates(void **state)
{
    (void)state;
    expect_block("BL-EM", "em-off-grid", NULL, 39, 46,
                 "a multiple of 4 weeks, starting on week 1 + 4k", "a block starting on week 39");
    /* the same plan under the unaligned unit of internal medicine breaks nothing there */
    expect_compliant("BL-IM", "em-off-grid", NULL);
}

/* Aligned with a minimum alone: paediatrics from week 50 is off the 3-week grid. */
static void test_aligned_minimum_off_the_grid_violates(void **state)
{
    (void)state;
    expect_block("BL-PED", "ped-off-grid", NULL, 50, 54,
                 "3 weeks or more, starting on week 1 + 3k", "a block starting on week 50");
}

/* Every violation is reported, each under its own rule. */
static void test_each_rule_reports_its_own_block(void **state)
{
    (void)state;
    kt_fixture x = load(NULL, "im-11-surg-3", NULL);
    assert_int_equal(t_violations(x.m, x.c, x.p, "BL-IM"), 1);
    assert_int_equal(t_violations(x.m, x.c, x.p, "BL-SURG"), 1);
    assert_int_equal(t_violations(x.m, x.c, x.p, "BL-PSY"), 0);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, true, NULL), 0);
    kt_unload(&x);
}

/* ---- solved plans ---- */

/* Plans four residents of the test model (one abroad in weeks 7-9), in the shaped model with a
 * first plan built resident by resident as `rotaplan plan` does; the plan passes every check,
 * and every block of a governed department has an allowed length. */
static void test_solved_plan_passes_every_check(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    rp_cohort *c = t_load_cohort(m, DIR "cohort.yaml");
    rp_translation *t = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_translate(m, c, NULL, &t, &d), 0);
    assert_int_equal(t->n_uncovered, 0);
    size_t n = t->n_residents;
    int **groups = rp_xcalloc(n + 1, sizeof *groups);
    size_t *sizes = rp_xcalloc(n + 1, sizeof *sizes);
    for (size_t r = 0; r < n; r++)
        sizes[r] = rp_translation_resident_columns(t, r, &groups[r]);
    rp_col_shape *shapes = rp_translation_column_shapes(t);
    rp_first_plan first = {(const int *const *)groups, sizes, n, NULL, NULL, shapes, NULL, NULL};
    rp_solve_options opt = {120, 0, false, NULL, &first, NULL};
    rp_solve_result res;
    assert_int_equal(rp_solve(t->ilp, &opt, &res, &d), 0);
    assert_true(res.status == RP_SOLVE_OPTIMAL || res.status == RP_SOLVE_FEASIBLE);
    rp_plan *p = NULL;
    assert_int_equal(rp_decode(t, res.x, &p, &d), 0);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, c, p, &f);
    assert_int_equal(rp_findings_count(&f, RP_LEVEL_VIOLATION), 0);
    rp_findings_free(&f);
    /* psychiatry and surgery blocks exist (the wishes ask for them) and are of allowed lengths,
     * counted here from the stints, apart from the check */
    size_t psy = 0;
    for (size_t i = 0; i < p->n_stints; i++) {
        const rp_stint *s = &p->stints[i];
        if (s->facility < 0 || s->department < 0)
            continue;
        const char *dep = m->facilities[s->facility].departments[s->department].id;
        int len = s->last - s->first + 1;
        if (strcmp(dep, "psychiatry") == 0) {
            assert_true(len == 4 || len == 8);
            psy++;
        }
        if (strcmp(dep, "surgery") == 0)
            assert_true(len >= 4 && len <= 12);
    }
    assert_true(psy > 0);
    rp_plan_free(p);
    rp_solve_result_free(&res);
    for (size_t r = 0; r < n; r++)
        free(groups[r]);
    free(groups);
    free(sizes);
    free(shapes);
    rp_translation_free(t);
    rp_diags_free(&d);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* ---- months: the kind counts the calendar's periods ---- */

#define MONTHS "calendar: {unit: month, start_month: 4, start_day: 1, years: 2}"

static void test_months_model_loads(void **state)
{
    (void)state;
    char *yaml = it_tiny_model_with(MONTHS, NULL, "block-length",
                                    " {fields: [IM], unit: 2, aligned: true}");
    char *path = t_write_temp(".yaml", yaml);
    rp_model *m = t_load_model(path);
    char *text = m->rules[0].kind->describe(&m->rules[0], m);
    assert_string_equal(text, "every block in internal medicine (内科) lasts a multiple of 2 "
                              "months, starting on month 1 + 2k");
    free(text);
    rp_model_free(m);
    unlink(path);
    free(path);
    free(yaml);
}

/* In months the longest length is the programme's 24 months. */
static void test_months_length_beyond_the_programme(void **state)
{
    (void)state;
    it_bad_model(MONTHS, NULL, "block-length", " {fields: [IM], unit: 25}",
                 "12:34: unit '25' is out of range; expected a whole number from 1 to 24\n");
}

/* ---- bad parameters (the tiny model of init_test.h: params on line 12) ---- */

static void test_params_neither_fields_nor_departments(void **state)
{
    (void)state;
    it_bad_params("block-length", " {unit: 4}",
                  "12:13: params of rule 'R-1' has none of 'fields' and 'departments'; expected "
                  "exactly one\n");
}

static void test_params_fields_and_departments(void **state)
{
    (void)state;
    it_bad_params("block-length", " {fields: [IM], departments: [emergency], unit: 4}",
                  "12:13: params of rule 'R-1' has more than one of 'fields' and 'departments'; "
                  "expected exactly one\n");
}

static void test_params_no_length(void **state)
{
    (void)state;
    it_bad_params("block-length", " {fields: [IM]}",
                  "12:13: params of rule 'R-1' has none of 'unit', 'lengths' and 'min'; expected "
                  "exactly one\n");
}

static void test_params_unit_and_lengths(void **state)
{
    (void)state;
    it_bad_params("block-length", " {fields: [IM], unit: 6, lengths: [4]}",
                  "12:13: params of rule 'R-1' has more than one of 'unit', 'lengths' and 'min'; "
                  "expected exactly one\n");
}

static void test_params_max_without_min(void **state)
{
    (void)state;
    it_bad_params("block-length", " {fields: [IM], unit: 6, max: 8}",
                  "12:42: 'max' without 'min'; expected 'min' beside it\n");
}

static void test_params_max_below_min(void **state)
{
    (void)state;
    it_bad_params("block-length", " {fields: [IM], min: 8, max: 4}",
                  "12:41: max '4' is out of range; expected a whole number from 8 to 104\n");
}

static void test_params_unit_zero(void **state)
{
    (void)state;
    it_bad_params("block-length", " {fields: [IM], unit: 0}",
                  "12:34: unit '0' is out of range; expected a whole number from 1 to 104\n");
}

static void test_params_lengths_empty(void **state)
{
    (void)state;
    it_bad_params("block-length", " {fields: [IM], lengths: []}",
                  "12:37: lengths is empty; expected at least one length\n");
}

static void test_params_length_twice(void **state)
{
    (void)state;
    it_bad_params("block-length", " {fields: [IM], lengths: [4, 8, 4]}",
                  "12:44: length '4' is listed twice; expected distinct lengths\n");
}

static void test_params_length_not_whole(void **state)
{
    (void)state;
    it_bad_params("block-length", " {fields: [IM], lengths: [4.5]}",
                  "12:38: length '4.5' is not a whole number; expected a whole number from 1 to "
                  "104\n");
}

static void test_params_unknown_department(void **state)
{
    (void)state;
    it_bad_params("block-length", " {departments: [emergency, psychiatry], unit: 4}",
                  "12:39: unknown department 'psychiatry'; expected a department of the model\n");
}

static void test_params_unknown_field(void **state)
{
    (void)state;
    it_bad_params("block-length", " {fields: [IM, XX], unit: 4}",
                  "12:27: unknown field 'XX'; did you mean 'IM'?\n");
}

static void test_params_aligned_not_boolean(void **state)
{
    (void)state;
    it_bad_params("block-length", " {fields: [IM], unit: 4, aligned: maybe}",
                  "12:46: aligned 'maybe' is not true or false; expected true or false\n");
}

static void test_params_missing(void **state)
{
    (void)state;
    it_bad_params("block-length", NULL,
                  "8:5: rule 'R-1' (kind 'block-length') needs params with exactly one of "
                  "'fields' and 'departments'\n"
                  "8:5: rule 'R-1' (kind 'block-length') needs params with exactly one of "
                  "'unit', 'lengths' and 'min'\n");
}

static void test_params_good(void **state)
{
    (void)state;
    it_good_params("block-length", " {fields: [IM], unit: 6}");
    it_good_params("block-length", " {departments: [emergency], lengths: [4, 8]}");
    it_good_params("block-length", " {fields: [EM, ANES], min: 4, max: 12, aligned: false}");
    it_good_params("block-length", " {fields: [CM], min: 4}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_base_plan_complies_with_each_rule),
        cmocka_unit_test(test_base_plan_complies_with_all_rules_together),
        cmocka_unit_test(test_unit_block_written_in_rows_of_other_lengths_complies),
        cmocka_unit_test(test_minimum_alone_allows_a_long_block),
        cmocka_unit_test(test_suspension_inside_a_block_keeps_it_whole),
        cmocka_unit_test(test_weeks_abroad_end_a_block),
        cmocka_unit_test(test_unit_eleven_weeks_violates),
        cmocka_unit_test(test_unit_counts_each_department_apart),
        cmocka_unit_test(test_block_after_weeks_abroad_is_judged_alone),
        cmocka_unit_test(test_lengths_six_weeks_violates),
        cmocka_unit_test(test_lengths_do_not_chain),
        cmocka_unit_test(test_range_too_short_violates),
        cmocka_unit_test(test_range_too_long_violates),
        cmocka_unit_test(test_aligned_unit_off_the_grid_violates),
        cmocka_unit_test(test_aligned_minimum_off_the_grid_violates),
        cmocka_unit_test(test_each_rule_reports_its_own_block),
        cmocka_unit_test(test_solved_plan_passes_every_check),
        cmocka_unit_test(test_months_model_loads),
        cmocka_unit_test(test_months_length_beyond_the_programme),
        cmocka_unit_test(test_params_neither_fields_nor_departments),
        cmocka_unit_test(test_params_fields_and_departments),
        cmocka_unit_test(test_params_no_length),
        cmocka_unit_test(test_params_unit_and_lengths),
        cmocka_unit_test(test_params_max_without_min),
        cmocka_unit_test(test_params_max_below_min),
        cmocka_unit_test(test_params_unit_zero),
        cmocka_unit_test(test_params_lengths_empty),
        cmocka_unit_test(test_params_length_twice),
        cmocka_unit_test(test_params_length_not_whole),
        cmocka_unit_test(test_params_unknown_department),
        cmocka_unit_test(test_params_unknown_field),
        cmocka_unit_test(test_params_aligned_not_boolean),
        cmocka_unit_test(test_params_missing),
        cmocka_unit_test(test_params_good),
    };
    return t_run("block-length", tests, sizeof tests / sizeof tests[0]);
}
