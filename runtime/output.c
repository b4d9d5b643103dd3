/* output.c - format rows as CSV, TSV or JSON lines. */
#include <stdlib.h>
#include <string.h>

#include "json_out.h"
#include "output.h"

bool rt_format_parse(const char *name, rt_format *format)
{
    static const char *const names[] = {"csv", "tsv", "jsonl"};
    for (int i = 0; i < 3; i++)
        if (strcmp(name, names[i]) == 0) {
            *format = (rt_format)i;
            return true;
        }
    return false;
}

void rt_output_init(rt_output *o, FILE *f, rt_format format, bool header)
{
    *o = (rt_output){f, format, header, NULL, 0, CASC_STRBUF_INIT, false};
}

/* CSV: a field with a comma, quote, CR or LF is quoted, quotes doubled. A
 * NULL is an empty field; an empty string is "" so the two differ. */
static void put_csv(casc_strbuf *sb, const char *v)
{
    if (!v)
        return;
    if (*v && !strpbrk(v, ",\"\r\n")) {
        casc_sb_puts(sb, v);
        return;
    }
    casc_sb_putc(sb, '"');
    for (; *v; v++) {
        if (*v == '"')
            casc_sb_putc(sb, '"');
        casc_sb_putc(sb, *v);
    }
    casc_sb_putc(sb, '"');
}

/* TSV as PostgreSQL's COPY text format: \N for NULL; backslash, tab, CR
 * and LF written as \\, \t, \r and \n. */
static void put_tsv(casc_strbuf *sb, const char *v)
{
    if (!v) {
        casc_sb_puts(sb, "\\N");
        return;
    }
    for (; *v; v++) {
        const char *esc = *v == '\\' ? "\\\\" : *v == '\t' ? "\\t" : *v == '\r' ? "\\r"
                          : *v == '\n' ? "\\n" : NULL;
        if (esc)
            casc_sb_puts(sb, esc);
        else
            casc_sb_putc(sb, *v);
    }
}

/* A JSON number as RFC 8259 writes one: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? */
static bool is_json_number(const char *s)
{
    s += *s == '-';
    if (*s == '0')
        s++;
    else if (*s >= '1' && *s <= '9')
        while (*s >= '0' && *s <= '9')
            s++;
    else
        return false;
    if (*s == '.') {
        if (!(*++s >= '0' && *s <= '9'))
            return false;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    if (*s == 'e' || *s == 'E') {
        s += s[1] == '+' || s[1] == '-';
        if (!(*++s >= '0' && *s <= '9'))
            return false;
        while (*s >= '0' && *s <= '9')
            s++;
    }
    return !*s;
}

/* JSON: a numeric column's value as a number when it is written as one
 * (NaN and Infinity are not), everything else as a string. */
static void put_json(casc_strbuf *sb, const char *v, bool numeric)
{
    if (!v)
        casc_sb_puts(sb, "null");
    else if (numeric && is_json_number(v))
        casc_sb_puts(sb, v);
    else
        casc_json_quote(sb, v);
}

static bool write_line(rt_output *o)
{
    casc_sb_putc(&o->line, '\n');
    if (o->line.failed ||
        fwrite(casc_sb_str(&o->line), 1, o->line.len, o->f) != o->line.len)
        o->failed = true;
    casc_sb_truncate(&o->line, 0);
    return !o->failed;
}

/* One line of values (names, for the header) in the output's format. */
static bool put_line(rt_output *o, const char *const *values)
{
    casc_strbuf *sb = &o->line;
    if (o->format == RT_JSONL)
        casc_sb_putc(sb, '{');
    for (size_t i = 0; i < o->ncols; i++) {
        if (i)
            casc_sb_putc(sb, o->format == RT_TSV ? '\t' : ',');
        if (o->format == RT_CSV) {
            put_csv(sb, values[i]);
        } else if (o->format == RT_TSV) {
            put_tsv(sb, values[i]);
        } else {
            casc_json_quote(sb, o->cols[i].name);
            casc_sb_putc(sb, ':');
            put_json(sb, values[i], o->cols[i].numeric);
        }
    }
    if (o->format == RT_JSONL)
        casc_sb_putc(sb, '}');
    return write_line(o);
}

bool rt_output_begin(rt_output *o, const rt_column *cols, size_t ncols)
{
    o->cols = cols;
    o->ncols = ncols;
    if (!o->header || o->format == RT_JSONL)
        return true;
    const char **names = malloc((ncols ? ncols : 1) * sizeof *names);
    if (!names)
        return !(o->failed = true);
    for (size_t i = 0; i < ncols; i++)
        names[i] = cols[i].name;
    bool ok = put_line(o, names);
    free(names);
    return ok;
}

bool rt_output_row(rt_output *o, const char *const *values)
{
    return !o->failed && put_line(o, values);
}

bool rt_output_flush(rt_output *o)
{
    if (fflush(o->f) != 0)
        o->failed = true;
    return !o->failed;
}

void rt_output_free(rt_output *o)
{
    casc_sb_free(&o->line);
}
