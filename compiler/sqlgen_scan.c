/* sqlgen_scan.c - the behavior scans of a plan as SQL. Each scan is one
 * read of its table, rendered as one of (casc_scan_form):
 *
 *   a grouped join     LEFT JOIN (SELECT e.key, <aggregates> FROM t AS e
 *                      WHERE <events> GROUP BY e.key) AS b1 ON b1.key = c.key
 *   a filtered join    LEFT JOIN (SELECT e.key FROM t AS e WHERE <events>
 *                      GROUP BY e.key HAVING <tests>) AS b1 ON b1.key = c.key,
 *                      tested as b1.key IS NOT NULL (with the tests'
 *                      complement in HAVING: IS NULL)
 *   a grouped test     c.key IN (SELECT e.key FROM t AS e WHERE <events>
 *                      GROUP BY e.key HAVING <tests>)
 *   a correlated test  (SELECT <tests> FROM t AS e WHERE e.key = c.key AND
 *                      <events>)
 *   a semi-join        c.key IN (SELECT e.key ...) or NOT EXISTS (SELECT 1 ...);
 *                      the plan's driver: JOIN (SELECT DISTINCT e.key ...) AS b1
 *                      ON b1.key = c.key, the correlated tests then on b1.key
 *
 * <events> keeps only the events some aggregate takes: within the hull of
 * the aggregates' windows (one range an index or the engine's pruning can
 * use) and matching one of their conditions.
 *
 * Strings are built in 256-byte arrays on the stack (CASC_STRBUF_IN): no
 * function here is on the recursion over nested conditions (a scan's
 * filter holds no behavior), so each adds its array once to any depth. */
#include <stdio.h>
#include <string.h>

#include "sqlgen_ctx.h"

/* The events of one scan: the WHERE, and what each aggregate takes
 * beyond it. Built once per scan and kept in gen. */
struct casc_sg_events {
    const char *where; /* its conjuncts; NULL when every event counts */
    const char **when; /* per aggregate: its CASE condition; NULL: every event */
};

/* ---- the hull of the windows ---- */

/* The least and most hours n units span (a local day is 23 to 25 hours
 * where the clocks change; calendar units as many days as they can have). */
static void span_hours(int64_t n, casc_unit u, double *lo, double *hi)
{
    static const double least[] = {
        [CASC_UNIT_MINUTE] = 1 / 60.0,        [CASC_UNIT_HOUR] = 1,
        [CASC_UNIT_DAY] = 23,                 [CASC_UNIT_WEEK] = 7 * 24 - 1,
        [CASC_UNIT_MONTH] = 28 * 24 - 1,      [CASC_UNIT_QUARTER] = 89 * 24 - 1,
        [CASC_UNIT_YEAR] = 365 * 24 - 1};
    static const double most[] = {
        [CASC_UNIT_MINUTE] = 1 / 60.0,        [CASC_UNIT_HOUR] = 1,
        [CASC_UNIT_DAY] = 25,                 [CASC_UNIT_WEEK] = 7 * 24 + 1,
        [CASC_UNIT_MONTH] = 31 * 24 + 1,      [CASC_UNIT_QUARTER] = 92 * 24 + 1,
        [CASC_UNIT_YEAR] = 366 * 24 + 1};
    double a = (double)n * least[u], b = (double)n * most[u];
    *lo = a < b ? a : b;
    *hi = a < b ? b : a;
}

/* Is a surely no later than b? (Only instants relative to now compare;
 * literals would need the engine's zone rules.) */
static bool not_later(const casc_instant *a, const casc_instant *b)
{
    if (a->kind != b->kind || (a->kind != CASC_I_NOW && a->kind != CASC_I_CALENDAR))
        return false;
    if (a->unit == b->unit)
        return a->offset <= b->offset;
    if (a->kind != CASC_I_NOW)
        return false;
    double alo, ahi, blo, bhi;
    span_hours(a->offset, a->unit, &alo, &ahi);
    span_hours(b->offset, b->unit, &blo, &bhi);
    return ahi <= blo;
}

