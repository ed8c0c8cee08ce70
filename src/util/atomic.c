/*
 * atomic.c: every file rotaplan writes goes to a temporary name in the target's directory, is
 * flushed and synced, and is renamed over the target only when complete. A failed run therefore
 * never leaves a half-written file and never destroys an existing output.
 */
#include "util/util.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The mode the output gets: an existing target's, else what open(2) would give a new file
 * (0666 less the umask); mkstemp's 0600 would hide a plan from the rest of its group. */
static mode_t output_mode(const char *path)
{
    struct stat st;
    if (stat(path, &st) == 0)
        return st.st_mode & 07777;
    mode_t mask = umask(0);
    umask(mask);
    return 0666 & ~mask;
}

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
    if (fchmod(fd, output_mode(path)) != 0) {
        int e = errno;
        close(fd);
        unlink(tmp);
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
