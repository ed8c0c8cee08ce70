/*
 * sequential.c: a first plan, resident after resident (solve.h rp_solve_sequential; SOLVING.md
 * section 4). Each step is a small GLPK problem of its own, built from the ILP: the columns of
 * the group being planned, the rows they appear in (a later resident's rows left out: that
 * resident is not planned yet), and the helper columns of those rows with their rows in turn
 * (a rule's helper of the same resident, an objective helper). Every other column stands at its
 * value so far (a planned group's, a later group's 0, a fixed column's bound) and moves to the
 * right-hand side. A step costs what the resident's own rows cost, not what the whole problem
 * costs: GLPK's presolver over the whole problem, step after step, was most of the time to a
 * first plan (BENCHMARKS.md). A group that finds no place is planned again together with the 1,
 * 3, then 7 groups before it. Last, the helpers are solved together with every group fixed
 * (over the rows they are in; over the whole problem when a row would not hold), so that every
 * row holds together.
 * The same selection, as an rp_ilp with the rest on the right-hand side, is a what-if's region
 * problem (rp_solve_region, at the end).
 *
 * Pools (rp_solve_sequential_pooled). Off an aligned grid a resident has thousands of pieces
 * (every start, every allowed length) and a step over all of them is a hard little ILP. A step
 * is then first tried over a pool: the block sequences of the residents planned just before,
 * rotated to start at each of their pieces, as programmes rotate one published pattern among
 * offset groups; the columns the resident holds now; the pieces of periods few pieces cover
 * (leave, pins); and the pieces that can earn something in the objective (a wished place) and
 * start and end where blocks of those sequences do. The whole group is planned only when the
 * pool holds no plan. Every row of the resident holds in a pooled step as in a whole one: the
 * pool only leaves columns at 0.
 */
#include "rotaplan/solve.h"
#include "solve/columns.h"
#include "solve/guard.h"
#include "translate/glpk_bridge.h"
#include "util/util.h"

#include <glpk.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

enum {
    /* a group of at most this many columns is planned whole: its step is cheap (the aligned
     * two-year examples have some 1,200 a resident, and keep their plans) */
    POOL_MIN_COLUMNS = 1500,
    POOL_SOURCES = 3, /* the groups just before whose block sequences are offered */
    POOL_SPARSE = 8   /* a period fewer columns cover than this is offered whole (leave, pins) */
};

/* A column with what it stands for, to sort by. */
typedef struct keyed {
    rp_col_shape shape;
    int col;
} keyed;

typedef struct seq {
    const rp_ilp *ilp;
    const int *const *groups;
    const size_t *sizes;
    size_t n, m;
    size_t *col_start; /* [n + 1]: the rows of column j are col_row[col_start[j]..] */
    int *col_row;
    int *group_of;  /* [n]: the group of a column, -1 for the others */
    size_t *row_helper_start; /* [m + 1]: the helper columns of row i, in its order, are */
    int *row_helper;          /* row_helper[row_helper_start[i]..] */
    int *row_group; /* [m]: a resident's row: the last group among its columns; else -1 */
    bool *helper;   /* [n]: in no group and not fixed by its bounds */
    double *value;  /* [n]: the value so far */
    /* one step's selection (stamps avoid clearing) */
    int *col_seen, *row_seen, *local;
    int stamp;
    int *cols, *rows;
    size_t n_sel_cols, n_sel_rows;
    const rp_solve_options *opt;
    rp_guard guard; /* a stop (opt's flag, opt's time limit) ends a step: then no plan */
    /* the pool (rp_solve_sequential_pooled): what columns stand for, or NULL for no pool */
    const rp_col_shape *shapes;
    int *pool, *pool_seen, pool_stamp;
    size_t n_pool;
    keyed *order;  /* one group's columns, sorted by shape */
    bool *planned; /* [n_groups] */
    bool *earning_row; /* [m]: the row has a helper column of positive objective */
    const unsigned char *standard; /* [n]: rp_standard_column values, or NULL */
    /* with standard: [n] the last group whose resident's rows a helper column is in (-1: none);
     * a step leaves the helpers of the groups before its own at their values */
    int *helper_owner;
    size_t step_first; /* the first group of the step being selected */
    rp_first_stats stats;
    int *row_pos;      /* with standard: [m] a selected row's place in the step */
    size_t n_groups;
} seq;

static void index_columns(seq *s)
{
    rp_columns c;
    rp_columns_build(s->ilp, false, &c);
    s->col_start = c.start; /* the seq owns them from here */
    s->col_row = c.row;
}

/* The helper columns of each row (seq.row_helper): a step's rows are looked through for them,
 * and a capacity row holds thousands of pieces and few helpers. */
static void index_row_helpers(seq *s)
{
    s->row_helper_start = rp_xcalloc(s->m + 2, sizeof *s->row_helper_start);
    for (int pass = 0; pass < 2; pass++) {
        size_t t = 0;
        for (size_t i = 0; i < s->m; i++) {
            const int *col;
            const double *coef;
            size_t len;
            rp_ilp_row_terms(s->ilp, (int)i, &col, &coef, &len);
            if (pass == 0)
                s->row_helper_start[i] = t;
            for (size_t k = 0; k < len; k++) {
                if (!s->helper[col[k]])
                    continue;
                if (pass == 1)
                    s->row_helper[t] = col[k];
                t++;
            }
        }
        if (pass == 0) {
            s->row_helper_start[s->m] = t;
            s->row_helper = rp_xmalloc((t + 1) * sizeof *s->row_helper);
        }
    }
}

