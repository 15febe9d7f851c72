import ChainModel

/// Which side of a firm's business a match serves.
public enum MatchDirection: String, Sendable, CaseIterable, Comparable, Encodable {
    /// Suppliers for the firm's inputs: its supply needs, what it buys now, and the stages
    /// that feed its stages in the chain template.
    case upstream
    /// Buyers for the firm's products: firms in the stages its stages feed, firms that buy or
    /// need what it makes.
    case downstream
    /// Firms or organizations offering a capability the firm needs (automation, molds,
    /// testing, green power, finance…), across product lines.
    case capability

    public static func < (a: MatchDirection, b: MatchDirection) -> Bool { a.order < b.order }
    var order: Int {
        switch self {
        case .upstream: 0
        case .downstream: 1
        case .capability: 2
        }
    }
}

/// The weights of the score's parts. The score of a suggestion is
/// `Σ weight × part / Σ weight` over the parts that apply (``MatchScore``); every part is in
/// 0…1, so the score is too.
public struct MatchWeights: Sendable, Equatable, Encodable {
    /// How well the offer meets the need (concept coverage). Default 0.35.
    public var fit: Double = 0.35
    /// The candidate's stage feeds the firm's stage in the chain template (or the reverse for
    /// buyers). Not used for capability matches. Default 0.15.
    public var template: Double = 0.15
    /// Graph proximity: personalized PageRank from the firm on supply + pairing + membership.
    /// Default 0.15.
    public var proximity: Double = 0.15
    /// Same zone (就近配套). Default 0.03.
    public var locality: Double = 0.03
    /// Capacity against the need's size. Default 0.05.
    public var capacity: Double = 0.05
    /// Chain-leader involvement. Default 0.05.
    public var leader: Double = 0.05
    /// Track record: how many firms the candidate already supplies (upstream) or buys from
    /// (downstream), relative to the best candidate. Not used for capability matches.
    /// Default 0.40.
    public var record: Double = 0.40

    public init() {}

    public init(
        fit: Double, template: Double, proximity: Double, locality: Double, capacity: Double, leader: Double,
        record: Double = 0.40
    ) {
        self.fit = fit
        self.template = template
        self.proximity = proximity
        self.locality = locality
        self.capacity = capacity
        self.leader = leader
        self.record = record
    }
}

/// Where outside firms go in a ranking (就近配套, local sourcing, is the parks' policy).
public enum MatchOutside: String, Sendable, Equatable, Encodable, CaseIterable {
    /// In-park candidates only in the ranking; the best outside firms in their own list, after
    /// them (`FirmMatches.outside`). The default: an in-park candidate always ranks above an
    /// outside one.
    case separate
    /// One ranking by score, outside firms among in-park ones (`--include-outside`); the
    /// locality part is then their only handicap.
    case mixed
    /// No outside firm at all (`--in-park-only`).
    case excluded
}

/// Settings of matchmaking (``MatchIndex``).
///
/// ```swift
/// var options = MatchOptions()
/// options.directions = [.capability]
/// options.top = 5
/// options.weights.proximity = 0.4
/// ```
public struct MatchOptions: Sendable, Equatable {
    public var weights = MatchWeights()
    /// Directions to match. Default all three.
    public var directions: Set<MatchDirection> = Set(MatchDirection.allCases)
    /// Suggestions kept per firm and direction. Default 10.
    public var top: Int = 10
    /// Whether solved needs count (default false: open and in-progress needs only).
    public var includeSolvedNeeds: Bool = false
    /// Teleport probability α of the personalized PageRank. Default 0.15.
    public var teleport: Double = 0.15
    /// Push threshold ε of the local push: a node is pushed while its residual is at least
    /// ε × its degree. Default 1e-5 (the benchmark's figures are the same as with 1e-6, 6× faster). Smaller is
    /// more precise and slower (work ≤ 1/(ε·α) edge visits).
    public var pushEpsilon: Double = 1e-5
    /// Decades of PageRank below the best candidate that the proximity part spans (log scale).
    /// Default 1.5: a candidate with 1/30 of the best candidate's PageRank gets 0.
    public var proximityDecades: Double = 1.5
    /// Firms read from each inverted-index list (makers of a concept, buyers of a concept,
    /// firms of a stage), largest output first. Firms the PageRank push reaches are read
    /// whatever their rank. Bounds a query's work in very large parks. Default 2000.
    public var scanLimit: Int = 2000
    /// Where firms outside the park (`inPark: false`) go. Default ``MatchOutside/separate``:
    /// local first (就近配套) — the ranking holds in-park firms (and agencies) only, and the best
    /// outside firms are listed apart, after them.
    public var outside: MatchOutside = .separate
    /// Whether firms outside the park may be suggested at all (``outside`` is not
    /// ``MatchOutside/excluded``); setting it true keeps a separate or mixed policy.
    public var includeOutside: Bool {
        get { outside != .excluded }
        set { outside = newValue ? (outside == .excluded ? .separate : outside) : .excluded }
    }
    /// The concept table (``MatchVocabulary/standard`` unless `--vocabulary` replaces or
    /// `--vocabulary-extend` extends it); the park's stages are added when it is indexed.
    public var vocabulary: MatchVocabulary = .standard

    public init() {}
}
