/*
 * fuzz_residents.c: libFuzzer entry point for the residents loader (rp_cohort_load), YAML and
 * CSV, against the embedded radiology model: an input that starts with the CSV header's first
 * field ("id,") is read as a spreadsheet, any other as YAML.
 */
#include "fuzz_common.h"
#include "rotaplan/model.h"

#include <stdlib.h>

static rp_model *model;

static void free_model(void)
{
    rp_model_free(model);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!model) {
        rp_diags d = RP_DIAGS_INIT;
        if (rp_model_load_default(&model, &d) != 0)
            abort();
        rp_diags_free(&d);
        atexit(free_model);
    }
    const char *suffix = fuzz_starts_with(data, size, "id,") ? ".csv" : ".yaml";
    rp_diags d = RP_DIAGS_INIT;
    rp_cohort *c = NULL;
    if (rp_cohort_load(model, fuzz_file(data, size, suffix), &c, &d) == 0)
        rp_cohort_free(c);
    fuzz_diags_done(&d);
    return 0;
}
