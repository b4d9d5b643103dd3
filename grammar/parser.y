/* parser.y - lemon grammar of the rule language (spec §2-6).
 *
 * Actions are one-line calls into compiler/ast_build.c. Names, values and
 * a behavior's clauses (tail) are held by value on the parser's stack (a
 * big rule has one of each per condition: in the arena they would only be
 * copied into their node); the rest are arena pointers. So no %destructor
 * is needed: when a parse is abandoned the arena releases everything at
 * once. The stack is growable (%stack_size 0) and on the heap; nesting is
 * bounded by the limits in compiler/parse.h.
 *
 * Soft keywords fall back to ID (as in SQLite): `count`, `first`, units and
 * the rest are names wherever the keyword itself cannot stand. `first` and
 * `last` can stand where a condition starts, so there the driver
 * (compiler/parse.c) makes them an ID unless a name follows. The hard
 * keywords are and, or, not, in, is, null, true and false. */

%name casc_Parse
%token_prefix TK_
%token_type {casc_token}
%extra_context {casc_parse_ctx *ctx}
%stack_size 0
%start_symbol rule

%include {
#include <assert.h>
#include <stdlib.h>

#include "ast_build.h"

static const casc_token NO_TOKEN = {0, 0};
}

%syntax_error {
    /* Which tokens the current state accepts, without following fallbacks,
     * so the message can say what a rule author should write here. */
    unsigned char expected[YYNTOKEN];
    YYACTIONTYPE state = yypParser->yytos->stateno;
    for (int t = 0; t < YYNTOKEN; t++) {
        expected[t] = 0;
        if (state <= YY_MAX_SHIFT) {
            int i = yy_shift_ofst[state] + t;
            expected[t] = i < (int)YY_NLOOKAHEAD && yy_lookahead[i] == t &&
                          yy_action[i] != YY_ERROR_ACTION;
        }
    }
    casc_syntax_error(ctx, yymajor, yyminor, expected, YYNTOKEN);
}

%stack_overflow { casc_parse_out_of_memory(ctx); }

/* Token order: the hard keywords, then every soft keyword, then the rest
 * (ID, QID first); compiler/parse.c relies on these ranges. */
%token AND OR NOT IN IS NULL TRUE FALSE.
%token FIRST LAST WHERE COUNT DISTINCT SUM AVG MIN MAX SEGMENT BETWEEN CONTAINS ANY ALL
       STARTS ENDS WITH LIKE MATCHES EMPTY THE WITHIN THIS PREVIOUS NEXT TODAY YESTERDAY
       SINCE AFTER BEFORE NOW AGO FROM UNIT.
%token ID QID STRING NUMBER DATE TIMESTAMP LP RP COMMA DOT EQ NE LT LE GT GE.

%fallback ID FIRST LAST WHERE COUNT DISTINCT SUM AVG MIN MAX SEGMENT BETWEEN CONTAINS ANY ALL
             STARTS ENDS WITH LIKE MATCHES EMPTY THE WITHIN THIS PREVIOUS NEXT TODAY YESTERDAY
             SINCE AFTER BEFORE NOW AGO FROM UNIT.

%left OR.
%left AND.
%right NOT.

rule ::= expr(X).                         { ctx->root = X; }

%type expr {casc_node *}
expr(A) ::= expr(X) OR expr(Y).           { A = casc_build_chain(ctx, CASC_N_OR, X, Y); }
expr(A) ::= expr(X) AND expr(Y).          { A = casc_build_chain(ctx, CASC_N_AND, X, Y); }
expr(A) ::= NOT(T) expr(X).               { A = casc_build_not(ctx, T, X); }
expr(A) ::= LP expr(X) RP.                { A = X; }
expr(A) ::= cond(X).                      { A = X; }

