/* resolve.c - name resolution: bind every name of a rule to the model,
 * decide what each condition means, expand segment references. Type rules
 * live in typecheck.c. */
#include "resolve.h"

#include <string.h>

#include "parse.h"
#include "suggest.h"
#include "typecheck.h"

enum seg_state { SEG_UNSEEN, SEG_ACTIVE, SEG_DONE, SEG_FAILED };

typedef struct resolver {
    casc_arena *arena;
    const casc_model *model;
    casc_diags *diags;
    casc_typecheck tc;                /* src: the text being resolved now */
    const casc_behavior *behavior;    /* inside a filter: whose fields */
    unsigned char *seg_state;         /* per model segment */
    casc_rnode **seg_tree;            /* per model segment, when DONE */
    const casc_segment **seg_stack;   /* the references being expanded */
    uint32_t nseg_stack;
    uint32_t depth; /* nesting, counted across expanded segments */
    bool oom;
} resolver;

static void *alloc(resolver *r, size_t size)
{
    void *p = casc_arena_alloc(r->arena, size);
    if (!p && !r->oom) {
        r->oom = true;
        casc_diag_add(r->diags, CASC_SEV_ERROR, NULL, CASC_NO_SPAN, CASC_NO_SPAN,
                      "out of memory while resolving the rule");
    }
    return p;
}

static casc_diag *error_at(resolver *r, casc_span at, const char *fmt, const char *a,
                           const char *b)
{
    return casc_diag_add(r->diags, CASC_SEV_ERROR, r->tc.src, at.start, at.end, fmt, a, b);
}

static int ascii_lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

/* Bare names match ignoring (ASCII) case, quoted names exactly. */
static bool name_is(const casc_name *n, const char *model_name)
{
    size_t len = strlen(model_name);
    if (len != n->len)
        return false;
    if (n->quoted)
        return memcmp(n->text, model_name, len) == 0;
    for (size_t i = 0; i < len; i++)
        if (ascii_lower((unsigned char)n->text[i]) != ascii_lower((unsigned char)model_name[i]))
            return false;
    return true;
}

/* The name as an arena string, for messages. */
static const char *name_str(resolver *r, const casc_name *n)
{
    const char *s = casc_arena_strndup(r->arena, n->text, n->len);
    return s ? s : "?";
}

static const casc_attribute *find_attribute(const casc_model *m, const casc_name *n)
{
    for (uint32_t i = 0; i < m->nattributes; i++)
        if (name_is(n, m->attributes[i].name))
            return &m->attributes[i];
    return NULL;
}

static const casc_behavior *find_behavior(const casc_model *m, const casc_name *n)
{
    for (uint32_t i = 0; i < m->nbehaviors; i++)
        if (name_is(n, m->behaviors[i].name))
            return &m->behaviors[i];
    return NULL;
}

static const casc_field *find_field(const casc_behavior *b, const casc_name *n)
{
    for (uint32_t i = 0; i < b->nfields; i++)
        if (name_is(n, b->fields[i].name))
            return &b->fields[i];
    return NULL;
}

/* Attach "did you mean" candidates to dg. */
static void suggest(resolver *r, casc_diag *dg, const casc_name *n, const char **cands,
                    uint32_t ncands)
{
    const char **out = dg ? alloc(r, CASC_MAX_SUGGESTIONS * sizeof *out) : NULL;
    if (!out)
        return;
    dg->nsuggestions = casc_suggest(n->text, n->len, cands, ncands, out);
    dg->suggestions = out;
}

/* Candidates for a name at the top level: attributes and behaviors. */
static void unknown_top_name(resolver *r, const casc_name *n)
{
    const casc_model *m = r->model;
    casc_diag *dg = error_at(r, n->span, "unknown attribute or behavior '%s'", name_str(r, n), "");
    const char **cands = alloc(r, (m->nattributes + m->nbehaviors + 1) * sizeof *cands);
    if (!cands)
        return;
    uint32_t k = 0;
    for (uint32_t i = 0; i < m->nattributes; i++)
        cands[k++] = m->attributes[i].name;
    for (uint32_t i = 0; i < m->nbehaviors; i++)
        cands[k++] = m->behaviors[i].name;
    suggest(r, dg, n, cands, k);
}

static void unknown_field(resolver *r, const casc_behavior *b, const casc_name *n)
{
    casc_diag *dg = error_at(r, n->span, "behavior '%s' has no field '%s'", b->name,
                             name_str(r, n));
    const char **cands = alloc(r, (b->nfields + 1) * sizeof *cands);
    if (!cands)
        return;
    for (uint32_t i = 0; i < b->nfields; i++)
        cands[i] = b->fields[i].name;
    suggest(r, dg, n, cands, b->nfields);
}

