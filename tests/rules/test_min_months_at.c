/*
 * test_min_months_at.c: kind `min-months-at`, a minimum of presence months at a set of
 * facilities: RAD-02 (12 months at 総合修練 facilities, 003 §7-1 L535; yokohama-tobu is 修練 by
 * D-1), RAD-03 (6 months at the base, L535) and RAD-20 (1 month of radiotherapy at an RT-capable
 * setting: keio in its rt track or with no track named; saitama-mc and yokohama-tobu disputed,
 * D-3). Presence excludes leave (D-9). Fixtures in tests/rules/min_months_at/: one resident r1 of
 * cohort 2019 whose plan names no course (only the rule under test and RAD-06 are enabled).
 */
#include "kind_test.h"

#include "rotaplan/solve.h"
#include "rotaplan/translate.h"

#define DIR "tests/rules/min_months_at/"

typedef kt_fixture fixture; /* c NULL: r1 trains full time */

static fixture load(const char *id, const char *plan, const char *residents)
{
    return kt_load(kt_model(id), DIR, plan, residents);
}

static void unload(fixture *x)
{
    kt_unload(x);
}

static void expect_compliant(const char *id, const char *plan, const char *residents)
{
    fixture x = load(id, plan, residents);
    t_expect_compliant(x.m, x.c, x.p, id);
    unload(&x);
}

/* The one finding of rule id (a violation over the whole horizon, at no single facility). */
static void expect_finding(const fixture *x, const char *id, const char *required,
                           const char *found)
{
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x->m, x->c, x->p, &f);
    assert_int_equal(f.count, 1);
    const rp_finding *v = kt_nth(x->m, &f, id, 0);
    assert_int_equal(v->level, RP_LEVEL_VIOLATION);
    assert_int_equal(v->resident, 0);
    assert_int_equal(v->facility, RP_NONE);
    assert_int_equal(v->first, 1);
    assert_int_equal(v->last, 36);
    assert_string_equal(v->required, required);
    assert_string_equal(v->found, found);
    rp_findings_free(&f);
}

/* A plan that breaks rule id once: check and rows (the twin), then the finding's strings. */
static void expect_violation(const char *id, const char *plan, const char *residents,
                             const char *required, const char *found)
{
    fixture x = load(id, plan, residents);
    t_expect_violation(x.m, x.c, x.p, id, 1);
    expect_finding(&x, id, required, found);
    unload(&x);
}

#define SOGO "at least 12 months at 総合修練 facilities"
#define BASE "at least 6 months at the base facility"
#define RT "at least 1 month at radiotherapy-capable facilities"

/* ---- RAD-27 (003 §9-2(3) L755 "修了判定に至らなかった専攻医に対しては、年限を延長して研修を行い
 * ます"; RULES.md: "If C(r) < 36, or RAD-02, RAD-03 or RAD-20 fail, at the end of month 36,
 * extension months E_r are added until they hold") ---- */

/* The model with RAD-02, RAD-06 and RAD-09 enabled and its own reading of uncounted leave
 * (extends), then the residents file: the cohort is loaded after the rules are chosen, as
 * rp_resident_extend asks. */
static fixture load_extending(const char *plan, const char *residents)
{
    rp_model *m = t_load_model(KT_MODEL);
    for (size_t i = 0; i < m->n_rules; i++) {
        const char *id = m->rules[i].id;
        m->rules[i].enabled = strcmp(id, "RAD-02") == 0 || strcmp(id, "RAD-06") == 0 ||
                              strcmp(id, "RAD-09") == 0;
    }
    return kt_load(m, DIR, plan, residents);
}

/* RAD-27 with RAD-02 (L535): course C, years 1 and 3 pinned at 修練 partners, 4 certified
 * months of sickness in year 2 at keio: 8 of the 12 months at 総合修練 facilities fit in the
 * 36; the programme is extended by the 4 months (once: "no compliant plan exists"). The
 * extension follows no course pattern: keio in months 37-40 complies, check and rows. */
static void test_RAD27_L755_RAD02_short_after_leave_extends(void **state)
{
    (void)state;
    fixture x = load_extending("rad27-extended-at-keio", "rad27-sick-course-c");
    const rp_resident *r = &x.c->residents[0];
    assert_int_equal(r->rule_extension, 4);
    assert_string_equal(x.m->rules[r->extension_rule].id, "RAD-02");
    assert_int_equal(rp_horizon(x.m, r), 40);
    t_expect_compliant(x.m, x.c, x.p, "RAD-02");
    assert_int_equal(t_violations(x.m, x.c, x.p, "RAD-09"), 0);
    unload(&x);
}

