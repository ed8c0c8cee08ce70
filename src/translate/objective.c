/*
 * objective.c: what the solver maximises among compliant plans.
 *
 * Wishes. A resident's ranked facility wishes weigh objective.wishes in total: of n wishes, the
 * one ranked k weighs (n - k + 1) / (n (n + 1) / 2). A wish is granted when the resident is
 * present at the facility at least one period: a continuous v[r,f] in [0,1] with
 *     v[r,f] <= sum of r's pieces at f that hold a presence period,
 * earns its weight. Counting pieces, not periods, keeps the relaxation tight.
 *
 * Balance. Crowded facilities cost: for every facility f and calendar slot t, with N(f,t) the
 * residents there (who occupy a place, as RAD-12 counts them), the cost is N^2 / ins(f) / 12,
 * ins(f) the facility's instructor figure (at least 0.5): one resident-year at a facility with
 * as many residents as instructors costs about 1, and the same residents spread in proportion to
 * the instructors cost least. The square is linearised exactly at whole numbers with columns
 * v_k in [0,1], k = 1..K, each costing (2k - 1) / ins / 12: sum_k v_k >= N(f,t), and the cheap
 * ones fill first. K stops at 3 ins(f), RAD-12's usual limit; one more column of unbounded size
 * carries the slope beyond. Consecutive slots whose N(f,t) is the same expression share their
 * columns, with the cost multiplied by the number of slots.
 */
#include "translate/objective.h"
#include "util/util.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

static bool piece_present(const rp_model *m, const rp_timeline *t, const rp_piece *pc)
{
    for (int p = pc->first; p <= pc->last; p++)
        if (rp_timeline_presence(m, t, p))
            return true;
    return false;
}

static void wishes(const rp_model *m, const rp_cohort *c, const rp_timeline *timelines,
                   const rp_space *s, rp_ilp *ilp)
{
    rp_expr e = {0};
    for (size_t r = 0; r < c->n_residents; r++) {
        const rp_resident *res = &c->residents[r];
        size_t n = res->n_wishes, np;
        const rp_piece *pieces = rp_space_pieces(s, r, &np);
        for (size_t k = 0; k < n; k++) {
            int f = res->wishes[k].facility;
            double weight = m->objective.wishes * (double)(n - k) / ((double)n * (n + 1) / 2);
            char name[96];
            snprintf(name, sizeof name, "wish_r%zu_%zu", r, k + 1);
            int v = rp_ilp_add_col(ilp, name, RP_COL_CONTINUOUS, 0, 1);
            rp_ilp_add_obj(ilp, v, weight);
            rp_expr_clear(&e);
            rp_expr_add(&e, v, 1);
            for (size_t i = 0; i < np; i++)
                if (pieces[i].facility == f && piece_present(m, &timelines[r], &pieces[i]))
                    rp_expr_add(&e, pieces[i].col, -1);
            rp_row_tag tag = {RP_NONE, (int)r, f, 0, 0};
            rp_ilp_add_row(ilp, name, &e, RP_LE, 0, tag);
        }
    }
    rp_expr_free(&e);
}

/* N(f,t) as an expression; returns the number of residents who could be there. */
static size_t load_expr(const rp_model *m, const rp_cohort *c, const rp_timeline *timelines,
                        const rp_space *s, int f, long t, rp_expr *e)
{
    rp_expr_clear(e);
    size_t who = 0;
    for (size_t r = 0; r < c->n_residents; r++) {
        long p = t - rp_slot(m, c->residents[r].cohort, 1) + 1;
        if (p < 1 || p > timelines[r].horizon || !rp_timeline_occupies(m, &timelines[r], (int)p))
            continue;
        size_t before = e->n;
        rp_space_add_z(s, e, r, (int)p, f, 1);
        who += e->n > before;
    }
    rp_expr_normalize(e);
    return who;
}

static bool same_expr(const rp_expr *a, const rp_expr *b)
{
    return a->n == b->n && memcmp(a->col, b->col, a->n * sizeof *a->col) == 0 &&
           memcmp(a->coef, b->coef, a->n * sizeof *a->coef) == 0;
}

static void balance_segment(const rp_model *m, rp_ilp *ilp, int f, long t, const rp_expr *load,
                            size_t who, int slots)
{
    double ins = fmax(0.5, m->facilities[f].instructors);
    size_t K = (size_t)floor(3 * ins + 1e-9);
    if (K > who)
        K = who;
    double unit = m->objective.balance * slots / ins / 12.0;
    rp_expr e = {0};
    for (size_t i = 0; i < load->n; i++)
        rp_expr_add(&e, load->col[i], -load->coef[i]);
    char name[96];
    for (size_t k = 1; k <= K + 1; k++) {
        bool tail = k == K + 1;
        if (tail && K == who)
            break;
        snprintf(name, sizeof name, "load_f%d_t%ld_%zu", f, t, k);
        int v = rp_ilp_add_col(ilp, name, RP_COL_CONTINUOUS, 0, tail ? INFINITY : 1);
        rp_ilp_add_obj(ilp, v, -unit * (2.0 * k - 1));
        rp_expr_add(&e, v, 1);
    }
    snprintf(name, sizeof name, "load_f%d_t%ld", f, t);
    rp_row_tag tag = {RP_NONE, RP_NONE, f, (int)t, (int)t + slots - 1};
    rp_ilp_add_row(ilp, name, &e, RP_GE, 0, tag);
    rp_expr_free(&e);
}

static void balance(const rp_model *m, const rp_cohort *c, const rp_timeline *timelines,
                    const rp_space *s, rp_ilp *ilp)
{
    if (m->objective.balance <= 0 || c->n_residents == 0)
        return;
    long lo = 0, hi = -1;
    for (size_t r = 0; r < c->n_residents; r++) {
        long a = rp_slot(m, c->residents[r].cohort, 1);
        long b = rp_slot(m, c->residents[r].cohort, timelines[r].horizon);
        lo = (hi < lo || a < lo) ? a : lo;
        hi = b > hi ? b : hi;
    }
    rp_expr cur = {0}, next = {0};
    for (size_t f = 0; f < m->n_facilities; f++) {
        long start = lo;
        size_t who = load_expr(m, c, timelines, s, (int)f, lo, &cur);
        for (long t = lo + 1; t <= hi + 1; t++) {
            size_t who_next = t <= hi ? load_expr(m, c, timelines, s, (int)f, t, &next) : 0;
            if (t <= hi && same_expr(&cur, &next))
                continue;
            if (cur.n > 0)
                balance_segment(m, ilp, (int)f, start, &cur, who, (int)(t - start));
            rp_expr tmp = cur;
            cur = next;
            next = tmp;
            who = who_next;
            start = t;
        }
    }
    rp_expr_free(&cur);
    rp_expr_free(&next);
}

void rp_objective_build(const rp_model *m, const rp_cohort *c, const rp_timeline *timelines,
                        const rp_space *s, rp_ilp *ilp)
{
    wishes(m, c, timelines, s, ilp);
    balance(m, c, timelines, s, ilp);
}