/* A field of the current behavior, written `field` or `behavior.field`. */
static const casc_field *resolve_field(resolver *r, const casc_behavior *b, const casc_qname *q)
{
    if (q->qualifier.len && !name_is(&q->qualifier, b->name)) {
        error_at(r, q->qualifier.span, "'%s' is not the behavior being filtered ('%s')",
                 name_str(r, &q->qualifier), b->name);
        return NULL;
    }
    const casc_field *f = find_field(b, &q->name);
    if (!f)
        unknown_field(r, b, &q->name);
    return f;
}

/* What a leaf tests: a field inside a filter, an attribute elsewhere. */
static bool resolve_operand(resolver *r, const casc_qname *q, casc_operand *on, const char **what)
{
    memset(on, 0, sizeof *on);
    if (r->behavior) {
        on->field = resolve_field(r, r->behavior, q);
        if (!on->field)
            return false;
        on->type = on->field->type;
        *what = on->field->name;
        return true;
    }
    if (q->qualifier.len) {
        const casc_behavior *b = find_behavior(r->model, &q->qualifier);
        if (b)
            error_at(r, q->span,
                     "a field of behavior '%s' can only be tested in its filter: write "
                     "%s where ... instead",
                     b->name, b->name);
        else
            unknown_top_name(r, &q->qualifier);
        return false;
    }
    on->attr = find_attribute(r->model, &q->name);
    if (on->attr) {
        on->type = on->attr->type;
        *what = on->attr->name;
        return true;
    }
    const casc_behavior *b = find_behavior(r->model, &q->name);
    if (b)
        error_at(r, q->span,
                 "'%s' is a behavior, not an attribute: test its events with a count, a "
                 "filter or a window, such as '%s in last 30 days'",
                 b->name, b->name);
    else
        unknown_top_name(r, &q->name);
    return false;
}

static casc_rnode *rnode(resolver *r, casc_rkind kind, const casc_node *n)
{
    casc_rnode *x = alloc(r, sizeof *x);
    if (x) {
        x->kind = kind;
        x->span = n->span;
        x->src = r->tc.src;
        x->negated = n->negated;
    }
    return x;
}

static casc_rnode *resolve_node(resolver *r, const casc_node *n);

static casc_rnode *pred(resolver *r, const casc_node *n, casc_pred_op op, casc_operand *on,
                        const char *what)
{
    if (!casc_check_operator(&r->tc, what, on->type, op, n->span))
        return NULL;
    casc_rnode *x = rnode(r, CASC_R_PRED, n);
    if (x) {
        x->u.pred.on = *on;
        x->u.pred.op = op;
    }
    return x;
}

/* Fit a list of values to type t into a new array. */
static bool fit_values(resolver *r, const char *what, casc_type t, const casc_values *vs,
                       casc_rnode *x)
{
    casc_value *out = alloc(r, vs->n * sizeof *out);
    if (!out)
        return false;
    bool ok = true;
    for (uint32_t i = 0; i < vs->n; i++)
        ok &= casc_fit_value(&r->tc, what, t, &vs->items[i], &out[i]);
    x->u.pred.values = out;
    x->u.pred.nvalues = vs->n;
    return ok;
}

static casc_window *copy_window(resolver *r, const casc_window *w)
{
    casc_window *c = alloc(r, sizeof *c);
    if (!c)
        return NULL;
    *c = *w;
    return casc_fit_window(&r->tc, c) ? c : NULL;
}

static const casc_window *between_window(resolver *r, const casc_node *n)
{
    casc_window w = {.kind = CASC_W_BETWEEN, .span = n->span};
    w.lo = n->u.leaf.value;
    w.hi = n->u.leaf.value2;
    return copy_window(r, &w);
}

static casc_rnode *resolve_behavior(resolver *r, const casc_node *n, const casc_behavior *b,
                                    const casc_window *w);

