/* fmt.c - canonical formatting of a rule. */
#include "fmt.h"

#include <inttypes.h>
#include <string.h>

enum { INDENT = 4, MAX_INDENT = 40 };
/* Binding strength; PREC_PARENS is more than anything has, so an operand
 * that asks for it is always parenthesized. */
enum { PREC_OR = 1, PREC_AND = 2, PREC_NOT = 3, PREC_LEAF = 4, PREC_PARENS = 5 };

/* A printer that gives up once its output passes a length limit, so that
 * "does this fit on the line?" costs no more than the line itself. */
typedef struct printer {
    casc_strbuf *out;
    size_t limit; /* stop after out->len passes this; SIZE_MAX: never */
} printer;

static bool over(const printer *p)
{
    return p->out->len > p->limit || p->out->failed;
}

static int prec(const casc_node *n)
{
    switch (n->kind) {
    case CASC_N_OR: return PREC_OR;
    case CASC_N_AND: return PREC_AND;
    case CASC_N_NOT: return PREC_NOT;
    default: return PREC_LEAF;
    }
}

static void put_name(printer *p, const casc_name *n)
{
    if (!n->quoted) {
        casc_sb_put(p->out, n->text, n->len);
        return;
    }
    casc_sb_putc(p->out, '"');
    for (uint32_t i = 0; i < n->len; i++) {
        if (n->text[i] == '"')
            casc_sb_putc(p->out, '"');
        casc_sb_putc(p->out, n->text[i]);
    }
    casc_sb_putc(p->out, '"');
}

static void put_qname(printer *p, const casc_qname *q)
{
    if (q->qualifier.len) {
        put_name(p, &q->qualifier);
        casc_sb_putc(p->out, '.');
    }
    put_name(p, &q->name);
}

static void put_units(printer *p, int64_t n, casc_unit u)
{
    casc_sb_printf(p->out, "%" PRId64 " %s%s", n, casc_unit_name(u), n == 1 ? "" : "s");
}

static void put_value(printer *p, const casc_value *v)
{
    switch (v->kind) {
    case CASC_V_STRING:
        casc_sb_putc(p->out, '\'');
        for (uint32_t i = 0; i < v->len; i++) {
            if (v->text[i] == '\'')
                casc_sb_putc(p->out, '\'');
            casc_sb_putc(p->out, v->text[i]);
        }
        casc_sb_putc(p->out, '\'');
        break;
    case CASC_V_BOOL: casc_sb_puts(p->out, v->boolean ? "true" : "false"); break;
    case CASC_V_NOW: casc_sb_puts(p->out, "now"); break;
    case CASC_V_TODAY: casc_sb_puts(p->out, "today"); break;
    case CASC_V_YESTERDAY: casc_sb_puts(p->out, "yesterday"); break;
    case CASC_V_AGO:
        put_units(p, v->integer, v->unit);
        casc_sb_puts(p->out, " ago");
        break;
    case CASC_V_FROM_NOW:
        put_units(p, v->integer, v->unit);
        casc_sb_puts(p->out, " from now");
        break;
    default: /* NUMBER, DATE, TIMESTAMP: as written */
        casc_sb_put(p->out, v->text, v->len);
        break;
    }
}

static void put_values(printer *p, const casc_values *vs)
{
    casc_sb_putc(p->out, '(');
    for (uint32_t i = 0; i < vs->n && !over(p); i++) {
        if (i)
            casc_sb_puts(p->out, ", ");
        put_value(p, &vs->items[i]);
    }
    casc_sb_putc(p->out, ')');
}

static const char *const op_text[] = {
    [CASC_OP_EQ] = "=", [CASC_OP_LT] = "<", [CASC_OP_LE] = "<=",
    [CASC_OP_GT] = ">", [CASC_OP_GE] = ">=",
};

static void put_measure(printer *p, const casc_measure *m)
{
    static const char *const words[] = {
        [CASC_M_COUNT] = "count", [CASC_M_COUNT_DISTINCT] = "count distinct",
        [CASC_M_SUM] = "sum",     [CASC_M_AVG] = "avg",
        [CASC_M_MIN] = "min",     [CASC_M_MAX] = "max",
    };
    casc_sb_puts(p->out, words[m->kind]);
    if (m->kind != CASC_M_COUNT) {
        casc_sb_putc(p->out, '(');
        put_qname(p, &m->field);
        casc_sb_putc(p->out, ')');
    }
    if (m->op == CASC_OP_BETWEEN) {
        casc_sb_puts(p->out, " between ");
        put_value(p, &m->lo);
        casc_sb_puts(p->out, " and ");
        put_value(p, &m->hi);
        return;
    }
    casc_sb_printf(p->out, " %s ", m->negated ? "!=" : op_text[m->op]);
    put_value(p, &m->lo);
}

