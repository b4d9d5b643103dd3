/* cli_model.c - `--model FILE` for the subcommands that need one. */
#include <stdio.h>

#include "cli.h"

const casc_model *cli_load_model(const char *path, casc_arena *arena, casc_source *src)
{
    if (!cli_read_file(path, path, src))
        return NULL;
    casc_diags d;
    casc_diags_init(&d, arena);
    const casc_model *m = casc_model_load(arena, src, &d);
    if (!m)
        cli_print_diags(&d);
    return m;
}
