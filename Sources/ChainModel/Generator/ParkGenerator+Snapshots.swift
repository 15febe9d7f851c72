import Foundation

/// A dated series of one synthetic park (`chainmap generate --snapshots K`): the first
/// snapshot is the generated park, each next one a month later with realistic churn — firms
/// entering and leaving, links lost and won, needs raised and solved, organizations founded,
/// pairings made — and a machine-readable log of every planted change (`changes.json`).
///
/// Deterministic: the same options and count give the same snapshots and log, byte for byte.
extension ParkGenerator {
    /// A link as the change log names it: its two firms and its product.
    public struct LinkKey: Sendable, Encodable, Equatable, Hashable {
        public var supplier: String
        public var buyer: String
        public var product: String?
        public init(supplier: String, buyer: String, product: String?) {
            self.supplier = supplier
            self.buyer = buyer
            self.product = product
        }
    }

    /// A link whose status the generator changed.
    public struct LinkStatusChange: Sendable, Encodable, Equatable, Hashable {
        public var link: LinkKey
        public var from: LinkStatus
        public var to: LinkStatus
        public init(link: LinkKey, from: LinkStatus, to: LinkStatus) {
            self.link = link
            self.from = from
            self.to = to
        }
    }

    /// What the generator changed from one snapshot to the next. Lists in the order the
    /// records appear in the newer snapshot (removed links: in the older one).
    public struct SnapshotChanges: Sendable, Encodable, Equatable {
        public var from: String
        public var to: String
        public var firmsEntered: [String] = []
        public var firmsLeft: [String] = []
        public var linksAdded: [LinkKey] = []
        public var linksRemoved: [LinkKey] = []
        public var linkStatusChanges: [LinkStatusChange] = []
        public var needsRaised: [String] = []
        public var needsSolved: [String] = []
        public var organizationsFounded: [String] = []
        public var pairingsAdded: [String] = []
    }

    /// Monthly churn rates of a generated series.
    public struct Churn: Sendable, Equatable {
        /// Share of the eligible in-park firms (no organization role, need or pairing) that leave.
        public var firmsLeaving = 0.005
        /// New in-park firms, as a share of the in-park firms.
        public var firmsEntering = 0.006
        /// Share of active links lost.
        public var linksLost = 0.003
        /// Share of planned links that become active.
        public var plannedWon = 0.3
        /// New links between existing firms, as a share of the links.
        public var linksWon = 0.002
        /// New needs, as a share of the in-park firms.
        public var needsRaised = 0.004
        /// Share of open or in-progress needs solved.
        public var needsSolved = 0.12
        /// Share of firms with 3+ party members and no organization that found a branch.
        public var organizationsFounded = 0.08
        public init() {}
    }

    /// Generates `count` monthly snapshots starting in `start` and hands each (with the
    /// changes that led to it; nil for the first) to `body`, so at most two parks are in
    /// memory.
    ///
    /// - Throws: ``GeneratorError`` for bad options; what `body` throws.
    /// - Complexity: O(count × (firms + links)).
    public static func generateSeries(
        _ options: Options, count: Int, start: SnapshotDate = SnapshotDate(year: 2024, month: 1),
        churn: Churn = Churn(),
        _ body: (Park, SnapshotChanges?) throws -> Void
    ) throws {
        guard count >= 1, count <= 120 else {
            throw GeneratorError("snapshots must be between 1 and 120, got \(count)")
        }
        var park = try generate(options).park
        park.dataDate = start.description
        try body(park, nil)
        for k in 1..<max(count, 1) {
            var rng = Xoshiro256(seed: options.seed ^ (0x9E37_79B9_7F4A_7C15 &* UInt64(k)))
            let date = start.adding(months: k).description
            let changes = advance(&park, to: date, month: k, churn: churn, rng: &rng)
            try body(park, changes)
        }
    }

