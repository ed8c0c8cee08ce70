/*
 * csv.c: the CSV the spreadsheets write (RFC 4180: quoted fields, doubled quotes, CRLF or LF line
 * ends, a UTF-8 byte-order mark), read whole and split into rows of located fields. Used by the
 * plan reader and the residents reader; each checks its own header and fields.
 *
 * Offices in Japan save "CSV" from Excel in Shift_JIS (Windows code page 932): a file that is
 * not UTF-8 but converts whole from CP932 (iconv) is read as such; a file that is neither is
 * refused at its first byte that neither reads (the later of the two failures: the encoding that
 * reads further is the one meant). A header is matched by name, in any case and order, with
 * columns the reader does not know ignored (one note); dates are 2019-04-01 or 2019/4/1.
 */
#include "util/csv.h"
#include "util/i18n.h"
#include "util/util.h"

#include <ctype.h>
#include <errno.h>
#include <iconv.h>
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
    char *msg = rp_xvasprintf(_(fmt), ap);
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
        rp_csv_error(in, &at, "byte 0x%02x is neither UTF-8 nor Shift_JIS (CP932) text; expected "
                              "a file saved as UTF-8 or Shift_JIS", in->data[in->pos]);
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

/* The offset of the first byte that is not UTF-8 (a NUL counts as one), or len. */
static size_t utf8_failure(const unsigned char *s, size_t len)
{
    size_t i = 0;
    while (i < len) {
        char tmp[5] = {0};
        size_t left = len - i;
        memcpy(tmp, s + i, left < 4 ? left : 4);
        int k = rp_utf8_len(tmp);
        if (k == 0 || s[i] == 0)
            return i;
        i += (size_t)k;
    }
    return len;
}

/* data[0..len) from CP932 to UTF-8 into *out (heap, *out_len bytes). Returns len on success, or
 * the offset of the first byte that does not convert (a NUL byte converts to nothing we read). */
static size_t from_cp932(const unsigned char *data, size_t len, char **out, size_t *out_len)
{
    *out = NULL;
    const unsigned char *nul = memchr(data, 0, len);
    size_t limit = nul ? (size_t)(nul - data) : len;
    iconv_t cd = iconv_open("UTF-8", "CP932");
    if (cd == (iconv_t)-1)
        return 0;
    size_t cap = limit * 3 + 4; /* a CP932 character of 1 or 2 bytes is at most 3 UTF-8 bytes */
    char *buf = rp_xmalloc(cap);
    char *src = (char *)data, *dst = buf;
    size_t src_left = limit, dst_left = cap;
    size_t r = iconv(cd, &src, &src_left, &dst, &dst_left);
    iconv_close(cd);
    if (r == (size_t)-1 || nul) {
        free(buf);
        return r == (size_t)-1 ? (size_t)(src - (char *)data) : limit;
    }
    *out = buf;
    *out_len = (size_t)(dst - buf);
    return len;
}

/* Reports a byte that is neither UTF-8 nor CP932 at offset at: line by the newlines before it
 * (a newline byte is never part of a CP932 character), column in characters of the line's
 * prefix as the encoding that got there reads it. */
static void report_undecodable(rp_csv *in, size_t at, bool as_cp932)
{
    int line = 1;
    size_t start = 0;
    for (size_t i = 0; i < at; i++)
        if (in->data[i] == '\n') {
            line++;
            start = i + 1;
        }
    int col = 1;
    char *text = NULL;
    size_t text_len = at - start;
    if (as_cp932) {
        from_cp932(in->data + start, at - start, &text, &text_len);
    } else {
        text = rp_xstrndup((const char *)in->data + start, at - start);
    }
    for (size_t i = 0; text && i < text_len;) {
        int k = rp_utf8_len(text + i);
        i += k > 0 ? (size_t)k : 1;
        col++;
    }
    free(text);
    rp_csv_cell c = {"", line, col};
    rp_csv_error(in, &c, "byte 0x%02x is neither UTF-8 nor Shift_JIS (CP932) text; expected a "
                         "file saved as UTF-8 or Shift_JIS", in->data[at]);
    in->fatal = true;
}

/* UTF-8 as it is; else CP932 converted whole; else an error at the first byte neither reads. */
static void decode(rp_csv *in)
{
    bool bom = in->len >= 3 && in->data[0] == 0xEF && in->data[1] == 0xBB && in->data[2] == 0xBF;
    size_t bad = utf8_failure(in->data, in->len);
    if (bom || bad == in->len) {
        in->pos = bom ? 3 : 0;
        return;
    }
    char *text;
    size_t text_len;
    size_t bad_cp932 = from_cp932(in->data, in->len, &text, &text_len);
    if (bad_cp932 == in->len) {
        free(in->data);
        in->data = (unsigned char *)text;
        in->len = text_len;
        in->encoding = "Shift_JIS";
        return;
    }
    if (bad_cp932 > bad)
        report_undecodable(in, bad_cp932, true);
    /* else the UTF-8 reading goes further: its error comes when the rows reach the byte */
}

