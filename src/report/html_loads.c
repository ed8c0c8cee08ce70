/*
 * html_loads.c: the loads section of the HTML report (html.h): for each capacity rule (the kinds'
 * loads hook, the very figures `check` judges and `rotaplan capacity` prints), a heat map of
 * every place it caps against its capacity, one row per place and one cell per period of the
 * shared calendar (months or weeks, all cohorts together). A cell's colour is the place's use,
 * load / limit (the what-if limit of that period when a change set one): pale under half, deeper
 * up to full, red over; an empty period has no cell. Each cell shows its load as a number (the
 * figures must survive print and PDF, where tooltips are lost) and its tooltip all the figures.
 */
#include "report/html.h"
#include "rotaplan/rule.h"
#include "util/util.h"
#include "util/i18n.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

enum { NAME_W = 250, HEAD_H = 18, ROW_H = 16, RIGHT_W = 48 };

static const char *heat_colour(const rp_capped *p, long i, double load)
{
    if (rp_capped_over(p, i, load))
        return "#cb181d";
    double limit = p->limit[i];
    double use = limit > 0 ? load / limit : 1;
    if (use >= 1 - 1e-9)
        return "#f16913";
    if (use >= 0.75)
        return "#fdae6b";
    if (use >= 0.5)
        return "#fdd49e";
    return "#c7e9c0";
}

static void put_place_name(const rp_model *m, const rp_capped *p, FILE *out)
{
    if (p->facility < 0) {
        fputs(_("(programme) all facilities"), out);
        return;
    }
    const rp_facility *f = &m->facilities[p->facility];
    if (p->department >= 0) {
        const rp_department *d = &f->departments[p->department];
        rp_html_printf(out, "%s %s %s", f->id, d->id, d->name ? d->name : f->name);
    } else if (p->department_id) {
        rp_html_printf(out, _("%s %s (not run here)"), f->id, p->department_id);
    } else {
        rp_html_printf(out, "%s %s", f->id, f->name);
    }
}

/* The width a place's label takes at font-size 10: about 6 px a Latin character and 10 a
 * Japanese one (a UTF-8 lead byte above 0xdf), measured on the text put_place_name writes. */
static int label_width(const rp_model *m, const rp_capped *p)
{
    char *text = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&text, &size);
    if (!f)
        return NAME_W;
    put_place_name(m, p, f);
    fprintf(f, " (%g)", p->capacity);
    fclose(f);
    int w = 0;
    for (const unsigned char *c = (const unsigned char *)text; *c; c++)
        w += *c < 0x80 ? 6 : *c > 0xdf ? 10 : 0;
    free(text);
    return w;
}

/* The names' column: wide enough for the longest label (none is clipped, issue 15), at least
 * NAME_W. */
static int names_width(const rp_model *m, const rp_loads *l)
{
    int w = NAME_W;
    for (size_t k = 0; k < l->n_places; k++) {
        int lw = label_width(m, &l->places[k]) + 8;
        if (lw > w)
            w = lw;
    }
    return w;
}

static void put_cell(const rp_model *m, const rp_loads *l, const rp_capped *p, long t, int x,
                     int y, int w, FILE *out)
{
    long i = t - l->first;
    double v = p->load[i];
    if (v <= 0)
        return;
    char label[11];
    rp_html_slot_label(m, t, label);
    fprintf(out, "<rect class=\"heat\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                 "fill=\"%s\"><title>",
            x, y, w, ROW_H - 2, heat_colour(p, i, v));
    put_place_name(m, p, out);
    rp_html_printf(out, _(", %s: %g of %g"), label, v, p->limit[i]);
    if (p->limit[i] > 0)
        fprintf(out, " (%.0f%%)", 100 * v / p->limit[i]);
    if (rp_capped_over(p, i, v))
        fputs(_(", over"), out);
    fputs("</title></rect>\n", out);
    /* the load itself: whole residents as "3", parts of a place (a parallel day) as "2.2" */
    char num[16];
    snprintf(num, sizeof num, v == (long)v ? "%.0f" : "%.1f", v);
    fprintf(out, "<text class=\"load\" x=\"%d\" y=\"%d\" font-size=\"%d\" text-anchor=\"middle\" "
                 "fill=\"%s\" pointer-events=\"none\">%s</text>\n",
            x + w / 2, y + ROW_H - 5, strlen(num) > 2 ? 6 : 8,
            rp_capped_over(p, i, v) || v >= p->limit[i] - 1e-9 ? "#fff" : "#222", num);
}

