/* db.c - load and query the fixture database (see db.h). */
#include "db.h"

#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "dataset.h"
#include "strbuf.h"

struct pg_conn {
    PGconn *pg;
};

static void ignore_notice(void *arg, const char *message)
{
    (void)arg, (void)message;
}

pg_conn *db_connect(const char *conninfo)
{
    pg_conn *c = calloc(1, sizeof *c);
    if (!c)
        return NULL;
    c->pg = PQconnectdb(conninfo);
    if (PQstatus(c->pg) != CONNECTION_OK) {
        fprintf(stderr, "db: cannot connect: %s", PQerrorMessage(c->pg));
        db_close(c);
        return NULL;
    }
    PQsetNoticeProcessor(c->pg, ignore_notice, NULL); /* "schema already exists" */
    return c;
}

void db_close(pg_conn *c)
{
    if (c) {
        PQfinish(c->pg);
        free(c);
    }
}

static bool exec(pg_conn *c, const char *sql)
{
    PGresult *r = PQexec(c->pg, sql);
    bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    if (!ok)
        fprintf(stderr, "db: %s\n  in: %s\n", PQerrorMessage(c->pg), sql);
    PQclear(r);
    return ok;
}

static const char *pg_type(casc_type t)
{
    static const char *const names[] = {
        [CASC_TYPE_STRING] = "text",         [CASC_TYPE_INTEGER] = "bigint",
        [CASC_TYPE_NUMBER] = "numeric",      [CASC_TYPE_BOOLEAN] = "boolean",
        [CASC_TYPE_DATE] = "date",           [CASC_TYPE_TIMESTAMP] = "timestamp",
        [CASC_TYPE_STRING_ARRAY] = "text[]", [CASC_TYPE_NUMBER_ARRAY] = "numeric[]"};
    return names[t];
}

static bool same_table(const casc_table *a, const casc_table *b)
{
    return strcmp(a->table, b->table) == 0 &&
           (a->schema == b->schema || (a->schema && b->schema && !strcmp(a->schema, b->schema)));
}

/* The PostgreSQL type of column `col` of table t, from the model. */
static const char *column_type(const casc_parent_model *m, const casc_table *t, const char *col)
{
    if (same_table(t, &m->master) && strcmp(col, m->key_column) == 0)
        return "bigint";
    for (uint32_t i = 0; i < m->nattributes; i++) {
        const casc_attribute *a = &m->attributes[i];
        if (same_table(t, a->table ? a->table : &m->master) &&
            (!strcmp(col, a->column) || (a->table && !strcmp(col, a->key_column))))
            return strcmp(col, a->column) ? "bigint" : pg_type(a->type);
    }
    for (uint32_t i = 0; i < m->nbehaviors; i++) {
        const casc_behavior *b = &m->behaviors[i];
        if (!same_table(t, &b->table))
            continue;
        if (!strcmp(col, b->key_column))
            return "bigint";
        if (!strcmp(col, b->time_column))
            return b->time_storage == CASC_TIME_DATE        ? "date"
                   : b->time_storage == CASC_TIME_TIMESTAMP ? "timestamp"
                                                            : "bigint";
        for (uint32_t f = 0; f < b->nfields; f++)
            if (!strcmp(col, b->fields[f].column))
                return pg_type(b->fields[f].type);
    }
    for (uint32_t i = 0; i < m->nsegments; i++)
        if (m->segments[i].table && same_table(t, m->segments[i].table) &&
            !strcmp(col, m->segments[i].key_column))
            return "bigint";
    return NULL;
}

static void ident(casc_strbuf *sb, const char *name)
{
    casc_sb_putc(sb, '"');
    for (; *name; name++) {
        if (*name == '"')
            casc_sb_putc(sb, '"');
        casc_sb_putc(sb, *name);
    }
    casc_sb_putc(sb, '"');
}

static void table_name(casc_strbuf *sb, const casc_table *t)
{
    if (t->schema) {
        ident(sb, t->schema);
        casc_sb_putc(sb, '.');
    }
    ident(sb, t->table);
}

/* CREATE TABLE t with the columns of its file's header, then COPY the rest
 * of the file into it. */
static bool load_table(pg_conn *c, const casc_parent_model *m, const casc_table *t, const char *dir)
{
    char file[160], path[512];
    snprintf(path, sizeof path, "%s/%s", dir, sem_table_file(t, file, sizeof file));
    size_t len;
    char *text = sem_read_file(path, &len);
    char *body = text ? strchr(text, '\n') : NULL;
    if (!body) {
        fprintf(stderr, "db: cannot read %s\n", path);
        free(text);
        return false;
    }
    *body++ = '\0';
    casc_strbuf create = CASC_STRBUF_INIT, copy = CASC_STRBUF_INIT;
    if (t->schema) {
        casc_sb_puts(&create, "CREATE SCHEMA IF NOT EXISTS ");
        ident(&create, t->schema);
        casc_sb_puts(&create, "; ");
    }
    casc_sb_puts(&create, "CREATE TABLE ");
    table_name(&create, t);
    casc_sb_puts(&copy, "COPY ");
    table_name(&copy, t);
    bool ok = true;
    char *col = text;
    for (int i = 0; ok && col; i++) {
        char *tab = strchr(col, '\t');
        if (tab)
            *tab = '\0';
        const char *type = column_type(m, t, col);
        if (!type) {
            fprintf(stderr, "db: %s: column '%s' is not in the model\n", path, col);
            ok = false;
        }
        casc_sb_puts(&create, i ? ", " : " (");
        ident(&create, col);
        casc_sb_printf(&create, " %s", type ? type : "");
        casc_sb_puts(&copy, i ? ", " : " (");
        ident(&copy, col);
        col = tab ? tab + 1 : NULL;
    }
    casc_sb_puts(&create, ")");
    casc_sb_puts(&copy, ") FROM STDIN");
    ok = ok && exec(c, casc_sb_str(&create));
    PGresult *r = ok ? PQexec(c->pg, casc_sb_str(&copy)) : NULL;
    ok = ok && PQresultStatus(r) == PGRES_COPY_IN;
    PQclear(r);
    ok = ok && PQputCopyData(c->pg, body, (int)(len - (size_t)(body - text))) == 1 &&
         PQputCopyEnd(c->pg, NULL) == 1;
    if (ok) {
        r = PQgetResult(c->pg);
        ok = PQresultStatus(r) == PGRES_COMMAND_OK;
        PQclear(r);
        while ((r = PQgetResult(c->pg)))
            PQclear(r);
    }
    if (!ok)
        fprintf(stderr, "db: loading %s: %s", path, PQerrorMessage(c->pg));
    casc_sb_free(&create);
    casc_sb_free(&copy);
    free(text);
    return ok;
}

