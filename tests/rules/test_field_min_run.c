/*
 * test_field_min_run.c: kind `field-min-run`, block training in runs of at least 4 weeks
 * (RULES.md INIT-21, with INIT-20 and INIT-37: a general-clinic block joins the run of the field
 * it serves; a run of general-clinic blocks alone is never a violation; a community block that
 * fails INIT-40/41/43 is an elective, not a community run). Fixtures in
 * tests/rules/field_min_run/: variants of base.csv (init_test.h), one resident r1 of 2020.
 */
#include "init_test.h"

#include "rotaplan/solve.h"
#include "rotaplan/translate.h"

#define DIR "tests/rules/field_min_run/"
#define ID "INIT-21"
#define REQ "at least 4 weeks"

static void expect_compliant(const char *plan)
{
    it_fixture x = it_load(DIR, ID, plan, NULL);
    t_expect_compliant(x.m, x.c, x.p, ID);
    it_unload(&x);
}

/* A plan with n short runs; finding k (0-based) is the run first..last of field label. */
typedef struct run {
    int first, last;
    const char *found, *field;
} run;

static void expect_runs(const char *plan, size_t n, const run *runs)
{
    it_fixture x = it_load(DIR, ID, plan, NULL);
    t_expect_violation(x.m, x.c, x.p, ID, n);
    for (size_t k = 0; k < n; k++) {
        it_expect_finding(&x, ID, k, RP_LEVEL_VIOLATION, 0, "-", runs[k].first, runs[k].last, REQ,
                          runs[k].found);
        char *msg = it_message(&x, ID, k);
        if (!strstr(msg, runs[k].field))
            fail_msg("finding %zu names no %s: %s", k, runs[k].field, msg);
        free(msg);
    }
    it_unload(&x);
}

/* INIT-21, 000 Q22 (L35): "救急部門以外の必修分野の研修は、ブロック研修を行うことを基本としています
 * が、どのくらいの期間を想定していますか。" "一定のまとまった期間としては、4週単位によるブロック研修を
 * 想定しています。" Every required field of the base plan in blocks of 4 weeks or more. */
static void test_INIT21_Q22_L35_four_week_blocks_comply(void **state)
{
    (void)state;
    expect_compliant("base");
}

/* INIT-21, 000 Q22 (L35) (as above, "4週単位"): surgery cut to 3 weeks (the fourth an elective). */
static void test_INIT21_Q22_L35_three_week_surgery_block_violates(void **state)
{
    (void)state;
    run r[] = {{25, 27, "3 weeks", "surgery (外科)"}};
    expect_runs("surg-3-weeks", 1, r);
}

/* INIT-21, 000 Q22 (L35): every short run is reported, not only the first: surgery and
 * paediatrics both cut to 3 weeks. */
static void test_INIT21_Q22_L35_each_short_run_reported(void **state)
{
    (void)state;
    run r[] = {{25, 27, "3 weeks", "surgery (外科)"}, {29, 31, "3 weeks", "paediatrics (小児科)"}};
    expect_runs("surg-3-ped-3", 2, r);
}

/* INIT-21, 000 Q13 (L26): "研修期間をあらかじめ4週ではなく5週で計画する等" A 5-week surgery block:
 * the length need not be a multiple of 4. */
static void test_INIT21_Q13_L26_five_week_block_complies(void **state)
{
    (void)state;
    expect_compliant("surg-5-weeks");
}

/* INIT-21, INIT-20, 000 Q11 (L24): "原則として、必修分野の各診療科等（一般外来を除く）は、一定のまと
 * まった期間に研修（ブロック研修）を行うことを基本としています。" 一般外来 is exempt: 3 weeks in the
 * core's general clinic on their own (a run of the clinic's field with no block of it) break
 * nothing. */
static void test_INIT21_Q11_L24_three_week_general_clinic_block_complies(void **state)
{
    (void)state;
    expect_compliant("go-3-weeks-alone");
}

