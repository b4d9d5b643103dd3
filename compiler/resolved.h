/* resolved.h - a rule after name resolution and type checking.
 *
 * Every name is bound to the model (attribute, behavior, field, segment),
 * every literal has the type its use needs (a time string is a parsed
 * time), and every condition has one meaning: a predicate on one value, or
 * an aggregate over a behavior's events. Rule segments are expanded in place
 * (a shared subtree); table segments stay references. The plan layer
 * (plan.h) reads this; nothing here knows about SQL. */
#ifndef CASC_RESOLVED_H
#define CASC_RESOLVED_H

#include "ast.h"
#include "model.h"

typedef enum {
    CASC_R_AND,
    CASC_R_OR,
    CASC_R_NOT,
    CASC_R_TRUE,
    CASC_R_FALSE,
    CASC_R_PRED,          /* a test of one value: attribute or event field */
    CASC_R_BEHAVIOR,      /* events of a behavior: exist / measure / first / last */
    CASC_R_SEGMENT_TABLE, /* membership in a table segment */
} casc_rkind;

typedef enum {
    CASC_P_EQ,
    CASC_P_LT,
    CASC_P_LE,
    CASC_P_GT,
    CASC_P_GE,
    CASC_P_IN,
    CASC_P_BETWEEN,   /* inclusive range (numbers, strings) */
    CASC_P_IS_NULL,
    CASC_P_IS_EMPTY,  /* array: no elements, or null */
    CASC_P_CONTAINS,  /* substring, literal text */
    CASC_P_STARTS_WITH,
    CASC_P_ENDS_WITH,
    CASC_P_LIKE,
    CASC_P_MATCHES,   /* regular expression search */
    CASC_P_HAS,       /* array has the element */
    CASC_P_HAS_ANY,
    CASC_P_HAS_ALL,
    CASC_P_IS_TRUE,   /* a boolean alone */
    CASC_P_WINDOW,    /* a time within a window (spec §5) */
} casc_pred_op;

/* The value a predicate tests. */
typedef struct casc_operand {
    const casc_attribute *attr; /* an attribute ... */
    const casc_field *field;    /* ... or a field of the enclosing behavior */
    casc_type type;
} casc_operand;

typedef struct casc_rnode casc_rnode;

struct casc_rnode {
    casc_rkind kind;
    bool negated; /* PRED: the negative form, exactly its complement */
    casc_span span;
    const casc_source *src;
    union {
        struct {
            casc_rnode **items;
            uint32_t n;
        } list;           /* AND, OR */
        casc_rnode *child; /* NOT */
        struct {
            casc_operand on;
            /* Typed for the operand: IN, HAS_ANY, HAS_ALL: the list;
             * BETWEEN: lo, hi; the other comparisons: the value. */
            const casc_value *values;
            const casc_window *window; /* WINDOW (bounds typed as times) */
            casc_pred_op op;
            uint32_t nvalues;
        } pred;
        struct {
            const casc_behavior *behavior;
            casc_pick pick;
            casc_rnode *filter; /* NULL: every event */
            const casc_measure *measure; /* NULL: at least one event */
            const casc_field *measure_field;
            const casc_window *window;   /* NULL: all time */
        } beh;
        const casc_segment *segment; /* SEGMENT_TABLE */
    } u;
};

#endif
