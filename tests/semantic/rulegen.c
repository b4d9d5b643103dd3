/* rulegen.c - random rules (see rulegen.h). */
#include "rulegen.h"

#include <stdio.h>
#include <string.h>

#include "source.h"

typedef struct gen {
    const sem_data *d;
    const casc_parent_model *m;
    const sem_clock *clock;
    uint64_t s;
    int leaves; /* conditions still to write */
} gen;

/* The values a condition can be about: an attribute's per profile, a
 * field's (or the event time's) per event. */
typedef struct source {
    const char *name;
    const casc_behavior *b; /* a field of b; NULL: an attribute */
    casc_type type;
    const sem_value *values;
    uint32_t n;
} source;

/* splitmix64 */
static uint64_t rnd(gen *g)
{
    uint64_t z = (g->s += 0x9e3779b97f4a7c15u);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9u;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebu;
    return z ^ (z >> 31);
}

static uint32_t below(gen *g, uint32_t n)
{
    return n ? (uint32_t)(rnd(g) % n) : 0;
}

static bool chance(gen *g, uint32_t percent)
{
    return below(g, 100) < percent;
}

#define PICK(g, array) ((array)[below((g), sizeof(array) / sizeof *(array))])

/* ---- tokens ---- */

/* A keyword (words separated by spaces) in lower, upper or title case. */
static void kw(gen *g, casc_strbuf *o, const char *word)
{
    uint32_t style = below(g, 12);
    for (const char *p = word; *p; p++) {
        bool start = p == word || p[-1] == ' ';
        char c = *p;
        if ((style == 0 || (style == 1 && start)) && c >= 'a' && c <= 'z')
            c = (char)(c - 32);
        casc_sb_putc(o, c);
    }
}

static void sp(gen *g, casc_strbuf *o)
{
    uint32_t r = below(g, 50);
    casc_sb_puts(o, r == 0 ? "\n  " : r == 1 ? "  " : r == 2 ? " -- note\n" : " ");
}

static bool plain_name(const char *s)
{
    static const char *const hard[] = {"and", "or", "not", "in", "is", "null", "true", "false"};
    for (size_t i = 0; i < sizeof hard / sizeof *hard; i++)
        if (!strcmp(s, hard[i]))
            return false;
    if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || *s == '_'))
        return false;
    for (; *s; s++)
        if (!((*s >= 'a' && *s <= 'z') || (*s >= 'A' && *s <= 'Z') || (*s >= '0' && *s <= '9') ||
              *s == '_'))
            return false;
    return true;
}

/* A model name: bare (bare names match ignoring case) or quoted. */
static void name(gen *g, casc_strbuf *o, const char *n)
{
    uint32_t r = below(g, 10);
    if (plain_name(n) && r < 7) {
        for (const char *p = n; *p; p++)
            casc_sb_putc(o, r == 6 && *p >= 'a' && *p <= 'z' ? (char)(*p - 32) : *p);
        return;
    }
    casc_sb_putc(o, '"');
    for (const char *p = n; *p; p++)
        casc_sb_put(o, *p == '"' ? "\"\"" : p, *p == '"' ? 2 : 1);
    casc_sb_putc(o, '"');
}

static void string_literal(casc_strbuf *o, const char *s, size_t n)
{
    casc_sb_putc(o, '\'');
    for (size_t i = 0; i < n; i++)
        casc_sb_put(o, s[i] == '\'' ? "''" : s + i, s[i] == '\'' ? 2 : 1);
    casc_sb_putc(o, '\'');
}

/* A number in one of its spellings: 5000, 5e3, 5000.00, 2.5E-3. */
static void number_literal(gen *g, casc_strbuf *o, sem_num v)
{
    char buf[32];
    uint32_t r = below(g, 10);
    if (r == 0 && v && v % (1000 * SEM_NUM_ONE) == 0) {
        casc_sb_printf(o, "%s%s", sem_num_format(v / 1000, buf), chance(g, 50) ? "e3" : "E+3");
    } else if (r == 1 && v % SEM_NUM_ONE && v < 1000 * SEM_NUM_ONE && v > -1000 * SEM_NUM_ONE) {
        casc_sb_printf(o, "%sE-3", sem_num_format(v * 1000, buf));
    } else {
        sem_num_format(v, buf);
        casc_sb_printf(o, "%s%s", buf, r == 2 ? (strchr(buf, '.') ? "0" : ".00") : "");
    }
}

