import ChainGraph
import Foundation

/// What is wrong with a snapshot's bytes, in words for the user.
struct SnapshotProblem: Error {
    var message: String
    var hint: String?
    init(_ message: String, hint: String? = nil) {
        self.message = message
        self.hint = hint
    }
}

extension ParkSnapshot {
    static func reconvertHint(_ name: String) -> String {
        "the file is damaged or was not written by this chainmap; convert the park again: chainmap convert PARK --to chainpark -o \(name) --force"
    }

    /// The park in `bytes`, its checksums, version, every offset, length and code checked
    /// before use. The park's link resolution is restored when the snapshot holds it.
    static func decode(_ bytes: [UInt8], name: String, trace: inout PhaseTrace) throws(ParkLoadError) -> Park {
        try decode(SnapshotSource(bytes), name: name, trace: &trace)
    }

    /// The park in `source` (an array or an open file), checked as ``decode(_:name:trace:)``.
    static func decode(_ source: SnapshotSource, name: String, trace: inout PhaseTrace) throws(ParkLoadError) -> Park {
        do {
            let reader = try SnapshotReader(source)
            trace.mark("verify snapshot (header, XXH64, section table)")
            let park = try reader.park(trace: &trace)
            return park
        } catch {
            // Every throw above is a SnapshotProblem (typed throws).
            throw ParkLoadError([
                Diagnostic(
                    .error, file: name, "not a readable park snapshot: \(error.message)",
                    hint: error.hint ?? reconvertHint(name))
            ])
        }
    }
}

/// Reads a snapshot from a ``SnapshotSource`` (an array or an open file): the constructor
/// checks the header, both checksums (the data checksum streamed over a file) and the section
/// table (every section inside the file, aligned, of the expected tag and width); the column
/// readers read sections straight into Swift arrays, after which every access is
/// bounds-checked. A file is never held whole in memory.
struct SnapshotReader {
    typealias Section = (offset: Int, count: Int, width: Int)
    let source: SnapshotSource
    let flags: UInt32
    /// The snapshot's format version (1 has no need dates, resources or projects).
    let version: UInt32
    private var sections: [String: Section] = [:]

    init(_ bytes: [UInt8]) throws(SnapshotProblem) { try self.init(SnapshotSource(bytes)) }

    init(_ source: SnapshotSource) throws(SnapshotProblem) {
        self.source = source
        let n = source.size
        // The header (or as much of it as there is).
        let bytes = try source.bytes(0..<min(n, ParkSnapshot.headerSize))
        guard ParkSnapshot.hasMagic(bytes) else {
            throw SnapshotProblem(
                "it does not start with \"CHAINPK1\"",
                hint: "give a park (.json, a CSV folder or a .chainpark written by `chainmap convert --to chainpark`)")
        }
        guard n >= ParkSnapshot.headerSize else {
            throw SnapshotProblem("truncated: \(n) bytes, shorter than the \(ParkSnapshot.headerSize)-byte header")
        }
        let version = bytes.readLE(UInt32.self, at: 8)!
        guard ParkSnapshot.readableVersions.contains(version) else {
            throw SnapshotProblem(
                "format version \(version); this chainmap reads versions \(ParkSnapshot.readableVersions.lowerBound)–\(ParkSnapshot.readableVersions.upperBound)",
                hint: "convert the park again with this chainmap: chainmap convert PARK --to chainpark -o FILE --force")
        }
        guard XXH64.hash(bytes, 0..<56) == bytes.readLE(UInt64.self, at: 56)! else {
            throw SnapshotProblem("the header is damaged (header checksum mismatch)")
        }
        flags = bytes.readLE(UInt32.self, at: 12)!
        let length = bytes.readLE(UInt64.self, at: 16)!
        guard length == UInt64(n) else {
            throw SnapshotProblem(
                length > UInt64(n)
                    ? "truncated: the header says \(length) bytes, the file has \(n)"
                    : "\(UInt64(n) - length) bytes after the end the header states (\(length) bytes)")
        }
        guard try source.checksum(ParkSnapshot.headerSize..<n) == bytes.readLE(UInt64.self, at: 32)! else {
            throw SnapshotProblem("the data is damaged (XXH64 checksum mismatch)")
        }
        self.version = version
        let layout = ParkSnapshot.layout(version: version)
        let sectionCount = Int(bytes.readLE(UInt32.self, at: 24)!)
        guard sectionCount == layout.count else {
            throw SnapshotProblem("\(sectionCount) sections; version \(version) has \(layout.count)")
        }
        let tableEnd = ParkSnapshot.headerSize + sectionCount * ParkSnapshot.entrySize
        guard tableEnd <= n else { throw SnapshotProblem("truncated inside the section table") }
        let table = try source.bytes(ParkSnapshot.headerSize..<tableEnd)
        for (i, (tag, width)) in layout.enumerated() {
            // Inside `table`: i < sectionCount, and the table holds sectionCount entries.
            let at = i * ParkSnapshot.entrySize
            let t = table.readLE(UInt32.self, at: at)!, w = table.readLE(UInt32.self, at: at + 4)!
            let offset = table.readLE(UInt64.self, at: at + 8)!, count = table.readLE(UInt64.self, at: at + 16)!
            guard t == tagValue(tag), w == UInt32(width) else {
                throw SnapshotProblem("section \(i) is not \(tag) of \(width)-byte elements")
            }
            // offset + count × width ≤ n, computed without overflow.
            let (size, o1) = count.multipliedReportingOverflow(by: UInt64(width))
            let (end, o2) = offset.addingReportingOverflow(size)
            guard !o1, !o2, offset >= UInt64(tableEnd), offset % 8 == 0, end <= UInt64(n) else {
                throw SnapshotProblem(
                    "section \(tag) (offset \(offset), \(count) elements) lies outside the \(n)-byte file")
            }
            sections[tag] = (Int(offset), Int(count), width)
        }
    }

