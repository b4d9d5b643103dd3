/* lexer.h - the rule language's tokens (../shared/spec/rule-language.md §1).
 *
 * The lexer (grammar/lexer.re) returns the parser's own TK_* codes, defined
 * in the lemon-generated parser.h. A token is a byte range of the source;
 * nothing is copied until the parser builds the AST. */
#ifndef CASC_LEXER_H
#define CASC_LEXER_H

#include <stdint.h>

typedef struct casc_token {
    uint32_t off, len;
} casc_token;

typedef struct casc_lexer {
    const char *text; /* text[len] must be '\0' (the source's NUL): re2c's end check */
    uint32_t len, pos;
} casc_lexer;

/* Lexical errors, returned as negative codes; tok covers the bad text. */
enum casc_lex_error {
    CASC_LEX_BAD_CHAR = -1,
    CASC_LEX_UNTERMINATED_STRING = -2,
    CASC_LEX_UNTERMINATED_NAME = -3,
    CASC_LEX_BAD_NUMBER = -4,
    CASC_LEX_BAD_TIME = -5,
    CASC_LEX_EMPTY_NAME = -6,
};

/* Next token: a TK_* code (> 0), 0 at the end of input, or a negative
 * casc_lex_error. */
int casc_lex(casc_lexer *lx, casc_token *tok);

#endif