static const char *unit_word(gen *g, casc_unit u, int64_t n)
{
    static const char *const plural[] = {"minutes", "hours",    "days", "weeks",
                                         "months",  "quarters", "years"};
    return n == 1 && !chance(g, 10) ? casc_unit_name(u) : plural[u];
}

static int64_t step_count(gen *g, casc_unit u)
{
    return g->clock->step[u][below(g, g->clock->nstep[u])];
}

/* ---- times ---- */

static void date_literal(casc_strbuf *o, int64_t day, bool quoted)
{
    int y, m, d;
    sem_civil_from_days(day, &y, &m, &d);
    casc_sb_printf(o, "%s%04d-%02d-%02d%s", quoted ? "'" : "", y, m, d, quoted ? "'" : "");
}

/* An instant as a timestamp literal: in UTC (Z), with an offset, or as the
 * rule zone's wall clock (no zone); a string sometimes. */
static void timestamp_literal(gen *g, casc_strbuf *o, sem_time t)
{
    static const int offsets[] = {330, -300, 0, 60, -600, 345, -210};
    bool quoted = chance(g, 15);
    uint32_t form = below(g, 10);
    int off = form >= 3 && form < 5 ? PICK(g, offsets) : 0;
    sem_time wall = form < 5 ? t + off * 60 * SEM_NS_PER_SEC : tz_to_wall(t);
    int64_t day = sem_floor_div(wall, SEM_NS_PER_DAY);
    int64_t ns = wall - day * SEM_NS_PER_DAY, sec = ns / SEM_NS_PER_SEC;
    int y, m, d;
    sem_civil_from_days(day, &y, &m, &d);
    casc_sb_printf(o, "%s%04d-%02d-%02d%c%02d:%02d:%02d", quoted ? "'" : "", y, m, d,
                   quoted && chance(g, 50) ? ' ' : 'T', (int)(sec / 3600), (int)(sec / 60 % 60),
                   (int)(sec % 60));
    ns %= SEM_NS_PER_SEC;
    if (ns % 1000)
        casc_sb_printf(o, ".%09lld", (long long)ns);
    else if (ns || chance(g, 10))
        casc_sb_printf(o, ".%06lld", (long long)(ns / 1000));
    if (form < 3)
        casc_sb_putc(o, 'Z');
    else if (form < 5)
        casc_sb_printf(o, chance(g, 50) ? "%c%02d:%02d" : "%c%02d%02d", off < 0 ? '-' : '+',
                       (off < 0 ? -off : off) / 60, (off < 0 ? -off : off) % 60);
    if (quoted)
        casc_sb_putc(o, '\'');
}

static void relative_time(gen *g, casc_strbuf *o)
{
    uint32_t r = below(g, 6);
    if (r < 3) {
        kw(g, o, r == 0 ? "now" : r == 1 ? "today" : "yesterday");
        return;
    }
    casc_unit u = (casc_unit)below(g, CASC_UNIT_YEAR + 1);
    int64_t n = chance(g, 5) ? 0 : step_count(g, u);
    casc_sb_printf(o, "%lld ", (long long)n);
    kw(g, o, unit_word(g, u, n));
    casc_sb_putc(o, ' ');
    kw(g, o, r == 5 ? "from now" : "ago");
}

static const sem_value *pick_value(gen *g, const source *src)
{
    for (int tries = 0; src && src->n && tries < 12; tries++) {
        const sem_value *v = &src->values[below(g, src->n)];
        if (v->kind != SV_NULL && (v->kind != SV_ARRAY || v->len))
            return v;
    }
    return NULL;
}

/* The time of some event of some behavior. */
static const sem_value *any_time(gen *g)
{
    const sem_events *ev = &g->d->beh[below(g, g->m->nbehaviors)];
    source s = {.values = ev->time, .n = ev->n};
    return pick_value(g, &s);
}

