/*
 * fuzz_plan.c: libFuzzer entry point for the plan reader (rp_plan_read), YAML and CSV, against
 * the embedded radiology model: an input that starts with the CSV header's first field
 * ("resident,") is read as CSV, any other as YAML. A plan that reads then meets what `check`
 * does with it: every rule's direct check (rp_check_plan) and the findings report; and it is
 * written back in each format, the Excel CSV and each resident's calendar included (the writers
 * see hand-made plans in `whatif`'s diff and tables).
 */
#include "fuzz_common.h"
#include "rotaplan/check.h"
#include "rotaplan/model.h"
#include "rotaplan/plan.h"

#include "rotaplan/report.h"

#include <stdio.h>
#include <stdlib.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const rp_model *model = fuzz_default_model();
    const char *suffix = fuzz_starts_with(data, size, "resident,") ? ".csv" : ".yaml";
    rp_diags d = RP_DIAGS_INIT;
    rp_plan *p = NULL;
    if (rp_plan_read(model, fuzz_file(data, size, suffix), &p, &d) == 0) {
        char *text = NULL;
        size_t len = 0;
        FILE *sink = open_memstream(&text, &len);
        rp_findings f = RP_FINDINGS_INIT;
        if (rp_check_plan(model, NULL, p, &f, &d) == 0 && sink)
            rp_report_findings(model, p, &f, sink);
        for (int fmt = RP_FORMAT_TABLE; sink && fmt <= RP_FORMAT_CSV_EXCEL; fmt++)
            rp_report_plan(model, p, (rp_format)fmt, sink);
        for (size_t r = 0; sink && r < p->n_residents; r++)
            rp_report_ics(model, p, (int)r, sink);
        if (sink)
            fclose(sink);
        free(text);
        rp_findings_free(&f);
        rp_plan_free(p);
    }
    fuzz_diags_done(&d);
    return 0;
}
