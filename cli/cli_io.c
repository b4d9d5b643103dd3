/* cli_io.c - argument parsing, reading input and writing output. */
#include <errno.h>
#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "cli.h"
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

/* Read at most max + 1 bytes: enough for the compiler to report a text one
 * byte over its limit, without reading an endless stream (/dev/zero) or a
 * huge file into memory. *more is set when there is more than that. */
static bool read_stream(FILE *f, casc_strbuf *sb, size_t max, bool *more)
{
    char buf[65536];
    size_t n;
    *more = false;
    while (!sb->failed && sb->len <= max) {
        size_t want = max + 1 - sb->len < sizeof buf ? max + 1 - sb->len : sizeof buf;
        if ((n = fread(buf, 1, want, f)) == 0)
            break;
        casc_sb_put(sb, buf, n);
    }
    if (!sb->failed && sb->len > max && !ferror(f) && getc(f) != EOF)
        *more = true;
    return !ferror(f) && !sb->failed;
}

bool cli_read_file(const char *path, const char *name, size_t max, const char *what,
                   casc_source *src)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    bool is_stdin = strcmp(path, "-") == 0;
    FILE *f = is_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        fprintf(stderr, "%s: error: cannot open: %s\n", name, strerror(errno));
        return false;
    }
    struct stat st;
    bool have_stat = fstat(fileno(f), &st) == 0;
    if (!is_stdin && have_stat && S_ISDIR(st.st_mode)) {
        fprintf(stderr, "%s: error: is a directory, not a file\n", name);
        fclose(f);
        return false;
    }
    bool more;
    bool ok = read_stream(f, &sb, max, &more);
    int err = errno;
    if (!is_stdin)
        fclose(f);
    if (!ok) {
        fprintf(stderr, "%s: error: cannot read: %s\n", name,
                sb.failed ? "out of memory" : strerror(err));
        casc_sb_free(&sb);
        return false;
    }
    if (more) {
        /* The compiler's own message, with the size when it is known. */
        if (have_stat && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max)
            fprintf(stderr, "%s: error: the %s is %ju bytes long", name, what,
                    (uintmax_t)st.st_size);
        else
            fprintf(stderr, "%s: error: the %s is more than %zu bytes long", name, what, max + 1);
        fprintf(stderr, "; the limit is %zu bytes (%zu MiB)\n", max, max >> 20);
        casc_sb_free(&sb);
        return false;
    }
    casc_sb_put(&sb, "", 0); /* make sure there is a NUL even when empty */
    if (!sb.data) {
        sb.data = calloc(1, 1);
        if (!sb.data) {
            fprintf(stderr, "%s: error: out of memory\n", name);
            return false;
        }
    }
    *src = (casc_source){.name = name, .text = sb.data, .len = sb.len};
    return true;
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
    if (input->file && strcmp(input->file, "-") != 0)
        return cli_read_file(input->file, input->file, CASC_MAX_RULE_BYTES, "rule", src);
    return cli_read_file("-", "<stdin>", CASC_MAX_RULE_BYTES, "rule", src);
}

void cli_source_free(casc_source *src)
{
    free((char *)src->text);
    src->text = NULL;
}

void cli_print_diags(const casc_diags *d)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_diags_render(d, &sb);
    fputs(casc_sb_str(&sb), stderr);
    casc_sb_free(&sb);
}

bool cli_write_stdout(const char *text, size_t len)
{
    if ((len && fwrite(text, 1, len, stdout) != len) || fflush(stdout) != 0) {
        fprintf(stderr, "casc: error: cannot write the output: %s\n", strerror(errno));
        return false;
    }
    return true;
}
