import Foundation

/// A CSV syntax problem (an unterminated quote, text after a closing quote).
struct CSVSyntaxError: Error, Sendable {
    var line: Int
    var message: String
    /// The catalog id of ``message`` (`problem.csv.*`).
    var id: String = ""
}

/// An RFC 4180 reader over UTF-8 bytes: comma-separated, fields optionally in double quotes,
/// `""` for a quote inside a quoted field, line breaks inside quoted fields, CRLF or LF line
/// ends. Rows are handed to a closure one at a time with the line they start on; the field
/// storage is reused between rows, so reading allocates only the strings a caller asks for.
///
/// - Complexity: O(n) in the bytes.
struct CSVReader {
    /// One row: field byte ranges into the buffer, valid only during the callback.
    struct Row {
        fileprivate let buffer: UnsafeBufferPointer<UInt8>
        fileprivate var starts: [Int] = []
        fileprivate var ends: [Int] = []
        fileprivate var quoted: [Bool] = []
        /// Line the row starts on (1-based).
        var line = 0

        var count: Int { starts.count }

        /// True when the row has one empty field (a blank line).
        var isBlank: Bool { starts.count == 1 && starts[0] == ends[0] }

        /// Whether field `i` is empty (absent).
        func isEmpty(_ i: Int) -> Bool { starts[i] == ends[i] }

        /// The raw bytes of field `i` (quotes removed, `""` not yet unescaped).
        func bytes(_ i: Int) -> UnsafeBufferPointer<UInt8> {
            UnsafeBufferPointer(rebasing: buffer[starts[i]..<ends[i]])
        }

