/*
 * whatif.h: what `rotaplan whatif` shares between its files (whatif.c, whatif_checks.c).
 */
#ifndef ROTAPLAN_CLI_WHATIF_H
#define ROTAPLAN_CLI_WHATIF_H

#include "cli/cli.h"

/* Counting checks before any solve, on the translation anchored to the earlier plan old at date
 * from: residents pinned at a facility while a change closes it, and residents whose kept past
 * no stint can hold (with the hard rule that refuses it). Writes one line per finding to out and
 * returns how many. */
size_t rp_whatif_prechecks(const rp_translation *t, const rp_plan *old, rp_date from, FILE *out);

#endif
