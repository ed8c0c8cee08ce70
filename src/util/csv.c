/*
 * csv.c: the CSV the spreadsheets write (RFC 4180: quoted fields, doubled quotes, CRLF or LF line
 * ends, a UTF-8 byte-order mark), read whole and split into rows of located fields. Used by the
 * plan reader and the residents reader; each checks its own header and fields.
 */
#include "util/csv.h"
#include "util/util.h"

#include <ctype.h>
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define MAX_FILE (16L * 1024 * 1024)
#define MAX_FIELD (64 * 1024) /* bytes in one field, as in one YAML value (yamlx.c) */

int rp_csv_error(rp_csv *in, const rp_csv_cell *c, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *msg = rp_xvasprintf(fmt, ap);
    va_end(ap);
    int span = c->text && *c->text ? rp_display_width(c->text) : 1;
    rp_diag_add(in->d, RP_ERROR, in->file, c->line, c->col, span, "%s", msg);
    free(msg);
    in->errors++;
    return -1;
}

static unsigned char *read_whole(rp_csv *r, size_t *len)
{
    FILE *fp = fopen(r->file, "rb");
    if (!fp) {
        char msg[128];
        snprintf(msg, sizeof msg, "%s", strerror(errno));
        msg[0] = (char)tolower((unsigned char)msg[0]);
        rp_diag_add(r->d, RP_ERROR, r->file, 0, 0, 0, "cannot open file: %s", msg);
        r->errors++;
        return NULL;
    }
    rp_buf b = {0};
    char chunk[65536];
    size_t n;
    while ((n = fread(chunk, 1, sizeof chunk, fp)) > 0 && b.len <= (size_t)MAX_FILE)
        rp_buf_addn(&b, chunk, n);
    bool failed = ferror(fp), large = b.len > (size_t)MAX_FILE;
    fclose(fp);
    if (failed || large) {
        rp_diag_add(r->d, RP_ERROR, r->file, 0, 0, 0, "%s", failed ? "cannot read file"
                    : "file is larger than 16 MiB; expected a smaller file");
        r->errors++;
        rp_buf_free(&b);
        return NULL;
    }
    *len = b.len;
    return (unsigned char *)rp_buf_take(&b);
}

static int csv_char(const rp_csv *in)
{
    return in->pos < in->len ? in->data[in->pos] : -1;
}

/* Moves past one character (a whole UTF-8 sequence), appending it to b when b is not NULL.
 * Returns false on bytes that are not UTF-8, after reporting. */
static bool csv_advance(rp_csv *in, rp_buf *b)
{
    char tmp[5] = {0};
    size_t left = in->len - in->pos;
    memcpy(tmp, in->data + in->pos, left < 4 ? left : 4);
    int k = rp_utf8_len(tmp);
    if (k == 0) {
        rp_csv_cell at = {"", in->line, in->col};
        rp_csv_error(in, &at, "invalid UTF-8 byte 0x%02x; expected UTF-8 text", in->data[in->pos]);
        in->fatal = true;
        return false;
    }
    if (b)
        rp_buf_addn(b, tmp, (size_t)k);
    if (tmp[0] == '\n') {
        in->line++;
        in->col = 1;
    } else {
        in->col++;
    }
    in->pos += (size_t)k;
    return true;
}

static bool at_row_end(const rp_csv *in)
{
    int c = csv_char(in);
    if (c == '\r')
        return in->pos + 1 < in->len && in->data[in->pos + 1] == '\n';
    return c < 0 || c == '\n';
}

static void csv_quoted(rp_csv *in, rp_buf *b, const rp_csv_cell *start)
{
    csv_advance(in, NULL);
    for (;;) {
        int c = csv_char(in);
        if (c < 0) {
            rp_csv_error(in, start, "quoted field is not closed; expected a closing '\"'");
            in->fatal = true;
            return;
        }
        if (c == '"' && in->pos + 1 < in->len && in->data[in->pos + 1] == '"') {
            rp_buf_addc(b, '"');
            in->pos += 2;
            in->col += 2;
            continue;
        }
        if (c == '"')
            break;
        if (!csv_advance(in, b))
            return;
    }
    csv_advance(in, NULL);
    if (csv_char(in) != ',' && !at_row_end(in)) {
        rp_csv_cell at = {"", in->line, in->col};
        rp_csv_error(in, &at, "text after a closing quote; expected ',' or the end of the row");
        while (csv_char(in) != ',' && !at_row_end(in) && csv_advance(in, NULL))
            ;
    }
}

