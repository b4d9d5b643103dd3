/* test_parser.c - rule text to syntax tree, compared as S-expressions
 * (compiler/ast_dump.c), for every form of spec §2-6; spans; limits. */
#include <stdlib.h>

#include "check.h"
#include "nest.h"
#include "parse.h"

/* The tree of the last parse, alive until the next one. */
static casc_arena *arena;
static casc_source src;
static casc_diags diags;

static casc_node *parse_n(const char *text, size_t len)
{
    casc_arena_free(arena);
    arena = casc_arena_new();
    casc_diags_init(&diags, arena);
    src = (casc_source){.name = "<test>", .text = text, .len = len};
    return casc_parse(arena, arena, &src, &diags);
}

static casc_node *parse(const char *text)
{
    return parse_n(text, strlen(text));
}

/* The tree as an S-expression, or "error L:C: message" for the first
 * diagnostic. */
static const char *dump(const char *text)
{
    static char out[4096];
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_node *n = parse(text);
    if (n) {
        casc_ast_dump(n, &sb);
    } else if (diags.head) {
        const casc_diag *d = diags.head;
        casc_linecol lc = casc_source_linecol(&src, d->start);
        casc_sb_printf(&sb, "error %u:%u: %s", lc.line, lc.col, d->message);
    }
    snprintf(out, sizeof out, "%s", casc_sb_str(&sb));
    casc_sb_free(&sb);
    return out;
}

#define PARSES(text, want) CHECK_STR(dump(text), want)

static void test_structure(void)
{
    PARSES("a or b and c or d", "(or (subject a) (and (subject b) (subject c)) (subject d))");
    PARSES("a and b or c and d",
           "(or (and (subject a) (subject b)) (and (subject c) (subject d)))");
    PARSES("not a and b", "(and (not (subject a)) (subject b))");
    PARSES("not a or b", "(or (not (subject a)) (subject b))");
    PARSES("a and not b or c", "(or (and (subject a) (not (subject b))) (subject c))");
    PARSES("not not a", "(not (not (subject a)))");
    PARSES("not (a or b)", "(not (or (subject a) (subject b)))");
    PARSES("(a or b) and c", "(and (or (subject a) (subject b)) (subject c))");
    PARSES("a and (b or c)", "(and (subject a) (or (subject b) (subject c)))");
    /* Chains are flat, whichever way they were grouped. */
    PARSES("a and b and c and d", "(and (subject a) (subject b) (subject c) (subject d))");
    PARSES("(a and b) and (c and d)", "(and (subject a) (subject b) (subject c) (subject d))");
    PARSES("a or (b or (c or d))", "(or (subject a) (subject b) (subject c) (subject d))");
    PARSES("((((a))))", "(subject a)");
    PARSES("not a = 1", "(not (= a 1))");
    PARSES("true", "true");
    PARSES("false", "false");
    PARSES("TRUE or not False", "(or true (not false))");
    PARSES("-- a comment\n  a = 1 -- and another\n", "(= a 1)");
}

