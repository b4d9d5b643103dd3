/* output.h - rows written as they come: CSV (RFC 4180), TSV (PostgreSQL
 * COPY text escapes) or JSON lines (docs/runtime.md#output). One row is
 * formatted at a time; stdio buffers the bytes, and the run loop flushes
 * whenever it waits on the warehouse. */
#ifndef CASC_RT_OUTPUT_H
#define CASC_RT_OUTPUT_H

#include <stdbool.h>
#include <stdio.h>

#include "connector.h"
#include "strbuf.h"

typedef enum rt_format { RT_CSV, RT_TSV, RT_JSONL } rt_format;

typedef struct rt_output {
    FILE *f;
    rt_format format;
    bool header; /* CSV and TSV: a first line of column names */
    const rt_column *cols;
    size_t ncols;
    casc_strbuf line;
    bool failed; /* a write failed (errno says why) or memory ran out */
} rt_output;

/* "csv", "tsv" or "jsonl"; false for any other name. */
bool rt_format_parse(const char *name, rt_format *format);
void rt_output_init(rt_output *o, FILE *f, rt_format format, bool header);
/* The columns (kept, not copied) and the header line. */
bool rt_output_begin(rt_output *o, const rt_column *cols, size_t ncols);
bool rt_output_row(rt_output *o, const char *const *values);
bool rt_output_flush(rt_output *o);
void rt_output_free(rt_output *o);

#endif
