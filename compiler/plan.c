/* plan.c - from a resolved rule to a plan: NOTs to the leaves, flat
 * AND/OR, folded constants, symbolic time ranges, one scan per behavior
 * (and the semi-joins of plan_exists.c and plan_narrow.c, the probes of
 * plan_probe.c), each scan's tests placed. */
#include "plan_ctx.h"

#include <stdlib.h>
#include <string.h>

void *casc_pl_alloc(planner *p, size_t size)
{
    void *x = casc_arena_alloc(p->arena, size);
    if (!x && !p->oom) {
        p->oom = true;
        casc_diag_out_of_memory(p->diags, NULL, "planning the query");
    }
    return x;
}

casc_pnode *casc_pl_node(planner *p, casc_pl_kind kind)
{
    casc_pnode *n = casc_pl_alloc(p, sizeof *n);
    if (n)
        n->kind = kind;
    return n;
}

/* ---- time ---- */

/* Weeks and quarters are whole days and months: backends add only
 * minutes, hours, days, months and years. */
static casc_instant now_plus(int64_t n, casc_unit u)
{
    if (u == CASC_UNIT_WEEK)
        n *= 7, u = CASC_UNIT_DAY;
    else if (u == CASC_UNIT_QUARTER)
        n *= 3, u = CASC_UNIT_MONTH;
    return (casc_instant){.kind = CASC_I_NOW, .unit = u, .offset = n};
}

static casc_instant calendar(casc_unit u, int64_t offset)
{
    return (casc_instant){.kind = CASC_I_CALENDAR, .unit = u, .offset = offset};
}

static casc_instant instant_of(const casc_value *v)
{
    switch (v->kind) {
    case CASC_V_DATE:
    case CASC_V_TIMESTAMP:
        return (casc_instant){.kind = v->time.has_zone ? CASC_I_INSTANT : CASC_I_LOCAL,
                              .lit = v->time};
    case CASC_V_TODAY: return calendar(CASC_UNIT_DAY, 0);
    case CASC_V_YESTERDAY: return calendar(CASC_UNIT_DAY, -1);
    case CASC_V_AGO: return now_plus(-v->integer, v->unit);
    case CASC_V_FROM_NOW: return now_plus(v->integer, v->unit);
    default: return now_plus(0, CASC_UNIT_DAY); /* NOW */
    }
}

/* The start of the day after a date literal (the date-end rules of §5). */
static casc_instant day_after(const casc_value *v)
{
    casc_instant i = instant_of(v);
    i.offset = 1;
    return i;
}

static casc_bound bound(casc_instant at, bool inclusive)
{
    return (casc_bound){.present = true, .inclusive = inclusive, .at = at};
}

static casc_range window_range(const casc_window *w)
{
    casc_range r = {0};
    casc_instant now = now_plus(0, CASC_UNIT_DAY);
    switch (w->kind) {
    case CASC_W_LAST_N:
        r.lo = bound(now_plus(-w->count, w->unit), true);
        r.hi = bound(now, true);
        break;
    case CASC_W_NEXT_N:
        r.lo = bound(now, true);
        r.hi = bound(now_plus(w->count, w->unit), true);
        break;
    case CASC_W_THIS:
        r.lo = bound(calendar(w->unit, 0), true);
        r.hi = bound(now, true);
        break;
    case CASC_W_PREVIOUS:
        r.lo = bound(calendar(w->unit, -1), true);
        r.hi = bound(calendar(w->unit, 0), false);
        break;
    case CASC_W_NEXT:
        r.lo = bound(calendar(w->unit, 1), true);
        r.hi = bound(calendar(w->unit, 2), false);
        break;
    case CASC_W_TODAY:
        r.lo = bound(calendar(CASC_UNIT_DAY, 0), true);
        r.hi = bound(calendar(CASC_UNIT_DAY, 1), false);
        break;
    case CASC_W_YESTERDAY:
        r.lo = bound(calendar(CASC_UNIT_DAY, -1), true);
        r.hi = bound(calendar(CASC_UNIT_DAY, 0), false);
        break;
    case CASC_W_BETWEEN:
        r.lo = bound(instant_of(&w->lo), true);
        r.hi = w->hi.kind == CASC_V_DATE ? bound(day_after(&w->hi), false)
                                         : bound(instant_of(&w->hi), true);
        break;
    case CASC_W_SINCE: r.lo = bound(instant_of(&w->lo), true); break;
    case CASC_W_AFTER:
        r.lo = w->lo.kind == CASC_V_DATE ? bound(day_after(&w->lo), true)
                                         : bound(instant_of(&w->lo), false);
        break;
    case CASC_W_BEFORE: r.hi = bound(instant_of(&w->lo), false); break;
    }
    return r;
}

