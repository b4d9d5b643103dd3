/* fuzz_compile.c - libFuzzer target: any bytes as a rule over the example
 * model, compiled for every dialect and both outputs. The model is loaded
 * once (run from the repository root, or set CASC_FUZZ_MODEL). */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "compile.h"

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static casc_arena *model_arena; /* lives as long as the fuzzer */
static const casc_parent_model *model;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc;
    (void)argv;
    const char *path = getenv("CASC_FUZZ_MODEL");
    if (!path)
        path = "examples/retail.yaml";
    FILE *f = fopen(path, "rb");
    static char text[1 << 20];
    size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
    if (f)
        fclose(f);
    static casc_source src;
    src = (casc_source){.name = path, .text = text, .len = n};
    model_arena = casc_arena_new();
    casc_diags d;
    casc_diags_init(&d, model_arena);
    model = model_arena ? casc_model_load(model_arena, &src, &d) : NULL;
    if (!model) {
        fprintf(stderr, "fuzz_compile: cannot load the model %s\n", path);
        exit(1);
    }
    return 0;
}

/* The first byte picks the dialect, the output and the clock, so every
 * input exercises one compilation (three times the executions per second of
 * compiling each input for all dialects). */
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    static const char *const dialects[] = {"snowflake", "databricks", "postgres"};
    static const casc_timelit now = {.year = 2026, .month = 3, .day = 30, .hour = 12,
                                     .has_time = true, .has_zone = true};
    if (size == 0)
        return 0;
    unsigned pick = data[0];
    char *text = malloc(size);
    casc_arena *arena = casc_arena_new();
    if (!text || !arena) {
        free(text);
        casc_arena_free(arena);
        return 0;
    }
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    casc_source src = {.name = "<fuzz>", .text = text, .len = size - 1};
    casc_diags d;
    casc_diags_init(&d, arena);
    casc_compile_options o = {.backend = casc_backend_find(dialects[pick % 3]),
                              .now = pick & 4 ? &now : NULL,
                              .timezone = pick & 8 ? "America/New_York" : "UTC",
                              .select = pick & 16 ? CASC_SELECT_COUNT : CASC_SELECT_MEMBERS};
    casc_strbuf sql = CASC_STRBUF_INIT;
    casc_compile_rule(arena, model, &src, &o, &d, &sql, NULL);
    casc_sb_free(&sql);
    casc_arena_free(arena);
    free(text);
    return 0;
}
