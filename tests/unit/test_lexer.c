/* test_lexer.c - token sequences for every token kind of spec §1. */
#include <stdlib.h>

#include "check.h"
#include "lexer.h"
#include "parser.h"
#include "strbuf.h"

static const char *code_name(int code)
{
    static const char *const names[] = {
        [TK_AND] = "AND", [TK_OR] = "OR", [TK_NOT] = "NOT", [TK_IN] = "IN", [TK_IS] = "IS",
        [TK_NULL] = "NULL", [TK_TRUE] = "TRUE", [TK_FALSE] = "FALSE", [TK_FIRST] = "FIRST",
        [TK_LAST] = "LAST", [TK_WHERE] = "WHERE", [TK_COUNT] = "COUNT",
        [TK_DISTINCT] = "DISTINCT", [TK_SUM] = "SUM", [TK_AVG] = "AVG", [TK_MIN] = "MIN",
        [TK_MAX] = "MAX", [TK_SEGMENT] = "SEGMENT", [TK_BETWEEN] = "BETWEEN",
        [TK_CONTAINS] = "CONTAINS", [TK_ANY] = "ANY", [TK_ALL] = "ALL", [TK_STARTS] = "STARTS",
        [TK_ENDS] = "ENDS", [TK_WITH] = "WITH", [TK_LIKE] = "LIKE", [TK_MATCHES] = "MATCHES",
        [TK_EMPTY] = "EMPTY", [TK_THE] = "THE", [TK_WITHIN] = "WITHIN", [TK_THIS] = "THIS",
        [TK_PREVIOUS] = "PREVIOUS", [TK_NEXT] = "NEXT", [TK_TODAY] = "TODAY",
        [TK_YESTERDAY] = "YESTERDAY", [TK_SINCE] = "SINCE", [TK_AFTER] = "AFTER",
        [TK_BEFORE] = "BEFORE", [TK_NOW] = "NOW", [TK_AGO] = "AGO", [TK_FROM] = "FROM",
        [TK_UNIT] = "UNIT", [TK_ID] = "ID", [TK_QID] = "QID", [TK_STRING] = "STRING",
        [TK_NUMBER] = "NUMBER", [TK_DATE] = "DATE", [TK_TIMESTAMP] = "TIMESTAMP", [TK_LP] = "LP",
        [TK_RP] = "RP", [TK_COMMA] = "COMMA", [TK_DOT] = "DOT", [TK_EQ] = "EQ", [TK_NE] = "NE",
        [TK_LT] = "LT", [TK_LE] = "LE", [TK_GT] = "GT", [TK_GE] = "GE",
    };
    switch (code) {
    case CASC_LEX_BAD_CHAR: return "!BAD_CHAR";
    case CASC_LEX_UNTERMINATED_STRING: return "!UNTERMINATED_STRING";
    case CASC_LEX_UNTERMINATED_NAME: return "!UNTERMINATED_NAME";
    case CASC_LEX_BAD_NUMBER: return "!BAD_NUMBER";
    case CASC_LEX_BAD_TIME: return "!BAD_TIME";
    case CASC_LEX_EMPTY_NAME: return "!EMPTY_NAME";
    default: break;
    }
    return code > 0 && (size_t)code < sizeof names / sizeof *names && names[code] ? names[code]
                                                                                  : "?";
}

/* The tokens of text[0..len) (text[len] is the NUL the lexer needs) as
 * "CODE:text CODE:text ...", up to the end or the first error. */
static char *lex_n(const char *text, size_t len)
{
    static char out[4096];
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_lexer lx = {text, (uint32_t)len, 0};
    casc_token t;
    for (int code; (code = casc_lex(&lx, &t)) != 0;) {
        if (sb.len)
            casc_sb_putc(&sb, ' ');
        casc_sb_printf(&sb, "%s:%.*s", code_name(code), (int)t.len, text + t.off);
        if (code < 0)
            break;
    }
    snprintf(out, sizeof out, "%s", casc_sb_str(&sb));
    casc_sb_free(&sb);
    return out;
}

static char *lex(const char *text)
{
    return lex_n(text, strlen(text));
}

/* Just the codes, for long lists of keywords. */
static char *codes(const char *text)
{
    static char out[4096];
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_lexer lx = {text, (uint32_t)strlen(text), 0};
    casc_token t;
    for (int code; (code = casc_lex(&lx, &t)) != 0;) {
        if (sb.len)
            casc_sb_putc(&sb, ' ');
        casc_sb_puts(&sb, code_name(code));
        if (code < 0)
            break;
    }
    snprintf(out, sizeof out, "%s", casc_sb_str(&sb));
    casc_sb_free(&sb);
    return out;
}

