/* rule_json_internal.h - the pieces of the JSON rule format shared by its
 * reader (rule_json_read.c, rule_json_leaf.c, rule_json_behavior.c,
 * rule_json_values.c, rule_json_access.c) and its writer
 * (rule_json_write.c, rule_json_emit.c); the words of the format are in
 * rule_json_names.c.
 *
 * The reader turns the generic JSON tree (model_tree.h) into the syntax
 * tree with the rule language's own builders (ast_build.h), so both
 * spellings of a rule give the same tree, checked the same way. The tokens
 * it hands the builders are byte ranges of the JSON text: numbers as
 * written, and the text inside the quotes of dates and units. So spans, and
 * the builders' own messages ("the number of days must be a whole number
 * from 1 to 1000000"), point into the JSON. As in the parser, the first
 * error stops the reading (p.failed). */
#ifndef CASC_RULE_JSON_INTERNAL_H
#define CASC_RULE_JSON_INTERNAL_H

#include <stdbool.h>
#include <stdint.h>

#include "ast_build.h"
#include "model_fields.h"
#include "model_tree.h"

/* ---- the format's words, shared with the writer ---- */

/* Operator types. The first six follow casc_op (CASC_OP_EQ ... BETWEEN),
 * the five from CONTAIN follow casc_match, and those from
 * TIME_WITHIN_PAST on are time windows. */
typedef enum {
    CASC_RJ_EQUAL,
    CASC_RJ_LESS,
    CASC_RJ_LESS_EQUAL,
    CASC_RJ_GREATER,
    CASC_RJ_GREATER_EQUAL,
    CASC_RJ_BETWEEN,
    CASC_RJ_IN,
    CASC_RJ_IS_NULL,
    CASC_RJ_IS_EMPTY,
    CASC_RJ_CONTAIN,
    CASC_RJ_START_WITH,
    CASC_RJ_END_WITH,
    CASC_RJ_LIKE,
    CASC_RJ_REGEXP,
    CASC_RJ_CONTAIN_ANY,
    CASC_RJ_CONTAIN_ALL,
    CASC_RJ_TIME_WITHIN_PAST, /* the first time window */
    CASC_RJ_TIME_WITHIN_NEXT,
    CASC_RJ_TIME_CALENDAR,
    CASC_RJ_TIME_TODAY,
    CASC_RJ_TIME_YESTERDAY,
    CASC_RJ_TIME_RANGE,
    CASC_RJ_TIME_AFTER,
    CASC_RJ_TIME_BEFORE,
    CASC_RJ_NOPS
} casc_rj_op;

extern const char *const casc_rj_op_names[CASC_RJ_NOPS];

/* Aggregations: the six measures in casc_measure_kind's order, then the
 * two picks. */
enum { CASC_RJ_FIRST = CASC_M_MAX + 1, CASC_RJ_LAST, CASC_RJ_NAGGS };
extern const char *const casc_rj_agg_names[CASC_RJ_NAGGS];

/* Typed values ({"type": "Date", ...}) and the kind of each. "Number"
 * holds a number whose spelling JSON cannot (007). */
enum { CASC_RJ_NVALUE_TYPES = 8 };
extern const char *const casc_rj_value_names[CASC_RJ_NVALUE_TYPES];
extern const casc_value_kind casc_rj_value_kinds[CASC_RJ_NVALUE_TYPES];

/* TimeCalendar's periods: CASC_W_THIS, CASC_W_PREVIOUS and CASC_W_NEXT. */
extern const char *const casc_rj_period_names[3];

/* Whether the rule language writes the name bare (it is
 * [A-Za-z_][A-Za-z0-9_]* and not a hard keyword); other names are quoted,
 * and a JSON name is read quoted exactly then. */
bool casc_rj_bare_name(const char *s, uint32_t len);

/* Whether the rule language must quote the name of leaf n although it
 * could be bare elsewhere: an unqualified `first` or `last` that opens a
 * condition is read as a pick when a soft keyword follows it (parse.c), as
 * in the canonical `"first" contains 'x'` or `"last" this week`. The
 * reader reads such a name quoted, so the tree is one the rule language
 * can write. */
bool casc_rj_quote_pick_word(const casc_node *n);

/* Whether `"not": true` on the operator of leaf n (as read) is its negative
 * spelling (the negated flag: !=, not in, is not null, ...); otherwise it
 * reads as a NOT node around it. */
bool casc_rj_has_negative(const casc_node *n);

/* ---- the reader ---- */

typedef struct casc_rj {
    casc_parse_ctx p;  /* the builders' context: arena, source, diagnostics */
    casc_mtree_ctx cx; /* the JSON tree's */
    casc_mf mf;        /* for casc_mf_show */
} casc_rj;

