/*
 * test_load.c: the model stage's loaders (src/model/load.c, cohort.c, yamlx.c) on good input:
 * the real model of models/ field by field, the same model embedded in the binary, the default
 * cohort, a residents file that uses every field (tests/fixtures/residents.yaml), the residents
 * files and plans of examples/ when there are any, the readings and defaults of a small model
 * whose top-level keys come in another order, and the cohort object itself.
 */
#include "support.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rotaplan/plan.h"
#include "rotaplan/rule.h"
#include "util/util.h"

#define MODEL "models/radiology-keio-2019.yaml"

static const char *const facility_ids[] = {
    "keio",        "tokyo-mc",      "saitama-city",    "kawasaki",    "keiyu",    "eiju",
    "hiroo",       "tachikawa",     "saitama-mc",      "saitama-hosp", "hino",    "ashikaga",
    "saiseikai-chuo", "nkk",        "yokohama-tobu",   "kokusai-shinzen", "shizuoka-rc",
    "st-lukes",
};

static const struct {
    const char *id, *kind;
    rp_rule_class cls;
} rules[] = {
    {"RAD-01", "counted-months", RP_CLASS_HARD},
    {"RAD-02", "min-months-at", RP_CLASS_HARD},
    {"RAD-03", "min-months-at", RP_CLASS_HARD},
    {"RAD-04", "min-stint", RP_CLASS_HARD},
    {"RAD-05", "min-facilities", RP_CLASS_HARD},
    {"RAD-06", "one-place-per-period", RP_CLASS_HARD},
    {"RAD-07", "rotation-unit", RP_CLASS_PROGRAMME},
    {"RAD-08", "course-window", RP_CLASS_PROGRAMME},
    {"RAD-09", "course-pattern", RP_CLASS_PROGRAMME},
    {"SEED-003-L568", "partner-change", RP_CLASS_SOFT},
    {"RAD-11", "no-full-time-at", RP_CLASS_HARD},
    {"RAD-12", "residents-per-instructor", RP_CLASS_HARD},
    {"RAD-13", "intake-cap", RP_CLASS_INTAKE},
    {"RAD-14", "urban-intake-cap", RP_CLASS_INTAKE},
    {"RAD-20", "min-months-at", RP_CLASS_HARD},
    {"RAD-16", "experience-target", RP_CLASS_HARD},
    {"RAD-17", "experience-target", RP_CLASS_HARD},
    {"RAD-18", "experience-target", RP_CLASS_HARD},
    {"RAD-19", "experience-target", RP_CLASS_HARD},
};

static const rp_facility *facility(const rp_model *m, const char *id)
{
    int i = rp_model_facility(m, id);
    assert_int_not_equal(i, RP_NONE);
    return &m->facilities[i];
}

/* What the default model and the file share: ids, counts, the rules. */
static void check_common(const rp_model *m)
{
    assert_string_equal(m->id, "radiology-keio-2019");
    assert_string_equal(m->name, "2019年度慶應義塾大学病院放射線科専門研修プログラム");
    assert_int_equal(m->n_facilities, 18);
    for (size_t i = 0; i < 18; i++)
        assert_string_equal(m->facilities[i].id, facility_ids[i]);
    assert_int_equal(m->n_courses, 5);
    static const char *const course_ids[] = {"A", "B", "C", "D", "E"};
    for (size_t i = 0; i < 5; i++)
        assert_string_equal(m->courses[i].id, course_ids[i]);
    assert_int_equal(m->n_rules, sizeof rules / sizeof rules[0]);
    for (size_t i = 0; i < m->n_rules; i++) {
        assert_string_equal(m->rules[i].id, rules[i].id);
        assert_non_null(m->rules[i].kind);
        assert_string_equal(m->rules[i].kind->name, rules[i].kind);
        assert_int_equal(m->rules[i].cls, rules[i].cls);
        assert_true(m->rules[i].enabled);
        assert_non_null(m->rules[i].source);
    }
}

