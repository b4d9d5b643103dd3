/* sqlgen.c - render a plan as SQL through a backend's templates: the
 * audience's sources and conditions. The statement around them, which
 * depends on the output, is sqlgen_output.c's; the behavior scans are
 * sqlgen_scan.c's.
 *
 *   SELECT c.key                          -- or COUNT(*) AS profiles, ...
 *   FROM master AS c
 *   LEFT JOIN attribute_table AS a1 ON a1.key = c.key
 *   LEFT JOIN (<grouped scan>) AS b1 ON b1.key = c.key
 *   WHERE <conditions, one per line>
 *
 * Expressions are built bottom-up as arena strings, so templates can nest. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "sqlgen_ctx.h"
#include "timelit.h"

/* sb's text in the arena ("" and g->failed when memory ran out). */
static const char *keep(gen *g, const casc_strbuf *sb)
{
    const char *s = sb->failed ? NULL : casc_arena_strndup(g->arena, casc_sb_str(sb), sb->len);
    if (!s) {
        g->failed = true;
        return "";
    }
    return s;
}

const char *casc_sg_keep(gen *g, casc_strbuf *sb)
{
    const char *s = keep(g, sb);
    casc_sb_free(sb);
    return s;
}

/* The generator's one buffer for building a string, emptied: every
 * string is built there and kept in the arena, with no allocation of its
 * own. Nothing built there may call another builder before it is kept. */
static casc_strbuf *scratch(gen *g)
{
    casc_sb_truncate(&g->scratch, 0);
    return &g->scratch;
}

const char *casc_sg_apply(gen *g, casc_sql_template t, const char *a0, const char *a1,
                          const char *a2)
{
    const char *args[] = {a0, a1, a2};
    casc_sql_apply(scratch(g), g->b, t, args, 3);
    return keep(g, &g->scratch);
}

const char *casc_sg_literal(gen *g, const char *s, size_t n)
{
    g->b->string_literal(scratch(g), s, n);
    return keep(g, &g->scratch);
}

/* Does name need no quotes? The model's names were checked for every
 * dialect when it was loaded (name_quoting.c), and are found by address;
 * any other name is checked here. */
static bool bare(gen *g, const char *name)
{
    uint32_t set;
    if (g->bit && casc_name_quoting_find(&g->plan->model->quoting, name, &set))
        return set & g->bit;
    return casc_sql_ident_bare(g->b, name, g->plan->model->quote_always);
}

static void put_ident(gen *g, casc_strbuf *sb, const char *name)
{
    if (bare(g, name))
        casc_sb_puts(sb, name);
    else
        casc_sql_ident(sb, g->b, name, true);
}

const char *casc_sg_ident(gen *g, const char *name)
{
    if (bare(g, name))
        return name; /* the model's own string, as long-lived as the SQL */
    put_ident(g, scratch(g), name);
    return keep(g, &g->scratch);
}

const char *casc_sg_format(gen *g, const char *fmt, const char *a, const char *b)
{
    casc_sb_printf(scratch(g), fmt, a, b);
    return keep(g, &g->scratch);
}

/* ---- time ---- */

static int64_t days_from_civil(int64_t y, unsigned m, unsigned d)
{
    y -= m <= 2;
    int64_t era = (y >= 0 ? y : y - 399) / 400;
    unsigned yoe = (unsigned)(y - era * 400);
    unsigned doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
    unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return era * 146097 + (int64_t)doe - 719468;
}

static void civil_from_days(int64_t z, casc_timelit *t)
{
    z += 719468;
    int64_t era = (z >= 0 ? z : z - 146096) / 146097;
    unsigned doe = (unsigned)(z - era * 146097);
    unsigned yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    unsigned doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    unsigned mp = (5 * doy + 2) / 153;
    t->day = (uint8_t)(doy - (153 * mp + 2) / 5 + 1);
    t->month = (uint8_t)(mp < 10 ? mp + 3 : mp - 9);
    t->year = (int32_t)(yoe + era * 400 + (t->month <= 2));
}

