/*
 * arena.c: a chain of blocks from which a model's strings and small records are carved; the
 * whole chain is freed at once with the model, so no loader error path has to free field by field.
 */
#include "util/util.h"

#include <stdalign.h>
#include <stdlib.h>
#include <stdint.h>
#include <string.h>

typedef struct block {
    struct block *next;
    size_t used, size;
    alignas(max_align_t) unsigned char data[];
} block;

struct rp_arena {
    block *head;
};

enum { BLOCK_SIZE = 64 * 1024 };

rp_arena *rp_arena_new(void)
{
    return rp_xcalloc(1, sizeof(rp_arena));
}

void rp_arena_free(rp_arena *a)
{
    if (!a)
        return;
    block *b = a->head;
    while (b) {
        block *next = b->next;
        free(b);
        b = next;
    }
    free(a);
}

void *rp_arena_alloc(rp_arena *a, size_t size)
{
    const size_t align = alignof(max_align_t);
    size = (size + align - 1) / align * align;
    if (size == 0)
        size = align;
    block *b = a->head;
    if (!b || b->size - b->used < size) {
        size_t bsize = size > BLOCK_SIZE ? size : BLOCK_SIZE;
        b = rp_xmalloc(sizeof(block) + bsize);
        b->size = bsize;
        b->used = 0;
        b->next = a->head;
        a->head = b;
    }
    void *p = b->data + b->used;
    b->used += size;
    memset(p, 0, size);
    return p;
}

char *rp_arena_strndup(rp_arena *a, const char *s, size_t n)
{
    char *p = rp_arena_alloc(a, n + 1);
    memcpy(p, s, n);
    p[n] = '\0';
    return p;
}

char *rp_arena_strdup(rp_arena *a, const char *s)
{
    return rp_arena_strndup(a, s, strlen(s));
}

char *rp_arena_printf(rp_arena *a, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    char *tmp = rp_xvasprintf(fmt, ap);
    va_end(ap);
    char *p = rp_arena_strdup(a, tmp);
    free(tmp);
    return p;
}
