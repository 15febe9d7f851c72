import ChainGraph
import ChainModel
import Foundation
import Testing

@testable import ChainAnalysis

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
    let ok = Chain(
        id: "ok", name: "完整链",
        stages: [
            Stage(id: "ok-raw", name: "原料", tier: .upstream),
            Stage(id: "ok-part", name: "部件", tier: .midstream, inputs: ["ok-raw"]),
            Stage(id: "ok-end", name: "整机", tier: .downstream, inputs: ["ok-part"]),
        ])
    let g = Chain(
        id: "g", name: "缺口链",
        stages: [
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
    for (s, b, p, v) in [
        ("R1", "P1", "料", 10.0), ("R2", "P1", "料", 10), ("R1", "P2", "料", 10), ("R2", "P2", "料", 10),
        ("P1", "E1", "件", 50), ("P2", "E1", "件", 50), ("P1", "E2", "件", 50), ("P2", "E2", "件", 50),
    ] {
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
        #expect(missing.evidence.fact("feedsInParkOutput") == .number(1850))
        let noLink = try #require(find(.noStageLink) { $0.place.stage == "g-side" })
        #expect(noLink.place.inputStage == "g-raw")
        #expect(noLink.remedy.suggestedLinks.first?.supplier == "gR1")
        #expect(find(.missingStage) { $0.place.stage == "g-recycle" } == nil)  // optional: short, not broken
        // gR2 → gM2 is lost, but gM2 still gets 钢 from gR1 and the loss is a third of the
        // in-park supply: no broken finding; it is folded into the g-mid ← g-raw finding.
        #expect(report.findings(of: .broken).allSatisfy { $0.rule != .lostLink })
        let mid = try #require(report.findings.first { $0.place.stage == "g-mid" && $0.place.inputStage == "g-raw" })
        #expect(mid.evidence.fact("lostLinks") == .number(1) && mid.evidence.fact("lostInParkValue") == .number(10))
        #expect(report.chains.first { $0.chain == "g" }?.lostLinks == 1)
    }

    @Test func lostSupplyIsOneFindingPerStagePair() throws {
        var park = plantedPark()
        // Lose gR1 → gM2 as well: g-mid now gets 10 of the 30 it got from g-raw in the park.
        let i = try #require(park.links.firstIndex { $0.supplier == "gR1" && $0.buyer == "gM2" })
        park.links[i].status = .lost
        let r = GapReport(park: park)
        let lost = r.findings.filter { $0.rule == .lostLink }
        #expect(lost.count == 1)
        let f = try #require(lost.first)
        #expect(f.place.stage == "g-mid" && f.place.inputStage == "g-raw")
        #expect(f.evidence.fact("lostLinks") == .number(2) && f.evidence.fact("lostInParkValue") == .number(20))
        #expect(f.evidence.fact("buyersWithoutSupplier") == .number(1))  // gM2
        #expect(f.severity.level == .critical)  // gM2 has no supplier of 钢 left
        #expect(abs(f.severity.atRisk - 500 * 20.0 / 30.0) < 1e-9)  // g-mid's output × lost share of its supply
        // one finding per place
        #expect(!r.findings.contains { $0.rule == .concentration && $0.place.stage == "g-mid" })
    }

    @Test func weak() throws {
        let outside = try #require(
            find(.outsideSourcing) { $0.place.stage == "g-end" && $0.place.inputStage == "g-side" })
        #expect(abs(outside.severity.value - 350.0 / 355.0) < 1e-12)
        #expect(
            outside.evidence.fact("outsidePurchases") == .number(350)
                && outside.evidence.fact("inParkSupply") == .number(5))
        #expect(outside.remedy.attractStage == "g-side")
        #expect(report.findings(of: .weak).count == 1)
    }

    @Test func thin() throws {
        // g-mid gets all its in-park 钢 from gR1: one finding for the stage, not per buyer.
        let conc = try #require(find(.concentration) { $0.place.stage == "g-mid" })
        #expect(conc.kind == .thin && conc.place.firm == "gR1" && conc.place.inputStage == "g-raw")
        #expect(conc.severity.value == 1 && conc.severity.unit == .share)
        #expect(conc.evidence.fact("singleSourcedBuyers") == .number(2))
        #expect(conc.remedy.inPark.map(\.id) == ["gR2"])
        #expect(report.findings.filter { $0.rule == .concentration }.count == 1)
        let ap = try #require(find(.articulationPoint) { $0.place.firm == "gM1" })
        #expect(ap.kind == .thin && ap.severity.value == 2 && ap.severity.unit == .firms)
        #expect(ap.severity.atRisk == 50)  // gK1 + gK2
        // The bridge gM1 → gK1 is implied by the articulation point gM1: folded.
        #expect(find(.bridge) { _ in true } == nil)

        let thin = try #require(find(.thinFlow) { $0.place.chain == "g" })
        let summary = try #require(report.chains.first { $0.chain == "g" })
        #expect(summary.demand == 520)
        #expect(abs((summary.flow ?? 0) - 165) < 1e-9)
        #expect(abs(thin.severity.value - (1 - 165.0 / 520.0)) < 1e-12)
        // The cut: gR1's two links carry everything that reaches g-end from g-raw.
        #expect(Set(thin.evidence.links.map(\.buyer)) == ["gM1", "gM2"])
        #expect(thin.remedy.attractStage == "g-side")  // most demand rests on outside 侧件
    }

    @Test func everyFigureInASentenceIsAField() {
        for f in report.findings { expectFiguresAreFields(f) }
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
        #expect(!relaxed.findings.contains { $0.rule == .thinFlow })
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
        #expect(
            missing.remedy.message.arguments["candidate"] == .message(Message("gaps.remedy.candidate", ["firm": best])))
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
        let cuts = SupplyCuts(
            graph: index.graph, weight: .init(repeating: 1, count: index.firmCount), output: index.output)
        let reference = index.graph.biconnectivity()
        #expect(cuts.articulationPoints.map { Int32($0.id) } == reference.articulationPoints)
        #expect(cuts.bridges.map(\.id) == reference.bridges)
    }
}

/// Every figure of a finding's sentences (each numeric argument of its evidence and remedy
/// messages, nested clauses included) equals one of its structured numbers: an evidence fact
/// or the severity. A figure computed only for the sentence would fail here.
func expectFiguresAreFields(_ f: GapFinding, _ context: String = "", sourceLocation: SourceLocation = #_sourceLocation)
{
    var fields: [Double] = [f.severity.value, f.severity.atRisk]
    for fact in f.evidence.facts { if case .number(let d) = fact.value { fields.append(d) } }
    var figures: [(String, Double)] = []
    func walk(_ m: Message) {
        for (name, arg) in m.arguments.sorted(by: { $0.key < $1.key }) { visit(m.id + "." + name, arg) }
    }
    func visit(_ name: String, _ arg: Message.Argument) {
        switch arg {
        case .integer(let i): figures.append((name, Double(i)))
        case .number(let d, _), .money(let d), .percent(let d): figures.append((name, d))
        case .message(let m): walk(m)
        case .list(let items, _), .sequence(let items): for a in items { visit(name, a) }
        case .text: break
        }
    }
    walk(f.evidence.message)
    walk(f.remedy.message)
    for (name, value) in figures {
        #expect(
            fields.contains { $0 == value || abs($0 - value) <= 1e-9 * max(1, abs(value)) },
            "\(context) \(f.rule.rawValue) \(f.place.id): \(name) = \(value) is no field",
            sourceLocation: sourceLocation)
    }
}
