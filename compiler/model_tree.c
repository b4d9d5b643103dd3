/* model_tree.c - nodes of the generic model tree. */
#include "model_tree.h"

casc_mnode *casc_mnode_new(casc_arena *a, casc_mnode_kind kind, uint32_t start, uint32_t end)
{
    casc_mnode *n = casc_arena_alloc(a, sizeof *n);
    if (n) {
        n->kind = kind;
        n->start = start;
        n->end = end;
        n->text = "";
    }
    return n;
}

bool casc_mnode_append(casc_arena *a, casc_mnode *parent, casc_mnode *kid)
{
    if (parent->nkids == parent->cap) {
        if (parent->cap >= UINT32_MAX / 2)
            return false;
        uint32_t cap = parent->cap ? parent->cap * 2 : 8;
        casc_mnode **kids = casc_arena_grow(a, parent->kids, parent->cap * sizeof *kids,
                                            cap * sizeof *kids);
        if (!kids)
            return false;
        parent->kids = kids;
        parent->cap = cap;
    }
    parent->kids[parent->nkids++] = kid;
    return true;
}

void casc_mtree_too_deep(const casc_mtree_ctx *cx, uint32_t offset)
{
    casc_diag_add(cx->diags, CASC_SEV_ERROR, cx->src, offset, offset + 1,
                  "lists and maps nest more than %u deep here; a model needs five levels",
                  cx->max_depth);
}

const char *casc_mnode_kind_name(casc_mnode_kind kind)
{
    switch (kind) {
    case CASC_MN_NULL: return "null";
    case CASC_MN_BOOL: return "a boolean";
    case CASC_MN_NUMBER: return "a number";
    case CASC_MN_STRING: return "a string";
    case CASC_MN_LIST: return "a list";
    case CASC_MN_MAP: return "a map";
    case CASC_MN_ALIAS:
        return "an alias (*name): casc does not expand aliases, write the value out";
    }
    return "a value";
}
