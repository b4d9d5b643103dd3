/* test_model.c - loading models: the two example files give the same
 * model field by field; defaults; the same errors from JSON and YAML;
 * hostile input (deep nesting, many names, many errors) is refused without
 * harm. Run from the repository root. */
#include <stdbool.h>
#include <stdlib.h>

#include "check.h"
#include "model.h"

typedef struct loaded {
    casc_arena *arena;
    casc_source src;
    casc_diags diags;
    const casc_parent_model *model;
} loaded;

static void load_text(loaded *l, const char *name, const char *text, size_t len)
{
    l->arena = casc_arena_new();
    casc_diags_init(&l->diags, l->arena);
    l->src = (casc_source){.name = name, .text = text, .len = len};
    l->model = casc_model_load(l->arena, &l->src, &l->diags);
}

static void load(loaded *l, const char *name, const char *text)
{
    load_text(l, name, text, strlen(text));
}

static void unload(loaded *l)
{
    casc_arena_free(l->arena);
}

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *text = NULL;
    long n;
    if (fseek(f, 0, SEEK_END) == 0 && (n = ftell(f)) >= 0 && fseek(f, 0, SEEK_SET) == 0 &&
        (text = malloc((size_t)n + 1)) && fread(text, 1, (size_t)n, f) == (size_t)n) {
        text[n] = '\0';
    } else {
        free(text);
        text = NULL;
    }
    fclose(f);
    return text;
}

