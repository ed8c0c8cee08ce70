/*
 * test_report.c: the plan object (src/plan/plan.c) and the writers of the report stage
 * (src/report/): CSV rows and dates, the YAML shape the plan reader expects, the aligned table
 * with Japanese names, the findings list and its summary line, and format names. The model is
 * built by hand so that these tests need neither the loader nor GLPK.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rotaplan/calendar.h"
#include "rotaplan/report.h"
#include "report/html.h"
#include "util/csv.h"
#include "util/util.h"

/* A monthly calendar from April over three years; keio (Japanese name, two departments),
 * tokyo-mc (Japanese name), hiroo (ASCII name); course A; two enabled rules and one disabled. */
typedef struct fixture {
    rp_model m;
    rp_facility facilities[3];
    rp_department departments[2];
    rp_course courses[1];
    rp_rule rules[3];
} fixture;

static int setup(void **state)
{
    fixture *x = rp_xcalloc(1, sizeof *x);
    x->departments[0] = (rp_department){.id = "ct-mri-ri", .name = "CT/MRI/RI", .capacity = -1};
    x->departments[1] = (rp_department){.id = "rt", .name = "放射線治療", .capacity = -1};
    x->facilities[0] = (rp_facility){.id = "keio",
                                     .name = "慶應義塾大学病院 放射線科",
                                     .departments = x->departments,
                                     .n_departments = 2};
    x->facilities[1] = (rp_facility){.id = "tokyo-mc", .name = "東京医療センター", .role = RP_ROLE_PARTNER};
    x->facilities[2] = (rp_facility){.id = "hiroo", .name = "Hiroo", .role = RP_ROLE_PARTNER};
    x->courses[0] = (rp_course){.id = "A", .name = "course A"};
    x->rules[0] = (rp_rule){.id = "RAD-04", .source = "003 §7-1 (L535)", .cls = RP_CLASS_HARD,
                            .enabled = true};
    x->rules[1] = (rp_rule){.id = "RAD-30", .source = "003 §8 (L700)", .cls = RP_CLASS_SOFT,
                            .enabled = true};
    x->rules[2] = (rp_rule){.id = "RAD-99", .source = "none", .cls = RP_CLASS_PROGRAMME,
                            .enabled = false};
    x->m.id = "test-model";
    x->m.calendar = (rp_calendar){RP_UNIT_MONTH, 4, 1, 3, 12, 5, 0};
    x->m.facilities = x->facilities;
    x->m.n_facilities = 3;
    x->m.courses = x->courses;
    x->m.n_courses = 1;
    x->m.rules = x->rules;
    x->m.n_rules = 3;
    *state = x;
    return 0;
}

static int teardown(void **state)
{
    free(*state);
    return 0;
}

enum { KEIO, TOKYO_MC, HIROO };

static void add_stint(rp_plan *p, int resident, int facility, int department, rp_mode mode,
                      int first, int last, double days)
{
    rp_stint s = {.resident = resident, .facility = facility, .department = department,
                  .mode = mode, .first = first, .last = last, .days_per_week = days};
    rp_plan_add_stint(p, &s);
}

/* Three residents, stints added out of order: 2019-01 (Japanese name, course A) with two keio
 * blocks (the first ending in a leap February), a tokyo-mc block and a half-day hiroo parallel
 * row; 2020-01 (no name, no course) at hiroo then abroad; 2021-01 (ASCII name) with none. */
static rp_plan *sample_plan(void)
{
    rp_plan *p = rp_plan_new();
    assert_int_equal(rp_plan_add_resident(p, "2019-01", "山田太郎", 2019, 0), 0);
    assert_int_equal(rp_plan_add_resident(p, "2020-01", NULL, 2020, RP_NONE), 1);
    assert_int_equal(rp_plan_add_resident(p, "2021-01", "Ann", 2021, 0), 2);
    add_stint(p, 1, HIROO, RP_NONE, RP_MODE_BLOCK, 1, 12, 0);
    add_stint(p, 0, HIROO, RP_NONE, RP_MODE_PARALLEL, 13, 24, 0.5);
    add_stint(p, 0, TOKYO_MC, RP_NONE, RP_MODE_BLOCK, 13, 24, 0);
    add_stint(p, 0, KEIO, 1, RP_MODE_BLOCK, 12, 12, 0);
    add_stint(p, 1, RP_NONE, RP_NONE, RP_MODE_BLOCK, 13, 15, 0);
    add_stint(p, 0, KEIO, 0, RP_MODE_BLOCK, 1, 11, 0);
    rp_plan_sort(p);
    p->status = RP_PLAN_OPTIMAL;
    p->objective = 12.5;
    return p;
}

