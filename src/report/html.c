/*
 * html.c: the HTML report, the report end of the pipeline (model -> translate -> solve ->
 * decode -> check -> report) for people who read a plan as a chart. One self-contained page:
 * inline CSS and inline SVG, no script, no font or image fetched from the network, printable on
 * A4 landscape, a font stack that renders Japanese names. This file writes the document around
 * the sections (html.h) and the helpers they share; the sections are written in the order
 * summary, shape, Gantt charts, loads, checks, intake, changes. Nothing depends on the clock, so two
 * runs give identical bytes.
 */
#include "report/html.h"
#include "report/legend.h"
#include "rotaplan/calendar.h"
#include "util/util.h"
#include "util/i18n.h"

#include <stdarg.h>
#include <stdlib.h>

void rp_html_escape(FILE *out, const char *s)
{
    for (; s && *s; s++) {
        switch (*s) {
        case '&':
            fputs("&amp;", out);
            break;
        case '<':
            fputs("&lt;", out);
            break;
        case '>':
            fputs("&gt;", out);
            break;
        case '"':
            fputs("&quot;", out);
            break;
        case '\'':
            fputs("&#39;", out);
            break;
        default:
            fputc(*s, out);
        }
    }
}

void rp_html_printf(FILE *out, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *s = rp_xvasprintf(fmt, ap);
    va_end(ap);
    rp_html_escape(out, s);
    free(s);
}

const char *rp_html_colour(int facility)
{
    return rp_colour_rgb(facility);
}

void rp_html_slot_label(const rp_model *m, long slot, char out[11])
{
    int ppy = m->calendar.periods_per_year;
    rp_period_label(m, (int)(slot / ppy), (int)(slot % ppy) + 1, out);
}

static const char css[] =
    "@page { size: A4 landscape; margin: 10mm; }\n"
    "body { font-family: \"Noto Sans CJK JP\", \"Noto Sans JP\", \"Hiragino Sans\", "
    "\"Hiragino Kaku Gothic ProN\", \"Yu Gothic\", \"Meiryo\", \"IPAPGothic\", \"IPAGothic\", "
    "\"IPAexGothic\", "
    "sans-serif; font-size: 11pt; "
    "color: #222; margin: 1em; }\n"
    "h1 { font-size: 16pt; } h2 { font-size: 13pt; border-bottom: 1px solid #999; "
    "margin-top: 1.5em; } h3 { font-size: 11pt; }\n"
    "section { break-inside: auto; } figure { margin: 0.5em 0; break-inside: avoid; }\n"
    "svg { max-width: 100%; height: auto; } svg text { font-family: inherit; }\n"
    "table { border-collapse: collapse; font-size: 9pt; margin: 0.5em 0; }\n"
    "th, td { border: 1px solid #bbb; padding: 2px 6px; text-align: left; vertical-align: top; }\n"
    "td.num { text-align: right; }\n"
    ".ok { color: #2a7d2a; } .violation { color: #b00020; font-weight: bold; }\n"
    ".warning { color: #a06000; } .finding { color: #555; }\n"
    ".legend span { display: inline-block; margin: 0 0.8em 0.3em 0; font-size: 9pt; }\n"
    ".swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.3em; "
    "vertical-align: middle; border: 1px solid #666; }\n"
    ".swatch.leave { background: repeating-linear-gradient(45deg, #d9d9d9 0 2px, #888 2px 4px); }\n"
    ".wish.granted { color: #2a7d2a; } .wish.partly { color: #a06000; }\n"
    ".wish.not-granted { color: #b00020; }\n"
    "pre { font-size: 9pt; white-space: pre-wrap; }\n"
    "@media print { h2 { break-before: auto; } body { margin: 0; } }\n";

static void put_summary(const rp_html_input *in, FILE *out)
{
    const rp_model *m = in->model;
    const rp_plan *p = in->plan;
    fputs("<h1>", out);
    rp_html_printf(out, "%s (%s)", m->name, m->id);
    fputs("</h1>\n<p>", out);
    rp_html_printf(out, _("plan %s: %zu residents, %zu stints, status %s"), in->plan_path,
                   p->n_residents, p->n_stints,
                   p->status == RP_PLAN_GIVEN ? _("as read") : _("as planned"));
    if (in->old) {
        fputs(_("; compared with "), out);
        rp_html_escape(out, in->old_path);
    }
    fputs("</p>\n", out);
}

int rp_report_html(const rp_html_input *in, FILE *out)
{
    fputs("<!DOCTYPE html>\n<html lang=\"ja\">\n<head>\n<meta charset=\"utf-8\">\n<title>", out);
    rp_html_printf(out, "rotaplan: %s", in->model->id);
    fputs("</title>\n<style>\n", out);
    fputs(css, out);
    fputs("</style>\n</head>\n<body>\n", out);
    put_summary(in, out);
    rp_html_shape(in, out);
    rp_html_gantt(in, out);
    rp_html_people(in, out);
    rp_html_loads(in, out);
    rp_html_checks(in, out);
    rp_html_intake(in, out);
    rp_html_experience(in, out);
    if (in->old)
        rp_html_diff(in, out);
    fputs("</body>\n</html>\n", out);
    return ferror(out) ? -1 : 0;
}
