/* compile_bench.c - how fast libcasc compiles rules, end to end (rule text
 * in, SQL text out), in one process.
 *
 *   compile_bench MODEL RULES [DIALECT [ITERATIONS]]
 *       every line of RULES compiled ITERATIONS times (default 20000) after a
 *       warm-up; prints the median, 90th, 99th percentile and worst latency
 *       of one compilation, rules per second, and the peak memory; then
 *       each rule's median, 99th percentile, worst and SQL size.
 *   compile_bench MODEL --big BYTES [DIALECT]
 *       one rule of about BYTES bytes (typical conditions joined by and/or)
 *       compiled once; prints the time, the rule's size and the peak memory
 *       (run it in a fresh process per size: the peak is the process's).
 *
 * Timing belongs here, never in tests (see BENCHMARKS.md). */
#define _POSIX_C_SOURCE 200809L
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <time.h>

#include "casc.h"

static double now_ns(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1e9 + (double)ts.tv_nsec;
}

static long peak_kib(void)
{
    struct rusage ru;
    getrusage(RUSAGE_SELF, &ru);
    return ru.ru_maxrss;
}

static int by_value(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static char *read_all(const char *path, size_t *len)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    size_t cap = 1 << 16, n = 0;
    char *s = malloc(cap);
    size_t got;
    while (s && (got = fread(s + n, 1, cap - n - 1, f)) > 0) {
        n += got;
        if (cap - n < 2) {
            char *t = realloc(s, cap *= 2);
            if (!t) {
                free(s);
                s = NULL;
            }
            s = t;
        }
    }
    fclose(f);
    if (s)
        s[n] = '\0';
    *len = n;
    return s;
}

static int fail(casc_result *r)
{
    fputs(casc_result_diagnostics_text(r), stderr);
    casc_result_free(r);
    return 1;
}

static int bench_lines(const casc_model *m, char *text, const casc_options *o, long iterations)
{
    const char *lines[1024];
    size_t nlines = 0;
    for (char *p = strtok(text, "\n"); p && nlines < 1024; p = strtok(NULL, "\n"))
        if (*p)
            lines[nlines++] = p;
    size_t total = nlines * (size_t)iterations, sizes[1024];
    double *lat = malloc(total * sizeof *lat), *one = malloc((size_t)iterations * sizeof *one);
    if (!lat || !one || !nlines)
        return 1;
    for (size_t i = 0; i < nlines; i++) { /* warm-up, and every rule must compile */
        casc_result *r = casc_compile(m, lines[i], (size_t)-1, o);
        if (casc_result_status(r) != CASC_OK)
            return fail(r);
        casc_result_text(r, &sizes[i]);
        casc_result_free(r);
    }
    size_t k = 0, sql_bytes = 0;
    double start = now_ns();
    for (long it = 0; it < iterations; it++)
        for (size_t i = 0; i < nlines; i++) {
            double t0 = now_ns();
            casc_result *r = casc_compile(m, lines[i], (size_t)-1, o);
            size_t n;
            casc_result_text(r, &n);
            sql_bytes += n;
            casc_result_free(r);
            lat[k++] = now_ns() - t0;
        }
    double elapsed = now_ns() - start;
    for (size_t i = 0; i < nlines; i++) { /* rule i's latencies, before lat is sorted */
        for (long it = 0; it < iterations; it++)
            one[it] = lat[(size_t)it * nlines + i];
        qsort(one, (size_t)iterations, sizeof *one, by_value);
        printf("rule %zu: median %.2f  p99 %.2f  max %.2f  SQL %zu bytes\n", i + 1,
               one[iterations / 2] / 1e3, one[iterations * 99 / 100] / 1e3,
               one[iterations - 1] / 1e3, sizes[i]);
    }
    qsort(lat, total, sizeof *lat, by_value);
    printf("rules %zu, compilations %zu, dialect %s\n", nlines, total,
           o->dialect ? o->dialect : "snowflake");
    printf("latency us: median %.2f  p90 %.2f  p99 %.2f  max %.2f\n", lat[total / 2] / 1e3,
           lat[total * 9 / 10] / 1e3, lat[total * 99 / 100] / 1e3, lat[total - 1] / 1e3);
    printf("rules/s: %.0f  (SQL out: %.1f MB/s)\n", total / (elapsed / 1e9),
           (double)sql_bytes / (elapsed / 1e9) / 1e6);
    printf("peak memory: %ld KiB\n", peak_kib());
    free(one);
    free(lat);
    return 0;
}

static int bench_big(const casc_model *m, size_t bytes, const casc_options *o)
{
    static const char *const conds[] = {
        "loyalty_tier = 'Gold'", "age >= 30", "country in ('US', 'CA')",
        "purchase in last 30 days", "email_open count > 2 this month",
        "page_view where url contains '/sale' in last 7 days",
        "lifetime_value between 100 and 5000", "purchase sum(amount) > 300 in last 90 days",
    };
    char *rule = malloc(bytes + 256);
    if (!rule)
        return 1;
    size_t n = 0;
    for (size_t i = 0; n < bytes; i++) {
        const char *c = conds[i % (sizeof conds / sizeof *conds)];
        const char *op = i == 0 ? "" : i % 4 ? " and " : " or ";
        n += (size_t)sprintf(rule + n, "%s%s", op, c);
    }
    long before = peak_kib();
    double t0 = now_ns();
    casc_result *r = casc_compile(m, rule, n, o);
    double t = now_ns() - t0;
    if (casc_result_status(r) != CASC_OK)
        return fail(r);
    size_t sql;
    casc_result_text(r, &sql);
    printf("rule %zu bytes, SQL %zu bytes, %.3f s, peak memory %ld KiB (%.1fx the rule; "
           "%ld KiB before)\n",
           n, sql, t / 1e9, peak_kib(), (double)(peak_kib() - before) * 1024 / (double)n,
           before);
    casc_result_free(r);
    free(rule);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: compile_bench MODEL RULES [DIALECT [ITERATIONS]]\n"
              "       compile_bench MODEL --big BYTES [DIALECT]\n",
              stderr);
        return 2;
    }
    casc_model *m;
    casc_result *r = casc_model_load_file(argv[1], &m);
    if (casc_result_status(r) != CASC_OK)
        return fail(r);
    casc_result_free(r);
    casc_options o = {.now = "2026-03-30T12:00:00Z"};
    int status;
    if (strcmp(argv[2], "--big") == 0 && argc >= 4) {
        o.dialect = argc > 4 ? argv[4] : NULL;
        status = bench_big(m, (size_t)strtoull(argv[3], NULL, 10), &o);
    } else {
        size_t len;
        char *text = read_all(argv[2], &len);
        if (!text) {
            perror(argv[2]);
            return 1;
        }
        o.dialect = argc > 3 ? argv[3] : NULL;
        status = bench_lines(m, text, &o, argc > 4 ? atol(argv[4]) : 20000);
        free(text);
    }
    casc_model_free(m);
    return status;
}
