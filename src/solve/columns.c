/*
 * columns.c: an ILP's matrix by column (columns.h): counted, summed into starts, then filled in
 * one pass over the rows.
 */
#include "solve/columns.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

void rp_columns_build(const rp_ilp *ilp, bool with_coefs, rp_columns *c)
{
    size_t n = rp_ilp_n_cols(ilp), m = rp_ilp_n_rows(ilp);
    c->start = rp_xcalloc(n + 2, sizeof *c->start);
    for (size_t i = 0; i < m; i++) {
        const int *col;
        const double *coef;
        size_t len;
        rp_ilp_row_terms(ilp, (int)i, &col, &coef, &len);
        for (size_t k = 0; k < len; k++)
            c->start[col[k] + 1]++;
    }
    for (size_t j = 0; j < n; j++)
        c->start[j + 1] += c->start[j];
    c->row = rp_xmalloc((c->start[n] + 1) * sizeof *c->row);
    c->coef = with_coefs ? rp_xmalloc((c->start[n] + 1) * sizeof *c->coef) : NULL;
    size_t *fill = rp_xmalloc((n + 1) * sizeof *fill);
    memcpy(fill, c->start, n * sizeof *fill);
    for (size_t i = 0; i < m; i++) {
        const int *col;
        const double *coef;
        size_t len;
        rp_ilp_row_terms(ilp, (int)i, &col, &coef, &len);
        for (size_t k = 0; k < len; k++) {
            if (c->coef)
                c->coef[fill[col[k]]] = coef[k];
            c->row[fill[col[k]]++] = (int)i;
        }
    }
    free(fill);
}

void rp_columns_free(rp_columns *c)
{
    free(c->start);
    free(c->row);
    free(c->coef);
    memset(c, 0, sizeof *c);
}