static void test_attributes(void)
{
    PARSES("a = 'v'", "(= a 'v')");
    PARSES("a == 1", "(= a 1)");
    PARSES("a != 1", "(!= a 1)");
    PARSES("a <> 1", "(!= a 1)");
    PARSES("a < 1", "(< a 1)");
    PARSES("a <= -3", "(<= a -3)");
    PARSES("a > 19.99", "(> a 19.99)");
    PARSES("a >= -2.5E-3", "(>= a -2.5E-3)");
    PARSES("a = true", "(= a true)");
    PARSES("a = FALSE", "(= a false)");
    PARSES("a = 'it''s'", "(= a 'it's')");
    PARSES("a = 'back\\slash'", "(= a 'back\\slash')");
    PARSES("a = 2026-03-30", "(= a (date 2026-03-30))");
    PARSES("a < 2026-03-30T10:30:00.123+09:00", "(< a (timestamp 2026-03-30T10:30:00.123+09:00))");
    PARSES("a >= '2026-03-30'", "(>= a '2026-03-30')");
    PARSES("a > now", "(> a now)");
    PARSES("a >= 3 days ago", "(>= a (ago 3 day))");
    PARSES("a in (1, 2, 3)", "(in a (1 2 3))");
    PARSES("a in ('x')", "(in a ('x'))");
    PARSES("a in (1, 'x', 2026-01-01, true)", "(in a (1 'x' (date 2026-01-01) true))");
    PARSES("a not in ('x', 'y')", "(!in a ('x' 'y'))");
    PARSES("a between 1 and 5", "(between a 1 5)");
    PARSES("a between 'a' and 'm'", "(between a 'a' 'm')");
    PARSES("a not between 1 and 5", "(!between a 1 5)");
    PARSES("a is null", "(is-null a)");
    PARSES("a is not null", "(!is-null a)");
    PARSES("a contains 's'", "(contains a 's')");
    PARSES("a not contains 's'", "(!contains a 's')");
    PARSES("a starts with 'x'", "(starts-with a 'x')");
    PARSES("a not starts with 'x'", "(!starts-with a 'x')");
    PARSES("a ends with 'x'", "(ends-with a 'x')");
    PARSES("a not ends with 'x'", "(!ends-with a 'x')");
    PARSES("a like 'p%t_rn'", "(like a 'p%t_rn')");
    PARSES("a not like 'x%'", "(!like a 'x%')");
    PARSES("a matches '^[a-z]+$'", "(matches a '^[a-z]+$')");
    PARSES("a not matches 'x'", "(!matches a 'x')");
    PARSES("a", "(subject a)");
    PARSES("not a", "(not (subject a))");
    PARSES("tags contains 3", "(contains tags 3)");
    PARSES("tags contains any ('x', 'y')", "(contains-any tags ('x' 'y'))");
    PARSES("tags contains all (1, 2)", "(contains-all tags (1 2))");
    PARSES("tags not contains any ('x')", "(!contains-any tags ('x'))");
    PARSES("tags not contains all ('x')", "(!contains-all tags ('x'))");
    PARSES("tags is empty", "(is-empty tags)");
    PARSES("tags is not empty", "(!is-empty tags)");
    PARSES("birthday before 2000-01-01", "(subject birthday (window before (date 2000-01-01)))");
    PARSES("birthday after '2000-01-01'", "(subject birthday (window after '2000-01-01'))");
    PARSES("renewal in next 30 days", "(subject renewal (window next-n 30 day))");
    /* Names: case kept as written, quoted with "" collapsed, qualified. */
    PARSES("LOYALTY_TIER = 'Gold'", "(= LOYALTY_TIER 'Gold')");
    PARSES("\"age range\" = '18-24'", "(= \"age range\" '18-24')");
    PARSES("\"say \"\"hi\"\"\" = 1", "(= \"say \"hi\"\" 1)");
    PARSES("purchase.amount > 3", "(> purchase.amount 3)");
    PARSES("\"page view\".\"url path\" = 'x'", "(= \"page view\".\"url path\" 'x')");
    PARSES("AND_X = 1 AND x_or = 2", "(and (= AND_X 1) (= x_or 2))");
}

