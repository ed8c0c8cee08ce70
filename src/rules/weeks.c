/*
 * weeks.c: see weeks.h.
 */
#include "rules/weeks.h"
#include "rotaplan/calendar.h"
#include "util/util.h"

#include <math.h>
#include <stdio.h>

void rp_piece_week(const rp_model *m, const rp_piece *pc, int p, rp_session *session,
                   rp_week *out)
{
    out->block = (rp_place){pc->facility, pc->department, NULL};
    out->year = rp_period_year(m, p);
    out->sessions = session;
    out->n_sessions = 0;
    if (pc->par_department >= 0) {
        *session = (rp_session){{pc->facility, pc->par_department, NULL}, pc->par_days};
        out->n_sessions = 1;
    }
}

void rp_piece_credit(const rp_model *m, const rp_piece *pc, int p, rp_week_credit *out)
{
    rp_session session;
    rp_week w;
    rp_piece_week(m, pc, p, &session, &w);
    rp_week_credit_of(m, &w, out);
}

const char *rp_field_label(int field)
{
    static const char *const labels[RP_N_FIELDS] = {
        "internal medicine (内科)",         "emergency (救急)",
        "surgery (外科)",                   "paediatrics (小児科)",
        "obstetrics and gynaecology (産婦人科)", "psychiatry (精神科)",
        "community medicine (地域医療)",    "general outpatient (一般外来)",
        "anaesthesiology (麻酔科)",         "public health (保健・医療行政)",
        "orientation",                      "electives (選択科)",
    };
    return field >= 0 && field < RP_N_FIELDS ? labels[field] : "no field";
}

int rp_read_fields(rp_yctx *y, const rp_ynode *n, const char *what, bool in[RP_N_FIELDS])
{
    size_t count = 0;
    for (int f = 0; f < RP_N_FIELDS; f++)
        in[f] = false;
    if (rp_yseq(y, n, what, &count) != 0)
        return -1;
    int err = 0;
    for (size_t i = 0; i < count; i++) {
        int f;
        if (rp_yenum(y, rp_yseq_item(y, n, i), "field", rp_field_names, RP_N_FIELDS, &f) != 0)
            err = -1;
        else
            in[f] = true;
    }
    if (!err && count == 0)
        err = rp_yerror(y, n, "%s is empty; expected at least one field", what);
    return err;
}

int rp_read_days(rp_yctx *y, const rp_rule *rule, const rp_ynode *weeks, const rp_ynode *days,
                 const rp_model *m, double *out)
{
    if ((weeks != NULL) == (days != NULL))
        return rp_yerror_pos(y, rule->pos, "rule '%s' needs exactly one of 'weeks' and 'days' in "
                                           "its params", rule->id);
    double v;
    if (rp_ynum(y, weeks ? weeks : days, weeks ? "weeks" : "days", 0.5, 10000, &v) != 0)
        return -1;
    *out = weeks ? v * m->calendar.days_per_week : v;
    return 0;
}

void rp_days_text(const rp_model *m, double days, char *out, size_t size)
{
    double weeks = days / m->calendar.days_per_week;
    if (fabs(weeks - round(weeks)) < 1e-9)
        snprintf(out, size, "%g week%s (%g days)", weeks, weeks == 1 ? "" : "s", days);
    else
        snprintf(out, size, "%g days", days);
}
