/*
 * columns.h: an ILP's matrix by column (internal to solve/): the rows of column j, and their
 * coefficients when asked for, at start[j] .. start[j + 1]. Used by the first plan's steps
 * (sequential.c: which rows a column is in) and the column generation (bound.c: pricing).
 */
#ifndef ROTAPLAN_SOLVE_COLUMNS_H
#define ROTAPLAN_SOLVE_COLUMNS_H

#include <stdbool.h>
#include <stddef.h>

#include "rotaplan/ilp.h"

typedef struct rp_columns {
    size_t *start; /* [n_cols + 2] */
    int *row;
    double *coef; /* NULL unless asked for */
} rp_columns;

/* Fills c from ilp (with the coefficients when with_coefs); free with rp_columns_free. */
void rp_columns_build(const rp_ilp *ilp, bool with_coefs, rp_columns *c);
void rp_columns_free(rp_columns *c);

#endif
