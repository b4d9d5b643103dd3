/* connections.h - the connections file: named warehouses and how to reach
 * them (docs/runtime.md). It holds no secret itself: tokens come from
 * environment variables it names, keys from files it names. */
#ifndef CASC_RT_CONNECTIONS_H
#define CASC_RT_CONNECTIONS_H

#include "arena.h"
#include "strbuf.h"

/* One connection; unset fields are NULL. Strings live in the arena the
 * file was loaded into; paths are absolute or relative to the working
 * directory (the file's own relative paths are resolved against its
 * directory). */
typedef struct rt_connection {
    const char *name;
    const char *dialect; /* "postgres", "snowflake" or "databricks" */
    const char *file;    /* the connections file, for messages */
    /* postgres */
    const char *conninfo;     /* a libpq connection string, without password */
    const char *password_env; /* the variable that holds the password */
    /* snowflake */
    const char *account, *user, *role, *warehouse, *database;
    const char *private_key_file;
    const char *private_key_passphrase_env;
    /* databricks */
    const char *host, *warehouse_id, *catalog;
    const char *token_env, *token_file;
    /* snowflake and databricks */
    const char *schema;
    const char *base_url; /* instead of the vendor's URL: tests, private endpoints */
} rt_connection;

/* The default file: $XDG_CONFIG_HOME/casc/connections.yaml, or
 * ~/.config/casc/connections.yaml. NULL (after saying why in err) when
 * neither variable is set. */
const char *rt_connections_default_path(casc_arena *a, casc_strbuf *err);

/* Read the file (NULL: the default) and check connection name. On error
 * NULL, and err holds the messages, each with its file and place. */
const rt_connection *rt_connection_load(casc_arena *a, const char *path, const char *name,
                                        casc_strbuf *err);

#endif
