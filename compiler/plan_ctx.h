/* plan_ctx.h - the planner's state and what its files share: plan.c
 * plans conditions, plan_output.c the output around them. Internal to
 * those two; the interface is plan.h. */
#ifndef CASC_PLAN_CTX_H
#define CASC_PLAN_CTX_H

#include "plan.h"

typedef struct planner {
    casc_arena *arena;
    casc_plan *plan;
    casc_diags *diags;
    bool oom;
} planner;

/* Arena memory, or NULL after reporting (once) that memory ran out. */
void *casc_pl_alloc(planner *p, size_t size);
casc_pnode *casc_pl_node(planner *p, casc_pl_kind kind);
/* AND/OR of items: flattened, with true/false folded away. */
casc_pnode *casc_pl_chain(planner *p, casc_pl_kind kind, casc_pnode **items, uint32_t n);
/* The column an operand reads (joining its attribute table once); b is
 * the behavior whose fields are meant. */
casc_col casc_pl_col(planner *p, const casc_operand *on, const casc_behavior *b);
/* The event time column of b. */
casc_col casc_pl_time_col(const casc_behavior *b);

/* A new scan of b's table (beside any other of it): *index is its place
 * in plan->scans, which may have moved. */
casc_scan *casc_pl_new_scan(planner *p, const casc_behavior *b, uint32_t *index);
/* A new scan of b's table with one aggregate: the count of its events
 * with filter (NULL: any) in w (NULL: at any time). */
casc_scan *casc_pl_count_scan(planner *p, const casc_behavior *b, casc_pnode *filter,
                              const casc_range *w, uint32_t *index);
/* The same for the events AGG test t's aggregate takes: its window and,
 * unless `any`, its filter. */
casc_scan *casc_pl_count_scan_of(planner *p, const casc_pnode *t, bool any, uint32_t *index);
/* The test "some event" (count > 0) of aggregate agg of a scan; none: its
 * complement, "no event". */
casc_pnode *casc_pl_exists(planner *p, uint32_t scan, uint32_t agg, bool none);
/* Is AGG test n "some event", which a semi-join answers? */
bool casc_pl_some_event(const casc_plan *plan, const casc_pnode *n);
/* Is AGG test n surely false for a profile without events? */
bool casc_pl_false_without_events(const casc_plan *plan, const casc_pnode *n);
/* Each positive "some event" conjunct of a behavior tested by nothing
 * else gets a semi-join of its own (plan_exists.c; *changed set); false
 * when memory ran out. */
bool casc_pl_split_exists(planner *p, bool *changed);
/* Semi-join reduction (plan_narrow.c): each behavior tested only in
 * conjuncts of the rule, one of which needs an event in a window much
 * shorter than the others read, gets that "some event" as a semi-join of
 * its own (*changed set); false when memory ran out. */
bool casc_pl_narrow_first(planner *p, bool *changed);

/* After a conjunct on the profile's row, each conjunct "at least n events
 * in a window" (n >= 2) of a behavior tested only in conjuncts is asked
 * first, as a probe of its own (plan_probe.c; *changed set); false when
 * memory ran out. */
bool casc_pl_probe_counts(planner *p, bool *changed);
/* The number v is, when it is one. */
bool casc_pl_number(const casc_value *v, double *x);

/* Look up the names of req and add what the output needs to the plan:
 * false after an error. */
bool casc_pl_output(planner *p, const casc_output_request *req);

#endif
