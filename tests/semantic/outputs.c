/* outputs.c - every output on PostgreSQL against the evaluator (see
 * outputs.h). The expected result is always computed here from the data
 * and the evaluator's selection, never from casc's plan. */
#include "outputs.h"

#include <inttypes.h>
#include <math.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "eval.h"
#include "md5.h"
#include "output.h"
#include "parse.h"
#include "resolve.h"

enum { KINDS = 7, MAX_RULES = 3 };

/* One check: the rule, its members, and where to say what differs. */
typedef struct out {
    sem_checker *c;
    casc_arena *a;
    const char *text;
    const sem_case *k;
    const sem_data *d;
    const bool *sel;
    uint32_t n; /* members */
    char **why;
    char *sql;
} out;

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static bool differ(out *o, const char *fmt, ...)
{
    char text[600];
    va_list ap;
    va_start(ap, fmt);
    int n = vsnprintf(text, sizeof text, fmt, ap);
    va_end(ap);
    if (!*o->why) {
        size_t size = (size_t)n + (o->sql ? strlen(o->sql) : 0) + 16;
        if ((*o->why = malloc(size)))
            snprintf(*o->why, size, "%s\nits SQL:\n%s", text, o->sql ? o->sql : "");
    }
    return false;
}

/* Compile the rule with these options (PostgreSQL) and run it; wrap,
 * unless NULL, is a query around it ("%s" where the SQL goes). */
static bool run_wrapped(out *o, const casc_options *opts, const char *wrap, db_rows *rows)
{
    casc_output_request req;
    casc_strbuf bad = CASC_STRBUF_INIT;
    bool ok = casc_output_parse(o->a, opts, false, &req, &bad);
    free(o->sql);
    o->sql = NULL;
    if (!ok) {
        differ(o, "options rejected: %s", casc_sb_str(&bad));
        casc_sb_free(&bad);
        return false;
    }
    casc_sb_free(&bad);
    char *err = NULL;
    o->sql = sem_compile(o->a, o->d->model, o->text, o->k, casc_backend_find("postgres"), &req,
                         &err, NULL);
    char *query = NULL;
    if (o->sql && wrap && (query = malloc(strlen(wrap) + strlen(o->sql))))
        sprintf(query, wrap, o->sql);
    ok = o->sql && (!wrap || query) && db_query(o->c->db, query ? query : o->sql, rows, &err);
    if (!ok)
        differ(o, "%s", err ? err : "does not compile");
    free(query);
    free(err);
    return ok;
}

static bool run(out *o, const casc_options *opts, db_rows *rows)
{
    return run_wrapped(o, opts, NULL, rows);
}

static const char *cell(const db_rows *r, uint32_t row, uint32_t col)
{
    return r->cells[(size_t)row * r->ncols + col];
}

static bool whole(const char *s, int64_t *v)
{
    char *end;
    if (!s)
        return false;
    *v = strtoll(s, &end, 10);
    return *end == '\0' && end != s;
}

/* ---- values ---- */

/* The attribute types every output here reads as text. */
static bool plain(casc_type t)
{
    return t == CASC_TYPE_STRING || t == CASC_TYPE_INTEGER || t == CASC_TYPE_NUMBER ||
           t == CASC_TYPE_BOOLEAN || t == CASC_TYPE_DATE;
}

static bool numeric(casc_type t)
{
    return t == CASC_TYPE_INTEGER || t == CASC_TYPE_NUMBER;
}

/* The `which`-th attribute (cycling) of a wanted type. */
static uint32_t attribute(const sem_data *d, uint64_t which, bool (*want)(casc_type))
{
    uint32_t fit = 0;
    for (uint32_t i = 0; i < d->model->nattributes; i++)
        fit += want(d->model->attributes[i].type);
    which %= fit ? fit : 1;
    for (uint32_t i = 0; i < d->model->nattributes; i++)
        if (want(d->model->attributes[i].type) && which-- == 0)
            return i;
    return 0;
}