static void test_keywords(void)
{
    CHECK_STR(codes("and AND And aNd or OR not NOT in IN is null true false"),
              "AND AND AND AND OR OR NOT NOT IN IN IS NULL TRUE FALSE");
    CHECK_STR(codes("first last where count distinct sum avg min max segment between"),
              "FIRST LAST WHERE COUNT DISTINCT SUM AVG MIN MAX SEGMENT BETWEEN");
    CHECK_STR(codes("contains any all starts ends with like matches empty"),
              "CONTAINS ANY ALL STARTS ENDS WITH LIKE MATCHES EMPTY");
    CHECK_STR(codes("the within this previous next today yesterday since after before now ago "
                    "from"),
              "THE WITHIN THIS PREVIOUS NEXT TODAY YESTERDAY SINCE AFTER BEFORE NOW AGO FROM");
    CHECK_STR(codes("FIRST Where COUNT Distinct TODAY NoW"),
              "FIRST WHERE COUNT DISTINCT TODAY NOW");
    /* Every unit, singular and plural, in any case. */
    CHECK_STR(codes("minute minutes hour hours day days week weeks month months quarter "
                    "quarters year years DAYS Month"),
              "UNIT UNIT UNIT UNIT UNIT UNIT UNIT UNIT UNIT UNIT UNIT UNIT UNIT UNIT UNIT UNIT");
}

static void test_names(void)
{
    CHECK_STR(lex("loyalty_tier _x A9 x_1_"), "ID:loyalty_tier ID:_x ID:A9 ID:x_1_");
    /* Longest match: a keyword followed by name characters is a name. */
    CHECK_STR(codes("android order notify inside island nullable trueish daysago counts "
                    "first_purchase lastname"),
              "ID ID ID ID ID ID ID ID ID ID ID");
    CHECK_STR(lex("\"age range\" \"a\"\"b\" \"and\" \"\"\"\""),
              "QID:\"age range\" QID:\"a\"\"b\" QID:\"and\" QID:\"\"\"\"");
    CHECK_STR(lex("\"caf\xc3\xa9\" \"x -- y\""), "QID:\"caf\xc3\xa9\" QID:\"x -- y\"");
    CHECK_STR(lex("purchase.amount \"page view\".url a . b"),
              "ID:purchase DOT:. ID:amount QID:\"page view\" DOT:. ID:url ID:a DOT:. ID:b");
}

static void test_strings(void)
{
    CHECK_STR(lex("'Gold' '' 'it''s' ''''"), "STRING:'Gold' STRING:'' STRING:'it''s' STRING:''''");
    CHECK_STR(lex("'a\\b' 'x -- y' 'line\nbreak'"),
              "STRING:'a\\b' STRING:'x -- y' STRING:'line\nbreak'");
    CHECK_STR(lex("'\xe6\x97\xa5\xe6\x9c\xac'"), "STRING:'\xe6\x97\xa5\xe6\x9c\xac'");
    CHECK_STR(lex("a = '2026-03-30'"), "ID:a EQ:= STRING:'2026-03-30'");
}

static void test_numbers(void)
{
    CHECK_STR(lex("42 -3 19.99 1e6 -2.5E-3 1E+6 0 007"),
              "NUMBER:42 NUMBER:-3 NUMBER:19.99 NUMBER:1e6 NUMBER:-2.5E-3 NUMBER:1E+6 NUMBER:0 "
              "NUMBER:007");
    /* A sign binds to the number after an operator. */
    CHECK_STR(lex("a>-3"), "ID:a GT:> NUMBER:-3");
    CHECK_STR(lex("a<>-3"), "ID:a NE:<> NUMBER:-3");
    CHECK_STR(lex("12abc"), "!BAD_NUMBER:12abc");
    CHECK_STR(lex("1.2.3"), "!BAD_NUMBER:1.2.3");
    CHECK_STR(lex("1e"), "!BAD_NUMBER:1e");
    CHECK_STR(lex("0x1F"), "!BAD_NUMBER:0x1F");
    CHECK_STR(lex("30days"), "!BAD_NUMBER:30days");
    CHECK_STR(lex("5."), "!BAD_NUMBER:5.");
    CHECK_STR(lex(".5"), "!BAD_NUMBER:.5");
    CHECK_STR(lex("-.5e3"), "!BAD_NUMBER:-.5e3");
    CHECK_STR(lex("a = - 3"), "ID:a EQ:= !BAD_CHAR:-");
}

