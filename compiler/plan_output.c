/* plan_output.c - the output around the audience (docs/outputs.md): its
 * names looked up in the model, the joins its attributes need, and the
 * conditions it adds (the sample, events that have a time). An unknown or
 * unfit name is an error without a place, with the closest names. */
#include <stdarg.h>
#include <string.h>

#include "plan_ctx.h"
#include "suggest.h"

/* Model items of one kind; each item's struct starts with its name. */
typedef struct items {
    const void *at;
    size_t size;
    uint32_t n;
} items;

static const char *name_at(items l, uint32_t i)
{
    return *(const char *const *)(const void *)((const char *)l.at + i * l.size);
}

static bool same_ignoring_case(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if ((*a >= 'A' && *a <= 'Z' ? *a + 32 : *a) != (*b >= 'A' && *b <= 'Z' ? *b + 32 : *b))
            return false;
    return *a == *b;
}

#if defined(__GNUC__)
__attribute__((format(printf, 2, 3)))
#endif
static casc_diag *error(planner *p, const char *fmt, ...)
{
    casc_strbuf sb = CASC_STRBUF_INIT;
    va_list ap;
    va_start(ap, fmt);
    casc_sb_vprintf(&sb, fmt, ap);
    va_end(ap);
    casc_diag *dg = NULL;
    if (sb.failed)
        casc_diag_out_of_memory(p->diags, NULL, "planning the query");
    else
        dg = casc_diag_add(p->diags, CASC_SEV_ERROR, NULL, CASC_NO_SPAN, CASC_NO_SPAN, "%s",
                           casc_sb_str(&sb));
    casc_sb_free(&sb);
    return dg;
}

/* The item called name (exactly, else ignoring case, as a bare name in a
 * rule matches), or -1 after reporting it unknown with suggestions. */
static int find(planner *p, items l, const char *kind, const char *option, const char *name)
{
    for (int pass = 0; pass < 2; pass++)
        for (uint32_t i = 0; i < l.n; i++)
            if (pass ? same_ignoring_case(name, name_at(l, i)) : !strcmp(name, name_at(l, i)))
                return (int)i;
    casc_diag *dg = error(p, "%s names an unknown %s '%s'", option, kind, name);
    const char **cands = casc_pl_alloc(p, (l.n + 1) * sizeof *cands);
    const char **out = casc_pl_alloc(p, CASC_MAX_SUGGESTIONS * sizeof *out);
    if (dg && cands && out) {
        for (uint32_t i = 0; i < l.n; i++)
            cands[i] = name_at(l, i);
        dg->nsuggestions = casc_suggest(name, strlen(name), cands, l.n, out);
        dg->suggestions = out;
    }
    return -1;
}

static bool numeric(casc_type t)
{
    return t == CASC_TYPE_INTEGER || t == CASC_TYPE_NUMBER;
}

static bool array(casc_type t)
{
    return t == CASC_TYPE_STRING_ARRAY || t == CASC_TYPE_NUMBER_ARRAY;
}

/* The attribute option names, as an output column; false after an error
 * (also when it is an array and arrays do not fit, or not numeric and a
 * number is needed). */
static bool attribute(planner *p, const char *option, const char *name, bool need_number,
                      bool allow_array, casc_out_col *out)
{
    const casc_parent_model *m = p->plan->model;
    items l = {m->attributes, sizeof *m->attributes, m->nattributes};
    int i = find(p, l, "attribute", option, name);
    if (i < 0)
        return false;
    const casc_attribute *a = &m->attributes[i];
    if ((need_number && !numeric(a->type)) || (!allow_array && array(a->type))) {
        error(p, "%s needs %s attribute; '%s' is %s", option,
              need_number ? "a numeric (integer or number)" : "a single-valued", a->name,
              casc_type_name(a->type));
        return false;
    }
    casc_operand on = {.attr = a, .type = a->type};
    *out = (casc_out_col){a->name, casc_pl_col(p, &on, NULL)};
    return true;
}

static bool columns(planner *p, const casc_output_request *req)
{
    casc_output *o = &p->plan->out;
    o->columns = casc_pl_alloc(p, (req->ncolumns + 1) * sizeof *o->columns);
    if (!o->columns)
        return false;
    for (uint32_t i = 0; i < req->ncolumns; i++) {
        if (!attribute(p, "columns", req->columns[i], false, true, &o->columns[i]))
            return false;
        for (uint32_t j = 0; j < i; j++)
            if (o->columns[j].name == o->columns[i].name) {
                error(p, "columns lists '%s' twice", o->columns[i].name);
                return false;
            }
        o->ncolumns++;
    }
    return true;
}

/* The sample's condition: NULL for every profile. */
static casc_pnode *sample(planner *p, const casc_output_request *req)
{
    if (!req->has_sample || (req->sample_lo == 0 && req->sample_hi == CASC_HASH_RANGE))
        return NULL;
    if (req->sample_lo >= req->sample_hi) /* an empty share: 10%-10% */
        return casc_pl_node(p, CASC_PL_FALSE);
    casc_pnode *n = casc_pl_node(p, CASC_PL_SAMPLE);
    if (n) {
        n->u.sample.lo = req->sample_lo;
        n->u.sample.hi = req->sample_hi;
        n->u.sample.seed = req->seed;
    }
    return n;
}

bool casc_pl_output(planner *p, const casc_output_request *req)
{
    casc_output *o = &p->plan->out;
    const casc_parent_model *m = p->plan->model;
    o->req = *req;
    casc_pnode *also[3] = {p->plan->where};
    uint32_t n = 1;
    switch (req->select) {
    case CASC_SELECT_BREAKDOWN:
        if (!attribute(p, "by", req->by, req->nbuckets || req->nedges, false, &o->by))
            return false;
        break;
    case CASC_SELECT_STATS:
        if (!attribute(p, "of", req->of, true, false, &o->of))
            return false;
        break;
    case CASC_SELECT_MEMBERS:
        if (!columns(p, req) ||
            (req->order_by && !attribute(p, "order_by", req->order_by, false, false, &o->order)))
            return false;
        break;
    case CASC_SELECT_EVENTS: {
        items l = {m->behaviors, sizeof *m->behaviors, m->nbehaviors};
        int i = find(p, l, "behavior", "behavior", req->behavior);
        if (i < 0)
            return false;
        o->behavior = &m->behaviors[i];
        o->event_time = casc_pl_time_col(o->behavior);
        if (req->last) {
            /* Only events with a time can be among the latest. */
            casc_pnode *timed = casc_pl_node(p, CASC_PL_TIME);
            if (!timed)
                return false;
            timed->u.time.col = o->event_time;
            also[n++] = timed;
        }
        break;
    }
    default: break;
    }
    if ((also[n] = sample(p, req)) != NULL)
        n++;
    p->plan->where = n > 1 ? casc_pl_chain(p, CASC_PL_AND, also, n) : also[0];
    return p->plan->where != NULL;
}
