import ArgumentParser
import ChainAnalysis
import ChainModel
import ChainOutput

/// `chainmap orgs PARK`: the organization overlay report (双覆盖, 应建尽建, 联合组建, checks,
/// pairings, needs lists).
struct OrgsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orgs",
        abstract:
            "Organization coverage, firms that should build or join a branch, structure checks, pairings and needs.",
        discussion: """
            Organization coverage = firms with an organization / firms counted. A firm has an \
            organization when its `organization` names a branch, general branch, joint branch \
            or grid organization, when it hosts a branch or general branch, or when a joint \
            branch or grid lists it among its members. Firms counted: in-park firms with party \
            members > 0 (firms with an unknown count are left out); --all-firms counts every \
            in-park firm. Work coverage = firms with workCovered true or an organization / \
            firms counted; an absent workCovered without an organization counts as not covered \
            (reported as "unknown"). Rates are shown per park, chain and stage.

            Should build (应建尽建): in-park firms with at least --threshold party members and no \
            own branch (a branch or general branch hosted by the firm, or one without host that \
            the firm names as its organization). Should join: in-park firms with 1 to threshold-1 \
            members and no organization at all. --suggest-joint proposes joint branches for them. \
            Full definitions: docs/ORGS.md.

            Examples:
              chainmap orgs samples/beilun-nev.json
              chainmap orgs samples/yihuang-plastics.json --format json
              chainmap orgs samples/ningxiang-storage.json --suggest-joint
              chainmap orgs beilun-nev --format csv --section build > build.csv
              chainmap orgs yihuang-plastics --section needs --overdue 30
            """)

    @OptionGroup var input: ParkOptions

    @OptionGroup var output: OutputOptions

    @Option(help: "Party members from which a firm should have its own branch.")
    var threshold: Int = 3

    @Flag(
        name: .customLong("all-firms"),
        help: "Count every in-park firm in the coverage rates, not only firms with party members.")
    var allFirms = false

    @Flag(
        name: .customLong("suggest-joint"), help: "Propose joint-branch groupings for the firms that should join one.")
    var suggestJoint = false

    @Option(
        help:
            "Section to print: coverage, build, join, groups, checks, pairings, needs (csv default: coverage; table default: all)."
    )
    var section: OrganizationReport.Section?

    @Option(
        name: .customLong("strong-links"),
        help: "How many of the most valuable active links count as strong (primary links always do).")
    var strongLinks: Int = 20

    @Option(help: "Days after which an unsolved need counts as overdue (ages are counted to the park's data date).")
    var overdue: Int = 30

    @Option(help: "Rows per list (0: all). Default: 20 for table and markdown, all for json and csv.")
    var limit: Int?

    func validate() throws {
        if threshold < 1 { throw Usage.atLeast("--threshold", 1) }
        if strongLinks < 0 { throw Usage.notNegative("--strong-links") }
        if let limit, limit < 0 { throw Usage.notNegative("--limit") }
        if overdue < 0 { throw Usage.notNegative("--overdue") }
    }

    func run() throws {
        var options = OrganizationOptions()
        options.threshold = threshold
        options.denominator = allFirms ? .allInPark : .partyMembers
        options.suggestJoint = suggestJoint || section == .groups
        options.strongLinks = strongLinks
        options.section = section
        options.overdueDays = overdue
        options.limit = limit ?? (output.format == .table || output.format == .markdown ? 20 : 0)
        try output.emit(OrganizationReport(park: try input.load().park, options: options))
    }
}

extension OrganizationReport.Section: ExpressibleByArgument {}
