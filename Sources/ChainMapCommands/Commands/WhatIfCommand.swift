import ArgumentParser
import ChainAnalysis
import ChainOutput

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
            in-park firms). A name that fits no firm, zone or chain is an error with the \
            nearest names. Definitions: docs/GAPS.md.

            Examples:
              chainmap whatif samples/wujin-machinery.json --remove 恒立液压
              chainmap whatif samples/ningxiang-storage.json --remove cngr,brunp --format json
              chainmap whatif samples/beilun-nev.json --zone 大碶街道灵峰工业社区 --format csv --section cut
            """)

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

    @OptionGroup var output: OutputOptions

    @Option(help: "CSV table: stages (before/after per stage) or cut (the cut firms).")
    var section: Section = .stages

    @Option(help: "Rows per firm list (0: all). Default: 30 for table and markdown, all for json and csv.")
    var limit: Int?

    func validate() throws {
        if remove == nil && zone == nil { throw ValidationError("give --remove FIRM[,FIRM…] and/or --zone ZONE") }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        var options = WhatIfOptions()
        options.remove = (remove ?? "").split(separator: ",").map(String.init)
        options.zone = zone
        options.chain = chain
        options.limit = limit ?? (output.format == .table || output.format == .markdown ? 30 : 0)
        let park = try input.load().park
        try output.emit(MainTable(try WhatIf(park: park).run(options), table: section.rawValue))
    }
}
