/* main.c - the semantic harness: casc's PostgreSQL SQL against the
 * reference evaluator, on a real server, for the golden rules and for
 * thousands of random ones (tests/semantic/README.md).
 *
 *   semantic [--rules N] [--seed N] [--only I] [--data DIR] [--goldens DIR]
 *            [--clock FILE] [--rule TEXT] [--no-dialects]
 *
 * CASC_SEMANTIC_RULES and CASC_SEMANTIC_SEED set the number of random
 * rules (default 5000) and the seed (default fixed, so `make test` is
 * repeatable). Run from the repository root. */
#include <dirent.h>
#include <locale.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "check.h"
#include "clock.h"
#include "outputs.h"
#include "pg_server.h"
#include "rulegen.h"
#include "selftest.h"
#include "shrink.h"
#include "timelit.h"

/* The laws are checked on every golden rule and on every LAW_EVERY-th
 * random one: they cost three times the rule itself. */
enum { SHOWN_FAILURES = 10, SHOWN_KEYS = 12, SHRINK_TESTS = 400, LAW_EVERY = 3 };

typedef struct options {
    long rules;
    unsigned long long seed;
    long only;        /* -1: all */
    const char *rule; /* --rule: only this one, at every pinned now and zone */
    const char *self; /* argv[0], to say how to run a case again */
    const char *model, *clock, *data, *script;
    const char *goldens[2]; /* directories of golden rules */
    bool dialects;
} options;

typedef struct harness {
    options opt;
    sem_clock clock;
    sem_checker checker;
    int passed, failed, refused;
    int trivial; /* random rules that select no profile or every one */
} harness;

static void print_indented(const char *label, const char *text)
{
    printf("  %s\n", label);
    for (const char *p = text; p && *p;) {
        const char *nl = strchr(p, '\n');
        int n = nl ? (int)(nl - p) : (int)strlen(p);
        printf("      %.*s\n", n, p);
        p += n + (nl != NULL);
    }
}

static void print_keys(const char *where, const int64_t *keys, uint32_t n)
{
    if (!n)
        return;
    printf("  only in %s (%u):", where, n);
    for (uint32_t i = 0; i < n && i < SHOWN_KEYS; i++)
        printf(" %lld", (long long)keys[i]);
    printf("%s\n", n > SHOWN_KEYS ? " ..." : "");
}

typedef struct shrink_ctx {
    harness *h;
    const sem_case *k;
    sem_fault fault;
} shrink_ctx;

static bool same_failure(const char *rule, void *ctx)
{
    shrink_ctx *s = ctx;
    sem_checker quiet = s->h->checker;
    quiet.batch = NULL;
    return sem_check(&quiet, rule, s->k, NULL) == s->fault;
}

/* Check one rule; count it, and on a failure print the seed, the rule,
 * the smallest rule that fails the same way, its SQL and what differs.
 * True when it passes selecting no profile or every one. */
static bool run_case(harness *h, const char *rule, const sem_case *k, const char *again)
{
    sem_result r = {0};
    sem_fault f = sem_check(&h->checker, rule, k, &r);
    bool trivial = f == SEM_OK && (r.members == 0 || r.members == h->checker.data->nprofiles);
    if (f == SEM_OK) {
        h->passed++;
    } else if (f == SEM_REFUSED) {
        h->refused++;
        printf("note: %s: not compared: %s\n  rule: %s\n", k->label, r.detail, rule);
    } else if (h->failed++ < SHOWN_FAILURES) {
        printf("FAIL %s (now %s, zone %s): %s\n", k->label, k->now_text, k->zone,
               sem_fault_text(f));
        print_indented("rule:", rule);
        shrink_ctx s = {h, k, f};
        char *small = f == SEM_REJECTED ? NULL : shrink_rule(rule, same_failure, &s, SHRINK_TESTS);
        if (small && strcmp(small, rule) != 0) {
            print_indented("shrunk to:", small);
            sem_result_free(&r);
            sem_check(&h->checker, small, k, &r);
        }
        free(small);
        print_indented("why:", r.detail);
        print_indented("sql (postgres):", r.sql);
        print_keys("PostgreSQL", r.only_pg, r.n_only_pg);
        print_keys("the evaluator", r.only_eval, r.n_only_eval);
        printf("  again: %s\n", again);
    }
    sem_result_free(&r);
    return trivial;
}

