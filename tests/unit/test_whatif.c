/*
 * test_whatif.c: `rotaplan whatif` changes no more resident-periods than the true minimum, on a
 * case small enough to enumerate: two residents of course B (base, partner, partner) of the
 * radiology programme, a partner that withdraws at the start of year 3 and another whose
 * capacity drops to one resident then. The enumeration tries every partner pair for years 2 and
 * 3 of each resident, judges each plan with the direct checks alone (never the ILP) and keeps
 * the compliant one with the fewest changes; the what-if must match it and pass the checks.
 *
 * The bound counted before any search (whatif_bound.c) is checked against the same enumeration
 * (never above the true minimum, and equal to it here), and on the two-year programme's weekly
 * plan, whose 4-week units make one over-full week cost four periods: the bound equals the
 * changes of the what-if's plan, and none of the pieces it leaves out is in that plan.
 */
#include "support.h"

#include "cli/cli.h"
#include "cli/whatif.h"
#include "rotaplan/translate.h"
#include "rotaplan/calendar.h"
#include "rotaplan/check.h"
#include "rotaplan/report.h"
#include "util/util.h"

#include <math.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define MODEL "models/radiology-keio-2019.yaml"

/* A CSV row: resident (cohort 2019, course B) at facility over months a..b. */
static char *row(const rp_model *m, const char *resident, const char *facility, int a, int b)
{
    char da[11], db[11];
    rp_date_format(rp_period_first_day(m, 2019, a), da);
    rp_date_format(rp_period_last_day(m, 2019, b), db);
    return rp_xasprintf("%s,2019,B,%s,,block,%d,%d,%s,%s,\n", resident, facility, a, b, da, db);
}

/* Rows of a resident at keio in year 1, f2 in year 2, f3 in year 3 (one stint when f2 = f3). */
static char *resident_rows(const rp_model *m, const char *id, int f2, int f3)
{
    char *a = row(m, id, "keio", 1, 12);
    char *b = f2 == f3 ? row(m, id, m->facilities[f2].id, 13, 36)
                       : row(m, id, m->facilities[f2].id, 13, 24);
    char *c = f2 == f3 ? rp_xstrdup("") : row(m, id, m->facilities[f3].id, 25, 36);
    char *all = rp_xasprintf("%s%s%s", a, b, c);
    free(a);
    free(b);
    free(c);
    return all;
}

/* Violations of rules with rows (intake rules are the cohort's). */
static size_t violations(const rp_model *m, const rp_plan *p)
{
    rp_findings f = RP_FINDINGS_INIT;
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_check_plan(m, NULL, p, &f, &d), 0);
    size_t n = 0;
    for (size_t i = 0; i < f.count; i++)
        n += f.items[i].level == RP_LEVEL_VIOLATION &&
             m->rules[f.items[i].rule].cls != RP_CLASS_INTAKE;
    rp_findings_free(&f);
    rp_diags_free(&d);
    return n;
}

typedef struct option {
    int f2, f3, changes;
} option;

static int by_changes(const void *a, const void *b)
{
    return ((const option *)a)->changes - ((const option *)b)->changes;
}

/* Every compliant (year 2, year 3) pair of one resident on its own, fewest changes first. */
static size_t options(const rp_model *m, const char *id, int old2, int old3, option **out)
{
    size_t n = 0, cap = 0;
    *out = NULL;
    for (size_t f2 = 0; f2 < m->n_facilities; f2++) {
        for (size_t f3 = 0; f3 < m->n_facilities; f3++) {
            if (m->facilities[f2].role != RP_ROLE_PARTNER ||
                m->facilities[f3].role != RP_ROLE_PARTNER)
                continue;
            char *rows = resident_rows(m, id, (int)f2, (int)f3);
            rp_plan *p = t_plan_csv(m, rows);
            free(rows);
            if (violations(m, p) == 0)
                *RP_PUSH(*out, n, cap) =
                    (option){(int)f2, (int)f3, 12 * ((int)f2 != old2) + 12 * ((int)f3 != old3)};
            rp_plan_free(p);
        }
    }
    qsort(*out, n, sizeof **out, by_changes);
    return n;
}