/* INIT-21, INIT-37, 000 Q41 (L56): "一般外来研修4週を内科外来で実施する場合、必修分野である内科研修
 * (24週)のうちの4週を一般外来に充て…" 2 weeks of internal medicine followed by 2 in the core's
 * general clinic (内科外来) are one run of 4 weeks: the check and the rows accept it. The shaped
 * space (no rotation unit: internal medicine in pieces of 4 to 7 weeks, min_piece) does not
 * offer a 2-week block of internal medicine, so the planner never plans this run (README "Blocks
 * of the lengths the rules ask for"); the check still judges it compliant. */
static void test_INIT21_Q41_L56_internal_medicine_and_its_clinic_make_one_run(void **state)
{
    (void)state;
    it_fixture x = it_load(DIR, ID, "im-2-go-2", NULL);
    assert_int_equal(t_violations(x.m, x.c, x.p, ID), 0);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, true, NULL), 1);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, false, NULL), -1);
    it_unload(&x);
}

/* INIT-21, INIT-37, 000 Q41 (L56) (as above, "内科外来"): followed by 2 weeks in town's general
 * clinic, which serves community medicine, the 2 internal-medicine weeks are a run of 2. */
static void test_INIT21_Q41_L56_another_fields_clinic_does_not_join_the_run(void **state)
{
    (void)state;
    run r[] = {{45, 46, "2 weeks", "internal medicine (内科)"}};
    expect_runs("im-2-community-go-2", 1, r);
}

/* INIT-21 (RULES.md: "A run may cross the year boundary (w52→w53)"), 000 Q22 (L35): emergency in
 * weeks 51-54 is one run of 4. */
static void test_INIT21_Q22_L35_run_across_the_year_boundary_complies(void **state)
{
    (void)state;
    expect_compliant("em-across-years-4");
}

/* INIT-21, 000 Q22 (L35): emergency in weeks 51-53 is one run of 3 across the boundary, reported
 * once. */
static void test_INIT21_Q22_L35_short_run_across_the_year_boundary_violates(void **state)
{
    (void)state;
    run r[] = {{51, 53, "3 weeks", "emergency (救急)"}};
    expect_runs("em-across-years-3", 1, r);
}

/* INIT-21 with INIT-40, 000 Q10 (L23): "「2年次に地域医療を研修すること」" and Q36 (L51) "「選択科
 * 目」の欄に記載": 2 weeks of community medicine in year 1 are electives (INIT-40's to report), not
 * a short community run. */
static void test_INIT21_Q10_L23_community_weeks_in_year_1_are_no_run(void **state)
{
    (void)state;
    expect_compliant("cm-2-weeks-in-year-1");
}

/* ---- the space the kind shapes (rule.h min_piece), on a second model ---- */

#define SHAPED DIR "shaped/"

/* The pieces of resident r's space that hold a week of a department whose field is listed:
 * returns how many are shorter than `min` weeks or longer than `max`. */
static size_t pieces_out_of(const rp_model *m, const rp_translation *t, size_t r,
                            const char *const *deps, size_t n_deps, int min, int max)
{
    size_t n, out = 0;
    const rp_piece *pc = rp_space_pieces(t->space, r, &n);
    for (size_t i = 0; i < n; i++) {
        if (pc[i].facility < 0 || pc[i].department < 0)
            continue;
        const char *dep = m->facilities[pc[i].facility].departments[pc[i].department].id;
        int len = pc[i].last - pc[i].first + 1;
        for (size_t k = 0; k < n_deps; k++)
            if (strcmp(dep, deps[k]) == 0 && (len < min || len > max))
                out++;
    }
    return out;
}

/* Rows of rule `prefix` (its id without hyphen) of resident r. */
static size_t rows_of(const rp_translation *t, const char *prefix, size_t r)
{
    size_t n = 0, len = strlen(prefix);
    for (size_t i = 0; i < rp_ilp_n_rows(t->ilp); i++)
        if (strncmp(rp_ilp_row_name(t->ilp, (int)i), prefix, len) == 0 &&
            rp_ilp_row_tag(t->ilp, (int)i).resident == (int)r)
            n++;
    return n;
}

