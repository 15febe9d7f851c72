/// A constant-time membership test for an optional set of edge layers (nil = all layers),
/// used by the structure and path algorithms in their inner loops.
struct EdgeLayerMask: Sendable {
    private var bits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    /// True when every layer is allowed (no set given).
    let allowsAll: Bool

    init(_ layers: Set<EdgeLayer>?) {
        allowsAll = layers == nil
        for layer in layers ?? [] {
            let r = Int(layer.rawValue)
            let bit = UInt64(1) << UInt64(r & 63)
            switch r >> 6 {
            case 0: bits.0 |= bit
            case 1: bits.1 |= bit
            case 2: bits.2 |= bit
            default: bits.3 |= bit
            }
        }
    }

    @inline(__always)
    func allows(_ layer: EdgeLayer) -> Bool {
        if allowsAll { return true }
        let r = Int(layer.rawValue)
        let word: UInt64
        switch r >> 6 {
        case 0: word = bits.0
        case 1: word = bits.1
        case 2: word = bits.2
        default: word = bits.3
        }
        return word & (UInt64(1) << UInt64(r & 63)) != 0
    }

    /// Per edge id: whether the edge is kept. Nil when all edges are kept.
    func edgeFilter(_ graph: Graph) -> [Bool]? {
        if allowsAll { return nil }
        return graph.layers.map { allows($0) }
    }
}

/// Calls `progress` every `stride` steps and at the end.
struct ProgressTicker {
    let progress: ((_ done: Int, _ total: Int) -> Void)?
    let total: Int
    let stride: Int
    var next: Int

    init(_ progress: ((_ done: Int, _ total: Int) -> Void)?, total: Int, stride: Int = 1 << 16) {
        self.progress = progress
        self.total = total
        self.stride = max(1, stride)
        self.next = self.stride
    }

    @inline(__always)
    mutating func tick(_ done: Int) {
        if done >= next, let progress {
            next = done + stride
            progress(done, total)
        }
    }

    func finish() { progress?(total, total) }
}