/* A time T: relative to now, or the time of a value of src (or of any
 * event), on it or a nanosecond, microsecond, second or day beside it. */
static void time_value(gen *g, casc_strbuf *o, const source *src)
{
    uint32_t r = below(g, 10);
    const sem_value *v = r < 3 ? NULL : r < 7 ? pick_value(g, src) : any_time(g);
    if (!v) {
        relative_time(g, o);
        return;
    }
    static const int64_t nudges[] = {0, 0, 0, 1, -1000, 1000, -SEM_NS_PER_SEC, SEM_NS_PER_DAY};
    if (v->kind == SV_DATE && chance(g, 70)) {
        date_literal(o, v->u.day + (chance(g, 20) ? (int64_t)below(g, 3) - 1 : 0), chance(g, 15));
        return;
    }
    sem_time t = (v->kind == SV_DATE ? tz_day_start(v->u.day) : v->u.time) + PICK(g, nudges);
    if (chance(g, 20))
        date_literal(o, sem_floor_div(tz_to_wall(t), SEM_NS_PER_DAY), chance(g, 15));
    else
        timestamp_literal(g, o, t);
}

static void window(gen *g, casc_strbuf *o, const source *times)
{
    casc_unit u = (casc_unit)below(g, CASC_UNIT_YEAR + 1);
    int64_t n = step_count(g, u);
    uint32_t r = below(g, 16);
    if (r < 5) {
        static const char *const forms[] = {"in last", "in the last", "within", "last"};
        kw(g, o, r < 4 ? forms[r] : "in last");
    } else if (r < 7) {
        kw(g, o, r == 5 ? "in next" : "in the next");
    }
    if (r < 7) {
        casc_sb_printf(o, " %lld ", (long long)n);
        kw(g, o, unit_word(g, u, n));
        return;
    }
    if (r < 11) {
        static const char *const forms[] = {"this", "previous", "last", "next"};
        kw(g, o, forms[r - 7]);
        casc_sb_putc(o, ' ');
        kw(g, o, unit_word(g, u, chance(g, 80)));
        return;
    }
    if (r < 12) {
        kw(g, o, chance(g, 50) ? "today" : "yesterday");
        return;
    }
    static const char *const forms[] = {"between", "since", "after", "before"};
    kw(g, o, forms[r - 12]);
    casc_sb_putc(o, ' ');
    time_value(g, o, times);
    if (r == 12) {
        casc_sb_putc(o, ' ');
        kw(g, o, "and");
        casc_sb_putc(o, ' ');
        time_value(g, o, times);
    }
}

/* ---- strings ---- */

/* A piece of v on character boundaries: from the start, to the end, or
 * anywhere. */
static void piece(gen *g, const sem_value *v, int where, size_t *start, size_t *len)
{
    size_t bounds[512], nb = 0;
    for (size_t i = 0; i <= v->len && nb < 512; i += i < v->len ? casc_utf8_len(v->u.str + i) : 1)
        bounds[nb++] = i;
    size_t a = where == 1 ? 0 : bounds[below(g, (uint32_t)nb)];
    size_t b = where == 2 ? v->len : bounds[below(g, (uint32_t)nb)];
    if (a > b) {
        size_t t = a;
        a = b, b = t;
    }
    *start = a;
    *len = b - a;
}

static void tricky_string(gen *g, casc_strbuf *o)
{
    static const char *const pool[] = {
        "",  " ",    "O'Neil", "it''s", "back\\slash", "\\",   "50%",  "a_b",   "%",
        "_", "Café", "日本語", "😀",     "tab\there",   "Gold", "gold", "x'y\"z"};
    const char *s = PICK(g, pool);
    string_literal(o, s, strlen(s));
}

static void string_value(gen *g, casc_strbuf *o, const source *src)
{
    const sem_value *v = pick_value(g, src);
    if (v && v->kind == SV_ARRAY) { /* an element */
        v = &v->u.items[below(g, v->len)];
        if (v->kind == SV_NULL)
            v = NULL;
    }
    if (!v || chance(g, 10)) {
        tricky_string(g, o);
        return;
    }
    string_literal(o, v->u.str, v->len);
}

