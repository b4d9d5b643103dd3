/* resolve.c - the meaning of each condition: bind its names (through
 * resolve_names.c), check its types (typecheck.c) and build the resolved
 * tree. Every error is reported, each at its token; a condition with an
 * error is skipped and the walk goes on. */
#include <stdarg.h>
#include <string.h>

#include "parse.h"
#include "resolve_ctx.h"

void casc_rs_out_of_memory(casc_resolver *r)
{
    if (!r->oom) {
        r->oom = true;
        casc_diag_out_of_memory(r->diags, NULL, "resolving the rule");
    }
}

void *casc_rs_alloc(casc_resolver *r, size_t size)
{
    void *p = casc_arena_alloc(r->arena, size);
    if (!p)
        casc_rs_out_of_memory(r);
    return p;
}

casc_diag *casc_rs_error(casc_resolver *r, casc_span at, const char *fmt, ...)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    casc_sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    casc_diag *dg = casc_diag_add(r->diags, CASC_SEV_ERROR, r->tc.src, at.start, at.end, "%s",
                                  casc_sb_str(&sb));
    casc_sb_free(&sb);
    return dg;
}

casc_rnode *casc_rs_rnode(casc_resolver *r, casc_rkind kind, const casc_node *n)
{
    casc_rnode *x = casc_rs_alloc(r, sizeof *x);
    if (x) {
        x->kind = kind;
        x->span = n->span;
        x->src = r->tc.src;
    }
    return x;
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool is_word(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
           c == '_';
}

static bool is_symbol(char c)
{
    return c && strchr("=<>!", c);
}

/* The operator of a comparison leaf, as written: the tokens between its
 * name and its first value (or its end), comments skipped. */
static casc_span op_span(const casc_resolver *r, const casc_node *n)
{
    const char *s = r->tc.src->text;
    const struct casc_leaf *l = &n->u.leaf;
    uint32_t limit = n->span.end;
    if (n->kind == CASC_N_COMPARE || n->kind == CASC_N_MATCH || n->kind == CASC_N_BETWEEN)
        limit = l->values.items[0].span.start;
    casc_span op = {0, 0};
    for (uint32_t i = l->subject.span.end; i < limit;) {
        if (is_blank(s[i])) {
            i++;
        } else if (s[i] == '-' && s[i + 1] == '-') {
            while (i < limit && s[i] != '\n')
                i++;
        } else if (s[i] == '(') {
            break; /* the list of `in (...)`, `contains any (...)` */
        } else {
            bool word = is_word(s[i]), symbol = is_symbol(s[i]);
            uint32_t j = i + 1;
            while (j < limit && ((word && is_word(s[j])) || (symbol && is_symbol(s[j]))))
                j++;
            if (!op.end)
                op.start = i;
            op.end = i = j;
        }
    }
    return op.end ? op : n->span;
}

/* A predicate on an attribute or field; op is checked against its type. */
static casc_rnode *pred(casc_resolver *r, const casc_node *n, casc_pred_op op,
                        const casc_operand *on, const char *name, casc_span at)
{
    if (!casc_check_operator(&r->tc, name, on->type, op, n->negated, at))
        return NULL;
    casc_rnode *x = casc_rs_rnode(r, CASC_R_PRED, n);
    if (x) {
        x->negated = n->negated;
        x->u.pred.on = *on;
        x->u.pred.op = op;
    }
    return x;
}

/* Fit the values of a leaf to s into a new array of x (each is checked,
 * to report every error). */
static bool fit_values(casc_resolver *r, const casc_slot *s, const casc_values *vs,
                       casc_rnode *x)
{
    casc_value *out = casc_rs_alloc(r, vs->n * sizeof *out);
    if (!out)
        return false;
    bool ok = true;
    for (uint32_t i = 0; i < vs->n; i++)
        ok &= casc_fit_value(&r->tc, s, &vs->items[i], &out[i]);
    x->u.pred.values = out;
    x->u.pred.nvalues = vs->n;
    return ok;
}

/* w with its bounds checked and typed as times: a copy, but for the
 * kinds before BETWEEN, which have no bounds (the rule's own windows
 * outlive its nodes: see casc_parse). */
static const casc_window *fit_window(casc_resolver *r, const char *name, const casc_window *w)
{
    if (w->kind < CASC_W_BETWEEN)
        return w;
    casc_window *c = casc_rs_alloc(r, sizeof *c);
    if (!c)
        return NULL;
    *c = *w;
    return casc_fit_window(&r->tc, name, c) ? c : NULL;
}

/* What a comparison tests: inside a filter a field of the behavior, else
 * an attribute. */
static bool operand(casc_resolver *r, const casc_node *n, casc_operand *on, const char **name)
{
    const casc_qname *q = &n->u.leaf.subject;
    memset(on, 0, sizeof *on);
    if (r->behavior) {
        if (!(on->field = casc_rs_field(r, r->behavior, q, true)))
            return false;
        on->type = on->field->type;
        *name = on->field->name;
        return true;
    }
    casc_binding b;
    if (!casc_rs_bind(r, n, q, CASC_WANT_ATTRIBUTE, &b))
        return false;
    if (b.behavior) {
        casc_rs_error(r, q->span,
                      "'%s' is a behavior, not an attribute: test its events with a count, a "
                      "filter or a window, as in '%s count >= 1' or '%s in last 30 days'",
                      b.behavior->name, b.behavior->name, b.behavior->name);
        return false;
    }
    on->attr = b.attr;
    on->type = b.attr->type;
    *name = b.attr->name;
    return true;
}

static casc_rnode *resolve_behavior(casc_resolver *r, const casc_node *n,
                                    const casc_behavior *b);

/* `x [not] between a and b`: a range on a number or string, a window on a
 * time, or a window on the events of a behavior. */
static casc_rnode *resolve_between(casc_resolver *r, const casc_node *n)
{
    const struct casc_leaf *l = &n->u.leaf;
    const casc_behavior *b = r->behavior ? NULL : casc_rs_find_behavior(r, &l->subject);
    if (b) {
        casc_rnode *x = resolve_behavior(r, n, b);
        casc_rnode *not = x && n->negated ? casc_rs_rnode(r, CASC_R_NOT, n) : x;
        if (not && not != x)
            not->u.child = x;
        return not;
    }
    casc_operand on;
    const char *name;
    if (!operand(r, n, &on, &name))
        return NULL;
    casc_slot s = {name, on.type, false};
    bool time = casc_type_is_time(on.type);
    casc_rnode *x = pred(r, n, time ? CASC_P_WINDOW : CASC_P_BETWEEN, &on, name, op_span(r, n));
    if (!x)
        return NULL;
    bool ok = fit_values(r, &s, &l->values, x);
    if (time && ok) {
        casc_window *w = casc_rs_alloc(r, sizeof *w);
        if (!w)
            return NULL;
        *w = (casc_window){.kind = CASC_W_BETWEEN, .span = n->span};
        w->lo = x->u.pred.values[0];
        w->hi = x->u.pred.values[1];
        x->u.pred.window = w;
    }
    return ok ? x : NULL;
}

static casc_rnode *resolve_leaf(casc_resolver *r, const casc_node *n)
{
    static const casc_pred_op compare_ops[] = {
        [CASC_OP_EQ] = CASC_P_EQ, [CASC_OP_LT] = CASC_P_LT, [CASC_OP_LE] = CASC_P_LE,
        [CASC_OP_GT] = CASC_P_GT, [CASC_OP_GE] = CASC_P_GE};
    static const casc_pred_op match_ops[] = {
        [CASC_MATCH_CONTAINS] = CASC_P_CONTAINS, [CASC_MATCH_STARTS_WITH] = CASC_P_STARTS_WITH,
        [CASC_MATCH_ENDS_WITH] = CASC_P_ENDS_WITH, [CASC_MATCH_LIKE] = CASC_P_LIKE,
        [CASC_MATCH_MATCHES] = CASC_P_MATCHES};
    const struct casc_leaf *l = &n->u.leaf;
    casc_operand on;
    const char *name;
    if (!operand(r, n, &on, &name))
        return NULL;
    casc_span at = op_span(r, n);
    casc_slot s = {name, on.type, false};
    /* The elements of an array, for `contains` and `contains any|all`. */
    casc_slot elem = {name, casc_type_element(on.type), true};
    bool array = casc_type_is_array(on.type);
    casc_rnode *x;
    switch (n->kind) {
    case CASC_N_COMPARE:
        x = pred(r, n, compare_ops[l->op], &on, name, at);
        return x && fit_values(r, &s, &l->values, x) ? x : NULL;
    case CASC_N_IN:
        x = pred(r, n, CASC_P_IN, &on, name, at);
        return x && fit_values(r, &s, &l->values, x) ? x : NULL;
    case CASC_N_IS_NULL: return pred(r, n, CASC_P_IS_NULL, &on, name, at);
    case CASC_N_IS_EMPTY: return pred(r, n, CASC_P_IS_EMPTY, &on, name, at);
    case CASC_N_MATCH: {
        bool has = l->match == CASC_MATCH_CONTAINS && array;
        x = pred(r, n, has ? CASC_P_HAS : match_ops[l->match], &on, name, at);
        casc_slot text = {name, CASC_TYPE_STRING, false}; /* patterns are text */
        return x && fit_values(r, has ? &elem : &text, &l->values, x) ? x : NULL;
    }
    default: /* CONTAINS_SET */
        x = pred(r, n, l->all ? CASC_P_HAS_ALL : CASC_P_HAS_ANY, &on, name, at);
        return x && fit_values(r, &elem, &l->values, x) ? x : NULL;
    }
}

static const char *measure_word(casc_measure_kind k)
{
    static const char *const words[] = {"count", "count distinct", "sum", "avg", "min", "max"};
    return words[k];
}

static casc_rnode *resolve_behavior(casc_resolver *r, const casc_node *n, const casc_behavior *b)
{
    const struct casc_leaf *l = &n->u.leaf;
    casc_rnode *x = casc_rs_rnode(r, CASC_R_BEHAVIOR, n);
    if (!x)
        return NULL;
    x->u.beh.behavior = b;
    bool ok = true;
    if (n->kind == CASC_N_BETWEEN) {
        casc_window w = {.kind = CASC_W_BETWEEN, .span = n->span, .lo = l->values.items[0],
                         .hi = l->values.items[1]};
        return (x->u.beh.window = fit_window(r, b->name, &w)) ? x : NULL;
    }
    x->u.beh.pick = l->pick;
    if (l->filter) {
        r->behavior = b;
        ok &= (x->u.beh.filter = casc_rs_node(r, l->filter)) != NULL;
        r->behavior = NULL;
    }
    const casc_measure *m = l->measure;
    if (m && m->kind != CASC_M_COUNT) {
        const casc_field *f = casc_rs_field(r, b, &m->field, false);
        ok &= f && casc_check_measure(&r->tc, m, f);
        x->u.beh.measure_field = f;
    }
    x->u.beh.measure = m;
    if (l->window)
        ok &= (x->u.beh.window = fit_window(r, b->name, l->window)) != NULL;
    return ok ? x : NULL;
}

/* The clause of a subject that only a behavior can have, for messages. */
static const char *behavior_clause(const struct casc_leaf *l)
{
    if (l->pick != CASC_PICK_NONE)
        return l->pick == CASC_PICK_FIRST ? "first" : "last";
    if (l->filter)
        return "where";
    return l->measure ? measure_word(l->measure->kind) : NULL;
}

/* `[first|last] name [where ...] [MEASURE] [WINDOW]`: a behavior's events,
 * or an attribute or field alone (a boolean) or with a window (a time). */
static casc_rnode *resolve_subject(casc_resolver *r, const casc_node *n)
{
    const struct casc_leaf *l = &n->u.leaf;
    const casc_qname *q = &l->subject;
    const char *clause = behavior_clause(l);
    casc_operand on = {0};
    const char *name = NULL;
    if (r->behavior) {
        const casc_behavior *nested = clause ? casc_rs_find_behavior(r, q) : NULL;
        if (nested) {
            casc_rs_error(r, q->span,
                          "a condition on behavior '%s' cannot be nested inside the filter of "
                          "'%s'; combine it with 'and' outside the filter",
                          nested->name, r->behavior->name);
            return NULL;
        }
        if ((on.field = casc_rs_field(r, r->behavior, q, true))) {
            on.type = on.field->type;
            name = on.field->name;
        }
    } else {
        casc_binding b;
        unsigned want = clause ? CASC_WANT_BEHAVIOR
                               : CASC_WANT_ATTRIBUTE | CASC_WANT_BEHAVIOR;
        if (casc_rs_bind(r, n, q, want, &b)) {
            if (b.behavior)
                return resolve_behavior(r, n, b.behavior);
            on.attr = b.attr;
            on.type = b.attr->type;
            name = b.attr->name;
        }
    }
    if (name && clause) {
        casc_rs_error(r, q->span, "'%s' applies to behaviors, but '%s' is %s", clause, name,
                      on.field ? "a field" : "an attribute");
        return NULL;
    }
    if (!name) {
        /* Still report bad times in the window. */
        const char *written = casc_arena_strndup(r->arena, q->name.text, q->name.len);
        if (l->window && written)
            fit_window(r, written, l->window);
        return NULL;
    }
    casc_span at = l->window ? l->window->span : q->span;
    casc_rnode *x = pred(r, n, l->window ? CASC_P_WINDOW : CASC_P_IS_TRUE, &on, name, at);
    if (x && l->window && !(x->u.pred.window = fit_window(r, name, l->window)))
        return NULL;
    return x;
}

static casc_rnode *resolve_at(casc_resolver *r, const casc_node *n)
{
    switch (n->kind) {
    case CASC_N_AND:
    case CASC_N_OR: {
        casc_rnode *x = casc_rs_rnode(r, n->kind == CASC_N_AND ? CASC_R_AND : CASC_R_OR, n);
        casc_rnode **items = x ? casc_rs_alloc(r, n->u.list.n * sizeof *items) : NULL;
        if (!items)
            return NULL;
        bool ok = true;
        for (uint32_t i = 0; i < n->u.list.n; i++)
            ok &= (items[i] = casc_rs_node(r, n->u.list.items[i])) != NULL;
        x->u.list.items = items;
        x->u.list.n = n->u.list.n;
        return ok ? x : NULL;
    }
    case CASC_N_NOT: {
        casc_rnode *x = casc_rs_rnode(r, CASC_R_NOT, n);
        if (x && !(x->u.child = casc_rs_node(r, n->u.child)))
            return NULL;
        return x;
    }
    case CASC_N_TRUE: return casc_rs_rnode(r, CASC_R_TRUE, n);
    case CASC_N_FALSE: return casc_rs_rnode(r, CASC_R_FALSE, n);
    case CASC_N_SEGMENT: return casc_rs_segment(r, n);
    case CASC_N_SUBJECT: return resolve_subject(r, n);
    case CASC_N_BETWEEN: return resolve_between(r, n);
    default: return resolve_leaf(r, n);
    }
}

/* Each rule is within CASC_MAX_DEPTH, but segments expanded inside each
 * other add up: the whole expanded tree stays within the same limit, so no
 * later pass can exhaust the stack. */
casc_rnode *casc_rs_node(casc_resolver *r, const casc_node *n)
{
    if (r->depth > CASC_MAX_DEPTH) {
        casc_rs_error(r, n->span,
                      CASC_EXPANDED_DEPTH_ERROR,
                      CASC_MAX_DEPTH);
        return NULL;
    }
    if (++r->depth > r->peak)
        r->peak = r->depth;
    casc_rnode *x = resolve_at(r, n);
    r->depth--;
    return x;
}

casc_rnode *casc_resolve(casc_arena *arena, const casc_parent_model *model, const casc_node *rule,
                         const casc_source *src, casc_diags *d)
{
    casc_resolver r = {.arena = arena, .model = model, .diags = d, .tc = {d, src}};
    if (!casc_rs_segments_init(&r))
        return NULL;
    uint32_t before = d->nerrors;
    casc_rnode *tree = casc_rs_node(&r, rule);
    return d->nerrors == before ? tree : NULL;
}