static void seq_init(seq *s, const rp_ilp *ilp, const int *const *groups, const size_t *sizes,
                     size_t n_groups, const rp_solve_options *opt)
{
    memset(s, 0, sizeof *s);
    s->ilp = ilp;
    s->groups = groups;
    s->sizes = sizes;
    s->n = rp_ilp_n_cols(ilp);
    s->m = rp_ilp_n_rows(ilp);
    s->opt = opt;
    rp_guard_init(&s->guard, opt->interrupt, opt->time_limit);
    index_columns(s);
    s->group_of = rp_xmalloc((s->n + 1) * sizeof *s->group_of);
    s->helper = rp_xcalloc(s->n + 1, sizeof *s->helper);
    s->value = rp_xcalloc(s->n + 1, sizeof *s->value);
    for (size_t j = 0; j < s->n; j++)
        s->group_of[j] = -1;
    for (size_t g = 0; g < n_groups; g++)
        for (size_t i = 0; i < sizes[g]; i++)
            s->group_of[groups[g][i]] = (int)g;
    for (size_t j = 0; j < s->n; j++) {
        double lb, ub;
        rp_ilp_col_bounds(ilp, (int)j, &lb, &ub);
        if (s->group_of[j] >= 0)
            continue; /* a later group's column stands at 0 until it is planned */
        s->helper[j] = lb < ub;
        s->value[j] = isfinite(lb) ? lb : isfinite(ub) ? fmin(ub, 0) : 0;
    }
    s->row_group = rp_xmalloc((s->m + 1) * sizeof *s->row_group);
    for (size_t i = 0; i < s->m; i++) {
        s->row_group[i] = -1;
        if (rp_ilp_row_tag(ilp, (int)i).resident < 0)
            continue;
        const int *col;
        const double *coef;
        size_t len;
        rp_ilp_row_terms(ilp, (int)i, &col, &coef, &len);
        for (size_t k = 0; k < len; k++)
            if (s->group_of[col[k]] > s->row_group[i])
                s->row_group[i] = s->group_of[col[k]];
    }
    index_row_helpers(s);
    s->col_seen = rp_xcalloc(s->n + 1, sizeof *s->col_seen);
    s->row_seen = rp_xcalloc(s->m + 1, sizeof *s->row_seen);
    s->local = rp_xcalloc(s->n + 1, sizeof *s->local);
    s->cols = rp_xmalloc((s->n + 1) * sizeof *s->cols);
    s->rows = rp_xmalloc((s->m + 1) * sizeof *s->rows);
    s->n_groups = n_groups;
    s->planned = rp_xcalloc(n_groups + 1, sizeof *s->planned);
}

/* The most columns of one group. */
static size_t widest_group(const seq *s)
{
    size_t widest = 0;
    for (size_t g = 0; g < s->n_groups; g++)
        if (s->sizes[g] > widest)
            widest = s->sizes[g];
    return widest;
}

/* The pool's arrays, for the columns that shapes describe. */
static void pool_init(seq *s, const rp_col_shape *shapes)
{
    size_t widest = widest_group(s);
    s->shapes = shapes;
    s->pool = rp_xmalloc((widest + 1) * sizeof *s->pool);
    s->order = rp_xmalloc((widest + 1) * sizeof *s->order);
    s->pool_seen = rp_xcalloc(s->n + 1, sizeof *s->pool_seen);
    s->earning_row = rp_xcalloc(s->m + 1, sizeof *s->earning_row);
    for (size_t i = 0; i < s->m; i++) {
        const int *col;
        const double *coef;
        size_t len;
        rp_ilp_row_terms(s->ilp, (int)i, &col, &coef, &len);
        /* the objective's own rows (a wish): a rule's soft row (a field's desirable weeks)
         * earns through any piece of the field, which the rotated sequences already offer;
         * counting them let nearly every piece into the pools of pieces of 4 to 7 weeks at
         * every start (BENCHMARKS.md, "Blocks of the lengths the rules ask for") */
        if (rp_ilp_row_tag(s->ilp, (int)i).rule >= 0)
            continue;
        for (size_t k = 0; k < len && !s->earning_row[i]; k++)
            s->earning_row[i] = s->helper[col[k]] && rp_ilp_col_obj(s->ilp, col[k]) > 0;
    }
}

static void seq_free(seq *s)
{
    free(s->col_start);
    free(s->col_row);
    free(s->group_of);
    free(s->row_helper_start);
    free(s->row_helper);
    free(s->row_group);
    free(s->helper);
    free(s->value);
    free(s->col_seen);
    free(s->row_seen);
    free(s->local);
    free(s->cols);
    free(s->rows);
    free(s->pool);
    free(s->pool_seen);
    free(s->order);
    free(s->planned);
    free(s->earning_row);
    free(s->helper_owner);
    free(s->row_pos);
}

/* The helper columns' owners (seq.helper_owner). */
static void own_helpers(seq *s)
{
    s->helper_owner = rp_xmalloc((s->n + 1) * sizeof *s->helper_owner);
    for (size_t j = 0; j < s->n; j++) {
        s->helper_owner[j] = -1;
        for (size_t t = s->col_start[j]; s->helper[j] && t < s->col_start[j + 1]; t++)
            if (s->row_group[s->col_row[t]] > s->helper_owner[j])
                s->helper_owner[j] = s->row_group[s->col_row[t]];
    }
}

