/* parse.h - rule text to syntax tree. */
#ifndef CASC_PARSE_H
#define CASC_PARSE_H

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "source.h"

/* Documented limits (docs/limits.md). Beyond them a rule gets a clear error
 * at the place, never a crash: the parser's stack is on the heap and every
 * later pass recurses at most CASC_MAX_DEPTH levels. */
#define CASC_MAX_RULE_BYTES (16u * 1024u * 1024u) /* rule text */
#define CASC_MAX_PARENS 10000u /* parentheses open at once */
#define CASC_MAX_DEPTH 2000u   /* nested and/or/not/where levels */

/* The messages for passing CASC_MAX_DEPTH (a %u takes the limit), in a
 * rule and in a rule with its segments expanded. */
#define CASC_DEPTH_ERROR                                                          \
    "the rule nests too deeply: at most %u levels of 'and', 'or', 'not' and 'where' " \
    "may be nested"
#define CASC_EXPANDED_DEPTH_ERROR \
    "the rule nests too deeply once its segments are expanded (more than %u levels)"

/* Whether src is a text any rule reader may take: within
 * CASC_MAX_RULE_BYTES, UTF-8, no NUL. Reports why not in d. */
bool casc_rule_text_ok(const casc_source *src, casc_diags *d);

/* Parse src into a tree allocated in arena, but for what the resolved rule
 * keeps of it (windows, measures, decoded text), allocated in keep: arena
 * may be released once the rule is resolved (keep may be arena). On any
 * error returns NULL and leaves diagnostics in d. */
casc_node *casc_parse(casc_arena *arena, casc_arena *keep, const casc_source *src,
                      casc_diags *d);

#endif