/* INIT-21's kind on a model with no rotation unit (tests/rules/field_min_run/shaped: internal
 * medicine in runs of 5, surgery and psychiatry of 3, electives free): a resident without pins
 * is offered internal medicine in pieces of 5 to 9 weeks and surgery and psychiatry of 3 to 5,
 * so the rows of both rules are redundant and not written; the general clinic (INIT-37's run of
 * 4, kind general-clinics) in pieces of 4 to 7, so its credit needs no run rows either;
 * radiology stays in one-week pieces; the resident with a pin keeps one-week pieces and the
 * rows. */
static void test_min_run_shapes_the_space_of_a_free_model(void **state)
{
    (void)state;
    rp_model *m = t_load_model(SHAPED "model.yaml");
    rp_cohort *c = t_load_cohort(m, SHAPED "cohort.yaml");
    rp_translation *t = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_translate(m, c, NULL, &t, &d), 0);
    assert_int_equal(t->n_uncovered, 0);
    static const char *const im[] = {"internal-medicine"}, *const sp[] = {"surgery", "psychiatry"};
    static const char *const el[] = {"radiology", "orthopedics"};
    static const char *const go[] = {"general-outpatient"};
    for (size_t r = 0; r < 3; r++) { /* a1..a3: no pins (a2 abroad in weeks 20-21) */
        assert_int_equal(pieces_out_of(m, t, r, im, 1, 5, 9), 0);
        assert_int_equal(pieces_out_of(m, t, r, sp, 2, 3, 5), 0);
        assert_int_equal(pieces_out_of(m, t, r, el, 2, 1, 1), 0);
        assert_int_equal(pieces_out_of(m, t, r, go, 1, 4, 7), 0);
        assert_int_equal(rows_of(t, "MRIM_", r), 0);
        assert_int_equal(rows_of(t, "MRSP_", r), 0);
        assert_int_equal(rows_of(t, "FMIM_run", r), 0);
    }
    assert_true(pieces_out_of(m, t, 3, go, 1, 4, 7) > 0);
    assert_true(rows_of(t, "FMIM_run", 3) > 0);
    /* a4, pinned to 2 weeks at west's internal medicine: one-week pieces, and the rows */
    assert_true(pieces_out_of(m, t, 3, im, 1, 5, 9) > 0);
    assert_true(rows_of(t, "MRIM_", 3) > 0);
    assert_true(rows_of(t, "MRSP_", 3) > 0);
    rp_translation_free(t);
    rp_diags_free(&d);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* The same model's first plan, built as `rotaplan plan` builds it (resident by resident, with
 * pools; the search after it is GLPK's): it passes every check, and the runs of the unpinned
 * residents, counted here from the stints apart from the check, are as long as the rules ask (5
 * weeks of internal medicine, 3 of surgery or psychiatry), the abroad weeks of a2 cutting nothing
 * short. */