    /// Applies one month of churn to `park` and returns what changed.
    static func advance(_ park: inout Park, to date: String, month k: Int, churn: Churn, rng: inout Xoshiro256)
        -> SnapshotChanges
    {
        var log = SnapshotChanges(from: park.dataDate ?? "", to: date)
        park.dataDate = date
        let tag = "s" + (k < 10 ? "0\(k)" : String(k))
        var firms = park.firms, links = park.links
        let index = park.resolution.firms.index

        // Firms with a role elsewhere stay (so leaving touches only their links).
        var busy = [Bool](repeating: false, count: firms.count)
        func mark(_ id: String?) { if let id, let i = index[id] { busy[Int(i)] = true } }
        for o in park.organizations { mark(o.hostFirm); o.members.forEach(mark) }
        for p in park.pairings { mark(p.a); mark(p.b) }
        for n in park.needs { mark(n.firm) }
        var leaving = [Bool](repeating: false, count: firms.count)
        var inPark = 0
        for (i, f) in firms.enumerated() where f.inPark {
            inPark += 1
            if !busy[i] && f.leads.isEmpty && f.organization == nil && rng.chance(churn.firmsLeaving) {
                leaving[i] = true
                log.firmsLeft.append(f.id)
            }
        }

        // Links: removed with a leaving firm; lost; planned ones won.
        let res = park.resolution
        var kept = LinkTable()
        kept.reserveCapacity(links.count + 64)
        for (j, l) in links.enumerated() {
            let s = res.linkSupplier[j], b = res.linkBuyer[j]
            if (s >= 0 && leaving[Int(s)]) || (b >= 0 && leaving[Int(b)]) {
                log.linksRemoved.append(LinkKey(supplier: l.supplier, buyer: l.buyer, product: l.product))
                continue
            }
            var l = l
            if l.status == .active && rng.chance(churn.linksLost) {
                log.linkStatusChanges.append(
                    LinkStatusChange(
                        link: LinkKey(supplier: l.supplier, buyer: l.buyer, product: l.product), from: .active,
                        to: .lost))
                l.status = .lost
            } else if l.status == .planned && rng.chance(churn.plannedWon) {
                log.linkStatusChanges.append(
                    LinkStatusChange(
                        link: LinkKey(supplier: l.supplier, buyer: l.buyer, product: l.product), from: .planned,
                        to: .active))
                l.status = .active
            }
            kept.append(l)
        }
        links = kept
        var stayed: [Firm] = []
        stayed.reserveCapacity(firms.count + 64)
        var positions: [Int] = []  // in-park positions in `stayed`, for picking partners
        for (i, f) in firms.enumerated() where !leaving[i] {
            if f.inPark { positions.append(stayed.count) }
            stayed.append(f)
        }
        firms = stayed

        // New links between existing in-park firms (same product as the supplier makes).
        if positions.count >= 2 {
            let won = Int((Double(links.count) * churn.linksWon).rounded())
            for _ in 0..<won {
                let s = firms[positions[rng.below(positions.count)]], b = firms[positions[rng.below(positions.count)]]
                if s.id == b.id { continue }
                let product = s.products.first
                links.append(
                    SupplyLink(
                        supplier: s.id, buyer: b.id, product: product, value: Double(100_000 * (1 + rng.below(500))),
                        status: .active, local: true))
                log.linksAdded.append(LinkKey(supplier: s.id, buyer: b.id, product: product))
            }
        }

        // New firms: like an existing in-park firm of the same stage, with two inputs and one customer.
        let entering = positions.isEmpty ? 0 : Int((Double(inPark) * churn.firmsEntering).rounded())
        for j in 0..<entering {
            let model = firms[positions[rng.below(positions.count)]]
            let id = "\(tag)-f\(j + 1)"
            firms.append(
                Firm(
                    id: id, name: "新入园企业\(tag)-\(j + 1)", stages: model.stages, products: model.products,
                    output: Double(1_000_000 * (5 + rng.below(200))),
                    employees: 20 + rng.below(300), zone: model.zone, inPark: true, partyMembers: rng.below(4),
                    workCovered: false,
                    illustrative: true, note: "generated: entered in \(date)"))
            log.firmsEntered.append(id)
            for _ in 0..<2 {
                let s = firms[positions[rng.below(positions.count)]]
                links.append(
                    SupplyLink(
                        supplier: s.id, buyer: id, product: s.products.first,
                        value: Double(100_000 * (1 + rng.below(300))), status: .active, local: true))
                log.linksAdded.append(LinkKey(supplier: s.id, buyer: id, product: s.products.first))
            }
            let b = firms[positions[rng.below(positions.count)]]
            links.append(
                SupplyLink(
                    supplier: id, buyer: b.id, product: model.products.first,
                    value: Double(100_000 * (1 + rng.below(300))), status: .active, local: true))
            log.linksAdded.append(LinkKey(supplier: id, buyer: b.id, product: model.products.first))
        }

        // Organizations founded by firms with 3+ party members and none; a head-led pairing
        // with an existing branch now and then.
        var organizations = park.organizations
        var pairings = park.pairings
        let branches = organizations.filter { $0.kind == .branch || $0.kind == .generalBranch }.map(\.id)
        var founded = 0
        for i in firms.indices
        where firms[i].inPark && firms[i].organization == nil && (firms[i].partyMembers ?? 0) >= 3 {
            guard rng.chance(churn.organizationsFounded) else { continue }
            founded += 1
            let id = "\(tag)-br\(founded)"
            organizations.append(
                Organization(
                    id: id, name: firms[i].name + "党支部", kind: .branch, hostFirm: firms[i].id,
                    illustrative: true, note: "generated: founded in \(date)"))
            firms[i].organization = id
            firms[i].workCovered = true
            log.organizationsFounded.append(id)
            if !branches.isEmpty && rng.chance(0.3) {
                let pid = "\(tag)-p\(pairings.count + 1)"
                pairings.append(
                    Pairing(
                        id: pid, a: branches[rng.below(branches.count)], b: id, kind: .headLed, since: date,
                        illustrative: true))
                log.pairingsAdded.append(pid)
            }
        }

        // Needs solved, then raised.
        var needs = park.needs
        for i in needs.indices where needs[i].status != .solved && rng.chance(churn.needsSolved) {
            needs[i].status = .solved
            log.needsSolved.append(needs[i].id)
        }
        let raised = positions.isEmpty ? 0 : Int((Double(inPark) * churn.needsRaised).rounded())
        let kinds = NeedKind.allCases
        for j in 0..<raised {
            let f = firms[positions[rng.below(positions.count)]]
            let id = "\(tag)-n\(j + 1)"
            needs.append(
                Need(
                    id: id, firm: f.id, kind: kinds[rng.below(kinds.count)], tags: ["generated"], status: .open,
                    illustrative: true))
            log.needsRaised.append(id)
        }

        park.firms = firms
        park.links = links
        park.organizations = organizations
        park.pairings = pairings
        park.needs = needs
        return log
    }

