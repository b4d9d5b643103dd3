/* test_strbuf.c - casc_sb_printf writes exactly what snprintf writes, for
 * the conversions it formats itself (%s, %*s, %.*s, %c, %d and %u with l,
 * ll or z, %%) and for those it leaves to vsnprintf (anything else, or a
 * mix); the text before a conversion it rolls back is kept; the buffer
 * grows past any size, also from the caller's array; and after a failure
 * every append is a no-op. */
#include <limits.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <wchar.h>

#include "check.h"
#include "strbuf.h"

/* Text that ends in bytes the caller can show: non-printing bytes as \xNN,
 * long text cut short. */
static void show(const char *what, const char *s, size_t n)
{
    fprintf(stderr, "    %s (%zu bytes) \"", what, n);
    for (size_t i = 0; i < n && i < 200; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\')
            fputc(c, stderr);
        else
            fprintf(stderr, "\\x%02x", c);
    }
    fprintf(stderr, "%s\"\n", n > 200 ? "..." : "");
}

/* sb holds prefix then the text want (n bytes): the same bytes, the same
 * length, NUL-terminated, no failure. */
static void compare(int line, const char *fmt, const char *prefix, const casc_strbuf *sb,
                    const char *want, int n)
{
    size_t plen = strlen(prefix);
    bool ok = n >= 0 && !sb->failed && sb->data && sb->len == plen + (size_t)n &&
              sb->cap > sb->len && memcmp(sb->data, prefix, plen) == 0 &&
              memcmp(sb->data + plen, want, (size_t)n) == 0 && sb->data[sb->len] == '\0';
    if (ok) {
        check_passed++;
        return;
    }
    check_failed++;
    fprintf(stderr, "%s:%d: casc_sb_printf(\"%s\") after a %zu-byte prefix differs from snprintf\n",
            __FILE__, line, fmt, plen);
    if (sb->failed || !sb->data)
        fprintf(stderr, "    buffer failed\n");
    else if (sb->len < plen || memcmp(sb->data, prefix, plen) != 0)
        show("got (whole buffer)", sb->data, sb->len);
    else
        show("got ", sb->data + plen, sb->len - plen);
    show("want", want, n < 0 ? 0 : (size_t)n);
}

static const char *prefixes[3];

/* casc_sb_printf(...) against snprintf(...), into an empty buffer, after a
 * short prefix and after a prefix longer than the first allocation (so a
 * rollback must keep what came before). The arguments are evaluated more
 * than once: constants only. */
#define SAME(...)                                                                \
    do {                                                                         \
        int n_ = snprintf(NULL, 0, __VA_ARGS__);                                 \
        CHECK(n_ >= 0);                                                          \
        char *w_ = malloc(n_ < 0 ? 1 : (size_t)n_ + 1);                          \
        if (!w_)                                                                 \
            break;                                                               \
        CHECK(snprintf(w_, (size_t)n_ + 1, __VA_ARGS__) == n_);                  \
        for (int p_ = 0; p_ < 3; p_++) {                                         \
            casc_strbuf sb_ = CASC_STRBUF_INIT;                                  \
            casc_sb_puts(&sb_, prefixes[p_]);                                    \
            casc_sb_printf(&sb_, __VA_ARGS__);                                   \
            compare(__LINE__, FIRST_(__VA_ARGS__, 0), prefixes[p_], &sb_, w_, n_); \
            casc_sb_free(&sb_);                                                  \
        }                                                                        \
        free(w_);                                                                \
    } while (0)
#define FIRST_(x, ...) x

/* A strbuf in the caller's array: text that fits stays there; past it the
 * text moves to the heap whole, and freeing frees only what is the heap's
 * (ASan and valgrind would report freeing the array). */
