/// A partition of the nodes into components.
///
/// Component ids are `0..<count`, numbered by the smallest node id they contain: the
/// component of node 0 is 0, the next node not in it starts component 1, and so on. This
/// makes the numbering deterministic.
///
/// ```swift
/// let parts = graph.weaklyConnectedComponents()
/// parts.count                // number of components
/// parts.componentOf[5]       // component of node 5
/// parts.members()[0]         // nodes of component 0, increasing
/// ```
public struct ComponentPartition: Sendable, Equatable {
    /// Component id of each node.
    public let componentOf: [Int32]
    /// Number of nodes in each component, by component id.
    public let sizes: [Int]

    /// Number of components.
    public var count: Int { sizes.count }

    /// Builds a partition from arbitrary per-node labels in `0..<labelCount`, renumbering
    /// them by smallest node id.
    /// - Complexity: O(V + labelCount).
    init(labels: [Int32], labelCount: Int) {
        var renumber = [Int32](repeating: -1, count: labelCount)
        var component = [Int32](repeating: 0, count: labels.count)
        var sizes: [Int] = []
        for v in 0..<labels.count {
            let label = Int(labels[v])
            var c = renumber[label]
            if c < 0 {
                c = Int32(sizes.count)
                renumber[label] = c
                sizes.append(0)
            }
            component[v] = c
            sizes[Int(c)] += 1
        }
        self.componentOf = component
        self.sizes = sizes
    }

    /// Nodes of each component (increasing), by component id.
    /// - Complexity: O(V).
    public func members() -> [[Int32]] {
        var result = sizes.map { size -> [Int32] in
            var list: [Int32] = []
            list.reserveCapacity(size)
            return list
        }
        for v in 0..<componentOf.count { result[Int(componentOf[v])].append(Int32(v)) }
        return result
    }

    /// Id of a largest component (the smallest id among ties); nil when there are no nodes.
    public var largestComponent: Int32? {
        var best: Int32?
        var bestSize = 0
        for (c, size) in sizes.enumerated() where size > bestSize {
            best = Int32(c)
            bestSize = size
        }
        return best
    }
}
