/* cmd_fmt.c - `casc fmt`: print a rule in canonical form, as text or JSON. */
#include <string.h>

#include "cli.h"

static const char fmt_help[] =
    "usage: casc fmt [--from auto|dsl|json] [--to dsl|json] [RULE | -f FILE | -]\n"
    "\n"
    "Print the rule in canonical form: lower-case keywords, single spaces, the\n"
    "fewest parentheses, one condition per line when it is longer than 80\n"
    "columns. With --to json, print its JSON form instead (docs/rule-json.md).\n"
    "The rule may be written in the rule language or in JSON. Without RULE or\n"
    "-f, the rule is read from standard input.\n"
    "\n"
    "options:\n"
    "  --from FORMAT   how the rule is written: auto (default: JSON when it\n"
    "                  starts with '{'), dsl or json\n"
    "  --to FORMAT     dsl (default) or json\n"
    "  -f FILE         read the rule from FILE ('-' for standard input)\n"
    "  --help          show this help\n";

int cmd_fmt(int argc, char **argv)
{
    cli_input input = {0};
    bool want_help;
    const char *from = NULL, *to = NULL;
    const cli_option opts[] = {{"--from", &from, NULL}, {"--to", &to, NULL}};
    if (!cli_parse_args("fmt", argc, argv, opts, sizeof opts / sizeof *opts, &input, &want_help))
        return EXIT_USAGE;
    if (want_help)
        return cli_help(fmt_help);
    casc_options o = {0};
    if (!cli_parse_from("fmt", from, &o.from))
        return EXIT_USAGE;
    casc_rule_format target = CASC_RULE_DSL;
    if (to && strcmp(to, "json") == 0) {
        target = CASC_RULE_JSON;
    } else if (to && strcmp(to, "dsl") != 0) {
        cli_usage_error("fmt", "unknown --to '%s' (expected dsl or json)", to);
        return EXIT_USAGE;
    }
    casc_source src;
    if (!cli_read_rule(&input, &src))
        return EXIT_ERRORS;
    o.name = src.name;
    int status = cli_finish(casc_format(src.text, src.len, target, &o));
    cli_source_free(&src);
    return status;
}
