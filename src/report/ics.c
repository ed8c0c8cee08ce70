/*
 * ics.c: writes one resident's rotations as an iCalendar file (RFC 5545), at the report end of
 * the pipeline (model -> translate -> solve -> decode -> check -> report), so that a resident can
 * load them into a calendar. One VEVENT per stint, all day:
 *
 *     DTSTART;VALUE=DATE:20190401      the stint's first day
 *     DTEND;VALUE=DATE:20200401        the day after its last (DTEND is exclusive, 3.6.1)
 *     SUMMARY:慶應義塾大学病院 (放射線治療)  the facility's name, the department's name (its id
 *                                      when the model gives none); a parallel row says so
 *     LOCATION:慶應義塾大学病院          the facility's name (none for a stint at no facility)
 *
 * Names come from the model, never from the locale: the file's bytes are the same in any
 * language (the DESCRIPTION keeps the ids, for a machine or a search).
 * Nothing depends on the clock or the machine, so two runs give identical bytes: the UID is made
 * of the model id, the resident id, the mode and the first day (stable across replans of other
 * stints), and DTSTAMP is the resident's programme start at midnight UTC (the model's calendar),
 * not the time of writing. Lines end in CRLF and are folded at 75 octets, never inside a UTF-8
 * character (3.1); TEXT values escape backslash, semicolon, comma and line breaks (3.3.11).
 */
#include "rotaplan/calendar.h"
#include "rotaplan/report.h"
#include "report/legend.h"
#include "report/writers.h"
#include "util/util.h"

#include <stdlib.h>

enum { FOLD_OCTETS = 75 };

/* Writes one content line, folded: a line longer than 75 octets continues on the next after a
 * CRLF and one space, cut between characters. */
static void put_line(FILE *out, const char *line)
{
    int used = 0;
    for (const char *c = line; *c;) {
        int k = rp_utf8_len(c);
        if (k == 0)
            k = 1; /* not UTF-8: the plan reader refuses it, but never loop */
        if (used + k > FOLD_OCTETS) {
            fputs("\r\n ", out);
            used = 1;
        }
        fwrite(c, 1, (size_t)k, out);
        used += k;
        c += k;
    }
    fputs("\r\n", out);
}

/* A TEXT value (3.3.11): backslash, semicolon and comma escaped, line breaks as \n. */
static void add_text(rp_buf *b, const char *s)
{
    for (; s && *s; s++) {
        if (*s == '\\' || *s == ';' || *s == ',') {
            rp_buf_addc(b, '\\');
            rp_buf_addc(b, *s);
        } else if (*s == '\n') {
            rp_buf_add(b, "\\n");
        } else if (*s != '\r') {
            rp_buf_addc(b, *s);
        }
    }
}

/* NAME:text, the text escaped. */
static void put_text(FILE *out, const char *name, const char *text)
{
    rp_buf b = {0};
    rp_buf_add(&b, name);
    rp_buf_addc(&b, ':');
    add_text(&b, text);
    put_line(out, rp_buf_str(&b));
    rp_buf_free(&b);
}

static void put_date(FILE *out, const char *name, rp_date d)
{
    char line[64];
    snprintf(line, sizeof line, "%s;VALUE=DATE:%04d%02d%02d", name, d.year, d.month, d.day);
    put_line(out, line);
}

/* "慶應義塾大学病院 (放射線治療)", or for a parallel row "parallel 1 day/week: 南総合病院 (救急)":
 * the names a person reads, from the model. */
static char *summary_of(const rp_model *m, const rp_stint *s)
{
    const char *fac = s->facility == RP_NONE ? "no facility" : m->facilities[s->facility].name;
    const char *dep = rp_department_name(m, s->facility, rp_report_stint_department(m, s));
    rp_buf b = {0};
    if (s->mode == RP_MODE_PARALLEL) {
        char days[32];
        rp_report_days(s->days_per_week, days);
        rp_buf_printf(&b, "%s %s %s/week: ", rp_report_mode(s), days,
                      s->night ? (s->days_per_week == 1 ? "night" : "nights")
                               : (s->days_per_week == 1 ? "day" : "days"));
    }
    rp_buf_add(&b, fac);
    if (dep)
        rp_buf_printf(&b, " (%s)", dep);
    return rp_buf_take(&b);
}

static void put_event(FILE *out, const rp_model *m, const rp_plan *p, const rp_stint *s,
                      rp_date stamp)
{
    const rp_plan_resident *r = &p->residents[s->resident];
    rp_date first = rp_period_first_day(m, r->cohort, s->first);
    rp_date end = rp_date_from_days(rp_date_to_days(rp_period_last_day(m, r->cohort, s->last)) + 1);
    put_line(out, "BEGIN:VEVENT");
    char *uid = rp_xasprintf("rotaplan-%s-%s-%s-%04d%02d%02d@rotaplan", m->id, r->id,
                             rp_report_mode(s), first.year,
                             first.month, first.day);
    put_text(out, "UID", uid);
    free(uid);
    char line[64];
    snprintf(line, sizeof line, "DTSTAMP:%04d%02d%02dT000000Z", stamp.year, stamp.month,
             stamp.day);
    put_line(out, line);
    put_date(out, "DTSTART", first);
    put_date(out, "DTEND", end);
    char *summary = summary_of(m, s);
    put_text(out, "SUMMARY", summary);
    free(summary);
    if (s->facility != RP_NONE)
        put_text(out, "LOCATION", m->facilities[s->facility].name);
    char *what = rp_xasprintf("facility: %s, department: %s, %s, periods %d-%d of %s",
                              rp_report_facility_id(m, s->facility),
                              rp_report_stint_department(m, s) ? rp_report_stint_department(m, s)
                                                               : "-",
                              rp_report_mode(s), s->first,
                              s->last, m->id);
    put_text(out, "DESCRIPTION", what);
    free(what);
    put_line(out, "TRANSP:TRANSPARENT");
    put_line(out, "END:VEVENT");
}

int rp_report_ics(const rp_model *m, const rp_plan *p, int resident, FILE *out)
{
    const rp_plan_resident *r = &p->residents[resident];
    rp_date stamp = rp_period_first_day(m, r->cohort, 1);
    put_line(out, "BEGIN:VCALENDAR");
    put_line(out, "VERSION:2.0");
    put_line(out, "PRODID:-//rotaplan//rotaplan plan//EN");
    put_line(out, "CALSCALE:GREGORIAN");
    put_line(out, "METHOD:PUBLISH");
    char *name = rp_xasprintf("%s%s%s: %s", r->name ? r->name : "", r->name ? " " : "", r->id,
                              m->id);
    put_text(out, "X-WR-CALNAME", name);
    free(name);
    for (size_t i = 0; i < p->n_stints; i++)
        if (p->stints[i].resident == resident)
            put_event(out, m, p, &p->stints[i], stamp);
    put_line(out, "END:VCALENDAR");
    return ferror(out) ? -1 : 0;
}
