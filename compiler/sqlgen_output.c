/* sqlgen_output.c - the statement around the audience for each output
 * (docs/outputs.md): every one reads the audience's sources once, and
 * where it needs a second step (ranks, shares, buckets, regions) that
 * step works on the audience's rows in a subquery, with window functions,
 * never on a second scan. The audience's text is never re-indented inside
 * a subquery: a string literal in it may hold a newline. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "sqlgen_ctx.h"

static const char *number(gen *g, uint64_t n)
{
    char text[24];
    int len = snprintf(text, sizeof text, "%" PRIu64, n);
    const char *s = casc_arena_strndup(g->arena, text, (size_t)len);
    g->failed |= s == NULL;
    return s ? s : "";
}

/* "SELECT" and one item per line. */
static void select_lines(casc_strbuf *out, const char *const *items, uint32_t n)
{
    casc_sb_puts(out, "SELECT");
    for (uint32_t i = 0; i < n; i++)
        casc_sb_printf(out, "\n    %s%s", items[i], i + 1 < n ? "," : "");
}

/* The same, but a single item (the members' key) on the SELECT's line. */
static void select_list(casc_strbuf *out, const char *const *items, uint32_t n)
{
    if (n == 1)
        casc_sb_printf(out, "SELECT %s", items[0]);
    else
        select_lines(out, items, n);
}

/* The audience's rows: its sources (then more, e.g. the events' join) and
 * its conditions. */
static void audience(gen *g, casc_strbuf *out, const char *more)
{
    casc_sg_sources(g, out);
    if (more)
        casc_sb_puts(out, more);
    casc_sg_where(g, out);
}

/* SELECT items FROM (audience with inner items) AS alias, the outer
 * statement's other clauses to follow. */
static void nested(gen *g, casc_strbuf *out, const char *const *outer, uint32_t nouter,
                   const char *const *inner, uint32_t ninner, const char *more, const char *alias)
{
    select_list(out, outer, nouter);
    casc_sb_puts(out, "\nFROM (\n");
    select_lines(out, inner, ninner);
    audience(g, out, more);
    casc_sb_printf(out, "\n) AS %s", alias);
}

static const char *key(gen *g)
{
    return casc_sg_ident(g, g->plan->model->key_column);
}

/* `prefix.name` of an output column. */
static const char *qualified(gen *g, const char *prefix, const char *name)
{
    return casc_sg_format(g, "%s.%s", prefix, name);
}

/* ---- members ---- */

static const char *member_order(gen *g, const casc_output *o)
{
    const char *by_key = qualified(g, "c", key(g));
    if (!o->req.order_by)
        return by_key;
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_sb_printf(&sb, "%s %s NULLS LAST, %s", casc_sg_column(g, &o->order.col),
                   o->req.descending ? "DESC" : "ASC", by_key);
    return casc_sg_keep(g, &sb);
}

static void members(gen *g, casc_strbuf *out)
{
    const casc_output *o = &g->plan->out;
    uint32_t n = o->ncolumns + 1;
    const char **items = casc_arena_alloc(g->arena, (n + 2) * sizeof *items);
    const char **outer = casc_arena_alloc(g->arena, n * sizeof *outer);
    if (!items || !outer) {
        g->failed = true;
        return;
    }
    items[0] = qualified(g, "c", key(g));
    outer[0] = qualified(g, "r", key(g));
    for (uint32_t i = 0; i < o->ncolumns; i++) {
        const char *name = casc_sg_ident(g, o->columns[i].name);
        items[i + 1] = casc_sg_format(g, "%s AS %s", casc_sg_column(g, &o->columns[i].col), name);
        outer[i + 1] = qualified(g, "r", name);
    }
    const char *order = member_order(g, o);
    if (o->req.has_limit && o->req.limit_percent) {
        /* The first floor(n * P / 100) of the n profiles, in order. */
        items[n] = casc_sg_format(g, "ROW_NUMBER() OVER (ORDER BY %s) AS casc_row", order, NULL);
        items[n + 1] = "COUNT(*) OVER () AS casc_total";
        nested(g, out, outer, n, items, n + 2, NULL, "r");
        casc_sb_printf(out, "\nWHERE r.casc_row * 10000 <= r.casc_total * %u", o->req.limit_bp);
        casc_sb_puts(out, "\nORDER BY r.casc_row");
        return;
    }
    select_list(out, items, n);
    audience(g, out, NULL);
    if (o->req.order_by || o->req.has_limit)
        casc_sb_printf(out, "\nORDER BY %s", order);
    if (o->req.has_limit)
        casc_sb_printf(out, "\nLIMIT %s", number(g, o->req.limit));
}

