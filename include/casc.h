/* casc.h - libcasc: compile audience segment rules to warehouse SQL.
 *
 * The whole public interface of the library. A program loads a parent
 * segment model once, then compiles rules against it:
 *
 *     casc_model *model;
 *     casc_result *r = casc_model_load_file("retail.yaml", &model);
 *     if (casc_result_status(r) != CASC_OK) { ...diagnostics...; }
 *     casc_result_free(r);
 *
 *     casc_options o = {0};            // zero means every default
 *     o.dialect = "databricks";
 *     r = casc_compile(model, "loyalty_tier = 'Gold'", (size_t)-1, &o);
 *     if (casc_result_status(r) == CASC_OK)
 *         puts(casc_result_text(r, NULL));
 *     casc_result_free(r);
 *     casc_model_free(model);
 *
 * Rules: docs/rule-language.md (text) and docs/rule-json.md (JSON).
 * Models: docs/model.md. This interface, with examples: docs/library.md.
 *
 * Every call returns a result (never NULL, even when memory runs out) that
 * holds a status, the output text and the diagnostics; free it with
 * casc_result_free. The library never prints, never exits and never aborts
 * on bad input. A loaded model is immutable: any number of threads may
 * compile against one model at once. Nothing else is shared between calls.
 */
#ifndef CASC_H
#define CASC_H

#include <stddef.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(__GNUC__)
#define CASC_API __attribute__((visibility("default")))
#else
#define CASC_API
#endif

/* The library's version, "MAJOR.MINOR.PATCH". */
#define CASC_VERSION "0.2.0"
CASC_API const char *casc_version(void);

/* ---- outcomes ---- */

typedef enum casc_status {
    CASC_OK = 0,
    CASC_ERR_INPUT = 1,   /* the rule or the model has errors: see the diagnostics */
    CASC_ERR_OPTIONS = 2, /* an option is not valid (one diagnostic says which) */
    CASC_ERR_IO = 3,      /* a file could not be read */
    CASC_ERR_NOMEM = 4,   /* memory ran out; nothing else is known */
} casc_status;

typedef enum casc_severity { CASC_SEV_ERROR, CASC_SEV_WARNING, CASC_SEV_NOTE } casc_severity;

/* One diagnostic, as data a user interface can underline. */
typedef struct casc_diagnostic {
    casc_severity severity;
    const char *message;
    const char *file;     /* the text's name ("<rule>", a model file); NULL: none */
    unsigned line;        /* 1-based; 0 when the diagnostic has no place */
    unsigned column;      /* 1-based, in characters; 0 when no place */
    size_t start, end;    /* byte span [start, end) in that text */
    const char *const *suggestions; /* "did you mean" names */
    size_t nsuggestions;
} casc_diagnostic;

typedef struct casc_result casc_result;

CASC_API casc_status casc_result_status(const casc_result *r);
/* The output: SQL, a formatted rule, a schema. NULL unless the status is
 * CASC_OK. *len (when len is not NULL) gets its length in bytes. */
CASC_API const char *casc_result_text(const casc_result *r, size_t *len);
CASC_API size_t casc_result_diagnostic_count(const casc_result *r);
/* Diagnostic i (0-based), or NULL past the end. */
CASC_API const casc_diagnostic *casc_result_diagnostic(const casc_result *r, size_t i);
/* Every diagnostic rendered for a terminal, as `casc` prints them:
 * "FILE:LINE:COL: error: message", the source line and a caret. "" when
 * there is none. */
CASC_API const char *casc_result_diagnostics_text(const casc_result *r);
/* The tables a compiled statement reads ("db.schema.table"). */
CASC_API size_t casc_result_table_count(const casc_result *r);
CASC_API const char *casc_result_table(const casc_result *r, size_t i);
CASC_API void casc_result_free(casc_result *r);

/* ---- models ---- */

typedef struct casc_model casc_model;

/* Load a parent segment model, JSON or YAML (by the name's extension,
 * else by its first character). On success *model is set (free it with
 * casc_model_free); otherwise *model is NULL and the result says why. */
