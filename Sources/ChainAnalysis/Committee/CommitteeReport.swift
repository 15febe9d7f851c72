@_spi(Internals) import ChainModel

/// Everything the committee's report (`chainmap report`) shows, as one value: the park's key
/// figures, the gap findings, the matchmaking agenda and per-firm suggestions, organization
/// coverage and the needs, and for every firm what its card shows. It holds no text: messages
/// are catalog ids, names are the data's own; `ChainOutput` lays it out as HTML.
///
/// ```swift
/// let report = CommitteeReport(park: park)
/// for part in report.parts { print(part.rawValue) }
/// ```
public struct CommitteeReport: Sendable {
    /// The report's parts, in order. A new part is one
    /// case here and one section writer in the HTML renderer.
    public enum Part: String, Sendable, CaseIterable {
        case overview, changes, trends, map, gaps, matches, organization, needs
    }

    /// What one firm's card shows besides the firm's own record.
    public struct Card: Sendable, Equatable {
        /// Supplier firm positions (active and planned links first, by value), at most
        /// ``Options/linksPerCard``; ``supplierCount`` is the full count.
        public var suppliers: [Int] = []
        public var supplierCount = 0
        /// Buyer firm positions, as ``suppliers``.
        public var buyers: [Int] = []
        public var buyerCount = 0
        /// Positions in ``CommitteeReport/gaps`` `.findings` of the findings that touch the firm.
        public var findings: [Int] = []
        /// The firm's best match suggestions (its own query on small parks; its agenda meetings).
        public var matches: [MatchSuggestion] = []
        /// Pairings the firm or its organization is part of (positions in `park.pairings`).
        public var pairings: [Int] = []
        /// The firm's needs (positions in `park.needs`).
        public var needs: [Int] = []
    }

    public struct Options: Sendable, Equatable {
        /// Above this many firms the report is a large-park report: the aggregate map with
        /// drill-down, fewer per-firm details.
        public var fullLayoutLimit = 1000
        /// Findings listed (0: all); large parks list the most severe.
        public var findingsLimit = 0
        /// Findings listed in a large park's report.
        public var largeFindingsLimit = 2000
        /// Suggestions per firm and direction on a card (small parks).
        public var matchesPerFirm = 3
        /// Suppliers and buyers listed per card.
        public var linksPerCard = 50
        /// Suppliers and buyers listed per card in a large park.
        public var largeLinksPerCard = 3
        /// Firms drawn per stage in a large park's drill-down map (the rest are counted).
        public var drillFirms = 120
        /// The parts, in order (`changes` only appears when the report has an older snapshot,
        /// `trends` only with a series).
        public var parts: [Part] = Part.allCases
        /// Rows per list of the "what changed" part (0: all); counts are always complete.
        public var changesLimit = 200

        public init() {}
    }

    /// The park itself (names, stages, products, needs' text).
    public var park: Park
    public var options: Options
    public var summary: ParkSummary
    /// Whether the park has more firms than ``Options/fullLayoutLimit``.
    public var large: Bool
    public var gaps: GapReport
    public var organization: OrganizationReport
    public var agenda: MatchAgendaReport
    /// One card per firm, in `park.firms` order.
    public var cards: [Card]
    /// What changed since an older snapshot of the park (`chainmap report --since OLD`).
    public var diff: ParkDiff?
    /// The key figures of every snapshot of the park's series, the park's own last
    /// (`chainmap report --series DIR`).
    public var trend: TrendReport?
    /// One drill-down per stage (chain and stage order): what a large park's report draws when
    /// a stage or chain is chosen.
    public var drills: [StageDrill]
    /// The parts, in order.
    public var parts: [Part]

    /// - Complexity: the gap, organization and agenda analyses, plus O(firms + links + needs +
    ///   pairings + findings) for the cards; small parks add one match query per in-park firm.
    ///
    /// With `since` (an older snapshot of the same park; check the pair with
    /// `ParkSeries.checkPair` first) the report adds the ``ParkDiff`` from it to `park`. With
    /// `trend` (the park's series, from `TrendReport(sources:newest:name:)`) it adds the trends
    /// part.
    public init(park: Park, since: Park? = nil, trend: TrendReport? = nil, options: Options = Options()) {
        self.park = park
        self.options = options
        self.trend = trend
        parts = options.parts.filter { ($0 != .changes || since != nil) && ($0 != .trends || trend != nil) }
        var trace = PhaseTrace()
        diff = since.map { ParkDiff(old: $0, new: park, limit: options.changesLimit) }
        if since != nil { trace.mark("report.diff") }
        summary = ParkSummary(park)
        large = park.firms.count > options.fullLayoutLimit
        var gapOptions = GapOptions()
        gapOptions.limit = large ? options.largeFindingsLimit : options.findingsLimit
        gaps = GapReport(park: park, options: gapOptions)
        trace.mark("report.gaps")
        var orgOptions = OrganizationOptions()
        orgOptions.limit = large ? 500 : 0
        organization = OrganizationReport(park: park, options: orgOptions)
        trace.mark("report.organization")
        let index = MatchIndex(park: park)
        var agendaOptions = MatchAgendaOptions()
        if large {
            // The full agenda of a 100,000-firm park takes about a minute; fewer candidates
            // per firm, a shorter scan and a coarser push keep it to seconds (measured on
            // p100k, 2 busy cores: defaults 54 s; 4/60/1e-3 17 s; 3/40/1e-2 10.5 s).
            agendaOptions.candidatesPerFirm = 3
            agendaOptions.match.scanLimit = 40
            agendaOptions.match.pushEpsilon = 1e-2
        }
        agenda = MatchAgendaReport(index: index, options: agendaOptions)
        trace.mark("report.agenda")
        cards = Self.cards(park: park, gaps: gaps, agenda: agenda.agenda, index: index, options: options, large: large)
        drills = Self.stageDrills(park: park, firmsPerStage: options.drillFirms)
        trace.mark("report.drills")
    }

