/* dialects.h - the Snowflake and Databricks statements of the checked
 * rules, parsed by sqlglot in one python3 process per dialect that runs
 * beside the harness (tests/sqlglot_parse.py DIALECT -, fed JSON lines):
 * each must parse as one statement, and every string literal of the rule
 * must come out as a string literal with exactly its value. */
#ifndef SEM_DIALECTS_H
#define SEM_DIALECTS_H

#include "backend.h"
#include "plan.h"

enum { SEM_DIALECTS = 2 };

typedef struct sem_batch sem_batch;

/* Start the two checkers (script is tests/sqlglot_parse.py); NULL on
 * error. */
sem_batch *sem_batch_new(const char *script);
/* The backends of the batch's dialects. */
const casc_backend *sem_batch_backend(int dialect);
/* Add dialect's statement for rule (text) with label; the strings it must
 * keep are the string values of the plan (NULL: casc failed to compile). */
void sem_batch_add(sem_batch *b, int dialect, const char *sql, const casc_plan *plan,
                   const char *label, const char *text);
/* Wait for the checkers; prints each failure. Adds the statements that
 * pass and fail to *passed and *failed. */
void sem_batch_run(sem_batch *b, int *passed, int *failed);
/* Stop the checkers if still running; remove their files. */
void sem_batch_free(sem_batch *b);

#endif
