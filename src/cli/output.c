/*
 * output.c: how `plan` and `whatif` write the plan they made (cli.h): the format chosen from
 * --format, --excel and the --out file's extension, and the writing itself, one file through a
 * temporary name, or for iCalendar one file per resident in a folder, all or nothing (written
 * into a temporary folder first).
 */
#include "cli/cli.h"
#include "util/i18n.h"
#include "util/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

int rp_cli_plan_format(const char *command, const char *format, bool excel, const char *out,
                       rp_format *fmt)
{
    rp_format f = rp_cli_format_of_path(out);
    if (format && rp_format_parse(format, &f) != 0) {
        fprintf(stderr, _("rotaplan %s: unknown format '%s'; expected table, csv, yaml, json, "
                        "ics or xlsx\n"), command, format);
        return -1;
    }
    if (excel && f != RP_FORMAT_CSV) {
        fprintf(stderr, _("rotaplan %s: --excel goes with --format csv (a CSV file Excel opens as "
                        "UTF-8)\n"), command);
        return -1;
    }
    if (f == RP_FORMAT_ICS && (!out || strcmp(out, "-") == 0)) {
        fprintf(stderr, _("rotaplan %s: --format ics writes one file per resident: give the "
                        "folder with --out DIR\n"), command);
        return -1;
    }
    if (f == RP_FORMAT_XLSX && (!out || strcmp(out, "-") == 0)) {
        fprintf(stderr, _("rotaplan %s: --format xlsx writes a workbook: give the file with --out "
                        "FILE.xlsx\n"), command);
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
 * become '_', and a leading '.' too (no hidden file, no path). Ids (util.h rp_id_valid) hold
 * none of those, so the name is the id itself. */
static char *ics_name(const char *id)
{
    char *safe = rp_xstrdup(id);
    for (char *c = safe; *c; c++) {
        bool ok = (*c >= 'a' && *c <= 'z') || (*c >= 'A' && *c <= 'Z') ||
                  (*c >= '0' && *c <= '9') || *c == '-' || *c == '_' || (*c == '.' && c != safe);
        if (!ok)
            *c = '_';
    }
    char *name = rp_xasprintf("%s.ics", safe);
    free(safe);
    return name;
}

static int by_name_nocase(const void *a, const void *b)
{
    int d = strcasecmp(*(char *const *)a, *(char *const *)b);
    return d ? d : strcmp(*(char *const *)a, *(char *const *)b);
}

/* The calendars' file names, one a resident in plan order (heap; free each and the array), or
 * NULL after naming two residents whose files would be one: the same name, or names that
 * differ only in case (one file on a case-insensitive file system, macOS's or Windows'). */
static char **ics_names(const rp_plan *plan)
{
    size_t n = plan->n_residents;
    char **names = rp_xcalloc(n + 1, sizeof *names);
    char **sorted = rp_xcalloc(n + 1, sizeof *sorted);
    for (size_t r = 0; r < n; r++)
        sorted[r] = names[r] = ics_name(plan->residents[r].id);
    qsort(sorted, n, sizeof *sorted, by_name_nocase);
    for (size_t i = 1; i < n; i++) {
        if (strcasecmp(sorted[i - 1], sorted[i]) != 0)
            continue;
        fprintf(stderr, _("rotaplan: two residents' calendars would be one file '%s' and '%s'; "
                        "expected resident ids that differ in more than letter case\n"),
                sorted[i - 1], sorted[i]);
        for (size_t r = 0; r < n; r++)
            free(names[r]);
        free(names);
        names = NULL;
        break;
    }
    free(sorted);
    return names;
}

/* The folder the calendars go to, without trailing '/' and after symbolic links (heap). */
static char *ics_folder(const char *dir)
{
    char *target = rp_atomic_target(dir);
    if (!target)
        return NULL;
    size_t len = strlen(target);
    while (len > 1 && target[len - 1] == '/')
        target[--len] = '\0';
    return target;
}

static void remove_calendars(const char *tmp, char **names, size_t n)
{
    for (size_t r = 0; r < n; r++) {
        char *path = rp_xasprintf("%s/%s", tmp, names[r]);
        unlink(path);
        free(path);
    }
    rmdir(tmp);
}

/* Every calendar into the fresh folder tmp; -1 after the first failure (reported). */
static int write_calendars(const char *tmp, char **names, plan_out *w)
{
    for (size_t r = 0; r < w->plan->n_residents; r++) {
        w->resident = (int)r;
        char *path = rp_xasprintf("%s/%s", tmp, names[r]);
        int err = rp_cli_write(path, write_plan, w);
        free(path);
        if (err)
            return -1;
    }
    return 0;
}

/* The complete calendars of tmp into dir: the folder itself renamed when dir does not exist
 * (or is an empty folder), else each file renamed into dir (files of dir that are no
 * resident's calendar stay). Each rename replaces a whole file. */
static int move_calendars(const char *tmp, const char *dir, char **names, size_t n)
{
    if (rename(tmp, dir) == 0)
        return 0;
    if (errno != EEXIST && errno != ENOTEMPTY) {
        fprintf(stderr, _("rotaplan: cannot make the folder '%s': %s\n"), dir, strerror(errno));
        return -1;
    }
    for (size_t r = 0; r < n; r++) {
        char *from = rp_xasprintf("%s/%s", tmp, names[r]);
        char *to = rp_xasprintf("%s/%s", dir, names[r]);
        int err = rename(from, to);
        if (err)
            fprintf(stderr, _("rotaplan: cannot write '%s': %s\n"), to, strerror(errno));
        free(from);
        free(to);
        if (err)
            return -1;
    }
    rmdir(tmp);
    return 0;
}

/* --format ics: all or nothing. Every calendar is written into a temporary folder beside DIR
 * first; only when all are complete do they move into DIR. */
static int write_ics(const char *dir, plan_out *w)
{
    char **names = ics_names(w->plan);
    if (!names)
        return -1;
    size_t n = w->plan->n_residents;
    int status = -1;
    char *folder = ics_folder(dir), *tmp = NULL;
    struct stat st;
    if (!folder) {
        fprintf(stderr, _("rotaplan: cannot make the folder '%s': %s\n"), dir, strerror(errno));
    } else if (stat(folder, &st) == 0 && !S_ISDIR(st.st_mode)) {
        fprintf(stderr, _("rotaplan: cannot make the folder '%s': a file of that name exists\n"),
                dir);
    } else {
        tmp = rp_xasprintf("%s.tmp-XXXXXX", folder);
        mode_t mask = umask(0);
        umask(mask);
        if (!mkdtemp(tmp) || chmod(tmp, 0777 & ~mask) != 0) {
            fprintf(stderr, _("rotaplan: cannot make the folder '%s': %s\n"), dir, strerror(errno));
            rmdir(tmp);
        } else if (write_calendars(tmp, names, w) != 0 ||
                   move_calendars(tmp, folder, names, n) != 0) {
            remove_calendars(tmp, names, n);
        } else {
            status = 0;
        }
    }
    for (size_t r = 0; r < n; r++)
        free(names[r]);
    free(names);
    free(tmp);
    free(folder);
    return status;
}

int rp_cli_write_plan(const char *path, const rp_model *m, const rp_plan *plan, rp_format fmt)
{
    plan_out w = {m, plan, fmt, 0};
    if (fmt == RP_FORMAT_ICS)
        return write_ics(path, &w);
    return rp_cli_write(path, write_plan, &w);
}
