/* api_compile.c - rules behind the public header: compile, check, format. */
#include <stdio.h>
#include <string.h>

#include "api.h"
#include "compile.h"
#include "fmt.h"
#include "rule_json.h"
#include "timelit.h"
#include "timezone.h"

/* The rule as a source, its text copied into the result's arena so that it
 * is NUL-terminated and outlives nothing it should not. */
static bool rule_source(casc_result *r, const char *rule, size_t len, const casc_options *o,
                        casc_source *src)
{
    if (!rule)
        rule = "";
    if (len == (size_t)-1)
        len = strlen(rule);
    char *text = casc_arena_strndup(r->arena, rule, len);
    const char *name = o && o->name ? o->name : "<rule>";
    name = text ? casc_arena_strndup(r->arena, name, strlen(name)) : NULL;
    *src = (casc_source){.name = name, .text = text, .len = len,
                         .line_base = o ? o->first_line : 0};
    return name != NULL;
}

static bool known_format(casc_rule_format f)
{
    return f == CASC_RULE_AUTO || f == CASC_RULE_DSL || f == CASC_RULE_JSON;
}

/* A call's options as the compiler takes them, and its diagnostics. */
typedef struct call {
    casc_diags d;
    casc_compile_options co;
    casc_timelit now;
    casc_output_request req;
} call;

/* Turn the public options into the compiler's; an invalid one is reported
 * as the result (returned), else NULL. */
static casc_result *compile_options(casc_result *r, casc_diags *d, const casc_options *o,
                                    bool overlap, casc_compile_options *co, casc_timelit *now,
                                    casc_output_request *req)
{
    static const casc_options defaults; /* all zero: every default */
    if (!o)
        o = &defaults;
    *co = (casc_compile_options){.from = o->from, .output = req};
    if (!known_format(o->from))
        return casc_result_option_error(r, d, "unknown rule format %d", (int)o->from);
    co->backend = casc_backend_find(o->dialect ? o->dialect : "snowflake");
    if (!co->backend) {
        casc_strbuf names = CASC_STRBUF_INIT;
        casc_backend_list(&names);
        casc_result *e = casc_result_option_error(r, d, "unknown dialect '%s' (expected %s)",
                                                  o->dialect, casc_sb_str(&names));
        casc_sb_free(&names);
        return e;
    }
    if (o->now) {
        char why[96];
        if (!casc_timelit_parse(o->now, strlen(o->now), now, why, sizeof why))
            return casc_result_option_error(r, d, "now '%s' is not a timestamp: %s", o->now,
                                            why);
        co->now = now;
    }
    co->timezone = o->timezone ? o->timezone : "UTC";
    if (!casc_timezone_known(co->timezone))
        return casc_result_option_error(r, d,
                                        "unknown time zone '%s' (use an IANA name such as UTC "
                                        "or America/New_York)",
                                        co->timezone);
    casc_strbuf why = CASC_STRBUF_INIT;
    bool ok = casc_output_parse(r->arena, o, overlap, req, &why);
    if (!ok && why.failed)
        casc_diag_out_of_memory(d, NULL, "reading the options");
    casc_result *bad = ok ? NULL : casc_result_option_error(r, d, "%s", casc_sb_str(&why));
    casc_sb_free(&why);
    co->select = req->select;
    return bad;
}

/* "db.schema.table" for each table the plan reads. */
static void keep_tables(casc_result *r, const casc_plan *plan)
{
    const casc_table **ts;
    uint32_t n = casc_plan_tables(r->arena, plan, &ts);
    r->tables = casc_arena_alloc(r->arena, (n ? n : 1) * sizeof *r->tables);
    if (!r->tables)
        return;
    for (uint32_t i = 0; i < n; i++) {
        const char *parts[] = {ts[i]->database, ts[i]->schema, ts[i]->table};
        size_t len[3], total = 0;
        for (int k = 0; k < 3; k++)
            total += (len[k] = parts[k] ? strlen(parts[k]) : 0) + 1;
        char *name = casc_arena_alloc(r->arena, total), *p = name;
        if (!name)
            return;
        for (int k = 0; k < 3; k++) {
            if (!parts[k])
                continue;
            if (p != name)
                *p++ = '.';
            memcpy(p, parts[k], len[k]);
            p += len[k];
        }
        r->tables[r->ntables++] = name;
    }
}

/* Close a compilation: the SQL and its tables when plan is set, else the
 * diagnostics of the failure. */
static casc_result *finish_sql(casc_result *r, casc_diags *d, const casc_plan *plan,
                               casc_strbuf *sql)
{
    if (plan)
        keep_tables(r, plan);
    r = casc_result_finish(r, plan ? CASC_OK : CASC_ERR_INPUT, d, sql);
    casc_sb_free(sql);
    return r;
}

/* Start a call: a new result, with the options read into c. NULL when the
 * call is over already: *done is then its result (memory ran out, or an
 * option is not valid). overlap: the options of casc_overlap. */
