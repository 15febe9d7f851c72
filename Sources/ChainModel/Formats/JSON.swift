/// A parsed JSON value that remembers the line it started on, so that every problem in a
/// user's park file can be reported with its line.
///
/// ChainMap parses JSON itself (RFC 8259, UTF-8 input) rather than through `JSONDecoder`:
/// it needs line numbers for messages, duplicate-key detection, and integer-vs-decimal
/// information for fields such as `employees`.
struct JSONNode: Sendable {
    enum Value: Sendable {
        case null
        case bool(Bool)
        /// A number, and whether it was written without fraction or exponent.
        case number(Double, isInteger: Bool)
        case string(String)
        case array([JSONNode])
        /// Members in file order (duplicates are reported by the parser).
        case object([(key: String, node: JSONNode)])
    }

    var value: Value
    /// 1-based line where the value starts.
    var line: Int

    /// Name of the JSON type, for messages ("expected a number, found a string").
    /// ``typeName`` as a catalog message (`problem.json.type.*`).
    var typeText: Message {
        switch value {
        case .null: "problem.json.type.null"
        case .bool: "problem.json.type.bool"
        case .number: "problem.json.type.number"
        case .string: "problem.json.type.string"
        case .array: "problem.json.type.list"
        case .object: "problem.json.type.object"
        }
    }

    var typeName: String {
        switch value {
        case .null: "null"
        case .bool: "a boolean"
        case .number: "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "an object"
        }
    }

    subscript(key: String) -> JSONNode? {
        if case .object(let members) = value {
            return members.first { $0.key == key }?.node
        }
        return nil
    }
}

/// A JSON syntax error, with line and column.
struct JSONSyntaxError: Error, Sendable {
    var line: Int
    var column: Int
    var message: String
    /// The same, from the message catalog (`problem.json.syntax.*`).
    var detail: Message
}

/// Parses UTF-8 JSON bytes into ``JSONNode``s. Iterative for arrays and objects (an explicit
/// stack), so deeply nested input cannot overflow the call stack.
struct JSONParser {
    private let bytes: [UInt8]
    private var index = 0
    private var line = 1
    private var lineStart = 0
    /// Duplicate keys found (line, key, object path) — reported as errors by the caller.
    private(set) var duplicateKeys: [(line: Int, key: String)] = []

    init(bytes: [UInt8]) {
        self.bytes = bytes
    }

    static let maxDepth = 512

    mutating func parse() throws(JSONSyntaxError) -> JSONNode {
        skipWhitespace()
        let root = try parseValue()
        skipWhitespace()
        if index < bytes.count {
            throw error("unexpected text after the end of the JSON document", "problem.json.syntax.afterEnd")
        }
        return root
    }

    private func error(_ message: String, _ detail: Message) -> JSONSyntaxError {
        JSONSyntaxError(line: line, column: index - lineStart + 1, message: message, detail: detail)
    }

