/* ast.c - comparing and dumping syntax trees. */
#include "ast.h"

#include <string.h>

const char *casc_unit_name(casc_unit u)
{
    static const char *const names[] = {"minute", "hour", "day", "week", "month", "quarter",
                                        "year"};
    return names[u];
}

static bool text_equal(const char *a, uint32_t an, const char *b, uint32_t bn)
{
    return an == bn && (an == 0 || memcmp(a, b, an) == 0);
}

static bool name_equal(const casc_name *a, const casc_name *b)
{
    return a->quoted == b->quoted && text_equal(a->text, a->len, b->text, b->len);
}

static bool qname_equal(const casc_qname *a, const casc_qname *b)
{
    return name_equal(&a->qualifier, &b->qualifier) && name_equal(&a->name, &b->name);
}

static bool value_equal(const casc_value *a, const casc_value *b)
{
    if (a->kind != b->kind)
        return false;
    switch (a->kind) {
    case CASC_V_BOOL: return a->boolean == b->boolean;
    case CASC_V_NOW:
    case CASC_V_TODAY:
    case CASC_V_YESTERDAY: return true;
    case CASC_V_AGO:
    case CASC_V_FROM_NOW: return a->integer == b->integer && a->unit == b->unit;
    default: return text_equal(a->text, a->len, b->text, b->len);
    }
}

static bool values_equal(const casc_values *a, const casc_values *b)
{
    if (a->n != b->n)
        return false;
    for (uint32_t i = 0; i < a->n; i++)
        if (!value_equal(&a->items[i], &b->items[i]))
            return false;
    return true;
}

static bool window_equal(const casc_window *a, const casc_window *b)
{
    if (!a || !b)
        return a == b;
    if (a->kind != b->kind || a->count != b->count || a->unit != b->unit)
        return false;
    switch (a->kind) {
    case CASC_W_BETWEEN: return value_equal(&a->lo, &b->lo) && value_equal(&a->hi, &b->hi);
    case CASC_W_SINCE:
    case CASC_W_AFTER:
    case CASC_W_BEFORE: return value_equal(&a->lo, &b->lo);
    default: return true;
    }
}

static bool measure_equal(const casc_measure *a, const casc_measure *b)
{
    if (!a || !b)
        return a == b;
    return a->kind == b->kind && qname_equal(&a->field, &b->field) && a->op == b->op &&
           a->negated == b->negated && value_equal(&a->lo, &b->lo) &&
           (a->op != CASC_OP_BETWEEN || value_equal(&a->hi, &b->hi));
}

bool casc_ast_equal(const casc_node *a, const casc_node *b)
{
    /* Iterative along AND/OR chains' last item and NOT, recursive elsewhere
     * (bounded by CASC_MAX_DEPTH). */
    while (a && b) {
        if (a->kind != b->kind || a->negated != b->negated)
            return false;
        switch (a->kind) {
        case CASC_N_AND:
        case CASC_N_OR:
            if (a->u.list.n != b->u.list.n)
                return false;
            for (uint32_t i = 0; i < a->u.list.n; i++)
                if (!casc_ast_equal(a->u.list.items[i], b->u.list.items[i]))
                    return false;
            return true;
        case CASC_N_NOT:
            a = a->u.child;
            b = b->u.child;
            continue;
        case CASC_N_TRUE:
        case CASC_N_FALSE: return true;
        case CASC_N_SEGMENT: return value_equal(&a->u.segment, &b->u.segment);
        default: break;
        }
        const struct casc_leaf *x = &a->u.leaf, *y = &b->u.leaf;
        if (!qname_equal(&x->subject, &y->subject))
            return false;
        switch (a->kind) {
        case CASC_N_COMPARE: return x->op == y->op && values_equal(&x->values, &y->values);
        case CASC_N_IN:
        case CASC_N_BETWEEN: return values_equal(&x->values, &y->values);
        case CASC_N_MATCH: return x->match == y->match && values_equal(&x->values, &y->values);
        case CASC_N_CONTAINS_SET: return x->all == y->all && values_equal(&x->values, &y->values);
        case CASC_N_SUBJECT:
            return x->pick == y->pick && measure_equal(x->measure, y->measure) &&
                   window_equal(x->window, y->window) &&
                   (x->filter || y->filter ? x->filter && y->filter &&
                                                 casc_ast_equal(x->filter, y->filter)
                                           : true);
        default: return true; /* IS_NULL, IS_EMPTY */
        }
    }
    return a == b;
}
