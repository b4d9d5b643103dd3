/* output.c - the output options read and checked for form (output.h). */
#include "output.h"

#include <string.h>

enum { MAX_TOP = 1000000, MAX_BUCKETS = 1000, MAX_LIST = 1000, MAX_SEED = 64 };

uint64_t casc_sample_threshold(uint32_t bp)
{
    return ((uint64_t)bp * CASC_HASH_RANGE + 9999) / 10000;
}

static bool is_digit(char c)
{
    return c >= '0' && c <= '9';
}

/* A whole number of digits only, at most max. */
static bool whole(const char *s, uint64_t max, uint64_t *out)
{
    uint64_t v = 0;
    if (!*s)
        return false;
    for (; *s; s++) {
        if (!is_digit(*s) || v > (max - (uint64_t)(*s - '0')) / 10)
            return false;
        v = v * 10 + (uint64_t)(*s - '0');
    }
    *out = v;
    return true;
}

/* "P%" with at most two decimals, 0 to 100, in basis points; *end is set
 * after the '%'. */
static bool percent(const char *s, uint32_t *bp, const char **end)
{
    uint32_t v = 0, decimals = 0;
    const char *p = s;
    for (; is_digit(*p) && v <= 10000; p++)
        v = v * 10 + (uint32_t)(*p - '0');
    if (p == s)
        return false;
    if (*p == '.') {
        for (p++; is_digit(*p) && decimals < 2; p++, decimals++)
            v = v * 10 + (uint32_t)(*p - '0');
        if (!decimals)
            return false;
    }
    for (; decimals < 2; decimals++)
        v *= 10;
    if (*p != '%' || v > 10000)
        return false;
    *bp = v;
    *end = p + 1;
    return true;
}

/* A number as the rule language writes one: -12, 2.5, 1e6. Its value
 * (approximate, for ordering) in *value. */
static bool number(const char *s, double *value)
{
    const char *p = s;
    bool negative = *p == '-';
    double v = 0;
    int exp = 0;
    p += negative;
    if (!is_digit(*p))
        return false;
    for (; is_digit(*p); p++)
        v = v * 10 + (*p - '0');
    if (*p == '.') {
        if (!is_digit(*++p))
            return false;
        for (; is_digit(*p); p++, exp--)
            v = v * 10 + (*p - '0');
    }
    if (*p == 'e' || *p == 'E') {
        p++;
        bool down = *p == '-';
        p += *p == '-' || *p == '+';
        int e = 0;
        if (!is_digit(*p))
            return false;
        for (; is_digit(*p) && e < 10000; p++)
            e = e * 10 + (*p - '0');
        exp += down ? -e : e;
    }
    if (*p)
        return false;
    for (; exp > 0 && v < 1e300; exp--)
        v *= 10;
    for (; exp < 0 && v > 0; exp++)
        v /= 10;
    *value = negative ? -v : v;
    return true;
}

/* Split s at commas into trimmed, non-empty items (arena copies). */
static bool split(casc_arena *a, const char *s, const char *const **items, uint32_t *n)
{
    uint32_t count = 1;
    for (const char *p = s; *p; p++)
        count += *p == ',';
    if (count > MAX_LIST)
        return false;
    const char **out = casc_arena_alloc(a, count * sizeof *out);
    if (!out)
        return false;
    *n = 0;
    for (const char *p = s;;) {
        const char *end = strchr(p, ',');
        const char *stop = end ? end : p + strlen(p);
        while (p < stop && *p == ' ')
            p++;
        while (stop > p && stop[-1] == ' ')
            stop--;
        if (stop == p || !(out[(*n)++] = casc_arena_strndup(a, p, (size_t)(stop - p))))
            return false;
        if (!end)
            break;
        p = end + 1;
    }
    *items = out;
    return true;
}

static bool same_word(const char *a, const char *b, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((a[i] | 32) != b[i])
            return false;
    return true;
}

