/* rule_json_values.c - the values, units and time windows of a JSON rule.
 *
 * Numbers, dates, timestamps and units are handed to the rule language's
 * builders as tokens of the JSON text, after the lexer has said that the
 * text is exactly one token of the kind wanted: so `1e3` stays `1e3`, and a
 * date is checked by the same code with the same message as in a rule. */
#include <string.h>

#include "lexer.h"
#include "parser.h"
#include "rule_json_internal.h"
#include "timelit.h"

/* What the rule language reads at tok of the JSON text: the token's code
 * when it is exactly tok, else 0. */
static int token_code(const casc_rj *r, casc_token tok)
{
    casc_lexer lx = {r->p.src->text, (uint32_t)r->p.src->len, tok.off};
    casc_token t;
    int code = casc_lex(&lx, &t);
    return t.off == tok.off && t.len == tok.len ? code : 0;
}

/* Whether tok (of node at) is a number as the rule language writes one:
 * JSON's numbers are, but cJSON also takes `1.` and `-.5`. */
static bool is_number(casc_rj *r, const casc_mnode *at, casc_token tok)
{
    if (token_code(r, tok) == TK_NUMBER)
        return true;
    casc_rj_error(r, at,
                  "invalid number '%s': write digits with an optional fraction and exponent, "
                  "such as 42, -3, 19.99 or 1e6",
                  casc_rj_show(r, at));
    return false;
}

/* The token of the "unit" of object: one of the units, singular and in
 * lower case as Audience Studio writes them. */
static bool unit_token(casc_rj *r, const casc_mnode *object, casc_token *out)
{
    const casc_mnode *u = casc_rj_want_kind(r, object, "unit", CASC_MN_STRING, true);
    if (!u)
        return false;
    const char *units[CASC_UNIT_YEAR + 1];
    for (int i = 0; i <= CASC_UNIT_YEAR; i++) {
        units[i] = casc_unit_name((casc_unit)i);
        if (!u->has_nul && strcmp(u->text, units[i]) == 0)
            return casc_rj_plain_token(r, u, "unit", out);
    }
    if (strcmp(u->text, "second") == 0)
        casc_rj_error(r, u, "casc has no unit 'second': the smallest unit is minute");
    else
        casc_rj_unknown(r, u, "unit", NULL, units, CASC_UNIT_YEAR + 1);
    return false;
}

static casc_value *new_value(casc_rj *r)
{
    casc_value *v = casc_arena_alloc(r->p.arena, sizeof *v);
    if (!v)
        casc_parse_out_of_memory(&r->p);
    return v;
}

/* The value of token t (code: its kind), in the arena. */
static casc_value *build(casc_rj *r, int code, casc_token t)
{
    casc_value *v = new_value(r);
    return v && casc_build_value(&r->p, code, t, v) ? v : NULL;
}

/* The text of a Date, Timestamp or Number value, read as that token. */
static casc_value *literal(casc_rj *r, const casc_mnode *object, casc_value_kind kind)
{
    static const char *const keys[] = {"type", "value"};
    static const char *const whats[] = {
        [CASC_V_NUMBER] = "number", [CASC_V_DATE] = "date", [CASC_V_TIMESTAMP] = "timestamp"};
    static const int codes[] = {
        [CASC_V_NUMBER] = TK_NUMBER, [CASC_V_DATE] = TK_DATE, [CASC_V_TIMESTAMP] = TK_TIMESTAMP};
    if (!casc_rj_keys(r, object, "this value", keys, 2))
        return NULL;
    const casc_mnode *s = casc_rj_want_kind(r, object, "value", CASC_MN_STRING, true);
    casc_token tok;
    if (!s || !casc_rj_plain_token(r, s, whats[kind], &tok) ||
        (kind == CASC_V_NUMBER && !is_number(r, s, tok)))
        return NULL;
    int code = token_code(r, tok);
    if (code == codes[kind])
        return build(r, code, tok); /* checks the calendar */
    char why[96] = "write YYYY-MM-DD for a date, YYYY-MM-DDThh:mm:ss[.fraction][zone] for a "
                   "timestamp";
    casc_timelit tl;
    if (code == TK_DATE)
        strcpy(why, "it is a date: write {\"type\": \"Date\", ...}");
    else if (code == TK_TIMESTAMP)
        strcpy(why, "it is a timestamp: write {\"type\": \"Timestamp\", ...}");
    else if (code == CASC_LEX_BAD_TIME)
        casc_timelit_parse(s->text, s->len, &tl, why, sizeof why);
    casc_rj_error(r, s, "invalid %s '%s': %s", whats[kind], casc_rj_show(r, s), why);
    return NULL;
}

