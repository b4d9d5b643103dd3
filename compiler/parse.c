/* parse.c - the parse driver, written by hand: it checks the text, feeds
 * tokens from the lexer to the parser built from grammar/parser.y, and turns
 * lexical and syntax errors into messages in the rule author's words. */
#include "parse.h"

#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "ast_build.h"
#include "lexer.h"
#include "parser.h"
#include "timelit.h"

/* The lemon-generated entry points (grammar/parser.y, %name casc_Parse). */
void *casc_ParseAlloc(void *(*mallocProc)(size_t), casc_parse_ctx *ctx);
void casc_ParseFree(void *p, void (*freeProc)(void *));
void casc_Parse(void *p, int code, casc_token tok);

/* Token codes run from 0 (the end) to TK_GE. */
enum { NTOKENS = TK_GE + 1 };

/* Keywords and punctuation by token code, as a rule author writes them. */
static const char *const token_words[NTOKENS] = {
    [TK_AND] = "and", [TK_OR] = "or", [TK_NOT] = "not", [TK_IN] = "in", [TK_IS] = "is",
    [TK_NULL] = "null", [TK_TRUE] = "true", [TK_FALSE] = "false", [TK_FIRST] = "first",
    [TK_LAST] = "last", [TK_WHERE] = "where", [TK_COUNT] = "count", [TK_DISTINCT] = "distinct",
    [TK_SUM] = "sum", [TK_AVG] = "avg", [TK_MIN] = "min", [TK_MAX] = "max",
    [TK_SEGMENT] = "segment", [TK_BETWEEN] = "between", [TK_CONTAINS] = "contains",
    [TK_ANY] = "any", [TK_ALL] = "all", [TK_STARTS] = "starts with", [TK_ENDS] = "ends with",
    [TK_WITH] = "with", [TK_LIKE] = "like", [TK_MATCHES] = "matches", [TK_EMPTY] = "empty",
    [TK_THE] = "the", [TK_WITHIN] = "within", [TK_THIS] = "this", [TK_PREVIOUS] = "previous",
    [TK_NEXT] = "next", [TK_TODAY] = "today", [TK_YESTERDAY] = "yesterday",
    [TK_SINCE] = "since", [TK_AFTER] = "after", [TK_BEFORE] = "before", [TK_NOW] = "now",
    [TK_AGO] = "ago", [TK_FROM] = "from", [TK_LP] = "(", [TK_RP] = ")", [TK_COMMA] = ",",
    [TK_DOT] = ".", [TK_EQ] = "=", [TK_NE] = "!=", [TK_LT] = "<", [TK_LE] = "<=", [TK_GT] = ">",
    [TK_GE] = ">=",
};

static bool is_hard_keyword(int code)
{
    return code >= TK_AND && code <= TK_FALSE;
}

static bool is_comparison(int code)
{
    return code >= TK_EQ && code <= TK_GE;
}

/* A token as written: strings and quoted names with their own quotes,
 * anything else in single quotes; long ones shortened. */
static void show_token(casc_strbuf *sb, const casc_parse_ctx *ctx, int code, casc_token t)
{
    enum { MAX_SHOWN = 24 };
    const char *s = ctx->src->text + t.off;
    char close = code == TK_STRING ? '\'' : code == TK_QID ? '"' : 0;
    const char *q = close ? "" : "'";
    if (t.len <= MAX_SHOWN) {
        casc_sb_printf(sb, "%s%.*s%s", q, (int)t.len, s, q);
        return;
    }
    uint32_t n = 0;
    while (n < MAX_SHOWN - 4)
        n += (uint32_t)casc_utf8_len(s + n);
    casc_sb_printf(sb, "%s%.*s...", q, (int)n, s);
    if (close)
        casc_sb_putc(sb, close);
    else
        casc_sb_puts(sb, q);
}

static void describe_found(casc_strbuf *sb, const casc_parse_ctx *ctx, int code, casc_token t)
{
    if (code == 0) {
        casc_sb_puts(sb, "the end of the rule");
        return;
    }
    if (code == TK_STRING)
        casc_sb_puts(sb, "the string ");
    else if (code == TK_QID)
        casc_sb_puts(sb, "the quoted name ");
    show_token(sb, ctx, code, t);
}