/* ---- breakdown ---- */

/* The top N values, nulls as their own row, the rest folded into one row
 * marked `other`. */
static void breakdown_top(gen *g, casc_strbuf *out, const char *v, uint32_t top)
{
    const char *n = number(g, top);
    const char *shown = casc_sg_format(g, "CASE WHEN g.casc_rank <= %s THEN g.value END", n, NULL);
    const char *other = casc_sg_format(g, "(g.casc_rank > %s AND g.value IS NOT NULL)", n, NULL);
    const char *outer[] = {casc_sg_format(g, "%s AS value", shown, NULL),
                           casc_sg_format(g, "%s AS other", other, NULL),
                           "SUM(g.profiles) AS profiles"};
    const char *inner[] = {
        casc_sg_format(g, "%s AS value", v, NULL), "COUNT(*) AS profiles",
        casc_sg_format(g, "ROW_NUMBER() OVER (ORDER BY %s IS NULL, COUNT(*) DESC, %s) AS casc_rank",
                       v, v)};
    select_list(out, outer, 3);
    casc_sb_puts(out, "\nFROM (\n");
    select_list(out, inner, 3);
    audience(g, out, NULL);
    casc_sb_printf(out, "\nGROUP BY %s\n) AS g", v);
    casc_sb_printf(out, "\nGROUP BY %s, %s", shown, other);
    casc_sb_puts(out, "\nORDER BY 2, 3 DESC, 1 NULLS LAST");
}

/* Buckets [e_i, e_i+1) numbered 1..k-1 for edges e_1..e_k; 0 below the
 * first edge, k from the last one on; NULL for no value. */
static void breakdown_edges(gen *g, casc_strbuf *out, const char *v, const casc_output_request *r)
{
    casc_strbuf bucket = CASC_STRBUF_INIT, lower = CASC_STRBUF_INIT, upper = CASC_STRBUF_INIT;
    casc_sb_puts(&bucket, "CASE");
    casc_sb_puts(&lower, "CASE b.bucket");
    casc_sb_puts(&upper, "CASE b.bucket");
    for (uint32_t i = 0; i < r->nedges; i++) {
        casc_sb_printf(&bucket, "\n        WHEN %s < %s THEN %u", v, r->edges[i], i);
        casc_sb_printf(&lower, " WHEN %u THEN %s", i + 1, r->edges[i]);
        casc_sb_printf(&upper, " WHEN %u THEN %s", i, r->edges[i]);
    }
    casc_sb_printf(&bucket, "\n        WHEN %s >= %s THEN %u\n    END AS bucket", v,
                   r->edges[r->nedges - 1], r->nedges);
    casc_sb_puts(&lower, " END AS lower_bound");
    casc_sb_puts(&upper, " END AS upper_bound");
    const char *outer[] = {"b.bucket", casc_sg_keep(g, &lower), casc_sg_keep(g, &upper),
                           "COUNT(*) AS profiles"};
    const char *inner[] = {casc_sg_keep(g, &bucket)};
    nested(g, out, outer, 4, inner, 1, NULL, "b");
    casc_sb_puts(out, "\nGROUP BY b.bucket\nORDER BY b.bucket NULLS LAST");
}

/* N buckets of equal width from the audience's least to its greatest
 * value, numbered 1..N; the greatest value is in bucket N. */