/* Is PostgreSQL's text for a value the data's value? */
static bool same_value(const sem_value *v, const char *text)
{
    if (!text || v->kind == SV_NULL)
        return !text && v->kind == SV_NULL;
    sem_num num;
    char day[16];
    int y, m, dd;
    switch (v->kind) {
    case SV_STRING: return strlen(text) == v->len && memcmp(text, v->u.str, v->len) == 0;
    case SV_NUMBER: return sem_num_parse(text, strlen(text), &num) && num == v->u.num;
    case SV_BOOL: return !strcmp(text, v->u.boolean ? "t" : "f");
    case SV_DATE:
        sem_civil_from_days(v->u.day, &y, &m, &dd);
        snprintf(day, sizeof day, "%04d-%02d-%02d", y, m, dd);
        return !strcmp(text, day);
    default: return false;
    }
}

/* Order of two non-null values of one attribute. */
static int compare_values(const sem_value *a, const sem_value *b)
{
    switch (a->kind) {
    case SV_STRING: {
        int c = memcmp(a->u.str, b->u.str, a->len < b->len ? a->len : b->len);
        return c ? c : (a->len > b->len) - (a->len < b->len);
    }
    case SV_NUMBER: return sem_num_cmp(a->u.num, b->u.num);
    case SV_BOOL: return (int)a->u.boolean - (int)b->u.boolean;
    case SV_DATE: return (a->u.day > b->u.day) - (a->u.day < b->u.day);
    default: return 0;
    }
}

/* ---- breakdown ---- */

/* One distinct value of the members, and how many have it. */
typedef struct value_count {
    const sem_value *v;
    int64_t n;
} value_count;

/* Ascending, nulls last: PostgreSQL's order under the C collation. */
static int value_order(const void *a, const void *b)
{
    const sem_value *x = *(const sem_value *const *)a, *y = *(const sem_value *const *)b;
    if ((x->kind == SV_NULL) != (y->kind == SV_NULL))
        return x->kind == SV_NULL ? 1 : -1;
    return x->kind == SV_NULL ? 0 : compare_values(x, y);
}

/* The members' distinct values of vals, ascending, nulls last, counted
 * (into *runs, malloc'd); how many, or -1 when memory ran out. */
static int64_t distinct_values(out *o, const sem_value *vals, value_count **runs)
{
    const sem_value **sorted = malloc((o->n + 1) * sizeof *sorted);
    *runs = malloc((o->n + 1) * sizeof **runs);
    int64_t n = 0, k = sorted && *runs ? 0 : -1;
    for (uint32_t p = 0; sorted && p < o->d->nprofiles; p++)
        if (o->sel[p])
            sorted[n++] = &vals[p];
    if (k == 0) {
        qsort(sorted, (size_t)n, sizeof *sorted, value_order);
        for (int64_t i = 0; i < n; i++)
            if (k && !value_order(&sorted[i], &(*runs)[k - 1].v))
                (*runs)[k - 1].n++;
            else
                (*runs)[k++] = (value_count){sorted[i], 1};
    }
    free(sorted);
    return k;
}

/* Rows (value, profiles) in the same order: one per distinct value of the
 * members, with its count (so they sum to the members). */
static bool breakdown_values(out *o, const db_rows *r, const sem_value *vals)
{
    value_count *runs;
    int64_t n = distinct_values(o, vals, &runs);
    bool ok = n >= 0 || differ(o, "out of memory");
    if (ok && r->nrows != n)
        ok = differ(o, "%u rows, the evaluator %" PRId64 " values", r->nrows, n);
    for (uint32_t i = 0; ok && i < r->nrows; i++) {
        int64_t got;
        if (!whole(cell(r, i, 1), &got) || !same_value(runs[i].v, cell(r, i, 0)) ||
            got != runs[i].n)
            ok = differ(o, "row %u: value '%s' with %s profiles, the evaluator's has %" PRId64,
                        i + 1, cell(r, i, 0) ? cell(r, i, 0) : "(null)", cell(r, i, 1), runs[i].n);
    }
    free(runs);
    return ok;
}

/* The top T values: the rows shown have the evaluator's counts, none left
 * out has more profiles than one shown, and null and `other` take the
 * rest. */
