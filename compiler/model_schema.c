/* model_schema.c - what a model offers to rules, as text for people or
 * JSON for programs (`casc schema`, casc_model_schema). */
#include <string.h>

#include "json_out.h"
#include "model_schema.h"

/* Characters, not bytes, so that columns line up. */
static size_t width(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += ((unsigned char)*s & 0xC0) != 0x80;
    return n;
}

static void put_padded(casc_strbuf *out, const char *s, size_t w)
{
    casc_sb_puts(out, s);
    size_t n = width(s);
    casc_sb_repeat(out, ' ', w > n ? w - n : 0);
}

static void put_table(casc_strbuf *out, const casc_table *t)
{
    if (t->database)
        casc_sb_printf(out, "%s.", t->database);
    if (t->schema)
        casc_sb_printf(out, "%s.", t->schema);
    casc_sb_puts(out, t->table);
}

/* Text that may span lines, later lines indented to stay in its column;
 * white space at its end is left out. */
static void put_block(casc_strbuf *out, const char *s, size_t indent)
{
    size_t n = strlen(s);
    while (n && strchr(" \t\r\n", s[n - 1]))
        n--;
    for (size_t i = 0; i < n; i++) {
        casc_sb_putc(out, s[i]);
        if (s[i] == '\n' && s[i + 1] != '\n')
            casc_sb_repeat(out, ' ', indent);
    }
}

static void text_attributes(const casc_parent_model *m, casc_strbuf *out)
{
    size_t nw = 0, tw = 0;
    for (uint32_t i = 0; i < m->nattributes; i++) {
        const casc_attribute *a = &m->attributes[i];
        nw = width(a->name) > nw ? width(a->name) : nw;
        tw = strlen(casc_type_name(a->type)) > tw ? strlen(casc_type_name(a->type)) : tw;
    }
    casc_sb_printf(out, "\nattributes (%u):\n", m->nattributes);
    for (uint32_t i = 0; i < m->nattributes; i++) {
        const casc_attribute *a = &m->attributes[i];
        casc_sb_puts(out, "  ");
        put_padded(out, a->name, nw + 2);
        put_padded(out, casc_type_name(a->type), tw + 2);
        if (a->table) {
            put_table(out, a->table);
            casc_sb_printf(out, ".%s, key %s\n", a->column, a->key_column);
        } else {
            casc_sb_printf(out, "master column %s\n", a->column);
        }
    }
}

static void text_fields(const casc_behavior *b, casc_strbuf *out)
{
    size_t nw = 0, tw = 0;
    for (uint32_t i = 0; i < b->nfields; i++) {
        const casc_field *f = &b->fields[i];
        nw = width(f->name) > nw ? width(f->name) : nw;
        tw = strlen(casc_type_name(f->type)) > tw ? strlen(casc_type_name(f->type)) : tw;
    }
    for (uint32_t i = 0; i < b->nfields; i++) {
        const casc_field *f = &b->fields[i];
        casc_sb_puts(out, "    ");
        put_padded(out, f->name, nw + 2);
        if (strcmp(f->name, f->column) != 0) {
            put_padded(out, casc_type_name(f->type), tw + 2);
            casc_sb_printf(out, "column %s", f->column);
        } else {
            casc_sb_puts(out, casc_type_name(f->type));
        }
        casc_sb_putc(out, '\n');
    }
}

static void text_behaviors(const casc_parent_model *m, casc_strbuf *out)
{
    casc_sb_printf(out, "\nbehaviors (%u):\n", m->nbehaviors);
    for (uint32_t i = 0; i < m->nbehaviors; i++) {
        const casc_behavior *b = &m->behaviors[i];
        casc_sb_printf(out, "  %s: ", b->name);
        put_table(out, &b->table);
        casc_sb_printf(out, ", key %s, time %s (%s", b->key_column, b->time_column,
                       casc_time_storage_name(b->time_storage));
        if (b->time_storage == CASC_TIME_TIMESTAMP)
            casc_sb_printf(out, ", %s", b->timezone ? b->timezone : "UTC");
        casc_sb_puts(out, ")\n");
        text_fields(b, out);
    }
}

