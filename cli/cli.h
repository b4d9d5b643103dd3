/* cli.h - the pieces the casc subcommands share. The subcommands are a
 * thin client of the library (casc.h): they parse arguments, read input,
 * call it and print what it returns. */
#ifndef CASC_CLI_H
#define CASC_CLI_H

#include <stdbool.h>
#include <stddef.h>

#include "casc.h"
#include "source.h"
#include "strbuf.h"

/* Exit statuses (../shared/spec/cli.md). */
enum { EXIT_OK = 0, EXIT_ERRORS = 1, EXIT_USAGE = 2 };

/* One command-line option: a flag, or an option that takes a value. */
typedef struct cli_option {
    const char *name; /* "--model" */
    const char **value; /* set for options with a value */
    bool *flag;         /* set for flags */
} cli_option;

/* What a subcommand reads its rule from. */
typedef struct cli_input {
    const char *rule_arg; /* RULE given as an argument */
    const char *file;     /* -f FILE, or "-" for standard input */
    const char **rules;   /* when set: every RULE argument, up to max_rules + 1 */
    size_t nrules, max_rules;
} cli_input;

/* Parse argv after the subcommand name. -f FILE and a RULE or - are
 * handled here for commands that read a rule (input != NULL). Prints a
 * usage error and returns false on bad usage; *help is set for --help. */
bool cli_parse_args(const char *cmd, int argc, char **argv, const cli_option *opts, size_t nopts,
                    cli_input *input, bool *help);
/* --from VALUE (NULL: auto); false after a usage error. */
bool cli_parse_from(const char *cmd, const char *value, casc_rule_format *from);
/* Check the options the library takes before any input is read: a bad
 * one is a usage error (false). */
bool cli_check_options(const char *cmd, const casc_options *o);

/* Read the rule named by input into src (text on the heap, freed with
 * cli_source_free). On failure prints the error and returns false. */
bool cli_read_rule(const cli_input *input, casc_source *src);
/* Read a whole file ("-": standard input) into src, named name. A file of
 * more than max + 1 bytes is an error ("the WHAT is N bytes long"), found
 * without reading it all; one of max + 1 is read, for the compiler to say
 * so. */
bool cli_read_file(const char *path, const char *name, size_t max, const char *what,
                   casc_source *src);
void cli_source_free(casc_source *src);
/* Load the --model file ('-': standard input). A missing path is a usage
 * error of cmd. Returns EXIT_OK with *model set, or the exit status after
 * printing why. */
int cli_load_model(const char *cmd, const char *path, casc_model **model);

/* Print a result's diagnostics to standard error. */
void cli_print_diags(const casc_result *r);
/* Write text to standard output; false (after printing why) on failure,
 * such as a full disk. */
bool cli_write_stdout(const char *text, size_t len);
void cli_usage_error(const char *cmd, const char *fmt, ...);
/* Print a result's text (EXIT_OK) or its diagnostics (EXIT_ERRORS), and
 * free it. */
int cli_finish(casc_result *r);
/* Write out to standard output and free it: true, or false after saying
 * why (out of memory, a write error). */
bool cli_emit(casc_strbuf *out);
/* Print a subcommand's help text. */
int cli_help(const char *text);

int cmd_fmt(int argc, char **argv);
int cmd_schema(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_compile(int argc, char **argv);
int cmd_run(int argc, char **argv);
int cmd_overlap(int argc, char **argv);

#endif
