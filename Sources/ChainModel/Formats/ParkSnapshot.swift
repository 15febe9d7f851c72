import ChainGraph

#if _endian(big)
#error("park snapshots are little-endian; the reader copies sections as they are")
#endif

/// A park snapshot (`.chainpark`): a validated park in a compact, versioned, checksummed
/// binary form that loads without parsing or validation. Field by field in docs/FORMAT.md,
/// "Binary snapshot (.chainpark)".
///
/// Layout (all integers little-endian):
/// - a 64-byte header: magic `CHAINPK1`, version, flags, file length, section count, the XXH64
///   of everything after the header, zeros, and the XXH64 of the header's first 56 bytes;
/// - a table of sections, 24 bytes each (tag, element width, offset, element count), in the
///   fixed order of ``ParkSnapshot/layout``;
/// - the sections, each starting on an 8-byte boundary: one deduplicated string table (every
///   text of the park once) and one column per field of every record kind, text as 32-bit codes
///   into the table; optionally every link's supplier and buyer position (the park's
///   resolution), so a loaded park does not hash its link ids again.
///
/// ```swift
/// let bytes = ParkSnapshot.encode(park)
/// let back = try ParkLoader.load(snapshot: bytes, name: "p.chainpark").park   // == park
/// ```
public enum ParkSnapshot {
    /// The first 8 bytes of every snapshot.
    public static let magic: [UInt8] = Array("CHAINPK1".utf8)
    /// The version this build writes. It also reads version 1 (written before needs had
    /// dates and parks had resources and projects), whose parks have none of them.
    public static let version: UInt32 = 2
    /// The versions this build reads.
    public static let readableVersions: ClosedRange<UInt32> = 1...2
    /// Sections added in version 2: need dates, resources, projects.
    static let version2Tags: Set<String> = [
        "NDRA", "NDSO", "RCID", "RCNM", "RCDP", "RCKD", "RCTO", "RCTV", "RCNO", "RCNV", "RCIL", "RCNT",
        "PJID", "PJNM", "PJDP", "PJNO", "PJNV", "PJRO", "PJRV", "PJST", "PJIL", "PJNT",
    ]

    /// The sections of a snapshot of `version`, in file order.
    static func layout(version: UInt32) -> [(tag: String, width: Int)] {
        version >= 2 ? layout : layout.filter { !version2Tags.contains($0.tag) }
    }
    /// The file name extension `convert --to chainpark` suggests.
    public static let fileExtension = "chainpark"

    static let headerSize = 64
    static let entrySize = 24
    /// Flag bit: the link resolution sections (`RSUP`, `RBUY`) are filled.
    static let flagResolution: UInt32 = 1
    /// A text field with no value.
    static let nilCode = UInt32.max
    /// A `Double?` with no value: a NaN with a payload no arithmetic produces.
    static let nilDoubleBits: UInt64 = 0x7FF8_0000_DEAD_0001
    /// An `Int?` with no value.
    static let nilInt = Int64.min

