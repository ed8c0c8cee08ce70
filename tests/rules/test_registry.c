/*
 * test_registry.c: the table of rule kinds (src/rules/registry.c), after SCIP's check that every
 * constraint handler implements its callbacks (scipopt/scip:
 * tests/src/cons/enforelaximplemented.c).
 * Every registered kind has a kebab-case name, parse, emit, check and describe, a test program
 * tests/rules/test_<name>.c and a fixtures directory tests/rules/<name>/ holding at least one file
 * (the name with '-' replaced by '_'); the real model's rules all resolve to registered kinds, and
 * it uses every kind; an unknown kind in a model is refused with the nearest name or the list.
 */
#include "kind_test.h"

#include <dirent.h>
#include <sys/stat.h>

#include "rotaplan/rule.h"

/* The kind's name with '-' replaced by '_' (heap). */
static char *snake(const char *name)
{
    char *s = rp_xstrdup(name);
    for (char *c = s; *c; c++)
        if (*c == '-')
            *c = '_';
    return s;
}

/* Regular files directly in dir, not counting hidden ones; -1 when dir is no directory. */
static int files_in(const char *dir)
{
    DIR *d = opendir(dir);
    if (!d)
        return -1;
    int n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        if (e->d_name[0] == '.')
            continue;
        char *path = rp_xasprintf("%s/%s", dir, e->d_name);
        struct stat st;
        n += stat(path, &st) == 0 && S_ISREG(st.st_mode);
        free(path);
    }
    closedir(d);
    return n;
}

static bool kebab(const char *s)
{
    if (!*s || *s == '-' || s[strlen(s) - 1] == '-')
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || *s == '-'))
            return false;
    return true;
}

/* The kind test programs tests/rules/test_<kind>.c (the shared tests above left out). */
/* The test programs of tests/rules/ that belong to no one kind: this one, and the tests of
 * parameters several kinds share (field-minimum's counted departments with min-block's list). */
static bool shared_test(const char *name)
{
    static const char *const shared[] = {"test_registry.c", "test_named_departments.c",
                                         "test_session_rows.c"};
    for (size_t i = 0; i < sizeof shared / sizeof shared[0]; i++)
        if (strcmp(name, shared[i]) == 0)
            return true;
    return false;
}

static size_t kind_test_programs(void)
{
    DIR *d = opendir("tests/rules");
    assert_non_null(d);
    size_t n = 0;
    struct dirent *e;
    while ((e = readdir(d)) != NULL) {
        size_t len = strlen(e->d_name);
        n += strncmp(e->d_name, "test_", 5) == 0 && len > 7 &&
             strcmp(e->d_name + len - 2, ".c") == 0 && !shared_test(e->d_name);
    }
    closedir(d);
    return n;
}

/* STYLE.md section 2: parse, emit, check, describe; the name as the model writes it. The
 * registry holds as many kinds as tests/rules/ has kind test programs: a kind added or dropped
 * with its test program needs no count edited here, one dropped alone is caught (the test
 * below pairs each kind with its program) */
static void test_every_kind_has_its_callbacks(void **state)
{
    (void)state;
    size_t n = 0;
    const rp_rule_kind *const *kinds = rp_rule_kinds(&n);
    assert_int_equal(n, kind_test_programs());
    for (size_t i = 0; i < n; i++) {
        const rp_rule_kind *k = kinds[i];
        assert_non_null(k);
        assert_non_null(k->name);
        if (!kebab(k->name))
            fail_msg("kind name '%s' is not kebab-case", k->name);
        if (!k->parse || !k->emit || !k->check || !k->describe)
            fail_msg("kind '%s' lacks parse, emit, check or describe", k->name);
        /* `rotaplan capacity` shows an intake rule through both hooks, and probes no kind */
        if (!k->intake != !k->put_intake)
            fail_msg("kind '%s' has one of intake and put_intake without the other", k->name);
        assert_ptr_equal(rp_rule_kind_find(k->name), k);
        for (size_t j = 0; j < i; j++)
            if (strcmp(kinds[j]->name, k->name) == 0)
                fail_msg("kind '%s' is registered twice", k->name);
    }
    assert_null(rp_rule_kind_find("min-month-at"));
    assert_null(rp_rule_kind_find(""));
}

/* STYLE.md section 7: one test file and a fixtures directory per kind */
static void test_every_kind_has_tests_and_fixtures(void **state)
{
    (void)state;
    size_t n = 0;
    const rp_rule_kind *const *kinds = rp_rule_kinds(&n);
    for (size_t i = 0; i < n; i++) {
        char *name = snake(kinds[i]->name);
        char *dir = rp_xasprintf("tests/rules/%s", name);
        char *test = rp_xasprintf("tests/rules/test_%s.c", name);
        int files = files_in(dir);
        if (files < 0)
            fail_msg("kind '%s' has no fixtures directory %s/", kinds[i]->name, dir);
        if (files == 0)
            fail_msg("the fixtures directory %s/ of kind '%s' is empty", dir, kinds[i]->name);
        struct stat st;
        if (stat(test, &st) != 0 || !S_ISREG(st.st_mode))
            fail_msg("kind '%s' has no test program %s", kinds[i]->name, test);
        free(test);
        free(dir);
        free(name);
    }
}

