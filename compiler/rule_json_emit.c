/* rule_json_emit.c - the JSON text of a rule: indentation, strings, values
 * and time windows. */
#include "rule_json_emit.h"

#include <inttypes.h>
#include <string.h>

enum { MAX_INDENT_LEVELS = 32 };

static void newline(casc_rj_out *o)
{
    casc_sb_putc(o->sb, '\n');
    casc_sb_repeat(o->sb, ' ', 2 * (o->depth < MAX_INDENT_LEVELS ? o->depth : MAX_INDENT_LEVELS));
}

/* Before a member or item: a comma after the one before, a new line. */
static void next(casc_rj_out *o)
{
    if (!o->first)
        casc_sb_putc(o->sb, ',');
    newline(o);
    o->first = false;
}

void casc_rj_open(casc_rj_out *o, char c)
{
    casc_sb_putc(o->sb, c);
    o->depth++;
    o->first = true;
}

void casc_rj_close(casc_rj_out *o, char c)
{
    o->depth--;
    if (!o->first)
        newline(o);
    casc_sb_putc(o->sb, c);
    o->first = false;
}

void casc_rj_key(casc_rj_out *o, const char *key)
{
    next(o);
    casc_rj_put_text(o, key, strlen(key));
    casc_sb_puts(o->sb, ": ");
}

void casc_rj_item(casc_rj_out *o)
{
    next(o);
}

/* Control characters, DEL and the C1 controls (U+0080 to U+009F) are
 * escaped: a rule's text never reaches a terminal as a control sequence. */
void casc_rj_put_text(casc_rj_out *o, const char *s, size_t n)
{
    casc_sb_putc(o->sb, '"');
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        const char *esc = c == '"' ? "\\\"" : c == '\\' ? "\\\\" : c == '\n' ? "\\n"
                          : c == '\r' ? "\\r" : c == '\t' ? "\\t" : NULL;
        if (esc) {
            casc_sb_puts(o->sb, esc);
        } else if (c < 0x20 || c == 0x7F) {
            casc_sb_printf(o->sb, "\\u%04x", c);
        } else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] < 0xA0) {
            casc_sb_printf(o->sb, "\\u%04x", (unsigned char)s[++i]);
        } else {
            casc_sb_putc(o->sb, (char)c);
        }
    }
    casc_sb_putc(o->sb, '"');
}

/* Whether text is a number as JSON spells one:
 * -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?. The rule language also
 * takes leading zeros (007). */
static bool is_json_number(const char *s, size_t n)
{
    size_t i = s[0] == '-';
    if (i < n && s[i] == '0' && i + 1 < n && s[i + 1] >= '0' && s[i + 1] <= '9')
        return false;
    return true; /* the rest the rule language spells as JSON does */
}

/* {"type": ..., "value": "text"} */
static void put_typed_text(casc_rj_out *o, const char *type, const char *s, size_t n)
{
    casc_rj_open(o, '{');
    casc_rj_member_string(o, "type", type);
    casc_rj_key(o, "value");
    casc_rj_put_text(o, s, n);
    casc_rj_close(o, '}');
}

static const char *type_of(casc_value_kind kind)
{
    for (int i = 0; i < CASC_RJ_NVALUE_TYPES; i++)
        if (casc_rj_value_kinds[i] == kind)
            return casc_rj_value_names[i];
    return NULL;
}

/* "value": N, "unit": U */
static void put_units(casc_rj_out *o, int64_t n, casc_unit unit)
{
    casc_rj_key(o, "value");
    casc_sb_printf(o->sb, "%" PRId64, n);
    casc_rj_member_string(o, "unit", casc_unit_name(unit));
}

void casc_rj_put_value(casc_rj_out *o, const casc_value *v)
{
    switch (v->kind) {
    case CASC_V_STRING: casc_rj_put_text(o, v->text, v->len); return;
    case CASC_V_BOOL: casc_sb_puts(o->sb, v->boolean ? "true" : "false"); return;
    case CASC_V_NUMBER:
        if (is_json_number(v->text, v->len)) {
            casc_sb_put(o->sb, v->text, v->len);
            return;
        }
        break;
    default: break;
    }
    if (v->kind == CASC_V_NUMBER || v->kind == CASC_V_DATE || v->kind == CASC_V_TIMESTAMP) {
        put_typed_text(o, type_of(v->kind), v->text, v->len);
        return;
    }
    casc_rj_open(o, '{');
    casc_rj_member_string(o, "type", type_of(v->kind));
    if (v->kind == CASC_V_AGO || v->kind == CASC_V_FROM_NOW)
        put_units(o, v->integer, v->unit);
    casc_rj_close(o, '}');
}

void casc_rj_put_window(casc_rj_out *o, const casc_window *w, bool negated)
{
    static const casc_rj_op types[] = {
        [CASC_W_LAST_N] = CASC_RJ_TIME_WITHIN_PAST, [CASC_W_NEXT_N] = CASC_RJ_TIME_WITHIN_NEXT,
        [CASC_W_THIS] = CASC_RJ_TIME_CALENDAR,      [CASC_W_PREVIOUS] = CASC_RJ_TIME_CALENDAR,
        [CASC_W_NEXT] = CASC_RJ_TIME_CALENDAR,      [CASC_W_TODAY] = CASC_RJ_TIME_TODAY,
        [CASC_W_YESTERDAY] = CASC_RJ_TIME_YESTERDAY, [CASC_W_BETWEEN] = CASC_RJ_TIME_RANGE,
        [CASC_W_SINCE] = CASC_RJ_TIME_RANGE,        [CASC_W_AFTER] = CASC_RJ_TIME_AFTER,
        [CASC_W_BEFORE] = CASC_RJ_TIME_BEFORE,
    };
    casc_rj_open(o, '{');
    casc_rj_member_string(o, "type", casc_rj_op_names[types[w->kind]]);
    casc_rj_member_bool(o, "not", negated);
    switch (w->kind) {
    case CASC_W_LAST_N:
    case CASC_W_NEXT_N: put_units(o, w->count, w->unit); break;
    case CASC_W_THIS:
    case CASC_W_PREVIOUS:
    case CASC_W_NEXT:
        casc_rj_member_string(o, "period", casc_rj_period_names[w->kind - CASC_W_THIS]);
        casc_rj_member_string(o, "unit", casc_unit_name(w->unit));
        break;
    case CASC_W_BETWEEN:
        casc_rj_member_value(o, "minValue", &w->lo);
        casc_rj_member_value(o, "maxValue", &w->hi);
        break;
    case CASC_W_SINCE: casc_rj_member_value(o, "minValue", &w->lo); break;
    case CASC_W_AFTER:
    case CASC_W_BEFORE: casc_rj_member_value(o, "rightValue", &w->lo); break;
    default: break; /* today, yesterday */
    }
    casc_rj_close(o, '}');
}

void casc_rj_member_string(casc_rj_out *o, const char *key, const char *s)
{
    casc_rj_key(o, key);
    casc_rj_put_text(o, s, strlen(s));
}

void casc_rj_member_bool(casc_rj_out *o, const char *key, bool b)
{
    casc_rj_key(o, key);
    casc_sb_puts(o->sb, b ? "true" : "false");
}

void casc_rj_member_value(casc_rj_out *o, const char *key, const casc_value *v)
{
    casc_rj_key(o, key);
    casc_rj_put_value(o, v);
}
