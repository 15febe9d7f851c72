import ChainModel

/// The kind of a chain gap, in the order ties are broken (断链, 弱链, 细链, 短链, then the
/// blocking needs). Each kind answers one of Wujin's four tasks (断链连通, 弱链变强, 细链增粗,
/// 短链延长) and comes from its own rule family; one place gets one finding.
public enum GapKind: String, Sendable, CaseIterable, Comparable, Encodable, CodingKeyRepresentable {
    /// 断链: the chain is cut between in-park stages: a required mid-chain stage has no
    /// in-park firm, two in-park stages have no link, or the in-park supply between them was lost.
    case broken
    /// 弱链: in-park supply covers only a small share of a stage's in-park demand (most comes
    /// from outside).
    case weak
    /// 细链: a stage's in-park flow is concentrated in one or two firms (or one firm or link
    /// holds the network together), so one loss would cut it; or too little flows end to end.
    case thin
    /// 短链: the chain stops before its downstream end or starts after its upstream.
    case short
    /// 难点/卡点: an open finance, talent or capability need of a single point of failure.
    case blockingNeed = "blocking-need"

    public static func < (a: GapKind, b: GapKind) -> Bool { a.order < b.order }
    var order: Int { Self.allCases.firstIndex(of: self) ?? 0 }
}

/// The rule that produced a finding (each kind has its own rules).
public enum GapRule: String, Sendable, CaseIterable, Encodable {
    /// Broken: a required mid-chain stage has no in-park firm.
    case missingStage = "missing-stage"
    /// Broken: a template edge input → stage with in-park firms on both sides and no active
    /// link between them.
    case noStageLink = "no-stage-link"
    /// Broken: most of the in-park supply over a template edge was lost (lost links summed
    /// per stage pair).
    case lostLink = "lost-link"
    /// Weak: an input stage sourced mostly outside the park.
    case outsideSourcing = "outside-sourcing"
    /// Thin: a stage's in-park supply of an input stage concentrated in one or two firms.
    case concentration
    /// Thin: an articulation point of the supply layer.
    case articulationPoint = "articulation-point"
    /// Thin: a bridge link of the supply layer.
    case bridge
    /// Thin: max-flow from source to sink stages far below the end products' demand.
    case thinFlow = "thin-flow"
    /// Short: stages at the chain's ends (or optional ones) without in-park firms.
    case shortChain = "short-chain"
    /// Blocking need: open finance/talent/capability need of a single point of failure.
    case blockingNeed = "blocking-need"

    /// The kind this rule reports.
    public var kind: GapKind {
        switch self {
        case .missingStage, .noStageLink, .lostLink: .broken
        case .outsideSourcing: .weak
        case .concentration, .articulationPoint, .bridge, .thinFlow: .thin
        case .shortChain: .short
        case .blockingNeed: .blockingNeed
        }
    }
}

/// How urgent a finding is; ranks findings before their amounts.
public enum GapLevel: String, Sendable, CaseIterable, Comparable, Encodable {
    case info, warning, critical
    public static func < (a: GapLevel, b: GapLevel) -> Bool { a.rank < b.rank }
    var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .critical: 2
        }
    }
}

/// Unit of a finding's severity value.
public enum SeverityUnit: String, Sendable, CaseIterable, Encodable {
    /// Output value in RMB per year.
    case rmb
    /// A number of firms.
    case firms
    /// A fraction 0–1 (share of an input, of a demand, of a stage's capacity).
    case share
    /// A number of template stages.
    case stages
}

/// The size of a finding: a number with its unit, a level, and the output value at risk.
public struct GapSeverity: Sendable, Equatable, Encodable {
    public var value: Double
    public var unit: SeverityUnit
    public var level: GapLevel
    /// Output value at risk downstream in RMB per year (0 when not known), used to rank
    /// findings of one level.
    public var atRisk: Double