    /// Every section in file order: tag and element width in bytes. Lists are two sections:
    /// `…O` offsets (records + 1 entries, UInt32) into `…V` values (UInt32 string codes).
    static let layout: [(tag: String, width: Int)] = [
        ("STRO", 8), ("STRB", 1),  // string table: byte offsets (count + 1), UTF-8 bytes
        ("PARK", 4),  // id, name, region, dataDate, source, note
        ("CHID", 4), ("CHNM", 4), ("CHIL", 1), ("CHNT", 4), ("CHSO", 4),  // chains; CHSO: stage offsets
        ("STID", 4), ("STNM", 4), ("STTR", 1), ("STRQ", 1), ("STNT", 4), ("STIO", 4), ("STIV", 4),  // stages
        ("FIID", 4), ("FINM", 4), ("FSGO", 4), ("FSGV", 4), ("FLDO", 4), ("FLDV", 4),
        ("FPRO", 4), ("FPRV", 4), ("FCPO", 4), ("FCPV", 4), ("FOUT", 8), ("FEMP", 8), ("FCAP", 8),
        ("FCUN", 4), ("FZON", 4), ("FINP", 1), ("FPMB", 8), ("FORG", 4), ("FWCV", 1), ("FILL", 1),
        ("FNOT", 4),  // firms
        ("LKID", 4), ("LSUP", 4), ("LBUY", 4), ("LPRD", 4), ("LVAL", 8), ("LSHR", 8), ("LSTA", 1),
        ("LLOC", 1), ("LPRI", 1), ("LILL", 1), ("LNOT", 4),  // supply links
        ("OGID", 4), ("OGNM", 4), ("OGKD", 1), ("OGPA", 4), ("OGHF", 4), ("OGMO", 4), ("OGMV", 4),
        ("OGCO", 4), ("OGCV", 4), ("OGIL", 1), ("OGNT", 4),  // organizations
        ("PRID", 4), ("PRAA", 4), ("PRBB", 4), ("PRKD", 1), ("PRSN", 4), ("PROC", 4), ("PRIL", 1),
        ("PRNT", 4),  // pairings
        ("NDID", 4), ("NDFM", 4), ("NDKD", 1), ("NDTO", 4), ("NDTV", 4), ("NDPR", 4), ("NDQT", 8),
        ("NDTX", 4), ("NDST", 1), ("NDRS", 4), ("NDIL", 1), ("NDNT", 4),  // needs
        ("NDRA", 4), ("NDSO", 4),  // needs' raised and solved dates (version 2)
        ("RCID", 4), ("RCNM", 4), ("RCDP", 4), ("RCKD", 1), ("RCTO", 4), ("RCTV", 4), ("RCNO", 4), ("RCNV", 4),
        ("RCIL", 1), ("RCNT", 4),  // resources (version 2); RCKD: 0 none, else need kind + 1
        ("PJID", 4), ("PJNM", 4), ("PJDP", 4), ("PJNO", 4), ("PJNV", 4), ("PJRO", 4), ("PJRV", 4), ("PJST", 1),
        ("PJIL", 1), ("PJNT", 4),  // projects (version 2)
        ("RSUP", 4), ("RBUY", 4),  // resolution: each link's supplier and buyer position (Int32)
    ]

    /// `bytes` with the length and both checksums of its header recomputed, so that a damaged
    /// or hand-made snapshot passes the checksum checks and reaches the section checks: for the
    /// fuzz target, which would otherwise exercise only the checksum. Bytes shorter than the
    /// header come back unchanged.
    /// - Complexity: O(n), one XXH64 pass.
    @_spi(Fuzzing) public static func resealed(_ bytes: [UInt8]) -> [UInt8] {
        guard bytes.count >= headerSize else { return bytes }
        var out = bytes
        out.storeLE(UInt64(out.count), at: 16)
        out.storeLE(XXH64.hash(out, headerSize..<out.count), at: 32)
        out.storeLE(XXH64.hash(out, 0..<56), at: 56)
        return out
    }

    /// Whether `prefix` (a file's first bytes) starts with the snapshot magic.
    public static func hasMagic(_ prefix: some Collection<UInt8>) -> Bool {
        prefix.count >= magic.count && prefix.prefix(magic.count).elementsEqual(magic)
    }

    /// The snapshot of `park`. The park should be valid (``ParkLoader`` only returns valid
    /// parks): loading a snapshot does not validate it again. The link resolution is stored
    /// when every link's supplier and buyer is a firm of the park.
    public static func encode(_ park: Park) -> [UInt8] { encode(park, version: version) }

    /// The snapshot of `park` in format `version` (1 drops need dates, resources and projects;
    /// for tests of reading old snapshots).
    static func encode(_ park: Park, version: UInt32) -> [UInt8] {
        write(park, version: version, to: SnapshotBytes()).bytes
    }

