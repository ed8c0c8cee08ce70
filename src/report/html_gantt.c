/*
 * html_gantt.c: the Gantt charts of the HTML report (html.h): one inline SVG per cohort, one row
 * per resident, one <rect class="stint"> per stint of the plan (a test counts them against the
 * plan's CSV rows), coloured by facility, or by department when one facility holds most of the
 * plan (legend.h), with the department's (or facility's) name in the bar's label and the ids in its
 * tooltip. A parallel
 * row (a day a week beside a block) is a thin dashed bar at the bottom of the row (class
 * "stint parallel"); with --compare a block that changed is outlined in red (class "stint
 * changed", rp_diff_stint_changed). Leave (休止, 産休...) is a grey hatched bar over the periods
 * it takes (class "leave"), so that no one reads them as training; the weeks or months that
 * extend a programme lie past a dashed line marked 延長. Periods run from the resident's own
 * start.
 */
#include "report/html.h"
#include "report/legend.h"
#include "report/writers.h"
#include "rotaplan/calendar.h"
#include "util/util.h"
#include "util/i18n.h"

#include <stdlib.h>
#include <string.h>

enum { LABEL_W = 210, ROW_H = 22, HEAD_H = 34, RIGHT_W = 48 };

typedef struct chart {
    const rp_html_input *in;
    const rp_colour_key *key;
    int cohort;
    int *rows; /* plan residents of the cohort, in plan order */
    size_t n_rows;
    int horizon; /* periods shown */
    int cell_w;  /* pixels a period */
} chart;

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

/* The distinct cohort years of the plan, ascending. */
static size_t cohorts_of(const rp_plan *p, int **out)
{
    int *years = rp_xcalloc(p->n_residents + 1, sizeof *years);
    size_t n = 0;
    for (size_t r = 0; r < p->n_residents; r++)
        years[n++] = p->residents[r].cohort;
    qsort(years, n, sizeof *years, cmp_int);
    size_t k = 0;
    for (size_t i = 0; i < n; i++)
        if (k == 0 || years[k - 1] != years[i])
            years[k++] = years[i];
    *out = years;
    return k;
}

static void chart_init(chart *c, const rp_html_input *in, const rp_colour_key *key, int cohort)
{
    const rp_model *m = in->model;
    const rp_plan *p = in->plan;
    *c = (chart){in, key, cohort, rp_xcalloc(p->n_residents + 1, sizeof(int)), 0,
                 m->calendar.periods_per_year * m->calendar.years,
                 m->calendar.unit == RP_UNIT_WEEK ? 8 : 24};
    for (size_t r = 0; r < p->n_residents; r++)
        if (p->residents[r].cohort == cohort)
            c->rows[c->n_rows++] = (int)r;
    for (size_t i = 0; i < p->n_stints; i++)
        if (p->residents[p->stints[i].resident].cohort == cohort && p->stints[i].last > c->horizon)
            c->horizon = p->stints[i].last;
}

/* Programme years across the top, a line at each year's start; a dashed line where an extended
 * programme goes past its years. */
static void put_axis(const chart *c, FILE *out)
{
    const rp_model *m = c->in->model;
    int ppy = m->calendar.periods_per_year;
    int height = HEAD_H + (int)c->n_rows * ROW_H;
    int standard = ppy * m->calendar.years;
    if (c->horizon > standard) {
        int x = LABEL_W + standard * c->cell_w;
        fprintf(out, "<line class=\"extension\" x1=\"%d\" y1=\"14\" x2=\"%d\" y2=\"%d\" "
                     "stroke=\"#b00020\" stroke-dasharray=\"3,2\"/>\n", x, x, height);
        fprintf(out, "<text x=\"%d\" y=\"28\" font-size=\"10\" fill=\"#b00020\">延長</text>\n",
                x + 2);
    }
    for (int p = 1; p <= standard && p <= c->horizon; p += ppy) {
        int x = LABEL_W + (p - 1) * c->cell_w;
        char label[11];
        rp_period_label(m, c->cohort, p, label);
        fprintf(out, "<line x1=\"%d\" y1=\"14\" x2=\"%d\" y2=\"%d\" stroke=\"#888\"/>\n", x, x,
                height);
        fprintf(out, _("<text x=\"%d\" y=\"12\" font-size=\"11\">year %d</text>\n"), x + 3,
                (p - 1) / ppy + 1);
        fprintf(out, "<text x=\"%d\" y=\"28\" font-size=\"10\" fill=\"#555\">%s</text>\n", x + 3,
                label);
    }
}

