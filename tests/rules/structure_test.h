/*
 * structure_test.h: helpers the tests of the programme-structure kinds share (weeks-in, choose,
 * max-stints, field-order, and the departments a model names for field-minimum and min-block),
 * on top of init_test.h: the second shipped two-year model, models/minami-general-2024.yaml, with
 * one rule left enabled, and a tiny model of another shape (the tiny group of init_test.h: a core
 * hospital with internal-medicine, emergency, anesthesiology and general-outpatient, a clinic
 * with community and general-outpatient) holding one rule, for plans written inline.
 *
 * The fixtures tests/rules/<kind>/base.csv are one plan: resident r1 of cohort 2024, compliant
 * under every rule of minami-general-2024 (test_weeks_in.c asserts it):
 *
 *    1-6    minami cardiology          IM 24 weeks in year 1, in 3 departments (MG-10, MG-13),
 *    7-12   minami gastroenterology    in 6-week units (MG-01; 4-week units elsewhere, MG-02)
 *   13-24   minami respiratory
 *   25-28   minami general-outpatient  GO 20 days (INIT-14)
 *   29-36   minami er                  EM 8 weeks in year 1 (MG-11) + anaesthesiology 4 = 12
 *   37-40   minami pediatrics          PED in year 1, OBGYN in year 2 (MG-15)
 *   41-44   minami surgery
 *   45-48   minami anesthesiology      2 of anaesthesiology, radiology, dermatology (MG-14)
 *   49-52   minami radiology
 *   53-56   kita   psychiatry          kita 4 weeks (MG-18: at most 12), one stint (MG-19)
 *   57-60   yama   community           after every EM week (MG-16)
 *   61-64   minami obgyn
 *   65-76   minami surgery
 *   77-88   minami nephrology          the fourth IM department; IM 36 weeks (MG-12: at most 36)
 *   89-96   minami icu                 anaesthesiology's ICU (field ANES)
 *   97-104  minami dermatology         free choice: radiology 4 + dermatology 8 (MG-17: at most 40)
 */
#ifndef ROTAPLAN_STRUCTURE_TEST_H
#define ROTAPLAN_STRUCTURE_TEST_H

#include "init_test.h"

#define MG_MODEL "models/minami-general-2024.yaml"

static inline rp_model *st_model(const char *id)
{
    rp_model *m = t_load_model(MG_MODEL);
    if (id)
        t_only_rule(m, id);
    return m;
}

static inline kt_fixture st_load(const char *dir, const char *id, const char *plan)
{
    return kt_load(st_model(id), dir, plan, NULL);
}

static inline void st_compliant(const char *dir, const char *id, const char *plan)
{
    kt_fixture x = st_load(dir, id, plan);
    t_expect_compliant(x.m, x.c, x.p, id);
    kt_unload(&x);
}

/* Check finds n violations of id, the rows (plain and shaped) reject the plan, and accept it
 * without id's rows; then the first finding's periods and its required and found strings. */
static inline void st_violation(const char *dir, const char *id, const char *plan, size_t n,
                                int first, int last, const char *required, const char *found)
{
    kt_fixture x = st_load(dir, id, plan);
    t_expect_violation(x.m, x.c, x.p, id, n);
    it_expect_finding(&x, id, 0, RP_LEVEL_VIOLATION, 0, "-", first, last, required, found);
    kt_unload(&x);
}

/* The tiny model of another shape with INIT-05 and rule R-1 of kind with params (inline YAML
 * flow mapping), loaded; the caller frees it. */
static inline rp_model *st_tiny(const char *kind, const char *params)
{
    char *yaml = rp_xasprintf("programme: {id: tiny-init, name: tiny}\n"
                              IT_TINY_CALENDAR "\n"
                              "fields: {internal-medicine: IM, emergency: EM, community: CM, "
                              "general-outpatient: GO, anesthesiology: ANES}\n"
                              "facilities:\n" IT_TINY_FACILITIES "\n"
                              "rules:\n"
                              "  - {id: INIT-05, kind: one-place-per-period, class: hard, "
                              "source: test}\n"
                              "  - {id: R-1, kind: %s, class: hard, source: test, params: %s}\n",
                              kind, params);
    char *path = t_write_temp(".yaml", yaml);
    rp_model *m = t_load_model(path);
    unlink(path);
    free(path);
    free(yaml);
    return m;
}

/* A plan of resident r1 (cohort 2020) on the tiny model from "facility,department,first,last"
 * lines. */
static inline rp_plan *st_tiny_plan(const rp_model *m, const char *const *blocks, size_t n)
{
    rp_buf b = {0};
    for (size_t i = 0; i < n; i++) {
        char fac[32], dep[48];
        int first, last;
        if (sscanf(blocks[i], "%31[^,],%47[^,],%d,%d", fac, dep, &first, &last) != 4)
            fail_msg("bad block '%s'", blocks[i]);
        rp_buf_printf(&b, "r1,2020,,%s,%s,block,%d,%d,,,\n", fac, dep, first, last);
    }
    char *rows = rp_buf_take(&b);
    rp_plan *p = t_plan_csv(m, rows);
    free(rows);
    return p;
}

#endif
