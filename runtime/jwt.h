/* jwt.h - Snowflake key-pair authentication (docs/runtime.md#snowflake):
 * a JSON Web Token signed RS256 with the user's private key, naming the
 * public key by its fingerprint. */
#ifndef CASC_RT_JWT_H
#define CASC_RT_JWT_H

#include <stddef.h>

#include "connector.h"

typedef struct evp_pkey_st rt_key; /* OpenSSL's EVP_PKEY */

/* Load an RSA private key, PEM (PKCS#8, as `openssl pkcs8 -topk8` writes
 * it), from a file only its owner can read. passphrase: for an encrypted
 * key, else NULL. */
rt_key *rt_key_load(const char *path, const char *passphrase, rt_error *err);
void rt_key_free(rt_key *key);

/* The token for account and user (Snowflake's rules: upper case, the
 * account without a region suffix): header {"alg":"RS256","typ":"JWT"},
 * claims iss "ACCOUNT.USER.SHA256:FP", sub "ACCOUNT.USER", iat now, exp
 * now + 3600. FP is the standard base64 of the SHA-256 digest of the public
 * key's DER encoding (SubjectPublicKeyInfo), as DESCRIBE USER shows it in
 * RSA_PUBLIC_KEY_FP. On the heap; NULL with err on failure. */
char *rt_jwt_make(rt_key *key, const char *account, const char *user, long long now,
                  rt_error *err);

#endif
