/*
 * grid.c: aligned text tables (grid.h), the layout the report stage's plan table and the
 * capacity command share.
 */
#include "report/grid.h"

#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

void rp_grid_init(rp_grid *g, size_t ncols)
{
    g->ncols = ncols;
    g->cells = NULL;
    g->n_cells = g->cap_cells = 0;
    g->right = rp_xcalloc(ncols + 1, sizeof *g->right);
    g->indent = 0;
    g->text = rp_arena_new();
}

void rp_grid_free(rp_grid *g)
{
    free(g->cells);
    free(g->right);
    rp_arena_free(g->text);
    g->cells = NULL;
    g->right = NULL;
    g->text = NULL;
}

void rp_grid_add(rp_grid *g, const char *const *row)
{
    for (size_t c = 0; c < g->ncols; c++)
        *RP_PUSH(g->cells, g->n_cells, g->cap_cells) = row[c] ? row[c] : "";
}

const char *rp_grid_printf(rp_grid *g, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = rp_xvasprintf(fmt, ap);
    va_end(ap);
    const char *cell = rp_arena_strdup(g->text, s);
    free(s);
    return cell;
}

static void pad(FILE *out, int n)
{
    for (; n > 0; n--)
        fputc(' ', out);
}

static bool is_shown(const bool *shown, size_t c)
{
    return !shown || shown[c];
}

/* The last shown column of row r with text in it, or ncols when the row is blank. */
static size_t last_filled(const rp_grid *g, size_t r, const bool *shown)
{
    size_t last = g->ncols;
    for (size_t c = 0; c < g->ncols; c++)
        if (is_shown(shown, c) && g->cells[r * g->ncols + c][0] != '\0')
            last = c;
    return last;
}

static void print_row(const rp_grid *g, size_t r, const bool *shown, const int *width, FILE *out)
{
    size_t last = last_filled(g, r, shown);
    bool first = true;
    if (last < g->ncols)
        pad(out, (int)g->indent);
    for (size_t c = 0; last < g->ncols && c <= last; c++) {
        if (!is_shown(shown, c))
            continue;
        const char *cell = g->cells[r * g->ncols + c];
        int room = width[c] - rp_display_width(cell);
        if (!first)
            fputs("  ", out);
        first = false;
        if (g->right[c])
            pad(out, room);
        fputs(cell, out);
        if (c != last && !g->right[c])
            pad(out, room);
    }
    fputc('\n', out);
}

void rp_grid_print(const rp_grid *g, const bool *shown, FILE *out)
{
    size_t rows = g->n_cells / g->ncols;
    int *width = rp_xcalloc(g->ncols + 1, sizeof *width);
    for (size_t r = 0; r < rows; r++) {
        for (size_t c = 0; c < g->ncols; c++) {
            int w = rp_display_width(g->cells[r * g->ncols + c]);
            if (w > width[c])
                width[c] = w;
        }
    }
    for (size_t r = 0; r < rows; r++)
        print_row(g, r, shown, width, out);
    free(width);
}

/* v with thousands separators and the decimals it needs, up to two: "313,689.7", "3,000". */
const char *rp_grid_grouped(rp_grid *g, double v)
{
    char digits[64];
    snprintf(digits, sizeof digits, "%.2f", fabs(v));
    char *dot = strchr(digits, '.');
    char *end = digits + strlen(digits);
    while (end > dot + 1 && end[-1] == '0')
        *--end = '\0';
    if (end == dot + 1)
        *dot = '\0';
    size_t whole = strcspn(digits, ".");
    rp_buf b = {0};
    if (v < 0)
        rp_buf_addc(&b, '-');
    for (size_t i = 0; i < whole; i++) {
        if (i > 0 && (whole - i) % 3 == 0)
            rp_buf_addc(&b, ',');
        rp_buf_addc(&b, digits[i]);
    }
    rp_buf_add(&b, digits + whole);
    const char *cell = rp_grid_printf(g, "%s", rp_buf_str(&b));
    rp_buf_free(&b);
    return cell;
}
