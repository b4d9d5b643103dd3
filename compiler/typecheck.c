/* typecheck.c - operator and literal typing rules of spec §3 and §5. */
#include "typecheck.h"

#include "timelit.h"

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

static bool error(const casc_typecheck *tc, casc_span at, const char *fmt, const char *a,
                  const char *b, const char *c)
{
    casc_diag_add(tc->diags, CASC_SEV_ERROR, tc->src, at.start, at.end, fmt, a, b, c);
    return false;
}

/* A string where a time is needed must be a real date or timestamp. */
static bool time_from_string(const casc_typecheck *tc, const casc_value *v, casc_value *out)
{
    char why[96];
    *out = *v;
    if (!casc_timelit_parse(v->text, v->len, &out->time, why, sizeof why)) {
        casc_diag_add(tc->diags, CASC_SEV_ERROR, tc->src, v->span.start, v->span.end,
                      "invalid time '%.*s': %s", (int)v->len, v->text, why);
        return false;
    }
    out->kind = out->time.has_time ? CASC_V_TIMESTAMP : CASC_V_DATE;
    return true;
}

bool casc_fit_value(const casc_typecheck *tc, const char *what, casc_type t, const casc_value *v,
                    casc_value *out)
{
    *out = *v;
    bool fits;
    switch (t) {
    case CASC_TYPE_STRING: fits = v->kind == CASC_V_STRING; break;
    case CASC_TYPE_INTEGER:
    case CASC_TYPE_NUMBER: fits = v->kind == CASC_V_NUMBER; break;
    case CASC_TYPE_BOOLEAN: fits = v->kind == CASC_V_BOOL; break;
    case CASC_TYPE_DATE:
    case CASC_TYPE_TIMESTAMP:
        if (v->kind == CASC_V_STRING)
            return time_from_string(tc, v, out);
        fits = is_time_value(v);
        break;
    default: fits = false; break;
    }
    if (!fits)
        return error(tc, v->span, "type mismatch: %s is %s, but this is %s", what,
                     casc_type_phrase(t), value_phrase(v));
    return true;
}

static const char *op_phrase(casc_pred_op op)
{
    switch (op) {
    case CASC_P_EQ: return "'=' and '!='";
    case CASC_P_LT:
    case CASC_P_LE:
    case CASC_P_GT:
    case CASC_P_GE: return "'<', '<=', '>' and '>='";
    case CASC_P_IN: return "'in'";
    case CASC_P_BETWEEN: return "'between'";
    case CASC_P_IS_EMPTY: return "'is empty'";
    case CASC_P_CONTAINS: return "'contains'";
    case CASC_P_STARTS_WITH: return "'starts with'";
    case CASC_P_ENDS_WITH: return "'ends with'";
    case CASC_P_LIKE: return "'like'";
    case CASC_P_MATCHES: return "'matches'";
    case CASC_P_HAS_ANY: return "'contains any'";
    case CASC_P_HAS_ALL: return "'contains all'";
    case CASC_P_WINDOW: return "a time window";
    default: return "this operator";
    }
}

bool casc_check_operator(const casc_typecheck *tc, const char *what, casc_type t,
                         casc_pred_op op, casc_span at)
{
    bool ok;
    const char *hint = "";
    switch (op) {
    case CASC_P_EQ:
        ok = !casc_type_is_array(t);
        hint = "; to test for an element write 'contains'";
        break;
    case CASC_P_LT:
    case CASC_P_LE:
    case CASC_P_GT:
    case CASC_P_GE:
    case CASC_P_IN:
    case CASC_P_BETWEEN:
        ok = t != CASC_TYPE_BOOLEAN && !casc_type_is_array(t);
        break;
    case CASC_P_IS_NULL: ok = true; break;
    case CASC_P_IS_EMPTY:
    case CASC_P_HAS:
    case CASC_P_HAS_ANY:
    case CASC_P_HAS_ALL:
        ok = casc_type_is_array(t);
        if (t == CASC_TYPE_STRING)
            hint = op == CASC_P_IS_EMPTY ? "; for a missing value write 'is null'" : "";
        break;
    case CASC_P_CONTAINS:
    case CASC_P_STARTS_WITH:
    case CASC_P_ENDS_WITH:
    case CASC_P_LIKE:
    case CASC_P_MATCHES: ok = t == CASC_TYPE_STRING; break;
    case CASC_P_IS_TRUE:
        ok = t == CASC_TYPE_BOOLEAN;
        if (!ok)
            return error(tc, at,
                         "%s is %s, not a boolean: a condition on it needs an operator, such "
                         "as '=', or a time window%s",
                         what, casc_type_phrase(t), "");
        break;
    case CASC_P_WINDOW:
        ok = casc_type_is_time(t);
        hint = ": windows apply to dates, timestamps and behaviors";
        break;
    default: ok = false; break;
    }
    if (!ok) {
        casc_diag_add(tc->diags, CASC_SEV_ERROR, tc->src, at.start, at.end,
                      "%s does not apply to %s, which is %s%s", op_phrase(op), what,
                      casc_type_phrase(t), hint);
        return false;
    }
    return true;
}

static bool fit_time(const casc_typecheck *tc, casc_value *v)
{
    if (v->kind == CASC_V_STRING) {
        casc_value out;
        if (!time_from_string(tc, v, &out))
            return false;
        *v = out;
        return true;
    }
    if (!is_time_value(v))
        return error(tc, v->span, "expected a time here (a date, a timestamp, now, today, "
                                  "or N days ago), but this is %s%s%s",
                     value_phrase(v), "", "");
    return true;
}

bool casc_fit_window(const casc_typecheck *tc, casc_window *w)
{
    switch (w->kind) {
    case CASC_W_BETWEEN: return fit_time(tc, &w->lo) & fit_time(tc, &w->hi);
    case CASC_W_SINCE:
    case CASC_W_AFTER:
    case CASC_W_BEFORE: return fit_time(tc, &w->lo);
    default: return true;
    }
}
