/*
 * fuzz_model.c: libFuzzer entry point for the programme model loader (rp_model_load: yamlx.c,
 * load.c and every rule kind's parameter parser). A model that loads is also asked for its
 * default cohort, which reads the intake figures back.
 */
#include "fuzz_common.h"
#include "rotaplan/model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    rp_diags d = RP_DIAGS_INIT;
    rp_model *m = NULL;
    if (rp_model_load(fuzz_file(data, size, ".yaml"), &m, &d) == 0) {
        rp_cohort *c = rp_cohort_default(m);
        rp_cohort_free(c);
        rp_model_free(m);
    }
    fuzz_diags_done(&d);
    return 0;
}
