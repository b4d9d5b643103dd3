/* shrink.c - delta debugging on the syntax tree (see shrink.h). */
#include "shrink.h"

#include <stdlib.h>
#include <string.h>

#include "fmt.h"
#include "parse.h"

/* Walks the tree counting possible edits; applies edit number `target`,
 * formats the whole rule with it, and undoes it. */
typedef struct editor {
    int target, count;
    const casc_node *root;
    casc_strbuf *out;
} editor;

static bool hit(editor *e)
{
    return e->count++ == e->target;
}

static void emit(editor *e)
{
    casc_fmt(e->root, e->out);
}

/* Edits on a list of items (and/or operands, values of `in`): keep only
 * item i (lists of nodes), or drop item i. */
static bool edit_values(editor *e, casc_values *v)
{
    for (uint32_t i = 0; v->n > 1 && i < v->n; i++) {
        if (!hit(e))
            continue;
        casc_values saved = *v;
        casc_value *items = malloc(v->n * sizeof *items);
        if (!items)
            return true;
        memcpy(items, v->items, i * sizeof *items);
        memcpy(items + i, v->items + i + 1, (v->n - i - 1) * sizeof *items);
        v->items = items;
        v->n--;
        emit(e);
        *v = saved;
        free(items);
        return true;
    }
    return false;
}

static bool walk(editor *e, casc_node *n)
{
    casc_node saved = *n;
    switch (n->kind) {
    case CASC_N_AND:
    case CASC_N_OR:
        for (uint32_t i = 0; i < saved.u.list.n; i++)
            if (hit(e)) {
                *n = *saved.u.list.items[i];
                emit(e);
                *n = saved;
                return true;
            }
        for (uint32_t i = 0; saved.u.list.n > 2 && i < saved.u.list.n; i++)
            if (hit(e)) {
                casc_node *tmp = saved.u.list.items[i];
                memmove(&n->u.list.items[i], &n->u.list.items[i + 1],
                        (n->u.list.n - i - 1) * sizeof *n->u.list.items);
                n->u.list.n--;
                emit(e);
                memmove(&n->u.list.items[i + 1], &n->u.list.items[i],
                        (n->u.list.n - i) * sizeof *n->u.list.items);
                n->u.list.items[i] = tmp;
                *n = saved;
                return true;
            }
        for (uint32_t i = 0; i < saved.u.list.n; i++)
            if (walk(e, saved.u.list.items[i]))
                return true;
        return false;
    case CASC_N_NOT:
        if (hit(e)) {
            *n = *saved.u.child;
            emit(e);
            *n = saved;
            return true;
        }
        return walk(e, saved.u.child);
    case CASC_N_SUBJECT: {
        /* Drop one clause: filter, measure, window, first/last. */
        struct casc_leaf *l = &n->u.leaf;
        for (int part = 0; part < 4; part++) {
            bool has[] = {l->filter, l->measure, l->window, l->pick != CASC_PICK_NONE};
            if (!has[part] || !hit(e))
                continue;
            if (part == 0)
                l->filter = NULL;
            else if (part == 1)
                l->measure = NULL;
            else if (part == 2)
                l->window = NULL;
            else
                l->pick = CASC_PICK_NONE;
            emit(e);
            *n = saved;
            return true;
        }
        return l->filter && walk(e, l->filter);
    }
    case CASC_N_IN:
    case CASC_N_CONTAINS_SET: return edit_values(e, &n->u.leaf.values);
    default: return false;
    }
}

/* The rule with edit k applied, or NULL when it has fewer edits. */
static char *edited(const char *rule, int k)
{
    casc_arena *arena = casc_arena_new();
    casc_diags d;
    casc_source src = {"<shrink>", rule, strlen(rule), 0};
    casc_strbuf out = CASC_STRBUF_INIT;
    char *text = NULL;
    if (arena) {
        casc_diags_init(&d, arena);
        casc_node *root = casc_parse(arena, arena, &src, &d);
        editor e = {.target = k, .root = root, .out = &out};
        if (root && walk(&e, root) && !out.failed)
            text = strdup(casc_sb_str(&out));
    }
    casc_sb_free(&out);
    casc_arena_free(arena);
    return text;
}

char *shrink_rule(const char *rule, shrink_test still_fails, void *ctx, int max_tests)
{
    char *best = strdup(rule);
    for (int k = 0, tests = 0; best && tests < max_tests; tests++) {
        char *candidate = edited(best, k);
        if (!candidate)
            break;
        if (strcmp(candidate, best) != 0 && still_fails(candidate, ctx)) {
            free(best);
            best = candidate;
            k = 0;
        } else {
            free(candidate);
            k++;
        }
    }
    return best;
}
