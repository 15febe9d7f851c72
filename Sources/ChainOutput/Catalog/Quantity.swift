/// Numbers as the users read them: money in 万 (1e4) and 亿 (1e8) with the unit, shares as
/// percentages, never locale-dependent.
public enum Quantity {
    /// `12.5亿元` (zh) or `12.5亿 RMB` (en); amounts below 1万 in yuan. Non-finite values
    /// render as `—`.
    public static func money(_ value: Double, _ language: Language) -> String {
        guard value.isFinite else { return "—" }
        let unit = language == .zh ? "元" : " RMB"
        let magnitude = abs(value)
        if magnitude >= 1e8 { return decimal(value / 1e8, digits: 2) + "亿" + unit }
        if magnitude >= 1e4 { return decimal(value / 1e4, digits: 2) + "万" + unit }
        return decimal(value, digits: 2) + unit
    }

    /// `42.5%` for 0.425; up to one decimal.
    public static func percent(_ fraction: Double) -> String {
        guard fraction.isFinite else { return "—" }
        return decimal(fraction * 100, digits: 1) + "%"
    }

    /// A count: `1,234` in English, `1234` in Chinese (as Chinese reports write counts).
    public static func integer(_ n: Int, _ language: Language) -> String {
        guard language == .en, abs(n) >= 10_000 else { return String(n) }
        var digits = Array(String(n.magnitude))
        var out: [Character] = []
        while digits.count > 3 {
            out.insert(contentsOf: [","] + digits.suffix(3), at: 0)
            digits.removeLast(3)
        }
        return (n < 0 ? "-" : "") + String(digits + out)
    }

    /// At most `digits` decimals, trailing zeros dropped: `3.5`, `12`, `0.33`.
    public static func decimal(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "—" }
        var scale = 1.0
        for _ in 0..<max(0, min(digits, 12)) { scale *= 10 }
        let rounded = (value * scale).rounded() / scale
        if rounded == rounded.rounded(), abs(rounded) < 1e15 { return String(Int64(rounded)) }
        var text = String(rounded)
        if text.contains("e") { return text }
        if let dot = text.firstIndex(of: "."), text.distance(from: dot, to: text.endIndex) > digits + 1 {
            text = String(text[..<text.index(dot, offsetBy: digits + 1)])
        }
        return text
    }
}
