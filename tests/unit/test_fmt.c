/* test_fmt.c - `casc fmt` keeps the meaning and is idempotent, for every
 * rule in tests/fmt/ (run from the repo root) and for rules at the limits:
 * fmt(x) parses, parse(fmt(x)) equals parse(x), fmt(fmt(x)) == fmt(x). */
#include <dirent.h>
#include <stdlib.h>

#include "check.h"
#include "fmt.h"
#include "parse.h"

#define FIXTURES "tests/fmt"

/* fmt of text, in a malloc'd string; NULL (after saying why) when it does
 * not parse. */
static char *format(const char *name, const char *text, size_t len, casc_node **tree,
                    casc_arena *arena)
{
    casc_diags d;
    casc_diags_init(&d, arena);
    casc_source src = {.name = name, .text = text, .len = len};
    casc_node *n = casc_parse(arena, arena, &src, &d);
    if (!n) {
        casc_strbuf sb = CASC_STRBUF_INIT;
        casc_diags_render(&d, &sb);
        fprintf(stderr, "%s", casc_sb_str(&sb));
        casc_sb_free(&sb);
        return NULL;
    }
    casc_strbuf out = CASC_STRBUF_INIT;
    casc_fmt(n, &out);
    if (out.failed) {
        casc_sb_free(&out);
        return NULL;
    }
    *tree = n;
    return out.data ? out.data : calloc(1, 1);
}

/* The three properties, each a check. */
static void check_roundtrip(const char *name, const char *text, size_t len)
{
    casc_arena *arena = casc_arena_new();
    casc_node *t1 = NULL, *t2 = NULL;
    char *f1 = format(name, text, len, &t1, arena);
    char *f2 = f1 ? format("fmt(x)", f1, strlen(f1), &t2, arena) : NULL;
    CHECK(f1 != NULL && f2 != NULL);
    CHECK(t1 && t2 && casc_ast_equal(t1, t2));
    if (f1 && f2 && strcmp(f1, f2) != 0)
        fprintf(stderr, "%s: not idempotent:\n%s\n---\n%s\n", name, f1, f2);
    CHECK(f1 && f2 && strcmp(f1, f2) == 0);
    free(f1), free(f2);
    casc_arena_free(arena);
}

static char *read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    casc_strbuf sb = CASC_STRBUF_INIT;
    char buf[4096];
    size_t n;
    if (!f)
        return NULL;
    while ((n = fread(buf, 1, sizeof buf, f)) > 0)
        casc_sb_put(&sb, buf, n);
    fclose(f);
    *len = sb.len;
    return sb.data;
}

static int has_suffix(const char *s, const char *suffix)
{
    size_t n = strlen(s), k = strlen(suffix);
    return n > k && strcmp(s + n - k, suffix) == 0;
}

static void test_fixtures(void)
{
    DIR *dir = opendir(FIXTURES);
    CHECK(dir != NULL);
    if (!dir)
        return;
    int files = 0;
    for (struct dirent *e; (e = readdir(dir)) != NULL;) {
        if (!has_suffix(e->d_name, ".casc"))
            continue;
        char path[1024];
        size_t len = 0;
        snprintf(path, sizeof path, "%s/%s", FIXTURES, e->d_name);
        char *text = read_file(path, &len);
        CHECK(text != NULL);
        if (text)
            check_roundtrip(path, text, len);
        free(text);
        files++;
    }
    closedir(dir);
    CHECK(files >= 50); /* the fixtures are there, not silently skipped */
}

/* Precedence, negative forms and every spelling that fmt rewrites. */
static void test_rewrites(void)
{
    static const char *const rules[] = {
        "a or b and c or d",
        "(a or b) and not (c or d)",
        "not (not a)",
        "not (a = 1)",
        "a <> 1 and b == 2",
        "p last 3 days or p within 1 day or p in the last 2 weeks or p last week",
        "p where (a = 1) count != 2 in the next 1 day",
        "p where (a between 1 and 2)",
        "p where (a) in last 1 hour",
        "x between 1 and 2 and first p between today and 1 day from now",
        "\"a\"\"b\" = 'it''s' and \"first\" = 1 and first = 2 and last last",
        "A.B in (1, -2.5E-3, 'x', 2026-01-01T10:00:00.5-0500, true, now, 3 days ago)",
    };
    for (size_t i = 0; i < sizeof rules / sizeof *rules; i++)
        check_roundtrip(rules[i], rules[i], strlen(rules[i]));
}

/* Deep nesting and long chains format to text that parses again. */
static void test_limits(void)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    for (int i = 0; i < 1999; i++)
        casc_sb_printf(&sb, "a%d = 1 %s (", i, i % 2 ? "and" : "or");
    casc_sb_puts(&sb, "z = 1");
    casc_sb_repeat(&sb, ')', 1999);
    check_roundtrip("1999 levels", sb.data, sb.len);
    casc_sb_free(&sb);

    for (int i = 0; i < 100000; i++)
        casc_sb_printf(&sb, "%snot a%d = %d", i == 0 ? "" : i % 3 ? " and " : " or ", i, i);
    check_roundtrip("100,000 conditions", sb.data, sb.len);
    casc_sb_free(&sb);

    for (int i = 0; i < 1000; i++)
        casc_sb_puts(&sb, "not (p where (");
    casc_sb_puts(&sb, "a = 1");
    casc_sb_repeat(&sb, ')', 2000);
    check_roundtrip("1000 filters", sb.data, sb.len);
    casc_sb_free(&sb);
}

int main(void)
{
    test_fixtures();
    test_rewrites();
    test_limits();
    return check_summary("fmt");
}