/* Whether helper column j belongs in the step: not when it is a helper of a resident planned
 * before the step's groups (seq.helper_owner): it stands at its value, and its resident's rows
 * stay out of the step. A soft row over every resident (INIT-53's mean at a hospital) otherwise
 * draws every earlier resident's helpers and their rows into each step: steps grew by some 200
 * rows a resident. */
static bool step_helper(const seq *s, int j)
{
    return s->helper[j] && (!s->helper_owner || s->helper_owner[j] < 0 ||
                            (size_t)s->helper_owner[j] >= s->step_first);
}

static void select_col(seq *s, int j)
{
    if (s->col_seen[j] == s->stamp)
        return;
    s->col_seen[j] = s->stamp;
    s->local[j] = (int)s->n_sel_cols + 1;
    s->cols[s->n_sel_cols++] = j;
}

/* The step's columns (groups a..g, then the helpers of their rows, closed under rows) and
 * rows (those of these columns, but not the rows of a resident after group upto: not planned
 * yet). */
static void close_step(seq *s, size_t upto);

static void select_step(seq *s, size_t a, size_t g, size_t upto)
{
    s->stamp++;
    s->n_sel_cols = s->n_sel_rows = 0;
    s->step_first = a;
    for (size_t k = a; k <= g; k++)
        for (size_t i = 0; i < s->sizes[k]; i++)
            select_col(s, s->groups[k][i]);
    close_step(s, upto);
}

/* The rows of column j (but not the rows of a resident after group upto), with their helper
 * columns. */
static void add_rows_of(seq *s, int j, size_t upto)
{
    for (size_t t = s->col_start[j]; t < s->col_start[j + 1]; t++) {
        int i = s->col_row[t];
        if (s->row_seen[i] == s->stamp || s->row_group[i] > (int)upto)
            continue;
        s->row_seen[i] = s->stamp;
        s->rows[s->n_sel_rows++] = i;
        for (size_t k = s->row_helper_start[i]; k < s->row_helper_start[i + 1]; k++)
            if (step_helper(s, s->row_helper[k]))
                select_col(s, s->row_helper[k]);
    }
}

/* A step of group g over the pool's columns only: the group's other columns stand at their
 * values, and every row of the group holds (a row of the group's columns that no pool column is
 * in still binds them). */
static void select_pool_step(seq *s, size_t g, size_t upto)
{
    s->stamp++;
    s->n_sel_cols = s->n_sel_rows = 0;
    s->step_first = g;
    for (size_t i = 0; i < s->n_pool; i++)
        select_col(s, s->pool[i]);
    for (size_t i = 0; i < s->sizes[g]; i++)
        add_rows_of(s, s->groups[g][i], upto);
    close_step(s, upto);
}

/* Adds to the selected columns the rows they are in (but not the rows of a resident after group
 * upto) and those rows' helper columns, until closed. */
static void close_step(seq *s, size_t upto)
{
    for (size_t q = 0; q < s->n_sel_cols; q++)
        add_rows_of(s, s->cols[q], upto);
}

/* A step's problem without its matrix: the selected columns (kinds, bounds, objective) and as
 * many empty rows as are selected. */
static glp_prob *step_shell(const seq *s)
{
    glp_prob *p = glp_create_prob();
    glp_set_obj_dir(p, GLP_MAX);
    glp_add_cols(p, (int)s->n_sel_cols);
    for (size_t q = 0; q < s->n_sel_cols; q++) {
        int j = s->cols[q];
        double lb, ub;
        rp_ilp_col_bounds(s->ilp, j, &lb, &ub);
        glp_set_col_kind(p, (int)q + 1, rp_glpk_kind(rp_ilp_col_kind(s->ilp, j)));
        rp_glpk_set_bounds(p, (int)q + 1, lb, ub, false);
        glp_set_obj_coef(p, (int)q + 1, rp_ilp_col_obj(s->ilp, j));
    }
    if (s->n_sel_rows)
        glp_add_rows(p, (int)s->n_sel_rows);
    return p;
}

/* The bounds of the step's row r (1-based in p: r + 1): its ILP row's right-hand side less
 * `rest`, what the columns outside the step add at their values. */
static void row_bounds(glp_prob *p, const seq *s, size_t r, double rest)
{
    int i = s->rows[r];
    rp_glpk_set_row(p, (int)r + 1, rp_ilp_row_sense(s->ilp, i), rp_ilp_row_rhs(s->ilp, i) - rest);
}

/* The step's matrix, terms 1..t of ia/ja/ar, into p; the three arrays are freed. */
static void load_matrix(glp_prob *p, size_t t, int *ia, int *ja, double *ar)
{
    glp_load_matrix(p, (int)t, ia, ja, ar);
    free(ia);
    free(ja);
    free(ar);
}

/* The step's problem: selected columns, selected rows with the other columns' values moved to
 * the right-hand side. */
