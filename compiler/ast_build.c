/* ast_build.c - builders called by the grammar's actions. */
#include "ast_build.h"

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "parse.h"
#include "parser.h"
#include "timelit.h"

/* N in `in last N days`, `N days ago`: a whole number in this range. */
#define MAX_UNIT_COUNT 1000000

void casc_parse_error(casc_parse_ctx *ctx, casc_span at, const char *fmt, ...)
{
    if (ctx->failed)
        return;
    ctx->failed = true;
    casc_strbuf sb = CASC_STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    casc_sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    casc_diag_add(ctx->diags, CASC_SEV_ERROR, ctx->src, at.start, at.end, "%s", casc_sb_str(&sb));
    casc_sb_free(&sb);
}

void casc_parse_out_of_memory(casc_parse_ctx *ctx)
{
    if (ctx->failed)
        return;
    ctx->failed = true;
    casc_diag_out_of_memory(ctx->diags, ctx->src, "parsing the rule");
}

static void *alloc_in(casc_parse_ctx *ctx, casc_arena *a, size_t size)
{
    void *p = casc_arena_alloc(a, size);
    if (!p)
        casc_parse_out_of_memory(ctx);
    return p;
}

static void *alloc(casc_parse_ctx *ctx, size_t size)
{
    return alloc_in(ctx, ctx->arena, size);
}

static casc_span tspan(casc_token t)
{
    return (casc_span){t.off, t.off + t.len};
}

static casc_span join(casc_span a, casc_span b)
{
    return (casc_span){a.start, b.end > a.end ? b.end : a.end};
}

static const char *ttext(const casc_parse_ctx *ctx, casc_token t)
{
    return ctx->src->text + t.off;
}

/* Text between delimiters with the doubled delimiter collapsed, in the
 * arena; the source itself when nothing is doubled. */
static const char *undouble(casc_parse_ctx *ctx, casc_token t, char q, uint32_t *len)
{
    const char *s = ttext(ctx, t) + 1;
    uint32_t n = t.len - 2;
    if (!memchr(s, q, n)) {
        *len = n;
        return s;
    }
    char *out = alloc_in(ctx, ctx->keep, n + 1);
    if (!out)
        return NULL;
    uint32_t k = 0;
    for (uint32_t i = 0; i < n; i++) {
        out[k++] = s[i];
        if (s[i] == q)
            i++; /* skip the second of the pair */
    }
    *len = k;
    return out;
}

casc_name casc_build_name(casc_parse_ctx *ctx, casc_token t, bool quoted)
{
    casc_name n = {.quoted = quoted, .span = tspan(t)};
    if (ctx->failed)
        return n;
    if (quoted) {
        n.text = undouble(ctx, t, '"', &n.len);
    } else {
        n.text = ttext(ctx, t);
        n.len = t.len;
    }
    return n;
}

casc_qname casc_build_qname(const casc_name *qualifier, const casc_name *name)
{
    casc_qname q = {.name = *name, .span = name->span};
    if (qualifier) {
        q.qualifier = *qualifier;
        q.span = join(qualifier->span, name->span);
    }
    return q;
}

/* ---- values ---- */

static bool parse_integer(const char *s, uint32_t n, int64_t *out)
{
    uint32_t i = 0;
    int neg = 0;
    if (n && s[0] == '-')
        neg = 1, i = 1;
    uint64_t v = 0, limit = neg ? (uint64_t)INT64_MAX + 1 : (uint64_t)INT64_MAX;
    for (; i < n; i++) {
        if (s[i] < '0' || s[i] > '9')
            return false;
        unsigned d = (unsigned)(s[i] - '0');
        if (v > (limit - d) / 10)
            return false;
        v = v * 10 + d;
    }
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return true;
}

static casc_unit unit_of(const casc_parse_ctx *ctx, casc_token t)
{
    switch (ttext(ctx, t)[0] | 0x20) {
    case 'm': return (ttext(ctx, t)[1] | 0x20) == 'i' ? CASC_UNIT_MINUTE : CASC_UNIT_MONTH;
    case 'h': return CASC_UNIT_HOUR;
    case 'd': return CASC_UNIT_DAY;
    case 'w': return CASC_UNIT_WEEK;
    case 'q': return CASC_UNIT_QUARTER;
    default: return CASC_UNIT_YEAR;
    }
}

