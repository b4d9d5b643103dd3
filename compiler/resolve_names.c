/* resolve_names.c - finding names in the model (spec §1: a bare name
 * matches ignoring case, a quoted one exactly) and explaining the ones that
 * are not there: a quoted name in the wrong case, a name of the wrong kind,
 * or a typo, with the closest names of the right kind.
 *
 * The model loader rejects names that differ only in case (attributes,
 * behaviors and segments among themselves, a behavior's fields among
 * themselves), so a bare name matches at most one item of a list. */
#include <stdarg.h>
#include <string.h>

#include "resolve_ctx.h"
#include "suggest.h"

/* A list of model items of one kind; each item's struct starts with its
 * name (casc_attribute, casc_behavior, casc_field, casc_segment). */
typedef struct names {
    const void *items;
    size_t size;
    uint32_t n;
    const char *kind; /* "attribute", ... */
} names;

static const char *name_at(const names *l, uint32_t i)
{
    return *(const char *const *)(const void *)((const char *)l->items + i * l->size);
}

static names attributes(const casc_parent_model *m)
{
    return (names){m->attributes, sizeof *m->attributes, m->nattributes, "attribute"};
}

static names behaviors(const casc_parent_model *m)
{
    return (names){m->behaviors, sizeof *m->behaviors, m->nbehaviors, "behavior"};
}

static names fields(const casc_behavior *b)
{
    return (names){b->fields, sizeof *b->fields, b->nfields, "field"};
}

static names segments(const casc_parent_model *m)
{
    return (names){m->segments, sizeof *m->segments, m->nsegments, "segment"};
}

static int lower(int c)
{
    return c >= 'A' && c <= 'Z' ? c + 32 : c;
}

static bool same(const char *a, uint32_t len, const char *b, bool ignore_case)
{
    if (strlen(b) != len)
        return false;
    if (!ignore_case)
        return memcmp(a, b, len) == 0;
    for (uint32_t i = 0; i < len; i++)
        if (lower((unsigned char)a[i]) != lower((unsigned char)b[i]))
            return false;
    return true;
}

static int find(const names *l, const char *text, uint32_t len, bool ignore_case)
{
    for (uint32_t i = 0; i < l->n; i++)
        if (same(text, len, name_at(l, i), ignore_case))
            return (int)i;
    return -1;
}

/* The item n names, by the rule of spec §1. */
static int lookup(const names *l, const casc_name *n)
{
    return find(l, n->text, n->len, !n->quoted);
}

static const char *str(casc_resolver *r, const casc_name *n)
{
    const char *s = casc_arena_strndup(r->arena, n->text, n->len);
    return s ? s : "?";
}

/* The rule text of span, as written. */
static const char *source_text(casc_resolver *r, casc_span s)
{
    const char *t = casc_arena_strndup(r->arena, r->tc.src->text + s.start, s.end - s.start);
    return t ? t : "?";
}

/* A quoted name that matches an item only ignoring case: say so. */
static bool wrong_case(casc_resolver *r, const casc_name *n, const names *lists, uint32_t nlists)
{
    if (!n->quoted)
        return false;
    for (uint32_t k = 0; k < nlists; k++) {
        int i = find(&lists[k], n->text, n->len, true);
        if (i >= 0) {
            casc_rs_error(r, n->span,
                          "%s does not match the %s \"%s\": a quoted name must match exactly, "
                          "case included",
                          source_text(r, n->span), lists[k].kind, name_at(&lists[k], (uint32_t)i));
            return true;
        }
    }
    return false;
}

/* Report an unknown name with the closest names of lists as suggestions. */
#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
static void unknown(casc_resolver *r, const casc_name *n, const names *lists, uint32_t nlists,
                    const char *fmt, ...)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    casc_sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    casc_diag *dg = casc_rs_error(r, n->span, "%s", casc_sb_str(&sb));
    casc_sb_free(&sb);
    uint32_t total = 0;
    for (uint32_t k = 0; k < nlists; k++)
        total += lists[k].n;
    const char **cands = casc_rs_alloc(r, (total + 1) * sizeof *cands);
    const char **out = casc_rs_alloc(r, CASC_MAX_SUGGESTIONS * sizeof *out);
    if (!dg || !cands || !out)
        return;
    total = 0;
    for (uint32_t k = 0; k < nlists; k++)
        for (uint32_t i = 0; i < lists[k].n; i++)
            cands[total++] = name_at(&lists[k], i);
    dg->nsuggestions = casc_suggest(n->text, n->len, cands, total, out);
    dg->suggestions = out;
}

