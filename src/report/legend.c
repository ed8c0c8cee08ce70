/*
 * legend.c: the colours of stints shared by the HTML report and the Excel workbook (legend.h),
 * and the Japanese words for leave that both show in place of a facility.
 */
#include "report/legend.h"
#include "report/writers.h"
#include "rotaplan/check.h"
#include "util/i18n.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

/* Kenneth Kelly's colours of maximum contrast (1965), without black and white, light ones first
 * (the first facilities of a model are the most used); text on the dark ones is white
 * (rp_colour_dark). The palette before this one had two yellows alike (eiju and ashikaga) and two
 * oranges alike (tokyo-mc and ashikaga). */
static const unsigned palette[] = {
    0xa1caf1, 0xf38400, 0x8db600, 0xe68fac, 0xf3c300, 0xc2b280, 0x875692,
    0x008856, 0xf99379, 0x0067a5, 0xdcd300, 0xbe0032, 0x848482, 0x604e97,
    0xf6a600, 0xb3446c, 0x882d17, 0xe25822, 0x654522, 0x2b3d26,
};
#define N_PALETTE (sizeof palette / sizeof palette[0])

unsigned rp_colour_value(int index)
{
    if (index < 0)
        return 0xcccccc;
    return palette[(size_t)index % N_PALETTE];
}

/* The palette as HTML writes it (palette[] spelt out; tests/unit/test_legend.c checks that they
 * agree), and grey. */
static const char *const hex[N_PALETTE + 1] = {
    "#a1caf1", "#f38400", "#8db600", "#e68fac", "#f3c300", "#c2b280", "#875692",
    "#008856", "#f99379", "#0067a5", "#dcd300", "#be0032", "#848482", "#604e97",
    "#f6a600", "#b3446c", "#882d17", "#e25822", "#654522", "#2b3d26", "#cccccc",
};

const char *rp_colour_rgb(int index)
{
    return hex[index < 0 ? N_PALETTE : (size_t)index % N_PALETTE];
}

bool rp_colour_dark(int index)
{
    unsigned v = rp_colour_value(index);
    double r = (v >> 16) & 0xff, g = (v >> 8) & 0xff, b = v & 0xff;
    return 0.299 * r + 0.587 * g + 0.114 * b < 140; /* luma: black text no longer reads */
}

static const char *stint_department(const rp_model *m, const rp_stint *s)
{
    return rp_report_stint_department(m, s);
}

static bool listed(const rp_colour_key *k, const char *id)
{
    for (size_t i = 0; i < k->n_deps; i++)
        if (strcmp(k->deps[i], id) == 0)
            return true;
    return false;
}

/* The distinct departments of the plan's blocks, in the model's order of facilities and their
 * departments first, then any other the plan names, in plan order. */
static void collect_departments(rp_colour_key *k, const rp_model *m, const rp_plan *p)
{
    k->deps = rp_xcalloc(p->n_stints + 1, sizeof *k->deps);
    for (size_t f = 0; f < m->n_facilities; f++) {
        const rp_facility *fac = &m->facilities[f];
        for (size_t d = 0; d < fac->n_departments; d++) {
            const char *id = fac->departments[d].id;
            bool used = false;
            for (size_t i = 0; i < p->n_stints && !used; i++) {
                const char *sd = stint_department(m, &p->stints[i]);
                used = sd && strcmp(sd, id) == 0;
            }
            if (used && !listed(k, id))
                k->deps[k->n_deps++] = id;
        }
    }
    for (size_t i = 0; i < p->n_stints; i++) {
        const char *sd = stint_department(m, &p->stints[i]);
        if (sd && !listed(k, sd))
            k->deps[k->n_deps++] = sd;
    }
}

void rp_colour_key_init(rp_colour_key *k, const rp_model *m, const rp_plan *p)
{
    *k = (rp_colour_key){0};
    long *periods = rp_xcalloc(m->n_facilities + 1, sizeof *periods);
    long total = 0, most = 0;
    bool departments = false;
    for (size_t i = 0; i < p->n_stints; i++) {
        const rp_stint *s = &p->stints[i];
        if (s->mode != RP_MODE_BLOCK)
            continue;
        long n = (long)s->last - s->first + 1;
        total += n;
        if (s->facility >= 0 && (periods[s->facility] += n) > most)
            most = periods[s->facility];
        departments = departments || stint_department(m, s);
    }
    free(periods);
    k->by_department = departments && total > 0 && 2 * most > total;
    if (k->by_department)
        collect_departments(k, m, p);
}

