/* secret.h - tokens, passwords and keys: read from an environment variable
 * or from a file only its owner can read, never from the command line.
 * Messages name the variable or the file, never the secret. */
#ifndef CASC_RT_SECRET_H
#define CASC_RT_SECRET_H

#include <stddef.h>

#include "connector.h"

/* The value of environment variable var (what: "the Databricks token"),
 * or NULL with an error when it is unset or empty. Not a copy. */
const char *rt_secret_env(const char *var, const char *what, rt_error *err);
/* The contents of the file at path, with trailing white space removed, on
 * the heap (free with rt_secret_free); NULL with an error when it cannot
 * be read or others may read it (group or world permission bits). */
char *rt_secret_file(const char *path, const char *what, size_t *len, rt_error *err);
/* Wipe and free a secret from rt_secret_file (NULL is fine). */
void rt_secret_free(char *s, size_t len);

#endif
