/* test_rule_json.c - rules as JSON (compiler/rule_json.h): every form of
 * the rule language written as JSON reads back as the same tree and writes
 * the same text again; JSON in Audience Studio's shape reads as the rule it
 * means; errors are reported at their place; limits. */
#include <stdlib.h>

#include "check.h"
#include "nest.h"
#include "parse.h"
#include "rule_json.h"

/* Each rule gets fresh arenas; the last trees stay alive until the next. */
static casc_arena *arena;
static casc_source dsl_src, json_src;
static casc_diags diags;
static char json_text[1 << 16];

static void reset(void)
{
    casc_arena_free(arena);
    arena = casc_arena_new();
    casc_diags_init(&diags, arena);
}

static casc_node *parse_dsl(const char *text)
{
    dsl_src = (casc_source){.name = "<dsl>", .text = text, .len = strlen(text)};
    return casc_parse(arena, arena, &dsl_src, &diags);
}

static casc_node *read_json_n(const char *text, size_t len)
{
    json_src = (casc_source){.name = "<json>", .text = text, .len = len};
    return casc_rule_from_json(arena, arena, &json_src, &diags);
}

static casc_node *read_json(const char *text)
{
    return read_json_n(text, strlen(text));
}

/* "L:C: message" of the first diagnostic. */
static void put_error(casc_strbuf *sb)
{
    const casc_diag *d = diags.head;
    if (!d) {
        casc_sb_puts(sb, "no diagnostic");
        return;
    }
    casc_linecol lc = casc_source_linecol(d->src, d->start);
    casc_sb_printf(sb, "%u:%u: %s", lc.line, lc.col, d->message);
    for (uint32_t i = 0; i < d->nsuggestions; i++)
        casc_sb_printf(sb, "%s'%s'", i ? ", " : " [did you mean ", d->suggestions[i]);
    if (d->nsuggestions)
        casc_sb_putc(sb, ']');
}

static const char *result(casc_strbuf *sb)
{
    static char out[4096];
    snprintf(out, sizeof out, "%s", casc_sb_str(sb));
    casc_sb_free(sb);
    return out;
}

static void json_of(const casc_node *n, casc_strbuf *sb)
{
    casc_rule_to_json(n, sb);
    if (sb->failed || sb->len >= sizeof json_text)
        abort();
}

/* DSL -> tree -> JSON -> tree: "ok" when the trees are equal and the tree
 * read from JSON writes the same JSON again; else what went wrong. */
static const char *round_trip(const char *dsl)
{
    casc_strbuf sb = CASC_STRBUF_INIT, again = CASC_STRBUF_INIT;
    reset();
    casc_node *a = parse_dsl(dsl);
    if (!a) {
        casc_sb_puts(&sb, "DSL error ");
        put_error(&sb);
        return result(&sb);
    }
    json_of(a, &again);
    memcpy(json_text, again.data, again.len + 1);
    casc_sb_free(&again);
    casc_node *b = read_json(json_text);
    if (!b) {
        casc_sb_puts(&sb, "JSON error ");
        put_error(&sb);
        casc_sb_printf(&sb, " in %s", json_text);
    } else if (!casc_ast_equal(a, b)) {
        casc_sb_puts(&sb, "differ: ");
        casc_ast_dump(a, &sb);
        casc_sb_puts(&sb, " vs ");
        casc_ast_dump(b, &sb);
    } else {
        json_of(b, &again);
        casc_sb_puts(&sb, strcmp(again.data, json_text) == 0 ? "ok" : "JSON written differs");
        casc_sb_free(&again);
    }
    return result(&sb);
}

#define ROUND_TRIP(dsl) CHECK_STR(round_trip(dsl), "ok")

/* The tree of json, as casc_ast_dump writes it, or "error L:C: message". */
static const char *dump_json(const char *json)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    reset();
    casc_node *n = read_json(json);
    if (n) {
        casc_ast_dump(n, &sb);
    } else {
        casc_sb_puts(&sb, "error ");
        put_error(&sb);
    }
    return result(&sb);
}

/* The tree of the rule in the rule language, for comparison. */
static const char *dump_dsl(const char *dsl)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    reset();
    casc_node *n = parse_dsl(dsl);
    if (n)
        casc_ast_dump(n, &sb);
    return result(&sb);
}

/* json reads as the rule dsl means: the same tree. */
#define READS(json, dsl)                                                                    \
    do {                                                                                    \
        char want_[4096];                                                                   \
        snprintf(want_, sizeof want_, "%s", dump_dsl(dsl));                                 \
        CHECK_STR(dump_json(json), want_);                                                  \
    } while (0)