static bool breakdown_top(out *o, const db_rows *r, const sem_value *vals, uint32_t top)
{
    int64_t nulls = 0, shown = 0, other = -1, least = INT64_MAX;
    uint32_t nshown = 0;
    for (uint32_t p = 0; p < o->d->nprofiles; p++)
        nulls += o->sel[p] && vals[p].kind == SV_NULL;
    for (uint32_t i = 0; i < r->nrows; i++) {
        int64_t got;
        const char *v = cell(r, i, 0), *is_other = cell(r, i, 1);
        if (!whole(cell(r, i, 2), &got) || !is_other)
            return differ(o, "row %u is malformed", i + 1);
        if (!strcmp(is_other, "t")) {
            other = got;
        } else if (!v) {
            if (got != nulls)
                return differ(o, "null row %" PRId64 ", the evaluator %" PRId64, got, nulls);
        } else {
            nshown++, shown += got, least = got < least ? got : least;
        }
    }
    /* Each distinct value, shown with its count or left out. */
    value_count *runs;
    int64_t nruns = distinct_values(o, vals, &runs);
    uint32_t distinct = 0;
    int64_t most_left = 0;
    for (int64_t k = 0; k < nruns && runs[k].v->kind != SV_NULL; k++) {
        bool in_rows = false;
        distinct++;
        for (uint32_t i = 0; i < r->nrows; i++)
            if (cell(r, i, 0) && same_value(runs[k].v, cell(r, i, 0))) {
                int64_t got = 0;
                whole(cell(r, i, 2), &got);
                if (got != runs[k].n) {
                    free(runs);
                    return differ(o, "value '%s': %" PRId64 " profiles, the evaluator %" PRId64,
                                  cell(r, i, 0), got, runs[k].n);
                }
                in_rows = true;
            }
        if (!in_rows && runs[k].n > most_left)
            most_left = runs[k].n;
    }
    free(runs);
    if (nruns < 0)
        return differ(o, "out of memory");
    uint32_t want_shown = distinct < top ? distinct : top;
    if (nshown != want_shown)
        return differ(o, "%u values shown, expected %u", nshown, want_shown);
    if (nshown && most_left > least)
        return differ(o, "a value left out has %" PRId64 " profiles, one shown %" PRId64, most_left,
                      least);
    int64_t rest = o->n - nulls - shown;
    if ((rest > 0 || other >= 0) && other != rest)
        return differ(o, "other %" PRId64 ", expected %" PRId64, other, rest);
    return true;
}

/* Rows (bucket, lower, upper, profiles) against buckets computed here. */
static bool breakdown_buckets(out *o, const db_rows *r, const int64_t *bucket)
{
    int64_t sum = 0;
    for (uint32_t i = 0; i < r->nrows; i++) {
        int64_t got, b = -1, want = 0;
        if (!whole(cell(r, i, 3), &got) || (cell(r, i, 0) && !whole(cell(r, i, 0), &b)))
            return differ(o, "row %u is malformed", i + 1);
        for (uint32_t p = 0; p < o->d->nprofiles; p++)
            want += o->sel[p] && bucket[p] == b;
        if (got != want)
            return differ(o, "bucket %" PRId64 ": %" PRId64 " profiles, the evaluator %" PRId64, b,
                          got, want);
        sum += got;
    }
    return sum == o->n || differ(o, "buckets sum to %" PRId64 ", members %u", sum, o->n);
}