/* `t OP v` on a time as a range. */
static casc_range compare_range(casc_pred_op op, const casc_value *v)
{
    casc_range r = {0};
    casc_instant at = instant_of(v);
    switch (op) {
    case CASC_P_LT: r.hi = bound(at, false); break;
    case CASC_P_LE: r.hi = bound(at, true); break;
    case CASC_P_GT: r.lo = bound(at, false); break;
    case CASC_P_GE: r.lo = bound(at, true); break;
    default: /* EQ */
        r.lo = bound(at, true);
        r.hi = bound(at, true);
        break;
    }
    return r;
}

/* ---- columns ---- */

static bool same_text(const char *a, const char *b)
{
    return a == b || (a && b && strcmp(a, b) == 0);
}

/* Attributes from the same table and key share one join. */
static bool same_join(const casc_join *j, const casc_attribute *a)
{
    return same_text(j->table->database, a->table->database) &&
           same_text(j->table->schema, a->table->schema) &&
           same_text(j->table->table, a->table->table) && same_text(j->key_column, a->key_column);
}

static uint32_t join_for(planner *p, const casc_attribute *a)
{
    casc_plan *pl = p->plan;
    for (uint32_t i = 0; i < pl->njoins; i++)
        if (same_join(&pl->joins[i], a))
            return i;
    casc_join *j = casc_arena_grow(p->arena, pl->joins, pl->njoins * sizeof *j,
                                   (pl->njoins + 1) * sizeof *j);
    if (!j) {
        casc_pl_alloc(p, SIZE_MAX / 2); /* records the failure once */
        return 0;
    }
    j[pl->njoins] = (casc_join){a->table, a->key_column};
    pl->joins = j;
    return pl->njoins++;
}

casc_col casc_pl_col(planner *p, const casc_operand *on, const casc_behavior *b)
{
    casc_col c = {.type = on->type};
    if (on->field) {
        c.source = CASC_SRC_EVENT;
        c.column = on->field->column;
        c.zone = b->timezone;
    } else if (on->attr->table) {
        c.source = CASC_SRC_ATTRIBUTE;
        c.index = join_for(p, on->attr);
        c.column = on->attr->column;
    } else {
        c.source = CASC_SRC_MASTER;
        c.column = on->attr->column;
    }
    c.storage = on->type == CASC_TYPE_DATE ? CASC_TIME_DATE : CASC_TIME_TIMESTAMP;
    return c;
}

casc_col casc_pl_time_col(const casc_behavior *b)
{
    return (casc_col){.source = CASC_SRC_EVENT,
                      .column = b->time_column,
                      .type = b->time_storage == CASC_TIME_DATE ? CASC_TYPE_DATE
                                                                : CASC_TYPE_TIMESTAMP,
                      .storage = b->time_storage,
                      .zone = b->timezone};
}

/* ---- normal form ---- */

/* The complement of a plan tree: De Morgan down to the leaves. */
static casc_pnode *negate(casc_pnode *n)
{
    switch (n->kind) {
    case CASC_PL_AND:
    case CASC_PL_OR:
        n->kind = n->kind == CASC_PL_AND ? CASC_PL_OR : CASC_PL_AND;
        for (uint32_t i = 0; i < n->u.list.n; i++)
            negate(n->u.list.items[i]);
        break;
    case CASC_PL_TRUE: n->kind = CASC_PL_FALSE; break;
    case CASC_PL_FALSE: n->kind = CASC_PL_TRUE; break;
    default: n->negated = !n->negated; break;
    }
    return n;
}

casc_pnode *casc_pl_chain(planner *p, casc_pl_kind kind, casc_pnode **items, uint32_t n)
{
    casc_pl_kind unit = kind == CASC_PL_AND ? CASC_PL_TRUE : CASC_PL_FALSE;
    casc_pl_kind zero = kind == CASC_PL_AND ? CASC_PL_FALSE : CASC_PL_TRUE;
    uint32_t total = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (items[i]->kind == zero)
            return casc_pl_node(p, zero);
        total += items[i]->kind == kind ? items[i]->u.list.n : items[i]->kind != unit;
    }
    if (total == 0)
        return casc_pl_node(p, unit);
    casc_pnode **out = casc_pl_alloc(p, total * sizeof *out);
    if (!out)
        return NULL;
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        if (items[i]->kind == kind)
            for (uint32_t j = 0; j < items[i]->u.list.n; j++)
                out[k++] = items[i]->u.list.items[j];
        else if (items[i]->kind != unit)
            out[k++] = items[i];
    }
    if (k == 1)
        return out[0];
    casc_pnode *c = casc_pl_node(p, kind);
    if (c) {
        c->u.list.items = out;
        c->u.list.n = k;
    }
    return c;
}

