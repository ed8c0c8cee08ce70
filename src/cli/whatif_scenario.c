/*
 * whatif_scenario.c: a what-if scenario file, several changes at once (`whatif --scenario FILE`):
 *
 *     changes:
 *       - {withdraw: kawasaki, from: 2020-10, until: 2021-03}
 *       - {capacity: "core:emergency=3", from: 2021-01-04}
 *       - {instructors: "tokyo-mc=1", from: 2021-04}
 *       - {add_residents: new-residents.yaml, from: 2021-04}
 *
 * Each entry is one change as the command line gives it (the same words without the dashes); every
 * error names the file, line and column and what was expected.
 */
#include "cli/whatif.h"
#include "model/yamlx.h"
#include "util/i18n.h"
#include "util/util.h"

#include <stdlib.h>
#include <string.h>

#define N_OF(a) (sizeof(a) / sizeof((a)[0]))

static const char *const kinds[] = {"withdraw", "capacity", "instructors", "add_residents"};
static const char *const options[] = {"--withdraw", "--capacity", "--instructors",
                                      "--add-resident"};

/* The facility named by text up to ':' or '=' exists in m. */
static void check_facility(rp_yctx *y, const rp_ynode *n, const rp_model *m, const char *text)
{
    char id[128];
    snprintf(id, sizeof id, "%.*s", (int)strcspn(text, ":="), text);
    if (rp_model_facility(m, id) == RP_NONE) {
        const char *near = rp_model_nearest_place(m, id);
        bool facility = near && rp_model_facility(m, near) != RP_NONE;
        rp_yerror(y, n, "unknown facility '%s'; expected a facility id of the model%s%s%s", id,
                  facility ? _("; did you mean '") : "", facility ? near : "", facility ? _("'?") : "");
    }
}

/* A date YYYY-MM-DD or YYYY-MM. */
static void check_date(rp_yctx *y, const rp_ynode *n, const char *what, const char *text)
{
    rp_date d;
    if (rp_date_parse(text, &d) < 0)
        rp_yerror(y, n, "%s '%s' is not a date; expected YYYY-MM-DD or YYYY-MM", what, text);
}

static void read_change(rp_yctx *y, const rp_ynode *node, const rp_model *m, rp_scenario *s)
{
    static const rp_ykey keys[] = {
        {"withdraw", RP_Y_SCALAR, false},    {"capacity", RP_Y_SCALAR, false},
        {"instructors", RP_Y_SCALAR, false}, {"add_residents", RP_Y_SCALAR, false},
        {"from", RP_Y_SCALAR, true},         {"until", RP_Y_SCALAR, false},
    };
    const rp_ynode *v[N_OF(keys)];
    if (rp_ymap(y, node, "a change", keys, N_OF(keys), v) != 0)
        return;
    int kind = -1, given = 0;
    for (int k = 0; k < 4; k++)
        if (v[k]) {
            kind = k;
            given++;
        }
    if (given != 1) {
        rp_yerror(y, node, "a change names %s; expected exactly one of withdraw, capacity, "
                           "instructors, add_residents", given ? "several" : "none");
        return;
    }
    const char *value = NULL, *from = NULL, *until = NULL;
    if (rp_ystr(y, v[kind], kinds[kind], false, &value) != 0 ||
        rp_ystr(y, v[4], "from", false, &from) != 0 ||
        (v[5] && rp_ystr(y, v[5], "until", false, &until) != 0))
        return;
    if (kind < 3)
        check_facility(y, v[kind], m, value);
    if (kind > 0 && kind < 3 && !strchr(value, '='))
        rp_yerror(y, v[kind], "%s '%s': expected FACILITY%s=N", kinds[kind], value,
                  kind == 1 ? "[:DEPARTMENT]" : "");
    check_date(y, v[4], "from", from);
    if (until)
        check_date(y, v[5], "until", until);
    rp_arena *a = rp_yarena(y);
    change_arg c = {options[kind], rp_arena_strdup(a, value), rp_arena_strdup(a, from),
                    until ? rp_arena_strdup(a, until) : NULL};
    *RP_PUSH(s->changes, s->n_changes, s->cap_changes) = c;
}

int rp_scenario_read(const rp_model *m, const char *path, rp_arena *arena, rp_scenario *out,
                     rp_diags *d)
{
    memset(out, 0, sizeof *out);
    rp_yctx *y = rp_yctx_open(path, arena, d);
    if (!y)
        return -1;
    static const rp_ykey keys[] = {{"changes", RP_Y_SEQ, true}};
    const rp_ynode *v[1];
    size_t n = 0;
    if (rp_ymap(y, rp_yroot(y), "the scenario", keys, 1, v) == 0 &&
        rp_yseq(y, v[0], "changes", &n) == 0 && n == 0)
        rp_yerror(y, v[0], "no change; expected at least one");
    for (size_t i = 0; v[0] && i < n; i++)
        read_change(y, rp_yseq_item(y, v[0], i), m, out);
    int err = rp_yerrors(y) ? -1 : 0;
    rp_yctx_close(y);
    if (err) {
        free(out->changes);
        memset(out, 0, sizeof *out);
    }
    return err;
}
