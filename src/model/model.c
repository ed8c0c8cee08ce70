/*
 * model.c: lookups by id, names for output, and the accessors through which rules read a
 * facility's figures under the model's readings (RULES.md section D).
 */
#include "rotaplan/model.h"
#include "util/i18n.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

int rp_model_facility(const rp_model *m, const char *id)
{
    for (size_t i = 0; i < m->n_facilities; i++)
        if (strcmp(m->facilities[i].id, id) == 0)
            return (int)i;
    return RP_NONE;
}

int rp_model_course(const rp_model *m, const char *id)
{
    for (size_t i = 0; i < m->n_courses; i++)
        if (strcmp(m->courses[i].id, id) == 0)
            return (int)i;
    return RP_NONE;
}

int rp_facility_department(const rp_facility *f, const char *id)
{
    for (size_t i = 0; i < f->n_departments; i++)
        if (strcmp(f->departments[i].id, id) == 0)
            return (int)i;
    return RP_NONE;
}

int rp_cohort_resident(const rp_cohort *c, const char *id)
{
    for (size_t i = 0; i < c->n_residents; i++)
        if (strcmp(c->residents[i].id, id) == 0)
            return (int)i;
    return RP_NONE;
}

const char *const rp_role_names[RP_N_ROLES] = {"base", "partner", "related"};
const char *const rp_kind_names[RP_N_KINDS] = {"none", "core", "coop", "coop-facility", "admin",
                                               "overseas"};
const char *const rp_field_names[RP_N_FIELDS] = {"IM", "EM",  "SURG", "PED",    "OBGYN", "PSY",
                                                 "CM", "GO",  "ANES", "PH", "ORIENT", "ELECT"};

rp_field rp_model_field_of(const rp_model *m, const char *department)
{
    for (size_t i = 0; i < m->n_field_ids; i++)
        if (strcmp(m->field_ids[i], department) == 0)
            return m->field_of[i];
    return RP_FIELD_ELECT;
}

bool rp_model_knows_department(const rp_model *m, const char *department)
{
    for (size_t i = 0; i < m->n_field_ids; i++)
        if (strcmp(m->field_ids[i], department) == 0)
            return true;
    for (size_t f = 0; f < m->n_facilities; f++)
        if (rp_facility_department(&m->facilities[f], department) != RP_NONE)
            return true;
    return false;
}

const char *rp_model_nearest_place(const rp_model *m, const char *id)
{
    size_t n = m->n_facilities + m->n_field_ids;
    for (size_t f = 0; f < m->n_facilities; f++)
        n += m->facilities[f].n_departments;
    const char **ids = rp_xcalloc(n + 1, sizeof *ids);
    size_t k = 0;
    for (size_t f = 0; f < m->n_facilities; f++) {
        ids[k++] = m->facilities[f].id;
        for (size_t d = 0; d < m->facilities[f].n_departments; d++)
            ids[k++] = m->facilities[f].departments[d].id;
    }
    for (size_t i = 0; i < m->n_field_ids; i++)
        ids[k++] = m->field_ids[i];
    const char *near = rp_nearest(id, ids, k);
    free(ids);
    return near;
}

double rp_resident_leave_days(const rp_resident *r)
{
    double days = 0;
    for (size_t i = 0; r && i < r->n_leave; i++)
        days += r->leave[i].days;
    return days;
}
const char *const rp_accreditation_names[RP_N_ACCREDITATIONS] = {"none", "総合修練", "修練",
                                                                 "特殊修練"};

const char *rp_role_name(rp_role r)
{
    return (unsigned)r < RP_N_ROLES ? rp_role_names[r] : "?";
}

const char *rp_role_label(rp_role r)
{
    switch (r) {
    case RP_ROLE_BASE:
        return _("base");
    case RP_ROLE_PARTNER:
        return _("partner");
    case RP_ROLE_RELATED:
        return _("related");
    default:
        return "?";
    }
}

const char *rp_accreditation_name(rp_accreditation a)
{
    return (unsigned)a < RP_N_ACCREDITATIONS ? rp_accreditation_names[a] : "?";
}

const char *rp_status_name(rp_status s)
{
    static const char *const names[RP_STATUS_COUNT] = {
        "full-time", "graduate-clinical", "part-time", "maternity",  "sickness",
        "abroad",    "graduate-nonclinical", "other", "suspension",
        "suspension", /* RP_STATUS_AWAY: a 休止 week beyond the allowance, shown as what it is */
    };
    return (unsigned)s < RP_STATUS_COUNT ? names[s] : "?";
}

const char *rp_class_name(rp_rule_class c)
{
    switch (c) {
    case RP_CLASS_HARD:
        return "hard";
    case RP_CLASS_HARD_PRINCIPLE:
        return "hard (原則)";
    case RP_CLASS_PROGRAMME:
        return "programme";
    case RP_CLASS_SOFT:
        return "soft";
    case RP_CLASS_INTAKE:
        return "intake";
    }
    return "?";
}

rp_accreditation rp_facility_accreditation(const rp_model *m, int facility)
{
    const rp_facility *f = &m->facilities[facility];
    return m->readings.accreditation_heading ? f->accreditation_heading : f->accreditation;
}

bool rp_facility_rt_capable(const rp_model *m, int facility)
{
    rp_tristate t = m->facilities[facility].rt_capable;
    return t == RP_YES || (t == RP_DISPUTED && m->readings.rt_disputed_capable);
}

double rp_facility_instructors(const rp_model *m, int facility)
{
    const rp_facility *f = &m->facilities[facility];
    if (m->readings.instructors_named && f->instructors_named >= 0)
        return f->instructors_named;
    return f->instructors;
}