/* ---- conditions ---- */
%type cond {casc_node *}
cond(A) ::= TRUE(T).                      { A = casc_build_const(ctx, CASC_N_TRUE, T); }
cond(A) ::= FALSE(T).                     { A = casc_build_const(ctx, CASC_N_FALSE, T); }
cond(A) ::= IN(I) SEGMENT STRING(S).      { A = casc_build_segment(ctx, I, S); }
cond(A) ::= cmp(X).                       { A = X; }
cond(A) ::= qname(N).                     { A = casc_build_subject(ctx, CASC_PICK_NONE, NO_TOKEN, &N, NULL); }
cond(A) ::= qname(N) tail(T).             { A = casc_build_subject(ctx, CASC_PICK_NONE, NO_TOKEN, &N, &T); }
cond(A) ::= FIRST(F) qname(N).            { A = casc_build_subject(ctx, CASC_PICK_FIRST, F, &N, NULL); }
cond(A) ::= FIRST(F) qname(N) tail(T).    { A = casc_build_subject(ctx, CASC_PICK_FIRST, F, &N, &T); }
cond(A) ::= LAST(F) qname(N).             { A = casc_build_subject(ctx, CASC_PICK_LAST, F, &N, NULL); }
cond(A) ::= LAST(F) qname(N) tail(T).     { A = casc_build_subject(ctx, CASC_PICK_LAST, F, &N, &T); }

/* Comparisons on one name: attribute conditions, and the unparenthesized
 * filter of a behavior. A positive `between` is not here: after a name it
 * is a window (see tail), which the builder folds back into a range. */
%type cmp {casc_node *}
cmp(A) ::= qname(N) cmpop(O) value(V).    { A = casc_build_compare(ctx, &N, O, &V); }
cmp(A) ::= qname(N) IN LP values(L) RP(R).      { A = casc_build_in(ctx, &N, false, L, R); }
cmp(A) ::= qname(N) NOT IN LP values(L) RP(R).  { A = casc_build_in(ctx, &N, true, L, R); }
cmp(A) ::= qname(N) NOT BETWEEN value(X) AND value(Y). { A = casc_build_between(ctx, &N, true, &X, &Y); }
cmp(A) ::= qname(N) IS NULL(E).           { A = casc_build_is(ctx, &N, CASC_N_IS_NULL, false, E); }
cmp(A) ::= qname(N) IS NOT NULL(E).       { A = casc_build_is(ctx, &N, CASC_N_IS_NULL, true, E); }
cmp(A) ::= qname(N) IS EMPTY(E).          { A = casc_build_is(ctx, &N, CASC_N_IS_EMPTY, false, E); }
cmp(A) ::= qname(N) IS NOT EMPTY(E).      { A = casc_build_is(ctx, &N, CASC_N_IS_EMPTY, true, E); }
cmp(A) ::= qname(N) match(M) value(V).    { A = casc_build_match(ctx, &N, M, &V); }
cmp(A) ::= qname(N) CONTAINS ANY LP values(L) RP(R).     { A = casc_build_contains_set(ctx, &N, false, false, L, R); }
cmp(A) ::= qname(N) CONTAINS ALL LP values(L) RP(R).     { A = casc_build_contains_set(ctx, &N, true, false, L, R); }
cmp(A) ::= qname(N) NOT CONTAINS ANY LP values(L) RP(R). { A = casc_build_contains_set(ctx, &N, false, true, L, R); }
cmp(A) ::= qname(N) NOT CONTAINS ALL LP values(L) RP(R). { A = casc_build_contains_set(ctx, &N, true, true, L, R); }

%type cmpop {int}
cmpop(A) ::= EQ.                          { A = CASC_OP_EQ; }
cmpop(A) ::= NE.                          { A = CASC_CMP_NE; }
cmpop(A) ::= LT.                          { A = CASC_OP_LT; }
cmpop(A) ::= LE.                          { A = CASC_OP_LE; }
cmpop(A) ::= GT.                          { A = CASC_OP_GT; }
cmpop(A) ::= GE.                          { A = CASC_OP_GE; }