/* Shift a wall-clock time by whole minutes (zone offsets, whole days). */
static casc_timelit shift_minutes(casc_timelit t, int64_t minutes)
{
    int64_t total = days_from_civil(t.year, t.month, t.day) * 1440 + t.hour * 60 + t.minute +
                    minutes;
    int64_t days = total >= 0 ? total / 1440 : -((-total + 1439) / 1440);
    int64_t rest = total - days * 1440;
    civil_from_days(days, &t);
    t.hour = (uint8_t)(rest / 60);
    t.minute = (uint8_t)(rest % 60);
    return t;
}

/* v as exactly `width` decimal digits (v < 10^width). */
static int put_digits(char *out, unsigned v, int width)
{
    for (int i = width - 1; i >= 0; i--, v /= 10)
        out[i] = (char)('0' + v % 10);
    return width;
}

/* 'YYYY-MM-DD HH:MM:SS[.ffffff]' as a timestamp expression. The engines
 * keep microseconds, so a finer fraction is rounded up (up) or down, as
 * the comparison needs: t >= x is t >= ceil(x), t <= x is t <= floor(x). */
static const char *timestamp_literal(gen *g, casc_timelit t, bool up)
{
    unsigned micros = t.nanos / 1000;
    if (up && t.nanos % 1000 && ++micros == 1000000) {
        micros = 0;
        if (++t.second == 60) {
            t.second = 0;
            t = shift_minutes(t, 1);
        }
    }
    /* By hand rather than with snprintf: a literal is written for every
     * time bound, and formatting was a tenth of a typical compile. */
    char text[48];
    int n = 0;
    if (t.year < 0 || t.year > 9999)
        n = snprintf(text, sizeof text, "%04d", (int)t.year);
    else
        n = put_digits(text, (unsigned)t.year, 4);
    const unsigned parts[] = {t.month, t.day, t.hour, t.minute, t.second};
    for (int i = 0; i < 5; i++) {
        text[n++] = "-- ::"[i];
        n += put_digits(text + n, parts[i], 2);
    }
    if (micros) {
        text[n++] = '.';
        n += put_digits(text + n, micros, 6);
    }
    return casc_sg_apply(g, CASC_SQL_TIMESTAMP, casc_sg_literal(g, text, (size_t)n), NULL, NULL);
}

static const char *to_local(gen *g, const char *utc)
{
    return g->utc ? utc : casc_sg_apply(g, CASC_SQL_TO_LOCAL, utc, g->tz, NULL);
}

static const char *from_local(gen *g, const char *local)
{
    return g->utc ? local : casc_sg_apply(g, CASC_SQL_FROM_LOCAL, local, g->tz, NULL);
}

static const char *add(gen *g, const char *expr, int64_t n, unsigned unit)
{
    if (n == 0)
        return expr;
    char digits[24]; /* casc_sb_printf's own %lld: snprintf costs more */
    casc_strbuf count = CASC_STRBUF_IN(digits);
    casc_sb_printf(&count, "%lld", (long long)n);
    return casc_sg_apply(g, CASC_SQL_ADD, expr, casc_sb_str(&count), g->b->units[unit]);
}

/* A time expression: wall clock in the rule's zone, or naive UTC. Keeping
 * track avoids converting to UTC and straight back. */
typedef struct texpr {
    const char *sql;
    bool local;
} texpr;

static const char *as_utc(gen *g, texpr t)
{
    return t.local ? from_local(g, t.sql) : t.sql;
}

static const char *as_local(gen *g, texpr t)
{
    return t.local ? t.sql : to_local(g, t.sql);
}

/* A literal time: with its zone, an instant; without, wall clock in the
 * rule's zone. up: round a sub-microsecond fraction up. */
static texpr literal_time(gen *g, const casc_timelit *t, bool up)
{
    if (t->has_zone) {
        casc_timelit utc = shift_minutes(*t, -t->zone_minutes);
        utc.has_zone = false;
        return (texpr){timestamp_literal(g, utc, up), false};
    }
    return (texpr){timestamp_literal(g, *t, up), true};
}

static texpr instant(gen *g, const casc_instant *i, bool up);

/* Now, whatever unit its window counts in. */
static const casc_instant at_now = {.kind = CASC_I_NOW};

