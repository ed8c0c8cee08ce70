/*
 * read.c: a plan from a file, for `check` and the commands that take a plan made earlier or by
 * hand; it stands where decode stands in the pipeline (model -> translate -> solve -> decode |
 * read -> check -> report). Two formats, chosen by the file's extension:
 *
 *   .csv   the RP_CSV_HEADER table of report.h (RFC 4180 quoting; a UTF-8 byte order mark and
 *          CRLF line ends are tolerated), one row per stint;
 *   other  the YAML the plan writer produces: model, status, objective, then residents, each
 *          with id, name, cohort, course and its stints (src/report/yaml.c).
 *
 * Both come down to the same cells (text and position): one function checks a resident's cells,
 * one a stint's, so the two formats give the same messages. Every error is located at the cell
 * (file:line:column, the column of the field's first character) and reading goes on, so that one
 * run lists every error. Strings the plan keeps are copied into its arena.
 */
#include "model/yamlx.h"
#include "rotaplan/calendar.h"
#include "rotaplan/credit.h"
#include "rotaplan/plan.h"
#include "rotaplan/report.h"
#include "util/csv.h"
#include "util/i18n.h"
#include "util/util.h"

#include <ctype.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

/* days_total is optional (INIT-39): the header without it, the contract of report.h, stays
 * valid, and a plan that gives no total is written without it. */
enum { C_RESIDENT, C_COHORT, C_COURSE, C_FACILITY, C_DEPARTMENT, C_MODE, C_START, C_END,
       C_START_DATE, C_END_DATE, C_DAYS, C_DAYS_TOTAL, C_COUNT };

static const char *const column_names[C_COUNT] = {
    "resident",     "cohort",     "course",   "facility",    "department",   "mode",
    "start_period", "end_period", "start_date", "end_date", "days_per_week", "days_total",
};

/* A field of a CSV row or a scalar of the YAML: text NULL when absent (YAML only; rp_ymap has
 * reported it when it was required), "" when empty. */
typedef rp_csv_cell cell;

/* A parallel stint read, with the position of its department (for INIT-30's data check). */
typedef struct parallel_row {
    size_t stint; /* index into p->stints, before sorting */
    cell where;   /* the department cell, or the row when it has none */
} parallel_row;

typedef struct reader {
    const rp_model *m;
    const char *file;
    rp_diags *d;
    size_t errors;
    rp_plan *p;
    parallel_row *parallel; /* owned */
    size_t n_parallel, cap_parallel;
} reader;

