/* source.c - line/column lookup and UTF-8 validation. */
#include "source.h"

#include <stdint.h>
#include <string.h>

casc_linecol casc_source_linecol(const casc_source *src, size_t offset)
{
    casc_linecol lc = {1 + src->line_base, 1};
    if (offset > src->len)
        offset = src->len;
    for (size_t i = 0; i < offset; i++) {
        unsigned char c = (unsigned char)src->text[i];
        if (c == '\n') {
            lc.line++;
            lc.col = 1;
        } else if ((c & 0xC0) != 0x80) {
            lc.col++; /* count lead bytes only: one per character */
        }
    }
    return lc;
}

size_t casc_utf8_len(const char *s)
{
    unsigned char c = (unsigned char)*s;
    return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

size_t casc_utf8_find_invalid(const char *s, size_t n, int *nul)
{
    const unsigned char *p = (const unsigned char *)s;
    *nul = 0;
    for (size_t i = 0; i < n;) {
        if (n - i >= 8) { /* rules are mostly ASCII: eight such bytes, none 0, at once */
            uint64_t v;
            memcpy(&v, p + i, 8);
            uint64_t high = v & 0x8080808080808080u;
            uint64_t zero = (v - 0x0101010101010101u) & ~v & 0x8080808080808080u;
            if (!(high | zero)) {
                i += 8;
                continue;
            }
        }
        unsigned c = p[i];
        if (c == 0) {
            *nul = 1;
            return i;
        }
        if (c < 0x80) {
            i++;
            continue;
        }
        size_t len;
        unsigned min, cp;
        if (c >= 0xC2 && c <= 0xDF) {
            len = 2, min = 0x80, cp = c & 0x1F;
        } else if (c >= 0xE0 && c <= 0xEF) {
            len = 3, min = 0x800, cp = c & 0x0F;
        } else if (c >= 0xF0 && c <= 0xF4) {
            len = 4, min = 0x10000, cp = c & 0x07;
        } else {
            return i;
        }
        if (n - i < len)
            return i;
        for (size_t k = 1; k < len; k++) {
            if ((p[i + k] & 0xC0) != 0x80)
                return i;
            cp = (cp << 6) | (p[i + k] & 0x3F);
        }
        if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
            return i;
        i += len;
    }
    return n;
}
