/* model_build.c - the model's shape (docs/model.md): check the generic
 * tree against it and build the casc_parent_model. Items are built even when they
 * have errors, so that every error is found; the model is then dropped. */
#include <string.h>

#include "model_fields.h"
#include "parse.h"
#include "timezone.h"

#define TABLE_FIELDS "database", "catalog", "schema", "table", "key_column"
#define COUNT(a) ((uint32_t)(sizeof(a) / sizeof *(a)))

static const char *const model_fields[] = {"name",      "master_table", "attributes",
                                           "behaviors", "segments",     "quote_identifiers"};
static const char *const master_fields[] = {TABLE_FIELDS, "columns"};
static const char *const column_fields[] = {"name", "column", "type"};
static const char *const attribute_fields[] = {"name", TABLE_FIELDS, "value_column", "type"};
static const char *const behavior_fields[] = {"name",           TABLE_FIELDS, "timestamp_column",
                                              "timestamp_type", "timezone",   "columns"};
static const char *const segment_fields[] = {"name", "rule", TABLE_FIELDS};

typedef struct builder {
    casc_mf f;
    casc_arena *arena;
    const char *master_key; /* the default key_column of the other tables */
    casc_mf_names names;    /* attributes, behaviors and segments */
} builder;

static const char *text_of(const casc_mnode *n)
{
    return n ? n->text : NULL;
}

static void *alloc_array(builder *b, uint32_t n, size_t size)
{
    return casc_arena_alloc(b->arena, (size_t)n * size);
}

/* An item's place: its name (or the item, when it has none). */
static casc_model_place place_of(const casc_mnode *at, const char *path)
{
    return (casc_model_place){at->start, path};
}

static void read_type(builder *b, const casc_mnode *map, const char *path, casc_type *out)
{
    const casc_mnode *v = casc_mf_string(&b->f, map, path, "type", true);
    if (!v)
        return;
    for (casc_type t = CASC_TYPE_STRING; t <= CASC_TYPE_NUMBER_ARRAY; t++)
        if (strcmp(v->text, casc_type_name(t)) == 0) {
            *out = t;
            return;
        }
    if (strcmp(v->text, "array") == 0) {
        *out = CASC_TYPE_STRING_ARRAY;
        return;
    }
    casc_mf_error(&b->f, v,
                  "%s: unknown type '%s' (expected string, integer, number, boolean, date, "
                  "timestamp, string_array, number_array or array)",
                  casc_mf_path(&b->f, path, "type"), casc_mf_show(&b->f, v->text, v->len));
}

/* database (or its synonym catalog), schema and table. */
static void read_table(builder *b, const casc_mnode *map, const char *path, casc_table *t)
{
    const casc_mnode *database = casc_mf_string(&b->f, map, path, "database", false);
    const casc_mnode *catalog = casc_mf_string(&b->f, map, path, "catalog", false);
    if (database && catalog)
        casc_mf_error(&b->f, catalog,
                      "%s: 'catalog' is another name for 'database'; give only one of them",
                      casc_mf_path(&b->f, path, "catalog"));
    t->database = text_of(database ? database : catalog);
    t->schema = text_of(casc_mf_string(&b->f, map, path, "schema", false));
    t->table = text_of(casc_mf_string(&b->f, map, path, "table", true));
}

static const char *read_key_column(builder *b, const casc_mnode *map, const char *path)
{
    const casc_mnode *v = casc_mf_string(&b->f, map, path, "key_column", false);
    return v ? v->text : b->master_key;
}

/* {name, column, type}: a master column or a behavior's field. */
static void read_column(builder *b, const casc_mnode *item, const char *path,
                        casc_mf_names *names, casc_field *out)
{
    const casc_mnode *map = casc_mf_as_map(&b->f, item, path);
    out->place = place_of(item, path);
    if (!map)
        return;
    casc_mf_check_fields(&b->f, map, path, column_fields, COUNT(column_fields));
    const casc_mnode *name = casc_mf_string(&b->f, map, path, "name", true);
    const casc_mnode *column = casc_mf_string(&b->f, map, path, "column", false);
    read_type(b, map, path, &out->type);
    out->name = text_of(name);
    out->column = column ? column->text : out->name;
    if (name)
        out->place = place_of(name, path);
    casc_mf_define(&b->f, names, name, path);
}

/* An entry of attributes: a value joined 1:1 from another table. */
static void read_attribute(builder *b, const casc_mnode *item, const char *path,
                           casc_attribute *out)
{
    const casc_mnode *map = casc_mf_as_map(&b->f, item, path);
    out->place = place_of(item, path);
    casc_table *table = casc_arena_alloc(b->arena, sizeof *table);
    if (!map || !table)
        return;
    casc_mf_check_fields(&b->f, map, path, attribute_fields, COUNT(attribute_fields));
    const casc_mnode *name = casc_mf_string(&b->f, map, path, "name", true);
    read_table(b, map, path, table);
    out->table = table;
    out->key_column = read_key_column(b, map, path);
    const casc_mnode *value = casc_mf_string(&b->f, map, path, "value_column", false);
    read_type(b, map, path, &out->type);
    out->name = text_of(name);
    out->column = value ? value->text : out->name;
    if (name)
        out->place = place_of(name, path);
    casc_mf_define(&b->f, &b->names, name, path);
}