    private mutating func skipWhitespace() {
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0D: index += 1
            case 0x0A:
                index += 1
                line += 1
                lineStart = index
            default: return
            }
        }
    }

    /// A container being parsed. A class, so that appending to its list mutates the one
    /// buffer in place: with value-type frames the list was copied on every append in some
    /// builds (quadratic time, and memory enough for the kernel to kill the process).
    private final class Frame {
        let isArray: Bool
        let line: Int
        var items: [JSONNode] = []
        var members: [(key: String, node: JSONNode)] = []
        var keys: Set<String> = []
        var pendingKey = ""

        init(isArray: Bool, line: Int, pendingKey: String = "") {
            self.isArray = isArray
            self.line = line
            self.pendingKey = pendingKey
        }
    }

    /// Parses one value; containers are handled with an explicit stack.
    private mutating func parseValue() throws(JSONSyntaxError) -> JSONNode {
        var stack: [Frame] = []
        while true {
            skipWhitespace()
            guard index < bytes.count else {
                throw error("unexpected end of file; a value is missing", "problem.json.syntax.valueMissing")
            }
            var completed: JSONNode
            let startLine = line
            switch bytes[index] {
            case UInt8(ascii: "{"):
                index += 1
                skipWhitespace()
                if index < bytes.count && bytes[index] == UInt8(ascii: "}") {
                    index += 1
                    completed = JSONNode(value: .object([]), line: startLine)
                } else {
                    if stack.count >= Self.maxDepth {
                        throw error(
                            "nesting deeper than \(Self.maxDepth) levels",
                            Message("problem.json.syntax.tooDeep", ["levels": .integer(Self.maxDepth)]))
                    }
                    let key = try parseKey()
                    stack.append(Frame(isArray: false, line: startLine, pendingKey: key))
                    continue
                }
            case UInt8(ascii: "["):
                index += 1
                skipWhitespace()
                if index < bytes.count && bytes[index] == UInt8(ascii: "]") {
                    index += 1
                    completed = JSONNode(value: .array([]), line: startLine)
                } else {
                    if stack.count >= Self.maxDepth {
                        throw error(
                            "nesting deeper than \(Self.maxDepth) levels",
                            Message("problem.json.syntax.tooDeep", ["levels": .integer(Self.maxDepth)]))
                    }
                    stack.append(Frame(isArray: true, line: startLine))
                    continue
                }
            case UInt8(ascii: "\""):
                completed = JSONNode(value: .string(try parseString()), line: startLine)
            case UInt8(ascii: "t"):
                try expectLiteral("true")
                completed = JSONNode(value: .bool(true), line: startLine)
            case UInt8(ascii: "f"):
                try expectLiteral("false")
                completed = JSONNode(value: .bool(false), line: startLine)
            case UInt8(ascii: "n"):
                try expectLiteral("null")
                completed = JSONNode(value: .null, line: startLine)
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                completed = JSONNode(value: try parseNumber(), line: startLine)
            default:
                throw error(
                    "unexpected character '\(printable(bytes[index]))'; expected a value",
                    Message("problem.json.syntax.character", ["character": .text(printable(bytes[index]))]))
            }

            // Attach the completed value to its container, closing containers as they end.
            while true {
                guard let frame = stack.last else { return completed }
                skipWhitespace()
                let l = frame.line
                if frame.isArray {
                    frame.items.append(completed)
                    guard index < bytes.count else {
                        throw error(
                            "unexpected end of file inside a list (started on line \(l))",
                            Message("problem.json.syntax.endInList", ["line": .integer(l)]))
                    }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                    } else if bytes[index] == UInt8(ascii: "]") {
                        index += 1
                        stack.removeLast()
                        completed = JSONNode(value: .array(frame.items), line: l)
                        continue
                    } else {
                        throw error(
                            "expected ',' or ']' in a list (started on line \(l))",
                            Message("problem.json.syntax.listSeparator", ["line": .integer(l)]))
                    }
                } else {
                    let key = frame.pendingKey
                    if frame.keys.contains(key) {
                        duplicateKeys.append((completed.line, key))
                    } else {
                        frame.keys.insert(key)
                    }
                    frame.members.append((key, completed))
                    guard index < bytes.count else {
                        throw error(
                            "unexpected end of file inside an object (started on line \(l))",
                            Message("problem.json.syntax.endInObject", ["line": .integer(l)]))
                    }
                    if bytes[index] == UInt8(ascii: ",") {
                        index += 1
                        frame.pendingKey = try parseKey()
                    } else if bytes[index] == UInt8(ascii: "}") {
                        index += 1
                        stack.removeLast()
                        completed = JSONNode(value: .object(frame.members), line: l)
                        continue
                    } else {
                        throw error(
                            "expected ',' or '}' in an object (started on line \(l))",
                            Message("problem.json.syntax.objectSeparator", ["line": .integer(l)]))
                    }
                }
                break
            }
        }
    }

    /// Parses `"key" :` and leaves the index at the value.
    private mutating func parseKey() throws(JSONSyntaxError) -> String {
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: "\"") else {
            throw error("expected a quoted field name", "problem.json.syntax.quotedKey")
        }
        let key = try parseString()
        skipWhitespace()
        guard index < bytes.count, bytes[index] == UInt8(ascii: ":") else {
            throw error(
                "expected ':' after field name \"\(key)\"", Message("problem.json.syntax.colon", ["key": .text(key)]))
        }
        index += 1
        return key
    }

    private mutating func expectLiteral(_ word: StaticString) throws(JSONSyntaxError) {
        let n = word.utf8CodeUnitCount
        let ok = word.withUTF8Buffer { w in
            index + n <= bytes.count && (0..<n).allSatisfy { bytes[index + $0] == w[$0] }
        }
        if !ok {
            throw error(
                "unexpected word; expected \(word) (JSON words are lower case; strings need quotes)",
                Message("problem.json.syntax.word", ["word": .text("\(word)")]))
        }
        index += n
    }

    private func printable(_ b: UInt8) -> String {
        b >= 0x20 && b < 0x7F ? String(UnicodeScalar(b)) : "0x" + String(b, radix: 16)
    }

    private mutating func parseString() throws(JSONSyntaxError) -> String {
        index += 1  // opening quote
        let start = index
        // Fast path: no escapes.
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                let s = String(decoding: bytes[start..<index], as: UTF8.self)
                index += 1
                return s
            }
            if b == UInt8(ascii: "\\") { break }
            if b < 0x20 {
                throw error(
                    b == 0x0A ? "line break inside a string; write it as \\n" : "control character inside a string",
                    b == 0x0A ? "problem.json.syntax.lineBreak" : "problem.json.syntax.control")
            }
            index += 1
        }
        var out = [UInt8](bytes[start..<index])
        while index < bytes.count {
            let b = bytes[index]
            if b == UInt8(ascii: "\"") {
                index += 1
                return String(decoding: out, as: UTF8.self)
            }
            if b < 0x20 {
                throw error(
                    b == 0x0A ? "line break inside a string; write it as \\n" : "control character inside a string",
                    b == 0x0A ? "problem.json.syntax.lineBreak" : "problem.json.syntax.control")
            }
            if b != UInt8(ascii: "\\") {
                out.append(b)
                index += 1
                continue
            }
            index += 1
            guard index < bytes.count else { break }
            let e = bytes[index]
            index += 1
            switch e {
            case UInt8(ascii: "\""): out.append(0x22)
            case UInt8(ascii: "\\"): out.append(0x5C)
            case UInt8(ascii: "/"): out.append(0x2F)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "u"):
                var code = try parseHex4()
                if code >= 0xD800 && code < 0xDC00 {
                    // A surrogate pair must follow.
                    guard index + 1 < bytes.count, bytes[index] == UInt8(ascii: "\\"),
                        bytes[index + 1] == UInt8(ascii: "u")
                    else {
                        throw error("unpaired surrogate in \\u escape", "problem.json.syntax.escape")
                    }
                    index += 2
                    let low = try parseHex4()
                    guard low >= 0xDC00 && low < 0xE000 else {
                        throw error("invalid surrogate pair in \\u escape", "problem.json.syntax.escape")
                    }
                    code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
                } else if code >= 0xDC00 && code < 0xE000 {
                    throw error("unpaired surrogate in \\u escape", "problem.json.syntax.escape")
                }
                guard let scalar = Unicode.Scalar(code) else {
                    throw error("invalid \\u escape", "problem.json.syntax.escape")
                }
                out.append(contentsOf: Array(String(Character(scalar)).utf8))
            default:
                throw error("invalid escape '\\\(printable(e))' in a string", "problem.json.syntax.escape")
            }
        }
        throw error("unterminated string", "problem.json.syntax.unterminated")
    }

    private mutating func parseHex4() throws(JSONSyntaxError) -> UInt32 {
        guard index + 4 <= bytes.count else { throw error("incomplete \\u escape", "problem.json.syntax.escape") }
        var v: UInt32 = 0
        for _ in 0..<4 {
            let c = bytes[index]
            let d: UInt32
            switch c {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): d = UInt32(c - UInt8(ascii: "0"))
            case UInt8(ascii: "a")...UInt8(ascii: "f"): d = UInt32(c - UInt8(ascii: "a") + 10)
            case UInt8(ascii: "A")...UInt8(ascii: "F"): d = UInt32(c - UInt8(ascii: "A") + 10)
            default: throw error("invalid hex digit in \\u escape", "problem.json.syntax.escape")
            }
            v = v << 4 | d
            index += 1
        }
        return v
    }

    private mutating func parseNumber() throws(JSONSyntaxError) -> JSONNode.Value {
        let start = index
        var isInteger = true
        if bytes[index] == UInt8(ascii: "-") { index += 1 }
        func digits(_ p: inout JSONParser) -> Int {
            var count = 0
            while p.index < p.bytes.count, p.bytes[p.index] >= 0x30, p.bytes[p.index] <= 0x39 {
                p.index += 1
                count += 1
            }
            return count
        }
        let intStart = index
        let intDigits = digits(&self)
        if intDigits == 0 { throw error("invalid number: digits expected", "problem.json.syntax.number") }
        if intDigits > 1 && bytes[intStart] == UInt8(ascii: "0") {
            index = intStart
            throw error("invalid number: leading zero", "problem.json.syntax.number")
        }
        if index < bytes.count && bytes[index] == UInt8(ascii: ".") {
            isInteger = false
            index += 1
            if digits(&self) == 0 {
                throw error("invalid number: digits expected after '.'", "problem.json.syntax.number")
            }
        }
        if index < bytes.count && (bytes[index] == UInt8(ascii: "e") || bytes[index] == UInt8(ascii: "E")) {
            isInteger = false
            index += 1
            if index < bytes.count && (bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-")) {
                index += 1
            }
            if digits(&self) == 0 {
                throw error("invalid number: digits expected in exponent", "problem.json.syntax.number")
            }
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard let value = Double(text), value.isFinite else {
            throw error("number \(text) is out of range", Message("problem.json.syntax.range", ["number": .text(text)]))
        }
        return .number(value, isInteger: isInteger)
    }
}

