/* dialects.c - the sqlglot checks (see dialects.h). */
#include "dialects.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

static const char *const names[SEM_DIALECTS] = {"snowflake", "databricks"};

enum { SHOWN = 10 }; /* failures printed in full, per dialect */

/* What a line of a batch was, for the report. */
typedef struct entry {
    char *label, *rule, *sql;
} entry;

/* One python3 process per dialect reads the statements on its standard
 * input while the harness goes on, and writes its failures to a file. */
struct sem_batch {
    char out[SEM_DIALECTS][64];
    pid_t pid[SEM_DIALECTS];
    FILE *to[SEM_DIALECTS];
    entry *lines[SEM_DIALECTS];
    uint32_t n[SEM_DIALECTS], cap[SEM_DIALECTS];
    int not_compiled;
};

const casc_backend *sem_batch_backend(int dialect)
{
    return casc_backend_find(names[dialect]);
}

static bool start(sem_batch *b, int i, const char *script)
{
    int fds[2];
    snprintf(b->out[i], sizeof b->out[i], "/tmp/casc-sqlglot-XXXXXX");
    int out = mkstemp(b->out[i]);
    if (out < 0 || pipe(fds) != 0) {
        if (out >= 0)
            close(out);
        b->out[i][0] = '\0';
        return false;
    }
    b->pid[i] = fork();
    if (b->pid[i] == 0) {
        dup2(fds[0], 0);
        dup2(out, 1);
        close(fds[0]);
        close(fds[1]);
        close(out);
        execlp("python3", "python3", script, names[i], "-", (char *)NULL);
        _exit(127);
    }
    close(fds[0]);
    close(out);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC); /* the other dialect's process must not hold it */
    b->to[i] = b->pid[i] > 0 ? fdopen(fds[1], "w") : NULL;
    if (!b->to[i])
        close(fds[1]);
    return b->to[i] != NULL;
}

sem_batch *sem_batch_new(const char *script)
{
    sem_batch *b = calloc(1, sizeof *b);
    bool ok = b != NULL;
    for (int i = 0; ok && i < SEM_DIALECTS; i++)
        ok = start(b, i, script);
    if (!ok)
        sem_batch_free(b);
    return ok ? b : NULL;
}

static void json_string(FILE *f, const char *s, size_t n)
{
    fputc('"', f);
    for (size_t i = 0; i < n; i++) {
        unsigned char c = (unsigned char)s[i];
        if (c == '"' || c == '\\')
            fprintf(f, "\\%c", c);
        else if (c < 0x20)
            fprintf(f, "\\u%04x", c);
        else
            fputc(c, f);
    }
    fputc('"', f);
}

static void put_string(FILE *f, const casc_value *x, bool *first)
{
    if (x->kind == CASC_V_STRING && x->text) {
        fputs(*first ? "" : ", ", f);
        json_string(f, x->text, x->len);
        *first = false;
    }
}

/* The string literals a plan keeps: the values of its string tests, but
 * for LIKE patterns, which casc rewrites for the engine's ESCAPE. */
static void plan_strings(FILE *f, const casc_pnode *n, bool *first)
{
    if (n->kind == CASC_PL_AND || n->kind == CASC_PL_OR) {
        for (uint32_t i = 0; i < n->u.list.n; i++)
            plan_strings(f, n->u.list.items[i], first);
    } else if (n->kind == CASC_PL_PRED && n->u.pred.op != CASC_P_LIKE) {
        for (uint32_t i = 0; i < n->u.pred.nvalues; i++)
            put_string(f, &n->u.pred.values[i], first);
    }
}

void sem_batch_add(sem_batch *b, int dialect, const char *sql, const casc_plan *plan,
                   const char *label, const char *text)
{
    if (!sql) {
        printf("FAIL %s: casc does not compile it for %s\n  rule: %s\n", label, names[dialect],
               text);
        b->not_compiled++;
        return;
    }
    if (b->n[dialect] == b->cap[dialect]) {
        uint32_t cap = b->cap[dialect] ? 2 * b->cap[dialect] : 1024;
        entry *e = realloc(b->lines[dialect], cap * sizeof *e);
        if (!e)
            return;
        b->lines[dialect] = e;
        b->cap[dialect] = cap;
    }
    FILE *f = b->to[dialect];
    fputs("{\"sql\": ", f);
    json_string(f, sql, strlen(sql));
    fputs(", \"strings\": [", f);
    bool first = true;
    plan_strings(f, plan->where, &first);
    for (uint32_t i = 0; i < plan->nscans; i++)
        for (uint32_t k = 0; k < plan->scans[i].naggs; k++)
            if (plan->scans[i].aggs[k].filter)
                plan_strings(f, plan->scans[i].aggs[k].filter, &first);
    fputs("]}\n", f);
    b->lines[dialect][b->n[dialect]++] = (entry){strdup(label), strdup(text), strdup(sql)};
}

/* Wait for dialect i's process; print its failures ("-:LINE: reason")
 * with the rule they came from. Returns how many statements failed. */
static int finish(sem_batch *b, int i)
{
    bool sent = fclose(b->to[i]) == 0;
    b->to[i] = NULL;
    int status = -1, bad = 0;
    while (waitpid(b->pid[i], &status, 0) < 0 && errno == EINTR)
        ;
    FILE *f = fopen(b->out[i], "r");
    char line[4096];
    while (f && fgets(line, sizeof line, f)) {
        char *why = NULL;
        unsigned long k = strncmp(line, "-:", 2) == 0 ? strtoul(line + 2, &why, 10) : 0;
        if (bad++ >= SHOWN)
            continue;
        if (k >= 1 && k <= b->n[i] && why && *why == ':') {
            entry *e = &b->lines[i][k - 1];
            printf("FAIL %s: sqlglot (%s):%s  rule: %s\n  sql:\n%s\n", e->label, names[i], why + 1,
                   e->rule, e->sql);
        } else {
            printf("FAIL sqlglot (%s): %s", names[i], line);
        }
    }
    if (f)
        fclose(f);
    /* Exit 0, or 1 with the failures listed; anything else: nothing known. */
    if (!sent || !WIFEXITED(status) || WEXITSTATUS(status) > 1 ||
        (WEXITSTATUS(status) == 1) != (bad > 0)) {
        printf("FAIL sqlglot (%s): python3 tests/sqlglot_parse.py did not check the statements "
               "(exit status %d)\n",
               names[i], WIFEXITED(status) ? WEXITSTATUS(status) : -1);
        return b->n[i] ? (int)b->n[i] : 1;
    }
    if (bad > SHOWN)
        printf("sqlglot (%s): %d more failures\n", names[i], bad - SHOWN);
    return bad;
}

void sem_batch_run(sem_batch *b, int *passed, int *failed)
{
    *failed += b->not_compiled;
    for (int i = 0; i < SEM_DIALECTS; i++) {
        int bad = finish(b, i);
        *failed += bad;
        *passed += bad < (int)b->n[i] ? (int)b->n[i] - bad : 0;
    }
}

void sem_batch_free(sem_batch *b)
{
    if (!b)
        return;
    for (int i = 0; i < SEM_DIALECTS; i++) {
        if (b->to[i]) { /* not run: stop the process */
            fclose(b->to[i]);
            waitpid(b->pid[i], NULL, 0);
        }
        if (b->out[i][0])
            remove(b->out[i]);
        for (uint32_t k = 0; k < b->n[i]; k++) {
            free(b->lines[i][k].label);
            free(b->lines[i][k].rule);
            free(b->lines[i][k].sql);
        }
        free(b->lines[i]);
    }
    free(b);
}