static bool check_breakdown(out *o, uint64_t pick)
{
    static const char *const edges_text = "-100,0,1,10,250.5,1000";
    unsigned variant = (unsigned)(pick % 4);
    uint32_t ai = attribute(o->d, pick / 4, variant >= 2 ? numeric : plain);
    const casc_attribute *attr = &o->d->model->attributes[ai];
    const sem_value *vals = o->d->attr[ai];
    char top[16], buckets[16];
    snprintf(top, sizeof top, "%u", (unsigned)(pick / 16 % 4 + 1));
    snprintf(buckets, sizeof buckets, "%u", (unsigned)(pick / 16 % 5 + 1));
    casc_options opts = {.select = "breakdown", .by = attr->name};
    if (variant == 1)
        opts.top = top;
    else if (variant == 2)
        opts.buckets = edges_text;
    else if (variant == 3)
        opts.buckets = buckets;
    db_rows r;
    if (!run_wrapped(
            o, &opts,
            variant ? NULL : "SELECT q.value, q.profiles FROM (%s) AS q ORDER BY 1 NULLS LAST", &r))
        return false;
    int64_t *bucket = variant >= 2 ? calloc(o->d->nprofiles + 1, sizeof *bucket) : NULL;
    bool ok;
    if (variant == 0) {
        ok = breakdown_values(o, &r, vals);
    } else if (variant == 1) {
        ok = breakdown_top(o, &r, vals, (uint32_t)atoi(top));
    } else if (!bucket) {
        ok = differ(o, "out of memory");
    } else {
        /* Edges: the bucket is how many edges are <= v. Equal width: from
         * the members' least value lo to the greatest hi, N buckets. */
        static const sem_num edge[] = {-100 * SEM_NUM_ONE,
                                       0,
                                       SEM_NUM_ONE,
                                       10 * SEM_NUM_ONE,
                                       250 * SEM_NUM_ONE + SEM_NUM_ONE / 2,
                                       1000 * SEM_NUM_ONE};
        int64_t n = atoi(buckets);
        sem_num lo = 0, hi = 0;
        bool any = false;
        for (uint32_t p = 0; p < o->d->nprofiles; p++)
            if (o->sel[p] && vals[p].kind == SV_NUMBER) {
                lo = any && lo < vals[p].u.num ? lo : vals[p].u.num;
                hi = any && hi > vals[p].u.num ? hi : vals[p].u.num;
                any = true;
            }
        for (uint32_t p = 0; p < o->d->nprofiles; p++) {
            sem_num v = vals[p].u.num;
            bucket[p] = -1;
            if (vals[p].kind != SV_NUMBER)
                continue;
            if (variant == 2) {
                bucket[p] = 0;
                for (size_t e = 0; e < sizeof edge / sizeof *edge; e++)
                    bucket[p] += edge[e] <= v;
            } else if (hi == lo) {
                bucket[p] = 1;
            } else {
                __int128 q = (__int128)(v - lo) * n / (hi - lo);
                bucket[p] = (q < n - 1 ? (int64_t)q : n - 1) + 1;
            }
        }
        ok = breakdown_buckets(o, &r, bucket);
    }
    free(bucket);
    db_rows_free(&r);
    return ok;
}

/* ---- stats ---- */

static bool check_stats(out *o, uint64_t pick)
{
    uint32_t ai = attribute(o->d, pick, numeric);
    const sem_value *vals = o->d->attr[ai];
    casc_options opts = {.select = "stats", .of = o->d->model->attributes[ai].name};
    db_rows r;
    if (!run(o, &opts, &r))
        return false;
    __int128 sum = 0;
    int64_t count = 0;
    sem_num lo = 0, hi = 0;
    for (uint32_t p = 0; p < o->d->nprofiles; p++)
        if (o->sel[p] && vals[p].kind == SV_NUMBER) {
            sem_num v = vals[p].u.num;
            lo = count && lo < v ? lo : v;
            hi = count && hi > v ? hi : v;
            sum += v, count++;
        }
    sem_num got_sum, got_lo, got_hi;
    int64_t got_n, got_count;
    bool ok = r.nrows == 1 && r.ncols == 6 && whole(cell(&r, 0, 0), &got_n) &&
              whole(cell(&r, 0, 1), &got_count);
    if (!ok) {
        ok = differ(o, "not one row of six columns");
    } else if (got_n != o->n || got_count != count) {
        ok = differ(o, "profiles %" PRId64 " and values %" PRId64 ", the evaluator %u and %" PRId64,
                    got_n, got_count, o->n, count);
    } else if (sum > INT64_MAX || sum < INT64_MIN) {
        ok = true; /* beyond the evaluator's numbers: the counts were compared */
    } else if (!sem_num_parse(cell(&r, 0, 2), strlen(cell(&r, 0, 2)), &got_sum) ||
               got_sum != (sem_num)sum) {
        ok = differ(o, "sum %s differs from the evaluator's", cell(&r, 0, 2));
    } else if (count && (!cell(&r, 0, 3) || !cell(&r, 0, 4) || !cell(&r, 0, 5))) {
        ok = differ(o, "no average, min or max for %" PRId64 " values", count);
    } else if (count) {
        /* avg * count == sum, to PostgreSQL's 16 or more digits */
        double avg = strtod(cell(&r, 0, 3), NULL), want = (double)sum / SEM_NUM_ONE / count;
        ok = (sem_num_parse(cell(&r, 0, 4), strlen(cell(&r, 0, 4)), &got_lo) && got_lo == lo &&
              sem_num_parse(cell(&r, 0, 5), strlen(cell(&r, 0, 5)), &got_hi) && got_hi == hi &&
              fabs(avg - want) <= 1e-9 * (fabs(want) + 1)) ||
             differ(o, "avg %s, min %s, max %s differ from the evaluator's", cell(&r, 0, 3),
                    cell(&r, 0, 4), cell(&r, 0, 5));
    }
    db_rows_free(&r);
    return ok;
}

