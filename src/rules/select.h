/*
 * select.h: facility selectors in rule parameters, `facilities: {role: base}`,
 * `{accreditation: 総合修練}`, `{rt_capable: true}` or `{ids: [keio, tokyo-mc]}` (the keys may be
 * combined; all must hold), evaluated under the model's readings (D-1, D-3). The parsed selector is
 * shared by a kind's two halves; rp_selector_match and rp_dept_filter_match are the rows': the
 * checks ask check/judge.h's rp_judge_selector and rp_judge_departments.
 */
#ifndef ROTAPLAN_SELECT_H
#define ROTAPLAN_SELECT_H

#include <stdbool.h>
#include <stddef.h>

#include "model/yamlx.h"
#include "rotaplan/model.h"

typedef struct rp_selector {
    int role;          /* rp_role, or -1 for any */
    int accreditation; /* rp_accreditation, or -1 for any */
    int rt_capable;    /* 1, 0, or -1 for any */
    int *ids;          /* facility indices (arena); none means any */
    size_t n_ids;
} rp_selector;

/* Reads a selector mapping; 0, or -1 after reporting. what names it in messages. */
int rp_selector_parse(rp_selector *sel, rp_yctx *y, const rp_ynode *node, const rp_model *m,
                      const char *what);
bool rp_selector_match(const rp_selector *sel, const rp_model *m, int facility);
/* "総合修練 facilities", "the base facility", "partner facilities", "radiotherapy-capable
 * facilities", "keio, tokyo-mc"... (heap; the caller frees). */
char *rp_selector_describe(const rp_selector *sel, const rp_model *m);

/* Department lists in rule parameters (`departments: [rt]`): a period counts when its stint names
 * no department, or a department whose id is listed. */
typedef struct rp_dept_filter {
    const char **ids; /* arena */
    size_t n_ids;     /* 0: no filter */
} rp_dept_filter;

int rp_dept_filter_parse(rp_dept_filter *df, rp_yctx *y, const rp_ynode *node, const rp_model *m,
                         const char *what);
bool rp_dept_filter_match(const rp_dept_filter *df, const rp_model *m, int facility,
                          int department);

#endif