static void borrowed(void)
{
    char buf[16];
    memset(buf, 'G', sizeof buf); /* garbage: an empty buffer reads as "" */
    casc_strbuf sb = CASC_STRBUF_IN(buf);
    CHECK_STR(casc_sb_str(&sb), "");
    casc_sb_printf(&sb, "%s-%d", "abc", 42);
    CHECK(sb.data == buf && sb.borrowed);
    CHECK_STR(casc_sb_str(&sb), "abc-42");
    casc_sb_puts(&sb, "123456789"); /* 15 bytes and the NUL: still fits */
    CHECK(sb.data == buf);
    CHECK_STR(casc_sb_str(&sb), "abc-42123456789");
    casc_sb_putc(&sb, '!'); /* one more moves it */
    CHECK(sb.data != buf && !sb.borrowed && sb.cap > sb.len);
    CHECK_STR(casc_sb_str(&sb), "abc-42123456789!");
    casc_sb_printf(&sb, "%x", 255u); /* the vsnprintf path on the heap */
    CHECK_STR(casc_sb_str(&sb), "abc-42123456789!ff");
    casc_sb_free(&sb);
    CHECK(!sb.data && !sb.borrowed && sb.len == 0);

    casc_strbuf small = CASC_STRBUF_IN(buf); /* freed without moving */
    casc_sb_puts(&small, "short");
    casc_sb_truncate(&small, 2);
    CHECK_STR(casc_sb_str(&small), "sh");
    casc_sb_free(&small);
    CHECK(!small.data);

    char one[1]; /* no room even for the NUL: the first append moves */
    casc_strbuf tiny = CASC_STRBUF_IN(one);
    casc_sb_putc(&tiny, 'x');
    CHECK(tiny.data != one);
    CHECK_STR(casc_sb_str(&tiny), "x");
    casc_sb_printf(&tiny, "%*s", 300, "y");
    CHECK(tiny.len == 301 && tiny.data[300] == 'y' && tiny.data[301] == '\0');
    casc_sb_free(&tiny);
}

/* Many appends in a row against the same text built with snprintf. */
static void growth(void)
{
    static const char *words[] = {"", "a", "bc", "select", "a somewhat longer word here"};
    size_t cap = 1 << 20, used = 0;
    char *want = malloc(cap);
    if (!want)
        return;
    casc_strbuf sb = CASC_STRBUF_INIT;
    bool same = true;
    size_t caps_seen = 0, last_cap = 0;
    for (int i = 0; i < 20000 && same; i++) {
        const char *w = words[i % 5];
        int n;
        switch (i % 4) {
        case 0:
            casc_sb_printf(&sb, "%d:%s,", i - 10000, w);
            n = snprintf(want + used, cap - used, "%d:%s,", i - 10000, w);
            break;
        case 1:
            casc_sb_printf(&sb, "[%*s|%.*s]", i % 13 - 6, w, i % 7, w);
            n = snprintf(want + used, cap - used, "[%*s|%.*s]", i % 13 - 6, w, i % 7, w);
            break;
        case 2: /* the fallback, after fast text */
            casc_sb_printf(&sb, "%s=%04x;", w, (unsigned)i);
            n = snprintf(want + used, cap - used, "%s=%04x;", w, (unsigned)i);
            break;
        default:
            casc_sb_printf(&sb, "%zu%c%%", (size_t)i * 1000003u, 'a' + i % 26);
            n = snprintf(want + used, cap - used, "%zu%c%%", (size_t)i * 1000003u, 'a' + i % 26);
            break;
        }
        if (n < 0 || (size_t)n >= cap - used) {
            same = false;
            break;
        }
        used += (size_t)n;
        same = !sb.failed && sb.len == used && memcmp(sb.data, want, used) == 0 &&
               sb.data[sb.len] == '\0';
        if (sb.cap != last_cap)
            caps_seen++, last_cap = sb.cap;
    }
    CHECK(same);
    CHECK(sb.len == used);
    CHECK(used > 100000);
    CHECK(caps_seen > 5); /* it did grow, many times */
    CHECK(strlen(casc_sb_str(&sb)) == used);
    casc_sb_free(&sb);
    free(want);
}

