/* jwt.c - RS256 JSON Web Tokens with OpenSSL's EVP interface. */
#include <cJSON.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>
#include <stdlib.h>
#include <string.h>

#include "jwt.h"
#include "secret.h"
#include "strbuf.h"

enum { TOKEN_SECONDS = 3600 };

/* OpenSSL asks for the passphrase of an encrypted key here; with none it
 * must fail rather than prompt on the terminal. */
static int passphrase_cb(char *buf, int size, int rwflag, void *user)
{
    (void)rwflag;
    const char *pass = user;
    int n = pass ? (int)strlen(pass) : -1;
    if (n < 0 || n > size)
        return -1;
    memcpy(buf, pass, (size_t)n);
    return n;
}

rt_key *rt_key_load(const char *path, const char *passphrase, rt_error *err)
{
    size_t len;
    char *pem = rt_secret_file(path, "the private key file", &len, err);
    if (!pem)
        return NULL;
    BIO *bio = BIO_new_mem_buf(pem, (int)len);
    EVP_PKEY *key = bio ? PEM_read_bio_PrivateKey(bio, NULL, passphrase_cb, (void *)passphrase)
                        : NULL;
    BIO_free(bio);
    bool encrypted = strstr(pem, "ENCRYPTED") != NULL;
    rt_secret_free(pem, len);
    if (!key && encrypted && !passphrase)
        rt_fail(err, RT_ERR_CONFIG, "the private key file %s is encrypted; name the environment "
                "variable that holds its passphrase with private_key_passphrase_env", path);
    else if (!key && encrypted)
        rt_fail(err, RT_ERR_CONFIG, "cannot decrypt the private key file %s: wrong passphrase?",
                path);
    else if (!key)
        rt_fail(err, RT_ERR_CONFIG, "the private key file %s is not a PEM private key (make one "
                "with: openssl genrsa 2048 | openssl pkcs8 -topk8 -inform PEM -out %s -nocrypt)",
                path, path);
    else if (EVP_PKEY_base_id(key) != EVP_PKEY_RSA) {
        rt_fail(err, RT_ERR_CONFIG, "the private key in %s is not an RSA key; Snowflake's key-pair "
                "authentication takes RSA keys", path);
        EVP_PKEY_free(key);
        key = NULL;
    }
    return key;
}

void rt_key_free(rt_key *key)
{
    EVP_PKEY_free(key);
}

/* Standard base64 of n bytes, or URL-safe without padding (RFC 7515). */
static void put_base64(casc_strbuf *out, const unsigned char *s, size_t n, bool url)
{
    unsigned char *b = malloc(4 * ((n + 2) / 3) + 1);
    if (!b) {
        out->failed = 1;
        return;
    }
    int len = EVP_EncodeBlock(b, s, (int)n);
    for (int i = 0; i < len; i++) {
        char c = (char)b[i];
        if (url && c == '=')
            break;
        casc_sb_putc(out, url && c == '+' ? '-' : url && c == '/' ? '_' : c);
    }
    free(b);
}

/* "SHA256:" and the fingerprint (jwt.h). */
static char *key_fingerprint(rt_key *key, rt_error *err)
{
    unsigned char *der = NULL, digest[EVP_MAX_MD_SIZE];
    unsigned int dlen = 0;
    int n = i2d_PUBKEY(key, &der);
    bool ok = n > 0 && EVP_Digest(der, (size_t)n, digest, &dlen, EVP_sha256(), NULL);
    OPENSSL_free(der);
    casc_strbuf sb = CASC_STRBUF_INIT;
    casc_sb_puts(&sb, "SHA256:");
    put_base64(&sb, digest, dlen, false);
    if (!ok || sb.failed) {
        casc_sb_free(&sb);
        rt_fail(err, RT_ERR_NOMEM, "cannot compute the public key's fingerprint");
        return NULL;
    }
    return sb.data;
}

/* Snowflake's account name in a token: upper case, and an account locator
 * without its region (xy12345.us-east-1 is XY12345). */
static void put_account(casc_strbuf *sb, const char *account)
{
    for (const char *p = account; *p && *p != '.'; p++)
        casc_sb_putc(sb, *p >= 'a' && *p <= 'z' ? (char)(*p - 32) : *p);
}

static void put_upper(casc_strbuf *sb, const char *s)
{
    for (; *s; s++)
        casc_sb_putc(sb, *s >= 'a' && *s <= 'z' ? (char)(*s - 32) : *s);
}

/* The signing input: base64url(header) "." base64url(claims). */
static void put_signing_input(casc_strbuf *out, const char *fingerprint, const char *account,
                              const char *user, long long now)
{
    casc_strbuf sub = CASC_STRBUF_INIT, iss = CASC_STRBUF_INIT;
    put_account(&sub, account);
    casc_sb_putc(&sub, '.');
    put_upper(&sub, user);
    casc_sb_printf(&iss, "%s.%s", casc_sb_str(&sub), fingerprint);
    cJSON *claims = cJSON_CreateObject();
    cJSON_AddStringToObject(claims, "iss", casc_sb_str(&iss));
    cJSON_AddStringToObject(claims, "sub", casc_sb_str(&sub));
    cJSON_AddNumberToObject(claims, "iat", (double)now);
    cJSON_AddNumberToObject(claims, "exp", (double)(now + TOKEN_SECONDS));
    char *text = cJSON_PrintUnformatted(claims);
    static const char header[] = "{\"alg\":\"RS256\",\"typ\":\"JWT\"}";
    put_base64(out, (const unsigned char *)header, sizeof header - 1, true);
    casc_sb_putc(out, '.');
    if (text && !sub.failed && !iss.failed)
        put_base64(out, (const unsigned char *)text, strlen(text), true);
    else
        out->failed = 1;
    cJSON_free(text);
    cJSON_Delete(claims);
    casc_sb_free(&sub);
    casc_sb_free(&iss);
}

static bool sign(rt_key *key, const char *data, size_t n, casc_strbuf *out)
{
    EVP_MD_CTX *md = EVP_MD_CTX_new();
    size_t siglen = 0;
    unsigned char *sig = NULL;
    bool ok = md && EVP_DigestSignInit(md, NULL, EVP_sha256(), NULL, key) == 1 &&
              EVP_DigestSign(md, NULL, &siglen, (const unsigned char *)data, n) == 1 &&
              (sig = malloc(siglen)) &&
              EVP_DigestSign(md, sig, &siglen, (const unsigned char *)data, n) == 1;
    if (ok)
        put_base64(out, sig, siglen, true);
    free(sig);
    EVP_MD_CTX_free(md);
    return ok;
}

char *rt_jwt_make(rt_key *key, const char *account, const char *user, long long now,
                  rt_error *err)
{
    char *fingerprint = key_fingerprint(key, err);
    if (!fingerprint)
        return NULL;
    casc_strbuf jwt = CASC_STRBUF_INIT;
    put_signing_input(&jwt, fingerprint, account, user, now);
    free(fingerprint);
    size_t n = jwt.len;
    casc_sb_putc(&jwt, '.');
    if (jwt.failed || !sign(key, jwt.data, n, &jwt) || jwt.failed) {
        casc_sb_free(&jwt);
        rt_fail(err, RT_ERR_CONFIG, "cannot sign the Snowflake token with the private key");
        return NULL;
    }
    return jwt.data;
}
