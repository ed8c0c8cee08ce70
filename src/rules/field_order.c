/*
 * field_order.c: kind `field-order`, the order of fields in the programme, in one of two forms.
 *
 * Rule, `{before: [SURG], after: [ANES]}`: no week of a field of `before` comes after a week of a
 * field of `after` ("A before B": every block of A ends before the first block of B begins).
 * Rule, `{separate_years: [PED, OBGYN]}`: the weeks of each listed field lie within one
 * programme year, and no two listed fields share a year ("pediatrics or obstetrics in year 1 and
 * the other in year 2"). A field the resident never trains in constrains nothing (its minimum is
 * another rule's). A week is in a field by its block's department (weeks-in's counting; parallel
 * sessions do not count).
 *
 * Rows, before/after: z_A[w], z_B[w] the pieces of A and B covering w, a continuous s_w in [0, 1]
 * ("B has begun by w"):  s_w >= z_B[w],  s_w >= s_{w-1},  z_A[w] + s_w <= 1.
 * Rows, separate years: a binary y[X,Y] per field X and year Y, with n_Y the periods of year Y:
 *     sum_{w in Y} z_X[w] <= n_Y y[X,Y],   sum_Y y[X,Y] <= 1,   sum_X y[X,Y] <= 1.
 *
 * Check: walks each resident's cells: the last week of A against the first of B; the years each
 * field occupies.
 *
 * Used by: the order entries of models/minami-general-2024.yaml.
 */
#include "rules/kind.h"
#include "rules/places.h"
#include "rules/weeks.h"
#include "util/i18n.h"

typedef struct params {
    bool before[RP_N_FIELDS], after[RP_N_FIELDS];
    bool separate[RP_N_FIELDS];
    bool is_separate;
} params;

static int parse(rp_rule *rule, rp_yctx *y, const rp_ynode *node, const rp_model *m)
{
    static const rp_ykey keys[] = {
        {"before", RP_Y_SEQ, false},
        {"after", RP_Y_SEQ, false},
        {"separate_years", RP_Y_SEQ, false},
    };
    const rp_ynode *v[3];
    params *p = RP_PARAMS_NEW(y, params);
    rule->params = p;
    if (rp_kind_params(y, rule, node, keys, 3, v) != 0)
        return -1;
    int err = rp_require_weeks(y, rule, m);
    if (v[2] && !v[0] && !v[1]) {
        p->is_separate = true;
        if (rp_read_fields(y, v[2], "separate_years", p->separate) != 0)
            return -1;
        int n = 0;
        for (int X = 0; X < RP_N_FIELDS; X++)
            n += p->separate[X];
        if (n < 2 || n > m->calendar.years)
            return rp_yerror(y, v[2], "separate_years lists %d fields; expected 2 to %d (one "
                                      "a year)", n, m->calendar.years);
        return err;
    }
    if (!v[0] || !v[1] || v[2])
        return rp_yerror_pos(y, rule->pos, "rule '%s' needs 'before' and 'after', or "
                                           "'separate_years' alone, in its params", rule->id);
    /* both read, so that the errors of each are reported */
    int bad = rp_read_fields(y, v[0], "before", p->before) != 0;
    bad |= rp_read_fields(y, v[1], "after", p->after) != 0;
    if (bad)
        return -1;
    for (int X = 0; X < RP_N_FIELDS; X++)
        if (p->before[X] && p->after[X])
            return rp_yerror(y, v[1], "field '%s' is both before and after; expected distinct "
                                      "fields", rp_field_names[X]);
    return err;
}

/* ---- rows ---- */

static int field_of_piece(const rp_model *m, const rp_piece *pc)
{
    if (pc->facility < 0 || pc->department < 0)
        return RP_NONE;
    return m->facilities[pc->facility].departments[pc->department].field;
}

/* coef times the pieces covering w whose field is marked in fields */
static void add_z(const rp_emit *em, rp_expr *e, size_t r, int w, const bool *fields,
                  double coef)
{
    size_t n, np;
    const int *cov = rp_space_covering(em->space, r, w, &n);
    const rp_piece *pieces = rp_space_pieces(em->space, r, &np);
    for (size_t i = 0; i < n; i++) {
        int X = field_of_piece(em->model, &pieces[cov[i]]);
        if (X >= 0 && fields[X])
            rp_expr_add(e, pieces[cov[i]].col, coef);
    }
}