static int cell_error(reader *r, const cell *c, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
static int cell_error(reader *r, const cell *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = rp_xvasprintf(_(fmt), ap);
    va_end(ap);
    int span = c->text && *c->text ? rp_display_width(c->text) : 1;
    rp_diag_add(r->d, RP_ERROR, r->file, c->line, c->col, span, "%s", msg);
    free(msg);
    r->errors++;
    return -1;
}

static bool empty(const cell *c)
{
    return !c->text || !*c->text;
}

/* ---- cells shared by both formats ---- */

/* A whole number in [min, max] (the range is also what the message expects). */
static int cell_int(reader *r, const cell *c, const char *what, long min, long max, int *out)
{
    char expected[64];
    snprintf(expected, sizeof expected, _("a whole number from %ld to %ld"), min, max);
    if (!c->text)
        return -1;
    if (!*c->text)
        return cell_error(r, c, "%s is empty; expected %s", what, expected);
    long v;
    if (rp_parse_long(c->text, min, max, &v) == 0) {
        *out = (int)v;
        return 0;
    }
    if (rp_parse_long(c->text, INT_MIN, INT_MAX, &v) == 0)
        return cell_error(r, c, "%s '%s' is out of range; expected %s", what, c->text, expected);
    return cell_error(r, c, "%s '%s' is not a whole number; expected %s", what, c->text, expected);
}

/* An unknown name, with the nearest of names as a hint. */
static int unknown(reader *r, const cell *c, const char *what, const char *const *names, size_t n)
{
    char hint[256];
    return cell_error(r, c, "unknown %s '%s'%s", what, c->text,
                      rp_yhint(hint, sizeof hint, c->text, names, n));
}

static int cell_course(reader *r, const cell *c, int *out)
{
    *out = RP_NONE;
    if (empty(c))
        return 0;
    *out = rp_model_course(r->m, c->text);
    if (*out != RP_NONE)
        return 0;
    const char **ids = rp_xcalloc(r->m->n_courses + 1, sizeof *ids);
    for (size_t i = 0; i < r->m->n_courses; i++)
        ids[i] = r->m->courses[i].id;
    unknown(r, c, "course", ids, r->m->n_courses);
    free(ids);
    return -1;
}

static int cell_facility(reader *r, const cell *c, int *out)
{
    if (!c->text)
        return -1;
    if (!*c->text)
        return cell_error(r, c, "facility is empty; expected a facility id or none");
    if (strcmp(c->text, "none") == 0) {
        *out = RP_NONE;
        return 0;
    }
    *out = rp_model_facility(r->m, c->text);
    if (*out != RP_NONE)
        return 0;
    const char **ids = rp_xcalloc(r->m->n_facilities + 1, sizeof *ids);
    for (size_t i = 0; i < r->m->n_facilities; i++)
        ids[i] = r->m->facilities[i].id;
    ids[r->m->n_facilities] = "none";
    unknown(r, c, "facility", ids, r->m->n_facilities + 1);
    free(ids);
    return -1;
}

/* A department of the facility (*out its index), or one the model knows elsewhere, which the
 * facility does not run (*foreign its id: the rules judge a stint there, as for CM at a hospital
 * that cannot host it). */
static int cell_department(reader *r, const cell *c, int facility, int *out, const char **foreign)
{
    *out = RP_NONE;
    *foreign = NULL;
    if (empty(c))
        return 0;
    if (facility == RP_NONE)
        return cell_error(r, c, "department '%s' is given for facility none; expected it empty",
                          c->text);
    const rp_facility *f = &r->m->facilities[facility];
    *out = rp_facility_department(f, c->text);
    if (*out != RP_NONE)
        return 0;
    if (rp_model_knows_department(r->m, c->text)) {
        *foreign = rp_arena_strdup(r->p->arena, c->text);
        return 0;
    }
    if (f->n_departments == 0)
        return cell_error(r, c, "unknown department '%s'; facility '%s' has no departments",
                          c->text, f->id);
    const char **ids = rp_xcalloc(f->n_departments, sizeof *ids);
    for (size_t i = 0; i < f->n_departments; i++)
        ids[i] = f->departments[i].id;
    char hint[256];
    cell_error(r, c, "unknown department '%s' of facility '%s'%s", c->text, f->id,
               rp_yhint(hint, sizeof hint, c->text, ids, f->n_departments));
    free(ids);
    return -1;
}

/* block, parallel, night (a parallel row of night duty, 当直, INIT-35) or visit (days at a
 * 保健所 during a block, INIT-44). */
static int cell_mode(reader *r, const cell *c, rp_stint *s)
{
    static const char *const names[] = {"block", "parallel", "night", "visit"};
    s->mode = RP_MODE_BLOCK;
    s->night = s->visit = false;
    if (empty(c) || strcmp(c->text, "block") == 0)
        return 0;
    if (strcmp(c->text, "parallel") == 0 || strcmp(c->text, "night") == 0 ||
        strcmp(c->text, "visit") == 0) {
        s->mode = RP_MODE_PARALLEL;
        s->night = c->text[0] == 'n';
        s->visit = c->text[0] == 'v';
        return 0;
    }
    return unknown(r, c, "mode", names, N_OF(names));
}

/* ---- dates as spreadsheets write them (encoding and header handling: util/csv.c) ---- */

/* A date cell: 2019-04-01, or in a CSV also 2019/04/01 or 2019/4/1 (Excel's way in Japan).
 * Returns 0 and sets *out, or -1 after reporting. */
static int parse_date(reader *r, const cell *c, const char *what, rp_date *out)
{
    bool csv = rp_csv_path(r->file);
    int kind = csv ? rp_csv_date(c->text, out) : rp_date_parse(c->text, out);
    if (kind == 0)
        return 0;
    return cell_error(r, c, "%s '%s' is not a date; expected YYYY-MM-DD%s", what, c->text,
                      csv ? " or YYYY/MM/DD" : "");
}

/*
 * start_date or end_date: empty, or the first (last) day of the period for the cohort. When a
 * date and its period disagree (a plan edited by hand in a spreadsheet, where people read and
 * change dates), the date is trusted: *period becomes the period the date starts (ends), with a
 * warning saying so. A date inside a period, not its first (last) day, is an error.
 */
static void cell_date(reader *r, const cell *c, bool is_end, int *period, int cohort)
{
    if (empty(c))
        return;
    const char *what = is_end ? "end_date" : "start_date";
    rp_date d;
    if (parse_date(r, c, what, &d) != 0)
        return;
    if (*period <= 0 || cohort <= 0)
        return;
    rp_date want = is_end ? rp_period_last_day(r->m, cohort, *period)
                          : rp_period_first_day(r->m, cohort, *period);
    if (rp_date_to_days(d) == rp_date_to_days(want))
        return;
    int p = rp_period_of_day(r->m, cohort, d);
    int horizon = rp_horizon(r->m, NULL) + r->m->calendar.periods_per_year;
    rp_date edge = p >= 1 && p <= horizon ? (is_end ? rp_period_last_day(r->m, cohort, p)
                                                    : rp_period_first_day(r->m, cohort, p))
                                          : want;
    char iso[11], at[11];
    rp_date_format(want, iso);
    if (p < 1 || p > horizon || rp_date_to_days(edge) != rp_date_to_days(d)) {
        rp_date_format(edge, at);
        cell_error(r, c, "%s '%s' does not match %s %d, which %s on %s, and is not the %s day of "
                         "a %s; expected the %s day of a %s", what, c->text,
                   is_end ? "end_period" : "start_period", *period, is_end ? "ends" : "starts",
                   iso, is_end ? "last" : "first", r->m->calendar.unit == RP_UNIT_WEEK ? "week"
                                                                                  : "month",
                   is_end ? "last" : "first", r->m->calendar.unit == RP_UNIT_WEEK ? "week"
                                                                             : "month");
        return;
    }
    rp_diag_add(r->d, RP_WARNING, r->file, c->line, c->col, rp_display_width(c->text),
                "%s '%s' does not match %s %d, which %s on %s: the date is trusted, %s %d", what,
                c->text, is_end ? "end_period" : "start_period", *period,
                is_end ? "ends" : "starts", iso, is_end ? "end_period" : "start_period", p);
    *period = p;
}

/* days_total (INIT-39): empty, or on a parallel row the session days over its periods, a
 * multiple of 0.5 from 0.5 to 5 a period (its days_per_week is then each session's length). */
static void cell_days_total(reader *r, const cell *c, const rp_stint *s, double *out)
{
    *out = 0;
    if (empty(c))
        return;
    if (s->mode == RP_MODE_BLOCK) {
        cell_error(r, c, "days_total '%s' is given on a block stint; expected it empty", c->text);
        return;
    }
    int weeks = s->last >= s->first && s->first > 0 ? s->last - s->first + 1 : 1;
    double v;
    if (rp_parse_double(c->text, &v) != 0 || !(v >= 0.5 && v <= 5.0 * weeks) ||
        v * 2 != (int)(v * 2))
        cell_error(r, c, "days_total '%s' is not a number of days; expected a multiple of 0.5 "
                         "from 0.5 to %d (5 days a period of the row)", c->text, 5 * weeks);
    else
        *out = v;
}

static void cell_days(reader *r, const cell *c, const cell *row, rp_mode mode, bool total,
                      double *out)
{
    static const char expected[] = N_("0.5 or a whole number from 1 to 5");
    *out = 0;
    if (mode == RP_MODE_BLOCK) {
        if (!empty(c))
            cell_error(r, c, "days_per_week '%s' is given on a block stint; expected it empty",
                       c->text);
        return;
    }
    if (total) { /* each session's length: a day unless said */
        double v = 1;
        if (!empty(c) && (rp_parse_double(c->text, &v) != 0 || (v != 0.5 && v != 1)))
            cell_error(r, c, "days_per_week '%s' is not a session's length; expected 0.5 or 1 "
                             "(or empty: 1) on a row with days_total", c->text);
        else
            *out = v;
        return;
    }
    if (empty(c)) {
        cell_error(r, c->text ? c : row,
                   "days_per_week is missing on a parallel stint; expected %s", _(expected));
        return;
    }
    double v;
    if (rp_parse_double(c->text, &v) != 0 || !(v == 0.5 || (v >= 1 && v <= 5 && v == (int)v)))
        cell_error(r, c, "days_per_week '%s' is not a number of days; expected %s", c->text,
                   _(expected));
    else
        *out = v;
}

/*
 * The resident a row (or a YAML entry) names: added to the plan when first seen. In CSV, later
 * rows must repeat its cohort and course; in YAML (unique) a second entry is an error. Returns
 * the resident's index, or -1 after reporting; *cohort_out gets the cohort whenever it is good.
 */
static int cell_resident(reader *r, const cell *c, const char *name, int line, bool unique,
                         int *cohort_out)
{
    int cohort = 0, course = RP_NONE;
    size_t before = r->errors;
    if (c[C_RESIDENT].text && !*c[C_RESIDENT].text)
        cell_error(r, &c[C_RESIDENT], "resident is empty; expected a resident id");
    else if (c[C_RESIDENT].text && strlen(c[C_RESIDENT].text) > RP_MAX_ID)
        cell_error(r, &c[C_RESIDENT], "resident '%.20s...' is too long; expected at most %d "
                                      "characters", c[C_RESIDENT].text, RP_MAX_ID);
    else if (c[C_RESIDENT].text && !rp_id_valid(c[C_RESIDENT].text))
        cell_error(r, &c[C_RESIDENT], "resident '%s' is not an id; expected %s",
                   c[C_RESIDENT].text, _(RP_ID_GRAMMAR));
    if (cell_int(r, &c[C_COHORT], "cohort", 1900, 2999, &cohort) == 0)
        *cohort_out = cohort;
    cell_course(r, &c[C_COURSE], &course);
    if (r->errors != before || !c[C_RESIDENT].text || !c[C_COHORT].text)
        return -1;
    const char *id = c[C_RESIDENT].text;
    size_t n = r->p->n_residents;
    /* a resident's rows usually follow each other: the last one first */
    int i = n && strcmp(r->p->residents[n - 1].id, id) == 0 ? (int)n - 1
                                                            : rp_plan_resident_index(r->p, id);
    if (i == RP_NONE && n == RP_MAX_RESIDENTS)
        return cell_error(r, &c[C_RESIDENT], "resident '%s' is one too many; expected at most %d "
                                             "residents in one plan", id, RP_MAX_RESIDENTS);
    if (i == RP_NONE) {
        i = rp_plan_add_resident(r->p, id, name, cohort, course);
        r->p->residents[i].line = line;
        return i;
    }
    const rp_plan_resident *pr = &r->p->residents[i];
    if (unique)
        return cell_error(r, &c[C_RESIDENT], "duplicate resident id '%s'; first defined at line %d",
                          id, pr->line);
    if (pr->cohort != cohort)
        return cell_error(r, &c[C_COHORT], "cohort '%d' of resident '%s' differs from '%d' at "
                                           "line %d; expected one cohort a resident",
                          cohort, id, pr->cohort, pr->line);
    if (pr->course != course)
        return cell_error(r, &c[C_COURSE], "course '%s' of resident '%s' differs from '%s' at "
                                           "line %d; expected one course a resident",
                          c[C_COURSE].text, id,
                          pr->course == RP_NONE ? "" : r->m->courses[pr->course].id, pr->line);
    return i;
}

/* The stint of cells C_FACILITY..C_DAYS for resident (-1 when the resident had an error: the
 * cells are still checked, and the dates too when the cohort is known, else 0). row locates
 * messages about the stint as a whole. */
static void cell_stint(reader *r, const cell *c, const cell *row, int resident, int cohort)
{
    /* a resident's programme may be extended (INIT-61): up to a year more is read here, and
     * the rules judge a stint past the resident's own horizon */
    int horizon = rp_horizon(r->m, NULL) + r->m->calendar.periods_per_year;
    rp_stint s = {0};
    s.resident = resident;
    s.line = row->line;
    size_t before = r->errors;
    bool facility_ok = cell_facility(r, &c[C_FACILITY], &s.facility) == 0;
    s.department = RP_NONE;
    if (facility_ok)
        cell_department(r, &c[C_DEPARTMENT], s.facility, &s.department, &s.department_id);
    cell_mode(r, &c[C_MODE], &s);
    bool first_ok = cell_int(r, &c[C_START], "start_period", 1, horizon, &s.first) == 0;
    bool last_ok = cell_int(r, &c[C_END], "end_period", 1, horizon, &s.last) == 0;
    if (first_ok && last_ok && s.first > s.last) {
        cell_error(r, &c[C_END], "end_period '%d' is before start_period '%d'; expected "
                                 "start_period <= end_period", s.last, s.first);
        last_ok = false;
    }
    int first = first_ok ? s.first : 0, last = last_ok ? s.last : 0;
    cell_date(r, &c[C_START_DATE], false, &first, cohort);
    cell_date(r, &c[C_END_DATE], true, &last, cohort);
    if (first_ok && last_ok && first > last)
        cell_error(r, &c[C_END_DATE], "end_date '%s' is before start_date '%s'; expected "
                                      "start_date <= end_date", c[C_END_DATE].text,
                   c[C_START_DATE].text);
    s.first = first_ok ? first : s.first;
    s.last = last_ok ? last : s.last;
    cell_days_total(r, &c[C_DAYS_TOTAL], &s, &s.days_total);
    if (s.visit && empty(&c[C_DAYS_TOTAL]))
        cell_error(r, c[C_DAYS_TOTAL].text ? &c[C_DAYS_TOTAL] : row,
                   "days_total is missing on a visit; expected the days of the visit (INIT-44)");
    cell_days(r, &c[C_DAYS], row, s.mode, s.visit || !empty(&c[C_DAYS_TOTAL]),
              &s.days_per_week);
    if (resident >= 0 && r->errors == before) {
        if (s.mode == RP_MODE_PARALLEL) {
            /* the cell's text lives in the CSV reader's arena, gone when the file is closed:
             * the check of INIT-30 runs after that, so the text is copied into the plan's */
            cell at = c[C_DEPARTMENT].line > 0 ? c[C_DEPARTMENT] : *row;
            if (at.text)
                at.text = rp_arena_strdup(r->p->arena, at.text);
            *RP_PUSH(r->parallel, r->n_parallel, r->cap_parallel) = (parallel_row){
                r->p->n_stints, at};
        }
        rp_plan_add_stint(r->p, &s);
    }
}

/* ---- what the rows say together ---- */

static rp_place place_of(const rp_stint *s)
{
    return (rp_place){s->facility, s->department, s->department_id};
}

/* INIT-30 (RULES.md: "a parallel EM session inside an EM block, or a GO session inside a GO
 * block, is rejected as meaningless input"): such a row is bad data, located at its department,
 * not a violation a plan could be judged by. */
/* Block stints of one resident, in input order (by_block_resident: ties by index). */
static int by_block_resident(const void *a, const void *b)
{
    const size_t *x = a, *y = b;
    return x[0] != y[0] ? (x[0] < y[0] ? -1 : 1) : (x[1] < y[1] ? -1 : x[1] > y[1]);
}

static void own_field_session(reader *r, const parallel_row *row, const size_t *blocks, size_t n)
{
    const rp_model *m = r->m;
    const rp_stint *s = &r->p->stints[row->stint];
    int field = rp_place_field(m, place_of(s));
    if (field != RP_FIELD_EM && field != RP_FIELD_GO)
        return;
    /* the resident's blocks: a binary search for the first pair (resident, *) */
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (blocks[2 * mid] < (size_t)s->resident)
            lo = mid + 1;
        else
            hi = mid;
    }
    for (size_t k = lo; k < n && blocks[2 * k] == (size_t)s->resident; k++) {
        const rp_stint *b = &r->p->stints[blocks[2 * k + 1]];
        if (b->last < s->first || b->first > s->last || rp_place_field(m, place_of(b)) != field)
            continue;
        const char *f = field == RP_FIELD_EM ? "emergency (救急)" : "general outpatient (一般外来)";
        /* a night in an emergency block is its own duty already (INIT-24, 000 Q24 L37) */
        cell_error(r, &row->where,
                   "%s in %s beside resident '%s''s block in the same field (%s %d-%d, line "
                   "%d); expected a session of another field (INIT-30)",
                   s->night ? "night duty" : "parallel session", f,
                   r->p->residents[s->resident].id,
                   m->calendar.unit == RP_UNIT_WEEK ? "weeks" : "months", b->first, b->last,
                   b->line);
        return;
    }
}

