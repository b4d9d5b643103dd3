/* api_result.c - results: status, text and diagnostics as data. */
#include <stdarg.h>
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "api.h"

static const casc_diagnostic nomem_diag = {
    .severity = CASC_SEV_ERROR,
    .message = "out of memory",
};
/* Shared by every call that runs out of memory, so that even then a
 * result can be returned. Nothing ever writes to it. */
static const casc_result nomem_result = {
    .status = CASC_ERR_NOMEM,
    .diags = (casc_diagnostic *)&nomem_diag,
    .ndiags = 1,
    .diags_text = "error: out of memory\n",
};

casc_result *casc_result_nomem(void)
{
    return (casc_result *)&nomem_result;
}

casc_result *casc_result_new(casc_diags *d)
{
    casc_arena *arena = casc_arena_new();
    casc_result *r = arena ? casc_arena_alloc(arena, sizeof *r) : NULL;
    if (!r) {
        casc_arena_free(arena);
        return NULL;
    }
    r->arena = arena;
    r->status = CASC_OK;
    casc_diags_init(d, arena);
    return r;
}

static char *copy_str(casc_arena *a, const char *s)
{
    return s ? casc_arena_strndup(a, s, strlen(s)) : NULL;
}

/* One diagnostic as data; every string copied into the result's arena
 * (the source may belong to a model or to the caller). */
static void convert(casc_arena *a, const casc_diag *dg, casc_diagnostic *out)
{
    out->severity = dg->severity;
    out->message = copy_str(a, dg->message);
    if (dg->src)
        out->file = copy_str(a, dg->src->name);
    if (dg->src && dg->start != CASC_NO_SPAN) {
        casc_linecol lc = casc_source_linecol(dg->src, dg->start);
        out->line = lc.line;
        out->column = lc.col;
        out->start = dg->start;
        out->end = dg->end;
    }
    if (dg->nsuggestions) {
        const char **s = casc_arena_alloc(a, dg->nsuggestions * sizeof *s);
        if (!s)
            return;
        for (uint32_t i = 0; i < dg->nsuggestions; i++)
            s[i] = copy_str(a, dg->suggestions[i]);
        out->suggestions = s;
        out->nsuggestions = dg->nsuggestions;
    }
}

/* False when memory ran out. */
static bool keep_diagnostics(casc_result *r, const casc_diags *d)
{
    size_t n = 0;
    for (const casc_diag *dg = d->head; dg; dg = dg->next)
        n++;
    r->diags_text = "";
    if (!n)
        return true;
    r->diags = casc_arena_alloc(r->arena, n * sizeof *r->diags);
    if (!r->diags)
        return false;
    for (const casc_diag *dg = d->head; dg; dg = dg->next)
        convert(r->arena, dg, &r->diags[r->ndiags++]);
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_diags_render(d, &sb);
    r->diags_text = sb.failed ? NULL : casc_arena_strndup(r->arena, casc_sb_str(&sb), sb.len);
    casc_sb_free(&sb);
    return r->diags_text != NULL;
}

casc_result *casc_result_finish(casc_result *r, casc_status status, const casc_diags *d,
                                casc_strbuf *text)
{
    r->status = status;
    if (d->out_of_memory) {
        casc_result_free(r);
        return casc_result_nomem();
    }
    bool ok = keep_diagnostics(r, d);
    if (status == CASC_OK && text) {
        if (text->failed) {
            ok = false;
            casc_sb_free(text);
        }
        r->owned = text->data;
        r->text = r->owned ? r->owned : ""; /* an empty builder has no buffer */
        r->len = text->len;
        *text = (casc_strbuf)CASC_STRBUF_INIT;
    }
    if (!ok || casc_arena_failed(r->arena)) {
        casc_result_free(r);
        return casc_result_nomem();
    }
    return r;
}

casc_result *casc_result_option_error(casc_result *r, casc_diags *d, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    casc_strbuf msg = CASC_STRBUF_INIT;
    casc_sb_vprintf(&msg, fmt, ap);
    va_end(ap);
    if (msg.failed) {
        casc_sb_free(&msg);
        casc_result_free(r);
        return casc_result_nomem();
    }
    casc_diag_add(d, CASC_SEV_ERROR, NULL, CASC_NO_SPAN, CASC_NO_SPAN, "%s", casc_sb_str(&msg));
    casc_sb_free(&msg);
    return casc_result_finish(r, CASC_ERR_OPTIONS, d, NULL);
}

casc_status casc_result_status(const casc_result *r)
{
    return r->status;
}

const char *casc_result_text(const casc_result *r, size_t *len)
{
    if (len)
        *len = r->text ? r->len : 0;
    return r->text;
}

size_t casc_result_diagnostic_count(const casc_result *r)
{
    return r->ndiags;
}

const casc_diagnostic *casc_result_diagnostic(const casc_result *r, size_t i)
{
    return i < r->ndiags ? &r->diags[i] : NULL;
}

const char *casc_result_diagnostics_text(const casc_result *r)
{
    return r->diags_text ? r->diags_text : "";
}

size_t casc_result_table_count(const casc_result *r)
{
    return r->ntables;
}

const char *casc_result_table(const casc_result *r, size_t i)
{
    return i < r->ntables ? r->tables[i] : NULL;
}

void casc_result_free(casc_result *r)
{
    if (r && r != &nomem_result) {
        free(r->owned);
        casc_arena_free(r->arena);
    }
}
