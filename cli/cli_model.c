/* cli_model.c - what every subcommand does around its work: an arena,
 * the --model file, and the output written once at the end. */
#include <stdio.h>
#include <string.h>

#include "cli.h"

static void out_of_memory(void)
{
    fputs("casc: error: out of memory\n", stderr);
}

int cli_session_open(cli_session *s, const char *cmd, const char *model_path)
{
    memset(s, 0, sizeof *s);
    if (cmd && !model_path) {
        cli_usage_error(cmd, "--model MODEL is required");
        return EXIT_USAGE;
    }
    if (!(s->arena = casc_arena_new())) {
        out_of_memory();
        return EXIT_ERRORS;
    }
    if (!model_path)
        return EXIT_OK;
    if (!cli_read_file(model_path, model_path, CASC_MAX_MODEL_BYTES, "model file",
                       &s->model_src))
        return EXIT_ERRORS;
    casc_diags d;
    casc_diags_init(&d, s->arena);
    s->model = casc_model_load(s->arena, &s->model_src, &d);
    if (!s->model) {
        cli_print_diags(&d);
        return EXIT_ERRORS;
    }
    return EXIT_OK;
}

void cli_session_close(cli_session *s)
{
    cli_source_free(&s->model_src);
    casc_arena_free(s->arena);
    s->arena = NULL;
}

int cli_emit(casc_strbuf *out)
{
    int status = EXIT_ERRORS;
    if (out->failed)
        out_of_memory();
    else if (cli_write_stdout(out->data ? out->data : "", out->len))
        status = EXIT_OK;
    casc_sb_free(out);
    return status;
}

int cli_help(const char *text)
{
    return cli_write_stdout(text, strlen(text)) ? EXIT_OK : EXIT_ERRORS;
}
