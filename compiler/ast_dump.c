/* ast_dump.c - a one-line S-expression of a syntax tree (tests, debugging).
 *
 *   (and (= loyalty_tier 'Gold') (subject purchase (window last 30 day)))
 *
 * Bare names print as written, quoted names in double quotes; a negated
 * leaf prints with a leading `!` on its head, `(!= a 1)`, `(!in a (1 2))`. */
#include "ast.h"

#include <inttypes.h>

static void dump_name(casc_strbuf *o, const casc_name *n)
{
    if (n->quoted)
        casc_sb_printf(o, "\"%.*s\"", (int)n->len, n->text);
    else
        casc_sb_put(o, n->text, n->len);
}

static void dump_qname(casc_strbuf *o, const casc_qname *q)
{
    if (q->qualifier.len) {
        dump_name(o, &q->qualifier);
        casc_sb_putc(o, '.');
    }
    dump_name(o, &q->name);
}

static void dump_value(casc_strbuf *o, const casc_value *v)
{
    switch (v->kind) {
    case CASC_V_STRING: casc_sb_printf(o, "'%.*s'", (int)v->len, v->text); break;
    case CASC_V_BOOL: casc_sb_puts(o, v->boolean ? "true" : "false"); break;
    case CASC_V_NOW: casc_sb_puts(o, "now"); break;
    case CASC_V_TODAY: casc_sb_puts(o, "today"); break;
    case CASC_V_YESTERDAY: casc_sb_puts(o, "yesterday"); break;
    case CASC_V_AGO:
    case CASC_V_FROM_NOW:
        casc_sb_printf(o, "(%s %" PRId64 " %s)", v->kind == CASC_V_AGO ? "ago" : "from-now",
                       v->integer, casc_unit_name(v->unit));
        break;
    case CASC_V_DATE: casc_sb_printf(o, "(date %.*s)", (int)v->len, v->text); break;
    case CASC_V_TIMESTAMP: casc_sb_printf(o, "(timestamp %.*s)", (int)v->len, v->text); break;
    case CASC_V_NUMBER: casc_sb_put(o, v->text, v->len); break;
    }
}

static void dump_values(casc_strbuf *o, const casc_values *vs)
{
    casc_sb_putc(o, '(');
    for (uint32_t i = 0; i < vs->n; i++) {
        if (i)
            casc_sb_putc(o, ' ');
        dump_value(o, &vs->items[i]);
    }
    casc_sb_putc(o, ')');
}

static const char *const op_names[] = {
    [CASC_OP_EQ] = "=", [CASC_OP_LT] = "<",  [CASC_OP_LE] = "<=",
    [CASC_OP_GT] = ">", [CASC_OP_GE] = ">=", [CASC_OP_BETWEEN] = "between",
};

static void dump_window(casc_strbuf *o, const casc_window *w)
{
    static const char *const kinds[] = {
        [CASC_W_LAST_N] = "last", [CASC_W_NEXT_N] = "next-n", [CASC_W_THIS] = "this",
        [CASC_W_PREVIOUS] = "previous", [CASC_W_NEXT] = "next", [CASC_W_TODAY] = "today",
        [CASC_W_YESTERDAY] = "yesterday", [CASC_W_BETWEEN] = "between",
        [CASC_W_SINCE] = "since", [CASC_W_AFTER] = "after", [CASC_W_BEFORE] = "before",
    };
    casc_sb_printf(o, " (window %s", kinds[w->kind]);
    switch (w->kind) {
    case CASC_W_LAST_N:
    case CASC_W_NEXT_N:
        casc_sb_printf(o, " %" PRId64 " %s", w->count, casc_unit_name(w->unit));
        break;
    case CASC_W_THIS:
    case CASC_W_PREVIOUS:
    case CASC_W_NEXT: casc_sb_printf(o, " %s", casc_unit_name(w->unit)); break;
    case CASC_W_BETWEEN:
        casc_sb_putc(o, ' ');
        dump_value(o, &w->lo);
        casc_sb_putc(o, ' ');
        dump_value(o, &w->hi);
        break;
    case CASC_W_SINCE:
    case CASC_W_AFTER:
    case CASC_W_BEFORE:
        casc_sb_putc(o, ' ');
        dump_value(o, &w->lo);
        break;
    default: break;
    }
    casc_sb_putc(o, ')');
}

