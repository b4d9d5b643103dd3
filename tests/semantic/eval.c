/* eval.c - the reference evaluator (see eval.h). */
#include "eval.h"

#include <regex.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "source.h"

typedef struct ev {
    const sem_data *d;
    sem_time now;
    const char *zone; /* the rule's */
    const char *why;  /* set when the rule cannot be decided exactly */
} ev;

/* The rows a condition is evaluated over: the profiles, or the events of
 * the behavior whose filter it is. */
typedef struct scope {
    uint32_t n;
    const casc_behavior *b; /* NULL: profiles */
    const sem_events *events;
} scope;

static bool *eval(ev *e, const casc_rnode *n, const scope *s);

static void refuse(ev *e, const char *why)
{
    if (!e->why)
        e->why = why;
}

/* ---- time ---- */

typedef struct range {
    bool has_lo, lo_incl, has_hi, hi_incl;
    sem_time lo, hi;
} range;

static bool in_range(const range *r, sem_time t)
{
    return (!r->has_lo || t > r->lo || (r->lo_incl && t == r->lo)) &&
           (!r->has_hi || t < r->hi || (r->hi_incl && t == r->hi));
}

static sem_time literal_instant(const casc_timelit *t)
{
    sem_time wall = sem_days_from_civil(t->year, t->month, t->day) * SEM_NS_PER_DAY +
                    ((int64_t)t->hour * 3600 + t->minute * 60 + t->second) * SEM_NS_PER_SEC +
                    t->nanos;
    if (t->has_zone)
        return wall - (int64_t)t->zone_minutes * 60 * SEM_NS_PER_SEC;
    return tz_from_wall(wall); /* in the rule's zone */
}

static int64_t elapsed_ns(casc_unit u)
{
    return (u == CASC_UNIT_MINUTE ? 60 : 3600) * SEM_NS_PER_SEC;
}

/* now + n units: minutes and hours elapse, longer units are calendar steps
 * of the wall clock in the rule's zone. No step at all is now itself
 * (docs/rule-language.md: `0 days ago` is now); through the wall clock, a
 * now in the first of two repeated hours would come back as the second. */
static sem_time now_plus(const ev *e, int64_t n, casc_unit u)
{
    if (n == 0)
        return e->now;
    if (u <= CASC_UNIT_HOUR)
        return e->now + n * elapsed_ns(u);
    return tz_from_wall(cal_step(tz_to_wall(e->now), n, u));
}

/* The start of the calendar unit k units from the one holding now. Minutes
 * and hours are the clock's, counted back in elapsed time (so the hour
 * before a repeated hour is an hour long); days and longer start at a local
 * midnight. */
static sem_time calendar(const ev *e, casc_unit u, int64_t k)
{
    sem_time wall = tz_to_wall(e->now);
    if (u <= CASC_UNIT_HOUR)
        return e->now - (wall - cal_start(wall, u)) + k * elapsed_ns(u);
    return tz_from_wall(cal_step(cal_start(wall, u), k, u));
}

static sem_time time_value(const ev *e, const casc_value *v)
{
    switch (v->kind) {
    case CASC_V_DATE:
    case CASC_V_TIMESTAMP: return literal_instant(&v->time);
    case CASC_V_TODAY: return calendar(e, CASC_UNIT_DAY, 0);
    case CASC_V_YESTERDAY: return calendar(e, CASC_UNIT_DAY, -1);
    case CASC_V_AGO: return now_plus(e, -v->integer, v->unit);
    case CASC_V_FROM_NOW: return now_plus(e, v->integer, v->unit);
    default: return e->now;
    }
}

/* The start of the day after a date literal (spec §5: `between` with a
 * date end, `after` a date). */
static sem_time day_after(const casc_value *v)
{
    return tz_day_start(sem_days_from_civil(v->time.year, v->time.month, v->time.day) + 1);
}

static range lo_hi(sem_time lo, bool lo_incl, sem_time hi, bool hi_incl)
{
    return (range){true, lo_incl, true, hi_incl, lo, hi};
}

