#ifndef CHAINMAP_CGRAPHVIZ_SHIM_H
#define CHAINMAP_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <unistd.h>
#if defined(__linux__)
#include <sys/syscall.h>
#endif

/* Exported by libcgraph (scan.l) but not declared in cgraph.h: flushes the lexer buffer.
 * agmemread leaves whatever follows the first graph in the lexer's buffer, and the next
 * parse reads it first (a second graph in one string replaces the next caller's graph;
 * trailing newlines shift line numbers). GraphvizRenderer calls this before every parse. */
extern void aglexbad(void);

/* Deterministic parsing.
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
static inline Agraph_t *chainmap_memread(const char *text) {
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

/* ------------------------------------------------------------------------------------------
 * Render worker: layout and rendering in a child process.
 *
 * Why: Graphviz 2.42/2.43's dot layout leaks with clusters, and the leaked blocks are
 * unreachable before dot_layout returns, so no caller can free them:
 *   - lib/dotgen/rank.c, cleanup1(): resets the fast-graph edge lists but never frees the
 *     SLACKNODE virtual nodes and the make_aux_edge edges that class1.c interclust1() makes
 *     for every edge between clusters (about 55% of the growth on our maps);
 *   - lib/dotgen/cluster.c, remove_rankleaders() and map_path(): delete_fast_node /
 *     delete_fast_edge unlink cluster rank leaders and replaced virtual edges without freeing
 *     them; dotinit.c dot_cleanup() only frees what is still on GD_nlist.
 * A child process forked from a parent that has only loaded the plugins runs the renders; the
 * parent recycles it when its memory has grown by a budget, so the parent stays flat and the
 * child is bounded. A Graphviz crash kills the child, not the caller.
 *
 * The child runs only C (this file and Graphviz), never Swift. The parent must not have laid
 * out text before forking: pango 1.50 matches fonts on short-lived threads
 * (pangofc-fontmap.c, pango_fc_patterns_new), and a fork while one runs leaves the child
 * waiting for a result that never comes. Rendering an empty graph (to load the plugins)
 * creates no font map.
 *
 * Protocol on one AF_UNIX stream socket: the parent sends a request header and the DOT,
 * layout and format bytes; the child answers with a reply header, Graphviz's messages and the
 * rendered bytes. One request at a time (the caller serialises). */

typedef struct {
    uint64_t dot_length;
    uint32_t layout_length;
    uint32_t format_length;
} chainmap_request_header;

/* status: 0 rendered, 1 syntax error, 2 layout failed, 3 render failed, 4 bad request. */
typedef struct {
    int32_t status;
    int32_t reserved;
    uint64_t messages_length;
    uint64_t data_length;
    int64_t resident_bytes; /* the child's resident memory after this render, -1 if unknown */
} chainmap_reply_header;

typedef struct {
    chainmap_reply_header header;
    char *messages; /* malloc'd, NUL-terminated (may be NULL when empty); free with free() */
    char *data;     /* malloc'd; free with free() */
} chainmap_reply;

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

/* Graphviz messages collected since the last reset (in the child; the parent discards its own).
 * A function-local static: Swift's importer emits no storage for file-scope statics. */
typedef struct { char *text; size_t length; } chainmap_message_buffer;

static chainmap_message_buffer *chainmap_worker_messages(void) {
    static chainmap_message_buffer buffer;
    return &buffer;
}

static int chainmap_worker_sink(char *text) {
    if (!text) return 0;
    chainmap_message_buffer *buffer = chainmap_worker_messages();
    size_t n = strlen(text);
    char *grown = (char *)realloc(buffer->text, buffer->length + n + 1);
    if (!grown) return 0;
    memcpy(grown + buffer->length, text, n + 1);
    buffer->text = grown;
    buffer->length += n;
    return 0;
}

static void chainmap_worker_reset_messages(void) {
    chainmap_message_buffer *buffer = chainmap_worker_messages();
    free(buffer->text);
    buffer->text = NULL;
    buffer->length = 0;
    agreseterrors();
}

/* Lays out and renders one request in the child; fills `reply` (data malloc'd by Graphviz). */
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

static void chainmap_worker_main(GVC_t *gvc, int fd) {
    agseterrf(chainmap_worker_sink);
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
        chainmap_message_buffer *messages = chainmap_worker_messages();
        reply.messages_length = messages->length;
        reply.resident_bytes = chainmap_resident_bytes();
        if (chainmap_send_all(fd, &reply, sizeof reply) != 0
            || chainmap_send_all(fd, messages->text ? messages->text : "", (size_t)reply.messages_length) != 0
            || chainmap_send_all(fd, rendered ? rendered : "", (size_t)reply.data_length) != 0) _exit(3);
        if (rendered) gvFreeRenderData(rendered);
        free(text);
        chainmap_worker_reset_messages();
    }
}

/* Loads the layout and `format` plugins in the parent by laying out and rendering an empty
 * graph, so a worker forked later does not dlopen them. Creates no font map (no text). */
