/* pg_connector.c - PostgreSQL through libpq.
 *
 * Everything is asynchronous (PQconnectStartParams, PQsendQuery), so the
 * run loop is never stuck in libpq: it waits on the socket for at most the
 * time it is given. Single-row mode hands rows over as they arrive, so a
 * result of any size streams through in constant memory. Cancelling sends
 * the server a cancel request (PQcancel), which stops the query; closing
 * alone would leave it running until it next writes to the socket. */
#include <libpq-fe.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/select.h>

#include "connector.h"
#include "secret.h"

/* Without --timeout, a connection attempt gives up after this long. */
enum { CONNECT_SECONDS = 30, CANCEL_WAIT_MS = 5000 };

typedef struct pg_conn {
    rt_conn base;
    PGconn *pg;
    PGresult *cur;       /* the row being handed out, or the first result */
    bool cur_given;      /* cur's row went out */
    bool done;           /* every result was read */
    const char **values; /* the row handed out */
} pg_conn;

/* libpq's message on one line, without its trailing newline. */
static void put_message(char *dst, size_t size, const char *msg)
{
    size_t n = 0;
    for (const char *p = msg; *p && n + 1 < size; p++) {
        if (*p == '\n' || *p == '\t') {
            if (n && dst[n - 1] != ' ' && p[1])
                dst[n++] = ' ';
        } else {
            dst[n++] = *p;
        }
    }
    while (n && dst[n - 1] == ' ')
        n--;
    dst[n] = '\0';
}

/* Why a connection failed, from libpq's words: the server answered with a
 * FATAL error (authentication, a database that does not exist) or it could
 * not be reached at all. */
static bool connect_failed(PGconn *pg, rt_error *err)
{
    char msg[sizeof err->msg - 128];
    put_message(msg, sizeof msg, PQerrorMessage(pg));
    rt_errkind kind = RT_ERR_UNREACHABLE;
    if (strstr(msg, "FATAL:"))
        kind = strstr(msg, "permission denied") ? RT_ERR_PERMISSION
               : strstr(msg, "does not exist") && strstr(msg, "database") ? RT_ERR_CONFIG
                                                                         : RT_ERR_AUTH;
    return rt_fail(err, kind, "cannot connect: %s", msg);
}

/* Wait until the socket is ready (for writing if write), at most ms. */
static void wait_socket(PGconn *pg, bool write, int ms)
{
    int fd = PQsocket(pg);
    if (fd < 0 || fd >= FD_SETSIZE)
        return;
    fd_set set;
    FD_ZERO(&set);
    FD_SET(fd, &set);
    struct timeval tv = {ms / 1000, (ms % 1000) * 1000};
    select(fd + 1, write ? NULL : &set, write ? &set : NULL, NULL, &tv);
}

static bool pg_connect(pg_conn *c, const rt_connection *conn, rt_error *err)
{
    char *perr = NULL;
    PQconninfoOption *opts = PQconninfoParse(conn->conninfo, &perr);
    if (!opts) {
        rt_fail(err, RT_ERR_CONFIG, "the conninfo in %s: %s", conn->file,
                perr ? perr : "out of memory");
        PQfreemem(perr);
        return false;
    }
    bool has_password = false;
    for (PQconninfoOption *o = opts; o->keyword; o++)
        if (strcmp(o->keyword, "password") == 0 && o->val)
            has_password = true;
    PQconninfoFree(opts);
    if (has_password)
        return rt_fail(err, RT_ERR_CONFIG, "the conninfo in %s holds a password; "
                       "remove it and name an environment variable that holds it with "
                       "password_env, or use ~/.pgpass", conn->file);
    const char *password = NULL;
    if (conn->password_env &&
        !(password = rt_secret_env(conn->password_env, "the PostgreSQL password", err)))
        return false;
    /* Later entries win: conninfo may set its own client_encoding. */
    const char *keys[] = {"fallback_application_name", "client_encoding", "dbname", "password",
                          NULL};
    const char *vals[] = {"casc", "UTF8", conn->conninfo, password, NULL};
    if (!password)
        keys[3] = NULL;
    c->pg = PQconnectStartParams(keys, vals, 1);
    if (!c->pg)
        return rt_fail(err, RT_ERR_NOMEM, "out of memory");
    double give_up = rt_clock() + CONNECT_SECONDS;
    PostgresPollingStatusType st = PGRES_POLLING_WRITING;
    while (PQstatus(c->pg) != CONNECTION_BAD && st != PGRES_POLLING_OK &&
           st != PGRES_POLLING_FAILED) {
        rt_errkind stop = rt_ctx_check(c->base.ctx);
        if (stop != RT_OK)
            return rt_fail(err, stop, "stopped while connecting");
        if (rt_clock() > give_up)
            return rt_fail(err, RT_ERR_UNREACHABLE, "no answer from the server in %d seconds",
                           CONNECT_SECONDS);
        wait_socket(c->pg, st == PGRES_POLLING_WRITING, 100);
        st = PQconnectPoll(c->pg);
    }
    if (st != PGRES_POLLING_OK || PQstatus(c->pg) != CONNECTION_OK)
        return connect_failed(c->pg, err);
    return PQsetnonblocking(c->pg, 1) == 0 ||
           rt_fail(err, RT_ERR_UNREACHABLE, "%s", PQerrorMessage(c->pg));
}

