/// A small pull scanner over XML bytes, for the regular subset SpreadsheetML uses: start,
/// end and empty-element tags with attributes, text, CDATA; comments, processing
/// instructions and a DOCTYPE are skipped (no entity but the five predefined and character
/// references is ever expanded, so no entity bomb). Tokens are byte ranges into the buffer:
/// nothing is allocated per tag, which keeps a million-row worksheet fast.
///
/// Names are compared by their local part (`x:row` is `row`), since writers differ in
/// namespace prefixes. Malformed input ends the scan with ``Token/malformed(_:)``; it never
/// reads outside the buffer.
struct XMLScanner {
    enum Token {
        case start(name: Range<Int>, attributes: Range<Int>, empty: Bool)
        case end(name: Range<Int>)
        case text(Range<Int>)
        case cdata(Range<Int>)
        case eof
        case malformed(Int)
    }

    let b: UnsafeBufferPointer<UInt8>
    var p = 0

    init(_ buffer: UnsafeBufferPointer<UInt8>) { self.b = buffer }

    private static let lt = UInt8(ascii: "<"), gt = UInt8(ascii: ">"), slash = UInt8(ascii: "/")

    /// The first index ≥ `from` holding `byte`, or the end.
    @inline(__always)
    private func find(_ byte: UInt8, from: Int) -> Int {
        var i = from
        while i < b.count && b[i] != byte { i += 1 }
        return i
    }

    /// The index just past the first occurrence of `pattern` at or after `from`, or nil.
    private func skipPast(_ pattern: StaticString, from: Int) -> Int? {
        pattern.withUTF8Buffer { pat -> Int? in
            var i = from
            while i + pat.count <= b.count {
                if b[i] == pat[0] {
                    var k = 1
                    while k < pat.count && b[i + k] == pat[k] { k += 1 }
                    if k == pat.count { return i + pat.count }
                }
                i += 1
            }
            return nil
        }
    }

    private func hasPrefix(_ pattern: StaticString, at: Int) -> Bool {
        pattern.withUTF8Buffer { pat in
            at + pat.count <= b.count && (0..<pat.count).allSatisfy { b[at + $0] == pat[$0] }
        }
    }

    @inline(__always)
    static func isSpace(_ c: UInt8) -> Bool { c == 0x20 || c == 0x09 || c == 0x0A || c == 0x0D }

    mutating func next() -> Token {
        while true {
            guard p < b.count else { return .eof }
            if b[p] != Self.lt {
                let start = p
                p = find(Self.lt, from: p)
                return .text(start..<p)
            }
            let at = p
            guard p + 1 < b.count else { return .malformed(at) }
            let c = b[p + 1]
            if c == Self.slash {
                let nameStart = p + 2
                var i = nameStart
                while i < b.count && b[i] != Self.gt && !Self.isSpace(b[i]) { i += 1 }
                let close = find(Self.gt, from: i)
                guard close < b.count else { return .malformed(at) }
                p = close + 1
                return .end(name: nameStart..<i)
            }
            if c == UInt8(ascii: "?") {
                guard let q = skipPast("?>", from: p + 2) else { return .malformed(at) }
                p = q
                continue
            }
            if c == UInt8(ascii: "!") {
                if hasPrefix("<!--", at: p) {
                    guard let q = skipPast("-->", from: p + 4) else { return .malformed(at) }
                    p = q
                    continue
                }
                if hasPrefix("<![CDATA[", at: p) {
                    let start = p + 9
                    guard let q = skipPast("]]>", from: start) else { return .malformed(at) }
                    p = q
                    return .cdata(start..<(q - 3))
                }
                // A DOCTYPE (with an internal subset in brackets): skipped, never expanded.
                var depth = 0
                var i = p + 2
                while i < b.count {
                    if b[i] == UInt8(ascii: "[") {
                        depth += 1
                    } else if b[i] == UInt8(ascii: "]") {
                        depth -= 1
                    } else if b[i] == Self.gt && depth <= 0 {
                        break
                    }
                    i += 1
                }
                guard i < b.count else { return .malformed(at) }
                p = i + 1
                continue
            }
            // A start tag: the name, then attributes up to the closing `>` (outside quotes).
            let nameStart = p + 1
            var i = nameStart
            while i < b.count && b[i] != Self.gt && b[i] != Self.slash && !Self.isSpace(b[i]) { i += 1 }
            let nameEnd = i
            guard nameEnd > nameStart else { return .malformed(at) }
            var quote: UInt8 = 0
            while i < b.count {
                let x = b[i]
                if quote != 0 {
                    if x == quote { quote = 0 }
                } else if x == UInt8(ascii: "\"") || x == UInt8(ascii: "'") {
                    quote = x
                } else if x == Self.gt {
                    break
                }
                i += 1
            }
            guard i < b.count else { return .malformed(at) }
            let empty = b[i - 1] == Self.slash && i - 1 >= nameEnd
            p = i + 1
            return .start(name: nameStart..<nameEnd, attributes: nameEnd..<(empty ? i - 1 : i), empty: empty)
        }
    }

    /// Whether the local part of the name at `range` is `local`.
    func isName(_ range: Range<Int>, _ local: StaticString) -> Bool {
        var s = range.lowerBound
        for i in range where b[i] == UInt8(ascii: ":") { s = i + 1 }
        return local.withUTF8Buffer { w in
            range.upperBound - s == w.count && (0..<w.count).allSatisfy { b[s + $0] == w[$0] }
        }
    }

