/* rule_json_write.c - a syntax tree as a JSON rule (docs/rule-json.md):
 * conditions, names and operators. The inverse of the reader: reading
 * what is written gives the same tree. The JSON text itself (values,
 * windows, indentation) is written by rule_json_emit.c. */
#include "rule_json.h"
#include "rule_json_emit.h"

static void put_cond(casc_rj_out *o, const casc_node *n, bool exclude, bool in_filter);

static void put_type(casc_rj_out *o, const char *type, bool exclude)
{
    casc_rj_member_string(o, "type", type);
    if (exclude)
        casc_rj_member_bool(o, "exclude", true);
}

/* A name under key, with key + "Exact" when it is quoted but could be bare
 * (a name that cannot be bare is always read quoted; so is must_quote). */
static void put_name(casc_rj_out *o, const char *key, const char *exact_key, const casc_name *n,
                     bool must_quote)
{
    casc_rj_key(o, key);
    casc_rj_put_text(o, n->text, n->len);
    if (n->quoted && !must_quote && casc_rj_bare_name(n->text, n->len))
        casc_rj_member_bool(o, exact_key, true);
}

/* q, the name of leaf (NULL: of no leaf, the name of a measure's field). */
static void put_qname(casc_rj_out *o, bool column, const casc_qname *q, const casc_node *leaf)
{
    put_name(o, column ? "column" : "name", column ? "columnExact" : "nameExact", &q->name,
             leaf && casc_rj_quote_pick_word(leaf));
    if (q->qualifier.len)
        put_name(o, "qualifier", "qualifierExact", &q->qualifier, false);
}

static void put_values(casc_rj_out *o, const char *key, const casc_values *vs)
{
    casc_rj_key(o, key);
    casc_rj_open(o, '[');
    for (uint32_t i = 0; i < vs->n; i++) {
        casc_rj_item(o);
        casc_rj_put_value(o, &vs->items[i]);
    }
    casc_rj_close(o, ']');
}

static bool is_time(const casc_value *v)
{
    return v->kind >= CASC_V_DATE;
}

/* The operator of a leaf other than SUBJECT. */
static void put_operator(casc_rj_out *o, const casc_node *n, bool negated)
{
    const struct casc_leaf *l = &n->u.leaf;
    casc_rj_op type = CASC_RJ_IS_NULL;
    switch (n->kind) {
    case CASC_N_COMPARE: type = (casc_rj_op)l->op; break;
    case CASC_N_IN: type = CASC_RJ_IN; break;
    case CASC_N_BETWEEN: /* a time range reads back the same, and says what it is */
        type = is_time(&l->values.items[0]) || is_time(&l->values.items[1]) ? CASC_RJ_TIME_RANGE
                                                                           : CASC_RJ_BETWEEN;
        break;
    case CASC_N_IS_EMPTY: type = CASC_RJ_IS_EMPTY; break;
    case CASC_N_MATCH: type = (casc_rj_op)(CASC_RJ_CONTAIN + (int)l->match); break;
    case CASC_N_CONTAINS_SET: type = l->all ? CASC_RJ_CONTAIN_ALL : CASC_RJ_CONTAIN_ANY; break;
    default: break; /* IS_NULL */
    }
    casc_rj_key(o, "operator");
    casc_rj_open(o, '{');
    casc_rj_member_string(o, "type", casc_rj_op_names[type]);
    casc_rj_member_bool(o, "not", negated || n->negated);
    switch (n->kind) {
    case CASC_N_COMPARE:
    case CASC_N_MATCH: casc_rj_member_value(o, "rightValue", &l->values.items[0]); break;
    case CASC_N_BETWEEN:
        casc_rj_member_value(o, "minValue", &l->values.items[0]);
        casc_rj_member_value(o, "maxValue", &l->values.items[1]);
        break;
    case CASC_N_IN:
    case CASC_N_CONTAINS_SET: put_values(o, "rightValues", &l->values); break;
    default: break;
    }
    casc_rj_close(o, '}');
}

static void put_measure_operator(casc_rj_out *o, const casc_measure *m, bool negated)
{
    casc_rj_key(o, "operator");
    casc_rj_open(o, '{');
    casc_rj_member_string(o, "type", casc_rj_op_names[m->op]);
    casc_rj_member_bool(o, "not", negated || m->negated);
    if (m->op == CASC_OP_BETWEEN) {
        casc_rj_member_value(o, "minValue", &m->lo);
        casc_rj_member_value(o, "maxValue", &m->hi);
    } else {
        casc_rj_member_value(o, "rightValue", &m->lo);
    }
    casc_rj_close(o, '}');
}

/* An And group of n alone, which reads as n. */
static void put_group_of_one(casc_rj_out *o, const casc_node *n, bool exclude, bool in_filter)
{
    casc_rj_open(o, '{');
    put_type(o, "And", exclude);
    casc_rj_key(o, "conditions");
    casc_rj_open(o, '[');
    casc_rj_item(o);
    put_cond(o, n, false, in_filter);
    casc_rj_close(o, ']');
    casc_rj_close(o, '}');
}

static bool is_group(const casc_node *n)
{
    return n->kind == CASC_N_AND || n->kind == CASC_N_OR || n->kind == CASC_N_TRUE ||
           n->kind == CASC_N_FALSE;
}

/* A filter, or the whole rule: always a group, as Audience Studio writes
 * them. */
