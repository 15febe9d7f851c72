import CZlib

/// Limits on what a workbook may expand to, so that a zip bomb is refused with a message
/// instead of filling memory (documented in docs/FORMAT.md).
public struct XLSXLimits: Sendable {
    /// Largest uncompressed size of one part (a worksheet's XML, the shared strings).
    public var maxPartBytes: Int
    /// Largest uncompressed size of all the parts read, together.
    public var maxTotalBytes: Int
    /// Most entries in the zip's central directory.
    public var maxEntries: Int

    public init(maxPartBytes: Int = 2 << 30, maxTotalBytes: Int = 4 << 30, maxEntries: Int = 10_000) {
        self.maxPartBytes = maxPartBytes
        self.maxTotalBytes = maxTotalBytes
        self.maxEntries = maxEntries
    }

    public static let standard = XLSXLimits()
}

/// A problem with the workbook file itself (not its records): the message and a hint.
struct XLSXProblem: Error {
    var message: String
    var hint: String?
    /// The sheet it concerns, when known.
    var sheet: String?
    /// The same words from the message catalog (`problem.xlsx.*`).
    var text: Message
    var hintText: Message?

    init(
        _ message: String, hint: String? = nil, sheet: String? = nil, text: Message,
        hintText: Message? = "problem.xlsx.corrupt.hint"
    ) {
        self.message = message
        self.hint = hint
        self.sheet = sheet
        self.text = text
        self.hintText = hintText
    }

    /// The problem as a diagnostic of `file` (and `sheet`).
    func diagnostic(file: String, sheet: String?) -> Diagnostic {
        Diagnostic(.error, file: file, sheet: sheet, message, hint: hint).with(text, hint: hintText)
    }
}

/// A minimal reader of a zip archive held in memory: the central directory, stored and
/// deflated entries (through zlib), ZIP64 sizes and offsets. Every offset and size read from
/// the file is checked against the buffer before use, declared sizes are not trusted (the
/// output is counted while inflating), and every entry's CRC-32 is checked, so a corrupt or
/// hostile file gives an ``XLSXProblem``, never a crash.
struct ZipArchive {
    struct Entry {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var uncompressedSize: Int
        var localHeaderOffset: Int
    }

    let bytes: [UInt8]
    let limits: XLSXLimits
    private(set) var entries: [String: Entry] = [:]
    /// Uncompressed bytes handed out so far (bounded by ``XLSXLimits/maxTotalBytes``).
    private(set) var totalRead = 0

    static let corruptHint = "the file is damaged or not a workbook: open it in Excel or WPS and save it again as .xlsx"

    init(_ bytes: [UInt8], limits: XLSXLimits) throws(XLSXProblem) {
        self.bytes = bytes
        self.limits = limits
        try readDirectory()
    }

    private func u16(_ at: Int) -> Int? {
        guard at >= 0, at + 2 <= bytes.count else { return nil }
        return Int(bytes[at]) | Int(bytes[at + 1]) << 8
    }

    private func u32(_ at: Int) -> Int? {
        guard at >= 0, at + 4 <= bytes.count else { return nil }
        return Int(bytes[at]) | Int(bytes[at + 1]) << 8 | Int(bytes[at + 2]) << 16 | Int(bytes[at + 3]) << 24
    }

    private func u64(_ at: Int) -> Int? {
        guard let lo = u32(at), let hi = u32(at + 4), hi < (1 << 30) else { return nil }
        return lo | hi << 32
    }

    private static func corrupt(_ what: String) -> XLSXProblem {
        XLSXProblem("not a readable workbook: \(what)", hint: corruptHint, text: "problem.xlsx.corrupt")
    }