    /// The elements of section `tag` as `T`s, read straight from the source into the array.
    /// - Throws: only when the source cannot be read (a file that fails or shrinks).
    func array<T: FixedWidthInteger>(_ tag: String, _: T.Type) throws(SnapshotProblem) -> [T] {
        // Tags and widths come from the layout, which init checked the file against; the
        // source itself refuses a range outside the file.
        guard let s = sections[tag], s.width == MemoryLayout<T>.size else {
            throw SnapshotProblem("no section \(tag) of \(MemoryLayout<T>.size)-byte elements")
        }
        return try source.array(T.self, count: s.count, at: s.offset)
    }

    /// ``array(_:_:)`` after checking the section has `records` elements.
    func array<T: FixedWidthInteger>(_ tag: String, _ type: T.Type, records: Int) throws(SnapshotProblem) -> [T] {
        try expect(tag, records: records)
        return try array(tag, type)
    }

    /// The element count of section `tag` (0 for a tag the file's version lacks).
    func count(_ tag: String) -> Int { sections[tag]?.count ?? 0 }

    /// Throws unless section `tag` has `records` elements.
    private func expect(_ tag: String, records: Int) throws(SnapshotProblem) {
        let c = count(tag)
        guard c == records else {
            throw SnapshotProblem("section \(tag) has \(c) entries for \(records) records")
        }
    }

    /// String codes of `tag`, each < `strings` (or nil when `optional`), `records` of them.
    func codes(_ tag: String, records: Int, strings: Int, optional: Bool) throws(SnapshotProblem) -> [UInt32] {
        let c = try array(tag, UInt32.self, records: records)
        for v in c where Int(v) >= strings && !(optional && v == ParkSnapshot.nilCode) {
            throw SnapshotProblem("section \(tag) names text \(v) of \(strings)")
        }
        return c
    }

    /// A column of small codes (enumerations, booleans), each ≤ `max`.
    func small(_ tag: String, records: Int, max: Int) throws(SnapshotProblem) -> [UInt8] {
        let c = try array(tag, UInt8.self, records: records)
        if let bad = c.first(where: { Int($0) > max }) {
            throw SnapshotProblem("section \(tag) holds code \(bad), at most \(max) allowed")
        }
        return c
    }

    func doubles(_ tag: String, records: Int) throws(SnapshotProblem) -> [Double?] {
        let c = try array(tag, UInt64.self, records: records)
        return c.map(LinkTable.double)
    }

    func ints(_ tag: String, records: Int) throws(SnapshotProblem) -> [Int?] {
        let c = try array(tag, Int64.self, records: records)
        return c.map { $0 == ParkSnapshot.nilInt ? nil : Int($0) }
    }