    public init(value: Double, unit: SeverityUnit, level: GapLevel, atRisk: Double) {
        self.value = value
        self.unit = unit
        self.level = level
        self.atRisk = atRisk
    }
}

/// A supply link named by a finding.
public struct GapLinkRef: Sendable, Equatable, Encodable {
    /// Position of the link in `park.links`.
    public var index: Int
    public var id: String?
    public var supplier: String
    public var buyer: String
    public var product: String?
    public var value: Double?
}

/// Where a finding is: a chain, a stage (with the input stage for template-edge findings), a
/// firm or a link. ``id`` orders findings of equal severity.
public struct GapPlace: Sendable, Equatable, Encodable {
    public var chain: String?
    public var stage: String?
    /// For findings about a template edge `inputStage → stage`.
    public var inputStage: String?
    public var firm: String?
    public var link: GapLinkRef?

    public init(
        chain: String? = nil, stage: String? = nil, inputStage: String? = nil, firm: String? = nil,
        link: GapLinkRef? = nil
    ) {
        self.chain = chain
        self.stage = stage
        self.inputStage = inputStage
        self.firm = firm
        self.link = link
    }

    /// `chain/stage<-input/firm/link#index`, the parts present.
    public var id: String {
        var parts: [String] = []
        if let chain { parts.append(chain) }
        if let stage { parts.append(inputStage.map { "\(stage)<-\($0)" } ?? stage) }
        if let firm { parts.append(firm) }
        if let link { parts.append("link#\(link.index)") }
        return parts.joined(separator: "/")
    }

    private enum CodingKeys: String, CodingKey { case id, chain, stage, inputStage, firm, link }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encodeIfPresent(chain, forKey: .chain)
        try c.encodeIfPresent(stage, forKey: .stage)
        try c.encodeIfPresent(inputStage, forKey: .inputStage)
        try c.encodeIfPresent(firm, forKey: .firm)
        try c.encodeIfPresent(link, forKey: .link)
    }
}

/// A fact behind a finding, as data.
public enum GapFactValue: Sendable, Equatable, Encodable {
    case number(Double)
    case text(String)
    case list([String])

    /// A fact encodes as its plain value: a number, a string or an array of strings.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .number(let d): try c.encode(d)
        case .text(let s): try c.encode(s)
        case .list(let l): try c.encode(l)
        }
    }
}

/// The facts that triggered a finding: a sentence (a catalog `Message` whose figures are
/// typed arguments) and the same facts as data.
public struct GapEvidence: Sendable, Equatable, Encodable {
    /// The sentence, e.g. `gaps.evidence.missing-stage`; rendered by `ChainOutput`.
    public var message: Message
    /// Named facts in a fixed order.
    public var facts: [(key: String, value: GapFactValue)]
    /// Links the evidence points at besides the place (e.g. the minimum cut of a thin chain).
    public var links: [GapLinkRef]

    public init(_ message: Message, facts: [(key: String, value: GapFactValue)] = [], links: [GapLinkRef] = []) {
        self.message = message
        self.facts = facts
        self.links = links
    }

    /// The value of the fact `key`, if the evidence has it.
    public func fact(_ key: String) -> GapFactValue? { facts.first { $0.key == key }?.value }

    public static func == (a: GapEvidence, b: GapEvidence) -> Bool {
        a.message == b.message && a.facts.map(\.key) == b.facts.map(\.key)
            && a.facts.map(\.value) == b.facts.map(\.value) && a.links == b.links
    }

    private struct FactKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    private enum CodingKeys: String, CodingKey { case message, facts, links }

    /// `{"message", "facts": {key: value}, "links"}`; links only when there are any.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(message, forKey: .message)
        var f = c.nestedContainer(keyedBy: FactKey.self, forKey: .facts)
        for fact in facts { try f.encode(fact.value, forKey: FactKey(stringValue: fact.key)) }
        if !links.isEmpty { try c.encode(links, forKey: .links) }
    }
}

