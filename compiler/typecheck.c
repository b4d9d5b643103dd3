/* typecheck.c - operator and literal typing rules of spec §3-§5; the table
 * is in docs/names-and-types.md. */
#include "typecheck.h"

#include <string.h>

#include "strbuf.h"
#include "timelit.h"

/* A literal is quoted in a message as written, up to this many bytes. */
enum { MAX_SHOWN = 24 };

const char *casc_type_phrase(casc_type t)
{
    switch (t) {
    case CASC_TYPE_STRING: return "a string";
    case CASC_TYPE_INTEGER: return "an integer";
    case CASC_TYPE_NUMBER: return "a number";
    case CASC_TYPE_BOOLEAN: return "a boolean";
    case CASC_TYPE_DATE: return "a date";
    case CASC_TYPE_TIMESTAMP: return "a timestamp";
    case CASC_TYPE_STRING_ARRAY: return "a string_array";
    case CASC_TYPE_NUMBER_ARRAY: return "a number_array";
    }
    return "a value";
}

/* Array elements are strings or numbers. */
static const char *plural_phrase(casc_type t)
{
    return t == CASC_TYPE_STRING ? "strings" : "numbers";
}

bool casc_type_is_time(casc_type t)
{
    return t == CASC_TYPE_DATE || t == CASC_TYPE_TIMESTAMP;
}

bool casc_type_is_numeric(casc_type t)
{
    return t == CASC_TYPE_INTEGER || t == CASC_TYPE_NUMBER;
}

bool casc_type_is_array(casc_type t)
{
    return t == CASC_TYPE_STRING_ARRAY || t == CASC_TYPE_NUMBER_ARRAY;
}

casc_type casc_type_element(casc_type t)
{
    return t == CASC_TYPE_NUMBER_ARRAY ? CASC_TYPE_NUMBER : CASC_TYPE_STRING;
}

static const char *value_phrase(const casc_value *v)
{
    switch (v->kind) {
    case CASC_V_STRING: return "a string";
    case CASC_V_NUMBER: return "a number";
    case CASC_V_BOOL: return "a boolean";
    case CASC_V_DATE: return "a date";
    case CASC_V_TIMESTAMP: return "a timestamp";
    default: return "a time";
    }
}

static bool is_time_value(const casc_value *v)
{
    return v->kind >= CASC_V_DATE;
}

/* The literal as written in the rule, shortened when long. */
static void put_literal(const casc_typecheck *tc, const casc_value *v, casc_strbuf *sb)
{
    const char *s = tc->src->text + v->span.start;
    size_t n = v->span.end - v->span.start, cut = n;
    const char *nl = memchr(s, '\n', n);
    if (nl)
        cut = (size_t)(nl - s);
    if (cut > MAX_SHOWN)
        cut = MAX_SHOWN;
    while (cut < n && cut > 0 && ((unsigned char)s[cut] & 0xC0) == 0x80)
        cut--; /* not inside a UTF-8 sequence */
    casc_sb_put(sb, s, cut);
    if (cut < n)
        casc_sb_puts(sb, "...");
}

/* "'age' is an integer" or "the elements of 'tags' are strings". */
static void put_slot(const casc_slot *s, casc_strbuf *sb)
{
    if (s->element)
        casc_sb_printf(sb, "the elements of '%s' are %s", s->name, plural_phrase(s->type));
    else
        casc_sb_printf(sb, "'%s' is %s", s->name, casc_type_phrase(s->type));
}

static bool report(const casc_typecheck *tc, casc_span at, casc_strbuf *sb)
{
    casc_diag_add(tc->diags, CASC_SEV_ERROR, tc->src, at.start, at.end, "%s", casc_sb_str(sb));
    casc_sb_free(sb);
    return false;
}

static bool text_is(const casc_value *v, const char *word)
{
    size_t n = strlen(word);
    if (v->len != n)
        return false;
    for (size_t i = 0; i < n; i++)
        if ((v->text[i] | 0x20) != word[i])
            return false;
    return true;
}

/* Digits with an optional sign and fraction: a number someone quoted. */
static bool text_is_number(const casc_value *v)
{
    uint32_t i = v->len && v->text[0] == '-', digits = 0, dots = 0;
    for (; i < v->len; i++) {
        if (v->text[i] >= '0' && v->text[i] <= '9')
            digits++;
        else if (v->text[i] == '.' && !dots)
            dots++;
        else
            return false;
    }
    return digits > 0;
}

/* What to write instead, for the common mix-ups. */
static const char *mismatch_hint(casc_type t, const casc_value *v)
{
    if (t == CASC_TYPE_STRING && v->kind == CASC_V_NUMBER)
        return ": text is written in single quotes";
    if (casc_type_is_numeric(t) && v->kind == CASC_V_STRING && text_is_number(v))
        return ": write the number without quotes";
    if (t == CASC_TYPE_BOOLEAN && v->kind == CASC_V_STRING &&
        (text_is(v, "true") || text_is(v, "false")))
        return ": write true or false without quotes";
    if (casc_type_is_time(t) && v->kind == CASC_V_NUMBER)
        return ": write a date such as 2026-03-30, or a relative time such as '3 days ago'";
    return "";
}

