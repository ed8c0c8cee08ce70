/*
 * fuzz_plan.c: libFuzzer entry point for the plan reader (rp_plan_read), YAML and CSV, against
 * the embedded radiology model: an input that starts with the CSV header's first field
 * ("resident,") is read as CSV, any other as YAML. A plan that reads is then checked by every
 * rule's direct check (rp_check_plan), the code a hand-made plan meets next.
 */
#include "fuzz_common.h"
#include "rotaplan/check.h"
#include "rotaplan/model.h"
#include "rotaplan/plan.h"

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
    const char *suffix = fuzz_starts_with(data, size, "resident,") ? ".csv" : ".yaml";
    rp_diags d = RP_DIAGS_INIT;
    rp_plan *p = NULL;
    if (rp_plan_read(model, fuzz_file(data, size, suffix), &p, &d) == 0) {
        rp_findings f = RP_FINDINGS_INIT;
        rp_check_plan(model, NULL, p, &f, &d);
        rp_findings_free(&f);
        rp_plan_free(p);
    }
    fuzz_diags_done(&d);
    return 0;
}
