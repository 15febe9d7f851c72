import ChainModel

extension DOTWriter {
    /// The DOT of a grid map (``MapArrangement/grid``): every node, cluster box, edge and edge
    /// label carries the position ``MapLayout`` computed, for Graphviz's `nop2` layout (the
    /// graph says `layout="nop2"`, so `dot -Tsvg` draws it too). Supply links between two boxes
    /// are drawn as one bundle per status; highlighted links, suggestions and pairings are
    /// drawn firm to firm on top.
    func writeGrid(_ scene: MapScene) -> String { writeGridMeasured(scene).dot }

    /// The DOT of a grid map and the size (pt) its smallest text prints at when the whole map
    /// fills an A3 page in its better orientation (the layout's own estimate; Graphviz's
    /// drawing is a few points larger, so the printed text is no smaller).
    ///
    /// - Complexity: the layout search of ``MapLayout`` plus O(N + E) writing.
    func writeGridMeasured(_ scene: MapScene) -> (dot: String, printSize: Double) {
        let marks = OverlayMarks(scene: scene)
        let bundles = Self.bundles(scene)
        var clusterLabels: [String: [String]] = [:]
        for cluster in scene.clusters { clusterLabels[cluster.key] = drawnLabel(cluster, marks: marks) }
        let wide = MapLayout.Labels(nodes: scene.nodes.map { drawnLabel($0, marks: marks) }, clusters: clusterLabels)
        let legendFont = MapLayout.legendFont
        let legendSizes = scene.legend ? [1, 2].map { legendSize(scene, fontSize: legendFont, columns: $0) } : []
        let layout = MapLayout(
            scene: scene, variants: [wide] + Self.narrowLines.map { Self.narrowLabels(scene, wide, maxLine: $0) },
            bundles: bundles, legendSizes: legendSizes)
        let narrowLine = layout.variant == 0 ? nil : Self.narrowLines[layout.variant - 1]
        let chosen = narrowLine.map { Self.narrowLabels(scene, wide, maxLine: $0) } ?? wide
        clusterLabels = chosen.clusters
        let height = layout.height
        func pos(_ p: MapLayout.Point) -> String {
            DOTText.fixed(p.x, digits: 1) + "," + DOTText.fixed(height - p.y, digits: 1)
        }

        var out = ""
        out.reserveCapacity(256 + scene.nodes.count * 500 + bundles.count * 600)
        let font = DOTText.label(scene.fontName)
        out += "digraph \"chainmap\" {\n"
        out +=
            "\tgraph [id=\"chainmap\", layout=\"nop2\", outputorder=\"edgesfirst\", forcelabels=\"true\", "
            + "bb=\"0,0," + DOTText.fixed(layout.width, digits: 1) + "," + DOTText.fixed(height, digits: 1) + "\", "
            + "fontname=\(font), fontsize=\"\(DOTText.fixed(MapLayout.titleFont, digits: 0))\", labelloc=\"t\", label=\(DOTText.label(scene.title)), "
            + "lp=\"" + pos(layout.title) + "\", tooltip=\(DOTText.label(scene.title)), bgcolor=\"white\"];\n"
        out +=
            "\tnode [fontname=\(font), shape=\"box\", style=\"rounded,filled\", fontsize=\"12\", margin=\"0.055,0.028\"];\n"
        out +=
            "\tedge [fontname=\(font), fontsize=\"\(DOTText.fixed(MapLayout.edgeFont, digits: 0))\", color=\"\(MapStyle.activeColor)\", arrowsize=\"0.7\"];\n"

        var nodesByCluster: [String: [Int]] = [:]
        var topLevel: [Int] = []
        for (i, node) in scene.nodes.enumerated() {
            if let c = node.cluster { nodesByCluster[c, default: []].append(i) } else { topLevel.append(i) }
        }
        func placed(_ i: Int) -> String {
            // A leader's cell holds its second border, drawn 4 pt outside the given size.
            let inset = scene.nodes[i].leader ? 8.0 : 0
            let size = layout.nodeSize[i]
            let placement = Placement(
                fontSize: scene.nodes[i].gridFontSize, width: size.x - inset, height: size.y - inset,
                pos: pos(layout.nodeCenter[i]))
            var node = scene.nodes[i]
            if case .firm = node.kind, let narrowLine {
                // The narrow variant's name lines (overlay tags are added by nodeStatement).
                node.label = Self.narrowName(node.label, maxLine: narrowLine)
            }
            return nodeStatement(node, marks: marks, placement: placement)
        }
        for cluster in scene.clusters {
            guard let members = nodesByCluster[cluster.key], !members.isEmpty, let box = layout.clusterBox[cluster.key]
            else { continue }
            let bb =
                DOTText.fixed(box.x, digits: 1) + "," + DOTText.fixed(height - box.maxY, digits: 1) + ","
                + DOTText.fixed(box.maxX, digits: 1) + "," + DOTText.fixed(height - box.y, digits: 1)
            out += "\tsubgraph \(DOTText.id("cluster:" + cluster.key)) {\n"
            let lines = clusterLabels[cluster.key] ?? cluster.label
            let labelWidth = (lines.map(MapLayout.ems).max() ?? 0) * MapLayout.clusterFont
            let labelHeight = Double(lines.count) * MapLayout.clusterFont * MapLayout.lineHeight
            let lp = pos(MapLayout.Point(x: box.x + MapLayout.padding + labelWidth / 2, y: box.y + 3 + labelHeight / 2))
            var drawn = cluster
            if let narrowLine {
                drawn.label = cluster.label.flatMap { ChainMapBuilder.wrap($0, maxLine: narrowLine) }
            }
            out +=
                "\t\tgraph ["
                + clusterAttributes(
                    drawn, marks: marks, fontSize: MapLayout.clusterFont, extra: [("bb", bb), ("lp", lp)]) + "];\n"
            for i in members { out += "\t\t" + placed(i) + "\n" }
            out += "\t}\n"
        }
        let clusterKeys = Set(scene.clusters.map(\.key))
        for (key, members) in nodesByCluster where !clusterKeys.contains(key) {
            _ = key
            topLevel.append(contentsOf: members)
        }
        topLevel.sort()
        for i in topLevel { out += "\t" + placed(i) + "\n" }
        if let box = layout.legend {
            let centre = MapLayout.Point(x: box.x + box.width / 2, y: box.y + box.height / 2)
            out +=
                "\t"
                + legendStatement(
                    scene, fontSize: DOTText.fixed(legendFont, digits: 0), pos: pos(centre),
                    columns: layout.legendColumns) + "\n"
        }

        // Bundles between boxes.
        for (b, bundle) in bundles.enumerated() {
            let route = layout.routes[b]
            out += "\t" + bundleStatement(bundle, route: route, scene: scene, marks: marks, pos: pos) + "\n"
        }
        // Firm-to-firm lines on top: highlighted links, pairings, suggestions.
        var index: [String: Int] = [:]
        for (i, node) in scene.nodes.enumerated() { index[node.name] = i }
        func curve(_ from: String, _ to: String, arrow: Bool) -> [(String, String)] {
            guard let a = index[from], let b = index[to] else { return [] }
            let p = layout.nodeCenter[a], q = layout.nodeCenter[b]
            let sq = layout.nodeSize[b]
            // Leave the tail's centre, bend to one side, end on the head's border.
            let dx = q.x - p.x, dy = q.y - p.y
            let length = max(1, (dx * dx + dy * dy).squareRoot())
            let bend = MapLayout.Point(x: -dy / length * min(60, length / 5), y: dx / length * min(60, length / 5))
            let c1 = MapLayout.Point(x: p.x + dx / 3 + bend.x, y: p.y + dy / 3 + bend.y)
            let c2 = MapLayout.Point(x: p.x + 2 * dx / 3 + bend.x, y: p.y + 2 * dy / 3 + bend.y)
            let ex = q.x - c2.x, ey = q.y - c2.y
            let t = min(sq.x / 2 / max(abs(ex), 0.001), sq.y / 2 / max(abs(ey), 0.001), 1)
            let end = MapLayout.Point(x: q.x - ex * t, y: q.y - ey * t)
            let el = max(0.001, (ex * ex + ey * ey).squareRoot())
            let tip =
                arrow
                ? MapLayout.Point(x: end.x - ex / el * MapLayout.arrow, y: end.y - ey / el * MapLayout.arrow) : end
            var spline = [pos(p), pos(c1), pos(c2), pos(tip)].joined(separator: " ")
            if arrow { spline = "e," + pos(end) + " " + spline }
            let mid = MapLayout.Point(x: (p.x + q.x) / 2 + bend.x * 0.75, y: (p.y + q.y) / 2 + bend.y * 0.75)
            return [("pos", spline), ("xlp", pos(mid))]
        }
        for edge in scene.edges {
            switch edge.kind {
            case .supply:
                guard let link = edge.link, marks.links[link] != nil else { continue }
                out += "\t" + edgeStatement(edge, marks: marks, extra: curve(edge.from, edge.to, arrow: true)) + "\n"
            case .pairing:
                out += "\t" + edgeStatement(edge, marks: marks, extra: curve(edge.from, edge.to, arrow: false)) + "\n"
            }
        }
        for (n, overlay) in scene.overlays.enumerated() {
            guard case .suggestedLink(let a, let b) = overlay.target, let from = scene.firmNodeName(a),
                let to = scene.firmNodeName(b)
            else { continue }
            out +=
                "\t"
                + suggestionStatement(
                    overlay, from: from, to: to, index: n, a: a, b: b, extra: curve(from, to, arrow: true)) + "\n"
        }
        out += "}\n"
        return (out, layout.a3Scale * MapLayout.smallestFont)
    }

