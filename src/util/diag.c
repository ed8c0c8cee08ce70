/*
 * diag.c: the located-diagnostics list of diag.h and its printer, which quotes the offending
 * source line under the message as compilers do.
 */
#include "rotaplan/diag.h"
#include "util/i18n.h"
#include "util/util.h"

#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void rp_diags_free(rp_diags *d)
{
    for (size_t i = 0; i < d->count; i++) {
        free(d->items[i].file);
        free(d->items[i].message);
    }
    free(d->items);
    d->items = NULL;
    d->count = d->cap = d->dropped = 0;
}

void rp_diag_add(rp_diags *d, rp_severity sev, const char *file, int line, int col, int span,
                 const char *fmt, ...)
{
    if (d->count >= RP_DIAGS_MAX) {
        d->dropped++;
        return;
    }
    rp_diag *e = RP_PUSH(d->items, d->count, d->cap);
    e->severity = sev;
    e->file = file ? rp_xstrdup(file) : NULL;
    e->line = line;
    e->col = col;
    e->span = span > 0 ? span : 1;
    va_list ap;
    va_start(ap, fmt);
    e->message = rp_xvasprintf(_(fmt), ap);
    va_end(ap);
}

size_t rp_diags_errors(const rp_diags *d)
{
    size_t n = 0;
    for (size_t i = 0; i < d->count; i++)
        n += d->items[i].severity == RP_ERROR;
    return n;
}

static int compare(const rp_diag *a, const rp_diag *b)
{
    int c = strcmp(a->file ? a->file : "", b->file ? b->file : "");
    if (c)
        return c;
    if (a->line != b->line)
        return a->line < b->line ? -1 : 1;
    if (a->col != b->col)
        return a->col < b->col ? -1 : 1;
    return 0;
}

typedef struct ranked {
    rp_diag diag;
    size_t index; /* in the list before sorting: equal positions keep their order */
} ranked;

static int compare_ranked(const void *a, const void *b)
{
    const ranked *x = a, *y = b;
    int c = compare(&x->diag, &y->diag);
    return c ? c : x->index < y->index ? -1 : x->index > y->index;
}

void rp_diags_sort(rp_diags *d)
{
    if (d->count < 2)
        return;
    ranked *r = rp_xmalloc(d->count * sizeof *r);
    for (size_t i = 0; i < d->count; i++)
        r[i] = (ranked){d->items[i], i};
    qsort(r, d->count, sizeof *r, compare_ranked);
    for (size_t i = 0; i < d->count; i++)
        d->items[i] = r[i].diag;
    free(r);
}

/* Reads line `line` (1-based) of file into a heap string without its newline, or NULL. */
static char *source_line(const char *file, int line)
{
    FILE *fp = fopen(file, "rb");
    if (!fp)
        return NULL;
    rp_buf b = {0};
    int current = 1, c;
    while ((c = fgetc(fp)) != EOF) {
        if (c == '\n') {
            if (current == line)
                break;
            current++;
            continue;
        }
        if (current == line && c != '\r')
            rp_buf_addc(&b, (char)c);
    }
    fclose(fp);
    if (current != line)
        rp_buf_free(&b);
    return current == line ? rp_buf_take(&b) : NULL;
}

static const char *severity_word(rp_severity s)
{
    return s == RP_ERROR ? "error" : s == RP_WARNING ? "warning" : "note";
}

/* Columns from libyaml and the CSV reader count characters; the caret is placed by display
 * width so that it stands under the right character after Japanese text. */
static void print_caret(FILE *out, const char *text, int col, int span)
{
    int width = 0, ch = 1;
    const char *p = text;
    while (*p && ch < col) {
        int n = rp_utf8_len(p);
        if (n == 0)
            n = 1;
        char tmp[5] = {0};
        memcpy(tmp, p, (size_t)n);
        width += *p == '\t' ? 1 : rp_display_width(tmp);
        p += n;
        ch++;
    }
    fprintf(out, "%*s | %*s^", 5, "", width, "");
    for (int i = 1; i < span && i < 60; i++)
        fputc('~', out);
    fputc('\n', out);
}

size_t rp_diags_print(const rp_diags *d, FILE *out)
{
    size_t errors = rp_diags_errors(d);
    size_t shown = d->count < RP_DIAGS_PRINTED ? d->count : RP_DIAGS_PRINTED;
    for (size_t i = 0; i < shown; i++) {
        const rp_diag *e = &d->items[i];
        if (e->file && e->line > 0)
            fprintf(out, "%s:%d:%d: ", e->file, e->line, e->col);
        else if (e->file)
            fprintf(out, "%s: ", e->file);
        fprintf(out, "%s: %s\n", severity_word(e->severity), e->message);
        if (!e->file || e->line <= 0)
            continue;
        char *text = source_line(e->file, e->line);
        if (!text)
            continue;
        fprintf(out, "%5d | %s\n", e->line, text);
        if (e->col > 0)
            print_caret(out, text, e->col, e->span);
        free(text);
    }
    if (d->count + d->dropped > shown)
        fprintf(out, "rotaplan: %zu more diagnostic%s not shown\n", d->count + d->dropped - shown,
                d->count + d->dropped - shown == 1 ? "" : "s");
    return errors;
}
