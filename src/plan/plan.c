/*
 * plan.c: the plan object that sits between solving and reporting (model -> translate -> solve ->
 * decode -> check -> report). decode and the plan reader (read.c) fill it resident by resident
 * and stint by stint; check and the report writers read it. The plan owns its strings in one
 * arena and its two arrays on the heap, so rp_plan_free releases everything at once.
 */
#include "rotaplan/plan.h"
#include "util/util.h"

#include <assert.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>

rp_plan *rp_plan_new(void)
{
    rp_plan *p = rp_xcalloc(1, sizeof *p);
    p->status = RP_PLAN_GIVEN;
    p->arena = rp_arena_new();
    return p;
}

void rp_plan_free(rp_plan *p)
{
    if (!p)
        return;
    free(p->residents);
    free(p->stints);
    free(p->bends);
    rp_arena_free(p->arena);
    free(p);
}

int rp_plan_add_resident(rp_plan *p, const char *id, const char *name, int cohort, int course)
{
    assert(id);
    assert(p->n_residents < INT_MAX);
    rp_plan_resident *r = RP_PUSH(p->residents, p->n_residents, p->cap_residents);
    r->id = rp_arena_strdup(p->arena, id);
    r->name = name ? rp_arena_strdup(p->arena, name) : NULL;
    r->cohort = cohort;
    r->course = course;
    r->line = 0;
    return (int)(p->n_residents - 1);
}

int rp_plan_resident_index(const rp_plan *p, const char *id)
{
    if (!id)
        return RP_NONE;
    for (size_t i = 0; i < p->n_residents; i++)
        if (strcmp(p->residents[i].id, id) == 0)
            return (int)i;
    return RP_NONE;
}

void rp_plan_add_stint(rp_plan *p, const rp_stint *s)
{
    assert(s->resident >= 0 && (size_t)s->resident < p->n_residents);
    rp_stint *copy = RP_PUSH(p->stints, p->n_stints, p->cap_stints);
    *copy = *s;
    if (s->department_id) /* the plan owns its strings */
        copy->department_id = rp_arena_strdup(p->arena, s->department_id);
}

void rp_plan_add_bend(rp_plan *p, const rp_bend *b)
{
    *RP_PUSH(p->bends, p->n_bends, p->cap_bends) = *b;
}

bool rp_plan_bends(const rp_plan *p, int rule, int resident, int first, int last)
{
    for (size_t i = 0; i < p->n_bends; i++) {
        const rp_bend *b = &p->bends[i];
        if (b->rule == rule && b->resident == resident && b->first <= last && first <= b->last)
            return true;
    }
    return false;
}

/* The order reports and checks rely on: resident, blocks before parallel rows, first period,
 * facility. */
static int stint_cmp(const rp_stint *a, const rp_stint *b)
{
    if (a->resident != b->resident)
        return a->resident < b->resident ? -1 : 1;
    if (a->mode != b->mode)
        return a->mode == RP_MODE_BLOCK ? -1 : 1;
    if (a->first != b->first)
        return a->first < b->first ? -1 : 1;
    if (a->facility != b->facility)
        return a->facility < b->facility ? -1 : 1;
    return 0;
}

/* Merge sort, because qsort is not stable and equal keys must keep the order they were added
 * in (two runs give identical bytes). Sorts s[0..n) using tmp of the same size. */
static void merge_sort(rp_stint *s, rp_stint *tmp, size_t n)
{
    if (n < 2)
        return;
    size_t half = n / 2;
    merge_sort(s, tmp, half);
    merge_sort(s + half, tmp, n - half);
    size_t i = 0, j = half, k = 0;
    while (i < half && j < n)
        tmp[k++] = stint_cmp(&s[j], &s[i]) < 0 ? s[j++] : s[i++];
    while (i < half)
        tmp[k++] = s[i++];
    while (j < n)
        tmp[k++] = s[j++];
    memcpy(s, tmp, n * sizeof *s);
}

double rp_stint_week_days(const rp_stint *s)
{
    if (s->days_total <= 0)
        return s->days_per_week;
    return s->days_total * s->days_per_week / (s->last - s->first + 1);
}

void rp_plan_sort(rp_plan *p)
{
    if (p->n_stints < 2)
        return;
    rp_stint *tmp = rp_xmalloc(p->n_stints * sizeof *tmp);
    merge_sort(p->stints, tmp, p->n_stints);
    free(tmp);
}
