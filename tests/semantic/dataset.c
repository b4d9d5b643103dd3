/* dataset.c - read the fixture tables (see dataset.h). */
#include "dataset.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

/* One file, split into decoded cells (NULL for \N). */
typedef struct raw_table {
    char file[160];
    uint32_t ncols, nrows;
    char **names;
    char **cells; /* nrows * ncols */
} raw_table;

enum { MAX_TABLES = 64 };

typedef struct loader {
    sem_data *d;
    const char *dir;
    raw_table tables[MAX_TABLES]; /* each file is read once */
    uint32_t ntables;
    bool failed;
} loader;

char *sem_read_file(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    char *text = NULL;
    if (f && fseek(f, 0, SEEK_END) == 0) {
        long size = ftell(f);
        rewind(f);
        if (size >= 0 && (text = malloc((size_t)size + 1)) &&
            fread(text, 1, (size_t)size, f) == (size_t)size) {
            text[size] = '\0';
            *len = (size_t)size;
        } else {
            free(text);
            text = NULL;
        }
    }
    if (f)
        fclose(f);
    return text;
}

const char *sem_table_file(const casc_table *t, char *buf, size_t size)
{
    snprintf(buf, size, "%s%s%s.tsv", t->schema ? t->schema : "", t->schema ? "." : "", t->table);
    return buf;
}

static void *alloc(loader *l, size_t size)
{
    void *p = casc_arena_alloc(l->d->arena, size ? size : 1);
    if (!p && !l->failed) {
        fprintf(stderr, "dataset: out of memory\n");
        l->failed = true;
    }
    return p;
}

static bool fail(loader *l, const char *file, uint32_t line, const char *what, const char *cell)
{
    if (!l->failed)
        fprintf(stderr, "dataset: %s/%s:%u: %s%s%s%s\n", l->dir, file, line, what, cell ? " '" : "",
                cell ? cell : "", cell ? "'" : "");
    l->failed = true;
    return false;
}

/* Undo COPY's escapes in place; false for \N (null). */
static bool unescape(char *s)
{
    if (strcmp(s, "\\N") == 0)
        return false;
    char *w = s;
    for (const char *r = s; *r; r++) {
        if (*r != '\\' || !r[1]) {
            *w++ = *r;
            continue;
        }
        r++;
        *w++ = *r == 't' ? '\t' : *r == 'n' ? '\n' : *r == 'r' ? '\r' : *r;
    }
    *w = '\0';
    return true;
}

static char *split_next(char **p, char sep)
{
    char *start = *p, *end = strchr(start, sep);
    if (end) {
        *end = '\0';
        *p = end + 1;
    } else {
        *p = start + strlen(start);
    }
    return start;
}

static raw_table *raw_load(loader *l, const casc_table *t)
{
    char file[160];
    sem_table_file(t, file, sizeof file);
    for (uint32_t i = 0; i < l->ntables; i++)
        if (strcmp(l->tables[i].file, file) == 0)
            return &l->tables[i];
    char path[512];
    size_t size = 0;
    snprintf(path, sizeof path, "%s/%s", l->dir, file);
    char *read = sem_read_file(path, &size), *text = read ? alloc(l, size + 1) : NULL;
    if (text)
        memcpy(text, read, size + 1); /* the values point into it */
    free(read);
    if (!text) {
        fail(l, file, 0, "cannot read the file (run gen_data.py?)", NULL);
        return NULL;
    }
    if (l->ntables == MAX_TABLES) {
        fail(l, file, 0, "too many tables", NULL);
        return NULL;
    }
    raw_table *r = &l->tables[l->ntables++];
    snprintf(r->file, sizeof r->file, "%s", file);
    uint32_t lines = 0;
    for (const char *p = text; *p; p++)
        lines += *p == '\n';
    char *p = text, *header = split_next(&p, '\n');
    for (const char *c = header; *c; c++)
        r->ncols += *c == '\t';
    r->ncols++;
    r->names = alloc(l, r->ncols * sizeof *r->names);
    r->cells = alloc(l, (size_t)lines * r->ncols * sizeof *r->cells);
    if (!r->names || !r->cells)
        return NULL;
    for (uint32_t c = 0; c < r->ncols; c++)
        r->names[c] = split_next(&header, '\t');
    while (*p) {
        char *line = split_next(&p, '\n');
        uint32_t tabs = 0;
        for (const char *c = line; *c; c++)
            tabs += *c == '\t';
        if (tabs + 1 != r->ncols) {
            fail(l, file, r->nrows + 2, "not as many columns as the header", NULL);
            return NULL;
        }
        char **row = &r->cells[(size_t)r->nrows * r->ncols];
        for (uint32_t c = 0; c < r->ncols; c++)
            if (!unescape(row[c] = split_next(&line, '\t')))
                row[c] = NULL;
        r->nrows++;
    }
    return r;
}