/* The events a window takes, as the table of spec §5 says. */
static range window_range(const ev *e, const casc_window *w)
{
    switch (w->kind) {
    case CASC_W_LAST_N: return lo_hi(now_plus(e, -w->count, w->unit), true, e->now, true);
    case CASC_W_NEXT_N: return lo_hi(e->now, true, now_plus(e, w->count, w->unit), true);
    case CASC_W_THIS: return lo_hi(calendar(e, w->unit, 0), true, e->now, true);
    case CASC_W_PREVIOUS:
        return lo_hi(calendar(e, w->unit, -1), true, calendar(e, w->unit, 0), false);
    case CASC_W_NEXT: return lo_hi(calendar(e, w->unit, 1), true, calendar(e, w->unit, 2), false);
    case CASC_W_TODAY:
        return lo_hi(calendar(e, CASC_UNIT_DAY, 0), true, calendar(e, CASC_UNIT_DAY, 1), false);
    case CASC_W_YESTERDAY:
        return lo_hi(calendar(e, CASC_UNIT_DAY, -1), true, calendar(e, CASC_UNIT_DAY, 0), false);
    case CASC_W_BETWEEN:
        if (w->hi.kind == CASC_V_DATE)
            return lo_hi(time_value(e, &w->lo), true, day_after(&w->hi), false);
        return lo_hi(time_value(e, &w->lo), true, time_value(e, &w->hi), true);
    case CASC_W_SINCE: return (range){.has_lo = true, .lo_incl = true, .lo = time_value(e, &w->lo)};
    case CASC_W_AFTER:
        if (w->lo.kind == CASC_V_DATE)
            return (range){.has_lo = true, .lo_incl = true, .lo = day_after(&w->lo)};
        return (range){.has_lo = true, .lo = time_value(e, &w->lo)};
    case CASC_W_BEFORE: return (range){.has_hi = true, .hi = time_value(e, &w->lo)};
    }
    return (range){0};
}

/* Timestamps of a behavior with a `timezone:` are readings of that
 * zone's clock (dataset.h); they are compared on that clock, with every
 * bound read on it. The zone, or NULL when times are instants. */
static const char *clock_zone(const casc_behavior *b, casc_type t)
{
    return b && t == CASC_TYPE_TIMESTAMP && b->timezone && strcmp(b->timezone, "UTC") ? b->timezone
                                                                                      : NULL;
}

static range on_clock(const ev *e, range r, const char *zone)
{
    if (zone && tz_select(zone)) {
        r.lo = tz_to_wall(r.lo);
        r.hi = tz_to_wall(r.hi);
        tz_select(e->zone);
    }
    return r;
}

/* A time value of the data on its own clock: a date is the start of its
 * day in the rule's zone. False for null. */
static bool time_of(const sem_value *v, sem_time *t)
{
    if (v->kind == SV_DATE)
        *t = tz_day_start(v->u.day);
    else if (v->kind == SV_TIME)
        *t = v->u.time;
    else
        return false;
    return true;
}

/* A predicate on a time as the ranges it accepts (one per value of `in`),
 * on the operand's clock; returns how many. */
static uint32_t time_ranges(const ev *e, const casc_rnode *n, const char *zone, range *out)
{
    const casc_value *x = n->u.pred.values;
    sem_time t = n->u.pred.op == CASC_P_WINDOW || n->u.pred.op == CASC_P_IN ? 0 : time_value(e, x);
    uint32_t k = 1;
    switch (n->u.pred.op) {
    case CASC_P_WINDOW: out[0] = window_range(e, n->u.pred.window); break;
    case CASC_P_LT: out[0] = (range){.has_hi = true, .hi = t}; break;
    case CASC_P_LE: out[0] = (range){.has_hi = true, .hi_incl = true, .hi = t}; break;
    case CASC_P_GT: out[0] = (range){.has_lo = true, .lo = t}; break;
    case CASC_P_GE: out[0] = (range){.has_lo = true, .lo_incl = true, .lo = t}; break;
    case CASC_P_IN:
        k = n->u.pred.nvalues;
        for (uint32_t i = 0; i < k; i++) {
            t = time_value(e, &n->u.pred.values[i]);
            out[i] = lo_hi(t, true, t, true);
        }
        break;
    default: out[0] = lo_hi(t, true, t, true); break; /* EQ */
    }
    for (uint32_t i = 0; i < k; i++)
        out[i] = on_clock(e, out[i], zone);
    return k;
}

