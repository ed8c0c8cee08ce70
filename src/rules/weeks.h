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
/* rp_piece_credit for a loop over a piece's weeks: *out is computed again only when p lies in
 * another programme year than *year (start with -1; set to p's), since a piece's week is
 * credited alike within a year. */
void rp_piece_credit_in_year(const rp_model *m, const rp_piece *pc, int p, int *year,
                             rp_week_credit *out);

/* Rows: adds to lhs the credit of r's general-clinic blocks serving field X (INIT-37) over the
 * weeks that lie in a run of X of the crediting's general_clinic_run: directly when every such
 * piece is long enough to be a run by itself, and for the shorter ones through per-week columns
 * d[w] <= those pieces' credit at w (a long piece is never credited twice), d[w] <= cap x (the windows of the run's length around w that are all X or GO(X)),
 * u_W <= y[v] for the weeks v of each window. The credit of a week is its days less the sessions'
 * (or, with whole_weeks, the calendar's days_per_week). Columns are named after tag. */
void rp_emit_clinic_credit(rp_emit *em, size_t r, int X, bool whole_weeks, const char *tag,
                           rp_expr *lhs);

/* The rows' crediting (credit.h) of every week of a plan's resident r, [horizon + 2] (weeks 0 and
 * horizon + 1 empty; the caller frees): what tests/unit/test_judge.c holds the checks' own
 * crediting (check/judge.h, rp_judge_credits) against. */
struct rp_check_ctx;
rp_week_credit *rp_check_credits(const struct rp_check_ctx *ctx, size_t r);

/* "internal medicine (内科)"; in Japanese "内科" (the messages' language, i18n.h) */
const char *rp_field_label(int field);

/* A list of field names (IM, EM, ...) into in[]. 0 or -1 after reporting. */
int rp_read_fields(rp_yctx *y, const rp_ynode *n, const char *what, bool in[RP_N_FIELDS]);

/* An amount given as `weeks: N` or `days: N` (exactly one of the two nodes), in days. */
int rp_read_days(rp_yctx *y, const rp_rule *rule, const rp_ynode *weeks, const rp_ynode *days,
                 const rp_model *m, double *out);

/* "24 weeks (120 days)" or "20 days" into out. */
void rp_days_text(const rp_model *m, double days, char *out, size_t size);

#endif
