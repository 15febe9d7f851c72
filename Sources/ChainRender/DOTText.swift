/// Escaping of user text for DOT, and locale-free number formatting.
///
/// Every user string goes into DOT inside double quotes. Labels and tooltips are Graphviz
/// "escString"s: a backslash starts an escape (`\n`, `\N`, …) and `&name;` is read as an XML
/// entity, so `\` becomes `\\`, `"` becomes `\"`, `&` becomes `&amp;`, line breaks become
/// `\n` and other control characters become spaces. Names (node and cluster ids) escape only
/// `\` and `"`, which keeps them injective.
package enum DOTText {
    /// Quotes `text` as a DOT label or tooltip (escString).
    ///
    /// ```swift
    /// DOTText.label("a\"b") // "\"a\\\"b\""
    /// ```
    /// - Complexity: O(n) in the length of `text`.
    package static func label(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 8)
        var previousCR = false
        for scalar in text.unicodeScalars {
            defer { previousCR = scalar == "\r" }
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "&": out += "&amp;"
            case "\n":
                if !previousCR { out += "\\n" }
            case "\r", "\u{2028}", "\u{2029}", "\u{85}": out += "\\n"
            default:
                if scalar.value < 0x20 || scalar.value == 0x7F {
                    out += " "
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        out += "\""
        return out
    }

    /// Label lines joined by DOT line breaks (centred), quoted.
    static func label(lines: [String]) -> String {
        // Each line is escaped on its own, then joined with an escString newline.
        let inner = lines.map { line -> String in
            let quoted = label(line)
            return String(quoted.dropFirst().dropLast())
        }
        return "\"" + inner.joined(separator: "\\n") + "\""
    }

    /// Quotes `text` as a DOT id (node, cluster or graph name): always quoted, so keywords
    /// such as `node`, `graph`, `strict` are plain names.
    ///
    /// - Complexity: O(n).
    package static func id(_ text: String) -> String {
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
        return out
    }

    /// Turns a user id into an XML/CSS-safe token: ASCII letters, digits and `-` stay, every
    /// other UTF-8 byte (including `_`) becomes `_XX` (hex). Injective, and `__` never occurs
    /// in the result, so it can separate parts.
    ///
    /// ```swift
    /// DOTText.token("正极") // "_E6_AD_A3_E6_9E_81"
    /// ```
    /// - Complexity: O(n).
    package static func token(_ text: String) -> String {
        let hex: [Character] = Array("0123456789ABCDEF")
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
                UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"):
                out.unicodeScalars.append(Unicode.Scalar(byte))
            default:
                out.append("_")
                out.append(hex[Int(byte >> 4)])
                out.append(hex[Int(byte & 0xF)])
            }
        }
        return out
    }

    /// XML-escapes text for HTML-like labels.
    static func xml(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                if scalar.value < 0x20 { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }

    /// Formats `value` with exactly `digits` decimals, no locale, no exponent.
    ///
    /// ```swift
    /// DOTText.fixed(1.005, digits: 2) // "1.01" (rounds half away from zero on the scaled value)
    /// ```
    /// - Complexity: O(digits).
    package static func fixed(_ value: Double, digits: Int) -> String {
        guard value.isFinite else { return "0" }
        var scale = 1.0
        for _ in 0..<max(digits, 0) { scale *= 10 }
        let scaled = (abs(value) * scale).rounded()
        guard scaled < 9.0e15 else { return value < 0 ? "-9e15" : "9e15" }
        let units = Int64(scaled)
        let factor = Int64(scale)
        let whole = units / factor
        let fraction = units % factor
        var text = (value < 0 && units != 0 ? "-" : "") + String(whole)
        if digits > 0 {
            let frac = String(fraction)
            text += "." + String(repeating: "0", count: digits - frac.count) + frac
        }
        return text
    }

    /// Formats an RMB amount in 亿 (1e8) or 万 (1e4) with two decimals.
    ///
    /// ```swift
    /// DOTText.money(1.167e11) // "1167.00亿"
    /// ```
    package static func money(_ value: Double) -> String {
        if abs(value) >= 1e8 { return fixed(value / 1e8, digits: 2) + "亿" }
        if abs(value) >= 1e4 { return fixed(value / 1e4, digits: 2) + "万" }
        return fixed(value, digits: 0) + "元"
    }
}