/* A casc_match, plus CASC_CMP_NE when negated. */
%type match {int}
match(A) ::= CONTAINS.                    { A = CASC_MATCH_CONTAINS; }
match(A) ::= NOT CONTAINS.                { A = CASC_MATCH_CONTAINS | CASC_CMP_NE; }
match(A) ::= STARTS WITH.                 { A = CASC_MATCH_STARTS_WITH; }
match(A) ::= NOT STARTS WITH.             { A = CASC_MATCH_STARTS_WITH | CASC_CMP_NE; }
match(A) ::= ENDS WITH.                   { A = CASC_MATCH_ENDS_WITH; }
match(A) ::= NOT ENDS WITH.               { A = CASC_MATCH_ENDS_WITH | CASC_CMP_NE; }
match(A) ::= LIKE.                        { A = CASC_MATCH_LIKE; }
match(A) ::= NOT LIKE.                    { A = CASC_MATCH_LIKE | CASC_CMP_NE; }
match(A) ::= MATCHES.                     { A = CASC_MATCH_MATCHES; }
match(A) ::= NOT MATCHES.                 { A = CASC_MATCH_MATCHES | CASC_CMP_NE; }

/* ---- names ---- */
%type name {casc_name}
name(A) ::= ID(T).                        { A = casc_build_name(ctx, T, false); }
name(A) ::= QID(T).                       { A = casc_build_name(ctx, T, true); }

%type qname {casc_qname}
qname(A) ::= name(N).                     { A = casc_build_qname(NULL, &N); }
qname(A) ::= name(Q) DOT name(N).         { A = casc_build_qname(&Q, &N); }

/* ---- behavior clauses, in the order where, MEASURE, window ---- */
%type tail {casc_tail}
tail(A) ::= filter(F).                    { A = (casc_tail){F, NULL, NULL}; }
tail(A) ::= filter(F) window(W).          { A = (casc_tail){F, NULL, W}; }
tail(A) ::= filter(F) measure(M).         { A = (casc_tail){F, M, NULL}; }
tail(A) ::= filter(F) measure(M) window(W). { A = (casc_tail){F, M, W}; }
tail(A) ::= measure(M).                   { A = (casc_tail){NULL, M, NULL}; }
tail(A) ::= measure(M) window(W).         { A = (casc_tail){NULL, M, W}; }
tail(A) ::= window(W).                    { A = (casc_tail){NULL, NULL, W}; }

%type filter {casc_node *}
filter(A) ::= WHERE LP expr(X) RP.        { A = X; }
filter(A) ::= WHERE cmp(X).               { A = X; }
filter(A) ::= WHERE qname(N) BETWEEN value(X) AND value(Y). { A = casc_build_between(ctx, &N, false, &X, &Y); }

%type measure {casc_measure *}
measure(A) ::= mkind(M) cmpop(O) NUMBER(N).            { A = casc_build_measure_cmp(ctx, M, O, N); }
measure(A) ::= mkind(M) BETWEEN NUMBER(X) AND NUMBER(Y). { A = casc_build_measure_between(ctx, M, X, Y); }

%type mkind {casc_measure *}
mkind(A) ::= COUNT(T).                                  { A = casc_build_measure(ctx, CASC_M_COUNT, T, NULL, T); }
mkind(A) ::= COUNT(T) DISTINCT LP qname(F) RP(E).       { A = casc_build_measure(ctx, CASC_M_COUNT_DISTINCT, T, &F, E); }
mkind(A) ::= SUM(T) LP qname(F) RP(E).                  { A = casc_build_measure(ctx, CASC_M_SUM, T, &F, E); }
mkind(A) ::= AVG(T) LP qname(F) RP(E).                  { A = casc_build_measure(ctx, CASC_M_AVG, T, &F, E); }
mkind(A) ::= MIN(T) LP qname(F) RP(E).                  { A = casc_build_measure(ctx, CASC_M_MIN, T, &F, E); }
mkind(A) ::= MAX(T) LP qname(F) RP(E).                  { A = casc_build_measure(ctx, CASC_M_MAX, T, &F, E); }

