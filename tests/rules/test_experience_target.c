/*
 * test_experience_target.c: kind `experience-target`, the experience targets of seed 003
 * §6-2 (RULES.md RAD-16..19): the counts a residents file logs are judged at completion, a
 * shortfall an approved course makes up (supplemented) is none, counts logged so far are
 * information, and with yields (cases per resident-month; not in the seed) the planner favours
 * plans that reach the targets and the check projects each resident's counts. The radiology
 * model gives no yields: its rules add no rows (plans do not change). The yields are tested on a
 * second, differently shaped model (two years, one base and two partners, one target).
 */
#include "kind_test.h"

#include "report/html.h"
#include "rotaplan/solve.h"
#include "rotaplan/translate.h"

#define PLAN "r1,2019,A,keio,,block,1,24,,,\nr1,2019,A,tokyo-mc,,block,25,36,,,\n"

/* The radiology model with RAD-06's skeleton and RAD-16..19 enabled. */
static rp_model *targets_model(void)
{
    rp_model *m = kt_model("RAD-16");
    for (size_t i = 0; i < m->n_rules; i++) {
        const char *id = m->rules[i].id;
        if (!strcmp(id, "RAD-17") || !strcmp(id, "RAD-18") || !strcmp(id, "RAD-19"))
            m->rules[i].enabled = true;
    }
    return m;
}

/* A residents file of r1 (cohort 2019, course A) with the given experience mapping. */
static rp_cohort *cohort_with(const rp_model *m, const char *experience)
{
    char *yaml = rp_xasprintf("programme: radiology-keio-2019\n"
                              "residents:\n"
                              "  - id: r1\n"
                              "    cohort: 2019\n"
                              "    course: A\n"
                              "    experience: %s\n",
                              experience);
    char *path = t_write_temp(".yaml", yaml);
    rp_cohort *c = t_load_cohort(m, path);
    unlink(path);
    free(path);
    free(yaml);
    return c;
}

/* The findings of the four rules for r1's counts. */
static void findings_for(const char *experience, rp_findings *f, rp_model **mout)
{
    rp_model *m = targets_model();
    rp_cohort *c = cohort_with(m, experience);
    rp_plan *p = t_plan_csv(m, PLAN);
    kt_check(m, c, p, f);
    rp_plan_free(p);
    rp_cohort_free(c);
    *mout = m;
}

/* L490 "モダリティ・手技ごとに下記の件数の読影もしくは手技を経験することが求められます": every
 * count at its target is compliant, and (no yields) the rows take the plan. */
static void test_RAD16_19_all_targets_met(void **state)
{
    (void)state;
    rp_model *m = targets_model();
    rp_cohort *c = t_load_cohort(m, "tests/rules/experience_target/all-met.yaml");
    rp_plan *p = t_plan_csv(m, PLAN);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, c, p, &f);
    assert_int_equal(f.count, 0);
    t_expect_compliant(m, c, p, "RAD-16");
    rp_findings_free(&f);
    rp_plan_free(p);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* L492 "CT 600 例": 599 CT reports at completion are a violation of RAD-16 alone. */
static void test_RAD16_L492_ct_short(void **state)
{
    (void)state;
    rp_model *m;
    rp_findings f = RP_FINDINGS_INIT;
    findings_for("{counts: {xray: 400, gi: 60, us: 120, ct: 599, mri: 300, nm: 50}}", &f, &m);
    assert_int_equal(kt_count(m, &f, "RAD-16", RP_LEVEL_VIOLATION), 1);
    const rp_finding *v = kt_nth(m, &f, "RAD-16", 0);
    assert_string_equal(v->required, "at least 600 ct");
    assert_string_equal(v->found, "599");
    assert_non_null(strstr(v->message, "resident r1 logged 599 ct of the 600 required"));
    /* nothing of RAD-17..19 is logged: nothing to judge there */
    assert_int_equal(f.count, 1);
    rp_findings_free(&f);
    rp_model_free(m);
}

/* L502 補足 "e-learning の活用等によって、不足する研修を補完します": ultrasound 80 of 120
 * made up by an approved course is no violation; gi 59 without one is. */
static void test_RAD16_L502_supplemented(void **state)
{
    (void)state;
    rp_model *m;
    rp_findings f = RP_FINDINGS_INIT;
    findings_for("{counts: {xray: 400, gi: 59, us: 80, ct: 600, mri: 300, nm: 50}, "
                 "supplemented: [us]}",
                 &f, &m);
    assert_int_equal(kt_count(m, &f, "RAD-16", RP_LEVEL_VIOLATION), 1);
    assert_string_equal(kt_nth(m, &f, "RAD-16", 0)->required, "at least 60 gi");
    rp_findings_free(&f);
    rp_model_free(m);
}

