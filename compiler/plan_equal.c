/* plan_equal.c - when two parts of a plan compute the same thing: equal
 * time bounds (one WHERE instead of one per aggregate) and identical
 * aggregates (computed once however many conditions test them). Equality
 * is structural and conservative: parts that differ only in spelling
 * (`100` and `100.0`) count as different and are merely not shared. */
#include "plan.h"

#include <string.h>

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

static bool timelit_equal(const casc_timelit *x, const casc_timelit *y)
{
    return x->year == y->year && x->month == y->month && x->day == y->day &&
           x->hour == y->hour && x->minute == y->minute && x->second == y->second &&
           x->nanos == y->nanos && x->has_zone == y->has_zone &&
           x->zone_minutes == y->zone_minutes;
}

bool casc_instant_equal(const casc_instant *a, const casc_instant *b)
{
    return a->kind == b->kind && a->unit == b->unit && a->offset == b->offset &&
           timelit_equal(&a->lit, &b->lit);
}

bool casc_bound_equal(const casc_bound *a, const casc_bound *b)
{
    return a->present == b->present &&
           (!a->present || (a->inclusive == b->inclusive && casc_instant_equal(&a->at, &b->at)));
}

bool casc_range_equal(const casc_range *a, const casc_range *b)
{
    return casc_bound_equal(&a->lo, &b->lo) && casc_bound_equal(&a->hi, &b->hi);
}

static bool col_equal(const casc_col *a, const casc_col *b)
{
    return a->source == b->source && a->index == b->index && same_text(a->column, b->column) &&
           a->type == b->type && a->storage == b->storage && same_text(a->zone, b->zone);
}

/* Values of event filters: strings, numbers and booleans (times are
 * ranges by then). */
static bool value_equal(const casc_value *a, const casc_value *b)
{
    return a->kind == b->kind && a->len == b->len && a->boolean == b->boolean &&
           (a->len == 0 || memcmp(a->text, b->text, a->len) == 0);
}

/* Depth is bounded by the rule's nesting limit (CASC_MAX_DEPTH). */
static bool pnode_equal(const casc_pnode *a, const casc_pnode *b)
{
    if (a == b)
        return true;
    if (!a || !b || a->kind != b->kind || a->negated != b->negated)
        return false;
    switch (a->kind) {
    case CASC_PL_AND:
    case CASC_PL_OR:
        if (a->u.list.n != b->u.list.n)
            return false;
        for (uint32_t i = 0; i < a->u.list.n; i++)
            if (!pnode_equal(a->u.list.items[i], b->u.list.items[i]))
                return false;
        return true;
    case CASC_PL_TRUE:
    case CASC_PL_FALSE: return true;
    case CASC_PL_PRED:
        if (!col_equal(&a->u.pred.col, &b->u.pred.col) || a->u.pred.op != b->u.pred.op ||
            a->u.pred.nvalues != b->u.pred.nvalues)
            return false;
        for (uint32_t i = 0; i < a->u.pred.nvalues; i++)
            if (!value_equal(&a->u.pred.values[i], &b->u.pred.values[i]))
                return false;
        return true;
    case CASC_PL_TIME:
        return col_equal(&a->u.time.col, &b->u.time.col) &&
               casc_range_equal(&a->u.time.range, &b->u.time.range);
    default: return false; /* not in event filters */
    }
}

bool casc_aggregate_equal(const casc_aggregate *a, const casc_aggregate *b)
{
    return a->kind == b->kind && col_equal(&a->field, &b->field) &&
           a->has_window == b->has_window &&
           (!a->has_window || casc_range_equal(&a->window, &b->window)) &&
           pnode_equal(a->filter, b->filter);
}

/* ---- hashing, consistent with the equality above ---- */

static uint64_t mix(uint64_t h, uint64_t v)
{
    h ^= v + 0x9e3779b97f4a7c15u + (h << 6) + (h >> 2);
    return h;
}

static uint64_t text_hash(uint64_t h, const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        h = (h ^ (unsigned char)s[i]) * 0x100000001b3u;
    return mix(h, n);
}

static uint64_t range_hash(uint64_t h, const casc_range *r)
{
    const casc_bound *b[2] = {&r->lo, &r->hi};
    for (int i = 0; i < 2; i++)
        if (b[i]->present)
            h = mix(mix(mix(h, b[i]->at.kind), (uint64_t)b[i]->at.offset), b[i]->at.unit);
    return h;
}

static uint64_t pnode_hash(uint64_t h, const casc_pnode *n)
{
    if (!n)
        return mix(h, 0);
    h = mix(mix(h, n->kind + 1u), n->negated);
    switch (n->kind) {
    case CASC_PL_AND:
    case CASC_PL_OR:
        for (uint32_t i = 0; i < n->u.list.n; i++)
            h = pnode_hash(h, n->u.list.items[i]);
        return h;
    case CASC_PL_PRED: {
        const char *c = n->u.pred.col.column;
        h = mix(text_hash(h, c, c ? strlen(c) : 0), n->u.pred.op);
        const casc_value *v = n->u.pred.values;
        return n->u.pred.nvalues ? text_hash(h, v->text, v->len) : h;
    }
    case CASC_PL_TIME: return range_hash(h, &n->u.time.range);
    default: return h;
    }
}

uint64_t casc_aggregate_hash(const casc_aggregate *a)
{
    const char *f = a->field.column;
    uint64_t h = text_hash(mix(0xcbf29ce484222325u, a->kind), f, f ? strlen(f) : 0);
    if (a->has_window)
        h = range_hash(h, &a->window);
    return pnode_hash(h, a->filter);
}