int rp_csv_open(rp_csv *in, const char *path, rp_diags *d)
{
    memset(in, 0, sizeof *in);
    in->file = path;
    in->d = d;
    in->line = in->col = 1;
    in->encoding = "UTF-8";
    in->data = read_whole(in, &in->len);
    if (!in->data)
        return -1;
    in->a = rp_arena_new();
    decode(in);
    if (in->fatal) { /* the caller closes only what opened: nothing is left to it */
        rp_csv_close(in);
        return -1;
    }
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

/* The header's names, trimmed of spaces, in lower case. */
static char *header_name(const char *text)
{
    while (*text == ' ' || *text == '\t')
        text++;
    char *s = rp_xstrdup(text);
    size_t n = strlen(s);
    while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t'))
        s[--n] = '\0';
    for (char *p = s; *p; p++)
        *p = (char)tolower((unsigned char)*p);
    return s;
}

/* Whether short abbreviates name: its first letter, then its others in order ("dept"). */
static bool abbreviates(const char *shorter, const char *name)
{
    if (strlen(shorter) < 3 || shorter[0] != name[0])
        return false;
    for (const char *p = name; *shorter && *p; p++)
        if (*p == *shorter)
            shorter++;
    return *shorter == '\0';
}

/* The unknown header field nearest to a missing column's name (a typo or an abbreviation), or
 * -1. */
static int misspelt(const rp_csv_cell *cells, size_t count, const rp_csv_columns_map *map,
                    const char *name)
{
    for (size_t i = 0; i < count; i++) {
        bool known = false;
        for (size_t k = 0; k < RP_CSV_MAX_COLUMNS && !known; k++)
            known = map->field[k] == (int)i;
        if (known)
            continue;
        char *h = header_name(cells[i].text);
        const char *cand[] = {h};
        bool near = rp_nearest(name, cand, 1) != NULL || abbreviates(h, name);
        free(h);
        if (near)
            return (int)i;
    }
    return -1;
}

bool rp_csv_columns(rp_csv *in, const char *const *names, size_t n, unsigned required,
                    const char *what, rp_csv_columns_map *map)
{
    rp_csv_cell at = {"", 1, 1};
    if (in->pos >= in->len)
        return rp_csv_error(in, &at, "empty file; expected a header line naming the %s columns",
                            what), false;
    rp_csv_cell cells[RP_CSV_MAX_COLUMNS];
    size_t count;
    bool blank;
    size_t before = in->errors;
    rp_csv_row(in, cells, RP_CSV_MAX_COLUMNS, &count, &blank);
    if (in->errors != before || in->fatal)
        return false;
    if (count > RP_CSV_MAX_COLUMNS)
        return rp_csv_error(in, &at, "header of %zu columns; expected at most %d", count,
                            RP_CSV_MAX_COLUMNS), false;
    map->n_fields = count;
    for (size_t k = 0; k < RP_CSV_MAX_COLUMNS; k++)
        map->field[k] = -1;
    rp_buf extra = {0};
    bool ok = true;
    for (size_t i = 0; i < count; i++) {
        char *name = header_name(cells[i].text);
        size_t k = 0;
        while (k < n && strcmp(names[k], name) != 0)
            k++;
        if (k < n && map->field[k] >= 0) {
            rp_csv_error(in, &cells[i], "column '%s' is named twice; expected each column once",
                         cells[i].text);
            ok = false;
        } else if (k < n) {
            map->field[k] = (int)i;
        } else {
            rp_buf_printf(&extra, "%s'%s'", extra.len ? ", " : "", cells[i].text);
        }
        free(name);
    }
    for (size_t k = 0; k < n && ok; k++) {
        if (map->field[k] >= 0 || !(required & (1u << k)))
            continue;
        int near = misspelt(cells, count, map, names[k]);
        if (near >= 0) {
            rp_csv_error(in, &cells[near], "column '%s' is not a %s column; did you mean '%s'?",
                         cells[near].text, what, names[k]);
        } else {
            rp_buf want = {0};
            for (size_t j = 0; j < n; j++)
                if (required & (1u << j))
                    rp_buf_printf(&want, "%s%s", want.len ? "," : "", names[j]);
            rp_csv_error(in, &at, "the header has no column '%s'; expected the %s columns %s (in "
                                  "any order and case)", names[k], what, rp_buf_str(&want));
            rp_buf_free(&want);
        }
        ok = false;
    }
    if (ok && extra.len)
    {
        bool many = strchr(rp_buf_str(&extra), ',') != NULL;
        rp_diag_add(in->d, RP_NOTE, in->file, 1, 1, 1, "ignored the column%s %s: not %s%s column%s",
                    many ? "s" : "", rp_buf_str(&extra), many ? "" : "a ", what, many ? "s" : "");
    }
    rp_buf_free(&extra);
    return ok;
}

void rp_csv_pick(const rp_csv_columns_map *map, const rp_csv_cell *fields, size_t n_fields,
                 size_t n, rp_csv_cell *out)
{
    for (size_t k = 0; k < n; k++) {
        int i = map->field[k];
        if (i >= 0 && (size_t)i < n_fields) {
            out[k] = fields[i];
        } else {
            out[k] = (rp_csv_cell){"", fields[0].line, fields[0].col};
        }
    }
}

int rp_csv_date(const char *text, rp_date *out)
{
    int y, mo, d = 1, used = 0;
    char sep;
    if (sscanf(text, "%4d%c%2d%n", &y, &sep, &mo, &used) != 3 || (sep != '-' && sep != '/'))
        return -1;
    bool month_only = text[used] == '\0';
    if (!month_only) {
        int more = 0;
        char sep2;
        if (sscanf(text + used, "%c%2d%n", &sep2, &d, &more) != 2 || sep2 != sep ||
            text[used + more] != '\0')
            return -1;
    }
    /* ISO dates are zero-padded; slashes as Excel writes them need not be */
    if (sep == '-')
        return rp_date_parse(text, out);
    for (const char *p = text; *p; p++)
        if (!(isdigit((unsigned char)*p) || *p == '/'))
            return -1;
    rp_date v = {y, mo, d};
    if (!rp_date_valid(v))
        return -1;
    *out = v;
    return month_only ? 1 : 0;
}