/* L511 "IVR 30 例, 血管系 10 例以上, 非血管系 5 例以上": 24 + 5 = 29 breaks the total only;
 * 9 + 21 = 30 breaks the vascular minimum only; 10 + 20 meets all. */
static void test_RAD17_L511_ivr_total_and_split(void **state)
{
    (void)state;
    rp_model *m;
    rp_findings f = RP_FINDINGS_INIT;
    findings_for("{counts: {ivr-vascular: 24, ivr-nonvascular: 5}}", &f, &m);
    assert_int_equal(kt_count(m, &f, "RAD-17", RP_LEVEL_VIOLATION), 1);
    assert_string_equal(kt_nth(m, &f, "RAD-17", 0)->required, "at least 30 ivr");
    assert_string_equal(kt_nth(m, &f, "RAD-17", 0)->found, "29");
    rp_findings_free(&f);
    rp_model_free(m);

    findings_for("{counts: {ivr-vascular: 9, ivr-nonvascular: 21}}", &f, &m);
    assert_int_equal(kt_count(m, &f, "RAD-17", RP_LEVEL_VIOLATION), 1);
    assert_string_equal(kt_nth(m, &f, "RAD-17", 0)->required, "at least 10 ivr-vascular");
    rp_findings_free(&f);
    rp_model_free(m);

    findings_for("{counts: {ivr-vascular: 10, ivr-nonvascular: 4}}", &f, &m);
    assert_int_equal(kt_count(m, &f, "RAD-17", RP_LEVEL_VIOLATION), 2); /* total 14, non-vasc 4 */
    rp_findings_free(&f);
    rp_model_free(m);
}

/* L514-L519 "放射線治療 30 例 ... 各 4 例以上": 4 + 4 + 4 + 18 meets all; 3 in bone and soft
 * tissue breaks that site; 4 in each (16) breaks the total. */
static void test_RAD18_L514_rt_sites(void **state)
{
    (void)state;
    rp_model *m;
    rp_findings f = RP_FINDINGS_INIT;
    findings_for("{counts: {rt-brain-head-neck: 4, rt-chest-breast: 4, rt-abdomen-pelvis: 19, "
                 "rt-bone-soft-tissue: 3}}",
                 &f, &m);
    assert_int_equal(kt_count(m, &f, "RAD-18", RP_LEVEL_VIOLATION), 1);
    assert_string_equal(kt_nth(m, &f, "RAD-18", 0)->required, "at least 4 rt-bone-soft-tissue");
    rp_findings_free(&f);
    rp_model_free(m);

    findings_for("{counts: {rt-brain-head-neck: 4, rt-chest-breast: 4, rt-abdomen-pelvis: 4, "
                 "rt-bone-soft-tissue: 4}}",
                 &f, &m);
    assert_int_equal(kt_count(m, &f, "RAD-18", RP_LEVEL_VIOLATION), 1);
    assert_string_equal(kt_nth(m, &f, "RAD-18", 0)->required, "at least 30 rt");
    assert_string_equal(kt_nth(m, &f, "RAD-18", 0)->found, "16");
    rp_findings_free(&f);
    rp_model_free(m);
}

/* L484 "100 症例のうち…90%以上": 90 cases meet it, 89 do not, even marked supplemented (§6-2(1)
 * names no course that makes up curriculum cases: the rule is not supplementable). */
static void test_RAD19_L484_ninety_of_hundred(void **state)
{
    (void)state;
    rp_model *m;
    rp_findings f = RP_FINDINGS_INIT;
    findings_for("{counts: {cases: 90}}", &f, &m);
    assert_int_equal(kt_count(m, &f, "RAD-19", -1), 0);
    rp_findings_free(&f);
    rp_model_free(m);
    findings_for("{counts: {cases: 89}, supplemented: [cases]}", &f, &m);
    assert_int_equal(kt_count(m, &f, "RAD-19", RP_LEVEL_VIOLATION), 1);
    assert_string_equal(kt_nth(m, &f, "RAD-19", 0)->found, "89");
    rp_findings_free(&f);
    rp_model_free(m);
}

/* L484 "専門研修が満了するまでに": counts logged so far (as of 2020-09, month 18) that are short
 * are information, not a violation; logged as of the last month (2022-03) they are final. */