static glp_prob *step_problem(const seq *s)
{
    glp_prob *p = step_shell(s);
    size_t nz = 0;
    for (size_t r = 0; r < s->n_sel_rows; r++) {
        const int *col;
        const double *coef;
        size_t len;
        rp_ilp_row_terms(s->ilp, s->rows[r], &col, &coef, &len);
        nz += len;
    }
    int *ia = rp_xmalloc((nz + 1) * sizeof *ia), *ja = rp_xmalloc((nz + 1) * sizeof *ja);
    double *ar = rp_xmalloc((nz + 1) * sizeof *ar);
    size_t t = 0;
    for (size_t r = 0; r < s->n_sel_rows; r++) {
        int i = s->rows[r];
        const int *col;
        const double *coef;
        size_t len;
        rp_ilp_row_terms(s->ilp, i, &col, &coef, &len);
        double rest = 0;
        for (size_t k = 0; k < len; k++) {
            if (s->col_seen[col[k]] == s->stamp) {
                t++;
                ia[t] = (int)r + 1;
                ja[t] = s->local[col[k]];
                ar[t] = coef[k];
            } else {
                rest += coef[k] * s->value[col[k]];
            }
        }
        row_bounds(p, s, r, rest);
    }
    load_matrix(p, t, ia, ja, ar);
    return p;
}

/* The coefficient of column j in row i (rows are sorted by column: ilp.h). */
static double coef_at(const rp_ilp *ilp, int i, int j)
{
    const int *col;
    const double *coef;
    size_t len;
    rp_ilp_row_terms(ilp, i, &col, &coef, &len);
    size_t lo = 0, hi = len;
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (col[mid] < j)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo < len && col[lo] == j ? coef[lo] : 0;
}

/* step_problem, built column by column: the selected columns' terms in the selected rows, and
 * the right-hand sides less what the columns with a non-zero value outside the step add. The
 * same problem for GLPK, at the cost of the step's own columns, where step_problem reads every
 * term of every selected row (a capacity row holds the pieces of every resident: most of a
 * step's time at 120 residents). Used with the standard pool (rp_solve_sequential_first). */
static glp_prob *step_problem_by_columns(seq *s)
{
    glp_prob *p = step_shell(s);
    double *rest = rp_xcalloc(s->n_sel_rows + 1, sizeof *rest);
    for (size_t r = 0; r < s->n_sel_rows; r++)
        s->row_pos[s->rows[r]] = (int)r;
    size_t nz = 0;
    for (size_t q = 0; q < s->n_sel_cols; q++)
        nz += s->col_start[s->cols[q] + 1] - s->col_start[s->cols[q]];
    int *ia = rp_xmalloc((nz + 1) * sizeof *ia), *ja = rp_xmalloc((nz + 1) * sizeof *ja);
    double *ar = rp_xmalloc((nz + 1) * sizeof *ar);
    size_t t = 0;
    for (size_t q = 0; q < s->n_sel_cols; q++) {
        int j = s->cols[q];
        for (size_t k = s->col_start[j]; k < s->col_start[j + 1]; k++) {
            int i = s->col_row[k];
            if (s->row_seen[i] != s->stamp)
                continue;
            t++;
            ia[t] = s->row_pos[i] + 1;
            ja[t] = (int)q + 1;
            ar[t] = coef_at(s->ilp, i, j);
        }
    }
    for (size_t j = 0; j < s->n; j++) {
        if (s->value[j] == 0 || s->col_seen[j] == s->stamp)
            continue;
        for (size_t k = s->col_start[j]; k < s->col_start[j + 1]; k++) {
            int i = s->col_row[k];
            if (s->row_seen[i] == s->stamp)
                rest[s->row_pos[i]] += coef_at(s->ilp, i, (int)j) * s->value[j];
        }
    }
    for (size_t r = 0; r < s->n_sel_rows; r++)
        row_bounds(p, s, r, rest[r]);
    load_matrix(p, t, ia, ja, ar);
    free(rest);
    return p;
}

/* A step's search ends at a stop (and then yields no plan: the caller sees the flag). */
static void step_callback(glp_tree *tree, void *info)
{
    rp_guard *g = info;
    rp_guard_in_tree(g);
    if (rp_guard_reason(g))
        glp_ios_terminate(tree);
}

/* Solves p to within gap (at least the caller's), unless a stop ends it. Returns 0 with a MIP
 * solution in p; -1 when it has none; RP_GUARD_STOPPED when a stop ended the step (p is gone:
 * guard.h). No clock decides anything else: a step runs to its end. A step's LP bound is mostly
 * its optimum already and the tree only looks for an integer plan: the feasibility pump at the
 * root and most-fractional branching find one sooner than Driebeck-Tomlin's (measured on pieces
 * of 4 and 6 weeks at every start, the two-year programme's 20 residents: 17.2 s of CPU to 7.2 s,
 * BENCHMARKS.md). */
static int solve_step(seq *s, glp_prob *p, double gap)
{
    if (rp_guard_reason(&s->guard))
        return -1;
    glp_iocp parm;
    glp_init_iocp(&parm);
    rp_guard_iocp(&parm);
    parm.presolve = GLP_ON;
    parm.br_tech = GLP_BR_MFV;
    parm.bt_tech = GLP_BT_BLB;
    parm.fp_heur = GLP_ON;
    parm.mip_gap = s->opt->gap > gap ? s->opt->gap : gap;
    parm.cb_func = step_callback;
    parm.cb_info = &s->guard;
    int ret = rp_guard_intopt(&s->guard, p, &parm);
    if (ret == RP_GUARD_STOPPED)
        return ret;
    int status = glp_mip_status(p);
    return (ret == 0 || ret == GLP_EMIPGAP) && (status == GLP_OPT || status == GLP_FEAS) ? 0
                                                                                          : -1;
}

