/* cmd_check.c - `casc check`: parse and resolve a rule, diagnostics only. */
#include <string.h>

#include "cli.h"
#include "cli_json.h"

static const char check_help[] =
    "usage: casc check --model MODEL [options] [RULE | -f FILE | -]\n"
    "\n"
    "Parse the rule and resolve every name in it against the model, checking\n"
    "types. Prints nothing and exits 0 when the rule is valid; prints each\n"
    "error with its place and exits 1 otherwise.\n"
    "\n"
    "options:\n"
    "  --model MODEL   the parent segment model (JSON or YAML)\n"
    "  --from FORMAT   how the rule is written: auto (default: JSON when it\n"
    "                  starts with '{'), dsl or json\n"
    "  --format FMT    text (default) or json: one object {\"ok\", \"diagnostics\"}\n"
    "                  on standard output, each diagnostic with its severity,\n"
    "                  message, line, column, byte span and suggestions\n"
    "  -f FILE         read the rule from FILE ('-' for standard input)\n"
    "  --help          show this help\n";

int cmd_check(int argc, char **argv)
{
    const char *model_path = NULL, *from = NULL, *format = NULL;
    cli_input input = {0};
    bool want_help;
    const cli_option opts[] = {
        {"--model", &model_path, NULL}, {"--from", &from, NULL}, {"--format", &format, NULL}};
    if (!cli_parse_args("check", argc, argv, opts, sizeof opts / sizeof *opts, &input,
                        &want_help))
        return EXIT_USAGE;
    if (want_help)
        return cli_help(check_help);
    casc_options o = {0};
    if (!cli_parse_from("check", from, &o.from))
        return EXIT_USAGE;
    bool json = format && strcmp(format, "json") == 0;
    if (format && !json && strcmp(format, "text") != 0) {
        cli_usage_error("check", "unknown --format '%s' (expected text or json)", format);
        return EXIT_USAGE;
    }
    casc_model *model;
    int status = cli_load_model("check", model_path, &model);
    casc_source src = {0};
    if (status == EXIT_OK) {
        status = EXIT_ERRORS;
        if (cli_read_rule(&input, &src)) {
            o.name = src.name;
            casc_result *r = casc_check(model, src.text, src.len, &o);
            bool ok = casc_result_status(r) == CASC_OK;
            if (json) {
                cJSON *obj = cJSON_CreateObject();
                cJSON_AddBoolToObject(obj, "ok", ok);
                cli_json_add_diagnostics(obj, r);
                if (!cli_json_print(obj))
                    ok = false;
            } else {
                cli_print_diags(r);
            }
            status = ok ? EXIT_OK : EXIT_ERRORS;
            casc_result_free(r);
        }
    }
    cli_source_free(&src);
    casc_model_free(model);
    return status;
}
