/* model_fields.c - checked access to the maps of the generic model tree. */
#include "model_fields.h"

#include <stdarg.h>
#include <string.h>

#include "strbuf.h"
#include "suggest.h"

/* A broken file could otherwise give one error per line; past this many
 * the rest would not be read anyway. */
enum { MAX_ERRORS = 100, SHOW_CHARS = 40 };

struct casc_mf_name {
    const char *name; /* NULL: a free slot */
    const char *path;
    uint32_t offset;
};

static char *arena_copy(casc_mf *f, const casc_strbuf *sb)
{
    return casc_arena_strndup(f->cx->arena, casc_sb_str(sb), sb->failed ? 0 : sb->len);
}

/* Past the limit, messages are not even composed: some cost a scan. */
static bool muted(const casc_mf *f)
{
    return f->nerrors > MAX_ERRORS;
}

void casc_mf_error(casc_mf *f, const casc_mnode *at, const char *fmt, ...)
{
    const casc_mtree_ctx *cx = f->cx;
    if (muted(f))
        return;
    if (f->nerrors++ == MAX_ERRORS) {
        casc_diag_add(cx->diags, CASC_SEV_ERROR, cx->src, CASC_NO_SPAN, CASC_NO_SPAN,
                      "too many errors in the model; the rest are not shown");
        return;
    }
    uint32_t start = CASC_NO_SPAN, end = CASC_NO_SPAN;
    if (at) {
        start = at->start;
        end = at->kind == CASC_MN_LIST || at->kind == CASC_MN_MAP ? at->start + 1 : at->end;
    }
    casc_strbuf sb = CASC_STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    casc_sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    casc_diag_add(cx->diags, CASC_SEV_ERROR, cx->src, start, end, "%s", casc_sb_str(&sb));
    casc_sb_free(&sb);
}

static uint32_t line_of(casc_mf *f, uint32_t offset)
{
    return casc_source_linecol(f->cx->src, offset).line;
}

const char *casc_mf_path(casc_mf *f, const char *path, const char *key)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_sb_printf(&sb, "%s%s%s", path, *path ? "." : "", key);
    const char *s = arena_copy(f, &sb);
    casc_sb_free(&sb);
    return s ? s : "";
}

const char *casc_mf_index(casc_mf *f, const char *path, uint32_t i)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_sb_printf(&sb, "%s[%u]", path, i);
    const char *s = arena_copy(f, &sb);
    casc_sb_free(&sb);
    return s ? s : "";
}

const char *casc_mf_show(casc_mf *f, const char *s, size_t n)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    for (size_t i = 0, chars = 0; i < n; chars++) {
        if (chars == SHOW_CHARS) {
            casc_sb_puts(&sb, "...");
            break;
        }
        unsigned char c = (unsigned char)s[i];
        if (c < ' ' || c == 0x7F) {
            casc_sb_printf(&sb, "\\x%02x", c);
            i++;
            continue;
        }
        size_t len = casc_utf8_len(s + i);
        if (len > n - i)
            len = n - i;
        casc_sb_put(&sb, s + i, len);
        i += len;
    }
    const char *shown = arena_copy(f, &sb);
    casc_sb_free(&sb);
    return shown ? shown : "";
}

static int find_key(const char *key, const char *const *known, uint32_t nknown)
{
    for (uint32_t k = 0; k < nknown; k++)
        if (strcmp(key, known[k]) == 0)
            return (int)k;
    return -1;
}

static void unknown_field(casc_mf *f, const casc_mnode *key, const char *where,
                          const char *const *known, uint32_t nknown)
{
    const char *best[CASC_MAX_SUGGESTIONS];
    if (casc_suggest(key->text, key->len, known, nknown, best)) {
        casc_mf_error(f, key, "%s: unknown field (did you mean '%s'?)", where, best[0]);
        return;
    }
    casc_strbuf list = CASC_STRBUF_INIT;
    for (uint32_t k = 0; k < nknown; k++)
        casc_sb_printf(&list, "%s%s", k == 0 ? "" : k + 1 == nknown ? " or " : ", ", known[k]);
    casc_mf_error(f, key, "%s: unknown field (expected %s)", where, casc_sb_str(&list));
    casc_sb_free(&list);
}

void casc_mf_check_fields(casc_mf *f, const casc_mnode *map, const char *path,
                          const char *const *known, uint32_t nknown)
{
    enum { MAX_KNOWN = 16 };
    const casc_mnode *seen[MAX_KNOWN] = {0};
    if (nknown > MAX_KNOWN)
        nknown = MAX_KNOWN;
    for (uint32_t i = 0; i + 1 < map->nkids; i += 2) {
        const casc_mnode *key = map->kids[i];
        if (key->kind != CASC_MN_STRING) {
            casc_mf_error(f, key, "%s%sfield names must be strings, found %s", path,
                          *path ? ": " : "", casc_mnode_kind_name(key->kind));
            continue;
        }
        int k = key->has_nul ? -1 : find_key(key->text, known, nknown);
        if (k >= 0 && !seen[k]) {
            seen[k] = key;
            continue;
        }
        if (muted(f))
            continue;
        const char *where = casc_mf_path(f, path, casc_mf_show(f, key->text, key->len));
        if (k < 0)
            unknown_field(f, key, where, known, nknown);
        else
            casc_mf_error(f, key, "%s: duplicate field (first given on line %u)", where,
                          line_of(f, seen[k]->start));
    }
}