/* The fewest changes of a compliant plan of both residents. */
static int true_minimum(const rp_model *m, int a2, int a3, int b2, int b3)
{
    option *oa, *ob;
    size_t na = options(m, "ra", a2, a3, &oa), nb = options(m, "rb", b2, b3, &ob);
    int best = -1;
    for (size_t i = 0; i < na; i++) {
        for (size_t j = 0; j < nb; j++) {
            int total = oa[i].changes + ob[j].changes;
            if (best >= 0 && total >= best)
                break; /* ob is sorted: nothing cheaper further on */
            char *x = resident_rows(m, "ra", oa[i].f2, oa[i].f3);
            char *y = resident_rows(m, "rb", ob[j].f2, ob[j].f3);
            char *both = rp_xasprintf("%s%s", x, y);
            rp_plan *p = t_plan_csv(m, both);
            if (violations(m, p) == 0)
                best = total;
            rp_plan_free(p);
            free(x);
            free(y);
            free(both);
        }
    }
    free(oa);
    free(ob);
    return best;
}

/* The facility of plan resident r's block in period p, or RP_NONE. */
static int facility_at(const rp_plan *p, int r, int period)
{
    for (size_t i = 0; i < p->n_stints; i++) {
        const rp_stint *s = &p->stints[i];
        if (s->resident == r && s->mode == RP_MODE_BLOCK && s->first <= period && period <= s->last)
            return s->facility;
    }
    return RP_NONE;
}

/* The department of plan resident r's block in period p, or RP_NONE. */
static int department_at(const rp_plan *p, int r, int period)
{
    for (size_t i = 0; i < p->n_stints; i++) {
        const rp_stint *s = &p->stints[i];
        if (s->resident == r && s->mode == RP_MODE_BLOCK && s->first <= period && period <= s->last)
            return s->department;
    }
    return RP_NONE;
}

/* Resident-periods whose facility differs between the plans. */
static int changed(const rp_plan *a, const rp_plan *b)
{
    int n = 0;
    for (size_t r = 0; r < a->n_residents; r++) {
        int rb = rp_plan_resident_index(b, a->residents[r].id);
        assert_true(rb != RP_NONE);
        for (int p = 1; p <= 36; p++) {
            n += facility_at(a, (int)r, p) != facility_at(b, rb, p);
        }
    }
    return n;
}

static void test_fewest_changes(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    int tokyo = rp_model_facility(m, "tokyo-mc"), kawasaki = rp_model_facility(m, "kawasaki");
    int keiyu = rp_model_facility(m, "keiyu"), hino = rp_model_facility(m, "hino");
    /* ra: tokyo-mc then kawasaki; rb: keiyu then hino. kawasaki withdraws from 2021-04 (ra's
     * year 3) and hino may hold a single resident then. */
    char *x = resident_rows(m, "ra", tokyo, kawasaki), *y = resident_rows(m, "rb", keiyu, hino);
    char *text = rp_xasprintf("%s\n%s%s", RP_CSV_HEADER, x, y);
    char *old_path = t_write_temp(".csv", text);
    char *new_path = t_write_temp(".csv", "");
    char *argv[] = {MODEL,        old_path,    "--withdraw", "kawasaki", "--from",
                    "2021-04",    "--capacity", "hino=1",     "--from",   "2021-04",
                    "--out",      new_path,    "--quiet"};
    static volatile sig_atomic_t never;
    rp_cli cli = {"rotaplan", &never, false, NULL};
    assert_int_equal(rp_cmd_whatif(&cli, (int)(sizeof argv / sizeof argv[0]), argv), RP_EXIT_OK);
    rp_plan *old = t_plan_file(m, old_path), *new_plan = t_plan_file(m, new_path);

    rp_change withdraw = {RP_CHANGE_WITHDRAW, kawasaki, RP_NONE, {2021, 4, 1}, {0, 0, 0}, 0};
    rp_change cap = {RP_CHANGE_CAPACITY, hino, RP_NONE, {2021, 4, 1}, {0, 0, 0}, 1};
    rp_model_add_change(m, &withdraw);
    rp_model_add_change(m, &cap);
    assert_int_equal(violations(m, new_plan), 0);
    int best = true_minimum(m, tokyo, kawasaki, keiyu, hino);
    assert_int_equal(best, 12); /* ra leaves kawasaki for year 3; rb keeps hino */
    /* and the enumeration sees the changes: ra kept at kawasaki would break RAD-12 */
    char *kept = rp_xasprintf("%s%s", x, y);
    rp_plan *unchanged = t_plan_csv(m, kept);
    assert_true(violations(m, unchanged) > 0);
    rp_plan_free(unchanged);
    free(kept);
    assert_int_equal(changed(old, new_plan), best);

    rp_plan_free(old);
    rp_plan_free(new_plan);
    unlink(old_path);
    unlink(new_path);
    free(old_path);
    free(new_path);
    free(text);
    free(x);
    free(y);
    rp_model_free(m);
}

/* rp_cmd_whatif on the plan of ra (tokyo-mc, kawasaki) and rb (keiyu, hino) with hino's capacity
 * set to cap from 2021-04; returns the new plan (the caller frees). */
