/* databricks_connector.c - Databricks through the SQL Statement Execution
 * API 2.0 (docs/runtime.md#databricks says what is sent where).
 *
 * POST /api/2.0/sql/statements with wait_timeout "0s" answers at once with
 * a statement id (so Ctrl-C can always cancel); GET
 * /api/2.0/sql/statements/{id} tells the state (PENDING, RUNNING,
 * SUCCEEDED with the manifest and the first chunk, FAILED with the error,
 * CANCELED, CLOSED); GET .../result/chunks/{n} fetches the next chunks,
 * one at a time; POST .../cancel cancels. Results come INLINE as
 * JSON_ARRAY. Every request carries the token as a bearer token. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "rest.h"
#include "secret.h"

typedef struct dbx_conn {
    rest_conn rc;
    char *auth;      /* "Authorization: Bearer TOKEN" */
    long next_chunk; /* -1: none */
} dbx_conn;

static bool dbx_headers(rest_conn *rc, const char *h[6], rt_error *err)
{
    (void)err;
    h[0] = ((dbx_conn *)rc)->auth;
    h[1] = "Content-Type: application/json";
    h[2] = "Accept: application/json";
    h[3] = NULL;
    return true;
}

static char *statement_body(const rt_connection *cfg, const char *sql)
{
    const char *const fields[][2] = {
        {"statement", sql}, {"warehouse_id", cfg->warehouse_id}, {"catalog", cfg->catalog},
        {"schema", cfg->schema}, {"wait_timeout", "0s"}, {"on_wait_timeout", "CONTINUE"},
        {"disposition", "INLINE"}, {"format", "JSON_ARRAY"}};
    return rest_body(cJSON_CreateObject(), fields, sizeof fields / sizeof *fields);
}

/* type_name values that are numbers (ColumnInfoTypeName). */
static bool numeric_type(const char *t)
{
    static const char *const names[] = {"BYTE", "SHORT", "INT", "LONG", "FLOAT", "DOUBLE",
                                        "DECIMAL"};
    for (size_t i = 0; t && i < sizeof names / sizeof *names; i++)
        if (strcmp(t, names[i]) == 0)
            return true;
    return false;
}

/* The chunk after the page in data (ResultData), if any; false when the
 * page came as external links, which casc does not ask for. */
static bool note_next_chunk(dbx_conn *c, const cJSON *data, rt_error *err)
{
    const cJSON *next = cJSON_GetObjectItemCaseSensitive(data, "next_chunk_index");
    c->next_chunk = cJSON_IsNumber(next) ? (long)next->valuedouble : -1;
    return !cJSON_GetObjectItemCaseSensitive(data, "external_links") ||
           rt_fail(err, RT_ERR_PROTOCOL, "the result came as external links; casc asks for "
                   "INLINE results");
}

/* A SUCCEEDED statement: the columns from the manifest, the first chunk.
 * Takes j. */
static rt_event succeeded(dbx_conn *c, cJSON *j, rt_error *err)
{
    const cJSON *manifest = cJSON_GetObjectItemCaseSensitive(j, "manifest");
    const cJSON *schema = cJSON_GetObjectItemCaseSensitive(manifest, "schema");
    const cJSON *result = cJSON_GetObjectItemCaseSensitive(j, "result");
    if (!note_next_chunk(c, result, err)) {
        cJSON_Delete(j);
        return RT_FAILED;
    }
    return rest_result(&c->rc, j, cJSON_GetObjectItemCaseSensitive(schema, "columns"),
                       "manifest.schema.columns", "type_name", numeric_type,
                       cJSON_GetObjectItemCaseSensitive(result, "data_array"), err);
}

/* The statement's status.error as an error. */
static void failed(const cJSON *status, rt_error *err)
{
    const cJSON *e = cJSON_GetObjectItemCaseSensitive(status, "error");
    const char *msg = rest_string(e, "message"), *code = rest_string(e, "error_code");
    const char *state = rest_string(status, "sql_state");
    bool denied = (code && strstr(code, "PERMISSION")) || (msg && strstr(msg, "PERMISSION"));
    rt_fail(err, denied ? RT_ERR_PERMISSION : RT_ERR_SQL, "%s%s%s%s",
            msg ? msg : "the statement failed", state || code ? " (" : "",
            state ? state : code ? code : "", state || code ? ")" : "");
}

/* What a StatementResponse says. Takes j. */
static rt_event statement_state(dbx_conn *c, cJSON *j, rt_error *err)
{
    const cJSON *status = cJSON_GetObjectItemCaseSensitive(j, "status");
    const char *state = rest_string(status, "state");
    rt_event e = RT_FAILED;
    if (state && strcmp(state, "SUCCEEDED") == 0)
        return succeeded(c, j, err);
    if (state && (strcmp(state, "PENDING") == 0 || strcmp(state, "RUNNING") == 0)) {
        c->rc.base.state = state[0] == 'P' ? "queued" : "running";
        e = RT_PENDING;
    } else if (state && strcmp(state, "FAILED") == 0) {
        failed(status, err);
    } else if (state && strcmp(state, "CANCELED") == 0) {
        rt_fail(err, RT_ERR_SQL, "the statement was cancelled on the warehouse");
    } else {
        rt_fail(err, RT_ERR_PROTOCOL, "the statement is in state %s, which casc does not "
                "expect", state ? state : "(none)");
    }
    cJSON_Delete(j);
    return e;
}