/* Each parallel row against its resident's blocks only (pairs sorted by resident): linear in
 * the plan after the sort, whatever its size. */
static void own_field_sessions(reader *r)
{
    if (r->n_parallel == 0)
        return;
    const rp_plan *p = r->p;
    size_t n = 0;
    size_t *blocks = rp_xcalloc(2 * p->n_stints + 2, sizeof *blocks);
    for (size_t k = 0; k < p->n_stints; k++)
        if (p->stints[k].mode == RP_MODE_BLOCK) {
            blocks[2 * n] = (size_t)p->stints[k].resident;
            blocks[2 * n + 1] = k;
            n++;
        }
    qsort(blocks, n, 2 * sizeof *blocks, by_block_resident);
    for (size_t i = 0; i < r->n_parallel; i++)
        own_field_session(r, &r->parallel[i], blocks, n);
    free(blocks);
}

/* ---- CSV ---- */

static void csv_rows(reader *r, rp_csv *in, const rp_csv_columns_map *map)
{
    size_t rows = 0;
    while (rp_csv_more(in)) {
        cell fields[RP_CSV_MAX_COLUMNS], c[C_COUNT];
        size_t n;
        bool blank;
        int line = in->line;
        size_t before = in->errors;
        rp_csv_row(in, fields, RP_CSV_MAX_COLUMNS, &n, &blank);
        if (blank)
            continue;
        rows++; /* a bad row is a row: no "no rows" error besides its own */
        if (in->fatal || in->errors != before) /* fields not split as meant */
            continue;
        cell row = {"", line, 1};
        if (n != map->n_fields) {
            if (map->n_fields == C_DAYS + 1) /* the contract's columns */
                cell_error(r, &row, "row has %zu field%s; expected %d (%s to %s)", n,
                           n == 1 ? "" : "s", C_DAYS + 1, column_names[0],
                           column_names[C_DAYS]);
            else
                cell_error(r, &row, "row has %zu field%s; expected %zu, as the header", n,
                           n == 1 ? "" : "s", map->n_fields);
            continue;
        }
        rp_csv_pick(map, fields, n, C_COUNT, c);
        int cohort = 0;
        int resident = cell_resident(r, c, NULL, line, false, &cohort);
        cell_stint(r, c, &row, resident, cohort);
    }
    cell at = {"", 1, 1};
    if (rows == 0 && !in->fatal)
        cell_error(r, &at, "no rows after the header; expected one row a stint");
}