    /// Label lines with firm names and box headers re-broken at `maxLine` ems: the layout tries
    /// these variants after the default (7 ems) when the default does not print comfortably on
    /// A3 — 9 ems keeps most names on one line (rows less tall), 6 and 5 ems make columns of
    /// boxes narrower and taller — and keeps whichever prints larger.
    ///
    /// - Complexity: O(total label length).
    static func narrowLabels(_ scene: MapScene, _ wide: MapLayout.Labels, maxLine: Double) -> MapLayout.Labels {
        var result = wide
        for (i, node) in scene.nodes.enumerated() {
            guard case .firm = node.kind else { continue }
            result.nodes[i] = narrowName(node.label, maxLine: maxLine) + wide.nodes[i].dropFirst(node.label.count)
        }
        for cluster in scene.clusters {
            let own = cluster.label.flatMap { ChainMapBuilder.wrap($0, maxLine: maxLine) }
            result.clusters[cluster.key] = own + (wide.clusters[cluster.key] ?? []).dropFirst(cluster.label.count)
        }
        return result
    }

    /// Line widths (ems) of the label variants the layout tries besides the default, in order of preference.
    static let narrowLines = [9.0, 6.0, 5.0]

    /// A firm's name lines re-broken at `maxLine` ems (lines of a Latin name rejoined with a space).
    static func narrowName(_ lines: [String], maxLine: Double) -> [String] {
        var joined = ""
        for line in lines {
            if let last = joined.last, let first = line.first, last.isASCII, first.isASCII, last != " ", first != " " {
                joined.append(" ")
            }
            joined += line
        }
        return ChainMapBuilder.wrap(joined, maxLine: maxLine)
    }