static rp_plan *hino_cut(const rp_model *m, const char *cap, rp_plan **old)
{
    int tokyo = rp_model_facility(m, "tokyo-mc"), kawasaki = rp_model_facility(m, "kawasaki");
    int keiyu = rp_model_facility(m, "keiyu"), hino = rp_model_facility(m, "hino");
    char *x = resident_rows(m, "ra", tokyo, kawasaki), *y = resident_rows(m, "rb", keiyu, hino);
    char *text = rp_xasprintf("%s\n%s%s", RP_CSV_HEADER, x, y);
    char *old_path = t_write_temp(".csv", text);
    char *new_path = t_write_temp(".csv", "");
    char *value = rp_xasprintf("hino=%s", cap);
    char *argv[] = {MODEL, old_path, "--capacity", value, "--from", "2021-04",
                    "--out", new_path, "--quiet"};
    static volatile sig_atomic_t never;
    rp_cli cli = {"rotaplan", &never, false, NULL};
    assert_int_equal(rp_cmd_whatif(&cli, (int)(sizeof argv / sizeof argv[0]), argv), RP_EXIT_OK);
    *old = t_plan_file(m, old_path);
    rp_plan *new_plan = t_plan_file(m, new_path);
    unlink(old_path);
    unlink(new_path);
    free(old_path);
    free(new_path);
    free(value);
    free(text);
    free(x);
    free(y);
    return new_plan;
}

/* rp_whatif_fewest on old (residents c), m's changes in force from `from` (strict level, the
 * what-if's translation and anchoring); *off and *t (the caller frees both) with it. */
static long fewest(const rp_model *m, const rp_cohort *c, const rp_plan *old, rp_date from,
                   rp_translation **t, bool **off)
{
    rp_diags d = RP_DIAGS_INIT;
    assert_int_equal(rp_translate(m, c, NULL, t, &d), 0);
    double *matches = NULL;
    long open = 0;
    assert_int_equal(rp_anchor(*t, old, from, &matches, &open, &d), 0);
    bool *bounded = NULL;
    long n = rp_whatif_fewest(*t, old, from, off, &bounded);
    assert_true(n <= open);
    size_t in_bound = 0;
    for (size_t r = 0; r < (*t)->n_residents; r++)
        in_bound += bounded[r];
    assert_true(n == 0 || in_bound > 0); /* a bound above 0 names whose cells it counts */
    free(bounded);
    free(matches);
    rp_diags_free(&d);
    return n;
}

/* The columns of plan p (encoded in t) that off leaves out: none for a plan that changes only
 * the bound's count. */
static size_t used_off(const rp_translation *t, const rp_plan *p, const bool *off)
{
    rp_diags d = RP_DIAGS_INIT;
    double *x = NULL;
    assert_int_equal(rp_encode(t, p, &x, &d), 0);
    size_t n = 0;
    for (size_t j = 0; j < rp_ilp_n_cols(t->ilp); j++)
        n += off[j] && !isnan(x[j]) && x[j] > 0.5;
    free(x);
    rp_diags_free(&d);
    return n;
}

/* Radiology (months, RAD-12 per facility): the enumeration's minimum is 12 when kawasaki
 * withdraws and hino holds one; the bound is 12 too, from the cells at kawasaki alone (hino's
 * one resident may stay), and counts nothing when nothing breaks. */
static void test_bound_radiology(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    int tokyo = rp_model_facility(m, "tokyo-mc"), kawasaki = rp_model_facility(m, "kawasaki");
    int keiyu = rp_model_facility(m, "keiyu"), hino = rp_model_facility(m, "hino");
    char *x = resident_rows(m, "ra", tokyo, kawasaki), *y = resident_rows(m, "rb", keiyu, hino);
    char *text = rp_xasprintf("%s%s", x, y);
    rp_plan *old = t_plan_csv(m, text);
    rp_cohort *c = t_cohort_of_plan(old);
    rp_date from = {2021, 4, 1};
    rp_translation *t;
    bool *off;
    assert_int_equal(fewest(m, c, old, from, &t, &off), 0); /* no change yet */
    free(off);
    rp_translation_free(t);
    rp_change withdraw = {RP_CHANGE_WITHDRAW, kawasaki, RP_NONE, from, {0, 0, 0}, 0};
    rp_change cap = {RP_CHANGE_CAPACITY, hino, RP_NONE, from, {0, 0, 0}, 1};
    rp_model_add_change(m, &withdraw);
    rp_model_add_change(m, &cap);
    assert_int_equal(fewest(m, c, old, from, &t, &off), 12);
    assert_int_equal(true_minimum(m, tokyo, kawasaki, keiyu, hino), 12);
    free(off);
    rp_translation_free(t);
    m->changes[1].value = 0; /* hino closed too: rb's year 3 must go as well */
    assert_int_equal(fewest(m, c, old, from, &t, &off), 24);
    free(off);
    rp_translation_free(t);
    rp_cohort_free(c);
    rp_plan_free(old);
    free(text);
    free(x);
    free(y);
    rp_model_free(m);
}

