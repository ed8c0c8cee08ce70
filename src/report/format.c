/*
 * format.c: the last stage of the pipeline (model -> translate -> solve -> decode -> check ->
 * report) chooses its output here. rp_format_parse reads the --format value, rp_report_plan hands
 * the plan to table.c, csv.c, yaml.c or json.c (ics.c is called per resident by the command),
 * and the helpers below give the writers the same spelling of ids, statuses and days a week.
 */
#include "rotaplan/report.h"
#include "report/writers.h"

#include <assert.h>
#include <string.h>

int rp_format_parse(const char *s, rp_format *out)
{
    static const struct {
        const char *name;
        rp_format fmt;
    } formats[] = {
        {"table", RP_FORMAT_TABLE},
        {"csv", RP_FORMAT_CSV},
        {"yaml", RP_FORMAT_YAML},
        {"json", RP_FORMAT_JSON},
        {"ics", RP_FORMAT_ICS},
        {"xlsx", RP_FORMAT_XLSX},
    };
    if (!s)
        return -1;
    for (size_t i = 0; i < sizeof formats / sizeof formats[0]; i++) {
        if (strcmp(s, formats[i].name) == 0) {
            *out = formats[i].fmt;
            return 0;
        }
    }
    return -1;
}

int rp_report_plan(const rp_model *m, const rp_plan *p, rp_format fmt, FILE *out)
{
    switch (fmt) {
    case RP_FORMAT_TABLE:
        return rp_report_table(m, p, out);
    case RP_FORMAT_CSV:
        return rp_report_csv(m, p, false, out);
    case RP_FORMAT_CSV_EXCEL:
        return rp_report_csv(m, p, true, out);
    case RP_FORMAT_YAML:
        return rp_report_yaml(m, p, out);
    case RP_FORMAT_JSON:
        return rp_report_json(m, p, out);
    case RP_FORMAT_ICS:
        return -1; /* one file per resident: the caller writes each with rp_report_ics */
    case RP_FORMAT_XLSX:
        return -1; /* needs the checks and loads: the caller writes it with rp_report_xlsx */
    }
    assert(!"unknown report format");
    return -1;
}

const char *rp_report_status_name(rp_plan_status s)
{
    switch (s) {
    case RP_PLAN_OPTIMAL:
        return "optimal";
    case RP_PLAN_FEASIBLE:
        return "feasible";
    case RP_PLAN_BEST_EFFORT:
        return "best-effort";
    case RP_PLAN_GIVEN:
        return "given";
    }
    return "given";
}

const char *rp_report_mode(const rp_stint *s)
{
    if (s->mode != RP_MODE_PARALLEL)
        return "block";
    return s->night ? "night" : s->visit ? "visit" : "parallel";
}

void rp_report_days(double days, char out[32])
{
    snprintf(out, 32, "%.6g", days);
}

const char *rp_report_facility_id(const rp_model *m, int facility)
{
    if (facility == RP_NONE)
        return "none";
    assert(facility >= 0 && (size_t)facility < m->n_facilities);
    return m->facilities[facility].id;
}

const char *rp_report_stint_department(const rp_model *m, const rp_stint *s)
{
    if (s->department == RP_NONE && s->department_id)
        return s->department_id;
    return rp_report_department_id(m, s->facility, s->department);
}

const char *rp_report_department_id(const rp_model *m, int facility, int department)
{
    if (facility == RP_NONE || department == RP_NONE)
        return NULL;
    assert(facility >= 0 && (size_t)facility < m->n_facilities);
    const rp_facility *f = &m->facilities[facility];
    assert(department >= 0 && (size_t)department < f->n_departments);
    return f->departments[department].id;
}

const char *rp_report_course_id(const rp_model *m, int course)
{
    if (course < 0) /* RP_NONE; RP_ANY never reaches a plan */
        return NULL;
    assert((size_t)course < m->n_courses);
    return m->courses[course].id;
}
