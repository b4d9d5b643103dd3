/* test_utf8.c - casc_utf8_find_invalid finds the same first bad byte (or
 * NUL) as a plain byte-at-a-time check of well-formed UTF-8 (Unicode's
 * table 3-7): at every offset around its eight-bytes-at-a-time ASCII path,
 * and in random text, mostly ASCII. */
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "check.h"
#include "source.h"

/* The reference: one code point at a time, every byte looked at. */
static size_t reference(const unsigned char *p, size_t n, int *nul)
{
    *nul = 0;
    for (size_t i = 0; i < n;) {
        unsigned c = p[i];
        size_t len = c < 0x80 ? 1 : c >= 0xC2 && c <= 0xDF ? 2 : c >= 0xE0 && c <= 0xEF ? 3
                                 : c >= 0xF0 && c <= 0xF4   ? 4
                                                            : 0;
        if (c == 0)
            return *nul = 1, i;
        if (!len || n - i < len)
            return i;
        unsigned lo = 0x80, hi = 0xBF; /* the second byte's range */
        if (c == 0xE0)
            lo = 0xA0;
        else if (c == 0xED)
            hi = 0x9F;
        else if (c == 0xF0)
            lo = 0x90;
        else if (c == 0xF4)
            hi = 0x8F;
        for (size_t k = 1; k < len; k++) {
            unsigned b = p[i + k];
            if (b < (k == 1 ? lo : 0x80) || b > (k == 1 ? hi : 0xBF))
                return i;
        }
        i += len;
    }
    return n;
}

static int failures_shown;

static void same(const unsigned char *p, size_t n)
{
    int nul_got = -1, nul_want = -1;
    size_t got = casc_utf8_find_invalid((const char *)p, n, &nul_got);
    size_t want = reference(p, n, &nul_want);
    bool ok = got == want && nul_got == nul_want;
    CHECK(ok);
    if (!ok && failures_shown++ < 5) {
        fprintf(stderr, "    %zu bytes:", n);
        for (size_t i = 0; i < n && i < 64; i++)
            fprintf(stderr, " %02x", p[i]);
        fprintf(stderr, "\n    got %zu (nul %d), want %zu (nul %d)\n", got, nul_got, want,
                nul_want);
    }
}

static uint64_t next(uint64_t *s)
{
    *s ^= *s << 13;
    *s ^= *s >> 7;
    *s ^= *s << 17;
    return *s;
}

int main(void)
{
    /* One odd sequence at every offset of ASCII text of every length up
     * to 40, and the text cut short after it. */
    static const struct {
        unsigned char b[4];
        size_t n;
    } odd[] = {
        {{0x00}, 1},                   {{0x7F}, 1},                   {{0x80}, 1},
        {{0xC1, 0xBF}, 2},             {{0xC2, 0x80}, 2},             {{0xDF, 0xBF}, 2},
        {{0xC3, 0x28}, 2},             {{0xE0, 0x9F, 0x80}, 3},       {{0xE0, 0xA0, 0x80}, 3},
        {{0xED, 0x9F, 0xBF}, 3},       {{0xED, 0xA0, 0x80}, 3},       {{0xEF, 0xBF, 0xBF}, 3},
        {{0xF0, 0x8F, 0xBF, 0xBF}, 4}, {{0xF0, 0x90, 0x80, 0x80}, 4}, {{0xF4, 0x8F, 0xBF, 0xBF}, 4},
        {{0xF4, 0x90, 0x80, 0x80}, 4}, {{0xF5, 0x80, 0x80, 0x80}, 4}, {{0xFF}, 1},
        {{0xE2, 0x82}, 2},             {{0xF0, 0x9F, 0x98}, 3},
    };
    unsigned char text[64];
    for (size_t k = 0; k < sizeof odd / sizeof *odd; k++)
        for (size_t len = 0; len <= 40; len++)
            for (size_t at = 0; at <= len; at++) {
                for (size_t i = 0; i < len; i++)
                    text[i] = (unsigned char)('a' + i % 26);
                size_t n = len;
                for (size_t j = 0; j < odd[k].n && at + j < sizeof text; j++)
                    text[at + j] = odd[k].b[j];
                if (at + odd[k].n > n)
                    n = at + odd[k].n;
                for (size_t cut = n > 8 ? n - 8 : 0; cut <= n; cut++)
                    same(text, cut);
            }

    /* Random text: runs of ASCII with now and then another byte. */
    uint64_t seed = 0x9E3779B97F4A7C15u;
    unsigned char r[256];
    for (int round = 0; round < 20000; round++) {
        size_t n = next(&seed) % sizeof r;
        unsigned rare = (unsigned)(next(&seed) % 64) + 2;
        for (size_t i = 0; i < n; i++) {
            uint64_t x = next(&seed);
            r[i] = x % rare ? (unsigned char)(0x20 + (x >> 8) % 95) : (unsigned char)(x >> 16);
        }
        same(r, n);
    }
    return check_summary("utf8");
}