static bool same_str(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

static bool same_table(const casc_table *a, const casc_table *b)
{
    if (!a || !b)
        return a == b;
    return same_str(a->database, b->database) && same_str(a->schema, b->schema) &&
           same_str(a->table, b->table);
}

/* The place's offset is where its name (or rule) is written in that file. */
static bool place_points_at(const casc_parent_model *m, casc_model_place p, const char *text)
{
    const char *at = m->source->text + p.offset;
    if (*at == '"' || *at == '\'')
        at++;
    return p.offset < m->source->len && strncmp(at, text, strlen(text)) == 0;
}

static void compare_models(const casc_parent_model *y, const casc_parent_model *j)
{
    CHECK(same_str(y->name, j->name));
    CHECK(same_table(&y->master, &j->master));
    CHECK(same_str(y->key_column, j->key_column));
    CHECK(y->quote_always == j->quote_always);
    CHECK(y->nattributes == j->nattributes);
    for (uint32_t i = 0; i < y->nattributes && i < j->nattributes; i++) {
        const casc_attribute *a = &y->attributes[i], *b = &j->attributes[i];
        CHECK(same_str(a->name, b->name) && same_str(a->column, b->column));
        CHECK(a->type == b->type && same_table(a->table, b->table));
        CHECK(same_str(a->key_column, b->key_column) && same_str(a->place.path, b->place.path));
        CHECK(place_points_at(y, a->place, a->name) && place_points_at(j, b->place, b->name));
    }
    CHECK(y->nbehaviors == j->nbehaviors);
    for (uint32_t i = 0; i < y->nbehaviors && i < j->nbehaviors; i++) {
        const casc_behavior *a = &y->behaviors[i], *b = &j->behaviors[i];
        CHECK(same_str(a->name, b->name) && same_table(&a->table, &b->table));
        CHECK(same_str(a->key_column, b->key_column) && same_str(a->time_column, b->time_column));
        CHECK(a->time_storage == b->time_storage && same_str(a->timezone, b->timezone));
        CHECK(same_str(a->place.path, b->place.path));
        CHECK(place_points_at(y, a->place, a->name) && place_points_at(j, b->place, b->name));
        CHECK(a->nfields == b->nfields);
        for (uint32_t k = 0; k < a->nfields && k < b->nfields; k++) {
            const casc_field *f = &a->fields[k], *g = &b->fields[k];
            CHECK(same_str(f->name, g->name) && same_str(f->column, g->column));
            CHECK(f->type == g->type && same_str(f->place.path, g->place.path));
            CHECK(place_points_at(y, f->place, f->name) && place_points_at(j, g->place, g->name));
        }
    }
    CHECK(y->nsegments == j->nsegments);
    for (uint32_t i = 0; i < y->nsegments && i < j->nsegments; i++) {
        const casc_segment *a = &y->segments[i], *b = &j->segments[i];
        CHECK(same_str(a->name, b->name) && same_str(a->rule, b->rule));
        CHECK(same_table(a->table, b->table) && same_str(a->key_column, b->key_column));
        CHECK(a->rule_source.len == b->rule_source.len);
        CHECK(place_points_at(y, a->place, a->rule ? a->rule : a->name));
        CHECK(place_points_at(j, b->place, b->rule ? b->rule : b->name));
    }
}

static const casc_attribute *attribute(const casc_parent_model *m, const char *name)
{
    for (uint32_t i = 0; i < m->nattributes; i++)
        if (strcmp(m->attributes[i].name, name) == 0)
            return &m->attributes[i];
    return NULL;
}

static const casc_behavior *behavior(const casc_parent_model *m, const char *name)
{
    for (uint32_t i = 0; i < m->nbehaviors; i++)
        if (strcmp(m->behaviors[i].name, name) == 0)
            return &m->behaviors[i];
    return NULL;
}

static void check_retail(const casc_parent_model *m, const char *file)
{
    CHECK_STR(m->name, "Retail Customers");
    CHECK_STR(m->master.database, "marketing");
    CHECK_STR(m->master.schema, "public");
    CHECK_STR(m->master.table, "customers");
    CHECK_STR(m->key_column, "customer_id");
    CHECK(!m->quote_always);
    CHECK(m->source && strcmp(m->source->name, file) == 0);

    const casc_attribute *a = attribute(m, "country");
    CHECK(a && !a->table && !a->key_column && a->type == CASC_TYPE_STRING);
    CHECK(a && strcmp(a->column, "country_code") == 0);
    CHECK(a && strcmp(a->place.path, "master_table.columns[3]") == 0);
    a = attribute(m, "interests");
    CHECK(a && a->type == CASC_TYPE_STRING_ARRAY);
    a = attribute(m, "signup_date");
    CHECK(a && a->type == CASC_TYPE_DATE);
    a = attribute(m, "email_opt_in");
    CHECK(a && a->type == CASC_TYPE_BOOLEAN);
    a = attribute(m, "lifetime_value");
    CHECK(a && a->type == CASC_TYPE_NUMBER && a->table && strcmp(a->column, "ltv") == 0);
    CHECK(a && a->table && strcmp(a->table->database, "analytics") == 0);
    CHECK(a && a->table && strcmp(a->table->table, "customer_metrics") == 0);
    CHECK(a && strcmp(a->key_column, "customer_id") == 0);
    CHECK(a && strcmp(a->place.path, "attributes[0]") == 0);

    const casc_behavior *b = behavior(m, "purchase");
    CHECK(b && b->time_storage == CASC_TIME_TIMESTAMP);
    CHECK(b && strcmp(b->time_column, "purchased_at") == 0);
    CHECK(b && b->timezone && strcmp(b->timezone, "America/New_York") == 0);
    CHECK(b && b->nfields == 5 && strcmp(b->fields[0].name, "amount") == 0 &&
          b->fields[0].type == CASC_TYPE_NUMBER);
    CHECK(b && b->nfields == 5 && strcmp(b->fields[4].column, "store_code") == 0);
    CHECK(b && b->nfields == 5 && strcmp(b->fields[4].place.path, "behaviors[0].columns[4]") == 0);
    b = behavior(m, "page_view");
    CHECK(b && b->time_storage == CASC_TIME_EPOCH_SECONDS && !b->timezone);
    b = behavior(m, "email_open");
    CHECK(b && b->time_storage == CASC_TIME_TIMESTAMP && !b->timezone);
    b = behavior(m, "app_session");
    CHECK(b && b->time_storage == CASC_TIME_EPOCH_MILLIS);
    b = behavior(m, "store_visit");
    CHECK(b && b->time_storage == CASC_TIME_DATE);

    CHECK(m->nsegments == 4);
    if (m->nsegments == 4) {
        const casc_segment *s = &m->segments[0];
        CHECK_STR(s->name, "VIP");
        CHECK_STR(s->rule, "lifetime_value > 5000");
        CHECK_STR(s->rule_source.name, file);
        CHECK(s->rule_source.len == strlen("lifetime_value > 5000"));
        CHECK(s->rule_source.text[s->rule_source.len] == '\0');
        CHECK(!s->table);
        CHECK_STR(s->place.path, "segments[0]");
        s = &m->segments[2];
        CHECK(s->table && !s->rule && strcmp(s->table->table, "suppression_list") == 0);
        CHECK(s->key_column && strcmp(s->key_column, "customer_id") == 0);
    }
}

static void test_examples(void)
{
    char *ytext = read_file("examples/retail.yaml"), *jtext = read_file("examples/retail.json");
    CHECK(ytext && jtext);
    if (!ytext || !jtext) {
        free(ytext);
        free(jtext);
        return;
    }
    loaded y, j;
    load(&y, "examples/retail.yaml", ytext);
    load(&j, "examples/retail.json", jtext);
    CHECK(y.model && y.diags.nerrors == 0);
    CHECK(j.model && j.diags.nerrors == 0);
    if (y.model && j.model) {
        compare_models(y.model, j.model);
        check_retail(y.model, "examples/retail.yaml");
        check_retail(j.model, "examples/retail.json");
    }
    unload(&y);
    unload(&j);
    free(ytext);
    free(jtext);
}

static void test_type_names(void)
{
    CHECK_STR(casc_type_name(CASC_TYPE_STRING), "string");
    CHECK_STR(casc_type_name(CASC_TYPE_INTEGER), "integer");
    CHECK_STR(casc_type_name(CASC_TYPE_NUMBER), "number");
    CHECK_STR(casc_type_name(CASC_TYPE_BOOLEAN), "boolean");
    CHECK_STR(casc_type_name(CASC_TYPE_DATE), "date");
    CHECK_STR(casc_type_name(CASC_TYPE_TIMESTAMP), "timestamp");
    CHECK_STR(casc_type_name(CASC_TYPE_STRING_ARRAY), "string_array");
    CHECK_STR(casc_type_name(CASC_TYPE_NUMBER_ARRAY), "number_array");
    CHECK_STR(casc_time_storage_name(CASC_TIME_EPOCH_MILLIS), "epoch_millis");
}

/* Defaults: key columns from the master, value_column and column from the
 * name, timestamp storage, catalog for database, no name, null = absent. */
static void test_defaults(void)
{
    loaded l;
    load(&l, "m.yaml",
         "master_table: {catalog: c, table: t, key_column: id, columns: [{name: x, type: array}]}\n"
         "attributes: [{name: v, table: u, type: number}]\n"
         "behaviors:\n"
         "  - {name: b, table: e, timestamp_column: at, columns: ~}\n"
         "segments: [{name: s, table: st, schema: null}]\n"
         "quote_identifiers: always\n");
    const casc_parent_model *m = l.model;
    CHECK(m != NULL);
    if (m) {
        CHECK(!m->name && strcmp(m->master.database, "c") == 0 && !m->master.schema);
        CHECK(m->quote_always);
        CHECK(m->nattributes == 2);
        CHECK_STR(m->attributes[0].column, "x");
        CHECK(m->attributes[0].type == CASC_TYPE_STRING_ARRAY);
        CHECK_STR(m->attributes[1].column, "v");
        CHECK_STR(m->attributes[1].key_column, "id");
        CHECK(m->nbehaviors == 1 && m->behaviors[0].nfields == 0);
        CHECK(m->behaviors[0].time_storage == CASC_TIME_TIMESTAMP);
        CHECK_STR(m->behaviors[0].key_column, "id");
        CHECK(m->nsegments == 1 && !m->segments[0].table->schema);
        CHECK_STR(m->segments[0].key_column, "id");
    }
    unload(&l);
}

/* The format comes from the extension, else from the first character. A
 * trailing comma tells the two apart: YAML allows it, JSON does not. */
static void test_format_choice(void)
{
    static const char comma[] = "{\"master_table\": {\"table\": \"t\", \"key_column\": \"k\",}}";
    static const char yaml[] = "master_table: {table: t, key_column: k}";
    loaded l;
    load(&l, "<stdin>", comma);
    CHECK(!l.model && l.diags.head && strcmp(l.diags.head->message, "invalid JSON syntax") == 0);
    unload(&l);
    load(&l, "model.txt", "\xEF\xBB\xBF  \n{\"master_table\": {\"table\": \"t\",}}");
    CHECK(!l.model && l.diags.head && strcmp(l.diags.head->message, "invalid JSON syntax") == 0);
    unload(&l);
    load(&l, "MODEL.YML", comma);
    CHECK(l.model != NULL);
    unload(&l);
    load(&l, "<stdin>", yaml);
    CHECK(l.model != NULL);
    unload(&l);
    load(&l, "model.JSON", yaml);
    CHECK(!l.model && l.diags.nerrors == 1);
    CHECK(l.diags.head && strcmp(l.diags.head->message, "invalid JSON syntax") == 0);
    unload(&l);
}

/* Every message of a load, one per line. */
static void messages(const loaded *l, casc_strbuf *out)
{
    for (const casc_diag *d = l->diags.head; d; d = d->next)
        casc_sb_printf(out, "%s\n", d->message);
}

/* The same mistakes in both formats give the same messages. */
static void test_same_errors(void)
{
    loaded y, j;
    load(&y, "bad.yaml",
         "master_table: {table: t, key_column: k, columns: [{name: a, tyep: string}]}\n"
         "attributes: [{name: A, table: u, type: strng}]\n"
         "behaviors: [{name: b, table: e, timestamp_type: epoch, columns: [1]}]\n"
         "segments: [{name: s, rule: r, table: x}, {name: n}]\n"
         "quote_identifiers: true\n");
    load(&j, "bad.json",
         "{\"master_table\": {\"table\": \"t\", \"key_column\": \"k\", \"columns\": "
         "[{\"name\": \"a\", \"tyep\": \"string\"}]},\n"
         "\"attributes\": [{\"name\": \"A\", \"table\": \"u\", \"type\": \"strng\"}],\n"
         "\"behaviors\": [{\"name\": \"b\", \"table\": \"e\", \"timestamp_type\": \"epoch\", "
         "\"columns\": [1]}],\n"
         "\"segments\": [{\"name\": \"s\", \"rule\": \"r\", \"table\": \"x\"}, "
         "{\"name\": \"n\"}],\n"
         "\"quote_identifiers\": true}\n");
    CHECK(!y.model && !j.model);
    casc_strbuf ym = CASC_STRBUF_INIT, jm = CASC_STRBUF_INIT;
    messages(&y, &ym);
    messages(&j, &jm);
    CHECK_STR(casc_sb_str(&ym), casc_sb_str(&jm));
    CHECK_STR(casc_sb_str(&ym),
              "master_table.columns[0].type: missing required field\n"
              "master_table.columns[0].tyep: unknown field (did you mean 'type'?)\n"
              "attributes[0].name: duplicate name 'A' (first defined as 'a' at "
              "master_table.columns[0], line 1; names are compared ignoring case)\n"
              "attributes[0].type: unknown type 'strng' (expected string, integer, number, "
              "boolean, date, timestamp, string_array, number_array or array)\n"
              "behaviors[0].timestamp_column: missing required field\n"
              "behaviors[0].timestamp_type: unknown timestamp_type 'epoch' (expected timestamp, "
              "date, epoch_seconds or epoch_millis)\n"
              "behaviors[0].columns[0]: must be a map, found a number\n"
              "segments[0]: give either 'rule' or 'table', not both\n"
              "segments[1]: missing 'rule' or 'table' (a segment is defined by one of them)\n"
              "quote_identifiers: must be a string, found a boolean\n");
    casc_sb_free(&ym);
    casc_sb_free(&jm);
    unload(&y);
    unload(&j);
}

static const char *first_message(const char *name, const char *text, size_t len)
{
    static char out[512];
    loaded l;
    load_text(&l, name, text, len);
    snprintf(out, sizeof out, "%s",
             l.model ? "(loaded)" : l.diags.head ? l.diags.head->message : "(none)");
    unload(&l);
    return out;
}

/* Text that is not a model at all. */
static void test_bad_text(void)
{
    CHECK_STR(first_message("m.yaml", "", 0), "the model file is empty");
    CHECK_STR(first_message("m.json", " \n\t", 3), "the model file is empty");
    CHECK_STR(first_message("m.yaml", "# nothing\n", 10),
              "the model file holds no model: it is empty or only comments");
    CHECK_STR(first_message("m.yaml", "a: 1\0", 5),
              "the model file contains a NUL byte: it must be UTF-8 text");
    CHECK_STR(first_message("m.yaml", "name: \xC0\xAF", 8),
              "invalid UTF-8: byte 0xc0 cannot start or continue a character here (the model "
              "file must be UTF-8 text)");
    CHECK_STR(first_message("m.yaml", "[a, b]", 6),
              "the model must be a map with the fields master_table, attributes, behaviors and "
              "segments; found a list");
    CHECK_STR(first_message("m.yaml", "a: [", 4),
              "invalid YAML syntax: did not find expected node content (while parsing a flow "
              "node that starts on line 1)");
    CHECK_STR(first_message("m.json", "{\"a\": [", 7),
              "invalid JSON syntax: the file ends before every string, {...} and [...] is closed");
    CHECK_STR(first_message("m.yaml", "master_table: {table: t, key_column: k}\n---\nb: 2\n", 49),
              "the model file holds more than one YAML document: put the whole model in one");
    static const char alias[] = "master_table: {table: t, key_column: k}\n"
                                "name: &a x\n"
                                "quote_identifiers: *a\n";
    CHECK_STR(first_message("m.yaml", alias, strlen(alias)),
              "quote_identifiers: must be a string, found an alias (*name): casc does not "
              "expand aliases, write the value out");
}

/* Deep nesting, in both formats: an error, quickly (libyaml's work per
 * token grows with the depth). */
static void test_deep_nesting(void)
{
    enum { DEPTH = 200000 };
    char *text = malloc(2 * DEPTH + 1);
    CHECK(text != NULL);
    if (!text)
        return;
    memset(text, '[', DEPTH);
    memset(text + DEPTH, ']', DEPTH);
    text[2 * DEPTH] = '\0';
    CHECK_STR(first_message("deep.yaml", text, 2 * DEPTH),
              "lists and maps nest more than 64 deep here; a model needs five levels");
    CHECK_STR(first_message("deep.json", text, 2 * DEPTH), "invalid JSON syntax");
    text[DEPTH + 100] = '\0';
    CHECK_STR(first_message("deep.json", text + DEPTH - 100, 200),
              "lists and maps nest more than 64 deep here; a model needs five levels");
    text[DEPTH + 100] = ']';
    text[0] = '{';
    CHECK_STR(first_message("deep.yaml", text, 2 * DEPTH),
              "lists and maps nest more than 64 deep here; a model needs five levels");
    free(text);
}

/* Many names: duplicates are found by hashing; many errors are capped. */
static void test_many(void)
{
    enum { N = 20000 };
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_sb_puts(&sb, "master_table:\n  table: t\n  key_column: k\n  columns:\n");
    for (int i = 0; i < N; i++)
        casc_sb_printf(&sb, "    - {name: c%d, type: string}\n", i);
    casc_sb_puts(&sb, "    - {name: C1234, type: string}\n");
    loaded l;
    load_text(&l, "many.yaml", sb.data, sb.len);
    CHECK(!l.model && l.diags.nerrors == 1);
    static const char dup[] = "master_table.columns[20000].name: duplicate name 'C1234' (first "
                              "defined as 'c1234' at master_table.columns[1234], line ";
    CHECK(l.diags.head && strncmp(l.diags.head->message, dup, strlen(dup)) == 0);
    unload(&l);

    casc_sb_truncate(&sb, 0);
    for (int i = 0; i < 500; i++)
        casc_sb_printf(&sb, "junk%d: 1\n", i);
    load_text(&l, "junk.yaml", sb.data, sb.len);
    CHECK(!l.model && l.diags.nerrors == 101); /* 100, then "too many" */
    CHECK(l.diags.tail && strcmp(l.diags.tail->message,
                                 "too many errors in the model; the rest are not shown") == 0);
    unload(&l);
    casc_sb_free(&sb);
}

int main(void)
{
    test_examples();
    test_type_names();
    test_defaults();
    test_format_choice();
    test_same_errors();
    test_bad_text();
    test_deep_nesting();
    test_many();
    return check_summary("model");
}
