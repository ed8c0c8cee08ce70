/*
 * html_diff.c: the changes section of the HTML report (html.h), with --compare OLD_PLAN: the
 * same list `whatif` prints (rp_report_diff: each resident who moves, each run of periods with
 * its dates, from -> to, and the summary line), written to memory and shown escaped. The Gantt
 * charts outline the changed stints (rp_diff_stint_changed).
 */
#include "report/html.h"
#include "util/util.h"

#include <stdlib.h>

void rp_html_diff(const rp_html_input *in, FILE *out)
{
    fputs("<section id=\"diff\">\n<h2>", out);
    rp_html_printf(out, "Changes from %s", in->old_path);
    fputs("</h2>\n", out);
    char *text = NULL;
    size_t len = 0;
    FILE *mem = open_memstream(&text, &len);
    rp_diff_summary sum;
    if (!mem || rp_report_diff(in->model, in->old, in->plan, mem, &sum) != 0 || fclose(mem)) {
        fputs("<p>The changes could not be listed (out of memory).</p>\n", out);
    } else {
        fprintf(out, "<p>%zu resident%s affected, %ld resident-period%s changed, %zu joined.</p>"
                     "\n<pre>",
                sum.residents, sum.residents == 1 ? "" : "s", sum.periods,
                sum.periods == 1 ? "" : "s", sum.joined);
        rp_html_escape(out, text);
        fputs("</pre>\n", out);
    }
    free(text);
    fputs("</section>\n", out);
}