/* What a writer puts on a stream, as a heap string. */
static char *plan_text(const rp_model *m, const rp_plan *p, rp_format fmt)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    assert_int_equal(rp_report_plan(m, p, fmt, out), 0);
    assert_int_equal(fclose(out), 0);
    return text;
}

static char *findings_text(const rp_model *m, const rp_plan *p, const rp_findings *f)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    assert_int_equal(rp_report_findings(m, p, f, out), 0);
    assert_int_equal(fclose(out), 0);
    return text;
}

/* ---- plan.c ---- */

static void plan_copies_strings_and_finds_residents(void **state)
{
    (void)state;
    char id[] = "2019-07", name[] = "佐藤";
    rp_plan *p = rp_plan_new();
    assert_int_equal(p->status, RP_PLAN_GIVEN);
    assert_int_equal(rp_plan_add_resident(p, id, name, 2019, RP_NONE), 0);
    id[0] = 'x';
    name[0] = 'x';
    assert_string_equal(p->residents[0].id, "2019-07");
    assert_string_equal(p->residents[0].name, "佐藤");
    assert_int_equal(rp_plan_resident_index(p, "2019-07"), 0);
    assert_int_equal(rp_plan_resident_index(p, "x019-07"), RP_NONE);
    rp_plan_free(p);
    rp_plan_free(NULL);
}

static void plan_sort_orders_resident_mode_period_facility(void **state)
{
    (void)state;
    rp_plan *p = sample_plan();
    static const struct {
        int resident, facility;
        rp_mode mode;
        int first;
    } want[] = {
        {0, KEIO, RP_MODE_BLOCK, 1},      {0, KEIO, RP_MODE_BLOCK, 12},
        {0, TOKYO_MC, RP_MODE_BLOCK, 13}, {0, HIROO, RP_MODE_PARALLEL, 13},
        {1, HIROO, RP_MODE_BLOCK, 1},     {1, RP_NONE, RP_MODE_BLOCK, 13},
    };
    assert_int_equal(p->n_stints, 6);
    for (size_t i = 0; i < p->n_stints; i++) {
        assert_int_equal(p->stints[i].resident, want[i].resident);
        assert_int_equal(p->stints[i].facility, want[i].facility);
        assert_int_equal(p->stints[i].mode, want[i].mode);
        assert_int_equal(p->stints[i].first, want[i].first);
    }
    rp_plan_free(p);
}

static void plan_sort_is_stable(void **state)
{
    (void)state;
    rp_plan *p = rp_plan_new();
    rp_plan_add_resident(p, "r", NULL, 2019, RP_NONE);
    for (int line = 1; line <= 40; line++) { /* equal keys, told apart by line */
        rp_stint s = {.resident = 0, .facility = KEIO, .department = RP_NONE,
                      .mode = RP_MODE_BLOCK, .first = 41 - line % 2,
                      .last = 41 - line % 2, .line = line};
        rp_plan_add_stint(p, &s);
    }
    rp_plan_sort(p);
    for (size_t i = 1; i < p->n_stints; i++)
        if (p->stints[i].first == p->stints[i - 1].first)
            assert_true(p->stints[i].line > p->stints[i - 1].line);
    assert_int_equal(p->stints[0].first, 40);
    rp_plan_free(p);
}

/* ---- CSV ---- */

static void csv_header_rows_and_dates(void **state)
{
    fixture *x = *state;
    rp_plan *p = sample_plan();
    char *text = plan_text(&x->m, p, RP_FORMAT_CSV);
    assert_memory_equal(text, RP_CSV_HEADER "\n", strlen(RP_CSV_HEADER) + 1);
    /* a 2019 cohort's month 11 ends on 2020-02-29 (leap year), month 13 starts 2020-04-01;
     * no course and no department give empty fields; half a day a week is 0.5 */
    assert_string_equal(text,
        RP_CSV_HEADER "\n"
        "2019-01,2019,A,keio,ct-mri-ri,block,1,11,2019-04-01,2020-02-29,\n"
        "2019-01,2019,A,keio,rt,block,12,12,2020-03-01,2020-03-31,\n"
        "2019-01,2019,A,tokyo-mc,,block,13,24,2020-04-01,2021-03-31,\n"
        "2019-01,2019,A,hiroo,,parallel,13,24,2020-04-01,2021-03-31,0.5\n"
        "2020-01,2020,,hiroo,,block,1,12,2020-04-01,2021-03-31,\n"
        "2020-01,2020,,none,,block,13,15,2021-04-01,2021-06-30,\n");
    free(text);
    rp_plan_free(p);
}