    private mutating func readDirectory() throws(XLSXProblem) {
        // The end-of-central-directory record: within the last 64 KiB + 22 bytes.
        guard bytes.count >= 22 else { throw Self.corrupt("the file is too short to be a zip archive") }
        var eocd = -1
        var i = bytes.count - 22
        let stop = max(0, bytes.count - 22 - 65_535)
        while i >= stop {
            if bytes[i] == 0x50 && bytes[i + 1] == 0x4B && bytes[i + 2] == 0x05 && bytes[i + 3] == 0x06 {
                eocd = i; break
            }
            i -= 1
        }
        guard eocd >= 0, var count = u16(eocd + 10), var size = u32(eocd + 12), var offset = u32(eocd + 16) else {
            throw Self.corrupt("no zip directory found (the file may be cut short)")
        }
        if count == 0xFFFF || size == 0xFFFF_FFFF || offset == 0xFFFF_FFFF {
            // ZIP64: the locator sits just before the record and points to the ZIP64 record.
            guard u32(eocd - 20) == 0x0706_4B50, let at = u64(eocd - 12), u32(at) == 0x0606_4B50,
                let c = u64(at + 32), let s = u64(at + 40), let o = u64(at + 48)
            else { throw Self.corrupt("a damaged ZIP64 directory") }
            (count, size, offset) = (c, s, o)
        }
        guard count <= limits.maxEntries else {
            throw XLSXProblem(
                "the archive lists \(count) entries, more than the \(limits.maxEntries) a workbook may have",
                hint: Self.corruptHint,
                text: Message(
                    "problem.xlsx.tooManyEntries", ["count": .integer(count), "limit": .integer(limits.maxEntries)]))
        }
        guard offset >= 0, size >= 0, offset + size <= bytes.count else {
            throw Self.corrupt("the zip directory lies outside the file")
        }
        var p = offset
        for _ in 0..<count {
            guard u32(p) == 0x0201_4B50, let flags = u16(p + 8), let method = u16(p + 10), let crc = u32(p + 16),
                var csize = u32(p + 20), var usize = u32(p + 24), let nameLength = u16(p + 28),
                let extraLength = u16(p + 30), let commentLength = u16(p + 32), var local = u32(p + 42),
                p + 46 + nameLength + extraLength <= bytes.count
            else { throw Self.corrupt("a damaged entry in the zip directory") }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            // ZIP64 extra field: the 64-bit values, in order, of the fields saturated above.
            var e = p + 46 + nameLength
            let extraEnd = e + extraLength
            while e + 4 <= extraEnd, let tag = u16(e), let length = u16(e + 2) {
                if tag == 0x0001 {
                    var q = e + 4
                    if usize == 0xFFFF_FFFF, q + 8 <= e + 4 + length, let v = u64(q) { usize = v; q += 8 }
                    if csize == 0xFFFF_FFFF, q + 8 <= e + 4 + length, let v = u64(q) { csize = v; q += 8 }
                    if local == 0xFFFF_FFFF, q + 8 <= e + 4 + length, let v = u64(q) { local = v }
                }
                e += 4 + length
            }
            entries[name] = Entry(
                name: name, method: UInt16(method), flags: UInt16(flags), crc: UInt32(truncatingIfNeeded: crc),
                compressedSize: csize, uncompressedSize: usize, localHeaderOffset: local)
            p += 46 + nameLength + extraLength + commentLength
        }
    }

    func contains(_ name: String) -> Bool { entries[name] != nil }

