/*
 * translate.c: model + cohort -> ILP, the second stage of the pipeline. It builds each resident's
 * timeline (statuses from leave), the assignment space (pieces shaped by the rules' admit hooks,
 * course columns), every enabled rule's rows through its kind's emit, and the objective
 * (objective.c). Nothing here knows a rule's meaning: that lives in src/rules/.
 */
#include "rotaplan/translate.h"
#include "rotaplan/rule.h"
#include "rotaplan/shape.h"
#include "translate/objective.h"
#include "translate/space.h"
#include "util/util.h"

#include <stdlib.h>

static int emit_rules(const rp_model *m, rp_emit *em, rp_diags *d)
{
    for (size_t i = 0; i < m->n_rules; i++) {
        const rp_rule *rule = &m->rules[i];
        if (!rule->enabled)
            continue;
        em->rule = (int)i;
        if (rule->kind->emit(rule, em) != 0) {
            rp_diag_add(d, RP_ERROR, m->path, rule->pos.line, rule->pos.col, 0,
                        "internal error: the rows of rule '%s' could not be built", rule->id);
            return -1;
        }
    }
    return 0;
}

static int translate(const rp_model *m, const rp_cohort *c, const rp_translate_options *opt,
                     bool pieces_only, rp_translation **out, rp_diags *d)
{
    rp_translate_options defaults = {false, false, false, false, false, NULL, NULL};
    if (!opt)
        opt = &defaults;
    rp_translation *t = rp_xcalloc(1, sizeof *t);
    t->model = m;
    t->cohort = c;
    t->n_residents = c->n_residents;
    t->timelines = rp_xcalloc(c->n_residents + 1, sizeof *t->timelines);
    for (size_t r = 0; r < c->n_residents; r++)
        rp_timeline_build(m, &c->residents[r], &t->timelines[r]);
    t->ilp = rp_ilp_new();
    t->space = rp_space_build(m, c, t->timelines, t->ilp, opt, &t->uncovered, &t->n_uncovered);
    if (pieces_only) {
        *out = t;
        return 0;
    }
    /* pieces that the admit hooks did not shape (plain, or free of the PROG rules): every rule
     * writes its complete rows, which hold whatever the pieces. Pieces cut at change dates passed
     * every hook but the PROG rules', and are flagged bent where those refused them. */
    bool shaped = !opt->plain && !opt->programme_unshaped;
    rp_emit em = {m, c, t->timelines, t->space, t->ilp, RP_NONE, shaped, opt->programme_elastic,
                  NULL, 0, 0};
    int err = emit_rules(m, &em, d);
    t->bend_cols = em.bend_cols;
    t->n_bend_cols = em.n_bend_cols;
    t->programme_bends = opt->programme_elastic || opt->split_at_changes;
    if (err != 0) {
        rp_translation_free(t);
        return -1;
    }
    if (!opt->no_objective)
        rp_objective_build(m, c, t->timelines, t->space, t->ilp);
    *out = t;
    return 0;
}

int rp_translate(const rp_model *m, const rp_cohort *c, const rp_translate_options *opt,
                 rp_translation **out, rp_diags *d)
{
    return translate(m, c, opt, false, out, d);
}

int rp_translate_pieces(const rp_model *m, const rp_cohort *c, const rp_translate_options *opt,
                        rp_translation **out, rp_diags *d)
{
    return translate(m, c, opt, true, out, d);
}

size_t rp_translation_resident_columns(const rp_translation *t, size_t r, int **cols)
{
    size_t np;
    const rp_piece *pieces = rp_space_pieces(t->space, r, &np);
    int *c = rp_xmalloc((np + t->model->n_courses + 1) * sizeof *c);
    size_t n = 0;
    for (size_t i = 0; i < np; i++)
        c[n++] = pieces[i].col;
    for (size_t k = 0; k < t->model->n_courses; k++) {
        int col = rp_space_course_col(t->space, r, (int)k);
        if (col >= 0)
            c[n++] = col;
    }
    *cols = c;
    return n;
}

rp_col_shape *rp_translation_column_shapes(const rp_translation *t)
{
    const rp_model *m = t->model;
    size_t n = rp_ilp_n_cols(t->ilp);
    rp_col_shape *shapes = rp_xmalloc((n + 1) * sizeof *shapes);
    for (size_t j = 0; j < n; j++)
        shapes[j] = (rp_col_shape){-1, 0, 0};
    int width = 1; /* departments, session variants: at most this many each */
    for (size_t f = 0; f < m->n_facilities; f++)
        if ((int)m->facilities[f].n_departments + 1 > width)
            width = (int)m->facilities[f].n_departments + 1;
    for (size_t r = 0; r < t->n_residents; r++) {
        size_t np;
        const rp_piece *pieces = rp_space_pieces(t->space, r, &np);
        for (size_t i = 0; i < np; i++) {
            const rp_piece *pc = &pieces[i];
            int kind = ((pc->facility + 1) * width + pc->department + 1) * width +
                       pc->par_department + 1;
            shapes[pc->col] = (rp_col_shape){kind, pc->first, pc->last};
        }
    }
    return shapes;
}

/* How piece pc of a resident of offset group g stands to the standard rotation. */
static unsigned char follows_standard(const rp_model *m, int g, const rp_piece *pc)
{
    bool named = false;
    for (int p = pc->first; p <= pc->last; p++) {
        const rp_std_block *b = rp_standard_block(m, g, p);
        if (!b || b->free)
            continue;
        if (!rp_standard_matches(m, b, pc->facility, pc->department))
            return RP_STANDARD_OFF;
        named = true;
    }
    return named ? RP_STANDARD_ON : RP_STANDARD_FREE;
}

unsigned char *rp_translation_standard_columns(const rp_translation *t)
{
    const rp_model *m = t->model;
    const rp_cohort *c = t->cohort;
    if (m->standard.groups <= 0 || !(m->objective.standard > 0))
        return NULL;
    size_t n = rp_ilp_n_cols(t->ilp);
    unsigned char *on = rp_xcalloc(n + 1, sizeof *on);
    const char **ids = rp_xmalloc((c->n_residents + 1) * sizeof *ids);
    int *cohorts = rp_xmalloc((c->n_residents + 1) * sizeof *cohorts);
    for (size_t r = 0; r < c->n_residents; r++) {
        ids[r] = c->residents[r].id;
        cohorts[r] = c->residents[r].cohort;
    }
    for (size_t r = 0; r < t->n_residents; r++) {
        int g = rp_standard_group(m, ids[r], cohorts[r], ids, cohorts, c->n_residents);
        size_t np;
        const rp_piece *pieces = rp_space_pieces(t->space, r, &np);
        for (size_t i = 0; i < np; i++)
            on[pieces[i].col] = follows_standard(m, g, &pieces[i]);
    }
    free(ids);
    free(cohorts);
    return on;
}

void rp_translation_free(rp_translation *t)
{
    if (!t)
        return;
    for (size_t r = 0; r < t->n_residents; r++)
        rp_timeline_free(&t->timelines[r]);
    free(t->timelines);
    rp_space_free(t->space);
    rp_ilp_free(t->ilp);
    free(t->uncovered);
    free(t->bend_cols);
    free(t);
}
