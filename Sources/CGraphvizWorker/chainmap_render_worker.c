/* The render worker: Graphviz layout and rendering in a child process.
 *
 * Why a child: Graphviz 2.42/2.43's dot layout leaks with clusters, and the leaked blocks are
 * unreachable before dot_layout returns, so no caller can free them:
 *   - lib/dotgen/rank.c, cleanup1(): resets the fast-graph edge lists but never frees the
 *     SLACKNODE virtual nodes and the make_aux_edge edges that class1.c interclust1() makes
 *     for every edge between clusters (about 55% of the growth on our maps);
 *   - lib/dotgen/cluster.c, remove_rankleaders() and map_path(): delete_fast_node /
 *     delete_fast_edge unlink cluster rank leaders and replaced virtual edges without freeing
 *     them; dotinit.c dot_cleanup() only frees what is still on GD_nlist.
 * The parent (GraphvizRenderer) replaces the worker when its memory has grown by a budget, so
 * the parent stays flat and the worker is bounded. A Graphviz crash ends the worker, not the
 * caller.
 *
 * How it starts: no fork. The parent is a multithreaded Swift process, and a fork copies only
 * the forking thread: any lock another thread held (malloc's, pango's font map, the Swift
 * runtime's) stays locked in the child forever. So the parent posix_spawns its own executable
 * (/proc/self/exe) with CHAINMAP_RENDER_WORKER=<fd>:<parent pid> in the environment and the
 * worker's end of a socket pair at that descriptor. The constructor at the end of this file
 * runs in every executable that links this target (the chainmap CLI, the test runner, a
 * library user's program) before Swift's main: when the variable names its parent, it serves
 * renders on the socket and _exits, so the program's own main never runs in a worker. A fresh
 * exec has a fresh heap, one thread and its own Graphviz context.
 *
 * Protocol on one AF_UNIX stream socket: the worker first sends the 4 bytes "CMW1" (ready);
 * then, one request at a time (the caller serialises), the parent sends a request header and
 * the DOT, layout and format bytes, and the worker answers with a reply header, Graphviz's
 * messages and the rendered bytes. */

#define _GNU_SOURCE 1
#include "chainmap_render_worker.h"

#include <graphviz/gvc.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <spawn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif
#if defined(__APPLE__)
#include <crt_externs.h>
#include <mach-o/dyld.h>
#define chainmap_environ (*_NSGetEnviron())
#else
extern char **environ;
#define chainmap_environ environ
#endif

#define CHAINMAP_WORKER_VARIABLE "CHAINMAP_RENDER_WORKER"
#define CHAINMAP_WORKER_FD 3
#define CHAINMAP_WORKER_ARGV0 "chainmap-render-worker"
static const char chainmap_ready[4] = { 'C', 'M', 'W', '1' };
/* How long the parent waits for a new worker to say it is ready (exec, dynamic loading and
 * gvContext take tens of milliseconds; a loaded 2-core machine may take seconds). */
#define CHAINMAP_READY_TIMEOUT_MS 60000

/* Exported by libcgraph (scan.l) but not declared in cgraph.h: flushes the lexer buffer.
 * agmemread leaves whatever follows the first graph in the lexer's buffer, and the next
 * parse reads it first (a second graph in one string replaces the next caller's graph;
 * trailing newlines shift line numbers). The worker calls this before every parse. */
extern void aglexbad(void);

/* ---- Deterministic parsing ------------------------------------------------------------------
 *
 * cgraph's default ID discipline uses the address of the interned name string as the ID of
 * a named node or subgraph, and subgraphs (clusters) are kept ordered by ID. In a long-lived
 * process the heap reuses freed blocks in varying order, so the same DOT laid out twice gave
 * different cluster orders and different pictures. This discipline declines to map names,
 * so cgraph gives every object the next sequential ID and keeps the name in its internal
 * map: IDs follow the order of first appearance in the DOT text, every time. */

typedef struct { IDTYPE counter; } chainmap_id_state;

static void *chainmap_id_open(Agraph_t *g, Agdisc_t *disc) {
    (void)g; (void)disc;
    chainmap_id_state *state = (chainmap_id_state *)malloc(sizeof(chainmap_id_state));
    if (state) state->counter = 1;
    return state;
}

