/* dataset.h - the fixture data, read for the reference evaluator.
 *
 * Each table of the model is a file DIR/SCHEMA.TABLE.tsv in PostgreSQL's
 * COPY text format with a header line of column names (gen_data.py writes
 * them; db.c loads the same files into PostgreSQL). Values are typed by the
 * model. Keys are integers. Attribute values are joined to the profiles
 * here; events and segment members whose key is no profile's are dropped,
 * as no rule can see them. */
#ifndef SEM_DATASET_H
#define SEM_DATASET_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"
#include "num.h"
#include "tz.h"

typedef enum {
    SV_NULL,
    SV_STRING,
    SV_NUMBER, /* integer and number */
    SV_BOOL,
    SV_DATE, /* a calendar day: its start depends on the rule's zone */
    SV_TIME, /* an instant; in a behavior with a timezone, a reading of that
                zone's clock (held as if the clock were UTC) */
    SV_ARRAY,
} sem_vkind;

typedef struct sem_value {
    sem_vkind kind;
    uint32_t len; /* STRING: bytes; ARRAY: elements */
    union {
        const char *str;
        sem_num num;
        bool boolean;
        int64_t day; /* DATE: days since 1970-01-01 */
        sem_time time;
        const struct sem_value *items; /* ARRAY: STRING, NUMBER or NULL elements */
    } u;
} sem_value;

/* The events of one behavior, grouped by profile. */
typedef struct sem_events {
    uint32_t n;
    uint32_t *start;   /* nprofiles + 1 entries: profile p has [start[p], start[p+1]) */
    sem_value *time;   /* TIME (timestamps and epochs), DATE, or NULL */
    sem_value **field; /* per field of the behavior: n values */
} sem_events;

typedef struct sem_data {
    const casc_parent_model *model;
    uint32_t nprofiles;
    int64_t *keys;    /* ascending; profile i has keys[i] */
    sem_value **attr; /* per model attribute: nprofiles values */
    sem_events *beh;  /* per model behavior */
    bool **segment;   /* per model segment: membership per profile (NULL: a rule) */
    casc_arena *arena;
} sem_data;

/* The whole of a file, NUL-terminated, its length in *len (malloc'd), or
 * NULL. */
char *sem_read_file(const char *path, size_t *len);

/* The file of a table, "SCHEMA.TABLE.tsv", in buf. */
const char *sem_table_file(const casc_table *t, char *buf, size_t size);

/* Read every table of model from dir; NULL after printing what is wrong. */
sem_data *sem_data_load(const casc_parent_model *model, const char *dir);
void sem_data_free(sem_data *d);

/* qsort order of int64_t keys, ascending. */
int sem_key_order(const void *a, const void *b);

/* The profile with this key, or -1. */
int64_t sem_profile_of(const sem_data *d, int64_t key);

#endif
