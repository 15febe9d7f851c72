#ifndef CHAINMAP_RENDER_WORKER_H
#define CHAINMAP_RENDER_WORKER_H

/* The render worker: Graphviz layout and rendering in a child process (see
 * chainmap_render_worker.c for why and how). This header is the parent's side only: start a
 * worker, send it one request at a time, stop it. GraphvizRenderer (ChainRender) is its one
 * caller and serialises every call behind one lock. */

#include <stddef.h>
#include <stdint.h>
#include <sys/types.h>
#include <sys/wait.h>

/* status: 0 rendered, 1 syntax error, 2 layout failed, 3 render failed, 4 bad request. */
typedef struct {
    int32_t status;
    int32_t reserved;
    uint64_t messages_length;
    uint64_t data_length;
    int64_t resident_bytes; /* the worker's resident memory after this render, -1 if unknown */
} chainmap_reply_header;

typedef struct {
    chainmap_reply_header header;
    char *messages; /* malloc'd, NUL-terminated; free with free() */
    char *data;     /* malloc'd; free with free() */
} chainmap_reply;

/* Starts a render worker: posix_spawn of this process's own executable, which the worker's
 * constructor turns into a render loop before main runs. On success returns 0 and sets the
 * parent's socket (close-on-exec) and the worker's pid, once the worker has said it is ready;
 * otherwise returns an errno value (ETIMEDOUT: the executable did not become a worker, for
 * instance because it does not link ChainRender). */
int chainmap_worker_start(int *parent_fd, pid_t *child_pid);

/* Sends one render request and reads the reply. Returns 0 on success, otherwise an errno
 * value (EPIPE when the worker ended mid-reply, as it does when Graphviz crashes). */
int chainmap_worker_render(int fd, const char *dot, size_t dot_length, const char *layout, const char *format,
                           chainmap_reply *reply);

/* Ends a worker: closes the socket (the worker exits at end of stream) and reaps it. With
 * `kill_first` the worker is killed first (for one in an unknown state). Returns the wait
 * status, or -1 if it could not be read (for instance SIGCHLD is ignored). */
int chainmap_worker_stop(int fd, pid_t pid, int kill_first);

static inline int chainmap_status_signaled(int status) { return status != -1 && WIFSIGNALED(status); }
static inline int chainmap_status_signal(int status) { return WTERMSIG(status); }
static inline int chainmap_status_exited(int status) { return status != -1 && WIFEXITED(status); }
static inline int chainmap_status_code(int status) { return WEXITSTATUS(status); }

#endif