static texpr now(gen *g, bool up)
{
    return instant(g, &at_now, up);
}

/* A symbolic instant as SQL; up: the comparison wants it rounded up to a
 * microsecond (>= and <). */
static texpr write_instant(gen *g, const casc_instant *i, bool up)
{
    switch (i->kind) {
    case CASC_I_NOW:
        if (i->offset == 0)
            return g->o->now ? literal_time(g, g->o->now, up)
                             : (texpr){casc_sg_apply(g, CASC_SQL_NOW, NULL, NULL, NULL), false};
        if (i->unit <= CASC_UNIT_HOUR) /* elapsed time: no calendar involved */
            return (texpr){add(g, as_utc(g, now(g, up)), i->offset, i->unit), false};
        return (texpr){add(g, as_local(g, now(g, up)), i->offset, i->unit), true};
    case CASC_I_CALENDAR: {
        texpr at = now(g, up);
        const char *local = as_local(g, at);
        if (i->unit <= CASC_UNIT_HOUR) {
            /* Minutes and hours are elapsed time: the current one began as
             * long ago as the local clock says. Converting its local start
             * back would fail where the clocks change (02:00 twice, or
             * never). */
            const char *trunc = casc_sg_apply(g, CASC_SQL_TRUNC, local, g->b->units[i->unit], NULL);
            const char *start =
                g->utc ? trunc
                       : casc_sg_apply(g, CASC_SQL_ADD_ELAPSED, as_utc(g, at), local, trunc);
            return (texpr){add(g, start, i->offset, i->unit), false};
        }
        const char *start =
            i->unit == CASC_UNIT_WEEK
                ? casc_sg_apply(g, CASC_SQL_WEEK_START, local, NULL, NULL)
                : casc_sg_apply(g, CASC_SQL_TRUNC, local, g->b->units[i->unit], NULL);
        int64_t n = i->offset;
        unsigned unit = i->unit;
        if (unit == CASC_UNIT_WEEK)
            n *= 7, unit = CASC_UNIT_DAY;
        else if (unit == CASC_UNIT_QUARTER)
            n *= 3, unit = CASC_UNIT_MONTH;
        return (texpr){add(g, start, n, unit), true};
    }
    case CASC_I_LOCAL: {
        casc_timelit t = shift_minutes(i->lit, i->offset * 1440);
        return (texpr){timestamp_literal(g, t, up), true};
    }
    default: return literal_time(g, &i->lit, up);
    }
}

/* Each instant as written once per statement and rounding: windows
 * repeat theirs (in the scan's WHERE and in each aggregate's CASE), and
 * writing one costs more than looking for it among the few a rule has.
 * A statement with more than fit writes the rest each time. */
static texpr instant(gen *g, const casc_instant *i, bool up)
{
    if (i->kind == CASC_I_NOW && i->offset == 0)
        i = &at_now;
    /* Rounding changes only a literal finer than a microsecond. */
    bool from_now = i->kind == CASC_I_NOW || i->kind == CASC_I_CALENDAR;
    const casc_timelit *lit = from_now ? g->o->now : &i->lit;
    up = up && lit && lit->nanos % 1000;
    for (uint32_t k = 0; k < g->ninstants; k++)
        if (g->instants[k].up == up && casc_instant_equal(&g->instants[k].at, i))
            return (texpr){g->instants[k].sql, g->instants[k].local};
    texpr t = write_instant(g, i, up);
    if (g->ninstants < sizeof g->instants / sizeof *g->instants) {
        g->instants[g->ninstants++] = (struct casc_sg_instant){*i, up, t.sql, t.local};
        g->cached++;
    }
    return t;
}

/* Is the instant a midnight in the rule's zone (a calendar start of a day
 * or longer, or a date literal)? Then date comparisons need no rounding. */
static bool local_midnight(const casc_instant *i)
{
    if (i->kind == CASC_I_CALENDAR)
        return i->unit >= CASC_UNIT_DAY;
    if (i->kind == CASC_I_LOCAL)
        return !i->lit.hour && !i->lit.minute && !i->lit.second && !i->lit.nanos;
    return false;
}