static int chainmap_preload(GVC_t *gvc, const char *layout, const char *format) {
    aglexbad();
    agreadline(1);
    Agraph_t *graph = chainmap_memread("digraph { }");
    if (!graph) return -1;
    int rc = gvLayout(gvc, graph, layout);
    if (rc == 0) {
        char *rendered = NULL;
        unsigned int length = 0;
        rc = gvRenderData(gvc, graph, format, &rendered, &length);
        if (rendered) gvFreeRenderData(rendered);
    }
    gvFreeLayout(gvc, graph);
    agclose(graph);
    chainmap_worker_reset_messages();
    return rc;
}

/* Closes every descriptor above 2 except `keep`; returns the descriptor to use (3). */
static int chainmap_worker_close_inherited(int keep) {
    if (keep != 3) {
        if (dup2(keep, 3) < 0) _exit(5);
        keep = 3;
    }
#if defined(__linux__) && defined(SYS_close_range)
    if (syscall(SYS_close_range, 4U, ~0U, 0U) == 0) return keep;
#endif
    long max = sysconf(_SC_OPEN_MAX);
    if (max < 0 || max > 65536) max = 65536;
    for (int fd = 4; fd < max; fd++) close(fd);
    return keep;
}

/* The running worker, so a normal exit of the parent can reap it instead of leaving an orphan
 * for init (which, as pid 1 of a container, may never reap it). Function-local static for the
 * same reason as the message buffer; only GraphvizRenderer.swift calls these functions. */
typedef struct { pid_t pid; int registered; } chainmap_worker_record;

static chainmap_worker_record *chainmap_current_worker(void) {
    static chainmap_worker_record record;
    return &record;
}

static void chainmap_worker_reap_at_exit(void) {
    chainmap_worker_record *record = chainmap_current_worker();
    if (record->pid > 0) {
        kill(record->pid, SIGKILL);
        while (waitpid(record->pid, NULL, 0) < 0 && errno == EINTR) {}
        record->pid = 0;
    }
}

/* Forks a render worker serving `gvc`. On success returns 0 and sets the parent's socket and
 * the child's pid; on failure returns an errno value. The parent's socket is close-on-exec. */
static int chainmap_worker_start(GVC_t *gvc, int *parent_fd, pid_t *child_pid) {
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
    pid_t pid = fork();
    if (pid < 0) {
        int saved = errno;
        close(fds[0]);
        close(fds[1]);
        return saved;
    }
    if (pid == 0) {
        /* Child: only C from here on. Own process group, so a terminal's Ctrl-C reaches the
         * parent, which decides; default crash signals, so a Graphviz crash ends the child
         * at once instead of running the parent's (Swift) crash handler. */
        setpgid(0, 0);
        const int defaults[] = { SIGSEGV, SIGBUS, SIGILL, SIGFPE, SIGABRT, SIGTRAP, SIGINT, SIGTERM, SIGHUP, SIGPIPE };
        for (size_t i = 0; i < sizeof defaults / sizeof defaults[0]; i++) signal(defaults[i], SIG_DFL);
        sigset_t none;
        sigemptyset(&none);
        sigprocmask(SIG_SETMASK, &none, NULL);
        int fd = chainmap_worker_close_inherited(fds[1]);
        chainmap_worker_main(gvc, fd);
        _exit(0);
    }
    close(fds[1]);
    *parent_fd = fds[0];
    *child_pid = pid;
    chainmap_worker_record *record = chainmap_current_worker();
    record->pid = pid;
    if (!record->registered) record->registered = atexit(chainmap_worker_reap_at_exit) == 0;
    return 0;
}

/* Sends one render request and reads the reply. Returns 0 on success, otherwise an errno
 * value (EPIPE when the worker ended mid-reply, as it does when Graphviz crashes). */
static int chainmap_worker_render(int fd, const char *dot, size_t dot_length, const char *layout,
                                  const char *format, chainmap_reply *reply) {
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

/* Ends a worker: closes the socket (the child exits at end of stream) and reaps it. When
 * `kill_first` is set the child is killed first (for a worker in an unknown state). Returns the
 * wait status, or -1 if it could not be read (for instance SIGCHLD is ignored). */
static int chainmap_worker_stop(int fd, pid_t pid, int kill_first) {
    chainmap_worker_record *record = chainmap_current_worker();
    if (record->pid == pid) record->pid = 0;
    close(fd);
    int status = 0;
    pid_t done;
    do { done = waitpid(pid, &status, kill_first ? WNOHANG : 0); } while (done < 0 && errno == EINTR);
    if (kill_first && done == 0) {
        kill(pid, SIGKILL);
        do { done = waitpid(pid, &status, 0); } while (done < 0 && errno == EINTR);
    }
    return done == pid ? status : -1;
}

static inline int chainmap_status_signaled(int status) { return status != -1 && WIFSIGNALED(status); }
static inline int chainmap_status_signal(int status) { return WTERMSIG(status); }
static inline int chainmap_status_exited(int status) { return status != -1 && WIFEXITED(status); }
static inline int chainmap_status_code(int status) { return WEXITSTATUS(status); }

#endif