/* `x between a and b`: a range, or a window when x is a time or a behavior. */
static casc_rnode *resolve_between(resolver *r, const casc_node *n)
{
    const casc_qname *q = &n->u.leaf.subject;
    if (!r->behavior && !q->qualifier.len && !find_attribute(r->model, &q->name)) {
        const casc_behavior *b = find_behavior(r->model, &q->name);
        if (b) {
            const casc_window *w = between_window(r, n);
            casc_rnode *x = w ? resolve_behavior(r, n, b, w) : NULL;
            if (!x || !n->negated)
                return x;
            casc_rnode *not = rnode(r, CASC_R_NOT, n);
            if (not)
                not->u.child = x;
            return not;
        }
    }
    casc_operand on;
    const char *what;
    if (!resolve_operand(r, q, &on, &what))
        return NULL;
    if (casc_type_is_time(on.type)) {
        casc_rnode *x = pred(r, n, CASC_P_WINDOW, &on, what);
        if (x && !(x->u.pred.window = between_window(r, n)))
            return NULL;
        return x;
    }
    casc_rnode *x = pred(r, n, CASC_P_BETWEEN, &on, what);
    if (!x)
        return NULL;
    bool ok = casc_fit_value(&r->tc, what, on.type, &n->u.leaf.value, &x->u.pred.value);
    ok &= casc_fit_value(&r->tc, what, on.type, &n->u.leaf.value2, &x->u.pred.value2);
    return ok ? x : NULL;
}

static casc_rnode *resolve_leaf(resolver *r, const casc_node *n)
{
    const struct casc_leaf *l = &n->u.leaf;
    casc_operand on;
    const char *what;
    if (n->kind == CASC_N_BETWEEN)
        return resolve_between(r, n);
    if (!resolve_operand(r, &l->subject, &on, &what))
        return NULL;
    casc_rnode *x;
    switch (n->kind) {
    case CASC_N_COMPARE: {
        static const casc_pred_op ops[] = {[CASC_OP_EQ] = CASC_P_EQ, [CASC_OP_LT] = CASC_P_LT,
                                           [CASC_OP_LE] = CASC_P_LE, [CASC_OP_GT] = CASC_P_GT,
                                           [CASC_OP_GE] = CASC_P_GE};
        x = pred(r, n, ops[l->op], &on, what);
        if (x && !casc_fit_value(&r->tc, what, on.type, &l->value, &x->u.pred.value))
            return NULL;
        return x;
    }
    case CASC_N_IN:
        x = pred(r, n, CASC_P_IN, &on, what);
        return x && fit_values(r, what, on.type, &l->values, x) ? x : NULL;
    case CASC_N_IS_NULL: return pred(r, n, CASC_P_IS_NULL, &on, what);
    case CASC_N_IS_EMPTY: return pred(r, n, CASC_P_IS_EMPTY, &on, what);
    case CASC_N_MATCH: {
        static const casc_pred_op ops[] = {
            [CASC_MATCH_CONTAINS] = CASC_P_CONTAINS, [CASC_MATCH_STARTS_WITH] = CASC_P_STARTS_WITH,
            [CASC_MATCH_ENDS_WITH] = CASC_P_ENDS_WITH, [CASC_MATCH_LIKE] = CASC_P_LIKE,
            [CASC_MATCH_MATCHES] = CASC_P_MATCHES};
        bool element = l->match == CASC_MATCH_CONTAINS && casc_type_is_array(on.type);
        x = pred(r, n, element ? CASC_P_HAS : ops[l->match], &on, what);
        casc_type vt = element ? casc_type_element(on.type) : CASC_TYPE_STRING;
        if (x && !casc_fit_value(&r->tc, what, vt, &l->value, &x->u.pred.value))
            return NULL;
        return x;
    }
    default: /* CONTAINS_SET */
        x = pred(r, n, l->all ? CASC_P_HAS_ALL : CASC_P_HAS_ANY, &on, what);
        return x && fit_values(r, what, casc_type_element(on.type), &l->values, x) ? x : NULL;
    }
}

static const char *measure_name(casc_measure_kind k)
{
    static const char *const names[] = {"count", "count distinct", "sum", "avg", "min", "max"};
    return names[k];
}