static long chainmap_id_map(void *state, int objtype, char *str, IDTYPE *id, int createflag) {
    (void)objtype;
    chainmap_id_state *s = (chainmap_id_state *)state;
    if (str || !s) return 0; /* names: let cgraph's internal map keep them */
    if (createflag) { *id = s->counter; s->counter += 2; return 1; }
    return 0;
}

static long chainmap_id_alloc(void *state, int objtype, IDTYPE id) {
    (void)state; (void)objtype; (void)id;
    return 0; /* no client-chosen IDs */
}

static void chainmap_id_free(void *state, int objtype, IDTYPE id) { (void)state; (void)objtype; (void)id; }

static char *chainmap_id_print(void *state, int objtype, IDTYPE id) {
    (void)state; (void)objtype; (void)id;
    return NULL; /* names come from the internal map */
}

static void chainmap_id_close(void *state) { free(state); }

static void chainmap_id_register(void *state, int objtype, void *obj) { (void)state; (void)objtype; (void)obj; }

typedef struct { const char *data; size_t length; size_t cursor; } chainmap_reader;

/* Reads one line at a time, like cgraph's own memory reader (the lexer counts lines). */
static int chainmap_read(void *chan, char *buf, int bufsize) {
    chainmap_reader *r = (chainmap_reader *)chan;
    if (bufsize <= 0 || r->cursor >= r->length) return 0;
    int n = 0;
    char c;
    do {
        c = r->data[r->cursor++];
        buf[n++] = c;
    } while (c != '\n' && n < bufsize && r->cursor < r->length);
    return n;
}

/* agmemread with the deterministic ID discipline. Returns NULL on a syntax error. */
static Agraph_t *chainmap_memread(const char *text) {
    static Agiddisc_t idDisc = {
        chainmap_id_open, chainmap_id_map, chainmap_id_alloc, chainmap_id_free,
        chainmap_id_print, chainmap_id_close, chainmap_id_register,
    };
    static Agiodisc_t ioDisc;
    ioDisc.afread = chainmap_read;
    ioDisc.putstr = AgIoDisc.putstr;
    ioDisc.flush = AgIoDisc.flush;
    Agdisc_t disc;
    disc.mem = &AgMemDisc;
    disc.id = &idDisc;
    disc.io = &ioDisc;
    chainmap_reader reader = { text, strlen(text), 0 };
    return agread(&reader, &disc);
}

/* ---- Socket I/O (both sides) ---------------------------------------------------------------- */

typedef struct {
    uint64_t dot_length;
    uint32_t layout_length;
    uint32_t format_length;
} chainmap_request_header;

#if defined(MSG_NOSIGNAL)
#define CHAINMAP_SEND_FLAGS MSG_NOSIGNAL
#else
#define CHAINMAP_SEND_FLAGS 0
#endif

/* Sends all bytes; 0 on success, -1 with errno set. Never raises SIGPIPE. */
static int chainmap_send_all(int fd, const void *bytes, size_t length) {
    const char *p = (const char *)bytes;
    while (length > 0) {
        ssize_t n = send(fd, p, length, CHAINMAP_SEND_FLAGS);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        p += n;
        length -= (size_t)n;
    }
    return 0;
}

/* Receives exactly `length` bytes: 0 on success, 1 on end of stream before the first byte,
 * -1 on an error or an end of stream in the middle (errno set; EPIPE for the latter). */
static int chainmap_recv_all(int fd, void *bytes, size_t length) {
    char *p = (char *)bytes;
    size_t got = 0;
    while (got < length) {
        ssize_t n = recv(fd, p + got, length - got, 0);
        if (n < 0) {
            if (errno == EINTR) continue;
            return -1;
        }
        if (n == 0) {
            if (got == 0) return 1;
            errno = EPIPE;
            return -1;
        }
        got += (size_t)n;
    }
    return 0;
}

/* ---- The worker (child) --------------------------------------------------------------------- */

