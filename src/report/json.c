/*
 * json.c: writes a plan as JSON for other programs, at the report end of the pipeline (model ->
 * translate -> solve -> decode -> check -> report). The same content as the YAML plan, with the
 * names and units a program needs besides:
 *
 *     {"model": ..., "unit": "month"|"week", "status": ..., "objective": (optimal or feasible),
 *      "residents": [{"id", "name" (or null), "cohort", "course" (or null),
 *                     "stints": [{"facility", "facility_name", "department", "department_name",
 *                                 "mode", "start_period", "end_period", "start_date",
 *                                 "end_date", "days_per_week" (parallel rows; else null)}]}],
 *      "bends": [{"rule", "resident", "start_period", "end_period"}]}
 *
 * Strings are UTF-8 as they are (RFC 8259), quotes, backslashes and control characters escaped;
 * dates are ISO 8601 and inclusive. The output is deterministic (no time, no machine).
 */
#include "rotaplan/calendar.h"
#include "rotaplan/report.h"
#include "report/writers.h"

static void put_string(FILE *out, const char *s)
{
    if (!s) {
        fputs("null", out);
        return;
    }
    fputc('"', out);
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\')
            fprintf(out, "\\%c", *c);
        else if (*c == '\n')
            fputs("\\n", out);
        else if (*c == '\t')
            fputs("\\t", out);
        else if (*c < 0x20)
            fprintf(out, "\\u%04x", *c);
        else
            fputc(*c, out);
    }
    fputc('"', out);
}

static void put_key(FILE *out, const char *indent, const char *key, const char *value)
{
    fprintf(out, "%s\"%s\": ", indent, key);
    put_string(out, value);
}

static void put_date(FILE *out, const char *key, rp_date d)
{
    char iso[11];
    rp_date_format(d, iso);
    fprintf(out, ",\n          \"%s\": \"%s\"", key, iso);
}

/* The names of a stint's place: the facility's and the department's (NULL when none). */
static const char *facility_name(const rp_model *m, const rp_stint *s)
{
    return s->facility == RP_NONE ? NULL : m->facilities[s->facility].name;
}

static const char *department_name(const rp_model *m, const rp_stint *s)
{
    if (s->facility == RP_NONE || s->department == RP_NONE)
        return NULL;
    return m->facilities[s->facility].departments[s->department].name;
}

static void put_stint(FILE *out, const rp_model *m, int cohort, const rp_stint *s)
{
    put_key(out, "        {\n          ", "facility", rp_report_facility_id(m, s->facility));
    put_key(out, ",\n          ", "facility_name", facility_name(m, s));
    put_key(out, ",\n          ", "department", rp_report_stint_department(m, s));
    put_key(out, ",\n          ", "department_name", department_name(m, s));
    put_key(out, ",\n          ", "mode", rp_report_mode(s));
    fprintf(out, ",\n          \"start_period\": %d,\n          \"end_period\": %d", s->first,
            s->last);
    put_date(out, "start_date", rp_period_first_day(m, cohort, s->first));
    put_date(out, "end_date", rp_period_last_day(m, cohort, s->last));
    char days[32] = "null";
    if (s->mode == RP_MODE_PARALLEL)
        rp_report_days(s->days_per_week, days);
    fprintf(out, ",\n          \"days_per_week\": %s", days);
    if (s->days_total > 0) { /* INIT-39: only on a row given as a total */
        char total[32];
        rp_report_days(s->days_total, total);
        fprintf(out, ",\n          \"days_total\": %s", total);
    }
    fputs("\n        }", out);
}

static void put_resident(FILE *out, const rp_model *m, const rp_plan *p, int index)
{
    const rp_plan_resident *r = &p->residents[index];
    put_key(out, "    {\n      ", "id", r->id);
    put_key(out, ",\n      ", "name", r->name);
    fprintf(out, ",\n      \"cohort\": %d", r->cohort);
    put_key(out, ",\n      ", "course", rp_report_course_id(m, r->course));
    fputs(",\n      \"stints\": [", out);
    bool any = false;
    for (size_t i = 0; i < p->n_stints; i++) {
        const rp_stint *s = &p->stints[i];
        if (s->resident != index)
            continue;
        fputs(any ? ",\n" : "\n", out);
        any = true;
        put_stint(out, m, r->cohort, s);
    }
    fputs(any ? "\n      ]\n    }" : "]\n    }", out);
}

static void put_bends(FILE *out, const rp_model *m, const rp_plan *p)
{
    fputs(",\n  \"bends\": [", out);
    for (size_t i = 0; i < p->n_bends; i++) {
        const rp_bend *b = &p->bends[i];
        put_key(out, i ? ",\n    {" : "\n    {", "rule", m->rules[b->rule].id);
        put_key(out, ", ", "resident", p->residents[b->resident].id);
        fprintf(out, ", \"start_period\": %d, \"end_period\": %d}", b->first, b->last);
    }
    fputs(p->n_bends ? "\n  ]\n" : "]\n", out);
}

int rp_report_json(const rp_model *m, const rp_plan *p, FILE *out)
{
    put_key(out, "{\n  ", "model", m->id);
    put_key(out, ",\n  ", "unit", m->calendar.unit == RP_UNIT_WEEK ? "week" : "month");
    put_key(out, ",\n  ", "status", rp_report_status_name(p->status));
    if (p->status == RP_PLAN_OPTIMAL || p->status == RP_PLAN_FEASIBLE)
        fprintf(out, ",\n  \"objective\": %.6g", p->objective);
    fputs(",\n  \"residents\": [", out);
    for (size_t i = 0; i < p->n_residents; i++) {
        fputs(i ? ",\n" : "\n", out);
        put_resident(out, m, p, (int)i);
    }
    fputs(p->n_residents ? "\n  ]" : "]", out);
    put_bends(out, m, p);
    fputs("}\n", out);
    return ferror(out) ? -1 : 0;
}
