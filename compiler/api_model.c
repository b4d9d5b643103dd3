/* api_model.c - models behind the public header: load, describe, free. */
#include <string.h>

#include "api.h"
#include "file_read.h"
#include "model_schema.h"

/* Load from src (its text and name are copied into the model's arena). */
static casc_result *load(const casc_source *src, casc_model **out, casc_result *r,
                         casc_diags *d)
{
    casc_arena *arena = casc_arena_new();
    casc_model *m = arena ? casc_arena_alloc(arena, sizeof *m) : NULL;
    char *text = m ? casc_arena_strndup(arena, src->text, src->len) : NULL;
    char *name = text ? casc_arena_strndup(arena, src->name, strlen(src->name)) : NULL;
    if (!name) {
        casc_arena_free(arena);
        casc_result_free(r);
        return casc_result_nomem();
    }
    m->arena = arena;
    m->src = (casc_source){.name = name, .text = text, .len = src->len};
    m->model = casc_model_load(arena, &m->src, d);
    /* Diagnostics point into the model's text: make them data (and text)
     * before the model can go. */
    r = casc_result_finish(r, m->model ? CASC_OK : CASC_ERR_INPUT, d, NULL);
    if (!m->model || casc_result_status(r) == CASC_ERR_NOMEM) {
        casc_arena_free(arena);
        return r;
    }
    *out = m;
    return r;
}

casc_result *casc_model_load_memory(const char *name, const char *text, size_t len,
                                    casc_model **model)
{
    *model = NULL;
    casc_diags d;
    casc_result *r = casc_result_new(&d);
    if (!r)
        return casc_result_nomem();
    casc_source src = {.name = name ? name : "<model>", .text = text ? text : "", .len = len};
    if (!text)
        src.len = 0;
    return load(&src, model, r, &d);
}

casc_result *casc_model_load_file(const char *path, casc_model **model)
{
    *model = NULL;
    casc_diags d;
    casc_result *r = casc_result_new(&d);
    if (!r)
        return casc_result_nomem();
    casc_source src;
    if (!casc_file_read(path, path, CASC_MAX_MODEL_BYTES, "model file", &src, &d))
        return casc_result_finish(r, CASC_ERR_IO, &d, NULL);
    r = load(&src, model, r, &d);
    casc_file_free(&src);
    return r;
}

void casc_model_free(casc_model *model)
{
    if (model)
        casc_arena_free(model->arena);
}

casc_result *casc_model_schema(const casc_model *model, const char *format)
{
    casc_diags d;
    casc_result *r = casc_result_new(&d);
    if (!r)
        return casc_result_nomem();
    bool json = format && strcmp(format, "json") == 0;
    if (format && !json && strcmp(format, "text") != 0)
        return casc_result_option_error(r, &d, "unknown format '%s' (expected text or json)",
                                        format);
    casc_strbuf out = CASC_STRBUF_INIT;
    (json ? casc_model_schema_json : casc_model_schema_text)(model->model, &out);
    r = casc_result_finish(r, CASC_OK, &d, &out);
    casc_sb_free(&out);
    return r;
}