static int64_t chainmap_resident_bytes(void) {
#if defined(__linux__)
    FILE *f = fopen("/proc/self/statm", "r");
    if (f) {
        long size = 0, resident = 0;
        int ok = fscanf(f, "%ld %ld", &size, &resident) == 2;
        fclose(f);
        if (ok) return (int64_t)resident * (int64_t)sysconf(_SC_PAGESIZE);
    }
    return -1;
#else
    struct rusage usage;
    if (getrusage(RUSAGE_SELF, &usage) != 0) return -1;
#if defined(__APPLE__)
    return (int64_t)usage.ru_maxrss;        /* bytes; the peak, which only grows */
#else
    return (int64_t)usage.ru_maxrss * 1024; /* KiB */
#endif
#endif
}

/* Graphviz messages collected since the last reset. */
static struct { char *text; size_t length; } chainmap_messages;

static int chainmap_worker_sink(char *text) {
    if (!text) return 0;
    size_t n = strlen(text);
    char *grown = (char *)realloc(chainmap_messages.text, chainmap_messages.length + n + 1);
    if (!grown) return 0;
    memcpy(grown + chainmap_messages.length, text, n + 1);
    chainmap_messages.text = grown;
    chainmap_messages.length += n;
    return 0;
}

static void chainmap_worker_reset_messages(void) {
    free(chainmap_messages.text);
    chainmap_messages.text = NULL;
    chainmap_messages.length = 0;
    agreseterrors();
}

/* Lays out and renders one request; fills `reply` (data malloc'd by Graphviz). */
static void chainmap_worker_render_one(GVC_t *gvc, const char *dot, const char *layout, const char *format,
                                       chainmap_reply_header *reply, char **data) {
    chainmap_worker_reset_messages();
    /* Flush what a previous parse left in the lexer and restart the line count. */
    aglexbad();
    agreadline(1);
    Agraph_t *graph = chainmap_memread(dot);
    if (!graph) { reply->status = 1; return; }
    if (gvLayout(gvc, graph, layout) != 0) {
        gvFreeLayout(gvc, graph);
        agclose(graph);
        reply->status = 2;
        return;
    }
    char *rendered = NULL;
    unsigned int length = 0;
    if (gvRenderData(gvc, graph, format, &rendered, &length) != 0 || !rendered) {
        if (rendered) gvFreeRenderData(rendered);
        reply->status = 3;
    } else {
        reply->status = 0;
        reply->data_length = length;
        *data = rendered;
    }
    gvFreeLayout(gvc, graph);
    agclose(graph);
}

static void chainmap_worker_serve(GVC_t *gvc, int fd) {
    for (;;) {
        chainmap_request_header request;
        int got = chainmap_recv_all(fd, &request, sizeof request);
        if (got == 1) _exit(0); /* the parent closed the socket */
        if (got != 0) _exit(3);
        chainmap_reply_header reply;
        memset(&reply, 0, sizeof reply);
        char *rendered = NULL;
        char *text = NULL;
        if (request.layout_length > 256 || request.format_length > 256 || request.dot_length > ((uint64_t)1 << 40)) {
            reply.status = 4;
        } else {
            size_t total = (size_t)request.dot_length + request.layout_length + request.format_length + 3;
            text = (char *)malloc(total);
            if (!text) _exit(4);
            char *dot = text;
            char *layout = dot + request.dot_length + 1;
            char *format = layout + request.layout_length + 1;
            if (chainmap_recv_all(fd, dot, (size_t)request.dot_length) != 0
                || chainmap_recv_all(fd, layout, request.layout_length) != 0
                || chainmap_recv_all(fd, format, request.format_length) != 0) _exit(3);
            dot[request.dot_length] = 0;
            layout[request.layout_length] = 0;
            format[request.format_length] = 0;
            chainmap_worker_render_one(gvc, dot, layout, format, &reply, &rendered);
        }
        reply.messages_length = chainmap_messages.length;
        reply.resident_bytes = chainmap_resident_bytes();
        if (chainmap_send_all(fd, &reply, sizeof reply) != 0
            || chainmap_send_all(fd, chainmap_messages.text ? chainmap_messages.text : "",
                                 (size_t)reply.messages_length) != 0
            || chainmap_send_all(fd, rendered ? rendered : "", (size_t)reply.data_length) != 0) _exit(3);
        if (rendered) gvFreeRenderData(rendered);
        free(text);
        chainmap_worker_reset_messages();
    }
}