static void test_behaviors(void)
{
    PARSES("purchase", "(subject purchase)");
    PARSES("purchase in last 30 days", "(subject purchase (window last 30 day))");
    PARSES("purchase where category = 'Shoes'",
           "(subject purchase (where (= category 'Shoes')))");
    PARSES("purchase where (category = 'Shoes' or amount > 100) in last 7 days",
           "(subject purchase (where (or (= category 'Shoes') (> amount 100))) "
           "(window last 7 day))");
    PARSES("purchase count >= 3 in last 90 days",
           "(subject purchase (count >= 3) (window last 90 day))");
    PARSES("purchase count = 0 in last 30 days",
           "(subject purchase (count = 0) (window last 30 day))");
    PARSES("purchase sum(amount) > 500 in last 1 year",
           "(subject purchase (sum amount > 500) (window last 1 year))");
    PARSES("page_view count distinct(url) >= 5 this week",
           "(subject page_view (count-distinct url >= 5) (window this week))");
    PARSES("first purchase in last 30 days", "(first purchase (window last 30 day))");
    PARSES("last purchase before 90 days ago", "(last purchase (window before (ago 90 day)))");
    PARSES("email_open count > 3 this month",
           "(subject email_open (count > 3) (window this month))");
    /* Every MEASURE and comparison. */
    PARSES("p count = 1", "(subject p (count = 1))");
    PARSES("p count != 1", "(subject p (count != 1))");
    PARSES("p count <> 1", "(subject p (count != 1))");
    PARSES("p count < 1", "(subject p (count < 1))");
    PARSES("p count <= 1", "(subject p (count <= 1))");
    PARSES("p count > 1", "(subject p (count > 1))");
    PARSES("p count >= 1", "(subject p (count >= 1))");
    PARSES("p count between 2 and 5", "(subject p (count between 2 5))");
    PARSES("p sum(amount) between 10.5 and 1e3", "(subject p (sum amount between 10.5 1e3))");
    PARSES("p avg(amount) < 20", "(subject p (avg amount < 20))");
    PARSES("p min(amount) <= 1", "(subject p (min amount <= 1))");
    PARSES("p max(p.amount) >= -1", "(subject p (max p.amount >= -1))");
    PARSES("p count distinct(\"url path\") = 2", "(subject p (count-distinct \"url path\" = 2))");
    /* Filters: one comparison bare, or any expression in parentheses. */
    PARSES("p where a != 1", "(subject p (where (!= a 1)))");
    PARSES("p where a in (1, 2) count > 1", "(subject p (where (in a (1 2))) (count > 1))");
    PARSES("p where a not in (1)", "(subject p (where (!in a (1))))");
    PARSES("p where a between 1 and 2", "(subject p (where (between a 1 2)))");
    PARSES("p where a not between 1 and 2 today",
           "(subject p (where (!between a 1 2)) (window today))");
    PARSES("p where a is null", "(subject p (where (is-null a)))");
    PARSES("p where a is not empty", "(subject p (where (!is-empty a)))");
    PARSES("p where a like 'x%' yesterday", "(subject p (where (like a 'x%')) (window yesterday))");
    PARSES("p where a contains any ('x') this day",
           "(subject p (where (contains-any a ('x'))) (window this day))");
    PARSES("p where (a) in last 2 hours", "(subject p (where (subject a)) (window last 2 hour))");
    PARSES("p where (not a and b)", "(subject p (where (and (not (subject a)) (subject b))))");
    PARSES("p where (a = 1) count > 2", "(subject p (where (= a 1)) (count > 2))");
    /* A bare filter is one comparison: what follows belongs to the rule. */
    PARSES("p where a = 1 and b = 2", "(and (subject p (where (= a 1))) (= b 2))");
    PARSES("p where a = 1 in last 3 days or c",
           "(or (subject p (where (= a 1)) (window last 3 day)) (subject c))");
    PARSES("p where a = 1 count > 2 in last 3 days",
           "(subject p (where (= a 1)) (count > 2) (window last 3 day))");
    PARSES("first p where a = 1 in last 3 days",
           "(first p (where (= a 1)) (window last 3 day))");
    PARSES("last p where (a = 1 or a = 2)", "(last p (where (or (= a 1) (= a 2))))");
    PARSES("first p", "(first p)");
    PARSES("LAST p", "(last p)");
    PARSES("p where (q where (r = 1))", "(subject p (where (subject q (where (= r 1)))))");
}

