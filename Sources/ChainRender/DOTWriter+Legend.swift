extension DOTWriter {
    /// The legend: a fixed HTML-like table node listing the fills, borders and line styles the
    /// scene uses. Its text is constant (no user strings) and XML-escaped all the same.
    func legendStatement(_ scene: MapScene, fontSize: String = "10", pos: String? = nil) -> String {
        let rows = legendRows(scene)
        var html = "<<table border=\"0\" cellborder=\"1\" cellspacing=\"0\" cellpadding=\"3\">"
        html += "<tr><td colspan=\"2\"><b>图例 legend</b></td></tr>"
        for (left, right) in rows {
            html += "<tr>" + left.html + "<td align=\"left\">" + DOTText.xml(right) + "</td></tr>"
        }
        html += "</table>>"
        return "\"legend\" [id=\"legend\", class=\"legend\", shape=\"plaintext\", style=\"\", fontsize=\"\(fontSize)\", label=" + html
            + ", tooltip=\"图例 legend\"" + (pos.map { ", pos=\"\($0)\"" } ?? "") + "];"
    }

    /// Estimated size of the legend in points at `fontSize` (cells 3 pt padding, 1 pt border).
    func legendSize(_ scene: MapScene, fontSize: Double) -> MapLayout.Point {
        let rows = legendRows(scene)
        let left = rows.map { MapLayout.ems($0.0.text) }.max() ?? 0
        let right = rows.map { MapLayout.ems($0.1) }.max() ?? 0
        let rowHeight = fontSize * MapLayout.lineHeight + 8
        return MapLayout.Point(x: (left + right) * fontSize + 24, y: Double(rows.count + 1) * rowHeight + 4)
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
        rows.append((swatch(MapStyle.ownOrganizationFill, "企业 firm"), "单独组建党组织 own organization"))
        rows.append((swatch(MapStyle.jointOrganizationFill, "企业 firm"), "联合/网格党组织 joint or grid organization"))
        rows.append((swatch(MapStyle.noOrganizationFill, "企业 firm"), "无党组织 no organization"))
        rows.append((plain("<td><b>双框粗体 bold</b></td>", "双框粗体 bold"), "链主企业 chain leader"))
        if grid && scene.firmCount > 0 {
            rows.append((plain("<td>排列 order</td>", "排列 order"), "链主在前, 按产值 leaders, then by output"))
            rows.append((line(MapStyle.activeColor, "—12—▶"), "环节间配套数 · 年值 links between stages · value"))
        } else {
            rows.append((plain("<td>框大小 size</td>", "框大小 size"), "按产值 by output value (log)"))
        }
        if hasOutside { rows.append((plain("<td>虚线框 dashed</td>", "虚线框 dashed"), "园区外企业 outside-park firm")) }
        if hasGap { rows.append((plain("<td>空缺 gap</td>", "空缺 gap"), "本视图该环节无企业 stage without firms")) }
        if hasOrganizations { rows.append((swatch(MapStyle.organizationFill, "⬡ 组织 org"), "党组织/机构 organization")) }
        rows.append((line(MapStyle.activeColor, "——▶"), "在供配套 active supply (width by value)"))
        if hasOutside { rows.append((line(MapStyle.outsideSupplyColor, "——▶"), "外地配套 outside-park supply")) }
        rows.append((line(MapStyle.plannedColor, "- - ▶"), "计划配套 planned link"))
        rows.append((line(MapStyle.lostColor, "- - ▶"), "断链 lost link"))
        if hasPairing { rows.append((line(MapStyle.pairingColor, "· · ·"), "结对共建 organization pairing")) }
        if hasSuggestion { rows.append((line(MapStyle.suggestedColor, "- - ▶"), "建议配套 suggested link")) }
        if hasHighlight {
            rows.append((line(MapStyle.severityColor(.critical), "■"), "严重 critical finding"))
            rows.append((line(MapStyle.severityColor(.warning), "■"), "关注 warning"))
            rows.append((line(MapStyle.severityColor(.info), "■"), "提示 info"))
        }
        return rows
    }
}
