/*
 * yamlx.c: the YAML layer under the model loader, the residents loader, the plan reader and the
 * rule kinds' parameter parsers (model -> translate -> ...: the very first step). A file is read
 * whole, checked to be UTF-8, scanned once as libyaml events to refuse what rotaplan does not
 * accept (aliases and anchors, several documents, hostile nesting and scalar sizes), then loaded
 * with libyaml's document API. Every reader below reports located errors of the form of STYLE.md
 * section 4 and keeps going, so that one pass over a file finds every error.
 *
 * rp_ynode is yaml_node_t behind an opaque name; nothing outside this file sees libyaml. Strings
 * handed out by rp_ystr and friends are copied into the caller's arena, so no node outlives
 * rp_yctx_close.
 */
#include "model/yamlx.h"
#include "util/i18n.h"
#include "util/util.h"

#include <ctype.h>
#include <errno.h>
#include <float.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <yaml.h>

enum {
    MAX_DEPTH = 64,          /* nested lists and mappings; our formats need 5 */
    MAX_SCALAR = 64 * 1024,  /* bytes in one scalar */
    MAX_SHOWN = 40,          /* characters of a value quoted in a message */
    MAX_ANCHORS = 100,       /* anchors remembered by the scan, to report the unused ones */
    MAX_SCAN_ERRORS = 100,   /* the scan stops there: the file is refused anyway */
};
#define MAX_FILE (16L * 1024 * 1024) /* bytes in one input file */

struct rp_yctx {
    yaml_document_t doc;
    const char *file; /* in the arena */
    rp_arena *arena;
    rp_diags *diags;
    size_t errors;
};

static const yaml_node_t *node_of(const rp_ynode *n)
{
    return (const yaml_node_t *)n;
}

static const rp_ynode *ynode_of(const yaml_node_t *n)
{
    return (const rp_ynode *)n;
}

static const yaml_node_t *child(const rp_yctx *y, int index)
{
    return y->doc.nodes.start + index - 1;
}

/* ---- reporting ---- */

static void add_diag(rp_diags *d, rp_severity sev, const char *file, int line, int col, int span,
                     const char *fmt, va_list ap)
{
    char *msg = rp_xvasprintf(_(fmt), ap);
    rp_diag_add(d, sev, file, line, col, span, "%s", msg);
    free(msg);
}

static void report(rp_diags *d, const char *file, int line, int col, int span, const char *fmt,
                   ...) __attribute__((format(printf, 6, 7)));
static void report(rp_diags *d, const char *file, int line, int col, int span, const char *fmt,
                   ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_diag(d, RP_ERROR, file, line, col, span, fmt, ap);
    va_end(ap);
}

/* Columns to underline: a one-line scalar's width in characters, else 1. */
static int node_span(const yaml_node_t *n)
{
    if (n->type != YAML_SCALAR_NODE || n->start_mark.line != n->end_mark.line)
        return 1;
    size_t w = n->end_mark.column - n->start_mark.column;
    return w > 0 && w < 200 ? (int)w : 1;
}

static void node_diag(rp_yctx *y, rp_severity sev, const rp_ynode *node, const char *fmt,
                      va_list ap)
{
    const yaml_node_t *n = node_of(node);
    int line = n ? (int)n->start_mark.line + 1 : 0;
    int col = n ? (int)n->start_mark.column + 1 : 0;
    add_diag(y->diags, sev, y->file, line, col, n ? node_span(n) : 1, fmt, ap);
}

int rp_yerror(rp_yctx *y, const rp_ynode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    node_diag(y, RP_ERROR, n, fmt, ap);
    va_end(ap);
    y->errors++;
    return -1;
}

int rp_yerror_pos(rp_yctx *y, rp_pos pos, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_diag(y->diags, RP_ERROR, pos.file ? pos.file : y->file, pos.line, pos.col, 1, fmt, ap);
    va_end(ap);
    y->errors++;
    return -1;
}

void rp_ywarning(rp_yctx *y, const rp_ynode *n, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    node_diag(y, RP_WARNING, n, fmt, ap);
    va_end(ap);
}

