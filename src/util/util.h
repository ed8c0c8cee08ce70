/*
 * util.h: the small helpers every stage of the pipeline shares: allocation that aborts on
 * exhaustion (alloc.c), an arena for strings that live as long as their model (arena.c), a
 * growable text buffer (buf.c), files written through a temporary name and renamed (atomic.c),
 * and string helpers: strict number parsing, UTF-8 display width, edit distance (str.c).
 * Internal to librotaplan; nothing here is part of the public headers.
 */
#ifndef ROTAPLAN_UTIL_H
#define ROTAPLAN_UTIL_H

#include <stdarg.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

/* ---- alloc.c: every allocation of the library goes through these; they never return NULL ---- */
/* The exit status when memory runs out (README "Exit status"): the allocators print what failed
 * on stderr and end the process with it at once (GLPK's failures, through main.c's hooks, too). */
#define RP_EXIT_OUT_OF_MEMORY 4
void *rp_xmalloc(size_t size);
void *rp_xcalloc(size_t count, size_t size);
void *rp_xrealloc(void *ptr, size_t size);
char *rp_xstrdup(const char *s);
char *rp_xstrndup(const char *s, size_t n);
/* printf into a fresh heap string; the caller frees it */
char *rp_xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
char *rp_xvasprintf(const char *fmt, va_list ap);

/* Grows *items (of elem bytes each) so that it holds at least need elements; *cap is updated. */
void rp_grow(void *items_ptr, size_t *cap, size_t need, size_t elem);
#define RP_PUSH(arr, count, cap) \
    (rp_grow(&(arr), &(cap), (count) + 1, sizeof *(arr)), &(arr)[(count)++])

/* ---- arena.c: many small allocations freed at once ---- */
typedef struct rp_arena rp_arena;
rp_arena *rp_arena_new(void);
void rp_arena_free(rp_arena *a); /* NULL does nothing */
void *rp_arena_alloc(rp_arena *a, size_t size); /* zeroed, aligned for any type */
char *rp_arena_strdup(rp_arena *a, const char *s);
char *rp_arena_strndup(rp_arena *a, const char *s, size_t n);
char *rp_arena_printf(rp_arena *a, const char *fmt, ...) __attribute__((format(printf, 2, 3)));

/* ---- buf.c: a growable NUL-terminated text buffer ---- */
typedef struct rp_buf {
    char *data; /* always NUL-terminated once anything was appended; NULL before */
    size_t len, cap;
} rp_buf;
void rp_buf_free(rp_buf *b);
void rp_buf_clear(rp_buf *b);
void rp_buf_add(rp_buf *b, const char *s);
void rp_buf_addn(rp_buf *b, const char *s, size_t n);
void rp_buf_addc(rp_buf *b, char c);
void rp_buf_printf(rp_buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
void rp_buf_vprintf(rp_buf *b, const char *fmt, va_list ap);
const char *rp_buf_str(const rp_buf *b); /* "" when empty */
char *rp_buf_take(rp_buf *b); /* hands the string to the caller (heap), resets b */

/* ---- atomic.c: outputs are written to a temporary file in the target's directory and renamed ---- */
typedef struct rp_atomic {
    char *path;     /* the final name: the file a symbolic link given as the output names */
    char *tmp_path; /* the temporary name, removed unless committed; NULL when the target is
                     * written in place (it exists and is not a regular file: a FIFO, a device) */
    FILE *fp;
} rp_atomic;
/* Opens a temporary file beside path (beside the file it names, when path is a symbolic link),
 * or, when path exists and is not a regular file (a FIFO, /dev/null, /dev/stdout), path itself
 * for writing in place. Returns 0, or -1 with errno set (nothing created). */
int rp_atomic_open(rp_atomic *a, const char *path);
/* The same for a writer that opens files by name (GLPK's LP and MPS writers): makes the
 * temporary file but opens no stream; write to rp_atomic_name(a), then commit or abort. */
int rp_atomic_open_name(rp_atomic *a, const char *path);
/* The name to write to: the temporary file, or the target itself when written in place. */
const char *rp_atomic_name(const rp_atomic *a);
/* The file a chain of symbolic links from path ends at (path when it is none), on the heap
 * (the caller frees it); NULL with errno set when a link cannot be read or loops. */
char *rp_atomic_target(const char *path);
/* Flushes, syncs, closes and renames over path. Returns 0, or -1 with errno set; on failure the
 * temporary file is removed and path is untouched. Frees a's strings either way. */
int rp_atomic_commit(rp_atomic *a);
/* Closes and removes the temporary file; path is untouched. Safe on a never-opened a. */
void rp_atomic_abort(rp_atomic *a);

/* ---- str.c ---- */
/* Base-10 integer, whole string consumed, optional leading '-', range checked. 0 or -1. */
int rp_parse_long(const char *s, long min, long max, long *out);
/* Decimal number (no hex, no inf/nan), whole string consumed. 0 or -1. */
int rp_parse_double(const char *s, double *out);
/* Columns a UTF-8 string takes in a terminal: East Asian wide and fullwidth characters take 2. */
int rp_display_width(const char *s);
/* Bytes of s's first character (1..4), or 0 when s does not start with valid UTF-8. */
int rp_utf8_len(const char *s);
bool rp_utf8_valid(const char *s, size_t n);
/* Damerau-free Levenshtein distance, for "did you mean" hints. */
size_t rp_edit_distance(const char *a, const char *b);
/* The candidate nearest to s, or NULL when none is near enough to suggest. */
const char *rp_nearest(const char *s, const char *const *candidates, size_t n);
bool rp_streq(const char *a, const char *b); /* NULL-safe */
/* Writes s as a CSV field (quoted when it holds a comma, quote or line break). */
void rp_csv_field(rp_buf *b, const char *s);
/* The same for a spreadsheet (--excel): a field that begins with '=', '+', '-', '@', a tab or a
 * carriage return gets a leading single quote first, so that the spreadsheet shows it as text
 * instead of evaluating it (OWASP "CSV injection"); the CSV reader (csv.c) drops that quote again. */
void rp_csv_field_excel(rp_buf *b, const char *s);
/* Whether s begins with a character a spreadsheet would take for a formula. */
bool rp_csv_formula_start(const char *s);

/* ---- ids (str.c): one grammar in every reader (model, residents YAML and CSV, plans) ---- */
#define RP_MAX_ID 64 /* characters in an id: ids end up in ILP row names (<= 255) */
/* What an id is, for messages: "letters, digits, '-' and '_', starting with a letter or digit,
 * at most 64 characters". */
#define RP_ID_GRAMMAR                                                                         \
    N_("letters, digits, '-' and '_', starting with a letter or digit, at most 64 characters")
/* Whether s is an id: ASCII letters and digits, '-' and '_', starting with a letter or a digit,
 * 1 to RP_MAX_ID characters. Plan files, calendar file names and spreadsheets all rely on it. */
bool rp_id_valid(const char *s);

#endif