static void put_axis(const rp_model *m, const rp_loads *l, int name_w, int cw, int height,
                     FILE *out)
{
    int ppy = m->calendar.periods_per_year;
    for (long t = l->first; t <= l->last; t++) {
        if (t % ppy != 0 && t != l->first)
            continue;
        int x = name_w + (int)(t - l->first) * cw;
        char label[11];
        rp_html_slot_label(m, t, label);
        fprintf(out, "<line x1=\"%d\" y1=\"4\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n", x, x,
                height);
        fprintf(out, "<text x=\"%d\" y=\"13\" font-size=\"10\">%s</text>\n", x + 2, label);
    }
}

static void put_heat_map(const rp_model *m, const rp_loads *l, FILE *out)
{
    int cw = m->calendar.unit == RP_UNIT_WEEK ? 12 : 18; /* room for "2.2" in a week's cell */
    long n = l->last - l->first + 1;
    if (n <= 0 || l->n_places == 0) {
        fputs(_("<p>No place holds a resident.</p>\n"), out);
        return;
    }
    int name_w = names_width(m, l);
    int w = name_w + (int)n * cw + RIGHT_W, h = HEAD_H + (int)l->n_places * ROW_H + 4;
    fprintf(out, "<figure><svg class=\"heatmap\" xmlns=\"http://www.w3.org/2000/svg\" "
                 "viewBox=\"0 0 %d %d\" width=\"%d\" height=\"%d\" role=\"img\">\n",
            w, h, w, h);
    for (size_t k = 0; k < l->n_places; k++) {
        const rp_capped *p = &l->places[k];
        int y = HEAD_H + (int)k * ROW_H;
        fprintf(out, "<rect x=\"%d\" y=\"%d\" width=\"%ld\" height=\"%d\" fill=\"%s\"/>\n",
                name_w, y, n * cw, ROW_H - 2, k % 2 ? "#f7f7f7" : "#efefef");
        /* the name in its column, which is as wide as the longest (names_width); the inner svg
         * keeps a name that a font draws wider than estimated out of the cells */
        fprintf(out, "<svg x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\"><text x=\"2\" y=\"%d\" "
                     "font-size=\"10\">", y, name_w - 4, ROW_H, ROW_H - 5);
        put_place_name(m, p, out);
        rp_html_printf(out, " (%g)", p->capacity);
        fputs("</text></svg>\n", out);
        for (long t = l->first; t <= l->last; t++)
            put_cell(m, l, p, t, name_w + (int)(t - l->first) * cw, y, cw, out);
    }
    put_axis(m, l, name_w, cw, h, out);
    fputs("</svg></figure>\n", out);
}

void rp_html_loads(const rp_html_input *in, FILE *out)
{
    const rp_model *m = in->model;
    fprintf(out, "<section id=\"loads\">\n<h2>%s</h2>\n", _("Load against capacity"));
    fprintf(out, _("<p>Residents at each capped place %s by %s, all cohorts together, against its "
                   "capacity (in brackets). Colour: "
                   "<span class=\"swatch\" style=\"background:#c7e9c0\"></span>under half "
                   "<span class=\"swatch\" style=\"background:#fdd49e\"></span>half or more "
                   "<span class=\"swatch\" style=\"background:#fdae6b\"></span>three quarters or "
                   "more <span class=\"swatch\" style=\"background:#f16913\"></span>full "
                   "<span class=\"swatch\" style=\"background:#cb181d\"></span>over.</p>\n"),
            m->calendar.unit == RP_UNIT_WEEK ? _("week") : _("month"),
            m->calendar.unit == RP_UNIT_WEEK ? _("week") : _("month"));
    if (in->n_loads == 0)
        fputs(_("<p>The model caps no place's load (no enabled rule of kind "
                "residents-per-instructor or department-capacity).</p>\n"), out);
    for (size_t i = 0; i < in->n_loads; i++) {
        const rp_rule *rule = &m->rules[in->load_rules[i]];
        char *what = rule->kind->describe(rule, m);
        fputs("<h3>", out);
        rp_html_printf(out, "%s [%s] %s", rule->id, rp_class_name(rule->cls), what);
        fprintf(out, "</h3>\n<p>%s", _("source: "));
        rp_html_escape(out, rule->source);
        fputs("</p>\n", out);
        free(what);
        put_heat_map(m, &in->loads[i], out);
    }
    fputs("</section>\n", out);
}
