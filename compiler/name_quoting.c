/* name_quoting.c - see name_quoting.h. */
#include "name_quoting.h"

#include "backend.h"
#include "model.h"

static uint32_t slot_of(const casc_name_quoting *q, const char *name)
{
    return (uint32_t)(((uint64_t)(uintptr_t)name * 0x9E3779B97F4A7C15u) >> 32) & q->mask;
}

static void add(casc_name_quoting *q, const char *name, bool always_quote)
{
    if (!name)
        return;
    uint32_t i = slot_of(q, name);
    while (q->names[i] && q->names[i] != name)
        i = (i + 1) & q->mask;
    if (!q->names[i]) {
        q->names[i] = name;
        q->bare[i] = casc_backend_bare_set(name, always_quote);
    }
}

static void add_table(casc_name_quoting *q, const casc_table *t, bool always_quote)
{
    if (!t)
        return;
    add(q, t->database, always_quote);
    add(q, t->schema, always_quote);
    add(q, t->table, always_quote);
}

/* At least as many as add_names() adds. */
static uint32_t count_names(const casc_parent_model *m)
{
    uint32_t n = 4 + 6 * m->nattributes + 5 * m->nbehaviors + 4 * m->nsegments;
    for (uint32_t i = 0; i < m->nbehaviors; i++)
        n += 2 * m->behaviors[i].nfields;
    return n;
}

static void add_names(casc_name_quoting *q, const casc_parent_model *m)
{
    bool aq = m->quote_always;
    add_table(q, &m->master, aq);
    add(q, m->key_column, aq);
    for (uint32_t i = 0; i < m->nattributes; i++) {
        const casc_attribute *a = &m->attributes[i];
        add(q, a->name, aq);
        add(q, a->column, aq);
        add(q, a->key_column, aq);
        add_table(q, a->table, aq);
    }
    for (uint32_t i = 0; i < m->nbehaviors; i++) {
        const casc_behavior *b = &m->behaviors[i];
        add_table(q, &b->table, aq);
        add(q, b->key_column, aq);
        add(q, b->time_column, aq);
        for (uint32_t j = 0; j < b->nfields; j++) {
            add(q, b->fields[j].name, aq);
            add(q, b->fields[j].column, aq);
        }
    }
    for (uint32_t i = 0; i < m->nsegments; i++) {
        add_table(q, m->segments[i].table, aq);
        add(q, m->segments[i].key_column, aq);
    }
}

bool casc_name_quoting_build(casc_arena *a, casc_name_quoting *q, const casc_parent_model *m)
{
    *q = (casc_name_quoting){0};
    uint32_t slots = 8;
    while (slots < 2 * count_names(m)) /* at most half full */
        slots *= 2;
    const char **names = casc_arena_alloc(a, slots * sizeof *names);
    uint32_t *bare = casc_arena_alloc(a, slots * sizeof *bare);
    if (!names || !bare)
        return false;
    *q = (casc_name_quoting){names, bare, slots - 1};
    add_names(q, m);
    return true;
}

bool casc_name_quoting_find(const casc_name_quoting *q, const char *name, uint32_t *bare)
{
    if (!q->names)
        return false;
    for (uint32_t i = slot_of(q, name); q->names[i]; i = (i + 1) & q->mask)
        if (q->names[i] == name) {
            *bare = q->bare[i];
            return true;
        }
    return false;
}
