/* diag.h - diagnostics collected during a compilation.
 *
 * A diagnostic has a severity, a message in the rule author's words, and a
 * byte span in a source (or no span, for errors about a whole file). One
 * function renders them all as
 *     FILE:LINE:COL: error: message
 *     the source line
 *         ^~~~
 */
#ifndef CASC_DIAG_H
#define CASC_DIAG_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "casc.h" /* casc_severity */
#include "source.h"
#include "strbuf.h"

#define CASC_NO_SPAN UINT32_MAX

typedef struct casc_diag {
    casc_severity severity;
    const casc_source *src; /* NULL: not about any text */
    uint32_t start, end;    /* byte span in src; start CASC_NO_SPAN: none */
    const char *message;
    const char *const *suggestions; /* "did you mean" candidates */
    uint32_t nsuggestions;
    struct casc_diag *next;
} casc_diag;

typedef struct casc_diags {
    casc_arena *arena;
    casc_diag *head, *tail;
    uint32_t nerrors;
    bool out_of_memory; /* some error was memory running out */
} casc_diags;

void casc_diags_init(casc_diags *d, casc_arena *arena);

#if defined(__GNUC__)
__attribute__((format(printf, 6, 7)))
#endif
casc_diag *casc_diag_add(casc_diags *d, casc_severity sev, const casc_source *src,
                         uint32_t start, uint32_t end, const char *fmt, ...);

/* Memory ran out while doing what ("parsing the rule"): an error without a
 * place, and d->out_of_memory set, so that callers can tell it apart. */
void casc_diag_out_of_memory(casc_diags *d, const casc_source *src, const char *what);

/* Append one diagnostic, with its source line and caret, to out. */
void casc_diag_render(const casc_diag *dg, casc_strbuf *out);
/* Append every diagnostic in order. */
void casc_diags_render(const casc_diags *d, casc_strbuf *out);

#endif