/* "type mismatch: WHAT, but LIT is KIND", WHAT being "'age' is an integer". */
static bool mismatch(const casc_typecheck *tc, const char *what, casc_type t,
                     const casc_value *v)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_sb_printf(&sb, "type mismatch: %s, but ", what);
    put_literal(tc, v, &sb);
    casc_sb_printf(&sb, " is %s%s", value_phrase(v), mismatch_hint(t, v));
    return report(tc, v->span, &sb);
}

/* A string where a time is needed must be a real date or timestamp. */
static bool time_from_string(const casc_typecheck *tc, const char *what, const casc_value *v,
                             casc_value *out)
{
    char why[96];
    *out = *v;
    if (!casc_timelit_parse(v->text, v->len, &out->time, why, sizeof why)) {
        casc_strbuf sb = CASC_STRBUF_INIT;
        casc_sb_printf(&sb, "%s, but ", what);
        put_literal(tc, v, &sb);
        casc_sb_printf(&sb, " is not a valid time: %s", why);
        return report(tc, v->span, &sb);
    }
    out->kind = out->time.has_time ? CASC_V_TIMESTAMP : CASC_V_DATE;
    return true;
}

bool casc_fit_value(const casc_typecheck *tc, const casc_slot *s, const casc_value *v,
                    casc_value *out)
{
    *out = *v;
    bool fits;
    switch (s->type) {
    case CASC_TYPE_STRING: fits = v->kind == CASC_V_STRING; break;
    case CASC_TYPE_INTEGER:
    case CASC_TYPE_NUMBER: fits = v->kind == CASC_V_NUMBER; break;
    case CASC_TYPE_BOOLEAN: fits = v->kind == CASC_V_BOOL; break;
    case CASC_TYPE_DATE:
    case CASC_TYPE_TIMESTAMP: fits = is_time_value(v); break;
    default: fits = false; break; /* an array is never compared with one value */
    }
    if (fits)
        return true;
    casc_strbuf what = CASC_STRBUF_INIT;
    put_slot(s, &what);
    bool ok = casc_type_is_time(s->type) && v->kind == CASC_V_STRING
                  ? time_from_string(tc, casc_sb_str(&what), v, out)
                  : mismatch(tc, casc_sb_str(&what), s->type, v);
    casc_sb_free(&what);
    return ok;
}

/* The operator as a rule author would write it. */
static const char *op_phrase(casc_pred_op op, bool negated)
{
    static const char *const pos[] = {
        [CASC_P_EQ] = "=",
        [CASC_P_LT] = "<",
        [CASC_P_LE] = "<=",
        [CASC_P_GT] = ">",
        [CASC_P_GE] = ">=",
        [CASC_P_IN] = "in",
        [CASC_P_BETWEEN] = "between",
        [CASC_P_IS_NULL] = "is null",
        [CASC_P_IS_EMPTY] = "is empty",
        [CASC_P_CONTAINS] = "contains",
        [CASC_P_STARTS_WITH] = "starts with",
        [CASC_P_ENDS_WITH] = "ends with",
        [CASC_P_LIKE] = "like",
        [CASC_P_MATCHES] = "matches",
        [CASC_P_HAS] = "contains",
        [CASC_P_HAS_ANY] = "contains any",
        [CASC_P_HAS_ALL] = "contains all",
    };
    static const char *const neg[] = {
        [CASC_P_EQ] = "!=",
        [CASC_P_IN] = "not in",
        [CASC_P_BETWEEN] = "not between",
        [CASC_P_IS_EMPTY] = "is not empty",
        [CASC_P_CONTAINS] = "not contains",
        [CASC_P_STARTS_WITH] = "not starts with",
        [CASC_P_ENDS_WITH] = "not ends with",
        [CASC_P_LIKE] = "not like",
        [CASC_P_MATCHES] = "not matches",
        [CASC_P_HAS_ANY] = "not contains any",
        [CASC_P_HAS_ALL] = "not contains all",
    };
    return negated && neg[op] ? neg[op] : pos[op];
}

/* A boolean alone is a condition; anything else needs an operator. */
static bool check_alone(const casc_typecheck *tc, const char *name, casc_type t, casc_span at)
{
    if (t == CASC_TYPE_BOOLEAN)
        return true;
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_sb_printf(&sb, "'%s' is %s, not a boolean, so it cannot stand alone as a condition: ",
                   name, casc_type_phrase(t));
    if (casc_type_is_time(t))
        casc_sb_printf(&sb, "add a window or a comparison, as in '%s in last 30 days'", name);
    else if (casc_type_is_array(t))
        casc_sb_printf(&sb, "write '%s is not empty' or '%s contains ...'", name, name);
    else
        casc_sb_printf(&sb, "compare it with a value, as in '%s = ...'", name);
    return report(tc, at, &sb);
}