/* The programme models: every rule resolves to a registered kind and can describe itself;
 * every registered kind serves some rule of one of them, or of the second two-year test model */
static void test_real_model_rules_resolve(void **state)
{
    (void)state;
    static const char *const models[] = {KT_MODEL, "models/initial-residency-2020.yaml",
                                         "tests/rules/block_length/model.yaml",
                                         "models/minami-general-2024.yaml"};
    size_t n = 0;
    const rp_rule_kind *const *kinds = rp_rule_kinds(&n);
    bool *used = rp_xcalloc(n, sizeof *used);
    for (size_t i = 0; i < sizeof models / sizeof models[0]; i++) {
        rp_model *m = t_load_model(models[i]);
        for (size_t r = 0; r < m->n_rules; r++) {
            const rp_rule *rule = &m->rules[r];
            assert_non_null(rule->kind);
            size_t k = 0;
            while (k < n && kinds[k] != rule->kind)
                k++;
            if (k == n)
                fail_msg("rule %s has a kind outside the registry", rule->id);
            used[k] = true;
            assert_ptr_equal(rp_rule_kind_find(rule->kind->name), rule->kind);
            char *s = rule->kind->describe(rule, m);
            assert_non_null(s);
            assert_true(strlen(s) > 10);
            free(s);
        }
        rp_model_free(m);
    }
    for (size_t k = 0; k < n; k++)
        if (!used[k])
            fail_msg("kind '%s' serves no rule of the programme models", kinds[k]->name);
    free(used);
}

/* The kinds of RULES.md section B as the model names them */
static void test_real_model_kind_of_each_rule(void **state)
{
    (void)state;
    static const char *const expected[][2] = {
        {"RAD-01", "counted-months"},  {"RAD-02", "min-months-at"},
        {"RAD-03", "min-months-at"},   {"RAD-04", "min-stint"},
        {"RAD-05", "min-facilities"},  {"RAD-06", "one-place-per-period"},
        {"RAD-07", "rotation-unit"},   {"RAD-08", "course-window"},
        {"RAD-09", "course-pattern"},  {"RAD-11", "no-full-time-at"},
        {"RAD-12", "residents-per-instructor"}, {"RAD-13", "intake-cap"},
        {"RAD-14", "urban-intake-cap"}, {"RAD-20", "min-months-at"},
        {"RAD-16", "experience-target"}, {"RAD-17", "experience-target"},
        {"RAD-18", "experience-target"}, {"RAD-19", "experience-target"},
    };
    rp_model *m = t_load_model(KT_MODEL);
    for (size_t i = 0; i < sizeof expected / sizeof expected[0]; i++) {
        size_t r = 0;
        while (r < m->n_rules && strcmp(m->rules[r].id, expected[i][0]) != 0)
            r++;
        if (r == m->n_rules)
            fail_msg("no rule %s in %s", expected[i][0], KT_MODEL);
        assert_string_equal(m->rules[r].kind->name, expected[i][1]);
        char prefix[16];
        rp_rule_row_prefix(&m->rules[r], prefix, sizeof prefix);
        char want[16];
        snprintf(want, sizeof want, "RAD%s", expected[i][0] + 4);
        assert_string_equal(prefix, want);
    }
    rp_model_free(m);
}

/* An unknown kind: the nearest registered name as a hint (line 9 of kind_test.h's tiny model) */
static void test_unknown_kind_hint(void **state)
{
    (void)state;
    kt_bad_params("min-month-at", NULL,
                  "9:11: unknown rule kind 'min-month-at'; did you mean 'min-months-at'?\n");
}

/* An unknown kind near no name: every registered kind is listed */
static void test_unknown_kind_lists_registry(void **state)
{
    (void)state;
    size_t n = 0;
    const rp_rule_kind *const *kinds = rp_rule_kinds(&n);
    rp_buf want = {0};
    rp_buf_add(&want, "9:11: unknown rule kind 'quota'; expected one of ");
    for (size_t i = 0; i < n; i++)
        rp_buf_printf(&want, "%s%s", i ? ", " : "", kinds[i]->name);
    rp_buf_add(&want, "\n");
    kt_bad_params("quota", NULL, rp_buf_str(&want));
    rp_buf_free(&want);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_every_kind_has_its_callbacks),
        cmocka_unit_test(test_every_kind_has_tests_and_fixtures),
        cmocka_unit_test(test_real_model_rules_resolve),
        cmocka_unit_test(test_real_model_kind_of_each_rule),
        cmocka_unit_test(test_unknown_kind_hint),
        cmocka_unit_test(test_unknown_kind_lists_registry),
    };
    return T_RUN(tests);
}
