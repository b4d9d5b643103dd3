/* strbuf.c - growable string with a sticky error. */
#include "strbuf.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int reserve(casc_strbuf *sb, size_t extra)
{
    if (sb->failed)
        return 0;
    if (sb->cap - sb->len > extra)
        return 1;
    size_t cap = sb->cap ? sb->cap : 64;
    while (cap - sb->len <= extra) {
        if (cap > ((size_t)-1) / 2) {
            sb->failed = 1;
            return 0;
        }
        cap *= 2;
    }
    char *p = realloc(sb->data, cap);
    if (!p) {
        sb->failed = 1;
        return 0;
    }
    sb->data = p;
    sb->cap = cap;
    return 1;
}

void casc_sb_put(casc_strbuf *sb, const char *s, size_t n)
{
    if (!reserve(sb, n))
        return;
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
}

void casc_sb_puts(casc_strbuf *sb, const char *s)
{
    casc_sb_put(sb, s, strlen(s));
}

void casc_sb_putc(casc_strbuf *sb, char c)
{
    casc_sb_put(sb, &c, 1);
}

void casc_sb_repeat(casc_strbuf *sb, char c, size_t n)
{
    if (!reserve(sb, n))
        return;
    memset(sb->data + sb->len, c, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
}

void casc_sb_vprintf(casc_strbuf *sb, const char *fmt, va_list ap)
{
    char small[256];
    va_list copy;
    va_copy(copy, ap);
    int n = vsnprintf(small, sizeof small, fmt, copy);
    va_end(copy);
    if (n < 0) {
        sb->failed = 1;
        return;
    }
    if ((size_t)n < sizeof small) {
        casc_sb_put(sb, small, (size_t)n);
        return;
    }
    if (!reserve(sb, (size_t)n))
        return;
    vsnprintf(sb->data + sb->len, (size_t)n + 1, fmt, ap);
    sb->len += (size_t)n;
}

void casc_sb_printf(casc_strbuf *sb, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    casc_sb_vprintf(sb, fmt, ap);
    va_end(ap);
}

const char *casc_sb_str(const casc_strbuf *sb)
{
    return sb->data && !sb->failed ? sb->data : "";
}

void casc_sb_truncate(casc_strbuf *sb, size_t len)
{
    if (len < sb->len) {
        sb->len = len;
        sb->data[len] = '\0';
    }
}

void casc_sb_free(casc_strbuf *sb)
{
    free(sb->data);
    sb->data = NULL;
    sb->len = sb->cap = 0;
    sb->failed = 0;
}