    /// Writes the snapshot of `park` to `sink`, section by section in file order, and returns
    /// the sink: the same bytes as ``encode(_:)``, never all of them in memory at once (a
    /// file sink holds only the string table and one column at a time).
    ///
    /// Two passes over the park: the first codes every text, which fixes the string table
    /// (first in the file) and every section's length, hence the section table; the second
    /// writes the table, the string table and each column as it is coded, hashing as it
    /// goes; the header, with that hash, is put in front last.
    /// - Throws: what the sink throws (a file sink: ``WriteError``).
    static func write<Sink: SnapshotSink>(_ park: Park, version: UInt32 = version, to sink: Sink)
        throws(Sink.Failure) -> Sink
    {
        var e = SnapshotEncoder<Sink>(version: version)
        columns(park, into: &e)
        e.startWriting(to: sink)
        columns(park, into: &e)
        return try e.finish()
    }

    /// Hands every column of `park` to `e`, in ``layout`` order (the string table aside).
    static func columns<Sink>(_ park: Park, into e: inout SnapshotEncoder<Sink>) {
        e.codes("PARK", [park.id, park.name, park.region, park.dataDate, park.source, park.note])

        let chains = park.chains
        e.codes("CHID", chains.map(\.id))
        e.codes("CHNM", chains.map(\.name))
        e.bools("CHIL", chains.map(\.illustrative))
        e.codes("CHNT", chains.map(\.note))
        var stageOffsets: [UInt32] = [0]
        for c in chains { stageOffsets.append(stageOffsets.last! + UInt32(c.stages.count)) }
        e.ints("CHSO", stageOffsets)
        let stages = chains.flatMap(\.stages)
        e.codes("STID", stages.map(\.id))
        e.codes("STNM", stages.map(\.name))
        e.ints("STTR", stages.map { UInt8(Tier.allCases.firstIndex(of: $0.tier)!) })
        e.bools("STRQ", stages.map(\.required))
        e.codes("STNT", stages.map(\.note))
        e.list("STIO", "STIV", stages.map(\.inputs))

        let firms = park.firms
        e.codes("FIID", firms.map(\.id))
        e.codes("FINM", firms.map(\.name))
        e.list("FSGO", "FSGV", firms.map(\.stages))
        e.list("FLDO", "FLDV", firms.map(\.leads))
        e.list("FPRO", "FPRV", firms.map(\.products))
        e.list("FCPO", "FCPV", firms.map(\.capabilities))
        e.doubles("FOUT", firms.map(\.output))
        e.optInts("FEMP", firms.map(\.employees))
        e.doubles("FCAP", firms.map(\.capacity))
        e.codes("FCUN", firms.map(\.capacityUnit))
        e.codes("FZON", firms.map(\.zone))
        e.bools("FINP", firms.map(\.inPark))
        e.optInts("FPMB", firms.map(\.partyMembers))
        e.codes("FORG", firms.map(\.organization))
        e.optBools("FWCV", firms.map(\.workCovered))
        e.bools("FILL", firms.map(\.illustrative))
        e.codes("FNOT", firms.map(\.note))

        // Links by column. Each text code of the table is coded once, when first met in the
        // order per-link coding met it, so the string table (and the file) is the same however
        // the park was made.
        let links = park.links
        var coded = [UInt32](repeating: ParkSnapshot.nilCode, count: links.texts.count)  // not yet coded
        func recode(_ codes: [UInt32]) -> [UInt32] {
            if codes.isEmpty { return [UInt32](repeating: ParkSnapshot.nilCode, count: links.count) }
            return codes.map { c in
                guard c != LinkTable.noText else { return ParkSnapshot.nilCode }
                if coded[Int(c)] == ParkSnapshot.nilCode { coded[Int(c)] = e.code(links.texts[Int(c)]) }
                return coded[Int(c)]
            }
        }
        e.ints("LKID", recode(links.idCodes))
        e.ints("LSUP", recode(links.supplierCodes))
        e.ints("LBUY", recode(links.buyerCodes))
        e.ints("LPRD", recode(links.productCodes))
        e.ints("LVAL", links.valueBits)
        e.ints("LSHR", links.shareBits)
        // The table's flags byte holds the snapshot's codes: status (LinkStatus order), local
        // (0 false, 1 true, 2 not given), primary, illustrative.
        e.ints("LSTA", links.flags.map { $0 & 3 })
        e.ints("LLOC", links.flags.map { $0 >> 2 & 3 })
        e.ints("LPRI", links.flags.map { $0 >> 4 & 1 })
        e.ints("LILL", links.flags.map { $0 >> 5 & 1 })
        e.ints("LNOT", recode(links.noteCodes))

        let orgs = park.organizations
        e.codes("OGID", orgs.map(\.id))
        e.codes("OGNM", orgs.map(\.name))
        e.ints("OGKD", orgs.map { UInt8(OrganizationKind.allCases.firstIndex(of: $0.kind)!) })
        e.codes("OGPA", orgs.map(\.parent))
        e.codes("OGHF", orgs.map(\.hostFirm))
        e.list("OGMO", "OGMV", orgs.map(\.members))
        e.list("OGCO", "OGCV", orgs.map(\.chains))
        e.bools("OGIL", orgs.map(\.illustrative))
        e.codes("OGNT", orgs.map(\.note))

        let pairings = park.pairings
        e.codes("PRID", pairings.map(\.id))
        e.codes("PRAA", pairings.map(\.a))
        e.codes("PRBB", pairings.map(\.b))
        e.ints("PRKD", pairings.map { UInt8(PairingKind.allCases.firstIndex(of: $0.kind)!) })
        e.codes("PRSN", pairings.map(\.since))
        e.codes("PROC", pairings.map(\.outcome))
        e.bools("PRIL", pairings.map(\.illustrative))
        e.codes("PRNT", pairings.map(\.note))

        let needs = park.needs
        e.codes("NDID", needs.map(\.id))
        e.codes("NDFM", needs.map(\.firm))
        e.ints("NDKD", needs.map { UInt8(NeedKind.allCases.firstIndex(of: $0.kind)!) })
        e.list("NDTO", "NDTV", needs.map(\.tags))
        e.codes("NDPR", needs.map(\.product))
        e.doubles("NDQT", needs.map(\.quantity))
        e.codes("NDTX", needs.map(\.text))
        e.ints("NDST", needs.map { UInt8(NeedStatus.allCases.firstIndex(of: $0.status)!) })
        e.codes("NDRS", needs.map(\.responder))
        e.bools("NDIL", needs.map(\.illustrative))
        e.codes("NDNT", needs.map(\.note))
        e.codes("NDRA", needs.map(\.raised))
        e.codes("NDSO", needs.map(\.solved))

        let resources = park.resources
        e.codes("RCID", resources.map(\.id))
        e.codes("RCNM", resources.map(\.name))
        e.codes("RCDP", resources.map(\.department))
        e.ints(
            "RCKD",
            resources.map { r in UInt8(r.kind.flatMap { NeedKind.allCases.firstIndex(of: $0) }.map { $0 + 1 } ?? 0) })
        e.list("RCTO", "RCTV", resources.map(\.tags))
        e.list("RCNO", "RCNV", resources.map(\.needs))
        e.bools("RCIL", resources.map(\.illustrative))
        e.codes("RCNT", resources.map(\.note))

        let projects = park.projects
        e.codes("PJID", projects.map(\.id))
        e.codes("PJNM", projects.map(\.name))
        e.codes("PJDP", projects.map(\.department))
        e.list("PJNO", "PJNV", projects.map(\.needs))
        e.list("PJRO", "PJRV", projects.map(\.resources))
        e.ints("PJST", projects.map { UInt8(ProjectStatus.allCases.firstIndex(of: $0.status)!) })
        e.bools("PJIL", projects.map(\.illustrative))
        e.codes("PJNT", projects.map(\.note))

        let r = park.resolution
        let resolved = !r.linkSupplier.contains(-1) && !r.linkBuyer.contains(-1)
        e.ints("RSUP", resolved ? r.linkSupplier : [])
        e.ints("RBUY", resolved ? r.linkBuyer : [])
        e.flags = resolved ? flagResolution : 0
    }
}

