import Foundation
import Testing
@testable import ChainAnalysis
import ChainGraph

/// A park with one complete chain (`ok`, no gap) and one chain with a gap of every kind
/// planted (`g`).
///
/// Chain ok: raw → part → end, firms R1 R2 | P1 P2 | E1 E2, every buyer with two local
/// suppliers of 50 % each: biconnected, no single source, flow = demand.
///
/// Chain g: g-raw → g-mid → g-end, g-raw → g-side → g-end, g-anode → g-end (required, empty),
/// g-recycle after g-end (optional, empty).
///
/// | link             | product | value | note                                            |
/// |------------------|---------|-------|-------------------------------------------------|
/// | gR1 → gM1        | 钢      | 10    | single source of gM1; g-mid gets g-raw only from gR1 |
/// | gR1 → gM2        | 钢      | 10    |                                                 |
/// | gR2 → gM2        | 钢      | 10    | lost                                            |
/// | gM1 → gE1, gE2   | 部件    | 40    |                                                 |
/// | gM2 → gE1, gE2   | 部件    | 40    |                                                 |
/// | gM1 → gK1        | 部件    | 5     | bridge: {gK1, gK2} hang on gM1 (articulation)    |
/// | gK1 → gK2        | 组件    | 5     |                                                 |
/// | gS1 → gE1        | 侧件    | 5     | g-side has a firm but no g-raw link: broken     |
/// | gO1 → gE1 / gE2  | 侧件    | 200 / 150 | outside (gO1 not in park): outside sourcing |
///
/// Demand of g-end: gE1 285 + gE2 230 + gK1 5 = 520; the flow that traces back to g-raw is
/// 85 (through gM1) + 80 (gM2) = 165, 32 % < 50 %: thin. gM1 raises an open finance need.
func plantedPark() -> Park {
    let ok = Chain(id: "ok", name: "完整链", stages: [
        Stage(id: "ok-raw", name: "原料", tier: .upstream),
        Stage(id: "ok-part", name: "部件", tier: .midstream, inputs: ["ok-raw"]),
        Stage(id: "ok-end", name: "整机", tier: .downstream, inputs: ["ok-part"]),
    ])
    let g = Chain(id: "g", name: "缺口链", stages: [
        Stage(id: "g-raw", name: "原料", tier: .upstream),
        Stage(id: "g-anode", name: "负极", tier: .midstream),
        Stage(id: "g-mid", name: "部件", tier: .midstream, inputs: ["g-raw"]),
        Stage(id: "g-side", name: "侧件", tier: .midstream, inputs: ["g-raw"]),
        Stage(id: "g-end", name: "整机", tier: .downstream, inputs: ["g-mid", "g-side", "g-anode"]),
        Stage(id: "g-recycle", name: "回收", tier: .downstream, inputs: ["g-end"], required: false),
    ])
    func firm(_ id: String, _ stage: String, _ output: Double, inPark: Bool = true) -> Firm {
        Firm(id: id, name: "企业" + id, stages: [stage], output: output, inPark: inPark)
    }
    let firms = [
        firm("R1", "ok-raw", 100), firm("R2", "ok-raw", 100), firm("P1", "ok-part", 200), firm("P2", "ok-part", 200),
        firm("E1", "ok-end", 500), firm("E2", "ok-end", 500),
        firm("gR1", "g-raw", 100), firm("gR2", "g-raw", 50), firm("gM1", "g-mid", 300), firm("gM2", "g-mid", 200),
        firm("gE1", "g-end", 1000), firm("gE2", "g-end", 800), firm("gK1", "g-end", 30), firm("gK2", "g-end", 20),
        firm("gS1", "g-side", 40), firm("gO1", "g-side", 5000, inPark: false),
    ]
    var links: [SupplyLink] = []
    for (s, b, p, v) in [("R1", "P1", "料", 10.0), ("R2", "P1", "料", 10), ("R1", "P2", "料", 10), ("R2", "P2", "料", 10),
                         ("P1", "E1", "件", 50), ("P2", "E1", "件", 50), ("P1", "E2", "件", 50), ("P2", "E2", "件", 50)] {
        links.append(SupplyLink(supplier: s, buyer: b, product: p, value: v, share: 0.5))
    }
    links += [
        SupplyLink(id: "m1-steel", supplier: "gR1", buyer: "gM1", product: "钢", value: 10),
        SupplyLink(supplier: "gR1", buyer: "gM2", product: "钢", value: 10),
        SupplyLink(id: "lost", supplier: "gR2", buyer: "gM2", product: "钢", value: 10, status: .lost),
        SupplyLink(supplier: "gM1", buyer: "gE1", product: "部件", value: 40),
        SupplyLink(supplier: "gM2", buyer: "gE1", product: "部件", value: 40),
        SupplyLink(supplier: "gM1", buyer: "gE2", product: "部件", value: 40),
        SupplyLink(supplier: "gM2", buyer: "gE2", product: "部件", value: 40),
        SupplyLink(id: "bridge", supplier: "gM1", buyer: "gK1", product: "部件", value: 5),
        SupplyLink(supplier: "gK1", buyer: "gK2", product: "组件", value: 5),
        SupplyLink(supplier: "gS1", buyer: "gE1", product: "侧件", value: 5),
        SupplyLink(supplier: "gO1", buyer: "gE1", product: "侧件", value: 200),
        SupplyLink(supplier: "gO1", buyer: "gE2", product: "侧件", value: 150),
    ]
    let needs = [
        Need(id: "n1", firm: "gM1", kind: .finance, text: "扩产贷款"),
        Need(id: "n2", firm: "gE2", kind: .talent, text: "not a choke point"),
        Need(id: "n3", firm: "gR1", kind: .finance, status: .solved),
        Need(id: "n4", firm: "gR1", kind: .policy),
        Need(id: "n5", firm: "P1", kind: .capability),
    ]
    return Park(id: "t", name: "测试园区", chains: [ok, g], firms: firms, links: links, needs: needs)
}

