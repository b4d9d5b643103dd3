/* test_api.c - the public interface (include/casc.h) as an embedding
 * program sees it: results as data, diagnostics with places and spans,
 * option errors, models from memory and files, the rule formats. Only
 * casc.h is included: this is what libcasc's users have. */
#include <stdlib.h>
#include <string.h>

#include "casc.h"
#include "check.h"

static const char model_text[] =
    "master_table:\n"
    "  table: customers\n"
    "  key_column: id\n"
    "  columns:\n"
    "    - {name: tier, type: string}\n"
    "    - {name: age, type: integer}\n"
    "behaviors:\n"
    "  - name: purchase\n"
    "    table: purchases\n"
    "    timestamp_column: at\n"
    "    columns:\n"
    "      - {name: amount, type: number}\n"
    "segments:\n"
    "  - {name: VIP, rule: \"age > \"}\n";

static casc_model *load(void)
{
    casc_model *m = NULL;
    casc_result *r = casc_model_load_memory("m.yaml", model_text, sizeof model_text - 1, &m);
    CHECK(casc_result_status(r) == CASC_OK);
    CHECK(casc_result_text(r, NULL) == NULL);
    CHECK_STR(casc_result_diagnostics_text(r), "");
    casc_result_free(r);
    CHECK(m != NULL);
    return m;
}

static void test_compile(casc_model *m)
{
    casc_options o = {0};
    o.dialect = "postgres";
    o.now = "2026-03-30T12:00:00Z";
    casc_result *r = casc_compile(m, "tier = 'Gold' and purchase in last 7 days", (size_t)-1, &o);
    CHECK(casc_result_status(r) == CASC_OK);
    size_t len = 0;
    const char *sql = casc_result_text(r, &len);
    CHECK(sql && len == strlen(sql) && strstr(sql, "FROM customers AS c") && strstr(sql, "purchases"));
    CHECK(casc_result_diagnostic_count(r) == 0);
    CHECK(casc_result_diagnostic(r, 0) == NULL);
    CHECK(casc_result_table_count(r) == 2);
    CHECK_STR(casc_result_table(r, 0), "customers");
    CHECK_STR(casc_result_table(r, 1), "purchases");
    CHECK(casc_result_table(r, 2) == NULL);
    casc_result_free(r);

    /* Explicit lengths: the rule need not be NUL-terminated. */
    r = casc_compile(m, "tier = 'Gold' garbage", 13, NULL);
    CHECK(casc_result_status(r) == CASC_OK);
    casc_result_free(r);

    o.select = "count";
    r = casc_compile(m, "true", (size_t)-1, &o);
    CHECK(casc_result_status(r) == CASC_OK && strstr(casc_result_text(r, NULL), "COUNT("));
    casc_result_free(r);
}

static void test_diagnostics(casc_model *m)
{
    casc_options o = {0};
    o.name = "rules.casc";
    o.first_line = 9;
    casc_result *r = casc_compile(m, "age > 3 and\n  tiers = 'x'", (size_t)-1, &o);
    CHECK(casc_result_status(r) == CASC_ERR_INPUT);
    CHECK(casc_result_text(r, NULL) == NULL);
    CHECK(casc_result_diagnostic_count(r) == 1);
    const casc_diagnostic *d = casc_result_diagnostic(r, 0);
    CHECK(d && d->severity == CASC_SEV_ERROR);
    CHECK_STR(d ? d->file : NULL, "rules.casc");
    CHECK(d && d->line == 11 && d->column == 3 && d->start == 14 && d->end == 19);
    CHECK(d && d->nsuggestions == 1);
    CHECK_STR(d && d->nsuggestions ? d->suggestions[0] : NULL, "tier");
    CHECK(strstr(casc_result_diagnostics_text(r), "rules.casc:11:3: error: ") != NULL);
    casc_result_free(r);

    /* A syntax error, through check. */
    r = casc_check(m, "age >", (size_t)-1, NULL);
    CHECK(casc_result_status(r) == CASC_ERR_INPUT);
    d = casc_result_diagnostic(r, 0);
    CHECK(d && d->line == 1 && d->column == 6);
    CHECK_STR(d ? d->file : NULL, "<rule>");
    casc_result_free(r);

    /* An error inside the model's segment rule points into the model. */
    r = casc_check(m, "in segment 'VIP'", (size_t)-1, NULL);
    CHECK(casc_result_status(r) == CASC_ERR_INPUT);
    d = casc_result_diagnostic(r, 0);
    CHECK_STR(d ? d->file : NULL, "m.yaml");
    casc_result_free(r);

    r = casc_check(m, "age > 3", (size_t)-1, NULL);
    CHECK(casc_result_status(r) == CASC_OK && casc_result_text(r, NULL) == NULL);
    casc_result_free(r);

    /* A NUL inside the given length is reported, not cut off. */
    r = casc_check(m, "age > 3\0x", 9, NULL);
    CHECK(casc_result_status(r) == CASC_ERR_INPUT);
    d = casc_result_diagnostic(r, 0);
    CHECK(d && d->start == 7);
    casc_result_free(r);
}

