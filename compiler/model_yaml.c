/* model_yaml.c - read a YAML model file into the generic tree.
 *
 * libyaml's event parser drives a stack of open collections, as deep as
 * the reader's limit (max_depth). libyaml's marks count
 * characters, not bytes; they are turned into byte offsets here. Plain
 * scalars are typed by the YAML 1.2 core schema (`12` is a number, `true` a
 * boolean, `~` null), so a value has the same kind it would have in JSON.
 * Aliases become ALIAS nodes that the model rejects wherever they are used:
 * expanding them could multiply the size of a model. Anchors alone are
 * ignored. */
#include <string.h>
#include <yaml.h>

#include "model_tree.h"

typedef struct reader {
    const casc_mtree_ctx *cx;
    size_t char_index, byte_offset; /* last mark mapped, to go on from */
    casc_mnode **stack; /* collections still open, max_depth of them */
    uint32_t depth;
    casc_mnode *root;
} reader;

/* Byte offset of the character index counted from the start of the text. */
static uint32_t offset_of(reader *r, size_t index)
{
    const casc_source *src = r->cx->src;
    if (index < r->char_index) {
        r->char_index = 0;
        r->byte_offset = r->cx->base;
    }
    while (r->char_index < index && r->byte_offset < src->len) {
        r->byte_offset += casc_utf8_len(src->text + r->byte_offset);
        r->char_index++;
    }
    if (r->byte_offset > src->len)
        r->byte_offset = src->len;
    return (uint32_t)r->byte_offset;
}

static bool all_of(const char *s, size_t n, const char *set)
{
    for (size_t i = 0; i < n; i++)
        if (!s[i] || !strchr(set, s[i]))
            return false;
    return n > 0;
}

/* Core schema numbers: 12, -3, 0x1F, 0o17, 1.5, .5, 1e3, -.inf, .nan. */
static bool is_number(const char *s, size_t n)
{
    if (!n)
        return false;
    if (n > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'o'))
        return all_of(s + 2, n - 2, s[1] == 'x' ? "0123456789abcdefABCDEF" : "01234567");
    static const char *const special[] = {".nan", ".NaN", ".NAN", ".inf", ".Inf", ".INF"};
    size_t i = (s[0] == '+' || s[0] == '-') ? 1 : 0;
    for (size_t k = 0; k < sizeof special / sizeof *special; k++)
        if (n - i == 4 && memcmp(s + i, special[k], 4) == 0 && (k >= 3 || i == 0))
            return true;
    size_t digits = 0;
    for (; i < n && s[i] >= '0' && s[i] <= '9'; i++)
        digits++;
    if (i < n && s[i] == '.')
        for (i++; i < n && s[i] >= '0' && s[i] <= '9'; i++)
            digits++;
    if (!digits)
        return false;
    if (i < n && (s[i] == 'e' || s[i] == 'E')) {
        i++;
        if (i < n && (s[i] == '+' || s[i] == '-'))
            i++;
        if (i == n)
            return false;
        while (i < n && s[i] >= '0' && s[i] <= '9')
            i++;
    }
    return i == n;
}

static bool is_one_of(const char *s, size_t n, const char *const *words, size_t nwords)
{
    for (size_t k = 0; k < nwords; k++)
        if (strlen(words[k]) == n && memcmp(s, words[k], n) == 0)
            return true;
    return false;
}

static casc_mnode_kind scalar_kind(const yaml_event_t *ev)
{
    const char *s = (const char *)ev->data.scalar.value;
    size_t n = ev->data.scalar.length;
    const char *tag = (const char *)ev->data.scalar.tag;
    if (ev->data.scalar.style != YAML_PLAIN_SCALAR_STYLE ||
        (tag && (strcmp(tag, "!") == 0 || strcmp(tag, YAML_STR_TAG) == 0)))
        return CASC_MN_STRING;
    static const char *const nulls[] = {"", "~", "null", "Null", "NULL"};
    static const char *const bools[] = {"true", "True", "TRUE", "false", "False", "FALSE"};
    if (is_one_of(s, n, nulls, sizeof nulls / sizeof *nulls))
        return CASC_MN_NULL;
    if (is_one_of(s, n, bools, sizeof bools / sizeof *bools))
        return CASC_MN_BOOL;
    return is_number(s, n) ? CASC_MN_NUMBER : CASC_MN_STRING;
}

static casc_mnode *scalar_node(reader *r, const yaml_event_t *ev)
{
    casc_arena *a = r->cx->arena;
    uint32_t start = offset_of(r, ev->start_mark.index);
    casc_mnode *n = casc_mnode_new(a, scalar_kind(ev), start, offset_of(r, ev->end_mark.index));
    if (!n)
        return NULL;
    n->len = ev->data.scalar.length;
    n->text = casc_arena_strndup(a, (const char *)ev->data.scalar.value, n->len);
    n->has_nul = memchr(ev->data.scalar.value, 0, n->len) != NULL;
    return n->text ? n : NULL;
}

