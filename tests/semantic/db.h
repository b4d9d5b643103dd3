/* db.h - the fixture data in PostgreSQL, through libpq. */
#ifndef SEM_DB_H
#define SEM_DB_H

#include <stdbool.h>
#include <stdint.h>

#include "model.h"

typedef struct pg_conn pg_conn;

/* Connect; NULL after printing why. */
pg_conn *db_connect(const char *conninfo);
void db_close(pg_conn *c);

/* Create every table of the model (the database level left out, as the
 * PostgreSQL backend does) with column types from the model, and COPY the
 * files of dir into them. False after printing why. */
bool db_load(pg_conn *c, const casc_parent_model *m, const char *dir);

/* Run a query whose rows are one integer each: the values, ascending, in
 * *out (malloc'd) and their count in *n. On an error returns false with
 * PostgreSQL's message in *err (malloc'd). */
bool db_integers(pg_conn *c, const char *sql, int64_t **out, uint32_t *n, char **err);

/* The rows of a query as text, row by row; NULL for a null. */
typedef struct db_rows {
    uint32_t nrows, ncols;
    char **cells; /* nrows * ncols */
} db_rows;

/* Run a query; false with PostgreSQL's message in *err (malloc'd). */
bool db_query(pg_conn *c, const char *sql, db_rows *out, char **err);
void db_rows_free(db_rows *rows);

#endif