/* RAD-27 with RAD-02 (as above): the extension at keiyu (修練) leaves RAD-02 at 8 months. */
static void test_RAD27_L755_extension_elsewhere_still_violates(void **state)
{
    (void)state;
    fixture x = load_extending("rad27-extended-at-partner", "rad27-sick-course-c");
    assert_int_equal(rp_horizon(x.m, &x.c->residents[0]), 40);
    assert_int_equal(t_violations(x.m, x.c, x.p, "RAD-02"), 1);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, true, NULL), 0);
    unload(&x);
}

/* RAD-27 (as above): without the pins the same leave leaves RAD-02 reachable inside the 36
 * months (tokyo-mc in year 1 or 3): no extension. */
static void test_RAD27_L755_reachable_rule_extends_nothing(void **state)
{
    (void)state;
    fixture x = load_extending("rad27-extended-at-keio", "rad27-sick-counted");
    assert_int_equal(x.c->residents[0].rule_extension, 0);
    assert_int_equal(x.c->residents[0].extension_rule, RP_NONE);
    assert_int_equal(rp_horizon(x.m, &x.c->residents[0]), 36);
    unload(&x);
}

/* ---- RAD-02: "専門研修期間のうち少なくとも1年間以上は日本医学放射線学会認定の総合修練機関で
 * 専門研修を行うことを必須とします" (003 §7-1 L535) ---- */

/* RAD-02 L535: keio (総合修練) for 12 months, then yokohama-tobu: exactly 12 months */
static void test_RAD02_L535_12_months_at_keio_complies(void **state)
{
    (void)state;
    expect_compliant("RAD-02", "sogo-12-at-keio", NULL);
}

/* RAD-02 L535: the 12 months need not be contiguous: keio 6 + st-lukes 6 */
static void test_RAD02_L535_months_need_not_be_contiguous(void **state)
{
    (void)state;
    expect_compliant("RAD-02", "sogo-split", NULL);
}

/* RAD-02 L535, D-1: the 2017 table row "日本医学放射線学会認定機関 総合修練 修練 ..." (L302)
 * gives yokohama-tobu 修練: 11 months at keio, the rest at yokohama-tobu, is 11 at 総合修練 */
static void test_RAD02_L302_yokohama_tobu_does_not_count(void **state)
{
    (void)state;
    expect_violation("RAD-02", "sogo-11-then-yokohama-tobu", NULL, SOGO, "11 months");
    fixture x = load("RAD-02", "sogo-11-then-yokohama-tobu", NULL);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_string_equal(f.items[0].message, "resident r1 is present 11 months at 総合修練 "
                                            "facilities; at least 12 are required");
    rp_findings_free(&f);
    unload(&x);
}

/* RAD-02 L535, D-1 lenient reading: yokohama-tobu's §2 heading says "日本医学放射線学会認定総合
 * 修練機関" (L236); under it the same plan complies, in check and rows alike */
static void test_RAD02_L236_heading_reading_counts_yokohama_tobu(void **state)
{
    (void)state;
    fixture x = load("RAD-02", "sogo-11-then-yokohama-tobu", NULL);
    x.m->readings.accreditation_heading = true;
    t_expect_compliant(x.m, x.c, x.p, "RAD-02");
    unload(&x);
}

/* RAD-02 L535, D-9 (leave counts toward RAD-01 only): a sickness month at keio leaves 11
 * presence months at 総合修練 */
static void test_RAD02_L535_D9_leave_is_not_presence(void **state)
{
    (void)state;
    expect_violation("RAD-02", "sogo-12-at-keio", "sick-at-keio", SOGO, "11 months");
}

/* RAD-02 L535, D-9 lenient reading: with leave counted as presence the same plan complies */
static void test_RAD02_L535_D9_lenient_reading_counts_leave(void **state)
{
    (void)state;
    fixture x = load("RAD-02", "sogo-12-at-keio", "sick-at-keio");
    x.m->readings.presence_counts_leave = true;
    t_expect_compliant(x.m, x.c, x.p, "RAD-02");
    unload(&x);
}

/* ---- RAD-03: "基幹施設での研修は6カ月以上" (003 §7-1 L535) ---- */