/* Is bound a as far out as b, or further (hi: later; lo: earlier)? */
static bool covers(const casc_bound *a, const casc_bound *b, bool hi)
{
    if (casc_instant_equal(&a->at, &b->at))
        return a->inclusive || !b->inclusive;
    return hi ? not_later(&b->at, &a->at) : not_later(&a->at, &b->at);
}

/* More candidates for one side of the hull than this: no hull there. */
#define HULL_MAX 8

/* One side of the hull of a scan's windows: the bounds that may be the
 * outermost; n = 0 when some window is open on that side. */
typedef struct hull_side {
    uint32_t n;
    casc_bound at[HULL_MAX];
} hull_side;

static hull_side hull(const casc_scan *s, bool hi)
{
    hull_side h = {0};
    for (uint32_t i = 0; i < s->naggs; i++) {
        const casc_aggregate *a = &s->aggs[i];
        const casc_bound *b = hi ? &a->window.hi : &a->window.lo;
        if (!a->has_window || !b->present)
            return (hull_side){0};
        bool covered = false;
        uint32_t kept = 0;
        for (uint32_t j = 0; j < h.n; j++) {
            covered |= covers(&h.at[j], b, hi);
            if (covered || !covers(b, &h.at[j], hi))
                h.at[kept++] = h.at[j];
        }
        h.n = kept;
        if (covered)
            continue;
        if (h.n == HULL_MAX)
            return (hull_side){0};
        h.at[h.n++] = *b;
    }
    return h;
}

/* A side of the hull as a conjunct on col, NULL when there is none. Where
 * the plan cannot tell which bound is outermost, the engine picks with
 * LEAST / GREATEST (still a constant: indexes and pruning apply). */
static const char *hull_sql(gen *g, const char *col, const casc_col *c, const hull_side *h,
                            bool hi)
{
    if (h->n == 0 || (h->n > 1 && c->storage == CASC_TIME_DATE))
        return NULL;
    if (h->n == 1)
        return casc_sg_time_bound(g, col, c, &h->at[0], hi);
    char buf[256];
    casc_strbuf sb = CASC_STRBUF_IN(buf);
    bool inclusive = false;
    for (uint32_t i = 0; i < h->n; i++) {
        const char *op;
        const char *v = casc_sg_bound_value(g, c, &h->at[i], hi, &op);
        casc_sb_printf(&sb, "%s%s", i ? ", " : "", v);
        inclusive |= h->at[i].inclusive;
    }
    const char *list = casc_sg_keep(g, &sb);
    /* Inclusive when one is: the hull may take more, never less. */
    const char *op = hi ? (inclusive ? "<=" : "<") : (inclusive ? ">=" : ">");
    return casc_sg_format(g, "%s %s", col,
                          casc_sg_format(g, hi ? "%s GREATEST(%s)" : "%s LEAST(%s)", op, list));
}

/* ---- what each aggregate takes ---- */

enum { SIDE_LO = 1, SIDE_HI = 2 };

/* Which events an aggregate takes: its filter, and the sides of its
 * window in `sides`, one conjunct per line; NULL for every event. */
