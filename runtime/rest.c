/* rest.c - shared pieces of the REST connectors. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rest.h"

static void free_made(rest_rows *r)
{
    for (size_t i = 0; i < r->nmade; i++)
        cJSON_free(r->made[i]);
    r->nmade = 0;
}

bool rest_rows_set(rest_rows *r, cJSON *root, const cJSON *rows, size_t ncols, rt_error *err)
{
    rest_rows_free(r);
    r->root = root;
    r->ncols = ncols;
    if (rows && !cJSON_IsArray(rows))
        return rt_fail(err, RT_ERR_PROTOCOL, "the rows of the answer are not an array");
    r->next = rows ? rows->child : NULL;
    r->values = calloc(ncols ? ncols : 1, sizeof *r->values);
    r->made = calloc(ncols ? ncols : 1, sizeof *r->made);
    return (r->values && r->made) || rt_fail(err, RT_ERR_NOMEM, "out of memory");
}

rt_event rest_rows_next(rest_rows *r, const char *const **row, rt_error *err)
{
    free_made(r);
    if (!r->next)
        return RT_END;
    const cJSON *v = cJSON_IsArray(r->next) ? r->next->child : NULL;
    for (size_t i = 0; i < r->ncols; i++, v = v ? v->next : NULL) {
        if (!v) {
            rt_fail(err, RT_ERR_PROTOCOL, "a row of the answer has fewer values than the result "
                    "has columns");
            return RT_FAILED;
        }
        if (cJSON_IsNull(v)) {
            r->values[i] = NULL;
        } else if (cJSON_IsString(v)) {
            r->values[i] = v->valuestring;
        } else {
            /* Both APIs send every value as a string; anything else is
             * passed on as its JSON text. */
            char *text = cJSON_PrintUnformatted(v);
            if (!text) {
                rt_fail(err, RT_ERR_NOMEM, "out of memory");
                return RT_FAILED;
            }
            r->values[i] = r->made[r->nmade++] = text;
        }
    }
    r->next = r->next->next;
    *row = r->values;
    return RT_ROW;
}

void rest_rows_free(rest_rows *r)
{
    free_made(r);
    cJSON_Delete(r->root);
    free(r->values);
    free(r->made);
    *r = (rest_rows){0};
}

cJSON *rest_json(const rt_http_resp *resp, rt_error *err)
{
    cJSON *j = resp->body.len ? cJSON_ParseWithLength(resp->body.data, resp->body.len) : NULL;
    if (!j)
        rt_fail(err, RT_ERR_PROTOCOL, "the answer (HTTP %ld) is not JSON", resp->status);
    return j;
}

cJSON *rest_json_ok(rt_http_resp *resp, const char *vendor, rt_error *err)
{
    cJSON *j = NULL;
    if (resp->status != 200)
        rest_status_error(resp, vendor, err);
    else
        j = rest_json(resp, err);
    casc_sb_free(&resp->body);
    return j;
}

char *rest_body(cJSON *b, const char *const (*fields)[2], size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (fields[i][1])
            cJSON_AddStringToObject(b, fields[i][0], fields[i][1]);
    char *text = cJSON_PrintUnformatted(b);
    cJSON_Delete(b);
    return text;
}

const char *rest_string(const cJSON *obj, const char *name)
{
    const cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, name);
    return cJSON_IsString(v) ? v->valuestring : NULL;
}

bool rest_status_error(const rt_http_resp *resp, const char *vendor, rt_error *err)
{
    cJSON *j = resp->body.len ? cJSON_ParseWithLength(resp->body.data, resp->body.len) : NULL;
    const char *msg = rest_string(j, "message");
    char said[sizeof err->msg / 2] = "";
    if (msg)
        snprintf(said, sizeof said, ": %s", msg);
    long s = resp->status;
    if (s == 401)
        rt_fail(err, RT_ERR_AUTH, "%s did not accept the credentials (HTTP 401)%s", vendor, said);
    else if (s == 403)
        rt_fail(err, RT_ERR_PERMISSION, "%s denied permission (HTTP 403)%s", vendor, said);
    else if (s == 400 || s == 404)
        rt_fail(err, RT_ERR_CONFIG, "%s rejected the request (HTTP %ld)%s; check the "
                "connection's settings", vendor, s, said);
    else if (s == 429 || s >= 500)
        rt_fail(err, RT_ERR_UNREACHABLE, "%s is unavailable (HTTP %ld)%s; try again later",
                vendor, s, said);
    else
        rt_fail(err, RT_ERR_PROTOCOL, "unexpected answer from %s (HTTP %ld)%s", vendor, s, said);
    cJSON_Delete(j);
    return false;
}

