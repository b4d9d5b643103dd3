/* test_backends.c - every backend is complete (a template per construct, a
 * spelling per unit, a sorted reserved-word list), and identifiers and
 * string literals come out as each dialect reads them. */
#include <stdlib.h>

#include "backend.h"
#include "check.h"

static char out[256];

static const char *ident(const char *dialect, const char *name, bool always)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_sql_ident(&sb, casc_backend_find(dialect), name, always);
    snprintf(out, sizeof out, "%s", casc_sb_str(&sb));
    casc_sb_free(&sb);
    return out;
}

static const char *literal(const char *dialect, const char *s)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_backend_find(dialect)->string_literal(&sb, s, strlen(s));
    snprintf(out, sizeof out, "%s", casc_sb_str(&sb));
    casc_sb_free(&sb);
    return out;
}

static void check_complete(const casc_backend *b)
{
    for (int t = 0; t < CASC_SQL_TEMPLATES; t++)
        CHECK(b->templates[t] != NULL);
    for (int u = 0; u < CASC_SQL_UNITS; u++)
        CHECK((b->units[u] == NULL) == (u == CASC_UNIT_WEEK));
    CHECK(b->string_literal != NULL);
    CHECK(b->nreserved > 0);
    bool lower = true, sorted = true;
    for (size_t i = 0; i < b->nreserved; i++) {
        for (const char *p = b->reserved[i]; *p; p++)
            lower &= (*p >= 'a' && *p <= 'z') || *p == '_';
        sorted &= i == 0 || strcmp(b->reserved[i - 1], b->reserved[i]) < 0;
    }
    CHECK(lower);
    CHECK(sorted); /* casc_sql_ident looks words up with bsearch */
}

int main(void)
{
    /* Every listed backend, found by its name. */
    casc_strbuf names = CASC_STRBUF_INIT;
    casc_backend_list(&names);
    CHECK_STR(casc_sb_str(&names), "snowflake, databricks, postgres");
    char *list = strdup(casc_sb_str(&names));
    for (char *name = strtok(list, ", "); name; name = strtok(NULL, ", ")) {
        const casc_backend *b = casc_backend_find(name);
        CHECK(b != NULL);
        if (b)
            check_complete(b);
    }
    free(list);
    casc_sb_free(&names);
    CHECK(casc_backend_find("oracle") == NULL);

    /* Plain names stay bare, so they fold as the user's unquoted DDL. */
    CHECK_STR(ident("snowflake", "customer_id", false), "customer_id");
    CHECK_STR(ident("snowflake", "Customer_ID", false), "Customer_ID");
    CHECK_STR(ident("postgres", "LOYALTY_TIER", false), "LOYALTY_TIER");
    CHECK_STR(ident("databricks", "_x9", false), "_x9");
    /* Reserved words (any case), other characters, a leading digit:
     * quoted, the quote character doubled. */
    CHECK_STR(ident("snowflake", "select", false), "\"select\"");
    CHECK_STR(ident("snowflake", "Qualify", false), "\"Qualify\"");
    CHECK_STR(ident("snowflake", "window", false), "window");
    CHECK_STR(ident("postgres", "window", false), "\"window\"");
    CHECK_STR(ident("postgres", "between", false), "between");
    CHECK_STR(ident("postgres", "left", false), "\"left\"");
    CHECK_STR(ident("databricks", "order", false), "`order`");
    CHECK_STR(ident("databricks", "semi", false), "`semi`");
    CHECK_STR(ident("databricks", "ANTI", false), "`ANTI`");
    CHECK_STR(ident("snowflake", "Odd Name", false), "\"Odd Name\"");
    CHECK_STR(ident("snowflake", "9lives", false), "\"9lives\"");
    CHECK_STR(ident("postgres", "größe", false), "\"größe\"");
    CHECK_STR(ident("snowflake", "say \"hi\"", false), "\"say \"\"hi\"\"\"");
    CHECK_STR(ident("databricks", "a`b\"c", false), "`a``b\"c`");
    /* quote_identifiers: always */
    CHECK_STR(ident("postgres", "customers", true), "\"customers\"");
    CHECK_STR(ident("databricks", "customers", true), "`customers`");

    /* String literals: PostgreSQL doubles quotes only (backslash is
     * ordinary); Snowflake doubles quotes and backslashes; Databricks
     * escapes both with a backslash ('' would be two literals). */
    CHECK_STR(literal("postgres", "it's a\\b"), "'it''s a\\b'");
    CHECK_STR(literal("snowflake", "it's a\\b"), "'it''s a\\\\b'");
    CHECK_STR(literal("databricks", "it's a\\b"), "'it\\'s a\\\\b'");
    CHECK_STR(literal("databricks", "$$ -- /* \"x\" */\n\t"), "'$$ -- /* \"x\" */\n\t'");
    CHECK_STR(literal("snowflake", ""), "''");

    /* Templates take their arguments by number, any number of times. */
    casc_strbuf sb = CASC_STRBUF_INIT;
    const char *args[] = {"c.email", "'x'"};
    casc_sql_apply(&sb, casc_backend_find("postgres"), CASC_SQL_ENDS_WITH, args, 2);
    CHECK_STR(casc_sb_str(&sb), "(right(c.email, char_length('x')) = 'x')");
    casc_sb_free(&sb);

    return check_summary("backends");
}