static void dump_measure(casc_strbuf *o, const casc_measure *m)
{
    static const char *const kinds[] = {
        [CASC_M_COUNT] = "count", [CASC_M_COUNT_DISTINCT] = "count-distinct",
        [CASC_M_SUM] = "sum",     [CASC_M_AVG] = "avg",
        [CASC_M_MIN] = "min",     [CASC_M_MAX] = "max",
    };
    casc_sb_printf(o, " (%s", kinds[m->kind]);
    if (m->kind != CASC_M_COUNT) {
        casc_sb_putc(o, ' ');
        dump_qname(o, &m->field);
    }
    casc_sb_printf(o, " %s%s ", m->negated ? "!" : "", op_names[m->op]);
    dump_value(o, &m->lo);
    if (m->op == CASC_OP_BETWEEN) {
        casc_sb_putc(o, ' ');
        dump_value(o, &m->hi);
    }
    casc_sb_putc(o, ')');
}

void casc_ast_dump(const casc_node *n, casc_strbuf *o)
{
    static const char *const match_names[] = {
        [CASC_MATCH_CONTAINS] = "contains", [CASC_MATCH_STARTS_WITH] = "starts-with",
        [CASC_MATCH_ENDS_WITH] = "ends-with", [CASC_MATCH_LIKE] = "like",
        [CASC_MATCH_MATCHES] = "matches",
    };
    const struct casc_leaf *l = &n->u.leaf;
    const char *neg = n->negated ? "!" : "";
    switch (n->kind) {
    case CASC_N_AND:
    case CASC_N_OR:
        casc_sb_puts(o, n->kind == CASC_N_AND ? "(and" : "(or");
        for (uint32_t i = 0; i < n->u.list.n; i++) {
            casc_sb_putc(o, ' ');
            casc_ast_dump(n->u.list.items[i], o);
        }
        casc_sb_putc(o, ')');
        return;
    case CASC_N_NOT:
        casc_sb_puts(o, "(not ");
        casc_ast_dump(n->u.child, o);
        casc_sb_putc(o, ')');
        return;
    case CASC_N_TRUE: casc_sb_puts(o, "true"); return;
    case CASC_N_FALSE: casc_sb_puts(o, "false"); return;
    case CASC_N_SEGMENT:
        casc_sb_puts(o, "(segment ");
        dump_value(o, &n->u.segment);
        casc_sb_putc(o, ')');
        return;
    case CASC_N_COMPARE: casc_sb_printf(o, "(%s%s ", neg, op_names[l->op]); break;
    case CASC_N_IN: casc_sb_printf(o, "(%sin ", neg); break;
    case CASC_N_BETWEEN: casc_sb_printf(o, "(%sbetween ", neg); break;
    case CASC_N_IS_NULL: casc_sb_printf(o, "(%sis-null ", neg); break;
    case CASC_N_IS_EMPTY: casc_sb_printf(o, "(%sis-empty ", neg); break;
    case CASC_N_MATCH: casc_sb_printf(o, "(%s%s ", neg, match_names[l->match]); break;
    case CASC_N_CONTAINS_SET:
        casc_sb_printf(o, "(%scontains-%s ", neg, l->all ? "all" : "any");
        break;
    case CASC_N_SUBJECT:
        casc_sb_puts(o, l->pick == CASC_PICK_FIRST  ? "(first "
                        : l->pick == CASC_PICK_LAST ? "(last "
                                                    : "(subject ");
        break;
    }
    dump_qname(o, &l->subject);
    switch (n->kind) {
    case CASC_N_COMPARE:
    case CASC_N_MATCH:
        casc_sb_putc(o, ' ');
        dump_value(o, &l->values.items[0]);
        break;
    case CASC_N_BETWEEN:
        casc_sb_putc(o, ' ');
        dump_value(o, &l->values.items[0]);
        casc_sb_putc(o, ' ');
        dump_value(o, &l->values.items[1]);
        break;
    case CASC_N_IN:
    case CASC_N_CONTAINS_SET:
        casc_sb_putc(o, ' ');
        dump_values(o, &l->values);
        break;
    case CASC_N_SUBJECT:
        if (l->filter) {
            casc_sb_puts(o, " (where ");
            casc_ast_dump(l->filter, o);
            casc_sb_putc(o, ')');
        }
        if (l->measure)
            dump_measure(o, l->measure);
        if (l->window)
            dump_window(o, l->window);
        break;
    default: break;
    }
    casc_sb_putc(o, ')');
}