/// Where a snapshot's bytes go as ``SnapshotEncoder`` makes them: an array
/// (``SnapshotBytes``) or a file (``SnapshotFileSink``).
protocol SnapshotSink {
    associatedtype Failure: Error
    /// Room for `total` bytes is wanted (an array reserves it; a file need not).
    mutating func reserve(_ total: Int)
    /// Appends `bytes`. A sink that fails keeps its first failure for ``finish(header:)`` and
    /// drops what comes after.
    mutating func append(_ bytes: UnsafeRawBufferPointer)
    /// Puts `header` over the first bytes appended (zeros the encoder reserved for it) and
    /// completes the output.
    mutating func finish(header: [UInt8]) throws(Failure)
}

/// A snapshot in memory.
struct SnapshotBytes: SnapshotSink {
    var bytes: [UInt8] = []

    mutating func reserve(_ total: Int) { bytes.reserveCapacity(total) }
    mutating func append(_ raw: UnsafeRawBufferPointer) { bytes.append(contentsOf: raw) }
    mutating func finish(header: [UInt8]) {
        precondition(bytes.count >= header.count)
        bytes.replaceSubrange(0..<header.count, with: header)
    }
}

/// A snapshot written to `fd` (a new file, at its start) as it is made: appended with
/// `write`, then the header with `pwrite` at offset 0. Errors are ``WriteError``s naming
/// `path`.
struct SnapshotFileSink: SnapshotSink {
    let fd: Int32
    let path: String
    private var failure: WriteError?

