extension GeneratorRun {
    /// Records the planted gaps (after links and organizations exist) and adds the blocking need.
    mutating func recordGaps() {
        func chainId(_ s: Int) -> String { templates[stages[s].chain].id }
        func label(_ s: Int) -> String { "\(stages[s].t.id) (\(stages[s].t.name))" }
        if let s = plan.broken {
            let consumers = stages[s].consumers.map { stages[$0].t.id }
            gaps.append(PlantedGap(
                kind: .broken, place: .init(chain: chainId(s), stages: [stages[s].t.id]),
                sentence: "Required stage \(label(s)) of chain \(chainId(s)) has no firm, so \(consumers.joined(separator: ", ")) get none of its product."))
        }
        var weakFirm: Int?
        if let s = plan.weak {
            let f = inPool[s].first { firmStage[Int($0)] == Int32(s) }.map(Int.init)
            weakFirm = f
            if let f {
                let buyers = links.reduce(into: 0) { acc, l in if l.supplier == ids[f] { acc += 1 } }
                // 细链, not 弱链: the stage's in-park supply rests on one firm, so its loss would
                // cut every buyer (docs/GAPS.md); 弱链 is supply bought mostly from outside.
                gaps.append(PlantedGap(
                    kind: .thin, place: .init(chain: chainId(s), stages: [stages[s].t.id], firms: [ids[f]]),
                    sentence: "Stage \(label(s)) has a single firm, \(ids[f]), the only supplier of all \(buyers) buyers of \(stages[s].t.product)."))
            }
        }
        if let s = plan.thin {
            gaps.append(PlantedGap(
                kind: .thin,
                place: .init(chain: chainId(s), stages: [stages[s].t.id], firms: thinFirms.map { ids[Int($0)] }, links: thinLinkIds),
                sentence: "Stage \(label(s)) has \(thinFirms.count) small low-capacity firms passing \(stages[s].t.product) downstream through only \(thinLinkIds.count) links."))
        }
        if let c = plan.shortChain {
            let listed = plan.shortOutside + plan.shortEmpty
            gaps.append(PlantedGap(
                kind: .short, place: .init(chain: templates[c].id, stages: listed.map { stages[$0].t.id }),
                sentence: "Chain \(templates[c].id) is short: upstream stages \(plan.shortOutside.map { stages[$0].t.id }.joined(separator: ", ")) have firms only outside the park, and extension stages \(plan.shortEmpty.map { stages[$0].t.id }.joined(separator: ", ")) have none."))
        }
        if let f = weakFirm, let s = plan.weak {
            let id = "n-gap-blocking"
            needs.append(Need(
                id: id, firm: ids[f], kind: .finance, tags: ["卡点", "融资", "扩产"],
                text: "唯一供应商扩产资金缺口:一旦停产,下游全部断供", status: .open, responder: "ag-bank"))
            gaps.append(PlantedGap(
                kind: .blockingNeed, place: .init(chain: chainId(s), stages: [stages[s].t.id], firms: [ids[f]], needs: [id]),
                sentence: "Open finance need \(id) of \(ids[f]), the single supplier of stage \(label(s))."))
        }
    }
}