/* Take a group of expected tokens: when every token of `need` is
 * expected, clear them and the group's other tokens (`also`). */
static bool take(unsigned char *ex, const int *need, const int *also)
{
    for (const int *t = need; *t; t++)
        if (!ex[*t])
            return false;
    for (const int *t = need; *t; t++)
        ex[*t] = 0;
    for (const int *t = also; *t; t++)
        ex[*t] = 0;
    return true;
}

/* What the parser would accept, in a rule author's words: groups of tokens
 * as one phrase ("a value"), then what is left one by one. */
static void describe_expected(casc_strbuf *sb, unsigned char *ex)
{
    static const struct group {
        int need[4], also[16];
        const char *phrase;
    } groups[] = {
        {{TK_NOT, TK_LP, TK_ID},
         {TK_QID, TK_TRUE, TK_FALSE, TK_IN, TK_FIRST, TK_LAST},
         "a condition"},
        {{TK_STRING, TK_NUMBER, TK_TRUE},
         {TK_DATE, TK_TIMESTAMP, TK_FALSE, TK_NOW, TK_TODAY, TK_YESTERDAY, TK_NULL},
         "a value"},
        {{TK_DATE, TK_NOW},
         {TK_STRING, TK_NUMBER, TK_TIMESTAMP, TK_TODAY, TK_YESTERDAY},
         "a time such as 2026-03-30, now or 30 days ago"},
        {{TK_EQ, TK_IN},
         {TK_NE, TK_LT, TK_LE, TK_GT, TK_GE, TK_NOT, TK_IS, TK_BETWEEN, TK_CONTAINS, TK_STARTS,
          TK_ENDS, TK_LIKE, TK_MATCHES},
         "an operator such as '=', 'in', 'is null' or 'contains'"},
        {{TK_EQ, TK_BETWEEN},
         {TK_NE, TK_LT, TK_LE, TK_GT, TK_GE},
         "a comparison such as '>= 3' or 'between 1 and 5'"},
        {{TK_NUMBER}, {0}, "a number"},
        {{TK_UNIT}, {0}, "a time unit (minute, hour, day, week, month, quarter or year)"},
        {{TK_ID}, {TK_QID}, "a name"},
        {{TK_STRING}, {0}, "a string in single quotes"},
    };
    /* Phrases stand as they are; keywords and punctuation are quoted. */
    struct item {
        const char *text;
        bool quoted;
    } items[NTOKENS + 1];
    int n = 0;
    for (size_t g = 0; g < sizeof groups / sizeof *groups; g++)
        if (take(ex, groups[g].need, groups[g].also))
            items[n++] = (struct item){groups[g].phrase, false};
    for (int t = 1; t < NTOKENS; t++)
        if (ex[t] && token_words[t])
            items[n++] = (struct item){token_words[t], true};
    if (ex[0])
        items[n++] = (struct item){"the end of the rule", false};
    for (int i = 0; i < n; i++) {
        if (i)
            casc_sb_puts(sb, i + 1 == n ? " or " : ", ");
        casc_sb_printf(sb, items[i].quoted ? "'%s'" : "%s", items[i].text);
    }
    if (!n)
        casc_sb_puts(sb, "something else");
}

/* The next token after t, for hints that depend on what follows. */
static int next_code(const casc_parse_ctx *ctx, casc_token t)
{
    casc_lexer lx = {ctx->src->text, (uint32_t)ctx->src->len, t.off + t.len};
    casc_token next;
    return casc_lex(&lx, &next);
}

static void keyword_hint(casc_strbuf *sb, const casc_parse_ctx *ctx, casc_token t)
{
    const char *s = ctx->src->text + t.off;
    casc_sb_printf(sb, "; '%.*s' is a keyword: to use it as a name, write it in double quotes: "
                   "\"%.*s\"",
                   (int)t.len, s, (int)t.len, s);
}

