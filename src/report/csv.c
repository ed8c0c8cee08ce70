/*
 * csv.c: writes a plan as CSV for other tools, at the report end of the pipeline (model ->
 * translate -> solve -> decode -> check -> report). The header is the RP_CSV_HEADER contract;
 * then one row per stint in plan order, dates in ISO 8601 for the resident's cohort, LF line
 * ends, fields quoted by rp_csv_field. The Excel form (--excel) starts with a UTF-8 byte-order
 * mark and ends its lines with CRLF, so that Excel opens Japanese names as UTF-8, and a text
 * field that would begin a formula ('=', '+', '-', '@') starts with a single quote (ids cannot
 * begin so, but the writer does not rely on it; the CSV reader drops the quote); the bytes are
 * otherwise the same. Nothing in the output depends on the time or the machine,
 * so two runs give identical bytes; the plan reader (src/plan/read.c) reads it back.
 */
#include "rotaplan/calendar.h"
#include "rotaplan/report.h"
#include "report/writers.h"
#include "util/util.h"

/* A field as the output wants it: for a spreadsheet (--excel), a field that would begin a
 * formula is marked as text (rp_csv_field_excel); the plain CSV keeps its bytes. */
static void put_field(rp_buf *row, const char *s, bool excel)
{
    if (excel)
        rp_csv_field_excel(row, s ? s : "");
    else
        rp_csv_field(row, s ? s : "");
}

/* Every field but a row's first is added with its leading comma; NULL gives an empty field. */
static void add_field(rp_buf *row, const char *s, bool excel)
{
    rp_buf_addc(row, ',');
    put_field(row, s, excel);
}

static void add_int(rp_buf *row, long v)
{
    rp_buf_printf(row, ",%ld", v);
}

static void add_date(rp_buf *row, rp_date d)
{
    char iso[11];
    rp_date_format(d, iso);
    add_field(row, iso, false);
}

static void stint_row(rp_buf *row, const rp_model *m, const rp_plan *p, const rp_stint *s,
                      bool excel, bool totals)
{
    const rp_plan_resident *r = &p->residents[s->resident];
    put_field(row, r->id, excel);
    add_int(row, r->cohort);
    add_field(row, rp_report_course_id(m, r->course), excel);
    add_field(row, rp_report_facility_id(m, s->facility), excel);
    add_field(row, rp_report_stint_department(m, s), excel);
    add_field(row, rp_report_mode(s), false);
    add_int(row, s->first);
    add_int(row, s->last);
    add_date(row, rp_period_first_day(m, r->cohort, s->first));
    add_date(row, rp_period_last_day(m, r->cohort, s->last));
    char days[32] = ""; /* empty on blocks */
    if (s->mode == RP_MODE_PARALLEL)
        rp_report_days(s->days_per_week, days);
    add_field(row, days, false);
    if (totals) {
        char total[32] = "";
        if (s->days_total > 0)
            rp_report_days(s->days_total, total);
        add_field(row, total, false);
    }
    rp_buf_add(row, excel ? "\r\n" : "\n");
}

int rp_report_csv(const rp_model *m, const rp_plan *p, bool excel, FILE *out)
{
    rp_buf row = {0};
    const char *eol = excel ? "\r\n" : "\n";
    if (excel)
        fputs("\xEF\xBB\xBF", out); /* UTF-8 byte-order mark */
    /* the optional column days_total (INIT-39) only when a row gives a total: every other plan
     * keeps the contract's header */
    bool totals = false;
    for (size_t i = 0; i < p->n_stints; i++)
        totals = totals || p->stints[i].days_total > 0;
    fputs(RP_CSV_HEADER, out);
    if (totals)
        fputs(",days_total", out);
    fputs(eol, out);
    for (size_t i = 0; i < p->n_stints; i++) {
        rp_buf_clear(&row);
        stint_row(&row, m, p, &p->stints[i], excel, totals);
        fwrite(row.data, 1, row.len, out);
    }
    rp_buf_free(&row);
    return ferror(out) ? -1 : 0;
}