static void read_csv(reader *r)
{
    rp_csv in;
    if (rp_csv_open(&in, r->file, r->d) != 0) {
        r->errors += in.errors;
        return;
    }
    /* every column but the dates and days_per_week, which a hand-made plan may leave out */
    unsigned required = (1u << C_START_DATE) - 1;
    rp_csv_columns_map map;
    if (rp_csv_columns(&in, column_names, C_COUNT, required, "plan", &map))
        csv_rows(r, &in, &map);
    r->errors += in.errors;
    rp_csv_close(&in);
}

/* ---- YAML ---- */

static cell yaml_cell(rp_yctx *y, const rp_ynode *n, const rp_ynode *parent)
{
    cell c = {NULL, 0, 0};
    const rp_ynode *at = n ? n : parent;
    rp_pos pos = rp_ypos(y, at);
    c.line = pos.line;
    c.col = pos.col;
    c.text = n ? rp_ytext(n) : NULL;
    return c;
}

static void yaml_stint(reader *r, rp_yctx *y, const rp_ynode *n, const char *rwhat,
                       int resident, int cohort)
{
    static const rp_ykey keys[] = {
        {"facility", RP_Y_SCALAR, true},    {"department", RP_Y_SCALAR, false},
        {"mode", RP_Y_SCALAR, false},       {"start_period", RP_Y_SCALAR, true},
        {"end_period", RP_Y_SCALAR, true},  {"start_date", RP_Y_SCALAR, false},
        {"end_date", RP_Y_SCALAR, false},   {"days_per_week", RP_Y_SCALAR, false},
        {"days_total", RP_Y_SCALAR, false},
    };
    const rp_ynode *v[N_OF(keys)];
    char what[160];
    snprintf(what, sizeof what, _("stint of %s"), rwhat);
    rp_ymap(y, n, what, keys, N_OF(keys), v);
    cell c[C_COUNT];
    for (size_t i = 0; i < N_OF(keys); i++)
        c[C_FACILITY + i] = yaml_cell(y, v[i], n);
    cell row = yaml_cell(y, NULL, n);
    if (rp_ytype_of(n) == RP_Y_MAP)
        cell_stint(r, c, &row, resident, cohort);
}