/* A field's condition outside any filter: show where it belongs, with the
 * condition itself moved into a filter as the example when it is short. */
static void field_outside_filter(casc_resolver *r, const casc_node *n, const casc_qname *q,
                                 const casc_behavior *b)
{
    enum { MAX_EXAMPLE = 48 };
    const char *rest = source_text(r, (casc_span){q->name.span.start, n->span.end});
    const struct casc_leaf *l = &n->u.leaf;
    if (n->kind == CASC_N_SUBJECT && (l->pick || l->filter || l->measure)) {
        casc_rs_error(r, q->span, "'%s' is a field of behavior '%s', not a behavior",
                      source_text(r, q->span), b->name);
        return;
    }
    const char *beh = q->qualifier.len ? source_text(r, q->qualifier.span) : b->name;
    bool cut = strlen(rest) > MAX_EXAMPLE || strchr(rest, '\n');
    if (cut)
        rest = source_text(r, q->name.span);
    /* A filter without parentheses is one comparison, not a name alone. */
    const char *open = n->kind == CASC_N_SUBJECT ? "(" : "";
    const char *close = cut ? " ..." : *open ? ")" : "";
    casc_rs_error(r, q->span,
                  "'%s' is a field of behavior '%s', so it can only be tested in a filter, as "
                  "in '%s where %s%s%s'",
                  source_text(r, q->span), b->name, beh, open, rest, close);
}

/* A bare name that is no attribute or behavior, but a segment or the field
 * of a behavior: say what it is. */
static bool other_kind(casc_resolver *r, const casc_node *n, const casc_qname *q)
{
    const casc_parent_model *m = r->model;
    names segs = segments(m);
    int s = find(&segs, q->name.text, q->name.len, true);
    if (s >= 0) {
        casc_rs_error(r, q->span, "'%s' is a segment: write in segment '%s'",
                      name_at(&segs, (uint32_t)s), name_at(&segs, (uint32_t)s));
        return true;
    }
    for (uint32_t i = 0; i < m->nbehaviors; i++) {
        names fs = fields(&m->behaviors[i]);
        if (lookup(&fs, &q->name) >= 0) {
            field_outside_filter(r, n, q, &m->behaviors[i]);
            return true;
        }
    }
    return false;
}

static const char *want_phrase(unsigned want)
{
    switch (want) {
    case CASC_WANT_ATTRIBUTE: return "attribute";
    case CASC_WANT_BEHAVIOR: return "behavior";
    default: return "attribute or behavior";
    }
}

/* `behavior.field` outside a filter, or a qualifier that is no behavior. */
static void qualified_outside_filter(casc_resolver *r, const casc_node *n, const casc_qname *q)
{
    const casc_parent_model *m = r->model;
    names bs = behaviors(m), as = attributes(m);
    int b = lookup(&bs, &q->qualifier);
    if (b >= 0) {
        const casc_behavior *beh = &m->behaviors[b];
        names fs = fields(beh);
        if (lookup(&fs, &q->name) >= 0)
            field_outside_filter(r, n, q, beh);
        else if (!wrong_case(r, &q->name, &fs, 1))
            unknown(r, &q->name, &fs, 1, "behavior '%s' has no field '%s'", beh->name,
                    str(r, &q->name));
    } else if (lookup(&as, &q->qualifier) >= 0) {
        casc_rs_error(r, q->qualifier.span,
                      "'%s' is an attribute, and only behaviors have fields "
                      "('behavior.field')",
                      str(r, &q->qualifier));
    } else if (!wrong_case(r, &q->qualifier, &bs, 1)) {
        unknown(r, &q->qualifier, &bs, 1, "unknown behavior '%s'", str(r, &q->qualifier));
    }
}

