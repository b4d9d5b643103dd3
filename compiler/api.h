/* api.h - what lies behind the handles of the public header (casc.h).
 *
 * A result owns one arena holding everything it returns: its text, its
 * diagnostics (messages, names, suggestions) and the rendered diagnostics,
 * so it stays valid after the model and the caller's rule are gone. A
 * model owns the arena it was loaded into, with a copy of its text. */
#ifndef CASC_API_H
#define CASC_API_H

#include "arena.h"
#include "casc.h"
#include "diag.h"
#include "model.h"
#include "strbuf.h"

struct casc_model {
    casc_arena *arena;
    casc_source src; /* the model text, for diagnostics about segment rules */
    const casc_parent_model *model;
};

struct casc_result {
    casc_arena *arena; /* NULL only for the shared out-of-memory result */
    casc_status status;
    const char *text; /* NULL unless CASC_OK */
    char *owned;      /* text's heap buffer, taken from the builder (not copied) */
    size_t len;
    casc_diagnostic *diags;
    size_t ndiags;
    const char *diags_text;
    const char **tables;
    size_t ntables;
};

/* A new, empty result (status CASC_OK) with its arena and diagnostics
 * collector, or NULL when memory is exhausted. */
casc_result *casc_result_new(casc_diags *d);
/* The result for when memory ran out: immutable, never freed. */
casc_result *casc_result_nomem(void);
/* Close r with status (CASC_OK: with text, whose buffer it takes over,
 * leaving text empty; a 10 MB rule's SQL is not copied again): the
 * diagnostics in d become data and text. Takes r's arena failure into
 * account, returning the out-of-memory result instead (after freeing r). */
casc_result *casc_result_finish(casc_result *r, casc_status status, const casc_diags *d,
                                casc_strbuf *text);
/* An option error: one diagnostic without a place. */
casc_result *casc_result_option_error(casc_result *r, casc_diags *d, const char *fmt, ...)
#if defined(__GNUC__)
    __attribute__((format(printf, 3, 4)))
#endif
    ;

#endif
