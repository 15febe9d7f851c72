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
    let path = FileManager.default.temporaryDirectory.appendingPathComponent("chainmap-bench-gnm-\(n)-\(m)-\(seed).txt").path
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
