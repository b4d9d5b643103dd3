/* diag.c - collecting and rendering diagnostics. */
#include "diag.h"

#include <stdarg.h>
#include <stdbool.h>
#include <string.h>

/* A long line is shown as an excerpt of this many characters on each side
 * of the caret, so a 10 MB one-line rule gives a readable message. */
enum { EXCERPT_HALF = 60 };

void casc_diags_init(casc_diags *d, casc_arena *arena)
{
    memset(d, 0, sizeof *d);
    d->arena = arena;
}

casc_diag *casc_diag_add(casc_diags *d, casc_severity sev, const casc_source *src,
                         uint32_t start, uint32_t end, const char *fmt, ...)
{
    if (sev == CASC_SEV_ERROR)
        d->nerrors++;
    casc_diag *dg = casc_arena_alloc(d->arena, sizeof *dg);
    if (!dg) {
        d->out_of_memory = true;
        return NULL;
    }
    casc_strbuf sb = CASC_STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    casc_sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    dg->message = casc_arena_strndup(d->arena, casc_sb_str(&sb), sb.failed ? 0 : sb.len);
    /* Every message says something: an empty one was built in a buffer
     * that ran out of memory (a failed buffer reads as ""). */
    d->out_of_memory |= sb.failed || sb.len == 0;
    casc_sb_free(&sb);
    if (!dg->message) {
        d->out_of_memory = true;
        return NULL;
    }
    dg->severity = sev;
    dg->src = src;
    dg->start = start;
    dg->end = end < start ? start : end;
    if (d->tail)
        d->tail->next = dg;
    else
        d->head = dg;
    d->tail = dg;
    return dg;
}

static const char *severity_name(casc_severity s)
{
    switch (s) {
    case CASC_SEV_ERROR: return "error";
    case CASC_SEV_WARNING: return "warning";
    case CASC_SEV_NOTE: return "note";
    }
    return "error";
}

/* Advance over n characters from p, not past end. */
static const char *skip_chars(const char *p, const char *end, size_t n)
{
    while (n-- && p < end)
        p += casc_utf8_len(p);
    return p < end ? p : end;
}

/* Append n bytes of valid UTF-8 for a terminal: C0 controls and DEL as
 * their Control Pictures (U+2400 + c, U+2421), C1 controls (U+0080 to
 * U+009F) as U+FFFD, a tab kept only when keep_tab. */
static void put_shown(casc_strbuf *out, const char *s, size_t n, bool keep_tab)
{
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if ((c < 0x20 && !(c == '\t' && keep_tab)) || c == 0x7F) {
            char pic[3] = {'\xE2', '\x90', (char)(c == 0x7F ? 0xA1 : 0x80 + c)};
            casc_sb_put(out, pic, sizeof pic);
        } else if (c == 0xC2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
                   (unsigned char)s[i + 1] <= 0x9F) {
            casc_sb_puts(out, "\xEF\xBF\xBD");
            i++;
        } else {
            casc_sb_putc(out, (char)c);
        }
    }
}

/* Append n bytes of text that may come from the user (a rule, a model, a
 * file name) as the characters a terminal shows, never as controls it acts
 * on (an escape sequence in a rule must not recolour or retitle the
 * terminal of whoever reads the error): a NUL as the symbol for NUL, a byte
 * that is not UTF-8 as U+FFFD, controls as put_shown does. Each character
 * stays one column wide, like the one it stands for. */
static void put_visible(casc_strbuf *out, const char *s, size_t n, bool keep_tab)
{
    for (const char *p = s, *end = s + n; p < end;) {
        int nul;
        size_t good = casc_utf8_find_invalid(p, (size_t)(end - p), &nul);
        put_shown(out, p, good, keep_tab);
        p += good;
        if (p < end) {
            casc_sb_puts(out, nul ? "\xE2\x90\x80" : "\xEF\xBF\xBD");
            p++;
        }
    }
}

static void render_excerpt(const casc_diag *dg, uint32_t col, casc_strbuf *out)
{
    const char *text = dg->src->text;
    const char *line = text + dg->start;
    while (line > text && line[-1] != '\n')
        line--;
    const char *eol = text + dg->start;
    while (eol < text + dg->src->len && *eol != '\n')
        eol++;
    if (eol > line && eol[-1] == '\r')
        eol--;

    const char *from = line, *at = text + dg->start;
    size_t lead = col - 1; /* characters before the caret */
    int cut_left = 0, cut_right = 0;
    if (lead > EXCERPT_HALF) {
        from = skip_chars(line, eol, lead - EXCERPT_HALF);
        lead = EXCERPT_HALF;
        cut_left = 1;
    }
    const char *to = skip_chars(at, eol, EXCERPT_HALF);
    if (to < eol)
        cut_right = 1;

    if (cut_left)
        casc_sb_puts(out, "...");
    /* Messages are UTF-8 text, with nothing a terminal would act on. */
    put_visible(out, from, (size_t)(to - from), true);
    if (cut_right)
        casc_sb_puts(out, "...");
    casc_sb_putc(out, '\n');

    if (cut_left)
        casc_sb_puts(out, "   ");
    /* Keep tabs so the caret lines up under the token in a terminal. */
    for (const char *p = from; p < at; p += casc_utf8_len(p))
        casc_sb_putc(out, *p == '\t' ? '\t' : ' ');
    casc_sb_putc(out, '^');
    const char *span_end = text + (dg->end > dg->src->len ? dg->src->len : dg->end);
    const char *p = at < eol ? at + casc_utf8_len(at) : at;
    for (; p < span_end && p < to; p += casc_utf8_len(p))
        casc_sb_putc(out, '~');
    casc_sb_putc(out, '\n');
}

void casc_diag_out_of_memory(casc_diags *d, const casc_source *src, const char *what)
{
    d->out_of_memory = true;
    casc_diag_add(d, CASC_SEV_ERROR, src, CASC_NO_SPAN, CASC_NO_SPAN, "out of memory while %s",
                  what);
}

void casc_diag_render(const casc_diag *dg, casc_strbuf *out)
{
    int has_place = dg->src && dg->start != CASC_NO_SPAN;
    if (dg->src)
        put_visible(out, dg->src->name, strlen(dg->src->name), false);
    casc_linecol lc = {0, 0};
    if (has_place) {
        lc = casc_source_linecol(dg->src, dg->start);
        casc_sb_printf(out, ":%u:%u", lc.line, lc.col);
    }
    casc_sb_printf(out, "%s%s: ", dg->src ? ": " : "", severity_name(dg->severity));
    put_visible(out, dg->message, strlen(dg->message), false);
    casc_sb_putc(out, '\n');
    if (has_place)
        render_excerpt(dg, lc.col, out);
    if (dg->nsuggestions) {
        casc_sb_puts(out, "  did you mean ");
        for (uint32_t i = 0; i < dg->nsuggestions; i++) {
            if (i)
                casc_sb_puts(out, i + 1 == dg->nsuggestions ? " or " : ", ");
            casc_sb_putc(out, '\'');
            put_visible(out, dg->suggestions[i], strlen(dg->suggestions[i]), false);
            casc_sb_putc(out, '\'');
        }
        casc_sb_puts(out, "?\n");
    }
}

void casc_diags_render(const casc_diags *d, casc_strbuf *out)
{
    for (const casc_diag *dg = d->head; dg; dg = dg->next)
        casc_diag_render(dg, out);
}
