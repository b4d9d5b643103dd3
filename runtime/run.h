/* run.h - run one statement through a connector: submit it, wait for it
 * (with a progress line), stream its rows out, and cancel it on the server
 * when the run is stopped (Ctrl-C, --timeout) or the output fails. */
#ifndef CASC_RT_RUN_H
#define CASC_RT_RUN_H

#include "connector.h"
#include "output.h"
#include "progress.h"

/* True when every row was written; else false with err (for a stop, the
 * message says whether the server cancelled the statement). */
bool rt_execute(rt_conn *c, const char *sql, rt_output *out, rt_progress *progress,
                rt_error *err);

#endif
