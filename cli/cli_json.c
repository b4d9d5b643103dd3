/* cli_json.c - results as JSON for `--format json`. */
#include "cli_json.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli.h"

static const char *severity_name(casc_severity s)
{
    return s == CASC_SEV_ERROR ? "error" : s == CASC_SEV_WARNING ? "warning" : "note";
}

void cli_json_add_diagnostics(cJSON *obj, const casc_result *r)
{
    cJSON *list = cJSON_AddArrayToObject(obj, "diagnostics");
    const casc_diagnostic *dg;
    for (size_t i = 0; (dg = casc_result_diagnostic(r, i)) != NULL; i++) {
        cJSON *j = cJSON_CreateObject();
        cJSON_AddStringToObject(j, "severity", severity_name(dg->severity));
        cJSON_AddStringToObject(j, "message", dg->message);
        if (dg->file)
            cJSON_AddStringToObject(j, "file", dg->file);
        if (dg->line) {
            cJSON_AddNumberToObject(j, "line", dg->line);
            cJSON_AddNumberToObject(j, "column", dg->column);
            cJSON_AddNumberToObject(j, "start", (double)dg->start);
            cJSON_AddNumberToObject(j, "end", (double)dg->end);
        }
        if (dg->nsuggestions) {
            cJSON *sug = cJSON_AddArrayToObject(j, "suggestions");
            for (size_t k = 0; k < dg->nsuggestions; k++)
                cJSON_AddItemToArray(sug, cJSON_CreateString(dg->suggestions[k]));
        }
        cJSON_AddItemToArray(list, j);
    }
}

void cli_json_put(cJSON *obj, casc_strbuf *out)
{
    char *text = obj ? cJSON_PrintUnformatted(obj) : NULL;
    cJSON_Delete(obj);
    if (!text) {
        out->failed = 1;
        return;
    }
    casc_sb_puts(out, text);
    casc_sb_putc(out, '\n');
    free(text);
}

bool cli_json_print(cJSON *obj)
{
    casc_strbuf out = CASC_STRBUF_INIT;
    cli_json_put(obj, &out);
    return cli_emit(&out);
}