static casc_pnode *build(planner *p, const casc_rnode *r, const casc_behavior *in);

static casc_pnode *time_node(planner *p, casc_col c, casc_range range)
{
    casc_pnode *n = casc_pl_node(p, CASC_PL_TIME);
    if (n) {
        n->u.time.col = c;
        n->u.time.range = range;
    }
    return n;
}

static casc_pnode *build_pred(planner *p, const casc_rnode *r, const casc_behavior *in)
{
    casc_col c = casc_pl_col(p, &r->u.pred.on, in);
    casc_pred_op op = r->u.pred.op;
    casc_pnode *n;
    if (op == CASC_P_WINDOW) {
        n = time_node(p, c, window_range(r->u.pred.window));
    } else if ((c.type == CASC_TYPE_DATE || c.type == CASC_TYPE_TIMESTAMP) && op == CASC_P_IN) {
        /* A time in a list: one equality per value. */
        uint32_t k = r->u.pred.nvalues;
        casc_pnode **items = casc_pl_alloc(p, k * sizeof *items);
        if (!items)
            return NULL;
        for (uint32_t i = 0; i < k; i++)
            if (!(items[i] = time_node(p, c, compare_range(CASC_P_EQ, &r->u.pred.values[i]))))
                return NULL;
        n = casc_pl_chain(p, CASC_PL_OR, items, k);
    } else if ((c.type == CASC_TYPE_DATE || c.type == CASC_TYPE_TIMESTAMP) && op <= CASC_P_GE) {
        n = time_node(p, c, compare_range(op, &r->u.pred.values[0]));
    } else {
        n = casc_pl_node(p, CASC_PL_PRED);
        if (n) {
            n->u.pred.col = c;
            n->u.pred.op = op;
            n->u.pred.values = r->u.pred.values;
            n->u.pred.nvalues = r->u.pred.nvalues;
        }
    }
    return n && r->negated ? negate(n) : n;
}

static casc_scan *scan_for(planner *p, const casc_behavior *b, uint32_t *index)
{
    casc_plan *pl = p->plan;
    for (uint32_t i = 0; i < pl->nscans; i++)
        if (pl->scans[i].behavior == b) {
            *index = i;
            return &pl->scans[i];
        }
    return casc_pl_new_scan(p, b, index);
}

casc_scan *casc_pl_new_scan(planner *p, const casc_behavior *b, uint32_t *index)
{
    casc_plan *pl = p->plan;
    casc_scan *s = casc_arena_grow(p->arena, pl->scans, pl->nscans * sizeof *s,
                                   (pl->nscans + 1) * sizeof *s);
    if (!s) {
        casc_pl_alloc(p, SIZE_MAX / 2);
        return NULL;
    }
    s[pl->nscans] = (casc_scan){.behavior = b, .time = casc_pl_time_col(b)};
    pl->scans = s;
    *index = pl->nscans;
    return &pl->scans[pl->nscans++];
}

casc_scan *casc_pl_count_scan(planner *p, const casc_behavior *b, casc_pnode *filter,
                              const casc_range *w, uint32_t *index)
{
    casc_aggregate *a = casc_pl_alloc(p, sizeof *a);
    casc_scan *s = a ? casc_pl_new_scan(p, b, index) : NULL;
    if (!s)
        return NULL;
    *a = (casc_aggregate){.kind = CASC_AGG_COUNT, .filter = filter, .has_window = w != NULL};
    if (w)
        a->window = *w;
    s->aggs = a;
    s->naggs = s->cap = 1;
    return s;
}

casc_scan *casc_pl_count_scan_of(planner *p, const casc_pnode *t, bool any, uint32_t *index)
{
    /* by value: the new scan may move plan->scans */
    const casc_scan *s = &p->plan->scans[t->u.agg.scan];
    casc_aggregate a = s->aggs[t->u.agg.agg];
    return casc_pl_count_scan(p, s->behavior, any ? NULL : a.filter,
                              a.has_window ? &a.window : NULL, index);
}

/* Rebuild the scan's hash table of aggregates at nslots slots. */
static bool rehash(planner *p, casc_scan *s, uint32_t nslots)
{
    uint32_t *slots = casc_pl_alloc(p, nslots * sizeof *slots);
    if (!slots)
        return false;
    for (uint32_t i = 0; i < s->naggs; i++) {
        uint32_t k = (uint32_t)casc_aggregate_hash(&s->aggs[i]) & (nslots - 1);
        while (slots[k])
            k = (k + 1) & (nslots - 1);
        slots[k] = i + 1;
    }
    s->slots = slots;
    s->nslots = nslots;
    return true;
}