/* A last sentence for mistakes a rule author is likely to make. */
static void add_hint(casc_strbuf *sb, const casc_parse_ctx *ctx, int code, casc_token tok,
                     const unsigned char *ex)
{
    const char *s = ctx->src->text;
    /* `is = 1`, `in = 'x'`, `true = 1`: a hard keyword meant as a name. */
    if (is_hard_keyword(code) && is_comparison(next_code(ctx, tok)))
        keyword_hint(sb, ctx, tok);
    else if (is_comparison(code) && ctx->prev_code >= TK_IN && ctx->prev_code <= TK_FALSE)
        keyword_hint(sb, ctx, ctx->prev);
    else if ((code == TK_ID || code == TK_QID) && ctx->prev_code == TK_SEGMENT)
        casc_sb_printf(sb, "; write in segment '%.*s'", (int)tok.len - (code == TK_QID) * 2,
                       s + tok.off + (code == TK_QID));
    else if (code == TK_QID && ex[TK_STRING])
        casc_sb_printf(sb, "; text values are written in single quotes: '%.*s'",
                       (int)tok.len - 2, s + tok.off + 1);
    else if (code == TK_DOT && (ctx->prev_code == TK_ID || ctx->prev_code == TK_QID))
        casc_sb_puts(sb, "; a qualified name has one dot: behavior.field");
    else if ((code == TK_WHERE || (code >= TK_COUNT && code <= TK_MAX && code != TK_DISTINCT)) &&
             ex[TK_AND])
        casc_sb_puts(sb, "; a behavior's clauses come in this order: where, then count, sum, "
                         "avg, min or max, then the time window");
}

void casc_syntax_error(casc_parse_ctx *ctx, int code, casc_token tok,
                       const unsigned char *expected, int ntok)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_span at = {tok.off, tok.off + tok.len};
    unsigned char ex[NTOKENS] = {0};
    memcpy(ex, expected, (size_t)(ntok < NTOKENS ? ntok : NTOKENS));
    if (code == TK_RP && ctx->nopen == 0) {
        casc_sb_puts(&sb, "this ')' has no '(' to close");
    } else if (code == 0 && ex[TK_RP] && ctx->nopen > 0 && (ex[TK_AND] || ex[TK_OR])) {
        uint32_t lp = ctx->open_parens[ctx->nopen - 1];
        casc_linecol lc = casc_source_linecol(ctx->src, lp);
        casc_sb_printf(&sb, "expected ')' to close the '(' at line %u, column %u", lc.line, lc.col);
    } else {
        if (ctx->prev_code == TK_WHERE)
            casc_sb_puts(&sb, "expected a filter after 'where' (one comparison such as "
                              "amount > 100, or conditions in parentheses)");
        else if (ctx->prev_code == TK_SEGMENT && ex[TK_STRING])
            casc_sb_puts(&sb, "expected the segment's name in single quotes after 'segment'");
        else {
            casc_sb_puts(&sb, "expected ");
            describe_expected(&sb, ex);
            if (ctx->prev_code) {
                casc_sb_puts(&sb, " after ");
                show_token(&sb, ctx, ctx->prev_code, ctx->prev);
            }
        }
        casc_sb_puts(&sb, ", found ");
        describe_found(&sb, ctx, code, tok);
        add_hint(&sb, ctx, code, tok, expected);
    }
    if (code == 0 && ctx->prev_code) /* point just past the last token */
        at = (casc_span){ctx->prev.off + ctx->prev.len, ctx->prev.off + ctx->prev.len};
    casc_parse_error(ctx, at, "%s", casc_sb_str(&sb));
    casc_sb_free(&sb);
}

/* The bare word around offset `at`: name characters and any non-ASCII. */
static casc_token word_at(const casc_source *src, uint32_t at)
{
    uint32_t b = at, e = at;
    while (b > 0 && (isalnum((unsigned char)src->text[b - 1]) || src->text[b - 1] == '_' ||
                     (unsigned char)src->text[b - 1] >= 0x80))
        b--;
    while (e < src->len && (isalnum((unsigned char)src->text[e]) || src->text[e] == '_' ||
                            (unsigned char)src->text[e] >= 0x80))
        e++;
    return (casc_token){b, e - b};
}