static bool pg_submit(rt_conn *base, const char *sql, rt_error *err)
{
    pg_conn *c = (pg_conn *)base;
    char msg[sizeof err->msg - 64];
    if (!PQsendQuery(c->pg, sql) || !PQsetSingleRowMode(c->pg)) {
        put_message(msg, sizeof msg, PQerrorMessage(c->pg));
        return rt_fail(err, RT_ERR_UNREACHABLE, "cannot send the statement: %s", msg);
    }
    base->state = "running";
    return true;
}

/* An error result as an error: the server's message, and the kind by its
 * SQLSTATE class. */
static rt_event result_failed(pg_conn *c, const PGresult *res, rt_error *err)
{
    const char *state = PQresultErrorField(res, PG_DIAG_SQLSTATE);
    rt_errkind kind = RT_ERR_SQL;
    if (state && strcmp(state, "42501") == 0)
        kind = RT_ERR_PERMISSION;
    else if (state && strncmp(state, "28", 2) == 0)
        kind = RT_ERR_AUTH;
    else if (!state && PQstatus(c->pg) == CONNECTION_BAD)
        kind = RT_ERR_UNREACHABLE;
    const char *primary = PQresultErrorField(res, PG_DIAG_MESSAGE_PRIMARY);
    const char *hint = PQresultErrorField(res, PG_DIAG_MESSAGE_HINT);
    char msg[sizeof err->msg / 2], extra[sizeof err->msg / 4] = "";
    put_message(msg, sizeof msg, primary ? primary : PQresultErrorMessage(res));
    if (hint)
        snprintf(extra, sizeof extra, "; hint: %s", hint);
    rt_fail(err, kind, "%s%s%s%s%s", msg, state ? " (SQLSTATE " : "", state ? state : "",
            state ? ")" : "", extra);
    return RT_FAILED;
}

/* The next result, without blocking for more than ms: RT_PENDING while
 * libpq waits for the server, else the result in *res (NULL: no more). */
static rt_event next_result(pg_conn *c, int ms, PGresult **res, rt_error *err)
{
    if (!PQconsumeInput(c->pg)) {
        char msg[sizeof err->msg - 64];
        put_message(msg, sizeof msg, PQerrorMessage(c->pg));
        rt_fail(err, RT_ERR_UNREACHABLE, "lost the connection to the server: %s", msg);
        return RT_FAILED;
    }
    if (PQisBusy(c->pg)) {
        wait_socket(c->pg, false, ms);
        PQconsumeInput(c->pg);
        if (PQisBusy(c->pg))
            return RT_PENDING;
    }
    *res = PQgetResult(c->pg);
    return RT_READY;
}

static bool set_columns(pg_conn *c, const PGresult *res, rt_error *err)
{
    size_t n = (size_t)PQnfields(res);
    if (!rt_set_columns(&c->base, n, err) || !(c->values = calloc(n ? n : 1, sizeof *c->values)))
        return rt_fail(err, RT_ERR_NOMEM, "out of memory");
    for (size_t i = 0; i < n; i++) {
        Oid t = PQftype(res, (int)i);
        /* int8, int2, int4, oid, float4, float8, numeric (pg_type.dat) */
        c->base.columns[i].numeric = t == 20 || t == 21 || t == 23 || t == 26 || t == 700 ||
                                     t == 701 || t == 1700;
        if (!(c->base.columns[i].name = strdup(PQfname(res, (int)i))))
            return rt_fail(err, RT_ERR_NOMEM, "out of memory");
    }
    return true;
}

