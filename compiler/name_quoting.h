/* name_quoting.h - which of a model's names need no quotes in each
 * dialect, found once when the model is loaded: the SQL generator asks it
 * of every name it writes, and checking was 7% of a typical compile. */
#ifndef CASC_NAME_QUOTING_H
#define CASC_NAME_QUOTING_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"

struct casc_parent_model;

typedef struct casc_name_quoting {
    const char **names; /* by address, open addressing; NULL: empty slot */
    uint32_t *bare;     /* casc_backend_bare_set() of each name */
    uint32_t mask;      /* slots - 1 */
} casc_name_quoting;

/* The model's names (tables, keys, columns). False when memory ran out,
 * q then empty, which only makes the generator check names itself. */
bool casc_name_quoting_build(casc_arena *a, casc_name_quoting *q,
                             const struct casc_parent_model *m);

/* The backends in which name, at this address, needs no quotes; false
 * when it is not one of the model's names. */
bool casc_name_quoting_find(const casc_name_quoting *q, const char *name, uint32_t *bare);

#endif
