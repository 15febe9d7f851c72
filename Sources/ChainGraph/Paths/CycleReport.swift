/// Where a graph that should be acyclic has cycles.
///
/// ```swift
/// if let report = graph.cycleReport() {
///     print(report.cycle)   // e.g. [3, 8, 5]: 3 → 8 → 5 → 3
/// }
/// ```
public struct CycleReport: Sendable, Equatable, CustomStringConvertible {
    /// Strongly connected components that contain a cycle (more than one node, or one node
    /// with a self-loop); each increasing, ordered by smallest node.
    public let cyclicComponents: [[Int32]]
    /// One concrete cycle, as nodes `v0, v1, …, vk` with edges `v0 → v1 → … → vk → v0`: a
    /// shortest cycle through the smallest node of the first cyclic component.
    public let cycle: [Int32]

    public var description: String {
        let shown = cycle.prefix(20).map(String.init).joined(separator: " → ")
        let more = cycle.count > 20 ? " → …" : ""
        return
            "\(cyclicComponents.count) cyclic component(s); for example \(shown)\(more) → \(cycle.first.map(String.init) ?? "")"
    }
}

/// The graph has a cycle where an acyclic graph is needed.
public struct CycleError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Where the cycles are.
    public let report: CycleReport

    public var description: String {
        "the graph is not acyclic: \(report); remove or reverse an edge of each cycle"
    }
}

/// Longest paths in a directed acyclic graph, by hop count and by weight.
///
/// The depth of a node is the length of the longest path that ends at it (0 for a node
/// with no predecessors). Weighted depths never go below 0: a path may start anywhere, as
/// in NetworkX's `dag_longest_path`.
public struct LongestPaths: Sendable, Equatable {
    /// Longest path ending at each node, in edges.
    public let hopDepth: [Int32]
    /// Heaviest path ending at each node, summing edge weights.
    public let weightedDepth: [Double]
    /// A longest path by hops (nodes, first to last); empty for a graph with no nodes.
    public let longestHopPath: [Int32]
    /// A heaviest path by weight (nodes, first to last).
    public let longestWeightedPath: [Int32]

    /// Number of edges of the longest path.
    public var hopLength: Int { max(0, longestHopPath.count - 1) }
    /// Total weight of the heaviest path.
    public var weightedLength: Double {
        longestWeightedPath.last.map { weightedDepth[Int($0)] } ?? 0
    }
}