/* N of a window or relative time: a whole number in [min, MAX_UNIT_COUNT]. */
static bool unit_count(casc_parse_ctx *ctx, casc_token n, casc_token unit, int64_t min,
                       int64_t *out)
{
    int64_t v;
    if (!parse_integer(ttext(ctx, n), n.len, &v) || v < min || v > MAX_UNIT_COUNT) {
        casc_parse_error(ctx, tspan(n),
                         "the number of %ss must be a whole number from %lld to %d, not '%.*s'",
                         casc_unit_name(unit_of(ctx, unit)), (long long)min, MAX_UNIT_COUNT,
                         (int)n.len, ttext(ctx, n));
        return false;
    }
    *out = v;
    return true;
}

bool casc_build_value(casc_parse_ctx *ctx, int code, casc_token t, casc_value *v)
{
    *v = (casc_value){0};
    if (ctx->failed)
        return false;
    v->span = tspan(t);
    v->text = ttext(ctx, t);
    v->len = t.len;
    switch (code) {
    case TK_STRING:
        v->kind = CASC_V_STRING;
        v->text = undouble(ctx, t, '\'', &v->len);
        return v->text != NULL;
    case TK_NUMBER:
        v->kind = CASC_V_NUMBER;
        v->is_integer = parse_integer(v->text, v->len, &v->integer);
        return true;
    case TK_DATE:
    case TK_TIMESTAMP: {
        char why[96];
        v->kind = code == TK_DATE ? CASC_V_DATE : CASC_V_TIMESTAMP;
        if (!casc_timelit_parse(v->text, v->len, &v->time, why, sizeof why)) {
            casc_parse_error(ctx, v->span, "invalid %s '%.*s': %s",
                             code == TK_DATE ? "date" : "timestamp", (int)v->len, v->text, why);
            return false;
        }
        return true;
    }
    case TK_TRUE:
    case TK_FALSE:
        v->kind = CASC_V_BOOL;
        v->boolean = code == TK_TRUE;
        return true;
    case TK_NOW: v->kind = CASC_V_NOW; return true;
    case TK_TODAY: v->kind = CASC_V_TODAY; return true;
    case TK_YESTERDAY: v->kind = CASC_V_YESTERDAY; return true;
    default: /* TK_NULL */
        casc_parse_error(ctx, v->span,
                         "null is not a value to compare with: write 'is null' or 'is not null'");
        return false;
    }
}

bool casc_build_relative(casc_parse_ctx *ctx, casc_value_kind kind, casc_token n,
                         casc_token unit, casc_token end, casc_value *v)
{
    *v = (casc_value){0};
    if (ctx->failed || !unit_count(ctx, n, unit, 0, &v->integer))
        return false;
    v->kind = kind;
    v->span = join(tspan(n), tspan(end));
    v->text = ttext(ctx, n);
    v->len = v->span.end - v->span.start;
    v->is_integer = true;
    v->unit = unit_of(ctx, unit);
    return true;
}

casc_values *casc_build_values(casc_parse_ctx *ctx, casc_values *list, const casc_value *v)
{
    if (ctx->failed || !v)
        return NULL;
    if (!list && !(list = alloc(ctx, sizeof *list)))
        return NULL;
    if (list->n == list->cap) {
        uint32_t cap = list->cap ? list->cap * 2 : 2;
        casc_value *items = casc_arena_grow(ctx->arena, list->items, list->n * sizeof *items,
                                            cap * sizeof *items);
        if (!items) {
            casc_parse_out_of_memory(ctx);
            return NULL;
        }
        list->items = items;
        list->cap = cap;
    }
    list->items[list->n++] = *v;
    return list;
}

/* ---- nodes ---- */

static bool within_depth(casc_parse_ctx *ctx, casc_node *n)
{
    if (n->depth <= CASC_MAX_DEPTH)
        return true;
    casc_parse_error(ctx, (casc_span){n->span.start, n->span.start + 1},
                     CASC_DEPTH_ERROR,
                     CASC_MAX_DEPTH);
    return false;
}

