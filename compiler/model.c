/* model.c - loading a model: check the text, pick JSON or YAML, read the
 * file into the generic tree, build the model from it (model_build.c). */
#include "model.h"

#include <string.h>

#include "model_tree.h"

const char *casc_type_name(casc_type t)
{
    switch (t) {
    case CASC_TYPE_STRING: return "string";
    case CASC_TYPE_INTEGER: return "integer";
    case CASC_TYPE_NUMBER: return "number";
    case CASC_TYPE_BOOLEAN: return "boolean";
    case CASC_TYPE_DATE: return "date";
    case CASC_TYPE_TIMESTAMP: return "timestamp";
    case CASC_TYPE_STRING_ARRAY: return "string_array";
    case CASC_TYPE_NUMBER_ARRAY: return "number_array";
    }
    return "?";
}

const char *casc_time_storage_name(casc_time_storage s)
{
    switch (s) {
    case CASC_TIME_TIMESTAMP: return "timestamp";
    case CASC_TIME_DATE: return "date";
    case CASC_TIME_EPOCH_SECONDS: return "epoch_seconds";
    case CASC_TIME_EPOCH_MILLIS: return "epoch_millis";
    }
    return "?";
}

static bool is_blank(char c)
{
    return c == ' ' || c == '\t' || c == '\r' || c == '\n';
}

static bool has_extension(const char *name, const char *ext)
{
    size_t n = strlen(name), m = strlen(ext);
    if (n < m)
        return false;
    for (size_t i = 0; i < m; i++) {
        char c = name[n - m + i];
        if ((c >= 'A' && c <= 'Z' ? c + 32 : c) != ext[i])
            return false;
    }
    return true;
}

/* Oversize text, NUL bytes and bad UTF-8 stop the load before parsing. */
static bool check_text(const casc_source *src, casc_diags *d)
{
    if (src->len > CASC_MAX_MODEL_BYTES) {
        casc_diag_add(d, CASC_SEV_ERROR, src, CASC_NO_SPAN, CASC_NO_SPAN,
                      "the model file is %zu bytes long; the limit is %u bytes (64 MiB)", src->len,
                      (unsigned)CASC_MAX_MODEL_BYTES);
        return false;
    }
    int nul;
    size_t bad = casc_utf8_find_invalid(src->text, src->len, &nul);
    if (bad == src->len)
        return true;
    if (nul)
        casc_diag_add(d, CASC_SEV_ERROR, src, (uint32_t)bad, (uint32_t)bad + 1,
                      "the model file contains a NUL byte: it must be UTF-8 text");
    else
        casc_diag_add(d, CASC_SEV_ERROR, src, (uint32_t)bad, (uint32_t)bad + 1,
                      "invalid UTF-8: byte 0x%02x cannot start or continue a character here "
                      "(the model file must be UTF-8 text)",
                      (unsigned)(unsigned char)src->text[bad]);
    return false;
}

/* Put the diagnostics after `before` (all of d when NULL) in the order of
 * their places in the file, whichever part of the model found them; those
 * without a place go last. Stable, and there are at most a hundred or so. */
static void sort_by_place(casc_diags *d, casc_diag *before)
{
    casc_diag *sorted = NULL, *next;
    for (casc_diag *dg = before ? before->next : d->head; dg; dg = next) {
        next = dg->next;
        casc_diag **at = &sorted;
        while (*at && (*at)->start <= dg->start)
            at = &(*at)->next;
        dg->next = *at;
        *at = dg;
    }
    if (before)
        before->next = sorted;
    else
        d->head = sorted;
    for (casc_diag *dg = d->head; dg; dg = dg->next)
        d->tail = dg;
}

const casc_parent_model *casc_model_load(casc_arena *arena, const casc_source *src, casc_diags *d)
{
    uint32_t errors_before = d->nerrors;
    casc_diag *before = d->tail;
    if (!check_text(src, d))
        return NULL;
    casc_mtree_ctx cx = {arena, src, d, 0, CASC_MODEL_MAX_DEPTH};
    if (src->len >= 3 && memcmp(src->text, "\xEF\xBB\xBF", 3) == 0)
        cx.base = 3; /* a UTF-8 byte-order mark */
    size_t first = cx.base;
    while (first < src->len && is_blank(src->text[first]))
        first++;
    if (first == src->len) {
        casc_diag_add(d, CASC_SEV_ERROR, src, CASC_NO_SPAN, CASC_NO_SPAN,
                      "the model file is empty");
        return NULL;
    }
    bool json = has_extension(src->name, ".json") ||
                (!has_extension(src->name, ".yaml") && !has_extension(src->name, ".yml") &&
                 src->text[first] == '{');
    casc_mnode *root = json ? casc_model_json_tree(&cx) : casc_model_yaml_tree(&cx);
    const casc_parent_model *model = root ? casc_model_build(&cx, root) : NULL;
    sort_by_place(d, before);
    if (casc_arena_failed(arena) || (!model && d->nerrors == errors_before)) {
        casc_diag_out_of_memory(d, src, "loading the model");
        return NULL;
    }
    return d->nerrors == errors_before ? model : NULL;
}
