/* snowflake_connector.c - Snowflake through its SQL API v2
 * (docs/runtime.md#snowflake says what is sent where).
 *
 * POST /api/v2/statements?async=true answers at once with a statement
 * handle (so Ctrl-C can always cancel); GET /api/v2/statements/{handle}
 * answers 202 while it runs, 200 with the first partition of the result,
 * or 422 with the error; GET ...?partition=N fetches the others, one at a
 * time; POST .../cancel cancels. Every request carries a KEYPAIR_JWT
 * bearer token signed with the user's private key. */
#include <openssl/rand.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "jwt.h"
#include "rest.h"
#include "secret.h"

/* Tokens live an hour; one older than this is made anew. */
enum { TOKEN_REFRESH_SECONDS = 3000 };

typedef struct sf_conn {
    rest_conn rc;
    rt_key *key;
    char *auth;        /* "Authorization: Bearer JWT" */
    long long auth_at; /* when the token was made */
    long partition, npartitions;
} sf_conn;

static void drop_auth(sf_conn *c)
{
    if (c->auth)
        rt_secret_free(c->auth, strlen(c->auth));
    c->auth = NULL;
}

/* The headers of every request, with a fresh token when the last is old. */
static bool sf_headers(rest_conn *rc, const char *h[6], rt_error *err)
{
    sf_conn *c = (sf_conn *)rc;
    long long now = (long long)time(NULL);
    if (!c->auth || now - c->auth_at > TOKEN_REFRESH_SECONDS) {
        drop_auth(c);
        char *jwt = rt_jwt_make(c->key, rc->cfg->account, rc->cfg->user, now, err);
        if (!jwt)
            return false;
        size_t n = strlen(jwt) + 32;
        if ((c->auth = malloc(n)))
            snprintf(c->auth, n, "Authorization: Bearer %s", jwt);
        rt_secret_free(jwt, strlen(jwt));
        if (!c->auth)
            return rt_fail(err, RT_ERR_NOMEM, "out of memory");
        c->auth_at = now;
    }
    h[0] = c->auth;
    h[1] = "X-Snowflake-Authorization-Token-Type: KEYPAIR_JWT";
    h[2] = "Content-Type: application/json";
    h[3] = "Accept: application/json";
    h[4] = NULL;
    return true;
}

/* A random UUID (version 4) for requestId, which makes a retried request
 * idempotent. */
static void uuid4(char out[37])
{
    unsigned char b[16] = {0};
    RAND_bytes(b, sizeof b);
    b[6] = (unsigned char)((b[6] & 0x0f) | 0x40);
    b[8] = (unsigned char)((b[8] & 0x3f) | 0x80);
    snprintf(out, 37, "%02x%02x%02x%02x-%02x%02x-%02x%02x-%02x%02x-%02x%02x%02x%02x%02x%02x",
             b[0], b[1], b[2], b[3], b[4], b[5], b[6], b[7], b[8], b[9], b[10], b[11], b[12],
             b[13], b[14], b[15]);
}

static char *statement_body(const rest_conn *rc, const char *sql)
{
    const rt_connection *cfg = rc->cfg;
    cJSON *b = cJSON_CreateObject();
    cJSON_AddStringToObject(b, "statement", sql);
    if (rc->base.ctx->deadline > 0) {
        /* The server's own limit too, should casc be killed outright. */
        double left = rc->base.ctx->deadline - rt_clock();
        cJSON_AddNumberToObject(b, "timeout", left > 1 ? (double)(long)(left + 1) : 1);
    }
    const char *const fields[][2] = {{"warehouse", cfg->warehouse}, {"role", cfg->role},
                                     {"database", cfg->database}, {"schema", cfg->schema}};
    return rest_body(b, fields, sizeof fields / sizeof *fields);
}

/* A failed statement (422: QueryFailureStatus) or a timeout (408). */
static bool statement_failed(const rt_http_resp *resp, rt_error *err)
{
    cJSON *j = cJSON_ParseWithLength(resp->body.data ? resp->body.data : "", resp->body.len);
    const char *msg = rest_string(j, "message"), *state = rest_string(j, "sqlState");
    const char *code = rest_string(j, "code");
    rt_errkind kind = resp->status == 408 ? RT_ERR_TIMEOUT : RT_ERR_SQL;
    /* 003001 and 42501: insufficient privileges. */
    if ((code && strcmp(code, "003001") == 0) || (state && strcmp(state, "42501") == 0))
        kind = RT_ERR_PERMISSION;
    rt_fail(err, kind, "%s%s%s%s", msg ? msg : "the statement failed",
            state || code ? " (" : "", state ? state : code ? code : "",
            state || code ? ")" : "");
    cJSON_Delete(j);
    return false;
}

/* rowType types that are numbers. */
static bool numeric_type(const char *t)
{
    return t && (strcmp(t, "fixed") == 0 || strcmp(t, "real") == 0);
}

