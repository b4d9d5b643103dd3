/* rule_json_leaf.c - Value and Column conditions on a name: an attribute
 * (or field) compared by its operator, or a name with a time window
 * (docs/rule-json.md). The behavior shape is in rule_json_behavior.c. */
#include <stdio.h>
#include <string.h>

#include "rule_json_internal.h"

static const casc_token NO_TOKEN = {0, 0};

/* The keys of each operator type besides type and not. */
static uint32_t operator_keys(casc_rj_op type, const char *keys[4])
{
    static const char *const one[] = {"rightValue"}, *const many[] = {"rightValues"},
                             *const both[] = {"rightValue", "rightValues"},
                             *const range[] = {"minValue", "maxValue"},
                             *const count[] = {"value", "unit"},
                             *const calendar[] = {"period", "unit"};
    const char *const *extra = NULL;
    uint32_t n = 0;
    switch (type) {
    case CASC_RJ_BETWEEN:
    case CASC_RJ_TIME_RANGE: extra = range, n = 2; break;
    case CASC_RJ_IN:
    case CASC_RJ_CONTAIN_ANY:
    case CASC_RJ_CONTAIN_ALL: extra = many, n = 1; break;
    case CASC_RJ_IS_NULL:
    case CASC_RJ_IS_EMPTY:
    case CASC_RJ_TIME_TODAY:
    case CASC_RJ_TIME_YESTERDAY: break;
    case CASC_RJ_TIME_WITHIN_PAST:
    case CASC_RJ_TIME_WITHIN_NEXT: extra = count, n = 2; break;
    case CASC_RJ_TIME_CALENDAR: extra = calendar, n = 2; break;
    default:
        if (type >= CASC_RJ_CONTAIN && type <= CASC_RJ_REGEXP)
            extra = both, n = 2;
        else /* comparisons, TimeAfter, TimeBefore */
            extra = one, n = 1;
        break;
    }
    keys[0] = "type";
    keys[1] = "not";
    for (uint32_t i = 0; i < n; i++)
        keys[2 + i] = extra[i];
    return 2 + n;
}

bool casc_rj_operator(casc_rj *r, const casc_mnode *op, casc_rj_op *type, bool *not_)
{
    /* Some tools write NotEqual, NotIn (Treasure Data's tdx): say how to. */
    const casc_mnode *t = casc_rj_get(op, "type");
    if (t && t->kind == CASC_MN_STRING && strncmp(t->text, "Not", 3) == 0)
        for (int i = 0; i < CASC_RJ_NOPS; i++)
            if (strcmp(t->text + 3, casc_rj_op_names[i]) == 0) {
                casc_rj_error(r, t, "write {\"type\": \"%s\", \"not\": true} for '%s'",
                              casc_rj_op_names[i], t->text);
                return false;
            }
    int k = casc_rj_type(r, op, "operator", casc_rj_op_names, CASC_RJ_NOPS);
    if (k < 0)
        return false;
    *type = (casc_rj_op)k;
    const char *keys[4];
    char what[40];
    snprintf(what, sizeof what, "%s %s operator", casc_rj_article(casc_rj_op_names[k]),
             casc_rj_op_names[k]);
    if (!casc_rj_keys(r, op, what, keys, operator_keys(*type, keys)))
        return false;
    *not_ = casc_rj_flag(r, op, "not");
    return !r->p.failed;
}

void casc_rj_settle_name(casc_node *n)
{
    if (casc_rj_quote_pick_word(n))
        n->u.leaf.subject.name.quoted = true;
}

casc_node *casc_rj_negate(casc_rj *r, casc_node *n, const casc_mnode *at)
{
    if (!casc_rj_has_negative(n))
        return casc_build_not(&r->p, casc_rj_token(at), n);
    if (n->kind == CASC_N_SUBJECT)
        n->u.leaf.measure->negated = true;
    else
        n->negated = true;
    return n;
}

/* Contain, StartWith, EndWith, Like, Regexp: with several values, as
 * Audience Studio writes them, any of them matches (with "not", none). */
static casc_node *matches(casc_rj *r, const casc_mnode *c, const casc_qname *q,
                          const casc_mnode *op, casc_rj_op type, bool negated)
{
    int match = (int)(type - CASC_RJ_CONTAIN) | (negated ? CASC_CMP_NE : 0);
    casc_qname name = *q;
    if (!casc_rj_get(op, "rightValues")) {
        casc_value *v = casc_rj_value_at(r, op, "rightValue", CASC_RJ_ANY);
        return casc_build_match(&r->p, &name, match, v);
    }
    if (casc_rj_lookup(op, "rightValue")) {
        casc_rj_error(r, op, "give 'rightValue' or 'rightValues', not both");
        return NULL;
    }
    casc_values *vs = casc_rj_values(r, op, "rightValues");
    casc_node *chain = NULL;
    for (uint32_t i = 0; vs && i < vs->n; i++) {
        casc_node *m = casc_build_match(&r->p, &name, match, &vs->items[i]);
        if (m) {
            m->span = casc_rj_span(c);
            casc_rj_settle_name(m);
        }
        chain = chain && m ? casc_build_chain(&r->p, negated ? CASC_N_AND : CASC_N_OR, chain, m)
                           : m;
        if (!chain)
            return NULL;
    }
    return chain;
}