static int column_index(loader *l, const raw_table *r, const char *name)
{
    for (uint32_t c = 0; c < r->ncols; c++)
        if (strcmp(r->names[c], name) == 0)
            return (int)c;
    fail(l, r->file, 1, "no column", name);
    return -1;
}

/* ---- typed values ---- */

/* `YYYY-MM-DD[ HH:MM:SS[.ffffff]]` as days and nanoseconds of the day. */
static bool parse_datetime(const char *s, int64_t *day, sem_time *time_of_day, bool want_time)
{
    int y, mo, d, h = 0, mi = 0, sec = 0, used = 0;
    if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &used) != 3)
        return false;
    *day = sem_days_from_civil(y, mo, d);
    *time_of_day = 0;
    s += used;
    if (!want_time)
        return *s == '\0';
    if (*s && sscanf(s, " %2d:%2d:%2d%n", &h, &mi, &sec, &used) == 3) {
        s += used;
        int64_t frac = 0, scale = SEM_NS_PER_SEC;
        if (*s == '.')
            for (s++; *s >= '0' && *s <= '9' && scale > 1; s++)
                frac = frac * 10 + (*s - '0'), scale /= 10;
        *time_of_day = ((int64_t)h * 3600 + mi * 60 + sec) * SEM_NS_PER_SEC + frac * scale;
    }
    return *s == '\0';
}

/* A PostgreSQL array literal {"a","b",NULL} of strings or numbers. */
static bool parse_array(loader *l, char *s, bool numeric, sem_value *out)
{
    size_t cap = strlen(s) / 2 + 1;
    sem_value *items = alloc(l, cap * sizeof *items);
    if (!items || *s++ != '{')
        return false;
    uint32_t n = 0;
    char end = *s == '}' ? *s++ : ',';
    while (end == ',') {
        char *start = s, *w = s;
        bool quoted = *s == '"';
        if (quoted) {
            for (s++; *s && *s != '"'; s++)
                *w++ = *s == '\\' && s[1] ? *++s : *s;
            s++;
        } else {
            while (*s && *s != ',' && *s != '}')
                *w++ = *s++;
        }
        end = *s;
        s += end != '\0';
        *w = '\0';
        sem_value *v = &items[n++];
        if (!quoted && strcmp(start, "NULL") == 0)
            v->kind = SV_NULL;
        else if (numeric && (v->kind = SV_NUMBER, !sem_num_parse(start, strlen(start), &v->u.num)))
            return false;
        else if (!numeric)
            *v = (sem_value){.kind = SV_STRING, .len = (uint32_t)strlen(start), .u.str = start};
    }
    if (end != '}' || *s)
        return false;
    *out = (sem_value){.kind = SV_ARRAY, .len = n, .u.items = items};
    return true;
}

static bool parse_key(const char *cell, int64_t *key)
{
    char *end;
    errno = 0;
    *key = cell ? strtoll(cell, &end, 10) : 0;
    return cell && *cell && !*end && !errno;
}

/* A column's value from its cell; storage is the event time's
 * (CASC_TIME_TIMESTAMP for any other column). */