/* ---- values ---- */

static sem_num number(ev *e, const casc_value *v)
{
    sem_num x = 0;
    if (!sem_num_parse(v->text, v->len, &x))
        refuse(e, "a number beyond the evaluator's exact range");
    return x;
}

static int compare_bytes(const char *a, uint32_t na, const char *b, uint32_t nb)
{
    int c = memcmp(a, b, na < nb ? na : nb);
    return c ? (c > 0) - (c < 0) : (na > nb) - (na < nb);
}

/* Compare data value v (a string, number or boolean) with rule value x of
 * the operand's type: <0, 0, >0. */
static int compare(ev *e, const sem_value *v, const casc_value *x)
{
    switch (v->kind) {
    case SV_STRING: return compare_bytes(v->u.str, v->len, x->text, x->len);
    case SV_NUMBER: return sem_num_cmp(v->u.num, number(e, x));
    default: return v->u.boolean != x->boolean;
    }
}

/* Does an array hold an element equal to x? Null elements equal nothing. */
static bool array_has(ev *e, const sem_value *arr, const casc_value *x)
{
    for (uint32_t i = 0; i < arr->len; i++)
        if (arr->u.items[i].kind != SV_NULL && compare(e, &arr->u.items[i], x) == 0)
            return true;
    return false;
}

static bool substring_at(const sem_value *v, const casc_value *x, size_t at)
{
    return x->len <= v->len && at <= v->len - x->len && !memcmp(v->u.str + at, x->text, x->len);
}

static bool contains(const sem_value *v, const casc_value *x)
{
    for (size_t at = 0; x->len <= v->len && at <= v->len - x->len; at++)
        if (substring_at(v, x, at))
            return true;
    return false;
}

/* Greedy, going back only to the last `%` seen: whatever an earlier `%`
 * would take instead, the last one can take as well. At most len(s)
 * restarts of len(p) steps each; trying every split at every `%` instead
 * takes exponential time on a pattern like '_%%%%%_t'. */
bool sem_like(const char *s, size_t ns, const char *p, size_t np)
{
    size_t si = 0, pi = 0, back_p = SIZE_MAX, back_s = 0;
    while (si < ns) {
        if (pi < np && p[pi] == '%') {
            back_p = ++pi, back_s = si;
            continue;
        }
        if (pi < np && p[pi] == '_') {
            si += casc_utf8_len(s + si), pi++;
            continue;
        }
        if (pi < np) {
            bool escaped = p[pi] == '\\' && pi + 1 < np &&
                           (p[pi + 1] == '%' || p[pi + 1] == '_' || p[pi + 1] == '\\');
            const char *lit = p + pi + escaped;
            size_t n = escaped ? 1 : casc_utf8_len(lit);
            if (n <= ns - si && !memcmp(s + si, lit, n)) {
                si += n, pi += escaped + n;
                continue;
            }
        }
        if (back_p == SIZE_MAX)
            return false;
        back_s += casc_utf8_len(s + back_s);
        si = back_s, pi = back_p;
    }
    while (pi < np && p[pi] == '%')
        pi++;
    return pi == np;
}

/* POSIX extended syntax, which means the same in PostgreSQL for patterns
 * without escapes of letters or digits (classes there, not here) and
 * without backslashes inside brackets. */
