/* plan_tables.c - the tables a plan reads (for `--format json`). */
#include "plan.h"

#include <string.h>

typedef struct table_set {
    const casc_table **items;
    uint32_t n, cap;
    casc_arena *arena;
} table_set;

static bool same(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static void add(table_set *s, const casc_table *t)
{
    for (uint32_t i = 0; i < s->n; i++)
        if (same(s->items[i]->database, t->database) && same(s->items[i]->schema, t->schema) &&
            same(s->items[i]->table, t->table))
            return;
    if (s->n == s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 8;
        const casc_table **items = casc_arena_grow(s->arena, s->items, s->n * sizeof *items,
                                                   cap * sizeof *items);
        if (!items)
            return;
        s->items = items;
        s->cap = cap;
    }
    s->items[s->n++] = t;
}

/* Segment tables are only in the condition tree. */
static void add_segments(table_set *s, const casc_pnode *n)
{
    if (n->kind == CASC_PL_AND || n->kind == CASC_PL_OR)
        for (uint32_t i = 0; i < n->u.list.n; i++)
            add_segments(s, n->u.list.items[i]);
    else if (n->kind == CASC_PL_SEGMENT)
        add(s, n->u.segment->table);
}

uint32_t casc_plan_tables(casc_arena *arena, const casc_plan *plan, const casc_table ***tables)
{
    table_set s = {.arena = arena};
    add(&s, &plan->model->master);
    for (uint32_t i = 0; i < plan->njoins; i++)
        add(&s, plan->joins[i].table);
    for (uint32_t i = 0; i < plan->nscans; i++)
        add(&s, &plan->scans[i].behavior->table);
    if (plan->out.behavior)
        add(&s, &plan->out.behavior->table);
    add_segments(&s, plan->where);
    for (uint32_t i = 0; i < plan->out.nrules; i++)
        add_segments(&s, plan->out.rules[i]);
    *tables = s.items;
    return s.n;
}
