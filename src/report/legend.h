/*
 * legend.h: what the HTML report and the Excel workbook both show of a plan beside its places:
 * the colours of stints, the words for leave, the outcome of each wish.
 *
 * Colours: how the HTML report and the Excel workbook colour a plan's stints, so that both say
 * the same thing in the same colours. Stints are coloured by facility, unless one facility holds
 * most of the plan's block periods (the two-year programme: nearly everything at the core
 * hospital), when a chart of one colour would say nothing: then by department. Twenty colours
 * of maximum contrast (Kelly's); text on the dark ones white. Internal to src/report/.
 */
#ifndef ROTAPLAN_REPORT_LEGEND_H
#define ROTAPLAN_REPORT_LEGEND_H

#include <stdbool.h>
#include <stddef.h>

#include "rotaplan/model.h"
#include "rotaplan/plan.h"

typedef struct rp_colour_key {
    bool by_department;  /* else by facility */
    const char **deps;   /* by department: the distinct department ids of the plan's stints, in
                          * the model's order (ids borrowed from the model or the plan) */
    size_t n_deps;
} rp_colour_key;

/* The key for plan p: by department when one facility holds more than half of the block
 * periods and the plan names departments. Free with rp_colour_key_free. */
void rp_colour_key_init(rp_colour_key *k, const rp_model *m, const rp_plan *p);
void rp_colour_key_free(rp_colour_key *k);
/* The colour index of a place: the facility's index, or the department's in k->deps; -1 (grey)
 * for no facility or a stint without a department when colouring by department. */
int rp_colour_key_index(const rp_colour_key *k, const rp_model *m, int facility,
                        const char *department_id);
/* "#rrggbb" of a colour index; -1 gives grey. */
const char *rp_colour_rgb(int index);
/* The same as 0xRRGGBB. */
unsigned rp_colour_value(int index);
/* Whether text on colour index must be white to be read. */
bool rp_colour_dark(int index);
/* What an index stands for: the department's name (its id when it has none) or the facility's
 * name. Borrowed from the model. */
const char *rp_colour_key_label(const rp_colour_key *k, const rp_model *m, int index);

/* The name a person reads for a department id: its name at the first facility that runs it
 * (at facility first when given), else the id. Borrowed. */
const char *rp_department_name(const rp_model *m, int facility, const char *department_id);

/* The Japanese word for a status of leave: 休止, 産休, 病休, 留学, 大学院, 休職, 短時間;
 * NULL for full-time training and the clinical graduate school (both count as training). */
const char *rp_leave_label(rp_status s);

/* The periods resident r of ctx spends in a block at the place wish w names (a facility, or a
 * department at any facility), in a period of training (leave periods do not count). */
struct rp_check_ctx;
int rp_wish_periods(const struct rp_check_ctx *ctx, size_t r, const rp_wish *w);
/* What a wish names, for people: the facility's name, or the department's. Borrowed. */
const char *rp_wish_label(const rp_model *m, const rp_wish *w);
/* "granted" (at least the model's wish_periods there), "partly" (some), "not granted". */
const char *rp_wish_outcome(const rp_model *m, int periods);

#endif