/* A LIKE pattern that a value of src (mostly) matches: characters turned
 * into _ or runs into %, and % _ \ of the value escaped; a backslash
 * before a letter or at the end may stay single (it is then ordinary). */
static void like_pattern(gen *g, casc_strbuf *o, const sem_value *v)
{
    casc_strbuf p = CASC_STRBUF_INIT;
    if (chance(g, 20))
        casc_sb_putc(&p, '%');
    bool literal = false; /* the previous character was a single backslash */
    for (size_t i = 0; v && i < v->len;) {
        size_t k = casc_utf8_len(v->u.str + i);
        char c = v->u.str[i], next = i + 1 < v->len ? v->u.str[i + 1] : 0;
        uint32_t r = literal ? 20 : below(g, 20);
        literal = false;
        if (r < 2) { /* % for the next zero to two characters */
            casc_sb_putc(&p, '%');
            for (uint32_t skip = below(g, 3); skip-- && i < v->len;)
                i += casc_utf8_len(v->u.str + i);
            continue;
        }
        if (r < 4) {
            casc_sb_putc(&p, '_');
        } else if (c == '\\' && (!next || (next >= 'a' && next <= 'z')) && chance(g, 50)) {
            casc_sb_putc(&p, '\\');
            literal = true;
        } else if (strchr("%_\\", c)) {
            casc_sb_printf(&p, "\\%c", c);
        } else {
            casc_sb_put(&p, v->u.str + i, k);
        }
        i += k;
    }
    if (chance(g, 20) && !literal)
        casc_sb_putc(&p, chance(g, 50) ? '%' : '_');
    string_literal(o, casc_sb_str(&p), p.len);
    casc_sb_free(&p);
}

/* A regular expression found in a value of src: a piece with the
 * metacharacters escaped, then anchors, dots, brackets or alternatives. */