/* ---- members: columns, limit, sample ---- */

static bool check_columns(out *o, uint64_t pick)
{
    uint32_t a1 = attribute(o->d, pick, plain), a2 = attribute(o->d, pick / 7 + 1, plain);
    if (a2 == a1)
        a2 = attribute(o->d, pick / 7 + 2, plain);
    char cols[200];
    snprintf(cols, sizeof cols, "%s,%s", o->d->model->attributes[a1].name,
             o->d->model->attributes[a2].name);
    casc_options opts = {.columns = cols};
    db_rows r;
    if (!run(o, &opts, &r))
        return false;
    bool ok = r.nrows == o->n || differ(o, "%u rows, %u members", r.nrows, o->n);
    bool *seen = calloc(o->d->nprofiles + 1, 1);
    for (uint32_t i = 0; ok && seen && i < r.nrows; i++) {
        int64_t key = 0, p = -1;
        ok = (whole(cell(&r, i, 0), &key) && (p = sem_profile_of(o->d, key)) >= 0 && o->sel[p] &&
              !seen[p]) ||
             differ(o, "row %u: key %s is not a member, or twice", i + 1, cell(&r, i, 0));
        if (!ok)
            break;
        seen[p] = true;
        ok = (same_value(&o->d->attr[a1][p], cell(&r, i, 1)) &&
              same_value(&o->d->attr[a2][p], cell(&r, i, 2))) ||
             differ(o, "key %s: values '%s', '%s' are not the data's", cell(&r, i, 0),
                    cell(&r, i, 1) ? cell(&r, i, 1) : "(null)",
                    cell(&r, i, 2) ? cell(&r, i, 2) : "(null)");
    }
    free(seen);
    db_rows_free(&r);
    return ok;
}

typedef struct order_ctx {
    const sem_value *vals;
    const int64_t *keys;
    bool desc;
} order_ctx;

/* Insertion into a sorted prefix, by (value nulls last, asc or desc), key. */
static bool before(const order_ctx *c, uint32_t p, uint32_t q)
{
    const sem_value *a = &c->vals[p], *b = &c->vals[q];
    if ((a->kind == SV_NULL) != (b->kind == SV_NULL))
        return b->kind == SV_NULL;
    int cmp = a->kind == SV_NULL ? 0 : compare_values(a, b);
    if (cmp)
        return c->desc ? cmp > 0 : cmp < 0;
    return c->keys[p] < c->keys[q];
}