/// Writes JSON deterministically: 2-space indentation, keys in the order given, non-ASCII
/// text as-is, numbers in their shortest exact form (integers without a fraction).
package struct JSONWriter {
    private(set) var output: [UInt8] = []
    private var indent = 0
    private var needsComma: [Bool] = []

    package init() {
        output.reserveCapacity(1 << 16)
    }

    package mutating func beginObject() { open(UInt8(ascii: "{")) }
    package mutating func endObject() { close(UInt8(ascii: "}")) }
    package mutating func beginArray() { open(UInt8(ascii: "[")) }
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// Starts a member `"key": ` of the current object.
    package mutating func key(_ key: String) {
        separator()
        appendString(key)
        output.append(contentsOf: [UInt8(ascii: ":"), UInt8(ascii: " ")])
    }

    /// Starts an element of the current array.
    package mutating func element() { separator() }

    package mutating func string(_ s: String) { appendString(s) }
    package mutating func bool(_ b: Bool) { output.append(contentsOf: Array((b ? "true" : "false").utf8)) }
    package mutating func int(_ i: Int) { output.append(contentsOf: Array(String(i).utf8)) }
    package mutating func number(_ d: Double) { output.append(contentsOf: Array(NumberFormat.shortest(d).utf8)) }
    /// A number in its shortest round-trip form, always (scores: 1e-12 stays 1e-12).
    package mutating func exactNumber(_ d: Double) {
        output.append(contentsOf: Array((d.isFinite ? "\(d)" : "null").utf8))
    }

    /// A list of strings on one line: `["a", "b"]`.
    package mutating func inlineStrings(_ items: [String]) {
        output.append(UInt8(ascii: "["))
        for (i, item) in items.enumerated() {
            if i > 0 { output.append(contentsOf: [UInt8(ascii: ","), UInt8(ascii: " ")]) }
            appendString(item)
        }
        output.append(UInt8(ascii: "]"))
    }

    package mutating func finish() -> [UInt8] {
        output.append(0x0A)
        return output
    }

    private mutating func open(_ c: UInt8) {
        output.append(c)
        indent += 1
        needsComma.append(false)
    }

    private mutating func close(_ c: UInt8) {
        indent -= 1
        let hadItems = needsComma.popLast() ?? false
        if hadItems { newline() }
        output.append(c)
    }

    private mutating func separator() {
        if needsComma.last == true { output.append(UInt8(ascii: ",")) }
        if !needsComma.isEmpty { needsComma[needsComma.count - 1] = true }
        newline()
    }

    private mutating func newline() {
        output.append(0x0A)
        output.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * 2))
    }

    private mutating func appendString(_ s: String) {
        output.append(UInt8(ascii: "\""))
        for b in s.utf8 {
            switch b {
            case UInt8(ascii: "\""): output.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): output.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: output.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: output.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: output.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = String(b, radix: 16)
                output.append(contentsOf: Array(("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).utf8))
            default: output.append(b)
            }
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// Number formatting shared by the writers: shortest text that reads back to the same
/// `Double`, integers without `.0`, never locale-dependent.
package enum NumberFormat {
    /// Non-finite values (which validated data cannot produce) are written `null`, so the
    /// text is still JSON.
    package static func shortest(_ d: Double) -> String {
        if d == d.rounded(), abs(d) < 1e15 {
            return String(Int64(d))
        }
        return d.isFinite ? "\(d)" : "null"
    }
}