    /// A list column: `records + 1` ascending offsets from 0 to the value count.
    func list(_ offsetsTag: String, _ valuesTag: String, records: Int, strings: Int) throws(SnapshotProblem) -> (
        offsets: [UInt32], values: [UInt32]
    ) {
        let offsets = try array(offsetsTag, UInt32.self)
        let values = try codes(valuesTag, records: count(valuesTag), strings: strings, optional: false)
        try checkOffsets(offsetsTag, offsets, records: records, total: values.count)
        return (offsets, values)
    }

    func checkOffsets<T: FixedWidthInteger>(_ tag: String, _ offsets: [T], records: Int, total: Int)
        throws(SnapshotProblem)
    {
        // `Int(exactly:)`: a damaged 64-bit offset can exceed Int.max, and `Int(_:)` would trap
        // (found by FuzzParkSnapshot).
        guard offsets.count == records + 1, offsets.first == 0, let last = offsets.last, Int(exactly: last) == total
        else {
            throw SnapshotProblem("section \(tag) does not span 0…\(total) over \(records) records")
        }
        for i in 0..<records where offsets[i] > offsets[i + 1] {
            throw SnapshotProblem("section \(tag) decreases at record \(i)")
        }
    }

    /// The string table: its offsets, then its bytes into a temporary array, released once
    /// the strings are made.
    func strings() throws(SnapshotProblem) -> [String] {
        let offsets = try array("STRO", UInt64.self)
        guard !offsets.isEmpty else { throw SnapshotProblem("the string table has no offsets") }
        try checkOffsets("STRO", offsets, records: offsets.count - 1, total: count("STRB"))
        let bytes = try array("STRB", UInt8.self)
        // Invariant (checked above): 0 = offsets[0] ≤ offsets[i] ≤ offsets[i + 1] ≤ offsets.last = bytes.count.
        return bytes.withUnsafeBytes { raw in
            (0..<(offsets.count - 1)).map { i in
                let from = Int(offsets[i]), to = Int(offsets[i + 1])
                assert(from <= to && to <= raw.count)
                return String(decoding: UnsafeRawBufferPointer(rebasing: raw[from..<to]), as: UTF8.self)
            }
        }
    }

    /// `count` records made by `make(i)`, on all cores for large counts; the same array as
    /// `(0..<count).map(make)`.
    static func records<T>(_ count: Int, _ make: @Sendable (Int) -> T) -> [T] {
        [T](unsafeUninitializedCapacity: count) { buffer, initialized in
            let out = Parallel.SlotWriter(buffer)
            // Initialized once each: the chunks partition 0..<count == buffer.count, and each
            // chunk initializes only its own slots; all count are set before the count is.
            Parallel.forEachChunk(count: count) { range in
                guard let base = out.baseAddress else { return }
                assert(range.upperBound <= out.count)
                for i in range { (base + i).initialize(to: make(i)) }
            }
            initialized = count
        }
    }

