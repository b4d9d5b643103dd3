/* ast_build.h - the C side of the grammar's actions (grammar/parser.y).
 *
 * The parser calls one builder per production, as SQLite's parse.y does.
 * Builders allocate from the arena, check what the grammar alone cannot
 * (real dates, whole numbers, the nesting limit) and report those errors
 * with a span. After the first error every builder returns NULL and the
 * parse is abandoned. */
#ifndef CASC_AST_BUILD_H
#define CASC_AST_BUILD_H

#include "arena.h"
#include "ast.h"
#include "diag.h"
#include "lexer.h"
#include "source.h"

typedef struct casc_parse_ctx {
    casc_arena *arena; /* the tree */
    casc_arena *keep;  /* what the resolved rule keeps: windows, measures, text */
    const casc_source *src;
    casc_diags *diags;
    casc_node *root;
    bool failed;     /* an error was reported: stop */
    casc_token prev; /* the token before the one being parsed */
    int prev_code;   /* its code, 0 at the start */
    uint32_t *open_parens; /* offsets of the '(' still open */
    uint32_t nopen, open_cap;
} casc_parse_ctx;

/* What may follow a behavior (or time attribute) name. */
typedef struct casc_tail {
    casc_node *filter;
    casc_measure *measure;
    casc_window *window;
} casc_tail;

/* cmpop values: a casc_op, or CASC_CMP_NE for != and <>. */
#define CASC_CMP_NE 16

#if defined(__GNUC__)
__attribute__((format(printf, 3, 4)))
#endif
void casc_parse_error(casc_parse_ctx *ctx, casc_span at, const char *fmt, ...);
void casc_syntax_error(casc_parse_ctx *ctx, int code, casc_token tok,
                       const unsigned char *expected, int ntokens);
void casc_parse_out_of_memory(casc_parse_ctx *ctx);

/* Names and values are built in place (the parser keeps them on its
 * stack); after an error they are empty and ctx->failed is set. */
casc_name casc_build_name(casc_parse_ctx *ctx, casc_token t, bool quoted);
casc_qname casc_build_qname(const casc_name *qualifier, const casc_name *name);

bool casc_build_value(casc_parse_ctx *ctx, int code, casc_token t, casc_value *out);
bool casc_build_relative(casc_parse_ctx *ctx, casc_value_kind kind, casc_token n,
                         casc_token unit, casc_token end, casc_value *out);
/* Nodes copy the names and values they are given. */
casc_values *casc_build_values(casc_parse_ctx *ctx, casc_values *list, const casc_value *v);

casc_node *casc_build_chain(casc_parse_ctx *ctx, casc_node_kind kind, casc_node *x, casc_node *y);
casc_node *casc_build_not(casc_parse_ctx *ctx, casc_token t, casc_node *x);
casc_node *casc_build_const(casc_parse_ctx *ctx, casc_node_kind kind, casc_token t);
casc_node *casc_build_segment(casc_parse_ctx *ctx, casc_token in, casc_token name);
casc_node *casc_build_compare(casc_parse_ctx *ctx, const casc_qname *a, int cmpop,
                              const casc_value *v);
casc_node *casc_build_in(casc_parse_ctx *ctx, const casc_qname *a, bool negated,
                         const casc_values *vs, casc_token rp);
casc_node *casc_build_between(casc_parse_ctx *ctx, const casc_qname *a, bool negated,
                              const casc_value *lo, const casc_value *hi);
casc_node *casc_build_is(casc_parse_ctx *ctx, const casc_qname *a, casc_node_kind kind,
                         bool negated, casc_token end);
casc_node *casc_build_match(casc_parse_ctx *ctx, const casc_qname *a, int match,
                            const casc_value *v);
casc_node *casc_build_contains_set(casc_parse_ctx *ctx, const casc_qname *a, bool all,
                                   bool negated, const casc_values *vs, casc_token rp);
casc_node *casc_build_subject(casc_parse_ctx *ctx, casc_pick pick, casc_token pick_tok,
                              const casc_qname *a, const casc_tail *tail);

casc_window *casc_build_window_n(casc_parse_ctx *ctx, casc_window_kind kind, casc_token start,
                                 casc_token n, casc_token unit);
casc_window *casc_build_window_unit(casc_parse_ctx *ctx, casc_window_kind kind, casc_token start,
                                    casc_token unit);
casc_window *casc_build_window_ambiguous(casc_parse_ctx *ctx, casc_token start, casc_token unit);
casc_window *casc_build_window_day(casc_parse_ctx *ctx, casc_window_kind kind, casc_token t);
casc_window *casc_build_window_time(casc_parse_ctx *ctx, casc_window_kind kind, casc_token start,
                                    const casc_value *lo, const casc_value *hi);
casc_measure *casc_build_measure(casc_parse_ctx *ctx, casc_measure_kind kind, casc_token start,
                                 const casc_qname *field, casc_token end);
casc_measure *casc_build_measure_cmp(casc_parse_ctx *ctx, casc_measure *m, int cmpop,
                                     casc_token n);
casc_measure *casc_build_measure_between(casc_parse_ctx *ctx, casc_measure *m, casc_token lo,
                                         casc_token hi);

#endif