/* How a value appears in a message: 'text' (shortened), empty, a list or a mapping. */
static const char *describe(const yaml_node_t *n, char *buf, size_t size)
{
    if (n->type == YAML_SEQUENCE_NODE)
        return _("a list");
    if (n->type == YAML_MAPPING_NODE)
        return _("a mapping");
    const char *s = (const char *)n->data.scalar.value;
    if (!*s)
        return _("empty");
    size_t bytes = 0;
    int chars = 0;
    while (s[bytes] && chars < MAX_SHOWN) {
        int k = rp_utf8_len(s + bytes);
        bytes += k > 0 ? (size_t)k : 1;
        chars++;
    }
    snprintf(buf, size, "'%.*s%s'", (int)bytes, s, s[bytes] ? "..." : "");
    return buf;
}

static const char *type_name(rp_ytype t)
{
    switch (t) {
    case RP_Y_SCALAR:
        return _("a single value");
    case RP_Y_SEQ:
        return _("a list");
    case RP_Y_MAP:
        return _("a mapping");
    case RP_Y_ANY:
        break;
    }
    return _("a value");
}

/* "a, b, c" into buf, as many names as fit, then "...". */
static void join_names(char *buf, size_t size, const char *const *names, size_t n)
{
    size_t len = 0;
    buf[0] = '\0';
    for (size_t i = 0; i < n; i++) {
        const char *sep = i ? ", " : "";
        size_t need = strlen(sep) + strlen(names[i]);
        if (len + need + 5 >= size) {
            snprintf(buf + len, size - len, "%s...", sep);
            return;
        }
        len += (size_t)snprintf(buf + len, size - len, "%s%s", sep, names[i]);
    }
}

const char *rp_yhint(char *buf, size_t size, const char *s, const char *const *names, size_t n)
{
    const char *near = rp_nearest(s, names, n);
    if (near) {
        snprintf(buf, size, _("; did you mean '%s'?"), near);
    } else if (n == 0) {
        buf[0] = '\0';
    } else {
        const char *lead = n == 1 ? _("; expected ") : _("; expected one of ");
        size_t len = strlen(lead);
        snprintf(buf, size, "%s", lead);
        if (len < size)
            join_names(buf + len, size - len, names, n);
    }
    return buf;
}

/* ---- reading the file ---- */

/* fmt: "cannot open file: %s" or "cannot read file: %s" (whole, so that each translates) */
static void report_errno(rp_diags *d, const char *file, const char *fmt, int e)
{
    char msg[128];
    snprintf(msg, sizeof msg, "%s", strerror(e));
    msg[0] = (char)tolower((unsigned char)msg[0]);
    report(d, file, 0, 0, 0, fmt, msg);
}

static unsigned char *read_file(const char *path, size_t *len, rp_diags *d)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        report_errno(d, path, N_("cannot open file: %s"), errno);
        return NULL;
    }
    rp_buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0) {
        if (b.len + n > (size_t)MAX_FILE) {
            report(d, path, 0, 0, 0, N_("file is larger than %ld MiB; expected a smaller file"),
                   MAX_FILE / (1024 * 1024));
            goto fail;
        }
        rp_buf_addn(&b, chunk, n);
    }
    if (ferror(fp)) {
        report_errno(d, path, N_("cannot read file: %s"), errno ? errno : EIO);
        goto fail;
    }
    fclose(fp);
    *len = b.len;
    return (unsigned char *)rp_buf_take(&b);
fail:
    fclose(fp);
    rp_buf_free(&b);
    return NULL;
}

/* Line and column (1-based, in characters) of byte offset in data. */
static void offset_position(const unsigned char *data, size_t len, size_t offset, int *line,
                            int *col)
{
    *line = 1;
    *col = 1;
    for (size_t i = 0; i < offset && i < len; i++) {
        if (data[i] == '\n') {
            (*line)++;
            *col = 1;
        } else if ((data[i] & 0xC0) != 0x80) {
            (*col)++;
        }
    }
}

/* libyaml counts a byte order mark in no column; neither do we. */
static size_t bom_length(const unsigned char *data, size_t len)
{
    return len >= 3 && data[0] == 0xEF && data[1] == 0xBB && data[2] == 0xBF ? 3 : 0;
}