/* The index of aggregate a in scan s: an identical one already there is
 * shared (conditions testing the same measure with other thresholds, or
 * repeated), so the SQL computes each measure once. */
static bool add_aggregate(planner *p, casc_scan *s, const casc_aggregate *a, uint32_t *index)
{
    uint32_t k = 0;
    if (s->nslots) {
        k = (uint32_t)casc_aggregate_hash(a) & (s->nslots - 1);
        for (; s->slots[k]; k = (k + 1) & (s->nslots - 1))
            if (casc_aggregate_equal(&s->aggs[s->slots[k] - 1], a)) {
                *index = s->slots[k] - 1;
                return true;
            }
    }
    if (s->naggs == s->cap) {
        uint32_t cap = s->cap ? s->cap * 2 : 4;
        casc_aggregate *aggs = casc_arena_grow(p->arena, s->aggs, s->naggs * sizeof *aggs,
                                               cap * sizeof *aggs);
        if (!aggs) {
            casc_pl_alloc(p, SIZE_MAX / 2);
            return false;
        }
        s->aggs = aggs;
        s->cap = cap;
    }
    s->aggs[s->naggs] = *a;
    *index = s->naggs++;
    if (s->naggs * 2 > s->nslots)
        return rehash(p, s, s->cap * 4);
    s->slots[k] = s->naggs;
    return true;
}

bool casc_pl_number(const casc_value *v, double *x)
{
    char text[64];
    if (v->kind != CASC_V_NUMBER || v->len >= sizeof text)
        return false;
    memcpy(text, v->text, v->len);
    text[v->len] = '\0';
    *x = strtod(text, NULL);
    return true;
}

/* "At least one event": count > 0. */
static const casc_value zero = {.kind = CASC_V_NUMBER, .text = "0", .len = 1, .is_integer = true};

casc_pnode *casc_pl_exists(planner *p, uint32_t scan, uint32_t agg, bool none)
{
    casc_pnode *n = casc_pl_node(p, CASC_PL_AGG);
    if (n) {
        n->negated = none;
        n->u.agg.scan = scan;
        n->u.agg.agg = agg;
        n->u.agg.op = CASC_OP_GT;
        n->u.agg.lo = &zero;
    }
    return n;
}

/* A count test that asks only whether an event exists becomes count > 0
 * (>= 1, != 0), or its complement (= 0, < 1, <= 0), which a semi-join
 * answers without counting. */
static void count_exists(casc_pnode *n)
{
    double x;
    if (!casc_pl_number(n->u.agg.lo, &x))
        return;
    casc_op op = n->u.agg.op;
    bool ne = n->u.agg.ne;
    bool some = (op == CASC_OP_GT && x == 0) || (op == CASC_OP_GE && x == 1) ||
                (op == CASC_OP_EQ && ne && x == 0);
    bool none = (op == CASC_OP_EQ && !ne && x == 0) || (op == CASC_OP_LT && x == 1) ||
                (op == CASC_OP_LE && x == 0);
    if (!some && !none)
        return;
    n->u.agg.op = CASC_OP_GT;
    n->u.agg.ne = false;
    n->u.agg.lo = &zero;
    n->negated = none;
}