static void bad_char(casc_parse_ctx *ctx, casc_token t)
{
    casc_span at = {t.off, t.off + t.len};
    const char *s = ctx->src->text + t.off;
    unsigned char c = (unsigned char)*s;
    /* Typographic quotes, as pasted from a word processor: U+2018, U+2019
     * and U+201C, U+201D. */
    if (t.len == 3 && memcmp(s, "\xe2\x80", 2) == 0 && (s[2] == '\x98' || s[2] == '\x99')) {
        casc_parse_error(ctx, at, "unexpected '%.3s': write strings with the plain quote ' "
                         "('Gold')", s);
    } else if (t.len == 3 && memcmp(s, "\xe2\x80", 2) == 0 &&
               (s[2] == '\x9c' || s[2] == '\x9d')) {
        casc_parse_error(ctx, at, "unexpected '%.3s': write quoted names with the plain "
                         "double quote \" (\"age range\")", s);
    } else if (c >= 0x80) {
        casc_token w = word_at(ctx->src, t.off);
        casc_parse_error(ctx, at,
                         "unexpected character '%.*s': a name with characters other than "
                         "A-Z, a-z, 0-9 and _ must be in double quotes: \"%.*s\"",
                         (int)t.len, s, (int)w.len, ctx->src->text + w.off);
    } else if (c == '!') {
        casc_parse_error(ctx, at, "unexpected '!': write != (or <>) for 'not equal', and not "
                         "before a condition to negate it");
    } else if (c >= 0x20 && c < 0x7f) {
        casc_parse_error(ctx, at, "unexpected character '%c'", c);
    } else {
        casc_parse_error(ctx, at, "unexpected control character 0x%02x", c);
    }
}

/* `30days`: a number run into a unit. */
static bool is_number_then_unit(const casc_parse_ctx *ctx, casc_token t)
{
    const char *s = ctx->src->text + t.off;
    uint32_t n = 0;
    while (n < t.len && s[n] >= '0' && s[n] <= '9')
        n++;
    casc_lexer lx = {ctx->src->text, (uint32_t)ctx->src->len, t.off + n};
    casc_token unit;
    return n > 0 && casc_lex(&lx, &unit) == TK_UNIT && unit.off + unit.len == t.off + t.len;
}

static void lex_error(casc_parse_ctx *ctx, int code, casc_token t)
{
    casc_span at = {t.off, t.off + t.len};
    const char *s = ctx->src->text + t.off;
    char why[96];
    casc_timelit tl;
    switch (code) {
    case CASC_LEX_UNTERMINATED_STRING:
        casc_parse_error(ctx, (casc_span){t.off, t.off + 1},
                         "unterminated string: this ' has no closing ' (write '' for a quote "
                         "inside a string)");
        break;
    case CASC_LEX_UNTERMINATED_NAME:
        casc_parse_error(ctx, (casc_span){t.off, t.off + 1},
                         "unterminated quoted name: this \" has no closing \" (write \"\" for a "
                         "quote inside a name)");
        break;
    case CASC_LEX_EMPTY_NAME:
        casc_parse_error(ctx, at, "a quoted name cannot be empty");
        break;
    case CASC_LEX_BAD_NUMBER:
        if (is_number_then_unit(ctx, t))
            casc_parse_error(ctx, at, "invalid number '%.*s': put a space between the number "
                             "and the unit",
                             (int)t.len, s);
        else
            casc_parse_error(ctx, at,
                             "invalid number '%.*s': write digits with an optional fraction "
                             "and exponent, such as 42, -3, 19.99 or 1e6",
                             (int)t.len, s);
        break;
    case CASC_LEX_BAD_TIME:
        /* The lexer only knows the shape; say what exactly is wrong. */
        if (casc_timelit_parse(s, t.len, &tl, why, sizeof why))
            snprintf(why, sizeof why, "expected a date YYYY-MM-DD or a timestamp "
                     "YYYY-MM-DDThh:mm:ss");
        casc_parse_error(ctx, at, "invalid time literal '%.*s': %s", (int)t.len, s, why);
        break;
    default:
        bad_char(ctx, t);
        break;
    }
}

