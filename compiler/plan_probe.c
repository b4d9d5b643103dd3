/* plan_probe.c - "at least n events" asked first, of an index alone.
 *
 * After a conjunct on the profile's row, a behavior's tests run as one
 * subquery correlated by key for the profiles left (CASC_SCAN_CORRELATED),
 * which reads each one's events in the window from the table. In a
 * dialect whose tables have an index on (key, time) (backend.h,
 * index_probes: PostgreSQL), a count of every event in a window needs no
 * row of the table: EXISTS (SELECT 1 ... OFFSET n - 1) reads the index
 * alone and stops at the n-th entry. So each conjunct "count >= n" (n >= 2;
 * n = 1 is "some event", a semi-join already) of a behavior tested only in
 * conjuncts becomes such a probe of its own, and the other tests are
 * asked, in the correlated subquery, only of the profiles it keeps.
 * Measured on PostgreSQL (BENCHMARKS.md): 1.1 to 1.6 times faster when the
 * count keeps few of the profiles, up to 1.1 times slower when it keeps
 * most; the table's rows are read once, its index twice. Warehouses
 * without such an index would read the events twice: there the tests stay
 * together. */
#include "plan_ctx.h"

/* The events conjunct n needs when it is "count of every event >= n"
 * (or > n - 1), n >= 2; else 0. */
static int64_t events_needed(const casc_plan *pl, const casc_pnode *n)
{
    if (n->kind != CASC_PL_AGG || n->negated || n->u.agg.ne)
        return 0;
    const casc_aggregate *a = &pl->scans[n->u.agg.scan].aggs[n->u.agg.agg];
    double lo;
    if (a->kind != CASC_AGG_COUNT || a->filter || !casc_pl_number(n->u.agg.lo, &lo) ||
        !(lo >= 1 && lo < INT32_MAX)) /* below 1: at most "some event" */
        return 0;
    int64_t whole = (int64_t)lo; /* the bound rounded down */
    if (n->u.agg.op == CASC_OP_GT)
        return whole + 1;
    if (n->u.agg.op == CASC_OP_GE && lo > 1)
        return whole + (lo > (double)whole);
    return 0;
}

bool casc_pl_probe_counts(planner *p, bool *changed)
{
    casc_plan *pl = p->plan;
    if (pl->where->kind != CASC_PL_AND || pl->nscans == 0)
        return true;
    casc_pnode **items = pl->where->u.list.items;
    uint32_t n = pl->where->u.list.n;
    uint32_t *tests = casc_pl_alloc(p, pl->nscans * sizeof *tests);
    if (!tests)
        return false;
    for (uint32_t si = 0; si < pl->nscans; si++)
        tests[si] = 0;
    for (uint32_t i = 0; i < n; i++)
        if (items[i]->kind == CASC_PL_AGG)
            tests[items[i]->u.agg.scan]++;
    for (uint32_t i = 0; i < n; i++) {
        casc_pnode *t = items[i];
        int64_t need = events_needed(pl, t);
        if (!need || tests[t->u.agg.scan] != pl->scans[t->u.agg.scan].refs)
            continue;
        uint32_t at;
        casc_scan *probe = casc_pl_count_scan_of(p, t, true, &at);
        if (!probe)
            return false;
        probe->form = CASC_SCAN_PROBE;
        probe->at_least = need;
        t->u.agg.scan = at;
        t->u.agg.agg = 0;
        *changed = true;
    }
    return true;
}
