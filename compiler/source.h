/* source.h - a named text (rule or model file) and positions in it.
 *
 * Everything else keeps byte offsets; lines and columns are computed here
 * only when a diagnostic is shown (as jq's locfile does). */
#ifndef CASC_SOURCE_H
#define CASC_SOURCE_H

#include <stddef.h>
#include <stdint.h>

typedef struct casc_source {
    const char *name; /* "FILE", "<stdin>" or "<argument>" */
    const char *text; /* text[len] is '\0' */
    size_t len;
    uint32_t line_base; /* lines before this text in its file (--each-line) */
} casc_source;

typedef struct casc_linecol {
    uint32_t line, col; /* 1-based; col counts characters, not bytes */
} casc_linecol;

casc_linecol casc_source_linecol(const casc_source *src, size_t offset);

/* Offset of the first byte that is NUL or not part of well-formed UTF-8
 * (overlongs, surrogates and values past U+10FFFF included), or n when the
 * whole text is fine. *nul tells which of the two was found. */
size_t casc_utf8_find_invalid(const char *s, size_t n, int *nul);
/* Length of the UTF-8 sequence starting at s (1 for ASCII); s is valid. */
size_t casc_utf8_len(const char *s);

#endif
