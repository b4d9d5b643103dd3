/* pg_server.h - a throwaway PostgreSQL server for one test run.
 *
 * initdb and pg_ctl from the installed server package build a cluster in a
 * fresh temporary directory that listens only on a Unix socket there. As
 * root the server runs as the `postgres` user (PostgreSQL refuses root).
 * A watchdog process stops the server and deletes the directory as soon as
 * this process ends, however it ends: exit, crash, signal or kill -9. */
#ifndef SEM_PG_SERVER_H
#define SEM_PG_SERVER_H

/* Start the server; returns a libpq connection string, or NULL after
 * printing why on stderr. PG_BINDIR overrides where initdb and pg_ctl are. */
const char *pg_server_start(void);

/* Stop it now and wait until its directory is gone (also run at exit). */
void pg_server_stop(void);

#endif
