/* arena.c - bump allocator: a chain of blocks, freed all at once. */
#include "arena.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

enum { BLOCK_MIN = 16 * 1024, ALIGN = 16 };

typedef struct block {
    struct block *next;
    size_t size, used;
    _Alignas(ALIGN) unsigned char data[];
} block;

struct casc_arena {
    block *head;
    size_t footprint;
    int failed;
};

casc_arena *casc_arena_new(void)
{
    return calloc(1, sizeof(casc_arena));
}

void casc_arena_free(casc_arena *a)
{
    if (!a)
        return;
    for (block *b = a->head, *next; b; b = next) {
        next = b->next;
        free(b);
    }
    free(a);
}

/* Uninitialized memory: for callers that write all of it at once. */
static void *alloc_raw(casc_arena *a, size_t size)
{
    if (a->failed)
        return NULL;
    if (size > SIZE_MAX / 2) {
        a->failed = 1;
        return NULL;
    }
    size = (size + ALIGN - 1) & ~(size_t)(ALIGN - 1);
    block *b = a->head;
    if (!b || b->size - b->used < size) {
        /* Blocks double with the arena so big rules need few of them. */
        size_t want = a->footprint < BLOCK_MIN ? BLOCK_MIN : a->footprint;
        if (want < size)
            want = size;
        b = malloc(sizeof(block) + want);
        if (!b) {
            a->failed = 1;
            return NULL;
        }
        b->size = want;
        b->used = 0;
        b->next = a->head;
        a->head = b;
        a->footprint += want;
    }
    void *p = b->data + b->used;
    b->used += size;
    return p;
}

void *casc_arena_alloc(casc_arena *a, size_t size)
{
    void *p = alloc_raw(a, size);
    if (p)
        memset(p, 0, size);
    return p;
}

char *casc_arena_strndup(casc_arena *a, const char *s, size_t n)
{
    char *p = n < SIZE_MAX ? alloc_raw(a, n + 1) : NULL;
    if (p) {
        if (n)
            memcpy(p, s, n);
        p[n] = '\0';
    }
    return p;
}

void *casc_arena_grow(casc_arena *a, void *old, size_t old_size, size_t new_size)
{
    size_t keep = old_size < new_size ? old_size : new_size;
    unsigned char *p = alloc_raw(a, new_size);
    if (p) {
        if (keep)
            memcpy(p, old, keep);
        memset(p + keep, 0, new_size - keep);
    }
    return p;
}

casc_arena_pos casc_arena_at(const casc_arena *a)
{
    return (casc_arena_pos){a->head, a->head ? a->head->used : 0};
}

void casc_arena_release(casc_arena *a, casc_arena_pos at)
{
    if (a->head && a->head == at.block)
        a->head->used = at.used;
}

int casc_arena_failed(const casc_arena *a)
{
    return a->failed;
}

size_t casc_arena_footprint(const casc_arena *a)
{
    return a->footprint;
}
