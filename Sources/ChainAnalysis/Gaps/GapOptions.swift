import ChainModel

/// Thresholds of a ``GapReport``, each with a documented default (see `docs/GAPS.md`).
///
/// ```swift
/// var options = GapOptions()
/// options.singleSourceShare = 0.7   // one supplier with 70 % of an input is a single source
/// options.chain = "nev"             // only this chain
/// let report = GapReport(park: park, options: options)
/// ```
public struct GapOptions: Sendable, Equatable, Encodable {
    /// Only this chain (its id); nil: every chain.
    public var chain: String?
    /// A stage's in-park supply of an input stage is concentrated (细链) when one in-park
    /// supplier carries at least this share of it; a buyer is single-sourced when one supplier
    /// carries at least this share of its supply of the input stage. Default 0.8.
    public var singleSourceShare: Double = 0.8
    /// … or when the Herfindahl index of the in-park suppliers' shares reaches this (0.6: one
    /// firm, or two very unequal ones, carry it; two equal suppliers give 0.5). Default 0.6.
    public var concentrationHHI: Double = 0.6
    /// … or when the buyers that are single-sourced get at least this share of the stage's
    /// supply of the input stage (per buyer group). Default 0.5.
    public var singleSourcedBuyers: Double = 0.5
    /// Lost links over a template edge make a broken finding (`lost-link`) when their value is
    /// at least this share of the in-park supply before the loss (active + lost). Default 0.5.
    public var lostShare: Double = 0.5
    /// An input stage is sourced mostly from outside when at least this share of its link value
    /// into the stage's in-park firms comes over non-local links. Default 0.5.
    public var outsideShare: Double = 0.5
    /// A chain is thin when the flow that can pass from its source stages to its end products
    /// is below this share of the end products' demand. Default 0.5.
    public var thinRatio: Double = 0.5
    /// Articulation points and bridges are reported when their removal separates at least this
    /// many firms from the rest of their supply component. Default 2 (a bridge to a single
    /// firm is already a single-source finding).
    public var minFirmsCutOff: Int = 2
    /// Links of the cut named in a thin finding (the largest first). Default 5.
    public var cutLinksShown: Int = 5
    /// Remedy candidates named per finding (in-park firms, and outside candidates). Default 3.
    public var remedyCandidates: Int = 3
    /// Need kinds that make a choke point when a single point of failure raised them (open or
    /// in progress). Default finance, talent, capability.
    public var blockingNeedKinds: Set<NeedKind> = [.finance, .talent, .capability]
    /// Only findings of these kinds; nil: every kind.
    public var kinds: Set<GapKind>?
    /// Findings kept in ``GapReport/findings`` (most severe first); 0: all. Counts and
    /// ``GapReport/findingsTotal`` stay complete.
    public var limit: Int = 0
    /// The concept table that ranks `--candidates` for a stage (``MatchVocabulary/standard``
    /// unless `--vocabulary` replaces or `--vocabulary-extend` extends it): the same one
    /// `match stage` uses, so both pick the same best candidate. Not written to the report
    /// (a vocabulary is a file the user named, not a threshold).
    public var vocabulary: MatchVocabulary = .standard

    public init() {}

    private enum CodingKeys: String, CodingKey {
        case chain, kinds, singleSourceShare, concentrationHHI, singleSourcedBuyers, lostShare, outsideShare, thinRatio,
            minFirmsCutOff, blockingNeedKinds, limit
    }

    /// Sets as arrays in declaration order, so the bytes never depend on hashing.
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encodeIfPresent(chain, forKey: .chain)
        if let kinds { try c.encode(GapKind.allCases.filter(kinds.contains), forKey: .kinds) }
        try c.encode(singleSourceShare, forKey: .singleSourceShare)
        try c.encode(concentrationHHI, forKey: .concentrationHHI)
        try c.encode(singleSourcedBuyers, forKey: .singleSourcedBuyers)
        try c.encode(lostShare, forKey: .lostShare)
        try c.encode(outsideShare, forKey: .outsideShare)
        try c.encode(thinRatio, forKey: .thinRatio)
        try c.encode(minFirmsCutOff, forKey: .minFirmsCutOff)
        try c.encode(NeedKind.allCases.filter(blockingNeedKinds.contains), forKey: .blockingNeedKinds)
        try c.encode(limit, forKey: .limit)
    }
}
