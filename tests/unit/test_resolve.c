/* test_resolve.c - what the resolver builds (compiler/resolved.h), which
 * `casc check` cannot show: the meaning chosen for each form, names bound
 * ignoring case, literals typed, rule segments expanded once and shared,
 * table segments bound to their table and key, the nesting limit counted
 * across segments; and the "did you mean" ranking. Messages are tested by
 * tests/golden/resolve.sh. */
#include <stdlib.h>

#include "check.h"
#include "parse.h"
#include "resolve.h"
#include "suggest.h"

static const char model_text[] =
    "master_table:\n"
    "  table: customers\n"
    "  key_column: id\n"
    "  columns:\n"
    "    - {name: tier, type: string}\n"
    "    - {name: age, type: integer}\n"
    "    - {name: opt_in, type: boolean}\n"
    "    - {name: signup, type: date}\n"
    "    - {name: tags, type: array}\n"
    "    - {name: Home City, column: city, type: string}\n"
    "attributes:\n"
    "  - {name: ltv, table: metrics, value_column: ltv, type: number}\n"
    "behaviors:\n"
    "  - name: purchase\n"
    "    table: purchases\n"
    "    timestamp_column: at\n"
    "    columns:\n"
    "      - {name: amount, type: number}\n"
    "      - {name: sku, type: string}\n"
    "segments:\n"
    "  - {name: VIP, rule: \"ltv > 5000\"}\n"
    "  - {name: Loyal VIP, rule: \"in segment 'VIP' and purchase count >= 3\"}\n"
    "  - {name: Blocked, table: blocklist, schema: crm, key_column: person_id}\n";

static casc_arena *arena;
static const casc_parent_model *model;
static casc_source model_src = {.name = "test.yaml", .text = model_text,
                                .len = sizeof model_text - 1};
static casc_diags diags;

static void load_model(void)
{
    casc_diags d;
    arena = casc_arena_new();
    casc_diags_init(&d, arena);
    model = casc_model_load(arena, &model_src, &d);
    CHECK(model != NULL);
}

/* Resolve text against m; the tree lives until the program ends. */
static const casc_rnode *resolve_in(const casc_parent_model *m, const char *text)
{
    casc_source *src = casc_arena_alloc(arena, sizeof *src);
    *src = (casc_source){.name = "<test>", .text = text, .len = strlen(text)};
    casc_diags_init(&diags, arena);
    const casc_node *ast = casc_parse(arena, arena, src, &diags);
    return ast ? casc_resolve(arena, m, ast, src, &diags) : NULL;
}

static const char *pred_op(casc_pred_op op)
{
    static const char *const names[] = {
        "eq",       "lt",      "le",      "gt",      "ge",      "in",          "between",
        "is-null",  "is-empty", "contains", "starts", "ends",    "like",        "matches",
        "has",      "has-any", "has-all", "is-true", "window"};
    return names[op];
}

static const char *window_kind(casc_window_kind k)
{
    static const char *const names[] = {"last-n", "next-n",    "this",  "previous",
                                        "next",   "today",     "yesterday", "between",
                                        "since",  "after",     "before"};
    return names[k];
}

static const char *value_kind(casc_value_kind k)
{
    static const char *const names[] = {"string", "number",    "bool", "date",    "timestamp",
                                        "now",    "today",     "yesterday", "ago", "from-now"};
    return names[k];
}

/* " last-n", " between:date..timestamp", " since:string" */
static void dump_window(const casc_window *w, casc_strbuf *sb)
{
    casc_sb_printf(sb, " %s", window_kind(w->kind));
    if (w->kind == CASC_W_BETWEEN)
        casc_sb_printf(sb, ":%s..%s", value_kind(w->lo.kind), value_kind(w->hi.kind));
    else if (w->kind >= CASC_W_SINCE)
        casc_sb_printf(sb, ":%s", value_kind(w->lo.kind));
}

