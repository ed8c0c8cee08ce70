/*
 * report.h: writing plans and findings. Plans go out as an aligned table (by display width, so
 * Japanese names line up), as CSV (the stable header below, read by other tools) or as YAML (what
 * check and later commands read back). Files are written through a temporary name and renamed
 * by the caller (util/atomic.c); these functions write to a stream.
 */
#ifndef ROTAPLAN_REPORT_H
#define ROTAPLAN_REPORT_H

#include <stdio.h>

#include "rotaplan/check.h"
#include "rotaplan/model.h"
#include "rotaplan/plan.h"

/* The CSV plan header: a contract other tools read. Keep it exactly. */
#define RP_CSV_HEADER                                                                       \
    "resident,cohort,course,facility,department,mode,start_period,end_period,start_date,end_date," \
    "days_per_week"

typedef enum rp_format { RP_FORMAT_TABLE, RP_FORMAT_CSV, RP_FORMAT_YAML } rp_format;

/* "table", "csv", "yaml" -> 0 and *out; -1 for anything else. */
int rp_format_parse(const char *s, rp_format *out);

/* Writes the plan. Returns 0, or -1 when the stream reports an error. */
int rp_report_plan(const rp_model *m, const rp_plan *p, rp_format fmt, FILE *out);

/* Writes the findings as a list: level, rule id, class, resident, periods (and dates), required,
 * found, the message, and the rule's source in the seed. Then a summary line. */
int rp_report_findings(const rp_model *m, const rp_plan *p, const rp_findings *f, FILE *out);

/* What a what-if changed: residents whose block differs in some period, and resident-periods. */
typedef struct rp_diff_summary {
    size_t residents;
    long periods;
    size_t joined; /* residents of the new plan only */
} rp_diff_summary;

/* Writes who moves between old and new_plan (matched by resident id): each run of periods whose
 * block differs, with its dates, from -> to (a resident of new_plan only joins: said, not
 * counted); then a one-line summary, also returned in *sum.
 * Returns 0, or -1 when the stream reports an error. */
int rp_report_diff(const rp_model *m, const rp_plan *old, const rp_plan *new_plan, FILE *out,
                   rp_diff_summary *sum);

#endif
