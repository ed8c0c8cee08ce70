/*
 * html_shape.c: the shape section of the HTML report (html.h): the measure of shape.h that `plan`
 * prints after its summary (blocks per resident, stints per field, the fields split into several
 * stints, periods away from the core hospital, distance from the standard rotation), as a table
 * of min / median / max per resident, then the fields split.
 */
#include "report/html.h"
#include "rotaplan/shape.h"
#include "util/i18n.h"

static void put_row(FILE *out, const char *what, const int *v, size_t n)
{
    rp_spread s = rp_spread_of(v, n);
    fputs("<tr><td>", out);
    rp_html_escape(out, what);
    fprintf(out, "</td><td class=\"num\">%g</td><td class=\"num\">%g</td>"
                 "<td class=\"num\">%g</td></tr>\n",
            s.min, s.median, s.max);
}

void rp_html_shape(const rp_html_input *in, FILE *out)
{
    const rp_model *m = in->model;
    rp_shape sh;
    rp_shape_measure(m, in->plan, &sh);
    size_t n = sh.n_residents;
    const char *unit = m->calendar.unit == RP_UNIT_WEEK ? _("weeks") : _("months");
    char what[96];
    fprintf(out, "<section id=\"shape\">\n<h2>%s</h2>\n<table class=\"shape\">\n"
                 "<tr><th>%s</th><th>%s</th><th>%s</th><th>%s</th></tr>\n",
            _("Shape of the plan"), _("per resident"), _("min"), _("median"), _("max"));
    put_row(out, _("blocks"), sh.blocks, n);
    put_row(out, _("fields"), sh.fields, n);
    put_row(out, _("stints of all fields"), sh.stints, n);
    put_row(out, _("stints of one field, the most"), sh.max_stints, n);
    put_row(out, _("fields in more than one stint"), sh.split, n);
    snprintf(what, sizeof what, _("%s away from the core hospital"), unit);
    put_row(out, what, sh.away, n);
    if (m->standard.groups > 0) {
        snprintf(what, sizeof what, _("%s off the standard rotation"), unit);
        put_row(out, what, sh.distance, n);
    }
    fputs("</table>\n<p>", out);
    const char *sep = _("Fields split into several stints (the most stints of a resident): ");
    for (size_t a = 0; a < sh.n_fields; a++) {
        if (sh.field_max_stints[a] < 2)
            continue;
        fputs(sep, out);
        rp_html_printf(out, "%s %d", sh.field_names[a], sh.field_max_stints[a]);
        sep = ", ";
    }
    if (*sep != ',')
        fputs(_("Every field of every resident in one stint"), out);
    fputs(".", out);
    if (m->standard.groups == 0)
        fputs(_(" The model declares no standard rotation."), out);
    fputs("</p>\n</section>\n", out);
    rp_shape_free(&sh);
}
