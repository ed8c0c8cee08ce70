/*
 * str.c: strict number parsing (libyaml types no scalar, so "08", "1e3" and "12abc" must be
 * judged here), UTF-8 display width for aligned tables of Japanese names, edit distance for
 * "did you mean" hints, and CSV quoting.
 */
#include "util/util.h"

#include <errno.h>
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

int rp_parse_long(const char *s, long min, long max, long *out)
{
    const char *p = s;
    if (*p == '-' || *p == '+')
        p++;
    if (*p < '0' || *p > '9')
        return -1;
    for (const char *q = p; *q; q++)
        if (*q < '0' || *q > '9')
            return -1;
    errno = 0;
    char *end = NULL;
    long v = strtol(s, &end, 10);
    if (errno == ERANGE || *end != '\0' || v < min || v > max)
        return -1;
    *out = v;
    return 0;
}

int rp_parse_double(const char *s, double *out)
{
    /* digits, optional one '.', optional leading sign, optional exponent: no hex, inf or nan */
    const char *p = s;
    if (*p == '-' || *p == '+')
        p++;
    int digits = 0, dots = 0;
    for (; *p && *p != 'e' && *p != 'E'; p++) {
        if (*p >= '0' && *p <= '9')
            digits++;
        else if (*p == '.' && !dots)
            dots++;
        else
            return -1;
    }
    if (!digits)
        return -1;
    if (*p) {
        p++;
        if (*p == '-' || *p == '+')
            p++;
        if (!*p)
            return -1;
        for (; *p; p++)
            if (*p < '0' || *p > '9')
                return -1;
    }
    errno = 0;
    char *end = NULL;
    double v = strtod(s, &end);
    if (errno == ERANGE || *end != '\0' || !isfinite(v))
        return -1;
    *out = v;
    return 0;
}

int rp_utf8_len(const char *s)
{
    const unsigned char *u = (const unsigned char *)s;
    if (u[0] < 0x80)
        return u[0] ? 1 : 0;
    int n;
    uint32_t cp;
    if ((u[0] & 0xE0) == 0xC0) {
        n = 2;
        cp = u[0] & 0x1F;
    } else if ((u[0] & 0xF0) == 0xE0) {
        n = 3;
        cp = u[0] & 0x0F;
    } else if ((u[0] & 0xF8) == 0xF0) {
        n = 4;
        cp = u[0] & 0x07;
    } else {
        return 0;
    }
    for (int i = 1; i < n; i++) {
        if ((u[i] & 0xC0) != 0x80)
            return 0;
        cp = (cp << 6) | (u[i] & 0x3F);
    }
    static const uint32_t min_cp[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < min_cp[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
        return 0;
    return n;
}

bool rp_utf8_valid(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        if (s[i] == '\0')
            return false;
        int k = rp_utf8_len(s + i);
        if (k == 0 || i + (size_t)k > n)
            return false;
        i += (size_t)k;
    }
    return true;
}

static uint32_t decode(const char *s, int n)
{
    const unsigned char *u = (const unsigned char *)s;
    if (n == 1)
        return u[0];
    uint32_t cp = u[0] & (n == 2 ? 0x1F : n == 3 ? 0x0F : 0x07);
    for (int i = 1; i < n; i++)
        cp = (cp << 6) | (u[i] & 0x3F);
    return cp;
}

/* East Asian Wide (W) and Fullwidth (F) ranges of Unicode's EastAsianWidth.txt, coarsened to
 * the blocks that occur in Japanese text. */
static bool wide(uint32_t c)
{
    return (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0x303E) ||
           (c >= 0x3041 && c <= 0x33FF) || (c >= 0x3400 && c <= 0x4DBF) ||
           (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xA000 && c <= 0xA4CF) ||
           (c >= 0xAC00 && c <= 0xD7A3) || (c >= 0xF900 && c <= 0xFAFF) ||
           (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
           (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x1F300 && c <= 0x1F64F) ||
           (c >= 0x20000 && c <= 0x3FFFD);
}

int rp_display_width(const char *s)
{
    int w = 0;
    while (*s) {
        int n = rp_utf8_len(s);
        if (n == 0) { /* invalid byte: count it as one column and move on */
            w++;
            s++;
            continue;
        }
        uint32_t c = decode(s, n);
        if (c >= 0x300 && c <= 0x36F)
            ; /* combining marks take no column */
        else
            w += wide(c) ? 2 : 1;
        s += n;
    }
    return w;
}

size_t rp_edit_distance(const char *a, const char *b)
{
    size_t la = strlen(a), lb = strlen(b);
    size_t *row = rp_xcalloc(lb + 1, sizeof *row);
    for (size_t j = 0; j <= lb; j++)
        row[j] = j;
    for (size_t i = 1; i <= la; i++) {
        size_t diag = row[0];
        row[0] = i;
        for (size_t j = 1; j <= lb; j++) {
            size_t up = row[j];
            size_t best = diag + (a[i - 1] != b[j - 1]);
            if (up + 1 < best)
                best = up + 1;
            if (row[j - 1] + 1 < best)
                best = row[j - 1] + 1;
            row[j] = best;
            diag = up;
        }
    }
    size_t d = row[lb];
    free(row);
    return d;
}

const char *rp_nearest(const char *s, const char *const *candidates, size_t n)
{
    const char *best = NULL;
    size_t best_d = SIZE_MAX;
    for (size_t i = 0; i < n; i++) {
        size_t d = rp_edit_distance(s, candidates[i]);
        if (d < best_d) {
            best_d = d;
            best = candidates[i];
        }
    }
    /* suggest only what is plausibly a typo: at most a third of the longer word changed */
    size_t len = strlen(s);
    if (best && best_d > 0 && best_d <= (len > 6 ? len / 3 : 2))
        return best;
    return NULL;
}

bool rp_streq(const char *a, const char *b)
{
    if (!a || !b)
        return a == b;
    return strcmp(a, b) == 0;
}

void rp_csv_field(rp_buf *b, const char *s)
{
    if (!s)
        return;
    if (!strpbrk(s, ",\"\r\n")) {
        rp_buf_add(b, s);
        return;
    }
    rp_buf_addc(b, '"');
    for (; *s; s++) {
        if (*s == '"')
            rp_buf_addc(b, '"');
        rp_buf_addc(b, *s);
    }
    rp_buf_addc(b, '"');
}


bool rp_csv_formula_start(const char *s)
{
    return s && (*s == '=' || *s == '+' || *s == '-' || *s == '@' || *s == '\t' || *s == '\r');
}

void rp_csv_field_excel(rp_buf *b, const char *s)
{
    if (!rp_csv_formula_start(s)) {
        rp_csv_field(b, s);
        return;
    }
    char *quoted = rp_xasprintf("'%s", s);
    rp_csv_field(b, quoted);
    free(quoted);
}

static bool id_char(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '-' || c == '_';
}

bool rp_id_valid(const char *s)
{
    if (!s || !*s || *s == '-' || *s == '_')
        return false;
    size_t n = 0;
    for (; *s; s++, n++)
        if (!id_char(*s) || n >= RP_MAX_ID)
            return false;
    return true;
}
