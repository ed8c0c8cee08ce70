/*
 * weeks.c: see weeks.h.
 */
#include "rules/weeks.h"
#include "rotaplan/calendar.h"
#include "rotaplan/check.h"
#include "rotaplan/rule.h"
#include "util/util.h"
#include "util/i18n.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>

void rp_piece_week(const rp_model *m, const rp_piece *pc, int p, rp_session *session,
                   rp_week *out)
{
    out->block = (rp_place){pc->facility, pc->department, NULL};
    out->year = rp_period_year(m, p);
    out->sessions = session;
    out->n_sessions = 0;
    if (pc->par_department >= 0) {
        *session = (rp_session){{pc->facility, pc->par_department, NULL}, pc->par_days,
                                pc->par_night, false};
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

void rp_piece_credit_in_year(const rp_model *m, const rp_piece *pc, int p, int *year,
                             rp_week_credit *out)
{
    int y = rp_period_year(m, p);
    if (y != *year) {
        rp_piece_credit(m, pc, p, out);
        *year = y;
    }
}

const char *rp_field_label(int field)
{
    static const char *const labels[RP_N_FIELDS] = {
        N_("internal medicine (内科)"),         N_("emergency (救急)"),
        N_("surgery (外科)"),                   N_("paediatrics (小児科)"),
        N_("obstetrics and gynaecology (産婦人科)"), N_("psychiatry (精神科)"),
        N_("community medicine (地域医療)"),    N_("general outpatient (一般外来)"),
        N_("anaesthesiology (麻酔科)"),         N_("public health (保健・医療行政)"),
        N_("orientation"),                      N_("electives (選択科)"),
    };
    return field >= 0 && field < RP_N_FIELDS ? _(labels[field]) : _("no field");
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
        snprintf(out, size, _("%g week%s (%g days)"), weeks, weeks == 1 ? "" : "s", days);
    else
        snprintf(out, size, _("%g days"), days);
}

/* ---- general-clinic credit, rows ---- */

/* 0: the piece is no general clinic serving X; 1: one long enough to be a run by itself; 2: a
 * shorter one. */
static int clinic_piece(const rp_model *m, const rp_piece *pc, int X)
{
    /* only a general clinic's block has a go_block_field (credit.c) */
    if (rp_place_field(m, (rp_place){pc->facility, pc->department, NULL}) != RP_FIELD_GO)
        return 0;
    rp_week_credit c;
    rp_piece_credit(m, pc, pc->first, &c);
    if (c.go_block_field != X)
        return 0;
    return pc->last - pc->first + 1 >= m->crediting.go_block_run ? 1 : 2;
}

static double week_credit(const rp_model *m, const rp_week_credit *c, bool whole_weeks)
{
    return whole_weeks ? m->calendar.days_per_week : c->host_days;
}

static void window_rows(rp_emit *em, size_t r, int X, bool whole_weeks, const char *tag,
                        rp_expr *lhs)
{
    const rp_model *m = em->model;
    int h = rp_space_horizon(em->space, r), run = m->crediting.go_block_run;
    size_t np;
    const rp_piece *pieces = rp_space_pieces(em->space, r, &np);
    int *u = rp_xmalloc(((size_t)h + 2) * sizeof *u);
    const char *f = rp_field_names[X];
    rp_expr e = {0};
    for (int s = 1; s + run - 1 <= h; s++) {
        u[s] = rp_emit_col(em, RP_COL_CONTINUOUS, 0, 1, "%srun_r%zu_%s_w%d", tag, r, f, s);
        for (int v = s; v < s + run; v++) { /* u_W <= y[v] */
            size_t n;
            const int *cov = rp_space_covering(em->space, r, v, &n);
            rp_expr_clear(&e);
            rp_expr_add(&e, u[s], 1);
            for (size_t i = 0; i < n; i++) {
                rp_week_credit c;
                rp_piece_credit(m, &pieces[cov[i]], v, &c);
                if (c.host == X || c.go_block_field == X)
                    rp_expr_add(&e, pieces[cov[i]].col, -1);
            }
            rp_emit_row(em, &e, RP_LE, 0, (int)r, RP_NONE, s, v, "%srun_r%zu_%s_w%d_%d", tag, r,
                        f, s, v);
        }
    }
    for (int w = 1; w <= h; w++) {
        size_t n;
        const int *cov = rp_space_covering(em->space, r, w, &n);
        rp_expr_clear(&e);
        for (size_t i = 0; i < n; i++) {
            rp_week_credit c;
            rp_piece_credit(m, &pieces[cov[i]], w, &c);
            /* the short pieces only: a long one is credited directly, never twice */
            if (c.go_block_field == X && clinic_piece(m, &pieces[cov[i]], X) == 2)
                rp_expr_add(&e, pieces[cov[i]].col, -week_credit(m, &c, whole_weeks));
        }
        if (e.n == 0)
            continue;
        int cap = m->calendar.days_per_week;
        int d = rp_emit_col(em, RP_COL_CONTINUOUS, 0, cap, "%sclinic_r%zu_%s_w%d", tag, r, f, w);
        rp_expr_add(&e, d, 1);
        rp_emit_row(em, &e, RP_LE, 0, (int)r, RP_NONE, w, w, "%sclinic_r%zu_%s_w%d", tag, r, f,
                    w);
        rp_expr_clear(&e);
        rp_expr_add(&e, d, 1);
        for (int s = w - run + 1; s <= w; s++)
            if (s >= 1 && s + run - 1 <= h)
                rp_expr_add(&e, u[s], -cap);
        rp_emit_row(em, &e, RP_LE, 0, (int)r, RP_NONE, w, w, "%sinrun_r%zu_%s_w%d", tag, r, f,
                    w);
        rp_expr_add(lhs, d, 1);
    }
    rp_expr_free(&e);
    free(u);
}

void rp_emit_clinic_credit(rp_emit *em, size_t r, int X, bool whole_weeks, const char *tag,
                           rp_expr *lhs)
{
    const rp_model *m = em->model;
    size_t np;
    const rp_piece *pieces = rp_space_pieces(em->space, r, &np);
    bool short_ones = false;
    for (size_t i = 0; i < np; i++) {
        int kind = clinic_piece(m, &pieces[i], X);
        short_ones = short_ones || kind == 2;
        if (kind != 1)
            continue;
        double days = 0;
        rp_week_credit c;
        int year = -1;
        for (int p = pieces[i].first; p <= pieces[i].last; p++) {
            rp_piece_credit_in_year(m, &pieces[i], p, &year, &c);
            if (c.go_block_field == X)
                days += week_credit(m, &c, whole_weeks);
        }
        rp_expr_add(lhs, pieces[i].col, days);
    }
    if (short_ones)
        window_rows(em, r, X, whole_weeks, tag, lhs);
}

/* ---- general-clinic credit, checks ---- */

enum { MAX_SESSIONS = 8 };

rp_week_credit *rp_check_credits(const rp_check_ctx *ctx, size_t r)
{
    const rp_resident_plan *rp = &ctx->residents[r];
    rp_week_credit *credit = rp_xcalloc((size_t)rp->horizon + 2, sizeof *credit);
    for (int p = 0; p <= rp->horizon + 1; p++)
        credit[p].host = credit[p].go_block_field = RP_NONE;
    for (int p = 1; p <= rp->horizon; p++) {
        rp_session sessions[MAX_SESSIONS];
        size_t n;
        rp_week w;
        rp_check_week(ctx, r, p, sessions, MAX_SESSIONS, &n, &w);
        rp_week_credit_of(ctx->model, &w, &credit[p]);
    }
    return credit;
}

