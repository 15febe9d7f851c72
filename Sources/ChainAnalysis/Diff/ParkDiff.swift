import ChainGraph
@_spi(Internals) import ChainModel

/// What changed between two snapshots of one park (`chainmap diff OLD NEW`): firms that
/// entered or left, links added, removed or changed, organization and work coverage before →
/// after by park, chain and stage, organizations and pairings opened and closed, pairings that
/// turned into supply links, needs raised, solved and still open, gap findings opened, closed
/// and changed in severity, and the key figures (``ParkFigures``) before → after.
///
/// Records are matched by id: firms, organizations and needs by their `id`; pairings by `id`,
/// or by both parties and kind when they have none; links by their two firms, then by `id`
/// when both have one, else by product. An id whose record changed meaning (a firm with another
/// name and other stages, an organization with another name and kind, a need of another firm
/// and kind) is not paired: it is listed in ``changedMeaning``. Definitions: docs/FORMAT.md
/// (Series).
///
/// ```swift
/// let diff = ParkDiff(old: try Samples.load("beilun-nev-2023").park, new: try Samples.load("beilun-nev").park)
/// diff.coverage[0].before.withOrganization  // 81 (of 140)
/// diff.coverage[0].after.withOrganization   // 98 (of 140)
/// ```
///
/// - Complexity: O(F + L + O + P + N) for firms, links, organizations, pairings and needs of
///   both snapshots (ids hashed once into `Int32` positions; links grouped by supplier with a
///   counting sort), plus the gap analysis and coverage of each snapshot, plus sorting the
///   returned lists.
public struct ParkDiff: Sendable, Encodable {
    public var parkId: String
    public var parkName: String
    public var oldDate: String?
    public var newDate: String?
    /// Rows per list in ``document``-facing fields (0: all); counts are always complete.
    public var limit: Int
    /// The part a document shows (`chainmap diff --section`); nil: all (CSV: the figures).
    public var section: Section?
    public var before: ParkFigures
    public var after: ParkFigures
    public var firms: FirmChanges
    public var links: LinkChanges
    /// Coverage rows matched by scope: the park, then each chain and its stages.
    public var coverage: [CoverageChange]
    public var organizations: OrganizationChanges
    public var pairings: PairingChanges
    public var needs: NeedChanges
    public var gaps: GapChanges
    /// Ids whose record changed meaning, kind by kind (firm, organization, pairing, need).
    public var changedMeaning: [MeaningChange]
    /// Entries of each list before ``limit`` cut it, by list key.
    public var totals: [String: Int]