static void emit_before(const params *pa, rp_emit *em, size_t r)
{
    int h = rp_space_horizon(em->space, r);
    rp_expr e = {0};
    int prev = -1;
    for (int w = 1; w <= h; w++) {
        int s = rp_emit_col(em, RP_COL_CONTINUOUS, 0, 1, "s_r%zu_w%d", r, w);
        rp_expr_clear(&e);
        rp_expr_add(&e, s, 1);
        add_z(em, &e, r, w, pa->after, -1);
        rp_emit_row(em, &e, RP_GE, 0, (int)r, RP_NONE, w, w, "b_r%zu_w%d", r, w);
        if (prev >= 0) {
            rp_expr_clear(&e);
            rp_expr_add(&e, s, 1);
            rp_expr_add(&e, prev, -1);
            rp_emit_row(em, &e, RP_GE, 0, (int)r, RP_NONE, w - 1, w, "m_r%zu_w%d", r, w);
        }
        rp_expr_clear(&e);
        rp_expr_add(&e, s, 1);
        add_z(em, &e, r, w, pa->before, 1);
        rp_emit_row(em, &e, RP_LE, 1, (int)r, RP_NONE, w, w, "a_r%zu_w%d", r, w);
        prev = s;
    }
    rp_expr_free(&e);
}

static void emit_separate(const params *pa, rp_emit *em, size_t r)
{
    const rp_model *m = em->model;
    int h = rp_space_horizon(em->space, r), years = m->calendar.years;
    int *yc = rp_xmalloc((size_t)RP_N_FIELDS * (size_t)years * sizeof *yc);
    rp_expr e = {0};
    for (int X = 0; X < RP_N_FIELDS; X++) {
        if (!pa->separate[X])
            continue;
        bool one[RP_N_FIELDS] = {false};
        one[X] = true;
        rp_expr any = {0};
        for (int Y = 1; Y <= years; Y++) {
            int c = rp_emit_col(em, RP_COL_BINARY, 0, 1, "y_r%zu_%s_%d", r, rp_field_names[X], Y);
            yc[X * years + Y - 1] = c;
            rp_expr_clear(&e);
            int n = 0;
            for (int w = 1; w <= h; w++)
                if (rp_period_year(m, w) == Y) {
                    add_z(em, &e, r, w, one, 1);
                    n++;
                }
            rp_expr_add(&e, c, -n);
            rp_emit_row(em, &e, RP_LE, 0, (int)r, RP_NONE, 1, h, "in_r%zu_%s_%d", r,
                        rp_field_names[X], Y);
            rp_expr_add(&any, c, 1);
        }
        rp_emit_row(em, &any, RP_LE, 1, (int)r, RP_NONE, 1, h, "one_r%zu_%s", r,
                    rp_field_names[X]);
        rp_expr_free(&any);
    }
    for (int Y = 1; Y <= years; Y++) {
        rp_expr_clear(&e);
        for (int X = 0; X < RP_N_FIELDS; X++)
            if (pa->separate[X])
                rp_expr_add(&e, yc[X * years + Y - 1], 1);
        rp_emit_row(em, &e, RP_LE, 1, (int)r, RP_NONE, 1, h, "year_r%zu_%d", r, Y);
    }
    rp_expr_free(&e);
    free(yc);
}

static int emit(const rp_rule *rule, rp_emit *em)
{
    const params *pa = rule->params;
    for (size_t r = 0; r < em->cohort->n_residents; r++) {
        if (pa->is_separate)
            emit_separate(pa, em, r);
        else
            emit_before(pa, em, r);
    }
    return 0;
}

/* ---- check ---- */

static int cell_field(const rp_model *m, const rp_cell *c)
{
    return c->facility >= 0 && c->department >= 0
               ? (int)m->facilities[c->facility].departments[c->department].field
               : RP_NONE;
}

