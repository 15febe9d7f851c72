import ChainModel

/// Writes a ``MapScene`` as DOT text.
///
/// Every id is quoted (so `node`, `graph`, `strict` are plain names), every user string is
/// escaped with `DOTText` (plain quoted labels, no HTML-like labels except the fixed legend),
/// numbers are written with fixed decimals, and the order of everything comes from the scene:
/// the same scene gives byte-identical DOT.
///
/// ```swift
/// let dot = DOTWriter().write(scene)
/// let svg = try GraphvizRenderer.shared.render(dot: dot, format: .svg)
/// ```
public struct DOTWriter: Sendable {
    public init() {}

    /// The DOT text of `scene`.
    ///
    /// - Complexity: O(N + E + V·O) for N nodes, E edges, V overlays and O the lookups they need.
    public func write(_ scene: MapScene) -> String {
        if scene.arrangement == .grid { return writeGrid(scene) }
        var out = ""
        out.reserveCapacity(256 + scene.nodes.count * 400 + scene.edges.count * 300)
        let font = DOTText.label(scene.fontName)
        let marks = OverlayMarks(scene: scene)
        out += "digraph \"chainmap\" {\n"
        out +=
            "\tgraph [id=\"chainmap\", rankdir=\"LR\", outputorder=\"edgesfirst\", forcelabels=\"true\", nodesep=\"0.25\", ranksep=\"0.7\", "
            + "fontname=\(font), fontsize=\"20\", labelloc=\"t\", label=\(DOTText.label(scene.title)), "
            + "tooltip=\(DOTText.label(scene.title)), bgcolor=\"white\"];\n"
        out +=
            "\tnode [fontname=\(font), shape=\"box\", style=\"rounded,filled\", fontsize=\"12\", margin=\"0.12,0.06\"];\n"
        out += "\tedge [fontname=\(font), fontsize=\"10\", color=\"\(MapStyle.activeColor)\", arrowsize=\"0.7\"];\n"

        var nodesByCluster: [String: [Int]] = [:]
        var topLevel: [Int] = []
        for (i, node) in scene.nodes.enumerated() {
            if let c = node.cluster { nodesByCluster[c, default: []].append(i) } else { topLevel.append(i) }
        }
        for cluster in scene.clusters {
            guard let members = nodesByCluster[cluster.key], !members.isEmpty else { continue }
            out += "\tsubgraph \(DOTText.id("cluster:" + cluster.key)) {\n"
            out += "\t\tgraph [" + clusterAttributes(cluster, marks: marks) + "];\n"
            for i in members { out += "\t\t" + nodeStatement(scene.nodes[i], marks: marks) + "\n" }
            out += "\t}\n"
        }
        let clusterKeys = Set(scene.clusters.map(\.key))
        for (key, members) in nodesByCluster where !clusterKeys.contains(key) {
            _ = key
            topLevel.append(contentsOf: members)
        }
        topLevel.sort()
        for i in topLevel { out += "\t" + nodeStatement(scene.nodes[i], marks: marks) + "\n" }
        if scene.legend { out += "\t" + legendStatement(scene) + "\n" }
        for edge in scene.rankEdges {
            out += "\t\(DOTText.id(edge.from)) -> \(DOTText.id(edge.to)) [style=\"invis\", weight=\"0\"];\n"
        }
        for edge in scene.edges { out += "\t" + edgeStatement(edge, marks: marks) + "\n" }
        for (n, overlay) in scene.overlays.enumerated() {
            guard case .suggestedLink(let a, let b) = overlay.target, let from = scene.firmNodeName(a),
                let to = scene.firmNodeName(b)
            else { continue }
            out += "\t" + suggestionStatement(overlay, from: from, to: to, index: n, a: a, b: b) + "\n"
        }
        out += "}\n"
        return out
    }

    // MARK: - Statements

    func clusterAttributes(
        _ cluster: MapCluster, marks: OverlayMarks, fontSize: Double = 14, extra: [(String, String)] = []
    ) -> String {
        var label = cluster.label
        var attrs: [(String, String)] = []
        var classes: [String]
        var color = MapStyle.clusterColor
        var penwidth = "1"
        var style = "rounded"
        switch cluster.kind {
        case .stage(let id, let tier):
            attrs.append(("id", "stage-" + DOTText.token(id)))
            classes = ["stage", tier.rawValue]
            if let mark = marks.stages[id] {
                color = MapStyle.severityColor(mark.severity)
                penwidth = "3"
                label += mark.labels
                classes.append("highlight-" + mark.severity.rawValue)
            }
        case .outside:
            attrs.append(("id", "cluster-outside"))
            classes = ["outside"]
            style = "rounded,dashed"
        case .unstaged:
            attrs.append(("id", "cluster-unstaged"))
            classes = ["unstaged"]
            style = "rounded,dashed"
        case .organizations:
            attrs.append(("id", "cluster-organizations"))
            classes = ["organizations"]
            color = MapStyle.pairingColor
        }
        attrs.append(("class", classes.joined(separator: " ")))
        attrs.append(("label", DOTText.label(lines: label)))
        attrs.append(("style", style))
        attrs.append(("color", color))
        attrs.append(("penwidth", penwidth))
        attrs.append(("fontsize", DOTText.fixed(fontSize, digits: 0)))
        attrs.append(("labeljust", "l"))
        return render(attrs + extra)
    }

