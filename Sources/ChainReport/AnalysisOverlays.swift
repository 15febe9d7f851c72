import ChainAnalysis
import ChainModel
import ChainOutput
import ChainRender

/// Analyses drawn on the chain map: each turns a park (and an optional chain filter) into map
/// overlays, for `chainmap map --show gaps|matches` and any other caller that wants the same
/// picture.
public enum AnalysisOverlays {
    /// Findings drawn by `--show gaps` (the most severe first).
    public static let mapFindings = 40

    /// The gap findings of `park` as map overlays: a link, firm or stage highlight per finding
    /// (coloured by level), the missing stages of short chains and the cut links of thin chains,
    /// labelled in `catalog`'s language.
    ///
    /// Remedies' suggested links are drawn as dashed green links labelled 补链 (the DOT writer
    /// gives such non-constraining edges an `xlabel`, which Graphviz 2.43 needs).
    ///
    /// - Complexity: one gap analysis of `park` (see ``GapReport``), then O(findings shown).
    public static func gaps(park: Park, chain: String?, catalog: Catalog) -> [MapOverlay] {
        var options = GapOptions()
        options.chain = chain
        options.limit = mapFindings
        return gaps(GapReport(park: park, options: options), catalog: catalog)
    }

    /// The findings of `report` as map overlays (see ``gaps(park:chain:catalog:)``).
    ///
    /// - Complexity: O(findings + their evidence links).
    public static func gaps(_ report: GapReport, catalog: Catalog) -> [MapOverlay] {
        var result: [MapOverlay] = []
        let suggested = catalog(Message("gaps.map.suggestedLink"))
        for f in report.findings {
            let level: Severity =
                f.severity.level == .critical ? .critical : f.severity.level == .warning ? .warning : .info
            let label = catalog(
                Message("gaps.map.label", ["kind": .message(.term(f.kind)), "rule": .message(.term(f.rule))]))
            let p = f.place
            if let l = p.link {
                result.append(.highlight(link: l.supplier, l.buyer, severity: level, label: label))
            } else if let firm = p.firm {
                result.append(.highlight(firm: firm, severity: level, label: label))
            } else if let stage = p.stage {
                result.append(.highlight(stage: stage, severity: level, label: label))
            }
            if f.rule == .shortChain {
                for key in ["missingUpstream", "missingMidstream", "missingDownstream"] {
                    if case .list(let stages) = f.evidence.fact(key) {
                        for s in stages { result.append(.highlight(stage: s, severity: level, label: label)) }
                    }
                }
            }
            for l in f.evidence.links {
                result.append(.highlight(link: l.supplier, l.buyer, severity: level, label: nil))
            }
            for s in f.remedy.suggestedLinks {
                result.append(.suggestedLink(from: s.supplier, to: s.buyer, label: suggested))
            }
        }
        return result
    }

    /// The park agenda's best meetings as suggested links, for `--show matches`.
    ///
    /// - Complexity: one agenda run (see ``MatchAgenda``), then O(meetings shown).
    public static func matches(park: Park, chain: String?) -> [MapOverlay] {
        MatchAgenda.mapHighlights(park: park, chain: chain).map { m in
            .suggestedLink(from: m.offerer, to: m.requester, label: m.suggestion.offer, score: m.suggestion.score.total)
        }
    }
}