#define FAILS(json, error) CHECK_STR(dump_json(json), "error " error)

/* A Value condition on name with the operator written out. */
#define VALUE(name, op) \
    "{\"type\":\"Value\",\"leftValue\":{\"name\":\"" name "\"},\"operator\":" op "}"
#define IS_NULL(name) VALUE(name, "{\"type\":\"IsNull\"}")

static void test_attribute_round_trips(void)
{
    ROUND_TRIP("a = 'v'");
    ROUND_TRIP("a != 1");
    ROUND_TRIP("a < 1 and a <= -3 and a > 19.99 and a >= 1e3 and a = 1E+6 and a = -2.5E-3");
    ROUND_TRIP("a = 007 or a = -00.5"); /* numbers JSON cannot spell */
    ROUND_TRIP("a = true or a != false");
    ROUND_TRIP("a in (1, 'x', 2026-01-01, now, 3 days ago)");
    ROUND_TRIP("a not in ('x')");
    ROUND_TRIP("a between 1 and 5 or a not between 'a' and 'b'");
    ROUND_TRIP("d between 2026-01-01 and 2026-01-31T10:00:00Z");
    ROUND_TRIP("d not between now and 3 days from now");
    ROUND_TRIP("a is null or a is not null or a is empty or a is not empty");
    ROUND_TRIP("a contains 'x' or a not contains 'x' or a starts with 'x' or "
               "a not starts with 'x'");
    ROUND_TRIP("a ends with 'x' or a not ends with 'x' or a like 'x%' or a not like '50\\%'");
    ROUND_TRIP("a matches '^x' or a not matches 'y$' or tags contains 3");
    ROUND_TRIP("tags contains any ('a', 'b') and tags not contains all (1) and tags contains "
               "all (2026-01-01)");
    ROUND_TRIP("a = today or a = yesterday or a < now or a > 2 hours from now");
    ROUND_TRIP("signup_date after 2026-03-30T10:30:00.123+09:00");
    ROUND_TRIP("a = 'it''s' or a = 'tab\there\nnew \"q\" back\\slash' or a = 'del\x7f c1\xc2\x85 "
               "\xc3\xa9\xe6\x97\xa5'");
}

static void test_logic_round_trips(void)
{
    ROUND_TRIP("true");
    ROUND_TRIP("false");
    ROUND_TRIP("a and true or false");
    ROUND_TRIP("email_opt_in");
    ROUND_TRIP("not email_opt_in");
    ROUND_TRIP("not (a = 1)");
    ROUND_TRIP("not (a != 1)");
    ROUND_TRIP("not (a > 1)");
    ROUND_TRIP("not not (a > 1)");
    ROUND_TRIP("not not not a");
    ROUND_TRIP("not not not not (a is null)");
    ROUND_TRIP("not (a and b) or not not (c or d) and not true and not not false");
    ROUND_TRIP("(a or b) and (c or not (d and e))");
    ROUND_TRIP("in segment 'VIP' or not in segment 'V''IP' or not not in segment 'x'");
    ROUND_TRIP("not not not in segment 'x'");
}

static void test_behavior_round_trips(void)
{
    ROUND_TRIP("purchase");
    ROUND_TRIP("purchase in last 30 days or purchase in next 2 weeks");
    ROUND_TRIP("purchase this month or purchase previous quarter or purchase next year");
    ROUND_TRIP("purchase today or purchase yesterday");
    ROUND_TRIP("purchase between 2026-01-01 and 2026-02-01");
    ROUND_TRIP("purchase since 2026-01-01 or purchase after 3 days ago or purchase before "
               "'2026-01-01' or purchase before now or purchase after today or purchase since "
               "yesterday or purchase before 2 hours from now");
    ROUND_TRIP("not purchase in last 7 days");
    ROUND_TRIP("not not purchase this week");
    ROUND_TRIP("purchase where category = 'Shoes'");
    ROUND_TRIP("purchase where (category = 'Shoes' or amount > 100) in last 7 days");
    ROUND_TRIP("purchase count >= 3 in last 90 days");
    ROUND_TRIP("purchase count = 0 or purchase count != 0");
    ROUND_TRIP("not (purchase count != 0) or not (purchase count = 2) or not (purchase count > 2)");
    ROUND_TRIP("purchase sum(amount) > 500 in last 1 year");
    ROUND_TRIP("page_view count distinct(url) >= 5 this week");
    ROUND_TRIP("purchase avg(amount) between 1 and 2.5");
    ROUND_TRIP("not (purchase min(purchase.amount) between 1 and 2)");
    ROUND_TRIP("purchase max(\"Amount\") < 3 or purchase sum(\"a b\".c) = 007");
    ROUND_TRIP("first purchase in last 30 days or last purchase before 90 days ago");
    ROUND_TRIP("first purchase or last p where (x)");
    ROUND_TRIP("first purchase between 2026-01-01 and 2026-02-01");
    ROUND_TRIP("not (first purchase in last 3 days) or not (purchase where x = 1)");
    ROUND_TRIP("p where (q where (r = 1)) or p where (q count > 1)");
    ROUND_TRIP("p where (not gift and shipped_at before 2026-01-01 and not (x > 1))");
    ROUND_TRIP("p where (in segment 'x' or true) count > 1 today");
    ROUND_TRIP("p where x between 1 and 2 or p where (d between 2026-01-01 and 2026-01-02)");
    ROUND_TRIP("p where (a or b) count > 1 in last 3 days");
}

