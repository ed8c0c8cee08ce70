/*
 * standard.h: reading the model's standard rotation (internal to src/model/; standard.c).
 */
#ifndef ROTAPLAN_MODEL_STANDARD_H
#define ROTAPLAN_MODEL_STANDARD_H

#include "model/yamlx.h"

/* Reads `standard_rotation` into m->standard (its arrays in the context's arena); every error
 * located. m's calendar and facilities must be read first. m->standard.groups stays 0 when the
 * section has an error. */
void rp_standard_read(rp_yctx *y, const rp_ynode *n, rp_model *m);

#endif