    /// Supply edges grouped by (tail box, head box, status, outside): in a firm map the box of a
    /// firm is its cluster; in an aggregated map every node is its own box. Edges inside one
    /// box are not drawn (the box's tooltip counts them).
    static func bundles(_ scene: MapScene) -> [MapBundle] {
        var box: [String: String] = [:]
        var anchor: [String: String] = [:]
        for node in scene.nodes {
            let key = node.cluster ?? node.name
            box[node.name] = key
            if anchor[key] == nil { anchor[key] = node.name }
        }
        var order: [String] = []
        var groups: [String: MapBundle] = [:]
        for (i, edge) in scene.edges.enumerated() {
            guard case .supply(let status, let outside) = edge.kind, let a = box[edge.from], let b = box[edge.to],
                a != b,
                let from = anchor[a], let to = anchor[b]
            else { continue }
            let key = a + "\u{1}" + b + "\u{1}" + status.rawValue + (outside ? "\u{1}o" : "")
            if groups[key] == nil {
                order.append(key)
                groups[key] = MapBundle(from: from, to: to, kind: edge.kind, edges: [], label: [])
            }
            groups[key]?.edges.append(i)
        }
        return order.compactMap { key in
            guard var bundle = groups[key] else { return nil }
            let edges = bundle.edges.map { scene.edges[$0] }
            if edges.count == 1, edges[0].link == nil {
                bundle.label = edges[0].label.map { [$0] } ?? []
            } else {
                let value = edges.reduce(0.0) {
                    $0 + (($1.value ?? 0) > 0 && ($1.value ?? 0).isFinite ? ($1.value ?? 0) : 0)
                }
                // The count only: a value line widened every channel by its widest amount and made
                // ports two lines apart. The line's width shows the value, the tooltip states it.
                bundle.label = [String(edges.count)]
                bundle.value = value
            }
            return bundle
        }
    }