static void regex_pattern(gen *g, casc_strbuf *o, const sem_value *v)
{
    casc_strbuf p = CASC_STRBUF_INIT;
    size_t start = 0, len = 0;
    if (v)
        piece(g, v, (int)below(g, 3), &start, &len);
    if (start == 0 && chance(g, 40))
        casc_sb_putc(&p, '^');
    for (size_t i = start; i < start + len;) {
        char c = v->u.str[i];
        size_t k = casc_utf8_len(v->u.str + i);
        uint32_t r = below(g, 20);
        if (r == 0)
            casc_sb_putc(&p, '.');
        else if (r == 1 && ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')))
            casc_sb_printf(&p, "[%c%c]", c, chance(g, 50) ? 'Q' : c);
        else if (r == 2 && c >= 'A' && c <= 'Z')
            casc_sb_printf(&p, "(%c|%c)", c, c + 32);
        else if (strchr(".[](){}*+?|^$\\", c) && c)
            casc_sb_printf(&p, "\\%c", c);
        else
            casc_sb_put(&p, v->u.str + i, k);
        if (r == 3)
            casc_sb_puts(&p, chance(g, 50) ? ".*" : "+");
        i += k;
    }
    if (v && start + len == v->len && chance(g, 40))
        casc_sb_putc(&p, '$');
    string_literal(o, casc_sb_str(&p), p.len);
    casc_sb_free(&p);
}

/* ---- numbers ---- */

static void number_value(gen *g, casc_strbuf *o, const source *src)
{
    static const sem_num nudges[] = {0, 0, 0, SEM_NUM_ONE / 100, -SEM_NUM_ONE / 100, SEM_NUM_ONE};
    static const sem_num special[] = {0, -SEM_NUM_ONE / 2, 5000 * SEM_NUM_ONE, SEM_NUM_ONE / 400};
    const sem_value *v = pick_value(g, src);
    if (v && v->kind == SV_ARRAY) {
        v = &v->u.items[below(g, v->len)];
        if (v->kind == SV_NULL)
            v = NULL;
    }
    sem_num x = v && !chance(g, 10) ? v->u.num + PICK(g, nudges) : PICK(g, special);
    number_literal(g, o, x);
}

/* ---- conditions on one value ---- */

static void value_of(gen *g, casc_strbuf *o, const source *src)
{
    switch (src->type) {
    case CASC_TYPE_STRING:
    case CASC_TYPE_STRING_ARRAY: string_value(g, o, src); break;
    case CASC_TYPE_INTEGER:
    case CASC_TYPE_NUMBER:
    case CASC_TYPE_NUMBER_ARRAY: number_value(g, o, src); break;
    case CASC_TYPE_BOOLEAN: kw(g, o, chance(g, 50) ? "true" : "false"); break;
    default: time_value(g, o, src); break;
    }
}

static void value_list(gen *g, casc_strbuf *o, const source *src)
{
    uint32_t n = 1 + below(g, 4);
    casc_sb_putc(o, '(');
    for (uint32_t i = 0; i < n; i++) {
        casc_sb_puts(o, i ? ", " : "");
        value_of(g, o, src);
    }
    casc_sb_putc(o, ')');
}

static void operand_name(gen *g, casc_strbuf *o, const source *src)
{
    if (src->b && chance(g, 25)) {
        name(g, o, src->b->name);
        casc_sb_putc(o, '.');
    }
    name(g, o, src->name);
}

/* Conditions whose form is `name OP ...`; `cmp_only` keeps to the one
 * comparison an unparenthesized filter allows (no window, no bare
 * boolean). */
static void operand_condition(gen *g, casc_strbuf *o, const source *src, bool cmp_only)
{
    static const char *const eq_ops[] = {"=", "!=", "<>", "==", "="};
    static const char *const order_ops[] = {"<", "<=", ">", ">="};
    bool time = src->type == CASC_TYPE_DATE || src->type == CASC_TYPE_TIMESTAMP;
    bool array = src->type == CASC_TYPE_STRING_ARRAY || src->type == CASC_TYPE_NUMBER_ARRAY;
    operand_name(g, o, src);
    sp(g, o);
    uint32_t r = below(g, 20);
    if (r == 0) {
        kw(g, o, chance(g, 50) ? "is null" : "is not null");
        return;
    }
    if (array) {
        if (r < 4) {
            kw(g, o, chance(g, 50) ? "is empty" : "is not empty");
            return;
        }
        static const char *const forms[] = {"contains",     "not contains",     "contains any",
                                            "contains all", "not contains any", "not contains all"};
        uint32_t f = below(g, 6);
        kw(g, o, forms[f]);
        casc_sb_putc(o, ' ');
        if (f < 2)
            value_of(g, o, src);
        else
            value_list(g, o, src);
        return;
    }
    if (src->type == CASC_TYPE_BOOLEAN) {
        casc_sb_puts(o, PICK(g, eq_ops));
        casc_sb_putc(o, ' ');
        value_of(g, o, src);
        return;
    }
    if (time && !cmp_only && r < 12) {
        window(g, o, src);
        return;
    }
    if (src->type == CASC_TYPE_STRING && r >= 14) {
        static const char *const matches[] = {"contains", "starts with", "ends with", "like",
                                              "matches"};
        uint32_t m = below(g, 5);
        if (chance(g, 35))
            kw(g, o, "not ");
        kw(g, o, matches[m]);
        casc_sb_putc(o, ' ');
        const sem_value *v = pick_value(g, src);
        size_t start, len;
        if (m == 3) {
            like_pattern(g, o, v);
        } else if (m == 4) {
            regex_pattern(g, o, v);
        } else if (v && !chance(g, 10)) {
            piece(g, v, m == 1 ? 1 : m == 2 ? 2 : 0, &start, &len);
            string_literal(o, v->u.str + start, len);
        } else {
            tricky_string(g, o);
        }
        return;
    }
    if (r < 5) {
        casc_sb_puts(o, PICK(g, eq_ops));
    } else if (r < 9) {
        casc_sb_puts(o, PICK(g, order_ops));
    } else if (r < 11) {
        kw(g, o, chance(g, 50) ? "in " : "not in ");
        value_list(g, o, src);
        return;
    } else {
        /* A positive `between` in a bare filter is its own production. */
        kw(g, o, chance(g, 50) ? "between" : "not between");
        casc_sb_putc(o, ' ');
        value_of(g, o, src);
        casc_sb_putc(o, ' ');
        kw(g, o, "and");
    }
    casc_sb_putc(o, ' ');
    value_of(g, o, src);
}

/* ---- behaviors ---- */

static source field_source(gen *g, const casc_behavior *b, uint32_t f)
{
    const sem_events *ev = &g->d->beh[b - g->m->behaviors];
    return (source){b->fields[f].name, b, b->fields[f].type, ev->field[f], ev->n};
}

static source time_source(gen *g, const casc_behavior *b)
{
    const sem_events *ev = &g->d->beh[b - g->m->behaviors];
    return (source){b->time_column, b,
                    b->time_storage == CASC_TIME_DATE ? CASC_TYPE_DATE : CASC_TYPE_TIMESTAMP,
                    ev->time, ev->n};
}

/* A field of b that fits: numeric (for sum/avg/min/max), not an array
 * (count distinct), or any. -1 when none does. */
static int pick_field(gen *g, const casc_behavior *b, int need)
{
    int fits[64], n = 0;
    for (uint32_t f = 0; f < b->nfields && n < 64; f++) {
        casc_type t = b->fields[f].type;
        bool numeric = t == CASC_TYPE_INTEGER || t == CASC_TYPE_NUMBER;
        bool array = t == CASC_TYPE_STRING_ARRAY || t == CASC_TYPE_NUMBER_ARRAY;
        if (need == 0 || (need == 1 && numeric) || (need == 2 && !array))
            fits[n++] = (int)f;
    }
    return n ? fits[below(g, (uint32_t)n)] : -1;
}

static int expr(gen *g, casc_strbuf *o, int depth, const casc_behavior *in);

static void measure(gen *g, casc_strbuf *o, const casc_behavior *b)
{
    static const char *const kinds[] = {"count", "count distinct", "sum", "avg", "min", "max"};
    static const char *const ops[] = {"=", "!=", "<>", "<", "<=", ">", ">=", "between"};
    uint32_t k = below(g, 6);
    int f = k == 0 ? -1 : pick_field(g, b, k == 1 ? 2 : 1);
    if (f < 0)
        k = 0;
    kw(g, o, kinds[k]);
    source src = {0};
    if (k > 0) {
        src = field_source(g, b, (uint32_t)f);
        casc_sb_putc(o, '(');
        operand_name(g, o, &src);
        casc_sb_putc(o, ')');
    }
    const char *op = PICK(g, ops);
    casc_sb_putc(o, ' ');
    for (int side = 0; side < (strcmp(op, "between") ? 1 : 2); side++) {
        if (side)
            kw(g, o, " and ");
        else if (strcmp(op, "between"))
            casc_sb_printf(o, "%s ", op);
        else
            kw(g, o, "between ");
        if (k < 2) {
            casc_sb_printf(o, "%u", below(g, chance(g, 80) ? 4 : 12));
        } else {
            number_value(g, o, &src);
        }
    }
}

static void behavior_condition(gen *g, casc_strbuf *o)
{
    const casc_behavior *b = &g->m->behaviors[below(g, g->m->nbehaviors)];
    bool pick = chance(g, 12);
    if (pick) {
        kw(g, o, chance(g, 50) ? "first" : "last");
        casc_sb_putc(o, ' ');
    }
    name(g, o, b->name);
    if (b->nfields && chance(g, 50)) {
        sp(g, o);
        kw(g, o, "where");
        casc_sb_putc(o, ' ');
        if (chance(g, 50)) {
            source src = field_source(g, b, (uint32_t)pick_field(g, b, 0));
            if (src.type == CASC_TYPE_DATE || src.type == CASC_TYPE_TIMESTAMP ? chance(g, 30)
                                                                              : false) {
                /* `where t between T1 and T2`, the one bare window form */
                operand_name(g, o, &src);
                casc_sb_putc(o, ' ');
                kw(g, o, "between");
                casc_sb_putc(o, ' ');
                time_value(g, o, &src);
                casc_sb_putc(o, ' ');
                kw(g, o, "and");
                casc_sb_putc(o, ' ');
                time_value(g, o, &src);
            } else {
                operand_condition(g, o, &src, true);
            }
        } else {
            int leaves = g->leaves;
            g->leaves = 1 + (int)below(g, 3);
            casc_sb_putc(o, '(');
            expr(g, o, 2, b);
            casc_sb_putc(o, ')');
            g->leaves = leaves;
        }
    }
    if (!pick && chance(g, 40)) {
        sp(g, o);
        measure(g, o, b);
    }
    if (chance(g, 60)) {
        source times = time_source(g, b);
        sp(g, o);
        window(g, o, &times);
    }
}

/* ---- rules ---- */

static void condition(gen *g, casc_strbuf *o, const casc_behavior *in)
{
    uint32_t r = below(g, 100);
    if (r < 2) {
        kw(g, o, chance(g, 50) ? "true" : "false");
        return;
    }
    if (!in && r < 7 && g->m->nsegments) {
        const casc_segment *s = &g->m->segments[below(g, g->m->nsegments)];
        kw(g, o, chance(g, 70) ? "in segment " : "not in segment ");
        if (chance(g, 80)) {
            string_literal(o, s->name, strlen(s->name));
        } else { /* a segment name also matches ignoring case */
            char lower[128];
            size_t n = 0;
            for (; s->name[n] && n < sizeof lower; n++)
                lower[n] =
                    (char)(s->name[n] >= 'A' && s->name[n] <= 'Z' ? s->name[n] + 32 : s->name[n]);
            string_literal(o, lower, n);
        }
        return;
    }
    if (!in && r < 45) {
        behavior_condition(g, o);
        return;
    }
    source src;
    if (in) {
        src = field_source(g, in, (uint32_t)pick_field(g, in, 0));
    } else {
        uint32_t a = below(g, g->m->nattributes);
        src = (source){g->m->attributes[a].name, NULL, g->m->attributes[a].type, g->d->attr[a],
                       g->d->nprofiles};
    }
    if (src.type == CASC_TYPE_BOOLEAN && chance(g, 40)) {
        operand_name(g, o, &src); /* `a` alone */
        return;
    }
    operand_condition(g, o, &src, false);
}

enum { K_LEAF, K_AND, K_OR, K_NOT };

/* Write an expression; returns its top-level kind, so that the caller
 * knows whether it needs parentheses. */
static int expr(gen *g, casc_strbuf *o, int depth, const casc_behavior *in)
{
    if (g->leaves <= 1 || depth >= 4 || chance(g, 15)) {
        g->leaves--;
        condition(g, o, in);
        return K_LEAF;
    }
    uint32_t r = below(g, 10);
    if (r >= 8) {
        kw(g, o, "not");
        casc_strbuf sub = CASC_STRBUF_INIT;
        int k = expr(g, &sub, depth + 1, in);
        bool paren = k != K_LEAF || chance(g, 30);
        casc_sb_printf(o, paren ? " (%s)" : " %s", casc_sb_str(&sub));
        casc_sb_free(&sub);
        return K_NOT;
    }
    int kind = r < 5 ? K_AND : K_OR;
    uint32_t n = 2 + below(g, 2);
    for (uint32_t i = 0; i < n && (i < 2 || g->leaves > 0); i++) {
        if (i) {
            sp(g, o);
            kw(g, o, kind == K_AND ? "and" : "or");
            sp(g, o);
        }
        casc_strbuf sub = CASC_STRBUF_INIT;
        int k = expr(g, &sub, depth + 1, in);
        bool paren = (kind == K_AND && k == K_OR) || chance(g, 10);
        casc_sb_printf(o, paren ? "(%s)" : "%s", casc_sb_str(&sub));
        casc_sb_free(&sub);
    }
    return kind;
}

void rulegen_rule(const sem_data *d, const sem_clock *clock, uint64_t seed, const char *zone,
                  casc_strbuf *out)
{
    gen g = {.d = d, .m = d->model, .clock = clock, .s = seed};
    tz_select(zone);
    g.leaves = 1 + (int)below(&g, chance(&g, 70) ? 4 : 12);
    expr(&g, out, 0, NULL);
}
