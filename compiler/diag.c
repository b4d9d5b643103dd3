/* diag.c - collecting and rendering diagnostics. */
#include "diag.h"

#include <stdarg.h>
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
    if (!dg)
        return NULL;
    casc_strbuf sb = CASC_STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    casc_sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    dg->message = casc_arena_strndup(d->arena, casc_sb_str(&sb), sb.failed ? 0 : sb.len);
    casc_sb_free(&sb);
    if (!dg->message)
        return NULL;
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
    /* Messages are UTF-8 text: a NUL is shown as the symbol for NUL and a
     * byte that is not UTF-8 as U+FFFD, one column each like the byte. */
    for (const char *p = from; p < to;) {
        int nul;
        size_t good = casc_utf8_find_invalid(p, (size_t)(to - p), &nul);
        casc_sb_put(out, p, good);
        p += good;
        if (p < to) {
            casc_sb_puts(out, nul ? "\xE2\x90\x80" : "\xEF\xBF\xBD");
            p++;
        }
    }
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

void casc_diag_render(const casc_diag *dg, casc_strbuf *out)
{
    int has_place = dg->src && dg->start != CASC_NO_SPAN;
    if (dg->src)
        casc_sb_puts(out, dg->src->name);
    casc_linecol lc = {0, 0};
    if (has_place) {
        lc = casc_source_linecol(dg->src, dg->start);
        casc_sb_printf(out, ":%u:%u", lc.line, lc.col);
    }
    casc_sb_printf(out, "%s%s: %s\n", dg->src ? ": " : "", severity_name(dg->severity),
                   dg->message);
    if (has_place)
        render_excerpt(dg, lc.col, out);
    if (dg->nsuggestions) {
        casc_sb_puts(out, "  did you mean ");
        for (uint32_t i = 0; i < dg->nsuggestions; i++) {
            if (i)
                casc_sb_puts(out, i + 1 == dg->nsuggestions ? " or " : ", ");
            casc_sb_printf(out, "'%s'", dg->suggestions[i]);
        }
        casc_sb_puts(out, "?\n");
    }
}

void casc_diags_render(const casc_diags *d, casc_strbuf *out)
{
    for (const casc_diag *dg = d->head; dg; dg = dg->next)
        casc_diag_render(dg, out);
}