/* Length of the UTF-8 character at data (1..4), or 0 when it is not valid UTF-8 (or NUL). */
static int utf8_char(const unsigned char *data, size_t left)
{
    char tmp[5] = {0};
    memcpy(tmp, data, left < 4 ? left : 4);
    return rp_utf8_len(tmp);
}

static int check_utf8(const char *file, const unsigned char *data, size_t len, rp_diags *d)
{
    int line = 1, col = 1;
    size_t i = bom_length(data, len);
    while (i < len) {
        if (data[i] == '\n') {
            line++;
            col = 1;
            i++;
            continue;
        }
        int k = utf8_char(data + i, len - i);
        if (k == 0) {
            if (data[i] == 0)
                report(d, file, line, col, 1, N_("NUL byte; expected UTF-8 text"));
            else
                report(d, file, line, col, 1, N_("invalid UTF-8 byte 0x%02x; expected UTF-8 text"),
                       data[i]);
            return -1;
        }
        i += (size_t)k;
        col++;
    }
    return 0;
}

static void report_parser(rp_diags *d, const char *file, const yaml_parser_t *p,
                          const unsigned char *data, size_t len)
{
    int line, col;
    switch (p->error) {
    case YAML_MEMORY_ERROR:
        report(d, file, 0, 0, 0, N_("cannot parse file: out of memory"));
        return;
    case YAML_READER_ERROR:
        offset_position(data, len, p->problem_offset, &line, &col);
        if (p->problem_value >= 0)
            report(d, file, line, col, 1, N_("%s (0x%02x); expected UTF-8 text"), p->problem,
                   (unsigned)p->problem_value);
        else
            report(d, file, line, col, 1, N_("%s; expected UTF-8 text"), p->problem);
        return;
    default:
        break;
    }
    line = (int)p->problem_mark.line + 1;
    col = (int)p->problem_mark.column + 1;
    const char *problem = p->problem ? p->problem : "unknown problem";
    if (p->context)
        report(d, file, line, col, 1, N_("syntax error: %s (%s at line %d)"), problem, p->context,
               (int)p->context_mark.line + 1);
    else
        report(d, file, line, col, 1, N_("syntax error: %s"), problem);
}

/* ---- the event scan: what libyaml accepts and rotaplan does not ---- */

typedef struct anchor {
    char *name;
    yaml_mark_t mark;
    bool used;
} anchor;

typedef struct scan {
    const char *file;
    rp_diags *d;
    size_t errors;
    int depth, documents;
    anchor *anchors;
    size_t n_anchors, cap_anchors;
} scan;

static void scan_error(scan *s, yaml_mark_t mark, int span, const char *fmt, ...)
    __attribute__((format(printf, 4, 5)));
static void scan_error(scan *s, yaml_mark_t mark, int span, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    add_diag(s->d, RP_ERROR, s->file, (int)mark.line + 1, (int)mark.column + 1, span, fmt, ap);
    va_end(ap);
    s->errors++;
}

static const char *const alias_message =
    N_("aliases and anchors are not supported; write the value out");

/* An anchor, remembered so that one no alias uses is reported at the end; past MAX_ANCHORS (an
 * expansion bomb defines thousands) each is reported at once, as is every alias. */
static void note_anchor(scan *s, const yaml_char_t *name, yaml_mark_t mark)
{
    if (!name)
        return;
    if (s->n_anchors == MAX_ANCHORS) {
        scan_error(s, mark, (int)strlen((const char *)name) + 1, "%s", _(alias_message));
        return;
    }
    anchor *a = RP_PUSH(s->anchors, s->n_anchors, s->cap_anchors);
    a->name = rp_xstrdup((const char *)name);
    a->mark = mark;
    a->used = false;
}

static void note_alias(scan *s, const yaml_char_t *name, yaml_mark_t mark)
{
    for (size_t i = 0; i < s->n_anchors; i++)
        if (strcmp(s->anchors[i].name, (const char *)name) == 0)
            s->anchors[i].used = true;
    scan_error(s, mark, (int)strlen((const char *)name) + 1, "%s", _(alias_message));
}