static bool parse_value(loader *l, char *cell, casc_type type, casc_time_storage storage,
                        sem_value *out)
{
    *out = (sem_value){.kind = SV_NULL};
    if (!cell)
        return true;
    int64_t day, epoch;
    sem_time tod;
    switch (storage) {
    case CASC_TIME_EPOCH_SECONDS:
    case CASC_TIME_EPOCH_MILLIS:
        if (!parse_key(cell, &epoch))
            return false;
        out->kind = SV_TIME;
        out->u.time =
            epoch * (storage == CASC_TIME_EPOCH_SECONDS ? SEM_NS_PER_SEC : SEM_NS_PER_SEC / 1000);
        return true;
    default: break;
    }
    switch (type) {
    case CASC_TYPE_STRING:
        *out = (sem_value){.kind = SV_STRING, .len = (uint32_t)strlen(cell), .u.str = cell};
        return true;
    case CASC_TYPE_INTEGER:
    case CASC_TYPE_NUMBER:
        out->kind = SV_NUMBER;
        return sem_num_parse(cell, strlen(cell), &out->u.num) &&
               (type == CASC_TYPE_NUMBER || out->u.num % SEM_NUM_ONE == 0);
    case CASC_TYPE_BOOLEAN:
        out->kind = SV_BOOL;
        out->u.boolean = cell[0] == 't';
        return (cell[0] == 't' || cell[0] == 'f') && !cell[1];
    case CASC_TYPE_DATE: out->kind = SV_DATE; return parse_datetime(cell, &out->u.day, &tod, false);
    case CASC_TYPE_TIMESTAMP:
        if (!parse_datetime(cell, &day, &tod, true))
            return false;
        out->kind = SV_TIME;
        out->u.time = day * SEM_NS_PER_DAY + tod;
        return true;
    case CASC_TYPE_STRING_ARRAY:
    case CASC_TYPE_NUMBER_ARRAY: return parse_array(l, cell, type == CASC_TYPE_NUMBER_ARRAY, out);
    }
    return false;
}

int sem_key_order(const void *a, const void *b)
{
    int64_t x = *(const int64_t *)a, y = *(const int64_t *)b;
    return (x > y) - (x < y);
}

int64_t sem_profile_of(const sem_data *d, int64_t key)
{
    const int64_t *k = bsearch(&key, d->keys, d->nprofiles, sizeof key, sem_key_order);
    return k ? k - d->keys : -1;
}

/* The profile of row i's key in column c, or -1. */
static int64_t row_profile(loader *l, const raw_table *r, uint32_t i, int c)
{
    const char *cell = r->cells[(size_t)i * r->ncols + (uint32_t)c];
    int64_t key;
    if (!cell)
        return -1;
    if (!parse_key(cell, &key)) {
        fail(l, r->file, i + 2, "a key must be an integer", cell);
        return -1;
    }
    return sem_profile_of(l->d, key);
}

/* Values of column `column` per profile, joined on key_column. */
static sem_value *join_column(loader *l, const casc_table *t, const char *key_column,
                              const char *column, casc_type type)
{
    raw_table *r = raw_load(l, t);
    sem_value *out = alloc(l, l->d->nprofiles * sizeof *out);
    int kc = r ? column_index(l, r, key_column) : -1, vc = r ? column_index(l, r, column) : -1;
    if (!out || kc < 0 || vc < 0)
        return NULL;
    for (uint32_t i = 0; i < r->nrows; i++) {
        int64_t p = row_profile(l, r, i, kc);
        if (p >= 0 && !parse_value(l, r->cells[(size_t)i * r->ncols + (uint32_t)vc], type,
                                   CASC_TIME_TIMESTAMP, &out[p]))
            fail(l, r->file, i + 2, "not a value of the column's type", column);
    }
    return out;
}

static bool load_profiles(loader *l)
{
    const casc_parent_model *m = l->d->model;
    raw_table *r = raw_load(l, &m->master);
    int kc = r ? column_index(l, r, m->key_column) : -1;
    if (kc < 0)
        return false;
    sem_data *d = l->d;
    d->keys = alloc(l, r->nrows * sizeof *d->keys);
    for (uint32_t i = 0; d->keys && i < r->nrows; i++) {
        const char *cell = r->cells[(size_t)i * r->ncols + (uint32_t)kc];
        if (!parse_key(cell, &d->keys[i]))
            return fail(l, r->file, i + 2, "the master key must be an integer", cell);
    }
    d->nprofiles = r->nrows;
    qsort(d->keys, d->nprofiles, sizeof *d->keys, sem_key_order);
    for (uint32_t i = 1; i < d->nprofiles; i++)
        if (d->keys[i] == d->keys[i - 1])
            return fail(l, r->file, 0, "a master key appears twice", NULL);
    return !l->failed;
}

