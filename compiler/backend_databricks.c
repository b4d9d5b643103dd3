/* backend_databricks.c - Databricks SQL (docs/dialects/databricks.md).
 *
 * Strings escape with backslash ('' is NOT an escape: two adjacent
 * literals). Identifiers quote with backticks. Timestamps are compared in
 * the session time zone, which casc requires to be UTC (the default for SQL
 * warehouses). size(NULL) is -1 unless ANSI mode, so emptiness is <= 0. */
#include "backend.h"

/* Every word Spark's keyword table marks reserved in ANSI mode,
 * strict-non-reserved in default mode, or reserved in SQL:2016, plus the
 * words Databricks' "Reserved words" page lists, lower case, sorted.
 * Identifiers are case-insensitive, so quoting one more word than needed
 * changes nothing it resolves to. */
static const char *const reserved[] = {
    "all", "alter", "and", "anti", "any", "array", "as", "at", "authorization", "between",
    "both", "by", "case", "cast", "check", "collate", "column", "commit", "constraint",
    "create", "cross", "cube", "current", "current_date", "current_time", "current_timestamp",
    "current_user", "default", "delete", "describe", "distinct", "drop", "else", "end",
    "escape", "except", "exists", "external", "extract", "false", "fetch", "filter", "for",
    "foreign", "from", "full", "function", "global", "grant", "group", "grouping", "having",
    "in", "inner", "insert", "intersect", "interval", "into", "is", "join", "lateral",
    "leading", "left", "like", "local", "minus", "natural", "no", "not", "null", "of", "on",
    "only", "or", "order", "out", "outer", "overlaps", "partition", "percentile_cont",
    "percentile_disc", "position", "primary", "range", "references", "revoke", "right",
    "rollback", "rollup", "row", "rows", "select", "semi", "session_user", "set", "some",
    "start", "table", "tablesample", "then", "time", "to", "trailing", "true", "truncate",
    "union", "unique", "unknown", "update", "user", "using", "values", "when", "where",
    "window", "with", "within",
};

const casc_backend casc_backend_databricks = {
    .name = "databricks",
    .quote = '`',
    .reserved = reserved,
    .nreserved = sizeof reserved / sizeof *reserved,
    .units = {[CASC_UNIT_MINUTE] = "MINUTE", [CASC_UNIT_HOUR] = "HOUR", [CASC_UNIT_DAY] = "DAY",
              [CASC_UNIT_MONTH] = "MONTH", [CASC_UNIT_QUARTER] = "QUARTER",
              [CASC_UNIT_YEAR] = "YEAR", [CASC_SQL_MICROSECOND] = "MICROSECOND"},
    .templates =
        {
            [CASC_SQL_NOW] = "current_timestamp()",
            [CASC_SQL_TIMESTAMP] = "TIMESTAMP {0}",
            [CASC_SQL_TO_LOCAL] = "from_utc_timestamp({0}, {1})",
            [CASC_SQL_FROM_LOCAL] = "to_utc_timestamp({0}, {1})",
            [CASC_SQL_CONVERT] = "from_utc_timestamp(to_utc_timestamp({0}, {1}), {2})",
            [CASC_SQL_ADD] = "timestampadd({2}, {1}, {0})",
            [CASC_SQL_ADD_ELAPSED] = "timestampadd(MICROSECOND, timestampdiff(MICROSECOND, {1}, {2}), {0})",
            [CASC_SQL_TRUNC] = "date_trunc('{1}', {0})",
            [CASC_SQL_WEEK_START] = "date_trunc('WEEK', {0})",
            [CASC_SQL_DATE] = "CAST({0} AS DATE)",
            [CASC_SQL_EPOCH_SECONDS] = "(unix_micros({0}) / 1000000)",
            [CASC_SQL_EPOCH_MILLIS] = "(unix_micros({0}) / 1000)",
            [CASC_SQL_CONTAINS] = "contains({0}, {1})",
            [CASC_SQL_STARTS_WITH] = "startswith({0}, {1})",
            [CASC_SQL_ENDS_WITH] = "endswith({0}, {1})",
            [CASC_SQL_LIKE] = "({0} LIKE {1})",
            [CASC_SQL_LIKE_ESCAPE] = "({0} LIKE {1} ESCAPE {2})",
            [CASC_SQL_MATCHES] = "({0} RLIKE {1})",
            [CASC_SQL_ARRAY_HAS] = "array_contains({0}, {1})",
            [CASC_SQL_ARRAY_EMPTY] = "(COALESCE(size({0}), 0) <= 0)",
            [CASC_SQL_HASH32] = "CAST(conv(substr(md5(concat({1}, CAST({0} AS STRING))), 1, 8), 16, 10) AS BIGINT)",
        },
    .string_literal = casc_sql_string_backslash,
};