    init(fd: Int32, path: String) {
        self.fd = fd
        self.path = path
    }

    mutating func reserve(_ total: Int) {}

    mutating func append(_ raw: UnsafeRawBufferPointer) {
        guard failure == nil else { return }
        do throws(WriteError) {
            try OutputFile.writeAll(fd, raw, path: path)
        } catch {
            failure = error
        }
    }

    mutating func finish(header: [UInt8]) throws(WriteError) {
        if let failure { throw failure }
        try OutputFile.writeAll(fd, header, at: 0, path: path)
    }
}

/// Makes a snapshot in two passes over the park (``ParkSnapshot/write(_:version:to:)``).
/// Planning (before ``startWriting(to:)``): codes every text into the string table and notes
/// each section's element count. Writing: every section goes to the sink in
/// ``ParkSnapshot/layout`` order, each on an 8-byte boundary behind zero padding, while the
/// data checksum is computed; ``finish()`` puts the header in front.
struct SnapshotEncoder<Sink: SnapshotSink> {
    let version: UInt32
    /// The header's flags (``ParkSnapshot/flagResolution``), set by the column pass.
    var flags: UInt32 = 0
    private let layout: [(tag: String, width: Int)]
    private var codeOf: [String: UInt32] = [:]
    private var stringOffsets: [UInt64] = [0]
    private var stringBytes: [UInt8] = []
    /// Each section's element count, from the planning pass.
    private var counts: [String: Int] = [:]
    /// Writing: the sink (nil while planning), the layout position of the next section, the
    /// bytes written so far (header included), the file's length, the XXH64 after the header.
    private var sink: Sink?
    private var next = 0
    private var position = 0
    private var total = 0
    private var hash = XXH64Stream()

    /// `version` below the current one leaves out the sections that version lacks (tests
    /// write old snapshots this way).
    init(version: UInt32 = ParkSnapshot.version) {
        self.version = version
        layout = ParkSnapshot.layout(version: version)
    }

    private var planning: Bool { sink == nil }

