/*
 * weeks.h: what the initial residency's rule kinds share: the week of a piece for credit.h (the
 * rows' side), field names for messages, and reading fields and amounts from parameters.
 */
#ifndef ROTAPLAN_WEEKS_H
#define ROTAPLAN_WEEKS_H

#include <stdbool.h>

#include "model/yamlx.h"
#include "rotaplan/credit.h"
#include "rotaplan/ilp.h"
#include "rotaplan/model.h"

/* Period p of piece pc as credit.h sees it (session is where its parallel session goes). */
void rp_piece_week(const rp_model *m, const rp_piece *pc, int p, rp_session *session,
                   rp_week *out);
/* The credit of piece pc in period p. */
void rp_piece_credit(const rp_model *m, const rp_piece *pc, int p, rp_week_credit *out);

/* "internal medicine (内科)" */
const char *rp_field_label(int field);

/* A list of field names (IM, EM, ...) into in[]. 0 or -1 after reporting. */
int rp_read_fields(rp_yctx *y, const rp_ynode *n, const char *what, bool in[RP_N_FIELDS]);

/* An amount given as `weeks: N` or `days: N` (exactly one of the two nodes), in days. */
int rp_read_days(rp_yctx *y, const rp_rule *rule, const rp_ynode *weeks, const rp_ynode *days,
                 const rp_model *m, double *out);

/* "24 weeks (120 days)" or "20 days" into out. */
void rp_days_text(const rp_model *m, double days, char *out, size_t size);

#endif