static void test_RAD16_logged_so_far_is_a_finding(void **state)
{
    (void)state;
    rp_model *m;
    rp_findings f = RP_FINDINGS_INIT;
    findings_for("{as_of: 2020-09, counts: {ct: 250}}", &f, &m);
    assert_int_equal(kt_count(m, &f, "RAD-16", -1), 1);
    const rp_finding *v = kt_nth(m, &f, "RAD-16", 0);
    assert_int_equal(v->level, RP_LEVEL_FINDING);
    assert_non_null(strstr(v->message, "has logged 250 ct of the 600 required so far"));
    rp_findings_free(&f);
    rp_model_free(m);
    findings_for("{as_of: 2022-03, counts: {ct: 250}}", &f, &m);
    assert_int_equal(kt_count(m, &f, "RAD-16", RP_LEVEL_VIOLATION), 1);
    rp_findings_free(&f);
    rp_model_free(m);
}

/* ---- yields, on a second model ---- */

/* Two years at hq (base), north and south (partners); IVR yields 3 a month at north's ivr
 * department, 2 a month at north as a whole, none at south. The resident wishes for south. */
static const char second_model[] =
    "programme: {id: second, name: second}\n"
    "calendar: {unit: month, start_month: 4, years: 2}\n"
    "facilities:\n"
    "  - {id: hq, name: base, role: base, instructors: 4}\n"
    "  - id: north\n"
    "    name: north\n"
    "    role: partner\n"
    "    instructors: 2\n"
    "    departments: [{id: ivr, name: IVR}, {id: dx, name: 診断}]\n"
    "  - {id: south, name: south, role: partner, instructors: 2}\n"
    "experience_items:\n"
    "  - {id: ivr-vascular}\n"
    "  - {id: ivr-nonvascular}\n"
    "rules:\n"
    "  - {id: ONE, kind: one-place-per-period, class: hard, source: test}\n"
    "  - id: IVR\n"
    "    kind: experience-target\n"
    "    class: hard\n"
    "    source: test\n"
    "    params:\n"
    "      weight: %s\n"
    "      targets:\n"
    "        - {item: ivr, sum_of: [ivr-vascular, ivr-nonvascular], at_least: 30}\n"
    "      yields:\n"
    "        - {facility: north, department: ivr, per_month: {ivr-vascular: 2, "
    "ivr-nonvascular: 1}}\n"
    "        - {facility: north, per_month: {ivr-vascular: 2}}\n";

static rp_model *second(const char *weight)
{
    char *yaml = rp_xasprintf(second_model, weight);
    char *path = t_write_temp(".yaml", yaml);
    rp_model *m = t_load_model(path);
    unlink(path);
    free(path);
    free(yaml);
    return m;
}

static rp_cohort *second_cohort(const rp_model *m, const char *extra)
{
    char *yaml = rp_xasprintf("residents:\n"
                              "  - id: s1\n"
                              "    cohort: 2024\n"
                              "    wishes: [south]\n%s",
                              extra);
    char *path = t_write_temp(".yaml", yaml);
    rp_cohort *c = t_load_cohort(m, path);
    unlink(path);
    free(path);
    free(yaml);
    return c;
}

/* Months s1 spends at facility f in plan p. */
static int months_at(const rp_model *m, const rp_plan *p, const char *f)
{
    int n = 0;
    for (size_t i = 0; i < p->n_stints; i++)
        if (!strcmp(m->facilities[p->stints[i].facility].id, f))
            n += p->stints[i].last - p->stints[i].first + 1;
    return n;
}

static rp_plan *solve(const rp_model *m, const rp_cohort *c)
{
    rp_translation *t = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_translate(m, c, NULL, &t, &d), 0);
    rp_solve_options opt = {0, 0, false, NULL, NULL, NULL}; /* no clock */
    rp_solve_result res;
    assert_int_equal(rp_solve(t->ilp, &opt, &res, &d), 0);
    assert_int_equal(res.status, RP_SOLVE_OPTIMAL);
    rp_plan *p = NULL;
    assert_int_equal(rp_decode(t, res.x, &p, &d), 0);
    rp_solve_result_free(&res);
    rp_translation_free(t);
    rp_diags_free(&d);
    return p;
}

/* With yields the planner trades the wish for south (1 in all, 1/12 a month) against the IVR
 * target (weight 10: 10/30 a case short): north, planned as a whole, gives 2 a month, so the
 * solver stays at north for at least the 15 months that reach 30, and the check's projection of
 * the plan it returns finds no shortfall. */