static void csv_quotes_fields_and_writes_whole_days(void **state)
{
    fixture *x = *state;
    rp_plan *p = rp_plan_new();
    rp_plan_add_resident(p, "a,\"b\"", NULL, 2019, RP_NONE);
    add_stint(p, 0, KEIO, RP_NONE, RP_MODE_PARALLEL, 1, 1, 2);
    char *text = plan_text(&x->m, p, RP_FORMAT_CSV);
    assert_string_equal(text, RP_CSV_HEADER "\n"
                              "\"a,\"\"b\"\"\",2019,,keio,,parallel,1,1,2019-04-01,2019-04-30,2\n");
    free(text);
    rp_plan_free(p);
}

/* ---- YAML ---- */

static void yaml_exact_shape(void **state)
{
    fixture *x = *state;
    rp_plan *p = rp_plan_new();
    rp_plan_add_resident(p, "2019-01", "山田太郎", 2019, 0);
    rp_plan_add_resident(p, "2020-01", "say \"hi\"\\", 2020, RP_NONE);
    add_stint(p, 0, HIROO, RP_NONE, RP_MODE_PARALLEL, 13, 24, 1);
    add_stint(p, 0, KEIO, 0, RP_MODE_BLOCK, 1, 12, 0);
    add_stint(p, 0, RP_NONE, RP_NONE, RP_MODE_BLOCK, 13, 14, 0);
    rp_plan_sort(p);
    p->status = RP_PLAN_OPTIMAL;
    p->objective = 12.5;
    char *text = plan_text(&x->m, p, RP_FORMAT_YAML);
    assert_string_equal(text,
        "# rotaplan plan for test-model\n"
        "model: \"test-model\"\n"
        "status: optimal\n"
        "objective: 12.5\n"
        "residents:\n"
        "  - id: \"2019-01\"\n"
        "    name: \"山田太郎\"\n"
        "    cohort: 2019\n"
        "    course: \"A\"\n"
        "    stints:\n"
        "      - facility: \"keio\"\n"
        "        department: \"ct-mri-ri\"\n"
        "        mode: block\n"
        "        start_period: 1\n"
        "        end_period: 12\n"
        "        start_date: 2019-04-01\n"
        "        end_date: 2020-03-31\n"
        "      - facility: none\n"
        "        mode: block\n"
        "        start_period: 13\n"
        "        end_period: 14\n"
        "        start_date: 2020-04-01\n"
        "        end_date: 2020-05-31\n"
        "      - facility: \"hiroo\"\n"
        "        mode: parallel\n"
        "        start_period: 13\n"
        "        end_period: 24\n"
        "        start_date: 2020-04-01\n"
        "        end_date: 2021-03-31\n"
        "        days_per_week: 1\n"
        "  - id: \"2020-01\"\n"
        "    name: \"say \\\"hi\\\"\\\\\"\n"
        "    cohort: 2020\n"
        "    stints: []\n");
    free(text);
    rp_plan_free(p);
}

static void yaml_given_plan_has_no_objective(void **state)
{
    fixture *x = *state;
    rp_plan *p = rp_plan_new();
    char *text = plan_text(&x->m, p, RP_FORMAT_YAML);
    assert_string_equal(text, "# rotaplan plan for test-model\n"
                              "model: \"test-model\"\n"
                              "status: given\n"
                              "residents: []\n");
    free(text);
    p->status = RP_PLAN_FEASIBLE;
    p->objective = 3;
    text = plan_text(&x->m, p, RP_FORMAT_YAML);
    assert_non_null(strstr(text, "status: feasible\nobjective: 3\n"));
    free(text);
    rp_plan_free(p);
}

/* ---- table ---- */

/* Display columns before the first occurrence of needle at or after from in line, or -1. */
static int column_of(const char *line, size_t from, const char *needle)
{
    const char *hit = strstr(line + from, needle);
    if (!hit)
        return -1;
    char *prefix = rp_xstrndup(line, (size_t)(hit - line));
    int w = rp_display_width(prefix);
    free(prefix);
    return w;
}

/* The line of text that starts with start, as a heap string; fails when there is none. */
static char *line_starting(const char *text, const char *start)
{
    for (const char *l = text; *l; l = strchr(l, '\n') + 1) {
        if (strncmp(l, start, strlen(start)) == 0)
            return rp_xstrndup(l, (size_t)(strchr(l, '\n') - l));
    }
    fail_msg("no line starts with '%s'", start);
    return NULL;
}

