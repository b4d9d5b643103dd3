/* json_out.c - write indented JSON. */
#include "json_out.h"

/* Before a key or a value: a comma after the previous one, a new line. */
static void next_item(casc_json *j)
{
    if (j->after_key) {
        j->after_key = false;
        return;
    }
    if (j->need_comma)
        casc_sb_putc(j->out, ',');
    if (j->depth) {
        casc_sb_putc(j->out, '\n');
        casc_sb_repeat(j->out, ' ', 2 * j->depth);
    }
}

void casc_json_quote(casc_strbuf *out, const char *s)
{
    casc_sb_putc(out, '"');
    for (; *s; s++) {
        unsigned char c = (unsigned char)*s;
        switch (c) {
        case '"': casc_sb_puts(out, "\\\""); break;
        case '\\': casc_sb_puts(out, "\\\\"); break;
        case '\n': casc_sb_puts(out, "\\n"); break;
        case '\r': casc_sb_puts(out, "\\r"); break;
        case '\t': casc_sb_puts(out, "\\t"); break;
        default:
            if (c < 0x20)
                casc_sb_printf(out, "\\u%04x", c);
            else
                casc_sb_putc(out, (char)c); /* UTF-8 passes through */
        }
    }
    casc_sb_putc(out, '"');
}

void casc_json_begin(casc_json *j, char open)
{
    next_item(j);
    casc_sb_putc(j->out, open);
    j->depth++;
    j->need_comma = false;
}

void casc_json_end(casc_json *j, char close)
{
    j->depth--;
    if (j->need_comma) { /* not empty */
        casc_sb_putc(j->out, '\n');
        casc_sb_repeat(j->out, ' ', 2 * j->depth);
    }
    casc_sb_putc(j->out, close);
    j->need_comma = true;
}

void casc_json_key(casc_json *j, const char *key)
{
    next_item(j);
    casc_json_quote(j->out, key);
    casc_sb_puts(j->out, ": ");
    j->after_key = true;
}

void casc_json_string(casc_json *j, const char *s)
{
    next_item(j);
    if (s)
        casc_json_quote(j->out, s);
    else
        casc_sb_puts(j->out, "null");
    j->need_comma = true;
}

void casc_json_member(casc_json *j, const char *key, const char *s)
{
    casc_json_key(j, key);
    casc_json_string(j, s);
}
