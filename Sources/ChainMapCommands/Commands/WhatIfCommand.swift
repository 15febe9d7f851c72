import ArgumentParser
import ChainAnalysis
import ChainModel

/// `chainmap whatif PARK --remove FIRM[,FIRM…] | --zone ZONE`: what the loss of firms cuts.
struct WhatIfCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "whatif",
        abstract: "What the loss of firms (or of a zone) cuts downstream: firms, stages, output at risk.",
        discussion: """
            The removed firms stop supplying. A firm that loses every active supplier of one of \
            its inputs (a product, or an input stage when a link names no product) is cut and \
            stops supplying too, until nothing changes. Reported: the firms cut (and the input \
            they lost), the firms weakened (fewer suppliers), each stage before and after, the \
            stages left without an in-park firm, and the output value at risk (removed plus cut \
            in-park firms). Definitions: docs/GAPS.md.

            Examples:
              chainmap whatif samples/wujin-machinery.json --remove 恒立液压
              chainmap whatif samples/ningxiang-storage.json --remove cngr,brunp --format json
              chainmap whatif samples/beilun-nev.json --zone 北仑 --format csv --section stages
            """)

    enum Format: String, ExpressibleByArgument, CaseIterable {
        case table, json, csv, markdown
    }

    enum Section: String, ExpressibleByArgument, CaseIterable {
        case stages, cut
    }

    @OptionGroup var input: ParkOptions

    @Option(help: "Firms to remove, comma-separated: ids or (parts of) names.")
    var remove: String?

    @Option(help: "Remove every firm in this zone.")
    var zone: String?

    @Option(help: "Only this chain's stages in the stage table.")
    var chain: String?

    @Option(help: "Output format: table, json, csv or markdown.")
    var format: Format = .table

    @Option(help: "CSV section: stages (before/after per stage) or cut (the cut firms).")
    var section: Section = .stages

    @Option(help: "Rows per firm list (0: all). Default: 30 for table and markdown, all for json and csv.")
    var limit: Int?

    func validate() throws {
        if remove == nil && zone == nil { throw ValidationError("give --remove FIRM[,FIRM…] and/or --zone ZONE") }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        let park = try input.load().park
        var ids: [String] = []
        for word in (remove ?? "").split(separator: ",") {
            do {
                ids.append(try park.firm(matching: String(word)).id)
            } catch {
                Console.err("error: \(error.description)\n")
                throw ExitCode.failure
            }
        }
        let whatIf = WhatIf(park: park)
        if let zone {
            let inZone = whatIf.firms(inZone: zone)
            if inZone.isEmpty {
                let zones = Array(Set(park.firms.compactMap(\.zone))).sorted()
                Console.err("error: no firm in zone \"\(zone)\"; zones: \(zones.joined(separator: ", "))\n")
                throw ExitCode.failure
            }
            ids += inZone
        }
        if let chain, !park.chains.contains(where: { $0.id == chain }) {
            Console.err("error: no chain \"\(chain)\"; chains: \(park.chains.map(\.id).joined(separator: ", "))\n")
            throw ExitCode.failure
        }
        var report = whatIf.run(removing: ids)
        if let chain { report.stages = report.stages.filter { $0.chain == chain } }
        switch format {
        case .table: Console.out(Self.text(report, markdown: false, limit: limit ?? 30))
        case .markdown: Console.out(Self.text(report, markdown: true, limit: limit ?? 30))
        case .json: Console.out(bytes: report.json(limit: limit ?? 0))
        case .csv: Console.out(Self.csv(report, section: section, limit: limit ?? 0))
        }
    }

    static func firm(_ f: GapFirmRef) -> String { "\(f.name) (\(f.id))" }

    static func text(_ r: WhatIfReport, markdown md: Bool, limit: Int) -> String {
        func cut<T>(_ list: [T]) -> ArraySlice<T> { limit > 0 ? list.prefix(limit) : list[...] }
        func more(_ n: Int) -> String { limit > 0 && n > limit ? "… and \(n - limit) more (--limit 0 shows all)\n" : "" }
        func table(_ headers: [String], _ align: [TextTable.Alignment], _ rows: [[String]]) -> String {
            if md {
                var s = "| " + headers.joined(separator: " | ") + " |\n|" + align.map { $0 == .right ? "---:|" : "---|" }.joined() + "\n"
                for row in rows { s += "| " + row.map { $0.replacingOccurrences(of: "|", with: "\\|") }.joined(separator: " | ") + " |\n" }
                return s
            }
            var t = TextTable(headers, alignments: align)
            for row in rows { t.add(row) }
            return t.render()
        }
        let h = md ? "## " : "== "
        let e = md ? "" : " =="
        var out = (md ? "# " : "") + "\(r.parkName) (\(r.parkId)): what if \(r.removed.map(firm).joined(separator: ", ")) were gone\n\n"
        if !r.unknown.isEmpty { out += "unknown ids ignored: \(r.unknown.joined(separator: ", "))\n" }
        out += "Output value at risk: \(Amount.rmb(r.outputAtRisk)) RMB (removed \(Amount.rmb(r.removedOutput)), cut \(Amount.rmb(r.cutOutput))); "
        out += "\(r.cut.count) firms cut, \(r.weakened.count) weakened, \(r.lostLinks) supply links lost (\(Amount.rmb(r.lostLinkValue)) RMB)\n"
        out += "Stages left without an in-park firm: " + (r.brokenStages.isEmpty ? "none" : r.brokenStages.joined(separator: ", ")) + "\n"
        out += "\n\(h)Firms cut: lost every supplier of an input\(e)\n"
        if !r.cut.isEmpty {
            out += table(["round", "firm", "lost input", "from", "output (RMB)", "in park"], [.right, .left, .left, .left, .right, .left],
                         cut(r.cut).map { [String($0.round), firm($0.firm), $0.input, $0.lostSuppliers.joined(separator: ", "), $0.output.map(Amount.rmb) ?? "-", $0.inPark ? "yes" : "no"] })
            out += more(r.cut.count)
        } else {
            out += "none\n"
        }
        out += "\n\(h)Stages before and after (in-park firms)\(e)\n"
        let rows = r.stages.map { s -> [String] in
            [s.chain, "\(s.name) (\(s.stage))", s.required ? "yes" : "no", String(s.firmsBefore), String(s.firmsAfter),
             Amount.rmb(s.outputBefore), Amount.rmb(s.outputAfter), s.broken ? "BROKEN" : (s.firmsAfter < s.firmsBefore ? "hit" : "")]
        }
        out += table(["chain", "stage", "required", "firms before", "firms after", "output before", "output after", ""],
                     [.left, .left, .left, .right, .right, .right, .right, .left], rows)
        if !r.weakened.isEmpty {
            out += "\n\(h)Weakened: fewer suppliers of an input, not cut (\(r.weakened.count))\(e)\n"
            out += cut(r.weakened).map(firm).joined(separator: ", ") + "\n" + more(r.weakened.count)
        }
        return out
    }

    static func csv(_ r: WhatIfReport, section: Section, limit: Int) -> String {
        func line(_ fields: [String]) -> String { fields.map(CSVField.quote).joined(separator: ",") + "\n" }
        var out = ""
        switch section {
        case .stages:
            out += line(["chain", "stage", "name", "required", "firmsBefore", "firmsAfter", "outputBefore", "outputAfter", "broken"])
            for s in r.stages {
                out += line([s.chain, s.stage, s.name, s.required ? "true" : "false", String(s.firmsBefore), String(s.firmsAfter),
                             NumberFormat.shortest(s.outputBefore), NumberFormat.shortest(s.outputAfter), s.broken ? "true" : "false"])
            }
        case .cut:
            out += line(["round", "firm", "firmName", "input", "lostSuppliers", "output", "inPark"])
            for c in limit > 0 ? r.cut.prefix(limit) : r.cut[...] {
                out += line([String(c.round), c.firm.id, c.firm.name, c.input, c.lostSuppliers.joined(separator: "|"), c.output.map(NumberFormat.shortest) ?? "", c.inPark ? "true" : "false"])
            }
        }
        return out
    }
}
