import ChainGraph
import ChainModel

/// `chainmap structure`: what a network stands on, with nodes named — components, cut firms
/// (articulation points), bridge links, the innermost k-core, and the longest supply path or a
/// supply loop. One row per node for `--format csv`.
public struct StructureSummary: Sendable, Encodable {
    /// One node's structural facts (the CSV rows).
    public struct NodeRow: Sendable, Encodable {
        public var id: String
        public var name: String
        public var weakComponent: Int32
        public var strongComponent: Int32
        public var core: Int32
        public var cut: Bool
        /// Hops from the furthest upstream node; nil when the network has cycles.
        public var depth: Int?
    }

    /// A bridge link.
    public struct Bridge: Sendable, Encodable {
        public var supplier: NodeRef
        public var buyer: NodeRef
    }

    public var nodes: Int
    public var links: Int
    public var weakComponents: Int
    public var largestWeakComponent: Int
    public var strongComponents: Int
    /// Strong components of more than one node: supply loops.
    public var loops: Int
    public var maxCore: Int
    /// The longest supply path, upstream first (nil when the network has cycles).
    public var longestPath: [NodeRef]?
    /// A supply loop (nil when there is none).
    public var cycle: [NodeRef]?
    /// Cut firms: firms whose loss splits the network (the first `top`).
    public var cutFirms: [NodeRef]
    public var cutFirmCount: Int
    public var bridges: [Bridge]
    public var bridgeCount: Int
    public var innermostCore: [NodeRef]
    public var innermostCoreCount: Int
    /// Every node, in node order (the CSV rows; left out of JSON, which stays small).
    public var nodeRows: [NodeRow]

    private enum CodingKeys: String, CodingKey {
        case nodes, links, weakComponents, largestWeakComponent, strongComponents, loops, maxCore, longestPath, cycle
        case cutFirms, cutFirmCount, bridges, bridgeCount, innermostCore, innermostCoreCount
    }

    /// The structure of `input`; lists keep their first `top` entries (0: all).
    ///
    /// - Complexity: O(V + E) (see ``StructureReport``).
    public init(_ input: NetworkInput, top: Int = 20, progress: ((Int, Int) -> Void)? = nil) {
        let report = StructureReport(input.graph, progress: progress)
        func limited<T>(_ items: [T]) -> [T] { top > 0 ? Array(items.prefix(top)) : items }
        nodes = report.nodeCount
        links = report.edgeCount
        weakComponents = report.weak.count
        largestWeakComponent = report.weak.sizes.max() ?? 0
        strongComponents = report.strong.count
        loops = report.strong.sizes.filter { $0 > 1 }.count
        maxCore = Int(report.maxCore)
        longestPath = report.depth.map { $0.longestHopPath.map(input.ref) }
        cycle = report.cycles.map { $0.cycle.map(input.ref) }
        let cut = report.articulationPoints.filter { Int($0) < input.firmCount }
        cutFirms = limited(cut).map(input.ref)
        cutFirmCount = cut.count
        bridges = limited(report.bridges).map { Bridge(supplier: input.ref($0.source), buyer: input.ref($0.target)) }
        bridgeCount = report.bridges.count
        innermostCore = limited(report.innermostCore).map(input.ref)
        innermostCoreCount = report.innermostCore.count
        let isCut = Set(report.articulationPoints)
        nodeRows = (0..<Int32(report.nodeCount)).map { v in
            let i = Int(v)
            return NodeRow(
                id: input.ids[i], name: input.name(of: i), weakComponent: report.weak.componentOf[i],
                strongComponent: report.strong.componentOf[i], core: report.coreNumbers[i], cut: isCut.contains(v),
                depth: report.depth.map { Int($0.hopDepth[i]) })
        }
    }
}