static bool compile_regex(ev *e, const casc_value *x, regex_t *re)
{
    bool bracket = false;
    for (uint32_t i = 0; i < x->len; i++) {
        char c = x->text[i], next = i + 1 < x->len ? x->text[i + 1] : 0;
        if (c == '\\' && (bracket || (next >= '0' && next <= '9') || (next >= 'a' && next <= 'z') ||
                          (next >= 'A' && next <= 'Z'))) {
            refuse(e, "a regular expression with an escape that differs between flavors");
            return false;
        }
        bracket = c == '[' ? true : c == ']' ? false : bracket;
        i += c == '\\';
    }
    char *pattern = strndup(x->text, x->len);
    int rc = pattern ? regcomp(re, pattern, REG_EXTENDED | REG_NOSUB) : -1;
    free(pattern);
    if (rc != 0)
        refuse(e, "a regular expression the evaluator cannot compile");
    return rc == 0;
}

static bool matches(const regex_t *re, const sem_value *v)
{
    char *s = strndup(v->u.str, v->len);
    bool m = s && regexec(re, s, 0, NULL, 0) == 0;
    free(s);
    return m;
}

/* ---- conditions ---- */

static const sem_value *operand(const ev *e, const scope *s, const casc_operand *on, uint32_t row)
{
    if (on->field)
        return &s->events->field[on->field - s->b->fields][row];
    return &e->d->attr[on->attr - e->d->model->attributes][row];
}

/* A predicate prepared once for all rows: a regular expression, or the
 * ranges a time must fall in. */
typedef struct prepared {
    const regex_t *re;
    const range *ranges; /* NULL: not a time */
    uint32_t nranges;
} prepared;

/* The positive form of a predicate on one value (spec §3, §7). */
static bool test(ev *e, const casc_rnode *n, const sem_value *v, const prepared *pr)
{
    const casc_value *x = n->u.pred.values;
    switch (n->u.pred.op) {
    case CASC_P_IS_NULL: return v->kind == SV_NULL;
    case CASC_P_IS_EMPTY: return v->kind == SV_NULL || v->len == 0;
    default: break;
    }
    if (v->kind == SV_NULL)
        return false;
    sem_time t;
    if (pr->ranges) {
        if (!time_of(v, &t))
            return false;
        for (uint32_t i = 0; i < pr->nranges; i++)
            if (in_range(&pr->ranges[i], t))
                return true;
        return false;
    }
    switch (n->u.pred.op) {
    case CASC_P_EQ: return compare(e, v, x) == 0;
    case CASC_P_LT: return compare(e, v, x) < 0;
    case CASC_P_LE: return compare(e, v, x) <= 0;
    case CASC_P_GT: return compare(e, v, x) > 0;
    case CASC_P_GE: return compare(e, v, x) >= 0;
    case CASC_P_BETWEEN: return compare(e, v, x) >= 0 && compare(e, v, &x[1]) <= 0;
    case CASC_P_IN:
        for (uint32_t i = 0; i < n->u.pred.nvalues; i++)
            if (compare(e, v, &n->u.pred.values[i]) == 0)
                return true;
        return false;
    case CASC_P_CONTAINS: return contains(v, x);
    case CASC_P_STARTS_WITH: return substring_at(v, x, 0);
    case CASC_P_ENDS_WITH: return x->len <= v->len && substring_at(v, x, v->len - x->len);
    case CASC_P_LIKE: return sem_like(v->u.str, v->len, x->text, x->len);
    case CASC_P_MATCHES: return pr->re && matches(pr->re, v);
    case CASC_P_HAS: return array_has(e, v, x);
    case CASC_P_HAS_ANY:
    case CASC_P_HAS_ALL: {
        bool all = n->u.pred.op == CASC_P_HAS_ALL;
        for (uint32_t i = 0; i < n->u.pred.nvalues; i++)
            if (array_has(e, v, &n->u.pred.values[i]) != all)
                return !all;
        return all;
    }
    case CASC_P_IS_TRUE: return v->u.boolean;
    default: return false;
    }
}

