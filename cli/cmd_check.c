/* cmd_check.c - `casc check`: parse and resolve a rule, diagnostics only. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "compile.h"

static const char check_help[] =
    "usage: casc check --model MODEL [RULE | -f FILE | -]\n"
    "\n"
    "Parse the rule and resolve every name in it against the model, checking\n"
    "types. Prints nothing and exits 0 when the rule is valid; prints each\n"
    "error with its place and exits 1 otherwise.\n"
    "\n"
    "options:\n"
    "  --model MODEL  the parent segment model (JSON or YAML)\n"
    "  -f FILE        read the rule from FILE ('-' for standard input)\n"
    "  --help         show this help\n";

int cmd_check(int argc, char **argv)
{
    const char *model_path = NULL;
    cli_input input = {0};
    bool want_help;
    const cli_option opts[] = {{"--model", &model_path, NULL}};
    if (!cli_parse_args("check", argc, argv, opts, 1, &input, &want_help))
        return EXIT_USAGE;
    if (want_help)
        return cli_write_stdout(check_help, strlen(check_help)) ? EXIT_OK : EXIT_ERRORS;
    if (!model_path) {
        cli_usage_error("check", "--model MODEL is required");
        return EXIT_USAGE;
    }
    casc_arena *arena = casc_arena_new();
    if (!arena) {
        fputs("casc: error: out of memory\n", stderr);
        return EXIT_ERRORS;
    }
    int status = EXIT_ERRORS;
    casc_source model_src = {0}, rule_src = {0};
    const casc_model *model = cli_load_model(model_path, arena, &model_src);
    if (model && cli_read_rule(&input, &rule_src)) {
        casc_diags d;
        casc_diags_init(&d, arena);
        if (casc_check_rule(arena, model, &rule_src, &d))
            status = EXIT_OK;
        cli_print_diags(&d);
    }
    cli_source_free(&rule_src);
    cli_source_free(&model_src);
    casc_arena_free(arena);
    return status;
}