    /// The share of in-park firms with an organization (the park row of the coverage table).
    public var organizationCoverage: Double? {
        organization.coverage.first { $0.scope == .park }?.organizationRate
    }

    /// Needs solved and all needs.
    public var needsSolved: (solved: Int, total: Int) {
        (organization.needs.total.solved, organization.needs.total.total)
    }

    static func positions(_ park: Park) -> [String: Int] {
        var out: [String: Int] = [:]
        out.reserveCapacity(park.firms.count)
        for (i, f) in park.firms.enumerated() where out[f.id] == nil { out[f.id] = i }
        return out
    }

    private static func cards(
        park: Park, gaps: GapReport, agenda: MatchAgenda, index: MatchIndex, options: Options, large: Bool
    ) -> [Card] {
        let position = positions(park)
        var cards = [Card](repeating: Card(), count: park.firms.count)
        let perCard = large ? options.largeLinksPerCard : options.linksPerCard
        // Suppliers and buyers: lost links last, then by value (largest first), then file order.
        // Keys in flat arrays: the comparator must not copy links (their strings).
        let lost = park.links.map { $0.status == .lost }
        let value = park.links.map { $0.value ?? 0 }
        var order = Array(park.links.indices)
        order.sort { a, b in
            if lost[a] != lost[b] { return !lost[a] }
            if value[a] != value[b] { return value[a] > value[b] }
            return a < b
        }
        // The park's resolved link ends (computed once per park, shared with the analyses).
        let resolution = park.resolution
        for k in order {
            let s = Int(resolution.linkSupplier[k]), b = Int(resolution.linkBuyer[k])
            guard s >= 0, b >= 0 else { continue }
            cards[b].supplierCount += 1
            if cards[b].suppliers.count < perCard && !cards[b].suppliers.contains(s) { cards[b].suppliers.append(s) }
            cards[s].buyerCount += 1
            if cards[s].buyers.count < perCard && !cards[s].buyers.contains(b) { cards[s].buyers.append(b) }
        }
        for (i, finding) in gaps.findings.enumerated() {
            var touched: [Int] = []
            for id in [finding.place.firm, finding.place.link?.supplier, finding.place.link?.buyer] {
                if let id, let p = position[id], !touched.contains(p) { touched.append(p) }
            }
            for p in touched { cards[p].findings.append(i) }
        }
        // Organizations a firm hosts or belongs to, so pairings of its organization count.
        var orgFirms: [String: [Int]] = [:]
        for org in park.organizations {
            var firms: [Int] = []
            if let host = org.hostFirm, let p = position[host] { firms.append(p) }
            if org.kind == .branch || org.kind == .generalBranch || org.kind == .jointBranch {
                for m in org.members { if let p = position[m], !firms.contains(p) { firms.append(p) } }
            }
            orgFirms[org.id] = firms
        }
        for (k, pairing) in park.pairings.enumerated() {
            var touched: [Int] = []
            for party in [pairing.a, pairing.b] {
                if let p = position[party] { touched.append(p) }
                for p in orgFirms[party] ?? [] where !touched.contains(p) { touched.append(p) }
            }
            for p in touched where cards[p].pairings.count < 20 { cards[p].pairings.append(k) }
        }
        for (k, need) in park.needs.enumerated() {
            if let p = position[need.firm] { cards[p].needs.append(k) }
        }
        for meeting in agenda.meetings {
            for id in [meeting.requester, meeting.offerer] {
                if let p = position[id], cards[p].matches.count < 6 { cards[p].matches.append(meeting.suggestion) }
            }
        }
        if !large {
            var match = MatchOptions()
            match.top = options.matchesPerFirm
            var ws = MatchWorkspace(index)
            for (i, firm) in park.firms.enumerated() where firm.inPark && i < index.firms {
                let found = index.matches(forNode: Int32(i), options: match, workspace: &ws).suggestions
                for s in found where !cards[i].matches.contains(s) { cards[i].matches.append(s) }
            }
        }
        return cards
    }
}
