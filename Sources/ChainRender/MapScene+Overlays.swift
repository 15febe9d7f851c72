extension MapScene {
    /// Adds an overlay to the scene.
    public mutating func add(_ overlay: MapOverlay) { overlays.append(overlay) }

    /// DOT name of the node drawn for a firm, if the scene has one.
    func firmNodeName(_ id: String) -> String? {
        nodes.first { if case .firm(let f, _) = $0.kind { return f == id } else { return false } }?.name
    }

    /// Whether `overlay` points at something this scene draws.
    ///
    /// - Complexity: O(N + E).
    public func resolves(_ overlay: MapOverlay) -> Bool {
        switch overlay.target {
        case .firm(let id):
            return firmNodeName(id) != nil
        case .link(let s, let b):
            let wanted = SupplierBuyer(supplier: s, buyer: b)
            return edges.contains { $0.link == wanted }
        case .stage(let id):
            return clusters.contains { if case .stage(let sid, _) = $0.kind { return sid == id } else { return false } }
                || nodes.contains { node in
                    switch node.kind {
                    case .stage(let sid), .gap(let sid): return sid == id
                    default: return false
                    }
                }
        case .suggestedLink(let a, let b):
            return firmNodeName(a) != nil && firmNodeName(b) != nil
        }
    }

    /// Overlays that point at nothing drawn (they are skipped by the writer).
    public func unresolvedOverlays() -> [MapOverlay] { overlays.filter { !resolves($0) } }
}