@Suite struct GapReportTests {
    let report = GapReport(park: plantedPark())

    func find(_ rule: GapRule, _ match: (GapFinding) -> Bool) -> GapFinding? {
        report.findings.first { $0.rule == rule && match($0) }
    }

    @Test func completeChainHasNoFinding() {
        let okFirms: Set<String> = ["R1", "R2", "P1", "P2", "E1", "E2"]
        for f in report.findings {
            #expect(f.place.chain != "ok", "\(f.rule) \(f.place.id)")
            #expect(!(f.place.firm.map(okFirms.contains) ?? false), "\(f.rule) \(f.place.id)")
            #expect(!(f.place.link.map { okFirms.contains($0.supplier) || okFirms.contains($0.buyer) } ?? false))
        }
        var options = GapOptions()
        options.chain = "ok"
        #expect(GapReport(park: plantedPark(), options: options).findings.isEmpty)
        let summary = report.chains.first { $0.chain == "ok" }
        #expect(summary?.demand == 200)
        #expect(summary?.flow == 200)
    }

    @Test func broken() throws {
        let missing = try #require(find(.missingStage) { $0.place.stage == "g-anode" })
        #expect(missing.kind == .broken && missing.severity.level == .critical)
        #expect(missing.remedy.attractStage == "g-anode")
        // It feeds g-end, whose in-park output is at risk.
        #expect(missing.severity.atRisk == 1850)
        let noLink = try #require(find(.noStageLink) { $0.place.stage == "g-side" })
        #expect(noLink.place.inputStage == "g-raw")
        #expect(noLink.remedy.suggestedLinks.first?.supplier == "gR1")
        let lost = try #require(find(.lostLink) { $0.place.link?.id == "lost" })
        #expect(lost.kind == .broken && lost.severity.level == .warning)  // gM2 still gets 钢 from gR1
        #expect(find(.missingStage) { $0.place.stage == "g-recycle" } == nil)  // optional: short, not broken
    }

    @Test func weak() throws {
        let single = try #require(find(.singleSource) { $0.place.firm == "gM1" })
        #expect(single.place.link?.id == "m1-steel")
        #expect(single.severity.unit == .rmb && single.severity.value == 300)
        #expect(single.remedy.inPark.map(\.id) == ["gR2"])
        let stage = try #require(find(.stageSingleSource) { $0.place.stage == "g-mid" })
        #expect(stage.place.firm == "gR1" && stage.place.inputStage == "g-raw")
        let ap = try #require(find(.articulationPoint) { $0.place.firm == "gM1" })
        #expect(ap.severity.value == 2 && ap.severity.unit == .firms)
        #expect(ap.severity.atRisk == 50)  // gK1 + gK2
        let bridge = try #require(find(.bridge) { $0.place.link?.id == "bridge" })
        #expect(bridge.severity.value == 2)
        let outside = try #require(find(.outsideSourcing) { $0.place.stage == "g-end" && $0.place.inputStage == "g-side" })
        #expect(abs(outside.severity.value - 350.0 / 355.0) < 1e-12)
        #expect(outside.remedy.attractStage == "g-side")
        // gK1 → gK2 is a bridge too but separates one firm only (below minFirmsCutOff).
        #expect(find(.bridge) { $0.place.link?.supplier == "gK1" } == nil)
    }

