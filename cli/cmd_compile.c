/* cmd_compile.c - `casc compile`: a rule to SQL for one dialect. */
#include <string.h>

#include "cli.h"
#include "cli_json.h"
#include "compile_opts.h"

static const char compile_help[] =
    "usage: casc compile --model MODEL [options] [RULE | -f FILE | -]\n"
    "\n"
    "Compile the rule to one SQL statement that selects the matching profiles.\n"
    "\n"
    "options:\n"
    "  --model MODEL        the parent segment model (JSON or YAML)\n" CLI_COMPILE_OPTS_HELP
    "  --format FORMAT      sql (default) or json (SQL, dialect, tables, diagnostics)\n"
    "  --each-line          one rule per input line, one statement each; statements\n"
    "                       end with a line holding only ';'\n"
    "  -f FILE              read the rule from FILE ('-' for standard input)\n"
    "  --help               show this help\n";

/* One compilation as a JSON object on its own line. */
static void put_json(const casc_options *o, const casc_result *r, casc_strbuf *out)
{
    cJSON *obj = cJSON_CreateObject();
    cJSON_AddStringToObject(obj, "dialect", o->dialect ? o->dialect : "snowflake");
    const char *sql = casc_result_text(r, NULL);
    if (sql)
        cJSON_AddStringToObject(obj, "sql", sql);
    else
        cJSON_AddNullToObject(obj, "sql");
    cJSON *tables = cJSON_AddArrayToObject(obj, "tables");
    for (size_t i = 0; i < casc_result_table_count(r); i++)
        cJSON_AddItemToArray(tables, cJSON_CreateString(casc_result_table(r, i)));
    cli_json_add_diagnostics(obj, r);
    cli_json_put(obj, out);
}

/* Compile one rule, appending its output to out (diagnostics go to
 * standard error, or into its JSON object); false when it had errors. */
static bool compile_one(const casc_model *model, const char *text, size_t len,
                        const casc_options *o, bool json, bool each_line, casc_strbuf *out)
{
    casc_result *r = casc_compile(model, text, len, o);
    bool ok = casc_result_status(r) == CASC_OK;
    if (json) {
        put_json(o, r, out);
    } else {
        cli_print_diags(r);
        size_t n;
        const char *sql = casc_result_text(r, &n);
        if (ok) {
            casc_sb_put(out, sql, n);
            casc_sb_puts(out, each_line ? "\n;\n" : "\n");
        }
    }
    casc_result_free(r);
    return ok;
}

/* --each-line: every line that is not blank or a comment is a rule. */
static bool compile_lines(const casc_model *model, const casc_source *all, casc_options *o,
                          bool json, casc_strbuf *out)
{
    bool ok = true;
    const char *p = all->text, *end = all->text + all->len;
    for (unsigned line = 0; p < end; line++) {
        const char *eol = memchr(p, '\n', (size_t)(end - p));
        if (!eol)
            eol = end;
        const char *q = p;
        while (q < eol && (*q == ' ' || *q == '\t' || *q == '\r'))
            q++;
        if (q < eol && !(eol - q >= 2 && q[0] == '-' && q[1] == '-')) {
            o->first_line = line;
            ok &= compile_one(model, p, (size_t)(eol - p), o, json, true, out);
        }
        p = eol + 1;
    }
    return ok;
}

int cmd_compile(int argc, char **argv)
{
    cli_compile_opts c = {0};
    const char *model_path = NULL, *format = NULL;
    bool each_line = false;
    cli_input input = {0};
    bool want_help;
    cli_option opts[CLI_COMPILE_MAX_OPTS + 3];
    size_t nopts = cli_compile_opts_table(&c, opts);
    opts[nopts++] = (cli_option){"--model", &model_path, NULL};
    opts[nopts++] = (cli_option){"--format", &format, NULL};
    opts[nopts++] = (cli_option){"--each-line", NULL, &each_line};
    cli_compile_opts_words(&c, &argc, argv);
    if (!cli_parse_args("compile", argc, argv, opts, nopts, &input, &want_help))
        return EXIT_USAGE;
    if (want_help)
        return cli_help(compile_help);
    if (!cli_compile_opts_finish("compile", &c))
        return EXIT_USAGE;
    casc_options o = c.o;
    bool json = format && strcmp(format, "json") == 0;
    if (format && !json && strcmp(format, "sql") != 0) {
        cli_usage_error("compile", "unknown --format '%s' (expected sql or json)", format);
        return EXIT_USAGE;
    }
    casc_model *model;
    int status = cli_load_model("compile", model_path, &model);
    casc_source src = {0};
    if (status == EXIT_OK) {
        status = EXIT_ERRORS;
        if (cli_read_rule(&input, &src)) {
            o.name = src.name;
            /* Written once at the end: nothing on standard output when a
             * rule has errors, unless the output is JSON, which says so. */
            casc_strbuf out = CASC_STRBUF_INIT;
            bool ok = each_line ? compile_lines(model, &src, &o, json, &out)
                                : compile_one(model, src.text, src.len, &o, json, false, &out);
            if (ok || json)
                ok = cli_emit(&out) && ok;
            else
                casc_sb_free(&out);
            status = ok ? EXIT_OK : EXIT_ERRORS;
        }
    }
    cli_source_free(&src);
    casc_model_free(model);
    return status;
}