static casc_pnode *build_behavior(planner *p, const casc_rnode *r)
{
    const casc_behavior *b = r->u.beh.behavior;
    uint32_t scan_index;
    casc_scan *s = scan_for(p, b, &scan_index);
    if (!s)
        return NULL;
    casc_aggregate a = {.kind = CASC_AGG_COUNT};
    if (r->u.beh.filter && !(a.filter = build(p, r->u.beh.filter, b)))
        return NULL;
    casc_pnode *n = casc_pl_node(p, CASC_PL_AGG);
    if (!n)
        return NULL;
    const casc_measure *m = r->u.beh.measure;
    if (r->u.beh.pick != CASC_PICK_NONE) {
        /* The earliest/latest matching event, then its time is tested. */
        a.kind = r->u.beh.pick == CASC_PICK_FIRST ? CASC_AGG_FIRST_TIME : CASC_AGG_LAST_TIME;
        a.field = s->time;
        if (r->u.beh.window)
            n->u.agg.range = window_range(r->u.beh.window);
    } else {
        if (r->u.beh.window) {
            a.has_window = true;
            a.window = window_range(r->u.beh.window);
        }
        if (m) {
            static const casc_agg_kind kinds[] = {
                [CASC_M_COUNT] = CASC_AGG_COUNT, [CASC_M_COUNT_DISTINCT] = CASC_AGG_COUNT_DISTINCT,
                [CASC_M_SUM] = CASC_AGG_SUM,     [CASC_M_AVG] = CASC_AGG_AVG,
                [CASC_M_MIN] = CASC_AGG_MIN,     [CASC_M_MAX] = CASC_AGG_MAX};
            a.kind = kinds[m->kind];
            if (r->u.beh.measure_field) {
                casc_operand on = {.field = r->u.beh.measure_field,
                                   .type = r->u.beh.measure_field->type};
                a.field = casc_pl_col(p, &on, b);
            }
            n->u.agg.op = m->op;
            n->u.agg.ne = m->negated;
            n->u.agg.lo = &m->lo;
            n->u.agg.hi = &m->hi;
            if (a.kind == CASC_AGG_COUNT)
                count_exists(n);
        } else {
            n->u.agg.op = CASC_OP_GT;
            n->u.agg.lo = &zero;
        }
    }
    n->u.agg.scan = scan_index;
    return add_aggregate(p, s, &a, &n->u.agg.agg) ? n : NULL;
}

/* Plan r; `in` is the behavior whose events a filter is about. */
static casc_pnode *build(planner *p, const casc_rnode *r, const casc_behavior *in)
{
    switch (r->kind) {
    case CASC_R_AND:
    case CASC_R_OR: {
        casc_pnode **items = casc_pl_alloc(p, r->u.list.n * sizeof *items);
        if (!items)
            return NULL;
        for (uint32_t i = 0; i < r->u.list.n; i++)
            if (!(items[i] = build(p, r->u.list.items[i], in)))
                return NULL;
        return casc_pl_chain(p, r->kind == CASC_R_AND ? CASC_PL_AND : CASC_PL_OR, items,
                             r->u.list.n);
    }
    case CASC_R_NOT: {
        casc_pnode *c = build(p, r->u.child, in);
        return c ? negate(c) : NULL;
    }
    case CASC_R_TRUE: return casc_pl_node(p, CASC_PL_TRUE);
    case CASC_R_FALSE: return casc_pl_node(p, CASC_PL_FALSE);
    case CASC_R_PRED: return build_pred(p, r, in);
    case CASC_R_BEHAVIOR: return build_behavior(p, r);
    case CASC_R_SEGMENT_TABLE: {
        casc_pnode *n = casc_pl_node(p, CASC_PL_SEGMENT);
        if (n)
            n->u.segment = r->u.segment;
        return n;
    }
    }
    return NULL;
}

/* Is a value of `op lo [hi]` (ne: `!=`) true for x? */
static bool compare(double x, casc_op op, bool ne, double lo, double hi)
{
    switch (op) {
    case CASC_OP_EQ: return ne ? x != lo : x == lo;
    case CASC_OP_LT: return x < lo;
    case CASC_OP_LE: return x <= lo;
    case CASC_OP_GT: return x > lo;
    case CASC_OP_GE: return x >= lo;
    default: return x >= lo && x <= hi; /* BETWEEN */
    }
}

/* ---- after folding ---- */

/* The scans and aggregates still tested once constants are folded, in
 * the order they are first tested: the others are not read at all. */
typedef struct pruning {
    uint32_t *scan_map; /* per scan: new index + 1, 0 while untested */
    uint32_t **agg_map; /* per scan, per aggregate: likewise */
    casc_scan *scans;
    uint32_t nscans;
} pruning;

bool casc_pl_some_event(const casc_plan *plan, const casc_pnode *n)
{
    const casc_aggregate *a = &plan->scans[n->u.agg.scan].aggs[n->u.agg.agg];
    double lo;
    return a->kind == CASC_AGG_COUNT && n->u.agg.op == CASC_OP_GT && !n->u.agg.ne &&
           casc_pl_number(n->u.agg.lo, &lo) && lo == 0;
}