/* "r2019-01 佐藤 花子: 慶應義塾大学病院 (rt), 2019-04-01 to 2021-03-31, months 1-24" */
static void put_title(const chart *c, const rp_stint *s, bool changed, FILE *out)
{
    const rp_model *m = c->in->model;
    const rp_plan_resident *r = &c->in->plan->residents[s->resident];
    const char *dep = rp_department_name(m, s->facility, rp_report_stint_department(m, s));
    char a[11], b[11];
    rp_date_format(rp_period_first_day(m, r->cohort, s->first), a);
    rp_date_format(rp_period_last_day(m, r->cohort, s->last), b);
    fputs("<title>", out);
    rp_html_printf(out, _("%s%s%s: %s%s%s%s, %s to %s, %s %d-%d"), r->id, r->name ? " " : "",
                   r->name ? r->name : "",
                   s->facility == RP_NONE ? "no facility" : m->facilities[s->facility].name,
                   dep ? " (" : "", dep ? dep : "", dep ? ")" : "", a, b,
                   m->calendar.unit == RP_UNIT_WEEK ? _("weeks") : _("months"), s->first, s->last);
    if (s->mode == RP_MODE_PARALLEL) {
        char days[32];
        rp_report_days(s->days_per_week, days);
        rp_html_printf(out, s->night ? _(", night duty (当直): %s night(s) a week")
                                     : _(", parallel: %s day(s) a week"), days);
    }
    if (changed)
        fputs(_(", changed"), out);
    fputs("</title>", out);
}

/* The first characters of s that fit in cols display columns (a Japanese character takes two),
 * with a dot marking a cut. Heap. */
static char *fit_text(const char *s, int cols)
{
    rp_buf b = {0};
    int used = 0;
    for (const char *p = s; *p;) {
        int k = rp_utf8_len(p);
        if (k <= 0)
            break;
        char one[5] = {0};
        memcpy(one, p, (size_t)k);
        int w = rp_display_width(one);
        if (used + w > cols - (p[k] ? 1 : 0) && p[k]) {
            rp_buf_add(&b, ".");
            break;
        }
        rp_buf_add(&b, one);
        used += w;
        p += k;
    }
    return rp_buf_take(&b);
}

/* The bar's label, for people: the department's name from the model (内科), else the facility's,
 * cut to what the bar holds (about 6 pixels a display column at 10 pixels), in white on a dark
 * colour. */
static void put_label(const chart *c, const rp_stint *s, int x, int y, int w, int colour,
                      FILE *out)
{
    const rp_model *m = c->in->model;
    const char *dep = rp_report_stint_department(m, s);
    const char *name = dep ? rp_department_name(m, s->facility, dep)
                       : s->facility >= 0 ? m->facilities[s->facility].name
                                          : "none";
    int cols = w > 4 ? (w - 4) / 6 : 0;
    if (cols < 2 || !name)
        return;
    char *text = fit_text(name, cols);
    fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"10\" pointer-events=\"none\"%s>", x + 3,
            y, rp_colour_dark(colour) ? " fill=\"#fff\"" : "");
    rp_html_escape(out, text);
    fputs("</text>\n", out);
    free(text);
}

