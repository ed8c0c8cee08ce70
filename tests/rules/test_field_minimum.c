/*
 * test_field_minimum.c: kind `field-minimum`, the credited days of each required field (RULES.md
 * INIT-11 内科 24 weeks, INIT-12 救急 12 weeks with 麻酔科 up to 4, INIT-13 外科, 小児科, 産婦人科,
 * 精神科, 地域医療 4 weeks each, INIT-14 一般外来 20 days, INIT-15 8 weeks desirable, soft) with the
 * crediting of credit.h it rests on (INIT-16, INIT-23, INIT-32..38, INIT-62). Fixtures in
 * tests/rules/field_minimum/: variants of base.csv (init_test.h), one resident r1 of cohort 2020.
 * Each case quotes the row of seed 000 it checks.
 */
#include "init_test.h"

#include "rotaplan/solve.h"
#include "rotaplan/translate.h"

#define DIR "tests/rules/field_minimum/"

static it_fixture load(const char *id, const char *plan, const char *residents)
{
    return it_load(DIR, id, plan, residents);
}

static void expect_compliant(const char *id, const char *plan, const char *residents)
{
    it_fixture x = load(id, plan, residents);
    t_expect_compliant(x.m, x.c, x.p, id);
    it_unload(&x);
}

/* A plan that breaks rule id once, in field label's credit: the twin (check and rows, plain and
 * shaped), then the finding: over the whole horizon, at no single facility. */
static void expect_violation(const char *id, const char *plan, const char *residents,
                             const char *required, const char *found)
{
    it_fixture x = load(id, plan, residents);
    t_expect_violation(x.m, x.c, x.p, id, 1);
    it_expect_finding(&x, id, 0, RP_LEVEL_VIOLATION, 0, "-", 1, 104, required, found);
    it_unload(&x);
}

#define IM24 "24 weeks (120 days)"
#define EM12 "12 weeks (60 days)"
#define W4 "4 weeks (20 days)"

/* ---- the base plan ---- */

/* Every rule of the model at once: the base plan of every INIT kind test breaks none (INIT-15's
 * four warnings aside: 外科, 精神科, 地域医療 and 一般外来 at 4 weeks, not the 8 desirable; and
 * INIT-53's one: 4 weeks at the 協力型 hospital psych, test_coop_weeks.c), and
 * the rows of every rule accept it, plain and shaped (the 4-week rotation unit of EXAMPLE-01). */
static void test_base_plan_complies_with_every_rule(void **state)
{
    (void)state;
    it_fixture x = load(NULL, "base", NULL);
    rp_findings f = RP_FINDINGS_INIT;
    kt_check(x.m, x.c, x.p, &f);
    assert_int_equal(rp_findings_count(&f, RP_LEVEL_VIOLATION), 0);
    assert_int_equal(rp_findings_count(&f, RP_LEVEL_WARNING), 5);
    assert_int_equal(kt_count(x.m, &f, "INIT-15", RP_LEVEL_WARNING), 4);
    assert_int_equal(kt_count(x.m, &f, "INIT-53", RP_LEVEL_WARNING), 1);
    rp_findings_free(&f);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, true, NULL), 1);
    assert_int_equal(t_rows_accept(x.m, x.c, x.p, false, NULL), 1);
    it_unload(&x);
}

/* ---- INIT-11: 内科 24 weeks ---- */

/* INIT-11, INIT-37, 000 Q41 (L56): "一般外来研修4週を内科外来で実施する場合、必修分野である内科研修
 * (24週)のうちの4週を一般外来に充て、研修期間としてダブルカウントすることが可能となります。"
 * 20 weeks of internal-medicine blocks with the core's general clinic (総合診療科外来, IM) inside
 * the run make 24. */
static void test_INIT11_Q41_L56_go_block_in_internal_medicine_run_complies(void **state)
{
    (void)state;
    expect_compliant("INIT-11", "base", NULL);
}

/* INIT-11, INIT-37, 000 Q41 (L56) (as above: 4 of the 24 weeks in the 内科外来): the same 4
 * weeks in town's general clinic, which serves 地域医療 (and in year 1 not even that), cut the
 * internal-medicine run in two and count for 一般外来 only: 20 weeks. */
static void test_INIT11_Q41_L56_go_block_in_community_clinic_violates(void **state)
{
    (void)state;
    expect_violation("INIT-11", "im-go-in-community-clinic", NULL, IM24, "20 weeks (100 days)");
}

