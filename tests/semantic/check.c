/* check.c - one rule, every check (see check.h). */
#include "check.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"
#include "eval.h"
#include "fmt.h"
#include "outputs.h"
#include "parse.h"
#include "resolve.h"

const char *sem_fault_text(sem_fault f)
{
    static const char *const text[] = {
        [SEM_OK] = "passes",
        [SEM_REFUSED] = "the evaluator cannot decide it",
        [SEM_REJECTED] = "casc rejects a well-typed rule",
        [SEM_SQL_ERROR] = "PostgreSQL fails on the SQL",
        [SEM_DIFFER] = "PostgreSQL and the evaluator select different profiles",
        [SEM_TWICE] = "the members list a key twice",
        [SEM_COUNT] = "--select count is not the number of members",
        [SEM_OR_LAW] = "'r or not r' does not select every profile",
        [SEM_AND_LAW] = "'r and not r' selects profiles",
        [SEM_FMT] = "the rule as `casc fmt` writes it compiles to other SQL",
        [SEM_OUTPUT] = "an output (--select, --sample, overlap) is not the evaluator's",
    };
    return text[f];
}

void sem_result_free(sem_result *r)
{
    free(r->detail);
    free(r->sql);
    free(r->only_pg);
    free(r->only_eval);
    memset(r, 0, sizeof *r);
}

char *sem_compile(casc_arena *a, const casc_parent_model *m, const char *text, const sem_case *k,
                  const casc_backend *b, const casc_output_request *req, char **why,
                  const casc_plan **plan)
{
    casc_source src = {"<rule>", text, strlen(text), 0};
    casc_diags d;
    casc_diags_init(&d, a);
    casc_compile_options o = {.backend = b, .now = &k->now, .timezone = k->zone,
                              .select = req->select, .output = req};
    casc_strbuf out = CASC_STRBUF_INIT;
    char *sql = NULL;
    if (casc_compile_rule(a, m, &src, &o, &d, &out, plan) && !out.failed) {
        sql = strdup(casc_sb_str(&out));
    } else if (why && !*why) {
        casc_strbuf msg = CASC_STRBUF_INIT;
        casc_diags_render(&d, &msg);
        *why = strdup(casc_sb_str(&msg));
        casc_sb_free(&msg);
    }
    casc_sb_free(&out);
    return sql;
}

static const casc_output_request members_req = {.select = CASC_SELECT_MEMBERS};
static const casc_output_request count_req = {.select = CASC_SELECT_COUNT};

/* The one integer a count query returns, or -1 with the error in *why. */
static int64_t count(sem_checker *c, casc_arena *a, const char *text, const sem_case *k, char **why)
{
    const casc_backend *pg = casc_backend_find("postgres");
    char *sql = sem_compile(a, c->data->model, text, k, pg, &count_req, why, NULL);
    int64_t *rows = NULL, n = -1;
    uint32_t nrows = 0;
    char *err = NULL;
    if (sql && db_integers(c->db, sql, &rows, &nrows, &err) && nrows == 1)
        n = rows[0];
    if (err && why && !*why)
        *why = strdup(err);
    free(err);
    free(rows);
    free(sql);
    return n;
}

/* Keys of a sorted list that are not in another: appended to *out. */
static uint32_t missing(const int64_t *a, uint32_t na, const int64_t *b, uint32_t nb, int64_t **out)
{
    uint32_t n = 0;
    *out = malloc((na + 1) * sizeof **out);
    for (uint32_t i = 0, j = 0; *out && i < na; i++) {
        while (j < nb && b[j] < a[i])
            j++;
        if (j == nb || b[j] != a[i])
            (*out)[n++] = a[i];
    }
    return n;
}

static char *counted(const char *what, long long got, long long want)
{
    char buf[160];
    snprintf(buf, sizeof buf, "%s %lld, expected %lld", what, got, want);
    return strdup(buf);
}

