/*
 * fuzz_residents.c: libFuzzer entry point for the residents loader (rp_cohort_load), YAML and
 * CSV, against the embedded radiology model: an input that starts with the CSV header's first
 * field ("id,") is read as a spreadsheet, any other as YAML.
 */
#include "fuzz_common.h"
#include "rotaplan/model.h"

#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const rp_model *model = fuzz_default_model();
    const char *suffix = fuzz_starts_with(data, size, "id,") ? ".csv" : ".yaml";
    rp_diags d = RP_DIAGS_INIT;
    rp_cohort *c = NULL;
    if (rp_cohort_load(model, fuzz_file(data, size, suffix), &c, &d) == 0)
        rp_cohort_free(c);
    fuzz_diags_done(&d);
    return 0;
}