static casc_node *node(casc_parse_ctx *ctx, casc_node_kind kind, casc_span span)
{
    casc_node *n = ctx->failed ? NULL : alloc(ctx, sizeof *n);
    if (n) {
        n->kind = kind;
        n->span = span;
    }
    return n;
}

static bool append(casc_parse_ctx *ctx, casc_node *chain, casc_node *item)
{
    if (chain->u.list.n == chain->u.list.cap) {
        uint32_t cap = chain->u.list.cap ? chain->u.list.cap * 2 : 4;
        casc_node **items =
            casc_arena_grow(ctx->arena, chain->u.list.items,
                            chain->u.list.n * sizeof *items, cap * sizeof *items);
        if (!items) {
            casc_parse_out_of_memory(ctx);
            return false;
        }
        chain->u.list.items = items;
        chain->u.list.cap = cap;
    }
    chain->u.list.items[chain->u.list.n++] = item;
    if (item->depth + 1 > chain->depth)
        chain->depth = item->depth + 1;
    return true;
}

/* Append y (or, when y is the same kind of chain, its items) to the chain
 * x, making x a chain first if it is not one: chains stay flat. */
casc_node *casc_build_chain(casc_parse_ctx *ctx, casc_node_kind kind, casc_node *x, casc_node *y)
{
    if (ctx->failed || !x || !y)
        return NULL;
    casc_node *chain = x;
    if (x->kind != kind) {
        if (!(chain = node(ctx, kind, x->span)) || !append(ctx, chain, x))
            return NULL;
    }
    if (y->kind == kind) {
        for (uint32_t i = 0; i < y->u.list.n; i++)
            if (!append(ctx, chain, y->u.list.items[i]))
                return NULL;
    } else if (!append(ctx, chain, y)) {
        return NULL;
    }
    chain->span = join(chain->span, y->span);
    return within_depth(ctx, chain) ? chain : NULL;
}

casc_node *casc_build_not(casc_parse_ctx *ctx, casc_token t, casc_node *x)
{
    if (!x)
        return NULL;
    casc_node *n = node(ctx, CASC_N_NOT, join(tspan(t), x->span));
    if (!n)
        return NULL;
    n->u.child = x;
    n->depth = x->depth + 1;
    return within_depth(ctx, n) ? n : NULL;
}

casc_node *casc_build_const(casc_parse_ctx *ctx, casc_node_kind kind, casc_token t)
{
    return node(ctx, kind, tspan(t));
}

casc_node *casc_build_segment(casc_parse_ctx *ctx, casc_token in, casc_token name)
{
    casc_value v;
    casc_node *n = casc_build_value(ctx, TK_STRING, name, &v)
                       ? node(ctx, CASC_N_SEGMENT, join(tspan(in), tspan(name)))
                       : NULL;
    if (n)
        n->u.segment = v;
    return n;
}

/* The value (and hi, for a range) of leaf n, copied into the arena. */
static casc_node *with_values(casc_parse_ctx *ctx, casc_node *n, const casc_value *v,
                              const casc_value *hi)
{
    uint32_t k = hi ? 2 : 1;
    casc_value *items = n ? alloc(ctx, k * sizeof *items) : NULL;
    if (!items)
        return NULL;
    items[0] = *v;
    if (hi)
        items[1] = *hi;
    n->u.leaf.values = (casc_values){items, k, k};
    return n;
}

static casc_node *leaf(casc_parse_ctx *ctx, casc_node_kind kind, const casc_qname *a,
                       bool negated, casc_span end)
{
    casc_node *n = node(ctx, kind, join(a->span, end));
    if (n) {
        n->u.leaf.subject = *a;
        n->negated = negated;
    }
    return n;
}

casc_node *casc_build_compare(casc_parse_ctx *ctx, const casc_qname *a, int cmpop,
                              const casc_value *v)
{
    casc_node *n = v ? leaf(ctx, CASC_N_COMPARE, a, cmpop == CASC_CMP_NE, v->span) : NULL;
    if (n)
        n->u.leaf.op = cmpop == CASC_CMP_NE ? CASC_OP_EQ : (casc_op)cmpop;
    return with_values(ctx, n, v, NULL);
}

