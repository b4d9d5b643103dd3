/* backend_snowflake.c - Snowflake (docs/dialects/snowflake.md).
 *
 * Backslash is an escape inside '...', so it is doubled as well as the
 * quote. Times are TIMESTAMP_NTZ holding UTC, compared with SYSDATE()
 * (also NTZ in UTC), never CURRENT_TIMESTAMP(), whose session-zone LTZ
 * would shift NTZ comparisons. REGEXP_LIKE matches the whole string, so a
 * search is REGEXP_INSTR > 0. DATE_TRUNC('week') follows the WEEK_START
 * parameter, so a week's Monday is found with NEXT_DAY, which does not. */
#include "backend.h"

/* Snowflake's reserved and limited keywords ("Reserved & limited
 * keywords" in the SQL reference), lower case, sorted. */
static const char *const reserved[] = {
    "account", "all", "alter", "and", "any", "as", "between", "by", "case", "cast", "check",
    "column", "connect", "connection", "constraint", "create", "cross", "current",
    "current_date", "current_time", "current_timestamp", "current_user", "database", "delete",
    "distinct", "drop", "else", "exists", "false", "following", "for", "from", "full", "grant",
    "group", "gscluster", "having", "ilike", "in", "increment", "inner", "insert", "intersect",
    "into", "is", "issue", "join", "lateral", "left", "like", "localtime", "localtimestamp",
    "minus", "natural", "not", "null", "of", "on", "or", "order", "organization", "qualify",
    "regexp", "revoke", "right", "rlike", "row", "rows", "sample", "schema", "select", "set",
    "some", "start", "table", "tablesample", "then", "to", "trigger", "true", "try_cast",
    "union", "unique", "update", "using", "values", "view", "when", "whenever", "where",
    "with",
};

const casc_backend casc_backend_snowflake = {
    .name = "snowflake",
    .quote = '"',
    .reserved = reserved,
    .nreserved = sizeof reserved / sizeof *reserved,
    .units = {[CASC_UNIT_MINUTE] = "minute", [CASC_UNIT_HOUR] = "hour", [CASC_UNIT_DAY] = "day",
              [CASC_UNIT_MONTH] = "month", [CASC_UNIT_QUARTER] = "quarter",
              [CASC_UNIT_YEAR] = "year", [CASC_SQL_MICROSECOND] = "microsecond"},
    .templates =
        {
            [CASC_SQL_NOW] = "SYSDATE()",
            [CASC_SQL_TIMESTAMP] = "TO_TIMESTAMP_NTZ({0})",
            [CASC_SQL_TO_LOCAL] = "CONVERT_TIMEZONE('UTC', {1}, {0})",
            [CASC_SQL_FROM_LOCAL] = "CONVERT_TIMEZONE({1}, 'UTC', {0})",
            [CASC_SQL_CONVERT] = "CONVERT_TIMEZONE({1}, {2}, {0})",
            [CASC_SQL_ADD] = "DATEADD({2}, {1}, {0})",
            [CASC_SQL_ADD_ELAPSED] = "DATEADD(microsecond, DATEDIFF(microsecond, {1}, {2}), {0})",
            [CASC_SQL_TRUNC] = "DATE_TRUNC('{1}', {0})",
            [CASC_SQL_WEEK_START] = "TO_TIMESTAMP_NTZ(NEXT_DAY(DATEADD(day, -7, {0}), 'monday'))",
            [CASC_SQL_DATE] = "CAST({0} AS DATE)",
            [CASC_SQL_EPOCH_SECONDS] = "(DATE_PART(epoch_microsecond, {0}) / 1000000)",
            [CASC_SQL_EPOCH_MILLIS] = "(DATE_PART(epoch_microsecond, {0}) / 1000)",
            [CASC_SQL_CONTAINS] = "CONTAINS({0}, {1})",
            [CASC_SQL_STARTS_WITH] = "STARTSWITH({0}, {1})",
            [CASC_SQL_ENDS_WITH] = "ENDSWITH({0}, {1})",
            [CASC_SQL_LIKE] = "({0} LIKE {1})",
            [CASC_SQL_LIKE_ESCAPE] = "({0} LIKE {1} ESCAPE {2})",
            [CASC_SQL_MATCHES] = "(REGEXP_INSTR({0}, {1}) > 0)",
            [CASC_SQL_ARRAY_HAS] = "ARRAY_CONTAINS({1}::VARIANT, {0})",
            [CASC_SQL_ARRAY_EMPTY] = "(COALESCE(ARRAY_SIZE({0}), 0) = 0)",
            [CASC_SQL_HASH32] = "TO_NUMBER(UPPER(SUBSTR(MD5({1} || CAST({0} AS VARCHAR)), 1, 8)), 'XXXXXXXX')",
        },
    .string_literal = casc_sql_string_doubled_backslash,
};