    /// Compares `old` with `new`. `limit` cuts each list (0: all).
    public init(old: Park, new: Park, limit: Int = 0, section: Section? = nil) {
        self.section = section
        parkId = new.id
        parkName = new.name
        oldDate = old.dataDate
        newDate = new.dataDate
        self.limit = limit
        // Two strands side by side (one per core when there are two or more): the snapshots'
        // coverage and gap analyses, one after the other so that only one analysis's working
        // memory is alive at a time (side by side they put a 1M-firm diff's peak at 2.0x one
        // park's; issue #14 asks for under 2x), and the record comparison, which needs little
        // memory beyond its results.
        let strands = Parallel.mapChunks(count: 2, minimumCount: 1) { range in
            range.map { strand -> Strand in
                strand == 0 ? .analyses(Analyses(old: old, new: new)) : .records(RecordChanges(old: old, new: new))
            }
        }.flatMap(\.result)
        var analyses: Analyses?
        var records: RecordChanges?
        for strand in strands {
            switch strand {
            case .analyses(let a): analyses = a
            case .records(let r): records = r
            }
        }
        // The chunks cover both strands; computing a missing one here keeps that an assumption
        // about speed, not about correctness.
        let both = analyses ?? Analyses(old: old, new: new)
        let r = records ?? RecordChanges(old: old, new: new)
        let a0 = both.old, a1 = both.new, newIndex = both.newIndex
        before = a0.figures
        after = a1.figures
        firms = r.firms
        links = r.links.changes
        coverage = Self.coverageChanges(a0.coverage, a1.coverage)
        organizations = r.organizations
        pairings = Self.pairingChanges(old: old, new: new, newIndex: newIndex, wonLinks: r.links.won)
        needs = r.needs
        gaps = Self.gapChanges(a0.gaps, a1.gaps)
        changedMeaning = r.meaning

        totals = [
            "firmsEntered": firms.entered.count, "firmsLeft": firms.left.count,
            "linksAdded": links.added.count, "linksRemoved": links.removed.count,
            "linksStatusChanged": links.statusChanged.count, "linksValueChanged": links.valueChanged.count,
            "organizationsOpened": organizations.opened.count, "organizationsClosed": organizations.closed.count,
            "pairingsAdded": pairings.added.count, "pairingsRemoved": pairings.removed.count,
            "pairingsTurnedIntoSupply": pairings.turnedIntoSupply.count,
            "needsRaised": needs.raised.count, "needsSolved": needs.solved.count,
            "needsStillOpen": needs.stillOpen.count,
            "needsReopened": needs.reopened.count, "needsRemoved": needs.removed.count,
            "gapsOpened": gaps.opened.count, "gapsClosed": gaps.closed.count, "gapsChanged": gaps.changed.count,
            "changedMeaning": changedMeaning.count,
        ]
        if limit > 0 {
            func cut<T>(_ list: inout [T]) { if list.count > limit { list.removeSubrange(limit...) } }
            cut(&firms.entered); cut(&firms.left)
            cut(&links.added); cut(&links.removed); cut(&links.statusChanged); cut(&links.valueChanged)
            cut(&organizations.opened); cut(&organizations.closed)
            cut(&pairings.added); cut(&pairings.removed); cut(&pairings.turnedIntoSupply)
            cut(&needs.raised); cut(&needs.solved); cut(&needs.stillOpen); cut(&needs.reopened); cut(&needs.removed)
            cut(&gaps.opened); cut(&gaps.closed); cut(&gaps.changed)
            cut(&changedMeaning)
        }
    }

    private enum CodingKeys: String, CodingKey {
        case park, name, oldDate, newDate, limit, before, after, firms, links, coverage, organizations, pairings, needs,
            gaps
        case changedMeaning, totals
    }

    /// Stable member names; lists in the order described on each type.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(parkId, forKey: .park)
        try c.encode(parkName, forKey: .name)
        try c.encodeIfPresent(oldDate, forKey: .oldDate)
        try c.encodeIfPresent(newDate, forKey: .newDate)
        try c.encode(limit, forKey: .limit)
        try c.encode(before, forKey: .before)
        try c.encode(after, forKey: .after)
        try c.encode(firms, forKey: .firms)
        try c.encode(links, forKey: .links)
        try c.encode(coverage, forKey: .coverage)
        try c.encode(organizations, forKey: .organizations)
        try c.encode(pairings, forKey: .pairings)
        try c.encode(needs, forKey: .needs)
        try c.encode(gaps, forKey: .gaps)
        try c.encode(changedMeaning, forKey: .changedMeaning)
        try c.encode(totals, forKey: .totals)
    }
}

// MARK: - Types

extension ParkDiff {
    /// A part of the report (`chainmap diff --section`).
    public enum Section: String, Sendable, CaseIterable, Encodable {
        case figures, firms, links, coverage, organizations, pairings, needs, gaps, meaning
    }

    /// A record kind whose ids are matched.
    public enum RecordKind: String, Sendable, Encodable {
        case firm, organization, pairing, need
    }

    /// An id that names a different thing in the two snapshots; the records are not paired.
    public struct MeaningChange: Sendable, Equatable, Encodable {
        public var kind: RecordKind
        public var id: String
        /// Name (or description) before and after.
        public var before: String
        public var after: String
    }