/* ---- golden rules ---- */

static int compare_names(const void *a, const void *b)
{
    return strcmp(*(char *const *)a, *(char *const *)b);
}

/* The value of `--NAME VALUE` on a `-- options:` line of a golden rule,
 * into value[48]. */
static bool golden_option(const char *text, const char *name, char value[48])
{
    const char *line = strstr(text, "-- options:");
    const char *end = line ? strchr(line, '\n') : NULL;
    const char *at = line ? strstr(line, name) : NULL;
    if (!at || (end && at > end))
        return false;
    return sscanf(at + strlen(name), " %47s", value) == 1;
}

/* Every golden rule (DIR/NAME.casc without a NAME.err) at its own --now and
 * --timezone; one it leaves open is run in every zone and at a pinned now
 * that changes from rule to rule. */
static void run_goldens(harness *h, const char *from)
{
    DIR *dir = opendir(from);
    char **files = NULL;
    size_t n = 0;
    for (struct dirent *e; dir && (e = readdir(dir));) {
        size_t len = strlen(e->d_name);
        if (len > 5 && !strcmp(e->d_name + len - 5, ".casc")) {
            char **more = realloc(files, (n + 1) * sizeof *files);
            if (more && (more[n] = strdup(e->d_name)))
                files = more, n++;
        }
    }
    if (dir)
        closedir(dir);
    qsort(files, n, sizeof *files, compare_names);
    int cases = 0;
    for (size_t i = 0; i < n; i++) {
        char path[512], now[48], zone[48], label[600], again[1200];
        size_t len;
        snprintf(path, sizeof path, "%s/%.*s.err", from, (int)(strlen(files[i]) - 5), files[i]);
        FILE *err = fopen(path, "r");
        snprintf(path, sizeof path, "%s/%s", from, files[i]);
        snprintf(label, sizeof label, "golden %s", path);
        snprintf(again, sizeof again, "%s --rules 0 --goldens %s", h->opt.self, from);
        char *text = err ? NULL : sem_read_file(path, &len);
        if (err)
            fclose(err);
        bool own_now = text && golden_option(text, "--now", now);
        bool own_zone = text && golden_option(text, "--timezone", zone);
        for (uint32_t z = 0; text && z < (own_zone ? 1 : h->clock.nzone); z++) {
            uint32_t t = (uint32_t)(i + z) % h->clock.nnow;
            sem_case k = {label, own_now ? now : h->clock.now[t], h->clock.now_lit[t],
                          own_zone ? zone : h->clock.zone[z], true, (uint64_t)cases};
            char why[96];
            if (own_now && !casc_timelit_parse(now, strlen(now), &k.now, why, sizeof why))
                printf("note: %s: --now %s: %s\n", path, now, why);
            run_case(h, text, &k, again);
            cases++;
        }
        free(text);
        free(files[i]);
    }
    free(files);
    printf("semantic: %zu golden rules from %s, %d cases\n", n, from, cases);
}

/* ---- random rules ---- */

static uint64_t mix(uint64_t x)
{
    x += 0x9e3779b97f4a7c15u;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9u;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebu;
    return x ^ (x >> 31);
}