/* Reads "<fd>:<parent pid>"; 0 when the value names this process's parent. */
static int chainmap_worker_parse(const char *value, int *fd) {
    char *end = NULL;
    errno = 0;
    long descriptor = strtol(value, &end, 10);
    if (errno || end == value || *end != ':' || descriptor < 0 || descriptor > 1 << 20) return -1;
    const char *rest = end + 1;
    long parent = strtol(rest, &end, 10);
    if (errno || end == rest || *end != 0) return -1;
    if ((pid_t)parent != getppid()) return -1;
    *fd = (int)descriptor;
    return 0;
}

/* Runs before main in every executable that links this target. Does nothing unless this
 * process was started as a render worker by chainmap_worker_start; then it never returns.
 * glibc and dyld pass the main program's constructors argc, argv and envp. */
#if defined(__GLIBC__) || defined(__APPLE__)
#define CHAINMAP_CONSTRUCTOR_HAS_ARGV 1
#endif
__attribute__((constructor)) static void chainmap_worker_entry(int argc, char **argv, char **envp) {
    (void)envp;
    const char *value = getenv(CHAINMAP_WORKER_VARIABLE);
    if (!value) return;
    int fd = -1;
    int mine = chainmap_worker_parse(value, &fd) == 0;
    /* Not passed on to anything this process might start. */
    unsetenv(CHAINMAP_WORKER_VARIABLE);
#if defined(CHAINMAP_CONSTRUCTOR_HAS_ARGV)
    int spawned = argc >= 1 && argv && argv[0] && strcmp(argv[0], CHAINMAP_WORKER_ARGV0) == 0;
    /* Started as a worker, but the parent is gone already (the variable names another pid):
     * never fall through to the program's own main. */
    if (spawned && !mine) _exit(0);
#else
    (void)argc; (void)argv;
#endif
    /* A stray variable in a user's environment (another parent) is ignored: the program runs
     * as usual. */
    if (!mine) return;
    struct stat info;
    if (fstat(fd, &info) != 0 || !S_ISSOCK(info.st_mode)) _exit(5);
    /* Default crash signals: a Graphviz crash ends the worker at once (the parent reports the
     * signal) instead of running a crash handler a runtime library installed while loading. */
    const int defaults[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGINT, SIGTERM, SIGHUP, SIGPIPE };
    for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++) signal(defaults[i], SIG_DFL);
#if !(defined(__linux__) && defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34)))
    /* No posix_spawn_file_actions_addclosefrom_np: close what the parent left open here. */
    for (int other = 3; other < 65536; other++) if (other != fd) close(other);
#endif
    GVC_t *gvc = gvContext();
    if (!gvc) _exit(6);
    agseterr(AGWARN);
    agseterrf(chainmap_worker_sink);
    if (chainmap_send_all(fd, chainmap_ready, sizeof chainmap_ready) != 0) _exit(3);
    chainmap_worker_serve(gvc, fd);
    _exit(0);
}

/* ---- The parent's side ---------------------------------------------------------------------- */

/* The running worker, so a normal exit of the parent can reap it instead of leaving an orphan
 * for init (which, as pid 1 of a container, may never reap it). Only GraphvizRenderer calls
 * the functions below, behind its lock. */
static struct { pid_t pid; int registered; } chainmap_current_worker;

static void chainmap_worker_reap_at_exit(void) {
    if (chainmap_current_worker.pid > 0) {
        kill(chainmap_current_worker.pid, SIGKILL);
        while (waitpid(chainmap_current_worker.pid, NULL, 0) < 0 && errno == EINTR) {}
        chainmap_current_worker.pid = 0;
    }
}

/* The environment for a worker: this process's, with the worker variable set and Swift's
 * crash backtracer off (a Graphviz crash should end the worker at once). malloc'd. */