/// A firm as named in findings: id and name.
public struct GapFirmRef: Sendable, Equatable, Hashable, Encodable {
    public var id: String
    public var name: String
    public init(id: String, name: String) {
        self.id = id
        self.name = name
    }
}

/// A supply link a remedy proposes: supplier → buyer (firm ids).
public struct GapSuggestedLink: Sendable, Equatable, Encodable {
    public var supplier: String
    public var buyer: String
    public init(supplier: String, buyer: String) {
        self.supplier = supplier
        self.buyer = buyer
    }
}

/// What to do about a finding.
public struct GapRemedy: Sendable, Equatable, Encodable {
    /// The advice as a catalog `Message` (补链招商, 供需对接, 就近配套, …).
    public var message: Message
    /// The stage to attract a firm for (补链招商), if that is the remedy.
    public var attractStage: String?
    /// In-park firms that could supply or link, best first.
    public var inPark: [GapFirmRef]
    /// Outside candidates (from `--candidates`) that fit, best first.
    public var candidates: [GapFirmRef]
    /// Supply links to build (supplier → buyer), e.g. for a stage pair with no link.
    public var suggestedLinks: [GapSuggestedLink]

    public init(
        _ message: Message, attractStage: String? = nil, inPark: [GapFirmRef] = [], candidates: [GapFirmRef] = [],
        suggestedLinks: [GapSuggestedLink] = []
    ) {
        self.message = message
        self.attractStage = attractStage
        self.inPark = inPark
        self.candidates = candidates
        self.suggestedLinks = suggestedLinks
    }

    private enum CodingKeys: String, CodingKey { case message, attractStage, inPark, candidates, suggestedLinks }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(message, forKey: .message)
        try c.encodeIfPresent(attractStage, forKey: .attractStage)
        try c.encode(inPark, forKey: .inPark)
        try c.encode(candidates, forKey: .candidates)
        if !suggestedLinks.isEmpty { try c.encode(suggestedLinks, forKey: .suggestedLinks) }
    }
}

/// One gap in a chain: its kind, severity, place, evidence and remedy.
public struct GapFinding: Sendable, Equatable, Encodable {
    public var rule: GapRule
    public var kind: GapKind { rule.kind }
    public var severity: GapSeverity
    public var place: GapPlace
    public var evidence: GapEvidence
    public var remedy: GapRemedy

    public init(rule: GapRule, severity: GapSeverity, place: GapPlace, evidence: GapEvidence, remedy: GapRemedy) {
        self.rule = rule
        self.severity = severity
        self.place = place
        self.evidence = evidence
        self.remedy = remedy
    }

    private enum CodingKeys: String, CodingKey { case kind, rule, severity, place, evidence, remedy }

    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(kind, forKey: .kind)
        try c.encode(rule, forKey: .rule)
        try c.encode(severity, forKey: .severity)
        try c.encode(place, forKey: .place)
        try c.encode(evidence, forKey: .evidence)
        try c.encode(remedy, forKey: .remedy)
    }

    /// Ranking: level (critical first), output value at risk, severity value (larger first),
    /// then kind, rule and place id.
    static func ranksBefore(_ a: GapFinding, _ b: GapFinding) -> Bool {
        ranksBefore(a, b, a.place.id, b.place.id)
    }

    /// The same with the place ids given (computed once when sorting many findings).
    static func ranksBefore(_ a: GapFinding, _ b: GapFinding, _ aId: String, _ bId: String) -> Bool {
        if a.severity.level != b.severity.level { return a.severity.level > b.severity.level }
        if a.severity.atRisk != b.severity.atRisk { return a.severity.atRisk > b.severity.atRisk }
        if a.severity.value != b.severity.value { return a.severity.value > b.severity.value }
        if a.kind != b.kind { return a.kind < b.kind }
        if a.rule != b.rule { return a.rule.rawValue < b.rule.rawValue }
        return aId < bId
    }
}