/* Each behavior table indexed by (key, time), as a PostgreSQL deployment
 * of casc has it for per-profile lookups (docs/dialects/postgres.md):
 * without, the correlated subqueries casc writes after a narrowing
 * conjunct scan the table once per profile. */
static bool index_behaviors(pg_conn *c, const casc_parent_model *m)
{
    bool ok = true;
    for (uint32_t i = 0; ok && i < m->nbehaviors; i++) {
        const casc_behavior *b = &m->behaviors[i];
        casc_strbuf sql = CASC_STRBUF_INIT;
        casc_sb_puts(&sql, "CREATE INDEX ON ");
        table_name(&sql, &b->table);
        casc_sb_puts(&sql, " (");
        ident(&sql, b->key_column);
        casc_sb_puts(&sql, ", ");
        ident(&sql, b->time_column);
        casc_sb_puts(&sql, ")");
        ok = exec(c, casc_sb_str(&sql));
        casc_sb_free(&sql);
    }
    return ok;
}

bool db_load(pg_conn *c, const casc_parent_model *m, const char *dir)
{
    /* Every table once: master, attribute tables, behaviors, segments. */
    const casc_table *tables[64];
    uint32_t n = 0;
    const uint32_t max = sizeof tables / sizeof *tables;
    tables[n++] = &m->master;
    for (uint32_t i = 0; i < m->nattributes && n < max; i++)
        if (m->attributes[i].table)
            tables[n++] = m->attributes[i].table;
    for (uint32_t i = 0; i < m->nbehaviors && n < max; i++)
        tables[n++] = &m->behaviors[i].table;
    for (uint32_t i = 0; i < m->nsegments && n < max; i++)
        if (m->segments[i].table)
            tables[n++] = m->segments[i].table;
    for (uint32_t i = 0; i < n; i++) {
        bool seen = false;
        for (uint32_t j = 0; j < i; j++)
            seen |= same_table(tables[i], tables[j]);
        if (!seen && !load_table(c, m, tables[i], dir))
            return false;
    }
    return index_behaviors(c, m) && exec(c, "ANALYZE");
}

bool db_integers(pg_conn *c, const char *sql, int64_t **out, uint32_t *n, char **err)
{
    PGresult *r = PQexec(c->pg, sql);
    *out = NULL;
    *n = 0;
    *err = NULL;
    if (PQresultStatus(r) != PGRES_TUPLES_OK || PQnfields(r) != 1) {
        *err = strdup(PQresultStatus(r) == PGRES_TUPLES_OK ? "not one column\n"
                                                           : PQerrorMessage(c->pg));
        PQclear(r);
        return false;
    }
    int rows = PQntuples(r);
    *out = malloc((size_t)rows * sizeof **out + 1);
    for (int i = 0; *out && i < rows; i++)
        (*out)[i] = PQgetisnull(r, i, 0) ? INT64_MIN : strtoll(PQgetvalue(r, i, 0), NULL, 10);
    PQclear(r);
    if (!*out) {
        *err = strdup("out of memory\n");
        return false;
    }
    *n = (uint32_t)rows;
    qsort(*out, *n, sizeof **out, sem_key_order);
    return true;
}

bool db_query(pg_conn *c, const char *sql, db_rows *out, char **err)
{
    PGresult *r = PQexec(c->pg, sql);
    *out = (db_rows){0};
    *err = NULL;
    if (PQresultStatus(r) != PGRES_TUPLES_OK) {
        *err = strdup(PQerrorMessage(c->pg));
        PQclear(r);
        return false;
    }
    out->nrows = (uint32_t)PQntuples(r);
    out->ncols = (uint32_t)PQnfields(r);
    out->cells = calloc((size_t)out->nrows * out->ncols + 1, sizeof *out->cells);
    bool ok = out->cells != NULL;
    for (uint32_t i = 0; ok && i < out->nrows; i++)
        for (uint32_t j = 0; ok && j < out->ncols; j++)
            if (!PQgetisnull(r, (int)i, (int)j))
                ok = (out->cells[i * out->ncols + j] = strdup(PQgetvalue(r, (int)i, (int)j))) != NULL;
    PQclear(r);
    if (!ok) {
        db_rows_free(out);
        *err = strdup("out of memory\n");
    }
    return ok;
}

void db_rows_free(db_rows *rows)
{
    for (size_t i = 0; rows->cells && i < (size_t)rows->nrows * rows->ncols; i++)
        free(rows->cells[i]);
    free(rows->cells);
    *rows = (db_rows){0};
}