/* The value of field key, null included; NULL when absent. */
static const casc_mnode *lookup(const casc_mnode *map, const char *key)
{
    for (uint32_t i = 0; i + 1 < map->nkids; i += 2) {
        const casc_mnode *k = map->kids[i];
        if (k->kind == CASC_MN_STRING && !k->has_nul && strcmp(k->text, key) == 0)
            return map->kids[i + 1];
    }
    return NULL;
}

const casc_mnode *casc_mf_get(const casc_mnode *map, const char *key)
{
    const casc_mnode *v = lookup(map, key);
    return v && v->kind != CASC_MN_NULL ? v : NULL;
}

/* The value of key if present and of the kind wanted; else NULL, with an
 * error unless it is absent (or null) and optional. */
static const casc_mnode *get_kind(casc_mf *f, const casc_mnode *map, const char *path,
                                  const char *key, casc_mnode_kind kind, bool required)
{
    const casc_mnode *v = lookup(map, key);
    if (!v) {
        if (required)
            casc_mf_error(f, map, "%s: missing required field", casc_mf_path(f, path, key));
        return NULL;
    }
    if (v->kind == kind)
        return v;
    if (v->kind != CASC_MN_NULL || required)
        casc_mf_error(f, v, "%s: must be %s, found %s", casc_mf_path(f, path, key),
                      casc_mnode_kind_name(kind), casc_mnode_kind_name(v->kind));
    return NULL;
}

const casc_mnode *casc_mf_string(casc_mf *f, const casc_mnode *map, const char *path,
                                 const char *key, bool required)
{
    const casc_mnode *v = get_kind(f, map, path, key, CASC_MN_STRING, required);
    if (v && v->has_nul) {
        casc_mf_error(f, v, "%s: must not contain a NUL character", casc_mf_path(f, path, key));
        return NULL;
    }
    if (v && v->len == 0) {
        casc_mf_error(f, v, "%s: must not be empty", casc_mf_path(f, path, key));
        return NULL;
    }
    return v;
}

const casc_mnode *casc_mf_list(casc_mf *f, const casc_mnode *map, const char *path,
                               const char *key)
{
    return get_kind(f, map, path, key, CASC_MN_LIST, false);
}

const casc_mnode *casc_mf_map(casc_mf *f, const casc_mnode *map, const char *path,
                              const char *key, bool required)
{
    return get_kind(f, map, path, key, CASC_MN_MAP, required);
}

const casc_mnode *casc_mf_as_map(casc_mf *f, const casc_mnode *node, const char *path)
{
    if (node->kind == CASC_MN_MAP)
        return node;
    casc_mf_error(f, node, "%s: must be a map, found %s", path, casc_mnode_kind_name(node->kind));
    return NULL;
}

static unsigned char fold(char c)
{
    return (unsigned char)(c >= 'A' && c <= 'Z' ? c + 32 : c);
}

static uint32_t fold_hash(const char *s)
{
    uint32_t h = 2166136261u; /* FNV-1a */
    for (; *s; s++)
        h = (h ^ fold(*s)) * 16777619u;
    return h;
}

static bool same_folded(const char *a, const char *b)
{
    for (; *a && fold(*a) == fold(*b); a++, b++)
        ;
    return fold(*a) == fold(*b);
}

/* The slot of name in set: its entry, or the free slot where it goes. */
static casc_mf_name *slot_of(casc_mf_names *set, const char *name)
{
    uint32_t mask = set->cap - 1;
    for (uint32_t i = fold_hash(name) & mask;; i = (i + 1) & mask)
        if (!set->slots[i].name || same_folded(set->slots[i].name, name))
            return &set->slots[i];
}

/* Keep the table at most half full; false when memory is exhausted. */
static bool make_room(casc_mf *f, casc_mf_names *set)
{
    if (set->count < set->cap / 2)
        return true;
    if (set->cap >= UINT32_MAX / 4)
        return false;
    casc_mf_names bigger = {0, set->cap ? set->cap * 2 : 16, set->count};
    bigger.slots = casc_arena_alloc(f->cx->arena, (size_t)bigger.cap * sizeof *bigger.slots);
    if (!bigger.slots)
        return false;
    for (uint32_t i = 0; i < set->cap; i++)
        if (set->slots[i].name)
            *slot_of(&bigger, set->slots[i].name) = set->slots[i];
    *set = bigger;
    return true;
}

void casc_mf_define(casc_mf *f, casc_mf_names *set, const casc_mnode *name, const char *path)
{
    if (!name || !make_room(f, set))
        return;
    casc_mf_name *slot = slot_of(set, name->text);
    if (!slot->name) {
        *slot = (casc_mf_name){name->text, path, name->start};
        set->count++;
        return;
    }
    if (muted(f))
        return;
    const char *shown = casc_mf_show(f, name->text, name->len);
    const char *where = casc_mf_path(f, path, "name");
    if (strcmp(slot->name, name->text) == 0)
        casc_mf_error(f, name, "%s: duplicate name '%s' (first defined at %s, line %u)", where,
                      shown, slot->path, line_of(f, slot->offset));
    else
        casc_mf_error(f, name,
                      "%s: duplicate name '%s' (first defined as '%s' at %s, line %u; names "
                      "are compared ignoring case)",
                      where, shown, casc_mf_show(f, slot->name, strlen(slot->name)), slot->path,
                      line_of(f, slot->offset));
}
