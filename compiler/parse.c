/* parse.c - the parse driver: checks the text, feeds tokens from the
 * lexer to the lemon parser, and turns lexical and syntax errors into
 * messages in the rule author's words. */
#include "parse.h"

#include <stdlib.h>
#include <string.h>

#include "ast_build.h"
#include "lexer.h"
#include "parser.h"

/* The lemon-generated entry points (grammar/parser.y, %name casc_Parse). */
void *casc_ParseAlloc(void *(*mallocProc)(size_t), casc_parse_ctx *ctx);
void casc_ParseFree(void *p, void (*freeProc)(void *));
void casc_Parse(void *p, int code, casc_token tok);

/* How a token is named in messages. */
static const char *token_phrase(int code)
{
    switch (code) {
    case 0: return "the end of the rule";
    case TK_ID: return "a name";
    case TK_QID: return "a quoted name";
    case TK_STRING: return "a string";
    case TK_NUMBER: return "a number";
    case TK_DATE: return "a date";
    case TK_TIMESTAMP: return "a timestamp";
    case TK_UNIT: return "a time unit";
    case TK_LP: return "'('";
    case TK_RP: return "')'";
    case TK_COMMA: return "','";
    case TK_DOT: return "'.'";
    case TK_EQ: return "'='";
    case TK_NE: return "'!='";
    case TK_LT: return "'<'";
    case TK_LE: return "'<='";
    case TK_GT: return "'>'";
    case TK_GE: return "'>='";
    default: return NULL; /* a keyword: quote its text */
    }
}

/* Append 'text' of a token, shortened when long. */
static void quote_token(casc_strbuf *sb, const casc_parse_ctx *ctx, casc_token t)
{
    enum { MAX_SHOWN = 24 };
    const char *s = ctx->src->text + t.off;
    if (t.len <= MAX_SHOWN) {
        casc_sb_printf(sb, "'%.*s'", (int)t.len, s);
        return;
    }
    uint32_t n = 0;
    while (n < MAX_SHOWN - 3)
        n += (uint32_t)casc_utf8_len(s + n);
    casc_sb_printf(sb, "'%.*s...'", (int)n, s);
}

static void describe_found(casc_strbuf *sb, const casc_parse_ctx *ctx, int code, casc_token t)
{
    const char *p = token_phrase(code);
    if (code == 0 || code == TK_STRING || code == TK_NUMBER || code == TK_ID || code == TK_QID ||
        code == TK_DATE || code == TK_TIMESTAMP || !p) {
        if (code == 0) {
            casc_sb_puts(sb, p);
            return;
        }
        if (p && code != TK_ID)
            casc_sb_printf(sb, "%s ", p);
        quote_token(sb, ctx, t);
        return;
    }
    casc_sb_puts(sb, p);
}

/* What the parser would accept, in a rule author's words. */
static void describe_expected(casc_strbuf *sb, const unsigned char *ex, int ntok)
{
    if (ex[TK_AND] || ex[TK_OR]) {
        casc_sb_puts(sb, ex[TK_EQ] ? "an operator such as '=' or 'in', or 'and', 'or'"
                                   : "'and', 'or'");
        casc_sb_puts(sb, ex[TK_RP] ? ", ')'" : "");
        casc_sb_puts(sb, ex[0] ? " or the end of the rule" : "");
    } else if (ex[TK_NOT] && ex[TK_LP] && ex[TK_ID]) {
        casc_sb_puts(sb, "a condition");
    } else if (ex[TK_STRING] && ex[TK_NUMBER]) {
        casc_sb_puts(sb, "a value");
    } else if (ex[TK_NUMBER] && !ex[TK_UNIT]) {
        casc_sb_puts(sb, "a number");
    } else if (ex[TK_UNIT] && !ex[TK_NUMBER]) {
        casc_sb_puts(sb, "a time unit (minute, hour, day, week, month, quarter or year)");
    } else if (ex[TK_ID] && ex[TK_QID]) {
        casc_sb_puts(sb, ex[TK_FIRST] ? "a behavior name" : "a name");
    } else if (ex[TK_STRING] && ex[TK_SEGMENT] == 0) {
        casc_sb_puts(sb, "a name in single quotes");
    } else {
        /* A short list of what fits. */
        static const char *const words[] = {
            [TK_IN] = "in", [TK_IS] = "is", [TK_NULL] = "null", [TK_TRUE] = "true",
            [TK_FALSE] = "false", [TK_LAST] = "last", [TK_NEXT] = "next", [TK_THE] = "the",
            [TK_WITH] = "with", [TK_SEGMENT] = "segment", [TK_DISTINCT] = "distinct",
            [TK_NOW] = "now", [TK_AGO] = "ago", [TK_FROM] = "from", [TK_AND] = "and",
            [TK_ANY] = "any", [TK_ALL] = "all", [TK_EMPTY] = "empty", [TK_CONTAINS] = "contains",
            [TK_STARTS] = "starts", [TK_ENDS] = "ends", [TK_LIKE] = "like",
            [TK_MATCHES] = "matches", [TK_BETWEEN] = "between",
        };
        int shown = 0, total = 0;
        for (int t = 0; t < ntok; t++)
            total += ex[t];
        for (int t = 0; t < ntok; t++) {
            if (!ex[t])
                continue;
            const char *p = token_phrase(t);
            if (shown)
                casc_sb_puts(sb, shown + 1 == total ? " or " : ", ");
            if (p)
                casc_sb_puts(sb, p);
            else if ((size_t)t < sizeof words / sizeof *words && words[t])
                casc_sb_printf(sb, "'%s'", words[t]);
            else
                casc_sb_puts(sb, "a keyword");
            shown++;
        }
        if (!shown)
            casc_sb_puts(sb, "something else");
    }
}

