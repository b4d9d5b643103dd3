/* threads.c - libcasc from many threads at once, for ThreadSanitizer
 * (make test-tsan).
 *
 *     threads MODEL RULE_FILE...
 *
 * Loads MODEL once, then makes a list of calls: each rule file compiled
 * for every dialect, for members and for count, checked and formatted;
 * the model's schema; calls that must fail (unknown names, syntax errors,
 * invalid options). The main thread makes every call first and keeps what
 * it got; then THREADS threads make all of them again against the same
 * model at once, each from its own place in the list, and compare each
 * result, field by field, with the main thread's. A rule file's first line
 * may set options, as in sql-fixtures/: "-- options: --timezone ZONE --now
 * TIME" (--select is ignored: every call is made for both).
 *
 * Prints each difference and "threads: N passed, M failed" (one check per
 * call in a thread); exits 1 on any difference, 2 if it cannot start.
 */
#include <casc.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { THREADS = 8, ROUNDS = 4, MAX_REPORTS = 3 };

typedef enum call_kind {
    CALL_COMPILE,
    CALL_CHECK,
    CALL_FORMAT_DSL,
    CALL_FORMAT_JSON,
    CALL_SCHEMA_TEXT,
    CALL_SCHEMA_JSON,
} call_kind;

static const char *const kind_names[] = {"compile", "check", "fmt --to dsl", "fmt --to json",
                                         "schema", "schema --format json"};

typedef struct call {
    call_kind kind;
    const char *rule; /* NULL for a schema */
    casc_options options;
    char *expected;   /* the main thread's result, from describe() */
} call;

typedef struct call_list {
    call *items;
    size_t n, cap;
} call_list;

/* A rule file: its text and the options its first line sets. */
typedef struct rule_file {
    char *text;
    char *options_line; /* the copy that now and timezone point into */
    const char *now, *timezone;
} rule_file;

typedef struct worker {
    pthread_t thread;
    const casc_model *model;
    const call_list *calls;
    size_t first; /* where in the list this thread starts */
    size_t passed, failed;
} worker;

static const char *const dialects[] = {"snowflake", "databricks", "postgres"};
static const char *const selects[] = {"members", "count"};

/* Rules that fail against any model, and options that are not valid. */
static const char *const failing_rules[] = {
    "no_such_attribute = 1",
    "(true or",
    "purchase in lats 30 days",
    "{\"and\": [",
};
static const casc_options failing_options[] = {
    {.dialect = "oracle"},
    {.timezone = "Mars/Olympus_Mons"},
    {.now = "the day after tomorrow"},
    {.select = "everyone"},
};

static char *read_file(const char *path)
{
    FILE *f = fopen(path, "rb");
    if (!f)
        return NULL;
    char *text = NULL;
    size_t len = 0;
    FILE *out = open_memstream(&text, &len);
    char buf[8192];
    size_t n;
    while (out && (n = fread(buf, 1, sizeof buf, f)) > 0)
        fwrite(buf, 1, n, out);
    int bad = ferror(f);
    fclose(f);
    if (!out || fclose(out) != 0 || bad) {
        free(text);
        return NULL;
    }
    return text;
}

/* The options of "-- options: --now T --timezone Z" on the first line. */
static void read_options(rule_file *rf)
{
    static const char prefix[] = "-- options:";
    if (strncmp(rf->text, prefix, sizeof prefix - 1) != 0)
        return;
    size_t len = strcspn(rf->text, "\n") - (sizeof prefix - 1);
    if (!(rf->options_line = strndup(rf->text + sizeof prefix - 1, len)))
        return;
    char *save, *word = strtok_r(rf->options_line, " \t\r", &save);
    while (word) {
        char *value = strtok_r(NULL, " \t\r", &save);
        if (value && strcmp(word, "--now") == 0)
            rf->now = value;
        else if (value && strcmp(word, "--timezone") == 0)
            rf->timezone = value;
        word = value ? strtok_r(NULL, " \t\r", &save) : NULL;
    }
}