/* INIT-11, INIT-37 (RULES.md: a 一般外来 block adds to CD(r,X) "under the validity conditions of
 * INIT-37", a run of X of 4 weeks or more), 000 Q41 (L56): 22 weeks of internal medicine and 2
 * weeks of the core's 内科外来 apart from them (surgery between) make 22, not 24. The check's run
 * (rp_judge_in_run) and the rows' windows must both refuse the 2 weeks (issue 14 item 3). */
static void test_INIT11_Q41_L56_go_block_outside_a_run_not_credited(void **state)
{
    (void)state;
    expect_violation("INIT-11", "im-22-go-2-apart", NULL, IM24, "22 weeks (110 days)");
}

/* INIT-14, INIT-37, 000 Q41 (L56): the same plan still has its 4 weeks of 一般外来. */
static void test_INIT14_Q41_L56_go_block_in_community_clinic_counts_for_go(void **state)
{
    (void)state;
    expect_compliant("INIT-14", "im-go-in-community-clinic", NULL);
}

/* INIT-11, INIT-37, 000 Q41 (L56) (as above), in a what-if's space: 4-week pieces (EXAMPLE-01's
 * rotation unit) and pieces cut at a change date (week 3), so that a general-clinic block can be
 * a long piece or a short one. 16 weeks of 内科 with the 4 GO weeks inside the run make 20: the
 * rows must not credit the long piece twice (directly and through the run windows), which once
 * let a what-if plan through that the check refused. */
static void test_INIT11_Q41_L56_go_block_credited_once_among_cut_pieces(void **state)
{
    (void)state;
    rp_model *m = it_model("INIT-11");
    for (size_t k = 0; k < m->n_rules; k++)
        if (strcmp(m->rules[k].id, "EXAMPLE-01") == 0)
            m->rules[k].enabled = true;
    rp_change cut = {RP_CHANGE_WITHDRAW, rp_model_facility(m, "island"), RP_NONE,
                     {2020, 4, 15}, {0, 0, 0}, 0};
    rp_model_add_change(m, &cut);
    rp_translate_options opt = {false, true, true, true, false, NULL, NULL};
    rp_plan *base = t_plan_file(m, "tests/rules/field_minimum/base.csv");
    rp_plan *short4 = t_plan_file(m, "tests/rules/field_minimum/im-16-go-in-run.csv");
    assert_int_equal(t_violations(m, NULL, base, "INIT-11"), 0);
    assert_int_equal(t_rows_accept_with(m, NULL, base, &opt, NULL), 1);
    assert_int_equal(t_violations(m, NULL, short4, "INIT-11"), 1);
    assert_int_equal(t_rows_accept_with(m, NULL, short4, &opt, NULL), 0);
    assert_int_equal(t_rows_accept_with(m, NULL, short4, &opt, "INIT-11"), 1);
    rp_plan_free(base);
    rp_plan_free(short4);
    rp_model_free(m);
}

/* INIT-11, INIT-16, 000 Q08 (L19): "休止90日間の中であれば、内科を12週で終えることも可能でしょうか。"
 * "到達目標を満たすことが可能である場合に限り認められますが、12週にて満たすことは困難であると思われ
 * るます。" 12 weeks of 内科 (8 + the 4 GO weeks of the run) with 90 days of leave: leave never
 * stands in for a minimum (the conservative reading of RULES.md INIT-16). */
static void test_INIT11_Q08_L19_twelve_weeks_with_leave_violates(void **state)
{
    (void)state;
    expect_violation("INIT-11", "im-12-weeks", "leave-90", IM24, "12 weeks (60 days)");
}

/* INIT-11, INIT-62, 000 Q07 (L18): "90日間の中であれば、必修分野であっても追加して研修する必要もあ
 * りません。" The base plan with 90 days of leave inside its internal-medicine weeks is still
 * credited the 24 planned weeks. */
static void test_INIT11_Q07_L18_leave_within_90_days_needs_no_make_up(void **state)
{
    (void)state;
    expect_compliant("INIT-11", "base", "leave-90");
}

/* INIT-11, INIT-32, 000 Q20 (L33): "救急外来での研修は、ほかの診療科等を研修中に、並行研修を行うこと
 * は可能であるが、並行研修を行う日数は当該診療科等の研修期間に含めないこととしています。" A weekly
 * emergency day in 4 of the 24 internal-medicine weeks leaves 116 days. */
static void test_INIT11_Q20_L33_weekly_emergency_in_internal_medicine_violates(void **state)
{
    (void)state;
    expect_violation("INIT-11", "im-weekly-em", NULL, IM24, "116 days");
}

