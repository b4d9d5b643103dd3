/* connector.c - what all connectors share: errors, the stop conditions,
 * columns, and the choice of connector by dialect. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "connector.h"

bool rt_fail(rt_error *err, rt_errkind kind, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(err->msg, sizeof err->msg, fmt, ap);
    va_end(ap);
    err->kind = kind;
    return false;
}

double rt_clock(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

rt_errkind rt_ctx_check(const rt_ctx *ctx)
{
    if (ctx->stop && *ctx->stop)
        return RT_ERR_CANCELLED;
    if (ctx->deadline > 0 && rt_clock() >= ctx->deadline)
        return RT_ERR_TIMEOUT;
    return RT_OK;
}

void rt_sleep(const rt_ctx *ctx, int ms)
{
    /* In steps, so that Ctrl-C or the deadline ends the wait soon. */
    double until = rt_clock() + ms / 1000.0;
    while (rt_ctx_check(ctx) == RT_OK) {
        double left = until - rt_clock();
        if (left <= 0)
            return;
        if (left > 0.05)
            left = 0.05;
        struct timespec ts = {0, (long)(left * 1e9)};
        nanosleep(&ts, NULL); /* EINTR (Ctrl-C) just ends this step */
    }
}

static void free_columns(rt_conn *c)
{
    for (size_t i = 0; i < c->ncolumns; i++)
        free(c->columns[i].name);
    free(c->columns);
    c->columns = NULL;
    c->ncolumns = 0;
}

bool rt_set_columns(rt_conn *c, size_t n, rt_error *err)
{
    free_columns(c);
    c->columns = calloc(n ? n : 1, sizeof *c->columns);
    if (!c->columns)
        return rt_fail(err, RT_ERR_NOMEM, "out of memory");
    c->ncolumns = n;
    return true;
}


rt_conn *rt_open(const rt_connection *conn, const rt_ctx *ctx, rt_error *err)
{
    err->kind = RT_OK;
    if (strcmp(conn->dialect, "postgres") == 0)
        return rt_pg_open(conn, ctx, err);
    if (strcmp(conn->dialect, "snowflake") == 0)
        return rt_snowflake_open(conn, ctx, err);
    return rt_databricks_open(conn, ctx, err);
}

void rt_close(rt_conn *c)
{
    if (!c)
        return;
    free_columns(c);
    c->ops->close(c);
}
