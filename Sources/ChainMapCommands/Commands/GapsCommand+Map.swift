import ChainAnalysis
import ChainModel
import ChainOutput
import ChainRender
import Foundation

extension GapsCommand {
    /// Findings drawn by `chainmap map --show gaps` (the most severe first).
    static let mapFindings = 40

    /// The gap findings of `park` as map overlays: a link, firm or stage highlight per
    /// finding (coloured by level), the missing stages of short chains and the cut links of thin
    /// chains. Labels are in the language of `--lang` or `CHAINMAP_LANG` (Chinese by default).
    ///
    /// Remedies' suggested links are drawn as dashed green links labelled 补链 (the DOT writer
    /// gives such non-constraining edges an `xlabel`, which Graphviz 2.43 needs).
    static func mapOverlays(park: Park, chain: String?) -> [MapOverlay] {
        var options = GapOptions()
        options.chain = chain
        options.limit = mapFindings
        return overlays(GapReport(park: park, options: options), catalog: StderrText.catalog)
    }

    static func overlays(_ r: GapReport, catalog: Catalog) -> [MapOverlay] {
        var result: [MapOverlay] = []
        let suggested = catalog(Message("gaps.map.suggestedLink"))
        for f in r.findings {
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
}