/* Returns true when scanning must stop. */
static bool scan_event(scan *s, const yaml_event_t *ev)
{
    switch (ev->type) {
    case YAML_DOCUMENT_START_EVENT:
        if (++s->documents == 2)
            scan_error(s, ev->start_mark, 3, "a second document; expected one document per file");
        return false;
    case YAML_ALIAS_EVENT:
        note_alias(s, ev->data.alias.anchor, ev->start_mark);
        return false;
    case YAML_SCALAR_EVENT:
        note_anchor(s, ev->data.scalar.anchor, ev->start_mark);
        if (ev->data.scalar.length > MAX_SCALAR)
            scan_error(s, ev->start_mark, 1,
                       "value of %zu bytes is too long; expected at most %d bytes",
                       ev->data.scalar.length, MAX_SCALAR);
        else if (strlen((const char *)ev->data.scalar.value) != ev->data.scalar.length)
            scan_error(s, ev->start_mark, 1, "value holds a NUL character; expected text");
        return false;
    case YAML_SEQUENCE_START_EVENT:
    case YAML_MAPPING_START_EVENT:
        note_anchor(s, ev->type == YAML_SEQUENCE_START_EVENT ? ev->data.sequence_start.anchor
                                                             : ev->data.mapping_start.anchor,
                    ev->start_mark);
        if (++s->depth > MAX_DEPTH) {
            scan_error(s, ev->start_mark, 1,
                       "lists and mappings nested more than %d deep; expected at most %d levels",
                       MAX_DEPTH, MAX_DEPTH);
            return true;
        }
        return false;
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT:
        s->depth--;
        return false;
    default:
        return false;
    }
}

static void scan_finish(scan *s)
{
    for (size_t i = 0; i < s->n_anchors; i++) {
        if (!s->anchors[i].used)
            scan_error(s, s->anchors[i].mark, (int)strlen(s->anchors[i].name) + 1, "%s",
                       _(alias_message));
        free(s->anchors[i].name);
    }
    free(s->anchors);
}

/* Returns the number of errors found. */
static size_t scan_events(const char *file, const unsigned char *data, size_t len, rp_diags *d)
{
    scan s = {file, d, 0, 0, 0, NULL, 0, 0};
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p)) {
        report(d, file, 0, 0, 0, N_("cannot parse file: out of memory"));
        return 1;
    }
    yaml_parser_set_input_string(&p, data, len);
    bool complete = false;
    for (;;) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&p, &ev)) {
            report_parser(d, file, &p, data, len);
            s.errors++;
            break;
        }
        bool end = ev.type == YAML_STREAM_END_EVENT;
        bool stop = scan_event(&s, &ev) || s.errors >= MAX_SCAN_ERRORS;
        yaml_event_delete(&ev);
        if (end || stop) {
            complete = end;
            break;
        }
    }
    yaml_parser_delete(&p);
    scan_finish(&s);
    if (complete && s.documents == 0) {
        report(d, file, 1, 1, 1, N_("empty file; expected a YAML mapping"));
        s.errors++;
    }
    return s.errors;
}

/* ---- opening and closing ---- */

static bool empty_root(const yaml_node_t *root)
{
    return root->type == YAML_SCALAR_NODE && root->data.scalar.style == YAML_PLAIN_SCALAR_STYLE &&
           root->data.scalar.length == 0;
}

rp_yctx *rp_yctx_open_buffer(const char *name, const unsigned char *data, size_t len,
                             struct rp_arena *arena, rp_diags *d)
{
    if (check_utf8(name, data, len, d) != 0 || scan_events(name, data, len, d) != 0)
        return NULL;
    rp_yctx *y = rp_xcalloc(1, sizeof *y);
    yaml_parser_t p;
    if (!yaml_parser_initialize(&p)) {
        report(d, name, 0, 0, 0, N_("cannot parse file: out of memory"));
        free(y);
        return NULL;
    }
    yaml_parser_set_input_string(&p, data, len);
    int loaded = yaml_parser_load(&p, &y->doc);
    if (!loaded)
        report_parser(d, name, &p, data, len);
    yaml_parser_delete(&p);
    if (!loaded) {
        free(y);
        return NULL;
    }
    y->file = rp_arena_strdup(arena, name);
    y->arena = arena;
    y->diags = d;
    const yaml_node_t *root = yaml_document_get_root_node(&y->doc);
    if (!root || empty_root(root)) {
        int line = root ? (int)root->start_mark.line + 1 : 1;
        int col = root ? (int)root->start_mark.column + 1 : 1;
        report(d, name, line, col, 1, N_("empty document; expected a YAML mapping"));
        rp_yctx_close(y);
        return NULL;
    }
    return y;
}

