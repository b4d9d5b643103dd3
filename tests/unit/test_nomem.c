/* test_nomem.c - running out of memory at every allocation in turn.
 *
 * The library promises that every allocation failure is an error result,
 * never a crash, a leak or a wrong answer. This program is linked with
 * --wrap for malloc, calloc and realloc (see the Makefile), so that the
 * library's own allocations (not those inside libyaml or libcjson) go
 * through a budget: for n = 0, 1, 2, ... the n-th allocation fails. Each
 * call must then return a result that is either CASC_ERR_NOMEM or exactly
 * the result of the same call with memory to spare. Under `make test
 * SANITIZE=1` AddressSanitizer also checks that nothing leaks. */
#include <stdbool.h>
#include <stdlib.h>
#include <string.h>

#include "casc.h"
#include "check.h"

void *__real_malloc(size_t n);
void *__real_calloc(size_t n, size_t size);
void *__real_realloc(void *p, size_t n);
void *__wrap_malloc(size_t n);
void *__wrap_calloc(size_t n, size_t size);
void *__wrap_realloc(void *p, size_t n);

/* Test-only state: the allocations left before one fails (-1: no limit). */
static long budget = -1;
static bool failed_one;

static bool take(void)
{
    if (budget < 0)
        return true;
    if (budget-- == 0) {
        failed_one = true;
        return false;
    }
    return true;
}

void *__wrap_malloc(size_t n)
{
    return take() ? __real_malloc(n) : NULL;
}

void *__wrap_calloc(size_t n, size_t size)
{
    return take() ? __real_calloc(n, size) : NULL;
}

void *__wrap_realloc(void *p, size_t n)
{
    return take() ? __real_realloc(p, n) : NULL;
}

static const char model_text[] =
    "{\"master_table\": {\"table\": \"customers\", \"key_column\": \"id\",\n"
    "  \"columns\": [{\"name\": \"tier\", \"type\": \"string\"},\n"
    "               {\"name\": \"age\", \"type\": \"integer\"},\n"
    "               {\"name\": \"tags\", \"type\": \"array\"}]},\n"
    " \"attributes\": [{\"name\": \"ltv\", \"table\": \"m\", \"value_column\": \"v\","
    " \"type\": \"number\"}],\n"
    " \"behaviors\": [{\"name\": \"purchase\", \"table\": \"p\", \"timestamp_column\": \"at\",\n"
    "   \"columns\": [{\"name\": \"amount\", \"type\": \"number\"}]}],\n"
    " \"segments\": [{\"name\": \"VIP\", \"rule\": \"ltv > 5000\"}]}\n";

static const char *const rules[] = {
    "tier = 'Gold' and (age between 20 and 30 or tags contains any ('a', 'b'))",
    "purchase where amount > 5 count >= 2 in last 30 days and not in segment 'VIP'",
    "last purchase before 90 days ago or purchase sum(amount) > 100 this month",
    /* the few profiles first (plan_narrow.c): a scan added beside, and two */
    "purchase where amount > 5 count >= 2 in last 7 days and purchase sum(amount) > 100 in last 1 year",
    "first purchase in last 30 days and purchase count >= 3 in last 1 year",
    /* a semi-join for each "some event" (plan_exists.c), one shared by two */
    "purchase where amount > 5 in last 30 days and purchase in last 30 days and purchase where amount > 5 in last 30 days",
    /* PostgreSQL: "at least n events" first, an index probe (plan_probe.c) */
    "age >= 30 and purchase count > 3 in last 1 year and purchase avg(amount) >= 20 in last 1 year",
    "tier = 'Gold' and purchase where amout > 1", /* an error with a suggestion */
};

typedef casc_result *(*call_fn)(const casc_model *m, const char *rule, const casc_options *o);

static casc_result *do_compile(const casc_model *m, const char *rule, const casc_options *o)
{
    return casc_compile(m, rule, (size_t)-1, o);
}

static casc_result *do_check(const casc_model *m, const char *rule, const casc_options *o)
{
    return casc_check(m, rule, (size_t)-1, o);
}

static casc_result *do_format(const casc_model *m, const char *rule, const casc_options *o)
{
    (void)m;
    return casc_format(rule, (size_t)-1, CASC_RULE_DSL, o);
}

static bool same_result(const casc_result *a, const casc_result *b)
{
    const char *ta = casc_result_text(a, NULL), *tb = casc_result_text(b, NULL);
    return casc_result_status(a) == casc_result_status(b) &&
           (ta == tb || (ta && tb && strcmp(ta, tb) == 0)) &&
           strcmp(casc_result_diagnostics_text(a), casc_result_diagnostics_text(b)) == 0;
}

/* Fail each allocation of one call in turn; true when every run gave the
 * expected result or CASC_ERR_NOMEM. */
static bool exhaust(call_fn call, const casc_model *m, const char *rule, const casc_options *o)
{
    casc_result *want = call(m, rule, o);
    bool ok = true;
    for (long n = 0;; n++) {
        budget = n;
        failed_one = false;
        casc_result *got = call(m, rule, o);
        budget = -1;
        if (!got || (casc_result_status(got) != CASC_ERR_NOMEM && !same_result(got, want))) {
            fprintf(stderr, "allocation %ld failing gave a wrong result for: %s\n  status %d: %s\n", n, rule, got ? (int)casc_result_status(got) : -1, got ? casc_result_diagnostics_text(got) : "");
            ok = false;
        }
        casc_result_free(got);
        if (!failed_one || !ok)
            break;
    }
    casc_result_free(want);
    return ok;
}

static void exhaust_model_load(void)
{
    bool ok = true;
    for (long n = 0;; n++) {
        casc_model *m = NULL;
        budget = n;
        failed_one = false;
        casc_result *r = casc_model_load_memory("m.json", model_text, sizeof model_text - 1, &m);
        budget = -1;
        casc_status s = casc_result_status(r);
        if (!(s == CASC_OK && m) && !(s == CASC_ERR_NOMEM && !m)) {
            fprintf(stderr, "allocation %ld failing while loading: status %d\n", n, (int)s);
            ok = false;
        }
        casc_result_free(r);
        casc_model_free(m);
        if (!failed_one || !ok)
            break;
    }
    CHECK(ok);
}

int main(void)
{
    exhaust_model_load();
    casc_model *m = NULL;
    casc_result *r = casc_model_load_memory("m.json", model_text, sizeof model_text - 1, &m);
    casc_result_free(r);
    CHECK(m != NULL);
    if (!m)
        return check_summary("out of memory");
    const char *dialects[] = {"snowflake", "databricks", "postgres"};
    for (size_t i = 0; i < sizeof rules / sizeof *rules; i++) {
        for (size_t k = 0; k < 3; k++) {
            casc_options o = {.dialect = dialects[k], .now = "2026-03-30T12:00:00Z"};
            CHECK(exhaust(do_compile, m, rules[i], &o));
        }
        CHECK(exhaust(do_check, m, rules[i], NULL));
        CHECK(exhaust(do_format, m, rules[i], NULL));
    }
    casc_model_free(m);
    return check_summary("out of memory");
}
