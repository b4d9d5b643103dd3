/* outputs.h - the outputs other than the members (docs/outputs.md), on
 * PostgreSQL against the evaluator's selection of the same rule.
 *
 * After a rule's members agree (c->selected holds them), one output is
 * checked, chosen by k->pick: a breakdown (plain, top N, bucket edges,
 * equal-width buckets: each row's count is the evaluator's for that value
 * or bucket, and the rows sum to the members), the stats of a numeric
 * attribute, members with attribute columns (every value is the data's),
 * a limit by an attribute (exactly the evaluator's first N or P% by value
 * and key), a sample (exactly the profiles whose key the reference MD5 in
 * md5.c hashes into the share), an overlap with one or two other rules
 * (each region's count, and the regions sum to the union), or an events
 * export (each member's events, or its latest N). */
#ifndef SEM_OUTPUTS_H
#define SEM_OUTPUTS_H

#include "check.h"

/* SEM_OK, SEM_OUTPUT with what differs in *why, or another fault. */
sem_fault sem_check_output(sem_checker *c, casc_arena *a, const char *text, const sem_case *k,
                           char **why);

/* Sample sizes of every profile for several shares and seeds are within
 * four standard deviations of the share: counted into passed/failed. */
void sem_check_sample_sizes(sem_checker *c, const sem_case *k, int *passed, int *failed);

#endif
