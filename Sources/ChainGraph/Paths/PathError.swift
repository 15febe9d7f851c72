/// A problem with the input of a path or flow algorithm.
public enum PathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// A node id outside `0..<nodeCount`.
    case nodeOutOfRange(Int32, nodeCount: Int)
    /// An edge weight or capacity below zero where only nonnegative values make sense.
    case negativeWeight(edge: Int, weight: Double)
    /// An edge weight or capacity that is NaN or infinite.
    case nonFiniteWeight(edge: Int, weight: Double)
    /// A per-edge value array whose length is not the edge count.
    case valueCountMismatch(expected: Int, got: Int)
    /// No source or no sink node was given.
    case emptyTerminals
    /// A node is both a source and a sink.
    case sourceIsSink(Int32)

    public var description: String {
        switch self {
        case .nodeOutOfRange(let v, let n): "node \(v) is not in the graph (ids 0..<\(n))"
        case .negativeWeight(let e, let w): "edge \(e) has negative weight \(w); this algorithm needs weights of 0 or more"
        case .nonFiniteWeight(let e, let w): "edge \(e) has weight \(w); weights must be finite numbers"
        case .valueCountMismatch(let x, let g): "\(g) per-edge values given for \(x) edges; give one per edge id"
        case .emptyTerminals: "give at least one source and one sink"
        case .sourceIsSink(let v): "node \(v) is both a source and a sink; the sets must be disjoint"
        }
    }
}

/// A binary min-heap of (key, node) pairs, ties broken by the smaller node id.
struct NodeMinHeap {
    private(set) var keys: [Double] = []
    private(set) var nodes: [Int32] = []

    init(capacity: Int) {
        keys.reserveCapacity(capacity)
        nodes.reserveCapacity(capacity)
    }

    var isEmpty: Bool { nodes.isEmpty }

    @inline(__always)
    private func less(_ i: Int, _ j: Int) -> Bool {
        keys[i] < keys[j] || (keys[i] == keys[j] && nodes[i] < nodes[j])
    }

    mutating func push(_ key: Double, _ node: Int32) {
        keys.append(key)
        nodes.append(node)
        var i = nodes.count - 1
        while i > 0 {
            let parent = (i - 1) / 2
            if !less(i, parent) { break }
            keys.swapAt(i, parent)
            nodes.swapAt(i, parent)
            i = parent
        }
    }

    mutating func pop() -> (key: Double, node: Int32)? {
        guard let lastKey = keys.popLast(), let lastNode = nodes.popLast() else { return nil }
        if nodes.isEmpty { return (lastKey, lastNode) }
        let top = (keys[0], nodes[0])
        keys[0] = lastKey
        nodes[0] = lastNode
        var i = 0
        let count = nodes.count
        while true {
            let l = 2 * i + 1
            if l >= count { break }
            var child = l
            if l + 1 < count && less(l + 1, l) { child = l + 1 }
            if !less(child, i) { break }
            keys.swapAt(i, child)
            nodes.swapAt(i, child)
            i = child
        }
        return top
    }
}