    /// The label lines a node is drawn with: its own, then its highlights' tags.
    func drawnLabel(_ node: MapNode, marks: OverlayMarks) -> [String] {
        switch node.kind {
        case .firm(let id, _): node.label + (marks.firms[id]?.labels ?? [])
        case .stage(let id), .gap(let id): node.label + (marks.stages[id]?.labels ?? [])
        default: node.label
        }
    }

    /// The label lines a cluster is drawn with.
    func drawnLabel(_ cluster: MapCluster, marks: OverlayMarks) -> [String] {
        if case .stage(let id, _) = cluster.kind, let mark = marks.stages[id] { return cluster.label + mark.labels }
        return cluster.label
    }

    /// A node with its size and place (grid maps): font size, width and height in points,
    /// centre as DOT `pos`.
    struct Placement {
        var fontSize: Double
        var width: Double
        var height: Double
        var pos: String
    }

    func nodeStatement(_ node: MapNode, marks: OverlayMarks, placement: Placement? = nil) -> String {
        var attrs: [(String, String)] = []
        var classes: [String] = []
        var label = node.label
        var style = ["rounded", "filled"]
        var fill = MapStyle.noOrganizationFill
        var color = "#404040"
        var penwidth = 1.0
        var shape = "box"
        var peripheries = 1
        var highlight: OverlayMarks.Mark?
        let fontsize = MapStyle.minFontSize + (MapStyle.maxFontSize - MapStyle.minFontSize) * node.scale
        let width = MapStyle.minWidth + (MapStyle.maxWidth - MapStyle.minWidth) * node.scale
        switch node.kind {
        case .firm(let id, let inPark):
            attrs.append(("id", "firm-" + DOTText.token(id)))
            classes.append("firm")
            switch node.organization ?? .none {
            case .own:
                fill = MapStyle.ownOrganizationFill
                classes.append("org-own")
            case .joint:
                fill = MapStyle.jointOrganizationFill
                classes.append("org-joint")
            case .none:
                classes.append("org-none")
            }
            if !inPark {
                style.append("dashed")
                classes.append("outside")
                fill = MapStyle.outsideFill
            }
            highlight = marks.firms[id]
        case .organization(let id):
            attrs.append(("id", "org-" + DOTText.token(id)))
            classes.append("organization")
            shape = "hexagon"
            style = ["filled"]
            fill = MapStyle.organizationFill
            color = MapStyle.pairingColor
        case .stage(let id):
            attrs.append(("id", "stage-" + DOTText.token(id)))
            classes.append("stage")
            fill = MapStyle.groupFill
            highlight = marks.stages[id]
        case .chain(let id):
            attrs.append(("id", "chain-" + DOTText.token(id)))
            classes.append("chain")
            fill = MapStyle.groupFill
        case .group(let name):
            attrs.append(("id", "group-" + DOTText.token(name)))
            classes.append("group")
            classes.append(DOTText.token(name))
            style.append("dashed")
            fill = MapStyle.outsideFill
        case .gap(let stage):
            attrs.append(("id", "gap-" + DOTText.token(stage)))
            classes.append("gap")
            style = ["rounded", "dashed"]
            fill = MapStyle.outsideFill
            color = MapStyle.plannedColor
            highlight = marks.stages[stage]
        }
        if node.leader {
            classes.append("leader")
            style.append("bold")
            peripheries = 2
            penwidth = 2
        }
        if node.focus {
            classes.append("focus")
            penwidth = max(penwidth, 2.5)
            color = "#000000"
        }
        if let highlight {
            classes.append("highlight-" + highlight.severity.rawValue)
            color = MapStyle.severityColor(highlight.severity)
            penwidth = max(penwidth, 3)
            label += highlight.labels
        }
        attrs.append(("class", classes.joined(separator: " ")))
        attrs.append(("label", DOTText.label(lines: label)))
        attrs.append(("tooltip", DOTText.label(node.tooltip)))
        attrs.append(("shape", shape))
        attrs.append(("style", style.joined(separator: ",")))
        attrs.append(("fillcolor", fill))
        attrs.append(("color", color))
        attrs.append(("penwidth", DOTText.fixed(penwidth, digits: 1)))
        if peripheries != 1 { attrs.append(("peripheries", String(peripheries))) }
        if let placement {
            attrs.append(("fontsize", DOTText.fixed(placement.fontSize, digits: 1)))
            attrs.append(("width", DOTText.fixed(placement.width / 72, digits: 3)))
            attrs.append(("height", DOTText.fixed(placement.height / 72, digits: 3)))
            attrs.append(("pos", placement.pos))
        } else {
            attrs.append(("fontsize", DOTText.fixed(fontsize, digits: 1)))
            attrs.append(("width", DOTText.fixed(width, digits: 2)))
        }
        return DOTText.id(node.name) + " [" + render(attrs) + "];"
    }

