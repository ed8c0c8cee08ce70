/*
 * fuzz_common.h: what the libFuzzer entry points of tests/fuzz/ share. The loaders read paths, so
 * each input is written to one temporary file per process (its name ending as the loader wants,
 * .yaml or .csv) and loaded through the very function rotaplan calls; the diagnostics are printed
 * to a memory stream too, so that the printer (source line, caret) is fuzzed with the loaders.
 */
#ifndef ROTAPLAN_FUZZ_COMMON_H
#define ROTAPLAN_FUZZ_COMMON_H

#include <stddef.h>
#include <stdint.h>

#include "rotaplan/diag.h"
#include "rotaplan/model.h"

/* The path holding data (size bytes), with the suffix ".yaml" or ".csv"; the file is the same
 * for every input of a process, removed at exit. */
const char *fuzz_file(const uint8_t *data, size_t size, const char *suffix);

/* Sorts and prints d into a memory stream (discarded), then frees it. */
void fuzz_diags_done(rp_diags *d);

/* The embedded default model, loaded once per process (freed at exit); aborts if it cannot be
 * loaded. */
const rp_model *fuzz_default_model(void);

/* Whether data starts with the text prefix. */
int fuzz_starts_with(const uint8_t *data, size_t size, const char *prefix);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

#endif
