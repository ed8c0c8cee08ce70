/*
 * fuzz_common.c: the temporary input files, the diagnostics sink and the default model of the
 * fuzz entry points (fuzz_common.h).
 */
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char yaml_path[64], csv_path[64];

static void remove_files(void)
{
    if (yaml_path[0])
        unlink(yaml_path);
    if (csv_path[0])
        unlink(csv_path);
}

static char *path_for(const char *suffix)
{
    char *path = strcmp(suffix, ".csv") == 0 ? csv_path : yaml_path;
    if (!path[0]) {
        snprintf(path, 64, "/tmp/rotaplan-fuzz-XXXXXX%s", suffix);
        int fd = mkstemps(path, (int)strlen(suffix));
        if (fd < 0) {
            perror("fuzz: mkstemps");
            abort();
        }
        close(fd);
        atexit(remove_files);
    }
    return path;
}

const char *fuzz_file(const uint8_t *data, size_t size, const char *suffix)
{
    const char *path = path_for(suffix);
    FILE *fp = fopen(path, "wb");
    if (!fp || (size && fwrite(data, 1, size, fp) != size) || fclose(fp) != 0) {
        perror("fuzz: writing the input");
        abort();
    }
    return path;
}

void fuzz_diags_done(rp_diags *d)
{
    char *text = NULL;
    size_t len = 0;
    FILE *sink = open_memstream(&text, &len);
    rp_diags_sort(d);
    if (sink) {
        rp_diags_print(d, sink);
        fclose(sink);
    }
    free(text);
    rp_diags_free(d);
}

static rp_model *default_model;

static void free_default_model(void)
{
    rp_model_free(default_model);
}

const rp_model *fuzz_default_model(void)
{
    if (!default_model) {
        rp_diags d = RP_DIAGS_INIT;
        if (rp_model_load_default(&default_model, &d) != 0)
            abort();
        rp_diags_free(&d);
        atexit(free_default_model);
    }
    return default_model;
}

int fuzz_starts_with(const uint8_t *data, size_t size, const char *prefix)
{
    size_t n = strlen(prefix);
    return size >= n && memcmp(data, prefix, n) == 0;
}
