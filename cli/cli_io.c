/* cli_io.c - argument parsing, reading input and writing output. */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"
#include "diag.h"
#include "file_read.h"
#include "parse.h"

void cli_usage_error(const char *cmd, const char *fmt, ...)
{
    va_list ap;
    fprintf(stderr, "casc %s: ", cmd);
    va_start(ap, fmt);
    vfprintf(stderr, fmt, ap);
    va_end(ap);
    fprintf(stderr, "\nTry 'casc %s --help'.\n", cmd);
}

static const cli_option *find_option(const cli_option *opts, size_t n, const char *arg,
                                     size_t len)
{
    for (size_t i = 0; i < n; i++)
        if (strlen(opts[i].name) == len && strncmp(opts[i].name, arg, len) == 0)
            return &opts[i];
    return NULL;
}

bool cli_parse_args(const char *cmd, int argc, char **argv, const cli_option *opts, size_t nopts,
                    cli_input *input, bool *help)
{
    *help = false;
    for (int i = 0; i < argc; i++) {
        const char *a = argv[i];
        if (strcmp(a, "--help") == 0 || strcmp(a, "-h") == 0) {
            *help = true;
            return true;
        }
        if (input && strcmp(a, "-f") == 0) {
            if (i + 1 >= argc) {
                cli_usage_error(cmd, "-f needs a file name");
                return false;
            }
            if (input->file || input->rule_arg) {
                cli_usage_error(cmd, "give the rule once: as an argument, -f FILE or -");
                return false;
            }
            input->file = argv[++i];
            continue;
        }
        if (a[0] == '-' && a[1] == '-' && a[2]) {
            const char *eq = strchr(a, '=');
            size_t len = eq ? (size_t)(eq - a) : strlen(a);
            const cli_option *o = find_option(opts, nopts, a, len);
            if (!o) {
                cli_usage_error(cmd, "unknown option '%.*s'", (int)len, a);
                return false;
            }
            if (o->flag) {
                if (eq) {
                    cli_usage_error(cmd, "%s takes no value", o->name);
                    return false;
                }
                *o->flag = true;
            } else if (eq) {
                *o->value = eq + 1;
            } else if (i + 1 < argc) {
                *o->value = argv[++i];
            } else {
                cli_usage_error(cmd, "%s needs a value", o->name);
                return false;
            }
            continue;
        }
        if (a[0] == '-' && a[1] && strcmp(a, "-") != 0) {
            cli_usage_error(cmd, "unknown option '%s'", a);
            return false;
        }
        if (!input) {
            cli_usage_error(cmd, "unexpected argument '%s'", a);
            return false;
        }
        if (input->rules) {
            if (input->nrules <= input->max_rules)
                input->rules[input->nrules++] = a;
            continue;
        }
        if (input->file || input->rule_arg) {
            cli_usage_error(cmd, "give the rule once: as one argument (quote it), -f FILE or -");
            return false;
        }
        if (strcmp(a, "-") == 0)
            input->file = "-";
        else
            input->rule_arg = a;
    }
    return true;
}

bool cli_read_file(const char *path, const char *name, size_t max, const char *what,
                   casc_source *src)
{
    casc_arena *arena = casc_arena_new();
    if (!arena) {
        fprintf(stderr, "%s: error: out of memory\n", name);
        return false;
    }
    casc_diags d;
    casc_diags_init(&d, arena);
    bool ok = strcmp(path, "-") == 0 ? casc_stream_read(stdin, name, max, what, src, &d)
                                     : casc_file_read(path, name, max, what, src, &d);
    if (!ok) {
        casc_strbuf sb = CASC_STRBUF_INIT;
        casc_diags_render(&d, &sb);
        fputs(d.head ? casc_sb_str(&sb) : "casc: error: out of memory\n", stderr);
        casc_sb_free(&sb);
    }
    casc_arena_free(arena);
    return ok;
}

bool cli_read_rule(const cli_input *input, casc_source *src)
{
    if (input->rule_arg) {
        size_t n = strlen(input->rule_arg);
        char *copy = malloc(n + 1);
        if (!copy) {
            fprintf(stderr, "<argument>: error: out of memory\n");
            return false;
        }
        memcpy(copy, input->rule_arg, n + 1);
        *src = (casc_source){.name = "<argument>", .text = copy, .len = n};
        return true;
    }
    bool is_stdin = !input->file || strcmp(input->file, "-") == 0;
    return cli_read_file(is_stdin ? "-" : input->file, is_stdin ? "<stdin>" : input->file,
                         CASC_MAX_RULE_BYTES, "rule", src);
}

void cli_source_free(casc_source *src)
{
    casc_file_free(src);
}

void cli_print_diags(const casc_result *r)
{
    fputs(casc_result_diagnostics_text(r), stderr);
}

bool cli_write_stdout(const char *text, size_t len)
{
    if ((len && fwrite(text, 1, len, stdout) != len) || fflush(stdout) != 0) {
        fprintf(stderr, "casc: error: cannot write the output: %s\n", strerror(errno));
        return false;
    }
    return true;
}
