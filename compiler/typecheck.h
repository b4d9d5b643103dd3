/* typecheck.h - which operators and literals fit which types (spec §3).
 * Used by the resolver; reports errors naming both types. */
#ifndef CASC_TYPECHECK_H
#define CASC_TYPECHECK_H

#include "ast.h"
#include "diag.h"
#include "model.h"
#include "resolved.h"

typedef struct casc_typecheck {
    casc_diags *diags;
    const casc_source *src;
} casc_typecheck;

/* "a string", "an integer", ... */
const char *casc_type_phrase(casc_type t);
bool casc_type_is_time(casc_type t);
bool casc_type_is_numeric(casc_type t);
bool casc_type_is_array(casc_type t);
casc_type casc_type_element(casc_type array_type);

/* Check that v fits type t (the type of `what`, a name for messages) and
 * store it in out, converting a time string to a date or timestamp. */
bool casc_fit_value(const casc_typecheck *tc, const char *what, casc_type t, const casc_value *v,
                    casc_value *out);
/* Check that op applies to a value of type t; the span is the condition's. */
bool casc_check_operator(const casc_typecheck *tc, const char *what, casc_type t,
                         casc_pred_op op, casc_span at);
/* Check that the bounds of w are times, converting time strings. */
bool casc_fit_window(const casc_typecheck *tc, casc_window *w);

#endif