static void test_name_round_trips(void)
{
    ROUND_TRIP("\"age range\" = 1");
    ROUND_TRIP("\"Loyalty_Tier\" = 'Gold'");
    ROUND_TRIP("\"group\" = 'A' or group = 'B'");
    ROUND_TRIP("\"purchase\".amount > 1 or purchase.\"amount\" > 1 or \"p\".\"a\" = 1");
    ROUND_TRIP("\"in\" = 1 or \"and\".\"not\" = 2");
    ROUND_TRIP("\"say \"\"hi\"\"\" = 1");
    ROUND_TRIP("first first or count > 3 or last = 'Smith' or days = 1 or first in last 3 days");
    ROUND_TRIP("\"caf\xc3\xa9\" = 'x'");
    ROUND_TRIP("p where (\"First\" = 1) sum(\"x\") > 1");
    /* `first` and `last` where a pick could start: quoted, as they must be. */
    ROUND_TRIP("\"first\" contains 'x' or \"last\" this week or first not between 1 and 2 or "
               "\"first\" = 1 or p where (\"last\" like 'x') or \"last\" where (a)");
    ROUND_TRIP("\"Last\" in last 3 days or last in last 3 days or \"first\" or first.x like 'y'");
}

/* The JSON form itself: one sample written in full. */
static void test_written_form(void)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    reset();
    casc_node *n = parse_dsl("not (a > 1) and \"B\" = 007");
    if (n)
        json_of(n, &sb);
    CHECK_STR(casc_sb_str(&sb), "{\n"
                                "  \"type\": \"And\",\n"
                                "  \"conditions\": [\n"
                                "    {\n"
                                "      \"type\": \"Value\",\n"
                                "      \"leftValue\": {\n"
                                "        \"name\": \"a\"\n"
                                "      },\n"
                                "      \"operator\": {\n"
                                "        \"type\": \"Greater\",\n"
                                "        \"not\": true,\n"
                                "        \"rightValue\": 1\n"
                                "      }\n"
                                "    },\n"
                                "    {\n"
                                "      \"type\": \"Value\",\n"
                                "      \"leftValue\": {\n"
                                "        \"name\": \"B\",\n"
                                "        \"nameExact\": true\n"
                                "      },\n"
                                "      \"operator\": {\n"
                                "        \"type\": \"Equal\",\n"
                                "        \"not\": false,\n"
                                "        \"rightValue\": {\n"
                                "          \"type\": \"Number\",\n"
                                "          \"value\": \"007\"\n"
                                "        }\n"
                                "      }\n"
                                "    }\n"
                                "  ]\n"
                                "}");
    casc_sb_free(&sb);
}

