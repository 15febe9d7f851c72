/* R-MAT edge-list generator for the peer comparison (Benchmarks/peers/compare.sh).
 *
 *   cc -O2 -o rmat rmat.c && ./rmat SCALE [EDGE_FACTOR=16] [SEED=42] [A=.57 B=.19 C=.19] > graph.txt
 *
 * Draws EDGE_FACTOR * 2^SCALE edges by recursive quadrant choice (Chakrabarti et al. 2004,
 * the Graph500 / GAPBS parameters a=.57 b=.19 c=.19 d=.05), then
 *   - permutes vertex ids with a seeded Fisher-Yates shuffle (so ids carry no structure),
 *   - drops self-loops and duplicate edges (the first occurrence is kept),
 *   - renumbers the vertices that have an edge to 0..k-1 in permuted-id order, so every
 *     library sees the same node count (isolated R-MAT vertices would otherwise count in
 *     some libraries and not in others),
 * and writes "u v" lines in generation order. Deterministic for a given seed (SplitMix64);
 * a summary goes to stderr. Scale 22 (67M draws) takes some seconds and ~1.6 GiB.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state;
static inline uint64_t next64(void) {          /* SplitMix64 */
    uint64_t z = (state += 0x9E3779B97F4A7C15ull);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ull;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBull;
    return z ^ (z >> 31);
}
static inline double unit(void) { return (double)(next64() >> 11) * 0x1.0p-53; }

int main(int argc, char **argv) {
    if (argc < 2) { fprintf(stderr, "usage: rmat SCALE [EDGE_FACTOR=16] [SEED=42] [A B C]\n"); return 2; }
    int scale = atoi(argv[1]);
    int64_t factor = argc > 2 ? atoll(argv[2]) : 16;
    uint64_t seed = argc > 3 ? strtoull(argv[3], 0, 10) : 42;
    double a = argc > 4 ? atof(argv[4]) : 0.57, b = argc > 5 ? atof(argv[5]) : 0.19, c = argc > 6 ? atof(argv[6]) : 0.19;
    if (scale < 1 || scale > 30 || factor < 1) { fprintf(stderr, "rmat: bad scale or edge factor\n"); return 2; }
    int64_t n = (int64_t)1 << scale, m = factor * n;
    state = seed;

    uint32_t *perm = malloc(n * sizeof *perm);
    for (int64_t i = 0; i < n; i++) perm[i] = (uint32_t)i;
    for (int64_t i = n - 1; i > 0; i--) {
        int64_t j = (int64_t)(next64() % (uint64_t)(i + 1));
        uint32_t t = perm[i]; perm[i] = perm[j]; perm[j] = t;
    }

    /* Open-addressing set of edge keys (u << 32 | v) + 1, at most half full. */
    int64_t cap = 1; while (cap < 2 * m) cap <<= 1;
    uint64_t *set = calloc(cap, sizeof *set);
    uint64_t *kept = malloc(m * sizeof *kept);
    int64_t k = 0, loops = 0, dups = 0;
    double ab = a + b, abc = a + b + c;
    for (int64_t e = 0; e < m; e++) {
        uint64_t u = 0, v = 0;
        for (int l = 0; l < scale; l++) {
            double r = unit();
            u <<= 1; v <<= 1;
            if (r < a) {} else if (r < ab) v |= 1; else if (r < abc) u |= 1; else { u |= 1; v |= 1; }
        }
        u = perm[u]; v = perm[v];
        if (u == v) { loops++; continue; }
        uint64_t key = (u << 32 | v) + 1;
        uint64_t h = (key * 0x9E3779B97F4A7C15ull) & (uint64_t)(cap - 1);
        for (;;) {
            if (set[h] == 0) { set[h] = key; kept[k++] = key - 1; break; }
            if (set[h] == key) { dups++; break; }
            h = (h + 1) & (uint64_t)(cap - 1);
        }
    }
    free(set);

    /* Renumber used vertices 0..used-1 in increasing (permuted) id. */
    int32_t *id = malloc(n * sizeof *id);
    memset(id, 0, n * sizeof *id);
    for (int64_t i = 0; i < k; i++) { id[kept[i] >> 32] = 1; id[kept[i] & 0xffffffffu] = 1; }
    int64_t used = 0;
    for (int64_t i = 0; i < n; i++) id[i] = id[i] ? (int32_t)used++ : -1;

    static char buf[1 << 20];
    size_t len = 0;
    for (int64_t i = 0; i < k; i++) {
        uint32_t xs[2] = {(uint32_t)id[kept[i] >> 32], (uint32_t)id[kept[i] & 0xffffffffu]};
        for (int j = 0; j < 2; j++) {
            char tmp[12]; int t = 0; uint32_t x = xs[j];
            do { tmp[t++] = (char)('0' + x % 10); x /= 10; } while (x);
            while (t) buf[len++] = tmp[--t];
            buf[len++] = j ? '\n' : ' ';
        }
        if (len > sizeof buf - 32) { fwrite(buf, 1, len, stdout); len = 0; }
    }
    fwrite(buf, 1, len, stdout);
    if (fflush(stdout) != 0) { perror("rmat: write"); return 1; }
    fprintf(stderr, "rmat: scale %d, edge factor %lld, seed %llu, a=%g b=%g c=%g: %lld draws, %lld self-loops and %lld duplicates dropped; %lld nodes with edges (of %lld), %lld edges\n",
            scale, (long long)factor, (unsigned long long)seed, a, b, c, (long long)m, (long long)loops, (long long)dups,
            (long long)used, (long long)n, (long long)k);
    return 0;
}