/* The resolved tree as an S-expression. */
static void dump(const casc_rnode *x, casc_strbuf *sb)
{
    switch (x->kind) {
    case CASC_R_AND:
    case CASC_R_OR:
        casc_sb_puts(sb, x->kind == CASC_R_AND ? "(and" : "(or");
        for (uint32_t i = 0; i < x->u.list.n; i++) {
            casc_sb_putc(sb, ' ');
            dump(x->u.list.items[i], sb);
        }
        casc_sb_putc(sb, ')');
        break;
    case CASC_R_NOT:
        casc_sb_puts(sb, "(not ");
        dump(x->u.child, sb);
        casc_sb_putc(sb, ')');
        break;
    case CASC_R_TRUE: casc_sb_puts(sb, "true"); break;
    case CASC_R_FALSE: casc_sb_puts(sb, "false"); break;
    case CASC_R_PRED: {
        const casc_operand *on = &x->u.pred.on;
        casc_sb_printf(sb, "(%s%s %s.%s", x->negated ? "not-" : "", pred_op(x->u.pred.op),
                       on->field ? "field" : "attr", on->field ? on->field->name : on->attr->name);
        if (x->u.pred.op == CASC_P_WINDOW)
            dump_window(x->u.pred.window, sb);
        else if (x->u.pred.op == CASC_P_IN || x->u.pred.op == CASC_P_HAS_ANY ||
                 x->u.pred.op == CASC_P_HAS_ALL)
            casc_sb_printf(sb, " %s*%u", value_kind(x->u.pred.values[0].kind),
                           x->u.pred.nvalues);
        else if (x->u.pred.nvalues)
            casc_sb_printf(sb, " %s", value_kind(x->u.pred.values[0].kind));
        casc_sb_putc(sb, ')');
        break;
    }
    case CASC_R_BEHAVIOR:
        casc_sb_printf(sb, "(events %s", x->u.beh.behavior->name);
        if (x->u.beh.pick != CASC_PICK_NONE)
            casc_sb_puts(sb, x->u.beh.pick == CASC_PICK_FIRST ? " first" : " last");
        if (x->u.beh.filter) {
            casc_sb_puts(sb, " where ");
            dump(x->u.beh.filter, sb);
        }
        if (x->u.beh.measure)
            casc_sb_printf(sb, " measure%s%s", x->u.beh.measure_field ? "." : "",
                           x->u.beh.measure_field ? x->u.beh.measure_field->name : "");
        if (x->u.beh.window)
            dump_window(x->u.beh.window, sb);
        casc_sb_putc(sb, ')');
        break;
    case CASC_R_SEGMENT_TABLE:
        casc_sb_printf(sb, "(member %s %s.%s.%s)", x->u.segment->name,
                       x->u.segment->table->schema, x->u.segment->table->table,
                       x->u.segment->key_column);
        break;
    }
}

/* The tree of text as an S-expression, or "errors: N". */
static const char *resolved(const char *text)
{
    static char out[1024];
    const casc_rnode *x = resolve_in(model, text);
    casc_strbuf sb = CASC_STRBUF_INIT;
    if (x)
        dump(x, &sb);
    else
        casc_sb_printf(&sb, "errors: %u", diags.nerrors);
    snprintf(out, sizeof out, "%s", casc_sb_str(&sb));
    casc_sb_free(&sb);
    return out;
}

#define RESOLVES(text, want) CHECK_STR(resolved(text), want)

static void test_names(void)
{
    RESOLVES("tier = 'Gold'", "(eq attr.tier string)");
    RESOLVES("TIER = 'Gold'", "(eq attr.tier string)");
    RESOLVES("\"tier\" = 'Gold'", "(eq attr.tier string)");
    RESOLVES("\"TIER\" = 'Gold'", "errors: 1");
    RESOLVES("\"Home City\" != 'Paris'", "(not-eq attr.Home City string)");
    RESOLVES("home_city = 'Paris'", "errors: 1");
    RESOLVES("PURCHASE where AMOUNT > 3", "(events purchase where (gt field.amount number))");
    RESOLVES("purchase where purchase.amount > 3",
             "(events purchase where (gt field.amount number))");
    RESOLVES("purchase where \"amount\" > 3", "(events purchase where (gt field.amount number))");
    RESOLVES("purchase where \"Amount\" > 3", "errors: 1");
}

