import ChainModel

/// Builds the map a chain committee expects from a `Park`: stages left to right
/// (upstream → downstream) as clusters in template order, firms coloured by organization
/// status and sized by output, chain leaders emphasised, supply links by status and value,
/// outside-park suppliers in their own cluster, optional pairing layer, legend and title.
///
/// ```swift
/// let builder = ChainMapBuilder(park: park)
/// let scene = try builder.build(MapOptions(chain: "battery"))
/// let dot = DOTWriter().write(scene)
/// ```
public struct ChainMapBuilder: Sendable {
    let index: ParkIndex

    /// Indexes `park` (template order, ids, organization status).
    ///
    /// - Complexity: O(F + L + O + S²) for F firms, L links, O organizations, S stages per chain.
    public init(park: Park) {
        self.index = ParkIndex(park: park)
    }

    public var park: Park { index.park }

    /// Builds the scene for `options`.
    ///
    /// - Throws: ``RenderError/unknownReference(kind:id:)`` for an unknown chain or focus firm,
    ///   ``RenderError/tooLarge(firms:limit:)`` when the view exceeds the limit and the policy
    ///   is `.refuse`.
    /// - Complexity: O(F + L + P) plus sorting, for F firms, L links and P pairings.
    public func build(_ options: MapOptions) throws(RenderError) -> MapScene {
        var notes: [String] = []
        let text = MapText(options.language)
        var chainIndex: Int?
        if let chain = options.chain {
            guard let c = index.chainByID[chain] else { throw .unknownReference(kind: "chain", id: chain) }
            chainIndex = c
        }
        var selected = selectFirms(chain: chainIndex)
        if let focus = options.focus {
            guard let f = index.firmIndex(focus.firm) else { throw .unknownReference(kind: "firm", id: focus.firm) }
            guard selected[f] else { throw .unknownReference(kind: "firm in the chosen chain", id: focus.firm) }
            selected = neighbourhood(of: f, radius: max(0, focus.radius), within: selected)
        }
        var aggregate = options.aggregate
        let count = selected.reduce(0) { $0 + ($1 ? 1 : 0) }
        if aggregate == nil && count > options.fullLayoutLimit {
            switch options.oversize {
            case .refuse:
                throw .tooLarge(firms: count, limit: options.fullLayoutLimit)
            case .aggregate:
                aggregate = .stage
                notes.append(
                    text("note.overLimit", ["firms": .integer(count), "limit": .integer(options.fullLayoutLimit)]))
            }
        }
        var scene: MapScene
        if let aggregate {
            scene = aggregatedScene(selected: selected, chain: chainIndex, by: aggregate, text: text)
            if options.layers.contains(.pairing) { notes.append("the pairing layer is not drawn in aggregated views") }
        } else {
            scene = firmScene(
                selected: selected, chain: chainIndex, focus: options.focus, gaps: options.focus == nil, text: text)
            if options.layers.contains(.pairing) {
                addPairings(
                    to: &scene, notes: &notes, restricted: chainIndex != nil || options.focus != nil, text: text)
            }
        }
        scene.title = options.title ?? title(chain: chainIndex, focus: options.focus, aggregate: aggregate, text: text)
        scene.legend = options.legend
        scene.fontName = options.fontName
        scene.arrangement = options.arrangement
        scene.language = options.language
        scene.overlays = options.overlays
        let unresolved = scene.unresolvedOverlays()
        if unresolved.count <= 3 {
            for overlay in unresolved {
                notes.append("overlay not drawn, not in this view: \(overlay.targetDescription)")
            }
        } else {
            let shown = unresolved.prefix(3).map(\.targetDescription).joined(separator: "; ")
            notes.append(
                "\(unresolved.count) overlays not drawn, not in this view (e.g. \(shown)); a firm view (no --aggregate) shows them"
            )
        }
        scene.notes = notes + scene.notes
        return scene
    }

    // MARK: - Selection

    /// All firms, or the firms of one chain plus their direct outside-park suppliers.
    func selectFirms(chain: Int?) -> [Bool] {
        let park = index.park
        guard let chain else { return [Bool](repeating: true, count: park.firms.count) }
        let stageIDs = Set(park.chains[chain].stages.map(\.id))
        var selected = park.firms.map { firm in firm.stages.contains(where: stageIDs.contains) }
        let members = selected
        for l in park.links.indices {
            let s = Int(index.linkSupplier[l]), b = Int(index.linkBuyer[l])
            guard s >= 0, b >= 0 else { continue }
            if members[b] && !park.firms[s].inPark { selected[s] = true }
        }
        return selected
    }

    /// Firms within `radius` undirected supply hops of `start` (any link status), among `within`.
    ///
    /// - Complexity: O(F + L).
    func neighbourhood(of start: Int, radius: Int, within: [Bool]) -> [Bool] {
        let park = index.park
        let n = park.firms.count
        var degree = [Int](repeating: 0, count: n + 1)
        var pairs: [(Int, Int)] = []
        pairs.reserveCapacity(park.links.count)
        for l in park.links.indices {
            let s = Int(index.linkSupplier[l]), b = Int(index.linkBuyer[l])
            guard s >= 0, b >= 0, s != b, within[s], within[b] else { continue }
            pairs.append((s, b))
            degree[s + 1] += 1
            degree[b + 1] += 1
        }
        for i in 0..<n { degree[i + 1] += degree[i] }
        var fill = degree
        var adjacency = [Int](repeating: 0, count: pairs.count * 2)
        for (s, b) in pairs {
            adjacency[fill[s]] = b
            fill[s] += 1
            adjacency[fill[b]] = s
            fill[b] += 1
        }
        var distance = [Int](repeating: -1, count: n)
        var queue = [start]
        queue.reserveCapacity(n)
        distance[start] = 0
        var head = 0
        while head < queue.count {
            let u = queue[head]
            head += 1
            guard distance[u] < radius else { continue }
            for k in degree[u]..<degree[u + 1] where distance[adjacency[k]] < 0 {
                distance[adjacency[k]] = distance[u] + 1
                queue.append(adjacency[k])
            }
        }
        return distance.map { $0 >= 0 }
    }

    // MARK: - Titles

    func title(chain: Int?, focus: MapFocus?, aggregate: MapAggregation?, text: MapText) -> String {
        let park = index.park
        var parts = [park.name]
        parts.append(chain.map { park.chains[$0].name } ?? text("title.allChains"))
        if let date = park.dataDate, !date.isEmpty { parts.append(text("title.dataDate", ["date": .text(date)])) }
        if let focus, let f = index.firmIndex(focus.firm) {
            parts.append(
                text("title.neighbourhood", ["firm": .text(park.firms[f].name), "radius": .integer(focus.radius)]))
        }
        switch aggregate {
        case .stage: parts.append(text("title.byStage"))
        case .chain: parts.append(text("title.byChain"))
        case nil: break
        }
        return parts.joined(separator: " · ")
    }
}

extension MapOverlay {
    var targetDescription: String {
        switch target {
        case .firm(let id): "firm \(id)"
        case .link(let s, let b): "link \(s) → \(b)"
        case .stage(let id): "stage \(id)"
        case .suggestedLink(let a, let b): "suggested link \(a) → \(b)"
        }
    }
}