    /// A firm that entered or left.
    public struct FirmRef: Sendable, Equatable, Encodable {
        public var id: String
        public var name: String
        /// Its first stage, if any.
        public var stage: String?
        public var inPark: Bool
        public var output: Double?
    }

    /// Firms entered and left per stage (the firm's first stage; `""` for firms without one).
    public struct StageFirms: Sendable, Equatable, Encodable {
        public var chain: String?
        public var stage: String
        public var stageName: String?
        public var enteredInPark: Int
        public var leftInPark: Int
        public var enteredOutside: Int
        public var leftOutside: Int
    }

    /// Firms that entered or left the park (a firm moving into the park enters it; one moving
    /// out leaves it), and firms outside the park that appeared or went.
    public struct FirmChanges: Sendable, Equatable, Encodable {
        /// In new order.
        public var entered: [FirmRef]
        /// In old order.
        public var left: [FirmRef]
        /// In the new park's stage order, then the old park's, then firms without stage.
        public var byStage: [StageFirms]
        public var enteredInPark: Int
        public var leftInPark: Int
        public var enteredOutside: Int
        public var leftOutside: Int
    }

    /// A supply link as it was and as it is.
    public struct LinkChange: Sendable, Equatable, Encodable {
        public var id: String?
        public var supplier: String
        public var buyer: String
        public var product: String?
        public var statusBefore: LinkStatus?
        public var statusAfter: LinkStatus?
        public var valueBefore: Double?
        public var valueAfter: Double?
    }

    /// Links added (new order), removed from the data (old order), whose status changed
    /// (active / planned / lost) and whose value changed (both new order).
    public struct LinkChanges: Sendable, Equatable, Encodable {
        public var added: [LinkChange]
        public var removed: [LinkChange]
        public var statusChanged: [LinkChange]
        public var valueChanged: [LinkChange]
        /// Status changes by kind: `active->lost`, `planned->active`, … (sorted by key).
        public var transitions: [String: Int]
    }

    /// A coverage row before and after, matched by scope (park, chain id, stage id).
    public struct CoverageChange: Sendable, Equatable, Encodable {
        public var scope: OrganizationReport.Scope
        public var chain: String?
        public var chainName: String?
        public var stage: String?
        public var stageName: String?
        public var before: OrganizationReport.CoverageRow
        public var after: OrganizationReport.CoverageRow
    }

    public struct OrganizationRef: Sendable, Equatable, Encodable {
        public var id: String
        public var name: String
        public var kind: OrganizationKind
        public var hostFirm: String?
    }

    /// Organizations founded (new order) and closed (old order).
    public struct OrganizationChanges: Sendable, Equatable, Encodable {
        public var opened: [OrganizationRef]
        public var closed: [OrganizationRef]
    }

    public struct PairingRef: Sendable, Equatable, Encodable {
        /// The pairing's id, or `a|b|kind` when it has none.
        public var key: String
        public var id: String?
        public var a: String
        public var b: String
        public var kind: PairingKind
    }

    /// A pairing whose firms now trade: active links between the parties' firms that were not
    /// active before.
    public struct PairingSupply: Sendable, Equatable, Encodable {
        public var pairing: PairingRef
        public var links: [LinkChange]
    }

    /// Pairings added (new order), removed (old order), and those (of the new snapshot) that
    /// turned into supply links.
    public struct PairingChanges: Sendable, Equatable, Encodable {
        public var added: [PairingRef]
        public var removed: [PairingRef]
        public var turnedIntoSupply: [PairingSupply]
    }