static void csv_plain(rp_csv *in, rp_buf *b)
{
    bool reported = false;
    while (csv_char(in) != ',' && !at_row_end(in)) {
        if (csv_char(in) == '"' && !reported) {
            rp_csv_cell at = {"", in->line, in->col};
            rp_csv_error(in, &at, "quote inside an unquoted field; expected the field quoted whole");
            reported = true;
        }
        if (!csv_advance(in, b))
            return;
    }
}

void rp_csv_row(rp_csv *in, rp_csv_cell *cells, size_t max, size_t *n, bool *blank)
{
    rp_buf b = {0};
    *n = 0;
    *blank = at_row_end(in);
    for (;;) {
        rp_csv_cell c = {NULL, in->line, in->col};
        rp_buf_clear(&b);
        if (csv_char(in) == '"')
            csv_quoted(in, &b, &c);
        else
            csv_plain(in, &b);
        if (b.len > MAX_FIELD) {
            c.text = "";
            rp_csv_error(in, &c, "field of %zu bytes is too long; expected at most %d bytes",
                         b.len, MAX_FIELD);
        } else {
            /* a spreadsheet's text mark before a formula character (rp_csv_field_excel) */
            const char *t = rp_buf_str(&b);
            c.text = rp_arena_strdup(in->a, t[0] == '\'' && rp_csv_formula_start(t + 1) ? t + 1 : t);
        }
        if (*n < max)
            cells[*n] = c;
        (*n)++;
        if (in->fatal || csv_char(in) != ',')
            break;
        csv_advance(in, NULL);
    }
    rp_buf_free(&b);
    if (csv_char(in) == '\r')
        in->pos++;
    if (csv_char(in) == '\n')
        csv_advance(in, NULL);
}

bool rp_csv_path(const char *path)
{
    size_t n = strlen(path);
    return n >= 4 && strcasecmp(path + n - 4, ".csv") == 0;
}

int rp_csv_open(rp_csv *in, const char *path, rp_diags *d)
{
    memset(in, 0, sizeof *in);
    in->file = path;
    in->d = d;
    in->line = in->col = 1;
    in->data = read_whole(in, &in->len);
    if (!in->data)
        return -1;
    in->a = rp_arena_new();
    if (in->len >= 3 && in->data[0] == 0xEF && in->data[1] == 0xBB && in->data[2] == 0xBF)
        in->pos = 3;
    return 0;
}

void rp_csv_close(rp_csv *in)
{
    rp_arena_free(in->a);
    free(in->data);
    in->a = NULL;
    in->data = NULL;
}

bool rp_csv_more(const rp_csv *in)
{
    return in->pos < in->len && !in->fatal;
}

bool rp_csv_header(rp_csv *in, const char *header, const char *what)
{
    const char *line = (const char *)in->data + in->pos;
    size_t len = 0;
    while (in->pos + len < in->len && line[len] != '\n')
        len++;
    size_t text_len = len > 0 && line[len - 1] == '\r' ? len - 1 : len;
    rp_csv_cell at = {"", 1, 1};
    if (in->pos >= in->len)
        return rp_csv_error(in, &at, "empty file; expected the header '%s'", header), false;
    if (text_len != strlen(header) || memcmp(line, header, text_len) != 0) {
        size_t shown = text_len < 80 ? text_len : 80;
        char *found = rp_xstrndup(line, rp_utf8_valid(line, shown) ? shown : 0);
        rp_csv_error(in, &at, "header '%s%s' is not the %s header; expected '%s'", found,
                     text_len > 80 ? "..." : "", what, header);
        free(found);
        return false;
    }
    in->pos += len;
    if (in->pos < in->len)
        in->pos++;
    in->line = 2;
    return true;
}
