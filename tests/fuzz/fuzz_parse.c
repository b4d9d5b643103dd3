/* fuzz_parse.c - libFuzzer target: any bytes as a rule, through the lexer
 * and parser. Must never crash, leak or run out of stack. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    if (!text)
        return 0;
    memcpy(text, data, size);
    text[size] = '\0';
    casc_source src = {.name = "<fuzz>", .text = text, .len = size};
    casc_arena *arena = casc_arena_new();
    if (arena) {
        casc_diags d;
        casc_diags_init(&d, arena);
        casc_node *rule = casc_parse(arena, arena, &src, &d);
        casc_strbuf out = CASC_STRBUF_INIT;
        if (rule)
            casc_ast_dump(rule, &out);
        else
            casc_diags_render(&d, &out);
        casc_sb_free(&out);
        casc_arena_free(arena);
    }
    free(text);
    return 0;
}
