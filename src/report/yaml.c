/*
 * yaml.c: writes a plan as YAML, the form that `check` and later commands read back through the
 * plan reader (src/plan/read.c); it is the report end of the pipeline (model -> translate ->
 * solve -> decode -> check -> report). The key names and their order are a contract with that
 * reader:
 *
 *     model, status, objective (optimal or feasible only), residents: id, name (when known),
 *     cohort, course (when known), stints: facility, department (when known), mode,
 *     start_period, end_period, start_date, end_date, days_per_week (parallel rows only)
 *
 * Every string taken from the model or the plan (ids, names) is double-quoted, so that YAML 1.1
 * never types an id such as 2019-01 or 0800 as a date or a number; "none" for a stint without a
 * facility is written plain, as the keyword it is. The output is deterministic.
 */
#include "rotaplan/calendar.h"
#include "rotaplan/report.h"
#include "report/writers.h"

/* A double-quoted YAML scalar: backslash, quote and control characters escaped, UTF-8 kept. */
static void put_quoted(FILE *out, const char *s)
{
    fputc('"', out);
    for (const unsigned char *c = (const unsigned char *)s; *c; c++) {
        if (*c == '"' || *c == '\\')
            fprintf(out, "\\%c", *c);
        else if (*c == '\n')
            fputs("\\n", out);
        else if (*c == '\t')
            fputs("\\t", out);
        else if (*c < 0x20 || *c == 0x7f)
            fprintf(out, "\\x%02x", *c);
        else
            fputc(*c, out);
    }
    fputc('"', out);
}

/* The heading comment: the id as it is, but a control character cannot end the comment. */
static void put_comment_text(FILE *out, const char *s)
{
    for (const unsigned char *c = (const unsigned char *)s; *c; c++)
        fputc(*c < 0x20 || *c == 0x7f ? '?' : *c, out);
}

static void put_key_quoted(FILE *out, const char *indent, const char *key, const char *value)
{
    fprintf(out, "%s%s: ", indent, key);
    put_quoted(out, value);
    fputc('\n', out);
}

static void put_date(FILE *out, const char *key, rp_date d)
{
    char iso[11];
    rp_date_format(d, iso);
    fprintf(out, "        %s: %s\n", key, iso);
}

static void put_stint(FILE *out, const rp_model *m, int cohort, const rp_stint *s)
{
    const char *department = rp_report_stint_department(m, s);
    if (s->facility == RP_NONE)
        fputs("      - facility: none\n", out);
    else
        put_key_quoted(out, "      - ", "facility", rp_report_facility_id(m, s->facility));
    if (department)
        put_key_quoted(out, "        ", "department", department);
    fprintf(out, "        mode: %s\n", rp_report_mode(s));
    fprintf(out, "        start_period: %d\n", s->first);
    fprintf(out, "        end_period: %d\n", s->last);
    put_date(out, "start_date", rp_period_first_day(m, cohort, s->first));
    put_date(out, "end_date", rp_period_last_day(m, cohort, s->last));
    if (s->mode == RP_MODE_PARALLEL) {
        char days[32];
        rp_report_days(s->days_per_week, days);
        fprintf(out, "        days_per_week: %s\n", days);
    }
    if (s->days_total > 0) { /* INIT-39: only on a row given as a total */
        char total[32];
        rp_report_days(s->days_total, total);
        fprintf(out, "        days_total: %s\n", total);
    }
}

static void put_resident(FILE *out, const rp_model *m, const rp_plan *p, int index)
{
    const rp_plan_resident *r = &p->residents[index];
    const char *course = rp_report_course_id(m, r->course);
    put_key_quoted(out, "  - ", "id", r->id);
    if (r->name)
        put_key_quoted(out, "    ", "name", r->name);
    fprintf(out, "    cohort: %d\n", r->cohort);
    if (course)
        put_key_quoted(out, "    ", "course", course);
    bool any = false;
    for (size_t i = 0; i < p->n_stints; i++) {
        const rp_stint *s = &p->stints[i];
        if (s->resident != index)
            continue;
        if (!any)
            fputs("    stints:\n", out);
        any = true;
        put_stint(out, m, r->cohort, s);
    }
    if (!any)
        fputs("    stints: []\n", out);
}

/* The rules of class PROG the plan bends (a what-if's decision; check reads them back). */
static void put_bends(FILE *out, const rp_model *m, const rp_plan *p)
{
    if (!p->n_bends)
        return;
    fputs("# programme rules (class PROG) this plan bends, as a what-if decided: check reports\n"
          "# them as findings; hard rules never bend\n"
          "bends:\n", out);
    for (size_t i = 0; i < p->n_bends; i++) {
        const rp_bend *b = &p->bends[i];
        put_key_quoted(out, "  - ", "rule", m->rules[b->rule].id);
        put_key_quoted(out, "    ", "resident", p->residents[b->resident].id);
        fprintf(out, "    start_period: %d\n    end_period: %d\n", b->first, b->last);
    }
}

int rp_report_yaml(const rp_model *m, const rp_plan *p, FILE *out)
{
    fputs("# rotaplan plan for ", out);
    put_comment_text(out, m->id);
    fputc('\n', out);
    put_key_quoted(out, "", "model", m->id);
    fprintf(out, "status: %s\n", rp_report_status_name(p->status));
    if (p->status == RP_PLAN_OPTIMAL || p->status == RP_PLAN_FEASIBLE)
        fprintf(out, "objective: %.6g\n", p->objective);
    put_bends(out, m, p);
    if (p->n_residents == 0)
        fputs("residents: []\n", out);
    else
        fputs("residents:\n", out);
    for (size_t i = 0; i < p->n_residents; i++)
        put_resident(out, m, p, (int)i);
    return ferror(out) ? -1 : 0;
}