static casc_rnode *resolve_behavior(resolver *r, const casc_node *n, const casc_behavior *b,
                                    const casc_window *w)
{
    const struct casc_leaf *l = &n->u.leaf;
    casc_rnode *x = rnode(r, CASC_R_BEHAVIOR, n);
    if (!x)
        return NULL;
    x->negated = false;
    x->u.beh.behavior = b;
    x->u.beh.pick = n->kind == CASC_N_SUBJECT ? l->pick : CASC_PICK_NONE;
    x->u.beh.window = w;
    bool ok = true;
    if (n->kind == CASC_N_SUBJECT && l->filter) {
        const casc_behavior *outer = r->behavior;
        r->behavior = b;
        x->u.beh.filter = resolve_node(r, l->filter);
        r->behavior = outer;
        ok &= x->u.beh.filter != NULL;
    }
    if (n->kind == CASC_N_SUBJECT && l->measure) {
        const casc_measure *m = l->measure;
        x->u.beh.measure = m;
        if (m->kind != CASC_M_COUNT) {
            const casc_field *f = resolve_field(r, b, &m->field);
            x->u.beh.measure_field = f;
            if (!f) {
                ok = false;
            } else if (m->kind == CASC_M_COUNT_DISTINCT ? casc_type_is_array(f->type)
                                                         : !casc_type_is_numeric(f->type)) {
                casc_diag_add(r->diags, CASC_SEV_ERROR, r->tc.src, m->field.span.start,
                              m->field.span.end,
                              "%s needs a %s field, but %s is %s", measure_name(m->kind),
                              m->kind == CASC_M_COUNT_DISTINCT ? "non-array" : "numeric",
                              f->name, casc_type_phrase(f->type));
                ok = false;
            }
        }
    }
    return ok ? x : NULL;
}

/* `[first|last] name [where ...] [measure] [window]` */
static casc_rnode *resolve_subject(resolver *r, const casc_node *n)
{
    const struct casc_leaf *l = &n->u.leaf;
    const casc_qname *q = &l->subject;
    const casc_window *w = NULL;
    if (l->window && !(w = copy_window(r, l->window)))
        return NULL;
    if (!r->behavior && !q->qualifier.len && !find_attribute(r->model, &q->name)) {
        const casc_behavior *b = find_behavior(r->model, &q->name);
        if (b)
            return resolve_behavior(r, n, b, w);
    }
    casc_operand on;
    const char *what;
    if (!resolve_operand(r, q, &on, &what))
        return NULL;
    const char *clause = l->pick == CASC_PICK_FIRST  ? "'first'"
                         : l->pick == CASC_PICK_LAST ? "'last'"
                         : l->filter                 ? "'where'"
                         : l->measure                ? measure_name(l->measure->kind)
                                                     : NULL;
    if (clause) {
        error_at(r, n->span, "%s applies to behaviors, but '%s' is not one", clause, what);
        return NULL;
    }
    casc_rnode *x = pred(r, n, w ? CASC_P_WINDOW : CASC_P_IS_TRUE, &on, what);
    if (x)
        x->u.pred.window = w;
    return x;
}

static void cycle_error(resolver *r, const casc_node *n, const casc_segment *s)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    uint32_t from = 0;
    while (from < r->nseg_stack && r->seg_stack[from] != s)
        from++;
    for (uint32_t i = from; i < r->nseg_stack; i++)
        casc_sb_printf(&sb, "%s -> ", r->seg_stack[i]->name);
    casc_sb_puts(&sb, s->name);
    casc_diag_add(r->diags, CASC_SEV_ERROR, r->tc.src, n->span.start, n->span.end,
                  "segments refer to each other in a cycle: %s", casc_sb_str(&sb));
    casc_sb_free(&sb);
}

/* Parse and resolve a rule segment, once per compilation. */
static casc_rnode *expand_segment(resolver *r, const casc_node *n, uint32_t idx)
{
    const casc_segment *s = &r->model->segments[idx];
    switch (r->seg_state[idx]) {
    case SEG_DONE: return r->seg_tree[idx];
    case SEG_FAILED: return NULL;
    case SEG_ACTIVE: cycle_error(r, n, s); return NULL;
    default: break;
    }
    /* Errors inside the segment's rule are shown against its text. */
    casc_source *src = alloc(r, sizeof *src);
    casc_strbuf name = CASC_STRBUF_INIT;
    casc_sb_printf(&name, "%s (segment '%s')", s->rule_source.name, s->name);
    if (!src || !(src->name = casc_arena_strndup(r->arena, casc_sb_str(&name), name.len))) {
        casc_sb_free(&name);
        return NULL;
    }
    casc_sb_free(&name);
    src->text = s->rule_source.text;
    src->len = s->rule_source.len;

    r->seg_state[idx] = SEG_ACTIVE;
    r->seg_stack[r->nseg_stack++] = s;
    casc_rnode *tree = NULL;
    const casc_node *rule = casc_parse(r->arena, src, r->diags);
    if (rule) {
        casc_typecheck saved = r->tc;
        const casc_behavior *outer = r->behavior;
        r->tc.src = src;
        r->behavior = NULL;
        tree = resolve_node(r, rule);
        r->tc = saved;
        r->behavior = outer;
    }
    r->nseg_stack--;
    r->seg_state[idx] = tree ? SEG_DONE : SEG_FAILED;
    r->seg_tree[idx] = tree;
    if (!tree)
        error_at(r, n->span, "segment '%s' has errors (shown above)", s->name, "");
    return tree;
}

