/*
 * cohort_csv.c: the residents from a spreadsheet, one row per resident (rp_cohort_load reads a
 * path ending in .csv here). The header names the columns, in any order and case (columns of
 * other names are ignored, said in one note; id and cohort are required):
 *
 *     id,name,cohort,course,wishes
 *
 * The file may be UTF-8 (with or without a byte-order mark) or Shift_JIS (util/csv.c).
 * Two more columns, optional, carry what the YAML file's leave and pins say, entries separated
 * by ';' (a span is FROM~TO, each a date 2021-01-04 or 2021/1/4, a month 2021-01 or 2021/1, or
 * a period number; '〜' may stand for '~'):
 *
 *     leave   KIND SPAN [DAYS] [certified]   suspension 2021/1/4~2021/5/21 100; maternity
 *             KIND DAYS                      2019/10~2020/3 certified; suspension 30
 *     pins    FACILITY[:DEPARTMENT] SPAN     island:community 2021/6/7~2021/7/4
 *
 * KIND is one of the YAML file's kinds but part-time (its hours need the YAML file).
 * id: the resident's id (letters, digits, '-', '_', '.'); name: optional, any text; cohort: the
 * year the resident starts; course: a course id of the model, `any` or empty (any); wishes:
 * facility or department ids in rank order, separated by ';' (may be empty). Pins and leave need
 * the YAML residents file. Every error names the file, line and column and what was expected.
 */
#include "model/cohort_csv.h"
#include "rotaplan/calendar.h"
#include "util/csv.h"
#include "util/i18n.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

enum { C_ID, C_NAME, C_COHORT, C_COURSE, C_WISHES, C_LEAVE, C_PINS, C_COUNT };

static const char *const column_names[C_COUNT] = {"id",     "name",  "cohort", "course",
                                                  "wishes", "leave", "pins"};

static void read_id(rp_csv *in, const rp_csv_cell *c, const rp_cohort *co, rp_resident *res)
{
    const char *s = c->text;
    if (strlen(s) > RP_MAX_ID) {
        rp_csv_error(in, c, "resident id '%.20s...' is too long; expected at most %d characters",
                     s, RP_MAX_ID);
        return;
    }
    if (!rp_id_valid(s)) {
        rp_csv_error(in, c, "resident id '%s' is not an id; expected %s", s, _(RP_ID_GRAMMAR));
        return;
    }
    int dup = rp_cohort_resident(co, s);
    if (dup != RP_NONE) {
        rp_csv_error(in, c, "duplicate resident id '%s'; first defined at line %d", s,
                     co->residents[dup].pos.line);
        return;
    }
    res->id = rp_arena_strdup(co->arena, s);
}

static void read_cohort(rp_csv *in, const rp_csv_cell *c, rp_resident *res)
{
    char *end;
    long v = strtol(c->text, &end, 10);
    if (!*c->text || *end || v < 1900 || v > 2999)
        rp_csv_error(in, c, "cohort '%s' is not a year; expected the year the resident starts "
                            "(1900-2999)", c->text);
    else
        res->cohort = (int)v;
}

static void read_course(rp_csv *in, const rp_csv_cell *c, const rp_model *m, rp_resident *res)
{
    res->course = RP_ANY;
    if (!*c->text || strcmp(c->text, "any") == 0)
        return;
    int k = rp_model_course(m, c->text);
    if (k == RP_NONE) {
        const char **ids = rp_xcalloc(m->n_courses + 1, sizeof *ids);
        for (size_t i = 0; i < m->n_courses; i++)
            ids[i] = m->courses[i].id;
        const char *near = rp_nearest(c->text, ids, m->n_courses);
        rp_csv_error(in, c, "unknown course '%s'; expected any or a course id of the model%s%s%s",
                     c->text, near ? _("; did you mean '") : "", near ? near : "", near ? _("'?") : "");
        free(ids);
    }
    else
        res->course = k;
}

/* One wish of the ';'-separated list at column col. */
static void read_wish(rp_csv *in, const rp_csv_cell *at, const rp_model *m, rp_cohort *co,
                      rp_resident *res, const char *text)
{
    rp_wish w = {RP_NONE, NULL, {in->file, at->line, at->col}};
    int f = rp_model_facility(m, text);
    if (f != RP_NONE)
        w.facility = f;
    else if (rp_model_knows_department(m, text))
        w.department = rp_arena_strdup(co->arena, text);
    else {
        rp_csv_cell c = {text, at->line, at->col};
        const char *near = rp_model_nearest_place(m, text);
        rp_csv_error(in, &c, "unknown facility or department '%s' in a wish%s%s%s", text,
                     near ? _("; did you mean '") : "", near ? near : "", near ? _("'?") : "");
        return;
    }
    for (size_t j = 0; j < res->n_wishes; j++)
        if (res->wishes[j].facility == w.facility && rp_streq(res->wishes[j].department,
                                                                 w.department)) {
            rp_csv_cell c = {text, at->line, at->col};
            rp_csv_error(in, &c, "duplicate wish '%s'; each facility may be wished for once",
                         text);
            return;
        }
    res->wishes[res->n_wishes++] = w;
}