static void check_calendar_and_readings(const rp_model *m)
{
    assert_int_equal(m->calendar.unit, RP_UNIT_MONTH);
    assert_int_equal(m->calendar.start_month, 4);
    assert_int_equal(m->calendar.start_day, 1);
    assert_int_equal(m->calendar.years, 3);
    assert_int_equal(m->calendar.periods_per_year, 12);
    assert_false(m->readings.accreditation_heading);
    assert_false(m->readings.rt_disputed_capable);
    assert_false(m->readings.totals_computed);
    assert_false(m->readings.instructors_named);
    assert_false(m->readings.presence_counts_leave);
    assert_false(m->readings.intake_cap_strict);
    assert_true(m->readings.capacity_counts_leave);
    assert_false(m->readings.uncounted_leave_fails); /* leave not counted extends */
    assert_int_equal(m->intake.size, 12);
    assert_int_equal(m->intake.n_cohorts, 3);
    assert_int_equal(m->intake.cohorts[0], 2019);
    assert_int_equal(m->intake.cohorts[2], 2021);
    assert_int_equal(m->intake.history_years, 5);
    assert_int_equal(m->intake.history_total, 59);
    assert_non_null(m->intake.history_source);
    assert_true(m->totals.given);
    assert_true(m->totals.instructors == 54.3);
    assert_true(m->totals.ct == 313689.7);
    assert_true(m->totals.ivr == 2811);
    assert_true(m->totals.rt == 3425.6);
    assert_true(m->objective.wishes == 1.0);
    assert_true(m->objective.balance == 0.02);
}

static void check_facilities(const rp_model *m)
{
    const rp_facility *keio = facility(m, "keio");
    assert_int_equal(keio->role, RP_ROLE_BASE);
    assert_int_equal(keio->accreditation, RP_ACCR_SOGO);
    assert_int_equal(keio->accreditation_heading, RP_ACCR_SOGO);
    assert_string_equal(keio->prefecture, "東京都");
    assert_true(keio->instructors == 11.0);
    assert_int_equal(keio->instructors_named, 33);
    assert_true(keio->ct == 45477 && keio->ivr == 872 && keio->rt == 536);
    assert_int_equal(keio->rt_capable, RP_YES);
    assert_false(keio->dispatched_instructor);
    assert_int_equal(keio->pos.line, 68);
    assert_int_equal(keio->pos.col, 5);
    assert_int_equal(keio->n_departments, 4);
    const char *const depts[] = {"ct-mri-ri", "us-gi", "ivr", "rt"};
    for (size_t i = 0; i < 4; i++) {
        assert_string_equal(keio->departments[i].id, depts[i]);
        assert_int_equal(keio->departments[i].capacity, -1);
    }
    assert_string_equal(keio->departments[3].name, "放射線治療");
    for (size_t i = 1; i < m->n_facilities; i++)
        assert_int_equal(m->facilities[i].role, RP_ROLE_PARTNER);
    assert_true(facility(m, "saitama-city")->dispatched_instructor);
    const rp_facility *tobu = facility(m, "yokohama-tobu");
    assert_int_equal(tobu->accreditation, RP_ACCR_SHUREN);
    assert_int_equal(tobu->accreditation_heading, RP_ACCR_SOGO);
    assert_int_equal(tobu->rt_capable, RP_DISPUTED);
    assert_int_equal(rp_facility_accreditation(m, rp_model_facility(m, "yokohama-tobu")),
                     RP_ACCR_SHUREN);
    assert_false(rp_facility_rt_capable(m, rp_model_facility(m, "saitama-mc")));
    assert_int_equal(facility(m, "eiju")->rt_capable, RP_NO);
    assert_true(facility(m, "st-lukes")->instructors == 3.3);
    assert_int_equal(facility(m, "st-lukes")->instructors_named, 15);
    assert_int_equal(facility(m, "hiroo")->n_departments, 0);
}

