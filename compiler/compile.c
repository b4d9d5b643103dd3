/* compile.c - one rule through every stage. */
#include "compile.h"

#include <string.h>

#include "parse.h"
#include "resolve.h"
#include "rule_json.h"
#include "sqlgen.h"

/* The first character after a byte-order mark and white space is '{'. */
static bool looks_like_json(const casc_source *rule)
{
    size_t i = rule->len >= 3 && memcmp(rule->text, "\xEF\xBB\xBF", 3) == 0 ? 3 : 0;
    for (; i < rule->len; i++)
        if (!strchr(" \t\r\n", rule->text[i]))
            return rule->text[i] == '{';
    return false;
}

casc_node *casc_read_rule(casc_arena *arena, casc_arena *keep, const casc_source *rule,
                          casc_rule_format from, casc_diags *d)
{
    if (from == CASC_RULE_AUTO)
        from = looks_like_json(rule) ? CASC_RULE_JSON : CASC_RULE_DSL;
    if (from == CASC_RULE_DSL)
        return casc_parse(arena, keep, rule, d);
    return casc_rule_text_ok(rule, d) ? casc_rule_from_json(arena, keep, rule, d) : NULL;
}

/* From this size on, a rule's syntax tree has its nodes in an arena of
 * their own, released once the rule is resolved: for a big rule they are
 * the largest structure of all, and the resolved tree keeps only the
 * tree's windows, measures and text. A smaller rule's tree (about 16 bytes
 * per byte of rule) is not worth the time of a second arena. */
enum { OWN_TREE_ARENA = 64 * 1024 };

static casc_rnode *front_end(casc_arena *arena, const casc_parent_model *model,
                             const casc_source *rule, casc_rule_format from, casc_diags *d)
{
    casc_arena *tree = rule->len >= OWN_TREE_ARENA ? casc_arena_new() : arena;
    if (!tree) {
        casc_diag_out_of_memory(d, rule, "reading the rule");
        return NULL;
    }
    casc_node *ast = casc_read_rule(tree, arena, rule, from, d);
    casc_rnode *resolved = ast ? casc_resolve(arena, model, ast, rule, d) : NULL;
    if (tree != arena)
        casc_arena_free(tree);
    return resolved;
}

bool casc_check_rule(casc_arena *arena, const casc_parent_model *model, const casc_source *rule,
                     casc_rule_format from, casc_diags *d)
{
    return front_end(arena, model, rule, from, d) != NULL;
}

/* Plan and render the resolved rules; false with diagnostics in d. */
static bool generate(casc_arena *arena, const casc_parent_model *model,
                     const casc_rnode *const *rules, uint32_t n, const casc_compile_options *o,
                     casc_diags *d, casc_strbuf *out, const casc_plan **plan_out)
{
    casc_output_request plain = {.select = o->select};
    const casc_output_request *req = o->output ? o->output : &plain;
    casc_plan *plan = casc_plan_build(arena, model, rules, n, req, o->backend->index_probes, d);
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

bool casc_compile_rule(casc_arena *arena, const casc_parent_model *model, const casc_source *rule,
                       const casc_compile_options *o, casc_diags *d, casc_strbuf *out,
                       const casc_plan **plan_out)
{
    const casc_rnode *resolved = front_end(arena, model, rule, o->from, d);
    return resolved && generate(arena, model, &resolved, 1, o, d, out, plan_out);
}

bool casc_compile_overlap(casc_arena *arena, const casc_parent_model *model,
                          const casc_source *rules, uint32_t n, const casc_compile_options *o,
                          casc_diags *d, casc_strbuf *out, const casc_plan **plan_out)
{
    const casc_rnode *resolved[CASC_MAX_OVERLAP];
    bool ok = n > 0 && n <= CASC_MAX_OVERLAP;
    /* Every rule is read, so that all their errors are reported at once. */
    for (uint32_t i = 0; i < n && i < CASC_MAX_OVERLAP; i++)
        ok &= (resolved[i] = front_end(arena, model, &rules[i], o->from, d)) != NULL;
    return ok && generate(arena, model, resolved, n, o, d, out, plan_out);
}
