/* arena.h - bump allocation for one compilation.
 *
 * Everything a compilation builds (tokens' decoded text, AST, diagnostics,
 * plan, SQL text) lives in one arena and is released in one call. An arena is
 * owned by one thread at a time; nothing here is global. */
#ifndef CASC_ARENA_H
#define CASC_ARENA_H

#include <stddef.h>

typedef struct casc_arena casc_arena;

casc_arena *casc_arena_new(void);
void casc_arena_free(casc_arena *a);

/* Zeroed memory aligned for any object, or NULL when memory is exhausted
 * (and then casc_arena_failed() is true from then on). */
void *casc_arena_alloc(casc_arena *a, size_t size);
/* A copy of n bytes with a NUL after them. */
char *casc_arena_strndup(casc_arena *a, const char *s, size_t n);
/* Grow an array allocated from this arena: returns a new block of new_size
 * bytes holding the old_size bytes of old (the old block stays until free). */
void *casc_arena_grow(casc_arena *a, void *old, size_t old_size, size_t new_size);
int casc_arena_failed(const casc_arena *a);
/* Where the arena is now: casc_arena_release(a, at) frees what was
 * allocated since (positions nest), when it all lies in the arena's last
 * block; else it keeps it (so that work between the two calls never
 * allocates and frees a block each time). */
typedef struct casc_arena_pos {
    const void *block;
    size_t used;
} casc_arena_pos;
casc_arena_pos casc_arena_at(const casc_arena *a);
void casc_arena_release(casc_arena *a, casc_arena_pos at);
/* Bytes obtained from the system so far (for benchmarks and limits). */
size_t casc_arena_footprint(const casc_arena *a);

#endif