    func edgeStatement(_ edge: MapEdge, marks: OverlayMarks, extra more: [(String, String)] = []) -> String {
        var attrs: [(String, String)] = [("id", edge.key)]
        var classes: [String] = []
        var color = MapStyle.activeColor
        var style = "solid"
        var penwidth = MapStyle.minPenWidth + (MapStyle.maxPenWidth - MapStyle.minPenWidth) * edge.scale
        var label = edge.label.map { [$0] } ?? []
        var extra: [(String, String)] = []
        switch edge.kind {
        case .supply(let status, let outside):
            classes = ["supply", status.rawValue]
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
            if let link = edge.link, let mark = marks.links[link] {
                classes.append("highlight-" + mark.severity.rawValue)
                color = MapStyle.severityColor(mark.severity)
                penwidth += 2
                label += mark.labels
                extra.append(("fontcolor", color))
            }
        case .pairing(let kind):
            classes = ["pairing", DOTText.token(kind.rawValue)]
            color = MapStyle.pairingColor
            style = "dotted"
            penwidth = 1.5
            extra.append(("dir", "none"))
            extra.append(("constraint", "false"))
        }
        attrs.append(("class", classes.joined(separator: " ")))
        if !label.isEmpty { attrs.append(("label", DOTText.label(lines: label))) }
        attrs.append(("tooltip", DOTText.label(edge.tooltip)))
        attrs.append(("color", color))
        attrs.append(("style", style))
        attrs.append(("penwidth", DOTText.fixed(penwidth, digits: 2)))
        attrs += extra + more
        return DOTText.id(edge.from) + " -> " + DOTText.id(edge.to) + " [" + render(edgeAttributes: attrs) + "];"
    }

    func suggestionStatement(
        _ overlay: MapOverlay, from: String, to: String, index: Int, a: String, b: String,
        extra: [(String, String)] = []
    ) -> String {
        var text = overlay.label ?? "建议 suggested"
        if let score = overlay.score { text += " (" + DOTText.fixed(score, digits: 2) + ")" }
        let attrs: [(String, String)] =
            [
                ("id", "suggested-" + DOTText.token(a) + "__" + DOTText.token(b) + "__\(index)"),
                ("class", "suggested"),
                ("label", DOTText.label(text)),
                ("tooltip", DOTText.label("建议配套 suggested link\n" + text)),
                ("color", MapStyle.suggestedColor),
                ("fontcolor", MapStyle.suggestedColor),
                ("style", "dashed"),
                ("penwidth", "2.00"),
                ("constraint", "false"),
            ] + extra
        return DOTText.id(from) + " -> " + DOTText.id(to) + " [" + render(edgeAttributes: attrs) + "];"
    }

    /// Edge attributes, with one rule for Graphviz 2.43: edge text is written as an `xlabel`,
    /// placed after layout. A plain `label` makes dot add a virtual label node, and for some
    /// edges (flat edges inside a rank, non-constraining pairings and suggested links) the
    /// layout cleanup (`gvFreeLayout`) frees it twice and the process aborts — seen on the
    /// Beilun and Ningxiang maps with gap overlays. The `dot` program never frees its layout,
    /// so it does not show the bug. `forcelabels=true` (graph attribute) keeps every xlabel.
    func render(edgeAttributes attrs: [(String, String)]) -> String {
        render(attrs.map { $0.0 == "label" ? ("xlabel", $0.1) : $0 })
    }

    func render(_ attrs: [(String, String)]) -> String {
        attrs.map { key, value in
            key + "=" + (value.hasPrefix("\"") || value.hasPrefix("<") ? value : "\"" + value + "\"")
        }.joined(separator: ", ")
    }
}

/// Highlights resolved per target, merged: highest severity wins, labels kept in order.
struct OverlayMarks {
    struct Mark {
        var severity: Severity
        var labels: [String]
    }

    var firms: [String: Mark] = [:]
    var links: [SupplierBuyer: Mark] = [:]
    var stages: [String: Mark] = [:]

    init(scene: MapScene) {
        func merge(_ marks: inout [String: Mark], _ key: String, _ overlay: MapOverlay) {
            var mark = marks[key] ?? Mark(severity: overlay.severity, labels: [])
            mark.severity = max(mark.severity, overlay.severity)
            // The same finding on several links of a firm is one tag.
            if let label = overlay.label, !label.isEmpty, !mark.labels.contains("[" + label + "]") {
                mark.labels.append("[" + label + "]")
            }
            marks[key] = mark
        }
        for overlay in scene.overlays {
            switch overlay.target {
            case .firm(let id): merge(&firms, id, overlay)
            case .stage(let id): merge(&stages, id, overlay)
            case .link(let s, let b):
                let key = SupplierBuyer(supplier: s, buyer: b)
                var mark = links[key] ?? Mark(severity: overlay.severity, labels: [])
                mark.severity = max(mark.severity, overlay.severity)
                if let label = overlay.label, !label.isEmpty { mark.labels.append(label) }
                links[key] = mark
            case .suggestedLink: break
            }
        }
    }
}