static bool check_limit(out *o, uint64_t pick)
{
    uint32_t ai = attribute(o->d, pick, plain);
    order_ctx oc = {o->d->attr[ai], o->d->keys, pick / 8 % 2 == 1};
    char order[160], limit[24];
    bool percent = pick / 16 % 2 == 1;
    /* Whole quarters often, so that n * P / 100 is often whole too. */
    uint64_t amount = !percent        ? pick / 32 % 40
                      : pick / 32 % 2 ? pick / 64 % 5 * 2500
                                      : pick / 64 % 10001;
    snprintf(order, sizeof order, "%s %s", o->d->model->attributes[ai].name,
             oc.desc ? "desc" : "asc");
    snprintf(limit, sizeof limit, percent ? "%" PRIu64 ".%02" PRIu64 "%%" : "%" PRIu64,
             percent ? amount / 100 : amount, amount % 100);
    casc_options opts = {.order_by = order, .limit = limit};
    casc_output_request req;
    casc_strbuf bad = CASC_STRBUF_INIT;
    casc_output_parse(o->a, &opts, false, &req, &bad);
    casc_sb_free(&bad);
    free(o->sql);
    char *err = NULL;
    o->sql = sem_compile(o->a, o->d->model, o->text, o->k, casc_backend_find("postgres"), &req,
                         &err, NULL);
    int64_t *keys = NULL;
    uint32_t nkeys = 0;
    if (!o->sql || !db_integers(o->c->db, o->sql, &keys, &nkeys, &err)) {
        differ(o, "%s", err ? err : "does not compile");
        free(err);
        return false;
    }
    uint64_t want = percent ? (uint64_t)o->n * amount / 10000 : amount;
    if (want > o->n)
        want = o->n;
    uint32_t *top = malloc((want + 1) * sizeof *top), ntop = 0;
    for (uint32_t p = 0; top && p < o->d->nprofiles; p++) {
        if (!o->sel[p])
            continue;
        uint32_t at = ntop < want ? ntop++ : (uint32_t)want;
        while (at > 0 && before(&oc, p, top[at - 1])) {
            if (at < want)
                top[at] = top[at - 1];
            at--;
        }
        if (at < want)
            top[at] = p;
    }
    int64_t *mine = malloc((want + 1) * sizeof *mine);
    for (uint32_t i = 0; mine && top && i < ntop; i++)
        mine[i] = o->d->keys[top[i]];
    if (mine)
        qsort(mine, ntop, sizeof *mine, sem_key_order);
    bool ok = mine && nkeys == ntop && !memcmp(keys, mine, ntop * sizeof *mine);
    if (!ok)
        differ(o, "limit %s by %s: %u profiles, the evaluator's first %u differ", limit, order,
               nkeys, ntop);
    free(top);
    free(mine);
    free(keys);
    return ok;
}

/* The least h with h * 10000 >= bp * 2^32 (docs/outputs.md). */
static uint64_t threshold(uint64_t bp)
{
    return (bp * 4294967296u + 9999) / 10000;
}

/* Does the reference hash put key (in the sample of seed) in [lo, hi)? */
static bool in_sample(const char *seed, int64_t key, uint64_t lo_bp, uint64_t hi_bp)
{
    char text[24];
    snprintf(text, sizeof text, "%" PRId64, key);
    uint64_t h = sem_sample_hash(seed, text);
    return h >= threshold(lo_bp) && h < threshold(hi_bp);
}

static bool check_sample(out *o, uint64_t pick)
{
    uint64_t lo = pick % 3 == 0 ? 0 : pick / 3 % 5001, hi = lo + pick / 16 % (10001 - lo);
    char share[40], seed[24];
    if (lo)
        snprintf(share, sizeof share, "%" PRIu64 ".%02" PRIu64 "%%-%" PRIu64 ".%02" PRIu64 "%%",
                 lo / 100, lo % 100, hi / 100, hi % 100);
    else
        snprintf(share, sizeof share, "%" PRIu64 ".%02" PRIu64 "%%", hi / 100, hi % 100);
    snprintf(seed, sizeof seed, "s%" PRIu64, pick % 1000);
    casc_options opts = {.sample = share, .seed = seed};
    db_rows r;
    if (!run(o, &opts, &r))
        return false;
    uint32_t want = 0, got = 0;
    for (uint32_t p = 0; p < o->d->nprofiles; p++)
        want += o->sel[p] && in_sample(seed, o->d->keys[p], lo, hi);
    bool ok = true;
    for (uint32_t i = 0; ok && i < r.nrows; i++) {
        int64_t key = 0, p = -1;
        ok = whole(cell(&r, i, 0), &key) && (p = sem_profile_of(o->d, key)) >= 0 && o->sel[p] &&
             in_sample(seed, key, lo, hi);
        got += ok;
        if (!ok)
            differ(o, "sample %s seed %s: key %s is not in the reference sample", share, seed,
                   cell(&r, i, 0));
    }
    if (ok && got != want)
        ok = differ(o, "sample %s seed %s: %u profiles, the reference %u", share, seed, got, want);
    db_rows_free(&r);
    return ok;
}

