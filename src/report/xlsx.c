/*
 * xlsx.c: the plan as an Excel workbook (report.h rp_report_xlsx), the report end of the
 * pipeline (model -> translate -> solve -> decode -> check -> report) for the coordinator's
 * desk. Sheets:
 *   "2019年度" ...  one per cohort, the 研修ローテーション表: a title row, a row of groups
 *                  (programme years for months; calendar months for weeks; 延長 for the weeks
 *                  or months of a programme extended by leave), a row of periods, then one row
 *                  per resident (ID, 氏名) with one cell per period: the department's name from
 *                  the model (the facility's when it is planned as a whole), coloured as the
 *                  HTML report colours it (legend.h), a parallel session added as "＋救急部門
 *                  (週1日)", leave as its word (休止, 産休...) in grey; a legend below.
 *   "集計"          per resident: periods at each kind of place, counted months or credited
 *                  weeks per field, leave, extension, each wish and whether it was granted,
 *                  then every rule of the model: ○ or what its check found against what it
 *                  requires.
 *   "受入数"        each capacity rule's places, load per period of the shared calendar, the
 *                  limit beside; over the limit in red, full in orange.
 *   "所見"          every finding of the direct checks.
 * libxlsxwriter writes to a file name only: the workbook is built in a private folder made by
 * mkdtemp and copied to the caller's stream (which util/atomic.c renames into place). Its
 * creation time is the plan's first day, so that nothing depends on the clock.
 */
#include "report/html.h"
#include "report/legend.h"
#include "report/writers.h"
#include "rotaplan/calendar.h"
#include "rotaplan/check.h"
#include "rotaplan/credit.h"
#include "rotaplan/report.h"
#include "rotaplan/rule.h"
#include "util/i18n.h"
#include "util/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>
#include <xlsxwriter.h>

enum { HEAD_ROWS = 3, NAME_COLS = 2, N_COLOURS = 21 };

/* Formats of one workbook (owned by it). */
typedef struct book {
    const rp_html_input *in;
    lxw_workbook *wb;
    rp_colour_key key;
    lxw_format *title, *head, *group, *text, *leave, *number, *over, *full;
    lxw_format *fill[N_COLOURS]; /* [0] grey, [1 + i] colour i */
    rp_buf buf;                  /* scratch text */
} book;

static lxw_format *fill_of(book *b, int index)
{
    size_t i = index < 0 ? 0 : 1 + (size_t)index % (N_COLOURS - 1);
    if (!b->fill[i]) {
        b->fill[i] = workbook_add_format(b->wb);
        format_set_bg_color(b->fill[i], rp_colour_value(index));
        if (rp_colour_dark(index))
            format_set_font_color(b->fill[i], LXW_COLOR_WHITE);
        format_set_border(b->fill[i], LXW_BORDER_HAIR);
        format_set_font_size(b->fill[i], 9);
        format_set_text_wrap(b->fill[i]);
        format_set_align(b->fill[i], LXW_ALIGN_VERTICAL_CENTER);
    }
    return b->fill[i];
}

static lxw_format *new_format(lxw_workbook *wb, bool bold, unsigned bg, int size)
{
    lxw_format *f = workbook_add_format(wb);
    if (bold)
        format_set_bold(f);
    if (bg)
        format_set_bg_color(f, bg);
    format_set_font_size(f, size);
    format_set_align(f, LXW_ALIGN_VERTICAL_CENTER);
    return f;
}

static void book_formats(book *b)
{
    b->title = new_format(b->wb, true, 0, 14);
    b->head = new_format(b->wb, true, 0xdde4ee, 9);
    format_set_border(b->head, LXW_BORDER_THIN);
    format_set_align(b->head, LXW_ALIGN_CENTER);
    b->group = new_format(b->wb, true, 0xc5d0e0, 9);
    format_set_border(b->group, LXW_BORDER_THIN);
    format_set_align(b->group, LXW_ALIGN_CENTER);
    b->text = new_format(b->wb, false, 0, 9);
    format_set_text_wrap(b->text);
    b->leave = new_format(b->wb, false, 0xbfbfbf, 9);
    format_set_pattern(b->leave, LXW_PATTERN_LIGHT_UP);
    format_set_fg_color(b->leave, 0xffffff);
    format_set_border(b->leave, LXW_BORDER_HAIR);
    b->number = new_format(b->wb, false, 0, 9);
    b->over = new_format(b->wb, true, 0xf4a3a3, 9);
    b->full = new_format(b->wb, false, 0xfdd49e, 9);
}