casc_node *casc_build_in(casc_parse_ctx *ctx, const casc_qname *a, bool negated,
                         const casc_values *vs, casc_token rp)
{
    casc_node *n = vs ? leaf(ctx, CASC_N_IN, a, negated, tspan(rp)) : NULL;
    if (n)
        n->u.leaf.values = *vs;
    return n;
}

casc_node *casc_build_between(casc_parse_ctx *ctx, const casc_qname *a, bool negated,
                              const casc_value *lo, const casc_value *hi)
{
    casc_node *n = lo && hi ? leaf(ctx, CASC_N_BETWEEN, a, negated, hi->span) : NULL;
    return with_values(ctx, n, lo, hi);
}

casc_node *casc_build_is(casc_parse_ctx *ctx, const casc_qname *a, casc_node_kind kind,
                         bool negated, casc_token end)
{
    return leaf(ctx, kind, a, negated, tspan(end));
}

casc_node *casc_build_match(casc_parse_ctx *ctx, const casc_qname *a, int match,
                            const casc_value *v)
{
    casc_node *n = v ? leaf(ctx, CASC_N_MATCH, a, (match & CASC_CMP_NE) != 0, v->span) : NULL;
    if (n)
        n->u.leaf.match = (casc_match)(match & ~CASC_CMP_NE);
    return with_values(ctx, n, v, NULL);
}

casc_node *casc_build_contains_set(casc_parse_ctx *ctx, const casc_qname *a, bool all,
                                   bool negated, const casc_values *vs, casc_token rp)
{
    casc_node *n = vs ? leaf(ctx, CASC_N_CONTAINS_SET, a, negated, tspan(rp)) : NULL;
    if (n) {
        n->u.leaf.all = all;
        n->u.leaf.values = *vs;
    }
    return n;
}

static const char *measure_word(casc_measure_kind k)
{
    switch (k) {
    case CASC_M_COUNT: return "count";
    case CASC_M_COUNT_DISTINCT: return "count distinct";
    case CASC_M_SUM: return "sum";
    case CASC_M_AVG: return "avg";
    case CASC_M_MIN: return "min";
    case CASC_M_MAX: return "max";
    }
    return "count";
}

casc_node *casc_build_subject(casc_parse_ctx *ctx, casc_pick pick, casc_token pick_tok,
                              const casc_qname *a, const casc_tail *tail)
{
    if (ctx->failed || !a)
        return NULL;
    const casc_tail none = {0};
    if (!tail)
        tail = &none;
    /* `x between a and b` alone is the range condition; the resolver reads
     * it as a window when x is a time or a behavior. */
    if (pick == CASC_PICK_NONE && !tail->filter && !tail->measure && tail->window &&
        tail->window->kind == CASC_W_BETWEEN)
        return casc_build_between(ctx, a, false, &tail->window->lo, &tail->window->hi);
    if (pick != CASC_PICK_NONE && tail->measure) {
        casc_parse_error(ctx, tail->measure->span,
                         "'%s' picks one event, so it cannot be combined with '%s': "
                         "drop one of them",
                         pick == CASC_PICK_FIRST ? "first" : "last",
                         measure_word(tail->measure->kind));
        return NULL;
    }
    casc_span span = a->span;
    if (pick != CASC_PICK_NONE)
        span = join(tspan(pick_tok), span);
    if (tail->filter)
        span = join(span, tail->filter->span);
    if (tail->measure)
        span = join(span, tail->measure->span);
    if (tail->window)
        span = join(span, tail->window->span);
    casc_node *n = node(ctx, CASC_N_SUBJECT, span);
    if (!n)
        return NULL;
    n->u.leaf.subject = *a;
    n->u.leaf.pick = pick;
    n->u.leaf.filter = tail->filter;
    n->u.leaf.measure = tail->measure;
    n->u.leaf.window = tail->window;
    if (tail->filter)
        n->depth = tail->filter->depth + 1;
    return within_depth(ctx, n) ? n : NULL;
}

