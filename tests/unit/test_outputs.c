/* test_outputs.c - the output options (docs/outputs.md): their form as
 * compiler/output.c reads it (shares, limits, edges, lists, directions,
 * which output each belongs to), the sample's thresholds, and casc_overlap
 * through the public interface. What the SQL means is checked on
 * PostgreSQL by tests/semantic/ and sql-fixtures/. */
#include <stdint.h>
#include <string.h>

#include "check.h"
#include "output.h"

static bool parse(casc_arena *a, const casc_options *o, casc_output_request *req)
{
    casc_strbuf why = CASC_STRBUF_INIT;
    bool ok = casc_output_parse(a, o, false, req, &why);
    CHECK(ok == (why.len == 0));
    casc_sb_free(&why);
    return ok;
}

static void test_thresholds(void)
{
    CHECK(casc_sample_threshold(0) == 0);
    CHECK(casc_sample_threshold(10000) == CASC_HASH_RANGE);
    CHECK(casc_sample_threshold(5000) == UINT64_C(2147483648));
    /* 2^32 / 10000 = 429496.7296: the least h with h * 10000 >= 2^32. */
    CHECK(casc_sample_threshold(1) == 429497);
}

static void test_shares(casc_arena *a)
{
    casc_output_request r;
    CHECK(parse(a, &(casc_options){.sample = "12.5%"}, &r) && r.has_sample && r.sample_lo == 0 &&
          r.sample_hi == casc_sample_threshold(1250));
    CHECK(parse(a, &(casc_options){.sample = "10%-20.25%", .seed = "ab-1.x_Y"}, &r) &&
          r.sample_lo == casc_sample_threshold(1000) &&
          r.sample_hi == casc_sample_threshold(2025) && !strcmp(r.seed, "ab-1.x_Y"));
    CHECK(parse(a, &(casc_options){.sample = "0%-100%"}, &r) && r.sample_hi == CASC_HASH_RANGE);
    CHECK(parse(a, &(casc_options){.sample = "5%"}, &r) && !strcmp(r.seed, "0"));
    const char *bad[] = {"12.345%", "-1%",  "%",      "1e2%", "101%",   "20%-10%",
                         "10",      "10%-", "10%20%", "1.%",  "100.01%"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++)
        CHECK(!parse(a, &(casc_options){.sample = bad[i]}, &r));
    CHECK(!parse(a, &(casc_options){.sample = "5%", .seed = "a b"}, &r));
    CHECK(!parse(a, &(casc_options){.sample = "5%", .seed = ""}, &r));
    CHECK(!parse(a, &(casc_options){.seed = "7"}, &r));
}

static void test_members(casc_arena *a)
{
    casc_output_request r;
    CHECK(parse(a, &(casc_options){.limit = "10"}, &r) && r.has_limit && !r.limit_percent &&
          r.limit == 10);
    CHECK(parse(a, &(casc_options){.limit = "2.5%"}, &r) && r.limit_percent && r.limit_bp == 250);
    CHECK(parse(a, &(casc_options){.limit = "9223372036854775807"}, &r) && r.limit == INT64_MAX);
    CHECK(!parse(a, &(casc_options){.limit = "9223372036854775808"}, &r));
    CHECK(!parse(a, &(casc_options){.limit = "-1"}, &r));
    CHECK(parse(a, &(casc_options){.order_by = "age range DESC"}, &r) &&
          !strcmp(r.order_by, "age range") && r.descending);
    CHECK(parse(a, &(casc_options){.order_by = "age range"}, &r) &&
          !strcmp(r.order_by, "age range") && !r.descending);
    CHECK(parse(a, &(casc_options){.order_by = "ltv asc"}, &r) && !strcmp(r.order_by, "ltv"));
    CHECK(!parse(a, &(casc_options){.order_by = " desc"}, &r));
    CHECK(parse(a, &(casc_options){.columns = " a , b,c"}, &r) && r.ncolumns == 3 &&
          !strcmp(r.columns[0], "a") && !strcmp(r.columns[1], "b"));
    CHECK(!parse(a, &(casc_options){.columns = "a,,b"}, &r));
    CHECK(!parse(a, &(casc_options){.columns = ""}, &r));
}