CASC_API casc_result *casc_model_load_file(const char *path, casc_model **model);
/* The same from text in memory (copied); name is used in diagnostics. */
CASC_API casc_result *casc_model_load_memory(const char *name, const char *text, size_t len,
                                             casc_model **model);
CASC_API void casc_model_free(casc_model *model);
/* What the model offers to rules: format "text" (NULL) or "json". */
CASC_API casc_result *casc_model_schema(const casc_model *model, const char *format);

/* ---- rules ---- */

typedef enum casc_rule_format {
    CASC_RULE_AUTO = 0, /* JSON when the text starts with '{', else the rule language */
    CASC_RULE_DSL,      /* the rule language (docs/rule-language.md) */
    CASC_RULE_JSON,     /* a JSON rule tree (docs/rule-json.md) */
} casc_rule_format;

/* Options of one call. Zero-initialize, then set what you need; a NULL
 * string means the default. New fields are only ever added at the end. */
typedef struct casc_options {
    const char *dialect;  /* "snowflake" (default), "databricks", "postgres" */
    const char *now;      /* pin "now": "2026-03-30T12:00:00Z"; default: query time */
    const char *timezone; /* IANA zone for calendar windows; default "UTC" */
    const char *select;   /* "members" (default), "count", "breakdown", "stats",
                             "events" (docs/outputs.md) */
    casc_rule_format from; /* how the rule is written */
    const char *name;     /* the rule's name in diagnostics; default "<rule>" */
    unsigned first_line;  /* lines before the rule in its file, for diagnostics */
    /* The output's shape (docs/outputs.md); each as `casc compile` takes it. */
    const char *by;       /* breakdown: the attribute whose values are counted */
    const char *top;      /* breakdown: "N", the N most common values, the rest as one row */
    const char *buckets;  /* breakdown: "N" equal-width buckets or edges "e1,e2,..." */
    const char *of;       /* stats: the numeric attribute summed and averaged */
    const char *columns;  /* members: attributes after the key, "a,b,c" */
    const char *limit;    /* members: "N" profiles, or "P%" of the audience */
    const char *order_by; /* members: "ATTR", "ATTR asc" or "ATTR desc" */
    const char *sample;   /* "P%" or "A%-B%" of the audience by a hash of the key */
    const char *seed;     /* the sample's seed (default "0") */
    const char *behavior; /* events: the behavior whose events are exported */
    const char *last;     /* events: "N", the latest N events per profile */
} casc_options;

/* Check options without compiling: CASC_ERR_OPTIONS and one diagnostic
 * naming the bad option, or CASC_OK. */
CASC_API casc_result *casc_options_check(const casc_options *options);

/* For the calls below: length (size_t)-1 means the rule is a
 * NUL-terminated string; options may be NULL for every default; model
 * must be a loaded model. */

/* Compile a rule to one SQL statement (the result's text). */
CASC_API casc_result *casc_compile(const casc_model *model, const char *rule, size_t len,
                                   const casc_options *options);
/* The most rules casc_overlap takes. */
#define CASC_MAX_OVERLAP 8

/* One SQL statement counting the profiles in each combination of n rules
 * (1 to CASC_MAX_OVERLAP): the regions of their Venn diagram, in one pass.
 * lens[i] is rule i's length ((size_t)-1: NUL-terminated; lens may be
 * NULL for all NUL-terminated). Rule i is named "<rule I>" (1-based) in
 * diagnostics. Of the options only dialect, now, timezone, from, sample
 * and seed apply; setting another is CASC_ERR_OPTIONS. */
CASC_API casc_result *casc_overlap(const casc_model *model, const char *const *rules,
                                   const size_t *lens, size_t n, const casc_options *options);
/* Parse, resolve and type-check only; the result has no text. */
CASC_API casc_result *casc_check(const casc_model *model, const char *rule, size_t len,
                                 const casc_options *options);
/* Rewrite a rule (read as options->from says) in canonical form: to
 * CASC_RULE_DSL the rule language, to CASC_RULE_JSON the JSON tree. No
 * model is needed. */
CASC_API casc_result *casc_format(const char *rule, size_t len, casc_rule_format to,
                                  const casc_options *options);

#ifdef __cplusplus
}
#endif

#endif
