/* cli_json.h - results as JSON for `--format json` (one object per rule,
 * on one line), so that a user interface can underline each diagnostic. */
#ifndef CASC_CLI_JSON_H
#define CASC_CLI_JSON_H

#include <cJSON.h>
#include <stdbool.h>

#include "casc.h"
#include "strbuf.h"

/* Add "diagnostics": [{severity, message, file, line, column, start, end,
 * suggestions}, ...] to obj. */
void cli_json_add_diagnostics(cJSON *obj, const casc_result *r);
/* Append obj's text and a newline to out and delete obj. */
void cli_json_put(cJSON *obj, casc_strbuf *out);
/* The same straight to standard output; false (after saying why) on
 * failure. */
bool cli_json_print(cJSON *obj);

#endif
