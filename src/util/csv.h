/*
 * csv.h: reading CSV files into rows of located fields (csv.c). Errors name the file, line and
 * column; a file is at most 16 MiB and UTF-8.
 */
#ifndef ROTAPLAN_UTIL_CSV_H
#define ROTAPLAN_UTIL_CSV_H

#include <stdbool.h>
#include <stddef.h>

#include "rotaplan/date.h"
#include "rotaplan/diag.h"

/* A field: its text (owned by the reader's arena) and where it starts (1-based). */
typedef struct rp_csv_cell {
    const char *text;
    int line, col;
} rp_csv_cell;

typedef struct rp_csv {
    const char *file;
    rp_diags *d;
    size_t errors;       /* reported through this reader so far */
    unsigned char *data; /* the whole file; owned */
    size_t len, pos;
    int line, col;       /* of pos, 1-based; col counts characters */
    struct rp_arena *a;  /* the fields' text */
    bool fatal;          /* an error after which the rest cannot be split into rows */
    const char *encoding; /* "UTF-8", or "Shift_JIS" when the file was converted from CP932 */
} rp_csv;

#define RP_CSV_MAX_COLUMNS 64

/* Where each column a reader knows is among a row's fields (rp_csv_columns). */
typedef struct rp_csv_columns_map {
    int field[RP_CSV_MAX_COLUMNS]; /* [k]: the field of column k, or -1 when the header lacks it */
    size_t n_fields;               /* fields of the header */
} rp_csv_columns_map;

/* Whether a file is read as CSV: its name ends in .csv (any case). */
bool rp_csv_path(const char *path);
/* Reads path whole: UTF-8 (a byte-order mark skipped), else Shift_JIS (CP932) converted to
 * UTF-8. Returns 0, or -1 after reporting (a byte that neither encoding reads is located). */
int rp_csv_open(rp_csv *in, const char *path, rp_diags *d);
void rp_csv_close(rp_csv *in);
/* Reports an error at c (counted in in->errors); returns -1. fmt is translated before it is
 * formatted, as rp_diag_add's: pass the English literal. */
int rp_csv_error(rp_csv *in, const rp_csv_cell *c, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The first line is exactly header (what names the file's kind in the message); else false
 * after reporting. */
bool rp_csv_header(rp_csv *in, const char *header, const char *what);
/* Reads the header line: the columns names[0..n) (lower case) in any order and case, column k
 * required when bit k of required is set; columns of other names are ignored, said in one note.
 * Fills map; returns false after reporting (a required column missing, with a "did you mean"
 * when a header field is a near miss, or a column named twice). */
bool rp_csv_columns(rp_csv *in, const char *const *names, size_t n, unsigned required,
                    const char *what, rp_csv_columns_map *map);
/* The fields of a row in the order of names: out[k] is the field of column k ("" located at
 * the row's start when the header lacks it or the row is short). */
void rp_csv_pick(const rp_csv_columns_map *map, const rp_csv_cell *fields, size_t n_fields,
                 size_t n, rp_csv_cell *out);
/* A date as spreadsheets write it: 2019-04-01, 2019/04/01 or 2019/4/1; a month 2019-04 or
 * 2019/4. Returns 0 for a day, 1 for a month (day 1), -1 for anything else. */
int rp_csv_date(const char *text, rp_date *out);
/* Whether rows remain to be read. */
bool rp_csv_more(const rp_csv *in);
/* Reads one row into cells (at most max kept); *n gets the number of fields, *blank whether the
 * line was empty. */
void rp_csv_row(rp_csv *in, rp_csv_cell *cells, size_t max, size_t *n, bool *blank);

#endif
