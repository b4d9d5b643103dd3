/* cmd_run.c - `casc run`: compile a rule for a connection's warehouse, run
 * it there and print the answer as it streams back (docs/runtime.md). */
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "compile_opts.h"
#include "connector.h"
#include "run.h"

static const char run_help[] =
    "usage: casc run --model MODEL --connection NAME [options] [RULE | -f FILE | -]\n"
    "\n"
    "Compile the rule for the connection's warehouse, run it there and print the\n"
    "result: the key of each matching profile, or with --select count the number.\n"
    "\n"
    "options:\n"
    "  --model MODEL        the parent segment model (JSON or YAML)\n"
    "  --connection NAME    the connection to run on, from the connections file\n"
    "  --connections FILE   the connections file (default:\n"
    "                       $XDG_CONFIG_HOME/casc/connections.yaml or\n"
    "                       ~/.config/casc/connections.yaml)\n" CLI_COMPILE_OPTS_HELP
    "                       (--dialect, if given, must be the connection's)\n"
    "  --output FORMAT      csv (default), tsv or jsonl; with --select count and no\n"
    "                       --output, the number alone\n"
    "  --no-header          no line of column names in csv and tsv\n"
    "  --timeout SECONDS    cancel the statement on the server after this long\n"
    "  -f FILE              read the rule from FILE ('-' for standard input)\n"
    "  --help               show this help\n"
    "\n"
    "Ctrl-C cancels the statement on the server. Exit status: 0 done, 1 error,\n"
    "2 usage error, 130 interrupted.\n";

enum { EXIT_INTERRUPTED = 130 };

/* Set by the SIGINT handler and read by the run loop, which cancels the
 * statement on the server: a handler can only reach a flag like this. The
 * handler runs once (SA_RESETHAND), so a second Ctrl-C ends casc at once. */
static volatile sig_atomic_t interrupted;

static void on_sigint(int sig)
{
    (void)sig;
    interrupted = 1;
}

typedef struct run_args {
    cli_compile_opts c;
    const char *model, *connection, *connections, *output, *timeout;
    bool no_header;
    cli_input input;
    double seconds;
    rt_format format;
} run_args;

/* Parse and check the arguments; EXIT_OK or the usage error's status. */
static int parse_args(int argc, char **argv, run_args *a, bool *help)
{
    cli_option opts[CLI_COMPILE_MAX_OPTS + 7];
    size_t n = cli_compile_opts_table(&a->c, opts);
    opts[n++] = (cli_option){"--model", &a->model, NULL};
    opts[n++] = (cli_option){"--connection", &a->connection, NULL};
    opts[n++] = (cli_option){"--connections", &a->connections, NULL};
    opts[n++] = (cli_option){"--output", &a->output, NULL};
    opts[n++] = (cli_option){"--timeout", &a->timeout, NULL};
    opts[n++] = (cli_option){"--no-header", NULL, &a->no_header};
    cli_compile_opts_words(&a->c, &argc, argv);
    if (!cli_parse_args("run", argc, argv, opts, n, &a->input, help))
        return EXIT_USAGE;
    if (*help)
        return EXIT_OK;
    if (!a->connection) {
        cli_usage_error("run", "--connection NAME is required");
        return EXIT_USAGE;
    }
    if (a->output && !rt_format_parse(a->output, &a->format)) {
        cli_usage_error("run", "unknown --output '%s' (expected csv, tsv or jsonl)", a->output);
        return EXIT_USAGE;
    }
    char *end = NULL;
    if (a->timeout && (!(a->seconds = strtod(a->timeout, &end)) || *end || a->seconds <= 0 ||
                       a->seconds > 1e7)) {
        cli_usage_error("run", "--timeout takes a number of seconds greater than 0, not '%s'",
                        a->timeout);
        return EXIT_USAGE;
    }
    return cli_compile_opts_finish("run", &a->c) ? EXIT_OK : EXIT_USAGE;
}

