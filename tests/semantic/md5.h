/* md5.h - MD5 (RFC 1321), for the reference computation of the sample
 * hash (docs/outputs.md): written here from the RFC, independent of the
 * warehouses' md5(). */
#ifndef SEM_MD5_H
#define SEM_MD5_H

#include <stddef.h>
#include <stdint.h>

/* The digest of n bytes of data, as 32 lower-case hex digits and a NUL. */
void sem_md5_hex(const void *data, size_t n, char hex[33]);

/* casc's sample hash of a key's text: the first 8 hex digits of
 * MD5(seed ":" key) as a number, 0 to 2^32 - 1. */
uint32_t sem_sample_hash(const char *seed, const char *key);

#endif