static void put_window(printer *p, const casc_window *w)
{
    static const char *const lead[] = {
        [CASC_W_LAST_N] = "in last ", [CASC_W_NEXT_N] = "in next ", [CASC_W_THIS] = "this ",
        [CASC_W_PREVIOUS] = "previous ", [CASC_W_NEXT] = "next ", [CASC_W_TODAY] = "today",
        [CASC_W_YESTERDAY] = "yesterday", [CASC_W_BETWEEN] = "between ",
        [CASC_W_SINCE] = "since ", [CASC_W_AFTER] = "after ", [CASC_W_BEFORE] = "before ",
    };
    casc_sb_puts(p->out, lead[w->kind]);
    switch (w->kind) {
    case CASC_W_LAST_N:
    case CASC_W_NEXT_N: put_units(p, w->count, w->unit); break;
    case CASC_W_THIS:
    case CASC_W_PREVIOUS:
    case CASC_W_NEXT: casc_sb_puts(p->out, casc_unit_name(w->unit)); break;
    case CASC_W_BETWEEN:
        put_value(p, &w->lo);
        casc_sb_puts(p->out, " and ");
        put_value(p, &w->hi);
        break;
    case CASC_W_SINCE:
    case CASC_W_AFTER:
    case CASC_W_BEFORE: put_value(p, &w->lo); break;
    default: break;
    }
}

static void put_expr(printer *p, const casc_node *n, int min_prec);


/* One comparison on a name: a filter that needs no parentheses. */
static bool is_comparison(const casc_node *f)
{
    switch (f->kind) {
    case CASC_N_COMPARE:
    case CASC_N_IN:
    case CASC_N_BETWEEN:
    case CASC_N_IS_NULL:
    case CASC_N_IS_EMPTY:
    case CASC_N_MATCH:
    case CASC_N_CONTAINS_SET: return true;
    default: return false;
    }
}

/* `not (a = 1)`, not `not a = 1`, which reads as if `not a` were compared;
 * but `not purchase in last 7 days`, `not in segment 'VIP'`. */
static int not_operand_prec(const casc_node *operand)
{
    return is_comparison(operand) ? PREC_PARENS : PREC_NOT;
}

static void put_leaf(printer *p, const casc_node *n)
{
    const struct casc_leaf *l = &n->u.leaf;
    static const char *const match_words[] = {
        [CASC_MATCH_CONTAINS] = "contains", [CASC_MATCH_STARTS_WITH] = "starts with",
        [CASC_MATCH_ENDS_WITH] = "ends with", [CASC_MATCH_LIKE] = "like",
        [CASC_MATCH_MATCHES] = "matches",
    };
    const char *neg = n->negated ? " not" : "";
    put_qname(p, &l->subject);
    switch (n->kind) {
    case CASC_N_COMPARE:
        casc_sb_printf(p->out, " %s ", n->negated ? "!=" : op_text[l->op]);
        put_value(p, &l->values.items[0]);
        break;
    case CASC_N_IN:
        casc_sb_printf(p->out, "%s in ", neg);
        put_values(p, &l->values);
        break;
    case CASC_N_BETWEEN:
        casc_sb_printf(p->out, "%s between ", neg);
        put_value(p, &l->values.items[0]);
        casc_sb_puts(p->out, " and ");
        put_value(p, &l->values.items[1]);
        break;
    case CASC_N_IS_NULL: casc_sb_printf(p->out, " is%s null", neg); break;
    case CASC_N_IS_EMPTY: casc_sb_printf(p->out, " is%s empty", neg); break;
    case CASC_N_MATCH:
        casc_sb_printf(p->out, "%s %s ", neg, match_words[l->match]);
        put_value(p, &l->values.items[0]);
        break;
    case CASC_N_CONTAINS_SET:
        casc_sb_printf(p->out, "%s contains %s ", neg, l->all ? "all" : "any");
        put_values(p, &l->values);
        break;
    default: break;
    }
}

/* `first purchase`: a behavior condition up to its filter. */
static void put_subject_head(printer *p, const casc_node *n)
{
    if (n->u.leaf.pick != CASC_PICK_NONE)
        casc_sb_puts(p->out, n->u.leaf.pick == CASC_PICK_FIRST ? "first " : "last ");
    put_qname(p, &n->u.leaf.subject);
}

/* ` count > 3 in last 30 days`: the clauses after the filter. */
static void put_subject_clauses(printer *p, const casc_node *n)
{
    if (n->u.leaf.measure) {
        casc_sb_putc(p->out, ' ');
        put_measure(p, n->u.leaf.measure);
    }
    if (n->u.leaf.window) {
        casc_sb_putc(p->out, ' ');
        put_window(p, n->u.leaf.window);
    }
}

static void put_subject(printer *p, const casc_node *n)
{
    const casc_node *f = n->u.leaf.filter;
    put_subject_head(p, n);
    if (f) {
        casc_sb_puts(p->out, " where ");
        if (is_comparison(f)) {
            put_leaf(p, f);
        } else {
            casc_sb_putc(p->out, '(');
            put_expr(p, f, PREC_OR);
            casc_sb_putc(p->out, ')');
        }
    }
    put_subject_clauses(p, n);
}

