import ArgumentParser
import ChainAnalysis

/// `chainmap orgs PARK`: the organization overlay report (双覆盖, 应建尽建, 联合组建, checks,
/// pairings, needs lists).
struct OrgsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "orgs",
        abstract: "Organization coverage, firms that should build or join a branch, structure checks, pairings and needs.",
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
            """)

    enum Section: String, ExpressibleByArgument, CaseIterable {
        case coverage, build, join, groups, checks, pairings, needs
    }

    @OptionGroup var input: ParkOptions

    @Option(help: "Output format: table, json, or csv (csv: the rows of one --section).")
    var format: LegacyOutputFormat = .table

    @Option(help: "Party members from which a firm should have its own branch.")
    var threshold: Int = 3

    @Flag(name: .customLong("all-firms"), help: "Count every in-park firm in the coverage rates, not only firms with party members.")
    var allFirms = false

    @Flag(name: .customLong("suggest-joint"), help: "Propose joint-branch groupings for the firms that should join one.")
    var suggestJoint = false

    @Option(help: "Section to print: coverage, build, join, groups, checks, pairings, needs (csv default: coverage; table default: all).")
    var section: Section?

    @Option(name: .customLong("strong-links"), help: "How many of the most valuable active links count as strong (primary links always do).")
    var strongLinks: Int = 20

    @Option(help: "Rows per list (0: all). Default: 20 for table, all for json and csv.")
    var limit: Int?

    func validate() throws {
        if threshold < 1 { throw ValidationError("--threshold must be at least 1") }
        if strongLinks < 0 { throw ValidationError("--strong-links must be 0 or more") }
        if let limit, limit < 0 { throw ValidationError("--limit must be 0 or more") }
    }

    func run() throws {
        let loaded = try input.load()
        var options = OrganizationOptions()
        options.threshold = threshold
        options.denominator = allFirms ? .allInPark : .partyMembers
        options.suggestJoint = suggestJoint || section == .groups
        options.strongLinks = strongLinks
        let report = OrganizationReport(park: loaded.park, options: options)
        switch format {
        case .table: Console.out(Self.table(report, section: section, limit: limit ?? 20))
        case .json: Console.out(bytes: report.json(limit: limit ?? 0))
        case .csv: Console.out(Self.csv(report, section: section ?? .coverage, limit: limit ?? 0))
        }
    }

    // MARK: table

    static func pct(_ v: Double?) -> String { v.map { NumberFormat.shortest($0) + "%" } ?? "-" }
    static func firm(_ f: OrganizationReport.FirmRef) -> String { "\(f.name) (\(f.id))" }
    static func money(_ v: Double?) -> String { v.map(Amount.rmb) ?? "-" }

    static func table(_ r: OrganizationReport, section: Section?, limit: Int) -> String {
        func shown(_ s: Section) -> Bool { section == nil || section == s }
        func cut<T>(_ list: [T]) -> ArraySlice<T> { limit > 0 ? list.prefix(limit) : list[...] }
        func more(_ count: Int) -> String {
            limit > 0 && count > limit ? "… and \(count - limit) more (--limit 0 shows all)\n" : ""
        }
        let t = r.options.effectiveThreshold
        var out = "\(r.parkName) (\(r.parkId)): organization overlay\n"
        let counted = r.options.denominator == .partyMembers ? "in-park firms with party members" : "all in-park firms"

        if shown(.coverage) {
            out += "\n== Coverage (双覆盖) of \(counted) ==\n"
            var table = TextTable(
                ["scope", "firms", "with org", "org coverage", "work covered", "work coverage", "unknown", "standalone", "joint branches"],
                alignments: [.left, .right, .right, .right, .right, .right, .right, .right, .right])
            for row in r.coverage {
                let name: String
                switch row.scope {
                case .park: name = "park"
                case .chain: name = "\(row.chainName ?? "") (\(row.chain ?? ""))"
                case .stage: name = "  \(row.stageName ?? "") (\(row.stage ?? ""))"
                }
                table.add([name, String(row.firms), String(row.withOrganization), pct(row.organizationPercent),
                           String(row.workCovered), pct(row.workPercent), String(row.workUnknown),
                           String(row.standaloneFirms), String(row.jointBranches)])
            }
            out += table.render()
        }
        if shown(.build) {
            out += "\n== Should build a branch (应建尽建): \(r.shouldBuild.count) firms with ≥ \(t) party members and no own branch ==\n"
            if !r.shouldBuild.isEmpty {
                var table = TextTable(["#", "firm", "members", "leader", "output (RMB)", "chains", "now in"], alignments: [.right, .left, .right, .left, .right, .left, .left])
                for (i, c) in cut(r.shouldBuild).enumerated() {
                    table.add([String(i + 1), firm(c.firm), String(c.partyMembers), c.chainLeader ? "yes" : "", money(c.output), c.chains.joined(separator: ","), c.currentOrganization ?? "-"])
                }
                out += table.render() + more(r.shouldBuild.count)
            }
        }
        if shown(.join) {
            out += "\n== Should join a joint branch (联合组建): \(r.shouldJoin.count) firms with 1–\(t - 1) party members and no organization ==\n"
            if !r.shouldJoin.isEmpty {
                var table = TextTable(["firm", "members", "chain", "stage", "zone"], alignments: [.left, .right, .left, .left, .left])
                for c in cut(r.shouldJoin) { table.add([firm(c.firm), String(c.partyMembers), c.chain ?? "-", c.stage ?? "-", c.zone ?? "-"]) }
                out += table.render() + more(r.shouldJoin.count)
            }
        }
        if shown(.groups) && r.options.suggestJoint {
            out += "\n== Proposed joint-branch groupings: \(r.groups.count) ==\n"
            for g in cut(r.groups) {
                let head = g.existing.map { "join \($0)" } ?? "new joint branch"
                out += "\(g.number). \(head): \(g.firms.map(firm).joined(separator: ", ")); members \(g.partyMembers)"
                if g.existing != nil { out += " (\(g.totalPartyMembers) with the existing firms)" }
                if !g.reachesThreshold { out += " BELOW THRESHOLD" }
                out += "\n   \(g.reason)\n"
            }
            out += more(r.groups.count)
        }
        if shown(.checks) {
            let c = r.checks
            out += "\n== Structure checks ==\n"
            for co in c.chainOrganizations {
                out += co.organizations.isEmpty
                    ? "MISSING  chain \(co.chainName) (\(co.chain)) has no committee or alliance\n"
                    : "ok       chain \(co.chainName) (\(co.chain)): \(co.organizations.joined(separator: ", "))\n"
            }
            for l in c.leaders {
                out += (l.placed ? "ok       " : "MISSING  ") + "leader \(firm(l.firm)) of \(l.chain): \(l.detail)\n"
            }
            if c.unreachedStages.isEmpty {
                out += "ok       every stage with firms is reached by an organization\n"
            }
            for s in c.unreachedStages {
                out += "MISSING  stage \(s.stageName) (\(s.stage)) of \(s.chain): \(s.firms) firms, none with an organization\n"
            }
            if c.mismatches.isEmpty { out += "ok       organization chains follow their members' chains\n" }
            for m in c.mismatches {
                let list = m.offChain.prefix(5).map { "\(firm($0.firm)) in \($0.chains.joined(separator: ","))" }.joined(separator: "; ")
                out += "MISMATCH \(m.name) (\(m.organization)) spans \(m.chains.joined(separator: ",")) but \(m.offChain.count) of \(m.memberFirms) member firms are in other chains: \(list)\(m.offChain.count > 5 ? "; …" : "")\n"
            }
        }
        if shown(.pairings) {
            let p = r.pairings
            out += "\n== Pairings (结对共建) vs business: \(p.compared) compared, \(p.notCompared) with an agency or an organization without firms ==\n"
            out += "Pairings with no supply link or shared need (matchmaking candidates): \(p.withoutBusiness.count)\n"
            if !p.withoutBusiness.isEmpty {
                var table = TextTable(["#", "a", "b", "kind"], alignments: [.right, .left, .left, .left])
                for f in cut(p.withoutBusiness) { table.add([String(f.index + 1), "\(f.aName) (\(f.a))", "\(f.bName) (\(f.b))", f.kind.rawValue]) }
                out += table.render() + more(p.withoutBusiness.count)
            }
            out += "Strong supply links without a pairing (co-building candidates): \(p.strongLinksWithoutPairing.count)\n"
            if !p.strongLinksWithoutPairing.isEmpty {
                var table = TextTable(["supplier", "buyer", "product", "value (RMB)", "primary"], alignments: [.left, .left, .left, .right, .left])
                for l in cut(p.strongLinksWithoutPairing) { table.add([firm(l.supplier), firm(l.buyer), l.product ?? "-", money(l.value), l.primary ? "yes" : ""]) }
                out += table.render() + more(p.strongLinksWithoutPairing.count)
            }
            out += "One-to-many parties (≥ \(max(1, r.options.oneToMany)) pairings): \(p.oneToMany.count)\n"
            for s in cut(p.oneToMany) {
                out += "  \(s.name) (\(s.party)): \(s.pairings) pairings, " + s.byKind.map { "\($0.kind.rawValue) \($0.count)" }.joined(separator: ", ")
                if !s.outcomes.isEmpty { out += "; " + s.outcomes.joined(separator: "; ") }
                out += "\n"
            }
        }
        if shown(.needs) {
            let n = r.needs
            out += "\n== Needs (三张清单): \(n.total.total) from \(n.firmsWithNeeds) firms; open \(n.total.open), in progress \(n.total.inProgress), solved \(n.total.solved) (\(pct(n.total.solvedPercent))) ==\n"
            var table = TextTable(["by", "key", "open", "in progress", "solved", "total", "solved rate"], alignments: [.left, .left, .right, .right, .right, .right, .right])
            func add(_ by: String, _ rows: [OrganizationReport.NeedRow]) {
                for row in rows {
                    let key = row.key == row.name ? row.key : "\(row.name) (\(row.key))"
                    table.add([by, key, String(row.open), String(row.inProgress), String(row.solved), String(row.total), pct(row.solvedPercent)])
                }
            }
            add("kind", n.byKind)
            add("chain", n.byChain)
            add("responder", Array(cut(n.byResponder)))
            out += table.render() + more(n.byResponder.count)
            out += "Open needs without a responder: \(n.openWithoutResponder.count)\n"
            for need in cut(n.openWithoutResponder) {
                out += "  \(need.id) \(firm(need.firm)) \(need.kind.rawValue)" + (need.text.map { ": \($0)" } ?? "") + "\n"
            }
            out += more(n.openWithoutResponder.count)
        }
        return out
    }

    // MARK: csv

    static func line(_ fields: [String]) -> String { fields.map(CSVField.quote).joined(separator: ",") + "\n" }
    static func num(_ v: Double?) -> String { v.map(NumberFormat.shortest) ?? "" }

    static func csv(_ r: OrganizationReport, section: Section, limit: Int) -> String {
        func cut<T>(_ list: [T]) -> ArraySlice<T> { limit > 0 ? list.prefix(limit) : list[...] }
        var out = ""
        switch section {
        case .coverage:
            out += line(["scope", "chain", "chainName", "stage", "stageName", "firms", "withOrganization", "organizationPercent", "workCovered", "workPercent", "workUnknown", "standaloneFirms", "jointBranches"])
            for row in r.coverage {
                out += line([row.scope.rawValue, row.chain ?? "", row.chainName ?? "", row.stage ?? "", row.stageName ?? "", String(row.firms), String(row.withOrganization), num(row.organizationPercent), String(row.workCovered), num(row.workPercent), String(row.workUnknown), String(row.standaloneFirms), String(row.jointBranches)])
            }
        case .build:
            out += line(["rank", "firm", "firmName", "partyMembers", "chainLeader", "output", "chains", "currentOrganization"])
            for (i, c) in cut(r.shouldBuild).enumerated() {
                out += line([String(i + 1), c.firm.id, c.firm.name, String(c.partyMembers), c.chainLeader ? "true" : "false", num(c.output), c.chains.joined(separator: "|"), c.currentOrganization ?? ""])
            }
        case .join:
            out += line(["firm", "firmName", "partyMembers", "chain", "stage", "zone"])
            for c in cut(r.shouldJoin) { out += line([c.firm.id, c.firm.name, String(c.partyMembers), c.chain ?? "", c.stage ?? "", c.zone ?? ""]) }
        case .groups:
            out += line(["group", "existing", "chain", "stage", "zone", "firm", "firmName", "groupPartyMembers", "totalPartyMembers", "reachesThreshold", "reason"])
            for g in cut(r.groups) {
                for f in g.firms {
                    out += line([String(g.number), g.existing ?? "", g.chain ?? "", g.stage ?? "", g.zone ?? "", f.id, f.name, String(g.partyMembers), String(g.totalPartyMembers), g.reachesThreshold ? "true" : "false", g.reason])
                }
            }
        case .checks:
            out += line(["check", "chain", "subject", "subjectName", "ok", "detail"])
            for c in r.checks.chainOrganizations {
                out += line(["chain-organization", c.chain, c.chain, c.chainName, c.organizations.isEmpty ? "false" : "true", c.organizations.joined(separator: "|")])
            }
            for l in r.checks.leaders { out += line(["leader", l.chain, l.firm.id, l.firm.name, l.placed ? "true" : "false", l.detail]) }
            for s in r.checks.unreachedStages { out += line(["stage-reached", s.chain, s.stage, s.stageName, "false", "\(s.firms) firms"]) }
            for m in r.checks.mismatches {
                for o in m.offChain {
                    out += line(["chain-mismatch", m.chains.joined(separator: "|"), m.organization, m.name, "false", "\(o.firm.id) \(o.firm.name) in \(o.chains.joined(separator: "|"))"])
                }
            }
        case .pairings:
            out += line(["finding", "index", "id", "a", "aName", "b", "bName", "kind", "value", "primary", "pairings"])
            for p in cut(r.pairings.withoutBusiness) {
                out += line(["pairing-without-business", String(p.index), p.id ?? "", p.a, p.aName, p.b, p.bName, p.kind.rawValue, "", "", ""])
            }
            for l in cut(r.pairings.strongLinksWithoutPairing) {
                out += line(["strong-link-without-pairing", String(l.index), l.id ?? "", l.supplier.id, l.supplier.name, l.buyer.id, l.buyer.name, l.product ?? "", num(l.value), l.primary ? "true" : "false", ""])
            }
            for s in cut(r.pairings.oneToMany) {
                out += line(["one-to-many", "", "", s.party, s.name, "", "", s.byKind.map { "\($0.kind.rawValue):\($0.count)" }.joined(separator: "|"), "", "", String(s.pairings)])
            }
        case .needs:
            out += line(["by", "key", "name", "open", "inProgress", "solved", "total", "solvedPercent"])
            func add(_ by: String, _ rows: [OrganizationReport.NeedRow]) {
                for row in rows { out += line([by, row.key, row.name, String(row.open), String(row.inProgress), String(row.solved), String(row.total), num(row.solvedPercent)]) }
            }
            add("all", [r.needs.total])
            add("kind", r.needs.byKind)
            add("chain", r.needs.byChain)
            add("responder", Array(cut(r.needs.byResponder)))
        }
        return out
    }
}