static int solve_selected(seq *s, double gap, double *gain);

/* Plans groups a..g together (the others at their values; the rows of residents up to group
 * upto hold) to within gap. Returns 0 with their values (and their helpers') stored and sets
 * *gain (the objective's change over these columns, when the step kept the rows it had: an
 * improvement pass), else -1 and nothing changed. */
static int plan_groups(seq *s, size_t a, size_t g, size_t upto, double gap, double *gain)
{
    select_step(s, a, g, upto);
    return solve_selected(s, gap, gain);
}

/* Solves the step selected; its values stored as plan_groups says. */
static int solve_selected(seq *s, double gap, double *gain)
{
    glp_prob *p = s->row_pos ? step_problem_by_columns(s) : step_problem(s);
    int err = solve_step(s, p, gap);
    if (err == RP_GUARD_STOPPED)
        return -1; /* p went with GLPK's environment */
    double before = 0, after = 0;
    for (size_t q = 0; !err && q < s->n_sel_cols; q++) {
        int j = s->cols[q];
        double v = glp_mip_col_val(p, (int)q + 1);
        v = rp_ilp_col_kind(s->ilp, j) == RP_COL_CONTINUOUS ? v : round(v);
        before += rp_ilp_col_obj(s->ilp, j) * s->value[j];
        after += rp_ilp_col_obj(s->ilp, j) * v;
        s->value[j] = v;
    }
    if (gain)
        *gain = after - before;
    glp_delete_prob(p);
    return err;
}

/* ---- the pool: the block sequences of the groups planned before, rotated ---- */


static int compare_shapes(const rp_col_shape *a, const rp_col_shape *b)
{
    if (a->kind != b->kind)
        return a->kind < b->kind ? -1 : 1;
    if (a->first != b->first)
        return a->first < b->first ? -1 : 1;
    return (a->last > b->last) - (a->last < b->last);
}

static int by_shape(const void *pa, const void *pb)
{
    return compare_shapes(&((const keyed *)pa)->shape, &((const keyed *)pb)->shape);
}

static int by_first(const void *pa, const void *pb)
{
    int a = ((const keyed *)pa)->shape.first, b = ((const keyed *)pb)->shape.first;
    return (a > b) - (a < b);
}

static void pool_add(seq *s, int j)
{
    if (s->pool_seen[j] == s->pool_stamp)
        return;
    s->pool_seen[j] = s->pool_stamp;
    s->pool[s->n_pool++] = j;
}

/* The column of group g (s->order holds its columns sorted by shape) that stands for kind at
 * periods first..last, or -1. */