static void test_min_run_solved_plan_of_a_free_model_passes_every_check(void **state)
{
    (void)state;
    rp_model *m = t_load_model(SHAPED "model.yaml");
    rp_cohort *c = t_load_cohort(m, SHAPED "cohort.yaml");
    rp_translation *t = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_translate(m, c, NULL, &t, &d), 0);
    size_t n = t->n_residents;
    int **groups = rp_xcalloc(n + 1, sizeof *groups);
    size_t *sizes = rp_xcalloc(n + 1, sizeof *sizes);
    for (size_t r = 0; r < n; r++)
        sizes[r] = rp_translation_resident_columns(t, r, &groups[r]);
    rp_col_shape *shapes = rp_translation_column_shapes(t);
    rp_solve_options opt = {120, 0, false, NULL, NULL, NULL};
    double *x = NULL;
    assert_int_equal(rp_solve_sequential_pooled(t->ilp, (const int *const *)groups, sizes, n,
                                                shapes, true, &opt, &x),
                     0);
    rp_plan *p = NULL;
    assert_int_equal(rp_decode(t, x, &p, &d), 0);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, c, p, &f);
    assert_int_equal(rp_findings_count(&f, RP_LEVEL_VIOLATION), 0);
    rp_findings_free(&f);
    for (size_t i = 0; i < p->n_stints; i++) { /* stints of one place, merged by decode */
        const rp_stint *s = &p->stints[i];
        if (s->resident == 3 || s->facility < 0 || s->department < 0)
            continue;
        const char *dep = m->facilities[s->facility].departments[s->department].id;
        int len = s->last - s->first + 1;
        if (strcmp(dep, "internal-medicine") == 0)
            assert_true(len >= 5);
        if (strcmp(dep, "surgery") == 0 || strcmp(dep, "psychiatry") == 0)
            assert_true(len >= 3);
    }
    rp_plan_free(p);
    free(x);
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

/* ---- bad parameters (the tiny model of init_test.h: params on line 12) ---- */

static void test_INIT21_params_weeks_missing(void **state)
{
    (void)state;
    it_bad_params("field-min-run", " {fields: [IM]}",
                  "12:13: missing key 'weeks' in params of rule 'R-1'\n");
}

static void test_INIT21_params_weeks_not_whole(void **state)
{
    (void)state;
    it_bad_params("field-min-run", " {fields: [IM], weeks: 3.5}",
                  "12:35: weeks '3.5' is not a whole number; expected a whole number from 1 to "
                  "104\n");
}

static void test_INIT21_params_fields_not_a_list(void **state)
{
    (void)state;
    it_bad_params("field-min-run", " {fields: IM, weeks: 4}",
                  "12:22: fields of params of rule 'R-1' is 'IM'; expected a list\n");
}

static void test_INIT21_params_unknown_key(void **state)
{
    (void)state;
    it_bad_params("field-min-run", " {fields: [IM], week: 4}",
                  "12:28: unknown key 'week' in params of rule 'R-1'; did you mean 'weeks'?\n"
                  "12:13: missing key 'weeks' in params of rule 'R-1'\n");
}

static void test_INIT21_params_good(void **state)
{
    (void)state;
    it_good_params("field-min-run", " {fields: [IM, EM, CM], weeks: 4}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_INIT21_Q22_L35_four_week_blocks_comply),
        cmocka_unit_test(test_INIT21_Q22_L35_three_week_surgery_block_violates),
        cmocka_unit_test(test_INIT21_Q22_L35_each_short_run_reported),
        cmocka_unit_test(test_INIT21_Q13_L26_five_week_block_complies),
        cmocka_unit_test(test_INIT21_Q11_L24_three_week_general_clinic_block_complies),
        cmocka_unit_test(test_INIT21_Q41_L56_internal_medicine_and_its_clinic_make_one_run),
        cmocka_unit_test(test_INIT21_Q41_L56_another_fields_clinic_does_not_join_the_run),
        cmocka_unit_test(test_INIT21_Q22_L35_run_across_the_year_boundary_complies),
        cmocka_unit_test(test_INIT21_Q22_L35_short_run_across_the_year_boundary_violates),
        cmocka_unit_test(test_INIT21_Q10_L23_community_weeks_in_year_1_are_no_run),
        cmocka_unit_test(test_min_run_shapes_the_space_of_a_free_model),
        cmocka_unit_test(test_min_run_solved_plan_of_a_free_model_passes_every_check),
        cmocka_unit_test(test_INIT21_params_weeks_missing),
        cmocka_unit_test(test_INIT21_params_weeks_not_whole),
        cmocka_unit_test(test_INIT21_params_fields_not_a_list),
        cmocka_unit_test(test_INIT21_params_unknown_key),
        cmocka_unit_test(test_INIT21_params_good),
    };
    return T_RUN(tests);
}
