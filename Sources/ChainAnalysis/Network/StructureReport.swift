import ChainGraph
import ChainModel

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
        // Four independent units on the cores (each claimed by the next free thread): the cut
        // search (which reports progress), the core numbers, cycles with depth, and the two
        // component partitions (four, not three: the components unit was the last to start and
        // the longest after the cores). Each unit writes only its own variables, and every
        // kernel is sequential, so the result does not depend on timing.
        // The report names cut firms and bridges, never the components themselves.
        func cuts() -> Biconnectivity { graph.biconnectivity(components: false, progress: progress) }
        func cyclesAndDepth() -> (cycles: CycleReport?, depth: LongestPaths?) {
            let cycles = graph.cycleReport()
            return (cycles, cycles == nil ? try? graph.longestPaths() : nil)
        }
        func components() -> (weak: ComponentPartition, strong: ComponentPartition) {
            (graph.weaklyConnectedComponents(), graph.stronglyConnectedComponents())
        }
        var bic: Biconnectivity?
        var coreNumbersFound: [Int32]?
        var acyclic: (cycles: CycleReport?, depth: LongestPaths?)?
        var partitions: (weak: ComponentPartition, strong: ComponentPartition)?
        Parallel.forEachUnit(units: 4, workers: Parallel.workers(requested: nil, units: 4)) { unit in
            var trace = PhaseTrace()
            switch unit {
            case 0:
                bic = cuts()
                trace.mark("structure.cuts")
            case 1:
                coreNumbersFound = graph.coreNumbers()
                trace.mark("structure.cores")
            case 2:
                acyclic = cyclesAndDepth()
                trace.mark("structure.cycles-and-depth")
            default:
                partitions = components()
                trace.mark("structure.components")
            }
        }
        // Every unit ran (forEachUnit returns after all units); the fallbacks are not reached.
        let cut = bic ?? cuts()
        let cores = coreNumbersFound ?? graph.coreNumbers()
        let other = acyclic ?? cyclesAndDepth()
        let parts = partitions ?? components()
        weak = parts.weak
        strong = parts.strong
        articulationPoints = cut.articulationPoints.sorted()
        bridges = cut.bridges.sorted().map { (graph.source(ofEdge: $0), graph.outTargets[$0], $0) }
        let top = cores.max() ?? 0
        coreNumbers = cores
        maxCore = top
        innermostCore = top > 0 ? (0..<Int32(graph.nodeCount)).filter { cores[Int($0)] == top } : []
        cycles = other.cycles
        depth = other.depth
    }
}