static char **chainmap_worker_environment(int fd, char *variable, size_t variable_size) {
    snprintf(variable, variable_size, "%s=%d:%ld", CHAINMAP_WORKER_VARIABLE, fd, (long)getpid());
    size_t count = 0;
    for (char **e = chainmap_environ; e && *e; e++) count++;
    char **env = (char **)malloc((count + 3) * sizeof(char *));
    if (!env) return NULL;
    size_t n = 0;
    for (char **e = chainmap_environ; e && *e; e++) {
        if (strncmp(*e, CHAINMAP_WORKER_VARIABLE "=", sizeof CHAINMAP_WORKER_VARIABLE) == 0) continue;
        if (strncmp(*e, "SWIFT_BACKTRACE=", 16) == 0) continue;
        env[n++] = *e;
    }
    env[n++] = variable;
    env[n++] = (char *)"SWIFT_BACKTRACE=enable=no";
    env[n] = NULL;
    return env;
}

static int chainmap_executable_path(char *path, size_t size) {
#if defined(__APPLE__)
    uint32_t length = (uint32_t)size;
    return _NSGetExecutablePath(path, &length) == 0 ? 0 : ENAMETOOLONG;
#else
    snprintf(path, size, "/proc/self/exe");
    return 0;
#endif
}

/* Waits for the worker's "ready"; 0, or an errno value. */
static int chainmap_worker_await_ready(int fd) {
    struct pollfd p = { fd, POLLIN, 0 };
    int rc;
    do { rc = poll(&p, 1, CHAINMAP_READY_TIMEOUT_MS); } while (rc < 0 && errno == EINTR);
    if (rc < 0) return errno;
    if (rc == 0) return ETIMEDOUT;
    char hello[sizeof chainmap_ready];
    int got = chainmap_recv_all(fd, hello, sizeof hello);
    if (got != 0) return got == 1 ? EPIPE : errno;
    return memcmp(hello, chainmap_ready, sizeof hello) == 0 ? 0 : EPROTO;
}

int chainmap_worker_start(int *parent_fd, pid_t *child_pid) {
    int fds[2];
#if defined(SOCK_CLOEXEC)
    if (socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, fds) != 0) return errno;
#else
    if (socketpair(AF_UNIX, SOCK_STREAM, 0, fds) != 0) return errno;
    fcntl(fds[0], F_SETFD, FD_CLOEXEC);
    fcntl(fds[1], F_SETFD, FD_CLOEXEC);
#endif
#if defined(SO_NOSIGPIPE)
    int on = 1;
    setsockopt(fds[0], SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof on);
    setsockopt(fds[1], SOL_SOCKET, SO_NOSIGPIPE, &on, sizeof on);
#endif
    /* The worker's end goes to descriptor 3 in the worker. dup2 onto itself would keep its
     * close-on-exec flag, so move it off 3 first (still close-on-exec here). */
    if (fds[1] == CHAINMAP_WORKER_FD) {
        int moved = fcntl(fds[1], F_DUPFD_CLOEXEC, CHAINMAP_WORKER_FD + 1);
        if (moved < 0) {
            int saved = errno;
            close(fds[0]);
            close(fds[1]);
            return saved;
        }
        close(fds[1]);
        fds[1] = moved;
    }
    char path[4096];
    char variable[96];
    int rc = chainmap_executable_path(path, sizeof path);
    char **env = rc == 0 ? chainmap_worker_environment(CHAINMAP_WORKER_FD, variable, sizeof variable) : NULL;
    if (rc == 0 && !env) rc = ENOMEM;

    posix_spawn_file_actions_t actions;
    posix_spawnattr_t attributes;
    int have_actions = 0, have_attributes = 0;
    if (rc == 0) rc = posix_spawn_file_actions_init(&actions);
    if (rc == 0) { have_actions = 1; rc = posix_spawn_file_actions_adddup2(&actions, fds[1], CHAINMAP_WORKER_FD); }
#if defined(__linux__) && defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
    if (rc == 0) rc = posix_spawn_file_actions_addclosefrom_np(&actions, CHAINMAP_WORKER_FD + 1);