/* INIT-11, INIT-32, 000 Q21 (L34): "他の診療科を研修中に、救急部門の並行研修を行う場合、並行研修を
 * 行う日数は当該診療科等の研修期間に含むことはできません。" Planned one week longer (25 weeks, 5
 * emergency days), internal medicine is credited its 120 days. */
static void test_INIT11_Q21_L34_internal_medicine_planned_longer_complies(void **state)
{
    (void)state;
    expect_compliant("INIT-11", "im-25-weeks-weekly-em", NULL);
}

/* INIT-11, INIT-34, 000 Q17 (L30): "ダブルカウントが可能なのは、内科、外科、小児科、又は地域医療を研
 * 修中に、同一診療科の一般外来を行うときを想定しています。" 24 weeks of internal medicine with a
 * weekly day in the core's general clinic (内科) for 20 weeks: the days count for both. */
static void test_INIT11_Q17_L30_weekly_go_in_own_clinic_double_counts(void **state)
{
    (void)state;
    expect_compliant("INIT-11", "im-weekly-go", NULL);
}

/* INIT-14, INIT-34, 000 Q17 (L30) (as above): the same 20 sessions are the 20 days of 一般外来. */
static void test_INIT14_Q17_L30_weekly_go_sessions_make_twenty_days(void **state)
{
    (void)state;
    expect_compliant("INIT-14", "im-weekly-go", NULL);
}

/* ---- INIT-12: 救急 12 weeks ---- */

/* INIT-12, 000 Q28 (L43): "必修科目の研修期間中の救急部門の並行研修は必須ではないため、可能となりま
 * す。ただし、救急部門は12週以上の研修を行うこととされていますので、12週以上の研修期間を設けるよう
 * にしてください。" 12 weeks of emergency blocks, no parallel emergency days. */
static void test_INIT12_Q28_L43_twelve_week_block_without_sessions_complies(void **state)
{
    (void)state;
    expect_compliant("INIT-12", "base", NULL);
}

/* INIT-12, 000 Q28 (L43) (as above): 8 weeks of emergency and no sessions. */
static void test_INIT12_Q28_L43_eight_weeks_without_sessions_violates(void **state)
{
    (void)state;
    expect_violation("INIT-12", "em-8-weeks", NULL, EM12, "8 weeks (40 days)");
}

/* INIT-12, INIT-33, 000 Q28 (L43) (as above): 8 weeks of block and a weekly emergency day at
 * city during 20 weeks of paediatrics there: 40 + 20 = 60 days (RULES.md INIT-33's example). */
static void test_INIT12_Q28_L43_eight_weeks_and_twenty_sessions_complies(void **state)
{
    (void)state;
    expect_compliant("INIT-12", "em-8-weeks-20-sessions", NULL);
}

/* INIT-12, INIT-33, 000 Q28 (L43): one session fewer is a day short. */
static void test_INIT12_Q28_L43_eight_weeks_and_nineteen_sessions_violates(void **state)
{
    (void)state;
    expect_violation("INIT-12", "em-8-weeks-19-sessions", NULL, EM12, "59 days");
}

/* INIT-12, INIT-23, 000 Q49 (L66): "麻酔科における研修期間は、現行通知5(1)ア(オ)⑬に記載された研修
 * 内容を含む場合は、4週を上限として、必修分野(救急部門)の研修期間に代替えすることが認められます。"
 * 8 weeks of emergency and 4 of anaesthesiology make the 12. */
static void test_INIT12_Q49_L66_anesthesiology_four_weeks_count_complies(void **state)
{
    (void)state;
    expect_compliant("INIT-12", "em-8-anes-4", NULL);
}

/* INIT-12, INIT-23, 000 Q49 (L66) (as above, "4週を上限として"): 4 weeks of emergency and 8 of
 * anaesthesiology: only 4 of the 8 count. */
static void test_INIT12_Q49_L66_anesthesiology_beyond_four_weeks_violates(void **state)
{
    (void)state;
    expect_violation("INIT-12", "em-4-anes-8", NULL, EM12, "8 weeks (40 days)");
}

/* INIT-12, INIT-23, 000 Q49 (L66) (as above, "⑬に記載された研修内容を含む場合は"): the same plan
 * with the core's anaesthesiology marked as not covering the emergency content (em_content:
 * false): its weeks count for nothing toward 救急. */