static void test_windows(void)
{
    PARSES("p in last 30 days", "(subject p (window last 30 day))");
    PARSES("p in the last 30 days", "(subject p (window last 30 day))");
    PARSES("p within 30 days", "(subject p (window last 30 day))");
    PARSES("p last 30 days", "(subject p (window last 30 day))");
    PARSES("p in last 1 minute", "(subject p (window last 1 minute))");
    PARSES("p in last 2 minutes", "(subject p (window last 2 minute))");
    PARSES("p in last 1 hour", "(subject p (window last 1 hour))");
    PARSES("p in last 2 HOURS", "(subject p (window last 2 hour))");
    PARSES("p in last 2 weeks", "(subject p (window last 2 week))");
    PARSES("p in last 2 months", "(subject p (window last 2 month))");
    PARSES("p in last 2 quarters", "(subject p (window last 2 quarter))");
    PARSES("p in last 2 years", "(subject p (window last 2 year))");
    PARSES("p in last 1 days", "(subject p (window last 1 day))");
    PARSES("p in last 1000000 days", "(subject p (window last 1000000 day))");
    PARSES("p this week", "(subject p (window this week))");
    PARSES("p this quarter", "(subject p (window this quarter))");
    PARSES("p previous month", "(subject p (window previous month))");
    PARSES("p last month", "(subject p (window previous month))");
    PARSES("p last year", "(subject p (window previous year))");
    PARSES("p in next 7 days", "(subject p (window next-n 7 day))");
    PARSES("p in the next 7 days", "(subject p (window next-n 7 day))");
    PARSES("p next month", "(subject p (window next month))");
    PARSES("p today", "(subject p (window today))");
    PARSES("p yesterday", "(subject p (window yesterday))");
    PARSES("p since 2026-01-01", "(subject p (window since (date 2026-01-01)))");
    PARSES("p after 2026-01-01T00:00:00Z",
           "(subject p (window after (timestamp 2026-01-01T00:00:00Z)))");
    PARSES("p before now", "(subject p (window before now))");
    PARSES("p before today", "(subject p (window before today))");
    PARSES("p after yesterday", "(subject p (window after yesterday))");
    PARSES("p since 3 days ago", "(subject p (window since (ago 3 day)))");
    PARSES("p before 0 hours ago", "(subject p (window before (ago 0 hour)))");
    PARSES("p before 2 weeks from now", "(subject p (window before (from-now 2 week)))");
    PARSES("p since '2026-01-01'", "(subject p (window since '2026-01-01'))");
    /* `between` after a bare name is a range; the resolver makes it a
     * window when the name is a time or a behavior. With a pick, a filter
     * or a measure it can only be a window. */
    PARSES("p between 2026-01-01 and 2026-02-01",
           "(between p (date 2026-01-01) (date 2026-02-01))");
    PARSES("p between 30 days ago and now", "(between p (ago 30 day) now)");
    PARSES("first p between 2026-01-01 and today",
           "(first p (window between (date 2026-01-01) today))");
    PARSES("p where a = 1 between yesterday and 1 day from now",
           "(subject p (where (= a 1)) (window between yesterday (from-now 1 day)))");
    PARSES("p count > 1 between '2026-01-01' and '2026-02-01'",
           "(subject p (count > 1) (window between '2026-01-01' '2026-02-01'))");
    PARSES("p count > 1 between 2026-01-01 and 2026-02-01 and a",
           "(and (subject p (count > 1) (window between (date 2026-01-01) (date 2026-02-01))) "
           "(subject a))");
}

