/// A maximum flow and a minimum cut between two node sets.
///
/// ```swift
/// let flow = try graph.maxFlow(from: [0], to: [5])
/// flow.value            // maximum flow = capacity of the minimum cut
/// flow.cutEdges         // edge ids from the source side to the sink side
/// ```
public struct MaxFlowResult: Sendable, Equatable {
    /// Total flow from the sources to the sinks.
    public let value: Double
    /// Flow on each edge, by edge id (0 for edges not counted). For an undirected graph the
    /// flow is signed: positive along the stored direction (source → target of the edge).
    public let edgeFlow: [Double]
    /// Whether each node is on the source side of the minimum cut (reachable from a source
    /// in the residual network). The source side is the smallest minimum cut.
    public let sourceSide: [Bool]
    /// Edge ids (increasing) of the minimum cut: counted edges leaving the source side (for
    /// an undirected graph, edges with one end on each side).
    public let cutEdges: [Int]
    /// Total capacity of ``cutEdges``; equals ``value`` up to rounding.
    public let cutCapacity: Double

    /// Nodes on the source side, increasing.
    public var sourceSideNodes: [Int32] {
        var result: [Int32] = []
        for (v, inside) in sourceSide.enumerated() where inside { result.append(Int32(v)) }
        return result
    }
}