/* RAD-03 L535: exactly 6 months at keio */
static void test_RAD03_L535_6_months_at_base_complies(void **state)
{
    (void)state;
    expect_compliant("RAD-03", "base-6", NULL);
}

/* RAD-03 L535: 5 months at keio */
static void test_RAD03_L535_5_months_at_base_violates(void **state)
{
    (void)state;
    expect_violation("RAD-03", "base-5", NULL, BASE, "5 months");
}

/* RAD-03 L535, D-9: the 6 keio months are all maternity leave: no presence at the base */
static void test_RAD03_L535_D9_maternity_at_base_is_not_presence(void **state)
{
    (void)state;
    expect_violation("RAD-03", "base-6", "maternity-at-keio", BASE, "0 months");
}

/* ---- RAD-20: radiotherapy exposure, needed by the target "放射線治療 30 例 脳・頭頸部 4 例以上"
 * (003 §6-2(3) L514) and read from the table row "放射線治療新規患者数" (L290, L298, L306) ---- */

/* RAD-20 L514: keio (放射線治療新規患者数 536, L290) with no track named counts */
static void test_RAD20_L514_keio_without_track_complies(void **state)
{
    (void)state;
    expect_compliant("RAD-20", "rt-keio-no-track", NULL);
}

/* RAD-20 L514: one month in keio's rt track ("B. 放射線治療", 003 §7-3(1) L608) is enough; the
 * track is pinned, as only pinned tracks are in the ILP's space */
static void test_RAD20_L608_one_month_in_rt_track_complies(void **state)
{
    (void)state;
    expect_compliant("RAD-20", "rt-keio-track-1-month", "pinned-rt-month");
}

/* RAD-20 L514: tokyo-mc treats ("放射線治療新規患者数 536 409 ...", L290) */
static void test_RAD20_L290_rt_partner_complies(void **state)
{
    (void)state;
    expect_compliant("RAD-20", "rt-tokyo-mc", NULL);
}

/* RAD-20 L514, C-5: eiju and hiroo treat nobody ("放射線治療新規患者数 ... 0 0", L290) */
static void test_RAD20_L298_no_rt_facility_violates(void **state)
{
    (void)state;
    expect_violation("RAD-20", "rt-none", NULL, RT, "0 months");
}

/* RAD-20 L514, D-3: "埼玉メディカルセンター…では画像診断、IVR の実際を研修し" (L323): not
 * relied on for radiotherapy */
static void test_RAD20_L323_saitama_mc_disputed_violates(void **state)
{
    (void)state;
    expect_violation("RAD-20", "rt-saitama-mc", NULL, RT, "0 months");
}

/* RAD-20 L323, D-3: "…済生会横浜市東部病院…では画像診断、IVR の実際を研修し" (L323), as
 * saitama-mc */
static void test_RAD20_L323_yokohama_tobu_disputed_violates(void **state)
{
    (void)state;
    expect_violation("RAD-20", "rt-yokohama-tobu", NULL, RT, "0 months");
}

/* RAD-20 L298, D-3 lenient reading: the table gives saitama-mc 280 (L298) and §7-3(2) lists it
 * under "A. 東京医療センター、…埼玉メディカルセンター…" (L654): then it complies */
static void test_RAD20_L298_include_reading_counts_saitama_mc(void **state)
{
    (void)state;
    fixture x = load("RAD-20", "rt-saitama-mc", NULL);
    x.m->readings.rt_disputed_capable = true;
    t_expect_compliant(x.m, x.c, x.p, "RAD-20");
    unload(&x);
}

/* RAD-20 L514, D-9: the only RT-capable months (tokyo-mc) are sickness leave */
static void test_RAD20_L514_D9_rt_months_on_leave_violate(void **state)
{
    (void)state;
    expect_violation("RAD-20", "rt-tokyo-mc", "sick-at-tokyo-mc", RT, "0 months");
}

/*
 * RAD-20 L514, RULES.md RAD-20 "z[r,m,keio] = 1 with track ∈ {rt, unspecified}": keio only in
 * its CT/MRI/RI and US/GI tracks, then eiju and hiroo (RT 0). The check finds the violation. The
 * planner plans facilities, not keio's tracks (a department is only ever a pinned one), so the
 * ILP holds no piece for a track the residents file does not pin: the plan is outside its space.
 */
static void test_RAD20_L608_keio_diagnosis_tracks_only_violates(void **state)
{
    (void)state;
    fixture x = load("RAD-20", "rt-keio-diagnosis-only", NULL);
    expect_finding(&x, "RAD-20", RT, "0 months");
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, true, NULL), -1);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, false, NULL), -1);
    unload(&x);
}

