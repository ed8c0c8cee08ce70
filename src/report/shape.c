/*
 * shape.c: the shape of a plan (shape.h), at the report end of the pipeline: blocks per
 * resident, stints per field, the fields split into several stints, periods away from the core
 * hospital and the distance from the model's standard rotation. `plan` prints it after its
 * summary and the HTML report shows it in its summary. It reads the plan's block stints only,
 * never the ILP: the objective (translate/shape.c) prefers what this measures.
 */
#include "rotaplan/shape.h"
#include "util/util.h"
#include "util/i18n.h"

#include <stdlib.h>
#include <string.h>

/* The block rows of resident r, merged where two adjacent rows hold one place (a hand-made plan
 * may list a block in two rows). Returns how many, into *out (heap; the caller frees). */
static size_t blocks_of(const rp_plan *p, int r, rp_stint **out)
{
    rp_stint *b = rp_xmalloc((p->n_stints + 1) * sizeof *b);
    size_t n = 0;
    for (size_t i = 0; i < p->n_stints; i++) {
        const rp_stint *s = &p->stints[i];
        if (s->resident != r || s->mode != RP_MODE_BLOCK || s->facility < 0)
            continue;
        if (n > 0 && b[n - 1].last + 1 == s->first && b[n - 1].facility == s->facility &&
            b[n - 1].department == s->department) {
            b[n - 1].last = s->last;
            continue;
        }
        b[n++] = *s;
    }
    *out = b;
    return n;
}

static size_t field_index(rp_shape *sh, const char *name)
{
    for (size_t k = 0; k < sh->n_fields; k++)
        if (strcmp(sh->field_names[k], name) == 0)
            return k;
    sh->field_names[sh->n_fields] = name;
    sh->field_max_stints[sh->n_fields] = 0;
    return sh->n_fields++;
}

static int cmp_int(const void *a, const void *b)
{
    int x = *(const int *)a, y = *(const int *)b;
    return (x > y) - (x < y);
}

rp_spread rp_spread_of(const int *values, size_t n)
{
    rp_spread s = {0, 0, 0};
    if (n == 0)
        return s;
    int *v = rp_xmalloc(n * sizeof *v);
    memcpy(v, values, n * sizeof *v);
    qsort(v, n, sizeof *v, cmp_int);
    s.min = v[0];
    s.median = v[(n - 1) / 2];
    s.max = v[n - 1];
    free(v);
    return s;
}

/* Periods of resident r off the standard rotation, and the periods it counts. */
static void distance(const rp_model *m, const rp_plan *p, int r, const rp_stint *b, size_t nb,
                     int *off, int *counted)
{
    const char **ids = rp_xmalloc((p->n_residents + 1) * sizeof *ids);
    int *cohorts = rp_xmalloc((p->n_residents + 1) * sizeof *cohorts);
    for (size_t i = 0; i < p->n_residents; i++) {
        ids[i] = p->residents[i].id;
        cohorts[i] = p->residents[i].cohort;
    }
    int g = rp_standard_group(m, ids[r], cohorts[r], ids, cohorts, p->n_residents);
    *off = *counted = 0;
    for (size_t i = 0; i < nb; i++) {
        for (int q = b[i].first; q <= b[i].last; q++) {
            const rp_std_block *sb = rp_standard_block(m, g, q);
            if (!sb || sb->free)
                continue;
            (*counted)++;
            *off += !rp_standard_matches(m, sb, b[i].facility, b[i].department);
        }
    }
    free(ids);
    free(cohorts);
}

/* Fills the figures of resident r. */
static void measure_resident(const rp_model *m, const rp_plan *p, int r, rp_shape *sh,
                             int *stints_of)
{
    rp_stint *b;
    size_t nb = blocks_of(p, r, &b);
    sh->blocks[r] = (int)nb;
    memset(stints_of, 0, (p->n_stints + 2) * sizeof *stints_of);
    size_t prev = (size_t)-1;
    int prev_last = -2;
    for (size_t i = 0; i < nb; i++) {
        size_t a = field_index(sh, rp_shape_field(m, b[i].facility, b[i].department));
        if (a != prev || b[i].first != prev_last + 1)
            stints_of[a]++;
        prev = a;
        prev_last = b[i].last;
        if (!rp_shape_home(m, b[i].facility))
            sh->away[r] += b[i].last - b[i].first + 1;
    }
    for (size_t a = 0; a < sh->n_fields; a++) {
        if (stints_of[a] == 0)
            continue;
        sh->stints[r] += stints_of[a];
        sh->fields[r]++;
        sh->split[r] += stints_of[a] > 1;
        if (stints_of[a] > sh->max_stints[r])
            sh->max_stints[r] = stints_of[a];
        if (stints_of[a] > sh->field_max_stints[a])
            sh->field_max_stints[a] = stints_of[a];
    }
    sh->distance[r] = -1;
    if (m->standard.groups > 0)
        distance(m, p, r, b, nb, &sh->distance[r], &sh->pattern[r]);
    free(b);
}