static void read_wishes(rp_csv *in, const rp_csv_cell *c, const rp_model *m, rp_cohort *co,
                        rp_resident *res)
{
    size_t n = *c->text ? 1 : 0;
    for (const char *p = c->text; *p; p++)
        n += *p == ';';
    res->wishes = rp_arena_alloc(co->arena, (n ? n : 1) * sizeof *res->wishes);
    const char *p = c->text;
    int col = c->col;
    while (*p) {
        size_t len = strcspn(p, ";");
        char *one = rp_xstrndup(p, len);
        char *s = one;
        while (*s == ' ')
            s++;
        for (size_t k = strlen(s); k > 0 && s[k - 1] == ' '; k--)
            s[k - 1] = '\0';
        rp_csv_cell at = {one, c->line, col + (int)(s - one)};
        if (*s)
            read_wish(in, &at, m, co, res, s);
        free(one);
        col += (int)rp_display_width(p) - (int)rp_display_width(p + len) + 1;
        p += len + (p[len] == ';');
    }
}

/* ---- leave and pins: ';'-separated entries of space-separated words ---- */

/* One entry of a list cell: its text (trimmed) and where it starts. */
typedef struct entry {
    char *text; /* heap */
    rp_csv_cell at;
} entry;

/* The entries of cell c, trimmed, empty ones dropped. Returns their count; *out is heap. */
static size_t split_entries(const rp_csv_cell *c, entry **out)
{
    size_t cap = 1;
    for (const char *p = c->text; *p; p++)
        cap += *p == ';';
    entry *e = rp_xcalloc(cap, sizeof *e);
    size_t n = 0;
    int col = c->col;
    for (const char *p = c->text; *p;) {
        size_t len = strcspn(p, ";");
        size_t lead = strspn(p, " ");
        if (lead > len)
            lead = len;
        char *one = rp_xstrndup(p + lead, len - lead);
        for (size_t k = strlen(one); k > 0 && one[k - 1] == ' '; k--)
            one[k - 1] = '\0';
        if (*one)
            e[n++] = (entry){one, {one, c->line, col + (int)lead}};
        else
            free(one);
        col += rp_display_width(p) - rp_display_width(p + len) + 1;
        p += len + (p[len] == ';');
    }
    *out = e;
    return n;
}

static void free_entries(entry *e, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(e[i].text);
    free(e);
}

/* A span's end: a date, a month (its last day as `to`) or a period number. */
static int read_end(rp_csv *in, const rp_csv_cell *at, const rp_model *m, const rp_resident *res,
                    const char *s, bool is_to, int *out)
{
    int h = rp_horizon(m, res);
    char *end;
    long v = strtol(s, &end, 10);
    if (*s && !*end) {
        if (v < 1 || v > h)
            return rp_csv_error(in, at, "'%s' is outside the programme of resident '%s' "
                                        "(periods 1 to %d)", s, res->id ? res->id : "?", h);
        *out = (int)v;
        return 0;
    }
    rp_date d;
    int kind = rp_csv_date(s, &d);
    if (kind < 0)
        return rp_csv_error(in, at, "'%s' is not a date, a month or a period; expected "
                                    "2021-01-04, 2021/1/4, 2021/1 or a period number", s);
    if (res->cohort == 0)
        return -1;
    if (kind == 1 && is_to)
        d.day = rp_days_in_month(d.year, d.month);
    int p = rp_period_of_day(m, res->cohort, d);
    if (p < 1 || p > h)
        return rp_csv_error(in, at, "'%s' is outside the programme of resident '%s'", s,
                            res->id ? res->id : "?");
    *out = p;
    return 0;
}

/* FROM~TO (or FROM〜TO) into *first, *last. Returns 0, or -1 after reporting. */
static int read_csv_span(rp_csv *in, const rp_csv_cell *at, const rp_model *m,
                         const rp_resident *res, const char *word, int *first, int *last)
{
    const char *sep = strstr(word, "~");
    size_t sep_len = 1;
    if (!sep && (sep = strstr(word, "〜")))
        sep_len = strlen("〜");
    if (!sep)
        return rp_csv_error(in, at, "'%s' is not a span; expected FROM~TO", word);
    char *from = rp_xstrndup(word, (size_t)(sep - word));
    int err = read_end(in, at, m, res, from, false, first) |
              read_end(in, at, m, res, sep + sep_len, true, last);
    free(from);
    if (err)
        return -1;
    if (*first > *last)
        return rp_csv_error(in, at, "span '%s' ends before it starts; expected FROM~TO with FROM "
                                    "<= TO", word);
    return 0;
}

