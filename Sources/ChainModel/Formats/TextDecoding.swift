import ChainGraph
import Foundation

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Turns the bytes of a user's text file into UTF-8, the only encoding the parsers read.
///
/// - UTF-8, with or without a byte-order mark: accepted (the mark is dropped).
/// - UTF-16/UTF-32 (with a byte-order mark): refused with a re-save hint.
/// - Not valid UTF-8 but valid GB18030 (GBK is a subset; what Excel writes on Chinese
///   Windows): decoded through iconv, with a warning that says how to save as UTF-8.
/// - Anything else: refused, naming the first bad byte's line.
enum TextDecoding {
    static let resaveHint =
        "save the file as UTF-8: in Excel use 'Save As' → 'CSV UTF-8 (Comma delimited)'; in WPS choose UTF-8 encoding; or run `iconv -f GB18030 -t UTF-8 in.csv > out.csv`"
    /// For JSON files, which no spreadsheet writes.
    static let jsonResaveHint =
        "JSON files are UTF-8: save it as UTF-8 in your editor, or convert it, e.g. `iconv -f UTF-16 -t UTF-8 in.json > out.json` (use the file's real encoding after -f)"
    static let utf16CSVHint =
        "save the file as UTF-8: in Excel use 'Save As' → 'CSV UTF-8 (Comma delimited)'; or run `iconv -f UTF-16 -t UTF-8 in.csv > out.csv`"

    /// Reads `path` and returns UTF-8 bytes, or throws with a diagnostic. A byte-order mark is
    /// overwritten with three spaces rather than removed (both parsers skip leading spaces), so
    /// a 600 MB file is read once into one buffer and never copied. Follows ``InputFile``'s
    /// rule: `allowStream` for a single input (a pipe is read with a bound), not for the
    /// member files of a bundle.
    static func readUTF8(
        path: String, displayName: String, warnings: inout [Diagnostic], allowStream: Bool = false, json: Bool = false
    ) throws(ParkLoadError) -> [UInt8] {
        var bytes: [UInt8]
        switch InputFile.read(path, allowStream: allowStream) {
        case .success(let b): bytes = b
        case .failure(let problem):
            throw ParkLoadError([problem.diagnostic(file: displayName)])
        }
        try normalize(&bytes, displayName: displayName, warnings: &warnings, json: json)
        return bytes
    }

    /// `input` as UTF-8 (see ``normalize(_:displayName:warnings:json:)``).
    static func decode(_ input: [UInt8], displayName: String, warnings: inout [Diagnostic], json: Bool = false)
        throws(ParkLoadError) -> [UInt8]
    {
        var bytes = input
        try normalize(&bytes, displayName: displayName, warnings: &warnings, json: json)
        return bytes
    }

