/// The layer an edge belongs to: a small number carried per edge.
///
/// ChainGraph is domain-free: a layer lets one graph hold several kinds of relation and lets
/// algorithms keep a subset of them (`layers:` parameters); what a layer means is the
/// caller's. Builders and readers put edges in layer 0 unless told otherwise. (ChainModel
/// names the park's layers: `supply` 0, `pairing` 1, `membership` 2.)
///
/// ```swift
/// var builder = GraphBuilder(nodeCount: 3)
/// builder.addEdge(0, 1)              // layer 0
/// builder.addEdge(1, 2, layer: 1)
/// let layerZero = try builder.build().filtered(layers: [0])
/// ```
public struct EdgeLayer: RawRepresentable, Hashable, Sendable, ExpressibleByIntegerLiteral, CustomStringConvertible {
    public var rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }
    public init(integerLiteral value: UInt8) { rawValue = value }

    /// `layer N`.
    public var description: String { "layer \(rawValue)" }
}

/// An immutable directed graph in compressed-sparse-row form, with both out- and
/// in-adjacency.
///
/// Nodes are the integers `0..<nodeCount` (`Int32`). Each edge has an id `e` in
/// `0..<edgeCount`: its position in the out-adjacency arrays, so `outTargets[e]`,
/// `weights[e]` and `layers[e]` describe it. Edges of one source are stored in the order they
/// were added. The in-adjacency lists, for each node, the sources and the edge ids of its
/// incoming edges, in increasing edge id.
///
/// An undirected graph (`isDirected == false`) stores each edge once, as added; algorithms
/// that take the undirected view walk both the out- and in-adjacency of a node.
///
/// Memory: per edge 4 (target) + 8 (weight) + 1 (layer) + 4 (in-source) + 4 (in-edge id)
/// = 21 bytes; per node 16 bytes of offsets.
///
/// ```swift
/// var builder = GraphBuilder(directed: true)
/// builder.addEdge(0, 1, weight: 2)
/// builder.addEdge(1, 2)
/// let graph = try builder.build()
/// graph.outDegree(of: 1)   // 1
/// ```
public struct Graph: Sendable {
    /// Number of nodes.
    public let nodeCount: Int
    /// Whether edges are directed. An undirected graph stores each edge once.
    public let isDirected: Bool
    /// `outOffsets[v]..<outOffsets[v+1]` are the edge ids leaving `v`. Count `nodeCount + 1`.
    public let outOffsets: [Int]
    /// Target of each edge, by edge id.
    public let outTargets: [Int32]
    /// Weight of each edge, by edge id.
    public let weights: [Double]
    /// Layer of each edge, by edge id.
    public let layers: [EdgeLayer]
    /// `inOffsets[v]..<inOffsets[v+1]` index `inSources` and `inEdges` for edges entering `v`.
    public let inOffsets: [Int]
    /// Source of each incoming edge, grouped by target.
    public let inSources: [Int32]
    /// Edge id of each incoming edge, grouped by target.
    public let inEdges: [Int32]

    /// Number of edges.
    public var edgeCount: Int { outTargets.count }

    init(
        nodeCount: Int, isDirected: Bool, outOffsets: [Int], outTargets: [Int32], weights: [Double],
        layers: [EdgeLayer], inOffsets: [Int], inSources: [Int32], inEdges: [Int32]
    ) {
        self.nodeCount = nodeCount
        self.isDirected = isDirected
        self.outOffsets = outOffsets
        self.outTargets = outTargets
        self.weights = weights
        self.layers = layers
        self.inOffsets = inOffsets
        self.inSources = inSources
        self.inEdges = inEdges
        #if DEBUG
        checkInvariants()
        #endif
    }

    /// The graph with no nodes.
    public static let empty = Graph(
        nodeCount: 0, isDirected: true, outOffsets: [0], outTargets: [], weights: [], layers: [],
        inOffsets: [0], inSources: [], inEdges: [])

