/* secret.c - read secrets from the environment or from private files. */
#include <errno.h>
#include <fcntl.h>
#include <openssl/crypto.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "secret.h"

/* Keys and tokens are a few kilobytes at most. */
enum { MAX_SECRET_BYTES = 64 * 1024 };

const char *rt_secret_env(const char *var, const char *what, rt_error *err)
{
    const char *v = getenv(var);
    if (!v || !*v) {
        rt_fail(err, RT_ERR_CONFIG, "%s is read from the environment variable %s, which is %s; "
                "set it (export %s=...) before running casc", what, var, v ? "empty" : "not set",
                var);
        return NULL;
    }
    return v;
}

static char *read_all(int fd, const char *path, const char *what, size_t *len, rt_error *err)
{
    struct stat st;
    if (fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        rt_fail(err, RT_ERR_CONFIG, "%s %s is not a regular file", what, path);
        return NULL;
    }
    if (st.st_mode & 077) {
        rt_fail(err, RT_ERR_CONFIG, "%s %s can be read by others (mode %04o); make it private "
                "with: chmod 600 %s", what, path, (unsigned)(st.st_mode & 07777), path);
        return NULL;
    }
    if (st.st_size > MAX_SECRET_BYTES) {
        rt_fail(err, RT_ERR_CONFIG, "%s %s is %lld bytes long; a key or token is at most %d",
                what, path, (long long)st.st_size, MAX_SECRET_BYTES);
        return NULL;
    }
    char *buf = malloc((size_t)st.st_size + 1);
    if (!buf) {
        rt_fail(err, RT_ERR_NOMEM, "out of memory");
        return NULL;
    }
    size_t n = 0;
    while (n < (size_t)st.st_size) {
        ssize_t got = read(fd, buf + n, (size_t)st.st_size - n);
        if (got < 0 && errno == EINTR)
            continue;
        if (got <= 0)
            break;
        n += (size_t)got;
    }
    while (n > 0 && strchr(" \t\r\n", buf[n - 1]))
        n--;
    buf[n] = '\0';
    *len = n;
    return buf;
}

char *rt_secret_file(const char *path, const char *what, size_t *len, rt_error *err)
{
    int fd = open(path, O_RDONLY | O_CLOEXEC);
    if (fd < 0) {
        rt_fail(err, RT_ERR_CONFIG, "cannot open %s %s: %s", what, path, strerror(errno));
        return NULL;
    }
    /* The checks are made on the open file, so it cannot be swapped after. */
    char *s = read_all(fd, path, what, len, err);
    close(fd);
    if (s && *len == 0) {
        rt_fail(err, RT_ERR_CONFIG, "%s %s is empty", what, path);
        free(s);
        return NULL;
    }
    return s;
}

void rt_secret_free(char *s, size_t len)
{
    if (!s)
        return;
    OPENSSL_cleanse(s, len);
    free(s);
}
