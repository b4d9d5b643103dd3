/* rule_json_names.c - the JSON rule format's words and the two questions
 * its reader and writer must answer alike (docs/rule-json.md). */
#include <string.h>

#include "lexer.h"
#include "parser.h"
#include "rule_json_internal.h"

const char *const casc_rj_op_names[CASC_RJ_NOPS] = {
    [CASC_RJ_EQUAL] = "Equal",
    [CASC_RJ_LESS] = "Less",
    [CASC_RJ_LESS_EQUAL] = "LessEqual",
    [CASC_RJ_GREATER] = "Greater",
    [CASC_RJ_GREATER_EQUAL] = "GreaterEqual",
    [CASC_RJ_BETWEEN] = "Between",
    [CASC_RJ_IN] = "In",
    [CASC_RJ_IS_NULL] = "IsNull",
    [CASC_RJ_IS_EMPTY] = "IsEmpty",
    [CASC_RJ_CONTAIN] = "Contain",
    [CASC_RJ_START_WITH] = "StartWith",
    [CASC_RJ_END_WITH] = "EndWith",
    [CASC_RJ_LIKE] = "Like",
    [CASC_RJ_REGEXP] = "Regexp",
    [CASC_RJ_CONTAIN_ANY] = "ContainAny",
    [CASC_RJ_CONTAIN_ALL] = "ContainAll",
    [CASC_RJ_TIME_WITHIN_PAST] = "TimeWithinPast",
    [CASC_RJ_TIME_WITHIN_NEXT] = "TimeWithinNext",
    [CASC_RJ_TIME_CALENDAR] = "TimeCalendar",
    [CASC_RJ_TIME_TODAY] = "TimeToday",
    [CASC_RJ_TIME_YESTERDAY] = "TimeYesterday",
    [CASC_RJ_TIME_RANGE] = "TimeRange",
    [CASC_RJ_TIME_AFTER] = "TimeAfter",
    [CASC_RJ_TIME_BEFORE] = "TimeBefore",
};

const char *const casc_rj_agg_names[CASC_RJ_NAGGS] = {
    [CASC_M_COUNT] = "Count", [CASC_M_COUNT_DISTINCT] = "CountDistinct",
    [CASC_M_SUM] = "Sum",     [CASC_M_AVG] = "Average",
    [CASC_M_MIN] = "Min",     [CASC_M_MAX] = "Max",
    [CASC_RJ_FIRST] = "First", [CASC_RJ_LAST] = "Last",
};

const char *const casc_rj_value_names[CASC_RJ_NVALUE_TYPES] = {
    "Number", "Date", "Timestamp", "Now", "Today", "Yesterday", "Ago", "FromNow",
};
const casc_value_kind casc_rj_value_kinds[CASC_RJ_NVALUE_TYPES] = {
    CASC_V_NUMBER, CASC_V_DATE,      CASC_V_TIMESTAMP, CASC_V_NOW,
    CASC_V_TODAY,  CASC_V_YESTERDAY, CASC_V_AGO,       CASC_V_FROM_NOW,
};

const char *const casc_rj_period_names[3] = {"this", "previous", "next"};

static bool is_name_start(char c)
{
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}

bool casc_rj_bare_name(const char *s, uint32_t len)
{
    if (!len || !is_name_start(s[0]))
        return false;
    for (uint32_t i = 1; i < len; i++)
        if (!is_name_start(s[i]) && !(s[i] >= '0' && s[i] <= '9'))
            return false;
    /* Such a word is one token; the lexer says whether it is a hard
     * keyword. Keywords are short, and it needs a NUL after the text. */
    char word[16];
    if (len >= sizeof word)
        return true;
    memcpy(word, s, len);
    word[len] = '\0';
    casc_lexer lx = {word, len, 0};
    casc_token t;
    int code = casc_lex(&lx, &t);
    return code < TK_AND || code > TK_FALSE;
}

/* Whether s is `first` or `last`, in any case. */
static bool is_pick_word(const char *s, uint32_t len)
{
    static const char *const words[] = {"first", "last"};
    for (int w = 0; w < 2; w++) {
        uint32_t i = 0;
        while (i < len && words[w][i] && (s[i] | 0x20) == words[w][i])
            i++;
        if (i == len && !words[w][i])
            return true;
    }
    return false;
}

bool casc_rj_quote_pick_word(const casc_node *n)
{
    const struct casc_leaf *l = &n->u.leaf;
    if (l->subject.qualifier.len || !is_pick_word(l->subject.name.text, l->subject.name.len))
        return false;
    switch (n->kind) {
    case CASC_N_BETWEEN:
    case CASC_N_MATCH:
    case CASC_N_CONTAINS_SET: return !n->negated; /* `between`, `contains`, ... */
    case CASC_N_SUBJECT:
        /* `where`, `count`, `this`, `today`, `since`, ...; but not `in last` */
        return l->pick == CASC_PICK_NONE &&
               (l->filter || l->measure ||
                (l->window && l->window->kind != CASC_W_LAST_N &&
                 l->window->kind != CASC_W_NEXT_N));
    default: return false;
    }
}

bool casc_rj_has_negative(const casc_node *n)
{
    switch (n->kind) {
    case CASC_N_COMPARE: return n->u.leaf.op == CASC_OP_EQ; /* != */
    case CASC_N_SUBJECT: return n->u.leaf.measure && n->u.leaf.measure->op == CASC_OP_EQ;
    case CASC_N_IN:
    case CASC_N_BETWEEN:
    case CASC_N_IS_NULL:
    case CASC_N_IS_EMPTY:
    case CASC_N_MATCH:
    case CASC_N_CONTAINS_SET: return true;
    default: return false;
    }
}

/* The JSON words follow the tree's enums, so one indexes the other. */
_Static_assert(CASC_RJ_EQUAL == (int)CASC_OP_EQ && CASC_RJ_LESS == (int)CASC_OP_LT &&
                   CASC_RJ_LESS_EQUAL == (int)CASC_OP_LE && CASC_RJ_GREATER == (int)CASC_OP_GT &&
                   CASC_RJ_GREATER_EQUAL == (int)CASC_OP_GE &&
                   CASC_RJ_BETWEEN == (int)CASC_OP_BETWEEN,
               "operators follow casc_op");
_Static_assert(CASC_RJ_START_WITH - CASC_RJ_CONTAIN == (int)CASC_MATCH_STARTS_WITH &&
                   CASC_RJ_END_WITH - CASC_RJ_CONTAIN == (int)CASC_MATCH_ENDS_WITH &&
                   CASC_RJ_LIKE - CASC_RJ_CONTAIN == (int)CASC_MATCH_LIKE &&
                   CASC_RJ_REGEXP - CASC_RJ_CONTAIN == (int)CASC_MATCH_MATCHES &&
                   CASC_MATCH_CONTAINS == 0,
               "match operators follow casc_match");
_Static_assert(CASC_W_PREVIOUS == CASC_W_THIS + 1 && CASC_W_NEXT == CASC_W_THIS + 2,
               "periods follow casc_window_kind");
