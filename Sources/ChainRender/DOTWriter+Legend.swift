extension DOTWriter {
    /// The legend: a fixed HTML-like table node listing the fills, borders and line styles the
    /// scene uses. Its text is constant (no user strings) and XML-escaped all the same.
    /// With `columns` 2 the rows are split into two halves side by side (a wide, low legend).
    func legendStatement(_ scene: MapScene, fontSize: String = "10", pos: String? = nil, columns: Int = 1) -> String {
        let rows = legendRows(scene)
        let title = MapText(scene.language)("legend.title")
        let columns = max(1, min(2, columns))
        let perColumn = (rows.count + columns - 1) / columns
        var html = "<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"3\">"
        html += "<tr><td colspan=\"\(2 * columns)\"><b>" + DOTText.xml(title) + "</b></td></tr>"
        for r in 0..<perColumn {
            html += "<tr>"
            for c in 0..<columns {
                let k = c * perColumn + r
                if k < rows.count {
                    html += rows[k].0.html + "<td align=\"left\">" + DOTText.xml(rows[k].1) + "</td>"
                } else {
                    html += "<td colspan=\"2\"></td>"
                }
            }
            html += "</tr>"
        }
        html += "</table>>"
        return
            "\"legend\" [id=\"legend\", class=\"legend\", shape=\"plaintext\", style=\"\", fontsize=\"\(fontSize)\", label="
            + html
            + ", tooltip=" + DOTText.label(title) + (pos.map { ", pos=\"\($0)\"" } ?? "") + "];"
    }

    /// Estimated size of the legend in points at `fontSize` (cells 3 pt padding, 1 pt border),
    /// in one or two columns of rows.
    func legendSize(_ scene: MapScene, fontSize: Double, columns: Int = 1) -> MapLayout.Point {
        let rows = legendRows(scene)
        let columns = max(1, min(2, columns))
        let perColumn = (rows.count + columns - 1) / columns
        var width = 0.0
        for c in 0..<columns {
            let part = rows[min(rows.count, c * perColumn)..<min(rows.count, (c + 1) * perColumn)]
            let left = part.map { MapLayout.ems($0.0.text) }.max() ?? 0
            let right = part.map { MapLayout.ems($0.1) }.max() ?? 0
            width += (left + right) * fontSize + 24
        }
        let rowHeight = fontSize * MapLayout.lineHeight + 8
        return MapLayout.Point(x: width, y: Double(perColumn + 1) * rowHeight + 4)
    }

    /// A legend cell: its HTML and its visible text.
    struct LegendCell {
        var html: String
        var text: String
    }

    func legendRows(_ scene: MapScene) -> [(LegendCell, String)] {
        var hasPairing = false
        var hasOutside = false
        var hasOrganizations = false
        var hasGap = false
        for edge in scene.edges {
            switch edge.kind {
            case .pairing: hasPairing = true
            case .supply(_, let outside): hasOutside = hasOutside || outside
            }
        }
        for node in scene.nodes {
            switch node.kind {
            case .organization: hasOrganizations = true
            case .firm(_, let inPark): hasOutside = hasOutside || !inPark
            case .gap: hasGap = true
            default: break
            }
        }
        let hasSuggestion = scene.overlays.contains { if case .suggestedLink = $0.target { true } else { false } }
        let hasHighlight = scene.overlays.contains { if case .suggestedLink = $0.target { false } else { true } }

        var rows: [(LegendCell, String)] = []
        func swatch(_ fill: String, _ text: String) -> LegendCell {
            LegendCell(html: "<td bgcolor=\"\(fill)\">\(DOTText.xml(text))</td>", text: text)
        }
        func line(_ color: String, _ glyph: String) -> LegendCell {
            LegendCell(html: "<td><font color=\"\(color)\">\(DOTText.xml(glyph))</font></td>", text: glyph)
        }
        func plain(_ html: String, _ text: String) -> LegendCell { LegendCell(html: html, text: text) }
        let grid = scene.arrangement == .grid
        let t = MapText(scene.language)
        func bold(_ text: String) -> LegendCell { plain("<td><b>" + DOTText.xml(text) + "</b></td>", text) }
        func cell(_ text: String) -> LegendCell { plain("<td>" + DOTText.xml(text) + "</td>", text) }
        rows.append((swatch(MapStyle.ownOrganizationFill, t("legend.firm")), t("legend.own")))
        rows.append((swatch(MapStyle.jointOrganizationFill, t("legend.firm")), t("legend.joint")))
        rows.append((swatch(MapStyle.noOrganizationFill, t("legend.firm")), t("legend.none")))
        rows.append((bold(t("legend.bold")), t("legend.leader")))
        if grid && scene.firmCount > 0 {
            rows.append((cell(t("legend.order")), t("legend.order.text")))
            rows.append((line(MapStyle.activeColor, "—12—▶"), t("legend.bundle")))
        } else {
            rows.append((cell(t("legend.size")), t("legend.size.text")))
        }
        if hasOutside { rows.append((cell(t("legend.dashed")), t("legend.outside"))) }
        if hasGap { rows.append((cell(t("gap")), t("legend.gap.text"))) }
        if hasOrganizations {
            rows.append((swatch(MapStyle.organizationFill, t("legend.organization")), t("legend.organization.text")))
        }
        rows.append((line(MapStyle.activeColor, "——▶"), t("legend.active")))
        if hasOutside { rows.append((line(MapStyle.outsideSupplyColor, "——▶"), t("legend.outsideSupply"))) }
        rows.append((line(MapStyle.plannedColor, "- - ▶"), t("legend.planned")))
        rows.append((line(MapStyle.lostColor, "- - ▶"), t("legend.lost")))
        if hasPairing { rows.append((line(MapStyle.pairingColor, "· · ·"), t("legend.pairing"))) }
        if hasSuggestion { rows.append((line(MapStyle.suggestedColor, "- - ▶"), t("legend.suggested"))) }
        if hasHighlight {
            rows.append((line(MapStyle.severityColor(.critical), "■"), t("legend.critical")))
            rows.append((line(MapStyle.severityColor(.warning), "■"), t("legend.warning")))
            rows.append((line(MapStyle.severityColor(.info), "■"), t("legend.info")))
        }
        return rows
    }
}
