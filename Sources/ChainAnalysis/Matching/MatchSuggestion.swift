import ChainModel

/// The named parts of a suggestion's score, each in 0…1 (nil: the part does not apply and
/// is left out of the weighted mean).
public struct MatchScore: Sendable, Equatable, Encodable {
    /// Concept coverage of the need by the offer: matched concepts / concepts of the need item.
    public var fit: Double
    /// 1 when the supplier's stage is an input of the buyer's stage in the chain template, 0.3
    /// when both sit in the same chain, 0 otherwise; nil for capability matches.
    public var template: Double?
    /// Personalized PageRank of the candidate from the firm, on a log scale relative to the
    /// best candidate (1 = best, 0 = `proximityDecades` lower or unreached).
    public var proximity: Double
    /// 1 same zone, 0.5 both in the park, 0 the candidate is outside the park.
    public var locality: Double
    /// `0.5 + 0.25 · log10(capacity / size)` clamped to 0…1 (0.5 when unknown): the need's
    /// quantity against the candidate's capacity, else the buyer's purchases per supplier
    /// against the supplier's output.
    public var capacity: Double
    /// 1 the candidate leads a chain of the firm (or the firm one of the candidate's), 0.5 it
    /// trades with such a chain leader, 0 otherwise.
    public var leader: Double
    /// `√(links / most links among the candidates)`: the candidate's active
    /// supply links as supplier (upstream) or buyer (downstream); nil for capability matches.
    public var record: Double?
    /// The weighted mean of the parts that apply.
    public var total: Double

    public init(
        fit: Double, template: Double?, proximity: Double, locality: Double, capacity: Double, leader: Double,
        record: Double? = nil, weights: MatchWeights
    ) {
        self.fit = fit
        self.template = template
        self.proximity = proximity
        self.locality = locality
        self.capacity = capacity
        self.leader = leader
        self.record = record
        var sum =
            weights.fit * fit + weights.proximity * proximity + weights.locality * locality
            + weights.capacity * capacity + weights.leader * leader
        var norm = weights.fit + weights.proximity + weights.locality + weights.capacity + weights.leader
        if let template {
            sum += weights.template * template
            norm += weights.template
        }
        if let record {
            sum += weights.record * record
            norm += weights.record
        }
        total = norm > 0 ? sum / norm : 0
    }
}

/// A trust channel between a firm and a candidate: an organization both belong to (a chain
/// committee, an alliance), or a pairing between them or their organizations.
public struct MatchChannel: Sendable, Hashable, Encodable {
    public enum Kind: String, Sendable, Encodable {
        /// Both belong to the organization ``name``.
        case organization
        /// ``name`` is paired with ``partner`` (结对).
        case pairing
    }

    public var kind: Kind
    /// The shared organization, or the first party of the pairing (display names).
    public var name: String
    /// The other party of a pairing.
    public var partner: String?

    public init(kind: Kind, name: String, partner: String? = nil) {
        self.kind = kind
        self.name = name
        self.partner = partner
    }

    /// The channel as a clause of an explanation: `match.why.sharedOrganization` or
    /// `match.why.paired`.
    public var message: Message {
        switch kind {
        case .organization: Message("match.why.sharedOrganization", ["organization": .text(name)])
        case .pairing: Message("match.why.paired", ["a": .text(name), "b": .text(partner ?? "")])
        }
    }
}

/// One suggested match: a candidate for one need (or input, or product) of a firm.
public struct MatchSuggestion: Sendable, Equatable, Encodable {
    /// The firm the suggestions are for.
    public var firm: String
    public var direction: MatchDirection
    /// The candidate: a firm id, or an organization id for capability matches.
    public var candidate: String
    public var candidateName: String
    /// Whether the candidate is a firm (else an organization, e.g. an agency or bank).
    public var candidateIsFirm: Bool
    /// The need this answers, when it comes from a need record.
    public var need: String?
    /// What is matched, in the data's words: the product or capability, e.g. `自动化研发`.
    public var offer: String
    /// What is needed, in the data's words, e.g. `自动化`.
    public var wanted: String
    public var score: MatchScore
    /// Organizations both sides belong to, and pairings that connect them (trust channels).
    public var channels: [MatchChannel]
    /// One sentence: why this match (`match.why…`; every name in it is a field above).
    public var explanation: Message

    /// The requesting side (buyer or needer) and the offering side (supplier or provider).
    public var requester: String { direction == .downstream ? candidate : firm }
    public var offerer: String { direction == .downstream ? firm : candidate }
}

/// The suggestions for one firm, by direction, best first.
public struct FirmMatches: Sendable, Equatable, Encodable {
    public var firm: String
    public var firmName: String
    /// Suggestions, grouped by direction (upstream, downstream, capability), best first within
    /// a direction; ties broken by candidate node (park order). In-park firms and agencies only
    /// unless ``MatchOptions/outside`` is ``MatchOutside/mixed``.
    public var suggestions: [MatchSuggestion]
    /// With ``MatchOutside/separate`` (the default): the best outside firms, by direction, best
    /// first — listed after the in-park ones (就近配套 first).
    public var outside: [MatchSuggestion] = []

    /// The suggestions of one direction.
    public func suggestions(_ direction: MatchDirection) -> [MatchSuggestion] {
        suggestions.filter { $0.direction == direction }
    }
}