/* "ATTR", "ATTR asc" or "ATTR desc" (the direction in any case). */
static bool order_by(casc_arena *a, const char *s, casc_output_request *req)
{
    size_t n = strlen(s);
    const char *space = strrchr(s, ' ');
    size_t word = space ? n - (size_t)(space + 1 - s) : 0;
    size_t name = n;
    if (word == 3 && same_word(space + 1, "asc", 3))
        name = (size_t)(space - s);
    else if (word == 4 && same_word(space + 1, "desc", 4))
        name = (size_t)(space - s), req->descending = true;
    while (name && s[name - 1] == ' ')
        name--;
    req->order_by = name ? casc_arena_strndup(a, s, name) : NULL;
    return req->order_by != NULL;
}

static bool seed_ok(const char *s)
{
    size_t n = strlen(s);
    if (!n || n > MAX_SEED)
        return false;
    for (; *s; s++)
        if (!(is_digit(*s) || ((*s | 32) >= 'a' && (*s | 32) <= 'z') || strchr("_.-", *s)))
            return false;
    return true;
}

/* "P%" or "A%-B%". */
static bool sample(const char *s, casc_output_request *req)
{
    uint32_t lo = 0, hi;
    const char *end;
    if (!percent(s, &hi, &end))
        return false;
    if (*end == '-') {
        lo = hi;
        if (!percent(end + 1, &hi, &end) || hi < lo)
            return false;
    }
    req->has_sample = true;
    req->sample_lo = casc_sample_threshold(lo);
    req->sample_hi = casc_sample_threshold(hi);
    return *end == '\0';
}

/* A whole number from 1 to max into *out. */
static bool count(const char *s, uint64_t max, uint32_t *out)
{
    uint64_t n;
    if (!whole(s, max, &n) || n == 0)
        return false;
    *out = (uint32_t)n;
    return true;
}

static bool buckets(casc_arena *a, const char *s, casc_output_request *req)
{
    if (!strchr(s, ','))
        return count(s, MAX_BUCKETS, &req->nbuckets);
    if (!split(a, s, &req->edges, &req->nedges))
        return false;
    double prev = 0;
    for (uint32_t i = 0; i < req->nedges; i++) {
        double v;
        if (!number(req->edges[i], &v) || (i && !(v > prev)))
            return false;
        prev = v;
    }
    return true;
}

static const char *const select_names[] = {[CASC_SELECT_MEMBERS] = "members",
                                           [CASC_SELECT_COUNT] = "count",
                                           [CASC_SELECT_BREAKDOWN] = "breakdown",
                                           [CASC_SELECT_STATS] = "stats",
                                           [CASC_SELECT_EVENTS] = "events"};

/* Which output each option belongs to; CASC_SELECT_OVERLAP: every one. */
typedef struct option_use {
    const char *name;
    const char *value;
    casc_select only;
} option_use;