static const char *agg_condition(gen *g, const casc_scan *s, const casc_aggregate *a,
                                 unsigned sides)
{
    char buf[256];
    casc_strbuf sb = CASC_STRBUF_IN(buf);
    const char *sep = "\n                 AND ";
    const casc_pnode *f = a->filter;
    if (f && f->kind == CASC_PL_AND) {
        for (uint32_t i = 0; i < f->u.list.n; i++) {
            const casc_pnode *item = f->u.list.items[i];
            const char *t = casc_sg_cond(g, item, 17);
            casc_sb_printf(&sb, "%s%s%s%s", i ? sep : "", item->kind == CASC_PL_OR ? "(" : "", t,
                           item->kind == CASC_PL_OR ? ")" : "");
        }
    } else if (f) {
        casc_sb_printf(&sb, f->kind == CASC_PL_OR ? "(%s)" : "%s", casc_sg_cond(g, f, 17));
    }
    const char *col = sides ? casc_sg_column(g, &s->time) : NULL;
    if (sides & SIDE_LO)
        casc_sb_printf(&sb, "%s%s", sb.len ? sep : "",
                       casc_sg_time_bound(g, col, &s->time, &a->window.lo, false));
    if (sides & SIDE_HI)
        casc_sb_printf(&sb, "%s%s", sb.len ? sep : "",
                       casc_sg_time_bound(g, col, &s->time, &a->window.hi, true));
    if (sb.len == 0 && !sb.failed) {
        casc_sb_free(&sb);
        return NULL;
    }
    return casc_sg_keep(g, &sb);
}

static unsigned window_sides(const casc_aggregate *a)
{
    if (!a->has_window)
        return 0;
    return (a->window.lo.present ? SIDE_LO : 0) | (a->window.hi.present ? SIDE_HI : 0);
}

/* The events of scan si: a WHERE when every aggregate takes only some
 * (a filter, a window or both): an event none takes changes nothing.
 * Each aggregate keeps the part of its condition the WHERE does not
 * imply in a CASE. NULL (and g->failed) when memory ran out. */
static const struct casc_sg_events *events(gen *g, uint32_t si)
{
    const casc_plan *plan = g->plan;
    if (!g->events) {
        if (!(g->events = casc_arena_alloc(g->arena, plan->nscans * sizeof *g->events)))
            return g->failed = true, NULL;
        g->cached++;
    }
    if (g->events[si])
        return g->events[si];
    const casc_scan *s = &plan->scans[si];
    struct casc_sg_events *e = casc_arena_alloc(g->arena, sizeof *e);
    if (!e || !(e->when = casc_arena_alloc(g->arena, (s->naggs + 1) * sizeof *e->when)))
        return g->failed = true, NULL;
    bool restricted = s->naggs > 0;
    for (uint32_t i = 0; i < s->naggs; i++)
        restricted &= s->aggs[i].filter != NULL || s->aggs[i].has_window;
    const char *col = casc_sg_column(g, &s->time);
    hull_side h[2] = {hull(s, false), hull(s, true)};
    const char *side[2] = {NULL, NULL};
    for (int hi = 0; restricted && hi < 2; hi++)
        side[hi] = hull_sql(g, col, &s->time, &h[hi], hi);
    bool every = false; /* some aggregate takes every event of the hull */
    for (uint32_t i = 0; i < s->naggs; i++) {
        const casc_aggregate *a = &s->aggs[i];
        unsigned sides = window_sides(a);
        if (side[0] && h[0].n == 1 && casc_bound_equal(&a->window.lo, &h[0].at[0]))
            sides &= ~(unsigned)SIDE_LO;
        if (side[1] && h[1].n == 1 && casc_bound_equal(&a->window.hi, &h[1].at[0]))
            sides &= ~(unsigned)SIDE_HI;
        e->when[i] = agg_condition(g, s, a, sides);
        every |= e->when[i] == NULL;
    }
    if (restricted) {
        char buf[256];
        casc_strbuf sb = CASC_STRBUF_IN(buf);
        const char *and = "";
        for (int hi = 0; hi < 2; hi++)
            if (side[hi]) {
                casc_sb_printf(&sb, "%s%s", and, side[hi]);
                and = "\n      AND ";
            }
        if (!every) {
            /* The events of any aggregate: the OR of their conditions. */
            bool several = s->naggs > 1;
            casc_sb_printf(&sb, "%s%s", and, several ? "(" : "");
            for (uint32_t i = 0; i < s->naggs; i++)
                casc_sb_printf(&sb, "%s%s%s%s", i ? "\n       OR " : "", several ? "(" : "",
                               e->when[i], several ? ")" : "");
            casc_sb_puts(&sb, several ? ")" : "");
            if (!several) /* the WHERE takes just its events */
                e->when[0] = NULL;
        }
        e->where = casc_sg_keep(g, &sb);
    }
    g->cached++;
    return g->events[si] = e;
}