static const char *const cmp_ops[2][2] = {{">", ">="}, {"<", "<="}}; /* [hi][inclusive] */

/* The value a time column stored as c is compared with for one side of a
 * range, and the comparison (*op). */
const char *casc_sg_bound_value(gen *g, const casc_col *c, const casc_bound *bd, bool hi,
                                const char **op)
{
    bool up = hi != bd->inclusive; /* >= and < round the bound up */
    texpr t = instant(g, &bd->at, up);
    const char *at = as_utc(g, t);
    *op = cmp_ops[hi][bd->inclusive];
    switch (c->storage) {
    case CASC_TIME_EPOCH_SECONDS: return casc_sg_apply(g, CASC_SQL_EPOCH_SECONDS, at, NULL, NULL);
    case CASC_TIME_EPOCH_MILLIS: return casc_sg_apply(g, CASC_SQL_EPOCH_MILLIS, at, NULL, NULL);
    case CASC_TIME_DATE: {
        /* A date d stands for its midnight in the rule's zone; with L the
         * bound's local time: d >= ceil(L), d > floor(L), d <= floor(L),
         * d < ceil(L), where ceil(L) = floor(L - 1us) + 1 day. */
        const char *local = as_local(g, t);
        if (local_midnight(&bd->at))
            return casc_sg_apply(g, CASC_SQL_DATE, local, NULL, NULL);
        if (up)
            local = add(g, local, -1, CASC_SQL_MICROSECOND);
        *op = hi ? "<=" : ">";
        return casc_sg_apply(g, CASC_SQL_DATE, local, NULL, NULL);
    }
    default:
        /* Timestamp columns hold wall-clock times of their zone (UTC unless
         * the behavior names one). A local bound is converted even when the
         * rule has the column's zone: that moves a wall-clock time the
         * clocks skipped (02:30 on a spring-forward day) to the instant it
         * stands for, as on a UTC column. */
        if (c->zone && strcmp(c->zone, "UTC") != 0) {
            const char *zone = casc_sg_literal(g, c->zone, strlen(c->zone));
            at = t.local && !g->utc ? casc_sg_apply(g, CASC_SQL_CONVERT, t.sql, g->tz, zone)
                                    : casc_sg_apply(g, CASC_SQL_TO_LOCAL, at, zone, NULL);
        }
        return at;
    }
}

const char *casc_sg_time_bound(gen *g, const char *col, const casc_col *c, const casc_bound *bd,
                               bool hi)
{
    const char *op;
    const char *v = casc_sg_bound_value(g, c, bd, hi, &op);
    return casc_sg_format(g, "%s %s", col, casc_sg_format(g, "%s %s", op, v));
}

/* The bounds of a range on a time column, each a separate conjunct. */
static uint32_t time_bounds(gen *g, const char *col, const casc_col *c, const casc_range *r,
                            const char *out[2])
{
    uint32_t n = 0;
    if (r->lo.present)
        out[n++] = casc_sg_time_bound(g, col, c, &r->lo, false);
    if (r->hi.present)
        out[n++] = casc_sg_time_bound(g, col, c, &r->hi, true);
    return n;
}

/* A range test as one condition. */
const char *casc_sg_time_test(gen *g, const char *col, const casc_col *c, const casc_range *r)
{
    const char *b[2];
    switch (time_bounds(g, col, c, r, b)) {
    case 0: return casc_sg_format(g, "%s IS NOT NULL", col, NULL);
    case 1: return b[0];
    default: return casc_sg_format(g, "(%s AND %s)", b[0], b[1]);
    }
}

/* ---- values and columns ---- */

const char *casc_sg_value(gen *g, const casc_value *v)
{
    switch (v->kind) {
    case CASC_V_STRING: return casc_sg_literal(g, v->text, v->len);
    case CASC_V_BOOL: return v->boolean ? "TRUE" : "FALSE";
    default: return casc_arena_strndup(g->arena, v->text, v->len); /* NUMBER */
    }
}

/* A LIKE pattern for ESCAPE '\\': a backslash before %, _ or another
 * backslash makes that character literal; any other backslash is an
 * ordinary character, so it is doubled (engines reject or drop it). */
