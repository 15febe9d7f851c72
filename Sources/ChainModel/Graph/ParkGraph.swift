import ChainGraph

/// A park as a `Graph`: firms are nodes `0..<firmCount` in park order; with the pairing or
/// membership layer, organizations follow as nodes `firmCount..<firmCount + organizationCount`.
/// Edges carry a layer:
/// - `.supply`: supplier → buyer for each link whose status is selected, weight = link value
///   in RMB (1 when unknown);
/// - `.pairing`: one edge per pairing between its two parties (read undirected), weight 1;
/// - `.membership`: firm → organization for a firm's `organization`, organization members and
///   host firms, weight 1.
///
/// ```swift
/// let pg = ParkGraph(park, layers: [.supply])
/// let node = pg.node(ofFirm: "liwei")          // Int32?
/// let out = pg.graph.successors(of: node!)      // its buyers
/// ```
public struct ParkGraph: Sendable {
    public let graph: Graph
    /// Ids of the nodes, firms first, then organizations.
    public let ids: [String]
    public let firmCount: Int
    /// Firm id → firm node (the firm's position in the park).
    package let firmIndex: FirmIndex
    /// Organization id → node, for the layers that have organization nodes (firm ids go
    /// through `firmIndex`, hashed only when a verb looks one up).
    private let organizationIndex: [String: Int32]
    /// Index into `park.links` of each supply edge, by edge id (-1 for other layers).
    public let linkOfEdge: [Int32]

    /// Builds the graph of `park` with the given layers. Links and pairings naming unknown
    /// parties are skipped (a validated park has none).
    /// - Complexity: O(V + E) with hashing of ids.
    public init(_ park: Park, layers: Set<EdgeLayer> = [.supply], statuses: Set<LinkStatus> = [.active]) {
        // Firm nodes are the park's firm positions; ids resolve through one shared index.
        var trace = PhaseTrace()
        let resolution = park.resolution
        let firms = resolution.firms
        trace.mark("park graph: resolve ids")
        var ids = park.firms.map(\.id)
        let firmCount = ids.count
        // Organizations are nodes only for the layers that reach them; on the supply layer
        // alone they would be isolated nodes that change PageRank's teleport mass.
        let withOrganizations = layers.contains(.pairing) || layers.contains(.membership)
        var organizationIndex: [String: Int32] = [:]
        let firmIds = withOrganizations ? firms.index : [:]  // hashed only for these layers
        /// A firm's or organization's node. Organizations with a firm's id are not nodes, so the
        /// organization table, small, holds no firm's id and is asked first.
        func index(_ id: String) -> Int32? { organizationIndex[id] ?? firmIds[id] }
        if withOrganizations {
            ids.reserveCapacity(firmCount + park.organizations.count)
            for o in park.organizations where index(o.id) == nil {
                organizationIndex[o.id] = Int32(ids.count)
                ids.append(o.id)
            }
        }
        // Edges in order of addition, with the link index of each (-1 for other layers), to
        // map edge ids back. Layers are stored only once an edge is not a supply edge.
        var sources: [Int32] = [], targets: [Int32] = [], weights: [Double] = [], addedLinks: [Int32] = []
        var edgeLayers: [EdgeLayer]?
        func add(_ s: Int32, _ t: Int32, _ weight: Double, _ layer: EdgeLayer, link: Int32 = -1) {
            if layer != .supply && edgeLayers == nil {
                edgeLayers = [EdgeLayer](repeating: .supply, count: sources.count)
            }
            sources.append(s)
            targets.append(t)
            weights.append(weight)
            addedLinks.append(link)
            edgeLayers?.append(layer)
        }
        if layers.contains(.supply) {
            sources.reserveCapacity(park.links.count)
            targets.reserveCapacity(park.links.count)
            weights.reserveCapacity(park.links.count)
            addedLinks.reserveCapacity(park.links.count)
            let ends = (supplier: resolution.linkSupplier, buyer: resolution.linkBuyer)
            // Column reads: no link record is made.
            let wanted = LinkStatus.allCases.filter { statuses.contains($0) }
            // In bounds: i < links.count, and the resolution has one supplier and one buyer per
            // link of this park.
            let links = park.links
            assert(ends.supplier.count == links.count && ends.buyer.count == links.count)
            for i in links.indices where wanted.contains(links.status(at: i)) {
                let s = ends.supplier[i], b = ends.buyer[i]
                guard s >= 0, b >= 0 else { continue }
                add(s, b, links.value(at: i) ?? 1, .supply, link: Int32(i))
            }
        }
        if layers.contains(.pairing) {
            for p in park.pairings {
                guard let a = index(p.a), let b = index(p.b) else { continue }
                add(a, b, 1, .pairing)
            }
        }
        if layers.contains(.membership) {
            for (i, f) in park.firms.enumerated() {
                guard let org = f.organization, let o = index(org) else { continue }
                add(Int32(i), o, 1, .membership)
            }
            for o in park.organizations {
                guard let on = index(o.id) else { continue }
                for m in o.members + (o.hostFirm.map { [$0] } ?? []) {
                    guard let n = index(m), n < firmCount else { continue }
                    add(n, on, 1, .membership)
                }
            }
        }
        trace.mark("park graph: edges")
        // The builder only received ids it assigned, so it cannot fail.
        let graph =
            (try? GraphBuilder(
                directed: true, nodeCount: ids.count, sources: sources, targets: targets, weights: weights,
                layers: edgeLayers
            ).build()) ?? .empty
        trace.mark("park graph: CSR build")
        // The builder keeps each source's edges in order of addition: replay that order.
        var edgeLink = [Int32](repeating: -1, count: graph.edgeCount)
        var cursor = graph.outOffsets
        for (k, s) in sources.enumerated() where Int(s) < graph.nodeCount {
            let e = cursor[Int(s)]
            cursor[Int(s)] = e + 1
            edgeLink[e] = addedLinks[k]
        }
        trace.mark("park graph: edge links")
        self.graph = graph
        self.ids = ids
        self.firmCount = firmCount
        self.firmIndex = firms
        self.organizationIndex = organizationIndex
        self.linkOfEdge = edgeLink
    }

    /// Node of a firm or organization id. - Complexity: O(1) expected.
    public func node(of id: String) -> Int32? { firmIndex[id] ?? organizationIndex[id] }

    /// Node of a firm id (nil for organizations and unknown ids).
    public func node(ofFirm id: String) -> Int32? {
        guard let n = firmIndex[id], Int(n) < firmCount else { return nil }
        return n
    }

    /// Whether `node` is a firm (not an organization).
    public func isFirm(_ node: Int32) -> Bool { Int(node) < firmCount }
}
