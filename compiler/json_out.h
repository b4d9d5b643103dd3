/* json_out.h - write JSON for programs: indented two spaces, one member
 * per line, strings escaped. The text goes to a string builder, so a failed
 * allocation is checked once at the end. */
#ifndef CASC_JSON_OUT_H
#define CASC_JSON_OUT_H

#include <stdbool.h>

#include "strbuf.h"

typedef struct casc_json {
    casc_strbuf *out;
    unsigned depth;
    bool need_comma; /* a value came before in the open object or array */
    bool after_key;  /* the next value follows "key": on the same line */
} casc_json;

void casc_json_begin(casc_json *j, char open); /* '{' or '[' */
void casc_json_end(casc_json *j, char close);  /* '}' or ']' */
void casc_json_key(casc_json *j, const char *key);
void casc_json_string(casc_json *j, const char *s); /* NULL: null */
/* s as a JSON string, quoted and escaped, appended to out. */
void casc_json_quote(casc_strbuf *out, const char *s);
/* "key": "s" in one call. */
void casc_json_member(casc_json *j, const char *key, const char *s);

#endif
