/* typecheck.h - which operators and literals fit which types (spec §3-§5,
 * docs/names-and-types.md). Used by the resolver; every error names both
 * types and points at the offending token. */
#ifndef CASC_TYPECHECK_H
#define CASC_TYPECHECK_H

#include "ast.h"
#include "diag.h"
#include "model.h"
#include "resolved.h"

typedef struct casc_typecheck {
    casc_diags *diags;
    const casc_source *src; /* the text the spans are in */
} casc_typecheck;

/* What a literal must fit: the value of a named attribute or field, or one
 * element of it when it is an array (then type is the element type). */
typedef struct casc_slot {
    const char *name;
    casc_type type;
    bool element;
} casc_slot;

/* "a string", "an integer", ... */
const char *casc_type_phrase(casc_type t);
bool casc_type_is_time(casc_type t);
bool casc_type_is_numeric(casc_type t);
bool casc_type_is_array(casc_type t);
casc_type casc_type_element(casc_type array_type);

/* Check that v fits s and store it in out, a time string converted to a
 * date or timestamp. */
bool casc_fit_value(const casc_typecheck *tc, const casc_slot *s, const casc_value *v,
                    casc_value *out);
/* Check that op (negated: its negative spelling) applies to name, of type
 * t; at is the operator's span. IS_TRUE is the name alone and WINDOW a
 * window: then at is the name's or the window's span. */
bool casc_check_operator(const casc_typecheck *tc, const char *name, casc_type t,
                         casc_pred_op op, bool negated, casc_span at);
/* Check that the bounds of a window on behavior (or time attribute) name
 * are times, converting time strings. */
bool casc_fit_window(const casc_typecheck *tc, const char *name, casc_window *w);
/* Check that measure m can aggregate field f. */
bool casc_check_measure(const casc_typecheck *tc, const casc_measure *m, const casc_field *f);

#endif