/* JSON as Audience Studio and hand-written builders write it. */
static void test_reading(void)
{
    READS("{\"type\":\"And\",\"conditions\":[{\"type\":\"Value\",\"leftValue\":{\"name\":"
          "\"gender\"},\"operator\":{\"type\":\"Equal\",\"not\":false,\"rightValue\":\"Male\"},"
          "\"exclude\":false}]}",
          "gender = 'Male'");
    READS("{\"type\":\"And\",\"conditions\":[]}", "true");
    READS("{\"type\":\"Or\",\"conditions\":[]}", "false");
    READS("{\"type\":\"And\",\"conditions\":[{\"type\":\"And\",\"conditions\":["
          IS_NULL("a") "," IS_NULL("b") "]}," IS_NULL("c") "]}",
          "a is null and b is null and c is null");
    READS("{\"type\":\"Or\",\"conditions\":[{\"type\":\"Or\",\"conditions\":["
          VALUE("a", "{\"type\":\"IsNull\",\"not\":true}") "]}]}",
          "a is not null");
    READS("{\"type\":\"Or\",\"exclude\":true,\"conditions\":[{\"type\":\"Value\",\"leftValue\":"
          "{\"name\":\"a\"},\"exclude\":true}]}",
          "not not a");
    READS("{\"type\":\"Reference\",\"id\":\"1002\",\"exclude\":true}", "not in segment '1002'");
    READS("{\"type\":\"Reference\",\"id\":1002}", "in segment '1002'");
    READS("{\"type\":\"Reference\",\"segment\":\"VIP\"}", "in segment 'VIP'");
    READS("{\"type\":\"Exclude\",\"segment\":\"VIP\",\"exclude\":true}",
          "not not in segment 'VIP'");
    READS(VALUE("x", "{\"type\":\"Contain\",\"rightValues\":[\"a\",\"b\"]}"),
          "x contains 'a' or x contains 'b'");
    READS(VALUE("x", "{\"type\":\"StartWith\",\"not\":true,\"rightValues\":[\"a\",\"b\"]}"),
          "x not starts with 'a' and x not starts with 'b'");
    READS("{\"type\":\"Or\",\"conditions\":["
          VALUE("x", "{\"type\":\"EndWith\",\"rightValues\":[\"a\",\"b\"]}") ","
          VALUE("y", "{\"type\":\"Regexp\",\"rightValues\":[\"c\"]}") "]}",
          "x ends with 'a' or x ends with 'b' or y matches 'c'");
    READS(VALUE("a", "{\"type\":\"Greater\",\"not\":true,\"rightValue\":1}"), "not (a > 1)");
    READS(VALUE("a", "{\"type\":\"Between\",\"not\":true,\"minValue\":1,\"maxValue\":2}"),
          "a not between 1 and 2");
    READS(VALUE("a", "{\"type\":\"TimeRange\",\"not\":true,\"minValue\":1,\"maxValue\":2}"),
          "a not between 1 and 2");
    READS(VALUE("p", "{\"type\":\"TimeWithinPast\",\"not\":true,\"value\":3,\"unit\":\"day\"}"),
          "not p in last 3 days");
    READS(VALUE("p", "{\"type\":\"TimeRange\",\"minValue\":\"2026-01-01\"}"),
          "p since '2026-01-01'");
    READS(VALUE("p", "{\"type\":\"TimeCalendar\",\"period\":\"previous\",\"unit\":\"week\"}"),
          "p last week");
    READS(VALUE("p", "{\"type\":\"TimeAfter\",\"rightValue\":{\"type\":\"Ago\",\"value\":0,"
                     "\"unit\":\"minute\"}}"),
          "p after 0 minutes ago");
    READS(VALUE("a", "{\"type\":\"Equal\",\"rightValue\":{\"type\":\"Timestamp\",\"value\":"
                     "\"2026-03-30t10:30:00z\"}}"),
          "a = 2026-03-30t10:30:00z");
    READS(VALUE("a", "{\"type\":\"Equal\",\"rightValue\":{\"type\":\"Number\",\"value\":\"01\"}}"),
          "a = 01");
    READS("{\"type\":\"Value\",\"leftValue\":{\"source\":{\"name\":\"purchase\"}}}", "purchase");
    READS("{\"type\":\"Value\",\"leftValue\":{\"source\":{\"name\":\"purchase\"}},\"operator\":"
          "{\"type\":\"TimeRange\",\"minValue\":1,\"maxValue\":2}}",
          "purchase between 1 and 2");
    READS("{\"type\":\"Value\",\"leftValue\":{\"source\":{\"name\":\"purchase\"},\"aggregation\":"
          "{\"type\":\"Count\"},\"filter\":{\"type\":\"And\",\"conditions\":[{\"type\":\"Column\","
          "\"column\":\"category\",\"operator\":{\"type\":\"In\",\"rightValues\":[\"A\",\"B\"]}}]},"
          "\"window\":{\"type\":\"TimeWithinPast\",\"value\":90,\"unit\":\"day\"}},\"operator\":"
          "{\"type\":\"GreaterEqual\",\"rightValue\":2}}",
          "purchase where category in ('A', 'B') count >= 2 in last 90 days");
    READS("{\"type\":\"Value\",\"leftValue\":{\"source\":{\"name\":\"p\"},\"aggregation\":"
          "{\"type\":\"Last\"},\"filter\":" IS_NULL("x") "}"
          ",\"operator\":{\"type\":\"TimeBefore\",\"rightValue\":{\"type\":\"Ago\",\"value\":90,"
          "\"unit\":\"day\"}}}",
          "last p where x is null before 90 days ago");
    READS("{\"type\":\"Value\",\"leftValue\":{\"source\":{\"name\":\"p\"},\"aggregation\":"
          "{\"type\":\"Average\",\"column\":\"amount\",\"qualifier\":\"p\"}},"
          "\"operator\":{\"type\":\"Equal\",\"not\":true,\"rightValue\":3}}",
          "p avg(p.amount) != 3");
    READS("{\"type\":\"Value\",\"leftValue\":{\"name\":\"gender\",\"nameExact\":true,"
          "\"qualifier\":\"x\"}}",
          "x.\"gender\"");
    READS(VALUE("age range", "{\"type\":\"IsEmpty\"}"), "\"age range\" is empty");
    READS(VALUE("and", "{\"type\":\"Equal\",\"rightValue\":1}"), "\"and\" = 1");
    READS(VALUE("count", "{\"type\":\"Equal\",\"rightValue\":1}"), "count = 1");
    READS(VALUE("first", "{\"type\":\"Contain\",\"rightValues\":[\"x\",\"y\"]}"),
          "\"first\" contains 'x' or \"first\" contains 'y'");
    READS(VALUE("Last", "{\"type\":\"TimeToday\"}"), "\"Last\" today");
    READS(VALUE("last", "{\"type\":\"TimeWithinPast\",\"value\":1,\"unit\":\"day\"}"),
          "last in last 1 day");
    READS(VALUE("first", "{\"type\":\"Between\",\"not\":true,\"minValue\":1,\"maxValue\":2}"),
          "first not between 1 and 2");
    READS("\xef\xbb\xbf \n\t" VALUE("a", "{\"type\":\"Equal\",\"rightValue\":1,\"not\":null}")
          "\n",
          "a = 1");
}