    /// A gap finding matched across the snapshots by kind, rule and place.
    public struct FindingChange: Sendable, Equatable, Encodable {
        public var kind: GapKind
        public var rule: GapRule
        /// The place as `chain/stage<-input/firm/supplier>buyer:product`.
        public var place: String
        public var placeDetail: GapPlace
        public var levelBefore: GapLevel?
        public var levelAfter: GapLevel?
        public var severityBefore: Double?
        public var severityAfter: Double?
        public var unit: SeverityUnit
        public var atRiskBefore: Double?
        public var atRiskAfter: Double?
    }

    /// Findings opened, closed and changed in level or severity value (each most at risk
    /// first), and the value at risk by kind.
    public struct GapChanges: Sendable, Equatable, Encodable {
        public var opened: [FindingChange]
        public var closed: [FindingChange]
        public var changed: [FindingChange]
    }
}

// MARK: - Firms

/// One of the two strands of work ``ParkDiff/init(old:new:limit:section:)`` runs side by side.
private enum Strand: Sendable {
    case analyses(Analyses)
    case records(RecordChanges)
}

/// Both snapshots' analyses, the old one first and kept only as its results, so that one
/// analysis's working memory is alive at a time; the new snapshot's index is kept for its
/// pairings.
private struct Analyses: Sendable {
    let old: Analysis
    let new: Analysis
    let newIndex: OrganizationIndex

    init(old: Park, new: Park) {
        self.old = Analysis(old, index: OrganizationIndex(old))
        newIndex = OrganizationIndex(new)
        self.new = Analysis(new, index: newIndex)
    }
}

/// The comparison of the two snapshots' records: firms, links, organizations and needs, and
/// the ids that changed meaning (firms, then organizations, then needs).
private struct RecordChanges: Sendable {
    let meaning: [MeaningChange]
    let firms: ParkDiff.FirmChanges
    let links: (changes: ParkDiff.LinkChanges, won: [Int32])
    let organizations: ParkDiff.OrganizationChanges
    let needs: ParkDiff.NeedChanges

    init(old: Park, new: Park) {
        var meaning: [MeaningChange] = []
        let match = FirmMatch(old: old, new: new, meaning: &meaning)
        firms = ParkDiff.firmChanges(old: old, new: new, match: match)
        links = ParkDiff.linkChanges(old: old, new: new, match: match)
        organizations = ParkDiff.organizationChanges(old: old, new: new, meaning: &meaning)
        needs = ParkDiff.needChanges(old: old, new: new, meaning: &meaning)
        self.meaning = meaning
    }
}

/// One snapshot's coverage rows, gap report and figures.
private struct Analysis: Sendable {
    let coverage: [OrganizationReport.CoverageRow]
    let gaps: GapReport
    let figures: ParkFigures

    /// The index is not kept: the caller keeps the new snapshot's (its pairings are compared
    /// against its links) and lets the old one's go.
    init(_ park: Park, index: OrganizationIndex) {
        coverage = OrganizationReport.coverageRows(index, OrganizationOptions())
        gaps = GapReport(park: park)
        figures = ParkFigures(park: park, coverage: coverage[0], gaps: gaps)
    }
}

/// Firm positions matched by id: `newToOld[i]` is the old position of new firm `i`, or -1
/// (new, or an id that changed meaning); `oldToNew` the reverse.
struct FirmMatch {
    var newToOld: [Int32]
    var oldToNew: [Int32]
    /// Old positions whose id changed meaning (not paired).
    var changed: [Bool]
    /// New positions whose id changed meaning.
    var newChanged: [Bool]

    init(old: Park, new: Park, meaning: inout [MeaningChange]) {
        let index = old.resolution.firms.index
        var newToOld = [Int32](repeating: -1, count: new.firms.count)
        var oldToNew = [Int32](repeating: -1, count: old.firms.count)
        var changed = [Bool](repeating: false, count: old.firms.count)
        var newChanged = [Bool](repeating: false, count: new.firms.count)
        for (i, f) in new.firms.enumerated() {
            guard let o = index[f.id], oldToNew[Int(o)] < 0, !changed[Int(o)] else { continue }
            let was = old.firms[Int(o)]
            if was.name != f.name && Set(was.stages) != Set(f.stages) {
                changed[Int(o)] = true
                newChanged[i] = true
                meaning.append(MeaningChange(kind: .firm, id: f.id, before: was.name, after: f.name))
                continue
            }
            newToOld[i] = o
            oldToNew[Int(o)] = Int32(i)
        }
        self.newToOld = newToOld
        self.oldToNew = oldToNew
        self.changed = changed
        self.newChanged = newChanged
    }
}

