import ArgumentParser
import ChainAnalysis
import ChainRender
import Foundation
import ChainModel

/// `chainmap gaps PARK`: where the chains are broken, weak, thin or short, ranked.
struct GapsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "gaps",
        abstract: "Find broken, weak, thin and short chains (断链/弱链/细链/短链) and the needs that block them.",
        discussion: """
            Broken (断链): a required stage with no in-park firm; an input stage and a stage that \
            both have firms but no active link between them; a lost link. Weak (弱链): a buyer's \
            input or a stage's input stage with one supplier (by share or count); articulation \
            points and bridges of the supply layer; an input stage sourced mostly from outside. \
            Thin (细链): the flow that can pass from the source stages to the end products is \
            far below their demand (max-flow, the cut names the bounding links). Short (短链): \
            stages at the chain's ends, or optional ones, without in-park firm. Blocking needs \
            (难点/卡点): open finance, talent or capability needs of single points of failure.

            Each finding has a severity (a number with its unit and the output value at risk), \
            a place, its evidence and a remedy (in-park firms that could supply, the stage to \
            attract a firm for, and with --candidates the best outside firms). Ranked: \
            critical first, then value at risk. Definitions: docs/GAPS.md.

            Examples:
              chainmap gaps samples/ningxiang-storage.json
              chainmap gaps samples/beilun-nev.json --chain nev --format json
              chainmap gaps samples/jinchang-battery.json --candidates prospects.json
              chainmap gaps samples/wujin-machinery.json --kind weak --format csv > weak.csv
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, markdown
    }

    @OptionGroup var input: ParkOptions

    @Option(help: "Output format: table, json, csv or markdown.")
    var format: Format = .table

    @Option(help: "Only this chain (its id).")
    var chain: String?

    @Option(help: "Only these kinds, comma-separated: broken, weak, thin, short, blocking-need.")
    var kind: String?

    @Option(help: "Outside firms that could be attracted: a park file or CSV bundle whose firms are candidates.")
    var candidates: String?

    @Option(name: .customLong("single-source-share"), help: "Share of an input from one supplier that makes it single-sourced.")
    var singleSourceShare: Double = GapOptions().singleSourceShare

    @Option(name: .customLong("outside-share"), help: "Share of an input stage's value from outside the park that makes it weak.")
    var outsideShare: Double = GapOptions().outsideShare

    @Option(name: .customLong("thin-ratio"), help: "A chain is thin when its flow is below this share of the end products' demand.")
    var thinRatio: Double = GapOptions().thinRatio

    @Option(name: .customLong("min-cut-off"), help: "Firms an articulation point or bridge must separate to be reported.")
    var minCutOff: Int = GapOptions().minFirmsCutOff

    @Option(help: "Findings to print (0: all). Default: 30 for table and markdown, all for json and csv.")
    var limit: Int?

    func validate() throws {
        for (name, v) in [("--single-source-share", singleSourceShare), ("--outside-share", outsideShare), ("--thin-ratio", thinRatio)] where !(v >= 0 && v <= 1) {
            throw ValidationError("\(name) must be between 0 and 1")
        }
        if minCutOff < 1 { throw ValidationError("--min-cut-off must be at least 1") }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
        _ = try kinds()
    }

    func kinds() throws -> Set<GapKind>? {
        guard let kind else { return nil }
        var result = Set<GapKind>()
        for word in kind.split(separator: ",") {
            guard let k = GapKind(rawValue: word.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown kind '\(word)'; use " + GapKind.allCases.map(\.rawValue).joined(separator: ", "))
            }
            result.insert(k)
        }
        return result
    }

    func run() throws {
        let park = try input.load().park
        if let chain, !park.chains.contains(where: { $0.id == chain }) {
            Console.err("error: no chain \"\(chain)\"; chains: \(park.chains.map(\.id).joined(separator: ", "))\n")
            throw ExitCode.failure
        }
        let pool = try candidates.map { try Self.loadCandidates($0, park: park) } ?? []
        var options = GapOptions()
        options.chain = chain
        options.singleSourceShare = singleSourceShare
        options.outsideShare = outsideShare
        options.thinRatio = thinRatio
        options.minFirmsCutOff = minCutOff
        var report = GapReport(park: park, options: options, candidates: pool)
        if let wanted = try kinds() { report.findings = report.findings.filter { wanted.contains($0.kind) } }
        switch format {
        case .table: Console.out(Self.table(report, limit: limit ?? 30))
        case .markdown: Console.out(Self.markdown(report, limit: limit ?? 30))
        case .json: Console.out(bytes: report.json(limit: limit ?? 0))
        case .csv: Console.out(Self.csv(report, limit: limit ?? 0))
        }
    }

    /// The firms of a candidates file. A JSON file without chains borrows the analysed park's
    /// chains, so its firms can name the park's stage ids without declaring them.
    static func loadCandidates(_ path: String, park: Park) throws -> [Firm] {
        if path.lowercased().hasSuffix(".json"), let data = FileManager.default.contents(atPath: path),
           let object = (try? JSONSerialization.jsonObject(with: data)) as? [String: Any],
           (object["chains"] as? [Any])?.isEmpty ?? true,
           let template = ParkWriter.encode(Park(id: park.id, name: park.name, chains: park.chains), format: .json),
           let templateObject = (try? JSONSerialization.jsonObject(with: Data(template))) as? [String: Any],
           let merged = try? JSONSerialization.data(withJSONObject: object.merging(["chains": templateObject["chains"] ?? []]) { $1 }) {
            do {
                return try ParkLoader.load(json: Array(merged), name: path).park.firms
            } catch {
                Console.err("candidates: " + error.description + "\n")
                throw ExitCode.failure
            }
        }
        var options = ParkOptions()
        options.park = path
        options.noWarnings = true
        return try options.load().park.firms
    }

    // MARK: text

    static func severity(_ s: GapSeverity) -> String {
        switch s.unit {
        case .rmb: Amount.rmb(s.value) + " RMB"
        case .firms: "\(Int(s.value)) firms"
        case .share: NumberFormat.shortest((s.value * 1000).rounded() / 10) + "%"
        case .stages: "\(Int(s.value)) stages"
        }
    }

    static func place(_ p: GapPlace) -> String {
        if let l = p.link { return "\(l.supplier) → \(l.buyer)" + (l.product.map { " (\($0))" } ?? "") }
        if let f = p.firm { return [p.stage, f].compactMap { $0 }.joined(separator: " / ") }
        if let s = p.stage { return p.inputStage.map { "\($0) → \(s)" } ?? s }
        return p.chain ?? "-"
    }

    static func header(_ r: GapReport) -> (title: String, summary: TextTable, counts: String) {
        var table = TextTable(["chain", "stages covered", "in-park firms", "end-product demand", "flow", "flow share"],
                              alignments: [.left, .right, .right, .right, .right, .right])
        for c in r.chains {
            let share = c.flow.map { c.demand > 0 ? NumberFormat.shortest(($0 / c.demand * 1000).rounded() / 10) + "%" : "-" } ?? "-"
            table.add(["\(c.name) (\(c.chain))", "\(c.coveredStages)/\(c.stages)", String(c.firms), Amount.rmb(c.demand), c.flow.map(Amount.rmb) ?? "-", share])
        }
        let counts = GapKind.allCases.map { k in "\(k.term) \(k.rawValue) \(r.findings.lazy.filter { $0.kind == k }.count)" }.joined(separator: ", ")
        return ("\(r.parkName) (\(r.parkId)): chain gaps", table, counts)
    }

    static func table(_ r: GapReport, limit: Int) -> String {
        let h = header(r)
        var out = h.title + "\n\n" + h.summary.render() + "\nFindings: \(r.findings.count) (\(h.counts))\n\n"
        let shown = limit > 0 ? r.findings.prefix(limit) : r.findings[...]
        var table = TextTable(["#", "kind", "rule", "level", "severity", "at risk", "place"], alignments: [.right, .left, .left, .left, .right, .right, .left])
        for (i, f) in shown.enumerated() {
            table.add([String(i + 1), "\(f.kind.term) \(f.kind.rawValue)", f.rule.rawValue, f.severity.level.rawValue, severity(f.severity), Amount.rmb(f.severity.atRisk), place(f.place)])
        }
        out += table.render()
        out += "\n"
        for (i, f) in shown.enumerated() {
            out += "\(i + 1). \(f.evidence.text)\n   remedy: \(f.remedy.text)\n"
        }
        if limit > 0 && r.findings.count > limit { out += "… and \(r.findings.count - limit) more (--limit 0 shows all)\n" }
        return out
    }

    static func markdown(_ r: GapReport, limit: Int) -> String {
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
        let h = header(r)
        var out = "# \(h.title)\n\n| chain | stages covered | in-park firms | end-product demand | flow |\n|---|---:|---:|---:|---:|\n"
        for c in r.chains {
            out += "| \(cell(c.name)) (\(c.chain)) | \(c.coveredStages)/\(c.stages) | \(c.firms) | \(Amount.rmb(c.demand)) | \(c.flow.map(Amount.rmb) ?? "-") |\n"
        }
        out += "\nFindings: \(r.findings.count) (\(h.counts))\n\n| # | kind | rule | level | severity | at risk | place | evidence | remedy |\n|---:|---|---|---|---:|---:|---|---|---|\n"
        let shown = limit > 0 ? r.findings.prefix(limit) : r.findings[...]
        for (i, f) in shown.enumerated() {
            out += "| \(i + 1) | \(f.kind.term) \(f.kind.rawValue) | \(f.rule.rawValue) | \(f.severity.level.rawValue) | \(severity(f.severity)) | \(Amount.rmb(f.severity.atRisk)) | \(cell(place(f.place))) | \(cell(f.evidence.text)) | \(cell(f.remedy.text)) |\n"
        }
        if limit > 0 && r.findings.count > limit { out += "\n… and \(r.findings.count - limit) more (`--limit 0` shows all)\n" }
        return out
    }

    static func csv(_ r: GapReport, limit: Int) -> String {
        func line(_ fields: [String]) -> String { fields.map(CSVField.quote).joined(separator: ",") + "\n" }
        var out = line(["rank", "kind", "rule", "level", "severity", "unit", "atRisk", "chain", "stage", "inputStage", "firm",
                        "linkSupplier", "linkBuyer", "linkProduct", "evidence", "remedy", "attractStage", "inParkFirms", "candidates"])
        let shown = limit > 0 ? r.findings.prefix(limit) : r.findings[...]
        for (i, f) in shown.enumerated() {
            let p = f.place
            out += line([String(i + 1), f.kind.rawValue, f.rule.rawValue, f.severity.level.rawValue, NumberFormat.shortest(f.severity.value),
                         f.severity.unit.rawValue, NumberFormat.shortest(f.severity.atRisk), p.chain ?? "", p.stage ?? "", p.inputStage ?? "",
                         p.firm ?? "", p.link?.supplier ?? "", p.link?.buyer ?? "", p.link?.product ?? "", f.evidence.text, f.remedy.text,
                         f.remedy.attractStage ?? "", f.remedy.inPark.map(\.id).joined(separator: "|"), f.remedy.candidates.map(\.id).joined(separator: "|")])
        }
        return out
    }

    // MARK: map overlay

    /// Findings drawn by `chainmap map --show gaps` (the most severe first).
    static let mapFindings = 40

    /// The gap findings of `park` as map overlays: a link, firm or stage highlight per
    /// finding (coloured by level), the missing stages of short chains and the cut links of thin
    /// chains.
    ///
    /// Remedies' suggested links are drawn as dashed green links labelled 补链 (the DOT writer
    /// gives such non-constraining edges an `xlabel`, which Graphviz 2.43 needs).
    static func mapOverlays(park: Park, chain: String?) -> [MapOverlay] {
        var options = GapOptions()
        options.chain = chain
        return overlays(GapReport(park: park, options: options), limit: mapFindings)
    }

    static func overlays(_ r: GapReport, limit: Int) -> [MapOverlay] {
        var result: [MapOverlay] = []
        for f in r.findings.prefix(limit) {
            let level: Severity = f.severity.level == .critical ? .critical : f.severity.level == .warning ? .warning : .info
            let label = "\(f.kind.term) \(f.rule.rawValue)"
            let p = f.place
            if let l = p.link {
                result.append(.highlight(link: l.supplier, l.buyer, severity: level, label: label))
            } else if let firm = p.firm {
                result.append(.highlight(firm: firm, severity: level, label: label))
            } else if let stage = p.stage {
                result.append(.highlight(stage: stage, severity: level, label: label))
            }
            if f.rule == .shortChain {
                for fact in f.evidence.facts {
                    if case .list(let stages) = fact.value { for s in stages { result.append(.highlight(stage: s, severity: level, label: label)) } }
                }
            }
            for l in f.evidence.links { result.append(.highlight(link: l.supplier, l.buyer, severity: level, label: nil)) }
            for s in f.remedy.suggestedLinks { result.append(.suggestedLink(from: s.supplier, to: s.buyer, label: "补链")) }
        }
        return result
    }
}
