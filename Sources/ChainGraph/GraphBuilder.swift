/// An error building a graph.
public enum GraphError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An edge named a negative node id.
    case negativeNode(Int32)
    /// More edges than a CSR graph with `Int32` edge ids can hold.
    case tooManyEdges(Int)

    public var description: String {
        switch self {
        case .negativeNode(let n): "node id \(n) is negative; node ids are 0 or more"
        case .tooManyEdges(let n): "\(n) edges exceed the limit of \(Int32.max)"
        }
    }
}

/// Collects edges, then builds an immutable ``Graph`` by counting and filling: O(V + E).
///
/// Nodes are created implicitly: the node count is the largest id seen plus one, or the
/// count given with ``ensureNodeCount(_:)`` if larger (for isolated nodes).
///
/// ```swift
/// var builder = GraphBuilder(directed: true)
/// builder.reserveCapacity(edges: 3)
/// builder.addEdge(0, 1)
/// builder.addEdge(0, 2, weight: 5, layer: .pairing)
/// builder.ensureNodeCount(4)   // node 3 is isolated
/// let graph = try builder.build()
/// ```
public struct GraphBuilder: Sendable {
    public let isDirected: Bool
    private(set) public var nodeCount: Int = 0
    private var sources: [Int32] = []
    private var targets: [Int32] = []
    private var weights: [Double] = []
    private var layers: [EdgeLayer] = []
    private var firstBadNode: Int32?

    public init(directed: Bool = true, nodeCount: Int = 0) {
        self.isDirected = directed
        self.nodeCount = max(0, nodeCount)
    }

    /// Number of edges added so far.
    public var edgeCount: Int { sources.count }

    /// Reserves room for `edges` edges.
    public mutating func reserveCapacity(edges: Int) {
        sources.reserveCapacity(edges)
        targets.reserveCapacity(edges)
        weights.reserveCapacity(edges)
        layers.reserveCapacity(edges)
    }

    /// Makes sure nodes `0..<count` exist.
    public mutating func ensureNodeCount(_ count: Int) {
        if count > nodeCount { nodeCount = count }
    }

    /// Adds the edge `source → target`. Parallel edges and self-loops are kept.
    /// - Complexity: amortized O(1).
    @inlinable
    public mutating func addEdge(_ source: Int32, _ target: Int32, weight: Double = 1, layer: EdgeLayer = .supply) {
        _addEdge(source, target, weight, layer)
    }

    @usableFromInline
    mutating func _addEdge(_ source: Int32, _ target: Int32, _ weight: Double, _ layer: EdgeLayer) {
        if source < 0 || target < 0 {
            if firstBadNode == nil { firstBadNode = min(source, target) }
            return
        }
        let top = Int(max(source, target)) + 1
        if top > nodeCount { nodeCount = top }
        sources.append(source)
        targets.append(target)
        weights.append(weight)
        layers.append(layer)
    }

    /// Builds the CSR graph.
    /// - Complexity: O(V + E) time, two counting passes; the edge order of each source is the
    ///   order of addition.
    /// - Throws: ``GraphError`` if a negative id was added or there are too many edges.
    public func build() throws(GraphError) -> Graph {
        if let bad = firstBadNode { throw .negativeNode(bad) }
        let n = nodeCount
        let m = sources.count
        if m > Int(Int32.max) { throw .tooManyEdges(m) }

        var outOffsets = [Int](repeating: 0, count: n + 1)
        var inOffsets = [Int](repeating: 0, count: n + 1)
        for i in 0..<m {
            outOffsets[Int(sources[i]) + 1] += 1
            inOffsets[Int(targets[i]) + 1] += 1
        }
        for v in 0..<n {
            outOffsets[v + 1] += outOffsets[v]
            inOffsets[v + 1] += inOffsets[v]
        }

        var outTargets = [Int32](repeating: 0, count: m)
        var outWeights = [Double](repeating: 0, count: m)
        var outLayers = [EdgeLayer](repeating: .supply, count: m)
        var cursor = outOffsets
        for i in 0..<m {
            let s = Int(sources[i])
            let e = cursor[s]
            cursor[s] = e + 1
            outTargets[e] = targets[i]
            outWeights[e] = weights[i]
            outLayers[e] = layers[i]
        }

        var inSources = [Int32](repeating: 0, count: m)
        var inEdges = [Int32](repeating: 0, count: m)
        cursor = inOffsets
        for v in 0..<n {
            for e in outOffsets[v]..<outOffsets[v + 1] {
                let t = Int(outTargets[e])
                let slot = cursor[t]
                cursor[t] = slot + 1
                inSources[slot] = Int32(v)
                inEdges[slot] = Int32(e)
            }
        }
        return Graph(
            nodeCount: n, isDirected: isDirected, outOffsets: outOffsets, outTargets: outTargets,
            weights: outWeights, layers: outLayers, inOffsets: inOffsets, inSources: inSources,
            inEdges: inEdges)
    }
}