static void test_errors(void)
{
    FAILS("", "1:1: the rule is empty: write a JSON condition such as {\"type\": \"And\", "
              "\"conditions\": []} for every profile");
    FAILS("{\"type\":\"And\",\"conditions\":[", "1:28: invalid JSON syntax: the file ends before "
                                                "every string, {...} and [...] is closed");
    FAILS("[1]", "1:1: a condition must be an object, found an array");
    FAILS("{\"type\":\"Valeu\"}", "1:9: unknown condition type 'Valeu' [did you mean 'Value']");
    FAILS("{\"type\":\"Composite\"}", "1:9: unknown condition type 'Composite' (expected And, Or, "
                                      "Value, Column, Include, Exclude or Reference)");
    FAILS("{\"conditions\":[]}", "1:1: this condition has no 'type' (expected And, Or, Value, "
                                 "Column, Include, Exclude or Reference)");
    FAILS("{\"type\":3}", "1:9: the condition's 'type' must be a string, found a number");
    FAILS("{\"type\":\"And\",\"conditions\":{}}", "1:28: 'conditions' must be an array, found an "
                                                "object");
    FAILS("{\"type\":\"And\",\"condition\":[]}",
          "1:15: unknown key 'condition' in an And group [did you mean 'conditions']");
    FAILS("{\"type\":\"And\",\"conditions\":[],\"exclude\":1}",
          "1:41: 'exclude' must be a boolean, found a number");
    FAILS("{\"type\":\"Value\"}", "1:1: a Value needs 'leftValue'");
    FAILS("{\"type\":\"Value\",\"leftValue\":{}}",
          "1:29: a leftValue needs 'name' (an attribute) or 'source' (a behavior)");
    FAILS("{\"type\":\"Value\",\"leftValue\":{\"name\":\"\"}}",
          "1:37: a name cannot be empty or hold a NUL character");
    FAILS("{\"type\":\"Value\",\"leftValue\":{\"name\":\"a\\u0000b\"}}",
          "1:37: a name cannot be empty or hold a NUL character");
    FAILS("{\"type\":\"Value\",\"leftValue\":{\"name\":\"a\",\"qualifierExact\":true}}",
          "1:58: 'qualifierExact' is given without a 'qualifier'");
    FAILS("{\"type\":\"Value\",\"leftValue\":{\"name\":\"a\",\"filter\":{}}}",
          "1:50: 'filter' is part of a behavior: name it with 'source' instead of 'name'");
    FAILS("{\"type\":\"Column\",\"column\":\"x\"}",
          "1:9: a Column condition tests a field in a behavior's filter; elsewhere write "
          "{\"type\": \"Value\", \"leftValue\": {\"name\": ...}}");
    FAILS(VALUE("a", "{\"type\":\"NotEqual\",\"rightValue\":1}"),
          "1:61: write {\"type\": \"Equal\", \"not\": true} for 'NotEqual'");
    FAILS(VALUE("a", "{\"type\":\"Equals\",\"rightValue\":1}"),
          "1:61: unknown operator type 'Equals' [did you mean 'Equal']");
    FAILS(VALUE("a", "{\"type\":\"Equal\",\"rightValues\":[1]}"),
          "1:69: unknown key 'rightValues' in an Equal operator [did you mean 'rightValue']");
    FAILS(VALUE("a", "{\"type\":\"Equal\",\"rightValue\":1,\"rightValue\":2}"),
          "1:84: duplicate key 'rightValue' (first given at line 1, column 69)");
    FAILS(VALUE("a", "{\"type\":\"Equal\"}"), "1:53: an Equal needs 'rightValue'");
    FAILS(VALUE("a", "{\"type\":\"Equal\",\"rightValue\":null}"),
          "1:82: null is not a value to compare with: use {\"type\": \"IsNull\"} (with \"not\": "
          "true for 'is not null')");
    FAILS(VALUE("a", "{\"type\":\"Equal\",\"rightValue\":[1]}"),
          "1:82: 'rightValue' must be a value: a string, a number, a boolean or an object such "
          "as {\"type\": \"Date\", ...}; found an array");
    FAILS(VALUE("a", "{\"type\":\"Equal\",\"rightValue\":1.}"),
          "1:82: invalid number '1.': write digits with an optional fraction and exponent, "
          "such as 42, -3, 19.99 or 1e6");
    FAILS(VALUE("a", "{\"type\":\"Equal\",\"rightValue\":\"a\\u0000\"}"),
          "1:82: a string in a rule cannot hold a NUL character (\\u0000)");
    FAILS(VALUE("a", "{\"type\":\"Equal\",\"rightValue\":{\"type\":\"Date\",\"value\":"
                     "\"2026-02-30\"}}"),
          "1:106: invalid date '2026-02-30': February 2026 has 28 days");
    FAILS(VALUE("a", "{\"type\":\"Equal\",\"rightValue\":{\"type\":\"Date\",\"value\":"
                     "\"2026-02-03T10:00:00\"}}"),
          "1:105: invalid date '2026-02-03T10:00:00': it is a timestamp: write {\"type\": "
          "\"Timestamp\", ...}");
    FAILS(VALUE("a", "{\"type\":\"Equal\",\"rightValue\":{\"type\":\"Timestamp\",\"value\":"
                     "\"2026-02-03 10:00:00\"}}"),
          "1:110: invalid timestamp '2026-02-03 10:00:00': write YYYY-MM-DD for a date, "
          "YYYY-MM-DDThh:mm:ss[.fraction][zone] for a timestamp");
    FAILS(VALUE("a", "{\"type\":\"Equal\",\"rightValue\":{\"type\":\"Date\",\"value\":"
                     "\"\\u00326-02-03\"}}"),
          "1:105: write the date without escape sequences (\\u0064 and the like)");
    FAILS(VALUE("a", "{\"type\":\"Equal\",\"rightValue\":{\"type\":\"Dat\"}}"),
          "1:90: unknown value type 'Dat' [did you mean 'Date']");
    FAILS(VALUE("a", "{\"type\":\"In\",\"rightValues\":[]}"),
          "1:80: 'rightValues' needs at least one value");
    FAILS(VALUE("a", "{\"type\":\"Between\",\"minValue\":1}"),
          "1:53: a Between needs both 'minValue' and 'maxValue' (for one bound, use "
          "GreaterEqual or LessEqual)");
    FAILS(VALUE("a", "{\"type\":\"Contain\",\"rightValue\":\"x\",\"rightValues\":[\"y\"]}"),
          "1:53: give 'rightValue' or 'rightValues', not both");
    FAILS(VALUE("p", "{\"type\":\"TimeWithinPast\",\"value\":30,\"unit\":\"days\"}"),
          "1:96: unknown unit 'days' [did you mean 'day']");
    FAILS(VALUE("p", "{\"type\":\"TimeWithinPast\",\"value\":30,\"unit\":\"second\"}"),
          "1:96: casc has no unit 'second': the smallest unit is minute");
    FAILS(VALUE("p", "{\"type\":\"TimeWithinPast\",\"value\":0,\"unit\":\"day\"}"),
          "1:86: the number of days must be a whole number from 1 to 1000000, not '0'");
    FAILS(VALUE("p", "{\"type\":\"TimeWithinNext\",\"value\":\"3\",\"unit\":\"day\"}"),
          "1:86: 'value' must be a number, found a string");
    FAILS(VALUE("p", "{\"type\":\"TimeCalendar\",\"period\":\"thsi\",\"unit\":\"day\"}"),
          "1:85: unknown period 'thsi' [did you mean 'this']");
    FAILS(VALUE("p", "{\"type\":\"TimeRange\",\"maxValue\":\"2026-01-01\"}"),
          "1:53: a TimeRange needs 'minValue' (for times before a bound, use TimeBefore)");
    FAILS(VALUE("p", "{\"type\":\"TimeAfter\",\"rightValue\":2026}"),
          "1:86: 'rightValue' must be a time: a string such as \"2026-03-30\", or an object such "
          "as {\"type\": \"Date\", ...}, {\"type\": \"Now\"} or {\"type\": \"Ago\", ...}; found a "
          "number");
    FAILS(VALUE("p", "{\"type\":\"TimeAfter\",\"rightValue\":{\"type\":\"Number\",\"value\":"
                     "\"1\"}}"),
          "1:86: 'rightValue' must be a time, not a Number value");
    FAILS(VALUE("p", "{\"type\":\"TimeBefore\",\"rightValue\":{\"type\":\"Ago\",\"value\":-1,"
                     "\"unit\":\"day\"}}"),
          "1:109: the number of days must be a whole number from 0 to 1000000, not '-1'");
    FAILS("{\"type\":\"Value\",\"leftValue\":{\"source\":{\"name\":\"p\"},\"aggregation\":"
          "{\"type\":\"Count\"}}}",
          "1:1: an aggregation is compared with a number: this condition needs an 'operator' "
          "such as {\"type\": \"GreaterEqual\", \"rightValue\": 1}");
    FAILS("{\"type\":\"Value\",\"leftValue\":{\"source\":{\"name\":\"p\"},\"aggregation\":"
          "{\"type\":\"Count\"}},\"operator\":{\"type\":\"GreaterEqual\",\"rightValue\":\"2\"}}",
          "1:131: 'rightValue' must be a number; found a string");
    FAILS("{\"type\":\"Value\",\"leftValue\":{\"source\":{\"name\":\"p\"},\"aggregation\":"
          "{\"type\":\"Count\"}},\"operator\":{\"type\":\"TimeToday\"}}",
          "1:103: an aggregation is compared with Equal, Greater, GreaterEqual, Less, LessEqual "
          "or Between, not TimeToday (its time window goes in leftValue.window)");
    FAILS("{\"type\":\"Value\",\"leftValue\":{\"source\":{\"name\":\"p\"},\"aggregation\":"
          "{\"type\":\"Count\"},\"window\":{\"type\":\"TimeToday\",\"not\":true}},\"operator\":"
          "{\"type\":\"Equal\",\"rightValue\":1}}",
          "1:92: a window cannot be negated: put \"not\": true on the operator or \"exclude\": "
          "true on the condition");
    FAILS("{\"type\":\"Value\",\"leftValue\":{\"source\":{\"name\":\"p\"},\"window\":{\"type\":"
          "\"TimeToday\"}}}",
          "1:61: 'window' goes with an aggregation such as Count; without one (or with First "
          "or Last) the window is the condition's 'operator'");
    FAILS("{\"type\":\"Value\",\"leftValue\":{\"source\":{\"name\":\"p\"}},\"operator\":{\"type\":"
          "\"Greater\",\"rightValue\":1}}",
          "1:72: a behavior without an aggregation, or with First or Last, takes a time window "
          "such as TimeWithinPast as its operator, not Greater (to compare, aggregate it with "
          "Count, Sum, ...)");
    FAILS("{\"type\":\"Value\",\"leftValue\":{\"source\":{\"name\":\"p\"},\"aggregation\":"
          "{\"type\":\"First\",\"column\":\"x\"}}}",
          "1:82: unknown key 'column' in a First or Last aggregation (expected type)");
    FAILS("{\"type\":\"Value\",\"leftValue\":{\"source\":{\"name\":\"p\"},\"aggregation\":"
          "{\"type\":\"Sum\"}},\"operator\":{\"type\":\"Equal\",\"rightValue\":1}}",
          "1:66: a Sum needs 'column'");
    FAILS("{\"type\":\"Value\",\"leftValue\":{\"source\":{\"name\":\"p\"},\"aggregation\":"
          "{\"type\":\"Avg\"}}}",
          "1:74: unknown aggregation type 'Avg' (expected Count, CountDistinct, Sum, Average, "
          "Min, Max, First or Last)");
    FAILS("{\"type\":\"Value\",\"leftValue\":{\"source\":{\"qualifier\":\"p\"}}}",
          "1:39: this object needs 'name'");
    FAILS("{\"type\":\"Value\",\"leftValue\":{\"name\":\"p\",\"source\":{\"name\":\"p\"}}}",
          "1:37: give leftValue either 'name' or 'source', not both");
    FAILS("{\"type\":\"Include\"}",
          "1:1: an Include needs 'segment', the name of a segment of the model");
    FAILS("{\"type\":\"Include\",\"segment\":3}",
          "1:29: a segment's name must be a string, found a number");
    FAILS("{\"type\":\"Include\",\"id\":\"3\"}",
          "1:19: unknown key 'id' in an Include (expected type, exclude or segment)");
    FAILS("{\"type\":\"Reference\",\"id\":\"3\",\"segment\":\"x\"}",
          "1:26: give a Reference 'id' or 'segment', not both");
    FAILS("{\"type\":\"And\",\"conditions\":[" VALUE("a", "{\"type\":\"IsNull\"}") ",7]}",
          "1:100: a condition must be an object, found a number");
    /* An error reports once, and then the reading stops. */
    reset();
    CHECK(!read_json("{\"type\":\"And\",\"conditions\":[{\"type\":1},{\"type\":2}]}") &&
          diags.nerrors == 1);
}