    @Test func thin() throws {
        let thin = try #require(find(.thinFlow) { $0.place.chain == "g" })
        let summary = try #require(report.chains.first { $0.chain == "g" })
        #expect(summary.demand == 520)
        #expect(abs((summary.flow ?? 0) - 165) < 1e-9)
        #expect(abs(thin.severity.value - (1 - 165.0 / 520.0)) < 1e-12)
        // The cut: gR1's two links carry everything that reaches g-end from g-raw.
        #expect(Set(thin.evidence.links.map(\.buyer)) == ["gM1", "gM2"])
        #expect(thin.remedy.attractStage == "g-side")  // most demand rests on outside 侧件
    }

    @Test func short() throws {
        let short = try #require(find(.shortChain) { $0.place.chain == "g" })
        #expect(short.severity.value == 1 && short.severity.unit == .stages)
        #expect(short.evidence.facts.contains { $0.key == "missingDownstream" && $0.value == .list(["g-recycle"]) })
    }

    @Test func blockingNeeds() throws {
        let need = try #require(find(.blockingNeed) { $0.place.firm == "gM1" })
        #expect(need.evidence.facts.contains { $0.key == "need" && $0.value == .text("n1") })
        let needs = report.findings(of: .blockingNeed)
        #expect(needs.count == 1)  // n2: no choke point; n3 solved; n4 policy; n5 on the complete chain
    }

    @Test func rankingAndThresholds() {
        for (a, b) in zip(report.findings, report.findings.dropFirst()) {
            #expect(!GapFinding.ranksBefore(b, a))
        }
        #expect(report.findings.first?.rule == .missingStage)  // the only critical finding
        var options = GapOptions()
        options.thinRatio = 0.3
        options.outsideShare = 0.99
        let relaxed = GapReport(park: plantedPark(), options: options)
        #expect(relaxed.findings(of: .thin).isEmpty)
        #expect(!relaxed.findings.contains { $0.rule == .outsideSourcing })
    }

    @Test func candidatesAreNamed() throws {
        let pool = [
            Firm(id: "c-small", name: "小负极厂", stages: ["g-anode"], output: 10),
            Firm(id: "c-big", name: "大负极厂", stages: ["g-anode"], output: 90),
            Firm(id: "c-other", name: "无关", stages: ["ok-raw"], output: 900),
        ]
        let r = GapReport(park: plantedPark(), candidates: pool)
        let missing = try #require(r.findings.first { $0.rule == .missingStage })
        #expect(missing.remedy.candidates.map(\.id) == ["c-big", "c-small"])
        // The remedy names the best candidate as a typed argument, not as text.
        let best = Message.Argument.message(Message("gaps.firm", ["name": .text("大负极厂"), "id": .text("c-big")]))
        #expect(missing.remedy.message.arguments["candidate"] == .message(Message("gaps.remedy.candidate", ["firm": best])))
    }

    /// (Determinism: two reports in one process share one hash seed, so that is checked across
    /// processes, `chainmap gaps` on every sample, in `CrossProcessDeterminismTests`. Shuffled
    /// records legitimately change the report: findings cite links by their record index.)
    @Test func jsonNamesTheRules() throws {
        let a = try Self.json(GapReport(park: plantedPark()))
        #expect(a.contains("\"rule\":\"missing-stage\""))
        #expect(a.contains("\"id\":\"gaps.evidence.missing-stage\""))
        #expect(a.contains("\"counts\":{\"blocking-need\":1,\"broken\":"))
    }

    @Test func limitKeepsTheMostSevereAndCountsStayComplete() throws {
        let all = GapReport(park: plantedPark())
        var options = GapOptions()
        options.limit = 2
        options.kinds = [.weak, .broken]
        let cut = GapReport(park: plantedPark(), options: options)
        let chosen = all.findings.filter { $0.kind == .weak || $0.kind == .broken }
        #expect(cut.findings == Array(chosen.prefix(2)))
        #expect(cut.findingsTotal == chosen.count)
        #expect(cut.counts[.weak] == all.counts[.weak] && cut.counts[.thin] == 0)
    }

    /// The report as compact JSON with sorted keys.
    static func json(_ report: GapReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return String(decoding: try encoder.encode(report), as: UTF8.self)
    }

    @Test func supplyCutsAgreeWithBiconnectivity() {
        let index = ChainIndex(plantedPark())
        let cuts = SupplyCuts(graph: index.graph, weight: .init(repeating: 1, count: index.firmCount), output: index.output)
        let reference = index.graph.biconnectivity()
        #expect(cuts.articulationPoints.map { Int32($0.id) } == reference.articulationPoints)
        #expect(cuts.bridges.map(\.id) == reference.bridges)
    }
}
