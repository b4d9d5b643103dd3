/* ast.h - the syntax tree of a rule.
 *
 * Every node and value keeps its byte span in the rule's source. The tree is
 * syntactic: whether `x in last 7 days` is about an attribute or a behavior
 * is decided by name resolution, not here. Negative spellings (`!=`,
 * `not in`, `not contains`, ...) are a `negated` flag on the positive leaf;
 * a leading `not` is a CASC_N_NOT node. AND and OR are n-ary and flat: no
 * AND has an AND child, no OR an OR child, so long chains never recurse.
 * Nodes live in the compilation's arena. */
#ifndef CASC_AST_H
#define CASC_AST_H

#include <stdbool.h>
#include <stdint.h>

#include "strbuf.h"

typedef struct casc_span {
    uint32_t start, end; /* [start, end) byte offsets */
} casc_span;

typedef enum {
    CASC_UNIT_MINUTE,
    CASC_UNIT_HOUR,
    CASC_UNIT_DAY,
    CASC_UNIT_WEEK,
    CASC_UNIT_MONTH,
    CASC_UNIT_QUARTER,
    CASC_UNIT_YEAR,
} casc_unit;

const char *casc_unit_name(casc_unit u); /* "day" */

/* A time literal, already checked to be a real calendar date/time. */
typedef struct casc_timelit {
    int32_t year;
    uint8_t month, day, hour, minute, second;
    bool has_time;       /* a timestamp, not a date */
    bool has_zone;       /* Z or an offset was written */
    int16_t zone_minutes; /* offset east of UTC */
    uint32_t nanos;
} casc_timelit;

typedef enum {
    CASC_V_STRING,
    CASC_V_NUMBER,
    CASC_V_BOOL,
    CASC_V_DATE,      /* 2026-03-30 */
    CASC_V_TIMESTAMP, /* 2026-03-30T10:30:00Z */
    CASC_V_NOW,
    CASC_V_TODAY,
    CASC_V_YESTERDAY,
    CASC_V_AGO,      /* N UNIT ago */
    CASC_V_FROM_NOW, /* N UNIT from now */
} casc_value_kind;

typedef struct casc_value {
    casc_value_kind kind;
    casc_span span;
    /* STRING: the decoded text ('' collapsed); NUMBER: the literal as
     * written; DATE/TIMESTAMP: the literal as written. */
    const char *text;
    uint32_t len;
    bool boolean;      /* BOOL */
    bool is_integer;   /* NUMBER: no fraction or exponent, fits int64 */
    int64_t integer;   /* NUMBER when is_integer; AGO, FROM_NOW: N */
    casc_unit unit;    /* AGO, FROM_NOW */
    casc_timelit time; /* DATE, TIMESTAMP */
} casc_value;

typedef struct casc_values {
    casc_value *items;
    uint32_t n, cap;
} casc_values;

typedef struct casc_name {
    const char *text; /* decoded ("" collapsed in quoted names) */
    uint32_t len;
    bool quoted; /* quoted names match exactly, bare ones ignoring case */
    casc_span span;
} casc_name;

/* A possibly qualified name: `field` or `behavior.field`. */
typedef struct casc_qname {
    casc_name qualifier; /* len 0 when absent */
    casc_name name;
    casc_span span;
} casc_qname;

typedef enum { CASC_OP_EQ, CASC_OP_LT, CASC_OP_LE, CASC_OP_GT, CASC_OP_GE, CASC_OP_BETWEEN } casc_op;

typedef enum {
    CASC_MATCH_CONTAINS,
    CASC_MATCH_STARTS_WITH,
    CASC_MATCH_ENDS_WITH,
    CASC_MATCH_LIKE,
    CASC_MATCH_MATCHES,
} casc_match;

