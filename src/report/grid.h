/*
 * grid.h: aligned text tables for people to read, shared by the plan table (table.c) and the
 * commands that print tables of their own (rotaplan capacity). Columns are aligned by display
 * width (a Japanese character takes two columns), separated by two spaces; no line ends in a
 * space. Internal to librotaplan.
 */
#ifndef ROTAPLAN_REPORT_GRID_H
#define ROTAPLAN_REPORT_GRID_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "util/util.h"

/* Rows of ncols cells; a cell is a string borrowed from the caller (a model, a plan, a literal)
 * or printed into the grid's arena, and "" when empty. */
typedef struct rp_grid {
    size_t ncols;
    const char **cells; /* row-major */
    size_t n_cells, cap_cells;
    bool *right;    /* [ncols]: the column is aligned to the right (numbers) */
    size_t indent;  /* spaces before every line */
    rp_arena *text; /* owns the cells printed by rp_grid_printf */
} rp_grid;

void rp_grid_init(rp_grid *g, size_t ncols);
void rp_grid_free(rp_grid *g);
/* Appends a row; row holds ncols cells, NULL for an empty one. */
void rp_grid_add(rp_grid *g, const char *const *row);
/* A cell printed into the grid's arena (valid until rp_grid_free). */
const char *rp_grid_printf(rp_grid *g, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* v with thousands separators and the decimals it needs, up to two ("313,689.7", "3,000"), as
 * a cell of g. */
const char *rp_grid_grouped(rp_grid *g, double v);
/* Prints the shown columns (shown NULL: every column), each as wide as its widest cell. */
void rp_grid_print(const rp_grid *g, const bool *shown, FILE *out);

#endif