static void check_courses(const rp_model *m)
{
    const rp_course *a = &m->courses[0], *b = &m->courses[1], *d = &m->courses[3];
    assert_int_equal(a->year_roles[0], RP_ROLE_BASE);
    assert_int_equal(a->year_roles[1], RP_ROLE_BASE);
    assert_int_equal(a->year_roles[2], RP_ROLE_PARTNER);
    assert_int_equal(a->window_year, 2);
    assert_int_equal(a->window_months, 4);
    assert_false(a->graduate_school);
    assert_int_equal(b->year_roles[1], RP_ROLE_PARTNER);
    assert_int_equal(b->window_year, 0);
    assert_true(d->graduate_school);
    assert_int_equal(d->graduate_entry_year, 3);
    assert_string_equal(m->courses[2].name, "連携施設中心のコース（連携→基幹→連携）");
}

static void test_real_model(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    assert_string_equal(m->path, MODEL);
    check_common(m);
    check_calendar_and_readings(m);
    check_facilities(m);
    check_courses(m);
    assert_non_null(m->rules[0].note);
    assert_null(m->rules[4].note);
    assert_int_equal(m->rules[0].pos.line, 318);
    rp_model_free(m);
}

static void test_default_model(void **state)
{
    (void)state;
    rp_diags d = RP_DIAGS_INIT;
    rp_model *m = NULL;
    assert_int_equal(rp_model_load_default(&m, &d), 0);
    assert_int_equal(d.count, 0);
    assert_string_equal(m->path, MODEL);
    check_common(m);
    check_calendar_and_readings(m);
    rp_model_free(m);
}

static void test_default_cohort(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    rp_cohort *c = rp_cohort_default(m);
    assert_null(c->path);
    assert_int_equal(c->n_residents, 36);
    char id[16];
    for (size_t i = 0; i < 36; i++) {
        const rp_resident *r = &c->residents[i];
        snprintf(id, sizeof id, "%d-%02d", 2019 + (int)(i / 12), (int)(i % 12) + 1);
        assert_string_equal(r->id, id);
        assert_int_equal(r->cohort, 2019 + (int)(i / 12));
        assert_int_equal(r->course, RP_ANY);
        assert_null(r->name);
        assert_int_equal(r->n_wishes + r->n_pins + r->n_leave, 0);
        assert_int_equal(r->graduate_entry_year, 0);
    }
    assert_string_equal(c->residents[0].id, "2019-01");
    assert_string_equal(c->residents[35].id, "2021-12");
    assert_int_equal(rp_cohort_resident(c, "2020-05"), 16);
    rp_cohort_free(c);
    rp_model_free(m);
}

static void test_residents_file(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    rp_cohort *c = t_load_cohort(m, "tests/fixtures/residents.yaml");
    assert_string_equal(c->path, "tests/fixtures/residents.yaml");
    assert_int_equal(c->n_residents, 3);
    const rp_resident *r = &c->residents[0];
    assert_string_equal(r->id, "r2019-01");
    assert_string_equal(r->name, "山田 花子");
    assert_int_equal(r->cohort, 2019);
    assert_int_equal(r->course, RP_ANY);
    assert_int_equal(r->graduate_entry_year, 2);
    assert_int_equal(r->pos.line, 5);
    assert_int_equal(r->n_wishes, 2);
    assert_int_equal(r->wishes[0].facility, rp_model_facility(m, "st-lukes"));
    assert_int_equal(r->wishes[1].facility, rp_model_facility(m, "tokyo-mc"));
    assert_int_equal(r->wishes[1].pos.line, 10);
    assert_int_equal(r->wishes[1].pos.col, 24);
    assert_int_equal(r->n_pins, 2);
    assert_int_equal(r->pins[0].facility, rp_model_facility(m, "tokyo-mc"));
    assert_int_equal(r->pins[0].department, RP_NONE);
    assert_int_equal(r->pins[0].first, 25); /* 2021-04 */
    assert_int_equal(r->pins[0].last, 36);  /* 2022-03 */
    assert_int_equal(r->pins[1].department, 3); /* keio's rt */
    assert_int_equal(r->pins[1].first, 1);
    assert_int_equal(r->pins[1].last, 3);
    assert_int_equal(r->pins[1].pos.line, 13);
    assert_int_equal(r->n_leave, 2);
    assert_int_equal(r->leave[0].kind, RP_STATUS_MATERNITY);
    assert_true(r->leave[0].certificate);
    assert_int_equal(r->leave[0].first, 19); /* 2020-10 */
    assert_int_equal(r->leave[0].last, 22);  /* 2021-01 */
    assert_int_equal(r->leave[1].kind, RP_STATUS_PT);
    assert_false(r->leave[1].certificate);
    assert_true(r->leave[1].hours_per_week == 20);
    assert_int_equal(r->leave[1].first, 25); /* the period holding 2021-04-15 */
    assert_int_equal(r->leave[1].last, 30);  /* 2021-09 */
    assert_int_equal(c->residents[1].course, rp_model_course(m, "D"));
    assert_int_equal(c->residents[1].graduate_entry_year, 0);
    assert_int_equal(c->residents[2].graduate_entry_year, 1);
    assert_int_equal(c->residents[2].leave[0].kind, RP_STATUS_ABROAD);
    assert_int_equal(c->residents[2].leave[0].first, 25);
    assert_int_equal(c->residents[2].leave[0].last, 36);
    rp_cohort_free(c);
    rp_model_free(m);
}

