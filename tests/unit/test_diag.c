/*
 * test_diag.c: the diagnostics list (src/util/diag.c) under a flood: at most RP_DIAGS_MAX kept
 * and the rest counted, sorting by position that keeps the order of equal positions (in
 * n log n: a file of 100,000 errors once took minutes), and printing the first
 * RP_DIAGS_PRINTED with one line for the others.
 */
#include "support.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static void keeps_at_most_the_maximum_and_counts_the_rest(void **state)
{
    (void)state;
    rp_diags d = RP_DIAGS_INIT;
    for (int i = 0; i < RP_DIAGS_MAX + 5; i++)
        rp_diag_add(&d, RP_ERROR, "f.yaml", i + 1, 1, 1, "error %d", i);
    assert_int_equal(d.count, RP_DIAGS_MAX);
    assert_int_equal(d.dropped, 5);
    assert_string_equal(d.items[RP_DIAGS_MAX - 1].message, "error 9999");
    rp_diags_free(&d);
    assert_int_equal(d.count, 0);
    assert_int_equal(d.dropped, 0);
}

static void sorts_by_position_keeping_equal_ones_in_order(void **state)
{
    (void)state;
    rp_diags d = RP_DIAGS_INIT;
    /* lines 4000..1, each with two messages at the same position, "a" before "b" */
    for (int line = 4000; line >= 1; line--) {
        rp_diag_add(&d, RP_ERROR, "f.yaml", line, 3, 1, "a%d", line);
        rp_diag_add(&d, RP_ERROR, "f.yaml", line, 3, 1, "b%d", line);
    }
    rp_diag_add(&d, RP_ERROR, "e.yaml", 9, 1, 1, "other file");
    rp_diags_sort(&d);
    assert_string_equal(d.items[0].message, "other file");
    char want[16];
    for (int line = 1; line <= 4000; line++) {
        snprintf(want, sizeof want, "a%d", line);
        assert_string_equal(d.items[2 * line - 1].message, want);
        snprintf(want, sizeof want, "b%d", line);
        assert_string_equal(d.items[2 * line].message, want);
    }
    rp_diags_free(&d);
}

static void prints_the_first_hundred_and_counts_the_others(void **state)
{
    (void)state;
    rp_diags d = RP_DIAGS_INIT;
    for (int i = 0; i < RP_DIAGS_MAX + 7; i++)
        rp_diag_add(&d, RP_ERROR, NULL, 0, 0, 0, "error %d", i);
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    assert_non_null(out);
    size_t errors = rp_diags_print(&d, out);
    fclose(out);
    assert_int_equal(errors, RP_DIAGS_MAX);
    size_t lines = 0;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    assert_int_equal(lines, RP_DIAGS_PRINTED + 1);
    assert_non_null(strstr(text, "error: error 99\n"));
    assert_null(strstr(text, "error: error 100\n"));
    char want[64];
    snprintf(want, sizeof want, "rotaplan: %d more diagnostics not shown\n",
             RP_DIAGS_MAX + 7 - RP_DIAGS_PRINTED);
    assert_non_null(strstr(text, want));
    free(text);
    rp_diags_free(&d);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(keeps_at_most_the_maximum_and_counts_the_rest),
        cmocka_unit_test(sorts_by_position_keeping_equal_ones_in_order),
        cmocka_unit_test(prints_the_first_hundred_and_counts_the_others),
    };
    return cmocka_run_group_tests(tests, NULL, NULL);
}
