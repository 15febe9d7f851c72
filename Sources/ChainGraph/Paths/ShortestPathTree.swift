/// Result of a single- or multi-source shortest-path search: distances and a predecessor
/// tree.
///
/// For hop (BFS) searches the distances are whole numbers of edges. Unreached nodes have
/// distance `.infinity` and predecessor -1.
///
/// ```swift
/// let tree = try graph.dijkstra(from: [0])
/// tree.distance[7]          // length of a shortest path 0 ⇝ 7
/// tree.path(to: 7)          // [0, …, 7], or nil when 7 is unreachable
/// ```
public struct ShortestPathTree: Sendable, Equatable {
    /// The source nodes (distance 0).
    public let sources: [Int32]
    /// Distance of each node from the nearest source; `.infinity` when unreachable.
    public let distance: [Double]
    /// Predecessor of each node on its chosen shortest path; -1 for sources and unreached nodes.
    public let predecessor: [Int32]
    /// Edge id from ``predecessor`` to the node; -1 for sources and unreached nodes.
    public let predecessorEdge: [Int32]

    /// Whether `node` was reached.
    public func isReached(_ node: Int32) -> Bool {
        node >= 0 && Int(node) < distance.count && distance[Int(node)].isFinite
    }

    /// The nodes of the chosen shortest path from a source to `target`, source first; nil
    /// when `target` is unreachable or out of range.
    /// - Complexity: O(path length).
    public func path(to target: Int32) -> [Int32]? {
        guard isReached(target) else { return nil }
        var result: [Int32] = [target]
        var v = target
        // At most nodeCount steps: the tree is acyclic by construction; the bound is a guard.
        while predecessor[Int(v)] >= 0 && result.count <= distance.count {
            v = predecessor[Int(v)]
            result.append(v)
        }
        return result.reversed()
    }

    /// The edge ids of the chosen shortest path to `target`, in path order; nil when
    /// unreachable. Empty for a source.
    /// - Complexity: O(path length).
    public func edgePath(to target: Int32) -> [Int]? {
        guard isReached(target) else { return nil }
        var result: [Int] = []
        var v = target
        while predecessorEdge[Int(v)] >= 0 && result.count < distance.count {
            result.append(Int(predecessorEdge[Int(v)]))
            v = predecessor[Int(v)]
        }
        return result.reversed()
    }
}