static void test_forms(void)
{
    RESOLVES("opt_in", "(is-true attr.opt_in)");
    RESOLVES("not opt_in", "(not (is-true attr.opt_in))");
    RESOLVES("opt_in = false", "(eq attr.opt_in bool)");
    RESOLVES("age in (1, 2.5)", "(in attr.age number*2)");
    RESOLVES("age between 1 and 9", "(between attr.age number)");
    RESOLVES("age not between 1 and 9", "(not-between attr.age number)");
    RESOLVES("tier between 'A' and 'C'", "(between attr.tier string)");
    RESOLVES("tags contains 'x'", "(has attr.tags string)");
    RESOLVES("tier contains 'x'", "(contains attr.tier string)");
    RESOLVES("tags not contains any ('a', 'b')", "(not-has-any attr.tags string*2)");
    RESOLVES("tags contains all ('a')", "(has-all attr.tags string*1)");
    RESOLVES("tags is not empty", "(not-is-empty attr.tags)");
    RESOLVES("ltv is null", "(is-null attr.ltv)");
    /* Time strings become dates and timestamps; `between` on a time is a
     * window whose bounds keep their kinds (a date end is inclusive). */
    RESOLVES("signup = '2026-03-01'", "(eq attr.signup date)");
    RESOLVES("signup < '2026-03-01T10:00:00Z'", "(lt attr.signup timestamp)");
    RESOLVES("signup in (today, '2026-03-01')", "(in attr.signup today*2)");
    RESOLVES("signup between '2026-01-01' and 2026-01-31T00:00:00",
             "(window attr.signup between:date..timestamp)");
    RESOLVES("signup not between 3 days ago and now", "(not-window attr.signup between:ago..now)");
    RESOLVES("signup in last 3 days", "(window attr.signup last-n)");
    RESOLVES("signup before '2026-03-01'", "(window attr.signup before:date)");
    RESOLVES("signup after '2026-03-01T00:00:00'", "(window attr.signup after:timestamp)");
}

static void test_behaviors(void)
{
    RESOLVES("purchase", "(events purchase)");
    RESOLVES("first purchase in last 30 days", "(events purchase first last-n)");
    RESOLVES("last purchase where sku = 'x'", "(events purchase last where (eq field.sku string))");
    RESOLVES("purchase count != 3", "(events purchase measure)");
    RESOLVES("purchase sum(amount) > 5 this month", "(events purchase measure.amount this)");
    RESOLVES("purchase count distinct(sku) >= 2", "(events purchase measure.sku)");
    RESOLVES("purchase between '2026-01-01' and '2026-02-01'",
             "(events purchase between:date..date)");
    RESOLVES("purchase not between 2026-01-01 and now",
             "(not (events purchase between:date..now))");
    RESOLVES("purchase where (amount between 1 and 2 or sku is null)",
             "(events purchase where (or (between field.amount number) (is-null field.sku)))");
    RESOLVES("purchase where (at in last 3 days)", "errors: 1");
}

static void test_segments(void)
{
    RESOLVES("in segment 'vip'", "(gt attr.ltv number)");
    RESOLVES("in segment 'Loyal VIP'",
             "(and (gt attr.ltv number) (events purchase measure))");
    RESOLVES("not in segment 'Blocked'", "(not (member Blocked crm.blocklist.person_id))");
    /* One expansion, shared by every reference. */
    const casc_rnode *x = resolve_in(model, "in segment 'VIP' or in segment 'Loyal VIP'");
    CHECK(x && x->kind == CASC_R_OR && x->u.list.n == 2);
    if (x && x->kind == CASC_R_OR && x->u.list.n == 2) {
        const casc_rnode *loyal = x->u.list.items[1];
        CHECK(loyal->kind == CASC_R_AND && loyal->u.list.items[0] == x->u.list.items[0]);
    }
}

