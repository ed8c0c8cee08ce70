/*
 * support.c: see support.h.
 */
#include "support.h"

#include <glpk.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

int t_run(const char *name, const struct CMUnitTest *tests, size_t n)
{
    int failed = _cmocka_run_group_tests(name, tests, n, NULL, NULL);
    glp_free_env();
    return failed;
}