    /// The file or folder name of a snapshot in a series folder: `PARK-DATE.json`,
    /// `PARK-DATE.xlsx`, `PARK-DATE.chainpark`, or `PARK-DATE` (a CSV bundle).
    public static func snapshotName(_ park: Park, format: ParkWriter.Format) -> String {
        let base = park.id + "-" + (park.dataDate ?? "undated")
        return format == .csv ? base : base + "." + format.rawValue
    }

    /// Writes a series of `count` snapshots into `folder` (created; an existing non-empty
    /// folder only with `replace`), each as ``snapshotName(_:format:)``, and the change log
    /// `changes.json` (``changeLogJSON(_:)``).
    ///
    /// - Throws: ``GeneratorError`` for bad options, ``WriteError`` for the files.
    /// - Complexity: O(count × (firms + links)).
    public static func writeSeries(
        _ options: Options, count: Int, to folder: String, format: ParkWriter.Format, replace: Bool,
        progress: ((Int, Int) -> Void)? = nil
    ) throws {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder, isDirectory: &isFolder) {
            guard isFolder.boolValue else {
                throw WriteError(
                    path: folder, message: "exists and is not a folder", hint: "name a folder for the series")
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
            if !entries.isEmpty && !replace {
                throw WriteError(
                    path: folder, message: "exists and is not empty", hint: "add --force to write the series into it")
            }
        } else {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            } catch {
                throw WriteError(
                    path: folder, message: "cannot create the folder", hint: "check the path and its permissions")
            }
        }
        var log: [SnapshotChanges] = []
        var done = 0
        try generateSeries(options, count: count) { park, changes in
            if let changes { log.append(changes) }
            let path = (folder as NSString).appendingPathComponent(snapshotName(park, format: format))
            try ParkWriter.write(park, format: format, to: path, overwrite: replace)
            done += 1
            progress?(done, count)
        }
        try ParkWriter.writeFile(
            changeLogJSON(log), to: (folder as NSString).appendingPathComponent(ParkSeries.changeLogName),
            overwrite: replace)
    }

    /// The change log as JSON: `{"format": "chainmap-changes/1", "changes": [...]}`, keys
    /// sorted.
    public static func changeLogJSON(_ log: [SnapshotChanges]) -> [UInt8] {
        struct File: Encodable {
            var format = "chainmap-changes/1"
            var changes: [SnapshotChanges]
        }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return Array((try? encoder.encode(File(changes: log))) ?? Data()) + [0x0A]
    }
}
