/* rule_json_access.c - checked access to the objects of a JSON rule:
 * keys, kinds, types and names, each error at its place. */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "rule_json_internal.h"
#include "suggest.h"

/* A list of words for a message: "type, not or rightValue". */
static void list_words(casc_strbuf *sb, const char *const *keys, uint32_t n)
{
    for (uint32_t k = 0; k < n; k++)
        casc_sb_printf(sb, "%s%s", k == 0 ? "" : k + 1 == n ? " or " : ", ", keys[k]);
}

static void vreport(casc_rj *r, const casc_mnode *at, const char *const *suggestions,
                    uint32_t nsuggestions, const char *fmt, va_list ap)
{
    if (r->p.failed)
        return;
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_sb_vprintf(&sb, fmt, ap);
    if (sb.failed) {
        casc_parse_out_of_memory(&r->p);
        return;
    }
    r->p.failed = true;
    uint32_t start = at->start, end = at->end;
    if (at->kind == CASC_MN_MAP || at->kind == CASC_MN_LIST)
        end = start + 1;
    casc_diag *dg = casc_diag_add(r->p.diags, CASC_SEV_ERROR, r->p.src, start, end, "%s",
                                  casc_sb_str(&sb));
    casc_sb_free(&sb);
    if (dg) {
        dg->suggestions = suggestions;
        dg->nsuggestions = nsuggestions;
    }
}

void casc_rj_error(casc_rj *r, const casc_mnode *at, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(r, at, NULL, 0, fmt, ap);
    va_end(ap);
}

#if defined(__GNUC__)
__attribute__((format(printf, 5, 6)))
#endif
static void report(casc_rj *r, const casc_mnode *at, const char *const *suggestions,
                   uint32_t nsuggestions, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(r, at, suggestions, nsuggestions, fmt, ap);
    va_end(ap);
}

void casc_rj_unknown(casc_rj *r, const casc_mnode *at, const char *what, const char *where,
                     const char *const *names, uint32_t n)
{
    const char **best = casc_arena_alloc(r->p.diags->arena, CASC_MAX_SUGGESTIONS * sizeof *best);
    uint32_t nbest = best && !at->has_nul ? casc_suggest(at->text, at->len, names, n, best) : 0;
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_sb_printf(&sb, "unknown %s '%s'%s%s", what, casc_rj_show(r, at), where ? " " : "",
                   where ? where : "");
    if (!nbest) { /* else "did you mean" says enough */
        casc_sb_puts(&sb, " (expected ");
        list_words(&sb, names, n);
        casc_sb_putc(&sb, ')');
    }
    if (sb.failed)
        casc_parse_out_of_memory(&r->p);
    else
        report(r, at, best, nbest, "%s", casc_sb_str(&sb));
    casc_sb_free(&sb);
}

const char *casc_rj_show(casc_rj *r, const casc_mnode *s)
{
    return casc_mf_show(&r->mf, s->text, s->len);
}

const char *casc_rj_kind_name(casc_mnode_kind kind)
{
    switch (kind) {
    case CASC_MN_MAP: return "an object";
    case CASC_MN_LIST: return "an array";
    default: return casc_mnode_kind_name(kind); /* null, a number, ... */
    }
}

casc_span casc_rj_span(const casc_mnode *node)
{
    return (casc_span){node->start, node->end};
}

casc_token casc_rj_token(const casc_mnode *node)
{
    return (casc_token){node->start, node->end - node->start};
}

bool casc_rj_plain_token(casc_rj *r, const casc_mnode *s, const char *what, casc_token *out)
{
    *out = (casc_token){s->start + 1, (uint32_t)s->len};
    if (s->end - s->start == s->len + 2) /* every escape is longer than its text */
        return true;
    casc_rj_error(r, s, "write the %s without escape sequences (\\u0064 and the like)", what);
    return false;
}

static int find(const char *s, const char *const *names, uint32_t n)
{
    for (uint32_t i = 0; i < n; i++)
        if (strcmp(s, names[i]) == 0)
            return (int)i;
    return -1;
}

bool casc_rj_keys(casc_rj *r, const casc_mnode *object, const char *what,
                  const char *const *keys, uint32_t n)
{
    for (uint32_t i = 0; i + 1 < object->nkids; i += 2) {
        const casc_mnode *key = object->kids[i];
        int k = key->has_nul ? -1 : find(key->text, keys, n);
        if (k < 0) {
            char where[48];
            snprintf(where, sizeof where, "in %s", what);
            casc_rj_unknown(r, key, "key", where, keys, n);
            return false;
        }
        for (uint32_t j = 0; j < i; j += 2) {
            const casc_mnode *first = object->kids[j];
            if (strcmp(first->text, key->text) == 0) {
                casc_linecol lc = casc_source_linecol(r->p.src, first->start);
                casc_rj_error(r, key, "duplicate key '%s' (first given at line %u, column %u)",
                              key->text, lc.line, lc.col);
                return false;
            }
        }
    }
    return true;
}

