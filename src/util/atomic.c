/*
 * atomic.c: every file rotaplan writes goes to a temporary name in the target's directory, is
 * flushed and synced, and is renamed over the target only when complete. A failed run therefore
 * never leaves a half-written file and never destroys an existing output.
 *
 * Two kinds of target are not renamed over: a symbolic link is followed (the temporary file is
 * made beside the file it finally names, which is replaced; the link stays a link), and a target
 * that exists and is not a regular file (a FIFO, a character device such as /dev/null or
 * /dev/stdout, a socket) is written in place: renaming over it would replace the device by a
 * regular file, which as root breaks the system.
 */
#include "util/util.h"

#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

enum { MAX_LINKS = 40 }; /* as the kernel's ELOOP limit */

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

/* The file a chain of symbolic links ends at (path itself when it is no link), on the heap; a
 * dangling link gives the name it points to, which the output then creates. NULL with errno
 * set when a link cannot be read or the chain is too long. */
char *rp_atomic_target(const char *path)
{
    char *cur = rp_xstrdup(path);
    for (int hops = 0;; hops++) {
        struct stat st;
        if (lstat(cur, &st) != 0 || !S_ISLNK(st.st_mode))
            return cur;
        if (hops == MAX_LINKS) {
            free(cur);
            errno = ELOOP;
            return NULL;
        }
        size_t size = (size_t)st.st_size + 1 > 256 ? (size_t)st.st_size + 1 : 256;
        char *link = rp_xmalloc(size + 1);
        ssize_t n = readlink(cur, link, size);
        if (n < 0 || (size_t)n >= size) {
            int e = n < 0 ? errno : ENAMETOOLONG;
            free(link);
            free(cur);
            errno = e;
            return NULL;
        }
        link[n] = '\0';
        char *next;
        const char *slash = strrchr(cur, '/');
        if (link[0] == '/' || !slash)
            next = rp_xstrdup(link);
        else /* relative to the link's own folder */
            next = rp_xasprintf("%.*s/%s", (int)(slash - cur), cur, link);
        free(link);
        free(cur);
        cur = next;
    }
}

/* Whether the target exists and is not a regular file (nor a folder, which fails to open). */
static bool in_place(const char *target)
{
    struct stat st;
    return stat(target, &st) == 0 && !S_ISREG(st.st_mode) && !S_ISDIR(st.st_mode);
}

static int fail(rp_atomic *a, char *target, char *tmp, int fd)
{
    int e = errno;
    if (fd >= 0)
        close(fd);
    if (tmp)
        unlink(tmp);
    free(tmp);
    free(target);
    memset(a, 0, sizeof *a);
    errno = e;
    return -1;
}

static int open_target(rp_atomic *a, const char *path, bool with_file)
{
    memset(a, 0, sizeof *a);
    /* a device or FIFO is opened by the name given: the kernel follows links that name no
     * file, such as /dev/stdout -> /proc/self/fd/1 -> pipe:[...] */
    char *target = in_place(path) ? rp_xstrdup(path) : rp_atomic_target(path);
    if (!target)
        return -1;
    if (in_place(target)) {
        if (with_file && !(a->fp = fopen(target, "w")))
            return fail(a, target, NULL, -1);
        a->path = target;
        return 0;
    }
    char *tmp = rp_xasprintf("%s.tmp-XXXXXX", target);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        free(tmp);
        return fail(a, target, NULL, -1);
    }
    if (fchmod(fd, output_mode(target)) != 0)
        return fail(a, target, tmp, fd);
    if (!with_file) {
        close(fd);
    } else if (!(a->fp = fdopen(fd, "w"))) {
        return fail(a, target, tmp, fd);
    }
    a->path = target;
    a->tmp_path = tmp;
    return 0;
}

int rp_atomic_open(rp_atomic *a, const char *path)
{
    return open_target(a, path, true);
}

int rp_atomic_open_name(rp_atomic *a, const char *path)
{
    return open_target(a, path, false);
}

const char *rp_atomic_name(const rp_atomic *a)
{
    return a->tmp_path ? a->tmp_path : a->path;
}

static void release(rp_atomic *a)
{
    free(a->path);
    free(a->tmp_path);
    a->path = a->tmp_path = NULL;
    a->fp = NULL;
}

/* Flushes and syncs a->fp (or, written by name, the temporary file), then closes it. */
static int finish_file(rp_atomic *a)
{
    int failed = 0, e = 0;
    if (!a->fp) {
        int fd = a->tmp_path ? open(a->tmp_path, O_RDONLY) : -1;
        if (fd >= 0) {
            if (fsync(fd) != 0 && errno != EINVAL)
                failed = 1, e = errno;
            close(fd);
        }
        errno = e;
        return failed ? -1 : 0;
    }
    if (fflush(a->fp) != 0 || ferror(a->fp)) {
        failed = 1;
        e = errno ? errno : EIO;
    }
    /* a device or a FIFO cannot be synced (EINVAL, EROFS): what was written is written */
    if (!failed && a->tmp_path && fsync(fileno(a->fp)) != 0 && errno != EINVAL) {
        failed = 1;
        e = errno;
    }
    if (fclose(a->fp) != 0 && !failed) {
        failed = 1;
        e = errno;
    }
    a->fp = NULL;
    errno = e;
    return failed ? -1 : 0;
}

int rp_atomic_commit(rp_atomic *a)
{
    int failed = finish_file(a) != 0;
    int e = errno;
    if (!failed && a->tmp_path && rename(a->tmp_path, a->path) != 0) {
        failed = 1;
        e = errno;
    }
    if (failed && a->tmp_path)
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