static void put_expr(printer *p, const casc_node *n, int min_prec)
{
    if (over(p))
        return;
    bool parens = prec(n) < min_prec;
    if (parens)
        casc_sb_putc(p->out, '(');
    switch (n->kind) {
    case CASC_N_AND:
    case CASC_N_OR:
        for (uint32_t i = 0; i < n->u.list.n && !over(p); i++) {
            if (i)
                casc_sb_puts(p->out, n->kind == CASC_N_AND ? " and " : " or ");
            put_expr(p, n->u.list.items[i], prec(n) + 1);
        }
        break;
    case CASC_N_NOT:
        casc_sb_puts(p->out, "not ");
        put_expr(p, n->u.child, not_operand_prec(n->u.child));
        break;
    case CASC_N_TRUE: casc_sb_puts(p->out, "true"); break;
    case CASC_N_FALSE: casc_sb_puts(p->out, "false"); break;
    case CASC_N_SEGMENT:
        casc_sb_puts(p->out, "in segment ");
        put_value(p, &n->u.segment);
        break;
    case CASC_N_SUBJECT: put_subject(p, n); break;
    default: put_leaf(p, n); break;
    }
    if (parens)
        casc_sb_putc(p->out, ')');
}

/* Does n, parenthesized or not, fit in width columns? (Memory running out
 * while measuring fails out, the text being written.) */
static bool fits(casc_strbuf *out, const casc_node *n, int min_prec, size_t width)
{
    casc_strbuf tmp = CASC_STRBUF_INIT;
    printer p = {&tmp, width};
    put_expr(&p, n, min_prec);
    bool ok = !over(&p);
    out->failed |= tmp.failed;
    casc_sb_free(&tmp);
    return ok;
}

static void put_line(casc_strbuf *out, const casc_node *n, int min_prec)
{
    printer p = {out, SIZE_MAX};
    put_expr(&p, n, min_prec);
}

/* Columns left for an item starting at column `lead`; never fewer than 20,
 * so deep nesting still gets a line of its own. */
static size_t room(size_t lead)
{
    return lead + 20 < CASC_FMT_WIDTH ? CASC_FMT_WIDTH - lead : 20;
}

/* Indentation of the next level. It stops growing at MAX_INDENT, so a rule
 * nested a thousand deep formats to text of about its own size. */
static size_t deeper(size_t indent)
{
    return indent + INDENT <= MAX_INDENT ? indent + INDENT : indent;
}

static void newline(casc_strbuf *out, size_t indent)
{
    casc_sb_putc(out, '\n');
    casc_sb_repeat(out, ' ', indent);
}

static void put_item(casc_strbuf *out, const casc_node *n, int min_prec, size_t indent,
                     size_t lead);

/* One chain item per line, the operator leading. */
static void put_block(casc_strbuf *out, const casc_node *n, size_t indent)
{
    const char *op = n->kind == CASC_N_AND ? "and " : "or ";
    for (uint32_t i = 0; i < n->u.list.n; i++) {
        size_t lead = indent;
        if (i) {
            newline(out, indent);
            casc_sb_puts(out, op);
            lead += strlen(op);
        }
        put_item(out, n->u.list.items[i], prec(n) + 1, indent, lead);
    }
}

/* `(`, then n as a block one level deeper, then `)` on a line of its own. */
static void put_paren_block(casc_strbuf *out, const casc_node *n, size_t indent)
{
    casc_sb_putc(out, '(');
    newline(out, deeper(indent));
    if (n->kind == CASC_N_AND || n->kind == CASC_N_OR)
        put_block(out, n, deeper(indent));
    else
        put_item(out, n, PREC_OR, deeper(indent), deeper(indent));
    newline(out, indent);
    casc_sb_putc(out, ')');
}

/* n at column `lead` of a line indented by `indent`: on that line when it
 * fits, else broken at its chains, `not (...)` and `where (...)`. */
static void put_item(casc_strbuf *out, const casc_node *n, int min_prec, size_t indent,
                     size_t lead)
{
    if (fits(out, n, min_prec, room(lead))) {
        put_line(out, n, min_prec);
        return;
    }
    switch (n->kind) {
    case CASC_N_AND:
    case CASC_N_OR:
        /* A chain inside another (or under `not`) gets its own block, even
         * where precedence alone would need no parentheses. */
        if (min_prec > PREC_OR)
            put_paren_block(out, n, indent);
        else
            put_block(out, n, indent);
        return;
    case CASC_N_NOT:
        casc_sb_puts(out, "not ");
        put_item(out, n->u.child, not_operand_prec(n->u.child), indent, lead + 4);
        return;
    case CASC_N_SUBJECT:
        if (n->u.leaf.filter && !is_comparison(n->u.leaf.filter)) {
            printer p = {out, SIZE_MAX};
            put_subject_head(&p, n);
            casc_sb_puts(out, " where ");
            put_paren_block(out, n->u.leaf.filter, indent);
            put_subject_clauses(&p, n);
            return;
        }
        break;
    default: break;
    }
    put_line(out, n, min_prec);
}

void casc_fmt(const casc_node *rule, casc_strbuf *out)
{
    put_item(out, rule, PREC_OR, 0, 0);
}