const casc_mnode *casc_rj_lookup(const casc_mnode *object, const char *key)
{
    for (uint32_t i = 0; i + 1 < object->nkids; i += 2)
        if (!object->kids[i]->has_nul && strcmp(object->kids[i]->text, key) == 0)
            return object->kids[i + 1];
    return NULL;
}

const casc_mnode *casc_rj_get(const casc_mnode *object, const char *key)
{
    const casc_mnode *v = casc_rj_lookup(object, key);
    return v && v->kind != CASC_MN_NULL ? v : NULL;
}

const char *casc_rj_article(const char *word)
{
    return strchr("AEIOU", word[0]) ? "an" : "a";
}

void casc_rj_missing(casc_rj *r, const casc_mnode *object, const char *key)
{
    const casc_mnode *t = casc_rj_get(object, "type");
    if (t && t->kind == CASC_MN_STRING && t->len && !t->has_nul)
        casc_rj_error(r, object, "%s %s needs '%s'", casc_rj_article(t->text),
                      casc_rj_show(r, t), key);
    else
        casc_rj_error(r, object, "this object needs '%s'", key);
}

const casc_mnode *casc_rj_want_kind(casc_rj *r, const casc_mnode *object, const char *key,
                                    casc_mnode_kind kind, bool required)
{
    const casc_mnode *v = casc_rj_lookup(object, key);
    if (v && v->kind == kind)
        return v;
    if (v && (v->kind != CASC_MN_NULL || required))
        casc_rj_error(r, v, "'%s' must be %s, found %s", key, casc_rj_kind_name(kind),
                      casc_rj_kind_name(v->kind));
    else if (!v && required)
        casc_rj_missing(r, object, key);
    return NULL;
}

bool casc_rj_flag(casc_rj *r, const casc_mnode *object, const char *key)
{
    const casc_mnode *v = casc_rj_want_kind(r, object, key, CASC_MN_BOOL, false);
    return v && strcmp(v->text, "true") == 0;
}

int casc_rj_type(casc_rj *r, const casc_mnode *object, const char *what,
                 const char *const *names, uint32_t n)
{
    const casc_mnode *t = casc_rj_get(object, "type");
    char type[32];
    snprintf(type, sizeof type, "%s type", what);
    int k = -1;
    if (!t) {
        casc_strbuf sb = CASC_STRBUF_INIT;
        list_words(&sb, names, n);
        if (sb.failed)
            casc_parse_out_of_memory(&r->p);
        else
            casc_rj_error(r, object, "this %s has no 'type' (expected %s)", what, sb.data);
        casc_sb_free(&sb);
    } else if (t->kind != CASC_MN_STRING) {
        casc_rj_error(r, t, "the %s's 'type' must be a string, found %s", what,
                      casc_rj_kind_name(t->kind));
    } else if ((k = t->has_nul ? -1 : find(t->text, names, n)) < 0) {
        casc_rj_unknown(r, t, type, NULL, names, n);
    }
    return k;
}

/* One part of a name: any text but empty or with a NUL; quoted when the
 * rule language could not write it bare, or when `exact` asks for it. A
 * qualified name's span is its name's: the two parts are apart in JSON. */
static bool name_part(casc_rj *r, const casc_mnode *s, bool exact, casc_name *out)
{
    if (s->len == 0 || s->has_nul) {
        casc_rj_error(r, s, "a name cannot be empty or hold a NUL character");
        return false;
    }
    /* The span is the text inside the quotes: messages that quote the name
     * as written show it as the rule language would. */
    *out = (casc_name){s->text, (uint32_t)s->len, false, {s->start + 1, s->end - 1}};
    out->quoted = exact || !casc_rj_bare_name(s->text, out->len);
    return true;
}

bool casc_rj_qname(casc_rj *r, const casc_mnode *object, const char *key, casc_qname *out)
{
    char exact_key[16];
    snprintf(exact_key, sizeof exact_key, "%sExact", key); /* nameExact, columnExact */
    const casc_mnode *name = casc_rj_want_kind(r, object, key, CASC_MN_STRING, true);
    const casc_mnode *qual = casc_rj_want_kind(r, object, "qualifier", CASC_MN_STRING, false);
    bool name_exact = casc_rj_flag(r, object, exact_key);
    bool qual_exact = casc_rj_flag(r, object, "qualifierExact");
    if (r->p.failed || !name_part(r, name, name_exact, &out->name))
        return false;
    out->qualifier = (casc_name){0};
    out->span = out->name.span;
    if (!qual && qual_exact)
        casc_rj_error(r, casc_rj_get(object, "qualifierExact"),
                      "'qualifierExact' is given without a 'qualifier'");
    if (!qual)
        return !r->p.failed;
    return name_part(r, qual, qual_exact, &out->qualifier);
}
