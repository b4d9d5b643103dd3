/* backends.c - the table of dialects, and what all backends share:
 * identifier quoting, template expansion, string literal writers. */
#include "backend.h"

#include <string.h>

extern const casc_backend casc_backend_snowflake;
extern const casc_backend casc_backend_databricks;
extern const casc_backend casc_backend_postgres;

static const casc_backend *const backends[] = {
    &casc_backend_snowflake,
    &casc_backend_databricks,
    &casc_backend_postgres,
};

uint32_t casc_backend_bit(const casc_backend *b)
{
    for (size_t i = 0; i < sizeof backends / sizeof *backends; i++)
        if (backends[i] == b)
            return 1u << i;
    return 0;
}

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

/* Is word among the sorted words? A binary search comparing first
 * letters inline: they settle most steps, and names are looked up on
 * every compile. */
static bool among(const char *word, const char *const *words, size_t n)
{
    size_t lo = 0, hi = n;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        int c = (unsigned char)word[0] - (unsigned char)words[mid][0];
        if (!c)
            c = strcmp(word, words[mid]);
        if (!c)
            return true;
        if (c < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    return false;
}

bool casc_sql_ident_bare(const casc_backend *b, const char *name, bool always_quote)
{
    /* Plain (a letter or _, then letters, digits and _) and not reserved;
     * the lower-case copy is for the reserved words, none that long. */
    if (always_quote)
        return false;
    char lower[64];
    size_t n = 0;
    for (const char *s = name; *s; s++, n++) {
        char c = *s, l = c >= 'A' && c <= 'Z' ? (char)(c + 32) : c;
        if (!((l >= 'a' && l <= 'z') || l == '_' || (n && c >= '0' && c <= '9')))
            return false;
        if (n < sizeof lower)
            lower[n] = l;
    }
    if (n == 0 || n >= sizeof lower)
        return n > 0;
    lower[n] = '\0';
    return !among(lower, b->reserved, b->nreserved);
}

uint32_t casc_backend_bare_set(const char *name, bool always_quote)
{
    uint32_t set = 0;
    for (size_t i = 0; i < sizeof backends / sizeof *backends; i++)
        if (casc_sql_ident_bare(backends[i], name, always_quote))
            set |= 1u << i;
    return set;
}

void casc_sql_ident(casc_strbuf *out, const casc_backend *b, const char *name, bool always_quote)
{
    if (casc_sql_ident_bare(b, name, always_quote)) {
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
    const char *p = b->templates[t];
    for (const char *brace; (brace = strchr(p, '{'));) {
        size_t i = (size_t)(brace[1] - '0');
        bool arg = brace[1] >= '0' && brace[1] <= '9' && brace[2] == '}' && i < nargs;
        casc_sb_put(out, p, (size_t)(brace - p) + !arg);
        if (arg)
            casc_sb_puts(out, args[i]);
        p = brace + (arg ? 3 : 1);
    }
    casc_sb_puts(out, p);
}

static void string_literal(casc_strbuf *out, const char *s, size_t n, bool double_quote,
                           bool escape_backslash)
{
    casc_sb_putc(out, '\'');
    size_t run = 0; /* s[run..i) is copied as it is */
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '\'' && (s[i] != '\\' || !escape_backslash))
            continue;
        casc_sb_put(out, s + run, i - run);
        casc_sb_putc(out, s[i] == '\'' && !double_quote ? '\\' : s[i]);
        run = i;
    }
    casc_sb_put(out, s + run, n - run);
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
