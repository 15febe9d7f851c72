#ifndef CHAINMAP_CGRAPHVIZ_SHIM_H
#define CHAINMAP_CGRAPHVIZ_SHIM_H

#include <graphviz/gvc.h>
#include <stdlib.h>
#include <string.h>

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

#endif