static void table_exact(void **state)
{
    fixture *x = *state;
    rp_plan *p = sample_plan();
    char *text = plan_text(&x->m, p, RP_FORMAT_TABLE);
    assert_string_equal(text,
        "plan for test-model: 3 residents, optimal (objective 12.5)\n"
        "\n"
        "resident  name      cohort  course  facility                   department  months  from     to       length     mode\n"
        "2019-01   山田太郎  2019    A       慶應義塾大学病院 放射線科  CT/MRI/RI   1-11    2019-04  2020-02  11 months  block\n"
        "                                    慶應義塾大学病院 放射線科  放射線治療  12      2020-03  2020-03  1 month    block\n"
        "                                    東京医療センター                       13-24   2020-04  2021-03  12 months  block\n"
        "                                    Hiroo                                  13-24   2020-04  2021-03  12 months  parallel 0.5 d/wk\n"
        "2020-01             2020            Hiroo                                  1-12    2020-04  2021-03  12 months  block\n"
        "                                    none                                   13-15   2021-04  2021-06  3 months   block\n"
        "2021-01   Ann       2021    A       (no stints)\n"
        "\n"
        "facility  name                       resident-months  parallel-months\n"
        "keio      慶應義塾大学病院 放射線科  12               0\n"
        "tokyo-mc  東京医療センター           12               0\n"
        "hiroo     Hiroo                      12               12\n");
    free(text);
    rp_plan_free(p);
}

static void table_aligns_japanese_names(void **state)
{
    fixture *x = *state;
    rp_plan *p = sample_plan();
    char *text = plan_text(&x->m, p, RP_FORMAT_TABLE);
    char *header = line_starting(text, "resident ");
    char *japanese = line_starting(text, "2019-01 ");
    char *nameless = line_starting(text, "2020-01 ");
    char *ascii = line_starting(text, "2021-01 ");
    int col = column_of(header, 0, "cohort");
    assert_true(col > 0);
    assert_int_equal(column_of(japanese, 7, "2019"), col);
    assert_int_equal(column_of(nameless, 7, "2020"), col);
    assert_int_equal(column_of(ascii, 7, "2021"), col);
    assert_int_equal(column_of(japanese, 0, "慶應義塾大学病院"), column_of(header, 0, "facility"));
    assert_int_equal(column_of(japanese, 0, "CT/MRI/RI"), column_of(header, 0, "department"));
    for (const char *l = text; *l; l = strchr(l, '\n') + 1) /* no trailing spaces */
        assert_false(strchr(l, '\n') > l && strchr(l, '\n')[-1] == ' ');
    free(header);
    free(japanese);
    free(nameless);
    free(ascii);
    free(text);
    rp_plan_free(p);
}

static void table_leaves_out_name_and_mode_columns(void **state)
{
    fixture *x = *state;
    rp_plan *p = rp_plan_new();
    rp_plan_add_resident(p, "r1", NULL, 2019, RP_NONE);
    add_stint(p, 0, TOKYO_MC, RP_NONE, RP_MODE_BLOCK, 1, 1, 0);
    p->status = RP_PLAN_FEASIBLE;
    p->objective = 2;
    char *text = plan_text(&x->m, p, RP_FORMAT_TABLE);
    assert_string_equal(text,
        "plan for test-model: 1 resident, feasible, not proven optimal (objective 2)\n"
        "\n"
        "resident  cohort  course  facility          department  months  from     to       length\n"
        "r1        2019            東京医療センター              1       2019-04  2019-04  1 month\n"
        "\n"
        "facility  name              resident-months\n"
        "tokyo-mc  東京医療センター  1\n");
    free(text);
    rp_plan_free(p);
}

static void table_weekly_calendar_shows_dates(void **state)
{
    fixture *x = *state;
    x->m.calendar = (rp_calendar){RP_UNIT_WEEK, 4, 1, 3, 52, 5, 0};
    rp_plan *p = rp_plan_new();
    rp_plan_add_resident(p, "w", NULL, 2019, RP_NONE);
    add_stint(p, 0, HIROO, RP_NONE, RP_MODE_BLOCK, 1, 4, 0);
    char *text = plan_text(&x->m, p, RP_FORMAT_TABLE);
    assert_string_equal(text,
        "plan for test-model: 1 resident, given\n"
        "\n"
        "resident  cohort  course  facility  department  weeks  from        to          length\n"
        "w         2019            Hiroo                 1-4    2019-04-01  2019-04-28  4 weeks\n"
        "\n"
        "facility  name   resident-weeks\n"
        "hiroo     Hiroo  4\n");
    free(text);
    rp_plan_free(p);
}

/* ---- findings ---- */