static casc_result *begin(const casc_options *o, bool overlap, call *c, casc_result **done)
{
    casc_result *r = casc_result_new(&c->d);
    *done = r ? compile_options(r, &c->d, o, overlap, &c->co, &c->now, &c->req)
              : casc_result_nomem();
    return *done ? NULL : r;
}

casc_result *casc_options_check(const casc_options *options)
{
    call c;
    casc_result *done, *r = begin(options, false, &c, &done);
    return r ? casc_result_finish(r, CASC_OK, &c.d, NULL) : done;
}

casc_result *casc_compile(const casc_model *model, const char *rule, size_t len,
                          const casc_options *options)
{
    call c;
    casc_result *done, *r = begin(options, false, &c, &done);
    if (!r)
        return done;
    casc_source src;
    if (!rule_source(r, rule, len, options, &src))
        return casc_result_finish(r, CASC_ERR_NOMEM, &c.d, NULL);
    casc_strbuf sql = CASC_STRBUF_INIT;
    const casc_plan *plan = NULL;
    bool ok = casc_compile_rule(r->arena, model->model, &src, &c.co, &c.d, &sql, &plan);
    return finish_sql(r, &c.d, ok ? plan : NULL, &sql);
}

casc_result *casc_overlap(const casc_model *model, const char *const *rules, const size_t *lens,
                          size_t n, const casc_options *options)
{
    call c;
    casc_result *done, *r = begin(options, true, &c, &done);
    if (!r)
        return done;
    if (n < 1 || n > CASC_MAX_OVERLAP)
        return casc_result_option_error(r, &c.d, "an overlap takes 1 to %d rules, not %zu",
                                        CASC_MAX_OVERLAP, n);
    casc_source src[CASC_MAX_OVERLAP];
    for (size_t i = 0; i < n; i++) {
        char name[32];
        snprintf(name, sizeof name, "<rule %zu>", i + 1);
        casc_options named = options ? *options : (casc_options){0};
        named.name = name;
        named.first_line = 0;
        if (!rule_source(r, rules[i], lens ? lens[i] : (size_t)-1, &named, &src[i]))
            return casc_result_finish(r, CASC_ERR_NOMEM, &c.d, NULL);
    }
    casc_strbuf sql = CASC_STRBUF_INIT;
    const casc_plan *plan = NULL;
    bool ok = casc_compile_overlap(r->arena, model->model, src, (uint32_t)n, &c.co, &c.d, &sql,
                                   &plan);
    return finish_sql(r, &c.d, ok ? plan : NULL, &sql);
}

/* Start a call that reads a rule without compiling it: a new result and
 * the rule as *src. NULL when the call is over already: *done is then its
 * result (memory ran out, or the rule format is not valid). */
static casc_result *begin_read(const char *rule, size_t len, const casc_options *o,
                               casc_diags *d, casc_source *src, casc_result **done)
{
    casc_result *r = casc_result_new(d);
    if (!r) {
        *done = casc_result_nomem();
        return NULL;
    }
    casc_rule_format from = o ? o->from : CASC_RULE_AUTO;
    if (!known_format(from)) {
        *done = casc_result_option_error(r, d, "unknown rule format %d", (int)from);
        return NULL;
    }
    if (!rule_source(r, rule, len, o, src)) {
        *done = casc_result_finish(r, CASC_ERR_NOMEM, d, NULL);
        return NULL;
    }
    return r;
}

casc_result *casc_check(const casc_model *model, const char *rule, size_t len,
                        const casc_options *options)
{
    casc_diags d;
    casc_source src;
    casc_result *done, *r = begin_read(rule, len, options, &d, &src, &done);
    if (!r)
        return done;
    casc_rule_format from = options ? options->from : CASC_RULE_AUTO;
    bool ok = casc_check_rule(r->arena, model->model, &src, from, &d);
    return casc_result_finish(r, ok ? CASC_OK : CASC_ERR_INPUT, &d, NULL);
}

casc_result *casc_format(const char *rule, size_t len, casc_rule_format to,
                         const casc_options *options)
{
    casc_diags d;
    casc_source src;
    casc_result *done, *r = begin_read(rule, len, options, &d, &src, &done);
    if (!r)
        return done;
    if (to != CASC_RULE_DSL && to != CASC_RULE_JSON)
        return casc_result_option_error(r, &d, "cannot format to rule format %d", (int)to);
    casc_rule_format from = options ? options->from : CASC_RULE_AUTO;
    casc_node *tree = casc_read_rule(r->arena, r->arena, &src, from, &d);
    if (!tree)
        return casc_result_finish(r, CASC_ERR_INPUT, &d, NULL);
    casc_strbuf out = CASC_STRBUF_INIT;
    if (to == CASC_RULE_JSON)
        casc_rule_to_json(tree, &out);
    else
        casc_fmt(tree, &out);
    casc_sb_putc(&out, '\n');
    r = casc_result_finish(r, CASC_OK, &d, &out);
    casc_sb_free(&out);
    return r;
}

const char *casc_version(void)
{
    return CASC_VERSION;
}