    /// Makes `bytes` UTF-8 in place: a byte-order mark becomes three spaces; GB18030 is
    /// converted (with a warning); anything else that is not UTF-8 throws, naming the real
    /// cause (UTF-16 with or without a byte-order mark) with a hint for the file's kind
    /// (`json`: no spreadsheet advice).
    static func normalize(_ bytes: inout [UInt8], displayName: String, warnings: inout [Diagnostic], json: Bool = false)
        throws(ParkLoadError)
    {
        let hint = json ? jsonResaveHint : resaveHint
        let hintText: Message = json ? "problem.encoding.jsonResave.hint" : "problem.encoding.resave.hint"
        let utf16Hint: Message = json ? "problem.encoding.jsonResave.hint" : "problem.encoding.utf16CSV.hint"
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) {
            bytes[0] = 0x20
            bytes[1] = 0x20
            bytes[2] = 0x20
            if let bad = firstInvalidUTF8(bytes) {
                throw ParkLoadError([
                    Diagnostic(
                        .error, file: displayName, line: lineOf(offset: bad, in: bytes),
                        "not valid UTF-8 (byte 0x\(hex(bytes[bad])) at offset \(bad))", hint: hint
                    )
                    .with(
                        Message(
                            "problem.encoding.invalidUTF8",
                            ["byte": .text("0x" + hex(bytes[bad])), "offset": .integer(bad)]), hint: hintText)
                ])
            }
            return
        }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            throw ParkLoadError([
                Diagnostic(
                    .error, file: displayName,
                    json
                        ? "is UTF-16; ChainMap reads UTF-8"
                        : "is UTF-16 (Excel's 'Unicode Text'); ChainMap reads UTF-8",
                    hint: json ? jsonResaveHint : utf16CSVHint
                )
                .with(json ? "problem.encoding.utf16" : "problem.encoding.utf16CSV", hint: utf16Hint)
            ])
        }
        // UTF-16 without a byte-order mark is valid UTF-8 full of NUL bytes.
        if bytes[0..<min(bytes.count, 4096)].contains(0) {
            throw ParkLoadError([
                Diagnostic(
                    .error, file: displayName, "holds NUL bytes: it is UTF-16 (or not text at all), not UTF-8",
                    hint: json ? jsonResaveHint : utf16CSVHint
                )
                .with("problem.encoding.nul", hint: utf16Hint)
            ])
        }
        guard let bad = firstInvalidUTF8(bytes) else { return }
        if let converted = iconvConvert(bytes, from: "GB18030") {
            warnings.append(
                Diagnostic(.warning, file: displayName, "not UTF-8; decoded as GB18030/GBK", hint: hint)
                    .with("problem.encoding.gb18030", hint: hintText))
            bytes = converted
            return
        }
        throw ParkLoadError([
            Diagnostic(
                .error, file: displayName, line: lineOf(offset: bad, in: bytes),
                "not valid UTF-8 (byte 0x\(hex(bytes[bad])) at offset \(bad))\(json ? "" : " and not GB18030 either")",
                hint: hint
            )
            .with(
                Message(
                    json ? "problem.encoding.invalidUTF8" : "problem.encoding.invalidUTF8.notGB",
                    ["byte": .text("0x" + hex(bytes[bad])), "offset": .integer(bad)]), hint: hintText)
        ])
    }

    static func hex(_ b: UInt8) -> String {
        let s = String(b, radix: 16, uppercase: true)
        return s.count == 1 ? "0" + s : s
    }

    static func lineOf(offset: Int, in bytes: [UInt8]) -> Int {
        var line = 1
        // Line ends as the CSV row grammar counts them: LF, CRLF or a lone CR.
        for i in 0..<min(offset, bytes.count)
        where bytes[i] == 0x0A || (bytes[i] == 0x0D && !(i + 1 < bytes.count && bytes[i + 1] == 0x0A)) { line += 1 }
        return line
    }

    /// Offset of the first byte that breaks UTF-8, or nil when the whole buffer is valid.
    static func firstInvalidUTF8(_ bytes: [UInt8]) -> Int? {
        // In bounds: 8-byte loads only while i + 8 <= n; a multi-byte sequence is read only
        // after `i + need < n` is checked.
        bytes.withUnsafeBufferPointer { buf -> Int? in
            var i = 0
            let n = buf.count
            let raw = UnsafeRawBufferPointer(buf)
            while i < n {
                // ASCII runs (most of a CSV file) eight bytes at a time.
                while i + 8 <= n && raw.loadUnaligned(fromByteOffset: i, as: UInt64.self) & 0x8080_8080_8080_8080 == 0 {
                    i += 8
                }
                if i >= n { break }
                let b = buf[i]
                if b < 0x80 { i += 1; continue }
                var need = 0
                var minCode: UInt32 = 0
                var code: UInt32 = 0
                if b & 0xE0 == 0xC0 {
                    need = 1; code = UInt32(b & 0x1F); minCode = 0x80
                } else if b & 0xF0 == 0xE0 {
                    need = 2; code = UInt32(b & 0x0F); minCode = 0x800
                } else if b & 0xF8 == 0xF0 {
                    need = 3; code = UInt32(b & 0x07); minCode = 0x10000
                } else {
                    return i
                }
                if i + need >= n { return i }
                for k in 1...need {
                    let c = buf[i + k]
                    if c & 0xC0 != 0x80 { return i }
                    code = code << 6 | UInt32(c & 0x3F)
                }
                if code < minCode || code > 0x10FFFF || (code >= 0xD800 && code <= 0xDFFF) { return i }
                i += need + 1
            }
            return nil
        }
    }

    /// Converts `bytes` from `encoding` to UTF-8 with the C library's iconv; nil on any
    /// invalid or incomplete sequence.
    static func iconvConvert(_ bytes: [UInt8], from encoding: String) -> [UInt8]? {
        #if canImport(Glibc) || canImport(Darwin)
        let cd = iconv_open("UTF-8", encoding)
        if cd == iconv_t(bitPattern: -1) { return nil }
        defer { iconv_close(cd) }
        var input = bytes.map { CChar(bitPattern: $0) }
        var output = [CChar](repeating: 0, count: bytes.count * 2 + 16)
        let outCapacity = output.count
        // iconv reads at most inLeft bytes and writes at most outLeft bytes, both set to the
        // buffers' counts; the output holds 2n + 16 bytes, enough for GB18030 → UTF-8 (at most
        // 4 bytes of UTF-8 per 2-byte or 4-byte GB18030 character, 1 per ASCII byte; else E2BIG
        // leaves input, which is refused).
        let result: Int? = input.withUnsafeMutableBufferPointer { inBuf in
            output.withUnsafeMutableBufferPointer { outBuf in
                var inPtr = inBuf.baseAddress
                var inLeft = inBuf.count
                var outPtr = outBuf.baseAddress
                var outLeft = outCapacity
                let r = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
                if r == -1 || inLeft != 0 { return nil }
                return outCapacity - outLeft
            }
        }
        guard let written = result else { return nil }
        return output[0..<written].map { UInt8(bitPattern: $0) }
        #else
        return nil
        #endif
    }
}