static void check_before(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out,
                         size_t r)
{
    const params *pa = rule->params;
    const rp_resident_plan *rp = &ctx->residents[r];
    int last_a = 0, first_b = 0;
    for (int p = 1; p <= rp->horizon; p++) {
        int X = cell_field(ctx->model, &rp->cells[p]);
        if (X < 0)
            continue;
        if (pa->before[X])
            last_a = p;
        if (pa->after[X] && !first_b)
            first_b = p;
    }
    if (!last_a || !first_b || last_a < first_b)
        return;
    char got[64];
    snprintf(got, sizeof got, _("week %d after week %d"), last_a, first_b);
    rp_finding_add(out, ctx, rule, (int)r, RP_NONE, first_b, last_a, "every week before", got,
                   "resident %s trains in %s in week %d, after %s began in week %d; the "
                   "programme asks for %s first", rp->planned->id,
                   rp_field_label(cell_field(ctx->model, &rp->cells[last_a])), last_a,
                   rp_field_label(cell_field(ctx->model, &rp->cells[first_b])), first_b,
                   rp_field_label(cell_field(ctx->model, &rp->cells[last_a])));
}

static void check_separate(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out,
                           size_t r)
{
    const params *pa = rule->params;
    const rp_model *m = ctx->model;
    const rp_resident_plan *rp = &ctx->residents[r];
    enum { MAX_YEARS = 16 };
    int years = m->calendar.years < MAX_YEARS ? m->calendar.years : MAX_YEARS;
    bool in[RP_N_FIELDS][MAX_YEARS + 1] = {{false}};
    for (int p = 1; p <= rp->horizon; p++) {
        int X = cell_field(m, &rp->cells[p]);
        int Y = rp_period_year(m, p);
        if (X >= 0 && pa->separate[X] && Y <= years)
            in[X][Y] = true;
    }
    for (int X = 0; X < RP_N_FIELDS; X++) {
        int n = 0;
        for (int Y = 1; Y <= years; Y++)
            n += in[X][Y];
        if (pa->separate[X] && n > 1)
            rp_finding_add(out, ctx, rule, (int)r, RP_NONE, 1, rp->horizon, "one year",
                           "both years", "resident %s trains in %s in more than one programme "
                           "year; the programme puts it in one year", rp->planned->id,
                           rp_field_label(X));
    }
    for (int Y = 1; Y <= years; Y++) {
        int n = 0, a = -1, b = -1;
        for (int X = 0; X < RP_N_FIELDS; X++)
            if (pa->separate[X] && in[X][Y]) {
                n++;
                a = a < 0 ? X : a;
                b = X;
            }
        if (n > 1)
            rp_finding_add(out, ctx, rule, (int)r, RP_NONE, 1, rp->horizon,
                           "one of them a year", "two in one year",
                           "resident %s trains in both %s and %s in year %d; the programme "
                           "puts them in different years", rp->planned->id, rp_field_label(a),
                           rp_field_label(b), Y);
    }
}

static void check(const rp_rule *rule, const rp_check_ctx *ctx, rp_findings *out)
{
    const params *pa = rule->params;
    for (size_t r = 0; r < ctx->n_residents; r++) {
        if (pa->is_separate)
            check_separate(rule, ctx, out, r);
        else
            check_before(rule, ctx, out, r);
    }
}

static void list(rp_buf *b, const bool *fields)
{
    const char *sep = "";
    for (int X = 0; X < RP_N_FIELDS; X++)
        if (fields[X]) {
            rp_buf_printf(b, "%s%s", sep, rp_field_label(X));
            sep = ", ";
        }
}

static char *describe(const rp_rule *rule, const rp_model *m)
{
    (void)m;
    const params *pa = rule->params;
    rp_buf b = {0}, one = {0}, two = {0};
    if (pa->is_separate) {
        list(&one, pa->separate);
        rp_buf_printf(&b,
                      _("every resident trains in each of %s within one programme year, each in "
                        "a different year"),
                      one.len ? one.data : "");
    } else {
        list(&one, pa->before);
        list(&two, pa->after);
        rp_buf_printf(&b, _("every resident finishes %s before beginning %s"),
                      one.len ? one.data : "", two.len ? two.data : "");
    }
    rp_buf_free(&one);
    rp_buf_free(&two);
    return rp_buf_take(&b);
}

const rp_rule_kind rp_kind_field_order = {
    .name = "field-order",
    .parse = parse,
    .emit = emit,
    .check = check,
    .describe = describe,
};