static void breakdown_width(gen *g, casc_strbuf *out, const char *v, uint32_t buckets)
{
    const char *n = number(g, buckets), *last = number(g, buckets - 1);
    const char *lo = casc_sg_format(g, "MIN(%s) OVER ()", v, NULL);
    const char *hi = casc_sg_format(g, "MAX(%s) OVER ()", v, NULL);
    casc_strbuf bucket = CASC_STRBUF_INIT;
    casc_sb_printf(&bucket, "CASE\n        WHEN %s IS NULL THEN NULL", v);
    casc_sb_printf(&bucket, "\n        WHEN %s = %s THEN 1", hi, lo);
    casc_sb_printf(&bucket, "\n        ELSE LEAST(CAST(FLOOR((%s - %s) * %s", v, lo, n);
    casc_sb_printf(&bucket, " / (%s - %s)) AS INTEGER), %s) + 1\n    END AS bucket", hi, lo, last);
    const char *outer[] = {
        "b.bucket",
        casc_sg_format(g, "b.low + (b.bucket - 1) * (b.high - b.low) / %s.0 AS lower_bound", n,
                       NULL),
        casc_sg_format(g, "b.low + b.bucket * (b.high - b.low) / %s.0 AS upper_bound", n, NULL),
        "COUNT(*) AS profiles"};
    const char *inner[] = {casc_sg_keep(g, &bucket), casc_sg_format(g, "%s AS low", lo, NULL),
                           casc_sg_format(g, "%s AS high", hi, NULL)};
    nested(g, out, outer, 4, inner, 3, NULL, "b");
    casc_sb_puts(out, "\nGROUP BY b.bucket, b.low, b.high\nORDER BY b.bucket NULLS LAST");
}

static void breakdown(gen *g, casc_strbuf *out)
{
    const casc_output_request *r = &g->plan->out.req;
    const char *v = casc_sg_column(g, &g->plan->out.by.col);
    if (r->nbuckets) {
        breakdown_width(g, out, v, r->nbuckets);
    } else if (r->nedges) {
        breakdown_edges(g, out, v, r);
    } else if (r->top) {
        breakdown_top(g, out, v, r->top);
    } else {
        const char *items[] = {casc_sg_format(g, "%s AS value", v, NULL), "COUNT(*) AS profiles"};
        select_list(out, items, 2);
        audience(g, out, NULL);
        casc_sb_printf(out, "\nGROUP BY %s", v);
        casc_sb_printf(out, "\nORDER BY COUNT(*) DESC, %s NULLS LAST", v);
    }
}

/* ---- stats, count ---- */

static void stats(gen *g, casc_strbuf *out)
{
    const char *v = casc_sg_column(g, &g->plan->out.of.col);
    const char *items[] = {"COUNT(*) AS profiles",
                           casc_sg_format(g, "COUNT(%s) AS value_count", v, NULL),
                           casc_sg_format(g, "COALESCE(SUM(%s), 0) AS value_sum", v, NULL),
                           casc_sg_format(g, "AVG(%s) AS value_avg", v, NULL),
                           casc_sg_format(g, "MIN(%s) AS value_min", v, NULL),
                           casc_sg_format(g, "MAX(%s) AS value_max", v, NULL)};
    select_list(out, items, 6);
    audience(g, out, NULL);
}

/* ---- events ---- */

