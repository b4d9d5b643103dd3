/* plan_narrow.c - semi-join reduction: the few profiles first.
 *
 * When every test of a behavior is a conjunct of the rule and one of them
 * can only hold for a profile with an event in a window much shorter than
 * the others read ("count >= 2 in the last 90 days" beside "sum > 1000 in
 * the last year"), the profiles with such an event are few next to those
 * with any. That "some event" becomes a semi-join of its own (a second
 * scan of the table, over the short window only), and the behavior's
 * tests then run for its profiles alone (correlated with its keys: see
 * CASC_SCAN_CORRELATED and casc_plan.driver) instead of over every
 * profile's events. On both benchmark engines that is several times
 * faster than one grouped read (BENCHMARKS.md).
 *
 * `first T in [lo, hi]` is "some T in [lo, hi] and no T before lo", and
 * `last T in [lo, hi]` "some T in [lo, hi] and no T after hi": a
 * semi-join and an anti-join instead of grouping every profile's events. */
#include "plan_ctx.h"

#include <float.h>
#include <math.h>

/* Hours in a unit, on average: a guess of size, not a time. */
static double unit_hours(casc_unit u)
{
    static const double hours[] = {
        [CASC_UNIT_MINUTE] = 1 / 60.0, [CASC_UNIT_HOUR] = 1,        [CASC_UNIT_DAY] = 24,
        [CASC_UNIT_WEEK] = 168,        [CASC_UNIT_MONTH] = 730.5,   [CASC_UNIT_QUARTER] = 2191.5,
        [CASC_UNIT_YEAR] = 8766};
    return hours[u];
}

/* How far back from now a range reaches, in hours: INFINITY without a
 * lower bound, NAN for a literal one (the plan has no clock). */
static double reach(const casc_range *r)
{
    if (!r->lo.present)
        return INFINITY;
    const casc_instant *at = &r->lo.at;
    double back = -(double)at->offset * unit_hours(at->unit);
    switch (at->kind) {
    case CASC_I_NOW: return back > 0 ? back : 0;
    case CASC_I_CALENDAR: /* the start of the current unit is up to one unit back */
        back += unit_hours(at->unit);
        return back > 0 ? back : 0;
    default: return NAN;
    }
}

/* How far back the scan's aggregates reach together. */
static double scan_reach(const casc_scan *s)
{
    double most = 0;
    bool unknown = false;
    for (uint32_t i = 0; i < s->naggs; i++) {
        double r = s->aggs[i].has_window ? reach(&s->aggs[i].window) : INFINITY;
        if (isnan(r))
            unknown = true;
        else if (r > most)
            most = r;
    }
    return unknown && !isinf(most) ? NAN : most;
}

/* Is a window reaching back `r` much shorter than the scan's `all`: at
 * most half of it, or bounded where the scan is not? */
static bool much_shorter(double r, double all)
{
    if (isinf(r))
        return false;
    if (isinf(all))
        return true;
    return !isnan(r) && !isnan(all) && r < all && 2 * r <= all;
}

/* The window in which test n needs an event to hold; false when it can
 * hold without one. */
static bool needed_window(const casc_plan *pl, const casc_pnode *n, casc_range *w)
{
    if (n->negated)
        return false;
    const casc_aggregate *a = &pl->scans[n->u.agg.scan].aggs[n->u.agg.agg];
    if (a->kind == CASC_AGG_FIRST_TIME || a->kind == CASC_AGG_LAST_TIME) {
        *w = n->u.agg.range; /* the earliest (latest) event lies there */
        return true;
    }
    if (!a->has_window || !casc_pl_false_without_events(pl, n))
        return false;
    *w = a->window;
    return true;
}

/* The test at *slot, on scan si, needs an event in w: that "some event"
 * gets a scan of its own, in its place when it is all the test asks (the
 * other conjuncts in `extra`). */
static bool split(planner *p, uint32_t si, casc_pnode **slot, const casc_range *w,
                  casc_pnode **extra, uint32_t *nextra)
{
    const casc_scan *s = &p->plan->scans[si];
    const casc_behavior *b = s->behavior;
    const casc_aggregate a = s->aggs[(*slot)->u.agg.agg];
    bool only = casc_pl_some_event(p->plan, *slot);
    uint32_t at;
    if (!casc_pl_count_scan(p, b, a.filter, w, &at))
        return false;
    casc_pnode *some = casc_pl_exists(p, at, 0, false);
    if (!some)
        return false;
    if (a.kind != CASC_AGG_FIRST_TIME && a.kind != CASC_AGG_LAST_TIME) {
        if (only)
            *slot = some;
        else
            extra[(*nextra)++] = some;
        return true;
    }
    *slot = some;
    /* No event on the far side of the bound the earliest (latest) one is
     * past: before lo (after hi), its complement. */
    bool first = a.kind == CASC_AGG_FIRST_TIME;
    casc_bound edge = first ? w->lo : w->hi;
    if (!edge.present)
        return true;
    edge.inclusive = !edge.inclusive;
    casc_range beyond = {0};
    *(first ? &beyond.hi : &beyond.lo) = edge;
    casc_pnode *none;
    if (!casc_pl_count_scan(p, b, a.filter, &beyond, &at) ||
        !(none = casc_pl_exists(p, at, 0, true)))
        return false;
    extra[(*nextra)++] = none;
    return true;
}

/* Per scan, while looking through the conjuncts. */
typedef struct candidate {
    double all;       /* how far back the scan reaches */
    double best;      /* how far back the chosen test's window reaches */
    uint32_t tests;   /* its tests among the conjuncts */
    uint32_t pick;    /* the chosen conjunct + 1; 0: none */
    casc_range window;
} candidate;

/* One pass over the conjuncts and one over the scans: linear in the
 * rule's size however many behaviors it names. */
bool casc_pl_narrow_first(planner *p, bool *changed)
{
    casc_plan *pl = p->plan;
    bool list = pl->where->kind == CASC_PL_AND;
    casc_pnode **items = list ? pl->where->u.list.items : &pl->where;
    uint32_t n = list ? pl->where->u.list.n : 1, nscans = pl->nscans, nextra = 1;
    if (nscans == 0) /* no behavior: nothing to read first */
        return true;
    candidate *c = casc_pl_alloc(p, nscans * sizeof *c);
    casc_pnode **extra = casc_pl_alloc(p, (nscans + 1) * sizeof *extra);
    if (!c || !extra)
        return false;
    for (uint32_t si = 0; si < nscans; si++)
        c[si] = (candidate){.all = scan_reach(&pl->scans[si]), .best = DBL_MAX};
    for (uint32_t i = 0; i < n; i++) {
        if (items[i]->kind != CASC_PL_AGG)
            continue;
        candidate *k = &c[items[i]->u.agg.scan];
        casc_range w;
        k->tests++;
        if (!needed_window(pl, items[i], &w))
            continue;
        double r = reach(&w);
        if (!much_shorter(r, k->all))
            continue;
        r = isnan(r) ? DBL_MAX / 2 : r; /* a literal: after any known length */
        if (r < k->best) {
            k->best = r;
            k->pick = i + 1;
            k->window = w;
        }
    }
    for (uint32_t si = 0; si < nscans; si++) {
        if (!c[si].pick || c[si].tests != pl->scans[si].refs)
            continue;
        if (!split(p, si, &items[c[si].pick - 1], &c[si].window, extra, &nextra))
            return false;
        *changed = true;
    }
    extra[0] = pl->where; /* the rule, its tests in place */
    if (nextra > 1 && !(pl->where = casc_pl_chain(p, CASC_PL_AND, extra, nextra)))
        return false;
    return true;
}
