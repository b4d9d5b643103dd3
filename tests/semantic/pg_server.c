/* pg_server.c - start and stop a temporary PostgreSQL (see pg_server.h). */
#define _DEFAULT_SOURCE   /* setgroups */
#define _XOPEN_SOURCE 700 /* nftw */
#include "pg_server.h"

#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <ftw.h>
#include <grp.h>
#include <pwd.h>
#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

static char dir[64]; /* the temporary directory: data/, socket, logs */
static char bindir[256];
static char conninfo[160];
static const struct passwd *run_as; /* the postgres user when we are root */
static int watchdog_pipe = -1;      /* closing it tells the watchdog to clean up */
static pid_t watchdog;

/* The newest /usr/lib/postgresql/N/bin that has initdb, unless PG_BINDIR. */
static bool find_bindir(void)
{
    const char *env = getenv("PG_BINDIR");
    if (env && *env) {
        snprintf(bindir, sizeof bindir, "%s", env);
        return true;
    }
    DIR *d = opendir("/usr/lib/postgresql");
    int best = -1;
    for (struct dirent *e; d && (e = readdir(d));) {
        char path[300];
        int v = atoi(e->d_name);
        snprintf(path, sizeof path, "/usr/lib/postgresql/%s/bin/initdb", e->d_name);
        if (v > best && access(path, X_OK) == 0)
            best = v;
    }
    if (d)
        closedir(d);
    if (best < 0)
        return false;
    snprintf(bindir, sizeof bindir, "/usr/lib/postgresql/%d/bin", best);
    return true;
}

/* Run a server program (as the postgres user when root) with its output
 * appended to DIR/setup.log; returns its exit status. */
static int run(const char *const *argv)
{
    pid_t pid = fork();
    if (pid < 0)
        return -1;
    if (pid == 0) {
        char log[96];
        snprintf(log, sizeof log, "%s/setup.log", dir);
        if (run_as &&
            (setgroups(0, NULL) != 0 || setgid(run_as->pw_gid) != 0 || setuid(run_as->pw_uid) != 0))
            _exit(126);
        int fd = open(log, O_WRONLY | O_CREAT | O_APPEND, 0600);
        if (fd >= 0) {
            dup2(fd, 1);
            dup2(fd, 2);
        }
        /* The full path as argv[0]: initdb finds postgres beside itself. */
        char prog[300];
        const char *args[16];
        snprintf(prog, sizeof prog, "%s/%s", bindir, argv[0]);
        args[0] = prog;
        for (int i = 1; i < 16 && (args[i] = argv[i]); i++)
            ;
        execv(prog, (char *const *)args);
        _exit(127);
    }
    int status;
    while (waitpid(pid, &status, 0) < 0 && errno == EINTR)
        ;
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
}

static int remove_entry(const char *path, const struct stat *st, int flag, struct FTW *ftw)
{
    (void)st, (void)flag, (void)ftw;
    remove(path);
    return 0;
}

static void stop_and_remove(void)
{
    char data[80];
    snprintf(data, sizeof data, "%s/data", dir);
    const char *stop[] = {"pg_ctl", "-D", data, "-m", "immediate", "-w", "stop", NULL};
    if (access(data, F_OK) == 0)
        run(stop);
    nftw(dir, remove_entry, 16, FTW_DEPTH | FTW_PHYS);
}

/* The watchdog: waits until every copy of the pipe's write end is closed
 * (this process ended), then cleans up. Terminal signals are for us. */
static void start_watchdog(void)
{
    int fds[2];
    if (pipe(fds) != 0)
        return;
    watchdog = fork();
    if (watchdog == 0) {
        close(fds[1]);
        signal(SIGINT, SIG_IGN);
        signal(SIGTERM, SIG_IGN);
        signal(SIGHUP, SIG_IGN);
        char c;
        while (read(fds[0], &c, 1) != 0 && errno == EINTR)
            ;
        stop_and_remove();
        _exit(0);
    }
    close(fds[0]);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC); /* programs we run must not keep it open */
    watchdog_pipe = fds[1];
}

void pg_server_stop(void)
{
    if (watchdog_pipe < 0)
        return;
    close(watchdog_pipe);
    watchdog_pipe = -1;
    while (waitpid(watchdog, NULL, 0) < 0 && errno == EINTR)
        ;
}

static void show_log(const char *name)
{
    char path[96], line[512];
    snprintf(path, sizeof path, "%s/%s", dir, name);
    FILE *f = fopen(path, "r");
    while (f && fgets(line, sizeof line, f))
        fprintf(stderr, "  %s", line);
    if (f)
        fclose(f);
}

const char *pg_server_start(void)
{
    if (!find_bindir()) {
        fprintf(stderr, "pg_server: no PostgreSQL server found in /usr/lib/postgresql "
                        "(install the postgresql package, or set PG_BINDIR)\n");
        return NULL;
    }
    if (geteuid() == 0 && !(run_as = getpwnam("postgres"))) {
        fprintf(stderr, "pg_server: running as root needs a 'postgres' user to run the server\n");
        return NULL;
    }
    /* As root the server's user must reach the directory: /tmp, not TMPDIR. */
    const char *tmp = getenv("TMPDIR");
    snprintf(dir, sizeof dir, "%s/casc-pg-XXXXXX",
             !run_as && tmp && *tmp && strlen(tmp) < 40 ? tmp : "/tmp");
    if (!mkdtemp(dir)) {
        fprintf(stderr, "pg_server: cannot create %s: %s\n", dir, strerror(errno));
        return NULL;
    }
    if (run_as && chown(dir, run_as->pw_uid, run_as->pw_gid) != 0) {
        fprintf(stderr, "pg_server: cannot give %s to postgres: %s\n", dir, strerror(errno));
        rmdir(dir);
        return NULL;
    }
    start_watchdog();
    atexit(pg_server_stop);

    char data[80], log[80], opts[200];
    snprintf(data, sizeof data, "%s/data", dir);
    snprintf(log, sizeof log, "%s/server.log", dir);
    /* Durability is of no use to a throwaway cluster. */
    snprintf(opts, sizeof opts,
             "-k %s -c listen_addresses= -F -c full_page_writes=off -c jit=off "
             "-c max_connections=10",
             dir);
    const char *initdb[] = {"initdb",      "-D", data,   "-U",        "casc", "--auth=trust",
                            "--no-locale", "-E", "UTF8", "--no-sync", NULL};
    const char *start[] = {"pg_ctl", "-D", data, "-l", log, "-o", opts, "-w", "start", NULL};
    const char *failed = run(initdb) != 0 ? "initdb" : run(start) != 0 ? "pg_ctl start" : NULL;
    if (failed) {
        fprintf(stderr, "pg_server: %s failed (%s):\n", failed, bindir);
        show_log("setup.log");
        show_log("server.log");
        pg_server_stop();
        return NULL;
    }
    snprintf(conninfo, sizeof conninfo, "host=%s dbname=postgres user=casc", dir);
    return conninfo;
}
