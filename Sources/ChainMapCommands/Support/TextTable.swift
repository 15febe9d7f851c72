import ChainModel
/// A plain text table whose columns line up with Chinese text: East Asian wide characters
/// count as two columns.
struct TextTable {
    enum Alignment { case left, right }

    var headers: [String]
    var alignments: [Alignment]
    var rows: [[String]] = []

    init(_ headers: [String], alignments: [Alignment]? = nil) {
        self.headers = headers
        self.alignments = alignments ?? headers.map { _ in .left }
    }

    mutating func add(_ row: [String]) { rows.append(row) }

    func render() -> String {
        var widths = headers.map(Self.displayWidth)
        for row in rows {
            for (i, cell) in row.enumerated() where i < widths.count {
                widths[i] = max(widths[i], Self.displayWidth(cell))
            }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (i, width) in widths.enumerated() {
                let cell = i < cells.count ? cells[i] : ""
                let pad = String(repeating: " ", count: max(0, width - Self.displayWidth(cell)))
                parts.append(alignments[i] == .right ? pad + cell : cell + pad)
            }
            var s = parts.joined(separator: "  ")
            while s.last == " " { s.removeLast() }
            return s
        }
        var out = line(headers) + "\n"
        out += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in rows { out += line(row) + "\n" }
        return out
    }

    /// Columns a string takes in a terminal: 2 for East Asian wide and full-width characters.
    static func displayWidth(_ s: String) -> Int {
        var w = 0
        for u in s.unicodeScalars {
            switch u.value {
            case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
                 0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
                 0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
                w += 2
            case 0x0300...0x036F, 0x200B...0x200F:
                break
            default:
                w += 1
            }
        }
        return w
    }
}

/// Human-readable amounts in RMB: 亿 (1e8) and 万 (1e4), as Chinese reports write them.
enum Amount {
    static func rmb(_ value: Double) -> String {
        if value >= 1e8 { return trim(value / 1e8) + "亿" }
        if value >= 1e4 { return trim(value / 1e4) + "万" }
        return trim(value)
    }

    private static func trim(_ v: Double) -> String {
        let rounded = (v * 100).rounded() / 100
        // Int64(_:) traps beyond ±9.2e18 and on infinity: only small whole numbers go there.
        guard rounded.isFinite, abs(rounded) < 1e15 else { return NumberFormat.shortest(rounded) }
        return rounded == rounded.rounded() ? String(Int64(rounded)) : String(rounded)
    }
}