static void test_every_error(void)
{
    /* Each condition is checked, whatever happened before it. */
    RESOLVES("tier = 1 and agee > 3 or tags = 'x' or purchase where (sku > 1 and amont = 2)",
             "errors: 5");
    RESOLVES("purchase where amont > 1 count > 2 between 1 and '2026-02-30'", "errors: 3");
    RESOLVES("in segment 'VIP' and in segment 'nope' and purchase sum(sku) > 1", "errors: 2");
}

/* "not not ... not" n times, then tail, in a malloc'd string. */
static char *nots(uint32_t n, const char *tail)
{
    size_t len = 4 * (size_t)n + strlen(tail);
    char *s = malloc(len + 1);
    if (!s)
        exit(2);
    for (uint32_t i = 0; i < n; i++)
        memcpy(s + 4 * i, "not ", 4);
    strcpy(s + 4 * n, tail);
    return s;
}

/* Nesting inside segments counts where they are expanded, including a
 * second reference to a segment already expanded. */
static void test_depth_across_segments(void)
{
    char *deep = nots(1500, "age > 3");
    casc_segment seg = {.name = "Deep", .rule = deep,
                        .rule_source = {.name = "m", .text = deep, .len = strlen(deep)}};
    casc_parent_model m = *model;
    m.segments = &seg;
    m.nsegments = 1;
    m.source = NULL;
    CHECK(resolve_in(&m, "in segment 'Deep'") != NULL);
    char *shallow = nots(400, "in segment 'Deep'");
    CHECK(resolve_in(&m, shallow) != NULL);
    char *too_deep = nots(600, "in segment 'Deep'");
    /* Too deep inside the segment, so the reference cannot be used. */
    CHECK(resolve_in(&m, too_deep) == NULL && diags.nerrors == 2);
    char *second = nots(600, "(in segment 'Deep' or in segment 'Deep')");
    CHECK(resolve_in(&m, second) == NULL && diags.nerrors == 3);
    char *tail = nots(600, "in segment 'Deep'");
    char *late = malloc(strlen(tail) + 32);
    if (!late)
        exit(2);
    sprintf(late, "in segment 'Deep' or %s", tail);
    /* Expanded shallow first, then referred to again deep down. */
    CHECK(resolve_in(&m, late) == NULL && diags.nerrors == 1);
    free(deep), free(shallow), free(too_deep), free(second), free(tail), free(late);
}

static void test_suggest(void)
{
    const char *cands[] = {"loyalty_tier", "lifetime_value", "purchase", "page_view", "age",
                           "email", "Email_Open"};
    const char *out[CASC_MAX_SUGGESTIONS];
    CHECK(casc_suggest("purchse", 7, cands, 7, out) == 1 && strcmp(out[0], "purchase") == 0);
    /* A swap of neighbours is one edit; case does not count. */
    CHECK(casc_suggest("PRUCHASE", 8, cands, 7, out) == 1 && strcmp(out[0], "purchase") == 0);
    CHECK(casc_suggest("email_opne", 10, cands, 7, out) == 1 &&
          strcmp(out[0], "Email_Open") == 0);
    /* Closest first; short names allow fewer edits. */
    const char *near[] = {"page", "ages", "agee", "cage", "age"};
    CHECK(casc_suggest("ag", 2, near, 5, out) == 1 && strcmp(out[0], "age") == 0);
    CHECK(casc_suggest("agex", 4, near, 5, out) == 3 && strcmp(out[0], "ages") == 0 &&
          strcmp(out[1], "agee") == 0 && strcmp(out[2], "age") == 0);
    CHECK(casc_suggest("zzzz", 4, cands, 7, out) == 0);
}

int main(void)
{
    load_model();
    if (!model)
        return check_summary("resolve");
    test_names();
    test_forms();
    test_behaviors();
    test_segments();
    test_every_error();
    test_depth_across_segments();
    test_suggest();
    casc_arena_free(arena);
    return check_summary("resolve");
}