static const char *like_pattern(gen *g, const casc_value *v)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    for (size_t i = 0; i < v->len; i++) {
        casc_sb_putc(&sb, v->text[i]);
        if (v->text[i] != '\\')
            continue;
        char next = i + 1 < v->len ? v->text[i + 1] : '\0';
        casc_sb_putc(&sb, next == '%' || next == '_' || next == '\\' ? v->text[++i] : '\\');
    }
    g->failed |= sb.failed != 0;
    const char *lit = casc_sg_literal(g, casc_sb_str(&sb), sb.failed ? 0 : sb.len);
    casc_sb_free(&sb);
    return lit;
}

const char *casc_sg_column(gen *g, const casc_col *c)
{
    casc_strbuf *sb = scratch(g);
    switch (c->source) {
    case CASC_SRC_MASTER: casc_sb_puts(sb, "c."); break;
    case CASC_SRC_ATTRIBUTE: casc_sb_printf(sb, "a%u.", c->index + 1); break;
    default: casc_sb_puts(sb, "e."); break;
    }
    put_ident(g, sb, c->column);
    return keep(g, sb);
}

const char *casc_sg_table(gen *g, const casc_table *t)
{
    casc_strbuf *sb = scratch(g);
    if (t->database && !g->b->omit_database) {
        put_ident(g, sb, t->database);
        casc_sb_putc(sb, '.');
    }
    if (t->schema) {
        put_ident(g, sb, t->schema);
        casc_sb_putc(sb, '.');
    }
    put_ident(g, sb, t->table);
    return keep(g, sb);
}

/* ---- conditions ---- */

/* The exact complement of a positive test that may be null. */
const char *casc_sg_complement(gen *g, const char *positive)
{
    return casc_sg_format(g, "NOT COALESCE(%s, FALSE)", positive, NULL);
}

static const char *pred(gen *g, const casc_pnode *n)
{
    const char *col = casc_sg_column(g, &n->u.pred.col);
    const casc_value *x = n->u.pred.values; /* x[0]: the value, x[1]: BETWEEN's hi */
    const char *v = NULL;
    switch (n->u.pred.op) {
    case CASC_P_IS_NULL:
        return casc_sg_format(g, n->negated ? "%s IS NOT NULL" : "%s IS NULL", col, NULL);
    case CASC_P_EQ:
        return casc_sg_format(g, n->negated ? "%s IS DISTINCT FROM %s" : "%s = %s", col,
                              casc_sg_value(g, x));
    case CASC_P_IS_TRUE:
        return casc_sg_format(g, n->negated ? "%s IS DISTINCT FROM %s" : "%s = %s", col, "TRUE");
    case CASC_P_IS_EMPTY: {
        const char *empty = casc_sg_apply(g, CASC_SQL_ARRAY_EMPTY, col, NULL, NULL);
        return n->negated ? casc_sg_format(g, "NOT %s", empty, NULL) : empty;
    }
    case CASC_P_LT: v = casc_sg_format(g, "%s < %s", col, casc_sg_value(g, x)); break;
    case CASC_P_LE: v = casc_sg_format(g, "%s <= %s", col, casc_sg_value(g, x)); break;
    case CASC_P_GT: v = casc_sg_format(g, "%s > %s", col, casc_sg_value(g, x)); break;
    case CASC_P_GE: v = casc_sg_format(g, "%s >= %s", col, casc_sg_value(g, x)); break;
    case CASC_P_BETWEEN:
        v = casc_sg_format(g, "%s BETWEEN %s", col,
                           casc_sg_format(g, "%s AND %s", casc_sg_value(g, x),
                                          casc_sg_value(g, &x[1])));
        break;
    case CASC_P_IN: {
        casc_strbuf sb = CASC_STRBUF_INIT;
        casc_sb_printf(&sb, "%s IN (", col);
        for (uint32_t i = 0; i < n->u.pred.nvalues; i++)
            casc_sb_printf(&sb, "%s%s", i ? ", " : "", casc_sg_value(g, &x[i]));
        casc_sb_putc(&sb, ')');
        v = casc_sg_keep(g, &sb);
        break;
    }
    case CASC_P_HAS_ANY:
    case CASC_P_HAS_ALL: {
        casc_strbuf sb = CASC_STRBUF_INIT;
        const char *join = n->u.pred.op == CASC_P_HAS_ANY ? " OR " : " AND ";
        casc_sb_putc(&sb, '(');
        for (uint32_t i = 0; i < n->u.pred.nvalues; i++)
            casc_sb_printf(
                &sb, "%s%s", i ? join : "",
                casc_sg_apply(g, CASC_SQL_ARRAY_HAS, col, casc_sg_value(g, &x[i]), NULL));
        casc_sb_putc(&sb, ')');
        v = casc_sg_keep(g, &sb);
        break;
    }
    case CASC_P_HAS:
        v = casc_sg_apply(g, CASC_SQL_ARRAY_HAS, col, casc_sg_value(g, x), NULL);
        break;
    case CASC_P_LIKE:
        /* The ESCAPE only where a backslash needs it: DuckDB, for one,
         * runs LIKE with an ESCAPE through a slower matcher (rule 07 of
         * bench/sql 30% slower), and without a backslash it means the same
         * in every dialect. */
        v = memchr(x->text, '\\', x->len)
                ? casc_sg_apply(g, CASC_SQL_LIKE_ESCAPE, col, like_pattern(g, x),
                                casc_sg_literal(g, "\\", 1))
                : casc_sg_apply(g, CASC_SQL_LIKE, col, casc_sg_value(g, x), NULL);
        break;
    default: {
        static const casc_sql_template t[] = {
            [CASC_P_CONTAINS] = CASC_SQL_CONTAINS, [CASC_P_STARTS_WITH] = CASC_SQL_STARTS_WITH,
            [CASC_P_ENDS_WITH] = CASC_SQL_ENDS_WITH, [CASC_P_MATCHES] = CASC_SQL_MATCHES};
        v = casc_sg_apply(g, t[n->u.pred.op], col, casc_sg_value(g, x), NULL);
        break;
    }
    }
    return n->negated ? casc_sg_complement(g, v) : v;
}

