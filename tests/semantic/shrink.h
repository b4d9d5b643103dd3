/* shrink.h - make a failing rule small.
 *
 * Edits the rule's syntax tree (keep one operand of and/or, drop one, drop
 * a not, drop a filter, measure, window or first/last, drop a value of a
 * list) and keeps an edit when the rule, formatted back to text, still
 * fails the same way; until no edit does. */
#ifndef SEM_SHRINK_H
#define SEM_SHRINK_H

#include <stdbool.h>

/* True when rule (text) still fails as the original did. */
typedef bool (*shrink_test)(const char *rule, void *ctx);

/* The smallest failing rule found within max_tests tries (malloc'd). */
char *shrink_rule(const char *rule, shrink_test still_fails, void *ctx, int max_tests);

#endif