/* The ResultSet of a finished statement: the columns, the partitions, and
 * the rows of the first. Takes j. */
static rt_event result_set(sf_conn *c, cJSON *j, rt_error *err)
{
    const cJSON *meta = cJSON_GetObjectItemCaseSensitive(j, "resultSetMetaData");
    const cJSON *parts = cJSON_GetObjectItemCaseSensitive(meta, "partitionInfo");
    c->npartitions = cJSON_IsArray(parts) ? cJSON_GetArraySize(parts) : 1;
    c->partition = 0;
    return rest_result(&c->rc, j, cJSON_GetObjectItemCaseSensitive(meta, "rowType"),
                       "resultSetMetaData.rowType", "type", numeric_type,
                       cJSON_GetObjectItemCaseSensitive(j, "data"), err);
}

static bool sf_submit(rt_conn *base, const char *sql, rt_error *err)
{
    rest_conn *rc = (rest_conn *)base;
    char path[128], id[37];
    uuid4(id);
    snprintf(path, sizeof path, "/api/v2/statements?async=true&requestId=%s", id);
    char *body = statement_body(rc, sql);
    if (!body)
        return rt_fail(err, RT_ERR_NOMEM, "out of memory");
    rt_http_resp resp;
    bool ok = rest_request(rc, "POST", path, body, false, &resp, err);
    cJSON_free(body);
    if (!ok)
        return false;
    if (resp.status == 200 || resp.status == 202) {
        cJSON *j = rest_json(&resp, err);
        ok = j && rest_take_id(rc, rest_string(j, "statementHandle"), "statementHandle", err);
        cJSON_Delete(j);
    } else {
        ok = resp.status == 422 ? statement_failed(&resp, err)
                                : rest_status_error(&resp, rc->vendor->name, err);
    }
    casc_sb_free(&resp.body);
    base->state = "running";
    rest_backoff_start(&rc->backoff);
    return ok;
}

static rt_event sf_poll(rt_conn *base, int wait_ms, rt_error *err)
{
    rest_conn *rc = (rest_conn *)base;
    rt_http_resp resp;
    rt_event e = rest_poll_request(rc, wait_ms, &resp, err);
    if (e != RT_READY)
        return e;
    e = RT_FAILED;
    if (resp.status == 202)
        e = RT_PENDING;
    else if (resp.status == 422 || resp.status == 408)
        statement_failed(&resp, err);
    else if (resp.status != 200)
        rest_status_error(&resp, rc->vendor->name, err);
    else {
        cJSON *j = rest_json(&resp, err);
        e = j ? result_set((sf_conn *)rc, j, err) : RT_FAILED;
    }
    casc_sb_free(&resp.body);
    return e;
}

static bool sf_has_next_page(const rest_conn *rc)
{
    const sf_conn *c = (const sf_conn *)rc;
    return c->partition + 1 < c->npartitions;
}

/* The next partition (those after the first come gzipped; libcurl
 * inflates them). */
static bool sf_next_page(rest_conn *rc, rt_error *err)
{
    sf_conn *c = (sf_conn *)rc;
    char path[256];
    snprintf(path, sizeof path, "/api/v2/statements/%s?partition=%ld", rc->id, ++c->partition);
    rt_http_resp resp;
    if (!rest_request(rc, "GET", path, NULL, true, &resp, err))
        return false;
    cJSON *j = rest_json_ok(&resp, rc->vendor->name, err);
    return j && rest_rows_set(&rc->rows, j, cJSON_GetObjectItemCaseSensitive(j, "data"),
                              rc->base.ncolumns, err);
}

static void sf_close(rt_conn *base)
{
    sf_conn *c = (sf_conn *)base;
    rest_conn_free(&c->rc);
    drop_auth(c);
    rt_key_free(c->key);
    free(c);
}

static const rt_conn_ops sf_ops = {sf_submit, sf_poll, rest_fetch, rest_cancel, sf_close};
static const rest_vendor sf_vendor = {"Snowflake", "/api/v2/statements", sf_headers,
                                      sf_has_next_page, sf_next_page};

rt_conn *rt_snowflake_open(const rt_connection *conn, const rt_ctx *ctx, rt_error *err)
{
    sf_conn *c = calloc(1, sizeof *c);
    if (!c) {
        rt_fail(err, RT_ERR_NOMEM, "out of memory");
        return NULL;
    }
    char url[512];
    snprintf(url, sizeof url, "https://%s.snowflakecomputing.com", conn->account);
    const char *pass = NULL;
    bool ok = rest_conn_init(&c->rc, &sf_ops, &sf_vendor, conn, ctx, url, err) &&
              (!conn->private_key_passphrase_env ||
               (pass = rt_secret_env(conn->private_key_passphrase_env,
                                     "the private key's passphrase", err))) &&
              (c->key = rt_key_load(conn->private_key_file, pass, err));
    if (!ok) {
        rt_close(&c->rc.base);
        return NULL;
    }
    return &c->rc.base;
}
