/*
 * report.h: writing plans and findings. Plans go out as an aligned table (by display width, so
 * Japanese names line up), as CSV (the stable header below, read by other tools; with --excel a
 * UTF-8 byte-order mark and CRLF line ends), as YAML (what check and later commands read back),
 * as JSON (for other programs) or as iCalendar (one file per resident). The HTML report
 * (rp_report_html) shows a plan as Gantt charts, loads, checks and a what-if's changes. Files
 * are written through a temporary name and renamed by the caller (util/atomic.c); these
 * functions write to a stream.
 */
#ifndef ROTAPLAN_REPORT_H
#define ROTAPLAN_REPORT_H

#include <stdbool.h>
#include <stdio.h>

#include "rotaplan/check.h"
#include "rotaplan/model.h"
#include "rotaplan/plan.h"

/* The CSV plan header: a contract other tools read. Keep it exactly. */
#define RP_CSV_HEADER                                                                       \
    "resident,cohort,course,facility,department,mode,start_period,end_period,start_date,end_date," \
    "days_per_week"

typedef enum rp_format {
    RP_FORMAT_TABLE,
    RP_FORMAT_CSV,
    RP_FORMAT_YAML,
    RP_FORMAT_JSON,
    RP_FORMAT_CSV_EXCEL, /* CSV with a UTF-8 byte-order mark and CRLF line ends (--excel) */
    RP_FORMAT_ICS,       /* one iCalendar file per resident: rp_report_ics */
    RP_FORMAT_XLSX,      /* an Excel workbook, the rotation table and more: rp_report_xlsx */
} rp_format;

/* "table", "csv", "yaml", "json", "ics", "xlsx" -> 0 and *out; -1 for anything else (the Excel CSV is
 * chosen by the --excel flag, not by a name). */
int rp_format_parse(const char *s, rp_format *out);

/* Writes the plan. Returns 0, or -1 when the stream reports an error, and for RP_FORMAT_ICS
 * (one stream per resident: rp_report_ics) and RP_FORMAT_XLSX (it needs the checks and loads:
 * rp_report_xlsx) without writing. */
int rp_report_plan(const rp_model *m, const rp_plan *p, rp_format fmt, FILE *out);

/* Writes resident r of the plan as an iCalendar file (RFC 5545): one all-day event per stint,
 * DTEND the day after the stint's last, CRLF line ends, lines folded at 75 octets. Its UIDs and
 * DTSTAMP come from the model and the plan alone, so two runs give identical bytes. Returns 0,
 * or -1 when the stream reports an error. */
int rp_report_ics(const rp_model *m, const rp_plan *p, int resident, FILE *out);

/* What the HTML report and the Excel workbook show; everything borrowed from the caller. */
typedef struct rp_html_input {
    const rp_model *model;
    const rp_plan *plan;
    const char *plan_path;       /* as named on the command line */
    const rp_findings *findings; /* rp_check_plan's for plan */
    const rp_loads *loads;       /* [n_loads]: the capacity rules' loads over plan */
    const size_t *load_rules;     /* [n_loads]: the index of each one's rule in model->rules */
    size_t n_loads;
    const rp_plan *old;          /* --compare: the earlier plan, or NULL */
    const char *old_path;
    const rp_check_ctx *ctx;     /* the plan as the checks see it (cells, leave), or NULL: no
                                  * leave shown, no wishes */
    const char *scenario;        /* --scenario: what a what-if changed, in words, or NULL */
} rp_html_input;

/* Writes one self-contained HTML page (inline CSS and SVG, no script, no font or image from
 * the network; A4 landscape when printed): a Gantt chart per cohort (one <rect class="stint">
 * per stint), each capped place's load against its capacity as a heat map by period, the
 * findings rule by rule, the intake cap's arithmetic, and with old the changes. Every string is
 * HTML-escaped. Returns 0, or -1 when the stream reports an error. */
int rp_report_html(const rp_html_input *in, FILE *out);

/* Writes an Excel workbook (.xlsx, through libxlsxwriter): one sheet per cohort in the form
 * programmes publish (研修ローテーション表: a row per resident, a column per period, each cell
 * the department's or facility's name from the model, coloured as the HTML report colours it,
 * leave marked as leave, parallel sessions noted; header rows and name columns frozen, printed
 * landscape and fitted to the page width with the headers repeated), then the credited totals
 * per resident against each rule, the loads against capacity per place and period, and the
 * findings. in->ctx is required. The workbook is built in a private temporary folder and copied
 * to out. Returns 0, or -1 after saying why on stderr. */
int rp_report_xlsx(const rp_html_input *in, FILE *out);

/* Writes the findings as a list: level, rule id, class, resident, periods (and dates), required,
 * found, the message, and the rule's source in the seed. Then a summary line. */
int rp_report_findings(const rp_model *m, const rp_plan *p, const rp_findings *f, FILE *out);
/* The same, with colour (ANSI SGR) on the level words when colour is true: for a terminal. */
int rp_report_findings_colour(const rp_model *m, const rp_plan *p, const rp_findings *f,
                              bool colour, FILE *out);

/* What a what-if changed: residents whose block differs in some period, and resident-periods. */
typedef struct rp_diff_summary {
    size_t residents;
    long periods;
    size_t joined; /* residents of the new plan only */
} rp_diff_summary;

/* Whether some period of stint s of new_plan (a block) holds another place in old (matched by
 * resident id; a resident of new_plan only is not changed): the same test as rp_report_diff. */
bool rp_diff_stint_changed(const rp_plan *old, const rp_plan *new_plan, const rp_stint *s);

/* Writes who moves between old and new_plan (matched by resident id): each run of periods whose
 * block differs, with its dates, from -> to (a resident of new_plan only joins: said, not
 * counted); then a one-line summary, also returned in *sum.
 * Returns 0, or -1 when the stream reports an error. */
int rp_report_diff(const rp_model *m, const rp_plan *old, const rp_plan *new_plan, FILE *out,
                   rp_diff_summary *sum);

#endif
