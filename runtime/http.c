/* http.c - requests through libcurl's easy interface. */
#include <curl/curl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casc.h"
#include "http.h"

/* A result partition or chunk is tens of megabytes at most; this is a
 * guard against an answer that never ends. */
enum { MAX_BODY_BYTES = 512 * 1024 * 1024, CONNECT_SECONDS = 30, STALL_SECONDS = 120 };

struct rt_http {
    CURL *curl;
    const rt_ctx *ctx;
    bool interruptible; /* of the request in flight */
    bool too_big;
    casc_strbuf *body;
    char errbuf[CURL_ERROR_SIZE];
};

static size_t on_data(char *data, size_t size, size_t n, void *user)
{
    rt_http *h = user;
    if (h->body->len + n > MAX_BODY_BYTES) {
        h->too_big = true;
        return 0;
    }
    casc_sb_put(h->body, data, n * size);
    return h->body->failed ? 0 : n * size;
}

/* libcurl calls this often, also while waiting: non-zero aborts. */
static int on_progress(void *user, curl_off_t dt, curl_off_t dn, curl_off_t ut, curl_off_t un)
{
    (void)dt, (void)dn, (void)ut, (void)un;
    rt_http *h = user;
    return h->interruptible && rt_ctx_check(h->ctx) != RT_OK;
}

rt_http *rt_http_new(const rt_ctx *ctx, rt_error *err)
{
    rt_http *h = calloc(1, sizeof *h);
    if (!h || curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) {
        free(h);
        rt_fail(err, RT_ERR_NOMEM, "cannot start libcurl");
        return NULL;
    }
    h->ctx = ctx;
    if (!(h->curl = curl_easy_init())) {
        rt_http_free(h);
        rt_fail(err, RT_ERR_NOMEM, "cannot start libcurl");
        return NULL;
    }
    CURL *c = h->curl;
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
    curl_easy_setopt(c, CURLOPT_USERAGENT, "casc/" CASC_VERSION);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, ""); /* gzip: Snowflake's partitions */
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, (long)CONNECT_SECONDS);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_LIMIT, 1L);
    curl_easy_setopt(c, CURLOPT_LOW_SPEED_TIME, (long)STALL_SECONDS);
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_data);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, h);
    curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
    curl_easy_setopt(c, CURLOPT_XFERINFODATA, h);
    curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, h->errbuf);
    return h;
}

void rt_http_free(rt_http *h)
{
    if (!h)
        return;
    if (h->curl)
        curl_easy_cleanup(h->curl);
    curl_global_cleanup();
    free(h);
}

/* The URL's host into host (for messages: never the path or query, which
 * may hold credentials); false if the URL does not parse. */
static bool url_parts(const char *url, char *scheme, char *host, size_t size)
{
    CURLU *u = curl_url();
    char *s = NULL, *h = NULL;
    bool ok = u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
              curl_url_get(u, CURLUPART_SCHEME, &s, 0) == CURLUE_OK &&
              curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK;
    if (ok) {
        snprintf(scheme, size, "%s", s);
        snprintf(host, size, "%s", h);
    }
    curl_free(s);
    curl_free(h);
    curl_url_cleanup(u);
    return ok;
}

bool rt_http_url_allowed(const char *url, rt_error *err)
{
    char scheme[256], host[256];
    if (!url_parts(url, scheme, host, sizeof host))
        return rt_fail(err, RT_ERR_CONFIG, "not a URL: '%.200s'", url);
    if (strcmp(scheme, "https") == 0)
        return true;
    bool loopback = strncmp(host, "127.", 4) == 0 || strcmp(host, "localhost") == 0 ||
                    strcmp(host, "[::1]") == 0;
    if (strcmp(scheme, "http") == 0 && loopback)
        return true;
    return rt_fail(err, RT_ERR_CONFIG, "refusing %s://%s: casc sends requests over https only "
                   "(http is allowed to this machine's loopback address, for tests)", scheme,
                   host);
}

static bool transfer_failed(rt_http *h, const rt_http_req *req, CURLcode rc, rt_error *err)
{
    char scheme[256], host[256] = "the server";
    url_parts(req->url, scheme, host, sizeof host);
    if (rc == CURLE_ABORTED_BY_CALLBACK && rt_ctx_check(h->ctx) != RT_OK)
        return rt_fail(err, rt_ctx_check(h->ctx), "stopped while waiting for %s", host);
    if (h->too_big)
        return rt_fail(err, RT_ERR_PROTOCOL, "the answer from %s is larger than %d MiB", host,
                       MAX_BODY_BYTES >> 20);
    if (h->body->failed)
        return rt_fail(err, RT_ERR_NOMEM, "out of memory");
    return rt_fail(err, RT_ERR_UNREACHABLE, "cannot reach %s: %s", host,
                   h->errbuf[0] ? h->errbuf : curl_easy_strerror(rc));
}

bool rt_http_send(rt_http *h, const rt_http_req *req, rt_http_resp *resp, rt_error *err)
{
    resp->status = 0;
    resp->body = (casc_strbuf)CASC_STRBUF_INIT;
    if (!rt_http_url_allowed(req->url, err))
        return false;
    struct curl_slist *headers = NULL;
    for (size_t i = 0; req->headers && req->headers[i]; i++) {
        struct curl_slist *more = curl_slist_append(headers, req->headers[i]);
        if (!more) {
            curl_slist_free_all(headers);
            return rt_fail(err, RT_ERR_NOMEM, "out of memory");
        }
        headers = more;
    }
    CURL *c = h->curl;
    h->interruptible = req->interruptible;
    h->too_big = false;
    h->body = &resp->body;
    h->errbuf[0] = '\0';
    curl_easy_setopt(c, CURLOPT_URL, req->url);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    if (strcmp(req->method, "POST") == 0)
        curl_easy_setopt(c, CURLOPT_POSTFIELDS, req->body ? req->body : "");
    else
        curl_easy_setopt(c, CURLOPT_HTTPGET, 1L);
    CURLcode rc = curl_easy_perform(c);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, NULL);
    curl_slist_free_all(headers);
    if (rc != CURLE_OK) {
        transfer_failed(h, req, rc, err);
        casc_sb_free(&resp->body);
        return false;
    }
    curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &resp->status);
    return true;
}
