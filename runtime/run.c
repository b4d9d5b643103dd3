/* run.c - the loop around a connector. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include "run.h"

/* How long poll and fetch may wait before the loop looks at the stop
 * conditions and the progress line again. */
enum { TICK_MS = 100 };

/* The run ends early (a stop, or the output failed): cancel the statement
 * on the server and say so after what err already says. */
static bool cancel_run(rt_conn *c, rt_error *err)
{
    rt_error cerr;
    char first[sizeof err->msg];
    if (err->kind == RT_ERR_CANCELLED)
        snprintf(first, sizeof first, "interrupted");
    else if (err->kind == RT_ERR_TIMEOUT)
        snprintf(first, sizeof first, "the statement did not finish within --timeout %g s",
                 c->ctx->seconds);
    else
        snprintf(first, sizeof first, "%s", err->msg);
    if (c->ops->cancel(c, &cerr))
        rt_fail(err, err->kind, "%s; the statement was cancelled on the server", first);
    else
        rt_fail(err, err->kind, "%s; cancelling the statement on the server failed: %s", first,
                cerr.msg);
    return false;
}

/* A stop (Ctrl-C, the deadline) seen between calls. */
static bool stopped(rt_conn *c, rt_error *err)
{
    rt_errkind k = rt_ctx_check(c->ctx);
    if (k == RT_OK)
        return false;
    err->kind = k;
    cancel_run(c, err);
    return true;
}

/* A call failed: a connector cut short by a stop still has a statement
 * running on the server. */
static bool failed(rt_conn *c, rt_error *err)
{
    if (err->kind == RT_ERR_CANCELLED || err->kind == RT_ERR_TIMEOUT)
        return cancel_run(c, err);
    return false;
}

/* Writing failed (a closed pipe, a full disk): a statement still running
 * is of no use any more. */
static bool output_failed(rt_conn *c, bool running, rt_error *err)
{
    rt_fail(err, RT_ERR_OUTPUT, "cannot write the output: %s", strerror(errno));
    return running ? cancel_run(c, err) : false;
}

static bool stream_rows(rt_conn *c, rt_output *out, rt_progress *progress, rt_error *err)
{
    unsigned long long rows = 0;
    if (!rt_output_begin(out, c->columns, c->ncolumns))
        return output_failed(c, true, err);
    for (;;) {
        const char *const *row;
        rt_event e = c->ops->fetch(c, TICK_MS, &row, err);
        if (e == RT_END)
            return rt_output_flush(out) || output_failed(c, false, err);
        if (e == RT_FAILED)
            return failed(c, err);
        if (e == RT_ROW && !rt_output_row(out, row))
            return output_failed(c, true, err);
        rows += e == RT_ROW;
        /* Rows written so far reach the reader while the warehouse works. */
        if (e == RT_PENDING && !rt_output_flush(out))
            return output_failed(c, true, err);
        if (stopped(c, err))
            return false;
        rt_progress_update(progress, c->state, rows);
    }
}

bool rt_execute(rt_conn *c, const char *sql, rt_output *out, rt_progress *progress,
                rt_error *err)
{
    err->kind = RT_OK;
    if (!c->ops->submit(c, sql, err))
        return failed(c, err);
    rt_event e;
    while ((e = c->ops->poll(c, TICK_MS, err)) == RT_PENDING) {
        if (stopped(c, err)) {
            rt_progress_clear(progress);
            return false;
        }
        rt_progress_update(progress, c->state, 0);
    }
    bool ok = e == RT_READY ? stream_rows(c, out, progress, err) : failed(c, err);
    rt_progress_clear(progress);
    return ok;
}