/* The two-year programme (weeks, 4-week units, INIT-72's capacity per department and week): the
 * core's emergency department cut one below its most residents from 2021-01-04 in the fixture
 * plan. Each week over the cut moves one resident for a whole unit: the bound is 8 (two units),
 * the what-if's plan changes exactly 8 and says so proven, and it uses no piece left out. */
static void test_bound_two_year_units(void **state)
{
    (void)state;
    const char *init = "models/initial-residency-2020.yaml";
    const char *fixture = "tests/fixtures/whatif/initial-plan.csv";
    rp_model *m = t_load_model(init);
    rp_plan *old = t_plan_file(m, fixture);
    char *new_path = t_write_temp(".csv", "");
    char *argv[] = {(char *)init, (char *)fixture, "--capacity", "core:emergency=3", "--from",
                    "2021-01-04", "--out", new_path, "--quiet"};
    static volatile sig_atomic_t never;
    rp_cli cli = {"rotaplan", &never, false, NULL};
    assert_int_equal(rp_cmd_whatif(&cli, (int)(sizeof argv / sizeof argv[0]), argv), RP_EXIT_OK);
    rp_plan *new_plan = t_plan_file(m, new_path);
    int core = rp_model_facility(m, "core");
    int er = rp_facility_department(&m->facilities[core], "emergency");
    rp_date from = {2021, 1, 4};
    rp_change cap = {RP_CHANGE_CAPACITY, core, er, from, {0, 0, 0}, 3};
    rp_model_add_change(m, &cap);
    rp_cohort *c = t_cohort_of_plan(old);
    rp_translation *t;
    bool *off;
    long n = fewest(m, c, old, from, &t, &off);
    assert_int_equal(n, 8);
    /* the what-if's plan: compliant, 8 resident-periods changed, none of them off */
    assert_int_equal(violations(m, new_plan), 0);
    size_t changes = 0;
    for (size_t r = 0; r < old->n_residents; r++) {
        int o = rp_plan_resident_index(new_plan, old->residents[r].id);
        assert_true(o != RP_NONE);
        for (int p = 1; p <= 104; p++) {
            if (rp_date_to_days(rp_period_first_day(m, old->residents[r].cohort, p)) <
                rp_date_to_days(from))
                continue;
            changes += facility_at(old, (int)r, p) != facility_at(new_plan, o, p) ||
                       department_at(old, (int)r, p) != department_at(new_plan, o, p);
        }
    }
    assert_int_equal(changes, 8);
    assert_int_equal(used_off(t, new_plan, off), 0);
    assert_true(used_off(t, old, off) == 0); /* the earlier plan keeps every free cell too */
    free(off);
    rp_translation_free(t);
    rp_cohort_free(c);
    rp_plan_free(old);
    rp_plan_free(new_plan);
    unlink(new_path);
    free(new_path);
    rp_model_free(m);
}

/* A cut that moves nobody (hino down to its one resident) keeps the plan as it is; a cut below
 * it (hino closed) is not taken for one: rb leaves hino for its year 3, and only that changes. */
static void test_cut_that_moves_nobody(void **state)
{
    (void)state;
    rp_model *m = t_load_model(MODEL);
    rp_plan *old, *same = hino_cut(m, "1", &old);
    assert_int_equal(changed(old, same), 0);
    rp_plan_free(old);
    rp_plan_free(same);
    rp_plan *moved = hino_cut(m, "0", &old);
    assert_int_equal(changed(old, moved), 12);
    rp_change cap = {RP_CHANGE_CAPACITY, rp_model_facility(m, "hino"), RP_NONE, {2021, 4, 1},
                     {0, 0, 0}, 0};
    rp_model_add_change(m, &cap);
    assert_true(violations(m, old) > 0); /* the direct check sees the cut */
    assert_int_equal(violations(m, moved), 0);
    rp_plan_free(old);
    rp_plan_free(moved);
    rp_model_free(m);
}

int main(void)
{
    const struct CMUnitTest tests[] = {
        cmocka_unit_test(test_fewest_changes),
        cmocka_unit_test(test_cut_that_moves_nobody),
        cmocka_unit_test(test_bound_radiology),
        cmocka_unit_test(test_bound_two_year_units),
    };
    return T_RUN(tests);
}