void casc_syntax_error(casc_parse_ctx *ctx, int code, casc_token tok, const unsigned char *ex,
                       int ntok)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_span at = {tok.off, tok.off + tok.len};
    if (code == TK_RP && ctx->nopen == 0) {
        casc_sb_puts(&sb, "this ')' has no '(' to close");
    } else if (code == 0 && ex[TK_RP] && ctx->nopen > 0 && (ex[TK_AND] || ex[TK_OR])) {
        uint32_t lp = ctx->open_parens[ctx->nopen - 1];
        casc_linecol lc = casc_source_linecol(ctx->src, lp);
        casc_sb_printf(&sb, "expected ')' to close the '(' at line %u, column %u", lc.line, lc.col);
    } else {
        casc_sb_puts(&sb, "expected ");
        describe_expected(&sb, ex, ntok);
        if (ctx->prev_code) {
            casc_sb_puts(&sb, " after ");
            quote_token(&sb, ctx, ctx->prev);
        }
        casc_sb_puts(&sb, ", found ");
        describe_found(&sb, ctx, code, tok);
    }
    if (code == 0 && ctx->prev_code) /* point just past the last token */
        at = (casc_span){ctx->prev.off + ctx->prev.len, ctx->prev.off + ctx->prev.len};
    casc_parse_error(ctx, at, "%s", casc_sb_str(&sb));
    casc_sb_free(&sb);
}

static void lex_error(casc_parse_ctx *ctx, int code, casc_token t)
{
    casc_span at = {t.off, t.off + t.len};
    const char *s = ctx->src->text + t.off;
    switch (code) {
    case CASC_LEX_UNTERMINATED_STRING:
        casc_parse_error(ctx, (casc_span){t.off, t.off + 1},
                         "unterminated string: this ' has no closing ' (write '' for a quote "
                         "inside a string)");
        break;
    case CASC_LEX_UNTERMINATED_NAME:
        casc_parse_error(ctx, (casc_span){t.off, t.off + 1},
                         "unterminated quoted name: this \" has no closing \"");
        break;
    case CASC_LEX_EMPTY_NAME:
        casc_parse_error(ctx, at, "a quoted name cannot be empty");
        break;
    case CASC_LEX_BAD_NUMBER:
        casc_parse_error(ctx, at,
                         "invalid number '%.*s': write digits with an optional fraction and "
                         "exponent, such as 42, -3, 19.99 or 1e6",
                         (int)t.len, s);
        break;
    case CASC_LEX_BAD_TIME:
        casc_parse_error(ctx, at,
                         "invalid time literal '%.*s': expected a date YYYY-MM-DD or a "
                         "timestamp YYYY-MM-DDThh:mm:ss",
                         (int)t.len, s);
        break;
    default:
        if ((unsigned char)*s >= 0x80)
            casc_parse_error(ctx, at,
                             "unexpected character '%.*s': names with characters other than "
                             "letters, digits and _ must be in double quotes",
                             (int)t.len, s);
        else if (*s == '"' || *s == '\'')
            casc_parse_error(ctx, at, "unexpected %c", *s);
        else if (*s >= 0x20 && *s < 0x7f)
            casc_parse_error(ctx, at, "unexpected character '%c'", *s);
        else
            casc_parse_error(ctx, at, "unexpected control character 0x%02x",
                             (unsigned)(unsigned char)*s);
        break;
    }
}