bool casc_check_operator(const casc_typecheck *tc, const char *name, casc_type t,
                         casc_pred_op op, bool negated, casc_span at)
{
    bool array = casc_type_is_array(t), ok;
    const char *applies = NULL; /* the types op applies to */
    const char *hint = "";
    switch (op) {
    case CASC_P_IS_TRUE: return check_alone(tc, name, t, at);
    case CASC_P_IS_NULL: return true;
    case CASC_P_WINDOW:
        if (casc_type_is_time(t))
            return true;
        casc_diag_add(tc->diags, CASC_SEV_ERROR, tc->src, at.start, at.end,
                      "a time window does not apply to '%s', which is %s; windows apply to "
                      "dates, timestamps and behaviors",
                      name, casc_type_phrase(t));
        return false;
    case CASC_P_EQ:
        ok = !array;
        hint = "; to test for an element write 'contains', for no elements 'is empty'";
        break;
    case CASC_P_IN:
        if (array)
            hint = "; to test for elements write 'contains any (...)'";
        /* fall through */
    case CASC_P_LT:
    case CASC_P_LE:
    case CASC_P_GT:
    case CASC_P_GE:
    case CASC_P_BETWEEN:
        ok = t != CASC_TYPE_BOOLEAN && !array;
        applies = "strings, numbers, dates and timestamps";
        break;
    case CASC_P_IS_EMPTY:
        if (t == CASC_TYPE_STRING)
            hint = " (for a missing value write 'is null', for no text = '')";
        /* fall through */
    case CASC_P_HAS:
    case CASC_P_HAS_ANY:
    case CASC_P_HAS_ALL:
        ok = array;
        applies = "arrays";
        break;
    case CASC_P_CONTAINS:
        ok = t == CASC_TYPE_STRING;
        applies = "strings and arrays";
        break;
    default: /* STARTS_WITH, ENDS_WITH, LIKE, MATCHES */
        ok = t == CASC_TYPE_STRING;
        applies = "strings";
        break;
    }
    if (ok)
        return true;
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_sb_printf(&sb, "'%s' does not apply to '%s', which is %s", op_phrase(op, negated), name,
                   casc_type_phrase(t));
    if (applies)
        casc_sb_printf(&sb, "; it applies to %s", applies);
    casc_sb_puts(&sb, hint);
    return report(tc, at, &sb);
}

/* A bound of a window: a time, or a string that is one. */
static bool fit_time(const casc_typecheck *tc, const char *name, casc_value *v)
{
    if (is_time_value(v))
        return true;
    casc_strbuf what = CASC_STRBUF_INIT;
    casc_sb_printf(&what, "a window on '%s' needs times", name);
    casc_value out;
    bool ok = v->kind == CASC_V_STRING ? time_from_string(tc, casc_sb_str(&what), v, &out)
                                       : mismatch(tc, casc_sb_str(&what), CASC_TYPE_TIMESTAMP, v);
    casc_sb_free(&what);
    if (ok)
        *v = out;
    return ok;
}

bool casc_fit_window(const casc_typecheck *tc, const char *name, casc_window *w)
{
    switch (w->kind) {
    case CASC_W_BETWEEN: {
        bool lo = fit_time(tc, name, &w->lo); /* check both, to report both */
        bool hi = fit_time(tc, name, &w->hi);
        return lo && hi;
    }
    case CASC_W_SINCE:
    case CASC_W_AFTER:
    case CASC_W_BEFORE: return fit_time(tc, name, &w->lo);
    default: return true;
    }
}

bool casc_check_measure(const casc_typecheck *tc, const casc_measure *m, const casc_field *f)
{
    if (m->kind == CASC_M_COUNT_DISTINCT) {
        if (!casc_type_is_array(f->type))
            return true;
        casc_diag_add(tc->diags, CASC_SEV_ERROR, tc->src, m->field.span.start,
                      m->field.span.end,
                      "'count distinct' counts single values, but '%s' is %s", f->name,
                      casc_type_phrase(f->type));
        return false;
    }
    if (casc_type_is_numeric(f->type))
        return true;
    static const char *const names[] = {[CASC_M_SUM] = "sum", [CASC_M_AVG] = "avg",
                                        [CASC_M_MIN] = "min", [CASC_M_MAX] = "max"};
    casc_diag_add(tc->diags, CASC_SEV_ERROR, tc->src, m->field.span.start, m->field.span.end,
                  "'%s' needs a numeric field (integer or number), but '%s' is %s",
                  names[m->kind], f->name, casc_type_phrase(f->type));
    return false;
}
