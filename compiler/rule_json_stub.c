/* TEMPORARY until the JSON rule reader lands. */
#include "rule_json.h"
casc_node *casc_rule_from_json(casc_arena *arena, const casc_source *src, casc_diags *d)
{
    (void)arena;
    casc_diag_add(d, CASC_SEV_ERROR, src, 0, 1, "JSON rules are not supported yet");
    return NULL;
}
void casc_rule_to_json(const casc_node *rule, casc_strbuf *out)
{
    (void)rule;
    casc_sb_puts(out, "{}");
}