/* {"type": "Ago" or "FromNow", "value": N, "unit": U}. */
static casc_value *relative(casc_rj *r, const casc_mnode *object, casc_value_kind kind)
{
    static const char *const keys[] = {"type", "value", "unit"};
    casc_token n, unit;
    if (!casc_rj_keys(r, object, "this value", keys, 3))
        return NULL;
    const casc_mnode *v = casc_rj_want_kind(r, object, "value", CASC_MN_NUMBER, true);
    if (!v || !is_number(r, v, n = casc_rj_token(v)) || !unit_token(r, object, &unit))
        return NULL;
    casc_value *out = new_value(r);
    if (!out || !casc_build_relative(&r->p, kind, n, unit, casc_rj_token(object), out))
        return NULL;
    out->span = casc_rj_span(object);
    return out;
}

/* {"type": ...}: a time, or a number JSON cannot spell. */
static casc_value *typed(casc_rj *r, const casc_mnode *v, const char *key, casc_rj_want want)
{
    int t = casc_rj_type(r, v, "value", casc_rj_value_names, CASC_RJ_NVALUE_TYPES);
    if (t < 0)
        return NULL;
    casc_value_kind kind = casc_rj_value_kinds[t];
    if ((kind == CASC_V_NUMBER) != (want == CASC_RJ_NUMBER) && want != CASC_RJ_ANY) {
        casc_rj_error(r, v, "'%s' must be %s, not %s %s value", key,
                      want == CASC_RJ_NUMBER ? "a number" : "a time",
                      casc_rj_article(casc_rj_value_names[t]), casc_rj_value_names[t]);
        return NULL;
    }
    static const char *const keys[] = {"type"};
    switch (kind) {
    case CASC_V_NOW:
    case CASC_V_TODAY:
    case CASC_V_YESTERDAY:
        if (!casc_rj_keys(r, v, "this value", keys, 1))
            return NULL;
        return build(r,
                     kind == CASC_V_NOW     ? TK_NOW
                     : kind == CASC_V_TODAY ? TK_TODAY
                                            : TK_YESTERDAY,
                     casc_rj_token(v));
    case CASC_V_AGO:
    case CASC_V_FROM_NOW: return relative(r, v, kind);
    default: return literal(r, v, kind);
    }
}

static const char *want_phrase(casc_rj_want want)
{
    switch (want) {
    case CASC_RJ_NUMBER: return "a number";
    case CASC_RJ_TIME:
        return "a time: a string such as \"2026-03-30\", or an object such as {\"type\": "
               "\"Date\", ...}, {\"type\": \"Now\"} or {\"type\": \"Ago\", ...}";
    default:
        return "a value: a string, a number, a boolean or an object such as {\"type\": "
               "\"Date\", ...}";
    }
}

static casc_value *value(casc_rj *r, const casc_mnode *v, const char *key, casc_rj_want want)
{
    casc_mnode_kind kind = v->kind;
    if (kind == CASC_MN_MAP)
        return typed(r, v, key, want);
    if (kind == CASC_MN_NULL) {
        casc_rj_error(r, v, "null is not a value to compare with: use {\"type\": \"IsNull\"} "
                            "(with \"not\": true for 'is not null')");
        return NULL;
    }
    bool fits = want == CASC_RJ_ANY ? kind != CASC_MN_LIST
                : want == CASC_RJ_TIME ? kind == CASC_MN_STRING
                                       : kind == CASC_MN_NUMBER;
    if (!fits) {
        casc_rj_error(r, v, "'%s' must be %s; found %s", key, want_phrase(want),
                      casc_rj_kind_name(kind));
        return NULL;
    }
    switch (kind) {
    case CASC_MN_NUMBER:
        return is_number(r, v, casc_rj_token(v)) ? build(r, TK_NUMBER, casc_rj_token(v)) : NULL;
    case CASC_MN_BOOL:
        return build(r, v->text[0] == 't' ? TK_TRUE : TK_FALSE, casc_rj_token(v));
    default: break; /* a string */
    }
    if (v->has_nul) {
        casc_rj_error(r, v, "a string in a rule cannot hold a NUL character (\\u0000)");
        return NULL;
    }
    casc_value *s = new_value(r);
    if (!s)
        return NULL;
    *s = (casc_value){.kind = CASC_V_STRING, .span = casc_rj_span(v), .text = v->text,
                      .len = (uint32_t)v->len};
    return s;
}

