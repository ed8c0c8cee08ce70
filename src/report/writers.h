/*
 * writers.h: the plan writers behind rp_report_plan (format.c dispatches to them) and the
 * little formatting they share. Internal to src/report/; the public interface is
 * include/rotaplan/report.h.
 */
#ifndef ROTAPLAN_REPORT_WRITERS_H
#define ROTAPLAN_REPORT_WRITERS_H

#include <stdbool.h>
#include <stdio.h>

#include "rotaplan/model.h"
#include "rotaplan/plan.h"

/* Each writes the whole plan to out. Returns 0, or -1 when ferror(out) is set afterwards. */
int rp_report_table(const rp_model *m, const rp_plan *p, FILE *out);
/* excel: a UTF-8 byte-order mark first and CRLF line ends, so that Excel reads UTF-8. */
int rp_report_csv(const rp_model *m, const rp_plan *p, bool excel, FILE *out);
int rp_report_yaml(const rp_model *m, const rp_plan *p, FILE *out);
int rp_report_json(const rp_model *m, const rp_plan *p, FILE *out);

/* "optimal", "feasible", "best-effort", "given": the plan's status as YAML and JSON write it. */
const char *rp_report_status_name(rp_plan_status s);

/* A stint's mode as plan files write it: "block", "parallel", "night" (night duty, 当直: a
 * parallel row, INIT-35) or "visit" (days at a 保健所 during a block, INIT-44). */
const char *rp_report_mode(const rp_stint *s);

/* Days a week of a parallel row: "0.5", "1", "2.5" (%.6g), into out. */
void rp_report_days(double days, char out[32]);

/* Ids for output: the facility's id or "none" (RP_NONE); the department's or course's id, or
 * NULL (RP_NONE). Borrowed from m. */
const char *rp_report_facility_id(const rp_model *m, int facility);
const char *rp_report_department_id(const rp_model *m, int facility, int department);
/* The department a stint names: its index's id, or a department the facility does not run. */
const char *rp_report_stint_department(const rp_model *m, const rp_stint *s);
const char *rp_report_course_id(const rp_model *m, int course);

/* One run of periods in which a resident of a what-if's new plan holds another place than in
 * the old plan (rp_report_diff's lines, as data), or a resident who joins. */
typedef struct rp_diff_move {
    int resident;    /* index into the new plan's residents */
    int first, last; /* the resident's periods; 0 when it joins */
    int from_facility, from_department; /* RP_NONE: none */
    int to_facility, to_department;
    bool joins;
} rp_diff_move;

/* The moves from old to new_plan, residents in new_plan's order; *out is heap (free it). */
size_t rp_diff_moves(const rp_plan *old, const rp_plan *new_plan, rp_diff_move **out);

#endif
