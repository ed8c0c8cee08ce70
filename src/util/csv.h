/*
 * csv.h: reading CSV files into rows of located fields (csv.c). Errors name the file, line and
 * column; a file is at most 16 MiB and UTF-8.
 */
#ifndef ROTAPLAN_UTIL_CSV_H
#define ROTAPLAN_UTIL_CSV_H

#include <stdbool.h>
#include <stddef.h>

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
} rp_csv;

/* Whether a file is read as CSV: its name ends in .csv (any case). */
bool rp_csv_path(const char *path);
/* Reads path whole (a UTF-8 byte-order mark skipped). Returns 0, or -1 after reporting. */
int rp_csv_open(rp_csv *in, const char *path, rp_diags *d);
void rp_csv_close(rp_csv *in);
/* Reports an error at c (counted in in->errors); returns -1. */
int rp_csv_error(rp_csv *in, const rp_csv_cell *c, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* The first line is exactly header (what names the file's kind in the message); else false
 * after reporting. */
bool rp_csv_header(rp_csv *in, const char *header, const char *what);
/* Whether rows remain to be read. */
bool rp_csv_more(const rp_csv *in);
/* Reads one row into cells (at most max kept); *n gets the number of fields, *blank whether the
 * line was empty. */
void rp_csv_row(rp_csv *in, rp_csv_cell *cells, size_t max, size_t *n, bool *blank);

#endif
