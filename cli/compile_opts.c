/* compile_opts.c - the options shared by the subcommands that compile. */
#include "compile_opts.h"

#include <stdio.h>
#include <string.h>

void cli_compile_opts_words(cli_compile_opts *c, int *argc, char **argv)
{
    for (int i = 0; i < *argc; i++) {
        bool joined = strncmp(argv[i], "--order-by=", 11) == 0;
        if (!joined && strcmp(argv[i], "--order-by") != 0)
            continue;
        int word = i + (joined ? 1 : 2);
        if (word < *argc && (!strcmp(argv[word], "asc") || !strcmp(argv[word], "desc"))) {
            c->direction = argv[word];
            memmove(&argv[word], &argv[word + 1], (size_t)(*argc - word - 1) * sizeof *argv);
            (*argc)--;
        }
    }
}

size_t cli_compile_opts_table(cli_compile_opts *c, cli_option *opts)
{
    const cli_option shared[] = {
        {"--dialect", &c->o.dialect, NULL}, {"--now", &c->o.now, NULL},
        {"--timezone", &c->o.timezone, NULL}, {"--select", &c->o.select, NULL},
        {"--from", &c->from, NULL}, {"--by", &c->o.by, NULL},
        {"--top", &c->o.top, NULL}, {"--buckets", &c->o.buckets, NULL},
        {"--of", &c->o.of, NULL}, {"--columns", &c->o.columns, NULL},
        {"--limit", &c->o.limit, NULL}, {"--sample", &c->o.sample, NULL},
        {"--seed", &c->o.seed, NULL}, {"--behavior", &c->o.behavior, NULL},
        {"--last", &c->o.last, NULL},
        {"--order-by", &c->order_by, NULL},
    };
    size_t n = sizeof shared / sizeof *shared;
    for (size_t i = 0; i < n; i++)
        opts[i] = shared[i];
    return n;
}

bool cli_compile_opts_finish(const char *cmd, cli_compile_opts *c)
{
    c->o.order_by = c->order_by;
    if (c->order_by && c->direction) {
        int n = snprintf(c->order_text, sizeof c->order_text, "%s %s", c->order_by, c->direction);
        if (n < 0 || (size_t)n >= sizeof c->order_text) {
            cli_usage_error(cmd, "--order-by '%s' is too long", c->order_by);
            return false;
        }
        c->o.order_by = c->order_text;
    }
    return cli_parse_from(cmd, c->from, &c->o.from) && cli_check_options(cmd, &c->o);
}