static void test_INIT12_Q49_L66_anesthesiology_without_em_content_counts_nothing(void **state)
{
    (void)state;
    it_fixture x = load("INIT-12", "em-8-anes-4", NULL);
    it_department(x.m, "core", "anesthesiology")->em_content = false;
    t_expect_violation(x.m, x.c, x.p, "INIT-12", 1);
    it_expect_finding(&x, "INIT-12", 0, RP_LEVEL_VIOLATION, 0, "-", 1, 104, EM12,
                      "8 weeks (40 days)");
    it_unload(&x);
}

/* INIT-12, INIT-32, 000 Q25 (L38): "必修分野外の診療科と救急部門を並行研修する場合、研修期間として
 * ダブルカウントは可能ですか。" "研修期間として、ダブルカウントはできません。" 7 weeks of emergency
 * (35), a weekly emergency day during the 4 anaesthesiology weeks (4) and 4 more at city (4):
 * the anaesthesiology weeks keep 16 days for 救急, not 20, so 35 + 4 + 4 + 16 = 59. Counted
 * twice, the days would make 63. */
static void test_INIT12_Q25_L38_emergency_days_in_anesthesiology_count_once(void **state)
{
    (void)state;
    expect_violation("INIT-12", "em-7-anes-4-weekly-em", NULL, EM12, "59 days");
}

/* INIT-12, INIT-35, 000 Q26 (L39): "一般外来研修と救急部門は、研修期間としてダブルカウントすることは
 * できません。" A weekly day in the general clinic during 4 of the 12 emergency weeks: 56 days. */
static void test_INIT12_Q26_L39_weekly_go_in_emergency_block_violates(void **state)
{
    (void)state;
    expect_violation("INIT-12", "em-weekly-go", NULL, EM12, "56 days");
}

/* INIT-14, INIT-35, 000 Q26 (L39): those general-clinic days are 一般外来 days all the same. */
static void test_INIT14_Q26_L39_weekly_go_in_emergency_block_counts_for_go(void **state)
{
    (void)state;
    expect_compliant("INIT-14", "em-weekly-go", NULL);
}

/* ---- INIT-13: 外科, 小児科, 産婦人科, 精神科, 地域医療 4 weeks ---- */

/* INIT-13, 000 Q22 (L35): "一定のまとまった期間としては、4週単位によるブロック研修を想定していま
 * す。" 4 weeks each of 外科, 小児科, 産婦人科, 精神科 and 地域医療. */
static void test_INIT13_Q22_L35_four_weeks_each_complies(void **state)
{
    (void)state;
    expect_compliant("INIT-13", "base", NULL);
}

/* INIT-13, INIT-32, 000 Q13 (L26): "例えば、4週間の必修科目の間に並行研修で週1回救急外来研修を行う
 * 場合は、研修期間をあらかじめ4週ではなく5週で計画する等、不足分を補う必要があります。" 4 weeks of
 * surgery with a weekly emergency day: 16 days. */
static void test_INIT13_Q13_L26_four_week_block_with_weekly_emergency_violates(void **state)
{
    (void)state;
    expect_violation("INIT-13", "surg-4-weekly-em", NULL, W4, "16 days");
}

/* INIT-13, INIT-32, 000 Q13 (L26) (as above, "5週で計画する"): 5 weeks of surgery with a weekly
 * emergency day: 25 - 5 = 20 days. */
static void test_INIT13_Q13_L26_five_week_block_with_weekly_emergency_complies(void **state)
{
    (void)state;
    expect_compliant("INIT-13", "surg-5-weekly-em", NULL);
}

/* INIT-13, INIT-34, 000 Q12 (L25): "並行研修を週1回行うことにより不足する日数については、必修科目の
 * 期間を延長し、不足分を補う必要があります。" 4 weeks of surgery with a weekly day in the core's
 * general clinic, which is internal medicine's (not a 一般外科外来): 16 days. */
static void test_INIT13_Q12_L25_four_weeks_with_weekly_go_violates(void **state)
{
    (void)state;
    expect_violation("INIT-13", "surg-4-weekly-go", NULL, W4, "16 days");
}

/* INIT-13, INIT-34, 000 Q12 (L25) (as above, "期間を延長し"): surgery extended to 5 weeks. */
static void test_INIT13_Q12_L25_extended_to_five_weeks_complies(void **state)
{
    (void)state;
    expect_compliant("INIT-13", "surg-5-weekly-go", NULL);
}

/* INIT-13, INIT-34, 000 Q17 (L30): "一般外来研修では精神科の研修要件を満たすことができないため、当
 * 該外来研修日は精神科の研修期間として算定することはできません。" 4 weeks of psychiatry with a
 * weekly general-clinic day: 16 days of 精神科. The session is at the core, not at psych (which
 * has no general clinic): outside the ILP's space. */