    func park(trace: inout PhaseTrace) throws(SnapshotProblem) -> Park {
        let text = try strings()
        trace.mark("snapshot: string table (\(text.count) texts)")
        let n = text.count
        @Sendable func s(_ c: UInt32) -> String { text[Int(c)] }
        @Sendable func o(_ c: UInt32) -> String? { c == ParkSnapshot.nilCode ? nil : text[Int(c)] }
        @Sendable func items(_ l: (offsets: [UInt32], values: [UInt32]), _ i: Int) -> [String] {
            let from = Int(l.offsets[i]), to = Int(l.offsets[i + 1])
            return from == to ? [] : l.values[from..<to].map { text[Int($0)] }
        }

        let head = try codes("PARK", records: 6, strings: n, optional: true)
        guard head[0] != ParkSnapshot.nilCode, head[1] != ParkSnapshot.nilCode else {
            throw SnapshotProblem("the park has no id or name")
        }

        // Chains and their stages.
        let cN = count("CHID")
        let chId = try codes("CHID", records: cN, strings: n, optional: false)
        let chName = try codes("CHNM", records: cN, strings: n, optional: false)
        let chIll = try small("CHIL", records: cN, max: 1)
        let chNote = try codes("CHNT", records: cN, strings: n, optional: true)
        let sN = count("STID")
        let chStages = try array("CHSO", UInt32.self)
        try checkOffsets("CHSO", chStages, records: cN, total: sN)
        let stId = try codes("STID", records: sN, strings: n, optional: false)
        let stName = try codes("STNM", records: sN, strings: n, optional: false)
        let stTier = try small("STTR", records: sN, max: Tier.allCases.count - 1)
        let stReq = try small("STRQ", records: sN, max: 1)
        let stNote = try codes("STNT", records: sN, strings: n, optional: true)
        let stInputs = try list("STIO", "STIV", records: sN, strings: n)
        let stages = (0..<sN).map { i in
            Stage(
                id: s(stId[i]), name: s(stName[i]), tier: Tier.allCases[Int(stTier[i])], inputs: items(stInputs, i),
                required: stReq[i] == 1, note: o(stNote[i]))
        }
        let chains = (0..<cN).map { i in
            Chain(
                id: s(chId[i]), name: s(chName[i]), stages: Array(stages[Int(chStages[i])..<Int(chStages[i + 1])]),
                illustrative: chIll[i] == 1, note: o(chNote[i]))
        }

        // Firms and supply links, side by side: the firm records are made (on all cores) while
        // the link columns are read and checked, which is mostly waiting on memory. Firms first
        // when both fail, as read in order.
        let fN = count("FIID")
        let fId = try codes("FIID", records: fN, strings: n, optional: false)
        func makeFirms() throws(SnapshotProblem) -> [Firm] {
            let fName = try codes("FINM", records: fN, strings: n, optional: false)
            let fStages = try list("FSGO", "FSGV", records: fN, strings: n)
            let fLeads = try list("FLDO", "FLDV", records: fN, strings: n)
            let fProducts = try list("FPRO", "FPRV", records: fN, strings: n)
            let fCaps = try list("FCPO", "FCPV", records: fN, strings: n)
            let fOut = try doubles("FOUT", records: fN)
            let fEmp = try ints("FEMP", records: fN)
            let fCap = try doubles("FCAP", records: fN)
            let fUnit = try codes("FCUN", records: fN, strings: n, optional: true)
            let fZone = try codes("FZON", records: fN, strings: n, optional: true)
            let fIn = try small("FINP", records: fN, max: 1)
            let fParty = try ints("FPMB", records: fN)
            let fOrg = try codes("FORG", records: fN, strings: n, optional: true)
            let fWork = try small("FWCV", records: fN, max: 2)
            let fIll = try small("FILL", records: fN, max: 1)
            let fNote = try codes("FNOT", records: fN, strings: n, optional: true)
            return Self.records(fN) { i in
                Firm(
                    id: s(fId[i]), name: s(fName[i]), stages: items(fStages, i), leads: items(fLeads, i),
                    products: items(fProducts, i), capabilities: items(fCaps, i), output: fOut[i], employees: fEmp[i],
                    capacity: fCap[i], capacityUnit: o(fUnit[i]), zone: o(fZone[i]), inPark: fIn[i] == 1,
                    partyMembers: fParty[i], organization: o(fOrg[i]), workCovered: fWork[i] == 2 ? nil : fWork[i] == 1,
                    illustrative: fIll[i] == 1, note: o(fNote[i]))
            }
        }
        // Supply links: the columns as they are, against the same string table (no record per link).
        func readLinks() throws(SnapshotProblem) -> LinkTable {
            let lN = count("LSUP")
            let lId = try codes("LKID", records: lN, strings: n, optional: true)
            let lSup = try codes("LSUP", records: lN, strings: n, optional: false)
            let lBuy = try codes("LBUY", records: lN, strings: n, optional: false)
            let lProd = try codes("LPRD", records: lN, strings: n, optional: true)
            let lVal = try array("LVAL", UInt64.self, records: lN)
            let lShare = try array("LSHR", UInt64.self, records: lN)
            let lStatus = try small("LSTA", records: lN, max: LinkStatus.allCases.count - 1)
            let lLocal = try small("LLOC", records: lN, max: 2)
            let lPrim = try small("LPRI", records: lN, max: 1)
            let lIll = try small("LILL", records: lN, max: 1)
            let lNote = try codes("LNOT", records: lN, strings: n, optional: true)
            // The snapshot's codes: status 0 active, 1 planned, 2 lost (LinkStatus order); local 0
            // false, 1 true, 2 not given; the table's flags byte holds the same values.
            let lFlags = (0..<lN).map { i in lStatus[i] | lLocal[i] << 2 | lPrim[i] << 4 | lIll[i] << 5 }
            return LinkTable(
                texts: text, suppliers: lSup, buyers: lBuy, products: lProd, ids: lId, notes: lNote, valueBits: lVal,
                shareBits: lShare, flags: lFlags)
        }
        let (firmsRead, linksRead) = Parallel.both(
            { Result { () throws(SnapshotProblem) in try makeFirms() } },
            { Result { () throws(SnapshotProblem) in try readLinks() } })
        let firms = try firmsRead.get()
        let links = try linksRead.get()
        let lN = links.count

        trace.mark("snapshot: chains, firms and links")

        // Organizations.
        let oN = count("OGID")
        let oId = try codes("OGID", records: oN, strings: n, optional: false)
        let oName = try codes("OGNM", records: oN, strings: n, optional: false)
        let oKind = try small("OGKD", records: oN, max: OrganizationKind.allCases.count - 1)
        let oParent = try codes("OGPA", records: oN, strings: n, optional: true)
        let oHost = try codes("OGHF", records: oN, strings: n, optional: true)
        let oMembers = try list("OGMO", "OGMV", records: oN, strings: n)
        let oChains = try list("OGCO", "OGCV", records: oN, strings: n)
        let oIll = try small("OGIL", records: oN, max: 1)
        let oNote = try codes("OGNT", records: oN, strings: n, optional: true)
        let organizations = (0..<oN).map { i in
            Organization(
                id: s(oId[i]), name: s(oName[i]), kind: OrganizationKind.allCases[Int(oKind[i])],
                parent: o(oParent[i]), hostFirm: o(oHost[i]), members: items(oMembers, i),
                chains: items(oChains, i), illustrative: oIll[i] == 1, note: o(oNote[i]))
        }

        // Pairings.
        let pN = count("PRAA")
        let pId = try codes("PRID", records: pN, strings: n, optional: true)
        let pA = try codes("PRAA", records: pN, strings: n, optional: false)
        let pB = try codes("PRBB", records: pN, strings: n, optional: false)
        let pKind = try small("PRKD", records: pN, max: PairingKind.allCases.count - 1)
        let pSince = try codes("PRSN", records: pN, strings: n, optional: true)
        let pOutcome = try codes("PROC", records: pN, strings: n, optional: true)
        let pIll = try small("PRIL", records: pN, max: 1)
        let pNote = try codes("PRNT", records: pN, strings: n, optional: true)
        let pairings = (0..<pN).map { i in
            Pairing(
                id: o(pId[i]), a: s(pA[i]), b: s(pB[i]), kind: PairingKind.allCases[Int(pKind[i])],
                since: o(pSince[i]), outcome: o(pOutcome[i]), illustrative: pIll[i] == 1, note: o(pNote[i]))
        }

        // Needs.
        let nN = count("NDID")
        let nId = try codes("NDID", records: nN, strings: n, optional: false)
        let nFirm = try codes("NDFM", records: nN, strings: n, optional: false)
        let nKind = try small("NDKD", records: nN, max: NeedKind.allCases.count - 1)
        let nTags = try list("NDTO", "NDTV", records: nN, strings: n)
        let nProd = try codes("NDPR", records: nN, strings: n, optional: true)
        let nQty = try doubles("NDQT", records: nN)
        let nText = try codes("NDTX", records: nN, strings: n, optional: true)
        let nStatus = try small("NDST", records: nN, max: NeedStatus.allCases.count - 1)
        let nResp = try codes("NDRS", records: nN, strings: n, optional: true)
        let nIll = try small("NDIL", records: nN, max: 1)
        let nNote = try codes("NDNT", records: nN, strings: n, optional: true)
        let v2 = version >= 2
        let none = [UInt32](repeating: ParkSnapshot.nilCode, count: nN)
        let nRaised = v2 ? try codes("NDRA", records: nN, strings: n, optional: true) : none
        let nSolved = v2 ? try codes("NDSO", records: nN, strings: n, optional: true) : none
        let needs = (0..<nN).map { i in
            Need(
                id: s(nId[i]), firm: s(nFirm[i]), kind: NeedKind.allCases[Int(nKind[i])], tags: items(nTags, i),
                product: o(nProd[i]), quantity: nQty[i], text: o(nText[i]),
                status: NeedStatus.allCases[Int(nStatus[i])],
                responder: o(nResp[i]), raised: o(nRaised[i]), solved: o(nSolved[i]), illustrative: nIll[i] == 1,
                note: o(nNote[i]))
        }

        // Resources and projects (version 2).
        var resources: [DepartmentResource] = []
        var projects: [ActionProject] = []
        if v2 {
            let rN = count("RCID")
            let rId = try codes("RCID", records: rN, strings: n, optional: false)
            let rName = try codes("RCNM", records: rN, strings: n, optional: false)
            let rDept = try codes("RCDP", records: rN, strings: n, optional: true)
            let rKind = try small("RCKD", records: rN, max: NeedKind.allCases.count)
            let rTags = try list("RCTO", "RCTV", records: rN, strings: n)
            let rNeeds = try list("RCNO", "RCNV", records: rN, strings: n)
            let rIll = try small("RCIL", records: rN, max: 1)
            let rNote = try codes("RCNT", records: rN, strings: n, optional: true)
            resources = (0..<rN).map { i in
                DepartmentResource(
                    id: s(rId[i]), name: s(rName[i]), department: o(rDept[i]),
                    kind: rKind[i] == 0 ? nil : NeedKind.allCases[Int(rKind[i]) - 1], tags: items(rTags, i),
                    needs: items(rNeeds, i), illustrative: rIll[i] == 1, note: o(rNote[i]))
            }
            let jN = count("PJID")
            let jId = try codes("PJID", records: jN, strings: n, optional: false)
            let jName = try codes("PJNM", records: jN, strings: n, optional: false)
            let jDept = try codes("PJDP", records: jN, strings: n, optional: true)
            let jNeeds = try list("PJNO", "PJNV", records: jN, strings: n)
            let jRes = try list("PJRO", "PJRV", records: jN, strings: n)
            let jStatus = try small("PJST", records: jN, max: ProjectStatus.allCases.count - 1)
            let jIll = try small("PJIL", records: jN, max: 1)
            let jNote = try codes("PJNT", records: jN, strings: n, optional: true)
            projects = (0..<jN).map { i in
                ActionProject(
                    id: s(jId[i]), name: s(jName[i]), department: o(jDept[i]), needs: items(jNeeds, i),
                    resources: items(jRes, i), status: ProjectStatus.allCases[Int(jStatus[i])],
                    illustrative: jIll[i] == 1, note: o(jNote[i]))
            }
        }

        let park = Park(
            id: s(head[0]), name: s(head[1]), region: o(head[2]), dataDate: o(head[3]), source: o(head[4]),
            note: o(head[5]), chains: chains, firms: firms, links: links, organizations: organizations,
            pairings: pairings, needs: needs, resources: resources, projects: projects)

        trace.mark("snapshot: organizations, pairings, needs")

        // The stored resolution, checked against the codes: link i's supplier position names a
        // firm whose id is the link's supplier text (the table holds each text once).
        if flags & ParkSnapshot.flagResolution != 0 {
            let rs = try array("RSUP", Int32.self), rb = try array("RBUY", Int32.self)
            guard rs.count == lN, rb.count == lN else {
                throw SnapshotProblem("the link resolution has \(rs.count) entries for \(lN) links")
            }
            // The supplier and buyer codes were checked when the links were read.
            // In chunks on all cores; the first mismatching link of the first chunk that has one
            // is the first in order.
            let lSup = links.supplierCodes, lBuy = links.buyerCodes
            let mismatch = Parallel.mapChunks(count: lN, minimumCount: 1 << 20) { range -> Int? in
                for i in range {
                    let a = Int(rs[i]), b = Int(rb[i])
                    guard a >= 0, a < fN, b >= 0, b < fN, fId[a] == lSup[i], fId[b] == lBuy[i] else { return i }
                }
                return nil
            }.lazy.compactMap(\.result).first
            if let i = mismatch {
                throw SnapshotProblem("the link resolution of link \(i) does not match its firms")
            }
            park.adoptResolution(ParkResolution(firms: FirmIndex(firms), linkSupplier: rs, linkBuyer: rb))
            trace.mark("snapshot: resolution checked, firm index built")
        }
        return park
    }
}
