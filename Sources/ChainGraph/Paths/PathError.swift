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
        case .negativeWeight(let e, let w):
            "edge \(e) has negative weight \(w); this algorithm needs weights of 0 or more"
        case .nonFiniteWeight(let e, let w): "edge \(e) has weight \(w); weights must be finite numbers"
        case .valueCountMismatch(let x, let g): "\(g) per-edge values given for \(x) edges; give one per edge id"
        case .emptyTerminals: "give at least one source and one sink"
        case .sourceIsSink(let v): "node \(v) is both a source and a sink; the sets must be disjoint"
        }
    }
}