static void put_stint(const chart *c, const rp_stint *s, int row, FILE *out)
{
    bool changed = c->in->old && rp_diff_stint_changed(c->in->old, c->in->plan, s);
    bool parallel = s->mode == RP_MODE_PARALLEL;
    int x = LABEL_W + (s->first - 1) * c->cell_w;
    int w = (s->last - s->first + 1) * c->cell_w;
    int y = HEAD_H + row * ROW_H + (parallel ? ROW_H - 7 : 2);
    int h = parallel ? 5 : ROW_H - 4;
    const char *id = c->in->plan->residents[s->resident].id;
    fprintf(out, "<rect class=\"stint%s%s\" data-resident=\"", parallel ? " parallel" : "",
            changed ? " changed" : "");
    rp_html_escape(out, id);
    fputs("\" data-facility=\"", out);
    rp_html_escape(out, rp_report_facility_id(c->in->model, s->facility));
    const char *dep = rp_report_stint_department(c->in->model, s);
    int colour = rp_colour_key_index(c->key, c->in->model, s->facility, dep);
    fprintf(out, "\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" fill=\"%s\"", x, y, w, h,
            rp_colour_rgb(colour));
    if (changed)
        fputs(" stroke=\"#d00000\" stroke-width=\"3\"", out);
    else if (parallel)
        fputs(" stroke=\"#000\" stroke-width=\"0.7\" stroke-dasharray=\"2,1\"", out);
    else
        fputs(" stroke=\"#fff\" stroke-width=\"0.5\"", out);
    fputc('>', out);
    put_title(c, s, changed, out);
    fputs("</rect>\n", out);
    if (!parallel)
        put_label(c, s, x, y + ROW_H / 2 + 1, w, colour, out);
}

/* The resident's leave as hatched bars over the periods it takes, one per run of one kind. */
static void put_leave(const chart *c, int r, int y, FILE *out)
{
    const rp_check_ctx *ctx = c->in->ctx;
    if (!ctx || (size_t)r >= ctx->n_residents)
        return;
    const rp_timeline *t = &ctx->residents[r].timeline;
    const rp_plan_resident *pr = &c->in->plan->residents[r];
    for (int p = 1; p <= t->horizon;) {
        const char *word = rp_leave_label(t->status[p]);
        if (!word || t->status[p] == RP_STATUS_PT) {
            p++;
            continue;
        }
        int q = p;
        while (q + 1 <= t->horizon && t->status[q + 1] == t->status[p])
            q++;
        int x = LABEL_W + (p - 1) * c->cell_w, w = (q - p + 1) * c->cell_w;
        char a[11], b[11];
        rp_date_format(rp_period_first_day(c->in->model, pr->cohort, p), a);
        rp_date_format(rp_period_last_day(c->in->model, pr->cohort, q), b);
        fprintf(out, "<rect class=\"leave\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" "
                     "fill=\"url(#hatch)\" stroke=\"#555\" stroke-width=\"0.7\"><title>",
                x, y + 2, w, ROW_H - 4);
        rp_html_printf(out, _("%s: %s (%s), %s to %s, not training"), pr->id, word,
                       rp_status_name(t->status[p]), a, b);
        fputs("</title></rect>\n", out);
        if (w >= 26)
            fprintf(out, "<text x=\"%d\" y=\"%d\" font-size=\"10\" font-weight=\"bold\" "
                         "pointer-events=\"none\">%s</text>\n", x + 3, y + ROW_H / 2 + 4, word);
        p = q + 1;
    }
}

static void put_row(const chart *c, size_t i, FILE *out)
{
    const rp_plan *p = c->in->plan;
    int r = c->rows[i];
    int y = HEAD_H + (int)i * ROW_H;
    if (i % 2)
        fprintf(out, "<rect class=\"band\" x=\"0\" y=\"%d\" width=\"%d\" height=\"%d\" "
                     "fill=\"#f4f4f4\"/>\n",
                y, LABEL_W + c->horizon * c->cell_w, ROW_H);
    fprintf(out, "<text x=\"4\" y=\"%d\" font-size=\"11\">", y + ROW_H / 2 + 4);
    rp_html_printf(out, "%s%s%s", p->residents[r].id, p->residents[r].name ? " " : "",
                   p->residents[r].name ? p->residents[r].name : "");
    fputs("</text>\n", out);
    for (size_t k = 0; k < p->n_stints; k++)
        if (p->stints[k].resident == r)
            put_stint(c, &p->stints[k], (int)i, out);
    put_leave(c, r, y, out);
}