static void text_segments(const casc_parent_model *m, casc_strbuf *out)
{
    size_t nw = 0;
    for (uint32_t i = 0; i < m->nsegments; i++)
        nw = width(m->segments[i].name) > nw ? width(m->segments[i].name) : nw;
    casc_sb_printf(out, "\nsegments (%u):\n", m->nsegments);
    for (uint32_t i = 0; i < m->nsegments; i++) {
        const casc_segment *s = &m->segments[i];
        casc_sb_puts(out, "  ");
        put_padded(out, s->name, nw + 2);
        if (s->rule) {
            casc_sb_puts(out, "rule: ");
            put_block(out, s->rule, 2 + nw + 2 + strlen("rule: "));
        } else {
            casc_sb_puts(out, "table: ");
            put_table(out, s->table);
            casc_sb_printf(out, ", key %s", s->key_column);
        }
        casc_sb_putc(out, '\n');
    }
}

void casc_model_schema_text(const casc_parent_model *m, casc_strbuf *out)
{
    if (m->name)
        casc_sb_printf(out, "model: %s\n", m->name);
    casc_sb_puts(out, "master table: ");
    put_table(out, &m->master);
    casc_sb_printf(out, ", key %s\n", m->key_column);
    casc_sb_printf(out, "identifiers: %s\n",
                   m->quote_always ? "always quoted" : "quoted when needed");
    text_attributes(m, out);
    text_behaviors(m, out);
    text_segments(m, out);
}

static void json_table(casc_json *j, const char *key, const casc_table *t)
{
    casc_json_key(j, key);
    casc_json_begin(j, '{');
    casc_json_member(j, "database", t->database);
    casc_json_member(j, "schema", t->schema);
    casc_json_member(j, "table", t->table);
    casc_json_end(j, '}');
}

static void json_attributes(casc_json *j, const casc_parent_model *m)
{
    casc_json_key(j, "attributes");
    casc_json_begin(j, '[');
    for (uint32_t i = 0; i < m->nattributes; i++) {
        const casc_attribute *a = &m->attributes[i];
        casc_json_begin(j, '{');
        casc_json_member(j, "name", a->name);
        casc_json_member(j, "type", casc_type_name(a->type));
        casc_json_member(j, "source", a->table ? "table" : "master");
        if (a->table) {
            json_table(j, "table", a->table);
            casc_json_member(j, "key_column", a->key_column);
        }
        casc_json_member(j, "column", a->column);
        casc_json_end(j, '}');
    }
    casc_json_end(j, ']');
}

static void json_behaviors(casc_json *j, const casc_parent_model *m)
{
    casc_json_key(j, "behaviors");
    casc_json_begin(j, '[');
    for (uint32_t i = 0; i < m->nbehaviors; i++) {
        const casc_behavior *b = &m->behaviors[i];
        casc_json_begin(j, '{');
        casc_json_member(j, "name", b->name);
        json_table(j, "table", &b->table);
        casc_json_member(j, "key_column", b->key_column);
        casc_json_member(j, "time_column", b->time_column);
        casc_json_member(j, "time_storage", casc_time_storage_name(b->time_storage));
        casc_json_member(j, "timezone", b->timezone);
        casc_json_key(j, "fields");
        casc_json_begin(j, '[');
        for (uint32_t k = 0; k < b->nfields; k++) {
            casc_json_begin(j, '{');
            casc_json_member(j, "name", b->fields[k].name);
            casc_json_member(j, "type", casc_type_name(b->fields[k].type));
            casc_json_member(j, "column", b->fields[k].column);
            casc_json_end(j, '}');
        }
        casc_json_end(j, ']');
        casc_json_end(j, '}');
    }
    casc_json_end(j, ']');
}

static void json_segments(casc_json *j, const casc_parent_model *m)
{
    casc_json_key(j, "segments");
    casc_json_begin(j, '[');
    for (uint32_t i = 0; i < m->nsegments; i++) {
        const casc_segment *s = &m->segments[i];
        casc_json_begin(j, '{');
        casc_json_member(j, "name", s->name);
        casc_json_member(j, "kind", s->rule ? "rule" : "table");
        if (s->rule) {
            casc_json_member(j, "rule", s->rule);
        } else {
            json_table(j, "table", s->table);
            casc_json_member(j, "key_column", s->key_column);
        }
        casc_json_end(j, '}');
    }
    casc_json_end(j, ']');
}

void casc_model_schema_json(const casc_parent_model *m, casc_strbuf *out)
{
    casc_json j = {.out = out};
    casc_json_begin(&j, '{');
    casc_json_member(&j, "name", m->name);
    json_table(&j, "master_table", &m->master);
    casc_json_member(&j, "key_column", m->key_column);
    casc_json_member(&j, "quote_identifiers", m->quote_always ? "always" : "auto");
    json_attributes(&j, m);
    json_behaviors(&j, m);
    json_segments(&j, m);
    casc_json_end(&j, '}');
    casc_sb_putc(out, '\n');
}