/* Renumber the tests of n. Depth is bounded by CASC_MAX_DEPTH. */
static bool renumber(planner *p, pruning *r, casc_pnode *n)
{
    if (n->kind == CASC_PL_AND || n->kind == CASC_PL_OR) {
        for (uint32_t i = 0; i < n->u.list.n; i++)
            if (!renumber(p, r, n->u.list.items[i]))
                return false;
        return true;
    }
    if (n->kind != CASC_PL_AGG)
        return true;
    uint32_t si = n->u.agg.scan, ai = n->u.agg.agg;
    const casc_scan *old = &p->plan->scans[si];
    if (!r->scan_map[si]) {
        casc_scan *s = &r->scans[r->nscans];
        /* Forms are chosen after pruning, but for plan_probe.c's. */
        *s = (casc_scan){.behavior = old->behavior, .time = old->time, .cap = old->naggs,
                         .form = old->form, .at_least = old->at_least};
        s->aggs = casc_pl_alloc(p, old->naggs * sizeof *s->aggs);
        r->agg_map[si] = casc_pl_alloc(p, old->naggs * sizeof *r->agg_map[si]);
        if (!s->aggs || !r->agg_map[si])
            return false;
        r->scan_map[si] = ++r->nscans;
    }
    casc_scan *s = &r->scans[r->scan_map[si] - 1];
    if (!r->agg_map[si][ai]) {
        s->aggs[s->naggs] = old->aggs[ai];
        r->agg_map[si][ai] = ++s->naggs;
    }
    s->refs++;
    s->beyond_exists |= !casc_pl_some_event(p->plan, n);
    n->u.agg.scan = r->scan_map[si] - 1;
    n->u.agg.agg = r->agg_map[si][ai] - 1;
    return true;
}

static bool prune(planner *p)
{
    casc_plan *pl = p->plan;
    pruning r = {0};
    uint32_t n = pl->nscans ? pl->nscans : 1;
    r.scan_map = casc_pl_alloc(p, n * sizeof *r.scan_map);
    r.agg_map = casc_pl_alloc(p, n * sizeof *r.agg_map);
    r.scans = casc_pl_alloc(p, n * sizeof *r.scans);
    if (!r.scan_map || !r.agg_map || !r.scans || !renumber(p, &r, pl->where))
        return false;
    for (uint32_t i = 0; i < pl->out.nrules; i++)
        if (!renumber(p, &r, pl->out.rules[i]))
            return false;
    pl->scans = r.scans;
    pl->nscans = r.nscans;
    return true;
}

/* Over no events counts and sums are 0, the other aggregates have no
 * value, and a positive test of no value is false (a negated one true). */
bool casc_pl_false_without_events(const casc_plan *plan, const casc_pnode *n)
{
    const casc_aggregate *a = &plan->scans[n->u.agg.scan].aggs[n->u.agg.agg];
    if (a->kind > CASC_AGG_SUM)
        return !n->negated;
    double lo, hi = 0;
    if (!casc_pl_number(n->u.agg.lo, &lo) ||
        (n->u.agg.op == CASC_OP_BETWEEN && !casc_pl_number(n->u.agg.hi, &hi)))
        return false;
    return compare(0, n->u.agg.op, n->u.agg.ne, lo, hi) == n->negated;
}

/* Is conjunct n a test of the profile's own row that likely keeps few
 * profiles: a time window or a comparison with values, positive. Without
 * the warehouse's statistics this is a guess, and a conservative one:
 * booleans, pattern matches, negations, OR and segments do not count
 * (see the measurements in BENCHMARKS.md). */
static bool narrows(const casc_pnode *n)
{
    if (n->negated)
        return false;
    if (n->kind == CASC_PL_TIME)
        return true;
    if (n->kind != CASC_PL_PRED)
        return false;
    switch (n->u.pred.op) {
    case CASC_P_EQ:
    case CASC_P_IN:
    case CASC_P_BETWEEN:
    case CASC_P_LT:
    case CASC_P_LE:
    case CASC_P_GT:
    case CASC_P_GE: return true;
    default: return false;
    }
}

/* Is n a test of scan si's aggregates? */
static bool tests_scan(const casc_pnode *n, uint32_t si)
{
    return n->kind == CASC_PL_AGG && n->u.agg.scan == si;
}

static bool is_list(const casc_pnode *n)
{
    return n->kind == CASC_PL_AND || n->kind == CASC_PL_OR;
}

/* The tests of scan `si` in a tree, and the deepest node holding all
 * `want` of them: where they can be answered together. */
typedef struct placement {
    uint32_t si, want;
    casc_pnode **slot; /* that node's place */
    casc_pnode *parent; /* the AND/OR it is an item of; NULL: the root */
} placement;

/* The tests of at->si under *slot (an item of parent), noting the deepest
 * node holding them all: counts only grow upwards, so it is the first
 * found after its items. Depth is bounded by CASC_MAX_DEPTH. */