static const char *segment_test(gen *g, const casc_pnode *n)
{
    const casc_segment *s = n->u.segment;
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_sb_printf(&sb, "%sEXISTS (SELECT 1 FROM %s AS s WHERE s.", n->negated ? "NOT " : "",
                   casc_sg_table(g, s->table));
    casc_sb_printf(&sb, "%s = c.", casc_sg_ident(g, s->key_column));
    casc_sb_printf(&sb, "%s)", casc_sg_ident(g, g->plan->model->key_column));
    return casc_sg_keep(g, &sb);
}

/* The key's hash within [lo, hi) (docs/outputs.md, the sample). */
static const char *sample_test(gen *g, const casc_pnode *n)
{
    char prefix[80], lo[24], hi[24];
    int len = snprintf(prefix, sizeof prefix, "%s:", n->u.sample.seed);
    const char *key = casc_sg_format(g, "c.%s", casc_sg_ident(g, g->plan->model->key_column), NULL);
    const char *hash =
        casc_sg_apply(g, CASC_SQL_HASH32, key, casc_sg_literal(g, prefix, (size_t)len), NULL);
    snprintf(lo, sizeof lo, "%" PRIu64, n->u.sample.lo);
    if (n->u.sample.hi == CASC_HASH_RANGE)
        return casc_sg_format(g, "%s >= %s", hash, lo);
    /* The hash is a whole number: h < hi is h <= hi - 1. */
    snprintf(hi, sizeof hi, "%" PRIu64, n->u.sample.hi - (n->u.sample.lo != 0));
    if (n->u.sample.lo == 0)
        return casc_sg_format(g, "%s < %s", hash, hi);
    return casc_sg_format(g, "%s BETWEEN %s", hash, casc_sg_format(g, "%s AND %s", lo, hi));
}

/* A chain of conditions, one per line at this indent, appended to out:
 * nested chains go straight into it rather than through arena strings, and
 * the strings of each condition are released once it is in out (unless
 * it filled a cache: they live as long as the statement). */