static void findings_blocks_and_summary(void **state)
{
    fixture *x = *state;
    rp_plan *p = sample_plan();
    rp_finding items[] = {
        {.rule = 0, .level = RP_LEVEL_VIOLATION, .resident = 0, .facility = TOKYO_MC,
         .first = 13, .last = 16, .required = "at least 6 months", .found = "4 months",
         .message = "the stint at tokyo-mc is shorter than 6 months"},
        {.rule = 1, .level = RP_LEVEL_WARNING, .resident = RP_NONE, .facility = RP_NONE,
         .first = (int)rp_slot(&x->m, 2020, 1), .last = (int)rp_slot(&x->m, 2020, 3),
         .found = "3 residents", .message = "hiroo is crowded"},
    };
    rp_findings f = {items, 2, 2};
    char *text = findings_text(&x->m, p, &f);
    assert_string_equal(text,
        "violation RAD-04 [hard] resident 2019-01 (cohort 2019): the stint at tokyo-mc is "
        "shorter than 6 months\n"
        "  periods: months 13-16 (2020-04 to 2020-07)\n"
        "  required: at least 6 months\n"
        "  found: 4 months\n"
        "  facility: tokyo-mc\n"
        "  source: 003 §7-1 (L535)\n"
        "\n"
        "warning RAD-30 [soft] programme: hiroo is crowded\n"
        "  periods: 2020-04 to 2020-06\n"
        "  found: 3 residents\n"
        "  source: 003 §8 (L700)\n"
        "\n"
        "1 violation, 1 warning, 0 findings over 3 residents and 2 rules\n");
    free(text);

    f.items = &items[1];
    f.count = 1;
    text = findings_text(&x->m, p, &f);
    assert_string_equal(strstr(text, "\n\n") + 2,
                        "compliant: no violation of 2 rules over 3 residents; 1 warning, 0 findings\n");
    free(text);
    rp_plan_free(p);
}

static void findings_single_period_and_none(void **state)
{
    fixture *x = *state;
    rp_plan *p = sample_plan();
    rp_finding item = {.rule = 0, .level = RP_LEVEL_FINDING, .resident = 1, .facility = RP_NONE,
                       .first = 11, .last = 11, .message = "one month"};
    rp_findings f = {&item, 1, 1};
    char *text = findings_text(&x->m, p, &f);
    assert_string_equal(text,
        "finding RAD-04 [hard] resident 2020-01 (cohort 2020): one month\n"
        "  periods: month 11 (2021-02)\n"
        "  source: 003 §7-1 (L535)\n"
        "\n"
        "compliant: no violation of 2 rules over 3 residents; 0 warnings, 1 finding\n");
    free(text);
    rp_findings none = RP_FINDINGS_INIT;
    text = findings_text(&x->m, p, &none);
    assert_string_equal(text, "compliant: no violation of 2 rules over 3 residents; 0 warnings, "
                              "0 findings\n");
    free(text);
    rp_plan_free(p);
}

/* ---- formats and stream errors ---- */

static void format_parse_names(void **state)
{
    (void)state;
    rp_format f = RP_FORMAT_YAML;
    assert_int_equal(rp_format_parse("table", &f), 0);
    assert_int_equal(f, RP_FORMAT_TABLE);
    assert_int_equal(rp_format_parse("csv", &f), 0);
    assert_int_equal(f, RP_FORMAT_CSV);
    assert_int_equal(rp_format_parse("yaml", &f), 0);
    assert_int_equal(f, RP_FORMAT_YAML);
    assert_int_equal(rp_format_parse("json", &f), 0);
    assert_int_equal(f, RP_FORMAT_JSON);
    assert_int_equal(rp_format_parse("ics", &f), 0);
    assert_int_equal(f, RP_FORMAT_ICS);
    static const char *const bad[] = {"", "JSON", "CSV", "yml", "table ", "csvx", "excel"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        f = RP_FORMAT_CSV;
        assert_int_equal(rp_format_parse(bad[i], &f), -1);
        assert_int_equal(f, RP_FORMAT_CSV); /* untouched on failure */
    }
    assert_int_equal(rp_format_parse(NULL, &f), -1);
}

