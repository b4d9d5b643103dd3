/* rule_json_emit.h - the JSON text of a rule, for rule_json_write.c:
 * indentation, strings, values and time windows.
 *
 * One member or item per line, indented two spaces per level, as
 * JSON.stringify(rule, null, 2) and `jq .` write it, except that the
 * indentation stops growing after 32 levels, so that the text of a deeply
 * nested rule stays about as large as the rule. */
#ifndef CASC_RULE_JSON_EMIT_H
#define CASC_RULE_JSON_EMIT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "ast.h"
#include "rule_json_internal.h"
#include "strbuf.h"

typedef struct casc_rj_out {
    casc_strbuf *sb;
    uint32_t depth; /* objects and arrays open */
    bool first;     /* nothing written yet in the innermost one */
} casc_rj_out;

/* Open or close an object ('{', '}') or array ('[', ']'). */
void casc_rj_open(casc_rj_out *o, char c);
void casc_rj_close(casc_rj_out *o, char c);
/* Start a member `"key": ` of the open object, or an item of the open
 * array; its value follows. */
void casc_rj_key(casc_rj_out *o, const char *key);
void casc_rj_item(casc_rj_out *o);

/* Values: a JSON string of n bytes of UTF-8 text, a rule's value (plain
 * JSON or {"type": "Date", ...}), a time window as an operator object. */
void casc_rj_put_text(casc_rj_out *o, const char *s, size_t n);
void casc_rj_put_value(casc_rj_out *o, const casc_value *v);
void casc_rj_put_window(casc_rj_out *o, const casc_window *w, bool negated);

/* A member and its value in one call. */
void casc_rj_member_string(casc_rj_out *o, const char *key, const char *s);
void casc_rj_member_bool(casc_rj_out *o, const char *key, bool b);
void casc_rj_member_value(casc_rj_out *o, const char *key, const casc_value *v);

#endif