static void events(gen *g, casc_strbuf *out)
{
    const casc_output *o = &g->plan->out;
    const casc_behavior *b = o->behavior;
    uint32_t n = b->nfields + 2;
    const char **items = casc_arena_alloc(g->arena, (n + 1) * sizeof *items);
    const char **outer = casc_arena_alloc(g->arena, n * sizeof *outer);
    casc_strbuf order = CASC_STRBUF_INIT;
    if (!items || !outer) {
        g->failed = true;
        return;
    }
    const char *time = casc_sg_column(g, &o->event_time);
    items[0] = qualified(g, "c", key(g));
    items[1] = time;
    outer[0] = qualified(g, "r", key(g));
    outer[1] = qualified(g, "r", casc_sg_ident(g, b->time_column));
    casc_sb_printf(&order, "%s DESC", time);
    for (uint32_t i = 0; i < b->nfields; i++) {
        const casc_field *f = &b->fields[i];
        casc_col c = {.source = CASC_SRC_EVENT, .column = f->column, .type = f->type};
        const char *col = casc_sg_column(g, &c), *name = casc_sg_ident(g, f->name);
        items[i + 2] = casc_sg_format(g, "%s AS %s", col, name);
        outer[i + 2] = qualified(g, "r", name);
        /* Events at the same time in a fixed order: by their fields. */
        if (f->type != CASC_TYPE_STRING_ARRAY && f->type != CASC_TYPE_NUMBER_ARRAY)
            casc_sb_printf(&order, ", %s NULLS LAST", col);
    }
    casc_strbuf join = CASC_STRBUF_INIT;
    casc_sb_printf(&join, "\nJOIN %s AS e", casc_sg_table(g, &b->table));
    casc_sb_printf(&join, " ON e.%s", casc_sg_ident(g, b->key_column));
    casc_sb_printf(&join, " = c.%s", key(g));
    const char *more = casc_sg_keep(g, &join);
    if (!o->req.last) {
        casc_sb_free(&order);
        select_list(out, items, n);
        audience(g, out, more);
        return;
    }
    items[n] = casc_sg_format(g, "ROW_NUMBER() OVER (PARTITION BY %s ORDER BY %s) AS casc_row",
                              items[0], casc_sg_keep(g, &order));
    nested(g, out, outer, n, items, n + 1, more, "r");
    casc_sb_printf(out, "\nWHERE r.casc_row <= %s", number(g, o->req.last));
}

/* ---- overlap ---- */

static void overlap(gen *g, casc_strbuf *out)
{
    const casc_output *o = &g->plan->out;
    const char *inner[CASC_MAX_OVERLAP], *outer[CASC_MAX_OVERLAP + 1];
    casc_strbuf any = CASC_STRBUF_INIT, group = CASC_STRBUF_INIT, order = CASC_STRBUF_INIT;
    for (uint32_t i = 0; i < o->nrules && i < CASC_MAX_OVERLAP; i++) {
        char name[16];
        snprintf(name, sizeof name, "rule_%u", i + 1);
        const casc_pnode *r = o->rules[i];
        const char *c = casc_sg_cond(g, r, 8);
        /* A profile is in a region or not: null counts as false. */
        inner[i] = r->kind == CASC_PL_AND || r->kind == CASC_PL_OR
                       ? casc_sg_format(g, "COALESCE((\n        %s\n    ), FALSE) AS ", c, NULL)
                       : casc_sg_format(g, "COALESCE(%s, FALSE) AS ", c, NULL);
        inner[i] = casc_sg_format(g, "%s%s", inner[i], name);
        outer[i] = qualified(g, "o", name);
        casc_sb_printf(&any, "%so.%s", i ? " OR " : "", name);
        casc_sb_printf(&group, "%so.%s", i ? ", " : "", name);
        casc_sb_printf(&order, "%so.%s DESC", i ? ", " : "", name);
    }
    outer[o->nrules] = "COUNT(*) AS profiles";
    nested(g, out, outer, o->nrules + 1, inner, o->nrules, NULL, "o");
    casc_sb_printf(out, "\nWHERE %s", casc_sg_keep(g, &any));
    casc_sb_printf(out, "\nGROUP BY %s", casc_sg_keep(g, &group));
    casc_sb_printf(out, "\nORDER BY %s", casc_sg_keep(g, &order));
}

void casc_sg_statement(gen *g, casc_strbuf *out)
{
    switch (g->plan->out.req.select) {
    case CASC_SELECT_MEMBERS: members(g, out); break;
    case CASC_SELECT_COUNT:
        casc_sb_puts(out, "SELECT COUNT(*) AS profiles");
        audience(g, out, NULL);
        break;
    case CASC_SELECT_BREAKDOWN: breakdown(g, out); break;
    case CASC_SELECT_STATS: stats(g, out); break;
    case CASC_SELECT_EVENTS: events(g, out); break;
    case CASC_SELECT_OVERLAP: overlap(g, out); break;
    }
}