bool casc_rs_bind(casc_resolver *r, const casc_node *n, const casc_qname *q, unsigned want,
                  casc_binding *out)
{
    const casc_parent_model *m = r->model;
    memset(out, 0, sizeof *out);
    if (q->qualifier.len) {
        qualified_outside_filter(r, n, q);
        return false;
    }
    names all[2] = {attributes(m), behaviors(m)};
    int i = lookup(&all[0], &q->name);
    if (i >= 0) {
        out->attr = &m->attributes[i];
        return true;
    }
    if ((i = lookup(&all[1], &q->name)) >= 0) {
        out->behavior = &m->behaviors[i];
        return true;
    }
    /* Suggest names of the kinds wanted: attributes, behaviors or both. */
    const names *lists = want == CASC_WANT_BEHAVIOR ? &all[1] : all;
    uint32_t nlists = want == (CASC_WANT_ATTRIBUTE | CASC_WANT_BEHAVIOR) ? 2 : 1;
    if (!wrong_case(r, &q->name, all, 2) && !other_kind(r, n, q))
        unknown(r, &q->name, lists, nlists, "unknown %s '%s'", want_phrase(want),
                str(r, &q->name));
    return false;
}

const casc_behavior *casc_rs_find_behavior(const casc_resolver *r, const casc_qname *q)
{
    names bs = behaviors(r->model);
    int i = q->qualifier.len ? -1 : lookup(&bs, &q->name);
    return i >= 0 ? &r->model->behaviors[i] : NULL;
}

/* A name inside a filter that is an attribute or a behavior. */
static bool not_a_field(casc_resolver *r, const casc_behavior *b, const casc_name *n)
{
    names as = attributes(r->model), bs = behaviors(r->model);
    const char *what = lookup(&as, n) >= 0   ? "an attribute"
                       : lookup(&bs, n) >= 0 ? "a behavior"
                                             : NULL;
    if (what)
        casc_rs_error(r, n->span,
                      "'%s' is %s, not a field of behavior '%s': inside its filter only the "
                      "fields of '%s' can be tested; combine other conditions with 'and' "
                      "outside the filter",
                      str(r, n), what, b->name, b->name);
    return what != NULL;
}

const casc_field *casc_rs_field(casc_resolver *r, const casc_behavior *b, const casc_qname *q,
                                bool in_filter)
{
    names one = {b, sizeof *b, 1, "behavior"}, fs = fields(b);
    if (q->qualifier.len && lookup(&one, &q->qualifier) < 0) {
        names bs = behaviors(r->model);
        int other = lookup(&bs, &q->qualifier);
        if (other >= 0)
            casc_rs_error(r, q->span,
                          "'%s' names behavior '%s', but only fields of '%s' can be used "
                          "here",
                          source_text(r, q->span), name_at(&bs, (uint32_t)other), b->name);
        else if (!wrong_case(r, &q->qualifier, &one, 1))
            unknown(r, &q->qualifier, &one, 1, "unknown behavior '%s'", str(r, &q->qualifier));
        return NULL;
    }
    int i = lookup(&fs, &q->name);
    if (i >= 0)
        return &b->fields[i];
    if (!wrong_case(r, &q->name, &fs, 1) &&
        !(in_filter && !q->qualifier.len && not_a_field(r, b, &q->name)))
        unknown(r, &q->name, &fs, 1, "behavior '%s' has no field '%s'", b->name,
                str(r, &q->name));
    return NULL;
}

const casc_segment *casc_rs_find_segment(casc_resolver *r, const casc_value *v)
{
    names segs = segments(r->model);
    /* Ignoring case, like a bare name: see docs/names-and-types.md. */
    int i = find(&segs, v->text, v->len, true);
    if (i >= 0)
        return &r->model->segments[i];
    casc_name n = {v->text, v->len, false, v->span};
    unknown(r, &n, &segs, 1, "unknown segment '%s'", str(r, &n));
    return NULL;
}
