/*
 * output.c: how `plan` and `whatif` write the plan they made (cli.h): the format chosen from
 * --format, --excel and the --out file's extension, and the writing itself, one file through a
 * temporary name, or for iCalendar one file per resident in a folder.
 */
#include "cli/cli.h"
#include "util/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int rp_cli_plan_format(const char *command, const char *format, bool excel, const char *out,
                       rp_format *fmt)
{
    rp_format f = rp_cli_format_of_path(out);
    if (format && rp_format_parse(format, &f) != 0) {
        fprintf(stderr, "rotaplan %s: unknown format '%s'; expected table, csv, yaml, json, "
                        "ics or xlsx\n", command, format);
        return -1;
    }
    if (excel && f != RP_FORMAT_CSV) {
        fprintf(stderr, "rotaplan %s: --excel goes with --format csv (a CSV file Excel opens as "
                        "UTF-8)\n", command);
        return -1;
    }
    if (f == RP_FORMAT_ICS && (!out || strcmp(out, "-") == 0)) {
        fprintf(stderr, "rotaplan %s: --format ics writes one file per resident: give the "
                        "folder with --out DIR\n", command);
        return -1;
    }
    if (f == RP_FORMAT_XLSX && (!out || strcmp(out, "-") == 0)) {
        fprintf(stderr, "rotaplan %s: --format xlsx writes a workbook: give the file with --out "
                        "FILE.xlsx\n", command);
        return -1;
    }
    *fmt = excel ? RP_FORMAT_CSV_EXCEL : f;
    return 0;
}

typedef struct plan_out {
    const rp_model *m;
    const rp_plan *plan;
    rp_format format;
    int resident; /* RP_FORMAT_ICS */
} plan_out;

static int write_plan(void *ctx, FILE *out)
{
    const plan_out *w = ctx;
    if (w->format == RP_FORMAT_ICS)
        return rp_report_ics(w->m, w->plan, w->resident, out);
    return rp_report_plan(w->m, w->plan, w->format, out);
}

/* A file name for a resident id: characters other than letters, digits, '-', '_' and '.'
 * become '_', and a leading '.' too (no hidden file, no path). */
static char *ics_name(const char *dir, const char *id)
{
    char *safe = rp_xstrdup(id);
    for (char *c = safe; *c; c++) {
        bool ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                  (*c >= '0' && *c <= '9') || *c == '-' || *c == '_' || (*c == '.' && c != safe);
        if (!ok)
            *c = '_';
    }
    char *path = rp_xasprintf("%s/%s.ics", dir, safe);
    free(safe);
    return path;
}

static int write_ics(const char *dir, plan_out *w)
{
    struct stat st;
    if (mkdir(dir, 0777) != 0 && (errno != EEXIST || stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))) {
        fprintf(stderr, "rotaplan: cannot make the folder '%s': %s\n", dir,
                errno == EEXIST ? "a file of that name exists" : strerror(errno));
        return -1;
    }
    for (size_t r = 0; r < w->plan->n_residents; r++) {
        w->resident = (int)r;
        char *path = ics_name(dir, w->plan->residents[r].id);
        int err = rp_cli_write(path, write_plan, w);
        free(path);
        if (err)
            return -1;
    }
    return 0;
}

int rp_cli_write_plan(const char *path, const rp_model *m, const rp_plan *plan, rp_format fmt)
{
    plan_out w = {m, plan, fmt, 0};
    if (fmt == RP_FORMAT_ICS)
        return write_ics(path, &w);
    return rp_cli_write(path, write_plan, &w);
}
