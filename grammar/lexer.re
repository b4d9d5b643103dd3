/* lexer.re - re2c lexer for the rule language (spec §1).
 *
 * Returns the lemon parser's token codes directly. End of input is re2c's
 * `$` rule with YYLIMIT; the source loader has already rejected NUL bytes
 * and invalid UTF-8, so the lexer only classifies. Keywords are matched
 * case-insensitively ('...' strings in re2c); the longest match wins, so
 * `android` is a name, not `and` + `roid`. */
#include "lexer.h"
#include "parser.h"

int casc_lex(casc_lexer *lx, casc_token *tok)
{
    const char *YYCURSOR = lx->text + lx->pos;
    const char *YYLIMIT = lx->text + lx->len;
    const char *YYMARKER = YYCURSOR;
    const char *start;
    int code;

    for (;;) {
        start = YYCURSOR;
        /*!re2c
        re2c:api:style = free-form;
        re2c:define:YYCTYPE = "unsigned char";
        re2c:yyfill:enable = 0;
        re2c:eof = 0;

        digits    = [0-9]+;
        number    = "-"? digits ("." digits)? ([eE] [+-]? digits)?;
        date      = [0-9]{4} "-" [0-9]{2} "-" [0-9]{2};
        zone      = [zZ] | [+-] [0-9]{2} ":"? [0-9]{2};
        timestamp = date [tT] [0-9]{2} ":" [0-9]{2} ":" [0-9]{2} ("." [0-9]{1,9})? zone?;
        timeish   = [0-9]+ "-" [0-9]+ "-" [0-9]+ [0-9a-zA-Z:.+_-]*;
        name      = [a-zA-Z_] [a-zA-Z0-9_]*;
        unit      = 'minute' | 'minutes' | 'hour' | 'hours' | 'day' | 'days'
                  | 'week' | 'weeks' | 'month' | 'months' | 'quarter' | 'quarters'
                  | 'year' | 'years';
        utf8      = [\xc2-\xf4] [\x80-\xbf]*;

        $                     { code = 0; break; }
        [ \t\r\n\f\v]+        { continue; }
        "--" [^\n\x00]*       { continue; }

        'and'       { code = TK_AND; break; }
        'or'        { code = TK_OR; break; }
        'not'       { code = TK_NOT; break; }
        'in'        { code = TK_IN; break; }
        'is'        { code = TK_IS; break; }
        'null'      { code = TK_NULL; break; }
        'true'      { code = TK_TRUE; break; }
        'false'     { code = TK_FALSE; break; }
        'first'     { code = TK_FIRST; break; }
        'last'      { code = TK_LAST; break; }
        'where'     { code = TK_WHERE; break; }
        'count'     { code = TK_COUNT; break; }
        'distinct'  { code = TK_DISTINCT; break; }
        'sum'       { code = TK_SUM; break; }
        'avg'       { code = TK_AVG; break; }
        'min'       { code = TK_MIN; break; }
        'max'       { code = TK_MAX; break; }
        'segment'   { code = TK_SEGMENT; break; }
        'between'   { code = TK_BETWEEN; break; }
        'contains'  { code = TK_CONTAINS; break; }
        'any'       { code = TK_ANY; break; }
        'all'       { code = TK_ALL; break; }
        'starts'    { code = TK_STARTS; break; }
        'ends'      { code = TK_ENDS; break; }
        'with'      { code = TK_WITH; break; }
        'like'      { code = TK_LIKE; break; }
        'matches'   { code = TK_MATCHES; break; }
        'empty'     { code = TK_EMPTY; break; }
        'the'       { code = TK_THE; break; }
        'within'    { code = TK_WITHIN; break; }
        'this'      { code = TK_THIS; break; }
        'previous'  { code = TK_PREVIOUS; break; }
        'next'      { code = TK_NEXT; break; }
        'today'     { code = TK_TODAY; break; }
        'yesterday' { code = TK_YESTERDAY; break; }
        'since'     { code = TK_SINCE; break; }
        'after'     { code = TK_AFTER; break; }
        'before'    { code = TK_BEFORE; break; }
        'now'       { code = TK_NOW; break; }
        'ago'       { code = TK_AGO; break; }
        'from'      { code = TK_FROM; break; }
        unit        { code = TK_UNIT; break; }
        name        { code = TK_ID; break; }

        ["] ([^"\x00] | ["]["])+ ["]   { code = TK_QID; break; }
        ["]["]                         { code = CASC_LEX_EMPTY_NAME; break; }
        ["] ([^"\x00] | ["]["])*       { code = CASC_LEX_UNTERMINATED_NAME; break; }
        ['] ([^'\x00] | [']['])* [']   { code = TK_STRING; break; }
        ['] ([^'\x00] | [']['])*       { code = CASC_LEX_UNTERMINATED_STRING; break; }

        timestamp                 { code = TK_TIMESTAMP; break; }
        date                      { code = TK_DATE; break; }
        timeish                   { code = CASC_LEX_BAD_TIME; break; }
        number                    { code = TK_NUMBER; break; }
        number [a-zA-Z0-9_.]+     { code = CASC_LEX_BAD_NUMBER; break; }
        "-"? "." [0-9] [a-zA-Z0-9_.]* { code = CASC_LEX_BAD_NUMBER; break; }

        "("   { code = TK_LP; break; }
        ")"   { code = TK_RP; break; }
        ","   { code = TK_COMMA; break; }
        "."   { code = TK_DOT; break; }
        "="   { code = TK_EQ; break; }
        "=="  { code = TK_EQ; break; }
        "!="  { code = TK_NE; break; }
        "<>"  { code = TK_NE; break; }
        "<"   { code = TK_LT; break; }
        "<="  { code = TK_LE; break; }
        ">"   { code = TK_GT; break; }
        ">="  { code = TK_GE; break; }

        utf8  { code = CASC_LEX_BAD_CHAR; break; }
        *     { code = CASC_LEX_BAD_CHAR; break; }
        */
    }
    tok->off = (uint32_t)(start - lx->text);
    tok->len = (uint32_t)(YYCURSOR - start);
    lx->pos = (uint32_t)(YYCURSOR - lx->text);
    return code;
}
