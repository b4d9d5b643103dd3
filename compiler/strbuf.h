/* strbuf.h - a growable string with a sticky error (after a failed
 * allocation every append is a no-op; check once at the end), as in
 * SQLite's StrAccum. */
#ifndef CASC_STRBUF_H
#define CASC_STRBUF_H

#include <stdarg.h>
#include <stddef.h>
#include <string.h>

typedef struct casc_strbuf {
    char *data; /* NUL-terminated when len > 0 and !failed */
    size_t len, cap;
    int failed;
    int borrowed; /* data is the caller's array (CASC_STRBUF_IN), not malloc's */
} casc_strbuf;

#define CASC_STRBUF_INIT {0, 0, 0, 0, 0}
/* Start in the caller's array buf and move to the heap only when it is
 * full: most SQL fragments are short, and a malloc and free each cost
 * more than building them. */
#define CASC_STRBUF_IN(buf) {(buf), 0, sizeof(buf), 0, 1}

/* Room for extra more bytes and the NUL, growing when needed (false
 * once failed). */
int casc_sb_grow(casc_strbuf *sb, size_t extra);

/* The appends are inline: the SQL generator makes hundreds per rule, most
 * a few bytes, and the call cost more than the copy. */
static inline int casc_sb_reserve(casc_strbuf *sb, size_t extra)
{
    return (!sb->failed && sb->cap - sb->len > extra) || casc_sb_grow(sb, extra);
}

static inline void casc_sb_put(casc_strbuf *sb, const char *s, size_t n)
{
    if (!casc_sb_reserve(sb, n))
        return;
    memcpy(sb->data + sb->len, s, n);
    sb->len += n;
    sb->data[sb->len] = '\0';
}

static inline void casc_sb_putc(casc_strbuf *sb, char c)
{
    if (!casc_sb_reserve(sb, 1))
        return;
    sb->data[sb->len++] = c;
    sb->data[sb->len] = '\0';
}

void casc_sb_puts(casc_strbuf *sb, const char *s);
void casc_sb_repeat(casc_strbuf *sb, char c, size_t n);
#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
void casc_sb_printf(casc_strbuf *sb, const char *fmt, ...);
void casc_sb_vprintf(casc_strbuf *sb, const char *fmt, va_list ap);
/* Text so far ("" when empty or failed). */
const char *casc_sb_str(const casc_strbuf *sb);
void casc_sb_truncate(casc_strbuf *sb, size_t len);
void casc_sb_free(casc_strbuf *sb);

#endif
