/// Horizontal bar charts as inline SVG, drawn by ChainMap (no chart library): one row per
/// label, a bar for a share in 0…1 and an optional thinner second bar (work coverage beside
/// organization coverage), the value as text at the end.
enum ReportChart {
    struct Row {
        var label: String
        var value: Double
        var second: Double?
        var text: String
    }

    static let labelWidth = 260.0, barWidth = 360.0, rowHeight = 22.0, textWidth = 200.0

    /// - Complexity: O(rows).
    static func bars(rows: [Row], legend: (String, String?), id: String) -> String {
        var w = HTMLWriter(capacity: 512 + rows.count * 400)
        let top = 24.0
        let height = top + Double(rows.count) * rowHeight + 8
        let width = labelWidth + barWidth + textWidth
        w.open(
            "svg",
            [
                ("id", id), ("class", "chart"), ("role", "img"),
                ("viewBox", ["0", "0", String(Int(width)), String(Int(height))].joined(separator: " ")),
                ("width", String(Int(width))), ("height", String(Int(height))), ("aria-label", legend.0),
            ])
        // Legend.
        w.open(
            "rect", [("x", String(Int(labelWidth))), ("y", "6"), ("width", "12"), ("height", "10"), ("class", "bar1")])
        w.close("rect")
        w.element("text", [("x", String(Int(labelWidth) + 16)), ("y", "15"), ("class", "legend")], text: legend.0)
        if let second = legend.1 {
            w.open(
                "rect",
                [("x", String(Int(labelWidth) + 180)), ("y", "9"), ("width", "12"), ("height", "5"), ("class", "bar2")])
            w.close("rect")
            w.element("text", [("x", String(Int(labelWidth) + 196)), ("y", "15"), ("class", "legend")], text: second)
        }
        for (i, row) in rows.enumerated() {
            let y = top + Double(i) * rowHeight
            let v = row.value.isFinite ? min(max(row.value, 0), 1) : 0
            w.element(
                "text", [("x", String(Int(labelWidth) - 6)), ("y", fmt(y + 14)), ("class", "label")],
                text: clip(row.label))
            w.open(
                "rect",
                [
                    ("x", String(Int(labelWidth))), ("y", fmt(y + 3)), ("width", fmt(barWidth)), ("height", "14"),
                    ("class", "track"),
                ])
            w.close("rect")
            w.open(
                "rect",
                [
                    ("x", String(Int(labelWidth))), ("y", fmt(y + 3)), ("width", fmt(v * barWidth)), ("height", "14"),
                    ("class", "bar1"),
                ])
            w.element("title", text: row.label + ": " + row.text)
            w.close("rect")
            if let second = row.second, second.isFinite {
                let s = min(max(second, 0), 1)
                w.open(
                    "rect",
                    [
                        ("x", String(Int(labelWidth))), ("y", fmt(y + 13)), ("width", fmt(s * barWidth)),
                        ("height", "4"), ("class", "bar2"),
                    ])
                w.close("rect")
            }
            w.element(
                "text", [("x", fmt(labelWidth + barWidth + 6)), ("y", fmt(y + 14)), ("class", "value")], text: row.text)
        }
        w.close("svg")
        return String(decoding: w.bytes, as: UTF8.self)
    }

    static func fmt(_ d: Double) -> String { String((d * 10).rounded() / 10) }

    /// At most 24 characters of a label (Chinese names are short; ids can be long).
    static func clip(_ s: String) -> String { s.count > 24 ? String(s.prefix(24)) : s }
}
