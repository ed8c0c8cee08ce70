/*
 * rule.h: the rule-kind interface, after SCIP's constraint handlers. A kind is one file in
 * src/rules/ that holds, for the rule instances of the model that use it:
 *   parse    its parameters, read through a key table, every error located;
 *   emit     its rows, through ilp.h only;
 *   check    its direct check of a plan: the rule's meaning, written apart from the rows;
 *   describe one sentence for reports.
 * and optionally the piece-shaping hooks of ilp.h (max_piece, admit and min_piece), for kinds that cap
 * how many residents a place holds, loads (check.h), and for kinds that limit the intake, intake
 * and put_intake: `rotaplan capacity` asks the kinds, never probes them by name. Code implements kinds; the model's data
 * names rules (ids, classes, sources, parameters).
 */
#ifndef ROTAPLAN_RULE_H
#define ROTAPLAN_RULE_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

#include "rotaplan/calendar.h"
#include "rotaplan/check.h"
#include "rotaplan/ilp.h"
#include "rotaplan/model.h"

struct rp_yctx;
struct rp_ynode;

typedef struct rp_rule_kind {
    const char *name; /* kebab-case, as in the model: "min-months-at" */
    /* The kind's violations are the cohort's data, whatever the plan (check.h
     * rp_rule_on_cohort): the experience a residents file logs at completion. */
    bool on_cohort;
    /* The kind reads its parameters or credits its days in weeks: a model whose calendar unit is
     * the month is refused with an error at the rule's kind until the kind reads months
     * (issue 12). Kinds that count the calendar's periods, whatever they are, leave it false. */
    bool counts_weeks;

    /* Reads rule->params from the instance's `params` node (NULL when absent). Returns 0, or -1
     * after reporting every error through the yamlx context. m holds facilities and courses. */
    int (*parse)(rp_rule *rule, struct rp_yctx *y, const struct rp_ynode *params,
                 const rp_model *m);
    void (*free_params)(void *params);

    /* Adds the rule's rows. Returns 0, or -1 on an internal inconsistency. */
    int (*emit)(const rp_rule *rule, rp_emit *em);

    /* Appends a finding for every violation in the plan. */
    void (*check)(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out);

    /* One sentence; the caller frees it. */
    char *(*describe)(const rp_rule *rule, const rp_model *m);

    /* Optional. The longest piece this rule needs at facility f, department d (RP_NONE for a
     * facility planned as a whole) for resident r: pieces of at most this many periods must
     * exist for every compliant plan to be representable. */
    int (*max_piece)(const rp_rule *rule, const rp_model *m, const rp_resident *r, int facility,
                     int department);
    /* Optional. Whether the candidate piece (its col is not yet set) may exist for r. allowed[k]
     * starts true for every course r may follow; the hook clears the courses under which the
     * piece may not be chosen (the translator then adds x <= sum of c[r,k] over the courses
     * left), or returns false to refuse the piece outright. A kind that admits must admit enough
     * pieces that every plan it allows is a union of admitted pieces. */
    bool (*admit)(const rp_rule *rule, const rp_model *m, const rp_resident *r,
                  const rp_piece *candidate, bool *allowed);
    /* Optional. The fewest periods a piece like candidate (its place, session and periods; col
     * not yet set) must last for r under this rule: L when a block of it would be too short
     * on its own (a run of its field lasts at least L), else 1. Where no rule sets max_piece,
     * the space then offers the place in pieces of L to 2L - 1 periods (every run of one place
     * of L or more is a union of them; pieces with a parallel session: of L) instead of
     * one-period pieces; a resident with pins keeps the one-period pieces too. The rows still
     * judge whatever pieces exist: a kind whose rows would rely on it checks the space. */
    int (*min_piece)(const rp_rule *rule, const rp_model *m, const rp_resident *r,
                     const rp_piece *candidate);

    /* Optional, kinds that cap the residents a place holds at once: adds to out (its slots set
     * by rp_loads_init) every place the rule caps in ctx's plan, with its capacity and its load
     * slot by slot, counted exactly as the kind's check counts them (the check judges these very
     * numbers). What `rotaplan capacity` shows. */
    void (*loads)(const rp_rule *rule, const rp_check_ctx *ctx, rp_loads *out);

    /* Optional, kinds that limit how many residents the programme takes: fills out with the
     * rule's windows over the intake y, counted exactly as the kind's check counts them, the
     * level of a window over its limit and the one-year limit (out->windows is heap: free with
     * rp_intake_limit_free). What `rotaplan capacity` shows. */
    void (*intake)(const rp_rule *rule, const rp_model *m, const rp_intake_years *y,
                   rp_intake_limit *out);
    /* Optional, with intake: prints the rule's arithmetic for `rotaplan capacity`, from its
     * heading line to its source line. */
    void (*put_intake)(const rp_rule *rule, const rp_model *m, FILE *out);

    /* Optional (RAD-27): the periods beyond the programme's length resident r needs for this
     * rule to hold at all: how far the most the programme's own periods can give (after r's
     * leave, pins and course) falls short of what the rule asks; 0 when it can hold.
     * rp_resident_extend extends r by the most any rule needs (calendar.h). */
    int (*extension)(const rp_rule *rule, const rp_model *m, const rp_resident *r);

    /* Optional, kinds that judge counts a resident accumulates (RAD-16..19): sets *out to the
     * counts the kind's check judges for resident r of ctx, one per target (heap: free()), and
     * *n to their number. What `rotaplan report` shows. */
    void (*tallies)(const rp_rule *rule, const rp_check_ctx *ctx, size_t r, rp_tally **out,
                    size_t *n);
} rp_rule_kind;

/* The registry (src/rules/registry.c). */
const rp_rule_kind *rp_rule_kind_find(const char *name);
const rp_rule_kind *const *rp_rule_kinds(size_t *n);

/* The rule id without hyphens, as row names carry it ("RAD-04" -> "RAD04"), into out. */
void rp_rule_row_prefix(const rp_rule *rule, char *out, size_t size);

#endif