typedef enum {
    CASC_W_LAST_N,   /* in last N UNIT */
    CASC_W_NEXT_N,   /* in next N UNIT */
    CASC_W_THIS,     /* this UNIT */
    CASC_W_PREVIOUS, /* previous UNIT, last UNIT */
    CASC_W_NEXT,     /* next UNIT */
    CASC_W_TODAY,
    CASC_W_YESTERDAY,
    CASC_W_BETWEEN, /* between T1 and T2 (this kind and the ones after it have bounds) */
    CASC_W_SINCE,
    CASC_W_AFTER,
    CASC_W_BEFORE,
} casc_window_kind;

typedef struct casc_window {
    casc_window_kind kind;
    casc_span span;
    int64_t count; /* LAST_N, NEXT_N */
    casc_unit unit;
    casc_value lo, hi; /* BETWEEN: lo, hi; SINCE/AFTER/BEFORE: lo */
} casc_window;

typedef enum {
    CASC_M_COUNT,
    CASC_M_COUNT_DISTINCT,
    CASC_M_SUM,
    CASC_M_AVG,
    CASC_M_MIN,
    CASC_M_MAX,
} casc_measure_kind;

typedef struct casc_measure {
    casc_measure_kind kind;
    casc_span span;
    casc_qname field; /* all but COUNT */
    casc_op op;       /* comparison with the aggregate */
    bool negated;     /* != */
    casc_value lo, hi; /* lo for one-sided ops, lo..hi for BETWEEN */
} casc_measure;

typedef enum {
    CASC_N_AND,
    CASC_N_OR,
    CASC_N_NOT,
    CASC_N_TRUE,
    CASC_N_FALSE,
    CASC_N_COMPARE,      /* a = v, a != v, a < v, ... */
    CASC_N_IN,           /* a [not] in (v, ...) */
    CASC_N_BETWEEN,      /* a [not] between v and w (a window when a is a time
                            or a behavior; see the resolver) */
    CASC_N_IS_NULL,      /* a is [not] null */
    CASC_N_IS_EMPTY,     /* a is [not] empty */
    CASC_N_MATCH,        /* a [not] contains/starts with/ends with/like/matches v */
    CASC_N_CONTAINS_SET, /* a [not] contains any|all (v, ...) */
    CASC_N_SUBJECT,      /* [first|last] a [where F] [MEASURE] [WINDOW] */
    CASC_N_SEGMENT,      /* in segment 'Name' */
} casc_node_kind;

typedef enum { CASC_PICK_NONE, CASC_PICK_FIRST, CASC_PICK_LAST } casc_pick;

typedef struct casc_node casc_node;

struct casc_node {
    casc_node_kind kind;
    casc_span span;
    uint32_t depth; /* nesting below this node, for the depth limit */
    bool negated;   /* the negative spelling of a leaf */
    union {
        struct { /* AND, OR */
            casc_node **items;
            uint32_t n, cap;
        } list;
        casc_node *child; /* NOT */
        struct casc_leaf { /* leaves on a name, and SUBJECT */
            casc_qname subject;
            casc_op op;          /* COMPARE */
            casc_match match;    /* MATCH */
            casc_pick pick;      /* SUBJECT */
            bool all;            /* CONTAINS_SET: all, else any */
            /* COMPARE, MATCH: the value; BETWEEN: lo, hi; IN, CONTAINS_SET:
             * the list (a big rule has a leaf per condition: no room is
             * kept for values it does not have). */
            casc_values values;
            casc_node *filter;   /* SUBJECT: NULL when none */
            casc_measure *measure; /* SUBJECT: NULL when none */
            casc_window *window; /* SUBJECT: NULL when none */
        } leaf;
        casc_value segment; /* SEGMENT: the name as a string value */
    } u;
};

/* Structural equality, ignoring spans (and the spelling of equal values:
 * `1e3` is not `1000`, but `'a'` written either way is). */
bool casc_ast_equal(const casc_node *a, const casc_node *b);

/* A one-line S-expression of the tree, for tests and debugging. */
void casc_ast_dump(const casc_node *n, casc_strbuf *out);

#endif