static casc_rnode *resolve_segment(resolver *r, const casc_node *n)
{
    const casc_value *v = &n->u.segment;
    const casc_model *m = r->model;
    int found = -1;
    for (int pass = 0; pass < 2 && found < 0; pass++) {
        /* Exact spelling first, then ignoring case. */
        casc_name name = {v->text, v->len, pass == 0, v->span};
        for (uint32_t i = 0; i < m->nsegments && found < 0; i++)
            if (name_is(&name, m->segments[i].name))
                found = (int)i;
    }
    if (found < 0) {
        casc_name name = {v->text, v->len, false, v->span};
        casc_diag *dg = error_at(r, v->span, "unknown segment '%s'", name_str(r, &name), "");
        const char **cands = alloc(r, (m->nsegments + 1) * sizeof *cands);
        if (cands) {
            for (uint32_t i = 0; i < m->nsegments; i++)
                cands[i] = m->segments[i].name;
            suggest(r, dg, &name, cands, m->nsegments);
        }
        return NULL;
    }
    const casc_segment *s = &m->segments[found];
    if (s->rule)
        return expand_segment(r, n, (uint32_t)found);
    casc_rnode *x = rnode(r, CASC_R_SEGMENT_TABLE, n);
    if (x)
        x->u.segment = s;
    return x;
}

static casc_rnode *resolve_node_at(resolver *r, const casc_node *n);

/* Each rule is within CASC_MAX_DEPTH, but segments expanded inside each
 * other add up: the whole expanded tree stays within the same limit, so no
 * later pass can exhaust the stack. */
static casc_rnode *resolve_node(resolver *r, const casc_node *n)
{
    if (r->depth > CASC_MAX_DEPTH) {
        casc_diag_add(r->diags, CASC_SEV_ERROR, r->tc.src, n->span.start, n->span.end,
                      "the rule nests too deeply once its segments are expanded (more than "
                      "%u levels)",
                      CASC_MAX_DEPTH);
        return NULL;
    }
    r->depth++;
    casc_rnode *x = resolve_node_at(r, n);
    r->depth--;
    return x;
}

static casc_rnode *resolve_node_at(resolver *r, const casc_node *n)
{
    switch (n->kind) {
    case CASC_N_AND:
    case CASC_N_OR: {
        casc_rnode *x = rnode(r, n->kind == CASC_N_AND ? CASC_R_AND : CASC_R_OR, n);
        casc_rnode **items = x ? alloc(r, n->u.list.n * sizeof *items) : NULL;
        if (!items)
            return NULL;
        bool ok = true;
        for (uint32_t i = 0; i < n->u.list.n; i++)
            ok &= (items[i] = resolve_node(r, n->u.list.items[i])) != NULL;
        x->u.list.items = items;
        x->u.list.n = n->u.list.n;
        return ok ? x : NULL;
    }
    case CASC_N_NOT: {
        casc_rnode *x = rnode(r, CASC_R_NOT, n);
        if (x && !(x->u.child = resolve_node(r, n->u.child)))
            return NULL;
        return x;
    }
    case CASC_N_TRUE: return rnode(r, CASC_R_TRUE, n);
    case CASC_N_FALSE: return rnode(r, CASC_R_FALSE, n);
    case CASC_N_SEGMENT:
        if (r->behavior) {
            error_at(r, n->span, "a segment cannot be used inside the filter of '%s'",
                     r->behavior->name, "");
            return NULL;
        }
        return resolve_segment(r, n);
    case CASC_N_SUBJECT: return resolve_subject(r, n);
    default: return resolve_leaf(r, n);
    }
}

casc_rnode *casc_resolve(casc_arena *arena, const casc_model *model, const casc_node *rule,
                         const casc_source *src, casc_diags *d)
{
    resolver r = {.arena = arena, .model = model, .diags = d, .tc = {d, src}};
    uint32_t ns = model->nsegments + 1;
    r.seg_state = alloc(&r, ns);
    r.seg_tree = alloc(&r, ns * sizeof *r.seg_tree);
    r.seg_stack = alloc(&r, ns * sizeof *r.seg_stack);
    if (!r.seg_state || !r.seg_tree || !r.seg_stack)
        return NULL;
    uint32_t before = d->nerrors;
    casc_rnode *tree = resolve_node(&r, rule);
    return d->nerrors == before ? tree : NULL;
}