/* Attach n to the open collection, or make it the document's root. */
static bool attach(reader *r, casc_mnode *n)
{
    if (!n)
        return false;
    if (r->depth)
        return casc_mnode_append(r->cx->arena, r->stack[r->depth - 1], n);
    r->root = n;
    return true;
}

static bool open_collection(reader *r, casc_mnode_kind kind, const yaml_event_t *ev)
{
    uint32_t at = offset_of(r, ev->start_mark.index);
    if (r->depth == r->cx->max_depth) {
        casc_mtree_too_deep(r->cx, at);
        return false;
    }
    casc_mnode *n = casc_mnode_new(r->cx->arena, kind, at, at);
    if (!attach(r, n))
        return false;
    r->stack[r->depth++] = n;
    return true;
}

static void close_collection(reader *r, const yaml_event_t *ev)
{
    if (r->depth)
        r->stack[--r->depth]->end = offset_of(r, ev->end_mark.index);
}

static void syntax_error(reader *r, const yaml_parser_t *p)
{
    const casc_mtree_ctx *cx = r->cx;
    if (p->error == YAML_MEMORY_ERROR) {
        casc_diag_out_of_memory(cx->diags, cx->src, "reading YAML");
        return;
    }
    /* The reader reports a byte offset, the scanner and parser marks. */
    uint32_t at = p->error == YAML_READER_ERROR
                      ? (uint32_t)(cx->base + p->problem_offset)
                      : offset_of(r, p->problem_mark.index);
    if (at > cx->src->len)
        at = (uint32_t)cx->src->len;
    const char *problem = p->problem ? p->problem : "cannot parse";
    if (p->context) {
        casc_linecol lc = casc_source_linecol(cx->src, offset_of(r, p->context_mark.index));
        casc_diag_add(cx->diags, CASC_SEV_ERROR, cx->src, at, at + 1,
                      "invalid YAML syntax: %s (%s that starts on line %u)", problem, p->context,
                      lc.line);
    } else {
        casc_diag_add(cx->diags, CASC_SEV_ERROR, cx->src, at, at + 1, "invalid YAML syntax: %s",
                      problem);
    }
}

/* Handle one event; false when memory is exhausted or after an error that
 * ends the reading. *stop is set at the end of the first document. */
static bool on_event(reader *r, const yaml_event_t *ev, bool *stop)
{
    const casc_mtree_ctx *cx = r->cx;
    switch (ev->type) {
    case YAML_SCALAR_EVENT: return attach(r, scalar_node(r, ev));
    case YAML_ALIAS_EVENT: {
        uint32_t start = offset_of(r, ev->start_mark.index);
        return attach(r, casc_mnode_new(cx->arena, CASC_MN_ALIAS, start,
                                        offset_of(r, ev->end_mark.index)));
    }
    case YAML_SEQUENCE_START_EVENT: return open_collection(r, CASC_MN_LIST, ev);
    case YAML_MAPPING_START_EVENT: return open_collection(r, CASC_MN_MAP, ev);
    case YAML_SEQUENCE_END_EVENT:
    case YAML_MAPPING_END_EVENT: close_collection(r, ev); return true;
    case YAML_DOCUMENT_END_EVENT:
    case YAML_STREAM_END_EVENT: *stop = true; return true;
    default: return true;
    }
}

/* After the first document, only the end of the stream may follow. */
static void check_single_document(reader *r, yaml_parser_t *p)
{
    yaml_event_t ev;
    if (!yaml_parser_parse(p, &ev)) {
        syntax_error(r, p);
        return;
    }
    if (ev.type == YAML_DOCUMENT_START_EVENT) {
        uint32_t at = offset_of(r, ev.start_mark.index);
        casc_diag_add(r->cx->diags, CASC_SEV_ERROR, r->cx->src, at, at + 1,
                      "the model file holds more than one YAML document: put the whole model in "
                      "one");
    }
    yaml_event_delete(&ev);
}

casc_mnode *casc_model_yaml_tree(const casc_mtree_ctx *cx)
{
    reader r = {.cx = cx, .byte_offset = cx->base};
    r.stack = casc_arena_alloc(cx->arena, cx->max_depth * sizeof *r.stack);
    yaml_parser_t parser;
    if (!r.stack || !yaml_parser_initialize(&parser))
        return NULL;
    yaml_parser_set_input_string(&parser, (const unsigned char *)cx->src->text + cx->base,
                                 cx->src->len - cx->base);
    bool ok = true, stop = false, in_document = false;
    while (ok && !stop) {
        yaml_event_t ev;
        if (!yaml_parser_parse(&parser, &ev)) {
            syntax_error(&r, &parser);
            ok = false;
            break;
        }
        in_document |= ev.type == YAML_DOCUMENT_START_EVENT;
        ok = on_event(&r, &ev, &stop);
        yaml_event_delete(&ev);
    }
    if (ok && in_document)
        check_single_document(&r, &parser);
    yaml_parser_delete(&parser);
    if (ok && !in_document)
        casc_diag_add(cx->diags, CASC_SEV_ERROR, cx->src, CASC_NO_SPAN, CASC_NO_SPAN,
                      "the model file holds no model: it is empty or only comments");
    return ok && in_document ? r.root : NULL;
}