/* Reject what the lexer must never see: oversize text, NUL, bad UTF-8. */
static bool check_text(casc_parse_ctx *ctx)
{
    const casc_source *src = ctx->src;
    if (src->len > CASC_MAX_RULE_BYTES) {
        casc_parse_error(ctx, (casc_span){CASC_NO_SPAN, CASC_NO_SPAN},
                         "the rule is %zu bytes long; the limit is %u bytes (16 MiB)", src->len,
                         CASC_MAX_RULE_BYTES);
        return false;
    }
    int nul;
    size_t bad = casc_utf8_find_invalid(src->text, src->len, &nul);
    if (bad < src->len) {
        casc_span at = {(uint32_t)bad, (uint32_t)bad + 1};
        if (nul)
            casc_parse_error(ctx, at, "the rule contains a NUL byte");
        else
            casc_parse_error(ctx, at, "invalid UTF-8: byte 0x%02x cannot start or continue a "
                             "character here",
                             (unsigned)(unsigned char)src->text[bad]);
        return false;
    }
    return true;
}

/* Track the '(' still open and runs of `not`, so that neither can grow
 * the parser's stack without bound. */
static bool check_nesting(casc_parse_ctx *ctx, int code, casc_token t, uint32_t *not_run)
{
    if (code == TK_LP) {
        if (ctx->nopen == CASC_MAX_PARENS) {
            casc_parse_error(ctx, (casc_span){t.off, t.off + 1},
                             "too many nested parentheses: at most %u may be open at once",
                             CASC_MAX_PARENS);
            return false;
        }
        ctx->open_parens[ctx->nopen++] = t.off;
        return true;
    }
    if (code == TK_RP && ctx->nopen > 0)
        ctx->nopen--;
    *not_run = code == TK_NOT ? *not_run + 1 : 0;
    if (*not_run > CASC_MAX_DEPTH) {
        casc_parse_error(ctx, (casc_span){t.off, t.off + t.len},
                         "the rule nests too deeply: at most %u levels of 'and', 'or', 'not' and "
                         "'where' may be nested",
                         CASC_MAX_DEPTH);
        return false;
    }
    return true;
}

casc_node *casc_parse(casc_arena *arena, const casc_source *src, casc_diags *d)
{
    casc_parse_ctx ctx = {.arena = arena, .src = src, .diags = d};
    if (!check_text(&ctx))
        return NULL;
    casc_lexer lx = {src->text, (uint32_t)src->len, 0};
    casc_token tok;
    int code = casc_lex(&lx, &tok);
    if (code == 0) {
        casc_parse_error(&ctx, (casc_span){0, 0},
                         "the rule is empty: write a condition such as loyalty_tier = 'Gold', "
                         "or true for every profile");
        return NULL;
    }
    ctx.open_parens = casc_arena_alloc(arena, CASC_MAX_PARENS * sizeof *ctx.open_parens);
    void *parser = ctx.open_parens ? casc_ParseAlloc(malloc, &ctx) : NULL;
    if (!parser) {
        casc_parse_out_of_memory(&ctx);
        return NULL;
    }
    uint32_t not_run = 0;
    for (;;) {
        if (code < 0) {
            lex_error(&ctx, code, tok);
            break;
        }
        if (!check_nesting(&ctx, code, tok, &not_run))
            break;
        casc_Parse(parser, code, tok);
        if (ctx.failed || code == 0)
            break;
        ctx.prev = tok;
        ctx.prev_code = code;
        code = casc_lex(&lx, &tok);
    }
    casc_ParseFree(parser, free);
    if (!ctx.failed && casc_arena_failed(arena))
        casc_parse_out_of_memory(&ctx);
    return ctx.failed ? NULL : ctx.root;
}