/* ---- overlap ---- */

/* Rules of the fixture model to overlap a random rule with. */
static const char *const companions[] = {
    "loyalty_tier = 'Gold'",
    "purchase in last 90 days",
    "lifetime_value > 1000",
    "email_opt_in",
    "page_view count >= 2 in last 30 days",
    "in segment 'VIP' or age < 30",
};

/* The evaluator's members of a rule. */
static bool evaluate(out *o, const char *text, bool *members)
{
    casc_source src = {"<rule>", text, strlen(text), 0};
    casc_diags d;
    casc_diags_init(&d, o->a);
    casc_node *ast = casc_parse(o->a, o->a, &src, &d);
    casc_rnode *rule = ast ? casc_resolve(o->a, o->d->model, ast, &src, &d) : NULL;
    const char *refused = rule ? sem_eval(o->d, rule, &o->k->now, o->k->zone, members) : "";
    return !refused || differ(o, "companion '%s': %s", text, refused[0] ? refused : "rejected");
}

static bool check_overlap(out *o, uint64_t pick)
{
    const size_t ncomp = sizeof companions / sizeof *companions;
    uint32_t n = 2 + (uint32_t)(pick % 2);
    const char *rules[MAX_RULES] = {o->text, companions[pick / 2 % ncomp],
                                    companions[(pick / 2 + 1 + pick / 16 % (ncomp - 1)) % ncomp]};
    bool *mine[MAX_RULES] = {NULL};
    const bool *in[MAX_RULES] = {o->sel};
    bool ok = true;
    for (uint32_t i = 1; i < n; i++)
        ok &= (in[i] = mine[i] = calloc(o->d->nprofiles + 1, 1)) && evaluate(o, rules[i], mine[i]);
    casc_source src[MAX_RULES];
    for (uint32_t i = 0; i < n; i++)
        src[i] = (casc_source){"<rule>", rules[i], strlen(rules[i]), 0};
    casc_output_request req = {.select = CASC_SELECT_OVERLAP};
    casc_compile_options co = {.backend = casc_backend_find("postgres"),
                               .now = &o->k->now,
                               .timezone = o->k->zone,
                               .output = &req};
    casc_diags d;
    casc_diags_init(&d, o->a);
    casc_strbuf sql = CASC_STRBUF_INIT;
    db_rows r = {0};
    char *err = NULL;
    free(o->sql);
    o->sql = NULL;
    if (ok && casc_compile_overlap(o->a, o->d->model, src, n, &co, &d, &sql, NULL) &&
        (o->sql = strdup(casc_sb_str(&sql))) && !db_query(o->c->db, o->sql, &r, &err))
        ok = differ(o, "%s", err);
    else if (ok && !o->sql)
        ok = differ(o, "the overlap does not compile");
    int64_t sum = 0, union_size = 0;
    for (uint32_t p = 0; ok && p < o->d->nprofiles; p++) {
        bool any = false;
        for (uint32_t i = 0; i < n; i++)
            any |= in[i][p];
        union_size += any;
    }
    for (uint32_t row = 0; ok && row < r.nrows; row++) {
        int64_t got = 0, want = 0;
        ok = whole(cell(&r, row, n), &got) || differ(o, "row %u is malformed", row + 1);
        for (uint32_t p = 0; ok && p < o->d->nprofiles; p++) {
            bool same = true;
            for (uint32_t i = 0; i < n; i++)
                same &= cell(&r, row, i) && in[i][p] == (cell(&r, row, i)[0] == 't');
            want += same;
        }
        if (ok && (got != want || !got))
            ok = differ(o, "region %u: %" PRId64 " profiles, the evaluator %" PRId64, row + 1, got,
                        want);
        sum += got;
    }
    if (ok && sum != union_size)
        ok = differ(o, "regions sum to %" PRId64 ", the union has %" PRId64, sum, union_size);
    for (uint32_t i = 1; i < n; i++)
        free(mine[i]);
    free(err);
    casc_sb_free(&sql);
    db_rows_free(&r);
    return ok;
}

