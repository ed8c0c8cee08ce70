/*
 * test_bad_input.c: every malformed input of tests/bad/ must be refused with its exact first
 * error (line, column, message, after sorting by position as the command line prints them), the
 * output parameter left untouched. The cases are data: each file of tests/bad/model/ is loaded as
 * a programme model, each of tests/bad/residents/ as a residents file and each of tests/bad/plan/
 * as a plan, both against models/radiology-keio-2019.yaml. A case states what it expects on its
 * first line, `# expect: LINE:COL: message`, or, for CSV, in `<name>.expect` beside it; adding a
 * case needs no change here. Below the directory walk, a few cases that files cannot hold well:
 * every error of a file in one pass, an oversized scalar, a missing file.
 */
#include "support.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rotaplan/plan.h"
#include "util/util.h"

#define REFERENCE_MODEL "models/radiology-keio-2019.yaml"
#define MIN_CASES 14

typedef enum input_kind { INPUT_MODEL, INPUT_RESIDENTS, INPUT_PLAN } input_kind;

typedef struct bad_case {
    char *path;
    input_kind kind;
} bad_case;

typedef struct expectation {
    int line, col;
    char message[1024];
} expectation;

/* The expectation of a case: its first line, or the first line of <stem>.expect when present. */
static void read_expectation(const char *path, expectation *e)
{
    char *side = rp_xstrdup(path);
    char *dot = strrchr(side, '.');
    if (dot)
        *dot = '\0';
    char *side_path = rp_xasprintf("%s.expect", side);
    FILE *fp = fopen(side_path, "rb");
    if (!fp)
        fp = fopen(path, "rb");
    free(side);
    free(side_path);
    assert_non_null(fp);
    char first[1200] = "";
    char *got = fgets(first, sizeof first, fp);
    fclose(fp);
    assert_non_null(got);
    first[strcspn(first, "\r\n")] = '\0';
    int consumed = 0;
    if (sscanf(first, "# expect: %d:%d: %n", &e->line, &e->col, &consumed) != 2 || !consumed)
        fail_msg("%s: the first line must read '# expect: LINE:COL: message'", path);
    snprintf(e->message, sizeof e->message, "%s", first + consumed);
}

/* Loads the case; returns the load's status, and checks that the output was left alone. */
static int load_case(const bad_case *c, rp_diags *d)
{
    if (c->kind == INPUT_MODEL) {
        rp_model untouched, *m = &untouched;
        int rc = rp_model_load(c->path, &m, d);
        assert_ptr_equal(m, &untouched);
        return rc;
    }
    rp_model *model = t_load_model(REFERENCE_MODEL);
    int rc;
    if (c->kind == INPUT_RESIDENTS) {
        rp_cohort untouched, *co = &untouched;
        rc = rp_cohort_load(model, c->path, &co, d);
        assert_ptr_equal(co, &untouched);
    } else {
        rp_plan untouched, *p = &untouched;
        rc = rp_plan_read(model, c->path, &p, d);
        assert_ptr_equal(p, &untouched);
    }
    rp_model_free(model);
    return rc;
}

static void run_case(void **state)
{
    const bad_case *c = *state;
    expectation e;
    read_expectation(c->path, &e);
    rp_diags d = RP_DIAGS_INIT;
    int rc = load_case(c, &d);
    assert_int_equal(rc, -1);
    assert_true(rp_diags_errors(&d) >= 1);
    rp_diags_sort(&d);
    const rp_diag *first = NULL;
    for (size_t i = 0; i < d.count && !first; i++)
        if (d.items[i].severity == RP_ERROR)
            first = &d.items[i];
    if (!rp_streq(first->message, e.message) || first->line != e.line || first->col != e.col) {
        char *all = t_diags_text(&d);
        print_error("%s: expected %d:%d: %s\ngot:\n%s", c->path, e.line, e.col, e.message, all);
        free(all);
    }
    assert_string_equal(first->file, c->path);
    assert_string_equal(first->message, e.message);
    assert_int_equal(first->line, e.line);
    assert_int_equal(first->col, e.col);
    rp_diags_free(&d);
}

/* ---- fixed cases ---- */

/* One pass reports every error of the file, each at its own place. */
static void test_every_error_in_one_pass(void **state)
{
    (void)state;
    char *path = t_write_temp(".yaml",
                              "programme: {id: many, name: many errors}\n"
                              "calendar: {unit: month, start_month: 13, years: 3}\n"
                              "facilities:\n"
                              "  - {id: keio, name: Keio, role: base, ct: lots}\n"
                              "  - {id: hiroo, name: Hiroo, role: partner, rt_capable: maybe}\n"
                              "  - {id: hiroo, name: Hiroo again, role: partner}\n"
                              "rules: []\n"
                              "extra: 1\n");
    rp_diags d = RP_DIAGS_INIT;
    rp_model *m = NULL;
    assert_int_equal(rp_model_load(path, &m, &d), -1);
    assert_null(m);
    rp_diags_sort(&d);
    char *text = t_diags_text(&d);
    assert_string_equal(
        text,
        "2:38: start_month '13' is out of range; expected a whole number from 1 to 12\n"
        "4:44: ct 'lots' is not a number; expected a number from 0 to 1e+09\n"
        "5:57: unknown rt_capable 'maybe'; expected one of no, yes, disputed, false, true\n"
        "6:10: duplicate facility id 'hiroo'; first defined at line 5\n"
        "8:1: unknown key 'extra' in the model; expected one of programme, calendar, readings, "
        "intake, totals, objective, facilities, courses, rules, fields, crediting, "
        "parallel_training, standard_rotation, experience_items, night_duty\n");
    free(text);
    rp_diags_free(&d);
    remove(path);
    free(path);
}