    /// The uncompressed bytes of entry `name`, or nil when the archive has no such entry.
    mutating func read(_ name: String) throws(XLSXProblem) -> [UInt8]? {
        guard let entry = entries[name] else { return nil }
        if entry.flags & 1 != 0 {
            throw XLSXProblem(
                "\(name) is encrypted",
                hint: "remove the workbook's password (File → Info → Protect Workbook) and save it again",
                text: "problem.xlsx.encrypted", hintText: "problem.xlsx.encrypted.hint")
        }
        let limit = min(limits.maxPartBytes, limits.maxTotalBytes - totalRead)
        if entry.uncompressedSize > limit {
            throw tooLarge(name, entry.uncompressedSize)
        }
        let l = entry.localHeaderOffset
        guard u32(l) == 0x0403_4B50, let nameLength = u16(l + 26), let extraLength = u16(l + 28) else {
            throw Self.corrupt("the entry \(name) is damaged")
        }
        let start = l + 30 + nameLength + extraLength
        guard entry.compressedSize >= 0, start + entry.compressedSize <= bytes.count else {
            throw Self.corrupt("the entry \(name) runs past the end of the file (the file may be cut short)")
        }
        var out: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize <= limit else { throw tooLarge(name, entry.compressedSize) }
            out = Array(bytes[start..<(start + entry.compressedSize)])
        case 8:
            out = try inflate(
                start..<(start + entry.compressedSize), name: name, limit: limit, expected: entry.uncompressedSize)
        default:
            throw XLSXProblem(
                "\(name) uses compression method \(entry.method), which ChainMap does not read",
                hint: "save the workbook again from Excel, WPS or LibreOffice as .xlsx",
                text: Message("problem.xlsx.method", ["method": .integer(Int(entry.method))]),
                hintText: "problem.xlsx.saveAgain.hint")
        }
        let crc = out.withUnsafeBufferPointer { b -> UInt32 in
            guard let base = b.baseAddress, !b.isEmpty else { return 0 }
            var c: uLong = crc32(0, nil, 0)
            var done = 0
            while done < b.count {
                let n = min(b.count - done, 1 << 30)
                c = crc32(c, base + done, uInt(n))
                done += n
            }
            return UInt32(truncatingIfNeeded: c)
        }
        guard crc == entry.crc else { throw Self.corrupt("the entry \(name) fails its checksum") }
        totalRead += out.count
        return out
    }

    private func tooLarge(_ name: String, _ size: Int) -> XLSXProblem {
        XLSXProblem(
            "\(name) expands to more than \(limits.maxPartBytes >> 20) MiB (or the workbook to more than \(limits.maxTotalBytes >> 20) MiB), ChainMap's limit for a workbook part",
            hint: "split the park, or use a CSV bundle for parks this large",
            text: Message(
                "problem.xlsx.tooLarge",
                ["part": .integer(limits.maxPartBytes >> 20), "total": .integer(limits.maxTotalBytes >> 20)]),
            hintText: "problem.xlsx.tooLarge.hint")
    }

    /// Raw-deflate decompression of `range`, refusing output beyond `limit`.
    private func inflate(_ range: Range<Int>, name: String, limit: Int, expected: Int) throws(XLSXProblem) -> [UInt8] {
        var stream = z_stream()
        guard inflateInit2_(&stream, -15, zlibVersion(), Int32(MemoryLayout<z_stream>.size)) == Z_OK else {
            throw XLSXProblem("cannot start decompression (zlib)", hint: nil, text: "problem.xlsx.zlib", hintText: nil)
        }
        defer { inflateEnd(&stream) }
        var out = [UInt8]()
        out.reserveCapacity(min(max(expected, 0), limit) + 1)
        let chunk = 1 << 18
        var buffer = [UInt8](repeating: 0, count: chunk)
        var status: Int32 = Z_OK
        var failure: XLSXProblem?
        bytes.withUnsafeBufferPointer { all in
            let input = UnsafeMutablePointer(mutating: all.baseAddress! + range.lowerBound)
            var remaining = range.count
            stream.next_in = input
            stream.avail_in = 0
            buffer.withUnsafeMutableBufferPointer { buf in
                repeat {
                    if stream.avail_in == 0 && remaining > 0 {
                        let n = min(remaining, 1 << 30)
                        stream.avail_in = uInt(n)
                        remaining -= n
                    }
                    stream.next_out = buf.baseAddress
                    stream.avail_out = uInt(chunk)
                    status = CZlib.inflate(&stream, Z_NO_FLUSH)
                    let produced = chunk - Int(stream.avail_out)
                    if out.count + produced > limit {
                        failure = tooLarge(name, out.count + produced)
                        return
                    }
                    out.append(contentsOf: buf[0..<produced])
                    if status == Z_BUF_ERROR && stream.avail_in == 0 && remaining == 0 { break }
                } while status == Z_OK
            }
        }
        if let failure { throw failure }
        guard status == Z_STREAM_END else {
            throw Self.corrupt("the entry \(name) does not decompress (zlib status \(status))")
        }
        return out
    }
}