/* ---- a cohort's rotation table ---- */

/* The plan residents of cohort year, in plan order, and the periods their table needs. */
static size_t cohort_rows(const book *b, int year, int *rows, int *horizon)
{
    const rp_check_ctx *ctx = b->in->ctx;
    const rp_calendar *cal = &b->in->model->calendar;
    size_t n = 0;
    *horizon = cal->years * cal->periods_per_year;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        if (ctx->residents[r].planned->cohort != year)
            continue;
        rows[n++] = (int)r;
        if (ctx->residents[r].horizon > *horizon)
            *horizon = ctx->residents[r].horizon;
    }
    return n;
}

/* The group a period belongs to in the header: the programme year ("1年次") for months, the
 * calendar month of the week's first day ("2020年4月") for weeks; "延長" after the programme. */
static char *group_label(const rp_model *m, int cohort, int period)
{
    int standard = m->calendar.years * m->calendar.periods_per_year;
    const char *ext = period > standard ? "延長 " : "";
    if (m->calendar.unit == RP_UNIT_MONTH && period <= standard)
        return rp_xasprintf("%d年次", rp_period_year(m, period));
    rp_date d = rp_period_first_day(m, cohort, period);
    if (m->calendar.unit == RP_UNIT_MONTH)
        return rp_xasprintf("%s%d年度", ext, d.month >= m->calendar.start_month ? d.year : d.year - 1);
    return rp_xasprintf("%s%d年%d月", ext, d.year, d.month);
}

/* "2019年4月" for a month; the week's first day "4/6" for a week. */
static char *period_label(const rp_model *m, int cohort, int period)
{
    rp_date d = rp_period_first_day(m, cohort, period);
    if (m->calendar.unit == RP_UNIT_MONTH)
        return rp_xasprintf("%d年%d月", d.year, d.month);
    return rp_xasprintf("%d/%d", d.month, d.day);
}

static void put_headers(book *b, lxw_worksheet *ws, int cohort, int horizon)
{
    const rp_model *m = b->in->model;
    char *title = rp_xasprintf("研修ローテーション表　%s　%d年度開始", m->name ? m->name : m->id,
                               cohort);
    worksheet_write_string(ws, 0, 0, title, b->title);
    free(title);
    worksheet_write_string(ws, 1, 0, "ID", b->group);
    worksheet_write_string(ws, 1, 1, "氏名", b->group);
    worksheet_write_string(ws, 2, 0, "", b->head);
    worksheet_write_string(ws, 2, 1, "", b->head);
    int start = 1;
    char *group = group_label(m, cohort, 1);
    for (int p = 1; p <= horizon; p++) {
        char *label = period_label(m, cohort, p);
        worksheet_write_string(ws, 2, (lxw_col_t)(NAME_COLS + p - 1), label, b->head);
        free(label);
        char *next = p < horizon ? group_label(m, cohort, p + 1) : NULL;
        if (!next || strcmp(next, group) != 0) {
            if (p > start)
                worksheet_merge_range(ws, 1, (lxw_col_t)(NAME_COLS + start - 1), 1,
                                      (lxw_col_t)(NAME_COLS + p - 1), group, b->group);
            else
                worksheet_write_string(ws, 1, (lxw_col_t)(NAME_COLS + p - 1), group, b->group);
            free(group);
            group = next;
            start = p + 1;
        } else {
            free(next);
        }
    }
    free(group);
}

/* The name of the place a cell holds: the department's (from the model), else the facility's. */
static const char *place_name(const rp_model *m, int facility, int department, const char *dep_id)
{
    if (facility < 0)
        return NULL;
    const rp_facility *f = &m->facilities[facility];
    if (department >= 0)
        return f->departments[department].name ? f->departments[department].name
                                               : f->departments[department].id;
    if (dep_id)
        return rp_department_name(m, facility, dep_id);
    return f->name ? f->name : f->id;
}

/* The parallel sessions of plan resident r in period p, appended to b->buf. */
static void add_sessions(book *b, int r, int p)
{
    const rp_model *m = b->in->model;
    const rp_plan *plan = b->in->plan;
    for (size_t i = 0; i < plan->n_stints; i++) {
        const rp_stint *s = &plan->stints[i];
        if (s->resident != r || s->mode != RP_MODE_PARALLEL || p < s->first || p > s->last)
            continue;
        char days[32];
        rp_report_days(s->days_per_week, days);
        const char *name = place_name(m, s->facility, s->department, s->department_id);
        rp_buf_printf(&b->buf, s->night ? "＋%s当直(週%s回)" : "＋%s(週%s日)", name ? name : "?",
                      days);
    }
}

