/* compile_opts.h - the options every subcommand that compiles a rule takes
 * (`casc compile`, and those that run or combine compiled rules): one
 * table, so that each option is spelled, parsed and checked in one place. */
#ifndef CASC_COMPILE_OPTS_H
#define CASC_COMPILE_OPTS_H

#include "cli.h"

typedef struct cli_compile_opts {
    casc_options o;
    const char *from;
    const char *order_by, *direction; /* --order-by ATTR [asc|desc] */
    char order_text[256];             /* "ATTR desc" for the library */
} cli_compile_opts;

/* At most this many entries are written by cli_compile_opts_table. */
#define CLI_COMPILE_MAX_OPTS 24

/* Write the shared options into opts (room for CLI_COMPILE_MAX_OPTS), each
 * storing its value in c; returns how many. */
size_t cli_compile_opts_table(cli_compile_opts *c, cli_option *opts);
/* Take the direction word of `--order-by ATTR asc|desc` out of argv (a
 * word after an option's value would otherwise be read as the rule);
 * call before cli_parse_args. */
void cli_compile_opts_words(cli_compile_opts *c, int *argc, char **argv);
/* Turn the values into c->o and check them before any input is read: a
 * bad one is a usage error of cmd (false). */
bool cli_compile_opts_finish(const char *cmd, cli_compile_opts *c);

/* The lines of the shared options in a subcommand's --help. */
#define CLI_COMPILE_OPTS_HELP                                                           \
    "  --dialect NAME       snowflake (default), databricks or postgres\n"                \
    "  --now TIMESTAMP      pin \"now\" (e.g. 2026-03-30T12:00:00Z); default: the\n"       \
    "                       warehouse's current time when the query runs\n"              \
    "  --timezone ZONE      IANA zone for calendar windows and zone-less times\n"        \
    "                       (default UTC)\n"                                             \
    "  --select WHAT        members (default: the key of each profile), count,\n"       \
    "                       breakdown, stats or events (docs/outputs.md)\n"              \
    "  --columns A,B,...    members: attributes to export after the key\n"               \
    "  --limit N|P%         members: at most N profiles, or P% of them ...\n"             \
    "  --order-by ATTR [asc|desc]  ... taken in this order (ties: by key)\n"              \
    "  --by ATTR            breakdown: profiles per value of ATTR\n"                     \
    "  --top N              breakdown: the N most common values, the rest as one row\n"  \
    "  --buckets N|E1,E2,.. breakdown: N equal-width buckets, or between edges\n"        \
    "  --of ATTR            stats: count, sum, average, min, max of ATTR\n"              \
    "  --behavior NAME      events: the members' events of this behavior ...\n"          \
    "  --last N             events: ... only the latest N per profile\n"                 \
    "  --sample P%|A%-B%    only the profiles whose key hashes into this share\n"        \
    "  --seed S             the sample's seed (default 0)\n"                             \
    "  --from FORMAT        how the rule is written: auto (default: JSON when it\n"      \
    "                       starts with '{'), dsl or json (docs/rule-json.md)\n"

#endif