    /// Edge ids leaving `node`. - Complexity: O(1).
    @inlinable public func outEdgeRange(of node: Int32) -> Range<Int> {
        outOffsets[Int(node)]..<outOffsets[Int(node) + 1]
    }

    /// Positions in `inSources`/`inEdges` of the edges entering `node`. - Complexity: O(1).
    @inlinable public func inEdgeRange(of node: Int32) -> Range<Int> {
        inOffsets[Int(node)]..<inOffsets[Int(node) + 1]
    }

    /// Targets of the edges leaving `node`, in edge-id order. - Complexity: O(1).
    @inlinable public func successors(of node: Int32) -> ArraySlice<Int32> {
        outTargets[outEdgeRange(of: node)]
    }

    /// Sources of the edges entering `node`, in edge-id order. - Complexity: O(1).
    @inlinable public func predecessors(of node: Int32) -> ArraySlice<Int32> {
        inSources[inEdgeRange(of: node)]
    }

    /// Number of edges leaving `node`. - Complexity: O(1).
    @inlinable public func outDegree(of node: Int32) -> Int {
        outOffsets[Int(node) + 1] - outOffsets[Int(node)]
    }

    /// Number of edges entering `node`. - Complexity: O(1).
    @inlinable public func inDegree(of node: Int32) -> Int {
        inOffsets[Int(node) + 1] - inOffsets[Int(node)]
    }

    /// Source node of edge `edge`. - Complexity: O(log V) (binary search over offsets).
    public func source(ofEdge edge: Int) -> Int32 {
        var low = 0
        var high = nodeCount
        // Find the last v with outOffsets[v] <= edge.
        while high - low > 1 {
            let mid = (low + high) / 2
            if outOffsets[mid] <= edge { low = mid } else { high = mid }
        }
        return Int32(low)
    }

    /// Sources of all edges, by edge id. - Complexity: O(V + E), allocates E `Int32`.
    public func edgeSources() -> [Int32] {
        var result = [Int32](repeating: 0, count: edgeCount)
        for v in 0..<nodeCount {
            for e in outOffsets[v]..<outOffsets[v + 1] { result[e] = Int32(v) }
        }
        return result
    }

    /// Bytes held by the adjacency arrays (the figure stated in the docs).
    public var memoryFootprint: Int {
        outOffsets.count * MemoryLayout<Int>.stride + inOffsets.count * MemoryLayout<Int>.stride
            + edgeCount
            * (MemoryLayout<Int32>.stride * 3 + MemoryLayout<Double>.stride + MemoryLayout<EdgeLayer>.stride)
    }

    #if DEBUG
    /// Debug-build check of the CSR invariants (run once per graph).
    func checkInvariants() {
        assert(outOffsets.count == nodeCount + 1 && inOffsets.count == nodeCount + 1)
        assert(outOffsets.first == 0 && outOffsets.last == outTargets.count)
        assert(inOffsets.first == 0 && inOffsets.last == inSources.count)
        assert(weights.count == outTargets.count && layers.count == outTargets.count)
        assert(inSources.count == outTargets.count && inEdges.count == outTargets.count)
        for v in 0..<nodeCount {
            assert(outOffsets[v] <= outOffsets[v + 1] && inOffsets[v] <= inOffsets[v + 1])
        }
        // The unsafe-buffer loops of the algorithms index node arrays with these ids and edge
        // arrays with these edge ids (see the "In bounds" notes at each).
        assert(outTargets.allSatisfy { $0 >= 0 && Int($0) < nodeCount }, "a target outside 0..<\(nodeCount)")
        assert(inSources.allSatisfy { $0 >= 0 && Int($0) < nodeCount }, "an in-source outside 0..<\(nodeCount)")
        assert(
            inEdges.allSatisfy { $0 >= 0 && Int($0) < outTargets.count },
            "an in-edge id outside 0..<\(outTargets.count)")
    }
    #endif
}