void rp_colour_key_free(rp_colour_key *k)
{
    free(k->deps);
    k->deps = NULL;
    k->n_deps = 0;
}

int rp_colour_key_index(const rp_colour_key *k, const rp_model *m, int facility,
                        const char *department_id)
{
    (void)m;
    if (facility < 0)
        return -1;
    if (!k->by_department)
        return facility;
    for (size_t i = 0; department_id && i < k->n_deps; i++)
        if (strcmp(k->deps[i], department_id) == 0)
            return (int)i;
    return -1;
}

const char *rp_department_name(const rp_model *m, int facility, const char *department_id)
{
    if (!department_id)
        return NULL;
    if (facility >= 0) {
        const rp_facility *f = &m->facilities[facility];
        int d = rp_facility_department(f, department_id);
        if (d != RP_NONE && f->departments[d].name)
            return f->departments[d].name;
    }
    for (size_t f = 0; f < m->n_facilities; f++) {
        int d = rp_facility_department(&m->facilities[f], department_id);
        if (d != RP_NONE && m->facilities[f].departments[d].name)
            return m->facilities[f].departments[d].name;
    }
    return department_id;
}

const char *rp_colour_key_label(const rp_colour_key *k, const rp_model *m, int index)
{
    if (index < 0)
        return k->by_department ? _("(department not named)") : _("(no facility)");
    if (k->by_department)
        return (size_t)index < k->n_deps ? rp_department_name(m, RP_NONE, k->deps[index]) : "?";
    return (size_t)index < m->n_facilities ? m->facilities[index].name : "?";
}

const char *rp_leave_label(rp_status s)
{
    switch (s) {
    case RP_STATUS_FT:
    case RP_STATUS_GC:
    case RP_STATUS_COUNT:
        return NULL;
    case RP_STATUS_PT:
        return "短時間";
    case RP_STATUS_MATERNITY:
        return "産休";
    case RP_STATUS_SICKNESS:
        return "病休";
    case RP_STATUS_ABROAD:
        return "留学";
    case RP_STATUS_GNC:
        return "大学院";
    case RP_STATUS_OTHER:
        return "休職";
    case RP_STATUS_SUSPENSION:
    case RP_STATUS_AWAY: /* a week wholly in a dated 休止 beyond the allowance: no facility */
        return "休止";
    }
    return NULL;
}

int rp_wish_periods(const rp_check_ctx *ctx, size_t r, const rp_wish *w)
{
    const rp_resident_plan *rp = &ctx->residents[r];
    int n = 0;
    for (int p = 1; p <= rp->horizon; p++) {
        const rp_cell *c = &rp->cells[p];
        if (c->facility < 0)
            continue;
        if (p <= rp->timeline.horizon && rp_leave_label(rp->timeline.status[p]) &&
            rp->timeline.status[p] != RP_STATUS_PT)
            continue;
        bool at;
        if (w->facility != RP_NONE) {
            at = c->facility == w->facility;
        } else {
            const char *d = c->department_id;
            if (!d && c->department >= 0)
                d = ctx->model->facilities[c->facility].departments[c->department].id;
            at = d && w->department && strcmp(d, w->department) == 0;
        }
        n += at;
    }
    return n;
}

const char *rp_wish_label(const rp_model *m, const rp_wish *w)
{
    if (w->facility != RP_NONE)
        return m->facilities[w->facility].name;
    return rp_department_name(m, RP_NONE, w->department);
}

const char *rp_wish_outcome(const rp_model *m, int periods)
{
    int full = m->objective.wish_periods > 0 ? m->objective.wish_periods : 1;
    if (periods >= full)
        return N_("granted");
    return periods > 0 ? N_("partly") : N_("not granted");
}