void rp_shape_measure(const rp_model *m, const rp_plan *p, rp_shape *out)
{
    memset(out, 0, sizeof *out);
    size_t n = p->n_residents;
    out->n_residents = n;
    out->blocks = rp_xcalloc(n + 1, sizeof *out->blocks);
    out->stints = rp_xcalloc(n + 1, sizeof *out->stints);
    out->fields = rp_xcalloc(n + 1, sizeof *out->fields);
    out->split = rp_xcalloc(n + 1, sizeof *out->split);
    out->max_stints = rp_xcalloc(n + 1, sizeof *out->max_stints);
    out->away = rp_xcalloc(n + 1, sizeof *out->away);
    out->distance = rp_xcalloc(n + 1, sizeof *out->distance);
    out->pattern = rp_xcalloc(n + 1, sizeof *out->pattern);
    /* at most one field per block row */
    out->field_names = rp_xcalloc(p->n_stints + 1, sizeof *out->field_names);
    out->field_max_stints = rp_xcalloc(p->n_stints + 1, sizeof *out->field_max_stints);
    int *stints_of = rp_xcalloc(p->n_stints + 2, sizeof *stints_of);
    for (size_t r = 0; r < n; r++)
        measure_resident(m, p, (int)r, out, stints_of);
    free(stints_of);
}

void rp_shape_free(rp_shape *s)
{
    if (!s)
        return;
    free(s->blocks);
    free(s->stints);
    free(s->fields);
    free(s->split);
    free(s->max_stints);
    free(s->away);
    free(s->distance);
    free(s->pattern);
    free(s->field_names);
    free(s->field_max_stints);
    memset(s, 0, sizeof *s);
}

static void spread_line(FILE *out, const char *prefix, const char *what, const int *v, size_t n,
                        const char *tail)
{
    rp_spread s = rp_spread_of(v, n);
    fprintf(out, _("%s%s: %g / %g / %g (min / median / max per resident)%s\n"), prefix, what,
            s.min, s.median, s.max, tail);
}

void rp_shape_print(const rp_model *m, const rp_shape *s, const char *prefix, FILE *out)
{
    size_t n = s->n_residents;
    const char *unit = m->calendar.unit == RP_UNIT_WEEK ? _("weeks") : _("months");
    spread_line(out, prefix, _("blocks"), s->blocks, n, "");
    spread_line(out, prefix, _("stints per field, the most of one field"), s->max_stints, n, "");
    long split = 0, fields = 0, stints = 0;
    for (size_t r = 0; r < n; r++) {
        split += s->split[r];
        fields += s->fields[r];
        stints += s->stints[r];
    }
    fprintf(out, _("%sstints per field: %.2f on average (%ld stints of %ld resident-fields); "
                   "split into more than one stint: %ld"),
            prefix, fields ? (double)stints / (double)fields : 0.0, stints, fields, split);
    const char *sep = " (";
    for (size_t a = 0; a < s->n_fields; a++) {
        if (s->field_max_stints[a] < 2)
            continue;
        fprintf(out, _("%s%s up to %d"), sep, s->field_names[a], s->field_max_stints[a]);
        sep = ", ";
    }
    fprintf(out, "%s\n", *sep == ',' ? ")" : "");
    char what[64];
    snprintf(what, sizeof what, _("%s away from the core hospital"), unit);
    spread_line(out, prefix, what, s->away, n, "");
    if (m->standard.groups == 0) {
        fprintf(out, _("%sstandard rotation: none declared\n"), prefix);
        return;
    }
    long off = 0, counted = 0;
    for (size_t r = 0; r < n; r++) {
        off += s->distance[r];
        counted += s->pattern[r];
    }
    char tail[96];
    snprintf(tail, sizeof tail, _("; %ld of %ld %s off it (%.1f%%)"), off, counted, unit,
             counted ? 100.0 * (double)off / (double)counted : 0.0);
    snprintf(what, sizeof what, _("%s off the standard rotation"), unit);
    spread_line(out, prefix, what, s->distance, n, tail);
}
