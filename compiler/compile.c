/* compile.c - one rule through every stage. */
#include "compile.h"

#include <string.h>

#include "parse.h"
#include "resolve.h"
#include "rule_json.h"
#include "sqlgen.h"

static bool looks_like_json(const casc_source *rule)
{
    for (size_t i = 0; i < rule->len; i++)
        if (!strchr(" \t\r\n", rule->text[i]))
            return rule->text[i] == '{';
    return false;
}

casc_node *casc_read_rule(casc_arena *arena, const casc_source *rule, casc_rule_format from,
                          casc_diags *d)
{
    if (from == CASC_RULE_AUTO)
        from = looks_like_json(rule) ? CASC_RULE_JSON : CASC_RULE_DSL;
    if (from == CASC_RULE_DSL)
        return casc_parse(arena, rule, d);
    return casc_rule_text_ok(rule, d) ? casc_rule_from_json(arena, rule, d) : NULL;
}

static casc_rnode *front_end(casc_arena *arena, const casc_parent_model *model,
                             const casc_source *rule, casc_rule_format from, casc_diags *d)
{
    casc_node *ast = casc_read_rule(arena, rule, from, d);
    return ast ? casc_resolve(arena, model, ast, rule, d) : NULL;
}

bool casc_check_rule(casc_arena *arena, const casc_parent_model *model, const casc_source *rule,
                     casc_rule_format from, casc_diags *d)
{
    return front_end(arena, model, rule, from, d) != NULL;
}

bool casc_compile_rule(casc_arena *arena, const casc_parent_model *model, const casc_source *rule,
                       const casc_compile_options *o, casc_diags *d, casc_strbuf *out,
                       const casc_plan **plan_out)
{
    casc_rnode *resolved = front_end(arena, model, rule, o->from, d);
    casc_plan *plan = resolved ? casc_plan_build(arena, model, resolved, o->select, d) : NULL;
    if (!plan)
        return false;
    casc_sql_options so = {o->backend, o->now, o->timezone};
    size_t mark = out->len;
    if (!casc_sql_generate(arena, plan, &so, out)) {
        casc_sb_truncate(out, mark);
        casc_diag_out_of_memory(d, NULL, "writing the SQL");
        return false;
    }
    if (plan_out)
        *plan_out = plan;
    return true;
}