static void put_chart(const rp_html_input *in, const rp_colour_key *key, int cohort, FILE *out)
{
    chart c;
    chart_init(&c, in, key, cohort);
    int w = LABEL_W + c.horizon * c.cell_w + RIGHT_W, h = HEAD_H + (int)c.n_rows * ROW_H + 4;
    fputs("<figure>\n<h3>", out);
    fprintf(out, _("cohort %d (%zu residents)"), cohort, c.n_rows);
    fputs("</h3>\n", out);
    fprintf(out, "<svg class=\"gantt\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d "
                 "%d\" width=\"%d\" height=\"%d\" role=\"img\">\n",
            w, h, w, h);
    fputs("<defs><pattern id=\"hatch\" width=\"6\" height=\"6\" patternUnits=\"userSpaceOnUse\" "
          "patternTransform=\"rotate(45)\"><rect width=\"6\" height=\"6\" fill=\"#d9d9d9\"/>"
          "<line x1=\"0\" y1=\"0\" x2=\"0\" y2=\"6\" stroke=\"#888\" stroke-width=\"2\"/>"
          "</pattern></defs>\n", out);
    for (size_t i = 0; i < c.n_rows; i++)
        put_row(&c, i, out);
    put_axis(&c, out);
    fputs("</svg>\n</figure>\n", out);
    free(c.rows);
}

/* The facilities (or departments) the plan uses, with their colours, and the leave hatch. */
static void put_legend(const rp_html_input *in, const rp_colour_key *key, FILE *out)
{
    const rp_model *m = in->model;
    size_t n = key->by_department ? key->n_deps : m->n_facilities;
    bool *used = rp_xcalloc(n + 1, sizeof *used);
    bool none = false;
    for (size_t i = 0; i < in->plan->n_stints; i++) {
        const rp_stint *s = &in->plan->stints[i];
        int k = rp_colour_key_index(key, m, s->facility, rp_report_stint_department(m, s));
        if (k < 0)
            none = none || s->mode == RP_MODE_BLOCK;
        else
            used[k] = true;
    }
    fputs("<p class=\"legend\">", out);
    for (size_t k = 0; k < n; k++) {
        if (!used[k])
            continue;
        fprintf(out, "<span><span class=\"swatch\" data-key=\"%zu\" style=\"background:%s\">"
                     "</span>", k, rp_colour_rgb((int)k));
        if (key->by_department)
            rp_html_printf(out, "%s %s", key->deps[k], rp_colour_key_label(key, m, (int)k));
        else
            rp_html_printf(out, "%s %s", m->facilities[k].id, m->facilities[k].name);
        fputs("</span>", out);
    }
    if (none)
        fprintf(out, "<span><span class=\"swatch\" style=\"background:%s\"></span>%s</span>",
                rp_colour_rgb(-1),
                key->by_department ? _("no department named") : _("none (no facility)"));
    if (in->ctx)
        fputs(_("<span><span class=\"swatch leave\"></span>休止・休暇 leave (not training)</span>"),
              out);
    fputs("</p>\n", out);
    free(used);
}

void rp_html_gantt(const rp_html_input *in, FILE *out)
{
    const rp_model *m = in->model;
    rp_colour_key key;
    rp_colour_key_init(&key, m, in->plan);
    fprintf(out, "<section id=\"gantt\">\n<h2>%s</h2>\n", _("Rotations by cohort"));
    fprintf(out, _("<p>One row per resident, one bar per stint, coloured by %s (label: the "
                   "department's or facility's name); %s from each resident's start. A thin dashed "
                   "bar at the bottom of a row marks parallel days (a day a week beside the block); "
                   "a grey hatched bar marks leave, periods not trained%s.</p>\n"),
            key.by_department ? _("department (one facility holds most of the plan)") : _("facility"),
            m->calendar.unit == RP_UNIT_WEEK ? _("weeks") : _("months"),
            in->old ? _("; a red outline marks a stint that changed") : "");
    put_legend(in, &key, out);
    int *cohorts = NULL;
    size_t n = cohorts_of(in->plan, &cohorts);
    for (size_t i = 0; i < n; i++)
        put_chart(in, &key, cohorts[i], out);
    rp_colour_key_free(&key);
    if (n == 0)
        fputs(_("<p>The plan has no resident.</p>\n"), out);
    free(cohorts);
    fputs("</section>\n", out);
}