static void test_INIT13_Q17_L30_weekly_go_during_psychiatry_violates(void **state)
{
    (void)state;
    it_fixture x = load("INIT-13", "psy-weekly-go", NULL);
    it_expect_outside(&x, "INIT-13", 1);
    it_expect_finding(&x, "INIT-13", 0, RP_LEVEL_VIOLATION, 0, "-", 1, 104, W4, "16 days");
    char *msg = it_message(&x, "INIT-13", 0);
    assert_non_null(strstr(msg, "psychiatry (精神科)"));
    free(msg);
    it_unload(&x);
}

/* INIT-13, INIT-34, 000 Q19 (L32): "地域医療のローテートをしながらか、一般外来研修を並行研修として行
 * うことは認められますか。" "…並行研修として認められます。また、研修期間として地域医療と一般外来の
 * ダブルカウントを行うことも可能です。" 4 weeks of community medicine at clinic with a weekly day
 * in its own general clinic: still 20 days of 地域医療. */
static void test_INIT13_Q19_L32_weekly_go_in_community_clinic_double_counts(void **state)
{
    (void)state;
    expect_compliant("INIT-13", "cm-weekly-go", NULL);
}

/* INIT-13, INIT-34, 000 Q19 (L32) with Q17 (L30) "同一診療科": the weekly day in the core's
 * general clinic (内科) instead does not count twice: 16 days of 地域医療. The session is away from
 * the block's facility: outside the ILP's space. */
static void test_INIT13_Q19_L32_weekly_go_in_another_fields_clinic_violates(void **state)
{
    (void)state;
    it_fixture x = load("INIT-13", "cm-weekly-go-elsewhere", NULL);
    it_expect_outside(&x, "INIT-13", 1);
    it_expect_finding(&x, "INIT-13", 0, RP_LEVEL_VIOLATION, 0, "-", 1, 104, W4, "16 days");
    it_unload(&x);
}

/* INIT-14, INIT-34, 000 Q19 (L32) (as above): no general-outpatient block at all; 20 weeks of
 * community medicine at clinic with a weekly day in its general clinic give 一般外来 its 20 days
 * and 地域医療 its 100. */
static void test_INIT14_Q19_L32_go_sessions_during_community_medicine_complies(void **state)
{
    (void)state;
    expect_compliant("INIT-14", "cm-20-weeks-weekly-go", NULL);
    expect_compliant("INIT-13", "cm-20-weeks-weekly-go", NULL);
}

/* INIT-13, INIT-20, 000 Q14 (L27): "並行研修にて、精神科での研修を週1回として行うことは可能ですか。"
 * "原則として、必修分野の各診療科等については、ブロック研修にて行うことを基本としているため、認めら
 * れません。" Psychiatry only as a weekly day for 20 weeks: no 精神科 is credited (the row
 * itself is INIT-30's, test_parallel_sessions.c); psychiatry is no parallel_training
 * department, so the plan is outside the ILP's space. */
static void test_INIT13_Q14_L27_psychiatry_as_weekly_day_credits_nothing(void **state)
{
    (void)state;
    it_fixture x = load("INIT-13", "psy-as-sessions", NULL);
    it_expect_outside(&x, "INIT-13", 1);
    it_expect_finding(&x, "INIT-13", 0, RP_LEVEL_VIOLATION, 0, "-", 1, 104, W4,
                      "0 weeks (0 days)");
    it_unload(&x);
}

/* INIT-13, INIT-40, 000 Q10 (L23): "必修分野において研修時期に制約があるのは、地域医療のみであり、
 * 「2年次に地域医療を研修すること」としています。" Community medicine in weeks 49-52 (year 1) is an
 * elective: no 地域医療 credited. */
static void test_INIT13_Q10_L23_community_medicine_in_year_1_credits_nothing(void **state)
{
    (void)state;
    expect_violation("INIT-13", "cm-year-1", NULL, W4, "0 weeks (0 days)");
}

/* INIT-13, INIT-43, 000 Q36 (L51): "地域医療の研修期間に在宅医療の研修を行わない場合、…どの欄に記載
 * すればよろしいでしょうか。" "「選択科目」の欄に記載をしてください。" With clinic providing no home
 * care, its 4 community weeks are electives. */
