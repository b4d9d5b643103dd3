/* backends.c - the table of dialects, and what all backends share:
 * identifier quoting, template expansion, string literal writers. */
#include "backend.h"

#include <stdlib.h>
#include <string.h>

extern const casc_backend casc_backend_snowflake;
extern const casc_backend casc_backend_databricks;
extern const casc_backend casc_backend_postgres;

static const casc_backend *const backends[] = {
    &casc_backend_snowflake,
    &casc_backend_databricks,
    &casc_backend_postgres,
};

const casc_backend *casc_backend_find(const char *name)
{
    for (size_t i = 0; i < sizeof backends / sizeof *backends; i++)
        if (strcmp(backends[i]->name, name) == 0)
            return backends[i];
    return NULL;
}

void casc_backend_list(casc_strbuf *out)
{
    for (size_t i = 0; i < sizeof backends / sizeof *backends; i++)
        casc_sb_printf(out, "%s%s", i ? ", " : "", backends[i]->name);
}

static int compare_word(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

static bool is_reserved(const casc_backend *b, const char *name)
{
    char lower[64];
    size_t n = strlen(name);
    if (n >= sizeof lower)
        return false;
    for (size_t i = 0; i <= n; i++)
        lower[i] = (char)(name[i] >= 'A' && name[i] <= 'Z' ? name[i] + 32 : name[i]);
    return bsearch(lower, b->reserved, b->nreserved, sizeof *b->reserved, compare_word) != NULL;
}

static bool is_plain(const char *s)
{
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '_'))
            return false;
    return true;
}

void casc_sql_ident(casc_strbuf *out, const casc_backend *b, const char *name, bool always_quote)
{
    if (!always_quote && is_plain(name) && !is_reserved(b, name)) {
        casc_sb_puts(out, name);
        return;
    }
    casc_sb_putc(out, b->quote);
    for (const char *p = name; *p; p++) {
        if (*p == b->quote)
            casc_sb_putc(out, b->quote);
        casc_sb_putc(out, *p);
    }
    casc_sb_putc(out, b->quote);
}

void casc_sql_apply(casc_strbuf *out, const casc_backend *b, casc_sql_template t,
                    const char *const *args, size_t nargs)
{
    for (const char *p = b->templates[t]; *p; p++) {
        if (p[0] == '{' && p[1] >= '0' && p[1] <= '9' && p[2] == '}' &&
            (size_t)(p[1] - '0') < nargs) {
            casc_sb_puts(out, args[p[1] - '0']);
            p += 2;
        } else {
            casc_sb_putc(out, *p);
        }
    }
}

static void string_literal(casc_strbuf *out, const char *s, size_t n, bool double_quote,
                           bool escape_backslash)
{
    casc_sb_putc(out, '\'');
    for (size_t i = 0; i < n; i++) {
        if (s[i] == '\'')
            casc_sb_putc(out, double_quote ? '\'' : '\\');
        else if (s[i] == '\\' && escape_backslash)
            casc_sb_putc(out, '\\');
        casc_sb_putc(out, s[i]);
    }
    casc_sb_putc(out, '\'');
}

void casc_sql_string_doubled(casc_strbuf *out, const char *s, size_t n)
{
    string_literal(out, s, n, true, false);
}

void casc_sql_string_backslash(casc_strbuf *out, const char *s, size_t n)
{
    string_literal(out, s, n, false, true);
}

void casc_sql_string_doubled_backslash(casc_strbuf *out, const char *s, size_t n)
{
    string_literal(out, s, n, true, true);
}