rp_yctx *rp_yctx_open(const char *path, struct rp_arena *arena, rp_diags *d)
{
    size_t len = 0;
    unsigned char *data = read_file(path, &len, d);
    if (!data)
        return NULL;
    rp_yctx *y = rp_yctx_open_buffer(path, data, len, arena, d);
    free(data);
    return y;
}

void rp_yctx_close(rp_yctx *y)
{
    if (!y)
        return;
    yaml_document_delete(&y->doc);
    free(y);
}

const rp_ynode *rp_yroot(const rp_yctx *y)
{
    return ynode_of(y->doc.nodes.start);
}

const char *rp_yfile(const rp_yctx *y)
{
    return y->file;
}

struct rp_arena *rp_yarena(const rp_yctx *y)
{
    return y->arena;
}

size_t rp_yerrors(const rp_yctx *y)
{
    return y->errors;
}

rp_pos rp_ypos(const rp_yctx *y, const rp_ynode *node)
{
    const yaml_node_t *n = node_of(node);
    rp_pos pos = {y->file, (int)n->start_mark.line + 1, (int)n->start_mark.column + 1};
    return pos;
}

rp_ytype rp_ytype_of(const rp_ynode *node)
{
    switch (node_of(node)->type) {
    case YAML_SEQUENCE_NODE:
        return RP_Y_SEQ;
    case YAML_MAPPING_NODE:
        return RP_Y_MAP;
    default:
        return RP_Y_SCALAR;
    }
}

/* ---- mappings and sequences ---- */

static int wrong_type(rp_yctx *y, const yaml_node_t *n, const char *what, const char *expected)
{
    char buf[64 + 4 * MAX_SHOWN];
    return rp_yerror(y, ynode_of(n), "%s is %s; expected %s", what, describe(n, buf, sizeof buf),
                     expected);
}

static int find_key(const rp_ykey *keys, size_t n_keys, const char *name)
{
    for (size_t i = 0; i < n_keys; i++)
        if (strcmp(keys[i].name, name) == 0)
            return (int)i;
    return -1;
}

static void unknown_key(rp_yctx *y, const yaml_node_t *key, const char *what, const rp_ykey *keys,
                        size_t n_keys)
{
    const char **names = rp_xcalloc(n_keys ? n_keys : 1, sizeof *names);
    for (size_t i = 0; i < n_keys; i++)
        names[i] = keys[i].name;
    const char *text = (const char *)key->data.scalar.value;
    char hint[256];
    rp_yhint(hint, sizeof hint, text, names, n_keys);
    rp_yerror(y, ynode_of(key), "unknown key '%s' in %s%s", text, what, hint);
    free(names);
}

static bool type_matches(rp_ytype want, const yaml_node_t *n)
{
    return want == RP_Y_ANY || want == rp_ytype_of(ynode_of(n));
}

/* One key-value pair of rp_ymap; first[] holds the key node each known key was first seen at. */
static void map_pair(rp_yctx *y, const yaml_node_pair_t *pair, const char *what,
                     const rp_ykey *keys, size_t n_keys, const yaml_node_t **first,
                     const rp_ynode **found)
{
    const yaml_node_t *key = child(y, pair->key), *value = child(y, pair->value);
    char buf[64 + 4 * MAX_SHOWN];
    if (key->type != YAML_SCALAR_NODE) {
        rp_yerror(y, ynode_of(key), "a key of %s is %s; expected a name", what,
                  describe(key, buf, sizeof buf));
        return;
    }
    const char *name = (const char *)key->data.scalar.value;
    int i = find_key(keys, n_keys, name);
    if (i < 0) {
        unknown_key(y, key, what, keys, n_keys);
        return;
    }
    if (first[i]) {
        rp_yerror(y, ynode_of(key), "duplicate key '%s' in %s; first given at line %d", name,
                  what, (int)first[i]->start_mark.line + 1);
        return;
    }
    first[i] = key;
    if (!type_matches(keys[i].type, value)) {
        char label[256];
        snprintf(label, sizeof label, _("%s of %s"), name, what);
        wrong_type(y, value, label, type_name(keys[i].type));
        return;
    }
    found[i] = ynode_of(value);
}