typealias MeaningChange = ParkDiff.MeaningChange

extension ParkDiff {
    static func firmChanges(old: Park, new: Park, match: FirmMatch) -> FirmChanges {
        // Stage order: the new park's chains, then stages only the old park has.
        var stageOrder: [String: Int] = [:]
        var stageInfo: [(chain: String?, stage: String, name: String?)] = []
        for park in [new, old] {
            for c in park.chains {
                for s in c.stages where stageOrder[s.id] == nil {
                    stageOrder[s.id] = stageInfo.count
                    stageInfo.append((c.id, s.id, s.name))
                }
            }
        }
        var counts = [[Int]](repeating: [0, 0, 0, 0], count: stageInfo.count + 1)
        var extraStages: [String: Int] = [:]
        func slot(_ f: Firm) -> Int {
            guard let s = f.stages.first else { return stageInfo.count }
            if let k = stageOrder[s] { return k }
            if let k = extraStages[s] { return k }
            let k = counts.count
            extraStages[s] = k
            counts.append([0, 0, 0, 0])
            stageInfo.append((nil, s, nil))
            return k
        }
        func ref(_ f: Firm) -> FirmRef {
            FirmRef(id: f.id, name: f.name, stage: f.stages.first, inPark: f.inPark, output: f.output)
        }
        var entered: [FirmRef] = [], left: [FirmRef] = []
        var enteredIn = 0, leftIn = 0, enteredOut = 0, leftOut = 0
        for (i, f) in new.firms.enumerated() where !match.newChanged[i] {
            let o = match.newToOld[i]
            let wasIn = o >= 0 && old.firms[Int(o)].inPark
            if f.inPark && !wasIn {
                entered.append(ref(f)); enteredIn += 1; counts[slot(f)][0] += 1
            } else if !f.inPark && o < 0 {
                entered.append(ref(f)); enteredOut += 1; counts[slot(f)][2] += 1
            }
        }
        for (o, f) in old.firms.enumerated() where !match.changed[o] {
            let n = match.oldToNew[o]
            let isIn = n >= 0 && new.firms[Int(n)].inPark
            if f.inPark && !isIn {
                left.append(ref(f)); leftIn += 1; counts[slot(f)][1] += 1
            } else if !f.inPark && n < 0 {
                left.append(ref(f)); leftOut += 1; counts[slot(f)][3] += 1
            }
        }
        // Stage rows with any change; the no-stage slot sits at the old end of `stageInfo`.
        var byStage: [StageFirms] = []
        let noStage = stageOrder.count
        for k in counts.indices where counts[k] != [0, 0, 0, 0] {
            let info: (chain: String?, stage: String, name: String?) =
                k == noStage ? (nil, "", nil) : stageInfo[k > noStage ? k - 1 : k]
            byStage.append(
                StageFirms(
                    chain: info.chain, stage: info.stage, stageName: info.name, enteredInPark: counts[k][0],
                    leftInPark: counts[k][1], enteredOutside: counts[k][2], leftOutside: counts[k][3]))
        }
        // The no-stage row last.
        if let i = byStage.firstIndex(where: { $0.stage.isEmpty }) { byStage.append(byStage.remove(at: i)) }
        return FirmChanges(
            entered: entered, left: left, byStage: byStage, enteredInPark: enteredIn, leftInPark: leftIn,
            enteredOutside: enteredOut, leftOutside: leftOut)
    }

}
