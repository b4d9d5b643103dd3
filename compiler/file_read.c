/* file_read.c - whole files with a size cap, errors as diagnostics. */
#include "file_read.h"

#include <errno.h>
#include <inttypes.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "strbuf.h"

/* Diagnostics about a file carry its name and no place. The source lives
 * in the diagnostics' arena, so it outlives the read. */
static void file_error(casc_diags *d, const char *name, const char *fmt, const char *arg)
{
    casc_source *src = casc_arena_alloc(d->arena, sizeof *src);
    char *copy = casc_arena_strndup(d->arena, name, strlen(name));
    if (!src || !copy)
        return; /* the arena has failed: the caller reports out of memory */
    src->name = copy;
    src->text = "";
    casc_diag_add(d, CASC_SEV_ERROR, src, CASC_NO_SPAN, CASC_NO_SPAN, fmt, arg);
}

/* Read at most max + 1 bytes: enough for the compiler to report a text one
 * byte over its limit, without reading an endless stream (/dev/zero) or a
 * huge file into memory. *more is set when there is more than that. */
static bool read_capped(FILE *f, casc_strbuf *sb, size_t max, bool *more)
{
    char buf[65536];
    size_t n;
    *more = false;
    while (!sb->failed && sb->len <= max) {
        size_t want = max + 1 - sb->len < sizeof buf ? max + 1 - sb->len : sizeof buf;
        if ((n = fread(buf, 1, want, f)) == 0)
            break;
        casc_sb_put(sb, buf, n);
    }
    if (!sb->failed && sb->len > max && !ferror(f) && getc(f) != EOF)
        *more = true;
    return !ferror(f) && !sb->failed;
}

bool casc_stream_read(FILE *f, const char *name, size_t max, const char *what, casc_source *src,
                      casc_diags *d)
{
    *src = (casc_source){.name = name, .text = NULL, .len = 0};
    struct stat st;
    bool have_stat = fstat(fileno(f), &st) == 0;
    if (have_stat && S_ISDIR(st.st_mode)) {
        file_error(d, name, "is a directory, not a file%s", "");
        return false;
    }
    casc_strbuf sb = CASC_STRBUF_INIT;
    bool more;
    if (!read_capped(f, &sb, max, &more)) {
        file_error(d, name, "cannot read: %s", sb.failed ? "out of memory" : strerror(errno));
        casc_sb_free(&sb);
        return false;
    }
    if (more) {
        char msg[160];
        if (have_stat && S_ISREG(st.st_mode) && (uintmax_t)st.st_size > max)
            snprintf(msg, sizeof msg, "the %s is %ju bytes long", what, (uintmax_t)st.st_size);
        else
            snprintf(msg, sizeof msg, "the %s is more than %zu bytes long", what, max + 1);
        size_t n = strlen(msg);
        snprintf(msg + n, sizeof msg - n, "; the limit is %zu bytes (%zu MiB)", max, max >> 20);
        file_error(d, name, "%s", msg);
        casc_sb_free(&sb);
        return false;
    }
    char *text = sb.data ? sb.data : calloc(1, 1); /* NUL-terminated even when empty */
    if (!text) {
        file_error(d, name, "cannot read: %s", "out of memory");
        return false;
    }
    src->text = text;
    src->len = sb.len;
    return true;
}

bool casc_file_read(const char *path, const char *name, size_t max, const char *what,
                    casc_source *src, casc_diags *d)
{
    *src = (casc_source){.name = name, .text = NULL, .len = 0};
    FILE *f = fopen(path, "rb");
    if (!f) {
        file_error(d, name, "cannot open: %s", strerror(errno));
        return false;
    }
    bool ok = casc_stream_read(f, name, max, what, src, d);
    fclose(f);
    return ok;
}

void casc_file_free(casc_source *src)
{
    free((char *)src->text);
    src->text = NULL;
}