static bool *eval_pred(ev *e, const casc_rnode *n, const scope *s)
{
    bool *out = calloc(s->n + 1, 1);
    const casc_operand *on = &n->u.pred.on;
    range *ranges = NULL;
    regex_t re;
    prepared pr = {0};
    if (n->u.pred.op == CASC_P_MATCHES && compile_regex(e, n->u.pred.values, &re))
        pr.re = &re;
    if ((on->type == CASC_TYPE_DATE || on->type == CASC_TYPE_TIMESTAMP) &&
        n->u.pred.op != CASC_P_IS_NULL &&
        (ranges = calloc(n->u.pred.nvalues + 1, sizeof *ranges))) {
        pr.nranges = time_ranges(e, n, clock_zone(on->field ? s->b : NULL, on->type), ranges);
        pr.ranges = ranges;
    }
    for (uint32_t i = 0; out && i < s->n; i++)
        out[i] = test(e, n, operand(e, s, on, i), &pr) != n->negated;
    if (pr.re)
        regfree(&re);
    free(ranges);
    return out;
}

/* ---- behaviors ---- */

static int value_order(const void *a, const void *b)
{
    const sem_value *x = *(const sem_value *const *)a, *y = *(const sem_value *const *)b;
    switch (x->kind) {
    case SV_STRING: return compare_bytes(x->u.str, x->len, y->u.str, y->len);
    case SV_NUMBER: return sem_num_cmp(x->u.num, y->u.num);
    case SV_BOOL: return x->u.boolean - y->u.boolean;
    case SV_DATE: return (x->u.day > y->u.day) - (x->u.day < y->u.day);
    default: return (x->u.time > y->u.time) - (x->u.time < y->u.time);
    }
}

/* The aggregate of a measure over one profile's counted events. */
typedef struct agg {
    int64_t events; /* counted events */
    int64_t values; /* their non-null field values */
    sem_num sum, min, max;
    const sem_value **distinct; /* the non-null values, for count distinct */
} agg;

static void add_value(ev *e, agg *a, const sem_value *v, casc_measure_kind k)
{
    if (v->kind == SV_NULL)
        return;
    if (k == CASC_M_COUNT_DISTINCT) {
        a->distinct[a->values++] = v;
        return;
    }
    sem_num x = v->u.num;
    if (__builtin_add_overflow(a->sum, x, &a->sum))
        refuse(e, "a sum beyond the evaluator's exact range");
    a->min = a->values && a->min < x ? a->min : x;
    a->max = a->values && a->max > x ? a->max : x;
    a->values++;
}

/* Does the measure's comparison hold? Aggregates without a value (avg,
 * min, max of nothing) satisfy none. */
static bool measure_holds(ev *e, const casc_measure *m, agg *a)
{
    sem_num v;
    int64_t n = 1;
    switch (m->kind) {
    case CASC_M_COUNT: v = a->events * SEM_NUM_ONE; break;
    case CASC_M_COUNT_DISTINCT: {
        qsort(a->distinct, (size_t)a->values, sizeof *a->distinct, value_order);
        int64_t k = 0;
        for (int64_t i = 0; i < a->values; i++)
            k += i == 0 || value_order(&a->distinct[i - 1], &a->distinct[i]) != 0;
        v = k * SEM_NUM_ONE;
        break;
    }
    case CASC_M_SUM: v = a->sum; break;
    case CASC_M_AVG: v = a->sum, n = a->values; break;
    case CASC_M_MIN: v = a->min; break;
    default: v = a->max; break;
    }
    if (m->kind >= CASC_M_AVG && a->values == 0)
        return false;
    int lo = sem_num_cmp_ratio(v, n, number(e, &m->lo));
    switch (m->op) {
    case CASC_OP_EQ: return (lo == 0) != m->negated;
    case CASC_OP_LT: return lo < 0;
    case CASC_OP_LE: return lo <= 0;
    case CASC_OP_GT: return lo > 0;
    case CASC_OP_GE: return lo >= 0;
    default: return lo >= 0 && sem_num_cmp_ratio(v, n, number(e, &m->hi)) <= 0;
    }
}