/* RAD-20 L514: the same with the track pinned in the residents file: now the plan is in the
 * ILP's space, and both its rows and the check reject it. */
static void test_RAD20_L608_pinned_diagnosis_track_violates(void **state)
{
    (void)state;
    fixture x = load("RAD-20", "rt-keio-pinned-track", "pinned-diagnosis");
    expect_finding(&x, "RAD-20", RT, "0 months");
    t_expect_violation(x.m, x.c, x.p, "RAD-20", 1);
    unload(&x);
}

/*
 * RAD-20, STYLE.md section 7 "the check passes every plan the solver returns": every month is
 * pinned, keio in its ct-mri-ri track (a pin may name a department, src/model/cohort.c), the
 * partners without radiotherapy. The rows see the pinned track: RAD-20's row is left without a
 * column before any solve (rp_ilp_violated, which `plan` reports as "cannot be met, whatever the
 * plan").
 */
static void test_RAD20_L608_pinned_track_leaves_no_plan(void **state)
{
    (void)state;
    rp_model *m = kt_model("RAD-20");
    rp_cohort *c = t_load_cohort(m, DIR "pinned-diagnosis.yaml");
    rp_translation *t = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_translate(m, c, NULL, &t, &d), 0);
    assert_int_equal(t->n_uncovered, 0);
    assert_int_equal(rp_ilp_n_violated(t->ilp), 1);
    rp_row_tag tag = rp_ilp_violated_tag(t->ilp, 0);
    assert_string_equal(m->rules[tag.rule].id, "RAD-20");
    assert_int_equal(tag.resident, 0);
    rp_translation_free(t);
    rp_diags_free(&d);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* ---- bad parameters (the tiny model of kind_test.h: params on line 12) ---- */

static void test_RAD02_params_months_missing(void **state)
{
    (void)state;
    kt_bad_params("min-months-at", "\n      facilities: {accreditation: 総合修練}",
                  "13:7: missing key 'months' in params of rule 'R-1'\n");
}

static void test_RAD02_params_facilities_missing(void **state)
{
    (void)state;
    kt_bad_params("min-months-at", " {months: 12}",
                  "12:13: missing key 'facilities' in params of rule 'R-1'\n");
}

static void test_RAD03_params_months_negative(void **state)
{
    (void)state;
    kt_bad_params("min-months-at", " {months: -6, facilities: {role: base}}",
                  "12:22: months '-6' is out of range; expected a whole number from 1 to 1200\n");
}

static void test_RAD03_params_unknown_role_hint(void **state)
{
    (void)state;
    kt_bad_params("min-months-at", " {months: 6, facilities: {role: basis}}",
                  "12:44: unknown role 'basis'; did you mean 'base'?\n");
}

static void test_RAD03_params_unknown_role_lists_roles(void **state)
{
    (void)state;
    kt_bad_params("min-months-at", " {months: 6, facilities: {role: 基幹施設}}",
                  "12:44: unknown role '基幹施設'; expected one of base, partner, related\n");
}

static void test_RAD03_params_empty_selector(void **state)
{
    (void)state;
    kt_bad_params("min-months-at", " {months: 6, facilities: {}}",
                  "12:37: empty facility selector in facilities; expected one of 'role', "
                  "'accreditation', 'rt_capable', 'ids'\n");
}

static void test_RAD03_params_selector_unknown_key(void **state)
{
    (void)state;
    kt_bad_params("min-months-at", " {months: 6, facilities: {roles: base}}",
                  "12:38: unknown key 'roles' in facilities; did you mean 'role'?\n");
}

static void test_RAD03_params_selector_not_a_mapping(void **state)
{
    (void)state;
    kt_bad_params("min-months-at", " {months: 6, facilities: base}",
                  "12:37: facilities of params of rule 'R-1' is 'base'; expected a mapping\n");
}

static void test_RAD02_params_unknown_accreditation(void **state)
{
    (void)state;
    kt_bad_params("min-months-at", "\n      months: 12\n      facilities: {accreditation: 総合}",
                  "14:35: unknown accreditation '総合'; expected one of none, 総合修練, 修練, "
                  "特殊修練\n");
}

static void test_RAD02_params_unknown_facility_id(void **state)
{
    (void)state;
    kt_bad_params("min-months-at",
                  "\n      months: 12\n      facilities: {ids: [keoi, tokyo-mc]}",
                  "14:26: unknown facility 'keoi'; did you mean 'keio'?\n");
}

