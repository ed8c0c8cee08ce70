/*
 * alloc.c: the library's one allocation seam. Exhaustion is not an input error that a caller
 * could mend, so these print the size that failed on stderr and end the process with the
 * documented status RP_EXIT_OUT_OF_MEMORY (4), at once: no more code runs that could need
 * memory, and no output is renamed into place (a temporary file may stay beside it). Every
 * other file may assume the returned pointer is valid.
 */
#include "util/util.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static void out_of_memory(size_t size)
{
    fprintf(stderr, "rotaplan: out of memory allocating %zu bytes; nothing written (give the "
                    "process more memory, or plan fewer residents at once)\n", size);
    _exit(RP_EXIT_OUT_OF_MEMORY);
}

void *rp_xmalloc(size_t size)
{
    void *p = malloc(size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

void *rp_xcalloc(size_t count, size_t size)
{
    if (size && count > SIZE_MAX / size)
        out_of_memory(SIZE_MAX);
    void *p = calloc(count ? count : 1, size ? size : 1);
    if (!p)
        out_of_memory(count * size);
    return p;
}

void *rp_xrealloc(void *ptr, size_t size)
{
    void *p = realloc(ptr, size ? size : 1);
    if (!p)
        out_of_memory(size);
    return p;
}

char *rp_xstrdup(const char *s)
{
    return rp_xstrndup(s, strlen(s));
}

char *rp_xstrndup(const char *s, size_t n)
{
    char *p = rp_xmalloc(n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *rp_xvasprintf(const char *fmt, va_list ap)
{
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(NULL, 0, fmt, copy);
    va_end(copy);
    if (n < 0)
        n = 0;
    char *p = rp_xmalloc((size_t)n + 1);
    vsnprintf(p, (size_t)n + 1, fmt, ap);
    return p;
}

char *rp_xasprintf(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *p = rp_xvasprintf(fmt, ap);
    va_end(ap);
    return p;
}

void rp_grow(void *items_ptr, size_t *cap, size_t need, size_t elem)
{
    void **items = items_ptr;
    if (need <= *cap)
        return;
    size_t ncap = *cap ? *cap : 8;
    while (ncap < need) {
        if (ncap > SIZE_MAX / 2 / elem)
            out_of_memory(SIZE_MAX);
        ncap *= 2;
    }
    *items = rp_xrealloc(*items, ncap * elem);
    *cap = ncap;
}