    /// An amount in 亿 or 万 with two significant digits at most (45亿, 4.6亿, 380万).
    static func shortMoney(_ value: Double) -> String {
        let (v, unit) = value >= 1e8 ? (value / 1e8, "亿") : value >= 1e4 ? (value / 1e4, "万") : (value, "元")
        return DOTText.fixed(v, digits: v < 10 ? 1 : 0) + unit
    }

    private func bundleStatement(
        _ bundle: MapBundle, route: MapLayout.Route, scene: MapScene, marks: OverlayMarks,
        pos: (MapLayout.Point) -> String
    ) -> String {
        let edges = bundle.edges.map { scene.edges[$0] }
        guard case .supply(let status, let outside) = bundle.kind else { return "" }
        let single = edges.count == 1 && edges[0].link == nil
        var attrs: [(String, String)] = []
        var classes = ["supply", status.rawValue]
        var color = MapStyle.activeColor
        var style = "solid"
        if outside {
            classes.append("outside")
            color = MapStyle.outsideSupplyColor
        }
        switch status {
        case .active: break
        case .planned:
            color = MapStyle.plannedColor
            style = "dashed"
        case .lost:
            color = MapStyle.lostColor
            style = "dashed"
        }
        var severity: Severity?
        for edge in edges {
            if let link = edge.link, let mark = marks.links[link] {
                severity = max(severity ?? mark.severity, mark.severity)
            }
        }
        let scale = edges.map(\.scale).max() ?? 0
        var penwidth =
            MapStyle.minPenWidth + (MapStyle.maxPenWidth - MapStyle.minPenWidth)
            * (single ? scale : min(1, scale + Double(edges.count - 1) * 0.05))
        if let severity {
            classes.append("highlight-" + severity.rawValue)
            color = MapStyle.severityColor(severity)
            penwidth += 1
        }
        if single {
            attrs.append(("id", edges[0].key))
        } else {
            classes.append("bundle")
            let ids = bundle.from + "__" + bundle.to
            attrs.append(("id", "bundle-" + DOTText.token(ids) + "__" + status.rawValue + (outside ? "__outside" : "")))
        }
        attrs.append(("class", classes.joined(separator: " ")))
        if !bundle.label.isEmpty { attrs.append(("label", DOTText.label(lines: bundle.label))) }
        let tooltip: String
        if single {
            tooltip = edges[0].tooltip
        } else {
            let shown = edges.prefix(40).map { edge -> String in
                edge.tooltip.split(separator: "\n", omittingEmptySubsequences: false).prefix(3).joined(separator: " · ")
            }
            let total = bundle.value > 0 ? " · " + Self.shortMoney(bundle.value) : ""
            var lines = ["\(edges.count) × \(status.rawValue)" + total] + shown
            if edges.count > shown.count { lines.append("… +\(edges.count - shown.count)") }
            tooltip = lines.joined(separator: "\n")
        }
        attrs.append(("tooltip", DOTText.label(tooltip)))
        attrs.append(("color", color))
        attrs.append(("fontcolor", color))
        attrs.append(("style", style))
        attrs.append(("penwidth", DOTText.fixed(penwidth, digits: 2)))
        // The route as a B-spline of straight cubic pieces, the arrow to the box's border.
        let points = route.points
        if let last = points.last {
            var spline = ["e," + pos(MapLayout.Point(x: last.x + MapLayout.arrow, y: last.y)), pos(points[0])]
            for k in 1..<points.count {
                let p = points[k - 1], q = points[k]
                spline.append(pos(MapLayout.Point(x: p.x + (q.x - p.x) / 3, y: p.y + (q.y - p.y) / 3)))
                spline.append(pos(MapLayout.Point(x: p.x + 2 * (q.x - p.x) / 3, y: p.y + 2 * (q.y - p.y) / 3)))
                spline.append(pos(q))
            }
            attrs.append(("pos", spline.joined(separator: " ")))
        }
        if let label = route.label {
            attrs.append(("xlp", pos(MapLayout.Point(x: label.x + label.width / 2, y: label.y + label.height / 2))))
        }
        return DOTText.id(bundle.from) + " -> " + DOTText.id(bundle.to) + " [" + render(edgeAttributes: attrs) + "];"
    }
}
