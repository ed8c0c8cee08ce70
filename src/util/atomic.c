/*
 * atomic.c: every file rotaplan writes goes to a temporary name in the target's directory, is
 * flushed and synced, and is renamed over the target only when complete. A failed run therefore
 * never leaves a half-written file and never destroys an existing output.
 */
#include "util/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

int rp_atomic_open(rp_atomic *a, const char *path)
{
    memset(a, 0, sizeof *a);
    char *tmp = rp_xasprintf("%s.tmp-XXXXXX", path);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        int e = errno;
        free(tmp);
        errno = e;
        return -1;
    }
    FILE *fp = fdopen(fd, "w");
    if (!fp) {
        int e = errno;
        close(fd);
        unlink(tmp);
        free(tmp);
        errno = e;
        return -1;
    }
    a->path = rp_xstrdup(path);
    a->tmp_path = tmp;
    a->fp = fp;
    return 0;
}

static void release(rp_atomic *a)
{
    free(a->path);
    free(a->tmp_path);
    a->path = a->tmp_path = NULL;
    a->fp = NULL;
}

int rp_atomic_commit(rp_atomic *a)
{
    int failed = 0, e = 0;
    if (fflush(a->fp) != 0 || ferror(a->fp)) {
        failed = 1;
        e = errno ? errno : EIO;
    }
    if (!failed && fsync(fileno(a->fp)) != 0 && errno != EINVAL) {
        failed = 1;
        e = errno;
    }
    if (fclose(a->fp) != 0 && !failed) {
        failed = 1;
        e = errno;
    }
    a->fp = NULL;
    if (!failed && rename(a->tmp_path, a->path) != 0) {
        failed = 1;
        e = errno;
    }
    if (failed)
        unlink(a->tmp_path);
    release(a);
    if (failed) {
        errno = e;
        return -1;
    }
    return 0;
}

void rp_atomic_abort(rp_atomic *a)
{
    if (a->fp)
        fclose(a->fp);
    if (a->tmp_path)
        unlink(a->tmp_path);
    release(a);
}