static int add_call(call_list *l, call_kind kind, const char *rule, casc_options o)
{
    if (l->n == l->cap) {
        size_t cap = l->cap ? 2 * l->cap : 256;
        call *items = realloc(l->items, cap * sizeof *items);
        if (!items)
            return -1;
        l->items = items, l->cap = cap;
    }
    l->items[l->n++] = (call){.kind = kind, .rule = rule, .options = o};
    return 0;
}

/* Every call made with one rule file. */
static int add_rule_calls(call_list *l, const char *path, const rule_file *rf)
{
    casc_options o = {.name = path, .now = rf->now, .timezone = rf->timezone};
    int err = 0;
    for (size_t d = 0; d < sizeof dialects / sizeof *dialects; d++)
        for (size_t s = 0; s < sizeof selects / sizeof *selects; s++) {
            o.dialect = dialects[d], o.select = selects[s];
            err |= add_call(l, CALL_COMPILE, rf->text, o);
        }
    o.dialect = o.select = NULL;
    err |= add_call(l, CALL_CHECK, rf->text, o);
    err |= add_call(l, CALL_FORMAT_DSL, rf->text, o);
    err |= add_call(l, CALL_FORMAT_JSON, rf->text, o);
    return err;
}

static int add_other_calls(call_list *l, const char *any_rule)
{
    int err = add_call(l, CALL_SCHEMA_TEXT, NULL, (casc_options){0});
    err |= add_call(l, CALL_SCHEMA_JSON, NULL, (casc_options){0});
    for (size_t i = 0; i < sizeof failing_rules / sizeof *failing_rules; i++) {
        err |= add_call(l, CALL_COMPILE, failing_rules[i], (casc_options){0});
        err |= add_call(l, CALL_CHECK, failing_rules[i], (casc_options){0});
    }
    for (size_t i = 0; i < sizeof failing_options / sizeof *failing_options; i++)
        err |= add_call(l, CALL_COMPILE, any_rule, failing_options[i]);
    return err;
}

static casc_result *make_call(const casc_model *model, const call *c)
{
    switch (c->kind) {
    case CALL_COMPILE:
        return casc_compile(model, c->rule, (size_t)-1, &c->options);
    case CALL_CHECK:
        return casc_check(model, c->rule, (size_t)-1, &c->options);
    case CALL_FORMAT_DSL:
        return casc_format(c->rule, (size_t)-1, CASC_RULE_DSL, &c->options);
    case CALL_FORMAT_JSON:
        return casc_format(c->rule, (size_t)-1, CASC_RULE_JSON, &c->options);
    case CALL_SCHEMA_TEXT:
        return casc_model_schema(model, "text");
    case CALL_SCHEMA_JSON:
        return casc_model_schema(model, "json");
    }
    return NULL;
}

/* Everything a result holds, as text to compare; NULL if memory ran out. */
static char *describe(const casc_result *r)
{
    char *s = NULL;
    size_t len = 0;
    FILE *f = open_memstream(&s, &len);
    if (!f)
        return NULL;
    const char *text = casc_result_text(r, NULL);
    fprintf(f, "status %d\ntext: %s\n", (int)casc_result_status(r), text ? text : "(none)");
    for (size_t i = 0; i < casc_result_table_count(r); i++)
        fprintf(f, "table: %s\n", casc_result_table(r, i));
    for (size_t i = 0; i < casc_result_diagnostic_count(r); i++) {
        const casc_diagnostic *d = casc_result_diagnostic(r, i);
        fprintf(f, "diagnostic %d %s:%u:%u [%zu, %zu) %s\n", (int)d->severity,
                d->file ? d->file : "(none)", d->line, d->column, d->start, d->end,
                d->message);
        for (size_t j = 0; j < d->nsuggestions; j++)
            fprintf(f, "  suggestion: %s\n", d->suggestions[j]);
    }
    fprintf(f, "rendered:\n%s", casc_result_diagnostics_text(r));
    if (fclose(f) != 0) {
        free(s);
        return NULL;
    }
    return s;
}

