/* resolve_segment.c - `in segment 'NAME'` (spec §6). A table segment is a
 * reference to its table and key. A rule segment is parsed once, when the
 * model is loaded, and resolved once per compilation, its tree shared by
 * every reference; a reference back to a segment still being expanded is a
 * cycle. Errors in a segment's
 * rule are shown at their place in the model file. */
#include <string.h>

#include "parse.h"
#include "resolve_ctx.h"

enum seg_state { SEG_UNSEEN, SEG_ACTIVE, SEG_DONE, SEG_FAILED };

struct casc_seg_info {
    enum seg_state state;
    casc_rnode *tree; /* DONE */
    uint32_t height;  /* DONE: levels of nesting in tree */
};

bool casc_rs_segments_init(casc_resolver *r)
{
    uint32_t n = r->model->nsegments + 1;
    r->segs = casc_rs_alloc(r, n * sizeof *r->segs);
    r->seg_stack = casc_rs_alloc(r, n * sizeof *r->seg_stack);
    return r->segs && r->seg_stack;
}

/* Where the segment's rule text stands verbatim in the model file, or
 * CASC_NO_SPAN when it does not (a string with escapes, a folded one). */
static uint32_t rule_offset(const casc_parent_model *m, const casc_segment *s)
{
    const casc_source *ms = m->source;
    size_t at = s->place.offset;
    if (!ms || at >= ms->len)
        return CASC_NO_SPAN;
    if (ms->text[at] == '"' || ms->text[at] == '\'')
        at++;
    const casc_source *rs = &s->rule_source;
    if (rs->len > ms->len - at || memcmp(ms->text + at, rs->text, rs->len) != 0)
        return CASC_NO_SPAN;
    return (uint32_t)at;
}

/* The source the segment's rule is parsed from. Its diagnostics are moved
 * into the model file afterwards when the text stands there verbatim;
 * otherwise they keep this source, named "MODEL (segment 'NAME')". */
static casc_source *segment_source(casc_resolver *r, const casc_segment *s)
{
    casc_source *src = casc_rs_alloc(r, sizeof *src);
    casc_strbuf name = CASC_STRBUF_INIT;
    casc_sb_printf(&name, "%s (segment '%s')", s->rule_source.name, s->name);
    const char *copy = src && !name.failed ? casc_arena_strndup(r->arena, name.data, name.len)
                                           : NULL;
    casc_sb_free(&name);
    if (!copy) {
        casc_rs_out_of_memory(r);
        return NULL;
    }
    *src = s->rule_source;
    src->name = copy;
    return src;
}

static void move_diags(casc_resolver *r, casc_diag *after, const casc_source *from,
                       uint32_t offset)
{
    if (offset == CASC_NO_SPAN)
        return;
    for (casc_diag *dg = after ? after->next : r->diags->head; dg; dg = dg->next) {
        if (dg->src != from || dg->start == CASC_NO_SPAN)
            continue;
        dg->src = r->model->source;
        dg->start += offset;
        dg->end += offset;
    }
}

static void cycle_error(casc_resolver *r, const casc_node *n, const casc_segment *s)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    uint32_t from = 0;
    while (r->seg_stack[from] != s)
        from++;
    for (uint32_t i = from; i < r->nseg_stack; i++)
        casc_sb_printf(&sb, "%s -> ", r->seg_stack[i]->name);
    casc_sb_puts(&sb, s->name);
    casc_rs_error(r, n->span, "segments refer to each other in a cycle: %s", casc_sb_str(&sb));
    casc_sb_free(&sb);
}

/* Parse and resolve rule segment idx, the first time it is referred to. */
static casc_rnode *expand(casc_resolver *r, uint32_t idx)
{
    const casc_segment *s = &r->model->segments[idx];
    casc_seg_info *info = &r->segs[idx];
    casc_source *src = segment_source(r, s);
    if (!src)
        return NULL;
    casc_diag *last = r->diags->tail;
    casc_typecheck outer = r->tc;
    uint32_t outer_peak = r->peak;
    info->state = SEG_ACTIVE;
    r->seg_stack[r->nseg_stack++] = s;
    r->tc.src = src;
    r->peak = r->depth;
    const casc_node *rule = s->tree ? s->tree : casc_parse(r->arena, r->arena, src, r->diags);
    casc_rnode *tree = rule ? casc_rs_node(r, rule) : NULL;
    info->height = r->peak - r->depth;
    r->peak = r->peak > outer_peak ? r->peak : outer_peak;
    r->tc = outer;
    r->nseg_stack--;
    info->state = tree ? SEG_DONE : SEG_FAILED;
    info->tree = tree;
    move_diags(r, last, src, rule_offset(r->model, s));
    return tree;
}

static casc_rnode *rule_segment(casc_resolver *r, const casc_node *n, uint32_t idx)
{
    const casc_segment *s = &r->model->segments[idx];
    casc_seg_info *info = &r->segs[idx];
    casc_rnode *tree;
    switch (info->state) {
    case SEG_ACTIVE: cycle_error(r, n, s); return NULL;
    case SEG_DONE:
        /* Shared, so its depth counts again here. */
        if (r->depth + info->height > CASC_MAX_DEPTH + 1) {
            casc_rs_error(r, n->span,
                          CASC_EXPANDED_DEPTH_ERROR,
                          CASC_MAX_DEPTH);
            return NULL;
        }
        if (r->depth + info->height > r->peak)
            r->peak = r->depth + info->height;
        return info->tree;
    case SEG_FAILED: tree = NULL; break;
    default: tree = expand(r, idx); break;
    }
    /* The errors are inside the segment (or segments it refers to); the
     * user's rule gets one line saying why its reference fails. */
    if (!tree && r->nseg_stack == 0)
        casc_rs_error(r, n->span, "segment '%s' cannot be used because of the errors above",
                      s->name);
    return tree;
}

casc_rnode *casc_rs_segment(casc_resolver *r, const casc_node *n)
{
    if (r->behavior) {
        casc_rs_error(r, n->span,
                      "'in segment' tests profiles, not events, so it cannot be used inside "
                      "the filter of '%s'; combine it with 'and' outside the filter",
                      r->behavior->name);
        return NULL;
    }
    const casc_segment *s = casc_rs_find_segment(r, &n->u.segment);
    if (!s)
        return NULL;
    if (s->rule)
        return rule_segment(r, n, (uint32_t)(s - r->model->segments));
    casc_rnode *x = casc_rs_rnode(r, CASC_R_SEGMENT_TABLE, n);
    if (x)
        x->u.segment = s;
    return x;
}