static void run_random(harness *h)
{
    long from = h->opt.only >= 0 ? h->opt.only : 0;
    long to = h->opt.only >= 0 ? h->opt.only + 1 : h->opt.rules;
    int before = h->passed;
    for (long i = from; i < to; i++) {
        uint64_t s = mix(h->opt.seed ^ mix((uint64_t)i));
        char label[64], again[600];
        const char *zone = h->clock.zone[s % h->clock.nzone];
        uint32_t t = (uint32_t)(s >> 20) % h->clock.nnow;
        snprintf(label, sizeof label, "random rule %ld", i);
        snprintf(again, sizeof again, "%s --seed %llu --only %ld", h->opt.self, h->opt.seed, i);
        sem_case k = {label, h->clock.now[t], h->clock.now_lit[t], zone, i % LAW_EVERY == 0,
                      mix(s ^ 0x5a)};
        casc_strbuf rule = CASC_STRBUF_INIT;
        rulegen_rule(h->checker.data, &h->clock, mix(s), zone, &rule);
        if (h->opt.only >= 0)
            printf("%s (now %s, zone %s):\n%s\n", label, k.now_text, zone, casc_sb_str(&rule));
        h->trivial += run_case(h, casc_sb_str(&rule), &k, again);
        casc_sb_free(&rule);
    }
    printf("semantic: %ld random rules from seed %llu; %d pass\n", to - from, h->opt.seed,
           h->passed - before);
}

/* A rule from the command line, at every pinned now and zone. */
static void run_rule(harness *h)
{
    for (uint32_t t = 0; t < h->clock.nnow; t++)
        for (uint32_t z = 0; z < h->clock.nzone; z++) {
            sem_case k = {"--rule", h->clock.now[t], h->clock.now_lit[t], h->clock.zone[z], true,
                          (uint64_t)t * h->clock.nzone + z};
            run_case(h, h->opt.rule, &k, "the same --rule");
        }
    printf("semantic: --rule at %u nows and %u zones\n", h->clock.nnow, h->clock.nzone);
}

/* ---- setup ---- */

static long env_number(const char *name, long fallback)
{
    const char *v = getenv(name);
    return v && *v ? strtol(v, NULL, 10) : fallback;
}

static bool parse_options(int argc, char **argv, options *o)
{
    static char data[512];
    const char *slash = strrchr(argv[0], '/');
    snprintf(data, sizeof data, "%.*s/../semantic/data", slash ? (int)(slash - argv[0]) : 1,
             slash ? argv[0] : ".");
    *o = (options){.rules = env_number("CASC_SEMANTIC_RULES", 5000),
                   .seed = (unsigned long long)env_number("CASC_SEMANTIC_SEED", 20260330),
                   .only = -1,
                   .self = argv[0],
                   .model = "tests/semantic/model.yaml",
                   .clock = "tests/semantic/clock.txt",
                   .data = data,
                   .goldens = {"sql-fixtures", "tests/semantic/findings"},
                   .script = "tests/sqlglot_parse.py",
                   .dialects = true};
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i], *v = i + 1 < argc ? argv[i + 1] : NULL;
        if (!strcmp(a, "--no-dialects")) {
            o->dialects = false;
            continue;
        }
        if (!v)
            return false;
        i++;
        if (!strcmp(a, "--rules"))
            o->rules = strtol(v, NULL, 10);
        else if (!strcmp(a, "--seed"))
            o->seed = strtoull(v, NULL, 10);
        else if (!strcmp(a, "--only"))
            o->only = strtol(v, NULL, 10);
        else if (!strcmp(a, "--data"))
            o->data = v;
        else if (!strcmp(a, "--goldens"))
            o->goldens[0] = v, o->goldens[1] = NULL;
        else if (!strcmp(a, "--clock"))
            o->clock = v;
        else if (!strcmp(a, "--rule"))
            o->rule = v;
        else
            return false;
    }
    return true;
}

static const casc_parent_model *load_model(casc_arena *a, const char *path, casc_source *src)
{
    size_t len = 0;
    char *text = sem_read_file(path, &len);
    *src = (casc_source){path, text, len, 0};
    casc_diags d;
    casc_diags_init(&d, a);
    const casc_parent_model *m = text ? casc_model_load(a, src, &d) : NULL;
    if (!m) {
        casc_strbuf msg = CASC_STRBUF_INIT;
        casc_diags_render(&d, &msg);
        fprintf(stderr, "semantic: cannot load %s\n%s", path, casc_sb_str(&msg));
        casc_sb_free(&msg);
    }
    return m;
}