static void read_time(builder *b, const casc_mnode *map, const char *path, casc_behavior *out)
{
    out->time_column = text_of(casc_mf_string(&b->f, map, path, "timestamp_column", true));
    const casc_mnode *type = casc_mf_string(&b->f, map, path, "timestamp_type", false);
    if (type) {
        casc_time_storage t = CASC_TIME_TIMESTAMP;
        while (t <= CASC_TIME_EPOCH_MILLIS && strcmp(type->text, casc_time_storage_name(t)) != 0)
            t++;
        if (t <= CASC_TIME_EPOCH_MILLIS)
            out->time_storage = t;
        else
            casc_mf_error(&b->f, type,
                          "%s: unknown timestamp_type '%s' (expected timestamp, date, "
                          "epoch_seconds or epoch_millis)",
                          casc_mf_path(&b->f, path, "timestamp_type"),
                          casc_mf_show(&b->f, type->text, type->len));
    }
    const casc_mnode *zone = casc_mf_string(&b->f, map, path, "timezone", false);
    if (!zone)
        return;
    const char *where = casc_mf_path(&b->f, path, "timezone");
    /* The name goes into SQL as a string and must mean the same zone in
     * every warehouse: an IANA name, checked like --timezone. */
    if (strlen(zone->text) != zone->len || !casc_timezone_known(zone->text))
        casc_mf_error(&b->f, zone,
                      "%s: unknown time zone '%s' (use an IANA name such as UTC or "
                      "America/New_York)",
                      where, casc_mf_show(&b->f, zone->text, zone->len));
    else if (out->time_storage != CASC_TIME_TIMESTAMP)
        casc_mf_error(&b->f, zone,
                      "%s: only a timestamp_type of timestamp has a time zone (epoch times "
                      "are UTC, dates have no time of day)",
                      where);
    out->timezone = zone->text;
}

static void read_behavior(builder *b, const casc_mnode *item, const char *path,
                          casc_behavior *out)
{
    const casc_mnode *map = casc_mf_as_map(&b->f, item, path);
    out->place = place_of(item, path);
    if (!map)
        return;
    casc_mf_check_fields(&b->f, map, path, behavior_fields, COUNT(behavior_fields));
    const casc_mnode *name = casc_mf_string(&b->f, map, path, "name", true);
    read_table(b, map, path, &out->table);
    out->key_column = read_key_column(b, map, path);
    read_time(b, map, path, out);
    const casc_mnode *columns = casc_mf_list(&b->f, map, path, "columns");
    if (columns) {
        const char *cpath = casc_mf_path(&b->f, path, "columns");
        casc_field *fields = alloc_array(b, columns->nkids, sizeof *fields);
        casc_mf_names field_names = {0};
        for (uint32_t i = 0; fields && i < columns->nkids; i++)
            read_column(b, columns->kids[i], casc_mf_index(&b->f, cpath, i), &field_names,
                        &fields[i]);
        out->fields = fields;
        out->nfields = fields ? columns->nkids : 0;
    }
    out->name = text_of(name);
    if (name)
        out->place = place_of(name, path);
    casc_mf_define(&b->f, &b->names, name, path);
}

/* A segment is a rule or a table of member keys, never both. */
static void read_segment(builder *b, const casc_mnode *item, const char *path,
                         casc_segment *out)
{
    const casc_mnode *map = casc_mf_as_map(&b->f, item, path);
    out->place = place_of(item, path);
    if (!map)
        return;
    casc_mf_check_fields(&b->f, map, path, segment_fields, COUNT(segment_fields));
    const casc_mnode *name = casc_mf_string(&b->f, map, path, "name", true);
    out->name = text_of(name);
    if (name)
        out->place = place_of(name, path);
    casc_mf_define(&b->f, &b->names, name, path);

    bool has_rule = casc_mf_get(map, "rule") != NULL;
    bool has_table = casc_mf_get(map, "table") != NULL;
    if (has_rule && has_table) {
        casc_mf_error(&b->f, map, "%s: give either 'rule' or 'table', not both", path);
    } else if (has_rule) {
        const casc_mnode *rule = casc_mf_string(&b->f, map, path, "rule", true);
        static const char *const table_only[] = {"database", "catalog", "schema", "key_column"};
        for (uint32_t i = 0; i < COUNT(table_only); i++) {
            const casc_mnode *v = casc_mf_get(map, table_only[i]);
            if (v)
                casc_mf_error(&b->f, v, "%s: only a segment defined by a table has a %s",
                              casc_mf_path(&b->f, path, table_only[i]), table_only[i]);
        }
        if (rule) {
            out->rule = rule->text;
            out->rule_source = (casc_source){
                .name = b->f.cx->src->name, .text = rule->text, .len = rule->len};
            out->place.offset = rule->start;
            casc_diags ignored; /* reported when a rule refers to the segment */
            casc_diags_init(&ignored, b->arena);
            out->tree = casc_parse(b->arena, b->arena, &out->rule_source, &ignored);
        }
    } else if (has_table) {
        casc_table *table = casc_arena_alloc(b->arena, sizeof *table);
        if (!table)
            return;
        read_table(b, map, path, table);
        out->table = table;
        out->key_column = read_key_column(b, map, path);
    } else {
        casc_mf_error(&b->f, map, "%s: missing 'rule' or 'table' (a segment is defined by one "
                      "of them)", path);
    }
}

