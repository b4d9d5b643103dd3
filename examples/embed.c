/* embed.c - compile one rule with libcasc: what a program that embeds the
 * compiler does. It uses nothing but the public header, casc.h.
 *
 * Build it against an installed libcasc (make install; docs/library.md):
 *
 *     cc -o embed examples/embed.c $(pkg-config --cflags --libs casc)
 *     ./embed examples/retail.yaml databricks "loyalty_tier = 'Gold'"
 *
 * Prints the SQL and exits 0; or prints each diagnostic as
 * "LINE:COLUMN: message" on standard error and exits 1 (2: bad usage).
 */
#include <casc.h>
#include <stdio.h>

/* Diagnostics are data: a program could underline [start, end) of the text
 * or offer d->suggestions. This one prints where and what. */
static void print_diagnostics(const casc_result *r)
{
    for (size_t i = 0; i < casc_result_diagnostic_count(r); i++) {
        const casc_diagnostic *d = casc_result_diagnostic(r, i);
        if (d->line > 0)
            fprintf(stderr, "%u:%u: %s\n", d->line, d->column, d->message);
        else /* about the whole input: a file that cannot be read, say */
            fprintf(stderr, "%s\n", d->message);
    }
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fprintf(stderr, "usage: %s MODEL DIALECT RULE\n", argv[0]);
        return 2;
    }

    /* Load the model once; a program would keep it for many rules, and
     * threads may compile against it at the same time. Every call returns
     * a result, which the caller frees. */
    casc_model *model;
    casc_result *r = casc_model_load_file(argv[1], &model);
    if (casc_result_status(r) != CASC_OK) {
        fprintf(stderr, "%s: the model cannot be loaded:\n", argv[1]);
        print_diagnostics(r);
        casc_result_free(r);
        return 1;
    }
    casc_result_free(r);

    /* Zero every option, then set those that matter here: a NULL means the
     * default, and a field added in a later version starts out zero too. */
    casc_options options = {0};
    options.dialect = argv[2];

    /* (size_t)-1: the rule is a NUL-terminated string. */
    r = casc_compile(model, argv[3], (size_t)-1, &options);
    int status = 0;
    if (casc_result_status(r) == CASC_OK) {
        puts(casc_result_text(r, NULL));
    } else {
        print_diagnostics(r);
        status = 1;
    }
    /* The text and the diagnostics belong to the result: use them before
     * freeing it. */
    casc_result_free(r);
    casc_model_free(model);
    return status;
}
