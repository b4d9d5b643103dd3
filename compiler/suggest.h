/* suggest.h - "did you mean" candidates for an unknown name. */
#ifndef CASC_SUGGEST_H
#define CASC_SUGGEST_H

#include <stddef.h>
#include <stdint.h>

#define CASC_MAX_SUGGESTIONS 3

/* Store in out (up to CASC_MAX_SUGGESTIONS) the candidates closest to name
 * by edit distance, ignoring case and counting a swap of neighbours as one
 * edit, closest first; only candidates close enough to be a likely typo.
 * Returns how many were stored. */
uint32_t casc_suggest(const char *name, size_t len, const char *const *candidates, uint32_t n,
                      const char **out);

#endif
