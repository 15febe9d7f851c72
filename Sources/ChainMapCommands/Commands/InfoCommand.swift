import ArgumentParser
import ChainModel

/// `chainmap info PARK`: what a park holds.
struct InfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Summarize a park: firms per chain and stage, links, organizations, pairings, needs.",
        discussion: """
            Examples:
              chainmap info                                   # the bundled Beilun sample
              chainmap info samples/yihuang-plastics.json
              chainmap info my-park/ --format csv > stages.csv
            """)

    @OptionGroup var input: ParkOptions

    @Option(help: "Output format: table, json, or csv (csv: one row per chain stage).")
    var format: OutputFormat = .table

    func run() throws {
        let loaded = try input.load()
        let s = ParkSummary(loaded.park)
        switch format {
        case .table: Console.out(Self.table(s))
        case .json: Console.out(bytes: Self.json(s))
        case .csv: Console.out(Self.csv(s))
        }
    }

    static func table(_ s: ParkSummary) -> String {
        var out = "\(s.parkName) (\(s.parkId))"
        if let r = s.region { out += ", \(r)" }
        if let d = s.dataDate { out += ", data of \(d)" }
        out += "\n\n"
        func counts<K>(_ list: [(K, Int)], _ name: (K) -> String) -> String {
            list.filter { $0.1 > 0 }.map { "\(name($0.0)) \($0.1)" }.joined(separator: ", ")
        }
        out += "Firms          \(s.firms) (in park \(s.firmsInPark), outside \(s.firms - s.firmsInPark)); chain leaders \(s.chainLeaders); illustrative \(s.illustrativeFirms)\n"
        let active = s.linksByStatus.first { $0.status == .active }?.count ?? 0
        let localPct = active > 0 ? " (\(Int((100.0 * Double(s.localActiveLinks) / Double(active)).rounded()))% of active)" : ""
        out += "Supply links   \(s.links): \(counts(s.linksByStatus.map { ($0.status, $0.count) }) { $0.rawValue }); local \(s.localActiveLinks)\(localPct); active value \(Amount.rmb(s.activeLinkValue)) RMB\n"
        out += "Organizations  \(s.organizations)" + (s.organizations > 0 ? ": " + counts(s.organizationsByKind.map { ($0.kind, $0.count) }) { $0.rawValue } : "") + "\n"
        out += "Pairings       \(s.pairings)" + (s.pairings > 0 ? ": " + counts(s.pairingsByKind.map { ($0.kind, $0.count) }) { $0.rawValue } : "") + "\n"
        out += "Needs          \(s.needs) from \(s.firmsWithNeeds) firms" + (s.needs > 0 ? ": " + counts(s.needsByStatus.map { ($0.status, $0.count) }) { $0.rawValue } + "; " + counts(s.needsByKind.map { ($0.kind, $0.count) }) { $0.rawValue } : "") + "\n\n"
        var table = TextTable(["chain", "stage", "tier", "firms", "leaders", "output (RMB)"], alignments: [.left, .left, .left, .right, .right, .right])
        for row in s.stages {
            let stage = "\(row.stageName) (\(row.stage))" + (row.required ? "" : " optional")
            table.add([row.chainName, stage, row.tier.rawValue, String(row.firms), String(row.leaders), Amount.rmb(row.output)])
        }
        out += table.render()
        if s.firmsWithoutStage > 0 { out += "\n\(s.firmsWithoutStage) firms belong to no stage.\n" }
        return out
    }

    static func json(_ s: ParkSummary) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("id"); w.string(s.parkId)
        w.key("name"); w.string(s.parkName)
        if let r = s.region { w.key("region"); w.string(r) }
        if let d = s.dataDate { w.key("dataDate"); w.string(d) }
        w.key("firms"); w.int(s.firms)
        w.key("firmsInPark"); w.int(s.firmsInPark)
        w.key("chainLeaders"); w.int(s.chainLeaders)
        w.key("illustrativeFirms"); w.int(s.illustrativeFirms)
        w.key("firmsWithoutStage"); w.int(s.firmsWithoutStage)
        func object<K>(_ key: String, _ list: [(K, Int)], _ name: (K) -> String) {
            w.key(key)
            w.beginObject()
            for (k, n) in list { w.key(name(k)); w.int(n) }
            w.endObject()
        }
        w.key("links"); w.int(s.links)
        object("linksByStatus", s.linksByStatus.map { ($0.status, $0.count) }) { $0.rawValue }
        w.key("localActiveLinks"); w.int(s.localActiveLinks)
        w.key("activeLinkValue"); w.number(s.activeLinkValue)
        w.key("organizations"); w.int(s.organizations)
        object("organizationsByKind", s.organizationsByKind.map { ($0.kind, $0.count) }) { $0.rawValue }
        w.key("pairings"); w.int(s.pairings)
        object("pairingsByKind", s.pairingsByKind.map { ($0.kind, $0.count) }) { $0.rawValue }
        w.key("needs"); w.int(s.needs)
        w.key("firmsWithNeeds"); w.int(s.firmsWithNeeds)
        object("needsByStatus", s.needsByStatus.map { ($0.status, $0.count) }) { $0.rawValue }
        object("needsByKind", s.needsByKind.map { ($0.kind, $0.count) }) { $0.rawValue }
        w.key("stages")
        w.beginArray()
        for row in s.stages {
            w.element()
            w.beginObject()
            w.key("chain"); w.string(row.chain)
            w.key("stage"); w.string(row.stage)
            w.key("name"); w.string(row.stageName)
            w.key("tier"); w.string(row.tier.rawValue)
            w.key("required"); w.bool(row.required)
            w.key("firms"); w.int(row.firms)
            w.key("leaders"); w.int(row.leaders)
            w.key("output"); w.number(row.output)
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.finish()
    }

    static func csv(_ s: ParkSummary) -> String {
        var out = "chain,chainName,stage,stageName,tier,required,firms,leaders,output\n"
        for r in s.stages {
            out += [r.chain, r.chainName, r.stage, r.stageName, r.tier.rawValue, r.required ? "true" : "false",
                    String(r.firms), String(r.leaders), NumberFormat.shortest(r.output)].map(CSVField.quote).joined(separator: ",") + "\n"
        }
        return out
    }
}

/// Quoting of one CSV field for command output (RFC 4180).
enum CSVField {
    static func quote(_ s: String) -> String {
        guard s.contains(where: { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" }) else { return s }
        return "\"" + s.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