static bool is_span(const char *w)
{
    return strstr(w, "~") || strstr(w, "〜");
}

static void read_leave_entry(rp_csv *in, const entry *e, const rp_model *m, rp_resident *res,
                             rp_leave *lv)
{
    static const char *const names[] = {"maternity", "sickness", "abroad",
                                        "graduate-nonclinical", "other", "suspension"};
    static const rp_status kinds[] = {RP_STATUS_MATERNITY, RP_STATUS_SICKNESS, RP_STATUS_ABROAD,
                                      RP_STATUS_GNC, RP_STATUS_OTHER, RP_STATUS_SUSPENSION};
    *lv = (rp_leave){.pos = {in->file, e->at.line, e->at.col}};
    char *copy = rp_xstrdup(e->text), *save = NULL;
    const char *kind = strtok_r(copy, " ", &save);
    size_t k = 0;
    while (k < sizeof names / sizeof names[0] && strcmp(names[k], kind) != 0)
        k++;
    bool ok = k < sizeof names / sizeof names[0];
    if (!ok) {
        const char *near = rp_nearest(kind, names, sizeof names / sizeof names[0]);
        rp_csv_error(in, &e->at, "unknown leave kind '%s'%s%s%s; expected maternity, sickness, "
                                 "abroad, graduate-nonclinical, other or suspension (part-time "
                                 "needs the YAML file)", kind, near ? _("; did you mean '") : "",
                     near ? near : "", near ? _("'?") : "");
    } else {
        lv->kind = kinds[k];
    }
    bool span = false, days = false;
    for (const char *w; ok && (w = strtok_r(NULL, " ", &save));) {
        char *end;
        double v = strtod(w, &end);
        if (is_span(w) && !span) {
            span = true;
            ok = read_csv_span(in, &e->at, m, res, w, &lv->first, &lv->last) == 0;
        } else if (strcmp(w, "certified") == 0 &&
                   (lv->kind == RP_STATUS_MATERNITY || lv->kind == RP_STATUS_SICKNESS)) {
            lv->certificate = true;
        } else if (*w && !*end && v >= 0.5 && v <= 3650 && !days) {
            days = true;
            lv->days = v;
        } else {
            ok = false;
            rp_csv_error(in, &e->at, "'%s' in leave '%s' is not understood; expected KIND "
                                     "FROM~TO [DAYS] [certified] or KIND DAYS", w, e->text);
        }
    }
    if (ok && !span && !days)
        rp_csv_error(in, &e->at, "leave '%s' has neither dates nor days; expected KIND FROM~TO "
                                 "or KIND DAYS", e->text);
    else if (ok && span && !days) {
        const rp_calendar *cal = &m->calendar;
        double weeks = cal->unit == RP_UNIT_WEEK ? 1 : 52.0 / 12.0;
        lv->days = (lv->last - lv->first + 1) * weeks * cal->days_per_week;
    }
    free(copy);
}

static void read_pin_entry(rp_csv *in, const entry *e, const rp_model *m, const rp_resident *res,
                           rp_pin *pin)
{
    *pin = (rp_pin){RP_NONE, RP_NONE, 0, 0, {in->file, e->at.line, e->at.col}};
    char *copy = rp_xstrdup(e->text), *save = NULL;
    char *place = strtok_r(copy, " ", &save);
    const char *when = strtok_r(NULL, " ", &save);
    const char *more = when ? strtok_r(NULL, " ", &save) : NULL;
    char *colon = strchr(place, ':');
    if (colon)
        *colon = '\0';
    int f = rp_model_facility(m, place);
    if (f == RP_NONE) {
        const char *near = rp_model_nearest_place(m, place);
        rp_csv_error(in, &e->at, "unknown facility '%s' in a pin%s%s%s", place,
                     near ? _("; did you mean '") : "", near ? near : "", near ? _("'?") : "");
    } else if (colon && (pin->department = rp_facility_department(&m->facilities[f], colon + 1))
                            == RP_NONE) {
        rp_csv_error(in, &e->at, "unknown department '%s' of facility '%s' in a pin", colon + 1,
                     place);
    } else if (!when || more) {
        rp_csv_error(in, &e->at, "pin '%s' is not FACILITY[:DEPARTMENT] FROM~TO", e->text);
    } else if (read_csv_span(in, &e->at, m, res, when, &pin->first, &pin->last) == 0) {
        pin->facility = f;
    }
    free(copy);
}

/* Entries of one resident that overlap (leave or pins), reported at the later one. */
static void overlaps(rp_csv *in, const entry *e, const int *first, const int *last, size_t n,
                     const char *noun)
{
    for (size_t j = 0; j < n; j++)
        for (size_t i = 0; i < j; i++)
            if (first[i] > 0 && first[j] > 0 && !(last[i] < first[j] || last[j] < first[i])) {
                rp_csv_error(in, &e[j].at, "%s '%s' overlaps '%s'; expected %s that do not "
                                           "overlap", noun, e[j].text, e[i].text, noun);
                break;
            }
}