/* One cell of the rotation table; its text in b->buf. */
static void put_cell(book *b, lxw_worksheet *ws, lxw_row_t row, int r, int p)
{
    const rp_model *m = b->in->model;
    const rp_resident_plan *rp = &b->in->ctx->residents[r];
    const rp_cell *c = &rp->cells[p];
    rp_status st = p <= rp->timeline.horizon ? rp->timeline.status[p] : RP_STATUS_FT;
    const char *leave = rp_leave_label(st);
    lxw_col_t col = (lxw_col_t)(NAME_COLS + p - 1);
    rp_buf_clear(&b->buf);
    if (leave && st != RP_STATUS_PT) {
        worksheet_write_string(ws, row, col, leave, b->leave);
        return;
    }
    const char *name = place_name(m, c->facility, c->department, c->department_id);
    if (!name)
        return;
    rp_buf_add(&b->buf, name);
    add_sessions(b, r, p);
    if (leave)
        rp_buf_printf(&b->buf, "（%s）", leave);
    const char *dep = c->department_id;
    if (!dep && c->department >= 0)
        dep = m->facilities[c->facility].departments[c->department].id;
    int colour = rp_colour_key_index(&b->key, m, c->facility, dep);
    worksheet_write_string(ws, row, col, rp_buf_str(&b->buf), fill_of(b, colour));
}

/* The colours used, under the table. */
static void put_legend(book *b, lxw_worksheet *ws, lxw_row_t row)
{
    const rp_model *m = b->in->model;
    worksheet_write_string(ws, row, 0, "凡例", b->head);
    size_t n = b->key.by_department ? b->key.n_deps : m->n_facilities;
    lxw_row_t at = row;
    for (size_t i = 0; i < n; i++) {
        bool used = b->key.by_department;
        for (size_t s = 0; s < b->in->plan->n_stints && !used; s++)
            used = b->in->plan->stints[s].facility == (int)i;
        if (!used)
            continue;
        worksheet_write_string(ws, at++, 1, rp_colour_key_label(&b->key, m, (int)i),
                               fill_of(b, (int)i));
    }
    worksheet_write_string(ws, at, 1, "休止・休暇（研修に数えない期間）", b->leave);
}

static void put_cohort(book *b, int year, int *rows)
{
    const rp_model *m = b->in->model;
    int horizon;
    size_t n = cohort_rows(b, year, rows, &horizon);
    char name[32];
    snprintf(name, sizeof name, "%d年度", year);
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, name);
    bool weeks = m->calendar.unit == RP_UNIT_WEEK;
    worksheet_set_column(ws, 0, 0, 11, NULL);
    worksheet_set_column(ws, 1, 1, 14, NULL);
    worksheet_set_column(ws, NAME_COLS, (lxw_col_t)(NAME_COLS + horizon - 1), weeks ? 7 : 11,
                         NULL);
    put_headers(b, ws, year, horizon);
    for (size_t i = 0; i < n; i++) {
        lxw_row_t row = (lxw_row_t)(HEAD_ROWS + i);
        const rp_plan_resident *pr = b->in->ctx->residents[rows[i]].planned;
        worksheet_set_row(ws, row, weeks ? 24 : 36, NULL);
        worksheet_write_string(ws, row, 0, pr->id, b->text);
        worksheet_write_string(ws, row, 1, pr->name ? pr->name : "", b->text);
        for (int p = 1; p <= b->in->ctx->residents[rows[i]].horizon; p++)
            put_cell(b, ws, row, rows[i], p);
    }
    put_legend(b, ws, (lxw_row_t)(HEAD_ROWS + n + 1));
    worksheet_freeze_panes(ws, HEAD_ROWS, NAME_COLS);
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, weeks ? 8 : 9); /* A3 for 104 weeks, else A4 */
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 1, HEAD_ROWS - 1);
    worksheet_repeat_columns(ws, 0, NAME_COLS - 1);
}

static int cmp_int(const void *a, const void *c)
{
    int x = *(const int *)a, y = *(const int *)c;
    return (x > y) - (x < y);
}