static void load_events(loader *l, const casc_behavior *b, sem_events *ev)
{
    raw_table *r = raw_load(l, &b->table);
    int kc = r ? column_index(l, r, b->key_column) : -1;
    int tc = r ? column_index(l, r, b->time_column) : -1;
    uint32_t np = l->d->nprofiles;
    int64_t *profile = r ? malloc(r->nrows * sizeof *profile + 1) : NULL;
    ev->start = alloc(l, (np + 1) * sizeof *ev->start);
    ev->field = alloc(l, (b->nfields + 1) * sizeof *ev->field);
    if (kc < 0 || tc < 0 || !profile || !ev->start || !ev->field) {
        free(profile);
        return;
    }
    /* Group the rows by profile (a counting sort, stable). */
    uint32_t *count = ev->start;
    for (uint32_t i = 0; i < r->nrows; i++)
        if ((profile[i] = row_profile(l, r, i, kc)) >= 0)
            count[profile[i] + 1]++;
    for (uint32_t p = 0; p < np; p++)
        count[p + 1] += count[p];
    ev->n = count[np];
    uint32_t *order = malloc(ev->n * sizeof *order + 1), *next = malloc((np + 1) * sizeof *next);
    ev->time = alloc(l, ev->n * sizeof *ev->time);
    for (uint32_t f = 0; f < b->nfields; f++)
        ev->field[f] = alloc(l, ev->n * sizeof **ev->field);
    if (order && next) {
        memcpy(next, count, (np + 1) * sizeof *next);
        for (uint32_t i = 0; i < r->nrows; i++)
            if (profile[i] >= 0)
                order[next[profile[i]]++] = i;
    }
    casc_type time_type = b->time_storage == CASC_TIME_DATE ? CASC_TYPE_DATE : CASC_TYPE_TIMESTAMP;
    for (uint32_t e = 0; order && next && ev->time && e < ev->n; e++) {
        char **row = &r->cells[(size_t)order[e] * r->ncols];
        if (!parse_value(l, row[tc], time_type, b->time_storage, &ev->time[e]))
            fail(l, r->file, order[e] + 2, "not a time", row[tc]);
        for (uint32_t f = 0; f < b->nfields; f++) {
            int c = column_index(l, r, b->fields[f].column);
            if (c >= 0 && ev->field[f] &&
                !parse_value(l, row[c], b->fields[f].type, CASC_TIME_TIMESTAMP, &ev->field[f][e]))
                fail(l, r->file, order[e] + 2, "not a value of the field's type", row[c]);
        }
    }
    if (!order || !next)
        fail(l, r->file, 0, "out of memory", NULL);
    free(profile);
    free(order);
    free(next);
}

static bool *load_segment(loader *l, const casc_segment *s)
{
    raw_table *r = raw_load(l, s->table);
    int kc = r ? column_index(l, r, s->key_column) : -1;
    bool *member = alloc(l, l->d->nprofiles * sizeof *member);
    for (uint32_t i = 0; kc >= 0 && member && i < r->nrows; i++) {
        int64_t p = row_profile(l, r, i, kc);
        if (p >= 0)
            member[p] = true;
    }
    return member;
}

sem_data *sem_data_load(const casc_parent_model *m, const char *dir)
{
    sem_data *d = calloc(1, sizeof *d);
    loader *l = calloc(1, sizeof *l);
    if (!d || !l || !(d->arena = casc_arena_new())) {
        free(d);
        free(l);
        return NULL;
    }
    l->d = d;
    l->dir = dir;
    d->model = m;
    if (load_profiles(l)) {
        d->attr = alloc(l, (m->nattributes + 1) * sizeof *d->attr);
        d->beh = alloc(l, (m->nbehaviors + 1) * sizeof *d->beh);
        d->segment = alloc(l, (m->nsegments + 1) * sizeof *d->segment);
    }
    for (uint32_t i = 0; d->attr && i < m->nattributes; i++) {
        const casc_attribute *a = &m->attributes[i];
        d->attr[i] = join_column(l, a->table ? a->table : &m->master,
                                 a->table ? a->key_column : m->key_column, a->column, a->type);
    }
    for (uint32_t i = 0; d->beh && i < m->nbehaviors; i++)
        load_events(l, &m->behaviors[i], &d->beh[i]);
    for (uint32_t i = 0; d->segment && i < m->nsegments; i++)
        if (m->segments[i].table)
            d->segment[i] = load_segment(l, &m->segments[i]);
    bool ok = !l->failed && d->segment;
    free(l);
    if (!ok) {
        sem_data_free(d);
        return NULL;
    }
    return d;
}

void sem_data_free(sem_data *d)
{
    if (d) {
        casc_arena_free(d->arena);
        free(d);
    }
}