static void test_scalar_too_long(void **state)
{
    (void)state;
    rp_buf b = {0};
    rp_buf_add(&b, "programme:\n  id: long\n  name: ");
    for (int i = 0; i < 70000; i++)
        rp_buf_addc(&b, 'x');
    rp_buf_add(&b, "\n");
    char *path = t_write_temp(".yaml", rp_buf_str(&b));
    rp_buf_free(&b);
    rp_diags d = RP_DIAGS_INIT;
    rp_model *m = NULL;
    assert_int_equal(rp_model_load(path, &m, &d), -1);
    assert_int_equal(d.count, 1);
    assert_int_equal(d.items[0].line, 3);
    assert_int_equal(d.items[0].col, 9);
    assert_string_equal(d.items[0].message,
                        "value of 70000 bytes is too long; expected at most 65536 bytes");
    rp_diags_free(&d);
    remove(path);
    free(path);
}

static void test_missing_file(void **state)
{
    (void)state;
    rp_diags d = RP_DIAGS_INIT;
    rp_model *m = NULL;
    assert_int_equal(rp_model_load("tests/bad/no-such-file.yaml", &m, &d), -1);
    assert_null(m);
    assert_int_equal(d.count, 1);
    assert_string_equal(d.items[0].file, "tests/bad/no-such-file.yaml");
    assert_int_equal(d.items[0].line, 0);
    assert_string_equal(d.items[0].message, "cannot open file: no such file or directory");
    rp_diags_free(&d);
}

/* An unused anchor is refused too, at the anchor. */
static void test_unused_anchor(void **state)
{
    (void)state;
    char *path = t_write_temp(".yaml", "programme: &p {id: x, name: y}\n");
    rp_diags d = RP_DIAGS_INIT;
    rp_model *m = NULL;
    assert_int_equal(rp_model_load(path, &m, &d), -1);
    char *text = t_diags_text(&d);
    assert_string_equal(text, "1:12: aliases and anchors are not supported; write the value out\n");
    free(text);
    rp_diags_free(&d);
    remove(path);
    free(path);
}

/* ---- the directory walk ---- */

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

static bool is_case(const char *name)
{
    size_t n = strlen(name);
    return name[0] != '.' && ((n > 5 && strcmp(name + n - 5, ".yaml") == 0) ||
                              (n > 4 && strcmp(name + n - 4, ".csv") == 0));
}

/* Appends the cases of dir, sorted by name; returns how many. */
static size_t collect(const char *dir, input_kind kind, bad_case **cases, size_t *n, size_t *cap)
{
    DIR *dp = opendir(dir);
    if (!dp)
        return 0;
    char **names = NULL;
    size_t count = 0, names_cap = 0;
    struct dirent *e;
    while ((e = readdir(dp)) != NULL)
        if (is_case(e->d_name))
            *RP_PUSH(names, count, names_cap) = rp_xstrdup(e->d_name);
    closedir(dp);
    if (count)
        qsort(names, count, sizeof *names, compare_names);
    for (size_t i = 0; i < count; i++) {
        bad_case *c = RP_PUSH(*cases, *n, *cap);
        c->path = rp_xasprintf("%s/%s", dir, names[i]);
        c->kind = kind;
        free(names[i]);
    }
    free(names);
    return count;
}

int main(void)
{
    static const struct {
        const char *dir;
        input_kind kind;
    } dirs[] = {
        {"tests/bad/model", INPUT_MODEL},
        {"tests/bad/residents", INPUT_RESIDENTS},
        {"tests/bad/plan", INPUT_PLAN},
    };
    const struct CMUnitTest fixed[] = {
        cmocka_unit_test(test_every_error_in_one_pass),
        cmocka_unit_test(test_scalar_too_long),
        cmocka_unit_test(test_missing_file),
        cmocka_unit_test(test_unused_anchor),
    };
    bad_case *cases = NULL;
    size_t n = 0, cap = 0;
    for (size_t i = 0; i < sizeof dirs / sizeof dirs[0]; i++) {
        if (collect(dirs[i].dir, dirs[i].kind, &cases, &n, &cap) == 0) {
            fprintf(stderr, "test_bad_input: no cases in %s (run from the repository root)\n",
                    dirs[i].dir);
            return 1;
        }
    }
    if (n < MIN_CASES) {
        fprintf(stderr, "test_bad_input: %zu cases; expected at least %d\n", n, MIN_CASES);
        return 1;
    }
    size_t total = n + sizeof fixed / sizeof fixed[0];
    struct CMUnitTest *tests = rp_xcalloc(total, sizeof *tests);
    for (size_t i = 0; i < n; i++) {
        struct CMUnitTest t = {cases[i].path, run_case, NULL, NULL, &cases[i]};
        tests[i] = t;
    }
    for (size_t i = 0; i < sizeof fixed / sizeof fixed[0]; i++)
        tests[n + i] = fixed[i];
    int failed = t_run("test_bad_input", tests, total);
    for (size_t i = 0; i < n; i++)
        free(cases[i].path);
    free(cases);
    free(tests);
    return failed;
}