static void test_segments_and_soft_keywords(void)
{
    PARSES("in segment 'VIP'", "(segment 'VIP')");
    PARSES("not in segment 'Big ''Spenders'''", "(not (segment 'Big 'Spenders''))");
    PARSES("IN SEGMENT 'x' or a", "(or (segment 'x') (subject a))");
    /* Soft keywords are names where no keyword fits. */
    PARSES("count > 3", "(> count 3)");
    PARSES("first first", "(first first)");
    PARSES("last last", "(last last)");
    PARSES("first last in last 3 days", "(first last (window last 3 day))");
    PARSES("first = 1", "(= first 1)");
    PARSES("last = 'Smith'", "(= last 'Smith')");
    PARSES("last", "(subject last)");
    PARSES("not first and last", "(and (not (subject first)) (subject last))");
    PARSES("first.x = 1", "(= first.x 1)");
    PARSES("last in last 3 days", "(subject last (window last 3 day))");
    PARSES("(last) or first", "(or (subject last) (subject first))");
    PARSES("count count > 3", "(subject count (count > 3))");
    PARSES("where where where = 1", "(subject where (where (= where 1)))");
    PARSES("sum sum(sum) > 1", "(subject sum (sum sum > 1))");
    PARSES("p where last > 3", "(subject p (where (> last 3)))");
    PARSES("p where (first or last)", "(subject p (where (or (subject first) (subject last))))");
    PARSES("segment = 'x' and day = 1 and days > 2 and minute < 3",
           "(and (= segment 'x') (= day 1) (> days 2) (< minute 3))");
    PARSES("this = 1 and today = 2 and now = 3 and ago = 4 and from = 5",
           "(and (= this 1) (= today 2) (= now 3) (= ago 4) (= from 5))");
    PARSES("within and between and since and after and before and the",
           "(and (subject within) (subject between) (subject since) (subject after) "
           "(subject before) (subject the))");
    PARSES("contains contains 'x' and starts starts with 'y' and empty is empty",
           "(and (contains contains 'x') (starts-with starts 'y') (is-empty empty))");
    PARSES("any = 1 and all = 2 and distinct = 3 and with = 4 and like = 5 and matches = 6",
           "(and (= any 1) (= all 2) (= distinct 3) (= with 4) (= like 5) (= matches 6))");
    PARSES("min < 1 or max > 2 or avg = 3 or previous = 4 or next = 5 or yesterday = 6",
           "(or (< min 1) (> max 2) (= avg 3) (= previous 4) (= next 5) (= yesterday 6))");
    PARSES("p.count > 1 and count.p > 1", "(and (> p.count 1) (> count.p 1))");
    PARSES("p count distinct(distinct) > 1", "(subject p (count-distinct distinct > 1))");
    /* Hard keywords are names only in double quotes. */
    PARSES("\"in\" = 1 and \"and\" = 2 and \"not\" and \"null\" is null",
           "(and (= \"in\" 1) (= \"and\" 2) (subject \"not\") (is-null \"null\"))");
}