int main(int argc, char **argv)
{
    harness h = {0};
    if (!parse_options(argc, argv, &h.opt)) {
        fprintf(stderr,
                "usage: %s [--rules N] [--seed N] [--only I] [--data DIR] "
                "[--goldens DIR] [--clock FILE] [--rule TEXT] [--no-dialects]\n",
                argv[0]);
        return 2;
    }
    setvbuf(stdout, NULL, _IOLBF, 0);
    signal(SIGPIPE, SIG_IGN); /* a sqlglot checker that dies is reported, not fatal */
    /* Regular expressions and LIKE work on characters of UTF-8 text. */
    if (!setlocale(LC_CTYPE, "C.UTF-8") && !setlocale(LC_CTYPE, "C.utf8"))
        fprintf(stderr, "semantic: no C.UTF-8 locale; regular expressions see bytes\n");
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    sem_selftest(&h.passed, &h.failed);

    casc_arena *arena = casc_arena_new();
    casc_source model_src = {0};
    const casc_parent_model *m = arena ? load_model(arena, h.opt.model, &model_src) : NULL;
    sem_data *d = m && sem_clock_read(h.opt.clock, &h.clock) ? sem_data_load(m, h.opt.data) : NULL;
    const char *conninfo = d ? pg_server_start() : NULL;
    pg_conn *db = conninfo ? db_connect(conninfo) : NULL;
    bool ready = db && db_load(db, m, h.opt.data);
    h.checker = (sem_checker){d, db, NULL, d ? calloc(d->nprofiles + 1, 1) : NULL};
    if (ready && h.opt.dialects && !(h.checker.batch = sem_batch_new(h.opt.script)))
        fprintf(stderr, "semantic: cannot create the sqlglot batch files\n");
    bool all = h.opt.only < 0 && !h.opt.rule;
    if (ready && h.checker.selected && (h.checker.batch || !h.opt.dialects)) {
        if (h.opt.rule)
            run_rule(&h);
        else if (h.opt.only < 0)
            for (int i = 0; i < 2 && h.opt.goldens[i]; i++)
                run_goldens(&h, h.opt.goldens[i]);
        if (!h.opt.rule)
            run_random(&h);
        if (all) {
            sem_case k = {"sample sizes", h.clock.now[0], h.clock.now_lit[0], "UTC", true, 0};
            sem_check_sample_sizes(&h.checker, &k, &h.passed, &h.failed);
        }
        if (h.checker.batch)
            sem_batch_run(h.checker.batch, &h.passed, &h.failed);
    } else {
        h.failed++;
    }
    /* A rule the evaluator refuses or that selects no profile or every
     * one tests little: too many of them and the run proves nothing. */
    if (all && (h.refused * 100 > h.opt.rules || h.trivial * 2 > h.opt.rules)) {
        printf("FAIL the random rules test too little: %d not compared, %d select no profile "
               "or every one\n",
               h.refused, h.trivial);
        h.failed++;
    }
    struct timespec end;
    clock_gettime(CLOCK_MONOTONIC, &end);
    printf("semantic: %.1f s; %d not compared, %d select no profile or every one\n",
           (double)(end.tv_sec - start.tv_sec) + (double)(end.tv_nsec - start.tv_nsec) / 1e9,
           h.refused, h.trivial);
    if (h.failed > SHOWN_FAILURES)
        printf("semantic: the first %d failures are shown\n", SHOWN_FAILURES);

    sem_batch_free(h.checker.batch);
    free(h.checker.selected);
    db_close(db);
    pg_server_stop();
    sem_data_free(d);
    free((char *)model_src.text);
    casc_arena_free(arena);
    printf("semantic: %d passed, %d failed\n", h.passed, h.failed);
    return h.failed ? 1 : 0;
}
