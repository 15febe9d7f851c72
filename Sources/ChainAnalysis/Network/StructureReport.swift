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
        // Two independent strands on two cores: the cut search (the longest part, and the one
        // that reports progress) and everything else. Each strand writes only its own
        // variables, and every kernel is sequential, so the result does not depend on timing.
        var bic: Biconnectivity?
        var rest: (weak: ComponentPartition, strong: ComponentPartition, cores: [Int32], cycles: CycleReport?)?
        var longest: LongestPaths?
        Parallel.forEachUnit(units: 2, workers: Parallel.workers(requested: nil, units: 2)) { unit in
            if unit == 0 {
                bic = graph.biconnectivity(progress: progress)
            } else {
                let cycles = graph.cycleReport()
                rest = (
                    graph.weaklyConnectedComponents(), graph.stronglyConnectedComponents(), graph.coreNumbers(), cycles
                )
                if cycles == nil { longest = try? graph.longestPaths() }
            }
        }
        // Both units ran (forEachUnit returns after all units); the fallbacks are not reached.
        let cut = bic ?? graph.biconnectivity(progress: progress)
        let other =
            rest ?? (
                graph.weaklyConnectedComponents(), graph.stronglyConnectedComponents(), graph.coreNumbers(),
                graph.cycleReport()
            )
        weak = other.weak
        strong = other.strong
        articulationPoints = cut.articulationPoints.sorted()
        let sources = graph.edgeSources()
        bridges = cut.bridges.sorted().map { (sources[$0], graph.outTargets[$0], $0) }
        let cores = other.cores
        let top = cores.max() ?? 0
        coreNumbers = cores
        maxCore = top
        innermostCore = top > 0 ? (0..<Int32(graph.nodeCount)).filter { cores[Int($0)] == top } : []
        if let report = other.cycles {
            cycles = report
            depth = nil
        } else {
            cycles = nil
            depth = rest == nil ? try? graph.longestPaths() : longest
        }
    }
}