    mutating func code(_ s: String?) -> UInt32 {
        guard let s else { return ParkSnapshot.nilCode }
        if let c = codeOf[s] { return c }
        precondition(planning, "a text the planning pass did not see")
        let c = UInt32(stringOffsets.count - 1)
        precondition(c < ParkSnapshot.nilCode, "more distinct texts than a snapshot holds")
        codeOf[s] = c
        stringBytes.append(contentsOf: s.utf8)
        stringOffsets.append(UInt64(stringBytes.count))
        return c
    }

    private mutating func put<T: FixedWidthInteger>(_ tag: String, _ values: [T]) {
        if planning {
            note(tag, T.self, values.count)
            return
        }
        guard next < layout.count, layout[next].tag == tag else {
            // A section this version leaves out; anything else is out of layout order.
            precondition(!layout.contains { $0.tag == tag }, "section \(tag) out of layout order")
            return
        }
        precondition(counts[tag] == values.count, "section \(tag) changed between the passes")
        pad()
        values.withUnsafeBytes { emit($0) }
        next += 1
    }

    /// Planning: section `tag` has `count` elements of `T`.
    private mutating func note<T>(_ tag: String, _: T.Type, _ count: Int) {
        precondition(
            counts[tag] == nil && ParkSnapshot.layout.contains { $0.tag == tag && $0.width == MemoryLayout<T>.size })
        counts[tag] = count
    }

    private mutating func emit(_ raw: UnsafeRawBufferPointer) {
        sink?.append(raw)
        hash.update(raw)
        position += raw.count
    }

    /// Zeros up to the next 8-byte boundary.
    private mutating func pad() {
        let zeros = ((position + 7) & ~7) - position
        guard zeros > 0 else { return }
        withUnsafeBytes(of: UInt64(0)) { emit(UnsafeRawBufferPointer(rebasing: $0[..<zeros])) }
    }

    mutating func codes(_ tag: String, _ values: [String?]) {
        if planning {
            for v in values { _ = code(v) }
            return note(tag, UInt32.self, values.count)
        }
        put(tag, coded(values) { $0 })
    }
    mutating func codes(_ tag: String, _ values: [String]) {
        if planning {
            for v in values { _ = code(v) }
            return note(tag, UInt32.self, values.count)
        }
        put(tag, coded(values) { $0 })
    }

    /// Writing: the codes of `values`, looked up on all cores for long columns (the table is
    /// complete and only read).
    private func coded<T: Sendable>(_ values: [T], _ text: @Sendable (T) -> String?) -> [UInt32] {
        let codeOf = codeOf
        return SnapshotReader.records(values.count) { i in
            guard let s = text(values[i]) else { return ParkSnapshot.nilCode }
            guard let c = codeOf[s] else { preconditionFailure("a text the planning pass did not see") }
            return c
        }
    }
    mutating func ints<T: FixedWidthInteger>(_ tag: String, _ values: [T]) { put(tag, values) }
    mutating func bools(_ tag: String, _ values: [Bool]) { put(tag, values.map { UInt8($0 ? 1 : 0) }) }
    /// 0 false, 1 true, 2 no value.
    mutating func optBools(_ tag: String, _ values: [Bool?]) {
        put(tag, values.map { UInt8($0.map { $0 ? 1 : 0 } ?? 2) })
    }
    mutating func doubles(_ tag: String, _ values: [Double?]) { put(tag, values.map(LinkTable.bits)) }
    mutating func optInts(_ tag: String, _ values: [Int?]) {
        put(tag, values.map { $0.map(Int64.init) ?? ParkSnapshot.nilInt })
    }

