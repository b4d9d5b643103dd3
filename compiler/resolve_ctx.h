/* resolve_ctx.h - the resolver's state and what its files share.
 *
 * resolve.c walks the rule and gives each condition its meaning,
 * resolve_names.c looks names up in the model and explains the ones that
 * are not there, resolve_segment.c expands segment references. Internal to
 * those three files; the interface is resolve.h. */
#ifndef CASC_RESOLVE_CTX_H
#define CASC_RESOLVE_CTX_H

#include "resolve.h"
#include "typecheck.h"

typedef struct casc_seg_info casc_seg_info; /* per model segment, resolve_segment.c */

typedef struct casc_resolver {
    casc_arena *arena;
    const casc_parent_model *model;
    casc_diags *diags;
    casc_typecheck tc;             /* tc.src: the text being resolved now */
    const casc_behavior *behavior; /* inside a filter: whose fields names are */
    casc_seg_info *segs;
    const casc_segment **seg_stack; /* the rule segments being expanded */
    uint32_t nseg_stack;
    uint32_t depth; /* nesting, counted across expanded segments */
    uint32_t peak;  /* the deepest depth reached since it was last reset */
    bool oom;
} casc_resolver;

/* Report that memory ran out (once). */
void casc_rs_out_of_memory(casc_resolver *r);
void *casc_rs_alloc(casc_resolver *r, size_t size);
#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
casc_diag *casc_rs_error(casc_resolver *r, casc_span at, const char *fmt, ...);

/* A new resolved node of kind for n. */
casc_rnode *casc_rs_rnode(casc_resolver *r, casc_rkind kind, const casc_node *n);
/* Resolve one node of the text in r->tc.src (resolve.c). */
casc_rnode *casc_rs_node(casc_resolver *r, const casc_node *n);

/* ---- resolve_names.c ---- */

enum { CASC_WANT_ATTRIBUTE = 1, CASC_WANT_BEHAVIOR = 2 };

/* A name outside any filter: an attribute or a behavior. */
typedef struct casc_binding {
    const casc_attribute *attr;
    const casc_behavior *behavior;
} casc_binding;

/* Bind the subject q of condition n (outside any filter). An unknown name
 * is reported with the closest names of the kinds in want, and a qualified
 * name (a field) is always reported as out of place here. A name of the
 * kind not wanted is returned for the caller to explain in its terms. */
bool casc_rs_bind(casc_resolver *r, const casc_node *n, const casc_qname *q, unsigned want,
                  casc_binding *out);
/* The field of behavior b named by q (`field` or `behavior.field`), or
 * NULL after an error. in_filter: q is a condition's subject, so an
 * attribute's name there is explained as one. */
const casc_field *casc_rs_field(casc_resolver *r, const casc_behavior *b, const casc_qname *q,
                                bool in_filter);
/* The behavior an unqualified q names, reporting nothing; NULL if none. */
const casc_behavior *casc_rs_find_behavior(const casc_resolver *r, const casc_qname *q);
/* The segment `in segment 'NAME'` names, or NULL after an error. */
const casc_segment *casc_rs_find_segment(casc_resolver *r, const casc_value *name);

/* ---- resolve_segment.c ---- */

bool casc_rs_segments_init(casc_resolver *r);
/* `in segment 'NAME'`: a rule segment expanded, or a table segment. */
casc_rnode *casc_rs_segment(casc_resolver *r, const casc_node *n);

#endif