/* What a value must be where it stands. */
typedef enum { CASC_RJ_ANY, CASC_RJ_TIME, CASC_RJ_NUMBER } casc_rj_want;

/* Report the first error (later ones are dropped) at node at: all of a
 * scalar, the first character of an object or array. */
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void casc_rj_error(casc_rj *r, const casc_mnode *at, const char *fmt, ...);
/* "unknown WHAT 'text of at' WHERE", with the closest of names[0..n) as
 * "did you mean" candidates, or else the list of them. */
void casc_rj_unknown(casc_rj *r, const casc_mnode *at, const char *what, const char *where,
                     const char *const *names, uint32_t n);

/* A text from the rule fit for a message: control characters escaped, cut
 * after 40 characters. */
const char *casc_rj_show(casc_rj *r, const casc_mnode *s);
/* "a" or "an" before word (a type such as "Equal"). */
const char *casc_rj_article(const char *word);
/* "an object", "a string", ... */
const char *casc_rj_kind_name(casc_mnode_kind kind);

/* node's span and its span as a token for the builders. */
casc_span casc_rj_span(const casc_mnode *node);
casc_token casc_rj_token(const casc_mnode *node);
/* The token of a string's text inside its quotes, which must be written
 * without escapes (the builders read it from the JSON text); else an error
 * saying what it is (what: "unit"). */
bool casc_rj_plain_token(casc_rj *r, const casc_mnode *s, const char *what, casc_token *out);

/* Check that every key of object is one of keys[0..n), given once; what
 * names the object in messages ("an Equal operator"). */
bool casc_rj_keys(casc_rj *r, const casc_mnode *object, const char *what,
                  const char *const *keys, uint32_t n);
/* Report that object lacks key: "a Sum needs 'column'" (the object named
 * by its type when it has one). */
void casc_rj_missing(casc_rj *r, const casc_mnode *object, const char *key);
/* The value of key, a null included; NULL when absent. */
const casc_mnode *casc_rj_lookup(const casc_mnode *object, const char *key);
/* The value of key; NULL when absent or null (a null stands for an absent
 * key where the key is optional). */
const casc_mnode *casc_rj_get(const casc_mnode *object, const char *key);
/* The value of key if it is of kind; else NULL, with an error unless it is
 * absent (or null) and optional. */
const casc_mnode *casc_rj_want_kind(casc_rj *r, const casc_mnode *object, const char *key,
                                    casc_mnode_kind kind, bool required);
/* The boolean value of key, false when absent (an error if not a boolean). */
bool casc_rj_flag(casc_rj *r, const casc_mnode *object, const char *key);
/* The index of object's "type" among names[0..n); -1 after an error. what
 * names the object ("condition", "operator"). */
int casc_rj_type(casc_rj *r, const casc_mnode *object, const char *what,
                 const char *const *names, uint32_t n);

/* A name from key (with its "qualifier" and the "...Exact" flags) of
 * object; false after an error. */
bool casc_rj_qname(casc_rj *r, const casc_mnode *object, const char *key, casc_qname *out);

/* An operator object's type (any of casc_rj_op) and "not" flag, its keys
 * checked against the type's. false after an error. */
bool casc_rj_operator(casc_rj *r, const casc_mnode *op, casc_rj_op *type, bool *not_);

/* The value of key in object (required), the non-empty list of values of
 * key, and the time window of a time operator (type >=
 * CASC_RJ_TIME_WITHIN_PAST). NULL after an error. */
casc_value *casc_rj_value_at(casc_rj *r, const casc_mnode *object, const char *key,
                             casc_rj_want want);
casc_values *casc_rj_values(casc_rj *r, const casc_mnode *object, const char *key);
casc_window *casc_rj_window(casc_rj *r, const casc_mnode *op, casc_rj_op type);

/* Conditions: any condition object (in_filter: inside a behavior's filter,
 * where Column conditions stand), a Value or Column condition's leaf, and
 * the leaf of a Value condition in the behavior shape (leftValue.source).
 * NULL after an error. */
casc_node *casc_rj_condition(casc_rj *r, const casc_mnode *c, bool in_filter);
casc_node *casc_rj_leaf(casc_rj *r, const casc_mnode *c, bool column);
casc_node *casc_rj_behavior(casc_rj *r, const casc_mnode *c, const casc_mnode *left);
/* Quote the name of leaf n where casc_rj_quote_pick_word says so. */
void casc_rj_settle_name(casc_node *n);
/* n, or NOT n, as `"not": true` on its operator means (at: that condition). */
casc_node *casc_rj_negate(casc_rj *r, casc_node *n, const casc_mnode *at);

#endif