static void test_times(void)
{
    CHECK_STR(lex("2026-03-30"), "DATE:2026-03-30");
    CHECK_STR(lex("2026-03-30T10:30:00"), "TIMESTAMP:2026-03-30T10:30:00");
    CHECK_STR(lex("2026-03-30T10:30:00.123 2026-03-30t10:30:00.123456789"),
              "TIMESTAMP:2026-03-30T10:30:00.123 TIMESTAMP:2026-03-30t10:30:00.123456789");
    CHECK_STR(lex("2026-03-30T10:30:00Z 2026-03-30T10:30:00z"),
              "TIMESTAMP:2026-03-30T10:30:00Z TIMESTAMP:2026-03-30T10:30:00z");
    CHECK_STR(lex("2026-03-30T10:30:00+09:00 2026-03-30T10:30:00-0500"),
              "TIMESTAMP:2026-03-30T10:30:00+09:00 TIMESTAMP:2026-03-30T10:30:00-0500");
    CHECK_STR(lex("2026-03-30T10:30:00.5-05:30)"),
              "TIMESTAMP:2026-03-30T10:30:00.5-05:30 RP:)");
    /* A calendar check is the builder's job; the shape is the lexer's. */
    CHECK_STR(lex("2026-02-30"), "DATE:2026-02-30");
    CHECK_STR(lex("2026-3-30"), "!BAD_TIME:2026-3-30");
    CHECK_STR(lex("2026-03-30T10:30"), "!BAD_TIME:2026-03-30T10:30");
    CHECK_STR(lex("2026-03-30T10:30:00.1234567890"), "!BAD_TIME:2026-03-30T10:30:00.1234567890");
    CHECK_STR(lex("2026-03-30x"), "!BAD_TIME:2026-03-30x");
    CHECK_STR(lex("2026-03-30T10:30:00+9"), "!BAD_TIME:2026-03-30T10:30:00+9");
}

static void test_punctuation(void)
{
    CHECK_STR(codes("( ) , . = == != <> < <= > >="),
              "LP RP COMMA DOT EQ EQ NE NE LT LE GT GE");
    CHECK_STR(codes("a<=1 b>=2 c<>3 d!=4 e==5"),
              "ID LE NUMBER ID GE NUMBER ID NE NUMBER ID NE NUMBER ID EQ NUMBER");
    CHECK_STR(lex("sum(amount)"), "SUM:sum LP:( ID:amount RP:)");
}

static void test_space_and_comments(void)
{
    CHECK_STR(lex(" \t\r\n\f\va\n=\n1 "), "ID:a EQ:= NUMBER:1");
    CHECK_STR(lex("a = 1 -- the rest is a comment: ' \" and\nb"),
              "ID:a EQ:= NUMBER:1 ID:b");
    CHECK_STR(lex("-- only a comment"), "");
    CHECK_STR(lex("a--comment"), "ID:a");
    CHECK_STR(lex(""), "");
}

static void test_offsets(void)
{
    const char *text = "  first  \"a b\"\n  >= 'x''y'";
    casc_lexer lx = {text, (uint32_t)strlen(text), 0};
    casc_token t;
    CHECK(casc_lex(&lx, &t) == TK_FIRST && t.off == 2 && t.len == 5);
    CHECK(casc_lex(&lx, &t) == TK_QID && t.off == 9 && t.len == 5);
    CHECK(casc_lex(&lx, &t) == TK_GE && t.off == 17 && t.len == 2);
    CHECK(casc_lex(&lx, &t) == TK_STRING && t.off == 20 && t.len == 6);
    CHECK(casc_lex(&lx, &t) == 0 && lx.pos == lx.len);
    CHECK(casc_lex(&lx, &t) == 0); /* the end stays the end */
}

static void test_errors(void)
{
    CHECK_STR(lex("'abc"), "!UNTERMINATED_STRING:'abc");
    CHECK_STR(lex("a = 'it''"), "ID:a EQ:= !UNTERMINATED_STRING:'it''");
    CHECK_STR(lex("\"abc"), "!UNTERMINATED_NAME:\"abc");
    CHECK_STR(lex("\"\" = 1"), "!EMPTY_NAME:\"\"");
    CHECK_STR(lex("a ; b"), "ID:a !BAD_CHAR:;");
    CHECK_STR(lex("a @"), "ID:a !BAD_CHAR:@");
    CHECK_STR(lex("!"), "!BAD_CHAR:!");
    CHECK_STR(lex("a\x01"), "ID:a !BAD_CHAR:\x01");
    /* A non-ASCII character is one bad token, all its bytes. */
    CHECK_STR(lex("caf\xc3\xa9"), "ID:caf !BAD_CHAR:\xc3\xa9");
    CHECK_STR(lex("\xe2\x80\x98x\xe2\x80\x99"), "!BAD_CHAR:\xe2\x80\x98");
    /* Invalid UTF-8 and NUL are the source check's, but the lexer must
     * still stop on them without reading past the end. */
    CHECK_STR(lex("a \xff"), "ID:a !BAD_CHAR:\xff");
    CHECK_STR(lex("a \x80"), "ID:a !BAD_CHAR:\x80");
    CHECK_STR(lex_n("a \0 b", 5), "ID:a !BAD_CHAR:");
    CHECK_STR(lex_n("'a\0b'", 5), "!UNTERMINATED_STRING:'a");
    CHECK_STR(lex_n("\"a\0\"", 4), "!UNTERMINATED_NAME:\"a");
}

int main(void)
{
    test_keywords();
    test_names();
    test_strings();
    test_numbers();
    test_times();
    test_punctuation();
    test_space_and_comments();
    test_offsets();
    test_errors();
    return check_summary("lexer");
}
