/*
 * yamlx.h: reading a libyaml document through key tables, with every error located. With load.c
 * the only code that touches libyaml; rule kinds parse their parameters through this interface
 * and never see a yaml_node_t.
 *
 * Conventions of every function here:
 * - `what` names the value for messages, e.g. "instructors of facility 'keio'";
 * - an error is appended to the context's diagnostics at the node's position (1-based line and
 *   column), in the form of STYLE.md section 4: lower case, the offending value in single quotes,
 *   then what was expected, e.g.
 *       capacity 'two' is not a whole number; expected a whole number >= 0
 *       unknown key 'instructers' in facility 'keio'; did you mean 'instructors'?
 * - functions return 0 on success and -1 after reporting; outputs are set only on success.
 */
#ifndef ROTAPLAN_YAMLX_H
#define ROTAPLAN_YAMLX_H

#include <stdbool.h>
#include <stddef.h>

#include "rotaplan/date.h"
#include "rotaplan/diag.h"
#include "rotaplan/model.h"

typedef struct rp_yctx rp_yctx;   /* a loaded document, its file name, diagnostics and arena */
typedef struct rp_ynode rp_ynode; /* a node of that document (opaque) */

typedef enum rp_ytype { RP_Y_SCALAR, RP_Y_SEQ, RP_Y_MAP, RP_Y_ANY } rp_ytype;

typedef struct rp_ykey {
    const char *name;
    rp_ytype type;
    bool required;
} rp_ykey;

/*
 * rp_yctx_open: parses path into a document. Aliases and anchors are refused, as are documents
 * that are empty or hold more than one document. Strings are copied into arena (which the caller
 * owns and which outlives the context). Returns the context, or NULL after reporting into d
 * (cannot open, not UTF-8, syntax error with libyaml's position).
 */
rp_yctx *rp_yctx_open(const char *path, struct rp_arena *arena, rp_diags *d);
/* The same from bytes in memory; name stands for the file in messages. */
rp_yctx *rp_yctx_open_buffer(const char *name, const unsigned char *data, size_t len,
                             struct rp_arena *arena, rp_diags *d);
void rp_yctx_close(rp_yctx *y); /* NULL does nothing */
const rp_ynode *rp_yroot(const rp_yctx *y);
const char *rp_yfile(const rp_yctx *y); /* the path, copied into the arena */
struct rp_arena *rp_yarena(const rp_yctx *y);
size_t rp_yerrors(const rp_yctx *y); /* errors reported through this context so far */

rp_pos rp_ypos(const rp_yctx *y, const rp_ynode *n);
rp_ytype rp_ytype_of(const rp_ynode *n);
/* Reports a located error and returns -1. fmt (here and below) is translated before it is
 * formatted, as rp_diag_add's: pass the English literal. */
int rp_yerror(rp_yctx *y, const rp_ynode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
/* Reports a located error at a saved position (for cross-references resolved after parsing,
 * and for rule parameters that are absent altogether); returns -1. */
int rp_yerror_pos(rp_yctx *y, rp_pos pos, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));
void rp_ywarning(rp_yctx *y, const rp_ynode *n, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

/*
 * rp_ymap: reads a mapping through a key table. found[i] receives the value node of keys[i], or
 * NULL when absent. Reports (and keeps going, so that one pass finds every error): a node that is
 * not a mapping; a non-scalar key; an unknown key (with the nearest known key as a hint); a
 * duplicate key; a value of the wrong type ("expected a list", "expected a mapping", "expected a
 * single value"); a missing required key (at the mapping's position: "missing key 'id' in ...").
 * Returns 0 when the mapping had no error.
 */
int rp_ymap(rp_yctx *y, const rp_ynode *map, const char *what, const rp_ykey *keys, size_t n_keys,
            const rp_ynode **found);
/* The value of key in map, or NULL (map not a mapping, or no such key); reports nothing. For
 * naming a mapping by its id ("facility 'keio'") before reading it through rp_ymap. */
const rp_ynode *rp_ymap_get(const rp_yctx *y, const rp_ynode *map, const char *key);

/* The tail of an "unknown ..." message, into buf (and returned): "; did you mean 'x'?" when one
 * of names is near s, else "; expected one of a, b, c" (as many names as fit). */
const char *rp_yhint(char *buf, size_t size, const char *s, const char *const *names, size_t n);

/* A mapping whose keys are data (a table such as `fields`), not a key table: its *n pairs in
 * order (arena arrays). Reports a node that is not a mapping, a key that is not a single value
 * and a duplicate key (left out). */
int rp_ypairs(rp_yctx *y, const rp_ynode *map, const char *what, const rp_ynode *const **keys,
              const rp_ynode *const **values, size_t *n);

/* Sequences. rp_yseq reports a node that is not a list and returns -1. */
int rp_yseq(rp_yctx *y, const rp_ynode *n, const char *what, size_t *len);
const rp_ynode *rp_yseq_item(const rp_yctx *y, const rp_ynode *seq, size_t i);

/* Scalars. The scalar's text, or NULL when n is not a scalar. */
const char *rp_ytext(const rp_ynode *n);
/* A string (not empty unless allow_empty); copied into the arena. */
int rp_ystr(rp_yctx *y, const rp_ynode *n, const char *what, bool allow_empty, const char **out);
/* An id (util.h rp_id_valid): letters, digits, '-' and '_', starting with a letter or digit, at
 * most RP_MAX_ID characters. */
int rp_yid(rp_yctx *y, const rp_ynode *n, const char *what, const char **out);
/* A whole number in [min, max], base 10, the whole text consumed ("08" is 8; "8.0", "two" and
 * "1e3" are errors: "'two' is not a whole number; expected a whole number >= 0"). */
int rp_yint(rp_yctx *y, const rp_ynode *n, const char *what, long min, long max, int *out);
/* A decimal number in [min, max]. */
int rp_ynum(rp_yctx *y, const rp_ynode *n, const char *what, double min, double max,
            double *out);
/* true/false (also yes/no). */
int rp_ybool(rp_yctx *y, const rp_ynode *n, const char *what, bool *out);
/* One of names[0..n_names-1]; the error lists them, with the nearest as a hint. */
int rp_yenum(rp_yctx *y, const rp_ynode *n, const char *what, const char *const *names,
             size_t n_names, int *out);
/* An ISO 8601 date "YYYY-MM-DD", or a month "YYYY-MM" when allow_month (day set to 1;
 * *is_month set when non-NULL). */
int rp_ydate(rp_yctx *y, const rp_ynode *n, const char *what, bool allow_month, rp_date *out,
             bool *is_month);
/* A facility id of m -> its index ("unknown facility 'tokyo-m'; did you mean 'tokyo-mc'?"). */
int rp_yfacility(rp_yctx *y, const rp_ynode *n, const rp_model *m, const char *what, int *out);
/* A list of facility ids -> indices (arena array). */
int rp_yfacilities(rp_yctx *y, const rp_ynode *n, const rp_model *m, const char *what,
                   int **out, size_t *n_out);

#endif