/* ---- windows (spec §5) ---- */
%type window {casc_window *}
window(A) ::= IN(S) LAST NUMBER(N) UNIT(E).      { A = casc_build_window_n(ctx, CASC_W_LAST_N, S, N, E); }
window(A) ::= IN(S) THE LAST NUMBER(N) UNIT(E).  { A = casc_build_window_n(ctx, CASC_W_LAST_N, S, N, E); }
window(A) ::= WITHIN(S) NUMBER(N) UNIT(E).       { A = casc_build_window_n(ctx, CASC_W_LAST_N, S, N, E); }
window(A) ::= LAST(S) NUMBER(N) UNIT(E).         { A = casc_build_window_n(ctx, CASC_W_LAST_N, S, N, E); }
window(A) ::= IN(S) NEXT NUMBER(N) UNIT(E).      { A = casc_build_window_n(ctx, CASC_W_NEXT_N, S, N, E); }
window(A) ::= IN(S) THE NEXT NUMBER(N) UNIT(E).  { A = casc_build_window_n(ctx, CASC_W_NEXT_N, S, N, E); }
window(A) ::= IN(S) LAST UNIT(E).                { A = casc_build_window_ambiguous(ctx, S, E); }
window(A) ::= IN(S) THE LAST UNIT(E).            { A = casc_build_window_ambiguous(ctx, S, E); }
window(A) ::= THIS(S) UNIT(E).                   { A = casc_build_window_unit(ctx, CASC_W_THIS, S, E); }
window(A) ::= PREVIOUS(S) UNIT(E).               { A = casc_build_window_unit(ctx, CASC_W_PREVIOUS, S, E); }
window(A) ::= LAST(S) UNIT(E).                   { A = casc_build_window_unit(ctx, CASC_W_PREVIOUS, S, E); }
window(A) ::= NEXT(S) UNIT(E).                   { A = casc_build_window_unit(ctx, CASC_W_NEXT, S, E); }
window(A) ::= TODAY(T).                                  { A = casc_build_window_day(ctx, CASC_W_TODAY, T); }
window(A) ::= YESTERDAY(T).                              { A = casc_build_window_day(ctx, CASC_W_YESTERDAY, T); }
window(A) ::= BETWEEN(S) value(X) AND value(Y).          { A = casc_build_window_time(ctx, CASC_W_BETWEEN, S, &X, &Y); }
window(A) ::= SINCE(S) time(X).                          { A = casc_build_window_time(ctx, CASC_W_SINCE, S, &X, NULL); }
window(A) ::= AFTER(S) time(X).                          { A = casc_build_window_time(ctx, CASC_W_AFTER, S, &X, NULL); }
window(A) ::= BEFORE(S) time(X).                         { A = casc_build_window_time(ctx, CASC_W_BEFORE, S, &X, NULL); }

/* ---- values ---- */
%type value {casc_value}
value(A) ::= time(T).                     { A = T; }
value(A) ::= NUMBER(T).                   { casc_build_value(ctx, TK_NUMBER, T, &A); }
value(A) ::= TRUE(T).                     { casc_build_value(ctx, TK_TRUE, T, &A); }
value(A) ::= FALSE(T).                    { casc_build_value(ctx, TK_FALSE, T, &A); }
value(A) ::= NULL(T).                     { casc_build_value(ctx, TK_NULL, T, &A); }

/* What may stand for a time T (spec §5); a string is checked to be a time
 * by the resolver, which knows whether it is one. `before`, `after` and
 * `since` take only these, so `x before 3` says a unit is missing. */
%type time {casc_value}
time(A) ::= STRING(T).                    { casc_build_value(ctx, TK_STRING, T, &A); }
time(A) ::= DATE(T).                      { casc_build_value(ctx, TK_DATE, T, &A); }
time(A) ::= TIMESTAMP(T).                 { casc_build_value(ctx, TK_TIMESTAMP, T, &A); }
time(A) ::= NOW(T).                       { casc_build_value(ctx, TK_NOW, T, &A); }
time(A) ::= TODAY(T).                     { casc_build_value(ctx, TK_TODAY, T, &A); }
time(A) ::= YESTERDAY(T).                 { casc_build_value(ctx, TK_YESTERDAY, T, &A); }
time(A) ::= NUMBER(N) UNIT(U) AGO(E).     { casc_build_relative(ctx, CASC_V_AGO, N, U, E, &A); }
time(A) ::= NUMBER(N) UNIT(U) FROM NOW(E). { casc_build_relative(ctx, CASC_V_FROM_NOW, N, U, E, &A); }

%type values {casc_values *}
values(A) ::= value(V).                   { A = casc_build_values(ctx, NULL, &V); }
values(A) ::= values(L) COMMA value(V).   { A = casc_build_values(ctx, L, &V); }