        /// Field `i` as a string, with `""` turned into `"` in quoted fields.
        func string(_ i: Int) -> String {
            let raw = bytes(i)
            if !quoted[i] { return String(decoding: raw, as: UTF8.self) }
            var out: [UInt8] = []
            out.reserveCapacity(raw.count)
            var k = 0
            while k < raw.count {
                out.append(raw[k])
                if raw[k] == UInt8(ascii: "\""), k + 1 < raw.count, raw[k + 1] == UInt8(ascii: "\"") { k += 1 }
                k += 1
            }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Where one row's fields go while the row grammar runs: a ``Row`` keeps them, the
    /// boundary scans drop them.
    protocol FieldSink {
        mutating func field(start: Int, end: Int, quoted: Bool)
    }

    /// Drops fields (scans that only need row ends).
    struct NoFields: FieldSink {
        @inline(__always) mutating func field(start: Int, end: Int, quoted: Bool) {}
    }

    /// THE row grammar, the one rule every reader of CSV bytes follows (the row parser, the
    /// header scan and the chunk-boundary scan of the parallel reader):
    ///
    /// - a field that *starts* with `"` is quoted: it runs to the next `"` not doubled
    ///   (`""` is a quote) and may hold commas and line breaks; after its closing quote comes
    ///   a comma, a line end or the end of the input;
    /// - any other field runs to the next comma or line end; a `"` inside it is an ordinary
    ///   character (`3/4" valve`);
    /// - a line end is LF, CRLF or a lone CR (old Mac Excel), everywhere, also inside quotes
    ///   for line numbering.
    ///
    /// Parses the row starting at `i` (which must be `< n`), moves `i` past its line end and
    /// returns the number of line ends it consumed (inside quotes and at its end).
    @inline(__always)
    static func parseRow<S: FieldSink>(
        _ buf: UnsafeBufferPointer<UInt8>, _ i: inout Int, _ n: Int, line: Int, into fields: inout S
    ) throws(CSVSyntaxError) -> Int {
        var breaks = 0
        while true {
            if i < n && buf[i] == UInt8(ascii: "\"") {
                let quoteLine = line + breaks
                i += 1
                let start = i
                var closed = false
                while i < n {
                    let b = buf[i]
                    if b == UInt8(ascii: "\"") {
                        if i + 1 < n && buf[i + 1] == UInt8(ascii: "\"") {
                            i += 2
                            continue
                        }
                        closed = true
                        break
                    }
                    if b == 0x0A || (b == 0x0D && !(i + 1 < n && buf[i + 1] == 0x0A)) { breaks += 1 }
                    i += 1
                }
                if !closed {
                    throw CSVSyntaxError(
                        line: quoteLine, message: "a quoted field is never closed (missing \")",
                        id: "problem.csv.unclosedQuote")
                }
                fields.field(start: start, end: i, quoted: true)
                i += 1  // closing quote
                if i < n && buf[i] != UInt8(ascii: ",") && buf[i] != 0x0A && buf[i] != 0x0D {
                    throw CSVSyntaxError(
                        line: line + breaks, message: "text after a closing quote; inside quotes write a quote as \"\"",
                        id: "problem.csv.textAfterQuote")
                }
            } else {
                let start = i
                while i < n {
                    let b = buf[i]
                    if b == UInt8(ascii: ",") || b == 0x0A || b == 0x0D { break }
                    i += 1
                }
                fields.field(start: start, end: i, quoted: false)
            }
            if i < n && buf[i] == UInt8(ascii: ",") {
                i += 1
                continue
            }
            break
        }
        // End of line: CRLF, LF, lone CR, or end of input.
        if i < n && buf[i] == 0x0D {
            i += 1
            if i < n && buf[i] == 0x0A { i += 1 }
            breaks += 1
        } else if i < n && buf[i] == 0x0A {
            i += 1
            breaks += 1
        }
        return breaks
    }

    /// An upper bound on the rows ``parseRow(_:_:_:line:into:)`` finds in `buf[range]`: every
    /// row but the last ends with a line end (LF, or a CR not followed by LF), so rows are at
    /// most line ends + 1.
    static func rowBound(_ buf: UnsafeBufferPointer<UInt8>, _ range: Range<Int>) -> Int {
        var rows = 1
        var i = range.lowerBound
        let n = range.upperBound
        while i < n {
            let b = buf[i]
            if b == 0x0A || (b == 0x0D && !(i + 1 < n && buf[i + 1] == 0x0A)) { rows += 1 }
            i += 1
        }
        return rows
    }

    /// Row boundaries splitting `buf[from...]` into about `parts` chunks: row starts found
    /// by the row grammar (``parseRow(_:_:_:line:into:)``), with the number of line ends
    /// before each (for line numbers). Stops splitting at a syntax error: the chunk that holds
    /// it reports it when parsed.
    static func chunkBoundaries(_ buf: UnsafeBufferPointer<UInt8>, from: Int, parts: Int) -> [(
        offset: Int, linesBefore: Int
    )] {
        var result = [(offset: from, linesBefore: 0)]
        guard parts > 1 else { return result }
        let n = buf.count
        let size = n - from
        var target = from + size / parts
        var lines = 0
        var i = from
        var sink = NoFields()
        while i < n {
            do throws(CSVSyntaxError) {
                lines += try parseRow(buf, &i, n, line: 0, into: &sink)
            } catch {
                break
            }
            if i >= target && i < n {
                result.append((i, lines))
                if result.count == parts { break }
                target = max(i + 1, from + size * result.count / parts)
            }
        }
        return result
    }

    /// End of the row starting at `from` (after its line end, or the end of the buffer, or
    /// of the input at a syntax error) and the number of line ends it spans.
    static func rowEnd(_ buf: UnsafeBufferPointer<UInt8>, from: Int) -> (end: Int, lineBreaks: Int) {
        var i = from
        var sink = NoFields()
        do throws(CSVSyntaxError) {
            let breaks = try parseRow(buf, &i, buf.count, line: 0, into: &sink)
            return (i, breaks)
        } catch {
            return (buf.count, 0)
        }
    }

    /// Calls `body` for each row of `bytes`. Stops at the first syntax error.
    static func forEachRow(_ bytes: [UInt8], _ body: (borrowing Row) throws(CSVSyntaxError) -> Void)
        throws(CSVSyntaxError)
    {
        // The row grammar reads only below the range's upper bound (buf.count here).
        try bytes.withUnsafeBufferPointer { (buf: UnsafeBufferPointer<UInt8>) throws(CSVSyntaxError) in
            try forEachRow(buf, range: 0..<buf.count, firstLine: 1, body)
        }
    }

    /// Rows of `buffer[range]`, which must start at a row boundary; lines are counted from
    /// `firstLine`. Used to parse large files in chunks on several cores.
    static func forEachRow(
        _ buf: UnsafeBufferPointer<UInt8>, range: Range<Int>, firstLine: Int,
        _ body: (borrowing Row) throws(CSVSyntaxError) -> Void
    ) throws(CSVSyntaxError) {
        var row = Row(buffer: buf)
        row.starts.reserveCapacity(32)
        row.ends.reserveCapacity(32)
        row.quoted.reserveCapacity(32)
        let n = range.upperBound
        var i = range.lowerBound
        var line = firstLine
        while i < n {
            row.starts.removeAll(keepingCapacity: true)
            row.ends.removeAll(keepingCapacity: true)
            row.quoted.removeAll(keepingCapacity: true)
            row.line = line
            let breaks = try parseRow(buf, &i, n, line: line, into: &row)
            // A row ending at the end of the input still takes one line.
            line += max(breaks, 1)
            try body(row)
        }
    }
}

extension CSVReader.Row: CSVReader.FieldSink {
    @inline(__always) mutating func field(start: Int, end: Int, quoted: Bool) {
        starts.append(start)
        ends.append(end)
        self.quoted.append(quoted)
    }
}

/// Writes RFC 4180 CSV: quotes a field only when it holds a comma, quote, line break or
/// leading/trailing space; CRLF line ends; a UTF-8 byte-order mark first, so that Excel on
/// Chinese Windows opens the file as UTF-8.
struct CSVWriter {
    private(set) var output: [UInt8] = [0xEF, 0xBB, 0xBF]

