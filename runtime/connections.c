/* connections.c - read the connections file and check one connection.
 *
 * The file is YAML, read by the model's reader into the same generic tree
 * and checked with the same field helpers, so its errors look like a
 * model's: FILE:LINE:COL, the line, a caret, "did you mean". */
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "connections.h"
#include "file_read.h"
#include "model_fields.h"

/* A connections file is a few lines; this is only a guard. */
enum { MAX_FILE_BYTES = 1024 * 1024 };

typedef struct dialect_fields {
    const char *dialect;
    const char *const *known;
    uint32_t nknown;
    const char *const *required;
    uint32_t nrequired;
} dialect_fields;

static const char *const pg_known[] = {"dialect", "conninfo", "password_env"};
static const char *const pg_required[] = {"conninfo"};
static const char *const sf_known[] = {
    "dialect", "account", "user", "role", "warehouse", "database", "schema",
    "private_key_file", "private_key_passphrase_env", "base_url"};
static const char *const sf_required[] = {"account", "user", "warehouse", "private_key_file"};
static const char *const dbx_known[] = {"dialect", "host", "warehouse_id", "catalog", "schema",
                                        "token_env", "token_file", "base_url"};
static const char *const dbx_required[] = {"host", "warehouse_id"};

#define COUNT(a) (uint32_t)(sizeof a / sizeof *a)
static const dialect_fields dialects[] = {
    {"postgres", pg_known, COUNT(pg_known), pg_required, COUNT(pg_required)},
    {"snowflake", sf_known, COUNT(sf_known), sf_required, COUNT(sf_required)},
    {"databricks", dbx_known, COUNT(dbx_known), dbx_required, COUNT(dbx_required)},
};

const char *rt_connections_default_path(casc_arena *a, casc_strbuf *err)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    casc_strbuf sb = CASC_STRBUF_INIT;
    /* The XDG spec: a relative XDG_CONFIG_HOME is invalid and ignored. */
    if (xdg && xdg[0] == '/')
        casc_sb_printf(&sb, "%s/casc/connections.yaml", xdg);
    else if (home && home[0])
        casc_sb_printf(&sb, "%s/.config/casc/connections.yaml", home);
    else
        casc_sb_puts(err, "casc: error: neither XDG_CONFIG_HOME nor HOME is set, so there is no "
                          "default connections file; give --connections FILE\n");
    const char *path = sb.len ? casc_arena_strndup(a, casc_sb_str(&sb), sb.len) : NULL;
    casc_sb_free(&sb);
    return path;
}

/* A value written as a string, or as a number (a warehouse id of digits). */
static const char *text_field(casc_mf *f, const casc_mnode *map, const char *path,
                              const char *key, bool required)
{
    const casc_mnode *v = casc_mf_get(map, key);
    if (v && v->kind == CASC_MN_NUMBER)
        return v->text;
    v = casc_mf_string(f, map, path, key, required);
    return v ? v->text : NULL;
}

/* A path from the file: ~/ is the home directory; a relative one is
 * relative to the file's directory. */
static const char *file_path(casc_arena *a, const char *file, const char *p)
{
    if (!p)
        return NULL;
    const char *home = getenv("HOME");
    casc_strbuf sb = CASC_STRBUF_INIT;
    if (p[0] == '~' && p[1] == '/' && home)
        casc_sb_printf(&sb, "%s%s", home, p + 1);
    else if (p[0] != '/' && strrchr(file, '/'))
        casc_sb_printf(&sb, "%.*s%s", (int)(strrchr(file, '/') - file + 1), file, p);
    else
        casc_sb_puts(&sb, p);
    const char *out = casc_arena_strndup(a, casc_sb_str(&sb), sb.len);
    casc_sb_free(&sb);
    return out;
}

