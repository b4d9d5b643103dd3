/* cli_model.c - what every subcommand does around the library: the
 * --model file, options checked up front, and the result printed. */
#include <stdio.h>
#include <string.h>

#include "cli.h"
#include "model.h"

int cli_load_model(const char *cmd, const char *path, casc_model **model)
{
    *model = NULL;
    if (!path) {
        cli_usage_error(cmd, "--model MODEL is required");
        return EXIT_USAGE;
    }
    casc_result *r;
    if (strcmp(path, "-") == 0) {
        casc_source src;
        if (!cli_read_file("-", "-", CASC_MAX_MODEL_BYTES, "model file", &src))
            return EXIT_ERRORS;
        r = casc_model_load_memory("-", src.text, src.len, model);
        cli_source_free(&src);
    } else {
        r = casc_model_load_file(path, model);
    }
    cli_print_diags(r);
    casc_result_free(r);
    return *model ? EXIT_OK : EXIT_ERRORS;
}

bool cli_parse_from(const char *cmd, const char *value, casc_rule_format *from)
{
    static const struct {
        const char *name;
        casc_rule_format format;
    } formats[] = {{"auto", CASC_RULE_AUTO}, {"dsl", CASC_RULE_DSL}, {"json", CASC_RULE_JSON}};
    *from = CASC_RULE_AUTO;
    if (!value)
        return true;
    for (size_t i = 0; i < sizeof formats / sizeof *formats; i++)
        if (strcmp(value, formats[i].name) == 0) {
            *from = formats[i].format;
            return true;
        }
    cli_usage_error(cmd, "unknown --from '%s' (expected auto, dsl or json)", value);
    return false;
}

bool cli_check_options(const char *cmd, const casc_options *o)
{
    casc_result *r = casc_options_check(o);
    bool ok = casc_result_status(r) == CASC_OK;
    if (casc_result_status(r) == CASC_ERR_OPTIONS)
        cli_usage_error(cmd, "%s", casc_result_diagnostic(r, 0)->message);
    else if (!ok)
        cli_print_diags(r);
    casc_result_free(r);
    return ok;
}

int cli_finish(casc_result *r)
{
    int status = EXIT_ERRORS;
    size_t len;
    const char *text = casc_result_text(r, &len);
    cli_print_diags(r);
    if (casc_result_status(r) == CASC_OK && cli_write_stdout(text ? text : "", text ? len : 0))
        status = EXIT_OK;
    casc_result_free(r);
    return status;
}

bool cli_emit(casc_strbuf *out)
{
    bool ok = false;
    if (out->failed)
        fputs("casc: error: out of memory\n", stderr);
    else
        ok = cli_write_stdout(casc_sb_str(out), out->len);
    casc_sb_free(out);
    return ok;
}

int cli_help(const char *text)
{
    return cli_write_stdout(text, strlen(text)) ? EXIT_OK : EXIT_ERRORS;
}