static void writers_report_stream_errors(void **state)
{
    fixture *x = *state;
    rp_plan *p = sample_plan();
    rp_findings none = RP_FINDINGS_INIT;
    static const rp_format formats[] = {RP_FORMAT_TABLE, RP_FORMAT_CSV, RP_FORMAT_YAML,
                                        RP_FORMAT_JSON, RP_FORMAT_CSV_EXCEL};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        FILE *ro = fopen("/dev/null", "r"); /* every write fails and sets the error flag */
        assert_non_null(ro);
        assert_int_equal(rp_report_plan(&x->m, p, formats[i], ro), -1);
        fclose(ro);
    }
    FILE *ro = fopen("/dev/null", "r");
    assert_non_null(ro);
    assert_int_equal(rp_report_ics(&x->m, p, 0, ro), -1);
    fclose(ro);
    FILE *sink = fopen("/dev/null", "w"); /* ics is one stream per resident, never one plan */
    assert_non_null(sink);
    assert_int_equal(rp_report_plan(&x->m, p, RP_FORMAT_ICS, sink), -1);
    fclose(sink);
    ro = fopen("/dev/null", "r");
    assert_non_null(ro);
    assert_int_equal(rp_report_findings(&x->m, p, &none, ro), -1);
    fclose(ro);
    rp_plan_free(p);
}

static void outputs_are_deterministic(void **state)
{
    fixture *x = *state;
    static const rp_format formats[] = {RP_FORMAT_TABLE, RP_FORMAT_CSV, RP_FORMAT_YAML,
                                        RP_FORMAT_JSON, RP_FORMAT_CSV_EXCEL};
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        rp_plan *a = sample_plan(), *b = sample_plan();
        char *ta = plan_text(&x->m, a, formats[i]);
        char *tb = plan_text(&x->m, b, formats[i]);
        assert_string_equal(ta, tb);
        free(ta);
        free(tb);
        rp_plan_free(a);
        rp_plan_free(b);
    }
}

/* ---- the Excel CSV, JSON and iCalendar ---- */

static void excel_csv_is_csv_with_bom_and_crlf(void **state)
{
    fixture *x = *state;
    rp_plan *p = sample_plan();
    char *plain = plan_text(&x->m, p, RP_FORMAT_CSV);
    char *excel = plan_text(&x->m, p, RP_FORMAT_CSV_EXCEL);
    assert_memory_equal(excel, "\xEF\xBB\xBF" RP_CSV_HEADER "\r\n", 3 + strlen(RP_CSV_HEADER) + 2);
    rp_buf b = {0}; /* the plain CSV with the BOM and CRLF */
    rp_buf_add(&b, "\xEF\xBB\xBF");
    for (const char *c = plain; *c; c++) {
        if (*c == '\n')
            rp_buf_addc(&b, '\r');
        rp_buf_addc(&b, *c);
    }
    assert_string_equal(excel, rp_buf_str(&b));
    rp_buf_free(&b);
    free(plain);
    free(excel);
    rp_plan_free(p);
}

/* OWASP CSV injection: in the Excel CSV a cell that would begin a formula ('=', '+', '-', '@')
 * starts with a single quote; the plain CSV keeps its bytes; the CSV reader drops the quote
 * again, so what `check` reads is unchanged. Ids cannot begin so (rp_id_valid): the writer does
 * not rely on it. */
static void excel_csv_neutralises_formula_cells(void **state)
{
    fixture *x = *state;
    rp_plan *p = rp_plan_new();
    assert_int_equal(rp_plan_add_resident(p, "=HYPERLINK(\"http://x\")", NULL, 2019, RP_NONE), 0);
    assert_int_equal(rp_plan_add_resident(p, "-2+3", NULL, 2019, RP_NONE), 1);
    assert_int_equal(rp_plan_add_resident(p, "@SUM(A1)", NULL, 2019, RP_NONE), 2);
    assert_int_equal(rp_plan_add_resident(p, "+1", NULL, 2019, RP_NONE), 3);
    for (int r = 0; r < 4; r++)
        add_stint(p, r, KEIO, RP_NONE, RP_MODE_BLOCK, 1, 36, 0);
    char *excel = plan_text(&x->m, p, RP_FORMAT_CSV_EXCEL);
    assert_non_null(strstr(excel, "\r\n\"'=HYPERLINK(\"\"http://x\"\")\",2019,,keio,"));
    assert_non_null(strstr(excel, "\r\n'-2+3,2019,,keio,"));
    assert_non_null(strstr(excel, "\r\n'@SUM(A1),2019,,keio,"));
    assert_non_null(strstr(excel, "\r\n'+1,2019,,keio,"));
    char *plain = plan_text(&x->m, p, RP_FORMAT_CSV);
    assert_non_null(strstr(plain, "\n-2+3,2019,,keio,"));
    assert_null(strstr(plain, "'"));
    free(plain);
    free(excel);
    rp_plan_free(p);
}

/* The CSV reader takes a spreadsheet's text mark off a cell that would begin a formula, and
 * only there. */
