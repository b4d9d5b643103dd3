/* compile_opts.c - the options shared by the subcommands that compile. */
#include "compile_opts.h"

size_t cli_compile_opts_table(cli_compile_opts *c, cli_option *opts)
{
    const cli_option shared[] = {
        {"--dialect", &c->o.dialect, NULL}, {"--now", &c->o.now, NULL},
        {"--timezone", &c->o.timezone, NULL}, {"--select", &c->o.select, NULL},
        {"--from", &c->from, NULL},
    };
    size_t n = sizeof shared / sizeof *shared;
    for (size_t i = 0; i < n; i++)
        opts[i] = shared[i];
    return n;
}

bool cli_compile_opts_finish(const char *cmd, cli_compile_opts *c)
{
    return cli_parse_from(cmd, c->from, &c->o.from) && cli_check_options(cmd, &c->o);
}