static void yaml_resident(reader *r, rp_yctx *y, const rp_ynode *n)
{
    static const rp_ykey keys[] = {
        {"id", RP_Y_SCALAR, true},     {"name", RP_Y_SCALAR, false},
        {"cohort", RP_Y_SCALAR, true}, {"course", RP_Y_SCALAR, false},
        {"stints", RP_Y_SEQ, true},
    };
    const rp_ynode *v[N_OF(keys)];
    const char *id = rp_ytext(rp_ymap_get(y, n, "id"));
    char what[128];
    snprintf(what, sizeof what, "%s", _("resident"));
    if (id && *id && strlen(id) <= 64)
        snprintf(what, sizeof what, _("resident '%s'"), id);
    rp_ymap(y, n, what, keys, N_OF(keys), v);
    if (rp_ytype_of(n) != RP_Y_MAP)
        return;
    cell c[C_COUNT] = {{0}};
    c[C_RESIDENT] = yaml_cell(y, v[0], n);
    c[C_COHORT] = yaml_cell(y, v[2], n);
    c[C_COURSE] = yaml_cell(y, v[3], n);
    const char *name = v[1] ? rp_ytext(v[1]) : NULL;
    int cohort = 0;
    int resident = cell_resident(r, c, name, rp_ypos(y, n).line, true, &cohort);
    size_t count = 0;
    if (!v[4] || rp_yseq(y, v[4], "stints", &count) != 0)
        return;
    for (size_t i = 0; i < count; i++)
        yaml_stint(r, y, rp_yseq_item(y, v[4], i), what, resident, cohort);
}