/* An aggregate of scan si over the events it takes. */
static const char *agg_expr(gen *g, uint32_t si, uint32_t i)
{
    const casc_scan *s = &g->plan->scans[si];
    const casc_aggregate *a = &s->aggs[i];
    const struct casc_sg_events *e = events(g, si);
    const char *when = e ? e->when[i] : NULL;
    const char *field = a->kind == CASC_AGG_COUNT ? "1" : casc_sg_column(g, &a->field);
    static const char *const fn[] = {
        [CASC_AGG_COUNT] = "COUNT(",    [CASC_AGG_COUNT_DISTINCT] = "COUNT(DISTINCT ",
        [CASC_AGG_SUM] = "SUM(",        [CASC_AGG_AVG] = "AVG(",
        [CASC_AGG_MIN] = "MIN(",        [CASC_AGG_MAX] = "MAX(",
        [CASC_AGG_FIRST_TIME] = "MIN(", [CASC_AGG_LAST_TIME] = "MAX("};
    char buf[256];
    casc_strbuf sb = CASC_STRBUF_IN(buf);
    casc_sb_puts(&sb, fn[a->kind]);
    if (!when)
        casc_sb_puts(&sb, a->kind == CASC_AGG_COUNT ? "*" : field);
    else
        casc_sb_printf(&sb, "CASE WHEN %s\n            THEN %s END", when, field);
    casc_sb_putc(&sb, ')');
    return casc_sg_keep(g, &sb);
}

/* ---- the three shapes ---- */

/* "FROM t AS e WHERE ...": the events of scan si; correlated, only the
 * profile's. */
static void read_events(gen *g, casc_strbuf *out, uint32_t si, const char *key, bool correlated)
{
    const casc_scan *s = &g->plan->scans[si];
    const struct casc_sg_events *e = events(g, si);
    const char *where = e ? e->where : NULL;
    casc_sb_printf(out, "\n    FROM %s AS e", casc_sg_table(g, &s->behavior->table));
    uint32_t d = g->plan->driver;
    if (correlated && d) /* after the driver's join, on its key */
        casc_sb_printf(out, "\n    WHERE e.%s = b%u.%s", key, d,
                       casc_sg_ident(g, g->plan->scans[d - 1].behavior->key_column));
    else if (correlated)
        casc_sb_printf(out, "\n    WHERE e.%s = c.%s", key,
                       casc_sg_ident(g, g->plan->model->key_column));
    if (where)
        casc_sb_printf(out, "\n    %s %s", correlated ? "  AND" : "WHERE", where);
    if (!correlated)
        casc_sb_printf(out, "\n    GROUP BY e.%s", key);
}

/* "SELECT e.key FROM t AS e WHERE ...": the keys of the events a
 * semi-join's one aggregate takes (distinct: each once). */
static const char *event_keys(gen *g, const casc_scan *s, bool distinct)
{
    const char *key = casc_sg_ident(g, s->behavior->key_column);
    const char *table = casc_sg_table(g, &s->behavior->table);
    const char *c = agg_condition(g, s, &s->aggs[0], window_sides(&s->aggs[0]));
    char buf[256];
    casc_strbuf sb = CASC_STRBUF_IN(buf);
    casc_sb_printf(&sb, "SELECT %se.%s FROM %s AS e", distinct ? "DISTINCT " : "", key, table);
    if (c)
        casc_sb_printf(&sb, " WHERE %s", c);
    return casc_sg_keep(g, &sb);
}

