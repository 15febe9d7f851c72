/// Writes HTML by tag and attribute names, so markup never mixes with text: every text and
/// attribute value goes through ``HTMLWriter/escape(_:)``. Tags are ASCII names; the writer
/// does not check nesting (its callers close what they open, in the same function).
public struct HTMLWriter: Sendable {
    /// The document so far, as UTF-8.
    public private(set) var bytes: [UInt8] = []

    public init(capacity: Int = 1 << 16) { bytes.reserveCapacity(capacity) }

    /// Opens `tag` with attributes (nil values are left out; an empty value writes the bare name).
    public mutating func open(_ tag: String, _ attributes: [(String, String?)] = []) {
        raw("<")
        raw(tag)
        for (name, value) in attributes {
            guard let value else { continue }
            raw(" ")
            raw(name)
            if !value.isEmpty {
                raw("=\"")
                raw(Self.escape(value))
                raw("\"")
            }
        }
        raw(">")
    }

    public mutating func close(_ tag: String) {
        raw("</")
        raw(tag)
        raw(">")
    }

    /// `<tag attrs>text</tag>`.
    public mutating func element(_ tag: String, _ attributes: [(String, String?)] = [], text: String) {
        open(tag, attributes)
        self.text(text)
        close(tag)
    }

    /// Escaped text.
    public mutating func text(_ s: String) { raw(Self.escape(s)) }

    /// Markup written as is: tags built here, or trusted bytes (the map's SVG, the script).
    public mutating func raw(_ s: String) { bytes.append(contentsOf: s.utf8) }

    public mutating func raw(_ b: [UInt8]) { bytes.append(contentsOf: b) }

    /// Text safe in element content and in double- or single-quoted attribute values.
    public static func escape(_ s: String) -> String {
        var needs = false
        for u in s.utf8 where u == 0x26 || u == 0x3C || u == 0x3E || u == 0x22 || u == 0x27 {
            needs = true
            break
        }
        guard needs else { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for c in s.unicodeScalars {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.unicodeScalars.append(c)
            }
        }
        return out
    }
}

/// A JSON value for the report's inline data blob, written so it is safe inside a
/// `<script type="application/json">` element: `<`, `>` and `&` are `\u` escapes (no
/// `</script>` or `<!--` can appear), as are U+2028 and U+2029.
public indirect enum ScriptJSON: Sendable, Equatable {
    case string(String)
    case int(Int)
    case number(Double)
    case bool(Bool)
    case null
    case array([ScriptJSON])
    /// Keys in the given order (the caller's order is the file's, so output is deterministic).
    case object([(String, ScriptJSON)])

    public static func == (a: ScriptJSON, b: ScriptJSON) -> Bool {
        var x: [UInt8] = [], y: [UInt8] = []
        a.write(into: &x)
        b.write(into: &y)
        return x == y
    }

    public func write(into out: inout [UInt8]) {
        switch self {
        case .string(let s): Self.writeString(s, into: &out)
        case .int(let n): out.append(contentsOf: String(n).utf8)
        case .number(let d):
            if !d.isFinite {
                out.append(contentsOf: "null".utf8)
            } else if d == d.rounded(), abs(d) < 1e15 {
                out.append(contentsOf: String(Int(d)).utf8)
            } else {
                out.append(contentsOf: String(d).utf8)
            }
        case .bool(let b): out.append(contentsOf: (b ? "true" : "false").utf8)
        case .null: out.append(contentsOf: "null".utf8)
        case .array(let items):
            out.append(UInt8(ascii: "["))
            for (i, item) in items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                item.write(into: &out)
            }
            out.append(UInt8(ascii: "]"))
        case .object(let members):
            out.append(UInt8(ascii: "{"))
            for (i, member) in members.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                Self.writeString(member.0, into: &out)
                out.append(UInt8(ascii: ":"))
                member.1.write(into: &out)
            }
            out.append(UInt8(ascii: "}"))
        }
    }

    static func writeString(_ s: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        let hex = Array("0123456789abcdef".utf8)
        func escaped(_ v: UInt32) {
            out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "u")])
            for shift in stride(from: 12, through: 0, by: -4) { out.append(hex[Int((v >> UInt32(shift)) & 0xF)]) }
        }
        let bytes = Array(s.utf8)
        var i = 0
        while i < bytes.count {
            let v = bytes[i]
            switch v {
            case 0x22: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\"")])
            case 0x5C: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "\\")])
            case 0x0A: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "n")])
            case 0x0D: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "r")])
            case 0x09: out.append(contentsOf: [UInt8(ascii: "\\"), UInt8(ascii: "t")])
            case 0..<0x20, 0x26, 0x3C, 0x3E: escaped(UInt32(v))
            case 0xE2
            where i + 2 < bytes.count && bytes[i + 1] == 0x80 && (bytes[i + 2] == 0xA8 || bytes[i + 2] == 0xA9):
                // U+2028 and U+2029 end a line in older script parsers.
                escaped(bytes[i + 2] == 0xA8 ? 0x2028 : 0x2029)
                i += 2
            default: out.append(v)
            }
            i += 1
        }
        out.append(UInt8(ascii: "\""))
    }
}
