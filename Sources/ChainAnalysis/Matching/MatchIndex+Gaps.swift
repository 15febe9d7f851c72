import ChainModel
import Foundation

/// A firm that could fill a gap at a stage (补链): work in the stage, or supply what its firms
/// supply.
public struct StageCandidate: Sendable, Equatable, Encodable {
    public var firm: String
    public var firmName: String
    /// Whether the firm is already in the park (else it comes from the outside list).
    public var inPark: Bool
    /// Share of the concepts of the firm's best product that the stage supplies, 0…1 (at least
    /// 0.5 for an outside firm that lists the stage).
    public var fit: Double
    /// Whether the firm already lists the stage.
    public var sameStage: Bool
    /// Annual output, when known.
    public var output: Double?
    /// What it makes that matches, in its own words.
    public var offer: String
    /// `(fit + 0.2 when the firm already works in the stage + up to 0.1 for size) / 1.3`, in
    /// 0…1 like every other match score.
    public var score: Double
}

extension MatchIndex {
    /// The best candidates to fill a broken or weak stage (补链招商): in-park firms that make
    /// what the stage supplies (its firms' products and the products on its outgoing links)
    /// but do not work in it yet; and, from `outside` (a park file or CSV bundle of firms one
    /// could attract), the outside firms that make it, ranked the same way.
    ///
    /// Score = (fit + 0.2 if the firm already lists the stage (an outside firm of the same
    /// stage) + 0.1 × min(1, log10(output / 10⁶) / 4) for size) / 1.3, so it stays in 0…1.
    /// Ties: in-park first, then output, then park order. `chainmap gaps --candidates` ranks
    /// outside firms for a stage by this same list.
    ///
    /// ```swift
    /// let list = index.stageCandidates(stage: "pl-resin", top: 5)
    /// ```
    /// - Complexity: O(S + M) for the stage's S firms and links and M makers of its concepts;
    ///   plus O(F') over the outside park's firms.
    public func stageCandidates(stage: String, outside: Park? = nil, top: Int = 10) -> [StageCandidate] {
        guard let s = stageIds.firstIndex(of: stage) else { return [] }
        // What the stage supplies: products of its firms, products of their outgoing links,
        // and the stage's name.
        var texts: [String] = [stageNames[s]]
        var members = Set<Int32>()
        let g = graph.graph
        for k in Int(stageFirmStart[s])..<Int(stageFirmStart[s + 1]) {
            let f = stageFirms[k]
            members.insert(f)
            texts += park.firms[Int(f)].products
            for e in g.outEdgeRange(of: f) where g.layers[e] == .supply {
                let l = Int(graph.linkOfEdge[e])
                if l >= 0, let p = park.links[l].product { texts.append(p) }
            }
        }
        var unique: [String] = []
        var seenText = Set<String>()
        for t in texts where seenText.insert(t).inserted { unique.append(t) }
        let wanted = Set(vocabulary.concepts(of: unique).filter { !$0.hasPrefix("=") || unique.count == 1 })
        func score(products: [String], output: Double?, sameStage: Bool) -> (fit: Double, offer: String, score: Double)
        {
            var best = 0.0
            var offer = ""
            for p in products {
                let c = Set(vocabulary.concepts(of: p))
                guard !c.isEmpty else { continue }
                let hit = Double(c.intersection(wanted).count) / Double(c.count)
                if hit > best {
                    best = hit
                    offer = p
                }
            }
            let size = output.map { min(1, max(0, log10(max($0, 1) / 1e6) / 4)) } ?? 0
            let fit = sameStage ? max(best, 0.5) : best
            return (fit, offer, (fit + (sameStage ? 0.2 : 0) + 0.1 * size) / 1.3)
        }
        var result: [StageCandidate] = []
        var considered = Set<Int32>()
        for c in wanted.sorted() {
            guard let id = conceptNames.firstIndex(of: c) else { continue }
            for k in Int(makersStart[id])..<Int(makersStart[id + 1]) {
                let f = makers[k]
                guard !members.contains(f), inPark[Int(f)], considered.insert(f).inserted else { continue }
                let firm = park.firms[Int(f)]
                let r = score(products: firm.products, output: firm.output, sameStage: false)
                guard r.fit > 0 else { continue }
                result.append(
                    StageCandidate(
                        firm: firm.id, firmName: firm.name, inPark: true, fit: r.fit, sameStage: false,
                        output: firm.output,
                        offer: r.offer, score: r.score))
            }
        }
        if let outside {
            for firm in outside.firms {
                let same = firm.stages.contains(stage)
                let r = score(products: firm.products, output: firm.output, sameStage: same)
                guard r.fit > 0 else { continue }
                result.append(
                    StageCandidate(
                        firm: firm.id, firmName: firm.name, inPark: false, fit: r.fit, sameStage: same,
                        output: firm.output,
                        offer: r.offer, score: r.score))
            }
        }
        // Stable order: score, then in-park first, then output (largest first), then the order
        // found.
        let ordered = result.enumerated().sorted { a, b in
            if a.element.score != b.element.score { return a.element.score > b.element.score }
            if a.element.inPark != b.element.inPark { return a.element.inPark }
            let oa = a.element.output ?? 0, ob = b.element.output ?? 0
            if oa != ob { return oa > ob }
            return a.offset < b.offset
        }
        return ordered.prefix(max(0, top)).map(\.element)
    }
}