static bool *eval_behavior(ev *e, const casc_rnode *n)
{
    const casc_behavior *b = n->u.beh.behavior;
    const sem_events *evs = &e->d->beh[b - e->d->model->behaviors];
    scope s = {evs->n, b, evs};
    bool *keep = n->u.beh.filter ? eval(e, n->u.beh.filter, &s) : NULL;
    bool *out = calloc(e->d->nprofiles + 1, 1);
    const sem_value **distinct = malloc((evs->n + 1) * sizeof *distinct);
    if (!out || !distinct || (n->u.beh.filter && !keep)) {
        refuse(e, "out of memory");
        goto done;
    }
    const casc_window *w = n->u.beh.window;
    casc_type time_type = b->time_storage == CASC_TIME_DATE ? CASC_TYPE_DATE : CASC_TYPE_TIMESTAMP;
    range r = w ? on_clock(e, window_range(e, w), clock_zone(b, time_type)) : (range){0};
    const casc_measure *m = n->u.beh.measure;
    uint32_t field = n->u.beh.measure_field ? (uint32_t)(n->u.beh.measure_field - b->fields) : 0;
    for (uint32_t p = 0; p < e->d->nprofiles; p++) {
        agg a = {.distinct = distinct};
        bool picked = false;
        sem_time pick = 0, t;
        for (uint32_t i = evs->start[p]; i < evs->start[p + 1]; i++) {
            if (keep && !keep[i])
                continue;
            bool timed = time_of(&evs->time[i], &t);
            if (n->u.beh.pick != CASC_PICK_NONE) {
                /* Only an event with a time can be the first or the last. */
                bool first = n->u.beh.pick == CASC_PICK_FIRST;
                if (timed && (!picked || (first ? t < pick : t > pick)))
                    pick = t, picked = true;
                continue;
            }
            if (w && !(timed && in_range(&r, t)))
                continue;
            a.events++;
            if (m && m->kind != CASC_M_COUNT)
                add_value(e, &a, &evs->field[field][i], m->kind);
        }
        if (n->u.beh.pick != CASC_PICK_NONE)
            out[p] = picked && (!w || in_range(&r, pick));
        else
            out[p] = m ? measure_holds(e, m, &a) : a.events > 0;
    }
done:
    free(keep);
    free(distinct);
    return out;
}

/* ---- the tree ---- */

static bool *eval(ev *e, const casc_rnode *n, const scope *s)
{
    bool *out;
    switch (n->kind) {
    case CASC_R_AND:
    case CASC_R_OR: {
        bool all = n->kind == CASC_R_AND;
        out = malloc(s->n + 1);
        if (out)
            memset(out, all, s->n + 1);
        for (uint32_t i = 0; out && i < n->u.list.n; i++) {
            bool *x = eval(e, n->u.list.items[i], s);
            for (uint32_t r = 0; x && r < s->n; r++)
                out[r] = all ? out[r] && x[r] : out[r] || x[r];
            free(x);
        }
        return out;
    }
    case CASC_R_NOT:
        out = eval(e, n->u.child, s);
        for (uint32_t r = 0; out && r < s->n; r++)
            out[r] = !out[r];
        return out;
    case CASC_R_TRUE:
    case CASC_R_FALSE:
        out = malloc(s->n + 1);
        if (out)
            memset(out, n->kind == CASC_R_TRUE, s->n + 1);
        return out;
    case CASC_R_PRED: return eval_pred(e, n, s);
    case CASC_R_BEHAVIOR: return eval_behavior(e, n);
    case CASC_R_SEGMENT_TABLE:
        out = malloc(s->n + 1);
        if (out)
            memcpy(out, e->d->segment[n->u.segment - e->d->model->segments], s->n);
        return out;
    }
    return NULL;
}

const char *sem_eval(const sem_data *d, const casc_rnode *rule, const casc_timelit *now,
                     const char *zone, bool *out)
{
    if (!tz_select(zone))
        return "a time zone missing from the tz database";
    ev e = {.d = d, .now = literal_instant(now), .zone = zone};
    scope s = {d->nprofiles, NULL, NULL};
    bool *r = eval(&e, rule, &s);
    if (!r)
        return "out of memory";
    memcpy(out, r, d->nprofiles);
    free(r);
    return e.why;
}
