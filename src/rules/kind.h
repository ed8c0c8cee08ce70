/*
 * kind.h: what every rule kind file includes, and the few helpers they share for reading their
 * parameters and naming things in messages. Rows and checks share nothing else here: the calendar
 * (model/calendar.c) and the parsed parameters; the rows match through rules/select.c and the
 * checks through check/judge.c (README, "The check: a second opinion").
 */
#ifndef ROTAPLAN_KIND_H
#define ROTAPLAN_KIND_H

#include <stdbool.h>
#include <stdlib.h>

#include "model/yamlx.h"
#include "rotaplan/calendar.h"
#include "rotaplan/check.h"
#include "rotaplan/ilp.h"
#include "rotaplan/model.h"
#include "rotaplan/rule.h"
#include "rules/select.h"
#include "util/util.h"

/* A kind's parameter struct, zeroed, owned by the model's arena (no free_params needed). */
#define RP_PARAMS_NEW(y, type) ((type *)rp_arena_alloc(rp_yarena(y), sizeof(type)))

/* Reads the rule's params mapping through a key table. params may be NULL (no `params:` in the
 * model): then a missing required key is reported at the rule itself. 0 or -1. */
int rp_kind_params(rp_yctx *y, const rp_rule *rule, const rp_ynode *params, const rp_ykey *keys,
                   size_t n_keys, const rp_ynode **found);
/* Reads params holding one required key, the calendar's unit (`months: 12`, or `weeks: 4`): a
 * number of periods from 1 to the programme's length, into *periods. 0 or -1. */
int rp_kind_periods_param(rp_yctx *y, const rp_rule *rule, const rp_ynode *params,
                          const rp_model *m, int *periods);
/* "params of rule 'RAD-04'" (arena). */
const char *rp_kind_what(rp_yctx *y, const rp_rule *rule);

/* "months"/"weeks" (plural) or "month"/"week" for n == 1. */
const char *rp_unit_word(const rp_model *m, double n);
/* "months 13-16 (2020-04 to 2020-07)" for a resident of cohort, into a heap string. */
char *rp_span_text(const rp_model *m, int cohort, int first, int last);

#endif
