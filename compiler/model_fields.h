/* model_fields.h - checked access to the maps of the generic model tree.
 *
 * The pieces model_build.c describes the model's shape with: a value is
 * fetched by field name and kind, and whatever is wrong (missing, unknown,
 * given twice, wrong kind, empty, a name defined twice) is reported with
 * the path of the place ("behaviors[1].timestamp_column") and its span.
 * Nothing stops at an error, so one load reports them all. */
#ifndef CASC_MODEL_FIELDS_H
#define CASC_MODEL_FIELDS_H

#include <stdbool.h>
#include <stdint.h>

#include "model_tree.h"

typedef struct casc_mf {
    const casc_mtree_ctx *cx;
    uint32_t nerrors; /* reported so far; past a limit the rest are dropped */
} casc_mf;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
/* An error at node (its whole span if a scalar, its first character if a
 * collection; no span when node is NULL). */
void casc_mf_error(casc_mf *f, const casc_mnode *at, const char *fmt, ...);

/* "path.key" ("key" at the top) and "path[i]", in the arena. */
const char *casc_mf_path(casc_mf *f, const char *path, const char *key);
const char *casc_mf_index(casc_mf *f, const char *path, uint32_t i);
/* A text from the file fit for a one-line message: control characters
 * escaped, cut after 40 characters. */
const char *casc_mf_show(casc_mf *f, const char *s, size_t n);

/* Report fields of map that are not in known (with a "did you mean"),
 * given twice, or named by something other than a string. */
void casc_mf_check_fields(casc_mf *f, const casc_mnode *map, const char *path,
                          const char *const *known, uint32_t nknown);
/* The value of field key, NULL when absent or null. */
const casc_mnode *casc_mf_get(const casc_mnode *map, const char *key);
/* A non-empty string value. NULL when absent or null (an error if
 * required) or of another kind (an error). */
const casc_mnode *casc_mf_string(casc_mf *f, const casc_mnode *map, const char *path,
                                 const char *key, bool required);
/* A list or map value, the same way. */
const casc_mnode *casc_mf_list(casc_mf *f, const casc_mnode *map, const char *path,
                               const char *key);
const casc_mnode *casc_mf_map(casc_mf *f, const casc_mnode *map, const char *path,
                              const char *key, bool required);
/* node itself if it is a map, else NULL with an error. */
const casc_mnode *casc_mf_as_map(casc_mf *f, const casc_mnode *node, const char *path);

/* Names defined once, compared ignoring ASCII case (as rules match them). */
typedef struct casc_mf_name casc_mf_name;
typedef struct casc_mf_names {
    casc_mf_name *slots;
    uint32_t cap, count;
} casc_mf_names;

/* Define the name held by the string node name at path (the item's path);
 * an error says where it was defined first. */
void casc_mf_define(casc_mf *f, casc_mf_names *set, const casc_mnode *name, const char *path);

#endif