#endif
    if (rc == 0) rc = posix_spawnattr_init(&attributes);
    if (rc == 0) {
        have_attributes = 1;
        /* Own process group, so a terminal's Ctrl-C reaches the parent, which decides; no
         * blocked signals; default dispositions for the signals the parent may ignore. */
        sigset_t none, defaults;
        sigemptyset(&none);
        sigemptyset(&defaults);
        const int list[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGINT, SIGTERM, SIGHUP, SIGPIPE };
        for (size_t i = 0; i < sizeof list / sizeof list[0]; i++) sigaddset(&defaults, list[i]);
        rc = posix_spawnattr_setflags(&attributes, POSIX_SPAWN_SETPGROUP | POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF);
        if (rc == 0) rc = posix_spawnattr_setpgroup(&attributes, 0);
        if (rc == 0) rc = posix_spawnattr_setsigmask(&attributes, &none);
        if (rc == 0) rc = posix_spawnattr_setsigdefault(&attributes, &defaults);
    }
    pid_t pid = -1;
    if (rc == 0) {
        char *argv[] = { (char *)CHAINMAP_WORKER_ARGV0, NULL };
        rc = posix_spawn(&pid, path, &actions, &attributes, argv, env);
    }
    if (have_actions) posix_spawn_file_actions_destroy(&actions);
    if (have_attributes) posix_spawnattr_destroy(&attributes);
    free(env);
    close(fds[1]);
    if (rc != 0) {
        close(fds[0]);
        return rc;
    }
    chainmap_current_worker.pid = pid;
    if (!chainmap_current_worker.registered) chainmap_current_worker.registered = atexit(chainmap_worker_reap_at_exit) == 0;
    rc = chainmap_worker_await_ready(fds[0]);
    if (rc != 0) {
        chainmap_worker_stop(fds[0], pid, 1);
        return rc;
    }
    *parent_fd = fds[0];
    *child_pid = pid;
    return 0;
}

int chainmap_worker_render(int fd, const char *dot, size_t dot_length, const char *layout, const char *format,
                           chainmap_reply *reply) {
    memset(reply, 0, sizeof *reply);
    chainmap_request_header request;
    request.dot_length = dot_length;
    request.layout_length = (uint32_t)strlen(layout);
    request.format_length = (uint32_t)strlen(format);
    if (chainmap_send_all(fd, &request, sizeof request) != 0
        || chainmap_send_all(fd, dot, dot_length) != 0
        || chainmap_send_all(fd, layout, request.layout_length) != 0
        || chainmap_send_all(fd, format, request.format_length) != 0) return errno ? errno : EIO;
    int got = chainmap_recv_all(fd, &reply->header, sizeof reply->header);
    if (got != 0) return got == 1 ? EPIPE : (errno ? errno : EIO);
    reply->messages = (char *)malloc((size_t)reply->header.messages_length + 1);
    reply->data = (char *)malloc((size_t)reply->header.data_length + 1);
    if (!reply->messages || !reply->data) {
        free(reply->messages);
        free(reply->data);
        reply->messages = reply->data = NULL;
        return ENOMEM;
    }
    if (chainmap_recv_all(fd, reply->messages, (size_t)reply->header.messages_length) != 0
        || chainmap_recv_all(fd, reply->data, (size_t)reply->header.data_length) != 0) {
        free(reply->messages);
        free(reply->data);
        reply->messages = reply->data = NULL;
        return EPIPE;
    }
    reply->messages[reply->header.messages_length] = 0;
    return 0;
}

int chainmap_worker_stop(int fd, pid_t pid, int kill_first) {
    if (chainmap_current_worker.pid == pid) chainmap_current_worker.pid = 0;
    close(fd);
    int status = 0;
    pid_t done;
    do { done = waitpid(pid, &status, kill_first ? WNOHANG : 0); } while (done < 0 && errno == EINTR);
    /* A worker that crashed closes its socket while it exits, a moment before it can be
     * reaped: give it up to 250 ms, so its own signal is reported rather than our SIGKILL. */
    for (int i = 0; kill_first && done == 0 && i < 50; i++) {
        usleep(5000);
        do { done = waitpid(pid, &status, WNOHANG); } while (done < 0 && errno == EINTR);
    }
    if (kill_first && done == 0) {
        kill(pid, SIGKILL);
        do { done = waitpid(pid, &status, 0); } while (done < 0 && errno == EINTR);
    }
    return done == pid ? status : -1;
}
