/* file_read.h - read a whole file, or a stream such as standard input,
 * with a size cap. Shared by the library (casc_model_load_file) and the
 * command line (rule and model files, `-`). */
#ifndef CASC_FILE_READ_H
#define CASC_FILE_READ_H

#include <stdbool.h>
#include <stdio.h>

#include "diag.h"
#include "source.h"

/* Read the file at path into src, named name (text on the heap, NUL after
 * it; free with casc_file_free). A text of more than max + 1 bytes is an
 * error ("the WHAT is N bytes long"), found without reading it all; one of
 * max + 1 bytes is read, for the compiler to report with its own message.
 * Errors (cannot open, a directory, read errors, out of memory) go to d,
 * and then src is left empty. */
bool casc_file_read(const char *path, const char *name, size_t max, const char *what,
                    casc_source *src, casc_diags *d);
/* The same from an open stream (not closed here). */
bool casc_stream_read(FILE *f, const char *name, size_t max, const char *what, casc_source *src,
                      casc_diags *d);
void casc_file_free(casc_source *src);

#endif