/* A plan when it names stints (or is CSV), else a residents file. */
/* A plan: YAML with stints, or CSV under the plan header (else a residents file). */
static bool is_plan(const char *path)
{
    size_t n = strlen(path);
    bool csv = n > 4 && strcmp(path + n - 4, ".csv") == 0;
    FILE *fp = fopen(path, "rb");
    assert_non_null(fp);
    char line[512];
    bool plan = false;
    if (csv)
        plan = fgets(line, sizeof line, fp) && strncmp(line, "resident,", 9) == 0;
    while (!csv && !plan && fgets(line, sizeof line, fp))
        plan = strstr(line, "stints:") != NULL;
    fclose(fp);
    return plan;
}

/* Every residents file and plan of examples/ loads against the real model (none yet: passes). */
/* Every example loads against its programme's model: the initial residency's examples are named
 * initial-*, the others are the radiology programme's. */
static void test_examples(void **state)
{
    (void)state;
    DIR *dp = opendir("examples");
    assert_non_null(dp);
    rp_model *radiology = t_load_model(MODEL);
    rp_model *initial = t_load_model("models/initial-residency-2020.yaml");
    rp_model *minami = t_load_model("models/minami-general-2024.yaml");
    struct dirent *e;
    size_t loaded = 0;
    while ((e = readdir(dp)) != NULL) {
        size_t n = strlen(e->d_name);
        bool yaml = n > 5 && strcmp(e->d_name + n - 5, ".yaml") == 0;
        bool csv = n > 4 && strcmp(e->d_name + n - 4, ".csv") == 0;
        if (!yaml && !csv)
            continue;
        rp_model *m = strncmp(e->d_name, "initial-", 8) == 0  ? initial
                      : strncmp(e->d_name, "minami-", 7) == 0 ? minami
                                                               : radiology;
        loaded++;
        char *path = rp_xasprintf("examples/%s", e->d_name);
        rp_diags d = RP_DIAGS_INIT;
        int rc;
        if (is_plan(path)) {
            rp_plan *p = NULL;
            rc = rp_plan_read(m, path, &p, &d);
            rp_plan_free(p);
        } else {
            rp_cohort *c = NULL;
            rc = rp_cohort_load(m, path, &c, &d);
            rp_cohort_free(c);
        }
        if (rc != 0)
            rp_diags_print(&d, stderr);
        rp_diags_free(&d);
        assert_int_equal(rc, 0);
        free(path);
    }
    closedir(dp);
    assert_true(loaded >= 3);
    rp_model_free(radiology);
    rp_model_free(initial);
    rp_model_free(minami);
}

/* Readings and weights the other way, defaults where keys are absent, the top-level keys in
 * another order than the real model's, and a weekly calendar. */
