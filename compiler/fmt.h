/* fmt.h - the canonical text of a rule (`casc fmt`).
 *
 * Lower-case keywords, single spaces, the fewest parentheses that keep the
 * meaning (plus those around a comparison under `not`: `not (a = 1)`),
 * negative forms spelled as written (`!=`, `not in`), one window spelling
 * per kind (`in last 30 days`, `previous month`). A rule that does not fit
 * in 80 columns gets one condition per line, the operator leading, with
 * `(...)`, `not (...)` and `where (...)` opening indented blocks. Parsing
 * the output gives the same tree, and formatting it again gives the same
 * text. */
#ifndef CASC_FMT_H
#define CASC_FMT_H

#include "ast.h"
#include "strbuf.h"

#define CASC_FMT_WIDTH 80

void casc_fmt(const casc_node *rule, casc_strbuf *out);

#endif