static uint32_t locate(placement *at, casc_pnode **slot, casc_pnode *parent)
{
    casc_pnode *n = *slot;
    uint32_t count = tests_scan(n, at->si);
    if (is_list(n))
        for (uint32_t i = 0; i < n->u.list.n; i++)
            count += locate(at, &n->u.list.items[i], n);
    if (count == at->want && !at->slot) {
        at->slot = slot;
        at->parent = parent;
    }
    return count;
}

/* What a tree holds (through AND and OR): tests of scan si, other
 * conditions, or both. */
enum { HOLDS_SCAN = 1, HOLDS_OTHER = 2 };

static unsigned holds(const casc_pnode *n, uint32_t si)
{
    if (!is_list(n))
        return tests_scan(n, si) ? HOLDS_SCAN : HOLDS_OTHER;
    unsigned h = 0;
    for (uint32_t i = 0; i < n->u.list.n && h != (HOLDS_SCAN | HOLDS_OTHER); i++)
        h |= holds(n->u.list.items[i], si);
    return h;
}

/* Is n, made of AGG tests, surely false for a profile without events? */
static bool fails_without_events(const casc_plan *plan, const casc_pnode *n)
{
    if (!is_list(n))
        return casc_pl_false_without_events(plan, n);
    bool any = false, all = true;
    for (uint32_t i = 0; i < n->u.list.n; i++) {
        bool f = fails_without_events(plan, n->u.list.items[i]);
        any |= f;
        all &= f;
    }
    return n->kind == CASC_PL_AND ? any : all;
}

/* The form for the tests of scan s answered together (test, which may be
 * complemented here): `top` when they are conjuncts of the rule,
 * `narrowed` when a conjunct keeps few profiles. */
static casc_scan_form answered_form(const casc_plan *pl, casc_scan *s, casc_pnode *test, bool top,
                                    bool narrowed)
{
    if (top && narrowed)
        return CASC_SCAN_CORRELATED;
    if (fails_without_events(pl, test))
        return top ? CASC_SCAN_GROUPED : CASC_SCAN_FILTERED;
    /* True without events: the join keeps the profiles failing the tests
     * (their exact complement), and the others pass. */
    s->complement = fails_without_events(pl, negate(test));
    if (s->complement)
        return CASC_SCAN_FILTERED;
    negate(test);
    return CASC_SCAN_JOIN;
}

/* Answer the tests of scan si together, in a GROUP node, when the parts
 * of the rule holding them hold nothing else: the deepest node holding
 * them all, or those of its items that do (see casc_scan_form). */
static bool group_scan(planner *p, uint32_t si, bool narrowed)
{
    casc_plan *pl = p->plan;
    casc_scan *s = &pl->scans[si];
    placement at = {.si = si, .want = s->refs};
    locate(&at, &pl->where, NULL);
    casc_pnode *n = *at.slot, *test = n;
    bool top = !at.parent || (at.parent == pl->where && at.parent->kind == CASC_PL_AND);
    uint32_t mine = 0, first = 0;
    if (holds(n, si) != HOLDS_SCAN) {
        /* Those items of n that hold the tests, the first one's place. */
        for (uint32_t i = n->u.list.n; i-- > 0;) {
            unsigned h = holds(n->u.list.items[i], si);
            if (h == (HOLDS_SCAN | HOLDS_OTHER))
                return true;
            if (h == HOLDS_SCAN) {
                mine++;
                first = i;
            }
        }
        top = n == pl->where && n->kind == CASC_PL_AND;
        casc_pnode **items = casc_pl_alloc(p, mine * sizeof *items);
        if (!items)
            return false;
        uint32_t k = 0;
        for (uint32_t i = first; i < n->u.list.n; i++)
            if (holds(n->u.list.items[i], si) == HOLDS_SCAN)
                items[k++] = n->u.list.items[i];
        if (!(test = casc_pl_chain(p, n->kind, items, mine)))
            return false;
    }
    s->form = answered_form(pl, s, test, top, narrowed);
    if (s->form == CASC_SCAN_JOIN)
        return true;
    casc_pnode *g = casc_pl_node(p, CASC_PL_GROUP);
    if (!g)
        return false;
    g->u.group.scan = si;
    g->u.group.test = test;
    if (s->form == CASC_SCAN_FILTERED)
        s->having = test;
    if (test == n) {
        *at.slot = g;
        return true;
    }
    /* The tests leave n, g takes the first one's place. */
    uint32_t kept = 0;
    for (uint32_t i = 0; i < n->u.list.n; i++)
        if (i == first)
            n->u.list.items[kept++] = g;
        else if (holds(n->u.list.items[i], si) != HOLDS_SCAN)
            n->u.list.items[kept++] = n->u.list.items[i];
    n->u.list.n = kept;
    return true;
}