static int column_like(const seq *s, size_t g, int kind, int first, int last)
{
    rp_col_shape want = {kind, first, last};
    size_t lo = 0, hi = s->sizes[g];
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        int cmp = compare_shapes(&s->order[mid].shape, &want);
        if (cmp == 0)
            return s->order[mid].col;
        if (cmp < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return -1;
}

/* Offers group g the block sequence of group h, rotated to start at each of its blocks in turn:
 * the pieces from that block on move to the front, the earlier ones to the back. The periods
 * where these blocks start and end are marked in edge[1..horizon_g + 1]. */
static void pool_rotations(seq *s, size_t g, size_t h, bool *edge, int horizon_g)
{
    keyed *seqn = rp_xmalloc((s->sizes[h] + 1) * sizeof *seqn);
    size_t k = 0;
    for (size_t i = 0; i < s->sizes[h]; i++) {
        int j = s->groups[h][i];
        if (s->shapes[j].kind >= 0 && s->value[j] > 0.5)
            seqn[k++] = (keyed){s->shapes[j], j};
    }
    qsort(seqn, k, sizeof *seqn, by_first);
    int horizon = k ? seqn[k - 1].shape.last : 0;
    for (size_t r = 0; r < k; r++) {
        int start = seqn[r].shape.first;
        for (size_t i = 0; i < k; i++) {
            const rp_col_shape *c = &seqn[i].shape;
            int shift = c->first >= start ? 1 - start : horizon - start + 1;
            int first = c->first + shift, last = c->last + shift;
            int j = column_like(s, g, c->kind, first, last);
            if (j < 0)
                continue;
            pool_add(s, j);
            if (last <= horizon_g) {
                edge[first] = true;
                edge[last + 1] = true;
            }
        }
    }
    free(seqn);
}

/* Whether column j can earn something in the objective: its own coefficient is positive, or it
 * is in one of the objective's rows with a helper whose coefficient is (a wish granted by
 * presence at the place). */
static bool earns(const seq *s, int j)
{
    if (rp_ilp_col_obj(s->ilp, j) > 0)
        return true;
    for (size_t t = s->col_start[j]; t < s->col_start[j + 1]; t++)
        if (s->earning_row[s->col_row[t]])
            return true;
    return false;
}

/* Adds to the pool group g's pieces that cover a period (1..horizon) that fewer than POOL_SPARSE
 * of its pieces cover: without them such a period may have no piece in the pool. */
static void pool_sparse(seq *s, size_t g, int horizon)
{
    size_t n = s->sizes[g];
    int *covered = rp_xcalloc((size_t)horizon + 2, sizeof *covered);
    for (size_t i = 0; i < n; i++) {
        const rp_col_shape *c = &s->shapes[s->groups[g][i]];
        for (int p = c->kind >= 0 ? c->first : 1; c->kind >= 0 && p <= c->last; p++)
            covered[p]++;
    }
    for (size_t i = 0; i < n; i++) {
        const rp_col_shape *c = &s->shapes[s->groups[g][i]];
        for (int p = c->kind >= 0 ? c->first : 1; c->kind >= 0 && p <= c->last; p++)
            if (covered[p] < POOL_SPARSE) {
                pool_add(s, s->groups[g][i]);
                break;
            }
    }
    free(covered);
}

/* The pool of group g: its columns that are no pieces (courses), those it holds now, those of
 * the periods few of its columns cover, the rotated block sequences of the groups before (and
 * after, once planned), and the columns that can earn something in the objective (a wished
 * place) that fit between the block edges of those sequences. */
static void build_pool(seq *s, size_t g)
{
    s->pool_stamp++;
    s->n_pool = 0;
    size_t n = s->sizes[g];
    int horizon = 0;
    for (size_t i = 0; i < n; i++) {
        int j = s->groups[g][i];
        s->order[i] = (keyed){s->shapes[j], j};
        if (s->shapes[j].kind < 0 || s->value[j] > 0.5)
            pool_add(s, j);
        if (s->shapes[j].kind >= 0 && s->shapes[j].last > horizon)
            horizon = s->shapes[j].last;
    }
    pool_sparse(s, g, horizon);
    bool *edge = rp_xcalloc((size_t)horizon + 2, sizeof *edge);
    qsort(s->order, n, sizeof *s->order, by_shape);
    for (size_t d = 1; d <= POOL_SOURCES; d++) {
        if (d <= g)
            pool_rotations(s, g, g - d, edge, horizon);
        if (g + d < s->n_groups && s->planned[g + d])
            pool_rotations(s, g, g + d, edge, horizon);
    }
    for (size_t i = 0; i < n; i++) {
        int j = s->groups[g][i];
        const rp_col_shape *c = &s->shapes[j];
        if (c->kind >= 0 && edge[c->first] && edge[c->last + 1] && earns(s, j))
            pool_add(s, j);
    }
    free(edge);
}

/* The standard pool of group g: its columns that are no pieces (courses), those it holds now,
 * those of the periods few of its columns cover, and its pieces that follow the standard
 * rotation. */
static void build_standard_pool(seq *s, size_t g)
{
    int pooled = -1; /* the stamp of the pool's columns, after g's first group */
    if (g > 0) {
        build_pool(s, g);
        pooled = s->pool_stamp;
    }
    s->pool_stamp++;
    s->n_pool = 0;
    size_t n = s->sizes[g];
    int horizon = 0;
    for (size_t i = 0; i < n; i++) {
        int j = s->groups[g][i];
        bool free_ok = s->standard[j] == RP_STANDARD_FREE &&
                       (pooled < 0 || s->pool_seen[j] == pooled);
        if (s->shapes[j].kind < 0 || s->value[j] > 0.5 || s->standard[j] == RP_STANDARD_ON ||
            free_ok)
            pool_add(s, j);
        if (s->shapes[j].kind >= 0 && s->shapes[j].last > horizon)
            horizon = s->shapes[j].last;
    }
    pool_sparse(s, g, horizon);
}

/* Plans group g over its standard pool (see plan_groups); -1 when it holds no plan. */
static int plan_standard(seq *s, size_t g, size_t upto, double gap, double *gain)
{
    build_standard_pool(s, g);
    select_pool_step(s, g, upto);
    return solve_selected(s, gap, gain);
}

/* Plans group g over its pool (see plan_groups); -1 when the pool holds no plan. */
static int plan_pooled(seq *s, size_t g, size_t upto, double gap, double *gain)
{
    build_pool(s, g);
    select_pool_step(s, g, upto);
    return solve_selected(s, gap, gain);
}

/* Every resident planned: each is planned again, alone, with every other resident as planned
 * (exactly: the problems are small), while a pass gains, at most 3 passes. A first plan that a
 * resident's own choices can still improve costs GLPK's search most. No clock decides anything
 * here: the same inputs give the same plan on every machine. */
static void improve(seq *s, size_t n_groups)
{
    for (int pass = 0; pass < 3; pass++) {
        double gained = 0;
        for (size_t g = 0; g < n_groups; g++) {
            double gain = 0;
            if (rp_guard_reason(&s->guard))
                return;
            int err = s->shapes ? plan_pooled(s, g, n_groups - 1, 0, &gain)
                                : plan_groups(s, g, g, n_groups - 1, 0, &gain);
            if (err == 0)
                gained += gain;
        }
        if (gained < 1e-9)
            return;
    }
}

/* Every group planned: the helpers solved together, every other column at its value, over the
 * rows they are in only (the other rows held at every step). Returns 0 with *x when every row of
 * the ILP then holds, else -1 (the caller solves the helpers over the whole problem). */
static int settle_helpers_locally(seq *s, double **x)
{
    s->stamp++;
    s->n_sel_cols = s->n_sel_rows = 0;
    s->step_first = 0;
    for (size_t j = 0; j < s->n; j++)
        if (s->helper[j])
            select_col(s, (int)j);
    close_step(s, s->n_groups);
    if ((s->n_sel_cols > 0 && solve_selected(s, 0.01, NULL) != 0) ||
        !rp_ilp_holds(s->ilp, s->value, 1e-6))
        return -1;
    *x = rp_xmalloc((s->n + 1) * sizeof **x);
    memcpy(*x, s->value, s->n * sizeof **x);
    return 0;
}

/* Every group planned: the helpers solved over the whole problem, every group fixed. */
static int settle_helpers(seq *s, double **x)
{
    if (settle_helpers_locally(s, x) == 0)
        return 0;
    if (rp_guard_reason(&s->guard))
        return -1;

    double *fix = rp_xmalloc((s->n + 1) * sizeof *fix);
    for (size_t j = 0; j < s->n; j++)
        fix[j] = s->group_of[j] >= 0 ? s->value[j] : NAN;
    glp_prob *p = rp_ilp_to_glpk(s->ilp, fix, fix, RP_NONE);
    free(fix);
    int err = solve_step(s, p, 0.01);
    if (err == RP_GUARD_STOPPED)
        return -1;
    if (!err) {
        *x = rp_xmalloc((s->n + 1) * sizeof **x);
        for (size_t j = 0; j < s->n; j++) {
            double v = glp_mip_col_val(p, (int)j + 1);
            (*x)[j] = rp_ilp_col_kind(s->ilp, (int)j) == RP_COL_CONTINUOUS ? v : round(v);
        }
    }
    glp_delete_prob(p);
    return err;
}

/* Plans group g alone (the groups after it not yet): over its pool first when there is one and a
 * group before it to draw from, then over all its columns, then together with the 1, 3, then 7
 * groups before it. */
static int plan_first(seq *s, size_t g)
{
    static const size_t widths[] = {1, 3, 7};
    int err = -1;
    size_t *count = &s->stats.whole;
    if (s->shapes && s->standard) {
        err = plan_standard(s, g, g, 0.01, NULL);
        s->stats.columns += s->n_sel_cols;
        count = &s->stats.standard;
    }
    if (err && s->shapes && g > 0 && !rp_guard_reason(&s->guard)) {
        err = plan_pooled(s, g, g, 0.01, NULL);
        s->stats.columns += s->n_sel_cols;
        count = &s->stats.pooled;
    }
    if (err && !rp_guard_reason(&s->guard)) {
        err = plan_groups(s, g, g, g, 0.01, NULL);
        s->stats.columns += s->n_sel_cols;
        count = &s->stats.whole;
    }
    for (size_t w = 0; err && w < sizeof widths / sizeof widths[0] && widths[w] <= g; w++) {
        err = plan_groups(s, g - widths[w], g, g, 0.01, NULL);
        s->stats.columns += s->n_sel_cols;
    }
    if (!err)
        (*count)++;
    return err;
}

int rp_solve_improve(const rp_ilp *ilp, const int *const *groups, const size_t *sizes,
                     size_t n_groups, const rp_col_shape *shapes, const rp_solve_options *opt,
                     double **x)
{
    seq s;
    seq_init(&s, ilp, groups, sizes, n_groups, opt);
    if (shapes && widest_group(&s) > POOL_MIN_COLUMNS)
        pool_init(&s, shapes);
    memcpy(s.value, *x, s.n * sizeof *s.value);
    for (size_t g = 0; g < n_groups; g++)
        s.planned[g] = true;
    improve(&s, n_groups);
    double *better = NULL;
    int err = rp_guard_reason(&s.guard) ? -1 : settle_helpers(&s, &better);
    seq_free(&s);
    if (err)
        return -1;
    free(*x);
    *x = better;
    return 0;
}

/* rp_solve_sequential_pooled, with the standard pool first when standard is not NULL. */
static int sequential(const rp_ilp *ilp, const int *const *groups, const size_t *sizes,
                      size_t n_groups, const rp_col_shape *shapes,
                      const unsigned char *standard, rp_first_stats *stats,
                      bool improving, const rp_solve_options *opt, double **x)
{
    seq s;
    seq_init(&s, ilp, groups, sizes, n_groups, opt);
    if (shapes && widest_group(&s) > POOL_MIN_COLUMNS) {
        pool_init(&s, shapes);
        s.standard = standard;
        if (standard) {
            own_helpers(&s);
            s.row_pos = rp_xmalloc((s.m + 1) * sizeof *s.row_pos);
        }
    }
    int err = 0;
    for (size_t g = 0; g < n_groups && !err; g++) {
        if (rp_guard_reason(&s.guard)) {
            err = -1;
            break;
        }
        err = plan_first(&s, g);
        s.planned[g] = true;
    }
    if (!err && improving)
        improve(&s, n_groups);
    if (!err)
        err = settle_helpers(&s, x);
    if (stats)
        *stats = s.stats;
    seq_free(&s);
    return err;
}

int rp_solve_sequential_pooled(const rp_ilp *ilp, const int *const *groups, const size_t *sizes,
                               size_t n_groups, const rp_col_shape *shapes, bool improving,
                               const rp_solve_options *opt, double **x)
{
    return sequential(ilp, groups, sizes, n_groups, shapes, NULL, NULL, improving, opt, x);
}

int rp_solve_sequential_first(const rp_ilp *ilp, const rp_first_plan *fp, bool improving,
                              const rp_solve_options *opt, double **x)
{
    return sequential(ilp, fp->groups, fp->sizes, fp->n_groups, fp->shapes, fp->standard,
                      fp->stats, improving, opt, x);
}

int rp_solve_sequential(const rp_ilp *ilp, const int *const *groups, const size_t *sizes,
                        size_t n_groups, const rp_solve_options *opt, double **x)
{
    return rp_solve_sequential_pooled(ilp, groups, sizes, n_groups, NULL, true, opt, x);
}

/* ---- a region's problem (rp_solve_region): the same selection, as an rp_ilp ---- */

/* The step's problem as an rp_ilp for rp_solve: the selected columns (their names, kinds, bounds
 * and objective), the selected rows with the other columns' values moved to the right-hand side,
 * and those columns' share of the objective in its constant. */
static rp_ilp *step_ilp(const seq *s)
{
    rp_ilp *sub = rp_ilp_new();
    double constant = rp_ilp_obj_constant(s->ilp);
    for (size_t j = 0; j < s->n; j++)
        if (s->col_seen[j] != s->stamp)
            constant += rp_ilp_col_obj(s->ilp, (int)j) * s->value[j];
    rp_ilp_add_obj_constant(sub, constant);
    for (size_t q = 0; q < s->n_sel_cols; q++) {
        int j = s->cols[q];
        double lb, ub;
        rp_ilp_col_bounds(s->ilp, j, &lb, &ub);
        int c = rp_ilp_add_col(sub, rp_ilp_col_name(s->ilp, j), rp_ilp_col_kind(s->ilp, j), lb,
                               ub);
        rp_ilp_add_obj(sub, c, rp_ilp_col_obj(s->ilp, j));
    }
    rp_expr e = {0};
    for (size_t r = 0; r < s->n_sel_rows; r++) {
        int i = s->rows[r];
        const int *col;
        const double *coef;
        size_t len;
        rp_ilp_row_terms(s->ilp, i, &col, &coef, &len);
        rp_expr_clear(&e);
        for (size_t k = 0; k < len; k++) {
            if (s->col_seen[col[k]] == s->stamp)
                rp_expr_add(&e, s->local[col[k]] - 1, coef[k]);
            else
                rp_expr_add_constant(&e, coef[k] * s->value[col[k]]);
        }
        rp_ilp_add_row(sub, rp_ilp_row_name(s->ilp, i), &e, rp_ilp_row_sense(s->ilp, i),
                       rp_ilp_row_rhs(s->ilp, i), rp_ilp_row_tag(s->ilp, i));
    }
    rp_expr_free(&e);
    return sub;
}

/* Whether every row with no selected column holds at the values (held columns only). */
static bool rest_holds(const seq *s)
{
    for (size_t i = 0; i < s->m; i++)
        if (s->row_seen[i] != s->stamp && !rp_ilp_row_holds(s->ilp, (int)i, s->value, 1e-6))
            return false;
    return true;
}

rp_ilp *rp_solve_reduce(const rp_ilp *ilp, const double *values, int **cols, size_t *n_cols)
{
    size_t n = rp_ilp_n_cols(ilp), nf = 0;
    int *region = rp_xmalloc((n + 1) * sizeof *region);
    for (size_t j = 0; j < n; j++) {
        double lb, ub;
        rp_ilp_col_bounds(ilp, (int)j, &lb, &ub);
        if (lb < ub)
            region[nf++] = (int)j;
    }
    const int *groups[1] = {region};
    size_t sizes[1] = {nf};
    rp_solve_options none = {0, 0, false, NULL, NULL, NULL};
    seq s;
    seq_init(&s, ilp, groups, sizes, 1, &none);
    memcpy(s.value, values, n * sizeof *s.value);
    select_step(&s, 0, 0, 0); /* one group: every row of a region column, nothing left out */
    rp_ilp *sub = rest_holds(&s) ? step_ilp(&s) : NULL;
    if (sub) {
        *cols = rp_xmalloc((s.n_sel_cols + 1) * sizeof **cols);
        memcpy(*cols, s.cols, s.n_sel_cols * sizeof **cols);
        *n_cols = s.n_sel_cols;
    }
    seq_free(&s);
    free(region);
    return sub;
}

int rp_solve_region(const rp_ilp *ilp, const rp_solve_options *opt, rp_solve_result *res,
                    size_t *n_region, rp_diags *d)
{
    size_t n = rp_ilp_n_cols(ilp), nc = 0;
    int *cols = NULL;
    rp_ilp *sub = rp_solve_reduce(ilp, opt->start, &cols, &nc);
    memset(res, 0, sizeof *res);
    if (!sub) { /* the start breaks a row outside the region: not a start at all */
        rp_diag_add(d, RP_ERROR, NULL, 0, 0, 0, "internal error: a what-if's start plan breaks "
                    "a row outside its region");
        return -1;
    }
    double *start = rp_xmalloc((nc + 1) * sizeof *start);
    for (size_t q = 0; q < nc; q++)
        start[q] = opt->start[cols[q]];
    rp_solve_options o = *opt;
    o.first = NULL;
    o.start = start;
    int err = rp_solve(sub, &o, res, d);
    if (err == 0 && res->x) { /* the region's values among the others' */
        double *x = rp_xmalloc((n + 1) * sizeof *x);
        memcpy(x, opt->start, n * sizeof *x);
        for (size_t q = 0; q < nc; q++)
            x[cols[q]] = res->x[q];
        free(res->x);
        res->x = x;
        res->n_cols = n;
    }
    *n_region = nc;
    free(start);
    free(cols);
    rp_ilp_free(sub);
    return err;
}
