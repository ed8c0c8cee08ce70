/*
 * credit.h: how the two-year initial residency credits a week (RULES.md 0.3, INIT-32..38,
 * INIT-40/41/43 for community medicine), as the rows compute it, once per week of a piece. The
 * direct checks compute the same credit on their own from the plan (src/check/judge.c,
 * rp_judge_credits), so that a mistake here makes the two halves disagree in the tests.
 */
#ifndef ROTAPLAN_CREDIT_H
#define ROTAPLAN_CREDIT_H

#include <stdbool.h>
#include <stddef.h>

#include "rotaplan/model.h"

/* A place of training: a facility and one of its departments (RP_NONE), or a department the
 * facility does not run that a hand-made plan names (department_id; it serves nothing). */
typedef struct rp_place {
    int facility;
    int department;
    const char *department_id;
} rp_place;

/* A parallel session (並行研修) held during a week. */
typedef struct rp_session {
    rp_place place;
    double days; /* days_per_week: 0.5 for a morning-only clinic (INIT-38), else whole days */
    bool night;  /* night duty (当直, INIT-35): days are nights; the block loses none */
    bool visit;  /* days at another facility during a block (INIT-44): a community-medicine
                  * block keeps them (the visit's allowance is admin-visits' to judge) */
} rp_session;

/* One week of a resident as the rules see it. */
typedef struct rp_week {
    rp_place block;        /* the week's block; facility RP_NONE when there is none */
    int year;              /* programme year (1-based; years past the programme are extension) */
    const rp_session *sessions;
    size_t n_sessions;
} rp_week;

typedef struct rp_week_credit {
    int host;            /* the field the block's days go to (rp_field), or RP_NONE: a
                          * community block that fails INIT-40/41/43 counts as an elective */
    double host_days;    /* days_per_week less the sessions' days not counted twice (INIT-32/34) */
    double em_days;      /* emergency session days (INIT-33), and nights (INIT-35) */
    double go_days;      /* general-outpatient days: eligible sessions and a general-clinic block */
    int go_block_field;  /* a general-clinic block: the field it may also count for (INIT-37,
                          * when the week lies in a run of that field of 4 weeks or more), or
                          * RP_NONE */
    double away_days;    /* session days at another facility than the block's (INIT-50) */
} rp_week_credit;

/* The field of a place (RP_NONE for no facility, or a facility planned as a whole). */
int rp_place_field(const rp_model *m, rp_place p);
/* The field a general clinic serves (INIT-34/36), or RP_NONE when the place is no general clinic
 * or serves nothing. */
int rp_place_go_field(const rp_model *m, rp_place p);

/* The conditions on a community-medicine week, as the model's `crediting.community` states
 * them (RULES.md INIT-40: year 2 or later; INIT-41: under the bed limit or remote; INIT-43: home
 * care). */
typedef enum rp_community_condition {
    RP_COMMUNITY_YEAR,
    RP_COMMUNITY_SITE,
    RP_COMMUNITY_HOME_CARE,
} rp_community_condition;

bool rp_community_meets(const rp_model *m, int facility, int year, rp_community_condition c);
/* All three hold: community medicine in this programme year, at this facility, counts. */
bool rp_community_counts(const rp_model *m, int facility, int year);

void rp_week_credit_of(const rp_model *m, const rp_week *w, rp_week_credit *out);

#endif