/* The conjunct that drives the correlated tests when none on the
 * profile's row narrows: the first positive "some event" in a window (a
 * semi-join), which likely few profiles pass; NULL when there is none. */
static casc_pnode *find_driver(const casc_plan *pl, casc_pnode *const *items, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++) {
        const casc_pnode *t = items[i];
        if (t->kind == CASC_PL_AGG && !t->negated) {
            const casc_scan *s = &pl->scans[t->u.agg.scan];
            if (s->form == CASC_SCAN_SEMI_JOIN && s->aggs[0].has_window)
                return items[i];
        }
    }
    return NULL;
}

/* Does a conjunct on the profile's row likely keep few profiles? */
static bool profile_narrowed(const casc_plan *pl)
{
    const casc_pnode *w = pl->where;
    if (w->kind != CASC_PL_AND)
        return narrows(w);
    for (uint32_t i = 0; i < w->u.list.n; i++)
        if (narrows(w->u.list.items[i]))
            return true;
    return false;
}

/* Answer each scan's tests in the scan where the rule allows. */
static bool group_tests(planner *p, bool narrowed)
{
    casc_plan *pl = p->plan;
    casc_pnode *w = pl->where;
    casc_pnode **items = w->kind == CASC_PL_AND ? w->u.list.items : &pl->where;
    uint32_t n = w->kind == CASC_PL_AND ? w->u.list.n : 1;
    casc_pnode *driver = narrowed ? NULL : find_driver(pl, items, n);
    bool correlated = false;
    for (uint32_t si = 0; si < pl->nscans; si++) {
        if (pl->scans[si].form == CASC_SCAN_JOIN && !group_scan(p, si, narrowed || driver))
            return false;
        correlated |= pl->scans[si].form == CASC_SCAN_CORRELATED;
    }
    if (!driver || !correlated)
        return true;
    /* The driver leaves the WHERE for a join; a correlated GROUP node
     * stays beside it, so the rule is still an AND. */
    pl->driver = driver->u.agg.scan + 1;
    uint32_t kept = 0;
    for (uint32_t i = 0; i < w->u.list.n; i++)
        if (w->u.list.items[i] != driver)
            w->u.list.items[kept++] = w->u.list.items[i];
    w->u.list.n = kept;
    if (kept == 1)
        pl->where = w->u.list.items[0];
    return true;
}

casc_plan *casc_plan_build(casc_arena *arena, const casc_parent_model *model,
                           const casc_rnode *const *rules, uint32_t nrules,
                           const casc_output_request *req, bool index_probes,
                           casc_diags *d)
{
    planner p = {.arena = arena, .diags = d};
    p.plan = casc_pl_alloc(&p, sizeof *p.plan);
    if (!p.plan)
        return NULL;
    p.plan->model = model;
    if (req->select == CASC_SELECT_OVERLAP) {
        casc_output *o = &p.plan->out;
        o->rules = casc_pl_alloc(&p, nrules * sizeof *o->rules);
        for (uint32_t i = 0; o->rules && i < nrules; i++)
            if (!(o->rules[o->nrules++] = build(&p, rules[i], NULL)))
                return NULL;
        p.plan->where = casc_pl_node(&p, CASC_PL_TRUE);
    } else {
        p.plan->where = build(&p, rules[0], NULL);
    }
    if (!p.plan->where || !prune(&p))
        return NULL;
    if (req->select != CASC_SELECT_OVERLAP) {
        /* Semi-joins and subqueries belong in a WHERE, not in a SELECT
         * list (as the overlap's regions are), so only here. Each "some
         * event" of a behavior tested by nothing else is a semi-join of its
         * own. After a conjunct on the profile's row, correlated tests
         * already run for few profiles: no semi-join needs to find them
         * first. */
        bool narrowed = profile_narrowed(p.plan), apart = false, split = false;
        if (!casc_pl_split_exists(&p, &apart) || (apart && !prune(&p)))
            return NULL;
        if (narrowed && index_probes && !casc_pl_probe_counts(&p, &split))
            return NULL;
        if (!narrowed && !casc_pl_narrow_first(&p, &split))
            return NULL;
        if (split && !prune(&p))
            return NULL;
        for (uint32_t i = 0; i < p.plan->nscans; i++) {
            casc_scan *s = &p.plan->scans[i];
            if (s->naggs == 1 && s->refs == 1 && !s->beyond_exists)
                s->form = CASC_SCAN_SEMI_JOIN;
        }
        if (!group_tests(&p, narrowed))
            return NULL;
    }
    return p.plan->where && casc_pl_output(&p, req) && !p.oom ? p.plan : NULL;
}
