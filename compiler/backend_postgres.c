/* backend_postgres.c - PostgreSQL (docs/dialects/postgres.md).
 *
 * Strings are standard ('' doubles a quote, backslash is ordinary: the
 * default standard_conforming_strings). Times are `timestamp without time
 * zone` holding UTC; AT TIME ZONE converts both ways. */
#include "backend.h"

/* PostgreSQL's reserved key words: pg_get_keywords() categories R
 * (reserved) and T (reserved, can be function or type), lower case,
 * sorted. Other key words work unquoted as table and column names. */
static const char *const reserved[] = {
    "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric",
    "authorization", "binary", "both", "case", "cast", "check", "collate", "collation",
    "column", "concurrently", "constraint", "create", "cross", "current_catalog",
    "current_date", "current_role", "current_schema", "current_time", "current_timestamp",
    "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
    "except", "false", "fetch", "for", "foreign", "freeze", "from", "full", "grant", "group",
    "having", "ilike", "in", "initially", "inner", "intersect", "into", "is", "isnull", "join",
    "lateral", "leading", "left", "like", "limit", "localtime", "localtimestamp", "natural",
    "not", "notnull", "null", "offset", "on", "only", "or", "order", "outer", "overlaps",
    "placing", "primary", "references", "returning", "right", "select", "session_user",
    "similar", "some", "symmetric", "table", "tablesample", "then", "to", "trailing", "true",
    "union", "unique", "user", "using", "variadic", "verbose", "when", "where", "window",
    "with",
};

const casc_backend casc_backend_postgres = {
    .name = "postgres",
    .quote = '"',
    .omit_database = true,
    .index_probes = true,
    .reserved = reserved,
    .nreserved = sizeof reserved / sizeof *reserved,
    .units = {[CASC_UNIT_MINUTE] = "minute", [CASC_UNIT_HOUR] = "hour", [CASC_UNIT_DAY] = "day",
              [CASC_UNIT_MONTH] = "month", [CASC_UNIT_QUARTER] = "quarter",
              [CASC_UNIT_YEAR] = "year", [CASC_SQL_MICROSECOND] = "microsecond"},
    .templates =
        {
            [CASC_SQL_NOW] = "(CURRENT_TIMESTAMP AT TIME ZONE 'UTC')",
            [CASC_SQL_TIMESTAMP] = "TIMESTAMP {0}",
            [CASC_SQL_TO_LOCAL] = "(({0} AT TIME ZONE 'UTC') AT TIME ZONE {1})",
            [CASC_SQL_FROM_LOCAL] = "(({0} AT TIME ZONE {1}) AT TIME ZONE 'UTC')",
            [CASC_SQL_CONVERT] = "(({0} AT TIME ZONE {1}) AT TIME ZONE {2})",
            [CASC_SQL_ADD] = "({0} + INTERVAL '{1} {2}')",
            [CASC_SQL_ADD_ELAPSED] = "({0} + ({2} - {1}))",
            [CASC_SQL_TRUNC] = "date_trunc('{1}', {0})",
            [CASC_SQL_WEEK_START] = "date_trunc('week', {0})",
            [CASC_SQL_DATE] = "CAST({0} AS DATE)",
            [CASC_SQL_EPOCH_SECONDS] = "EXTRACT(EPOCH FROM {0})",
            [CASC_SQL_EPOCH_MILLIS] = "(EXTRACT(EPOCH FROM {0}) * 1000)",
            [CASC_SQL_CONTAINS] = "(strpos({0}, {1}) > 0)",
            [CASC_SQL_STARTS_WITH] = "starts_with({0}, {1})",
            [CASC_SQL_ENDS_WITH] = "(right({0}, char_length({1})) = {1})",
            [CASC_SQL_LIKE] = "({0} LIKE {1})",
            [CASC_SQL_LIKE_ESCAPE] = "({0} LIKE {1} ESCAPE {2})",
            [CASC_SQL_MATCHES] = "({0} ~ {1})",
            [CASC_SQL_ARRAY_HAS] = "({1} = ANY({0}))",
            [CASC_SQL_ARRAY_EMPTY] = "(COALESCE(cardinality({0}), 0) = 0)",
            [CASC_SQL_HASH32] = "CAST(CAST('x' || substr(md5({1} || CAST({0} AS text)), 1, 8) AS bit(32)) AS bigint)",
        },
    .string_literal = casc_sql_string_doubled,
};