static void test_breakdown(casc_arena *a)
{
    casc_output_request r;
    casc_options o = {.select = "breakdown", .by = "age", .buckets = "5"};
    CHECK(parse(a, &o, &r) && r.select == CASC_SELECT_BREAKDOWN && r.nbuckets == 5);
    o.buckets = "-1.5,0,1e3";
    CHECK(parse(a, &o, &r) && r.nedges == 3 && !strcmp(r.edges[2], "1e3"));
    const char *bad[] = {"0", "1001", "1,1", "2,1", "a,b", "1,,2", "1e,2", "1.,2", "x"};
    for (size_t i = 0; i < sizeof bad / sizeof *bad; i++) {
        o.buckets = bad[i];
        CHECK(!parse(a, &o, &r));
    }
    o = (casc_options){.select = "breakdown", .by = "age", .top = "3"};
    CHECK(parse(a, &o, &r) && r.top == 3);
    o.top = "0";
    CHECK(!parse(a, &o, &r));
    o.top = "3";
    o.buckets = "4";
    CHECK(!parse(a, &o, &r));
    CHECK(!parse(a, &(casc_options){.select = "breakdown"}, &r));
    CHECK(!parse(a, &(casc_options){.select = "breakdown", .by = ""}, &r));
}

/* Each option belongs to one output; elsewhere it is an error. */
static void test_belonging(casc_arena *a)
{
    casc_output_request r;
    CHECK(!parse(a, &(casc_options){.by = "age"}, &r));
    CHECK(!parse(a, &(casc_options){.select = "count", .limit = "3"}, &r));
    CHECK(!parse(a, &(casc_options){.select = "stats", .of = "age", .columns = "a"}, &r));
    CHECK(!parse(a, &(casc_options){.select = "events", .behavior = "b", .order_by = "a"}, &r));
    CHECK(!parse(a, &(casc_options){.last = "2"}, &r));
    CHECK(parse(a, &(casc_options){.select = "events", .behavior = "b", .last = "2"}, &r) &&
          r.last == 2 && r.select == CASC_SELECT_EVENTS);
    CHECK(parse(a, &(casc_options){.select = "count", .sample = "1%"}, &r));
    casc_strbuf why = CASC_STRBUF_INIT;
    CHECK(!casc_output_parse(a, &(casc_options){.select = "count"}, true, &r, &why));
    CHECK(strstr(casc_sb_str(&why), "overlap") != NULL);
    casc_sb_free(&why);
    CHECK(casc_output_parse(a, &(casc_options){.sample = "5%"}, true, &r, &why) &&
          r.select == CASC_SELECT_OVERLAP);
    casc_sb_free(&why);
}

static const char model_text[] = "master_table: {table: customers, key_column: id,\n"
                                 "  columns: [{name: tier, type: string}]}\n"
                                 "segments:\n"
                                 "  - {name: Blocked, table: blocked, key_column: id}\n";

static void test_overlap(void)
{
    casc_model *m = NULL;
    casc_result *r = casc_model_load_memory("m.yaml", model_text, sizeof model_text - 1, &m);
    CHECK(casc_result_status(r) == CASC_OK);
    casc_result_free(r);
    const char *rules[9] = {"tier = 'a'", "in segment 'Blocked' -- ignored", "tier = 'b'"};
    size_t lens[3] = {10, 23, (size_t)-1};
    casc_options o = {.dialect = "postgres"};
    r = casc_overlap(m, rules, lens, 3, &o);
    const char *sql = casc_result_text(r, NULL);
    CHECK(sql && strstr(sql, "AS rule_3") && strstr(sql, "GROUP BY o.rule_1, o.rule_2, o.rule_3"));
    /* The segment's table is in the list, though only a rule reads it. */
    CHECK(casc_result_table_count(r) == 2);
    CHECK_STR(casc_result_table(r, 1), "blocked");
    casc_result_free(r);
    for (int i = 3; i < 9; i++)
        rules[i] = "true";
    r = casc_overlap(m, rules, NULL, 9, &o);
    CHECK(casc_result_status(r) == CASC_ERR_OPTIONS);
    casc_result_free(r);
    r = casc_overlap(m, rules, NULL, 0, NULL);
    CHECK(casc_result_status(r) == CASC_ERR_OPTIONS);
    casc_result_free(r);
    o.by = "tier";
    r = casc_overlap(m, rules, NULL, 2, &o);
    CHECK(casc_result_status(r) == CASC_ERR_OPTIONS);
    casc_result_free(r);
    /* Every rule's errors, each named after its place in the list. */
    const char *wrong[] = {"tir = 1", "true", "tier ="};
    r = casc_overlap(m, wrong, NULL, 3, NULL);
    CHECK(casc_result_status(r) == CASC_ERR_INPUT && casc_result_diagnostic_count(r) == 2);
    const casc_diagnostic *d = casc_result_diagnostic(r, 1);
    CHECK_STR(d ? d->file : NULL, "<rule 3>");
    casc_result_free(r);
    casc_model_free(m);
}

int main(void)
{
    casc_arena *a = casc_arena_new();
    test_thresholds();
    test_shares(a);
    test_members(a);
    test_breakdown(a);
    test_belonging(a);
    test_overlap();
    casc_arena_free(a);
    return check_summary("outputs");
}