static void yaml_header(reader *r, rp_yctx *y, const rp_ynode **v)
{
    static const char *const statuses[] = {"optimal", "feasible", "given", "best-effort"};
    const char *model = NULL;
    if (v[0] && rp_ystr(y, v[0], "model", false, &model) == 0) {
        if (strcmp(model, r->m->id) != 0)
            rp_yerror(y, v[0], "model '%s' is not the model given; expected '%s'", model,
                      r->m->id);
        r->p->model_id = rp_arena_strdup(r->p->arena, model);
    }
    int status;
    if (v[1])
        rp_yenum(y, v[1], "status", statuses, N_OF(statuses), &status);
    const char *objective = v[2] ? rp_ytext(v[2]) : NULL;
    if (v[2] && (!objective || rp_parse_double(objective, &r->p->objective) != 0))
        rp_yerror(y, v[2], "objective '%s' is not a number; expected a number",
                  objective ? objective : "");
}

/* A bend the plan declares: a rule of class PROG, a resident of the plan, periods. */
static void yaml_bend(reader *r, rp_yctx *y, const rp_ynode *node)
{
    static const rp_ykey keys[] = {
        {"rule", RP_Y_SCALAR, true},
        {"resident", RP_Y_SCALAR, true},
        {"start_period", RP_Y_SCALAR, true},
        {"end_period", RP_Y_SCALAR, true},
    };
    const rp_ynode *v[N_OF(keys)];
    if (rp_ymap(y, node, "a bend", keys, N_OF(keys), v) != 0)
        return;
    const char *rule = NULL, *resident = NULL;
    rp_bend b = {RP_NONE, RP_NONE, 0, 0};
    if (rp_ystr(y, v[0], "rule", false, &rule) == 0) {
        for (size_t k = 0; k < r->m->n_rules; k++)
            if (strcmp(r->m->rules[k].id, rule) == 0)
                b.rule = (int)k;
        if (b.rule == RP_NONE)
            rp_yerror(y, v[0], "unknown rule '%s'; expected a rule id of the model", rule);
        else if (r->m->rules[b.rule].cls != RP_CLASS_PROGRAMME)
            rp_yerror(y, v[0], "rule '%s' is of class %s; only rules of class programme may "
                               "bend", rule, rp_class_name(r->m->rules[b.rule].cls));
    }
    if (rp_ystr(y, v[1], "resident", false, &resident) == 0 &&
        (b.resident = rp_plan_resident_index(r->p, resident)) == RP_NONE)
        rp_yerror(y, v[1], "unknown resident '%s'; expected a resident of the plan", resident);
    int first_ok = rp_yint(y, v[2], "start_period", 1, 100000, &b.first);
    int last_ok = rp_yint(y, v[3], "end_period", 1, 100000, &b.last);
    if (first_ok == 0 && last_ok == 0 && b.last < b.first)
        rp_yerror(y, v[3], "end_period %d is before start_period %d", b.last, b.first);
    if (b.rule != RP_NONE && b.resident != RP_NONE && first_ok == 0 && last_ok == 0 &&
        b.first <= b.last && r->m->rules[b.rule].cls == RP_CLASS_PROGRAMME)
        rp_plan_add_bend(r->p, &b);
}

