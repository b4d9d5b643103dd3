/* model_json.c - read a JSON model file into the generic tree.
 *
 * cJSON parses and decodes but keeps no positions, so a second walk over
 * the text, in step with cJSON's tree (same order, duplicate keys kept),
 * finds the byte span of every key and value. The walk trusts the syntax,
 * which cJSON has accepted, but never reads past the text. It stops at the
 * reader's depth limit, as the YAML reader does (cJSON itself refuses more
 * than 1000 levels). */
#include <cjson/cJSON.h>
#include <string.h>

#include "model_tree.h"

typedef struct walker {
    const casc_mtree_ctx *cx;
    casc_arena *arena;
    const char *s; /* the whole source text */
    size_t len, pos;
} walker;

/* cJSON takes every byte up to ' ' for white space. */
static void skip_space(walker *w)
{
    while (w->pos < w->len && (unsigned char)w->s[w->pos] <= ' ')
        w->pos++;
}

static void skip_char(walker *w)
{
    if (w->pos < w->len)
        w->pos++;
}

/* Skip the string token at pos; true when it encodes a NUL (\u0000),
 * which cJSON's C strings cannot hold. */
static bool skip_string(walker *w)
{
    bool nul = false;
    skip_char(w);
    while (w->pos < w->len && w->s[w->pos] != '"') {
        if (w->s[w->pos] == '\\') {
            if (w->len - w->pos > 5 && memcmp(w->s + w->pos + 1, "u0000", 5) == 0)
                nul = true;
            w->pos++;
        }
        skip_char(w);
    }
    skip_char(w);
    return nul;
}

static casc_mnode *string_node(walker *w, const char *decoded)
{
    skip_space(w);
    uint32_t start = (uint32_t)w->pos;
    bool nul = skip_string(w);
    casc_mnode *n = casc_mnode_new(w->arena, CASC_MN_STRING, start, (uint32_t)w->pos);
    if (!n)
        return NULL;
    if (!decoded)
        decoded = "";
    n->len = strlen(decoded);
    n->text = casc_arena_strndup(w->arena, decoded, n->len);
    n->has_nul = nul;
    return n->text ? n : NULL;
}

/* A number, true, false or null: its raw text. */
static casc_mnode *literal_node(walker *w, const cJSON *item)
{
    uint32_t start = (uint32_t)w->pos;
    while (w->pos < w->len && (unsigned char)w->s[w->pos] > ' ' &&
           !strchr(",]}", w->s[w->pos]))
        w->pos++;
    casc_mnode_kind kind = cJSON_IsNumber(item) ? CASC_MN_NUMBER
                           : cJSON_IsBool(item) ? CASC_MN_BOOL
                                                : CASC_MN_NULL;
    casc_mnode *n = casc_mnode_new(w->arena, kind, start, (uint32_t)w->pos);
    if (!n)
        return NULL;
    n->len = w->pos - start;
    n->text = casc_arena_strndup(w->arena, w->s + start, n->len);
    return n->text ? n : NULL;
}

/* The node for item, whose text starts at pos (after white space), at
 * depth open lists and maps. NULL when memory is exhausted or too deep. */
static casc_mnode *walk(walker *w, const cJSON *item, uint32_t depth)
{
    skip_space(w);
    if (cJSON_IsString(item))
        return string_node(w, item->valuestring);
    bool is_map = cJSON_IsObject(item);
    if (!is_map && !cJSON_IsArray(item))
        return literal_node(w, item);

    uint32_t start = (uint32_t)w->pos;
    if (depth == w->cx->max_depth) {
        casc_mtree_too_deep(w->cx, start);
        return NULL;
    }
    casc_mnode *n = casc_mnode_new(w->arena, is_map ? CASC_MN_MAP : CASC_MN_LIST, start, start);
    if (!n)
        return NULL;
    skip_char(w); /* { or [ */
    for (const cJSON *kid = item->child; kid; kid = kid->next) {
        if (is_map) {
            casc_mnode *key = string_node(w, kid->string);
            if (!key || !casc_mnode_append(w->arena, n, key))
                return NULL;
            skip_space(w);
            skip_char(w); /* : */
        }
        casc_mnode *value = walk(w, kid, depth + 1);
        if (!value || !casc_mnode_append(w->arena, n, value))
            return NULL;
        skip_space(w);
        if (w->pos < w->len && w->s[w->pos] == ',')
            w->pos++;
    }
    skip_space(w);
    skip_char(w); /* } or ] */
    n->end = (uint32_t)w->pos;
    return n;
}

size_t casc_json_scan_nesting(const char *s, size_t n, uint32_t max_depth, bool *ends_open)
{
    size_t depth = 0;
    bool in_string = false;
    for (size_t i = 0; i < n; i++) {
        if (in_string) {
            if (s[i] == '\\')
                i++;
            else if (s[i] == '"')
                in_string = false;
        } else if (s[i] == '"') {
            in_string = true;
        } else if (s[i] == '{' || s[i] == '[') {
            if (depth == max_depth)
                return i;
            depth++;
        } else if ((s[i] == '}' || s[i] == ']') && depth) {
            depth--;
        }
    }
    if (ends_open)
        *ends_open = depth || in_string;
    return n;
}

/* Report where cJSON gave up. It may point one past the offending
 * character, so from white space (or the end) the caret moves back onto the
 * last visible character before it. */
static void syntax_error(const casc_mtree_ctx *cx, const char *at)
{
    const casc_source *src = cx->src;
    size_t off = at ? (size_t)(at - src->text) : src->len;
    size_t rest = off;
    while (rest < src->len && (unsigned char)src->text[rest] <= ' ')
        rest++;
    while (off > cx->base && (off >= src->len || (unsigned char)src->text[off] <= ' '))
        off--;
    bool open = false;
    if (rest == src->len)
        casc_json_scan_nesting(src->text, src->len, UINT32_MAX, &open);
    if (open)
        casc_diag_add(cx->diags, CASC_SEV_ERROR, src, (uint32_t)off, (uint32_t)off + 1,
                      "invalid JSON syntax: the file ends before every string, {...} and [...] "
                      "is closed");
    else
        casc_diag_add(cx->diags, CASC_SEV_ERROR, src, (uint32_t)off, (uint32_t)off + 1,
                      "invalid JSON syntax");
}

casc_mnode *casc_model_json_tree(const casc_mtree_ctx *cx)
{
    const casc_source *src = cx->src;
    const char *end = NULL;
    /* The length covers the final NUL, which cJSON then requires to be
     * all that follows the value. */
    cJSON *root = cJSON_ParseWithLengthOpts(src->text + cx->base, src->len - cx->base + 1, &end, 1);
    if (!root) {
        syntax_error(cx, end);
        return NULL;
    }
    walker w = {cx, cx->arena, src->text, src->len, cx->base};
    casc_mnode *tree = walk(&w, root, 0);
    cJSON_Delete(root);
    return tree;
}