static void read_leave_cell(rp_csv *in, const rp_csv_cell *c, const rp_model *m, rp_cohort *co,
                            rp_resident *res)
{
    entry *e;
    size_t n = split_entries(c, &e);
    res->leave = rp_arena_alloc(co->arena, (n ? n : 1) * sizeof *res->leave);
    int *first = rp_xcalloc(n + 1, sizeof *first), *last = rp_xcalloc(n + 1, sizeof *last);
    for (size_t i = 0; i < n; i++) {
        read_leave_entry(in, &e[i], m, res, &res->leave[i]);
        first[i] = res->leave[i].first;
        last[i] = res->leave[i].last;
    }
    res->n_leave = n;
    overlaps(in, e, first, last, n, "leave");
    free(first);
    free(last);
    free_entries(e, n);
}

static void read_pins_cell(rp_csv *in, const rp_csv_cell *c, const rp_model *m, rp_cohort *co,
                           rp_resident *res)
{
    entry *e;
    size_t n = split_entries(c, &e);
    res->pins = rp_arena_alloc(co->arena, (n ? n : 1) * sizeof *res->pins);
    int *first = rp_xcalloc(n + 1, sizeof *first), *last = rp_xcalloc(n + 1, sizeof *last);
    for (size_t i = 0; i < n; i++) {
        read_pin_entry(in, &e[i], m, res, &res->pins[i]);
        first[i] = res->pins[i].first;
        last[i] = res->pins[i].last;
    }
    res->n_pins = n;
    overlaps(in, e, first, last, n, "pins");
    free(first);
    free(last);
    free_entries(e, n);
}

static void read_row(rp_csv *in, const rp_csv_cell *c, int line, const rp_model *m,
                     rp_cohort *co)
{
    rp_resident res = {0};
    res.course = RP_ANY;
    res.pos = (rp_pos){in->file, line, 1};
    size_t before = in->errors;
    read_id(in, &c[C_ID], co, &res);
    if (*c[C_NAME].text)
        res.name = rp_arena_strdup(co->arena, c[C_NAME].text);
    read_cohort(in, &c[C_COHORT], &res);
    read_course(in, &c[C_COURSE], m, &res);
    read_wishes(in, &c[C_WISHES], m, co, &res);
    if (in->errors == before) /* periods need the cohort; the horizon the leave */
        read_leave_cell(in, &c[C_LEAVE], m, co, &res);
    if (in->errors == before)
        read_pins_cell(in, &c[C_PINS], m, co, &res);
    if (in->errors == before)
        *rp_cohort_add_resident(co, res.id, res.cohort, res.course) = res;
}

int rp_cohort_load_csv(const rp_model *m, const char *path, rp_cohort *co, rp_diags *d)
{
    rp_csv in;
    if (rp_csv_open(&in, path, d) != 0)
        return -1;
    co->path = rp_arena_strdup(co->arena, path);
    in.file = co->path;
    size_t rows = 0;
    rp_csv_columns_map map;
    unsigned required = 1u << C_ID | 1u << C_COHORT;
    if (rp_csv_columns(&in, column_names, C_COUNT, required, "residents", &map)) {
        while (rp_csv_more(&in)) {
            rp_csv_cell fields[RP_CSV_MAX_COLUMNS], c[C_COUNT];
            size_t n;
            bool blank;
            int line = in.line;
            size_t before = in.errors;
            rp_csv_row(&in, fields, RP_CSV_MAX_COLUMNS, &n, &blank);
            if (blank)
                continue;
            rows++; /* a bad row is a row: no "no rows" error besides its own */
            rp_csv_cell row = {"", line, 1};
            if (rows > RP_MAX_RESIDENTS) {
                rp_csv_error(&in, &row, "more than %d rows; expected at most %d residents in "
                                        "one file", RP_MAX_RESIDENTS, RP_MAX_RESIDENTS);
                break;
            }
            if (in.fatal || in.errors != before)
                continue;
            if (n != map.n_fields) {
                rp_csv_error(&in, &row, "row has %zu field%s; expected %zu, as the header", n,
                             n == 1 ? "" : "s", map.n_fields);
            } else {
                rp_csv_pick(&map, fields, n, C_COUNT, c);
                read_row(&in, c, line, m, co);
            }
        }
        rp_csv_cell at = {"", 1, 1};
        if (rows == 0 && !in.fatal)
            rp_csv_error(&in, &at, "no rows after the header; expected one row a resident");
    }
    size_t errors = in.errors;
    rp_csv_close(&in);
    return errors ? -1 : 0;
}