static void expect_option_error(casc_model *m, const casc_options *o, const char *words)
{
    casc_result *r = casc_compile(m, "age > 3", (size_t)-1, o);
    CHECK(casc_result_status(r) == CASC_ERR_OPTIONS);
    const casc_diagnostic *d = casc_result_diagnostic(r, 0);
    CHECK(d && d->line == 0 && d->file == NULL && strstr(d->message, words));
    casc_result_free(r);
    r = casc_options_check(o);
    CHECK(casc_result_status(r) == CASC_ERR_OPTIONS);
    casc_result_free(r);
}

static void test_options(casc_model *m)
{
    casc_options o = {0};
    o.dialect = "oracle";
    expect_option_error(m, &o, "unknown dialect 'oracle'");
    o = (casc_options){.now = "yesterday"};
    expect_option_error(m, &o, "not a timestamp");
    o = (casc_options){.timezone = "Mars/Olympus"};
    expect_option_error(m, &o, "unknown time zone");
    o = (casc_options){.select = "everyone"};
    expect_option_error(m, &o, "unknown select");
    o = (casc_options){.from = (casc_rule_format)7};
    expect_option_error(m, &o, "unknown rule format");
    casc_result *r = casc_options_check(NULL);
    CHECK(casc_result_status(r) == CASC_OK);
    casc_result_free(r);
}

static void test_models(void)
{
    casc_model *m = (casc_model *)1;
    casc_result *r = casc_model_load_memory("bad.yaml", "master_table: [", 15, &m);
    CHECK(casc_result_status(r) == CASC_ERR_INPUT && m == NULL);
    const casc_diagnostic *d = casc_result_diagnostic(r, 0);
    CHECK_STR(d ? d->file : NULL, "bad.yaml");
    CHECK(d && d->line == 1);
    casc_result_free(r);

    r = casc_model_load_file("/nonexistent/model.yaml", &m);
    CHECK(casc_result_status(r) == CASC_ERR_IO && m == NULL);
    CHECK(strstr(casc_result_diagnostics_text(r), "cannot open") != NULL);
    casc_result_free(r);

    r = casc_model_load_file("examples/retail.yaml", &m);
    CHECK(casc_result_status(r) == CASC_OK && m != NULL);
    casc_result_free(r);
    r = casc_model_schema(m, "json");
    CHECK(casc_result_status(r) == CASC_OK && strstr(casc_result_text(r, NULL), "\"attributes\""));
    casc_result_free(r);
    r = casc_model_schema(m, NULL);
    CHECK(casc_result_status(r) == CASC_OK && strstr(casc_result_text(r, NULL), "attributes ("));
    casc_result_free(r);
    r = casc_model_schema(m, "xml");
    CHECK(casc_result_status(r) == CASC_ERR_OPTIONS);
    casc_result_free(r);
    casc_model_free(m);
    casc_model_free(NULL);
    casc_result_free(NULL);
}

static void test_format(void)
{
    casc_result *r = casc_format("A  =  1 AND (b=2)", (size_t)-1, CASC_RULE_DSL, NULL);
    CHECK(casc_result_status(r) == CASC_OK);
    CHECK_STR(casc_result_text(r, NULL), "A = 1 and b = 2\n");
    casc_result_free(r);
    r = casc_format("a = ", (size_t)-1, CASC_RULE_DSL, NULL);
    CHECK(casc_result_status(r) == CASC_ERR_INPUT && casc_result_diagnostic_count(r) == 1);
    casc_result_free(r);
    r = casc_format("a = 1", (size_t)-1, (casc_rule_format)9, NULL);
    CHECK(casc_result_status(r) == CASC_ERR_OPTIONS);
    casc_result_free(r);
    CHECK_STR(casc_version(), CASC_VERSION);
}

int main(void)
{
    casc_model *m = load();
    if (m) {
        test_compile(m);
        test_diagnostics(m);
        test_options(m);
        casc_model_free(m);
    }
    test_models();
    test_format();
    return check_summary("api");
}
