/* main.c - `casc`: dispatch to a subcommand. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static const char usage[] =
    "casc - compile audience segment rules to warehouse SQL\n"
    "\n"
    "usage: casc SUBCOMMAND [options] [RULE | -f FILE | -]\n"
    "\n"
    "subcommands:\n"
    "  compile   compile a rule to SQL for Snowflake, Databricks or PostgreSQL\n"
    "  run       run a rule on a warehouse and print the matching profiles\n"
    "  overlap   count the profiles in each combination of up to 8 rules\n"
    "  check     parse a rule and resolve it against a model; diagnostics only\n"
    "  fmt       print a rule in canonical form\n"
    "  schema    show the attributes, behaviors and segments of a model\n"
    "\n"
    "options:\n"
    "  --help     show this help (also: casc SUBCOMMAND --help)\n"
    "  --version  show the version\n"
    "\n"
    "The rule language: docs/rule-language.md.\n";

typedef struct subcommand {
    const char *name;
    int (*run)(int argc, char **argv);
} subcommand;

static const subcommand subcommands[] = {
    {"fmt", cmd_fmt},
    {"check", cmd_check},
    {"compile", cmd_compile},
    {"run", cmd_run},
    {"overlap", cmd_overlap},
    {"schema", cmd_schema},
};

int main(int argc, char **argv)
{
    if (argc < 2) {
        fputs(usage, stderr);
        return EXIT_USAGE;
    }
    const char *cmd = argv[1];
    if (strcmp(cmd, "--help") == 0 || strcmp(cmd, "-h") == 0 || strcmp(cmd, "help") == 0)
        return cli_write_stdout(usage, strlen(usage)) ? EXIT_OK : EXIT_ERRORS;
    if (strcmp(cmd, "--version") == 0) {
        static const char version[] = "casc " CASC_VERSION "\n";
        return cli_write_stdout(version, strlen(version)) ? EXIT_OK : EXIT_ERRORS;
    }
    for (size_t i = 0; i < sizeof subcommands / sizeof *subcommands; i++)
        if (strcmp(cmd, subcommands[i].name) == 0)
            return subcommands[i].run(argc - 2, argv + 2);
    fprintf(stderr, "casc: unknown subcommand '%s'\nTry 'casc --help'.\n", cmd);
    return EXIT_USAGE;
}