static rt_event pg_poll(rt_conn *base, int wait_ms, rt_error *err)
{
    pg_conn *c = (pg_conn *)base;
    PGresult *res = NULL;
    rt_event e = next_result(c, wait_ms, &res, err);
    if (e != RT_READY)
        return e;
    switch (res ? PQresultStatus(res) : PGRES_COMMAND_OK) {
    case PGRES_SINGLE_TUPLE:
    case PGRES_TUPLES_OK:
    case PGRES_COMMAND_OK:
        c->cur = res;
        base->state = "fetching";
        return res && !set_columns(c, res, err) ? RT_FAILED : RT_READY;
    default:
        e = result_failed(c, res, err);
        PQclear(res);
        return e;
    }
}

static rt_event pg_fetch(rt_conn *base, int wait_ms, const char *const **row, rt_error *err)
{
    pg_conn *c = (pg_conn *)base;
    for (;;) {
        if (c->cur && !c->cur_given && PQresultStatus(c->cur) == PGRES_SINGLE_TUPLE) {
            for (size_t i = 0; i < base->ncolumns; i++)
                c->values[i] =
                    PQgetisnull(c->cur, 0, (int)i) ? NULL : PQgetvalue(c->cur, 0, (int)i);
            c->cur_given = true;
            *row = c->values;
            return RT_ROW;
        }
        PQclear(c->cur);
        c->cur = NULL;
        if (c->done)
            return RT_END;
        PGresult *res = NULL;
        rt_event e = next_result(c, wait_ms, &res, err);
        if (e != RT_READY)
            return e;
        if (!res) {
            c->done = true;
            continue;
        }
        ExecStatusType st = PQresultStatus(res);
        if (st != PGRES_SINGLE_TUPLE && st != PGRES_TUPLES_OK && st != PGRES_COMMAND_OK) {
            e = result_failed(c, res, err);
            PQclear(res);
            return e;
        }
        c->cur = res;
        c->cur_given = false;
    }
}

static bool pg_cancel(rt_conn *base, rt_error *err)
{
    pg_conn *c = (pg_conn *)base;
    char buf[256];
    PGcancel *cn = PQgetCancel(c->pg);
    bool sent = cn && PQcancel(cn, buf, sizeof buf);
    PQfreeCancel(cn);
    if (!sent)
        return rt_fail(err, RT_ERR_UNREACHABLE, "could not cancel the statement: %s",
                       cn ? buf : "no connection");
    /* Read what is left (the server's "canceling statement" error), so the
     * connection ends cleanly; a server that does not answer is left. */
    double until = rt_clock() + CANCEL_WAIT_MS / 1000.0;
    rt_error ignored;
    while (!c->done && rt_clock() < until) {
        PGresult *res = NULL;
        rt_event e = next_result(c, 100, &res, &ignored);
        if (e == RT_FAILED)
            break;
        if (e == RT_READY) {
            c->done = !res;
            PQclear(res);
        }
    }
    return true;
}

static void pg_close(rt_conn *base)
{
    pg_conn *c = (pg_conn *)base;
    PQclear(c->cur);
    PQfinish(c->pg);
    free(c->values);
    free(c);
}

static const rt_conn_ops pg_ops = {pg_submit, pg_poll, pg_fetch, pg_cancel, pg_close};

rt_conn *rt_pg_open(const rt_connection *conn, const rt_ctx *ctx, rt_error *err)
{
    pg_conn *c = calloc(1, sizeof *c);
    if (!c) {
        rt_fail(err, RT_ERR_NOMEM, "out of memory");
        return NULL;
    }
    c->base = (rt_conn){&pg_ops, ctx, "connecting", NULL, 0};
    if (!pg_connect(c, conn, err)) {
        rt_close(&c->base);
        return NULL;
    }
    return &c->base;
}