static void read_yaml(reader *r)
{
    static const rp_ykey keys[] = {
        {"model", RP_Y_SCALAR, false},
        {"status", RP_Y_SCALAR, false},
        {"objective", RP_Y_SCALAR, false},
        {"residents", RP_Y_SEQ, true},
        {"bends", RP_Y_SEQ, false},
    };
    rp_arena *scratch = rp_arena_new();
    rp_yctx *y = rp_yctx_open(r->file, scratch, r->d);
    if (!y) {
        r->errors++;
        rp_arena_free(scratch);
        return;
    }
    const rp_ynode *v[N_OF(keys)];
    rp_ymap(y, rp_yroot(y), "the plan", keys, N_OF(keys), v);
    yaml_header(r, y, v);
    size_t n = 0;
    if (v[3] && rp_yseq(y, v[3], "residents", &n) == 0)
        for (size_t i = 0; i < n; i++)
            yaml_resident(r, y, rp_yseq_item(y, v[3], i));
    if (v[4] && rp_yseq(y, v[4], "bends", &n) == 0)
        for (size_t i = 0; i < n; i++)
            yaml_bend(r, y, rp_yseq_item(y, v[4], i));
    r->errors += rp_yerrors(y);
    rp_yctx_close(y);
    rp_arena_free(scratch);
}