static casc_window *window(casc_parse_ctx *ctx, casc_window_kind kind, casc_span span)
{
    casc_window *w = ctx->failed ? NULL : alloc_in(ctx, ctx->keep, sizeof *w);
    if (w) {
        w->kind = kind;
        w->span = span;
    }
    return w;
}

casc_window *casc_build_window_n(casc_parse_ctx *ctx, casc_window_kind kind, casc_token start,
                                 casc_token n, casc_token unit)
{
    casc_window *w = window(ctx, kind, join(tspan(start), tspan(unit)));
    if (!w || !unit_count(ctx, n, unit, 1, &w->count))
        return NULL;
    w->unit = unit_of(ctx, unit);
    return w;
}

casc_window *casc_build_window_unit(casc_parse_ctx *ctx, casc_window_kind kind, casc_token start,
                                    casc_token unit)
{
    casc_window *w = window(ctx, kind, join(tspan(start), tspan(unit)));
    if (w)
        w->unit = unit_of(ctx, unit);
    return w;
}

casc_window *casc_build_window_ambiguous(casc_parse_ctx *ctx, casc_token start, casc_token unit)
{
    /* Echo `in the last` when that is what was written. */
    casc_lexer lx = {ctx->src->text, (uint32_t)ctx->src->len, start.off + start.len};
    casc_token after_in;
    const char *the = casc_lex(&lx, &after_in) == TK_THE ? "the " : "";
    char written[16] = ""; /* the unit in lower case: `months` */
    for (uint32_t i = 0; i < unit.len && i + 1 < sizeof written; i++)
        written[i] = (char)(ttext(ctx, unit)[i] | 0x20);
    const char *u = casc_unit_name(unit_of(ctx, unit));
    casc_parse_error(ctx, join(tspan(start), tspan(unit)),
                     "'in %slast %s' is ambiguous: write 'in last 1 %s' for the rolling window "
                     "up to now, or 'previous %s' for the last calendar %s",
                     the, written, u, u, u);
    return NULL;
}

casc_window *casc_build_window_day(casc_parse_ctx *ctx, casc_window_kind kind, casc_token t)
{
    return window(ctx, kind, tspan(t));
}

casc_window *casc_build_window_time(casc_parse_ctx *ctx, casc_window_kind kind, casc_token start,
                                    const casc_value *lo, const casc_value *hi)
{
    if (!lo || (kind == CASC_W_BETWEEN && !hi))
        return NULL;
    casc_window *w = window(ctx, kind, join(tspan(start), (hi ? hi : lo)->span));
    if (w) {
        w->lo = *lo;
        if (hi)
            w->hi = *hi;
    }
    return w;
}

casc_measure *casc_build_measure(casc_parse_ctx *ctx, casc_measure_kind kind, casc_token start,
                                 const casc_qname *field, casc_token end)
{
    casc_measure *m = ctx->failed ? NULL : alloc_in(ctx, ctx->keep, sizeof *m);
    if (!m)
        return NULL;
    m->kind = kind;
    m->span = join(tspan(start), tspan(end));
    if (field)
        m->field = *field;
    return m;
}

casc_measure *casc_build_measure_cmp(casc_parse_ctx *ctx, casc_measure *m, int cmpop,
                                     casc_token n)
{
    casc_value v;
    if (!m || !casc_build_value(ctx, TK_NUMBER, n, &v))
        return NULL;
    m->op = cmpop == CASC_CMP_NE ? CASC_OP_EQ : (casc_op)cmpop;
    m->negated = cmpop == CASC_CMP_NE;
    m->lo = v;
    m->span = join(m->span, v.span);
    return m;
}

casc_measure *casc_build_measure_between(casc_parse_ctx *ctx, casc_measure *m, casc_token lo,
                                         casc_token hi)
{
    casc_value a, b;
    if (!m || !casc_build_value(ctx, TK_NUMBER, lo, &a) ||
        !casc_build_value(ctx, TK_NUMBER, hi, &b))
        return NULL;
    m->op = CASC_OP_BETWEEN;
    m->lo = a;
    m->hi = b;
    m->span = join(m->span, b.span);
    return m;
}
