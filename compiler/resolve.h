/* resolve.h - bind a parsed rule to the model and check its types. */
#ifndef CASC_RESOLVE_H
#define CASC_RESOLVE_H

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "model.h"
#include "resolved.h"

/* Resolve rule (parsed from src) against model (docs/names-and-types.md)
 * into arena; the result keeps the rule's windows, measures and text but
 * none of its nodes (casc_parse). Reports every error it finds, each at
 * its token; returns NULL when there was any. Rule segments the rule refers to are parsed and resolved here
 * too (once each); errors in their rules point into model->source, which
 * must outlive the diagnostics. */
casc_rnode *casc_resolve(casc_arena *arena, const casc_parent_model *model, const casc_node *rule,
                         const casc_source *src, casc_diags *d);

#endif
