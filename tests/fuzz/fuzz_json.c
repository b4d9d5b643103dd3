/* fuzz_json.c - libFuzzer target for JSON rules, through the public API:
 * any bytes read as a JSON rule must give a result (never a crash); one
 * that reads must write back to JSON that reads to the same JSON again,
 * and to rule-language text that gives that JSON too; and compiling the
 * JSON and that text against the example model must agree. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "casc.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static casc_model *model; /* loaded once, lives as long as the fuzzer */

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *path = getenv("CASC_FUZZ_MODEL");
    casc_result *r = casc_model_load_file(path ? path : "examples/retail.yaml", &model);
    casc_result_free(r);
    if (!model) {
        fputs("fuzz_json: cannot load the model\n", stderr);
        exit(1);
    }
    return 0;
}

/* The text of converting text (from `from`) to `to`; NULL when it fails. */
static char *convert(const char *text, size_t len, casc_rule_format from, casc_rule_format to)
{
    casc_options o = {.from = from};
    casc_result *r = casc_format(text, len, to, &o);
    size_t n;
    const char *out = casc_result_text(r, &n);
    char *copy = out ? malloc(n + 1) : NULL;
    if (copy)
        memcpy(copy, out, n + 1);
    casc_result_free(r);
    return copy;
}

static char *compile(const char *text, casc_rule_format from)
{
    casc_options o = {.from = from, .now = "2026-03-30T12:00:00Z", .dialect = "postgres"};
    casc_result *r = casc_compile(model, text, (size_t)-1, &o);
    const char *sql = casc_result_text(r, NULL);
    char *copy = sql ? strdup(sql) : NULL;
    casc_result_free(r);
    return copy;
}

static int same(const char *a, const char *b)
{
    return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *json = convert((const char *)data, size, CASC_RULE_JSON, CASC_RULE_JSON);
    if (!json)
        return 0;
    char *again = convert(json, strlen(json), CASC_RULE_JSON, CASC_RULE_JSON);
    char *dsl = convert(json, strlen(json), CASC_RULE_JSON, CASC_RULE_DSL);
    char *back = dsl ? convert(dsl, strlen(dsl), CASC_RULE_DSL, CASC_RULE_JSON) : NULL;
    if (!same(json, again) || !dsl || !same(json, back))
        abort(); /* the writer and the reader disagree */
    char *sql_json = compile(json, CASC_RULE_JSON), *sql_dsl = compile(dsl, CASC_RULE_DSL);
    if (!same(sql_json, sql_dsl))
        abort(); /* the same rule compiles differently from its two forms */
    free(json);
    free(again);
    free(dsl);
    free(back);
    free(sql_json);
    free(sql_dsl);
    return 0;
}