static bool dbx_submit(rt_conn *base, const char *sql, rt_error *err)
{
    rest_conn *rc = (rest_conn *)base;
    char *body = statement_body(rc->cfg, sql);
    if (!body)
        return rt_fail(err, RT_ERR_NOMEM, "out of memory");
    rt_http_resp resp;
    bool ok = rest_request(rc, "POST", "/api/2.0/sql/statements", body, false, &resp, err);
    cJSON_free(body);
    if (!ok)
        return false;
    cJSON *j = rest_json_ok(&resp, rc->vendor->name, err);
    rest_backoff_start(&rc->backoff);
    if (!j || !rest_take_id(rc, rest_string(j, "statement_id"), "statement_id", err)) {
        cJSON_Delete(j);
        return false;
    }
    /* The answer may already tell how it went (a quick failure). */
    return statement_state((dbx_conn *)rc, j, err) != RT_FAILED;
}

static rt_event dbx_poll(rt_conn *base, int wait_ms, rt_error *err)
{
    rest_conn *rc = (rest_conn *)base;
    if (rc->rows.root)
        return RT_READY; /* it succeeded as it was submitted */
    rt_http_resp resp;
    rt_event e = rest_poll_request(rc, wait_ms, &resp, err);
    if (e != RT_READY)
        return e;
    cJSON *j = rest_json_ok(&resp, rc->vendor->name, err);
    return j ? statement_state((dbx_conn *)rc, j, err) : RT_FAILED;
}

static bool dbx_has_next_page(const rest_conn *rc)
{
    return ((const dbx_conn *)rc)->next_chunk >= 0;
}

static bool dbx_next_page(rest_conn *rc, rt_error *err)
{
    char path[256];
    snprintf(path, sizeof path, "/api/2.0/sql/statements/%s/result/chunks/%ld", rc->id,
             ((dbx_conn *)rc)->next_chunk);
    rt_http_resp resp;
    if (!rest_request(rc, "GET", path, NULL, true, &resp, err))
        return false;
    cJSON *j = rest_json_ok(&resp, rc->vendor->name, err);
    if (j && !note_next_chunk((dbx_conn *)rc, j, err)) {
        cJSON_Delete(j);
        return false;
    }
    return j && rest_rows_set(&rc->rows, j, cJSON_GetObjectItemCaseSensitive(j, "data_array"),
                              rc->base.ncolumns, err);
}

static void dbx_close(rt_conn *base)
{
    dbx_conn *c = (dbx_conn *)base;
    rest_conn_free(&c->rc);
    if (c->auth)
        rt_secret_free(c->auth, strlen(c->auth));
    free(c);
}

static const rt_conn_ops dbx_ops = {dbx_submit, dbx_poll, rest_fetch, rest_cancel, dbx_close};
static const rest_vendor dbx_vendor = {"Databricks", "/api/2.0/sql/statements", dbx_headers,
                                       dbx_has_next_page, dbx_next_page};

/* "Authorization: Bearer TOKEN" from token_env or token_file. */
static bool read_token(dbx_conn *c, const rt_connection *cfg, rt_error *err)
{
    size_t len = 0;
    char *file_token = NULL;
    const char *token = cfg->token_env
                            ? rt_secret_env(cfg->token_env, "the Databricks token", err)
                            : (file_token = rt_secret_file(cfg->token_file,
                                                           "the Databricks token file", &len, err));
    if (!token)
        return false;
    size_t n = strlen(token) + 32;
    if ((c->auth = malloc(n)))
        snprintf(c->auth, n, "Authorization: Bearer %s", token);
    rt_secret_free(file_token, len);
    return c->auth || rt_fail(err, RT_ERR_NOMEM, "out of memory");
}

rt_conn *rt_databricks_open(const rt_connection *conn, const rt_ctx *ctx, rt_error *err)
{
    dbx_conn *c = calloc(1, sizeof *c);
    if (!c) {
        rt_fail(err, RT_ERR_NOMEM, "out of memory");
        return NULL;
    }
    c->next_chunk = -1;
    char url[512];
    snprintf(url, sizeof url, "%s%s", strncmp(conn->host, "https://", 8) == 0 ? "" : "https://",
             conn->host);
    if (!rest_conn_init(&c->rc, &dbx_ops, &dbx_vendor, conn, ctx, url, err) ||
        !read_token(c, conn, err)) {
        rt_close(&c->rc.base);
        return NULL;
    }
    return &c->rc.base;
}