/* After a failure every append is a no-op and the text is ""; free makes
 * the buffer usable again. */
static void sticky_failure(void)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_sb_puts(&sb, "kept");
    CHECK_STR(casc_sb_str(&sb), "kept");
    /* More than any buffer can hold: fails without allocating. */
    casc_sb_repeat(&sb, 'x', SIZE_MAX - 5);
    CHECK(sb.failed);
    size_t len = sb.len;
    CHECK(len == 4);
    CHECK_STR(casc_sb_str(&sb), "");
    casc_sb_put(&sb, "abc", 3);
    casc_sb_puts(&sb, "abc");
    casc_sb_putc(&sb, 'z');
    casc_sb_repeat(&sb, ' ', 10);
    casc_sb_printf(&sb, "%s %d %u %c %% %*s %.*s", "fast", -1, 2u, 'c', 5, "w", 1, "pq");
    casc_sb_printf(&sb, "%s %x %5.2f", "slow", 255u, 3.14159); /* fallback */
    static char big[1000];
    memset(big, 'b', sizeof big - 1);
    casc_sb_printf(&sb, "%x%s", 1u, big); /* fallback, more than 256 bytes */
    casc_sb_printf(&sb, "%s", big);
    CHECK(sb.failed);
    CHECK(sb.len == len);
    CHECK_STR(casc_sb_str(&sb), "");
    casc_sb_free(&sb);
    CHECK(!sb.failed && sb.len == 0 && sb.cap == 0 && sb.data == NULL);
    CHECK_STR(casc_sb_str(&sb), "");
    casc_sb_printf(&sb, "%s-%d", "again", 7);
    CHECK_STR(casc_sb_str(&sb), "again-7");
    casc_sb_free(&sb);

    /* vsnprintf's own error (a wide character the "C" locale cannot
     * encode, where the C library reports one) fails the buffer too. */
    char tmp[16];
    if (snprintf(tmp, sizeof tmp, "%lc", (wint_t)0x20AC) < 0) {
        casc_strbuf sb3 = CASC_STRBUF_INIT;
        casc_sb_puts(&sb3, "x");
        casc_sb_printf(&sb3, "%s%lc", "y", (wint_t)0x20AC);
        CHECK(sb3.failed);
        CHECK_STR(casc_sb_str(&sb3), "");
        casc_sb_puts(&sb3, "z");
        CHECK_STR(casc_sb_str(&sb3), "");
        casc_sb_free(&sb3);
    }
}

/* A %c of a NUL byte is one byte of the text, as with snprintf. */
static void nul_char(void)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_sb_printf(&sb, "a%cb%c", '\0', 0);
    CHECK(sb.len == 4);
    CHECK(sb.data && memcmp(sb.data, "a\0b\0", 5) == 0);
    casc_sb_free(&sb);
}