/* The leaf of q with the operator op of condition c. */
static casc_node *on_name(casc_rj *r, const casc_mnode *c, casc_qname *q, const casc_mnode *op)
{
    casc_rj_op type;
    bool negated;
    if (!casc_rj_operator(r, op, &type, &negated))
        return NULL;
    casc_token end = casc_rj_token(op);
    casc_node *n = NULL;
    if (type >= CASC_RJ_TIME_WITHIN_PAST) {
        casc_window *w = casc_rj_window(r, op, type);
        casc_tail tail = {NULL, NULL, w};
        n = w ? casc_build_subject(&r->p, CASC_PICK_NONE, NO_TOKEN, q, &tail) : NULL;
    } else if (type <= CASC_RJ_GREATER_EQUAL) {
        casc_value *v = casc_rj_value_at(r, op, "rightValue", CASC_RJ_ANY);
        n = casc_build_compare(&r->p, q, (int)type, v);
    } else if (type == CASC_RJ_BETWEEN) {
        if (!casc_rj_lookup(op, "minValue") || !casc_rj_lookup(op, "maxValue")) {
            casc_rj_error(r, op, "a Between needs both 'minValue' and 'maxValue' (for one "
                                 "bound, use GreaterEqual or LessEqual)");
            return NULL;
        }
        casc_value *lo = casc_rj_value_at(r, op, "minValue", CASC_RJ_ANY);
        casc_value *hi = lo ? casc_rj_value_at(r, op, "maxValue", CASC_RJ_ANY) : NULL;
        n = casc_build_between(&r->p, q, false, lo, hi);
    } else if (type == CASC_RJ_IS_NULL || type == CASC_RJ_IS_EMPTY) {
        n = casc_build_is(&r->p, q, type == CASC_RJ_IS_NULL ? CASC_N_IS_NULL : CASC_N_IS_EMPTY,
                          false, end);
    } else if (type >= CASC_RJ_CONTAIN && type <= CASC_RJ_REGEXP) {
        n = matches(r, c, q, op, type, negated);
        negated = false; /* done there */
    } else { /* In, ContainAny, ContainAll */
        casc_values *vs = casc_rj_values(r, op, "rightValues");
        n = type == CASC_RJ_IN
                ? casc_build_in(&r->p, q, false, vs, end)
                : casc_build_contains_set(&r->p, q, type == CASC_RJ_CONTAIN_ALL, false, vs, end);
    }
    if (!n)
        return NULL;
    n->span = casc_rj_span(c);
    casc_node *leaf = n;
    n = negated ? casc_rj_negate(r, n, c) : n;
    if (leaf->kind != CASC_N_OR && leaf->kind != CASC_N_AND) /* a chain of matches: done */
        casc_rj_settle_name(leaf);
    return n;
}

casc_node *casc_rj_leaf(casc_rj *r, const casc_mnode *c, bool column)
{
    static const char *const value_keys[] = {"type", "exclude", "leftValue", "operator"};
    static const char *const column_keys[] = {"type",      "exclude",     "column",
                                              "qualifier", "columnExact", "qualifierExact",
                                              "operator"};
    static const char *const left_keys[] = {"name",   "qualifier",   "nameExact", "qualifierExact",
                                            "source", "aggregation", "filter",    "window"};
    casc_qname q;
    if (column) {
        if (!casc_rj_keys(r, c, "a Column condition", column_keys, 7) ||
            !casc_rj_qname(r, c, "column", &q))
            return NULL;
    } else {
        const casc_mnode *left;
        if (!casc_rj_keys(r, c, "a Value condition", value_keys, 4) ||
            !(left = casc_rj_want_kind(r, c, "leftValue", CASC_MN_MAP, true)) ||
            !casc_rj_keys(r, left, "a leftValue", left_keys, 8))
            return NULL;
        if (casc_rj_get(left, "source"))
            return casc_rj_behavior(r, c, left);
        for (uint32_t i = 5; i < 8; i++)
            if (casc_rj_get(left, left_keys[i])) {
                casc_rj_error(r, casc_rj_get(left, left_keys[i]),
                              "'%s' is part of a behavior: name it with 'source' instead of "
                              "'name'",
                              left_keys[i]);
                return NULL;
            }
        if (!casc_rj_get(left, "name")) {
            casc_rj_error(r, left, "a leftValue needs 'name' (an attribute) or 'source' (a "
                                   "behavior)");
            return NULL;
        }
        if (!casc_rj_qname(r, left, "name", &q))
            return NULL;
    }
    const casc_mnode *op = casc_rj_want_kind(r, c, "operator", CASC_MN_MAP, false);
    if (r->p.failed)
        return NULL;
    if (op)
        return on_name(r, c, &q, op);
    casc_node *n = casc_build_subject(&r->p, CASC_PICK_NONE, NO_TOKEN, &q, NULL);
    if (n)
        n->span = casc_rj_span(c); /* alone, `first` and `last` are names */
    return n;
}
