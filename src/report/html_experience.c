/*
 * html_experience.c: the experience section of the HTML report (html.h): for each rule whose
 * kind tallies counts (experience targets, RAD-16..19), each resident's count against each
 * target, as the rule's check judges it (rule.h's tallies hook): logged at completion, logged so
 * far, or projected with the rule's yields over the plan's months. A count short of its target
 * is marked; a supplemented one says so. The section is left out when no resident has a count
 * logged or projected (the radiology model ships no yields), so reports without experience are
 * as before.
 */
#include "report/html.h"
#include "rotaplan/rule.h"

#include <math.h>
#include <stdlib.h>

/* Whether some resident has a logged or projected count under rule. */
static bool rule_has_counts(const rp_rule *rule, const rp_check_ctx *ctx)
{
    bool any = false;
    for (size_t r = 0; r < ctx->n_residents && !any; r++) {
        rp_tally *t = NULL;
        size_t n = 0;
        rule->kind->tallies(rule, ctx, r, &t, &n);
        for (size_t k = 0; k < n; k++)
            any = any || t[k].logged || t[k].projected;
        free(t);
    }
    return any;
}

static void put_cell(const rp_tally *t, FILE *out)
{
    if (!t->logged && !t->projected) {
        fputs("<td></td>", out);
        return;
    }
    bool short_of = t->count + 1e-9 < t->target;
    fprintf(out, "<td class=\"num%s\"%s>%.0f%s%s</td>", short_of ? " short" : "",
            short_of ? " style=\"color: #b00020; font-weight: bold\"" : "",
            floor(t->count + 1e-9), t->projected ? " (projected)" : "",
            short_of && t->supplemented ? " supplemented" : "");
}

static void put_rule(const rp_rule *rule, const rp_check_ctx *ctx, FILE *out)
{
    fputs("<h3>", out);
    rp_html_escape(out, rule->id);
    fputs("</h3>\n<table class=\"experience\">\n<tr><th>resident</th>", out);
    rp_tally *head = NULL;
    size_t n = 0;
    rule->kind->tallies(rule, ctx, 0, &head, &n);
    for (size_t k = 0; k < n; k++) {
        fputs("<th>", out);
        rp_html_escape(out, head[k].label);
        fprintf(out, " &ge; %d</th>", head[k].target);
    }
    free(head);
    fputs("</tr>\n", out);
    for (size_t r = 0; r < ctx->n_residents; r++) {
        rp_tally *t = NULL;
        rule->kind->tallies(rule, ctx, r, &t, &n);
        fputs("<tr><td>", out);
        rp_html_escape(out, ctx->residents[r].planned->id);
        fputs("</td>", out);
        for (size_t k = 0; k < n; k++)
            put_cell(&t[k], out);
        fputs("</tr>\n", out);
        free(t);
    }
    fputs("</table>\n", out);
}

void rp_html_experience(const rp_html_input *in, FILE *out)
{
    const rp_model *m = in->model;
    if (!in->ctx || in->ctx->n_residents == 0)
        return;
    bool open = false;
    for (size_t i = 0; i < m->n_rules; i++) {
        const rp_rule *rule = &m->rules[i];
        if (!rule->enabled || !rule->kind->tallies || !rule_has_counts(rule, in->ctx))
            continue;
        if (!open)
            fputs("<section id=\"experience\">\n<h2>Experience against the targets</h2>\n"
                  "<p>Counts logged in the residents file, or projected from the counts so far "
                  "and the rules' yields over the plan's months; a count short of its target is "
                  "marked.</p>\n",
                  out);
        open = true;
        put_rule(rule, in->ctx, out);
    }
    if (open)
        fputs("</section>\n", out);
}