/* ---- events ---- */

static bool check_events(out *o, uint64_t pick)
{
    uint32_t bi = (uint32_t)(pick % o->d->model->nbehaviors);
    const sem_events *ev = &o->d->beh[bi];
    uint32_t last = (uint32_t)(pick / 8 % 4);
    char last_text[16];
    snprintf(last_text, sizeof last_text, "%u", last);
    casc_options opts = {.select = "events",
                         .behavior = o->d->model->behaviors[bi].name,
                         .last = last ? last_text : NULL};
    db_rows r;
    if (!run(o, &opts, &r))
        return false;
    uint32_t *rows = calloc(o->d->nprofiles + 1, sizeof *rows);
    bool ok = rows != NULL;
    for (uint32_t i = 0; ok && i < r.nrows; i++) {
        int64_t key = 0, p = -1;
        ok = (whole(cell(&r, i, 0), &key) && (p = sem_profile_of(o->d, key)) >= 0) ||
             differ(o, "row %u: key %s is no profile's", i + 1, cell(&r, i, 0));
        if (ok)
            rows[p]++;
    }
    for (uint32_t p = 0; ok && p < o->d->nprofiles; p++) {
        uint32_t want = 0;
        for (uint32_t e = ev->start[p]; o->sel[p] && e < ev->start[p + 1]; e++)
            want += !last || ev->time[e].kind != SV_NULL;
        if (last && want > last)
            want = last;
        if (rows[p] != want)
            ok = differ(o, "key %" PRId64 ": %u events, the evaluator %u", o->d->keys[p], rows[p],
                        want);
    }
    free(rows);
    db_rows_free(&r);
    return ok;
}

sem_fault sem_check_output(sem_checker *c, casc_arena *a, const char *text, const sem_case *k,
                           char **why)
{
    out o = {c, a, text, k, c->data, c->selected, 0, why, NULL};
    for (uint32_t p = 0; p < c->data->nprofiles; p++)
        o.n += c->selected[p];
    static bool (*const checks[KINDS])(out *, uint64_t) = {
        check_breakdown, check_stats,   check_columns, check_limit,
        check_sample,    check_overlap, check_events};
    bool ok = checks[k->pick % KINDS](&o, k->pick / KINDS);
    free(o.sql);
    return ok ? SEM_OK : SEM_OUTPUT;
}

void sem_check_sample_sizes(sem_checker *c, const sem_case *k, int *passed, int *failed)
{
    static const char *const shares[] = {"1%", "10%", "25%", "50%", "90%", "20%-70%"};
    static const double fraction[] = {0.01, 0.10, 0.25, 0.50, 0.90, 0.50};
    const char *const seeds[] = {"0", "7", "holdout", "2026-q2"};
    casc_arena *a = casc_arena_new();
    for (size_t i = 0; a && i < sizeof shares / sizeof *shares; i++)
        for (size_t s = 0; s < sizeof seeds / sizeof *seeds; s++) {
            char *why = NULL;
            out o = {c, a, "true", k, c->data, c->selected, c->data->nprofiles, &why, NULL};
            casc_options opts = {.select = "count", .sample = shares[i], .seed = seeds[s]};
            db_rows r;
            int64_t got = -1;
            if (run(&o, &opts, &r) && r.nrows == 1)
                whole(cell(&r, 0, 0), &got);
            double n = c->data->nprofiles, p = fraction[i];
            bool ok = got >= 0 && fabs((double)got - n * p) <= 4 * sqrt(n * p * (1 - p)) + 1;
            if (ok) {
                (*passed)++;
            } else {
                (*failed)++;
                printf("FAIL sample size: --sample %s --seed %s: %" PRId64
                       " of %.0f profiles\n%s\n",
                       shares[i], seeds[s], got, n, why ? why : "");
            }
            if (got >= 0)
                db_rows_free(&r);
            free(why);
            free(o.sql);
        }
    casc_arena_free(a);
}
