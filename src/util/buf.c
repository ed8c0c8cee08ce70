/*
 * buf.c: a growable text buffer for messages, names and report lines.
 */
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

void rp_buf_free(rp_buf *b)
{
    free(b->data);
    b->data = NULL;
    b->len = b->cap = 0;
}

void rp_buf_clear(rp_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

void rp_buf_addn(rp_buf *b, const char *s, size_t n)
{
    rp_grow(&b->data, &b->cap, b->len + n + 1, 1);
    memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
}

void rp_buf_add(rp_buf *b, const char *s)
{
    rp_buf_addn(b, s, strlen(s));
}

void rp_buf_addc(rp_buf *b, char c)
{
    rp_buf_addn(b, &c, 1);
}

void rp_buf_vprintf(rp_buf *b, const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n <= 0)
        return;
    rp_grow(&b->data, &b->cap, b->len + (size_t)n + 1, 1);
    vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
    b->len += (size_t)n;
}

void rp_buf_printf(rp_buf *b, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    rp_buf_vprintf(b, fmt, ap);
    va_end(ap);
}

const char *rp_buf_str(const rp_buf *b)
{
    return b->data ? b->data : "";
}

char *rp_buf_take(rp_buf *b)
{
    char *s = b->data ? b->data : rp_xstrdup("");
    b->data = NULL;
    b->len = b->cap = 0;
    return s;
}
