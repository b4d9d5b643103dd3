/* fuzz_model.c - libFuzzer target: any bytes as a model file. The first
 * byte picks the format by file name, so both loaders get every input. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "model.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size == 0)
        return 0;
    const char *name = data[0] & 1 ? "fuzz.yaml" : "fuzz.json";
    char *text = malloc(size);
    if (!text)
        return 0;
    memcpy(text, data + 1, size - 1);
    text[size - 1] = '\0';
    casc_source src = {.name = name, .text = text, .len = size - 1};
    casc_arena *arena = casc_arena_new();
    if (arena) {
        casc_diags d;
        casc_diags_init(&d, arena);
        casc_model_load(arena, &src, &d);
        casc_strbuf out = CASC_STRBUF_INIT;
        casc_diags_render(&d, &out);
        casc_sb_free(&out);
        casc_arena_free(arena);
    }
    free(text);
    return 0;
}
