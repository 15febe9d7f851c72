import ChainAnalysis
import ChainModel

/// `chainmap trend -o trend.svg`: one small line chart per figure of a ``TrendReport``
/// (small multiples, three to a row), drawn as plain SVG by ChainMap itself, labels from the
/// catalog in the reader's language. Deterministic: the same report gives the same bytes.
public enum TrendChart {
    static let panelWidth = 320.0
    static let panelHeight = 190.0
    static let perRow = 3

    /// The chart as SVG bytes (UTF-8).
    ///
    /// - Complexity: O(figures × snapshots).
    public static func svg(_ report: TrendReport, language: Language) -> [UInt8] {
        let catalog = Catalog(language)
        let keys = TrendReport.figureKeys
        let rowsOfPanels = (keys.count + perRow - 1) / perRow
        let width = panelWidth * Double(perRow) + 20
        let height = 50 + panelHeight * Double(rowsOfPanels) + 10
        var out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(fmt(width))\" height=\"\(fmt(height))\" viewBox=\"0 0 \(fmt(width)) \(fmt(height))\""
        out += " font-family=\"Noto Sans CJK SC, WenQuanYi Micro Hei, SimHei, sans-serif\">\n"
        out += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n"
        let title = catalog(Message("trend.chart.title", ["name": .text(report.parkName)]))
        out += "<text x=\"10\" y=\"28\" font-size=\"18\" font-weight=\"bold\">\(escape(title))</text>\n"
        for (k, key) in keys.enumerated() {
            let x0 = 10 + Double(k % perRow) * panelWidth, y0 = 45 + Double(k / perRow) * panelHeight
            let values = report.rows.map { TrendReport.value(key, $0.figures) }
            out += panel(
                x0, y0, catalog(label(key)), values, report.rows.map(\.date), TrendReportKind(key: key), language)
        }
        out += "</svg>\n"
        return Array(out.utf8)
    }

    /// One figure's chart (the panel of ``svg(_:language:)``) as an `<svg>` element to inline
    /// in HTML: no XML declaration and no namespace (HTML needs neither), the page's fonts.
    /// The committee report shows one per figure of ``TrendReport/figureKeys``.
    ///
    /// - Complexity: O(snapshots).
    public static func inlineSVG(_ report: TrendReport, key: String, catalog: Catalog, id: String) -> String {
        let values = report.rows.map { TrendReport.value(key, $0.figures) }
        let w = fmt(panelWidth), h = fmt(panelHeight - 10)
        var out = "<svg id=\"\(escape(id))\" class=\"trend\" data-key=\"\(escape(key))\" role=\"img\""
        out += " viewBox=\"0 0 \(w) \(h)\" width=\"\(w)\" height=\"\(h)\""
        out += " aria-label=\"\(escape(catalog(label(key))))\">\n"
        out += panel(
            0, 0, catalog(label(key)), values, report.rows.map(\.date), TrendReportKind(key: key), catalog.language)
        return out + "</svg>\n"
    }

    /// The catalog's name of figure `key`.
    static func label(_ key: String) -> Message {
        key.hasPrefix("findings.")
            ? Message(
                "diff.figure.findingsOf", ["kind": .message(Message("gapKind." + key.dropFirst("findings.".count)))])
            : Message("diff.figure." + key)
    }

    /// How a figure's values are printed on the axis.
    enum TrendReportKind {
        case count, money, percent
        init(key: String) {
            switch key {
            case "outputInPark", "atRisk": self = .money
            case "localShare", "organizationCoverage", "workCoverage": self = .percent
            default: self = .count
            }
        }
        func text(_ v: Double, _ language: Language) -> String {
            switch self {
            case .count: Quantity.integer(Int(v.rounded()), language)
            case .money: Quantity.money(v, language)
            case .percent: Quantity.percent(v)
            }
        }
    }

    static func panel(
        _ x0: Double, _ y0: Double, _ label: String, _ values: [Double?], _ dates: [String],
        _ kind: TrendReportKind, _ language: Language
    ) -> String {
        let left = x0 + 60, right = x0 + panelWidth - 20, top = y0 + 28, bottom = y0 + panelHeight - 38
        var s = "<g>\n"
        s +=
            "<text x=\"\(fmt(x0 + 4))\" y=\"\(fmt(y0 + 16))\" font-size=\"13\" font-weight=\"bold\">\(escape(label))</text>\n"
        s +=
            "<rect x=\"\(fmt(left))\" y=\"\(fmt(top))\" width=\"\(fmt(right - left))\" height=\"\(fmt(bottom - top))\" fill=\"none\" stroke=\"#cccccc\"/>\n"
        let present = values.compactMap { $0 }
        guard let lo0 = present.min(), let hi0 = present.max() else { return s + "</g>\n" }
        var lo = lo0, hi = hi0
        if kind == .percent { lo = min(lo, 0); hi = max(hi, lo + 1e-9) }
        if hi == lo { hi = lo + max(1, abs(lo) * 0.1); lo = lo - (hi - lo) * 0.0 }
        let n = values.count
        func px(_ i: Int) -> Double { n == 1 ? (left + right) / 2 : left + (right - left) * Double(i) / Double(n - 1) }
        func py(_ v: Double) -> Double { bottom - (bottom - top) * (v - lo) / (hi - lo) }
        s +=
            "<text x=\"\(fmt(left - 4))\" y=\"\(fmt(top + 4))\" font-size=\"10\" text-anchor=\"end\">\(escape(kind.text(hi, language)))</text>\n"
        s +=
            "<text x=\"\(fmt(left - 4))\" y=\"\(fmt(bottom))\" font-size=\"10\" text-anchor=\"end\">\(escape(kind.text(lo, language)))</text>\n"
        var points: [String] = []
        for (i, v) in values.enumerated() {
            guard let v else { continue }
            points.append(fmt(px(i)) + "," + fmt(py(v)))
        }
        s +=
            "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"#c0392b\" stroke-width=\"2\"/>\n"
        for (i, v) in values.enumerated() {
            guard let v else { continue }
            s +=
                "<circle cx=\"\(fmt(px(i)))\" cy=\"\(fmt(py(v)))\" r=\"2.5\" fill=\"#c0392b\"><title>\(escape(dates[i] + " " + kind.text(v, language)))</title></circle>\n"
        }
        if let first = dates.first {
            s += "<text x=\"\(fmt(left))\" y=\"\(fmt(bottom + 14))\" font-size=\"10\">\(escape(first))</text>\n"
        }
        if dates.count > 1, let last = dates.last {
            s +=
                "<text x=\"\(fmt(right))\" y=\"\(fmt(bottom + 14))\" font-size=\"10\" text-anchor=\"end\">\(escape(last))</text>\n"
        }
        if let last = values.last ?? nil {
            s +=
                "<text x=\"\(fmt(right))\" y=\"\(fmt(y0 + 16))\" font-size=\"11\" text-anchor=\"end\" fill=\"#c0392b\">\(escape(kind.text(last, language)))</text>\n"
        }
        return s + "</g>\n"
    }

    /// A coordinate with at most one decimal, no locale.
    static func fmt(_ v: Double) -> String {
        let r = (v * 10).rounded() / 10
        return r == r.rounded() ? String(Int(r)) : String(r)
    }

    static func escape(_ s: String) -> String {
        var o = ""
        for c in s {
            switch c {
            case "&": o += "&amp;"
            case "<": o += "&lt;"
            case ">": o += "&gt;"
            case "\"": o += "&quot;"
            default: o.append(c)
            }
        }
        return o
    }
}