static void test_errors(void)
{
    PARSES("", "error 1:1: the rule is empty: write a condition such as loyalty_tier = 'Gold', "
               "or true for every profile");
    PARSES("a = ", "error 1:4: expected a value after '=', found the end of the rule");
    PARSES("a = 1 and", "error 1:10: expected a condition after 'and', found the end of the rule");
    PARSES("(a = 1", "error 1:7: expected ')' to close the '(' at line 1, column 1");
    PARSES("a = 1)", "error 1:6: this ')' has no '(' to close");
    PARSES("()", "error 1:2: expected a condition after '(', found ')'");
    PARSES("a in ()", "error 1:7: expected a value after '(', found ')'");
    PARSES("p in last month",
           "error 1:3: 'in last month' is ambiguous: write 'in last 1 month' for the rolling "
           "window up to now, or 'previous month' for the last calendar month");
    PARSES("p in the last Weeks",
           "error 1:3: 'in the last weeks' is ambiguous: write 'in last 1 week' for the rolling "
           "window up to now, or 'previous week' for the last calendar week");
    PARSES("first p count > 2", "error 1:9: 'first' picks one event, so it cannot be combined "
                                "with 'count': drop one of them");
    PARSES("last p sum(x) > 2", "error 1:8: 'last' picks one event, so it cannot be combined "
                                "with 'sum': drop one of them");
    PARSES("a = null", "error 1:5: null is not a value to compare with: write 'is null' or "
                       "'is not null'");
    PARSES("a = 2026-02-29", "error 1:5: invalid date '2026-02-29': February 2026 has 28 days");
    PARSES("a = 2028-02-29", "(= a (date 2028-02-29))");
    PARSES("a = 2026-13-01", "error 1:5: invalid date '2026-13-01': there is no month 13");
    PARSES("a = 2026-01-01T24:00:00", "error 1:5: invalid timestamp '2026-01-01T24:00:00': the "
                                      "time of day must be between 00:00:00 and 23:59:59");
    PARSES("a = 2026-01-01T10:00:00+19:00", "error 1:5: invalid timestamp "
                                            "'2026-01-01T10:00:00+19:00': a zone offset is at "
                                            "most 18 hours");
    PARSES("p in last 0 days",
           "error 1:11: the number of days must be a whole number from 1 to 1000000, not '0'");
    PARSES("p in last 1000001 days", "error 1:11: the number of days must be a whole number "
                                     "from 1 to 1000000, not '1000001'");
    PARSES("p within 1.5 hours",
           "error 1:10: the number of hours must be a whole number from 1 to 1000000, not '1.5'");
    PARSES("p before -1 days ago",
           "error 1:10: the number of days must be a whole number from 0 to 1000000, not '-1'");
    PARSES("p before 3", "error 1:11: expected a time unit (minute, hour, day, week, month, "
                         "quarter or year) after '3', found the end of the rule");
    PARSES("p count > 'x'", "error 1:11: expected a number after '>', found the string 'x'");
    PARSES("a\n=\n\n  1 1", "error 4:5: expected 'and', 'or' or the end of the rule after '1', "
                            "found '1'");
    PARSES("a = 'x", "error 1:5: unterminated string: this ' has no closing ' (write '' for a "
                     "quote inside a string)");
    PARSES("a \xc3\xa9", "error 1:3: unexpected character '\xc3\xa9': a name with characters "
                         "other than A-Z, a-z, 0-9 and _ must be in double quotes: \"\xc3\xa9\"");
    CHECK(!parse_n("a = \0", 5) && diags.head && diags.head->start == 4);
    CHECK(!parse("a = \xff") && diags.head && diags.head->start == 4);
    /* An error reports once, and then the parse stops. */
    CHECK(!parse("a = = = ( ( (") && diags.nerrors == 1);
}

/* Spans are byte ranges of the source; spot checks. */
static void test_spans(void)
{
    casc_node *n = parse("  a = 1  ");
    CHECK(n && n->span.start == 2 && n->span.end == 7);
    CHECK(n && n->u.leaf.subject.span.start == 2 && n->u.leaf.values.items[0].span.start == 6);

    n = parse("not (x.y in (1, 2)) or b");
    CHECK(n && n->kind == CASC_N_OR && n->span.start == 0 && n->span.end == 24);
    const casc_node *neg = n ? n->u.list.items[0] : NULL;
    CHECK(neg && neg->kind == CASC_N_NOT && neg->span.start == 0 && neg->span.end == 18);
    const casc_node *in = neg ? neg->u.child : NULL;
    CHECK(in && in->span.start == 5 && in->span.end == 18);
    CHECK(in && in->u.leaf.subject.span.start == 5 && in->u.leaf.subject.span.end == 8);
    CHECK(in && in->u.leaf.subject.qualifier.span.end == 6);
    CHECK(in && in->u.leaf.values.n == 2 && in->u.leaf.values.items[1].span.start == 16);

    n = parse("first p where (a = 1) in last 3 days");
    CHECK(n && n->span.start == 0 && n->span.end == 36);
    CHECK(n && n->u.leaf.filter && n->u.leaf.filter->span.start == 15 &&
          n->u.leaf.filter->span.end == 20);

    n = parse("p where (a = 1) count >= 2 in last 3 days");
    CHECK(n && n->span.start == 0 && n->span.end == 41);
    CHECK(n && n->u.leaf.measure && n->u.leaf.measure->span.start == 16 &&
          n->u.leaf.measure->span.end == 26);
    CHECK(n && n->u.leaf.window && n->u.leaf.window->span.start == 27 &&
          n->u.leaf.window->span.end == 41);

    n = parse("x before 3 days ago");
    CHECK(n && n->u.leaf.window && n->u.leaf.window->lo.span.start == 9 &&
          n->u.leaf.window->lo.span.end == 19);
    n = parse("x between 1 and 22");
    CHECK(n && n->kind == CASC_N_BETWEEN && n->span.end == 18 &&
          n->u.leaf.values.items[1].span.start == 16);
    n = parse("in segment 'VIP'");
    CHECK(n && n->span.start == 0 && n->span.end == 16 && n->u.segment.span.start == 11);
    n = parse("a is not null");
    CHECK(n && n->span.end == 13);
}

