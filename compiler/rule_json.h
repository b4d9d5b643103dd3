/* rule_json.h - a rule as a JSON tree (docs/rule-json.md).
 *
 * The JSON form follows Treasure Data Audience Studio's segment rule shape
 * where the two overlap, and extends it where casc has more. Reading gives
 * the same syntax tree the rule language's parser would give for the same
 * rule, with spans into the JSON text, so every later stage (and every
 * diagnostic) works unchanged. Writing is the inverse: reading what was
 * written gives an equal tree (casc_ast_equal). */
#ifndef CASC_RULE_JSON_H
#define CASC_RULE_JSON_H

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "source.h"
#include "strbuf.h"

/* Read the JSON rule in src into a tree allocated in arena and keep, as
 * casc_parse does. src is valid UTF-8 without NUL bytes, within
 * CASC_MAX_RULE_BYTES (the caller checks: casc_rule_text_ok). On the first
 * error returns NULL and leaves the diagnostic (with its place in src) in
 * d. */
casc_node *casc_rule_from_json(casc_arena *arena, casc_arena *keep, const casc_source *src,
                               casc_diags *d);

/* Append the JSON form of rule to out: one key or item per line, indented
 * two spaces per level up to 32 levels, with no final newline. A rule
 * nested deeper than the reader's limit (docs/limits.md) is written all
 * the same, but cannot be read back. */
void casc_rule_to_json(const casc_node *rule, casc_strbuf *out);

#endif