static void put_cohorts(book *b)
{
    const rp_plan *p = b->in->plan;
    int *years = rp_xcalloc(p->n_residents + 1, sizeof *years);
    int *rows = rp_xcalloc(p->n_residents + 1, sizeof *rows);
    for (size_t r = 0; r < p->n_residents; r++)
        years[r] = p->residents[r].cohort;
    qsort(years, p->n_residents, sizeof *years, cmp_int);
    for (size_t i = 0; i < p->n_residents; i++)
        if (i == 0 || years[i] != years[i - 1])
            put_cohort(b, years[i], rows);
    free(rows);
    free(years);
}

/* ---- the totals per resident ---- */

typedef struct tally {
    double role[RP_N_ROLES]; /* months of training at each kind of facility (radiology) */
    double field[RP_N_FIELDS]; /* credited days per field (weeks) */
    int facilities;            /* distinct facilities of its blocks */
} tally;

static void tally_weeks(const book *b, size_t r, tally *t)
{
    const rp_model *m = b->in->model;
    const rp_resident_plan *rp = &b->in->ctx->residents[r];
    rp_session sessions[8];
    for (int p = 1; p <= rp->horizon; p++) {
        rp_week w;
        size_t n;
        rp_check_week(b->in->ctx, r, p, sessions, 8, &n, &w);
        rp_week_credit c;
        rp_week_credit_of(m, &w, &c);
        if (p <= rp->timeline.horizon && rp_leave_label(rp->timeline.status[p]) &&
            rp->timeline.status[p] != RP_STATUS_PT)
            continue;
        if (c.host >= 0)
            t->field[c.host] += c.host_days;
        else if (w.block.facility >= 0)
            t->field[RP_FIELD_ELECT] += c.host_days;
        t->field[RP_FIELD_EM] += c.em_days;
        t->field[RP_FIELD_GO] += c.go_days;
    }
}

static void tally_of(const book *b, size_t r, tally *t)
{
    const rp_model *m = b->in->model;
    const rp_resident_plan *rp = &b->in->ctx->residents[r];
    *t = (tally){0};
    bool *seen = rp_xcalloc(m->n_facilities + 1, sizeof *seen);
    for (int p = 1; p <= rp->horizon; p++) {
        int f = rp->cells[p].facility;
        if (f < 0)
            continue;
        if (!seen[f])
            t->facilities++;
        seen[f] = true;
        if (m->calendar.unit == RP_UNIT_MONTH && rp_timeline_presence(m, &rp->timeline, p))
            t->role[m->facilities[f].role] += 1;
    }
    free(seen);
    if (m->calendar.unit == RP_UNIT_WEEK)
        tally_weeks(b, r, t);
}

static void put_wishes(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, size_t r)
{
    const rp_resident *res = b->in->ctx->residents[r].resident;
    const rp_model *m = b->in->model;
    rp_buf_clear(&b->buf);
    for (size_t w = 0; res && w < res->n_wishes; w++) {
        int n = rp_wish_periods(b->in->ctx, r, &res->wishes[w]);
        const char *outcome = rp_wish_outcome(m, n);
        rp_buf_printf(&b->buf, "%s%zu. %s %s (%d%s)", w ? "\n" : "", w + 1,
                      rp_wish_label(m, &res->wishes[w]),
                      strcmp(outcome, "granted") == 0 ? "○ 叶った granted"
                      : strcmp(outcome, "partly") == 0 ? "△ 一部 partly"
                                                       : "× 叶わず not granted",
                      n, m->calendar.unit == RP_UNIT_WEEK ? "週" : "か月");
    }
    worksheet_write_string(ws, row, col, rp_buf_str(&b->buf), b->text);
}

/* ○, or what the rule's findings for resident r say. */
static void put_rule_cell(book *b, lxw_worksheet *ws, lxw_row_t row, lxw_col_t col, size_t rule,
                          size_t r)
{
    const rp_findings *f = b->in->findings;
    rp_buf_clear(&b->buf);
    bool bad = false;
    for (size_t i = 0; i < f->count; i++) {
        const rp_finding *x = &f->items[i];
        if (x->rule != rule || x->resident != (int)r)
            continue;
        bad = bad || x->level == RP_LEVEL_VIOLATION;
        rp_buf_printf(&b->buf, "%s%s", rp_buf_str(&b->buf)[0] ? "\n" : "",
                      x->level == RP_LEVEL_VIOLATION ? "×" : "△");
        if (x->found)
            rp_buf_printf(&b->buf, " %s", x->found);
        if (x->required)
            rp_buf_printf(&b->buf, " (required %s)", x->required);
        if (!x->found && !x->required && x->message)
            rp_buf_printf(&b->buf, " %s", x->message);
    }
    if (!rp_buf_str(&b->buf)[0])
        worksheet_write_string(ws, row, col, "○", b->text);
    else
        worksheet_write_string(ws, row, col, rp_buf_str(&b->buf), bad ? b->over : b->full);
}