    mutating func list(_ offsetsTag: String, _ valuesTag: String, _ lists: [[String]]) {
        if planning {
            var total = 0
            for list in lists {
                for s in list { _ = code(s) }
                total += list.count
                precondition(total < Int(UInt32.max), "list too long for a snapshot")
            }
            note(offsetsTag, UInt32.self, lists.count + 1)
            return note(valuesTag, UInt32.self, total)
        }
        var offsets: [UInt32] = []
        offsets.reserveCapacity(lists.count + 1)
        offsets.append(0)
        var values: [UInt32] = []
        for list in lists {
            for s in list { values.append(code(s)) }
            offsets.append(UInt32(values.count))
        }
        put(offsetsTag, offsets)
        put(valuesTag, values)
    }

    /// Ends planning: the string table and every section's length are known. Writes the
    /// header's place (zeros), the section table and the string table to `sink`.
    mutating func startWriting(to sink: Sink) {
        precondition(planning)
        counts["STRO"] = stringOffsets.count
        counts["STRB"] = stringBytes.count
        let tableEnd = ParkSnapshot.headerSize + layout.count * ParkSnapshot.entrySize
        var table: [UInt8] = []
        table.reserveCapacity(tableEnd - ParkSnapshot.headerSize)
        var offset = (tableEnd + 7) & ~7
        for (tag, width) in layout {
            guard let count = counts[tag] else { preconditionFailure("section \(tag) was never given") }
            table.appendLE(tagValue(tag))
            table.appendLE(UInt32(width))
            table.appendLE(UInt64(offset))
            table.appendLE(UInt64(count))
            offset = (offset + count * width + 7) & ~7
        }
        total = offset
        self.sink = sink
        self.sink?.reserve(total)
        // The header's place: not part of the data checksum.
        let header = [UInt8](repeating: 0, count: ParkSnapshot.headerSize)
        header.withUnsafeBytes { self.sink?.append($0) }
        position = header.count
        table.withUnsafeBytes { emit($0) }
        put("STRO", stringOffsets)
        put("STRB", stringBytes)
        stringOffsets = []
        stringBytes = []
    }

    /// Ends writing: the padding after the last section, then the header.
    mutating func finish() throws(Sink.Failure) -> Sink {
        precondition(next == layout.count, "not every section was written")
        pad()
        precondition(position == total)
        var header = [UInt8]()
        header.reserveCapacity(ParkSnapshot.headerSize)
        header.append(contentsOf: ParkSnapshot.magic)
        header.appendLE(version)
        header.appendLE(flags)
        header.appendLE(UInt64(total))
        header.appendLE(UInt32(layout.count))
        header.appendLE(UInt32(0))
        header.appendLE(hash.digest())
        header.append(contentsOf: [UInt8](repeating: 0, count: 56 - header.count))
        header.appendLE(XXH64.hash(header, 0..<56))
        guard var out = sink else { preconditionFailure("finish() before startWriting(to:)") }
        sink = nil
        try out.finish(header: header)
        return out
    }
}

/// A section tag as the UInt32 of its four ASCII bytes read little-endian.
func tagValue(_ tag: String) -> UInt32 {
    var v: UInt32 = 0
    for (i, b) in tag.utf8.prefix(4).enumerated() { v |= UInt32(b) << (8 * UInt32(i)) }
    return v
}

extension Array where Element == UInt8 {
    mutating func appendLE<T: FixedWidthInteger>(_ v: T) {
        for i in 0..<MemoryLayout<T>.size { append(UInt8(truncatingIfNeeded: v >> (8 * i))) }
    }

    mutating func storeLE<T: FixedWidthInteger>(_ v: T, at offset: Int) {
        for i in 0..<MemoryLayout<T>.size { self[offset + i] = UInt8(truncatingIfNeeded: v >> (8 * i)) }
    }

    /// The little-endian integer at `offset`, or nil when it does not fit in the array.
    func readLE<T: FixedWidthInteger>(_: T.Type, at offset: Int) -> T? {
        let n = MemoryLayout<T>.size
        guard offset >= 0, offset <= count - n else { return nil }
        var v: T = 0
        for i in 0..<n { v |= T(self[offset + i]) << (8 * i) }
        return v
    }
}
