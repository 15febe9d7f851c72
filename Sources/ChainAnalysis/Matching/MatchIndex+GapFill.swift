import ChainModel

/// Who could fill one gap finding (补链): firms for the stage, and for a firm-level finding
/// the firm's best new suppliers.
public struct MatchGapFill: Sendable, Equatable {
    /// The finding's place id (`chain/stage<-input/firm/link#i`), rule and kind term.
    public var place: String
    public var rule: GapRule
    public var level: GapLevel
    /// The stage a firm is needed in: the input stage of a template-edge finding, else the
    /// finding's stage.
    public var stage: String?
    /// The firm to find suppliers for: a link's buyer, or the firm of a firm-level finding
    /// (not the sole supplier named by a stage-pair finding).
    public var firm: String?
    /// In-park and outside firms for ``stage`` (see ``MatchIndex/stageCandidates(stage:outside:top:)``).
    public var stageCandidates: [StageCandidate]
    /// Upstream matches of ``firm`` (new suppliers), when the finding names a firm.
    public var suppliers: [MatchSuggestion]
}

extension MatchIndex {
    /// For each finding of a gap report (`chainmap gaps`), the best in-park candidates and,
    /// with `outside`, the best outside firms to attract; for findings about a firm or a
    /// link, that firm's best new suppliers too.
    ///
    /// ```swift
    /// let fills = index.gapFills(GapReport(park: park), top: 5)
    /// ```
    /// - Complexity: per finding one ``stageCandidates(stage:outside:top:)`` and, for firm
    ///   findings, one upstream query.
    public func gapFills(_ report: GapReport, outside: Park? = nil, top: Int = 5, maxFindings: Int = 20)
        -> [MatchGapFill]
    {
        var ws = MatchWorkspace(self)
        var options = MatchOptions()
        options.directions = [.upstream]
        options.top = max(1, top)
        var result: [MatchGapFill] = []
        for f in report.findings.prefix(max(0, maxFindings)) {
            let p = f.place
            let stage = p.inputStage ?? p.stage
            // A firm named with an input stage is the sole supplier of that stage pair: the
            // remedy is another firm in the input stage, not suppliers for it.
            let firm = p.link?.buyer ?? (p.inputStage == nil ? p.firm : nil)
            var suppliers: [MatchSuggestion] = []
            if let firm, let node = graph.node(ofFirm: firm) {
                suppliers = matches(forNode: node, options: options, workspace: &ws).suggestions
            }
            result.append(
                MatchGapFill(
                    place: p.id, rule: f.rule, level: f.severity.level, stage: stage, firm: firm,
                    stageCandidates: stage.map { stageCandidates(stage: $0, outside: outside, top: top) } ?? [],
                    suppliers: suppliers))
        }
        return result
    }
}
