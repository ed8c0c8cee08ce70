/*
 * support.c: see support.h.
 */
#include "support.h"

#include <glpk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "rotaplan/check.h"
#include "rotaplan/report.h"
#include "rotaplan/rule.h"
#include "rotaplan/solve.h"
#include "rotaplan/translate.h"
#include "util/util.h"

rp_model *t_load_model(const char *path)
{
    rp_diags d = RP_DIAGS_INIT;
    rp_model *m = NULL;
    if (rp_model_load(path, &m, &d) != 0) {
        rp_diags_print(&d, stderr);
        rp_diags_free(&d);
        fail_msg("cannot load model %s", path);
    }
    rp_diags_free(&d);
    return m;
}

rp_cohort *t_load_cohort(const rp_model *m, const char *path)
{
    rp_diags d = RP_DIAGS_INIT;
    rp_cohort *c = NULL;
    if (rp_cohort_load(m, path, &c, &d) != 0) {
        rp_diags_print(&d, stderr);
        rp_diags_free(&d);
        fail_msg("cannot load residents %s", path);
    }
    rp_diags_free(&d);
    return c;
}

char *t_write_temp(const char *suffix, const char *text)
{
    char *path = rp_xasprintf("/tmp/rotaplan-test-XXXXXX%s", suffix);
    int fd = mkstemps(path, (int)strlen(suffix));
    assert_true(fd >= 0);
    size_t n = strlen(text);
    assert_int_equal(write(fd, text, n), (ssize_t)n);
    close(fd);
    return path;
}

char *t_diags_text(const rp_diags *d)
{
    rp_buf b = {0};
    for (size_t i = 0; i < d->count; i++)
        rp_buf_printf(&b, "%d:%d: %s\n", d->items[i].line, d->items[i].col, d->items[i].message);
    return rp_buf_take(&b);
}

rp_plan *t_plan_file(const rp_model *m, const char *path)
{
    rp_diags d = RP_DIAGS_INIT;
    rp_plan *p = NULL;
    int ret = rp_plan_read(m, path, &p, &d);
    if (ret != 0)
        rp_diags_print(&d, stderr);
    rp_diags_free(&d);
    if (ret != 0)
        fail_msg("cannot read plan %s", path);
    return p;
}

rp_plan *t_plan_csv(const rp_model *m, const char *rows)
{
    char *text = rp_xasprintf("%s\n%s", RP_CSV_HEADER, rows);
    char *path = t_write_temp(".csv", text);
    rp_diags d = RP_DIAGS_INIT;
    rp_plan *p = NULL;
    int ret = rp_plan_read(m, path, &p, &d);
    if (ret != 0)
        rp_diags_print(&d, stderr);
    rp_diags_free(&d);
    unlink(path);
    free(path);
    free(text);
    assert_int_equal(ret, 0);
    return p;
}

rp_cohort *t_cohort_of_plan(const rp_plan *p)
{
    rp_cohort *c = rp_cohort_new();
    for (size_t i = 0; i < p->n_residents; i++)
        rp_cohort_add_resident(c, p->residents[i].id, p->residents[i].cohort,
                               p->residents[i].course >= 0 ? p->residents[i].course : RP_ANY);
    return c;
}

void t_only_rule(rp_model *m, const char *id)
{
    for (size_t i = 0; i < m->n_rules; i++) {
        rp_rule *r = &m->rules[i];
        r->enabled = strcmp(r->id, id) == 0 || strcmp(r->kind->name, "one-place-per-period") == 0;
    }
}

size_t t_violations(const rp_model *m, const rp_cohort *c, const rp_plan *p, const char *id)
{
    rp_findings f = RP_FINDINGS_INIT;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_check_plan(m, c, p, &f, &d), 0);
    size_t n = 0;
    for (size_t i = 0; i < f.count; i++)
        n += f.items[i].level == RP_LEVEL_VIOLATION && strcmp(m->rules[f.items[i].rule].id, id) == 0;
    rp_findings_free(&f);
    rp_diags_free(&d);
    return n;
}

static int rule_index(const rp_model *m, const char *id)
{
    for (size_t i = 0; i < m->n_rules; i++)
        if (strcmp(m->rules[i].id, id) == 0)
            return (int)i;
    fail_msg("no rule '%s' in the model", id);
    return -1;
}

int t_rows_accept(const rp_model *m, const rp_cohort *c, const rp_plan *p, bool plain,
                  const char *skip)
{
    rp_translate_options opt = {plain, true, false, false, false, NULL, NULL};
    return t_rows_accept_with(m, c, p, &opt, skip);
}

int t_rows_accept_with(const rp_model *m, const rp_cohort *c, const rp_plan *p,
                       const rp_translate_options *options, const char *skip)
{
    rp_cohort *own = c ? NULL : t_cohort_of_plan(p);
    rp_translate_options opt = *options;
    opt.no_objective = true;
    rp_translation *t = NULL;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_translate(m, c ? c : own, &opt, &t, &d), 0);
    double *x = NULL;
    int result = -1;
    if (rp_encode(t, p, &x, &d) == 0) {
        int skip_rule = skip ? rule_index(m, skip) : RP_NONE;
        bool violated = false;
        for (size_t i = 0; i < rp_ilp_n_violated(t->ilp); i++)
            violated = violated || rp_ilp_violated_tag(t->ilp, i).rule != skip_rule;
        result = violated ? 0 : rp_solve_fixed(t->ilp, x, skip_rule);
        assert_true(result >= 0);
    }
    free(x);
    rp_diags_free(&d);
    rp_translation_free(t);
    rp_cohort_free(own);
    return result;
}

void t_expect_compliant(const rp_model *m, const rp_cohort *c, const rp_plan *p, const char *id)
{
    assert_int_equal(t_violations(m, c, p, id), 0);
    assert_int_equal(t_rows_accept(m, c, p, true, NULL), 1);
    assert_int_equal(t_rows_accept(m, c, p, false, NULL), 1);
}

void t_expect_violation(const rp_model *m, const rp_cohort *c, const rp_plan *p, const char *id,
                        size_t n)
{
    assert_int_equal(t_violations(m, c, p, id), n);
    assert_int_equal(t_rows_accept(m, c, p, true, NULL), 0);
    assert_int_equal(t_rows_accept(m, c, p, true, id), 1);
    assert_int_not_equal(t_rows_accept(m, c, p, false, NULL), 1);
}

int t_run(const char *name, const struct CMUnitTest *tests, size_t n)
{
    int failed = _cmocka_run_group_tests(name, tests, n, NULL, NULL);
    glp_free_env();
    return failed;
}

unsigned t_draw(unsigned *state)
{
    *state = *state * 1103515245u + 12345u;
    return (*state >> 16) & 0x7fff;
}