/* The connection, with the rule's dialect checked against it. */
static const rt_connection *load_connection(casc_arena *arena, run_args *a, int *status)
{
    casc_strbuf err = CASC_STRBUF_INIT;
    const rt_connection *conn = rt_connection_load(arena, a->connections, a->connection, &err);
    fputs(casc_sb_str(&err), stderr);
    casc_sb_free(&err);
    *status = conn ? EXIT_OK : EXIT_ERRORS;
    if (conn && a->c.o.dialect && strcmp(a->c.o.dialect, conn->dialect) != 0) {
        cli_usage_error("run", "--dialect %s, but connection '%s' is %s (leave --dialect out)",
                        a->c.o.dialect, conn->name, conn->dialect);
        *status = EXIT_USAGE;
    }
    if (conn)
        a->c.o.dialect = conn->dialect;
    return *status == EXIT_OK ? conn : NULL;
}

/* The compiled statement (free it), or NULL after printing why. */
static casc_result *compile_rule(const run_args *a, int *status)
{
    casc_model *model;
    casc_source src = {0};
    casc_result *r = NULL;
    *status = cli_load_model("run", a->model, &model);
    if (*status == EXIT_OK) {
        *status = EXIT_ERRORS;
        if (cli_read_rule(&a->input, &src)) {
            casc_options o = a->c.o;
            o.name = src.name;
            r = casc_compile(model, src.text, src.len, &o);
            cli_print_diags(r);
            if (casc_result_status(r) == CASC_OK) {
                *status = EXIT_OK;
            } else {
                casc_result_free(r);
                r = NULL;
            }
        }
    }
    cli_source_free(&src);
    casc_model_free(model);
    return r;
}

/* What kind of failure it was, in a few words before the message. */
static const char *kind_label(rt_errkind kind)
{
    switch (kind) {
    case RT_ERR_AUTH: return "authentication failed: ";
    case RT_ERR_PERMISSION: return "permission denied: ";
    case RT_ERR_SQL: return "the warehouse rejected the statement: ";
    case RT_ERR_PROTOCOL: return "unexpected answer: ";
    default: return "";
    }
}

static int execute(const rt_connection *conn, const char *sql, const run_args *a)
{
    struct sigaction sa = {0}, old_int, old_pipe;
    sa.sa_handler = on_sigint;
    sa.sa_flags = SA_RESETHAND; /* no SA_RESTART: a wait ends at Ctrl-C */
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, &old_int);
    /* A closed pipe is a write error to report (and cancel on), not death. */
    sa.sa_handler = SIG_IGN;
    sa.sa_flags = 0;
    sigaction(SIGPIPE, &sa, &old_pipe);

    rt_ctx ctx = {&interrupted, a->seconds > 0 ? rt_clock() + a->seconds : 0, a->seconds};
    rt_error err = {RT_OK, ""};
    rt_conn *c = rt_open(conn, &ctx, &err);
    bool ok = false;
    if (c) {
        rt_output out;
        rt_progress progress;
        bool count_alone = !a->output && a->c.o.select && strcmp(a->c.o.select, "count") == 0;
        rt_output_init(&out, stdout, a->output ? a->format : count_alone ? RT_TSV : RT_CSV,
                       !a->no_header && !count_alone);
        rt_progress_init(&progress, stderr, stdout);
        ok = rt_execute(c, sql, &out, &progress, &err);
        rt_output_free(&out);
        rt_close(c);
    }
    sigaction(SIGINT, &old_int, NULL);
    sigaction(SIGPIPE, &old_pipe, NULL);
    if (ok)
        return EXIT_OK;
    fprintf(stderr, "casc run: error: connection '%s': %s%s\n", conn->name, kind_label(err.kind),
            err.msg);
    return err.kind == RT_ERR_CANCELLED ? EXIT_INTERRUPTED : EXIT_ERRORS;
}

int cmd_run(int argc, char **argv)
{
    run_args a = {0};
    bool help = false;
    int status = parse_args(argc, argv, &a, &help);
    if (help)
        return cli_help(run_help);
    if (status != EXIT_OK)
        return status;
    casc_arena *arena = casc_arena_new();
    if (!arena) {
        fputs("casc: error: out of memory\n", stderr);
        return EXIT_ERRORS;
    }
    const rt_connection *conn = load_connection(arena, &a, &status);
    casc_result *r = conn ? compile_rule(&a, &status) : NULL;
    if (r)
        status = execute(conn, casc_result_text(r, NULL), &a);
    casc_result_free(r);
    casc_arena_free(arena);
    return status;
}
