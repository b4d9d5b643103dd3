/* cmd_compile.c - `casc compile`: a rule to SQL for one dialect. */
#include <cJSON.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "compile.h"
#include "timelit.h"
#include "timezone.h"

static const char compile_help[] =
    "usage: casc compile --model MODEL [options] [RULE | -f FILE | -]\n"
    "\n"
    "Compile the rule to one SQL statement that selects the matching profiles.\n"
    "\n"
    "options:\n"
    "  --model MODEL        the parent segment model (JSON or YAML)\n"
    "  --dialect NAME       snowflake (default), databricks or postgres\n"
    "  --now TIMESTAMP      pin \"now\" (e.g. 2026-03-30T12:00:00Z); default: the\n"
    "                       warehouse's current time when the query runs\n"
    "  --timezone ZONE      IANA zone for calendar windows and zone-less times\n"
    "                       (default UTC)\n"
    "  --select WHAT        members (default: the key of each profile) or count\n"
    "  --format FORMAT      sql (default) or json (SQL, dialect, tables, diagnostics)\n"
    "  --each-line          one rule per input line, one statement each; statements\n"
    "                       end with a line holding only ';'\n"
    "  -f FILE              read the rule from FILE ('-' for standard input)\n"
    "  --help               show this help\n";

typedef struct compile_args {
    const char *model, *dialect, *now, *timezone, *select, *format;
    bool each_line;
} compile_args;

/* Check the options that are not about the rule; usage errors exit 2. */
static bool check_options(const compile_args *a, casc_compile_options *o, casc_timelit *now)
{
    o->backend = casc_backend_find(a->dialect ? a->dialect : "snowflake");
    if (!o->backend) {
        casc_strbuf names = CASC_STRBUF_INIT;
        casc_backend_list(&names);
        cli_usage_error("compile", "unknown dialect '%s' (expected %s)", a->dialect,
                        casc_sb_str(&names));
        casc_sb_free(&names);
        return false;
    }
    if (a->now) {
        char why[96];
        if (!casc_timelit_parse(a->now, strlen(a->now), now, why, sizeof why)) {
            cli_usage_error("compile", "--now '%s' is not a timestamp: %s", a->now, why);
            return false;
        }
        o->now = now;
    }
    o->timezone = a->timezone ? a->timezone : "UTC";
    if (!casc_timezone_known(o->timezone)) {
        cli_usage_error("compile", "unknown time zone '%s' (use an IANA name such as UTC or "
                                   "America/New_York)",
                        o->timezone);
        return false;
    }
    if (!a->select || strcmp(a->select, "members") == 0) {
        o->select = CASC_SELECT_MEMBERS;
    } else if (strcmp(a->select, "count") == 0) {
        o->select = CASC_SELECT_COUNT;
    } else {
        cli_usage_error("compile", "unknown --select '%s' (expected members or count)",
                        a->select);
        return false;
    }
    if (a->format && strcmp(a->format, "sql") != 0 && strcmp(a->format, "json") != 0) {
        cli_usage_error("compile", "unknown --format '%s' (expected sql or json)", a->format);
        return false;
    }
    return true;
}

static void add_table_name(cJSON *list, const casc_table *t)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    if (t->database)
        casc_sb_printf(&sb, "%s.", t->database);
    if (t->schema)
        casc_sb_printf(&sb, "%s.", t->schema);
    casc_sb_puts(&sb, t->table);
    cJSON_AddItemToArray(list, cJSON_CreateString(casc_sb_str(&sb)));
    casc_sb_free(&sb);
}

/* The JSON object of one compilation. */
static char *json_result(casc_arena *arena, const casc_compile_options *o, const char *sql,
                         const casc_plan *plan, const casc_diags *d)
{
    cJSON *root = cJSON_CreateObject();
    cJSON_AddStringToObject(root, "dialect", o->backend->name);
    if (sql)
        cJSON_AddStringToObject(root, "sql", sql);
    else
        cJSON_AddNullToObject(root, "sql");
    cJSON *tables = cJSON_AddArrayToObject(root, "tables");
    if (plan) {
        const casc_table **ts;
        uint32_t n = casc_plan_tables(arena, plan, &ts);
        for (uint32_t i = 0; i < n; i++)
            add_table_name(tables, ts[i]);
    }
    cJSON *diags = cJSON_AddArrayToObject(root, "diagnostics");
    for (const casc_diag *dg = d->head; dg; dg = dg->next) {
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "severity", dg->severity == CASC_SEV_ERROR ? "error"
                                               : dg->severity == CASC_SEV_WARNING ? "warning"
                                                                                  : "note");
        cJSON_AddStringToObject(j, "message", dg->message);
        if (dg->src && dg->start != CASC_NO_SPAN) {
            casc_linecol lc = casc_source_linecol(dg->src, dg->start);
            cJSON_AddStringToObject(j, "file", dg->src->name);
            cJSON_AddNumberToObject(j, "line", lc.line);
            cJSON_AddNumberToObject(j, "column", lc.col);
            cJSON_AddNumberToObject(j, "start", dg->start);
            cJSON_AddNumberToObject(j, "end", dg->end);
        }
        if (dg->nsuggestions) {
            cJSON *sug = cJSON_AddArrayToObject(j, "suggestions");
            for (uint32_t i = 0; i < dg->nsuggestions; i++)
                cJSON_AddItemToArray(sug, cJSON_CreateString(dg->suggestions[i]));
        }
        cJSON_AddItemToArray(diags, j);
    }
    char *text = cJSON_PrintUnformatted(root);
    cJSON_Delete(root);
    return text;
}

