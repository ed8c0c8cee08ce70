/*
 * credit.c: the week's credit of the two-year initial residency (credit.h). The model's
 * `crediting` block says which fields count a general-outpatient session twice and when a
 * community week counts; the departments say their fields and the fields their general clinics
 * serve.
 */
#include "rotaplan/credit.h"

int rp_place_field(const rp_model *m, rp_place p)
{
    if (p.facility < 0)
        return RP_NONE;
    if (p.department >= 0)
        return m->facilities[p.facility].departments[p.department].field;
    if (p.department_id)
        return rp_model_field_of(m, p.department_id);
    return RP_NONE;
}

int rp_place_go_field(const rp_model *m, rp_place p)
{
    if (p.facility < 0 || p.department < 0) /* a clinic the facility does not run serves none */
        return RP_NONE;
    const rp_department *d = &m->facilities[p.facility].departments[p.department];
    return d->field == RP_FIELD_GO ? d->go_field : RP_NONE;
}

bool rp_community_meets(const rp_model *m, int facility, int year, rp_community_condition c)
{
    const rp_crediting *cr = &m->crediting;
    const rp_facility *f = &m->facilities[facility];
    switch (c) {
    case RP_COMMUNITY_YEAR:
        return cr->community_from_year <= 0 || year >= cr->community_from_year;
    case RP_COMMUNITY_SITE:
        /* a medical institution (病院・診療所): a public health centre or an overseas institution
         * hosts a day or two at most (INIT-44), never the block */
        if (f->kind == RP_KIND_ADMIN || f->kind == RP_KIND_OVERSEAS)
            return false;
        return cr->community_beds_below <= 0 ||
               (f->beds >= 0 && f->beds < cr->community_beds_below) ||
               (cr->community_remote_any_size && f->remote);
    case RP_COMMUNITY_HOME_CARE:
        return !cr->community_home_care || f->home_care;
    }
    return false;
}

bool rp_community_counts(const rp_model *m, int facility, int year)
{
    return rp_community_meets(m, facility, year, RP_COMMUNITY_YEAR) &&
           rp_community_meets(m, facility, year, RP_COMMUNITY_SITE) &&
           rp_community_meets(m, facility, year, RP_COMMUNITY_HOME_CARE);
}

/* A session's days: a clinic open mornings only holds half a day whatever the plan says (INIT-38,
 * "half_day_only forces 0.5", 000 Q44 L61). */
static double session_days(const rp_model *m, const rp_session *s)
{
    const rp_place *p = &s->place;
    if (p->facility >= 0 && p->department >= 0 &&
        m->facilities[p->facility].departments[p->department].half_day_only && s->days > 0.5)
        return 0.5;
    return s->days;
}

/* A session counts twice (ダブルカウント) when it is in a general clinic that serves the
 * block's field, and that field double counts (INIT-34). */
static bool counted_twice(const rp_model *m, int host, const rp_session *s)
{
    int go = rp_place_go_field(m, s->place);
    return go != RP_NONE && host >= 0 && go == host && m->crediting.double_count[host];
}

void rp_week_credit_of(const rp_model *m, const rp_week *w, rp_week_credit *out)
{
    out->host = RP_NONE;
    out->host_days = out->em_days = out->go_days = out->away_days = 0;
    out->go_block_field = RP_NONE;
    if (w->block.facility < 0)
        return;
    int host = rp_place_field(m, w->block);
    if (host == RP_FIELD_CM && !rp_community_counts(m, w->block.facility, w->year))
        host = RP_FIELD_ELECT; /* INIT-43: 「選択科目」の欄に記載 */
    double loss = 0;
    for (size_t i = 0; i < w->n_sessions; i++) {
        const rp_session *s = &w->sessions[i];
        int kind = rp_place_field(m, s->place);
        if (s->visit) { /* INIT-44: a day or two at a 保健所 are community medicine's own */
            if (rp_place_field(m, w->block) != RP_FIELD_CM) {
                loss += s->days;
                out->away_days += s->place.facility != w->block.facility ? s->days : 0;
            }
            continue;
        }
        if (s->night) { /* INIT-35: the day stays with the block; emergency at night only */
            if (kind == RP_FIELD_EM && m->crediting.night_emergency)
                out->em_days += s->days;
            continue;
        }
        bool eligible_go = kind == RP_FIELD_GO && rp_place_go_field(m, s->place) != RP_NONE;
        double days = session_days(m, s);
        if (eligible_go)
            out->go_days += days;
        if (kind == RP_FIELD_EM)
            out->em_days += days;
        if (s->place.facility != w->block.facility)
            out->away_days += days;
        if (!(eligible_go && counted_twice(m, host, s)))
            loss += days; /* INIT-32, INIT-35: the block loses the day */
    }
    double days = m->calendar.days_per_week - loss;
    out->host = host;
    out->host_days = days > 0 ? days : 0;
    if (host == RP_FIELD_GO) { /* a general-clinic block (INIT-37) */
        int serves = rp_place_go_field(m, w->block);
        if (serves != RP_NONE) {
            out->go_days += out->host_days;
            if (m->crediting.double_count[serves] &&
                (serves != RP_FIELD_CM ||
                 rp_community_counts(m, w->block.facility, w->year)))
                out->go_block_field = serves;
        }
    }
}