/* ---- parallel sessions a week ---- */

/* The checks look at most this many parallel sessions beside one week (rules/weeks.c): a week
 * of 5 days holds no more meaningful ones, and more must not pass unseen. */
enum { MAX_SESSIONS_A_WEEK = 8 };

/* A parallel row, sorted by resident then line (qsort has no context: the keys are copied). */
typedef struct session_row {
    int resident, line;
    size_t stint;
} session_row;

static int by_resident(const void *a, const void *b)
{
    const session_row *x = a, *y = b;
    if (x->resident != y->resident)
        return x->resident < y->resident ? -1 : 1;
    return x->line < y->line ? -1 : x->line > y->line;
}

/* The parallel rows of one resident (idx[0..n)): no week with more than MAX_SESSIONS_A_WEEK;
 * the first such week is reported at the last row that covers it. */
static void check_resident_sessions(reader *r, const session_row *idx, size_t n, int *count,
                                    int h)
{
    const rp_stint *st = r->p->stints;
    memset(count, 0, ((size_t)h + 2) * sizeof *count);
    for (size_t i = 0; i < n; i++) {
        count[st[idx[i].stint].first]++;
        count[st[idx[i].stint].last + 1]--;
    }
    for (int p = 1, k = 0; p <= h; p++) {
        k += count[p];
        if (k <= MAX_SESSIONS_A_WEEK)
            continue;
        const rp_stint *at = NULL;
        for (size_t i = 0; i < n; i++)
            if (st[idx[i].stint].first <= p && p <= st[idx[i].stint].last)
                at = &st[idx[i].stint];
        cell c = {"", at->line, 1};
        cell_error(r, &c, "resident '%s' has %d parallel sessions in period %d; expected at most "
                          "%d a week", r->p->residents[at->resident].id, k, p,
                   MAX_SESSIONS_A_WEEK);
        return;
    }
}

static void check_sessions(reader *r)
{
    const rp_plan *p = r->p;
    size_t n = 0;
    session_row *idx = rp_xcalloc(p->n_stints + 1, sizeof *idx);
    for (size_t i = 0; i < p->n_stints; i++)
        if (p->stints[i].mode == RP_MODE_PARALLEL)
            idx[n++] = (session_row){p->stints[i].resident, p->stints[i].line, i};
    qsort(idx, n, sizeof *idx, by_resident);
    int h = rp_horizon(r->m, NULL) + r->m->calendar.periods_per_year;
    int *count = rp_xcalloc((size_t)h + 2, sizeof *count);
    for (size_t a = 0, b; a < n; a = b) {
        for (b = a; b < n && idx[b].resident == idx[a].resident; b++)
            ;
        if (b - a > MAX_SESSIONS_A_WEEK)
            check_resident_sessions(r, idx + a, b - a, count, h);
    }
    free(count);
    free(idx);
}

int rp_plan_read(const rp_model *m, const char *path, rp_plan **out, rp_diags *d)
{
    rp_plan *p = rp_plan_new();
    reader r = {m, path, d, 0, p, NULL, 0, 0};
    if (rp_csv_path(path))
        read_csv(&r);
    else
        read_yaml(&r);
    if (!r.errors)
    if (!r.errors)
        check_sessions(&r);
    if (!r.errors)
        own_field_sessions(&r);
    free(r.parallel);
    if (r.errors) {
        rp_plan_free(p);
        return -1;
    }
    p->status = RP_PLAN_GIVEN;
    p->source = rp_arena_strdup(p->arena, path);
    rp_plan_sort(p);
    *out = p;
    return 0;
}
