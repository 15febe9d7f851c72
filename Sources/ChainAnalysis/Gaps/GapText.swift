/// Number formatting for the evidence sentences (亿 = 1e8, 万 = 1e4, as Chinese reports write).
enum GapText {
    static func rmb(_ value: Double) -> String {
        if value >= 1e8 { return trim(value / 1e8) + "亿" }
        if value >= 1e4 { return trim(value / 1e4) + "万" }
        return trim(value)
    }

    static func percent(_ fraction: Double) -> String { trim(fraction * 100) + "%" }

    static func trim(_ v: Double) -> String {
        let rounded = (v * 100).rounded() / 100
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        return String(rounded)
    }

    /// `a, b, c` or `a, b, c and N more`.
    static func list(_ items: [String], max: Int = 5) -> String {
        if items.count <= max { return items.joined(separator: ", ") }
        return items.prefix(max).joined(separator: ", ") + " and \(items.count - max) more"
    }
}
