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
        return cli_help(check_help);
    cli_session ses;
    int status = cli_session_open(&ses, "check", model_path);
    casc_source rule_src = {0};
    if (status == EXIT_OK) {
        status = EXIT_ERRORS;
        if (cli_read_rule(&input, &rule_src)) {
            casc_diags d;
            casc_diags_init(&d, ses.arena);
            if (casc_check_rule(ses.arena, ses.model, &rule_src, &d))
                status = EXIT_OK;
            cli_print_diags(&d);
        }
    }
    cli_source_free(&rule_src);
    cli_session_close(&ses);
    return status;
}