static void test_INIT13_Q36_L51_community_medicine_without_home_care_credits_nothing(void **state)
{
    (void)state;
    it_fixture x = load("INIT-13", "base", NULL);
    it_facility(x.m, "clinic")->home_care = false;
    t_expect_violation(x.m, x.c, x.p, "INIT-13", 1);
    it_expect_finding(&x, "INIT-13", 0, RP_LEVEL_VIOLATION, 0, "-", 1, 104, W4,
                      "0 weeks (0 days)");
    it_unload(&x);
}

/* INIT-13, INIT-37, 000 Q40 (L55): "総合診療等の1分野の最低4週間をそのまま一般外来研修とすることは
 * …可能となります。" and Q19 (L32) "地域医療と一般外来のダブルカウントを行うことも可能です": the 4
 * community weeks spent in clinic's general clinic (地域医療's, in year 2, with home care) are a
 * community run of 4 and count as 地域医療 too. */
static void test_INIT13_Q40_L55_community_clinic_block_counts_as_community(void **state)
{
    (void)state;
    expect_compliant("INIT-13", "cm-as-general-clinic-block", NULL);
}

/* ---- INIT-14: 一般外来 20 days ---- */

/* INIT-14, INIT-37, 000 Q40 (L55): "総合診療等の1分野の最低4週間をそのまま一般外来研修とすること
 * は、通知5(1)ア(オ)に掲げられた事項(研修要件)を満たすものであれば可能となります。" The 4-week block
 * in the core's 総合診療科外来 is the 20 days. */
static void test_INIT14_Q40_L55_four_week_general_clinic_block_complies(void **state)
{
    (void)state;
    expect_compliant("INIT-14", "base", NULL);
}

/* INIT-14, INIT-35, INIT-36, 000 Q27 (L42): "救急部門は一般外来研修として扱うことはできません。"
 * The 4 general-clinic weeks replaced by emergency weeks: no 一般外来 day. (The answer's "日中に必
 * 修分野の研修を行い、夜間に救急部門を研修することは可能" needs night duty rows, which the plan
 * format does not have: not tested.) */
static void test_INIT14_Q27_L42_emergency_is_not_general_outpatient(void **state)
{
    (void)state;
    expect_violation("INIT-14", "go-replaced-by-em", NULL, W4, "0 weeks (0 days)");
}

/* INIT-14, INIT-38, 000 Q44 (L61): "午前中しか外来診療を行っていない場合、研修期間は0.5日として算定
 * します。" With clinic's general clinic open mornings only (half_day_only), 3 weeks of block (15
 * days) and 10 morning sessions (5 days) make 20. */
static void test_INIT14_Q44_L61_ten_morning_sessions_make_five_days(void **state)
{
    (void)state;
    it_fixture x = load("INIT-14", "go-3-weeks-10-half-days", NULL);
    it_department(x.m, "clinic", "general-outpatient")->half_day_only = true;
    t_expect_compliant(x.m, x.c, x.p, "INIT-14");
    it_unload(&x);
}

/* INIT-14, INIT-38, 000 Q44 (L61) (as above): 9 morning sessions are half a day short. */
static void test_INIT14_Q44_L61_nine_morning_sessions_violate(void **state)
{
    (void)state;
    it_fixture x = load("INIT-14", "go-3-weeks-9-half-days", NULL);
    it_department(x.m, "clinic", "general-outpatient")->half_day_only = true;
    t_expect_violation(x.m, x.c, x.p, "INIT-14", 1);
    it_expect_finding(&x, "INIT-14", 0, RP_LEVEL_VIOLATION, 0, "-", 1, 104, W4, "19.5 days");
    it_unload(&x);
}

/*
 * INIT-14, INIT-38, 000 Q44 (L61) (as above; RULES.md INIT-38: "A clinic marked half_day_only
 * forces δ = 0.5"): 3 weeks of block and 5 sessions at clinic's morning-only general clinic
 * that the plan writes as whole days. The clinic runs mornings only, so they are 2.5 days:
 * 17.5 in all, a violation. The ILP cannot hold such a session (its pieces there carry 0.5 day).
 *
 * KNOWN DISAGREEMENT, kept failing on purpose: credit.c credits a session the days_per_week the
 * plan gives, whatever the clinic's half_day_only, so check finds 20 days and no violation.
 */
static void test_INIT14_Q44_L61_full_days_claimed_at_morning_clinic_count_half(void **state)
{
    (void)state;
    it_fixture x = load("INIT-14", "go-3-weeks-5-full-days-at-morning-clinic", NULL);
    it_department(x.m, "clinic", "general-outpatient")->half_day_only = true;
    it_expect_outside(&x, "INIT-14", 1);
    it_unload(&x);
}

