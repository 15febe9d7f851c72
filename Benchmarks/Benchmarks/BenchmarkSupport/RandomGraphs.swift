import ChainGraph
import Foundation

/// Directed G(n, m) without self-loops (parallel edges possible, rare), as edge arrays.
public func gnmEdges(nodes n: Int, edges m: Int, seed: UInt64) -> (sources: [Int32], targets: [Int32]) {
    var rng = SplitMix64(seed: seed)
    var s = [Int32](repeating: 0, count: m)
    var t = [Int32](repeating: 0, count: m)
    var i = 0
    while i < m {
        let u = Int32(truncatingIfNeeded: rng.next() % UInt64(n))
        let v = Int32(truncatingIfNeeded: rng.next() % UInt64(n))
        if u == v { continue }
        s[i] = u
        t[i] = v
        i += 1
    }
    return (s, t)
}

/// Writes G(n, m) as a plain edge list (`u v` per line) to a temporary file, once per
/// process, and returns its path.
public func gnmEdgeListFile(nodes n: Int, edges m: Int, seed: UInt64) -> String {
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("chainmap-bench-gnm-\(n)-\(m)-\(seed).txt")
        .path
    if FileManager.default.fileExists(atPath: path) { return path }
    let (s, t) = gnmEdges(nodes: n, edges: m, seed: seed)
    var text = ""
    text.reserveCapacity(m * 14)
    for i in 0..<m {
        text += String(s[i])
        text += " "
        text += String(t[i])
        text += "\n"
    }
    _ = FileManager.default.createFile(atPath: path, contents: Data(text.utf8))
    return path
}

/// R-MAT edges as `Benchmarks/peers/rmat.c` makes them (same draws, same seed, same graph):
/// `edgeFactor · 2^scale` draws with a=.57 b=.19 c=.19 d=.05, vertex ids permuted by a
/// seeded Fisher–Yates shuffle, self-loops and duplicates dropped (first occurrence kept),
/// used vertices renumbered in increasing permuted id; then, as `chainmap` numbers the
/// labels of an edge list, nodes are numbered in order of first appearance.
public func rmatEdges(scale: Int, edgeFactor: Int = 16, seed: UInt64 = 42) -> (sources: [Int32], targets: [Int32]) {
    let n = 1 << scale, m = edgeFactor * n
    var rng = SplitMix64(seed: seed)
    var perm = (0..<n).map { UInt32($0) }
    var i = n - 1
    while i > 0 {
        let j = Int(rng.next() % UInt64(i + 1))
        perm.swapAt(i, j)
        i -= 1
    }
    var cap = 1
    while cap < 2 * m { cap <<= 1 }
    var set = [UInt64](repeating: 0, count: cap)
    var kept: [UInt64] = []
    kept.reserveCapacity(m)
    let (a, ab, abc) = (0.57, 0.76, 0.95)
    for _ in 0..<m {
        var u: UInt64 = 0, v: UInt64 = 0
        for _ in 0..<scale {
            let r = Double(rng.next() >> 11) * 0x1.0p-53
            u <<= 1; v <<= 1
            if r < a {} else if r < ab { v |= 1 } else if r < abc { u |= 1 } else { u |= 1; v |= 1 }
        }
        u = UInt64(perm[Int(u)]); v = UInt64(perm[Int(v)])
        if u == v { continue }
        let key = (u << 32 | v) + 1
        var h = Int((key &* 0x9E37_79B9_7F4A_7C15) & UInt64(cap - 1))
        while true {
            if set[h] == 0 { set[h] = key; kept.append(key - 1); break }
            if set[h] == key { break }
            h = (h + 1) & (cap - 1)
        }
    }
    set = []
    // rmat.c's renumbering is monotone in the permuted id, so first appearance of its labels
    // is first appearance of the permuted ids: number those directly.
    var id = [Int32](repeating: -1, count: n)
    var next: Int32 = 0
    var s = [Int32](repeating: 0, count: kept.count)
    var t = [Int32](repeating: 0, count: kept.count)
    for (k, key) in kept.enumerated() {
        let u = Int(key >> 32), v = Int(key & 0xffff_ffff)
        if id[u] < 0 { id[u] = next; next += 1 }
        if id[v] < 0 { id[v] = next; next += 1 }
        s[k] = id[u]
        t[k] = id[v]
    }
    return (s, t)
}
