/*
 * diag.h: located diagnostics. The library never prints or exits: loaders, the plan reader and
 * the translator append diagnostics here, and the command line prints every one of them, sorted
 * by position, each as `file:line:column: error: what was found; what was expected`, followed by
 * the source line and a caret.
 */
#ifndef ROTAPLAN_DIAG_H
#define ROTAPLAN_DIAG_H

#include <stddef.h>
#include <stdio.h>

typedef enum rp_severity { RP_ERROR, RP_WARNING, RP_NOTE } rp_severity;

typedef struct rp_diag {
    rp_severity severity;
    char *file;    /* owned; NULL when the message is about no file */
    int line, col; /* 1-based; 0 when unknown */
    int span;      /* columns to underline, at least 1 */
    char *message; /* owned; lower case, no final full stop */
} rp_diag;

typedef struct rp_diags {
    rp_diag *items;
    size_t count, cap;
    size_t dropped; /* diagnostics past RP_DIAGS_MAX, counted but not kept */
} rp_diags;

#define RP_DIAGS_INIT {NULL, 0, 0, 0}
/* Diagnostics kept in one list: a hostile file (a million aliases, a million bad rows) must not
 * make one per line; the rest are counted in `dropped`. */
#define RP_DIAGS_MAX 10000
/* Diagnostics printed with their source line; the rest are counted in one line. */
#define RP_DIAGS_PRINTED 100

void rp_diags_free(rp_diags *d); /* frees the entries; d itself may live on the stack */

/* Appends a diagnostic (or counts it in d->dropped when RP_DIAGS_MAX are kept). file may be
 * NULL; line/col 0 when unknown; span 0 means 1. fmt is an English message in the messages'
 * catalogue: it is translated (gettext, util/i18n.h) before it is formatted, so that a caller
 * passes the English literal and `make po-update` extracts it. */
void rp_diag_add(rp_diags *d, rp_severity sev, const char *file, int line, int col, int span,
                 const char *fmt, ...) __attribute__((format(printf, 7, 8)));

size_t rp_diags_errors(const rp_diags *d);

/* Sorts by file, line and column (stable for equal positions). */
void rp_diags_sort(rp_diags *d);

/* Prints the first RP_DIAGS_PRINTED diagnostics: the position, the severity, the message, then
 * (when the file can be read) the source line and a caret under the column; then one line
 * counting the others. Returns the number of errors kept in d. */
size_t rp_diags_print(const rp_diags *d, FILE *out);

#endif