static void read_master(builder *b, const casc_mnode *map, casc_parent_model *m,
                        const casc_mnode **columns)
{
    const char *path = "master_table";
    casc_mf_check_fields(&b->f, map, path, master_fields, COUNT(master_fields));
    read_table(b, map, path, &m->master);
    m->key_column = text_of(casc_mf_string(&b->f, map, path, "key_column", true));
    b->master_key = m->key_column;
    *columns = casc_mf_list(&b->f, map, path, "columns");
}

/* Master columns first, then the entries of attributes. */
static void read_attributes(builder *b, const casc_mnode *columns, const casc_mnode *entries,
                            casc_parent_model *m)
{
    uint32_t ncolumns = columns ? columns->nkids : 0, nentries = entries ? entries->nkids : 0;
    casc_attribute *attrs = alloc_array(b, ncolumns + nentries, sizeof *attrs);
    if (!attrs)
        return;
    for (uint32_t i = 0; i < ncolumns; i++) {
        casc_field col = {0};
        read_column(b, columns->kids[i], casc_mf_index(&b->f, "master_table.columns", i),
                    &b->names, &col);
        attrs[i] = (casc_attribute){.name = col.name, .column = col.column, .type = col.type,
                                    .place = col.place};
    }
    for (uint32_t i = 0; i < nentries; i++)
        read_attribute(b, entries->kids[i], casc_mf_index(&b->f, "attributes", i),
                       &attrs[ncolumns + i]);
    m->attributes = attrs;
    m->nattributes = ncolumns + nentries;
}

static void read_quoting(builder *b, const casc_mnode *root, casc_parent_model *m)
{
    const casc_mnode *v = casc_mf_string(&b->f, root, "", "quote_identifiers", false);
    if (!v)
        return;
    if (strcmp(v->text, "always") == 0)
        m->quote_always = 1;
    else if (strcmp(v->text, "auto") != 0)
        casc_mf_error(&b->f, v, "quote_identifiers: must be 'always' or 'auto', found '%s'",
                      casc_mf_show(&b->f, v->text, v->len));
}

const casc_parent_model *casc_model_build(const casc_mtree_ctx *cx, const casc_mnode *root)
{
    builder b = {.f = {cx, 0}, .arena = cx->arena};
    casc_parent_model *m = casc_arena_alloc(b.arena, sizeof *m);
    if (!m)
        return NULL;
    m->source = cx->src;
    if (root->kind != CASC_MN_MAP) {
        casc_mf_error(&b.f, root,
                      "the model must be a map with the fields master_table, attributes, "
                      "behaviors and segments; found %s",
                      casc_mnode_kind_name(root->kind));
        return m;
    }
    casc_mf_check_fields(&b.f, root, "", model_fields, COUNT(model_fields));
    m->name = text_of(casc_mf_string(&b.f, root, "", "name", false));
    read_quoting(&b, root, m);

    const casc_mnode *master = casc_mf_map(&b.f, root, "", "master_table", true), *columns = NULL;
    if (master)
        read_master(&b, master, m, &columns);
    read_attributes(&b, columns, casc_mf_list(&b.f, root, "", "attributes"), m);

    const casc_mnode *behaviors = casc_mf_list(&b.f, root, "", "behaviors");
    uint32_t n = behaviors ? behaviors->nkids : 0;
    casc_behavior *bs = alloc_array(&b, n, sizeof *bs);
    for (uint32_t i = 0; bs && i < n; i++)
        read_behavior(&b, behaviors->kids[i], casc_mf_index(&b.f, "behaviors", i), &bs[i]);
    m->behaviors = bs;
    m->nbehaviors = bs ? n : 0;

    const casc_mnode *segments = casc_mf_list(&b.f, root, "", "segments");
    n = segments ? segments->nkids : 0;
    casc_segment *ss = alloc_array(&b, n, sizeof *ss);
    for (uint32_t i = 0; ss && i < n; i++)
        read_segment(&b, segments->kids[i], casc_mf_index(&b.f, "segments", i), &ss[i]);
    m->segments = ss;
    m->nsegments = ss ? n : 0;
    casc_name_quoting_build(b.arena, &m->quoting, m); /* a failure fails the arena */
    return m;
}
