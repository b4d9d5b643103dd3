/* cmd_overlap.c - `casc overlap`: the profiles in each combination of up
 * to eight rules (the regions of their Venn diagram), in one query. */
#include "cli.h"
#include "compile_opts.h"

static const char overlap_help[] =
    "usage: casc overlap --model MODEL [options] RULE1 RULE2 ...\n"
    "\n"
    "Compile up to 8 rules to one SQL statement that counts the profiles in each\n"
    "combination of them: one row per non-empty region, a column rule_N (true or\n"
    "false) per rule and profiles, the number in that region.\n"
    "\n"
    "options:\n"
    "  --model MODEL        the parent segment model (JSON or YAML)\n"
    "  --dialect NAME       snowflake (default), databricks or postgres\n"
    "  --now TIMESTAMP      pin \"now\" (e.g. 2026-03-30T12:00:00Z)\n"
    "  --timezone ZONE      IANA zone for calendar windows (default UTC)\n"
    "  --sample P%|A%-B%    only the profiles whose key hashes into this share\n"
    "  --seed S             the sample's seed (default 0)\n"
    "  --from FORMAT        how the rules are written: auto (default), dsl or json\n"
    "  --help               show this help\n";

int cmd_overlap(int argc, char **argv)
{
    cli_compile_opts c = {0};
    const char *model_path = NULL;
    const char *rules[CASC_MAX_OVERLAP + 1];
    cli_input input = {.rules = rules, .max_rules = CASC_MAX_OVERLAP};
    bool want_help;
    cli_option opts[CLI_COMPILE_MAX_OPTS + 1];
    size_t nopts = cli_compile_opts_table(&c, opts);
    opts[nopts++] = (cli_option){"--model", &model_path, NULL};
    cli_compile_opts_words(&c, &argc, argv);
    if (!cli_parse_args("overlap", argc, argv, opts, nopts, &input, &want_help))
        return EXIT_USAGE;
    if (want_help)
        return cli_help(overlap_help);
    if (input.file) {
        cli_usage_error("overlap", "give the rules as arguments");
        return EXIT_USAGE;
    }
    if (input.nrules < 1 || input.nrules > CASC_MAX_OVERLAP) {
        cli_usage_error("overlap", "give 1 to %d rules, not %zu", CASC_MAX_OVERLAP, input.nrules);
        return EXIT_USAGE;
    }
    if (!cli_compile_opts_finish("overlap", &c))
        return EXIT_USAGE;
    casc_model *model;
    int status = cli_load_model("overlap", model_path, &model);
    if (status == EXIT_OK) {
        casc_result *r = casc_overlap(model, rules, NULL, input.nrules, &c.o);
        if (casc_result_status(r) == CASC_ERR_OPTIONS) {
            /* One that `casc compile` takes but an overlap does not. */
            cli_usage_error("overlap", "%s", casc_result_diagnostic(r, 0)->message);
            casc_result_free(r);
            status = EXIT_USAGE;
        } else {
            size_t n;
            const char *sql = casc_result_text(r, &n);
            casc_strbuf out = CASC_STRBUF_INIT;
            cli_print_diags(r);
            if (sql) {
                casc_sb_put(&out, sql, n);
                casc_sb_putc(&out, '\n');
            }
            status = sql && cli_emit(&out) ? EXIT_OK : EXIT_ERRORS;
            if (!sql)
                casc_sb_free(&out);
            casc_result_free(r);
        }
    }
    casc_model_free(model);
    return status;
}