static void test_small_model(void **state)
{
    (void)state;
    char *path = t_write_temp(".yaml",
                              "rules:\n"
                              "  - {id: R-1, kind: min-facilities, class: soft, source: s,\n"
                              "     enabled: false, params: {count: 2}}\n"
                              "facilities:\n"
                              "  - id: base\n"
                              "    name: Base\n"
                              "    role: base\n"
                              "    rt: 3\n"
                              "    departments: [{id: a, capacity: 2}, {id: b}]\n"
                              "  - {id: side, name: Side, role: related, rt_capable: true}\n"
                              "readings:\n"
                              "  accreditation: heading\n"
                              "  rt_disputed: include\n"
                              "  cap_totals: computed\n"
                              "  instructors: named\n"
                              "  presence: include-leave\n"
                              "  intake_cap: strict\n"
                              "  capacity_counts_leave: false\n"
                              "objective: {wishes: 2, balance: 0}\n"
                              "calendar: {unit: week, start_month: 4, start_day: 6, years: 2}\n"
                              "programme: {id: small, name: Small}\n");
    rp_model *m = t_load_model(path);
    assert_string_equal(m->id, "small");
    assert_int_equal(m->calendar.unit, RP_UNIT_WEEK);
    assert_int_equal(m->calendar.periods_per_year, 52);
    assert_int_equal(m->calendar.start_day, 6);
    assert_true(m->readings.accreditation_heading && m->readings.rt_disputed_capable &&
                m->readings.totals_computed && m->readings.instructors_named &&
                m->readings.presence_counts_leave && m->readings.intake_cap_strict);
    assert_false(m->readings.capacity_counts_leave);
    assert_true(m->objective.wishes == 2 && m->objective.balance == 0);
    assert_false(m->totals.given);
    assert_int_equal(m->intake.size, 0);
    assert_int_equal(m->n_courses, 0);
    const rp_facility *b = &m->facilities[0], *s = &m->facilities[1];
    assert_int_equal(b->accreditation, RP_ACCR_NONE);
    assert_int_equal(b->rt_capable, RP_YES); /* rt > 0 */
    assert_int_equal(b->instructors_named, -1);
    assert_int_equal(b->departments[0].capacity, 2);
    assert_int_equal(b->departments[1].capacity, -1);
    assert_null(b->departments[1].name);
    assert_int_equal(s->role, RP_ROLE_RELATED);
    assert_int_equal(s->rt_capable, RP_YES);
    assert_null(s->prefecture);
    assert_int_equal(m->rules[0].cls, RP_CLASS_SOFT);
    assert_false(m->rules[0].enabled);
    assert_null(m->rules[0].note);
    rp_model_free(m);
    remove(path);
    free(path);
}

static void test_cohort_object(void **state)
{
    (void)state;
    rp_cohort_free(NULL);
    rp_model_free(NULL);
    rp_cohort *c = rp_cohort_new();
    assert_int_equal(c->n_residents, 0);
    char id[16];
    for (int i = 0; i < 40; i++) {
        snprintf(id, sizeof id, "x%d", i);
        rp_resident *r = rp_cohort_add_resident(c, id, 2000 + i, i % 3 == 0 ? RP_ANY : i % 3);
        assert_ptr_equal(r, &c->residents[i]);
        assert_null(r->name);
        assert_int_equal(r->n_pins + r->n_wishes + r->n_leave, 0);
        r->name = "set after adding";
    }
    assert_int_equal(c->n_residents, 40);
    assert_string_equal(c->residents[17].id, "x17");
    assert_int_equal(c->residents[17].cohort, 2017);
    assert_int_equal(c->residents[17].course, 2);
    assert_int_equal(c->residents[39].course, RP_ANY);
    assert_string_equal(c->residents[0].name, "set after adding");
    assert_int_equal(rp_cohort_resident(c, "x39"), 39);
    rp_cohort_free(c);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_real_model),   cmocka_unit_test(test_default_model),
        cmocka_unit_test(test_default_cohort), cmocka_unit_test(test_residents_file),
        cmocka_unit_test(test_examples),     cmocka_unit_test(test_small_model),
        cmocka_unit_test(test_cohort_object),
    };
    return T_RUN(tests);
}