    /// Calls `body` with each attribute's name and value ranges (value without its quotes).
    func forEachAttribute(_ range: Range<Int>, _ body: (_ name: Range<Int>, _ value: Range<Int>) -> Void) {
        var i = range.lowerBound
        let end = range.upperBound
        while i < end {
            while i < end && Self.isSpace(b[i]) { i += 1 }
            let nameStart = i
            while i < end && b[i] != UInt8(ascii: "=") && !Self.isSpace(b[i]) { i += 1 }
            let nameEnd = i
            while i < end && b[i] != UInt8(ascii: "\"") && b[i] != UInt8(ascii: "'") { i += 1 }
            guard i < end else { return }
            let q = b[i]
            let valueStart = i + 1
            i = valueStart
            while i < end && b[i] != q { i += 1 }
            if nameEnd > nameStart { body(nameStart..<nameEnd, valueStart..<min(i, end)) }
            i += 1
        }
    }

    /// The value range of the attribute whose local name is `local`; `prefixed` asks for a
    /// name with (true) or without (false) a namespace prefix.
    func attribute(_ range: Range<Int>, _ local: StaticString, prefixed: Bool? = nil) -> Range<Int>? {
        var found: Range<Int>?
        forEachAttribute(range) { name, value in
            guard found == nil, isName(name, local) else { return }
            if let prefixed, prefixed != name.contains(where: { b[$0] == UInt8(ascii: ":") }) { return }
            found = value
        }
        return found
    }

    /// The text of a range with the predefined entities and character references decoded and
    /// line ends normalized (XML's rules). A CDATA range is taken as it is.
    func string(_ range: Range<Int>, raw: Bool = false) -> String {
        let slice = UnsafeBufferPointer(rebasing: b[range])
        if raw || !slice.contains(where: { $0 == UInt8(ascii: "&") || $0 == 0x0D }) {
            return String(decoding: slice, as: UTF8.self)
        }
        var out: [UInt8] = []
        out.reserveCapacity(slice.count)
        var i = 0
        while i < slice.count {
            let c = slice[i]
            if c == 0x0D {
                out.append(0x0A)
                i += 1
                if i < slice.count && slice[i] == 0x0A { i += 1 }
                continue
            }
            guard c == UInt8(ascii: "&") else { out.append(c); i += 1; continue }
            var j = i + 1
            while j < slice.count && j - i <= 12 && slice[j] != UInt8(ascii: ";") { j += 1 }
            guard j < slice.count && slice[j] == UInt8(ascii: ";") else { out.append(c); i += 1; continue }
            let name = String(decoding: UnsafeBufferPointer(rebasing: slice[(i + 1)..<j]), as: UTF8.self)
            var scalar: Unicode.Scalar?
            switch name {
            case "lt": scalar = "<"
            case "gt": scalar = ">"
            case "amp": scalar = "&"
            case "quot": scalar = "\""
            case "apos": scalar = "'"
            default:
                if name.hasPrefix("#x") || name.hasPrefix("#X") {
                    scalar = UInt32(name.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
                } else if name.hasPrefix("#") {
                    scalar = UInt32(name.dropFirst(1)).flatMap(Unicode.Scalar.init)
                }
            }
            if let scalar {
                out.append(contentsOf: Array(String(scalar).utf8))
                i = j + 1
            } else {
                out.append(c)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `bytes` hold `_x` (the start of an OOXML escape).
    @inline(__always)
    static func hasOOXMLEscape(_ bytes: String.UTF8View) -> Bool {
        var underscore = false
        for c in bytes {
            if underscore && c == UInt8(ascii: "x") { return true }
            underscore = c == UInt8(ascii: "_")
        }
        return false
    }
}

extension String {
    /// Decodes OOXML's `_xHHHH_` escapes (how Excel and libxlsxwriter store control
    /// characters such as a carriage return, and `_x005F_` for a literal underscore).
    func decodingOOXMLEscapes() -> String {
        // A byte scan: `String.contains(String)` goes through Foundation's locale-aware
        // search, which was a quarter of a large workbook's load.
        guard Self.hasOOXMLEscape(utf8) else { return self }
        let u = Array(utf8)
        var out: [UInt8] = []
        out.reserveCapacity(u.count)
        var i = 0
        func hex(_ c: UInt8) -> UInt32? {
            switch c {
            case 0x30...0x39: UInt32(c - 0x30)
            case 0x41...0x46: UInt32(c - 0x41 + 10)
            case 0x61...0x66: UInt32(c - 0x61 + 10)
            default: nil
            }
        }
        while i < u.count {
            if u[i] == UInt8(ascii: "_"), i + 6 < u.count, u[i + 1] == UInt8(ascii: "x"), u[i + 6] == UInt8(ascii: "_"),
                let a = hex(u[i + 2]), let b = hex(u[i + 3]), let c = hex(u[i + 4]), let d = hex(u[i + 5]),
                let scalar = Unicode.Scalar(a << 12 | b << 8 | c << 4 | d)
            {
                out.append(contentsOf: Array(String(scalar).utf8))
                i += 7
            } else {
                out.append(u[i])
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Whether `bytes` hold `_x` (the start of an OOXML escape).
    @inline(__always)
    static func hasOOXMLEscape(_ bytes: String.UTF8View) -> Bool {
        var underscore = false
        for c in bytes {
            if underscore && c == UInt8(ascii: "x") { return true }
            underscore = c == UInt8(ascii: "_")
        }
        return false
    }
}
