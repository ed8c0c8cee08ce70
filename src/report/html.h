/*
 * html.h: the sections of the HTML report (rp_report_html in html.c) and what they share:
 * escaping, the facilities' colours, period labels. Each section is one small file:
 * html_gantt.c (a Gantt chart per cohort), html_people.c (leave, extensions and wishes per
 * resident), html_loads.c (each capped place's load as a heat map), html_checks.c (the findings
 * rule by rule), html_shape.c (blocks, stints, the standard rotation), html_intake.c (the intake
 * rules' arithmetic)
 * html_experience.c (each resident's counts against the experience targets) and html_diff.c (a
 * what-if's changes). Internal to src/report/.
 */
#ifndef ROTAPLAN_REPORT_HTML_H
#define ROTAPLAN_REPORT_HTML_H

#include <stdio.h>

#include "rotaplan/report.h"

/* Writes s with & < > " ' escaped (NULL writes nothing). */
void rp_html_escape(FILE *out, const char *s);
/* printf, then the result escaped. */
void rp_html_printf(FILE *out, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* The fill colour of a facility ("#rrggbb"); RP_NONE gives grey. */
const char *rp_html_colour(int facility);
/* A slot of the shared calendar (rp_slot) as "2019-04" or, in weeks, "2019-04-01". */
void rp_html_slot_label(const rp_model *m, long slot, char out[11]);

void rp_html_gantt(const rp_html_input *in, FILE *out);
void rp_html_people(const rp_html_input *in, FILE *out);
void rp_html_loads(const rp_html_input *in, FILE *out);
void rp_html_checks(const rp_html_input *in, FILE *out);
void rp_html_intake(const rp_html_input *in, FILE *out);
void rp_html_diff(const rp_html_input *in, FILE *out);
void rp_html_shape(const rp_html_input *in, FILE *out);
void rp_html_experience(const rp_html_input *in, FILE *out);

#endif
