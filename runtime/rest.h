/* rest.h - what the Snowflake and Databricks connectors share: JSON
 * answers, HTTP statuses as errors, pages of rows (arrays of arrays of
 * strings in both APIs), and polling at a growing interval. */
#ifndef CASC_RT_REST_H
#define CASC_RT_REST_H

#include <cJSON.h>

#include "connector.h"
#include "http.h"

/* One page of rows: a partition (Snowflake) or a chunk (Databricks). */
typedef struct rest_rows {
    cJSON *root;         /* the page's JSON, owned */
    const cJSON *next;   /* the next row, an array */
    const char **values; /* the row handed out */
    char **made;         /* texts made for values that were not strings */
    size_t nmade, ncols;
} rest_rows;

/* Take root (owned from now on) and the array of rows in it (NULL: none). */
bool rest_rows_set(rest_rows *r, cJSON *root, const cJSON *rows, size_t ncols, rt_error *err);
/* RT_ROW with *row, RT_END at the end of the page, or RT_FAILED. */
rt_event rest_rows_next(rest_rows *r, const char *const **row, rt_error *err);
void rest_rows_free(rest_rows *r);

/* The answer's body as JSON (an error if it is not JSON). */
cJSON *rest_json(const rt_http_resp *resp, rt_error *err);
/* An HTTP status other than the ones the API defines for its states, as an
 * error: 401 authentication, 403 permission, 404 and 400 settings, 429 and
 * 5xx the service; the message is the answer's "message" when it has one.
 * vendor names the service. Returns false. */
bool rest_status_error(const rt_http_resp *resp, const char *vendor, rt_error *err);
/* The JSON of an answer that must be 200 OK, else NULL with the status as
 * an error (rest_status_error). Frees the answer's body either way. */
cJSON *rest_json_ok(rt_http_resp *resp, const char *vendor, rt_error *err);
/* A request body: object b (deleted here) with the n fields whose value is
 * not NULL added as strings, printed; NULL when memory runs out. */
char *rest_body(cJSON *b, const char *const (*fields)[2], size_t n);
/* A string member, or NULL. */
const char *rest_string(const cJSON *obj, const char *name);

/* The result's columns from cols, an array of objects with "name" and a
 * type under type_key, a number when numeric(type) says so; what names
 * the array in the answer, for the message when it is missing. */
bool rest_columns(rt_conn *c, const cJSON *cols, const char *what, const char *type_key,
                  bool (*numeric)(const char *type), rt_error *err);

/* Polling: the first after 50 ms, then ever more slowly, up to 2 s apart. */
typedef struct rest_backoff {
    double next, interval;
} rest_backoff;
void rest_backoff_start(rest_backoff *b);
/* True when it is time to ask again (and the wait grows); else it waits
 * for up to wait_ms and returns false. */
bool rest_backoff_due(rest_backoff *b, const rt_ctx *ctx, int wait_ms);

/* The part of a REST connector that does not depend on the vendor; each
 * connector embeds it first and says the rest in a rest_vendor. */
typedef struct rest_conn rest_conn;

typedef struct rest_vendor {
    const char *name;        /* "Snowflake", in messages */
    const char *statements;  /* the path of the statements: "/api/v2/statements" */
    /* The headers of every request, NULL-terminated (at most 5). */
    bool (*headers)(rest_conn *c, const char *h[6], rt_error *err);
    /* Whether a page of rows follows the one in c->rows; fetch it there. */
    bool (*has_next_page)(const rest_conn *c);
    bool (*next_page)(rest_conn *c, rt_error *err);
} rest_vendor;

struct rest_conn {
    rt_conn base;
    const rest_vendor *vendor;
    const rt_connection *cfg;
    rt_http *http;
    char base_url[512];
    char id[128]; /* the statement's handle, once submitted */
    rest_rows rows;
    rest_backoff backoff;
};

/* Set up c for the connection: its ops and vendor, the base URL (cfg's
 * base_url, else fallback) and an HTTP handle. */
bool rest_conn_init(rest_conn *c, const rt_conn_ops *ops, const rest_vendor *v,
                    const rt_connection *cfg, const rt_ctx *ctx, const char *fallback_url,
                    rt_error *err);
void rest_conn_free(rest_conn *c);
/* A request to path under the base URL, with the vendor's headers. */
bool rest_request(rest_conn *c, const char *method, const char *path, const char *body,
                  bool interruptible, rt_http_resp *resp, rt_error *err);
/* Keep the statement id from an answer (NULL: there was none); it goes
 * into URLs, so one with URL syntax in it is refused. */
bool rest_take_id(rest_conn *c, const char *id, const char *field, rt_error *err);
/* A finished statement's answer j (taken): its columns (rest_columns) and
 * its first page of rows, the array rows in j. RT_READY or RT_FAILED. */
rt_event rest_result(rest_conn *c, cJSON *j, const cJSON *cols, const char *what,
                     const char *type_key, bool (*numeric)(const char *type), const cJSON *rows,
                     rt_error *err);
/* Ask for the statement's status when the backoff says it is time (else
 * RT_PENDING): GET STATEMENTS/{id}. RT_READY with the answer in resp (free
 * its body), or RT_FAILED when no answer came. */
rt_event rest_poll_request(rest_conn *c, int wait_ms, rt_http_resp *resp, rt_error *err);
/* The ops every REST connector shares: rows page by page, and cancel. */
rt_event rest_fetch(rt_conn *base, int wait_ms, const char *const **row, rt_error *err);
bool rest_cancel(rt_conn *base, rt_error *err);

#endif