int rp_ymap(rp_yctx *y, const rp_ynode *map, const char *what, const rp_ykey *keys, size_t n_keys,
            const rp_ynode **found)
{
    for (size_t i = 0; i < n_keys; i++)
        found[i] = NULL;
    const yaml_node_t *m = node_of(map);
    if (m->type != YAML_MAPPING_NODE)
        return wrong_type(y, m, what, _("a mapping"));
    size_t before = y->errors;
    const yaml_node_t **first = rp_xcalloc(n_keys ? n_keys : 1, sizeof *first);
    for (const yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
         p++)
        map_pair(y, p, what, keys, n_keys, first, found);
    for (size_t i = 0; i < n_keys; i++)
        if (keys[i].required && !first[i])
            rp_yerror(y, map, "missing key '%s' in %s", keys[i].name, what);
    free(first);
    return y->errors == before ? 0 : -1;
}

const rp_ynode *rp_ymap_get(const rp_yctx *y, const rp_ynode *map, const char *key)
{
    const yaml_node_t *m = node_of(map);
    if (!m || m->type != YAML_MAPPING_NODE)
        return NULL;
    for (const yaml_node_pair_t *p = m->data.mapping.pairs.start; p < m->data.mapping.pairs.top;
         p++) {
        const yaml_node_t *k = child(y, p->key);
        if (k->type == YAML_SCALAR_NODE && strcmp((const char *)k->data.scalar.value, key) == 0)
            return ynode_of(child(y, p->value));
    }
    return NULL;
}

int rp_ypairs(rp_yctx *y, const rp_ynode *map, const char *what, const rp_ynode *const **keys,
              const rp_ynode *const **values, size_t *n)
{
    const yaml_node_t *m = node_of(map);
    if (m->type != YAML_MAPPING_NODE)
        return wrong_type(y, m, what, _("a mapping"));
    size_t count = (size_t)(m->data.mapping.pairs.top - m->data.mapping.pairs.start);
    const rp_ynode **k = rp_arena_alloc(y->arena, (count + 1) * sizeof *k);
    const rp_ynode **v = rp_arena_alloc(y->arena, (count + 1) * sizeof *v);
    size_t before = y->errors, kept = 0;
    for (size_t i = 0; i < count; i++) {
        const yaml_node_pair_t *p = &m->data.mapping.pairs.start[i];
        const yaml_node_t *key = child(y, p->key);
        if (key->type != YAML_SCALAR_NODE) {
            wrong_type(y, key, what, _("a single value as key"));
            continue;
        }
        bool dup = false;
        for (size_t j = 0; j < kept && !dup; j++) {
            const yaml_node_t *other = node_of(k[j]);
            if (strcmp((const char *)other->data.scalar.value,
                       (const char *)key->data.scalar.value) == 0) {
                rp_yerror(y, ynode_of(key), "duplicate key '%s' in %s; first given at line %zu",
                          (const char *)key->data.scalar.value, what, other->start_mark.line + 1);
                dup = true;
            }
        }
        if (dup)
            continue;
        k[kept] = ynode_of(key);
        v[kept++] = ynode_of(child(y, p->value));
    }
    *keys = k;
    *values = v;
    *n = kept;
    return y->errors == before ? 0 : -1;
}

int rp_yseq(rp_yctx *y, const rp_ynode *node, const char *what, size_t *len)
{
    const yaml_node_t *n = node_of(node);
    if (n->type != YAML_SEQUENCE_NODE)
        return wrong_type(y, n, what, _("a list"));
    *len = (size_t)(n->data.sequence.items.top - n->data.sequence.items.start);
    return 0;
}

