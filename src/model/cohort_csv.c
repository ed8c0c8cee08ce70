/*
 * cohort_csv.c: the residents from a spreadsheet, one row per resident (rp_cohort_load reads a
 * path ending in .csv here). The header names the columns, in any order and case (columns of
 * other names are ignored, said in one note; id and cohort are required):
 *
 *     id,name,cohort,course,wishes
 *
 * The file may be UTF-8 (with or without a byte-order mark) or Shift_JIS (util/csv.c).
 * id: the resident's id (letters, digits, '-', '_', '.'); name: optional, any text; cohort: the
 * year the resident starts; course: a course id of the model, `any` or empty (any); wishes:
 * facility or department ids in rank order, separated by ';' (may be empty). Pins and leave need
 * the YAML residents file. Every error names the file, line and column and what was expected.
 */
#include "model/cohort_csv.h"
#include "util/csv.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

enum { C_ID, C_NAME, C_COHORT, C_COURSE, C_WISHES, C_COUNT };

static const char *const column_names[C_COUNT] = {"id", "name", "cohort", "course", "wishes"};

static bool id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_' || c == '.';
}

static void read_id(rp_csv *in, const rp_csv_cell *c, const rp_cohort *co, rp_resident *res)
{
    const char *s = c->text;
    bool ok = *s != '\0';
    for (const char *p = s; ok && *p; p++)
        ok = id_char(*p);
    if (!ok) {
        rp_csv_error(in, c, "resident id '%s' is not an id; expected letters, digits, '-', '_' "
                            "or '.'", s);
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
    if (k == RP_NONE)
        rp_csv_error(in, c, "unknown course '%s'; expected any or a course id of the model",
                     c->text);
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
                     near ? "; did you mean '" : "", near ? near : "", near ? "'?" : "");
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
