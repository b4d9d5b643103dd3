/* connector.h - the one small interface every warehouse connector offers:
 * submit a statement, poll it until its result is ready, fetch the rows,
 * cancel it on the server, close.
 *
 * Nothing blocks for long: poll and fetch wait at most the milliseconds
 * they are given (a network request in flight is cut short when the run is
 * interrupted), so the caller's loop (run.c) notices Ctrl-C and --timeout
 * between calls and cancels the statement on the server. Rows are arrays of
 * nullable strings, the warehouses' own text for each value. Errors are a
 * kind and a message that says what happened and, where the server said
 * why, the server's words; a message never holds a secret. */
#ifndef CASC_RT_CONNECTOR_H
#define CASC_RT_CONNECTOR_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#include "connections.h"

typedef enum rt_errkind {
    RT_OK = 0,
    RT_ERR_CONFIG,      /* the connection's settings or secrets */
    RT_ERR_UNREACHABLE, /* no answer: DNS, refused, TLS, network */
    RT_ERR_AUTH,        /* the server does not accept who we say we are */
    RT_ERR_PERMISSION,  /* authenticated, but not allowed */
    RT_ERR_SQL,         /* the server rejected or failed the statement */
    RT_ERR_TIMEOUT,     /* --timeout ran out */
    RT_ERR_CANCELLED,   /* Ctrl-C */
    RT_ERR_PROTOCOL,    /* an answer the connector cannot read */
    RT_ERR_OUTPUT,      /* the rows cannot be written */
    RT_ERR_NOMEM,
} rt_errkind;

typedef struct rt_error {
    rt_errkind kind;
    char msg[1024];
} rt_error;

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
/* Set the error (the message is cut at the buffer's size); returns false,
 * for `return rt_fail(...)`. */
bool rt_fail(rt_error *err, rt_errkind kind, const char *fmt, ...);

/* What a run may be stopped by: the flag the SIGINT handler sets, and a
 * deadline on rt_clock() (0: none), that many seconds after the start. */
typedef struct rt_ctx {
    const volatile sig_atomic_t *stop;
    double deadline;
    double seconds;
} rt_ctx;

/* Seconds on a monotonic clock. */
double rt_clock(void);
/* RT_ERR_CANCELLED after Ctrl-C, RT_ERR_TIMEOUT past the deadline, else
 * RT_OK. */
rt_errkind rt_ctx_check(const rt_ctx *ctx);
/* Sleep ms milliseconds, or less when the run is stopped meanwhile. */
void rt_sleep(const rt_ctx *ctx, int ms);

typedef struct rt_column {
    char *name;
    bool numeric; /* the warehouse's type is a number */
} rt_column;

/* What poll and fetch return. */
typedef enum rt_event {
    RT_PENDING, /* nothing yet; call again */
    RT_READY,   /* poll: the result can be fetched; columns are known */
    RT_ROW,     /* fetch: *row holds the next row (valid until the next call) */
    RT_END,     /* fetch: no more rows */
    RT_FAILED,  /* see the error */
} rt_event;

typedef struct rt_conn rt_conn;

typedef struct rt_conn_ops {
    bool (*submit)(rt_conn *c, const char *sql, rt_error *err);
    rt_event (*poll)(rt_conn *c, int wait_ms, rt_error *err);
    rt_event (*fetch)(rt_conn *c, int wait_ms, const char *const **row, rt_error *err);
    /* Ask the server to stop the statement; not cut short by the stop
     * flag (it is what a stop does). */
    bool (*cancel)(rt_conn *c, rt_error *err);
    void (*close)(rt_conn *c);
} rt_conn_ops;

/* The part every connector shares; each embeds it first. */
struct rt_conn {
    const rt_conn_ops *ops;
    const rt_ctx *ctx;
    const char *state;  /* for the progress line: "connecting", "running", ... */
    rt_column *columns; /* after RT_READY */
    size_t ncolumns;
};

/* Open a connector for the connection (PostgreSQL connects here; the REST
 * connectors read their secrets and sign in on the first request). NULL
 * and err on failure. */
rt_conn *rt_open(const rt_connection *conn, const rt_ctx *ctx, rt_error *err);
void rt_close(rt_conn *c);

/* For connectors: make room for n columns (names NULL); false when memory
 * runs out. */
bool rt_set_columns(rt_conn *c, size_t n, rt_error *err);

rt_conn *rt_pg_open(const rt_connection *conn, const rt_ctx *ctx, rt_error *err);
rt_conn *rt_snowflake_open(const rt_connection *conn, const rt_ctx *ctx, rt_error *err);
rt_conn *rt_databricks_open(const rt_connection *conn, const rt_ctx *ctx, rt_error *err);

#endif
