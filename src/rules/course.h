/*
 * course.h: what the course-related kinds (RAD-07, RAD-08, RAD-09) read of the model's courses,
 * for rows and checks alike: the programme year a period falls in, the window a course allows,
 * and (checks only) the course a plan follows when it names none.
 */
#ifndef ROTAPLAN_COURSE_H
#define ROTAPLAN_COURSE_H

#include <stdbool.h>

#include "rotaplan/check.h"
#include "rotaplan/model.h"

/* First and last period of programme year y (1-based). */
void rp_year_span(const rp_model *m, int year, int *first, int *last);
/* Whether course k allows a partner window in year y. */
bool rp_course_window_in(const rp_model *m, int k, int year);
/* Whether the resident may follow a course with a window in year y. */
bool rp_resident_may_window(const rp_model *m, const rp_resident *r, int year);
/* Whether the resident may follow course k: its own course; with course `any`, the courses
 * with graduate school when it asks for graduate school, the others when it does not. */
bool rp_resident_may_follow(const rp_model *m, const rp_resident *r, int k);

/* The course a planned resident follows: the plan's, else the first course the resident may
 * follow whose year pattern the plan's blocks fit (RP_NONE when none fits). Checks only. */
int rp_planned_course(const rp_check_ctx *ctx, size_t r);

#endif
