/*
 * replay.c: runs a fuzz entry point (fuzz_<harness>.c) over files without libFuzzer, so that the
 * seed corpus and every input a fuzzer ever crashed on (tests/fuzz/regressions/) are replayed by
 * `make test` and `make test-asan` with the ordinary compiler: `replay_model FILE...`. A crash,
 * a sanitizer report or a leak fails the run; the loaders' verdicts do not matter here.
 */
#include "fuzz_common.h"

#include <stdio.h>
#include <stdlib.h>

static int replay(const char *path)
{
    FILE *fp = fopen(path, "rb");
    if (!fp) {
        perror(path);
        return -1;
    }
    size_t cap = 1 << 16, len = 0, n;
    uint8_t *data = malloc(cap);
    while (data && (n = fread(data + len, 1, cap - len, fp)) > 0) {
        len += n;
        if (len == cap)
            data = realloc(data, cap *= 2);
    }
    int err = !data || ferror(fp) ? -1 : 0;
    fclose(fp);
    if (!err)
        LLVMFuzzerTestOneInput(data, len);
    else
        fprintf(stderr, "%s: cannot read\n", path);
    free(data);
    return err;
}

int main(int argc, char **argv)
{
    int failed = 0;
    for (int i = 1; i < argc; i++)
        failed |= replay(argv[i]) != 0;
    printf("%s: %d input%s replayed\n", argv[0], argc - 1, argc == 2 ? "" : "s");
    return failed;
}