static bool per_resident_rule(const rp_rule *rule)
{
    return rule->enabled && rule->cls != RP_CLASS_INTAKE && !rule->kind->loads;
}

static void put_totals(book *b)
{
    const rp_model *m = b->in->model;
    const rp_check_ctx *ctx = b->in->ctx;
    bool weeks = m->calendar.unit == RP_UNIT_WEEK;
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, "集計");
    worksheet_write_string(ws, 0, 0, "集計: 研修の実績と各規則 (credited totals against each rule)",
                           b->title);
    const char *fixed[] = {"ID", "氏名", "年度", "コース"};
    lxw_col_t col = 0;
    for (size_t i = 0; i < 4; i++, col++)
        worksheet_write_string(ws, 1, col, fixed[i], b->head);
    static const char *const roles[RP_N_ROLES] = {"基幹施設 (月)", "連携施設 (月)",
                                                   "関連施設 (月)"};
    static const char *const fields[RP_N_FIELDS] = {
        "内科", "救急", "外科", "小児科", "産婦人科", "精神科", "地域医療", "一般外来",
        "麻酔科", "保健・医療行政", "オリエンテーション", "選択科"};
    lxw_col_t first_count = col;
    size_t n_counts = weeks ? RP_N_FIELDS : RP_N_ROLES + 1;
    for (size_t i = 0; i < n_counts; i++, col++) {
        char *h = weeks ? rp_xasprintf("%s (週)", fields[i])
                        : rp_xstrdup(i < RP_N_ROLES ? roles[i] : "算定月数 C(r)");
        worksheet_write_string(ws, 1, col, h, b->head);
        free(h);
    }
    lxw_col_t c_fac = col++, c_leave = col++, c_ext = col++, c_wish = col++, c_rules = col;
    worksheet_write_string(ws, 1, c_fac, "施設数", b->head);
    worksheet_write_string(ws, 1, c_leave, "休止・休暇 (日)", b->head);
    worksheet_write_string(ws, 1, c_ext, weeks ? "延長 (週)" : "延長 (月)", b->head);
    worksheet_write_string(ws, 1, c_wish, "希望 (wishes)", b->head);
    col = c_rules;
    for (size_t k = 0; k < m->n_rules; k++) {
        if (!per_resident_rule(&m->rules[k]))
            continue;
        worksheet_write_string(ws, 1, col, m->rules[k].id, b->head);
        char *d = m->rules[k].kind->describe(&m->rules[k], m);
        lxw_comment_options opt = {.width = 300, .height = 80};
        worksheet_write_comment_opt(ws, 1, col, d, &opt);
        free(d);
        col++;
    }
    int standard = m->calendar.years * m->calendar.periods_per_year;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        const rp_resident_plan *rp = &ctx->residents[r];
        lxw_row_t row = (lxw_row_t)(2 + r);
        worksheet_write_string(ws, row, 0, rp->planned->id, b->text);
        worksheet_write_string(ws, row, 1, rp->planned->name ? rp->planned->name : "", b->text);
        worksheet_write_number(ws, row, 2, rp->planned->cohort, b->number);
        const char *course = rp_report_course_id(m, rp->planned->course);
        worksheet_write_string(ws, row, 3, course ? course : "", b->text);
        tally t;
        tally_of(b, r, &t);
        for (size_t i = 0; i < n_counts; i++) {
            double v;
            if (weeks)
                v = t.field[i] / (m->calendar.days_per_week > 0 ? m->calendar.days_per_week : 5);
            else if (i < RP_N_ROLES)
                v = t.role[i];
            else
                v = rp->resident ? rp_counted_months(m, rp->resident, &rp->timeline) : 0;
            worksheet_write_number(ws, row, (lxw_col_t)(first_count + i), v, b->number);
        }
        worksheet_write_number(ws, row, c_fac, t.facilities, b->number);
        worksheet_write_number(ws, row, c_leave,
                               rp->resident ? rp_resident_leave_days(rp->resident) : 0, b->number);
        worksheet_write_number(ws, row, c_ext, rp->horizon > standard ? rp->horizon - standard : 0,
                               b->number);
        put_wishes(b, ws, row, c_wish, r);
        col = c_rules;
        for (size_t k = 0; k < m->n_rules; k++)
            if (per_resident_rule(&m->rules[k]))
                put_rule_cell(b, ws, row, col++, k, r);
    }
    worksheet_set_column(ws, 0, 1, 13, NULL);
    worksheet_set_column(ws, c_wish, c_wish, 36, NULL);
    worksheet_freeze_panes(ws, 2, 2);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 1, 1);
}