static void test_RAD17_yields_steer_the_plan(void **state)
{
    (void)state;
    rp_model *m = second("10");
    rp_cohort *c = second_cohort(m, "");
    rp_plan *p = solve(m, c);
    assert_true(months_at(m, p, "north") >= 15);
    assert_true(months_at(m, p, "south") > 0); /* the months left go to the wish */
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, c, p, &f);
    assert_int_equal(kt_count(m, &f, "IVR", -1), 0);
    rp_findings_free(&f);
    rp_plan_free(p);
    rp_cohort_free(c);
    rp_model_free(m);

    /* weight 0: no term, the wish wins; the projection (north 0 months) is a warning */
    m = second("0");
    c = second_cohort(m, "");
    p = solve(m, c);
    assert_int_equal(months_at(m, p, "north"), 0);
    kt_check(m, c, p, &f);
    assert_int_equal(kt_count(m, &f, "IVR", RP_LEVEL_WARNING), 1);
    assert_int_equal(kt_count(m, &f, "IVR", RP_LEVEL_VIOLATION), 0);
    assert_string_equal(kt_nth(m, &f, "IVR", 0)->found, "0");
    assert_non_null(strstr(kt_nth(m, &f, "IVR", 0)->message, "is projected to reach 0 ivr"));
    rp_findings_free(&f);
    rp_plan_free(p);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* The projection counts the logged cases and the training months after as_of only, a
 * department's own yield before its facility's: 20 logged to 2024-12 (month 9), then north's
 * ivr for months 10-12 (3 x 3 = 9) and north as a whole for months 13-14 (2 x 2 = 4): 33, no
 * warning; without months 13-14 at north, 29: a warning. */
static void test_RAD17_projection_counts_after_as_of(void **state)
{
    (void)state;
    rp_model *m = second("1");
    rp_cohort *c = second_cohort(m, "    experience: {as_of: 2024-12, counts: {ivr-vascular: 20}}\n");
    rp_plan *p = t_plan_csv(m, "s1,2024,,north,ivr,block,1,12,,,\n"
                               "s1,2024,,north,,block,13,14,,,\n"
                               "s1,2024,,south,,block,15,24,,,\n");
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(m, c, p, &f);
    assert_int_equal(kt_count(m, &f, "IVR", -1), 0);
    rp_findings_free(&f);
    rp_plan_free(p);
    p = t_plan_csv(m, "s1,2024,,north,ivr,block,1,12,,,\n"
                      "s1,2024,,south,,block,13,24,,,\n");
    kt_check(m, c, p, &f);
    assert_int_equal(kt_count(m, &f, "IVR", RP_LEVEL_WARNING), 1);
    assert_string_equal(kt_nth(m, &f, "IVR", 0)->found, "29");
    rp_findings_free(&f);
    rp_plan_free(p);
    /* the rows (a soft term: short absorbs the gap) take a plan that falls short */
    p = t_plan_csv(m, "s1,2024,,north,,block,1,10,,,\ns1,2024,,south,,block,11,24,,,\n");
    t_expect_compliant(m, c, p, "IVR");
    rp_plan_free(p);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* The report shows each resident's projected count, as the check judges it: 20 logged to
 * month 9, then month 10 at north as a whole (2) = 22 of 30, marked short; a model whose
 * residents log nothing and whose rules give no yields gets no experience section. */
static void test_RAD17_report_shows_projected_counts(void **state)
{
    (void)state;
    rp_model *m = second("1");
    rp_cohort *c = second_cohort(m, "    experience: {as_of: 2024-12, counts: {ivr-vascular: 20}}\n");
    rp_plan *p = t_plan_csv(m, "s1,2024,,north,,block,1,10,,,\ns1,2024,,south,,block,11,24,,,\n");
    rp_check_ctx *ctx = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_check_ctx_new(m, c, p, &ctx, &d), 0);
    rp_html_input in = {0};
    in.model = m;
    in.plan = p;
    in.ctx = ctx;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    rp_html_experience(&in, out);
    assert_int_equal(fclose(out), 0);
    assert_non_null(strstr(text, "<th>ivr &ge; 30</th>"));
    assert_non_null(strstr(text, "<tr><td>s1</td><td class=\"num short\" style=\"color: "
                                 "#b00020; font-weight: bold\">22 (projected)</td></tr>"));
    free(text);
    rp_check_ctx_free(ctx);
    rp_plan_free(p);
    rp_cohort_free(c);
    rp_model_free(m);

    m = targets_model();
    p = t_plan_csv(m, PLAN);
    assert_int_equal(rp_check_ctx_new(m, NULL, p, &ctx, &d), 0);
    in.model = m;
    in.plan = p;
    in.ctx = ctx;
    out = open_memstream(&text, &len);
    rp_html_experience(&in, out);
    assert_int_equal(fclose(out), 0);
    assert_string_equal(text, "");
    free(text);
    rp_check_ctx_free(ctx);
    rp_plan_free(p);
    rp_model_free(m);
    rp_diags_free(&d);
}

