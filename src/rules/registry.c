/*
 * registry.c: the one table of rule kinds. A new kind is one file in src/rules/, one line here
 * and one test file in tests/rules/.
 */
#include "rotaplan/rule.h"

#include <string.h>

extern const rp_rule_kind rp_kind_counted_months;
extern const rp_rule_kind rp_kind_min_months_at;
extern const rp_rule_kind rp_kind_min_stint;
extern const rp_rule_kind rp_kind_min_facilities;
extern const rp_rule_kind rp_kind_one_place_per_period;
extern const rp_rule_kind rp_kind_rotation_unit;
extern const rp_rule_kind rp_kind_course_window;
extern const rp_rule_kind rp_kind_course_pattern;
extern const rp_rule_kind rp_kind_no_full_time_at;
extern const rp_rule_kind rp_kind_residents_per_instructor;
extern const rp_rule_kind rp_kind_intake_cap;
extern const rp_rule_kind rp_kind_urban_intake_cap;
extern const rp_rule_kind rp_kind_field_minimum;
extern const rp_rule_kind rp_kind_field_min_run;
extern const rp_rule_kind rp_kind_min_block;
extern const rp_rule_kind rp_kind_parallel_sessions;
extern const rp_rule_kind rp_kind_community_condition;
extern const rp_rule_kind rp_kind_core_weeks;
extern const rp_rule_kind rp_kind_department_capacity;
extern const rp_rule_kind rp_kind_leave_allowance;
extern const rp_rule_kind rp_kind_general_clinics;
extern const rp_rule_kind rp_kind_group_area;
extern const rp_rule_kind rp_kind_intake_by_beds;
extern const rp_rule_kind rp_kind_requires_department;
extern const rp_rule_kind rp_kind_block_length;
extern const rp_rule_kind rp_kind_weeks_in;
extern const rp_rule_kind rp_kind_choose;
extern const rp_rule_kind rp_kind_max_stints;
extern const rp_rule_kind rp_kind_field_order;
extern const rp_rule_kind rp_kind_partner_change;
extern const rp_rule_kind rp_kind_experience_target;
extern const rp_rule_kind rp_kind_coop_weeks;
extern const rp_rule_kind rp_kind_admin_visits;

static const rp_rule_kind *const kinds[] = {
    &rp_kind_counted_months,
    &rp_kind_min_months_at,
    &rp_kind_min_stint,
    &rp_kind_min_facilities,
    &rp_kind_one_place_per_period,
    &rp_kind_rotation_unit,
    &rp_kind_course_window,
    &rp_kind_course_pattern,
    &rp_kind_no_full_time_at,
    &rp_kind_residents_per_instructor,
    &rp_kind_intake_cap,
    &rp_kind_urban_intake_cap,
    &rp_kind_field_minimum,
    &rp_kind_field_min_run,
    &rp_kind_min_block,
    &rp_kind_parallel_sessions,
    &rp_kind_community_condition,
    &rp_kind_core_weeks,
    &rp_kind_department_capacity,
    &rp_kind_leave_allowance,
    &rp_kind_general_clinics,
    &rp_kind_group_area,
    &rp_kind_intake_by_beds,
    &rp_kind_requires_department,
    &rp_kind_block_length,
    &rp_kind_weeks_in,
    &rp_kind_choose,
    &rp_kind_max_stints,
    &rp_kind_field_order,
    &rp_kind_partner_change,
    &rp_kind_experience_target,
    &rp_kind_coop_weeks,
    &rp_kind_admin_visits,
};

const rp_rule_kind *rp_rule_kind_find(const char *name)
{
    for (size_t i = 0; i < sizeof kinds / sizeof kinds[0]; i++)
        if (strcmp(kinds[i]->name, name) == 0)
            return kinds[i];
    return NULL;
}

const rp_rule_kind *const *rp_rule_kinds(size_t *n)
{
    *n = sizeof kinds / sizeof kinds[0];
    return kinds;
}
