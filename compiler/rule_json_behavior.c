/* rule_json_behavior.c - a Value condition in the behavior shape:
 * leftValue.source names the behavior, with an aggregation, a filter and a
 * window (docs/rule-json.md). An aggregation that measures (Count, Sum,
 * ...) is compared by the operator and takes its window from
 * leftValue.window; without one, or with First or Last, the operator is the
 * window. Either way the result is the parser's SUBJECT node. */
#include "rule_json_internal.h"

/* The measure of aggregation a (of kind), without its comparison. */
static casc_measure *measure(casc_rj *r, const casc_mnode *a, casc_measure_kind kind)
{
    static const char *const keys[] = {"type", "column", "qualifier", "columnExact",
                                       "qualifierExact"};
    casc_qname field = {0};
    bool count = kind == CASC_M_COUNT;
    if (!casc_rj_keys(r, a, count ? "a Count aggregation" : "this aggregation", keys,
                      count ? 1 : 5) ||
        (!count && !casc_rj_qname(r, a, "column", &field)))
        return NULL;
    casc_token at = casc_rj_token(a);
    return casc_build_measure(&r->p, kind, at, count ? NULL : &field, at);
}

/* The comparison of m with a number: the operator op. */
static bool compare(casc_rj *r, const casc_mnode *op, casc_measure *m, bool *negated)
{
    casc_rj_op type;
    if (!casc_rj_operator(r, op, &type, negated))
        return false;
    if (type > CASC_RJ_BETWEEN) {
        casc_rj_error(r, casc_rj_get(op, "type"),
                      "an aggregation is compared with Equal, Greater, GreaterEqual, Less, "
                      "LessEqual or Between, not %s%s",
                      casc_rj_op_names[type],
                      type >= CASC_RJ_TIME_WITHIN_PAST ? " (its time window goes in "
                                                         "leftValue.window)"
                                                       : "");
        return false;
    }
    m->op = (casc_op)type;
    if (type == CASC_RJ_BETWEEN) {
        casc_value *lo = casc_rj_value_at(r, op, "minValue", CASC_RJ_NUMBER);
        casc_value *hi = lo ? casc_rj_value_at(r, op, "maxValue", CASC_RJ_NUMBER) : NULL;
        if (hi)
            m->lo = *lo, m->hi = *hi;
        return hi != NULL;
    }
    casc_value *v = casc_rj_value_at(r, op, "rightValue", CASC_RJ_NUMBER);
    if (v)
        m->lo = *v;
    return v != NULL;
}

/* The time window of the operator op (NULL: none); negated reports its
 * "not". */
static bool window(casc_rj *r, const casc_mnode *op, casc_window **out, bool *negated)
{
    casc_rj_op type;
    *out = NULL;
    if (!op)
        return true;
    if (!casc_rj_operator(r, op, &type, negated))
        return false;
    if (type < CASC_RJ_TIME_WITHIN_PAST) {
        casc_rj_error(r, casc_rj_get(op, "type"),
                      "a behavior without an aggregation, or with First or Last, takes a time "
                      "window such as TimeWithinPast as its operator, not %s (to compare, "
                      "aggregate it with Count, Sum, ...)",
                      casc_rj_op_names[type]);
        return false;
    }
    *out = casc_rj_window(r, op, type);
    return *out != NULL;
}

casc_node *casc_rj_behavior(casc_rj *r, const casc_mnode *c, const casc_mnode *left)
{
    static const char *const source_keys[] = {"name", "qualifier", "nameExact",
                                              "qualifierExact"};
    if (casc_rj_get(left, "name")) {
        casc_rj_error(r, casc_rj_get(left, "name"),
                      "give leftValue either 'name' or 'source', not both");
        return NULL;
    }
    const casc_mnode *source = casc_rj_want_kind(r, left, "source", CASC_MN_MAP, true);
    casc_qname q;
    if (!source || !casc_rj_keys(r, source, "a source", source_keys, 4) ||
        !casc_rj_qname(r, source, "name", &q))
        return NULL;

    const casc_mnode *a = casc_rj_want_kind(r, left, "aggregation", CASC_MN_MAP, false);
    int agg = a ? casc_rj_type(r, a, "aggregation", casc_rj_agg_names, CASC_RJ_NAGGS) : -1;
    static const char *const type_only[] = {"type"};
    casc_measure *m = NULL;
    if (agg >= CASC_RJ_FIRST && !casc_rj_keys(r, a, "a First or Last aggregation", type_only, 1))
        return NULL;
    if (agg >= 0 && agg < CASC_RJ_FIRST && !(m = measure(r, a, (casc_measure_kind)agg)))
        return NULL;
    casc_pick pick = agg == CASC_RJ_FIRST  ? CASC_PICK_FIRST
                     : agg == CASC_RJ_LAST ? CASC_PICK_LAST
                                           : CASC_PICK_NONE;

    const casc_mnode *f = casc_rj_get(left, "filter");
    casc_node *filter = f && !r->p.failed ? casc_rj_condition(r, f, true) : NULL;
    const casc_mnode *op = casc_rj_want_kind(r, c, "operator", CASC_MN_MAP, false);
    const casc_mnode *w = casc_rj_want_kind(r, left, "window", CASC_MN_MAP, false);
    if (r->p.failed)
        return NULL;
    bool negated = false, window_negated = false;
    casc_window *win = NULL;
    if (m) {
        if (!op) {
            casc_rj_error(r, c, "an aggregation is compared with a number: this condition "
                                "needs an 'operator' such as {\"type\": \"GreaterEqual\", "
                                "\"rightValue\": 1}");
            return NULL;
        }
        if (!compare(r, op, m, &negated) || !window(r, w, &win, &window_negated))
            return NULL;
        if (window_negated) {
            casc_rj_error(r, w, "a window cannot be negated: put \"not\": true on the operator "
                                "or \"exclude\": true on the condition");
            return NULL;
        }
    } else if (w) {
        casc_rj_error(r, w, "'window' goes with an aggregation such as Count; without one (or "
                            "with First or Last) the window is the condition's 'operator'");
        return NULL;
    } else if (!window(r, op, &win, &negated)) {
        return NULL;
    }
    casc_tail tail = {filter, m, win};
    casc_node *n = casc_build_subject(&r->p, pick, casc_rj_token(a ? a : c), &q, &tail);
    if (!n)
        return NULL;
    n->span = casc_rj_span(c);
    casc_node *leaf = n;
    n = negated ? casc_rj_negate(r, n, c) : n;
    casc_rj_settle_name(leaf);
    return n;
}