static char *call_and_describe(const casc_model *model, const call *c)
{
    casc_result *r = make_call(model, c);
    char *s = describe(r);
    casc_result_free(r);
    return s;
}

static void *work(void *arg)
{
    worker *w = arg;
    const call_list *l = w->calls;
    for (size_t i = 0; i < ROUNDS * l->n; i++) {
        const call *c = &l->items[(w->first + i) % l->n];
        char *got = call_and_describe(w->model, c);
        if (got && strcmp(got, c->expected) == 0) {
            w->passed++;
        } else if (++w->failed <= MAX_REPORTS) {
            /* One fprintf: its lines stay together among the threads'. */
            fprintf(stderr,
                    "FAIL %s %s (dialect %s, select %s): differs from the main thread\n"
                    "--- main thread\n%s\n--- this thread\n%s\n",
                    c->options.name ? c->options.name : "-", kind_names[c->kind],
                    c->options.dialect ? c->options.dialect : "-",
                    c->options.select ? c->options.select : "-", c->expected,
                    got ? got : "(out of memory)");
        }
        free(got);
    }
    return NULL;
}

/* The threads, all at once; returns how many calls failed. */
static size_t run_threads(const casc_model *model, const call_list *calls, size_t *passed)
{
    worker workers[THREADS];
    size_t started = 0, failed = 0;
    for (; started < THREADS; started++) {
        worker *w = &workers[started];
        *w = (worker){.model = model, .calls = calls, .first = started * calls->n / THREADS};
        if (pthread_create(&w->thread, NULL, work, w) != 0) {
            fprintf(stderr, "threads: cannot start thread %zu\n", started);
            failed++;
            break;
        }
    }
    for (size_t t = 0; t < started; t++) {
        pthread_join(workers[t].thread, NULL);
        *passed += workers[t].passed;
        failed += workers[t].failed;
    }
    return failed;
}

/* Read the rule files and make the list of calls, each with the result
 * the main thread got; 0, or -1 after saying what went wrong. */
static int prepare(const casc_model *model, int nfiles, char **paths, rule_file *files,
                   call_list *calls)
{
    for (int i = 0; i < nfiles; i++) {
        if (!(files[i].text = read_file(paths[i]))) {
            fprintf(stderr, "threads: cannot read %s\n", paths[i]);
            return -1;
        }
        read_options(&files[i]);
        if (add_rule_calls(calls, paths[i], &files[i]) != 0)
            goto nomem;
    }
    if (add_other_calls(calls, files[0].text) != 0)
        goto nomem;
    for (size_t i = 0; i < calls->n; i++)
        if (!(calls->items[i].expected = call_and_describe(model, &calls->items[i])))
            goto nomem;
    return 0;
nomem:
    fputs("threads: out of memory\n", stderr);
    return -1;
}

int main(int argc, char **argv)
{
    if (argc < 3) {
        fputs("usage: threads MODEL RULE_FILE...\n", stderr);
        return 2;
    }
    casc_model *model;
    casc_result *r = casc_model_load_file(argv[1], &model);
    if (casc_result_status(r) != CASC_OK) {
        fprintf(stderr, "threads: cannot load %s:\n%s", argv[1], casc_result_diagnostics_text(r));
        casc_result_free(r);
        return 2;
    }
    casc_result_free(r);

    int nfiles = argc - 2, status = 2;
    rule_file *files = calloc((size_t)nfiles, sizeof *files);
    call_list calls = {0};
    if (files && prepare(model, nfiles, argv + 2, files, &calls) == 0) {
        size_t passed = 0, failed = run_threads(model, &calls, &passed);
        printf("threads: %d threads, %zu calls each against one model\n", THREADS,
               ROUNDS * calls.n);
        printf("threads: %zu passed, %zu failed\n", passed, failed);
        status = failed ? 1 : 0;
    }
    for (size_t i = 0; i < calls.n; i++)
        free(calls.items[i].expected);
    free(calls.items);
    for (int i = 0; files && i < nfiles; i++) {
        free(files[i].text);
        free(files[i].options_line);
    }
    free(files);
    casc_model_free(model);
    return status;
}