/* ---- INIT-15: 8 weeks desirable (soft) ---- */

/* INIT-15 (RULES.md [web]: "外科、小児科、産婦人科、精神科、地域医療は8週以上が望ましい";
 * "一般外来 … 8週以上が望ましい"): the base plan's 4 weeks of 外科, 精神科, 地域医療 and 一般外来
 * are warnings, not violations (paediatrics and obstetrics have 24 and 32); a soft rule has no
 * row, only a bonus, so the rows accept the plan. */
static void test_INIT15_eight_weeks_desirable_warns(void **state)
{
    (void)state;
    it_fixture x = load("INIT-15", "base", NULL);
    t_expect_compliant(x.m, x.c, x.p, "INIT-15");
    assert_int_equal(it_count(&x, "INIT-15", RP_LEVEL_WARNING), 4);
    assert_int_equal(it_count(&x, "INIT-15", RP_LEVEL_VIOLATION), 0);
    static const char *const fields[] = {"surgery (外科)", "psychiatry (精神科)",
                                         "community medicine (地域医療)",
                                         "general outpatient (一般外来)"};
    for (size_t k = 0; k < 4; k++) {
        it_expect_finding(&x, "INIT-15", k, RP_LEVEL_WARNING, 0, "-", 1, 104,
                          "8 weeks (40 days)", W4);
        char *msg = it_message(&x, "INIT-15", k);
        bool named = false;
        for (size_t i = 0; i < 4; i++)
            named = named || strstr(msg, fields[i]) != NULL;
        assert_true(named);
        assert_non_null(strstr(msg, "are desirable"));
        free(msg);
    }
    it_unload(&x);
}

/* ---- bad parameters (the tiny model of init_test.h: params on line 12) ---- */

static void test_INIT11_params_fields_missing(void **state)
{
    (void)state;
    it_bad_params("field-minimum", " {weeks: 24}",
                  "12:13: missing key 'fields' in params of rule 'R-1'\n");
}

static void test_INIT11_params_weeks_and_days(void **state)
{
    (void)state;
    it_bad_params("field-minimum", " {fields: [IM], weeks: 24, days: 120}",
                  "8:5: rule 'R-1' needs exactly one of 'weeks' and 'days' in its params\n");
}

static void test_INIT11_params_neither_weeks_nor_days(void **state)
{
    (void)state;
    it_bad_params("field-minimum", " {fields: [IM]}",
                  "8:5: rule 'R-1' needs exactly one of 'weeks' and 'days' in its params\n");
}

static void test_INIT11_params_unknown_field(void **state)
{
    (void)state;
    it_bad_params("field-minimum", " {fields: [内科], weeks: 24}",
                  "12:23: unknown field '内科'; expected one of IM, EM, SURG, PED, OBGYN, PSY, "
                  "CM, GO, ANES, PH, ORIENT, ELECT\n");
}

static void test_INIT11_params_empty_fields(void **state)
{
    (void)state;
    it_bad_params("field-minimum", " {fields: [], weeks: 24}",
                  "12:22: fields is empty; expected at least one field\n");
}

static void test_INIT11_params_weeks_negative(void **state)
{
    (void)state;
    it_bad_params("field-minimum", " {fields: [IM], weeks: -1}",
                  "12:35: weeks '-1' is out of range; expected a number from 0.5 to 10000\n");
}

static void test_INIT12_params_anesthesiology_out_of_range(void **state)
{
    (void)state;
    it_bad_params("field-minimum", " {fields: [EM], weeks: 12, anesthesiology_weeks: 200}",
                  "12:61: anesthesiology_weeks '200' is out of range; expected a number from 0 "
                  "to 104\n");
}