static void chain(gen *g, casc_strbuf *out, const casc_pnode *n, int indent)
{
    const char *op = n->kind == CASC_PL_AND ? "AND" : "OR";
    for (uint32_t i = 0; i < n->u.list.n; i++) {
        const casc_pnode *item = n->u.list.items[i];
        if (i)
            casc_sb_printf(out, "\n%*s%s ", indent, "", op);
        if (item->kind == CASC_PL_AND || item->kind == CASC_PL_OR) {
            casc_sb_printf(out, "(\n%*s", indent + 4, "");
            chain(g, out, item, indent + 4);
            casc_sb_printf(out, "\n%*s)", indent, "");
        } else {
            casc_arena_pos at = casc_arena_at(g->arena);
            uint32_t cached = g->cached;
            casc_sb_puts(out, casc_sg_cond(g, item, indent));
            if (g->cached == cached)
                casc_arena_release(g->arena, at);
        }
    }
}

const char *casc_sg_cond(gen *g, const casc_pnode *n, int indent)
{
    switch (n->kind) {
    case CASC_PL_AND:
    case CASC_PL_OR: {
        casc_strbuf sb = CASC_STRBUF_INIT;
        chain(g, &sb, n, indent);
        return casc_sg_keep(g, &sb);
    }
    case CASC_PL_TRUE: return "TRUE";
    case CASC_PL_FALSE: return "FALSE";
    case CASC_PL_PRED: return pred(g, n);
    case CASC_PL_TIME: {
        const char *t =
            casc_sg_time_test(g, casc_sg_column(g, &n->u.time.col), &n->u.time.col, &n->u.time.range);
        return n->negated ? casc_sg_complement(g, t) : t;
    }
    case CASC_PL_AGG: return casc_sg_agg_test(g, n);
    case CASC_PL_GROUP: return casc_sg_group_test(g, n);
    case CASC_PL_SAMPLE: return sample_test(g, n);
    default: return segment_test(g, n);
    }
}

/* ---- statement ---- */

void casc_sg_sources(gen *g, casc_strbuf *out)
{
    const casc_plan *plan = g->plan;
    const char *key = casc_sg_ident(g, plan->model->key_column);
    casc_sb_printf(out, "\nFROM %s AS c", casc_sg_table(g, &plan->model->master));
    for (uint32_t i = 0; i < plan->njoins; i++) {
        const char *jk = casc_sg_ident(g, plan->joins[i].key_column);
        casc_sb_printf(out, "\nLEFT JOIN %s AS a%u", casc_sg_table(g, plan->joins[i].table), i + 1);
        casc_sb_printf(out, " ON a%u.%s", i + 1, jk);
        casc_sb_printf(out, " = c.%s", key);
    }
    casc_sg_scan_joins(g, out);
}

void casc_sg_where(gen *g, casc_strbuf *out)
{
    const casc_pnode *w = g->plan->where;
    if (w->kind == CASC_PL_AND || w->kind == CASC_PL_OR) {
        casc_sb_puts(out, "\nWHERE ");
        chain(g, out, w, 2);
    } else if (w->kind != CASC_PL_TRUE) {
        casc_sb_printf(out, "\nWHERE %s", casc_sg_cond(g, w, 2));
    }
}

bool casc_sql_generate(casc_arena *arena, const casc_plan *plan, const casc_sql_options *o,
                       casc_strbuf *out)
{
    gen g = {.arena = arena, .plan = plan, .o = o, .b = o->backend,
             .bit = casc_backend_bit(o->backend)};
    g.scratch = (casc_strbuf)CASC_STRBUF_IN(g.scratch_in);
    casc_sb_reserve(out, 1024); /* most statements: one allocation, not three */
    const char *tz = o->timezone ? o->timezone : "UTC";
    g.utc = strcmp(tz, "UTC") == 0 || strcmp(tz, "Etc/UTC") == 0;
    g.tz = casc_sg_literal(&g, tz, strlen(tz));
    casc_sg_statement(&g, out);
    casc_sb_free(&g.scratch);
    return !g.failed && !out->failed;
}
