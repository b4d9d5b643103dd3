/* fuzz_fmt.c - libFuzzer target for the formatter's promise: for any rule
 * that parses, fmt(x) parses to the same tree and fmt(fmt(x)) == fmt(x). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "parse.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static casc_node *parse(casc_arena *arena, const char *text, size_t len)
{
    casc_source src = {.name = "<fuzz>", .text = text, .len = len};
    casc_diags d;
    casc_diags_init(&d, arena);
    return casc_parse(arena, arena, &src, &d);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char *text = malloc(size + 1);
    casc_arena *arena = casc_arena_new();
    if (!text || !arena) {
        free(text);
        casc_arena_free(arena);
        return 0;
    }
    memcpy(text, data, size);
    text[size] = '\0';
    casc_node *rule = parse(arena, text, size);
    if (rule) {
        casc_strbuf once = CASC_STRBUF_INIT, twice = CASC_STRBUF_INIT;
        casc_fmt(rule, &once);
        casc_node *again = parse(arena, casc_sb_str(&once), once.len);
        if (!again || !casc_ast_equal(rule, again))
            abort(); /* fmt changed the meaning, or wrote something unparsable */
        casc_fmt(again, &twice);
        if (once.len != twice.len || memcmp(casc_sb_str(&once), casc_sb_str(&twice), once.len))
            abort(); /* fmt is not idempotent */
        casc_sb_free(&once);
        casc_sb_free(&twice);
    }
    casc_arena_free(arena);
    free(text);
    return 0;
}