static void csv_reader_drops_the_text_mark(void **state)
{
    (void)state;
    char dir[] = "/tmp/rp-csv-XXXXXX";
    assert_non_null(mkdtemp(dir));
    char *path = rp_xasprintf("%s/cells.csv", dir);
    FILE *f = fopen(path, "w");
    assert_non_null(f);
    fputs("\xEF\xBB\xBF" "a,b,c,d,e\r\n'=x,'-2,'ok,'@y,''+z\r\n", f);
    assert_int_equal(fclose(f), 0);
    rp_diags d = RP_DIAGS_INIT;
    rp_csv in;
    assert_int_equal(rp_csv_open(&in, path, &d), 0);
    assert_true(rp_csv_header(&in, "a,b,c,d,e", "test"));
    rp_csv_cell c[5];
    size_t n;
    bool blank;
    rp_csv_row(&in, c, 5, &n, &blank);
    assert_int_equal(n, 5);
    assert_string_equal(c[0].text, "=x");
    assert_string_equal(c[1].text, "-2");
    assert_string_equal(c[2].text, "'ok");
    assert_string_equal(c[3].text, "@y");
    assert_string_equal(c[4].text, "''+z");
    assert_int_equal(c[1].col, 5);
    rp_csv_close(&in);
    rp_diags_free(&d);
    unlink(path);
    rmdir(dir);
    free(path);
}

static void json_lists_residents_and_stints(void **state)
{
    fixture *x = *state;
    rp_plan *p = sample_plan();
    assert_int_equal(rp_plan_add_resident(p, "2022-01", "a \"quote\" \\ and\ttab", 2022, 0), 3);
    char *text = plan_text(&x->m, p, RP_FORMAT_JSON);
    assert_non_null(strstr(text, "{\n  \"model\": \"test-model\",\n  \"unit\": \"month\",\n"
                                 "  \"status\": \"optimal\",\n  \"objective\": 12.5,\n"));
    assert_non_null(strstr(text, "\"id\": \"2019-01\",\n      \"name\": \"山田太郎\",\n"
                                 "      \"cohort\": 2019,\n      \"course\": \"A\""));
    assert_non_null(strstr(text, "\"name\": null"));
    assert_non_null(strstr(text, "\"name\": \"a \\\"quote\\\" \\\\ and\\ttab\""));
    assert_non_null(strstr(text, "\"department\": \"rt\",\n          \"department_name\": "
                                 "\"放射線治療\""));
    assert_non_null(strstr(text, "\"mode\": \"parallel\""));
    assert_non_null(strstr(text, "\"days_per_week\": 0.5"));
    assert_non_null(strstr(text, "\"facility\": \"none\",\n          \"facility_name\": null"));
    assert_non_null(strstr(text, "\"end_date\": \"2020-02-29\""));
    assert_non_null(strstr(text, "\"stints\": []"));
    assert_non_null(strstr(text, "\"bends\": []\n}\n"));
    size_t modes = 0;
    for (const char *c = text; (c = strstr(c, "\"mode\":")); c++)
        modes++;
    assert_int_equal(modes, p->n_stints);
    free(text);
    rp_plan_free(p);
}

static char *ics_text(const rp_model *m, const rp_plan *p, int resident)
{
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    assert_int_equal(rp_report_ics(m, p, resident, out), 0);
    assert_int_equal(fclose(out), 0);
    return text;
}

/* RFC 5545 3.1: every line ends in CRLF, holds at most 75 octets, and a folded line goes on
 * with one space and never inside a UTF-8 character. */
static void assert_folded(const char *text)
{
    for (const char *line = text; *line;) {
        const char *end = strstr(line, "\r\n");
        assert_non_null(end);
        assert_true(end - line <= 75);
        assert_null(memchr(line, '\n', (size_t)(end - line)));
        if (line[0] == ' ')
            assert_true(((unsigned char)line[1] & 0xC0) != 0x80);
        line = end + 2;
    }
}

