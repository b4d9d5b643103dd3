/* strbuf.c - growable string with a sticky error. */
#include "strbuf.h"

#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int casc_sb_grow(casc_strbuf *sb, size_t extra)
{
    if (sb->failed)
        return 0;
    size_t cap = sb->cap ? sb->cap : 256;
    while (cap - sb->len <= extra) {
        if (cap > ((size_t)-1) / 2) {
            sb->failed = 1;
            return 0;
        }
        cap *= 2;
    }
    char *p = sb->borrowed ? malloc(cap) : realloc(sb->data, cap);
    if (!p) {
        sb->failed = 1;
        return 0;
    }
    if (sb->borrowed) {
        memcpy(p, sb->data, sb->len);
        p[sb->len] = '\0';
        sb->borrowed = 0;
    }
    sb->data = p;
    sb->cap = cap;
    return 1;
}

void casc_sb_puts(casc_strbuf *sb, const char *s)
{
    casc_sb_put(sb, s, strlen(s));
}

void casc_sb_repeat(casc_strbuf *sb, char c, size_t n)
{
    if (!casc_sb_reserve(sb, n))
        return;
    memset(sb->data + sb->len, c, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
}

/* A conversion casc_sb_vprintf writes itself: %s (with a * width or a .*
 * precision), %c, %d and %u (with l, ll or, for %u, z) and %%. */
typedef struct conv {
    char star; /* '*' width, '.' precision, else 0 */
    char size; /* 'l', 'L' (ll), 'z', else 0 */
    char type;
} conv;

/* Read the conversion after a '%'; NULL when it is not one of those. */
static const char *read_conv(const char *p, conv *c)
{
    c->star = c->size = 0;
    if (*p == '*')
        c->star = *p++;
    else if (p[0] == '.' && p[1] == '*')
        c->star = '.', p += 2;
    if (p[0] == 'l' && p[1] == 'l')
        c->size = 'L', p += 2;
    else if (*p == 'l' || *p == 'z')
        c->size = *p++;
    c->type = *p;
    bool ok = c->type == 's'   ? !c->size
              : c->type == 'u' ? !c->star
              : c->type == 'd' ? !c->star && c->size != 'z'
              : c->type == 'c' || c->type == '%' ? !c->star && !c->size
                                                 : false;
    return ok ? p + 1 : NULL;
}

static void put_number(casc_strbuf *sb, unsigned long long n, bool minus)
{
    char digits[24], *p = digits + sizeof digits;
    do
        *--p = (char)('0' + n % 10);
    while (n /= 10);
    if (minus)
        *--p = '-';
    casc_sb_put(sb, p, (size_t)(digits + sizeof digits - p));
}

static void put_string(casc_strbuf *sb, const conv *c, int star, const char *s)
{
    if (c->star == '.' && star >= 0) {
        casc_sb_put(sb, s, strnlen(s, (size_t)star));
        return;
    }
    size_t n = strlen(s);
    size_t width = c->star != '*' ? 0 : star < 0 ? 0 - (size_t)star : (size_t)star;
    size_t pad = width > n ? width - n : 0;
    if (star >= 0)
        casc_sb_repeat(sb, ' ', pad);
    casc_sb_put(sb, s, n);
    if (star < 0)
        casc_sb_repeat(sb, ' ', pad);
}

/* The common conversions without vsnprintf, which costs more than the
 * rest of formatting a rule's SQL. False at the first other conversion,
 * having written part of the text. */
static bool simple_printf(casc_strbuf *sb, const char *fmt, va_list ap)
{
    for (;;) {
        const char *pct = fmt; /* formats are short: a loop beats strchr */
        while (*pct && *pct != '%')
            pct++;
        casc_sb_put(sb, fmt, (size_t)(pct - fmt));
        if (!*pct)
            return true;
        conv c;
        if (!(fmt = read_conv(pct + 1, &c)))
            return false;
        int star = c.star ? va_arg(ap, int) : 0;
        long long d;
        switch (c.type) {
        case '%': casc_sb_putc(sb, '%'); break;
        case 'c': casc_sb_putc(sb, (char)va_arg(ap, int)); break;
        case 's': put_string(sb, &c, star, va_arg(ap, const char *)); break;
        case 'u':
            put_number(sb,
                       c.size == 'L'   ? va_arg(ap, unsigned long long)
                       : c.size == 'l' ? va_arg(ap, unsigned long)
                       : c.size == 'z' ? va_arg(ap, size_t)
                                       : va_arg(ap, unsigned),
                       false);
            break;
        default: /* 'd' */
            d = c.size == 'L' ? va_arg(ap, long long)
                : c.size == 'l' ? va_arg(ap, long)
                                : va_arg(ap, int);
            put_number(sb, d < 0 ? 0 - (unsigned long long)d : (unsigned long long)d, d < 0);
            break;
        }
    }
}

void casc_sb_vprintf(casc_strbuf *sb, const char *fmt, va_list ap)
{
    size_t mark = sb->len;
    va_list copy;
    va_copy(copy, ap);
    bool done = simple_printf(sb, fmt, copy);
    va_end(copy);
    if (done)
        return;
    casc_sb_truncate(sb, mark);
    char small[256];
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
    if (!casc_sb_reserve(sb, (size_t)n))
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
    return sb->len && !sb->failed ? sb->data : "";
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
    if (!sb->borrowed)
        free(sb->data);
    *sb = (casc_strbuf)CASC_STRBUF_INIT;
}