void casc_sg_scan_joins(gen *g, casc_strbuf *out)
{
    const char *master_key = casc_sg_ident(g, g->plan->model->key_column);
    for (uint32_t si = 0; si < g->plan->nscans; si++) {
        const casc_scan *s = &g->plan->scans[si];
        const char *key = casc_sg_ident(g, s->behavior->key_column);
        if (si + 1 == g->plan->driver) {
            casc_sb_printf(out, "\nJOIN (%s) AS b%u ON b%u.%s = c.%s", event_keys(g, s, true),
                           si + 1, si + 1, key, master_key);
            continue;
        }
        if (s->form != CASC_SCAN_JOIN && s->form != CASC_SCAN_FILTERED)
            continue;
        if (s->form == CASC_SCAN_FILTERED) {
            casc_sb_printf(out, "\nLEFT JOIN (\n    SELECT e.%s", key);
            read_events(g, out, si, key, false);
            casc_sb_printf(out, "\n    HAVING %s", casc_sg_cond(g, s->having, 7));
        } else {
            casc_sb_printf(out, "\nLEFT JOIN (\n    SELECT\n        e.%s", key);
            for (uint32_t i = 0; i < s->naggs; i++)
                casc_sb_printf(out, ",\n        %s AS m%u", agg_expr(g, si, i), i + 1);
            read_events(g, out, si, key, false);
        }
        casc_sb_printf(out, "\n) AS b%u ON b%u.%s = c.%s", si + 1, si + 1, key, master_key);
    }
}

const char *casc_sg_group_test(gen *g, const casc_pnode *n)
{
    uint32_t si = n->u.group.scan;
    const casc_scan *s = &g->plan->scans[si];
    const char *key = casc_sg_ident(g, s->behavior->key_column);
    char buf[256];
    casc_strbuf sb = CASC_STRBUF_IN(buf);
    if (s->form == CASC_SCAN_FILTERED) { /* its join kept the keys that pass (fail) */
        casc_sb_printf(&sb, "b%u.%s IS %sNULL", si + 1, key, s->complement ? "" : "NOT ");
        return casc_sg_keep(g, &sb);
    }
    const char *test = casc_sg_cond(g, n->u.group.test, 7);
    if (s->form == CASC_SCAN_CORRELATED) {
        /* Aggregates without GROUP BY: one row, over no events too. */
        casc_sb_printf(&sb, "(\n    SELECT %s", test);
        read_events(g, &sb, si, key, true);
    } else {
        casc_sb_printf(&sb, "c.%s IN (\n    SELECT e.%s",
                       casc_sg_ident(g, g->plan->model->key_column), key);
        read_events(g, &sb, si, key, false);
        casc_sb_printf(&sb, "\n    HAVING %s", test);
    }
    casc_sb_puts(&sb, "\n)");
    return casc_sg_keep(g, &sb);
}

/* "Some event" of a behavior scanned for nothing else: the profile's key
 * among the keys of the matching events (IN, which engines plan as a
 * semi-join on an uncorrelated subquery; DuckDB runs a correlated EXISTS
 * as a join per distinct key, several times slower: BENCHMARKS.md), or,
 * negated, NOT EXISTS (NOT IN is null-unsafe, and PostgreSQL cannot plan
 * it as an anti-join). */
static const char *semi_join(gen *g, const casc_pnode *n, const casc_scan *s,
                             const casc_aggregate *a)
{
    const char *master_key = casc_sg_ident(g, g->plan->model->key_column);
    char buf[256];
    casc_strbuf sb = CASC_STRBUF_IN(buf);
    if (!n->negated) {
        casc_sb_printf(&sb, "c.%s IN (%s)", master_key, event_keys(g, s, false));
        return casc_sg_keep(g, &sb);
    }
    const char *key = casc_sg_ident(g, s->behavior->key_column);
    const char *table = casc_sg_table(g, &s->behavior->table);
    const char *c = agg_condition(g, s, a, window_sides(a));
    casc_sb_printf(&sb, "NOT EXISTS (SELECT 1 FROM %s AS e WHERE e.%s = c.%s%s%s)", table, key,
                   master_key, c ? " AND " : "", c ? c : "");
    return casc_sg_keep(g, &sb);
}

