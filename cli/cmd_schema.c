/* cmd_schema.c - `casc schema`: what a model offers to rules. */
#include <string.h>

#include "cli.h"

static const char schema_help[] =
    "usage: casc schema --model MODEL [--format text|json]\n"
    "\n"
    "Print what rules can use from a parent segment model: every attribute\n"
    "with its type and where its values come from, every behavior with its\n"
    "time column and fields, every segment. The model file format:\n"
    "docs/model.md.\n"
    "\n"
    "options:\n"
    "  --model MODEL   the model file (JSON or YAML; '-' for standard input)\n"
    "  --format FMT    text (default) or json\n"
    "  --help          show this help\n";

int cmd_schema(int argc, char **argv)
{
    const char *model_path = NULL, *format = "text";
    bool want_help;
    const cli_option opts[] = {{"--model", &model_path, NULL}, {"--format", &format, NULL}};
    if (!cli_parse_args("schema", argc, argv, opts, sizeof opts / sizeof *opts, NULL, &want_help))
        return EXIT_USAGE;
    if (want_help)
        return cli_help(schema_help);
    if (strcmp(format, "json") != 0 && strcmp(format, "text") != 0) {
        cli_usage_error("schema", "unknown format '%s' (expected text or json)", format);
        return EXIT_USAGE;
    }
    casc_model *model;
    int status = cli_load_model("schema", model_path, &model);
    if (status == EXIT_OK)
        status = cli_finish(casc_model_schema(model, format));
    casc_model_free(model);
    return status;
}