/* Spans point into the JSON: names at their text, values at the value,
 * conditions at their object. */
static void test_spans(void)
{
    reset();
    const char *json = "{\"type\":\"Value\",\"leftValue\":{\"name\":\"gendr\"},"
                       "\"operator\":{\"type\":\"Equal\",\"rightValue\":\"x\"}}";
    casc_node *n = read_json(json);
    CHECK(n && n->span.start == 0 && n->span.end == strlen(json));
    CHECK(n && n->u.leaf.subject.name.span.start == 37 && n->u.leaf.subject.name.span.end == 42);
    CHECK(n && n->u.leaf.values.items[0].span.start == 85 &&
          n->u.leaf.values.items[0].span.end == 88);
    reset();
    n = read_json("{\"type\":\"Include\",\"segment\":\"V\"}");
    CHECK(n && n->u.segment.span.start == 28 && n->u.segment.span.end == 31);
}

static void test_limits(void)
{
    /* 499 groups of one condition and the condition: 1000 objects and arrays. */
    char *text = nest("{\"type\":\"Or\",\"exclude\":true,\"conditions\":[", 499,
                      "{\"type\":\"Value\",\"leftValue\":{\"name\":\"a\"}}", "]}");
    reset();
    casc_node *n = read_json(text);
    uint32_t nots = 0;
    for (; n && n->kind == CASC_N_NOT; n = n->u.child)
        nots++;
    CHECK(n && n->kind == CASC_N_SUBJECT && nots == 499);
    free(text);
    /* One more is too deep, at its place, before cJSON would refuse it. */
    text = nest("{\"type\":\"Or\",\"exclude\":true,\"conditions\":[", 499,
                "{\"type\":\"Value\",\"leftValue\":{\"name\":{}}}", "]}");
    FAILS(text, "1:20995: the rule nests too deeply: JSON objects and arrays may be nested at "
                "most 1000 deep");
    free(text);
    text = nest("[", 100000, "", "]");
    FAILS(text, "1:1001: the rule nests too deeply: JSON objects and arrays may be nested at "
                "most 1000 deep");
    free(text);

    /* 100,000 conditions in one group, in both directions. */
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_sb_puts(&sb, "{\"type\":\"Or\",\"conditions\":[");
    for (int i = 0; i < 100000; i++)
        casc_sb_printf(&sb, "%s" VALUE("a", "{\"type\":\"Equal\",\"rightValue\":%d}"),
                       i ? "," : "", i);
    casc_sb_puts(&sb, "]}");
    reset();
    n = read_json_n(sb.data, sb.len);
    CHECK(n && n->kind == CASC_N_OR && n->u.list.n == 100000);
    casc_strbuf out = CASC_STRBUF_INIT;
    if (n)
        casc_rule_to_json(n, &out);
    CHECK(!out.failed && out.len > sb.len);
    casc_sb_free(&out);
    casc_sb_free(&sb);

    /* A rule nested as deep as the rule language allows is written with its
     * indentation capped, so its JSON grows in step with the rule. */
    text = nest("not ", 2000, "a", "");
    reset();
    n = parse_dsl(text);
    if (n)
        casc_rule_to_json(n, &out);
    CHECK(n && !out.failed && out.len < 2000 * 500);
    casc_sb_free(&out);
    free(text);
}

int main(void)
{
    test_attribute_round_trips();
    test_logic_round_trips();
    test_behavior_round_trips();
    test_name_round_trips();
    test_written_form();
    test_reading();
    test_errors();
    test_spans();
    test_limits();
    casc_arena_free(arena);
    return check_summary("rule json");
}