bool rest_columns(rt_conn *c, const cJSON *cols, const char *what, const char *type_key,
                  bool (*numeric)(const char *type), rt_error *err)
{
    if (!cJSON_IsArray(cols))
        return rt_fail(err, RT_ERR_PROTOCOL, "the result has no %s", what);
    if (!rt_set_columns(c, (size_t)cJSON_GetArraySize(cols), err))
        return false;
    size_t i = 0;
    for (const cJSON *col = cols->child; col; col = col->next, i++) {
        const char *name = rest_string(col, "name");
        c->columns[i].numeric = numeric(rest_string(col, type_key));
        if (!(c->columns[i].name = strdup(name ? name : "")))
            return rt_fail(err, RT_ERR_NOMEM, "out of memory");
    }
    return true;
}

void rest_backoff_start(rest_backoff *b)
{
    b->interval = 0.05;
    b->next = rt_clock() + b->interval;
}

bool rest_backoff_due(rest_backoff *b, const rt_ctx *ctx, int wait_ms)
{
    double left = b->next - rt_clock();
    if (left > 0) {
        rt_sleep(ctx, left * 1000 < wait_ms ? (int)(left * 1000) + 1 : wait_ms);
        if (b->next > rt_clock())
            return false;
    }
    b->interval = b->interval * 1.5 < 2.0 ? b->interval * 1.5 : 2.0;
    b->next = rt_clock() + b->interval;
    return true;
}

bool rest_conn_init(rest_conn *c, const rt_conn_ops *ops, const rest_vendor *v,
                    const rt_connection *cfg, const rt_ctx *ctx, const char *fallback_url,
                    rt_error *err)
{
    c->base = (rt_conn){ops, ctx, "submitting", NULL, 0};
    c->vendor = v;
    c->cfg = cfg;
    snprintf(c->base_url, sizeof c->base_url, "%s", cfg->base_url ? cfg->base_url : fallback_url);
    size_t n = strlen(c->base_url);
    while (n && c->base_url[n - 1] == '/')
        c->base_url[--n] = '\0';
    if (!rt_http_url_allowed(c->base_url, err)) {
        size_t m = strlen(err->msg);
        snprintf(err->msg + m, sizeof err->msg - m, " (check the connection in %s)", cfg->file);
        return false;
    }
    return (c->http = rt_http_new(ctx, err)) != NULL;
}

void rest_conn_free(rest_conn *c)
{
    rest_rows_free(&c->rows);
    rt_http_free(c->http);
}

bool rest_request(rest_conn *c, const char *method, const char *path, const char *body,
                  bool interruptible, rt_http_resp *resp, rt_error *err)
{
    const char *h[6];
    char url[1024];
    snprintf(url, sizeof url, "%s%s", c->base_url, path);
    rt_http_req req = {method, url, h, body, interruptible};
    return c->vendor->headers(c, h, err) && rt_http_send(c->http, &req, resp, err);
}

bool rest_take_id(rest_conn *c, const char *id, const char *field, rt_error *err)
{
    if (id && strlen(id) < sizeof c->id && !strpbrk(id, "/?#&%")) {
        snprintf(c->id, sizeof c->id, "%s", id);
        return true;
    }
    return rt_fail(err, RT_ERR_PROTOCOL, "%s's answer has no usable %s", c->vendor->name, field);
}

rt_event rest_result(rest_conn *c, cJSON *j, const cJSON *cols, const char *what,
                     const char *type_key, bool (*numeric)(const char *type), const cJSON *rows,
                     rt_error *err)
{
    if (!rest_columns(&c->base, cols, what, type_key, numeric, err)) {
        cJSON_Delete(j);
        return RT_FAILED;
    }
    c->base.state = "fetching";
    return rest_rows_set(&c->rows, j, rows, c->base.ncolumns, err) ? RT_READY : RT_FAILED;
}

rt_event rest_poll_request(rest_conn *c, int wait_ms, rt_http_resp *resp, rt_error *err)
{
    if (!rest_backoff_due(&c->backoff, c->base.ctx, wait_ms))
        return RT_PENDING;
    char path[256];
    snprintf(path, sizeof path, "%s/%s", c->vendor->statements, c->id);
    return rest_request(c, "GET", path, NULL, true, resp, err) ? RT_READY : RT_FAILED;
}

rt_event rest_fetch(rt_conn *base, int wait_ms, const char *const **row, rt_error *err)
{
    (void)wait_ms; /* a page is fetched whole; a stop cuts the request short */
    rest_conn *c = (rest_conn *)base;
    for (;;) {
        rt_event e = rest_rows_next(&c->rows, row, err);
        if (e != RT_END || !c->vendor->has_next_page(c))
            return e;
        if (!c->vendor->next_page(c, err))
            return RT_FAILED;
    }
}

bool rest_cancel(rt_conn *base, rt_error *err)
{
    rest_conn *c = (rest_conn *)base;
    if (!c->id[0])
        return true;
    char path[256];
    snprintf(path, sizeof path, "%s/%s/cancel", c->vendor->statements, c->id);
    rt_http_resp resp;
    if (!rest_request(c, "POST", path, NULL, false, &resp, err))
        return false;
    bool ok = resp.status == 200 || rest_status_error(&resp, c->vendor->name, err);
    casc_sb_free(&resp.body);
    return ok;
}
