#include <graphviz/gvc.h>

/* Exported by libcgraph (scan.l) but not declared in cgraph.h: flushes the lexer buffer.
 * agmemread leaves whatever follows the first graph in the lexer's buffer, and the next
 * agmemread reads it first (a second graph in one string replaces the next caller's graph;
 * trailing newlines shift line numbers). GraphvizRenderer calls this before every parse. */
extern void aglexbad(void);
