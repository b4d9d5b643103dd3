/* compile_opts.h - the options every subcommand that compiles a rule takes
 * (`casc compile`, and those that run or combine compiled rules): one
 * table, so that each option is spelled, parsed and checked in one place. */
#ifndef CASC_COMPILE_OPTS_H
#define CASC_COMPILE_OPTS_H

#include "cli.h"

typedef struct cli_compile_opts {
    casc_options o;
    const char *from;
} cli_compile_opts;

/* At most this many entries are written by cli_compile_opts_table. */
#define CLI_COMPILE_MAX_OPTS 16

/* Write the shared options into opts (room for CLI_COMPILE_MAX_OPTS), each
 * storing its value in c; returns how many. */
size_t cli_compile_opts_table(cli_compile_opts *c, cli_option *opts);
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
    "  --select WHAT        members (default: the key of each profile) or count\n"       \
    "  --from FORMAT        how the rule is written: auto (default: JSON when it\n"      \
    "                       starts with '{'), dsl or json (docs/rule-json.md)\n"

#endif