const rp_ynode *rp_yseq_item(const rp_yctx *y, const rp_ynode *seq, size_t i)
{
    const yaml_node_t *n = node_of(seq);
    return ynode_of(child(y, n->data.sequence.items.start[i]));
}

/* ---- scalars ---- */

const char *rp_ytext(const rp_ynode *node)
{
    const yaml_node_t *n = node_of(node);
    if (!n || n->type != YAML_SCALAR_NODE)
        return NULL;
    return (const char *)n->data.scalar.value;
}

/* The text of a non-empty scalar, or NULL after reporting what was expected. */
static const char *scalar_text(rp_yctx *y, const rp_ynode *node, const char *what,
                               const char *expected)
{
    const yaml_node_t *n = node_of(node);
    if (n->type != YAML_SCALAR_NODE || n->data.scalar.length == 0) {
        wrong_type(y, n, what, expected);
        return NULL;
    }
    return (const char *)n->data.scalar.value;
}

int rp_ystr(rp_yctx *y, const rp_ynode *node, const char *what, bool allow_empty,
            const char **out)
{
    const yaml_node_t *n = node_of(node);
    if (n->type != YAML_SCALAR_NODE || (!allow_empty && n->data.scalar.length == 0))
        return wrong_type(y, n, what, _("text"));
    *out = rp_arena_strndup(y->arena, (const char *)n->data.scalar.value, n->data.scalar.length);
    return 0;
}

int rp_yid(rp_yctx *y, const rp_ynode *node, const char *what, const char **out)
{
    const char *s = scalar_text(y, node, what, _("an id"));
    if (!s)
        return -1;
    if (strlen(s) > RP_MAX_ID)
        return rp_yerror(y, node, "%s '%.20s...' is too long; expected at most %d characters",
                         what, s, RP_MAX_ID);
    if (!rp_id_valid(s))
        return rp_yerror(y, node, "%s '%s' is not an id; expected %s", what, s, _(RP_ID_GRAMMAR));
    *out = rp_arena_strdup(y->arena, s);
    return 0;
}

static void int_range(char *buf, size_t size, long min, long max)
{
    if (max >= INT_MAX)
        snprintf(buf, size, _("a whole number >= %ld"), min);
    else if (min <= INT_MIN)
        snprintf(buf, size, _("a whole number <= %ld"), max);
    else
        snprintf(buf, size, _("a whole number from %ld to %ld"), min, max);
}

static bool all_digits(const char *s)
{
    if (*s == '-' || *s == '+')
        s++;
    if (!*s)
        return false;
    for (; *s; s++)
        if (*s < '0' || *s > '9')
            return false;
    return true;
}

int rp_yint(rp_yctx *y, const rp_ynode *node, const char *what, long min, long max, int *out)
{
    if (min < INT_MIN)
        min = INT_MIN;
    if (max > INT_MAX)
        max = INT_MAX;
    char expected[96];
    int_range(expected, sizeof expected, min, max);
    const char *s = scalar_text(y, node, what, expected);
    if (!s)
        return -1;
    long v;
    if (rp_parse_long(s, min, max, &v) == 0) {
        *out = (int)v;
        return 0;
    }
    if (all_digits(s))
        return rp_yerror(y, node, "%s '%s' is out of range; expected %s", what, s, expected);
    return rp_yerror(y, node, "%s '%s' is not a whole number; expected %s", what, s, expected);
}

static void num_range(char *buf, size_t size, double min, double max)
{
    if (max >= DBL_MAX)
        snprintf(buf, size, _("a number >= %g"), min);
    else
        snprintf(buf, size, _("a number from %g to %g"), min, max);
}

int rp_ynum(rp_yctx *y, const rp_ynode *node, const char *what, double min, double max,
            double *out)
{
    char expected[96];
    num_range(expected, sizeof expected, min, max);
    const char *s = scalar_text(y, node, what, expected);
    if (!s)
        return -1;
    double v;
    if (rp_parse_double(s, &v) != 0)
        return rp_yerror(y, node, "%s '%s' is not a number; expected %s", what, s, expected);
    if (v < min || v > max)
        return rp_yerror(y, node, "%s '%s' is out of range; expected %s", what, s, expected);
    *out = v;
    return 0;
}

