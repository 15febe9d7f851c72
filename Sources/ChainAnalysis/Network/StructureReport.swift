import ChainGraph

/// The shape of a network: what it stands on and where it could break. Domain-free (nodes and
/// edges); `chainmap structure` prints it with firm names.
///
/// - Components: weakly and strongly connected components (how many, how large).
/// - Cut nodes: articulation points of the undirected view (a firm whose loss splits the
///   network) and bridges (a link whose loss splits it).
/// - Cores: k-core numbers (the densely tied centre of the network).
/// - Depth: for an acyclic network the longest supply path (chain length in hops) and each
///   node's depth; otherwise the cycles found.
///
/// - Complexity: O(V + E) for each part.
public struct StructureReport: Sendable {
    public var nodeCount: Int
    public var edgeCount: Int
    public var weak: ComponentPartition
    public var strong: ComponentPartition
    public var articulationPoints: [Int32]
    /// Bridge edges as (source, target) pairs, by edge id order.
    public var bridges: [(source: Int32, target: Int32, edge: Int)]
    public var coreNumbers: [Int32]
    public var maxCore: Int32
    /// Nodes of the innermost core.
    public var innermostCore: [Int32]
    /// Longest paths when the graph is acyclic; nil otherwise.
    public var depth: LongestPaths?
    /// Cycles when the graph is not acyclic.
    public var cycles: CycleReport?

    public init(_ graph: Graph, progress: ((Int, Int) -> Void)? = nil) {
        nodeCount = graph.nodeCount
        edgeCount = graph.edgeCount
        weak = graph.weaklyConnectedComponents()
        strong = graph.stronglyConnectedComponents()
        let bic = graph.biconnectivity(progress: progress)
        articulationPoints = bic.articulationPoints.sorted()
        let sources = graph.edgeSources()
        bridges = bic.bridges.sorted().map { (sources[$0], graph.outTargets[$0], $0) }
        let cores = graph.coreNumbers()
        let top = cores.max() ?? 0
        coreNumbers = cores
        maxCore = top
        innermostCore = top > 0 ? (0..<Int32(graph.nodeCount)).filter { cores[Int($0)] == top } : []
        if let report = graph.cycleReport() {
            cycles = report
            depth = nil
        } else {
            cycles = nil
            depth = try? graph.longestPaths()
        }
    }
}
