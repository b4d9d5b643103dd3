/* compile.h - the whole pipeline for one rule: text -> tokens -> AST ->
 * resolved AST -> plan -> SQL. The CLI and the library call only this. */
#ifndef CASC_COMPILE_H
#define CASC_COMPILE_H

#include "arena.h"
#include "backend.h"
#include "diag.h"
#include "model.h"
#include "plan.h"
#include "source.h"

typedef struct casc_compile_options {
    casc_rule_format from; /* how the rule is written (CASC_RULE_AUTO: look) */
    const casc_backend *backend;
    const casc_timelit *now; /* NULL: the warehouse's current time */
    const char *timezone;    /* NULL: UTC */
    casc_select select;
    const casc_output_request *output; /* the output in full; NULL: just select */
} casc_compile_options;

/* The syntax tree of a rule in the rule language or in JSON
 * (CASC_RULE_AUTO: JSON when the first non-blank character is '{'), in
 * arena and keep as casc_parse puts it. */
casc_node *casc_read_rule(casc_arena *arena, casc_arena *keep, const casc_source *rule,
                          casc_rule_format from, casc_diags *d);

/* Read and resolve only (`casc check`). */
bool casc_check_rule(casc_arena *arena, const casc_parent_model *model, const casc_source *rule,
                     casc_rule_format from, casc_diags *d);

/* Compile rule to one SQL statement appended to out. On error appends
 * nothing and leaves diagnostics in d. The plan is stored in *plan when
 * plan is not NULL (for the tables it reads). */
bool casc_compile_rule(casc_arena *arena, const casc_parent_model *model, const casc_source *rule,
                       const casc_compile_options *o, casc_diags *d, casc_strbuf *out,
                       const casc_plan **plan);

/* Compile rules[0..n) (n <= CASC_MAX_OVERLAP) to one statement counting
 * the profiles in each combination of them (o->output must be an
 * OVERLAP request); otherwise as casc_compile_rule. */
bool casc_compile_overlap(casc_arena *arena, const casc_parent_model *model,
                          const casc_source *rules, uint32_t n, const casc_compile_options *o,
                          casc_diags *d, casc_strbuf *out, const casc_plan **plan);

#endif
