/* rule_json_read.c - read a JSON rule (docs/rule-json.md): the text, its
 * groups, segment references and exclusions. Conditions on a name are in
 * rule_json_leaf.c and rule_json_behavior.c, values in
 * rule_json_values.c. */
#include <string.h>

#include "rule_json.h"
#include "rule_json_internal.h"

/* cJSON refuses to nest more (CJSON_NESTING_LIMIT); the reader says so at
 * the place, before cJSON would fail without one. */
enum { MAX_JSON_DEPTH = 1000 };

static const char *const condition_names[] = {"And",     "Or",      "Value",    "Column",
                                              "Include", "Exclude", "Reference"};
enum { C_AND, C_OR, C_VALUE, C_COLUMN, C_INCLUDE, C_EXCLUDE, C_REFERENCE, C_COUNT };

/* {"type": "And" or "Or", "conditions": [...]}: flat like the parser's
 * chains; empty, true or false; with one condition, that condition. */
static casc_node *group(casc_rj *r, const casc_mnode *c, bool or, bool in_filter)
{
    static const char *const keys[] = {"type", "exclude", "conditions"};
    const casc_mnode *list;
    if (!casc_rj_keys(r, c, or ? "an Or group" : "an And group", keys, 3) ||
        !(list = casc_rj_want_kind(r, c, "conditions", CASC_MN_LIST, true)))
        return NULL;
    if (!list->nkids)
        return casc_build_const(&r->p, or ? CASC_N_FALSE : CASC_N_TRUE, casc_rj_token(c));
    casc_node_kind kind = or ? CASC_N_OR : CASC_N_AND;
    casc_node *n = NULL;
    for (uint32_t i = 0; i < list->nkids; i++) {
        casc_node *item = casc_rj_condition(r, list->kids[i], in_filter);
        n = n && item ? casc_build_chain(&r->p, kind, n, item) : item;
        if (!n)
            return NULL;
    }
    if (n->kind == kind)
        n->span = casc_rj_span(c);
    return n;
}

/* Include, Exclude (`not in segment`), and Audience Studio's Reference,
 * whose id (or segment) names a segment of the model. */
static casc_node *segment(casc_rj *r, const casc_mnode *c, int type)
{
    static const char *const keys[] = {"type", "exclude", "segment", "id"};
    const char *what = type == C_REFERENCE ? "a Reference" : type == C_INCLUDE ? "an Include"
                                                                                : "an Exclude";
    if (!casc_rj_keys(r, c, what, keys, type == C_REFERENCE ? 4 : 3))
        return NULL;
    const casc_mnode *name = casc_rj_get(c, "segment"), *id = casc_rj_get(c, "id");
    if (name && id) {
        casc_rj_error(r, id, "give a Reference 'id' or 'segment', not both");
        return NULL;
    }
    if (id)
        name = id;
    if (!name) {
        casc_rj_error(r, c, "%s needs 'segment', the name of a segment of the model", what);
        return NULL;
    }
    if (name->kind != CASC_MN_STRING && (name != id || name->kind != CASC_MN_NUMBER)) {
        casc_rj_error(r, name, "a segment's name must be a string, found %s",
                      casc_rj_kind_name(name->kind));
        return NULL;
    }
    if (name->has_nul) {
        casc_rj_error(r, name, "a segment's name cannot hold a NUL character");
        return NULL;
    }
    casc_node *n = casc_arena_alloc(r->p.arena, sizeof *n);
    if (!n) {
        casc_parse_out_of_memory(&r->p);
        return NULL;
    }
    n->kind = CASC_N_SEGMENT;
    n->span = casc_rj_span(c);
    n->u.segment = (casc_value){.kind = CASC_V_STRING, .span = casc_rj_span(name),
                                .text = name->text, .len = (uint32_t)name->len};
    return type == C_EXCLUDE ? casc_build_not(&r->p, casc_rj_token(c), n) : n;
}

casc_node *casc_rj_condition(casc_rj *r, const casc_mnode *c, bool in_filter)
{
    if (c->kind != CASC_MN_MAP) {
        casc_rj_error(r, c, "a condition must be an object, found %s",
                      casc_rj_kind_name(c->kind));
        return NULL;
    }
    int type = casc_rj_type(r, c, "condition", condition_names, C_COUNT);
    casc_node *n = NULL;
    switch (type) {
    case C_AND:
    case C_OR: n = group(r, c, type == C_OR, in_filter); break;
    case C_VALUE: n = casc_rj_leaf(r, c, false); break;
    case C_COLUMN:
        if (in_filter)
            n = casc_rj_leaf(r, c, true);
        else
            casc_rj_error(r, casc_rj_get(c, "type"),
                          "a Column condition tests a field in a behavior's filter; elsewhere "
                          "write {\"type\": \"Value\", \"leftValue\": {\"name\": ...}}");
        break;
    case C_INCLUDE:
    case C_EXCLUDE:
    case C_REFERENCE: n = segment(r, c, type); break;
    default: break;
    }
    bool exclude = n && casc_rj_flag(r, c, "exclude");
    if (!n || r->p.failed)
        return NULL;
    return exclude ? casc_build_not(&r->p, casc_rj_token(c), n) : n;
}

/* The first character after white space from offset at. */
static size_t skip_blanks(const casc_source *src, size_t at)
{
    while (at < src->len && strchr(" \t\r\n", src->text[at]))
        at++;
    return at;
}

casc_node *casc_rule_from_json(casc_arena *arena, casc_arena *keep, const casc_source *src,
                               casc_diags *d)
{
    casc_rj r = {.p = {.arena = arena, .keep = keep, .src = src, .diags = d}};
    /* The JSON's tree is kept: the rule's names and strings are its text. */
    r.cx = (casc_mtree_ctx){keep, src, d, 0, MAX_JSON_DEPTH};
    r.mf = (casc_mf){&r.cx, 0};
    if (src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0)
        r.cx.base = 3; /* a UTF-8 byte-order mark */
    size_t first = skip_blanks(src, r.cx.base);
    if (first == src->len) {
        casc_parse_error(&r.p, (casc_span){0, 0},
                         "the rule is empty: write a JSON condition such as {\"type\": \"And\", "
                         "\"conditions\": []} for every profile");
        return NULL;
    }
    size_t deep = casc_json_scan_nesting(src->text, src->len, MAX_JSON_DEPTH, NULL);
    if (deep < src->len) {
        casc_parse_error(&r.p, (casc_span){(uint32_t)deep, (uint32_t)deep + 1},
                         "the rule nests too deeply: JSON objects and arrays may be nested at "
                         "most %u deep",
                         (unsigned)MAX_JSON_DEPTH);
        return NULL;
    }
    uint32_t errors = d->nerrors;
    const casc_mnode *root = casc_model_json_tree(&r.cx);
    if (!root) {
        if (d->nerrors == errors)
            casc_parse_out_of_memory(&r.p);
        return NULL;
    }
    casc_node *n = casc_rj_condition(&r, root, false);
    if (!r.p.failed && (casc_arena_failed(arena) || casc_arena_failed(keep)))
        casc_parse_out_of_memory(&r.p);
    return r.p.failed ? NULL : n;
}
