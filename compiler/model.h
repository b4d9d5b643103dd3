/* model.h - the parent segment model (../shared/spec/model.md).
 *
 * Loaded once from JSON or YAML into this structure, then immutable: many
 * compilations (and threads) may share one model. Everything a model holds
 * lives in the arena it was loaded into. */
#ifndef CASC_MODEL_H
#define CASC_MODEL_H

#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "name_quoting.h"
#include "source.h"

typedef enum {
    CASC_TYPE_STRING,
    CASC_TYPE_INTEGER,
    CASC_TYPE_NUMBER,
    CASC_TYPE_BOOLEAN,
    CASC_TYPE_DATE,
    CASC_TYPE_TIMESTAMP,
    CASC_TYPE_STRING_ARRAY,
    CASC_TYPE_NUMBER_ARRAY,
} casc_type;

/* The model's spelling of a type ("string", "number_array", ...). */
const char *casc_type_name(casc_type t);

typedef enum {
    CASC_TIME_TIMESTAMP, /* instants; UTC unless the behavior names a zone */
    CASC_TIME_DATE,
    CASC_TIME_EPOCH_SECONDS,
    CASC_TIME_EPOCH_MILLIS,
} casc_time_storage;

/* The model's spelling of a timestamp_type ("epoch_seconds", ...). */
const char *casc_time_storage_name(casc_time_storage s);

typedef struct casc_table {
    const char *database; /* NULL when not given ("catalog" is a synonym) */
    const char *schema;   /* NULL when not given */
    const char *table;
} casc_table;

/* A place in the model file, for diagnostics about names defined there:
 * the item's path and the offset of its name (of its rule, for a segment
 * defined by a rule). */
typedef struct casc_model_place {
    uint32_t offset; /* byte offset in the model source, CASC_NO_SPAN if unknown */
    const char *path; /* "behaviors[1]", "master_table.columns[2]" */
} casc_model_place;

typedef struct casc_field {
    const char *name;
    const char *column; /* the column in the warehouse (== name unless given) */
    casc_type type;
    casc_model_place place;
} casc_field;

typedef struct casc_attribute {
    const char *name;
    const char *column; /* master column, or the attribute table's value_column */
    casc_type type;
    const casc_table *table; /* NULL: a column of the master table */
    const char *key_column;  /* its table's key (default: the master's); NULL for master */
    casc_model_place place;
} casc_attribute;

typedef struct casc_behavior {
    const char *name;
    casc_table table;
    const char *key_column; /* the master's key_column unless given */
    const char *time_column;
    casc_time_storage time_storage;
    const char *timezone; /* zone of timestamp values; NULL means UTC */
    const casc_field *fields;
    uint32_t nfields;
    casc_model_place place;
} casc_behavior;

typedef struct casc_segment {
    const char *name;
    /* Either a rule ... */
    const char *rule;
    casc_source rule_source; /* the rule text, named after the model file */
    /* ... parsed once when the model is loaded (NULL when it does not
     * parse: compilations that use it parse it again for the errors). */
    const struct casc_node *tree;
    /* ... or a table of member keys. */
    const casc_table *table;
    const char *key_column; /* the master's key_column unless given */
    casc_model_place place;
} casc_segment;

typedef struct casc_parent_model {
    const char *name; /* NULL when not given */
    casc_table master;
    const char *key_column;
    const casc_attribute *attributes; /* master columns first, then attribute tables */
    uint32_t nattributes;
    const casc_behavior *behaviors;
    uint32_t nbehaviors;
    const casc_segment *segments;
    uint32_t nsegments;
    int quote_always; /* quote_identifiers: always */
    const casc_source *source;
    casc_name_quoting quoting; /* which names need quotes where */
} casc_parent_model;

/* The longest model file: far beyond any real model; keeps every offset in
 * 32 bits. */
#define CASC_MAX_MODEL_BYTES (64u * 1024u * 1024u)

/* Load a model from src (its name is the file name). JSON or YAML is chosen
 * by the name's extension (.json, .yaml, .yml), else by the first non-blank
 * character. On error returns NULL with diagnostics in d. */
const casc_parent_model *casc_model_load(casc_arena *arena, const casc_source *src, casc_diags *d);

#endif