bool casc_rule_text_ok(const casc_source *src, casc_diags *d)
{
    if (src->len > CASC_MAX_RULE_BYTES) {
        casc_diag_add(d, CASC_SEV_ERROR, src, CASC_NO_SPAN, CASC_NO_SPAN,
                      "the rule is %zu bytes long; the limit is %u bytes (16 MiB)", src->len,
                      CASC_MAX_RULE_BYTES);
        return false;
    }
    int nul;
    size_t bad = casc_utf8_find_invalid(src->text, src->len, &nul);
    if (bad < src->len) {
        uint32_t at = (uint32_t)bad;
        if (nul)
            casc_diag_add(d, CASC_SEV_ERROR, src, at, at + 1, "the rule contains a NUL byte");
        else
            casc_diag_add(d, CASC_SEV_ERROR, src, at, at + 1,
                          "invalid UTF-8: byte 0x%02x cannot start or continue a character here",
                          (unsigned)(unsigned char)src->text[bad]);
        return false;
    }
    return true;
}

/* Track the '(' still open and runs of `not`, so that neither can grow
 * the parser's stack without bound. A ')' is counted off once parsed, so
 * that a syntax error on it still sees its '(' open. */
static bool check_nesting(casc_parse_ctx *ctx, int code, casc_token t, uint32_t *not_run)
{
    if (code == TK_LP) {
        if (ctx->nopen == CASC_MAX_PARENS) {
            casc_parse_error(ctx, (casc_span){t.off, t.off + 1},
                             "too many nested parentheses: at most %u may be open at once",
                             CASC_MAX_PARENS);
            return false;
        }
        if (ctx->nopen == ctx->open_cap) { /* grown as needed: most rules open few */
            uint32_t cap = ctx->open_cap ? 2 * ctx->open_cap : 16;
            uint32_t *grown = casc_arena_grow(ctx->arena, ctx->open_parens,
                                              ctx->nopen * sizeof *grown, cap * sizeof *grown);
            if (!grown) {
                casc_parse_out_of_memory(ctx);
                return false;
            }
            ctx->open_parens = grown;
            ctx->open_cap = cap;
        }
        ctx->open_parens[ctx->nopen++] = t.off;
        return true;
    }
    *not_run = code == TK_NOT ? *not_run + 1 : 0;
    if (*not_run > CASC_MAX_DEPTH) {
        casc_parse_error(ctx, (casc_span){t.off, t.off + t.len},
                         CASC_DEPTH_ERROR,
                         CASC_MAX_DEPTH);
        return false;
    }
    return true;
}

/* `first` and `last` open a condition as picks (`first purchase`), but an
 * attribute or behavior may also be named so (`last = 'Smith'`): there,
 * the word is a name unless a name follows it. Soft keywords, ID and QID
 * are consecutive token codes (grammar/parser.y). */
static int pick_or_name(const casc_parse_ctx *ctx, int code, casc_token t)
{
    static const unsigned char opens_condition[NTOKENS] = {
        [0] = 1, [TK_AND] = 1, [TK_OR] = 1, [TK_NOT] = 1, [TK_LP] = 1, [TK_WHERE] = 1,
    };
    if ((code != TK_FIRST && code != TK_LAST) || !opens_condition[ctx->prev_code])
        return code;
    int next = next_code(ctx, t);
    return next >= TK_FIRST && next <= TK_QID ? code : TK_ID;
}

casc_node *casc_parse(casc_arena *arena, casc_arena *keep, const casc_source *src,
                      casc_diags *d)
{
    casc_parse_ctx ctx = {.arena = arena, .keep = keep, .src = src, .diags = d};
    if (!casc_rule_text_ok(src, d))
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
    void *parser = casc_ParseAlloc(malloc, &ctx);
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
        code = pick_or_name(&ctx, code, tok);
        if (!check_nesting(&ctx, code, tok, &not_run))
            break;
        casc_Parse(parser, code, tok);
        if (ctx.failed || code == 0)
            break;
        if (code == TK_RP && ctx.nopen > 0)
            ctx.nopen--;
        ctx.prev = tok;
        ctx.prev_code = code;
        code = casc_lex(&lx, &tok);
    }
    casc_ParseFree(parser, free);
    if (!ctx.failed && (casc_arena_failed(arena) || casc_arena_failed(keep)))
        casc_parse_out_of_memory(&ctx);
    return ctx.failed ? NULL : ctx.root;
}
