/*
 * cohort_csv.h: the residents from a CSV file (cohort_csv.c), internal to the model stage.
 */
#ifndef ROTAPLAN_MODEL_COHORT_CSV_H
#define ROTAPLAN_MODEL_COHORT_CSV_H

#include "rotaplan/model.h"

/* Appends the residents of the CSV file at path to c. Returns 0, or -1 with every error located
 * in d. */
int rp_cohort_load_csv(const rp_model *m, const char *path, rp_cohort *c, rp_diags *d);

#endif
