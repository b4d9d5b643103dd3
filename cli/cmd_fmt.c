/* cmd_fmt.c - `casc fmt`: print a rule in canonical form. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "fmt.h"
#include "parse.h"

static const char fmt_help[] =
    "usage: casc fmt [RULE | -f FILE | -]\n"
    "\n"
    "Print the rule in canonical form: lower-case keywords, single spaces, the\n"
    "fewest parentheses, one condition per line when it is longer than 80\n"
    "columns. Without RULE or -f, the rule is read from standard input.\n"
    "\n"
    "options:\n"
    "  -f FILE   read the rule from FILE ('-' for standard input)\n"
    "  --help    show this help\n";

int cmd_fmt(int argc, char **argv)
{
    cli_input input = {0};
    bool want_help;
    if (!cli_parse_args("fmt", argc, argv, NULL, 0, &input, &want_help))
        return EXIT_USAGE;
    if (want_help)
        return cli_help(fmt_help);
    cli_session ses;
    int status = cli_session_open(&ses, NULL, NULL);
    casc_source src = {0};
    if (status == EXIT_OK) {
        status = EXIT_ERRORS;
        if (cli_read_rule(&input, &src)) {
            casc_diags diags;
            casc_diags_init(&diags, ses.arena);
            casc_node *rule = casc_parse(ses.arena, &src, &diags);
            if (rule) {
                casc_strbuf out = CASC_STRBUF_INIT;
                casc_fmt(rule, &out);
                casc_sb_putc(&out, '\n');
                status = cli_emit(&out);
            } else {
                cli_print_diags(&diags);
            }
        }
    }
    cli_source_free(&src);
    cli_session_close(&ses);
    return status;
}