/* ---- loads against capacity ---- */

static char *capped_name(const rp_model *m, const rp_capped *p)
{
    if (p->facility < 0)
        return rp_xstrdup("(プログラム全体 all facilities)");
    const rp_facility *f = &m->facilities[p->facility];
    const char *dep = p->department >= 0 ? f->departments[p->department].id : p->department_id;
    if (!dep)
        return rp_xstrdup(f->name ? f->name : f->id);
    return rp_xasprintf("%s %s", f->name ? f->name : f->id,
                        rp_department_name(m, p->facility, dep));
}

static void put_loads(book *b)
{
    const rp_model *m = b->in->model;
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, "受入数");
    worksheet_write_string(ws, 0, 0, "受入数と定員 (load against capacity, all cohorts)", b->title);
    lxw_row_t row = 1;
    for (size_t i = 0; i < b->in->n_loads; i++) {
        const rp_loads *l = &b->in->loads[i];
        const rp_rule *rule = &m->rules[b->in->load_rules[i]];
        worksheet_write_string(ws, row, 0, rule->id, b->group);
        worksheet_write_string(ws, row, 1, "場所 (place)", b->head);
        worksheet_write_string(ws, row, 2, "定員 (capacity)", b->head);
        for (long s = l->first; s <= l->last; s++) {
            char label[11];
            rp_html_slot_label(m, s, label);
            worksheet_write_string(ws, row, (lxw_col_t)(3 + s - l->first), label, b->head);
        }
        row++;
        for (size_t k = 0; k < l->n_places; k++, row++) {
            const rp_capped *p = &l->places[k];
            char *name = capped_name(m, p);
            worksheet_write_string(ws, row, 0, rule->id, b->text);
            worksheet_write_string(ws, row, 1, name, b->text);
            free(name);
            worksheet_write_number(ws, row, 2, p->capacity, b->number);
            for (long s = l->first; s <= l->last; s++) {
                long at = s - l->first;
                double load = p->load[at];
                lxw_format *f = b->number;
                if (rp_capped_over(p, at, load))
                    f = b->over;
                else if (p->limit[at] > 0 && load >= p->limit[at] - 1e-9)
                    f = b->full;
                worksheet_write_number(ws, row, (lxw_col_t)(3 + at), load, f);
            }
        }
        row++;
    }
    if (b->in->n_loads == 0)
        worksheet_write_string(ws, 1, 0, _("no capacity rule in this model"), b->text);
    worksheet_set_column(ws, 1, 1, 40, NULL);
    worksheet_freeze_panes(ws, 2, 3);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
}

/* ---- findings ---- */