int main(void)
{
    static char p300[301];
    memset(p300, 'P', 300);
    prefixes[0] = "";
    prefixes[1] = "pre:";
    prefixes[2] = p300;

    /* Text only, and %%. */
    SAME("plain text");
    SAME("%s", "");
    SAME("%%");
    SAME("100%% sure %%%s%%", "x");
    SAME("%%d %%s");

    /* %s */
    SAME("%s", "abc");
    SAME("<%s>", "");
    SAME("%s%s%s", "a", "", "c");
    SAME("%s and %s then text", "one", "two");

    /* %*s: positive, negative (left-justified), zero, narrower and wider
     * than the text, an empty string. */
    SAME("[%*s]", 8, "abc");
    SAME("[%*s]", -8, "abc");
    SAME("[%*s]", 0, "abc");
    SAME("[%*s]", 2, "abc");
    SAME("[%*s]", -2, "abc");
    SAME("[%*s]", 3, "abc");
    SAME("[%*s]", -3, "abc");
    SAME("[%*s]", 1, "");
    SAME("[%*s]", -1, "");
    SAME("[%*s]", 0, "");
    SAME("[%*s]", 40, "");
    SAME("[%*s]", -40, "");
    SAME("[%*s]", 300, "wide");
    SAME("[%*s]", -300, "wide");
    SAME("%*s|%*s|%*s", 4, "a", -4, "b", 0, "c");

    /* %.*s: zero, shorter, equal, longer than the string, negative (taken
     * as no precision), an empty string. */
    SAME("[%.*s]", 0, "abcdef");
    SAME("[%.*s]", 1, "abcdef");
    SAME("[%.*s]", 3, "abcdef");
    SAME("[%.*s]", 6, "abcdef");
    SAME("[%.*s]", 7, "abcdef");
    SAME("[%.*s]", 1000, "abcdef");
    SAME("[%.*s]", INT_MAX, "abcdef");
    SAME("[%.*s]", -1, "abcdef");
    SAME("[%.*s]", INT_MIN, "abcdef");
    SAME("[%.*s]", 0, "");
    SAME("[%.*s]", 5, "");
    SAME("%.*s%.*s", 2, "xyz", 0, "q");
    {
        /* Not NUL-terminated: a precision stops the read. */
        static const char unterminated[3] = {'a', 'b', 'c'};
        SAME("[%.*s]", 3, unterminated);
        SAME("[%.*s]", 2, unterminated);
    }

    /* %c */
    SAME("%c", 'x');
    SAME("%c%c%c", 'a', ' ', '~');
    SAME("[%c]", 0xE9);
    SAME("[%c]", 256 + 'A');
    SAME("[%c]", -1);
    SAME("%c%s%c", '(', "mid", ')');

    /* %d, %ld, %lld */
    SAME("%d", 0);
    SAME("%d", 7);
    SAME("%d", -7);
    SAME("%d", 10);
    SAME("%d", -10);
    SAME("%d", 1234567890);
    SAME("%d", INT_MAX);
    SAME("%d", INT_MIN);
    SAME("%d", INT_MIN + 1);
    SAME("%ld", 0L);
    SAME("%ld", LONG_MAX);
    SAME("%ld", LONG_MIN);
    SAME("%ld", -1L);
    SAME("%lld", 0LL);
    SAME("%lld", LLONG_MAX);
    SAME("%lld", LLONG_MIN);
    SAME("%lld", LLONG_MIN + 1);
    SAME("%lld", -1LL);

    /* %u, %lu, %llu, %zu */
    SAME("%u", 0u);
    SAME("%u", 42u);
    SAME("%u", UINT_MAX);
    SAME("%u", (unsigned)INT_MAX + 1u);
    SAME("%lu", 0UL);
    SAME("%lu", ULONG_MAX);
    SAME("%llu", 0ULL);
    SAME("%llu", ULLONG_MAX);
    SAME("%llu", (unsigned long long)UINT64_MAX);
    SAME("%llu", 10000000000000000000ULL);
    SAME("%zu", (size_t)0);
    SAME("%zu", (size_t)12345);
    SAME("%zu", SIZE_MAX);
    SAME("%d %ld %lld %u %lu %llu %zu", INT_MIN, LONG_MIN, LLONG_MIN, UINT_MAX, ULONG_MAX,
         ULLONG_MAX, SIZE_MAX);
    SAME("%d%d%d", 1, -2, 3);

    /* Everything fast in one format. */
    SAME("%s|%*s|%*s|%.*s|%c|%d|%ld|%lld|%u|%lu|%llu|%zu|%%|end", "s", 5, "w", -5, "l", 2,
         "prec", 'c', -1, -2L, -3LL, 4u, 5UL, 6ULL, (size_t)7);

    /* The fallback: other conversions, flags, widths and precisions
     * written in the format, other length modifiers. */
    SAME("%x", 255u);
    SAME("%X", 0xBEEFu);
    SAME("%o", 8u);
    SAME("%i", -5);
    SAME("%f", 3.5);
    SAME("%5.2f", 3.14159);
    SAME("%g", 1e100);
    SAME("%e", -0.0);
    SAME("%p", (void *)0);
    SAME("%05d", 42);
    SAME("%05d", -42);
    SAME("%5d", 42);
    SAME("%-5d|", 42);
    SAME("%+d", 42);
    SAME("% d", 42);
    SAME("%-10s|", "left");
    SAME("%10s|", "right");
    SAME("%.2s", "abc");
    SAME("%5s", "ab");
    SAME("%5c|", 'c');
    SAME("%-3c|", 'c');
    SAME("%*d", 6, -12);
    SAME("%*d", -6, 12);
    SAME("%.*d", 5, 12);
    SAME("%*.*s|", 6, 2, "abcdef");
    SAME("%*.*s|", -6, 2, "abcdef");
    SAME("%#x", 255u);
    SAME("%hd", (short)-3);
    SAME("%hhu", (unsigned char)200);
    SAME("%zd", (ptrdiff_t)-5);
    SAME("%zd|%d", PTRDIFF_MIN, 1);
    SAME("%zd", PTRDIFF_MAX);
    SAME("%zx", SIZE_MAX);
    SAME("%lx", ULONG_MAX);
    SAME("%llx", ULLONG_MAX);
    SAME("%jd", (intmax_t)INT64_MIN);
    SAME("%td", (ptrdiff_t)-9);

    /* Fast, then fallback in the same format: the text written before the
     * %x is rolled back, the whole format done by vsnprintf. */
    SAME("%s then %x then %5.2f", "fast", 0xabcu, 2.71828);
    SAME("%s %*s %.*s %c %d %u %% %x", "a", 3, "b", 1, "cd", 'e', -6, 7u, 8u);
    SAME("%lld %llu %zu %08.3f %s", LLONG_MIN, ULLONG_MAX, SIZE_MAX, -1.5, "tail");
    SAME("lead %x %s", 16u, "after");
    SAME("%s%s%s%x", "aaaa", "bbbb", "cccc", 0xdu);
    SAME("%d%%%o", -1, 9u);

    /* A format that ends in text after its last conversion. */
    SAME("%s trailing text", "x");
    SAME("%d; and more text, no conversions here", 3);
    SAME("%x trailing text after a fallback", 3u);

    /* Longer than 256 bytes (the old stack buffer) and than 64 KiB,
     * through both paths. */
    {
        static char s300[301], s70k[70001], s256[257], s255[256];
        memset(s300, 'a', 300);
        memset(s70k, 'k', 70000);
        memset(s256, 'm', 256);
        memset(s255, 'n', 255);
        s70k[12345] = '%'; /* text, never a format */
        SAME("%s", s300);
        SAME("%s", s256);
        SAME("%s", s255);
        SAME("<%s>", s255);
        SAME("%s!", s255);
        SAME("%s", s70k);
        SAME("%s|%s|%d", s70k, s300, INT_MIN);
        SAME("[%*s]", 70000, "x");
        SAME("[%*s]", -70000, "x");
        SAME("[%.*s]", 69999, s70k);
        SAME("[%.*s]", 300, s70k);
        SAME("%x%s", 1u, s300);
        SAME("%s%x", s300, 1u);
        SAME("%x%s", 1u, s70k);
        SAME("%s %x %5.2f", s70k, 0xffu, 1.0);
        SAME("%253s%x", "a", 0xfu);  /* 254: fits */
        SAME("%254s%x", "a", 0xfu);  /* 255: fits with the NUL */
        SAME("%255s%x", "a", 0xfu);  /* 256: one too many */
        SAME("%256s%x", "a", 0xfu);  /* 257 */
        SAME("%70000s%x", "a", 0xfu);
    }

    nul_char();
    growth();
    borrowed();
    sticky_failure();

    return check_summary("strbuf");
}