int rp_ybool(rp_yctx *y, const rp_ynode *node, const char *what, bool *out)
{
    static const char *const yes[] = {"true", "yes", "True", "Yes", "TRUE", "YES"};
    static const char *const no[] = {"false", "no", "False", "No", "FALSE", "NO"};
    const char *s = scalar_text(y, node, what, _("true or false"));
    if (!s)
        return -1;
    for (size_t i = 0; i < sizeof yes / sizeof yes[0]; i++) {
        if (strcmp(s, yes[i]) == 0 || strcmp(s, no[i]) == 0) {
            *out = strcmp(s, yes[i]) == 0;
            return 0;
        }
    }
    return rp_yerror(y, node, "%s '%s' is not true or false; expected true or false", what, s);
}

int rp_yenum(rp_yctx *y, const rp_ynode *node, const char *what, const char *const *names,
             size_t n_names, int *out)
{
    char list[256], expected[300];
    join_names(list, sizeof list, names, n_names);
    snprintf(expected, sizeof expected, _("one of %s"), list);
    const char *s = scalar_text(y, node, what, expected);
    if (!s)
        return -1;
    for (size_t i = 0; i < n_names; i++) {
        if (strcmp(s, names[i]) == 0) {
            *out = (int)i;
            return 0;
        }
    }
    char hint[300];
    rp_yhint(hint, sizeof hint, s, names, n_names);
    return rp_yerror(y, node, "unknown %s '%s'%s", what, s, hint);
}

int rp_ydate(rp_yctx *y, const rp_ynode *node, const char *what, bool allow_month, rp_date *out,
             bool *is_month)
{
    const char *expected = allow_month ? _("a date YYYY-MM-DD or a month YYYY-MM")
                                       : _("a date YYYY-MM-DD");
    const char *s = scalar_text(y, node, what, expected);
    if (!s)
        return -1;
    rp_date d;
    int kind = rp_date_parse(s, &d);
    if (kind < 0 || (kind == 1 && !allow_month))
        return rp_yerror(y, node, "%s '%s' is not a date; expected %s", what, s, expected);
    *out = d;
    if (is_month)
        *is_month = kind == 1;
    return 0;
}

/* ---- references into the model ---- */

int rp_yfacility(rp_yctx *y, const rp_ynode *node, const rp_model *m, const char *what, int *out)
{
    const char *s = scalar_text(y, node, what, _("a facility id"));
    if (!s)
        return -1;
    int f = rp_model_facility(m, s);
    if (f != RP_NONE) {
        *out = f;
        return 0;
    }
    const char **ids = rp_xcalloc(m->n_facilities ? m->n_facilities : 1, sizeof *ids);
    for (size_t i = 0; i < m->n_facilities; i++)
        ids[i] = m->facilities[i].id;
    char hint[256];
    rp_yhint(hint, sizeof hint, s, ids, m->n_facilities);
    free(ids);
    return rp_yerror(y, node, "unknown facility '%s'%s", s, hint);
}

int rp_yfacilities(rp_yctx *y, const rp_ynode *node, const rp_model *m, const char *what,
                   int **out, size_t *n_out)
{
    size_t n = 0;
    if (rp_yseq(y, node, what, &n) != 0)
        return -1;
    int *ids = rp_arena_alloc(y->arena, (n ? n : 1) * sizeof *ids);
    size_t before = y->errors;
    for (size_t i = 0; i < n; i++) {
        const rp_ynode *item = rp_yseq_item(y, node, i);
        ids[i] = RP_NONE;
        if (rp_yfacility(y, item, m, what, &ids[i]) != 0)
            continue;
        for (size_t j = 0; j < i; j++)
            if (ids[j] == ids[i])
                rp_yerror(y, item, "duplicate facility '%s' in %s", rp_ytext(item), what);
    }
    if (y->errors != before)
        return -1;
    *out = ids;
    *n_out = n;
    return 0;
}