bool casc_output_parse(casc_arena *a, const casc_options *o, bool overlap, casc_output_request *req,
                       casc_strbuf *why)
{
    static const casc_options defaults;
    if (!o)
        o = &defaults;
    *req = (casc_output_request){.select = overlap ? CASC_SELECT_OVERLAP : CASC_SELECT_MEMBERS,
                                 .seed = "0"};
    if (o->select && overlap) {
        casc_sb_puts(why, "select does not apply to an overlap");
        return false;
    }
    if (o->select) {
        uint32_t i = 0;
        while (i < CASC_SELECT_OVERLAP && strcmp(o->select, select_names[i]) != 0)
            i++;
        if (i == CASC_SELECT_OVERLAP) {
            casc_sb_printf(why,
                           "unknown select '%s' (expected members, count, breakdown, stats or "
                           "events)",
                           o->select);
            return false;
        }
        req->select = (casc_select)i;
    }
    const option_use uses[] = {
        {"by", o->by, CASC_SELECT_BREAKDOWN},
        {"top", o->top, CASC_SELECT_BREAKDOWN},
        {"buckets", o->buckets, CASC_SELECT_BREAKDOWN},
        {"of", o->of, CASC_SELECT_STATS},
        {"columns", o->columns, CASC_SELECT_MEMBERS},
        {"limit", o->limit, CASC_SELECT_MEMBERS},
        {"order_by", o->order_by, CASC_SELECT_MEMBERS},
        {"behavior", o->behavior, CASC_SELECT_EVENTS},
        {"last", o->last, CASC_SELECT_EVENTS},
    };
    for (size_t i = 0; i < sizeof uses / sizeof *uses; i++)
        if (uses[i].value && uses[i].only != req->select) {
            casc_sb_printf(why, "%s applies only to select %s", uses[i].name,
                           select_names[uses[i].only]);
            return false;
        }
    static const struct {
        casc_select select;
        const char *option;
    } needs[] = {
        {CASC_SELECT_BREAKDOWN, "by"}, {CASC_SELECT_STATS, "of"}, {CASC_SELECT_EVENTS, "behavior"}};
    const char *const needed[] = {o->by, o->of, o->behavior};
    for (size_t i = 0; i < sizeof needs / sizeof *needs; i++)
        if (req->select == needs[i].select && (!needed[i] || !*needed[i])) {
            casc_sb_printf(why, "select %s needs %s", select_names[needs[i].select],
                           needs[i].option);
            return false;
        }
    req->by = o->by;
    req->of = o->of;
    req->behavior = o->behavior;
    const char *end;
    if (o->top && !count(o->top, MAX_TOP, &req->top)) {
        casc_sb_printf(why, "top '%s' is not a whole number from 1 to %d", o->top, MAX_TOP);
        return false;
    }
    if (o->buckets && o->top) {
        casc_sb_puts(why, "top and buckets do not go together");
        return false;
    }
    if (o->buckets && !buckets(a, o->buckets, req)) {
        casc_sb_printf(why,
                       "buckets '%s' is neither a number of buckets (1 to %d) nor ascending "
                       "edges such as 0,100,1000",
                       o->buckets, MAX_BUCKETS);
        return false;
    }
    if (o->columns && !split(a, o->columns, &req->columns, &req->ncolumns)) {
        casc_sb_printf(why, "columns '%s' is not a list of attribute names such as a,b,c",
                       o->columns);
        return false;
    }
    if (o->limit) {
        req->has_limit = true;
        req->limit_percent = strchr(o->limit, '%') != NULL;
        bool ok = req->limit_percent ? percent(o->limit, &req->limit_bp, &end) && !*end
                                     : whole(o->limit, INT64_MAX, &req->limit);
        if (!ok) {
            casc_sb_printf(why,
                           "limit '%s' is neither a number of profiles nor a share such as 10%%",
                           o->limit);
            return false;
        }
    }
    if (o->order_by && !order_by(a, o->order_by, req)) {
        casc_sb_printf(why, "order_by '%s' is not an attribute name, optionally followed by %s",
                       o->order_by, "asc or desc");
        return false;
    }
    if (o->sample && !sample(o->sample, req)) {
        casc_sb_printf(why, "sample '%s' is not a share such as 10%% or a range such as 10%%-20%%",
                       o->sample);
        return false;
    }
    if (o->seed && !o->sample) {
        casc_sb_puts(why, "seed applies only with sample");
        return false;
    }
    if (o->seed && !seed_ok(o->seed)) {
        casc_sb_printf(why, "seed '%s' is not 1 to %d letters, digits, '_', '.' or '-'", o->seed,
                       MAX_SEED);
        return false;
    }
    if (o->seed)
        req->seed = o->seed;
    if (o->last && !count(o->last, MAX_TOP, &req->last)) {
        casc_sb_printf(why, "last '%s' is not a whole number from 1 to %d", o->last, MAX_TOP);
        return false;
    }
    return true;
}
