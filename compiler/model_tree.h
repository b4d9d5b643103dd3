/* model_tree.h - the model file as a generic tree, shared by both formats.
 *
 * The JSON and YAML readers each turn their file into this small tree of
 * maps, lists and scalars, every node with its byte span in the model
 * source. The model is then checked and built from the tree once
 * (model_build.c), so both formats give the same model and the same errors.
 * Nodes live in the arena the model is loaded into. */
#ifndef CASC_MODEL_TREE_H
#define CASC_MODEL_TREE_H

#include <stdbool.h>
#include <stdint.h>

#include "arena.h"
#include "diag.h"
#include "model.h"
#include "source.h"

typedef enum {
    CASC_MN_NULL,
    CASC_MN_BOOL,
    CASC_MN_NUMBER,
    CASC_MN_STRING,
    CASC_MN_LIST,
    CASC_MN_MAP,
    CASC_MN_ALIAS, /* a YAML alias (*name), never accepted as a value */
} casc_mnode_kind;

typedef struct casc_mnode casc_mnode;
struct casc_mnode {
    casc_mnode_kind kind;
    uint32_t start, end; /* byte span in the model source */
    const char *text;    /* scalars: the decoded value, NUL-terminated */
    size_t len;
    bool has_nul;        /* the decoded value holds a NUL (text stops there) */
    casc_mnode **kids;   /* LIST: the items; MAP: key, value, key, value, ... */
    uint32_t nkids, cap;
};

/* What a reader works with. The text to parse starts at src->text + base
 * (after a UTF-8 byte-order mark); spans count from src->text. At most
 * max_depth lists and maps may be open at once: CASC_MODEL_MAX_DEPTH for a
 * model, more for a JSON rule (rule_json_read.c), which shares the JSON
 * reader. */
typedef struct casc_mtree_ctx {
    casc_arena *arena;
    const casc_source *src;
    casc_diags *diags;
    uint32_t base;
    uint32_t max_depth;
} casc_mtree_ctx;

/* Models nest five deep; libyaml slows down with every level (its work per
 * token grows with the depth), so readers stop well before it matters. */
enum { CASC_MODEL_MAX_DEPTH = 64 };

/* Report a list or map opened at offset past cx->max_depth. */
void casc_mtree_too_deep(const casc_mtree_ctx *cx, uint32_t offset);

/* A node with no kids and no text, or NULL when memory is exhausted. */
casc_mnode *casc_mnode_new(casc_arena *a, casc_mnode_kind kind, uint32_t start, uint32_t end);
/* Append kid to a list or map; false when memory is exhausted. */
bool casc_mnode_append(casc_arena *a, casc_mnode *parent, casc_mnode *kid);
/* "a string", "a list", ... as said in "must be a string, found a list". */
const char *casc_mnode_kind_name(casc_mnode_kind kind);

/* Scan JSON text s[0..n) outside its strings: the offset of the first '{'
 * or '[' that would open more than max_depth levels, or n when none does;
 * *ends_open (unless NULL) tells whether a string, object or array is still
 * open at the end, as in a file cut short. */
size_t casc_json_scan_nesting(const char *s, size_t n, uint32_t max_depth, bool *ends_open);

/* The readers: the file's tree, or NULL after reporting why the file does
 * not parse. A tree may come with errors too (such as a YAML alias). */
casc_mnode *casc_model_json_tree(const casc_mtree_ctx *cx);
casc_mnode *casc_model_yaml_tree(const casc_mtree_ctx *cx);

/* Check the tree against the model's shape and build the model, reporting
 * every error found (the model is only good if there was none). NULL when
 * memory is exhausted. */
const casc_parent_model *casc_model_build(const casc_mtree_ctx *cx, const casc_mnode *root);

#endif