static void ics_one_all_day_event_per_stint(void **state)
{
    fixture *x = *state;
    rp_plan *p = sample_plan();
    char *text = ics_text(&x->m, p, 0);
    assert_folded(text);
    assert_true(strncmp(text, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n", 30) == 0);
    size_t events = 0;
    for (const char *c = text; (c = strstr(c, "BEGIN:VEVENT\r\n")); c++)
        events++;
    assert_int_equal(events, 4); /* resident 2019-01: two keio blocks, tokyo-mc, hiroo parallel */
    /* keio months 1-11: 2019-04-01 to 2020-02-29 (leap); DTEND is the day after */
    assert_non_null(strstr(text, "DTSTART;VALUE=DATE:20190401\r\nDTEND;VALUE=DATE:20200301\r\n"));
    assert_non_null(strstr(text, "DTSTART;VALUE=DATE:20200401\r\nDTEND;VALUE=DATE:20210401\r\n"));
    assert_non_null(strstr(text, "UID:rotaplan-test-model-2019-01-parallel-20200401@rotaplan\r\n"));
    assert_non_null(strstr(text, "DTSTAMP:20190401T000000Z\r\n"));
    assert_non_null(strstr(text, "SUMMARY:parallel 0.5 days/week: Hiroo\r\n"));
    /* the place a calendar shows: the facility's name (issue 15) */
    assert_non_null(strstr(text, "SUMMARY:東京医療センター\r\nLOCATION:東京医療センター\r\n"));
    assert_non_null(strstr(text, "SUMMARY:parallel 0.5 days/week: Hiroo\r\nLOCATION:Hiroo\r\n"));
    assert_true(strcmp(text + strlen(text) - 15, "END:VCALENDAR\r\n") == 0);
    free(text);
    rp_plan_free(p);
}

static void ics_escapes_and_folds_text(void **state)
{
    fixture *x = *state;
    rp_plan *p = sample_plan();
    int r = rp_plan_add_resident(p, "2022-01", "山田, 花子; a\\b 慶應義塾大学病院放射線科専門研修", 2022,
                                 0);
    add_stint(p, r, KEIO, 1, RP_MODE_BLOCK, 1, 36, 0);
    rp_plan_sort(p);
    char *text = ics_text(&x->m, p, r);
    assert_folded(text);
    /* unfolded, the name's comma, semicolon and backslash are escaped */
    rp_buf b = {0};
    for (const char *c = text; *c; c++) {
        if (c[0] == '\r' && c[1] == '\n' && c[2] == ' ') {
            c += 2;
            continue;
        }
        rp_buf_addc(&b, *c);
    }
    assert_non_null(strstr(rp_buf_str(&b), "X-WR-CALNAME:山田\\, 花子\\; a\\\\b 慶應義塾大学病院"
                                           "放射線科専門研修 2022-01: test-model\r\n"));
    /* the department by its name from the model, not its id rt (issue 15) */
    assert_non_null(strstr(rp_buf_str(&b), "SUMMARY:慶應義塾大学病院 放射線科 (放射線治療)\r\n"
                                           "LOCATION:慶應義塾大学病院 放射線科\r\n"));
    assert_non_null(strstr(text, "\r\n ")); /* the long name was folded */
    rp_buf_free(&b);
    char *again = ics_text(&x->m, p, r);
    assert_string_equal(text, again); /* no clock in it */
    free(again);
    free(text);
    rp_plan_free(p);
}

/* ---- the HTML report's escaping ---- */

static void html_escapes_every_special_character(void **state)
{
    (void)state;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    rp_html_escape(out, "<b>\"山田\" & 'x'</b>");
    rp_html_escape(out, NULL);
    rp_html_printf(out, "%s=%d", "a<b", 1);
    assert_int_equal(fclose(out), 0);
    assert_string_equal(text, "&lt;b&gt;&quot;山田&quot; &amp; &#39;x&#39;&lt;/b&gt;a&lt;b=1");
    free(text);
    assert_string_equal(rp_html_colour(RP_NONE), "#cccccc");
    assert_string_equal(rp_html_colour(0), rp_html_colour(20)); /* the palette repeats */
}

#define T(f) cmocka_unit_test_setup_teardown(f, setup, teardown)

int main(void)
{
    const struct CMUnitTest tests[] = {
        T(plan_copies_strings_and_finds_residents),
        T(excel_csv_is_csv_with_bom_and_crlf),
        T(excel_csv_neutralises_formula_cells),
        cmocka_unit_test(csv_reader_drops_the_text_mark),
        T(json_lists_residents_and_stints),
        T(ics_one_all_day_event_per_stint),
        T(ics_escapes_and_folds_text),
        cmocka_unit_test(html_escapes_every_special_character),
        T(plan_sort_orders_resident_mode_period_facility),
        T(plan_sort_is_stable),
        T(csv_header_rows_and_dates),
        T(csv_quotes_fields_and_writes_whole_days),
        T(yaml_exact_shape),
        T(yaml_given_plan_has_no_objective),
        T(table_exact),
        T(table_aligns_japanese_names),
        T(table_leaves_out_name_and_mode_columns),
        T(table_weekly_calendar_shows_dates),
        T(findings_blocks_and_summary),
        T(findings_single_period_and_none),
        T(format_parse_names),
        T(writers_report_stream_errors),
        T(outputs_are_deterministic),
    };
    return T_RUN(tests);
}