static void put_findings(book *b)
{
    const rp_model *m = b->in->model;
    const rp_plan *plan = b->in->plan;
    lxw_worksheet *ws = workbook_add_worksheet(b->wb, "所見");
    static const char *const head[] = {"level", "rule", "class", "resident", "氏名", "from",
                                       "to", "required", "found", "message", "source"};
    for (size_t i = 0; i < sizeof head / sizeof head[0]; i++)
        worksheet_write_string(ws, 0, (lxw_col_t)i, head[i], b->head);
    const rp_findings *f = b->in->findings;
    for (size_t i = 0; i < f->count; i++) {
        const rp_finding *x = &f->items[i];
        const rp_rule *rule = &m->rules[x->rule];
        lxw_row_t row = (lxw_row_t)(1 + i);
        worksheet_write_string(ws, row, 0, rp_level_name(x->level),
                               x->level == RP_LEVEL_VIOLATION ? b->over : b->text);
        worksheet_write_string(ws, row, 1, rule->id, b->text);
        worksheet_write_string(ws, row, 2, rp_class_name(rule->cls), b->text);
        if (x->resident >= 0) {
            const rp_plan_resident *r = &plan->residents[x->resident];
            worksheet_write_string(ws, row, 3, r->id, b->text);
            worksheet_write_string(ws, row, 4, r->name ? r->name : "", b->text);
            if (x->first > 0) {
                char a[11], c[11];
                rp_date_format(rp_period_first_day(m, r->cohort, x->first), a);
                rp_date_format(rp_period_last_day(m, r->cohort, x->last), c);
                worksheet_write_string(ws, row, 5, a, b->text);
                worksheet_write_string(ws, row, 6, c, b->text);
            }
        } else if (x->first > 0) {
            char a[11], c[11];
            rp_html_slot_label(m, x->first, a);
            rp_html_slot_label(m, x->last, c);
            worksheet_write_string(ws, row, 5, a, b->text);
            worksheet_write_string(ws, row, 6, c, b->text);
        }
        worksheet_write_string(ws, row, 7, x->required ? x->required : "", b->text);
        worksheet_write_string(ws, row, 8, x->found ? x->found : "", b->text);
        worksheet_write_string(ws, row, 9, x->message ? x->message : "", b->text);
        worksheet_write_string(ws, row, 10, rule->source ? rule->source : "", b->text);
    }
    if (f->count == 0)
        worksheet_write_string(ws, 1, 0, _("compliant: no finding"), b->text);
    worksheet_set_column(ws, 9, 9, 60, NULL);
    worksheet_freeze_panes(ws, 1, 0);
    worksheet_set_landscape(ws);
    worksheet_fit_to_pages(ws, 1, 0);
    worksheet_repeat_rows(ws, 0, 0);
}

/* ---- the file ---- */

/* Copies the file at path to out. Returns 0, or -1. */
static int copy_to(const char *path, FILE *out)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return -1;
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, in)) > 0)
        if (fwrite(chunk, 1, n, out) != n)
            break;
    int err = ferror(in) || ferror(out);
    fclose(in);
    return err ? -1 : 0;
}

/* The plan's first day as a time, for the workbook's creation date. */
static time_t first_day(const rp_html_input *in)
{
    int year = 0;
    for (size_t r = 0; r < in->plan->n_residents; r++)
        if (year == 0 || in->plan->residents[r].cohort < year)
            year = in->plan->residents[r].cohort;
    if (year == 0)
        return 0;
    return (time_t)rp_date_to_days(rp_period_first_day(in->model, year, 1)) * 86400;
}

static int build(const rp_html_input *in, const char *dir, const char *path)
{
    lxw_workbook_options opt = {.constant_memory = LXW_FALSE, .tmpdir = (char *)dir};
    book b = {.in = in};
    b.wb = workbook_new_opt(path, &opt);
    if (!b.wb)
        return -1;
    lxw_doc_properties props = {.title = (char *)"研修ローテーション表",
                                .subject = (char *)in->model->id,
                                .author = (char *)"rotaplan",
                                .created = first_day(in)};
    workbook_set_properties(b.wb, &props);
    book_formats(&b);
    rp_colour_key_init(&b.key, in->model, in->plan);
    put_cohorts(&b);
    put_totals(&b);
    put_loads(&b);
    put_findings(&b);
    lxw_error err = workbook_close(b.wb);
    rp_colour_key_free(&b.key);
    rp_buf_free(&b.buf);
    if (err != LXW_NO_ERROR) {
        fprintf(stderr, "rotaplan: cannot write the workbook: %s\n", lxw_strerror(err));
        return -1;
    }
    return 0;
}

int rp_report_xlsx(const rp_html_input *in, FILE *out)
{
    const char *tmp = getenv("TMPDIR");
    char *dir = rp_xasprintf("%s/rotaplan-xlsx-XXXXXX", tmp && *tmp ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        fprintf(stderr, "rotaplan: cannot make a temporary folder for the workbook: %s\n",
                strerror(errno));
        free(dir);
        return -1;
    }
    char *path = rp_xasprintf("%s/plan.xlsx", dir);
    int err = build(in, dir, path);
    if (err == 0 && copy_to(path, out) != 0)
        err = -1;
    unlink(path);
    rmdir(dir);
    free(path);
    free(dir);
    return err || ferror(out) ? -1 : 0;
}
