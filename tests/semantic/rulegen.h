/* rulegen.h - random well-typed rules over the fixture model.
 *
 * Rules are written as text, so they go through the lexer and the parser
 * too: every condition kind of spec §3-§6 in its spellings (keyword case,
 * `!=`/`<>`, quoted and qualified names, window synonyms, time literals as
 * dates, timestamps with and without zones and as strings), nested with
 * and/or/not and parentheses. Literals come from the fixture data (values,
 * substrings, LIKE patterns and regular expressions built from them, times
 * of events) so that conditions split the profiles; window counts come from
 * clock.txt, whose edges the data has events on. */
#ifndef SEM_RULEGEN_H
#define SEM_RULEGEN_H

#include <stdint.h>

#include "clock.h"
#include "dataset.h"
#include "strbuf.h"

/* Append the rule that seed gives (the same every time) to out. zone is
 * the rule's time zone, for literals written without one. */
void rulegen_rule(const sem_data *d, const sem_clock *clock, uint64_t seed, const char *zone,
                  casc_strbuf *out);

#endif