casc_value *casc_rj_value_at(casc_rj *r, const casc_mnode *object, const char *key,
                             casc_rj_want want)
{
    const casc_mnode *v = casc_rj_lookup(object, key);
    if (v)
        return value(r, v, key, want);
    casc_rj_missing(r, object, key);
    return NULL;
}

casc_values *casc_rj_values(casc_rj *r, const casc_mnode *object, const char *key)
{
    const casc_mnode *list = casc_rj_want_kind(r, object, key, CASC_MN_LIST, true);
    if (list && !list->nkids)
        casc_rj_error(r, list, "'%s' needs at least one value", key);
    casc_values *vs = NULL;
    for (uint32_t i = 0; list && i < list->nkids && !r->p.failed; i++)
        vs = casc_build_values(&r->p, vs, value(r, list->kids[i], key, CASC_RJ_ANY));
    return r->p.failed ? NULL : vs;
}

/* TimeCalendar's "period": this, previous or next. */
static int period(casc_rj *r, const casc_mnode *op)
{
    const casc_mnode *p = casc_rj_want_kind(r, op, "period", CASC_MN_STRING, true);
    for (int i = 0; p && i < 3; i++)
        if (!p->has_nul && strcmp(p->text, casc_rj_period_names[i]) == 0)
            return CASC_W_THIS + i;
    if (p)
        casc_rj_unknown(r, p, "period", NULL, casc_rj_period_names, 3);
    return -1;
}

casc_window *casc_rj_window(casc_rj *r, const casc_mnode *op, casc_rj_op type)
{
    casc_token at = casc_rj_token(op), n, unit;
    casc_window *w = NULL;
    switch (type) {
    case CASC_RJ_TIME_WITHIN_PAST:
    case CASC_RJ_TIME_WITHIN_NEXT: {
        const casc_mnode *v = casc_rj_want_kind(r, op, "value", CASC_MN_NUMBER, true);
        if (v && is_number(r, v, n = casc_rj_token(v)) && unit_token(r, op, &unit))
            w = casc_build_window_n(&r->p,
                                    type == CASC_RJ_TIME_WITHIN_PAST ? CASC_W_LAST_N
                                                                     : CASC_W_NEXT_N,
                                    at, n, unit);
        break;
    }
    case CASC_RJ_TIME_CALENDAR: {
        int kind = period(r, op);
        if (kind >= 0 && unit_token(r, op, &unit))
            w = casc_build_window_unit(&r->p, (casc_window_kind)kind, at, unit);
        break;
    }
    case CASC_RJ_TIME_TODAY: w = casc_build_window_day(&r->p, CASC_W_TODAY, at); break;
    case CASC_RJ_TIME_YESTERDAY: w = casc_build_window_day(&r->p, CASC_W_YESTERDAY, at); break;
    case CASC_RJ_TIME_RANGE: {
        /* Both bounds: a range of any values, as `between` is; one: `since`. */
        bool both = casc_rj_get(op, "maxValue") != NULL;
        if (both && !casc_rj_get(op, "minValue")) {
            casc_rj_error(r, op, "a TimeRange needs 'minValue' (for times before a bound, use "
                                 "TimeBefore)");
            return NULL;
        }
        casc_value *lo = casc_rj_value_at(r, op, "minValue", both ? CASC_RJ_ANY : CASC_RJ_TIME);
        casc_value *hi = lo && both ? casc_rj_value_at(r, op, "maxValue", CASC_RJ_ANY) : NULL;
        w = casc_build_window_time(&r->p, both ? CASC_W_BETWEEN : CASC_W_SINCE, at, lo, hi);
        break;
    }
    default: { /* TimeAfter, TimeBefore */
        casc_value *t = casc_rj_value_at(r, op, "rightValue", CASC_RJ_TIME);
        w = casc_build_window_time(
            &r->p, type == CASC_RJ_TIME_AFTER ? CASC_W_AFTER : CASC_W_BEFORE, at, t, NULL);
        break;
    }
    }
    if (w)
        w->span = casc_rj_span(op);
    return w;
}