/* Compile one rule, appending its output; false when it had errors. */
static bool compile_one(casc_arena *arena, const casc_parent_model *model, const casc_source *rule,
                        const casc_compile_options *o, bool json, casc_strbuf *out)
{
    casc_diags d;
    casc_diags_init(&d, arena);
    casc_strbuf sql = CASC_STRBUF_INIT;
    const casc_plan *plan = NULL;
    bool ok = casc_compile_rule(arena, model, rule, o, &d, &sql, &plan);
    if (json) {
        char *text = json_result(arena, o, ok ? casc_sb_str(&sql) : NULL, plan, &d);
        if (text) {
            casc_sb_puts(out, text);
            casc_sb_putc(out, '\n');
            free(text);
        } else {
            out->failed = 1;
        }
    } else if (ok) {
        casc_sb_put(out, sql.data, sql.len);
        casc_sb_putc(out, '\n');
    }
    if (!json) /* with --format json the diagnostics are in the object */
        cli_print_diags(&d);
    casc_sb_free(&sql);
    return ok;
}

/* --each-line: every non-blank line is a rule of its own. */
static bool compile_lines(casc_arena *arena, const casc_parent_model *model, const casc_source *all,
                          const casc_compile_options *o, bool json, casc_strbuf *out)
{
    bool ok = true;
    const char *p = all->text, *end = all->text + all->len;
    for (uint32_t line = 0; p < end; line++) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        const char *q = p;
        while (q < eol && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
        if (q < eol && !(eol - q >= 2 && q[0] == '-' && q[1] == '-')) {
            casc_source one = {all->name, p, (size_t)(eol - p), line};
            char *copy = casc_arena_strndup(arena, p, one.len); /* NUL-terminated */
            if (!copy) {
                out->failed = 1;
                return false;
            }
            one.text = copy;
            bool good = compile_one(arena, model, &one, o, json, out);
            if (good && !json)
                casc_sb_puts(out, ";\n");
            ok &= good;
        }
        p = eol + 1;
    }
    return ok;
}

int cmd_compile(int argc, char **argv)
{
    compile_args a = {0};
    cli_input input = {0};
    bool want_help;
    const cli_option opts[] = {
        {"--model", &a.model, NULL},       {"--dialect", &a.dialect, NULL},
        {"--now", &a.now, NULL},           {"--timezone", &a.timezone, NULL},
        {"--select", &a.select, NULL},     {"--format", &a.format, NULL},
        {"--each-line", NULL, &a.each_line},
    };
    if (!cli_parse_args("compile", argc, argv, opts, sizeof opts / sizeof *opts, &input,
                        &want_help))
        return EXIT_USAGE;
    if (want_help)
        return cli_help(compile_help);
    casc_compile_options o = {0};
    casc_timelit now;
    if (!check_options(&a, &o, &now))
        return EXIT_USAGE;
    bool json = a.format && strcmp(a.format, "json") == 0;

    cli_session ses;
    int status = cli_session_open(&ses, "compile", a.model);
    casc_source rule_src = {0};
    if (status == EXIT_OK) {
        status = EXIT_ERRORS;
        if (cli_read_rule(&input, &rule_src)) {
            casc_strbuf out = CASC_STRBUF_INIT;
            bool ok = a.each_line
                          ? compile_lines(ses.arena, ses.model, &rule_src, &o, json, &out)
                          : compile_one(ses.arena, ses.model, &rule_src, &o, json, &out);
            if (ok || json) {
                status = cli_emit(&out);
                if (!ok && status == EXIT_OK)
                    status = EXIT_ERRORS;
            } else {
                casc_sb_free(&out);
            }
        }
    }
    cli_source_free(&rule_src);
    cli_session_close(&ses);
    return status;
}