    mutating func row(_ fields: [String]) {
        for (i, field) in fields.enumerated() {
            if i > 0 { output.append(UInt8(ascii: ",")) }
            append(field)
        }
        output.append(contentsOf: [0x0D, 0x0A])
    }

    private mutating func append(_ field: String) {
        let utf8 = field.utf8
        let needsQuotes =
            utf8.contains { $0 == UInt8(ascii: ",") || $0 == UInt8(ascii: "\"") || $0 == 0x0A || $0 == 0x0D }
            || utf8.first == 0x20 || utf8.last == 0x20
        if !needsQuotes {
            output.append(contentsOf: utf8)
            return
        }
        output.append(UInt8(ascii: "\""))
        for b in utf8 {
            if b == UInt8(ascii: "\"") { output.append(b) }
            output.append(b)
        }
        output.append(UInt8(ascii: "\""))
    }
}

/// List-valued fields in one CSV cell: items joined by `|`; a `|` or `\` inside an item is
/// written `\|` or `\\`.
enum CSVList {
    static func join(_ items: [String]) -> String {
        items.map { item in
            item.contains(where: { $0 == "|" || $0 == "\\" })
                ? item.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "|", with: "\\|")
                : item
        }.joined(separator: "|")
    }

    static func split(_ cell: String) -> [String] {
        if cell.isEmpty { return [] }
        if !cell.contains("\\") { return cell.split(separator: "|", omittingEmptySubsequences: false).map(String.init) }
        var items: [String] = []
        var current = ""
        var escaped = false
        for c in cell {
            if escaped {
                current.append(c)
                escaped = false
            } else if c == "\\" {
                escaped = true
            } else if c == "|" {
                items.append(current)
                current = ""
            } else {
                current.append(c)
            }
        }
        if escaped { current.append("\\") }
        items.append(current)
        return items
    }
}