/* The limits of compiler/parse.h: generous ones pass, beyond them an error
 * at the place, never a crash. nest("(", n, "a", ")") is n '(', a, n ')'. */
static void test_limits(void)
{
    char *text = nest("(", 1000, "a = 1", ")");
    PARSES(text, "(= a 1)");
    free(text);
    text = nest("(", 10000, "a = 1", ")");
    PARSES(text, "(= a 1)");
    free(text);
    text = nest("(", 100000, "a = 1", ")");
    PARSES(text, "error 1:10001: too many nested parentheses: at most 10000 may be open at once");
    free(text);

    text = nest("not ", 2000, "a", "");
    CHECK(parse(text) != NULL);
    free(text);
    text = nest("not ", 2001, "a", "");
    CHECK(parse(text) == NULL && diags.nerrors == 1);
    free(text);
    text = nest("not ", 100000, "a", "");
    PARSES(text, "error 1:8001: the rule nests too deeply: at most 2000 levels of 'and', 'or', "
                 "'not' and 'where' may be nested");
    free(text);

    /* Filters in filters count a level each, and so do chains in chains. */
    text = nest("p where (", 2000, "a", ")");
    CHECK(parse(text) != NULL);
    free(text);
    text = nest("p where (", 2001, "a", ")");
    CHECK(parse(text) == NULL && diags.nerrors == 1 &&
          strstr(diags.head->message, "nests too deeply"));
    free(text);
    text = nest("a or (b and (", 1000, "c", "))");
    CHECK(parse(text) != NULL);
    free(text);
    text = nest("a or (b and (", 1001, "c", "))");
    CHECK(parse(text) == NULL && diags.nerrors == 1 &&
          strstr(diags.head->message, "nests too deeply"));
    free(text);

    /* 100,000 conditions, alternating and/or: a flat or of ands. */
    casc_strbuf sb = CASC_STRBUF_INIT;
    for (int i = 0; i < 100000; i++)
        casc_sb_printf(&sb, "%sa%d = %d", i == 0 ? "" : i % 3 ? " and " : " or ", i, i);
    casc_node *n = parse(sb.data);
    CHECK(n && n->kind == CASC_N_OR && n->u.list.n == 33334);
    CHECK(n && n->u.list.items[1]->kind == CASC_N_AND && n->u.list.items[1]->u.list.n == 3);
    casc_sb_free(&sb);

    /* 10 MB of rule text. */
    for (int i = 0; sb.len < 10u * 1000 * 1000; i++)
        casc_sb_printf(&sb, "%sattribute_with_a_long_name_%07d = 'a value of some length'",
                       i ? " or " : "", i);
    CHECK(parse(sb.data) != NULL);
    casc_sb_free(&sb);

    /* Past 16 MiB: an error for the whole text. */
    size_t over = CASC_MAX_RULE_BYTES + 1;
    text = malloc(over + 1);
    if (!text)
        abort();
    memset(text, ' ', over);
    text[0] = 'a', text[over] = '\0';
    CHECK(parse_n(text, over) == NULL && diags.head && diags.head->start == CASC_NO_SPAN &&
          strstr(diags.head->message, "16 MiB"));
    free(text);
}

int main(void)
{
    test_structure();
    test_attributes();
    test_behaviors();
    test_windows();
    test_segments_and_soft_keywords();
    test_errors();
    test_spans();
    test_limits();
    casc_arena_free(arena);
    return check_summary("parser");
}
