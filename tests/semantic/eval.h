/* eval.h - the reference evaluator.
 *
 * The meaning of a resolved rule (../shared/spec/rule-language.md),
 * computed directly over the fixture data: no plan, no SQL. It walks the
 * resolved tree as the spec reads: a negative form is the complement of
 * its positive form, NOT the complement within all profiles, aggregates
 * over no events are 0 or have no value, windows and calendars are
 * computed in the rule's zone (tz.h), a date is the start of its day there.
 * Where the spec is silent, README.md says what is taken. */
#ifndef SEM_EVAL_H
#define SEM_EVAL_H

#include <stdbool.h>

#include "dataset.h"
#include "resolved.h"

/* Evaluate rule with `now` pinned (a literal; without a zone it is in
 * zone) and the rule's time zone; out[p] says whether profile p is
 * selected. Returns NULL on success, or why the evaluator cannot decide
 * this rule exactly (the rule is then not compared). */
const char *sem_eval(const sem_data *d, const casc_rnode *rule, const casc_timelit *now,
                     const char *zone, bool *out);

/* SQL LIKE on the characters of UTF-8 text s: % any run, _ one character;
 * \%, \_ and \\ stand for the character itself, any other backslash is an
 * ordinary character (docs/dialects/). */
bool sem_like(const char *s, size_t ns, const char *p, size_t np);

#endif