/* The laws, once the rule's members are known. */
static sem_fault laws(sem_checker *c, casc_arena *a, const char *text, const sem_case *k,
                      const casc_node *ast, const char *sql, uint32_t members, char **why)
{
    int64_t n = count(c, a, text, k, why);
    if (n != members) {
        if (!*why)
            *why = counted("count", n, members);
        return SEM_COUNT;
    }
    /* Both laws in one query: every profile, unless one of them fails;
     * then each alone, to say which. */
    size_t len = 4 * strlen(text) + 64;
    char *q = malloc(len);
    int64_t all = -1, none = -1;
    if (q) {
        snprintf(q, len, "((\n%s\n) or not (\n%s\n)) and not ((\n%s\n) and not (\n%s\n))", text,
                 text, text, text);
        if (count(c, a, q, k, why) != c->data->nprofiles) {
            snprintf(q, len, "(\n%s\n) or not (\n%s\n)", text, text);
            all = count(c, a, q, k, why);
            snprintf(q, len, "(\n%s\n) and not (\n%s\n)", text, text);
            none = count(c, a, q, k, why);
        } else {
            all = c->data->nprofiles, none = 0;
        }
        free(q);
    }
    if (all != c->data->nprofiles) {
        if (!*why)
            *why = counted("profiles", all, c->data->nprofiles);
        return SEM_OR_LAW;
    }
    if (none != 0) {
        if (!*why)
            *why = counted("profiles", none, 0);
        return SEM_AND_LAW;
    }
    casc_strbuf f = CASC_STRBUF_INIT;
    casc_fmt(ast, &f);
    const casc_backend *pg = casc_backend_find("postgres");
    char *again =
        sem_compile(a, c->data->model, casc_sb_str(&f), k, pg, &members_req, why, NULL);
    bool same = again && strcmp(again, sql) == 0;
    if (!same && !*why) {
        size_t n2 = f.len + (again ? strlen(again) : 0) + 64;
        *why = malloc(n2);
        if (*why)
            snprintf(*why, n2, "formatted: %s\nits SQL:\n%s", casc_sb_str(&f), again ? again : "");
    }
    free(again);
    casc_sb_free(&f);
    return same ? SEM_OK : SEM_FMT;
}

sem_fault sem_check(sem_checker *c, const char *text, const sem_case *k, sem_result *r)
{
    const sem_data *d = c->data;
    casc_arena *a = casc_arena_new();
    casc_source src = {"<rule>", text, strlen(text), 0};
    casc_diags diags;
    char *why = NULL, *sql = NULL;
    int64_t *keys = NULL, *mine = NULL;
    uint32_t nkeys = 0, nmine = 0;
    sem_fault fault = SEM_REJECTED;
    if (!a)
        goto done;
    casc_diags_init(&diags, a);
    casc_node *ast = casc_parse(a, a, &src, &diags);
    casc_rnode *rule = ast ? casc_resolve(a, d->model, ast, &src, &diags) : NULL;
    sql = rule ? sem_compile(a, d->model, text, k, casc_backend_find("postgres"), &members_req,
                             &why, NULL)
               : NULL;
    if (!sql) {
        casc_strbuf msg = CASC_STRBUF_INIT;
        casc_diags_render(&diags, &msg);
        if (!why)
            why = strdup(casc_sb_str(&msg));
        casc_sb_free(&msg);
        goto done;
    }
    const char *refused = sem_eval(d, rule, &k->now, k->zone, c->selected);
    if (refused) {
        fault = SEM_REFUSED;
        why = strdup(refused);
        goto done;
    }
    if (!db_integers(c->db, sql, &keys, &nkeys, &why)) {
        fault = SEM_SQL_ERROR;
        goto done;
    }
    mine = malloc((d->nprofiles + 1) * sizeof *mine);
    for (uint32_t p = 0; mine && p < d->nprofiles; p++)
        if (c->selected[p])
            mine[nmine++] = d->keys[p];
    fault = SEM_DIFFER;
    for (uint32_t i = 1; i < nkeys; i++)
        if (keys[i] == keys[i - 1])
            fault = SEM_TWICE;
    if (fault == SEM_TWICE || !mine)
        goto done;
    if (nkeys == nmine && memcmp(keys, mine, nkeys * sizeof *keys) == 0)
        fault = k->laws ? laws(c, a, text, k, ast, sql, nmine, &why) : SEM_OK;
    if (fault == SEM_OK && k->laws)
        fault = sem_check_output(c, a, text, k, &why);
    if (fault == SEM_DIFFER && r) {
        r->n_only_pg = missing(keys, nkeys, mine, nmine, &r->only_pg);
        r->n_only_eval = missing(mine, nmine, keys, nkeys, &r->only_eval);
    }
    if (fault == SEM_OK && c->batch)
        for (int i = 0; i < SEM_DIALECTS; i++) {
            const casc_plan *plan = NULL;
            char *dsql = sem_compile(a, d->model, text, k, sem_batch_backend(i), &members_req,
                                     NULL, &plan);
            sem_batch_add(c->batch, i, dsql, plan, k->label, text);
            free(dsql);
        }
done:
    if (r) {
        r->fault = fault;
        r->detail = why;
        r->sql = sql;
        r->members = nmine;
        why = sql = NULL;
    }
    free(why);
    free(sql);
    free(keys);
    free(mine);
    casc_arena_free(a);
    return fault;
}