/* "At least n events" of a probe (plan_probe.c): the n-th of the
 * profile's events exists, which PostgreSQL finds in its (key, time) index
 * without counting the others. */
static const char *probe(gen *g, uint32_t si)
{
    const casc_scan *s = &g->plan->scans[si];
    char buf[256];
    casc_strbuf sb = CASC_STRBUF_IN(buf);
    casc_sb_puts(&sb, "EXISTS (\n    SELECT 1");
    read_events(g, &sb, si, casc_sg_ident(g, s->behavior->key_column), true);
    casc_sb_printf(&sb, "\n    OFFSET %lld\n)", (long long)(s->at_least - 1));
    return casc_sg_keep(g, &sb);
}

/* The aggregate a test reads: a column of the grouped join, or, inside a
 * GROUP node, the aggregate itself. */
static const char *agg_ref(gen *g, uint32_t si, uint32_t i)
{
    if (g->plan->scans[si].form != CASC_SCAN_JOIN)
        return agg_expr(g, si, i);
    char ref[32];
    int n = snprintf(ref, sizeof ref, "b%u.m%u", si + 1, i + 1);
    const char *s = casc_arena_strndup(g->arena, ref, (size_t)n);
    g->failed |= !s;
    return s ? s : "";
}

const char *casc_sg_agg_test(gen *g, const casc_pnode *n)
{
    const casc_scan *s = &g->plan->scans[n->u.agg.scan];
    const casc_aggregate *a = &s->aggs[n->u.agg.agg];
    if (s->form == CASC_SCAN_SEMI_JOIN)
        return semi_join(g, n, s, a);
    if (s->form == CASC_SCAN_PROBE)
        return probe(g, n->u.agg.scan);
    const char *ref = agg_ref(g, n->u.agg.scan, n->u.agg.agg);
    if (a->kind == CASC_AGG_FIRST_TIME || a->kind == CASC_AGG_LAST_TIME) {
        const char *t = casc_sg_time_test(g, ref, &s->time, &n->u.agg.range);
        return n->negated ? casc_sg_complement(g, t) : t;
    }
    /* Over no events count and sum are 0; avg, min and max have no value.
     * (Only a joined count can be null: inside a GROUP node it is the
     * COUNT itself.) */
    bool zero = a->kind <= CASC_AGG_SUM;
    bool joined = s->form == CASC_SCAN_JOIN;
    if (zero && (joined || a->kind == CASC_AGG_SUM))
        ref = casc_sg_format(g, "COALESCE(%s, 0)", ref, NULL);
    static const char *const ops[] = {[CASC_OP_EQ] = "=", [CASC_OP_LT] = "<", [CASC_OP_LE] = "<=",
                                      [CASC_OP_GT] = ">", [CASC_OP_GE] = ">="};
    const char *t;
    if (n->u.agg.op == CASC_OP_BETWEEN)
        t = casc_sg_format(g, "%s BETWEEN %s", ref,
                           casc_sg_format(g, "%s AND %s", casc_sg_value(g, n->u.agg.lo),
                                          casc_sg_value(g, n->u.agg.hi)));
    else
        t = casc_sg_format(g, "%s %s", ref,
                           casc_sg_format(g, "%s %s", n->u.agg.ne ? "<>" : ops[n->u.agg.op],
                                          casc_sg_value(g, n->u.agg.lo)));
    if (!n->negated)
        return t;
    return zero ? casc_sg_format(g, "NOT (%s)", t, NULL) : casc_sg_complement(g, t);
}
