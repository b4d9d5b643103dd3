/* plan_exists.c - each "some event" a semi-join of its own.
 *
 * When every test of a behavior asks only whether a matching event exists
 * and is a conjunct of the rule (`purchase where channel = 'store' in last
 * 180 days and purchase where channel = 'web' in last 180 days`), each
 * test becomes its own semi-join, key IN (SELECT key FROM ... WHERE filter
 * AND window), instead of one grouped read with a conditional count per
 * test. A semi-join only collects the keys its filter keeps; the grouped
 * read updates every test's aggregate for every event one filter keeps,
 * in a hash table of all their profiles. Which one is faster depends on
 * how many events each filter keeps, which the compiler cannot know:
 * measured on both benchmark engines (BENCHMARKS.md), one read (grouped,
 * or correlated after a conjunct on the profile's row) was from 2.1 times
 * faster to 4.9 times slower, the semi-joins faster on average, and they
 * are never slower than the form audience tools write, which is theirs.
 * The table is read once per test (once for a test repeated). */
#include "plan_ctx.h"

/* Is conjunct n a positive "some event" test? */
static bool some_event(const casc_plan *pl, const casc_pnode *n)
{
    return n->kind == CASC_PL_AGG && !n->negated && casc_pl_some_event(pl, n);
}

bool casc_pl_split_exists(planner *p, bool *changed)
{
    casc_plan *pl = p->plan;
    if (pl->where->kind != CASC_PL_AND || pl->nscans == 0) /* one test at most */
        return true;
    casc_pnode **items = pl->where->u.list.items;
    uint32_t n = pl->where->u.list.n, nscans = pl->nscans;
    uint32_t *tests = casc_pl_alloc(p, nscans * sizeof *tests);
    uint32_t **moved = casc_pl_alloc(p, nscans * sizeof *moved);
    if (!tests || !moved)
        return false;
    for (uint32_t si = 0; si < nscans; si++)
        tests[si] = 0;
    for (uint32_t i = 0; i < n; i++)
        if (some_event(pl, items[i]))
            tests[items[i]->u.agg.scan]++;
    for (uint32_t si = 0; si < nscans; si++) {
        moved[si] = NULL;
        const casc_scan *s = &pl->scans[si];
        if (tests[si] < 2 || tests[si] != s->refs)
            continue;
        /* per aggregate: its semi-join + 1, so identical tests share one */
        if (!(moved[si] = casc_pl_alloc(p, s->naggs * sizeof *moved[si])))
            return false;
        for (uint32_t ai = 0; ai < s->naggs; ai++)
            moved[si][ai] = 0;
    }
    uint32_t kept = 0;
    for (uint32_t i = 0; i < n; i++) {
        casc_pnode *t = items[i];
        if (t->kind == CASC_PL_AGG && moved[t->u.agg.scan]) {
            uint32_t *to = &moved[t->u.agg.scan][t->u.agg.agg];
            *changed = true;
            if (*to) /* the same test again: its semi-join is there */
                continue;
            uint32_t at;
            if (!casc_pl_count_scan_of(p, t, false, &at) || !(t = casc_pl_exists(p, at, 0, false)))
                return false;
            *to = at + 1;
        }
        items[kept++] = t;
    }
    if ((pl->where->u.list.n = kept) == 1)
        pl->where = items[0];
    return true;
}
