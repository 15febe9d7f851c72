import ChainModel
import Foundation

// The reports of `chainmap match`: one value per question, each built by one call from a park
// and its options, `Encodable` with stable keys (JSON) and laid out for people in
// `ChainOutput/Reports`. Names people type are looked up here and fail with a ``LookupError``.

/// Suggestions for one firm (`chainmap match firm`): upstream suppliers, downstream buyers
/// and capability providers, best first, each with its score parts and an explanation.
public struct FirmMatchReport: Sendable, Encodable {
    public var park: String
    public var parkName: String
    public var firm: String
    public var firmName: String
    /// Directions asked for, in order (upstream, downstream, capability).
    public var directions: [MatchDirection]
    public var weights: MatchWeights
    /// Suggestions by direction, best first within a direction (in-park unless
    /// ``MatchOptions/outside`` is ``MatchOutside/mixed``).
    public var suggestions: [MatchSuggestion]
    /// Where outside firms went (``MatchOutside``).
    public var outsidePolicy: MatchOutside
    /// The best outside firms by direction, in their own list (``MatchOutside/separate``).
    public var outside: [MatchSuggestion]
    /// The firm's open needs (upstream and capability) that no suggestion answers, each with
    /// the reason (``MatchIndex/unanswered(forNode:directions:answered:options:outside:)``).
    public var unanswered: [UnansweredNeed]

    /// Indexes `park` and matches the firm `query` (an id, a name or part of a name).
    ///
    /// - Throws: ``LookupError`` (field `firm`) when no firm or several firms fit `query`,
    ///   with the nearest names.
    /// - Complexity: one ``MatchIndex`` build, then one query.
    /// `candidates` are outside firms one could attract (a candidates file): they are counted
    /// in the reasons of unanswered needs.
    public init(park: Park, firm query: String, options: MatchOptions = MatchOptions(), candidates: [Firm] = [])
        throws(LookupError)
    {
        let firm = try park.lookupFirm(query, field: "firm")
        try self.init(
            index: MatchIndex(park: park, vocabulary: options.vocabulary), firm: firm.id, options: options,
            candidates: candidates)
    }

    /// Matches the firm `query` on an index already built.
    public init(index: MatchIndex, firm query: String, options: MatchOptions = MatchOptions(), candidates: [Firm] = [])
        throws(LookupError)
    {
        let firm = try index.park.lookupFirm(query, field: "firm")
        var result = FirmMatches(firm: firm.id, firmName: firm.name, suggestions: [])
        var unanswered: [UnansweredNeed] = []
        if let node = index.graph.node(ofFirm: firm.id) {
            var ws = MatchWorkspace(index)
            result = index.matches(forNode: node, options: options, workspace: &ws)
            unanswered = index.unanswered(
                forNode: node, directions: options.directions, answered: Set(result.suggestions.compactMap(\.need)),
                options: options,
                outside: candidates)
        }
        self.unanswered = unanswered
        self.park = index.park.id
        self.parkName = index.park.name
        self.firm = result.firm
        self.firmName = result.firmName
        self.directions = options.directions.sorted()
        self.weights = options.weights
        self.suggestions = result.suggestions
        self.outsidePolicy = options.outside
        self.outside = result.outside
    }

    /// The suggestions of one direction.
    public func suggestions(_ direction: MatchDirection) -> [MatchSuggestion] {
        suggestions.filter { $0.direction == direction }
    }

    /// The outside firms of one direction (their own list).
    public func outside(_ direction: MatchDirection) -> [MatchSuggestion] {
        outside.filter { $0.direction == direction }
    }
}

/// A matchmaking-day agenda for the whole park (`chainmap match agenda`).
public struct MatchAgendaReport: Sendable, Encodable {
    public var park: String
    public var parkName: String
    public var candidatesPerFirm: Int
    public var weights: MatchWeights
    public var agenda: MatchAgenda

    /// Indexes `park` and builds its agenda (``MatchIndex/agenda(options:)``).
    /// - Complexity: see ``MatchIndex/agenda(options:)``.
    public init(park: Park, options: MatchAgendaOptions = MatchAgendaOptions()) {
        self.init(index: MatchIndex(park: park, vocabulary: options.match.vocabulary), options: options)
    }

    public init(index: MatchIndex, options: MatchAgendaOptions = MatchAgendaOptions()) {
        park = index.park.id
        parkName = index.park.name
        candidatesPerFirm = options.candidatesPerFirm
        weights = options.match.weights
        agenda = index.agenda(options: options)
    }
}

/// Firms to fill one stage (补链招商, `chainmap match stage`): in-park firms that make what the
/// stage supplies, and outside firms from a list of prospects.
public struct StageCandidateReport: Sendable, Encodable {
    public var park: String
    public var parkName: String
    public var stage: String
    public var stageName: String
    /// Best first (see ``MatchIndex/stageCandidates(stage:outside:top:)``).
    public var candidates: [StageCandidate]

    /// - Throws: ``LookupError`` (field `stage`) when no chain has the stage.
    public init(park: Park, stage: String, outside: Park? = nil, top: Int = 10, vocabulary: MatchVocabulary = .standard)
        throws(LookupError)
    {
        let found = try park.lookupStage(stage, field: "stage")
        self.park = park.id
        parkName = park.name
        self.stage = found.id
        stageName = found.name
        candidates = MatchIndex(park: park, vocabulary: vocabulary).stageCandidates(
            stage: found.id, outside: outside, top: top)
    }
}