/* The connection's fields into c, checked for its dialect. */
static void read_connection(casc_mf *f, const casc_mnode *map, const char *path,
                            rt_connection *c)
{
    const casc_mnode *d = casc_mf_string(f, map, path, "dialect", true);
    const dialect_fields *df = NULL;
    for (size_t i = 0; d && i < sizeof dialects / sizeof *dialects; i++)
        if (strcmp(d->text, dialects[i].dialect) == 0)
            df = &dialects[i];
    if (!df) {
        if (d)
            casc_mf_error(f, d, "%s: unknown dialect '%s' (expected postgres, snowflake or "
                          "databricks)", casc_mf_path(f, path, "dialect"),
                          casc_mf_show(f, d->text, d->len));
        return;
    }
    c->dialect = df->dialect;
    casc_mf_check_fields(f, map, path, df->known, df->nknown);
    for (uint32_t i = 0; i < df->nrequired; i++)
        text_field(f, map, path, df->required[i], true);
    casc_arena *a = f->cx->arena;
    struct {
        const char **dst;
        const char *key;
        bool is_path;
    } fields[] = {
        {&c->conninfo, "conninfo", false}, {&c->password_env, "password_env", false},
        {&c->account, "account", false}, {&c->user, "user", false}, {&c->role, "role", false},
        {&c->warehouse, "warehouse", false}, {&c->database, "database", false},
        {&c->private_key_file, "private_key_file", true},
        {&c->private_key_passphrase_env, "private_key_passphrase_env", false},
        {&c->host, "host", false}, {&c->warehouse_id, "warehouse_id", false},
        {&c->catalog, "catalog", false}, {&c->token_env, "token_env", false},
        {&c->token_file, "token_file", true}, {&c->schema, "schema", false},
        {&c->base_url, "base_url", false},
    };
    for (size_t i = 0; i < sizeof fields / sizeof *fields; i++) {
        /* Fields of other dialects were reported unknown above. */
        const char *v = text_field(f, map, path, fields[i].key, false);
        *fields[i].dst = fields[i].is_path ? file_path(a, c->file, v) : v;
    }
    if (df->dialect == dialects[2].dialect && !c->token_env == !c->token_file)
        casc_mf_error(f, map, "%s: give the token as token_env (an environment variable) or "
                      "token_file (a file only you can read), one of them", path);
}

/* The map of connection name, or NULL after an error that lists them. */
static const casc_mnode *find_connection(casc_mf *f, const casc_mnode *conns, const char *name)
{
    enum { MAX_LISTED = 64 };
    const char *names[MAX_LISTED];
    uint32_t n = 0;
    for (uint32_t i = 0; i + 1 < conns->nkids; i += 2) {
        const casc_mnode *k = conns->kids[i];
        if (k->kind != CASC_MN_STRING)
            continue;
        if (strcmp(k->text, name) == 0)
            return casc_mf_as_map(f, conns->kids[i + 1], casc_mf_path(f, "connections", k->text));
        if (n < MAX_LISTED)
            names[n++] = k->text;
    }
    casc_strbuf sb = CASC_STRBUF_INIT;
    for (uint32_t i = 0; i < n; i++)
        casc_sb_printf(&sb, "%s'%s'", i ? ", " : "", casc_mf_show(f, names[i], strlen(names[i])));
    casc_mf_error(f, NULL, "no connection named '%s' (%s%s)", casc_mf_show(f, name, strlen(name)),
                  n ? "the file has " : "the file has none", casc_sb_str(&sb));
    casc_sb_free(&sb);
    return NULL;
}

const rt_connection *rt_connection_load(casc_arena *a, const char *path, const char *name,
                                        casc_strbuf *err)
{
    bool is_default = !path;
    if (is_default && !(path = rt_connections_default_path(a, err)))
        return NULL;
    struct stat st;
    if (is_default && stat(path, &st) != 0) {
        casc_sb_printf(err, "%s: error: no connections file; create it (docs/runtime.md) or "
                       "give --connections FILE\n", path);
        return NULL;
    }
    casc_diags d;
    casc_diags_init(&d, a);
    casc_source *src = casc_arena_alloc(a, sizeof *src);
    rt_connection *c = casc_arena_alloc(a, sizeof *c);
    const rt_connection *result = NULL;
    if (src && c && casc_file_read(path, path, MAX_FILE_BYTES, "connections file", src, &d)) {
        casc_mtree_ctx cx = {a, src, &d, 0, CASC_MODEL_MAX_DEPTH};
        casc_mf f = {&cx, 0};
        const casc_mnode *root = casc_model_yaml_tree(&cx);
        const casc_mnode *conns = NULL, *map = NULL;
        if (root && casc_mf_as_map(&f, root, "the connections file")) {
            static const char *const top[] = {"connections"};
            casc_mf_check_fields(&f, root, "", top, 1);
            conns = casc_mf_map(&f, root, "", "connections", true);
        }
        if (conns && (map = find_connection(&f, conns, name))) {
            c->name = casc_arena_strndup(a, name, strlen(name));
            c->file = path;
            read_connection(&f, map, casc_mf_path(&f, "connections", name), c);
        }
        if (map && d.nerrors == 0 && !casc_arena_failed(a))
            result = c;
    }
    if (!result && !d.head)
        casc_sb_puts(err, "casc: error: out of memory\n");
    casc_diags_render(&d, err);
    /* The source text stays in the file reader's heap block until here. */
    if (src)
        casc_file_free(src);
    return result;
}