/* ---- bad input ---- */

static void test_params_unknown_item(void **state)
{
    (void)state;
    char *yaml = kt_tiny_model("experience-target", " {targets: [{item: ct, at_least: 600}]}");
    char *text = kt_model_errors(yaml);
    assert_string_equal(text, "12:31: unknown experience item 'ct'; the model lists no "
                              "experience_items\n");
    free(text);
    free(yaml);
}

/* Two yields for one place would let the rows and the check pick different ones: refused. */
static void test_params_duplicate_yield(void **state)
{
    (void)state;
    char *yaml = rp_xasprintf(second_model, "1");
    char *twice = rp_xasprintf("%s        - {facility: north, per_month: {ivr-vascular: 5}}\n",
                               yaml);
    char *text = kt_model_errors(twice);
    assert_string_equal(text, "27:11: a second yield for facility 'north'; expected one yield "
                              "for each facility and department\n");
    free(text);
    free(twice);
    free(yaml);
}

static void test_params_targets_missing(void **state)
{
    (void)state;
    kt_bad_params("experience-target", " {}",
                  "12:13: missing key 'targets' in params of rule 'R-1'\n");
}

/* Residents-file errors, each located: an unknown item (with a hint), a count that is not a
 * whole number >= 0, an unknown item in supplemented. */
static void test_residents_bad_experience(void **state)
{
    (void)state;
    rp_model *m = t_load_model(KT_MODEL);
    char *path = t_write_temp(".yaml", "residents:\n"
                                       "  - id: r1\n"
                                       "    cohort: 2019\n"
                                       "    experience:\n"
                                       "      counts: {ctt: 3, mri: -1}\n"
                                       "      supplemented: [uss]\n");
    rp_diags d = RP_DIAGS_INIT;
    rp_cohort *c = NULL;
    assert_int_equal(rp_cohort_load(m, path, &c, &d), -1);
    assert_null(c);
    char *text = t_diags_text(&d);
    assert_string_equal(text,
                        "5:16: unknown experience item 'ctt'; did you mean 'ct'?\n"
                        "5:29: experience count '-1' is out of range; expected a whole number "
                        "from 0 to 1000000\n"
                        "6:22: unknown experience item 'uss' in supplemented; did you mean "
                        "'us'?\n");
    free(text);
    rp_diags_free(&d);
    unlink(path);
    free(path);
    rp_model_free(m);
}

static void test_params_good(void **state)
{
    (void)state;
    rp_model *m = t_load_model(KT_MODEL);
    size_t n = 0;
    for (size_t i = 0; i < m->n_rules; i++)
        n += strcmp(m->rules[i].kind->name, "experience-target") == 0;
    assert_int_equal(n, 4); /* RAD-16, RAD-17, RAD-18, RAD-19 */
    assert_int_equal(m->n_experience, 13);
    rp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_RAD16_19_all_targets_met),
        cmocka_unit_test(test_RAD16_L492_ct_short),
        cmocka_unit_test(test_RAD16_L502_supplemented),
        cmocka_unit_test(test_RAD17_L511_ivr_total_and_split),
        cmocka_unit_test(test_RAD18_L514_rt_sites),
        cmocka_unit_test(test_RAD19_L484_ninety_of_hundred),
        cmocka_unit_test(test_RAD16_logged_so_far_is_a_finding),
        cmocka_unit_test(test_RAD17_yields_steer_the_plan),
        cmocka_unit_test(test_RAD17_projection_counts_after_as_of),
        cmocka_unit_test(test_RAD17_report_shows_projected_counts),
        cmocka_unit_test(test_params_unknown_item),
        cmocka_unit_test(test_params_duplicate_yield),
        cmocka_unit_test(test_params_targets_missing),
        cmocka_unit_test(test_residents_bad_experience),
        cmocka_unit_test(test_params_good),
    };
    return T_RUN(tests);
}