/// For each finding of the gap report, who could fill it (`chainmap match gaps`).
public struct GapFillReport: Sendable, Encodable {
    public var park: String
    public var parkName: String
    /// Findings in the gap report's order (at most 20).
    public var findings: [MatchGapFill]

    /// Runs the gap analysis with its defaults and matches each finding
    /// (``MatchIndex/gapFills(_:outside:top:maxFindings:)``).
    public init(park: Park, outside: Park? = nil, top: Int = 10, vocabulary: MatchVocabulary = .standard) {
        self.park = park.id
        parkName = park.name
        findings = MatchIndex(park: park, vocabulary: vocabulary).gapFills(
            GapReport(park: park), outside: outside, top: top)
    }
}

/// How fast single-firm queries are (`chainmap match benchmark`): firms spread evenly over
/// the park, every direction of the options, one reused workspace. Times vary by machine;
/// the counts do not.
public struct MatchBenchmark: Sendable, Encodable {
    public var park: String
    public var parkName: String
    public var firms: Int
    public var queries: Int
    /// Suggestions returned over all queries.
    public var suggestions: Int
    public var indexSeconds: Double
    /// Per query, milliseconds.
    public var meanMilliseconds: Double
    public var medianMilliseconds: Double
    public var p99Milliseconds: Double
    public var maxMilliseconds: Double

    /// Indexes `park` and times `queries` queries (at most one per firm).
    /// - Complexity: one index build plus `queries` match queries.
    public init(park: Park, queries: Int, options: MatchOptions = MatchOptions()) {
        let clock = ContinuousClock()
        let start = clock.now
        let index = MatchIndex(park: park, vocabulary: options.vocabulary)
        indexSeconds = (clock.now - start).inSeconds
        var ws = MatchWorkspace(index)
        var times: [Double] = []
        var found = 0
        let count = min(max(queries, 0), park.firms.count)
        for q in 0..<count {
            let node = Int32(q * park.firms.count / count)
            let t0 = clock.now
            found += index.matches(forNode: node, options: options, workspace: &ws).suggestions.count
            times.append((clock.now - t0).inSeconds * 1000)
        }
        times.sort()
        func quantile(_ p: Double) -> Double {
            times.isEmpty ? 0 : times[min(times.count - 1, Int(Double(times.count) * p))]
        }
        self.park = park.id
        parkName = park.name
        firms = park.firms.count
        self.queries = count
        suggestions = found
        meanMilliseconds = times.isEmpty ? 0 : times.reduce(0, +) / Double(times.count)
        medianMilliseconds = quantile(0.5)
        p99Milliseconds = quantile(0.99)
        maxMilliseconds = times.last ?? 0
    }
}

extension MatchEvaluation {
    private enum CodingKeys: String, CodingKey {
        case park, parkName, hide, seed, k, depth, maxQueries, activeLinks, hiddenLinks, rows
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(park, forKey: .park)
        try c.encode(parkName, forKey: .parkName)
        try c.encode(options.hide, forKey: .hide)
        try c.encode(String(options.seed), forKey: .seed)
        try c.encode(options.k, forKey: .k)
        try c.encode(options.depth, forKey: .depth)
        try c.encode(options.maxQueries, forKey: .maxQueries)
        try c.encode(activeLinks, forKey: .activeLinks)
        try c.encode(hiddenLinks, forKey: .hiddenLinks)
        try c.encode(rows, forKey: .rows)
    }
}

extension MatchGapFill: Encodable {
    private enum CodingKeys: String, CodingKey {
        case place, rule, level, stage, firm, stageCandidates, suppliers
    }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(place, forKey: .place)
        try c.encode(rule.rawValue, forKey: .rule)
        try c.encode(level.rawValue, forKey: .level)
        try c.encodeIfPresent(stage, forKey: .stage)
        try c.encodeIfPresent(firm, forKey: .firm)
        try c.encode(stageCandidates, forKey: .stageCandidates)
        try c.encode(suppliers, forKey: .suppliers)
    }
}

extension MatchAgenda {
    /// The agenda's best meetings between firms of the park (of `chain` when given: the
    /// requester or the offerer works in it or leads it), best score first, for
    /// `chainmap map --show matches`: each is drawn as a suggested link offerer → requester.
    ///
    /// - Complexity: one index build and agenda (defaults), then O(M log M) for M meetings.
    public static func mapHighlights(park: Park, chain: String?, limit: Int = 40) -> [Meeting] {
        let agenda = MatchIndex(park: park).agenda()
        var inChain = Set<String>()
        if let chain, let c = park.chains.first(where: { $0.id == chain }) {
            let stages = Set(c.stages.map(\.id))
            for f in park.firms where f.leads.contains(chain) || f.stages.contains(where: stages.contains) {
                inChain.insert(f.id)
            }
        }
        let firms = Set(park.firms.map(\.id))
        let meetings = agenda.meetings.filter { m in
            firms.contains(m.offerer) && (chain == nil || inChain.contains(m.requester) || inChain.contains(m.offerer))
        }
        let best = meetings.enumerated().sorted { a, b in
            a.element.suggestion.score.total != b.element.suggestion.score.total
                ? a.element.suggestion.score.total > b.element.suggestion.score.total : a.offset < b.offset
        }
        return best.prefix(max(0, limit)).map(\.element)
    }
}