static void test_RAD20_params_rt_capable_not_bool(void **state)
{
    (void)state;
    kt_bad_params("min-months-at", "\n      months: 1\n      facilities: {rt_capable: maybe}",
                  "14:32: rt_capable 'maybe' is not true or false; expected true or false\n");
}

static void test_RAD20_params_departments_not_a_list(void **state)
{
    (void)state;
    kt_bad_params("min-months-at",
                  "\n      months: 1\n      facilities: {rt_capable: true}\n      departments: rt",
                  "15:20: departments of params of rule 'R-1' is 'rt'; expected a list\n");
}

static void test_RAD20_params_unknown_key_hint(void **state)
{
    (void)state;
    kt_bad_params("min-months-at",
                  "\n      months: 1\n      facilities: {rt_capable: true}"
                  "\n      departements: [rt]",
                  "15:7: unknown key 'departements' in params of rule 'R-1'; did you mean "
                  "'departments'?\n");
}

static void test_RAD20_params_good(void **state)
{
    (void)state;
    kt_good_params("min-months-at", "\n      months: 1\n      facilities: {rt_capable: true}"
                                    "\n      departments: [rt]");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_RAD02_L535_12_months_at_keio_complies),
        cmocka_unit_test(test_RAD02_L535_months_need_not_be_contiguous),
        cmocka_unit_test(test_RAD02_L302_yokohama_tobu_does_not_count),
        cmocka_unit_test(test_RAD02_L236_heading_reading_counts_yokohama_tobu),
        cmocka_unit_test(test_RAD02_L535_D9_leave_is_not_presence),
        cmocka_unit_test(test_RAD02_L535_D9_lenient_reading_counts_leave),
        cmocka_unit_test(test_RAD03_L535_6_months_at_base_complies),
        cmocka_unit_test(test_RAD03_L535_5_months_at_base_violates),
        cmocka_unit_test(test_RAD03_L535_D9_maternity_at_base_is_not_presence),
        cmocka_unit_test(test_RAD20_L514_keio_without_track_complies),
        cmocka_unit_test(test_RAD20_L608_one_month_in_rt_track_complies),
        cmocka_unit_test(test_RAD20_L290_rt_partner_complies),
        cmocka_unit_test(test_RAD20_L298_no_rt_facility_violates),
        cmocka_unit_test(test_RAD20_L323_saitama_mc_disputed_violates),
        cmocka_unit_test(test_RAD20_L323_yokohama_tobu_disputed_violates),
        cmocka_unit_test(test_RAD20_L298_include_reading_counts_saitama_mc),
        cmocka_unit_test(test_RAD20_L514_D9_rt_months_on_leave_violate),
        cmocka_unit_test(test_RAD20_L608_keio_diagnosis_tracks_only_violates),
        cmocka_unit_test(test_RAD20_L608_pinned_diagnosis_track_violates),
        cmocka_unit_test(test_RAD20_L608_pinned_track_leaves_no_plan),
        cmocka_unit_test(test_RAD02_params_months_missing),
        cmocka_unit_test(test_RAD02_params_facilities_missing),
        cmocka_unit_test(test_RAD03_params_months_negative),
        cmocka_unit_test(test_RAD03_params_unknown_role_hint),
        cmocka_unit_test(test_RAD03_params_unknown_role_lists_roles),
        cmocka_unit_test(test_RAD03_params_empty_selector),
        cmocka_unit_test(test_RAD03_params_selector_unknown_key),
        cmocka_unit_test(test_RAD03_params_selector_not_a_mapping),
        cmocka_unit_test(test_RAD02_params_unknown_accreditation),
        cmocka_unit_test(test_RAD02_params_unknown_facility_id),
        cmocka_unit_test(test_RAD20_params_rt_capable_not_bool),
        cmocka_unit_test(test_RAD20_params_departments_not_a_list),
        cmocka_unit_test(test_RAD20_params_unknown_key_hint),
        cmocka_unit_test(test_RAD20_params_good),
        cmocka_unit_test(test_RAD27_L755_RAD02_short_after_leave_extends),
        cmocka_unit_test(test_RAD27_L755_extension_elsewhere_still_violates),
        cmocka_unit_test(test_RAD27_L755_reachable_rule_extends_nothing),
    };
    return T_RUN(tests);
}