static void put_group_of(casc_rj_out *o, const casc_node *n, bool in_filter)
{
    if (is_group(n))
        put_cond(o, n, false, in_filter);
    else
        put_group_of_one(o, n, false, in_filter);
}

/* leftValue of a behavior with a pick, filter or measure. */
static void put_behavior(casc_rj_out *o, const casc_node *n)
{
    const struct casc_leaf *l = &n->u.leaf;
    casc_rj_key(o, "leftValue");
    casc_rj_open(o, '{');
    casc_rj_key(o, "source");
    casc_rj_open(o, '{');
    put_qname(o, false, &l->subject, n);
    casc_rj_close(o, '}');
    if (l->pick != CASC_PICK_NONE || l->measure) {
        casc_rj_key(o, "aggregation");
        casc_rj_open(o, '{');
        int agg = l->measure ? (int)l->measure->kind
                  : l->pick == CASC_PICK_FIRST ? CASC_RJ_FIRST
                                               : CASC_RJ_LAST;
        casc_rj_member_string(o, "type", casc_rj_agg_names[agg]);
        if (l->measure && l->measure->kind != CASC_M_COUNT)
            put_qname(o, true, &l->measure->field, NULL);
        casc_rj_close(o, '}');
    }
    if (l->filter) {
        casc_rj_key(o, "filter");
        put_group_of(o, l->filter, true);
    }
    if (l->measure && l->window) {
        casc_rj_key(o, "window");
        casc_rj_put_window(o, l->window, false);
    }
    casc_rj_close(o, '}');
}

/* A leaf (negated: with "not": true on an operator that has no negative
 * spelling, which reads back as NOT around the leaf). */
static void put_leaf(casc_rj_out *o, const casc_node *n, bool negated, bool exclude,
                     bool in_filter)
{
    const struct casc_leaf *l = &n->u.leaf;
    bool behavior = n->kind == CASC_N_SUBJECT &&
                    (l->pick != CASC_PICK_NONE || l->filter || l->measure);
    bool column = in_filter && !behavior;
    casc_rj_open(o, '{');
    put_type(o, column ? "Column" : "Value", exclude);
    if (behavior) {
        put_behavior(o, n);
    } else if (column) {
        put_qname(o, true, &l->subject, n);
    } else {
        casc_rj_key(o, "leftValue");
        casc_rj_open(o, '{');
        put_qname(o, false, &l->subject, n);
        casc_rj_close(o, '}');
    }
    if (n->kind != CASC_N_SUBJECT) {
        put_operator(o, n, negated);
    } else if (l->measure) {
        put_measure_operator(o, l->measure, negated);
    } else if (l->window) {
        casc_rj_key(o, "operator");
        casc_rj_put_window(o, l->window, negated);
    }
    casc_rj_close(o, '}');
}

static void put_segment(casc_rj_out *o, const casc_node *n, bool negated, bool exclude)
{
    casc_rj_open(o, '{');
    put_type(o, negated ? "Exclude" : "Include", exclude);
    casc_rj_key(o, "segment");
    casc_rj_put_text(o, n->u.segment.text, n->u.segment.len);
    casc_rj_close(o, '}');
}

/* Whether the JSON of leaf n has an operator whose "not" reads as NOT. */
static bool negates_by_operator(const casc_node *n)
{
    switch (n->kind) {
    case CASC_N_COMPARE: return !casc_rj_has_negative(n);
    case CASC_N_SUBJECT:
        return (n->u.leaf.measure || n->u.leaf.window) && !casc_rj_has_negative(n);
    default: return false;
    }
}

/* NOT n's child, with "exclude": true when exclude (NOT around it). */
static void put_not(casc_rj_out *o, const casc_node *n, bool exclude, bool in_filter)
{
    const casc_node *c = n->u.child;
    if (c->kind == CASC_N_SEGMENT)
        put_segment(o, c, true, exclude);
    else if (negates_by_operator(c))
        put_leaf(o, c, true, exclude, in_filter);
    else if (!exclude)
        put_cond(o, c, true, in_filter);
    else /* NOT around something excluded: a group of one carries it */
        put_group_of_one(o, n, true, in_filter);
}

/* n, with "exclude": true when exclude (NOT around it). */
static void put_cond(casc_rj_out *o, const casc_node *n, bool exclude, bool in_filter)
{
    bool chain = n->kind == CASC_N_AND || n->kind == CASC_N_OR;
    if (is_group(n)) {
        casc_rj_open(o, '{');
        put_type(o, n->kind == CASC_N_OR || n->kind == CASC_N_FALSE ? "Or" : "And", exclude);
        casc_rj_key(o, "conditions");
        casc_rj_open(o, '[');
        for (uint32_t i = 0; chain && i < n->u.list.n; i++) {
            casc_rj_item(o);
            put_cond(o, n->u.list.items[i], false, in_filter);
        }
        casc_rj_close(o, ']');
        casc_rj_close(o, '}');
    } else if (n->kind == CASC_N_SEGMENT) {
        put_segment(o, n, false, exclude);
    } else if (n->kind == CASC_N_NOT) {
        put_not(o, n, exclude, in_filter);
    } else {
        put_leaf(o, n, false, exclude, in_filter);
    }
}

void casc_rule_to_json(const casc_node *rule, casc_strbuf *out)
{
    casc_rj_out o = {out, 0, true};
    put_group_of(&o, rule, false);
}
