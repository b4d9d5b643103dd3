/* http.h - HTTPS requests through libcurl, for the REST connectors.
 *
 * One handle per connector keeps its connection alive between requests.
 * A URL must be https://, or http:// to this machine (127.0.0.0/8,
 * localhost, [::1]), which only the tests' fake servers use. A request
 * marked interruptible is cut short by Ctrl-C or the deadline. Nothing is
 * logged: headers carry tokens, and some URLs carry credentials. */
#ifndef CASC_RT_HTTP_H
#define CASC_RT_HTTP_H

#include <stdbool.h>

#include "connector.h"
#include "strbuf.h"

typedef struct rt_http rt_http;

typedef struct rt_http_req {
    const char *method;         /* "GET" or "POST" */
    const char *url;
    const char *const *headers; /* "Name: value", NULL-terminated; NULL: none */
    const char *body;           /* POST: the JSON body */
    bool interruptible;
} rt_http_req;

typedef struct rt_http_resp {
    long status;
    casc_strbuf body;
} rt_http_resp;

rt_http *rt_http_new(const rt_ctx *ctx, rt_error *err);
/* Send the request; the answer's status and body go to resp (free its
 * body). False with err when no answer came: the host cannot be reached,
 * the run was stopped (RT_ERR_CANCELLED, RT_ERR_TIMEOUT), the URL is not
 * allowed. Any HTTP status is an answer. */
bool rt_http_send(rt_http *h, const rt_http_req *req, rt_http_resp *resp, rt_error *err);
void rt_http_free(rt_http *h);
/* Whether casc may send a request to url (see above); else err says why. */
bool rt_http_url_allowed(const char *url, rt_error *err);

#endif