static void test_INIT14_params_good(void **state)
{
    (void)state;
    it_good_params("field-minimum", " {fields: [GO], days: 20}");
    it_good_params("field-minimum", " {fields: [EM], weeks: 12, anesthesiology_weeks: 4}");
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_base_plan_complies_with_every_rule),
        cmocka_unit_test(test_INIT11_Q41_L56_go_block_in_internal_medicine_run_complies),
        cmocka_unit_test(test_INIT11_Q41_L56_go_block_in_community_clinic_violates),
        cmocka_unit_test(test_INIT11_Q41_L56_go_block_outside_a_run_not_credited),
        cmocka_unit_test(test_INIT11_Q41_L56_go_block_credited_once_among_cut_pieces),
        cmocka_unit_test(test_INIT14_Q41_L56_go_block_in_community_clinic_counts_for_go),
        cmocka_unit_test(test_INIT11_Q08_L19_twelve_weeks_with_leave_violates),
        cmocka_unit_test(test_INIT11_Q07_L18_leave_within_90_days_needs_no_make_up),
        cmocka_unit_test(test_INIT11_Q20_L33_weekly_emergency_in_internal_medicine_violates),
        cmocka_unit_test(test_INIT11_Q21_L34_internal_medicine_planned_longer_complies),
        cmocka_unit_test(test_INIT11_Q17_L30_weekly_go_in_own_clinic_double_counts),
        cmocka_unit_test(test_INIT14_Q17_L30_weekly_go_sessions_make_twenty_days),
        cmocka_unit_test(test_INIT12_Q28_L43_twelve_week_block_without_sessions_complies),
        cmocka_unit_test(test_INIT12_Q28_L43_eight_weeks_without_sessions_violates),
        cmocka_unit_test(test_INIT12_Q28_L43_eight_weeks_and_twenty_sessions_complies),
        cmocka_unit_test(test_INIT12_Q28_L43_eight_weeks_and_nineteen_sessions_violates),
        cmocka_unit_test(test_INIT12_Q49_L66_anesthesiology_four_weeks_count_complies),
        cmocka_unit_test(test_INIT12_Q49_L66_anesthesiology_beyond_four_weeks_violates),
        cmocka_unit_test(test_INIT12_Q49_L66_anesthesiology_without_em_content_counts_nothing),
        cmocka_unit_test(test_INIT12_Q25_L38_emergency_days_in_anesthesiology_count_once),
        cmocka_unit_test(test_INIT12_Q26_L39_weekly_go_in_emergency_block_violates),
        cmocka_unit_test(test_INIT14_Q26_L39_weekly_go_in_emergency_block_counts_for_go),
        cmocka_unit_test(test_INIT13_Q22_L35_four_weeks_each_complies),
        cmocka_unit_test(test_INIT13_Q13_L26_four_week_block_with_weekly_emergency_violates),
        cmocka_unit_test(test_INIT13_Q13_L26_five_week_block_with_weekly_emergency_complies),
        cmocka_unit_test(test_INIT13_Q12_L25_four_weeks_with_weekly_go_violates),
        cmocka_unit_test(test_INIT13_Q12_L25_extended_to_five_weeks_complies),
        cmocka_unit_test(test_INIT13_Q17_L30_weekly_go_during_psychiatry_violates),
        cmocka_unit_test(test_INIT13_Q19_L32_weekly_go_in_community_clinic_double_counts),
        cmocka_unit_test(test_INIT13_Q19_L32_weekly_go_in_another_fields_clinic_violates),
        cmocka_unit_test(test_INIT14_Q19_L32_go_sessions_during_community_medicine_complies),
        cmocka_unit_test(test_INIT13_Q14_L27_psychiatry_as_weekly_day_credits_nothing),
        cmocka_unit_test(test_INIT13_Q10_L23_community_medicine_in_year_1_credits_nothing),
        cmocka_unit_test(test_INIT13_Q36_L51_community_medicine_without_home_care_credits_nothing),
        cmocka_unit_test(test_INIT13_Q40_L55_community_clinic_block_counts_as_community),
        cmocka_unit_test(test_INIT14_Q40_L55_four_week_general_clinic_block_complies),
        cmocka_unit_test(test_INIT14_Q27_L42_emergency_is_not_general_outpatient),
        cmocka_unit_test(test_INIT14_Q44_L61_ten_morning_sessions_make_five_days),
        cmocka_unit_test(test_INIT14_Q44_L61_nine_morning_sessions_violate),
        cmocka_unit_test(test_INIT14_Q44_L61_full_days_claimed_at_morning_clinic_count_half),
        cmocka_unit_test(test_INIT15_eight_weeks_desirable_warns),
        cmocka_unit_test(test_INIT11_params_fields_missing),
        cmocka_unit_test(test_INIT11_params_weeks_and_days),
        cmocka_unit_test(test_INIT11_params_neither_weeks_nor_days),
        cmocka_unit_test(test_INIT11_params_unknown_field),
        cmocka_unit_test(test_INIT11_params_empty_fields),
        cmocka_unit_test(test_INIT11_params_weeks_negative),
        cmocka_unit_test(test_INIT12_params_anesthesiology_out_of_range),
        cmocka_unit_test(test_INIT14_params_good),
    };
    return T_RUN(tests);
}
