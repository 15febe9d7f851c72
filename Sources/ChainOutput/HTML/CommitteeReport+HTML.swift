import ChainAnalysis
import ChainModel

/// Renders a ``CommitteeReport`` and its map as one self-contained HTML file: no web address,
/// no external file; the style, the script (``ReportAssets``) and the data blob are inline, every
/// word comes from the catalog or the park's own data.
///
/// Element ids: the map's own (`firm-…`, `stage-…`, Graphviz's `node1`…), and the report's,
/// which all start with `r-` (`r-part-gaps`, `r-finding-3`), so the two never collide.
public struct HTMLReportRenderer: Sendable {
    public let catalog: Catalog

    public init(_ catalog: Catalog) { self.catalog = catalog }

    /// The catalog's text for a message without arguments.
    func t(_ id: String) -> String { catalog.render(Message(id)) }

    /// Meetings listed in the agenda table (all are in the data; the rest are counted).
    public static let agendaRows = 300
    /// Rows of one listing table (should build, should join …) in a large park.
    public static let listRows = 500

    /// - Complexity: O(size of the report + the map).
    public func render(_ report: CommitteeReport, map: ReportMap) -> [UInt8] {
        var w = HTMLWriter(capacity: map.svg.count + report.park.firms.count * 160 + (1 << 16))
        let park = report.park
        let title = catalog.render(Message("report.title", ["park": .text(park.name)]))
        w.raw(ReportAssets.doctype)
        w.open("html", [("lang", t("report.htmlLang"))])
        w.open("head")
        w.raw(ReportAssets.head)
        w.element("title", text: title)
        w.open("style")
        w.raw(ReportAssets.style)
        w.close("style")
        w.close("head")
        w.open("body", [("class", report.large ? "large" : "full")])
        writeNavigation(&w, report)
        for part in report.parts {
            switch part {
            case .overview: writeOverview(&w, report, title: title)
            case .changes: writeChanges(&w, report)
            case .trends: writeTrends(&w, report)
            case .map: writeMap(&w, report, map)
            case .gaps: writeGaps(&w, report, map)
            case .matches: writeMatches(&w, report)
            case .organization: writeOrganization(&w, report)
            case .needs: writeNeeds(&w, report)
            }
        }
        w.open("script", [("type", ReportAssets.dataType), ("id", "r-data")])
        var data: [UInt8] = []
        cardData(report, map).write(into: &data)
        w.raw(data)
        w.close("script")
        w.open("script")
        w.raw(ReportAssets.script)
        w.close("script")
        w.close("body")
        w.close("html")
        w.raw("\n")
        return w.bytes
    }

    // MARK: Parts

    private func partTitle(_ part: CommitteeReport.Part) -> String {
        catalog.render(Message("report.part." + part.rawValue))
    }

    private func writeNavigation(_ w: inout HTMLWriter, _ report: CommitteeReport) {
        w.open("nav", [("id", "r-nav")])
        for part in report.parts {
            w.element("a", [("href", "#" + "r-part-" + part.rawValue)], text: partTitle(part))
        }
        w.element("button", [("type", "button"), ("id", "r-print")], text: t("report.print"))
        w.close("nav")
    }

    private func openPart(_ w: inout HTMLWriter, _ part: CommitteeReport.Part, tag: String = "section") {
        w.open(tag, [("id", "r-part-" + part.rawValue), ("class", "part")])
        w.element("h2", text: partTitle(part))
    }

    private func writeOverview(_ w: inout HTMLWriter, _ report: CommitteeReport, title: String) {
        let s = report.summary
        w.open("header", [("id", "r-part-overview"), ("class", "part")])
        w.element("h1", text: title)
        var line: [String] = []
        if let region = s.region { line.append(region) }
        line.append(catalog.render(Message("report.dataDate", ["date": .text(s.dataDate ?? "-")])))
        w.element("p", [("class", "sub")], text: line.joined(separator: t("report.dot")))
        let solved = report.needsSolved
        let figures: [(String, Message)] = [
            ("firmsInPark", Message("report.figure.value.integer", ["n": .integer(s.firmsInPark)])),
            ("firmsOutside", Message("report.figure.value.integer", ["n": .integer(s.firms - s.firmsInPark)])),
            ("outputInPark", Message("report.figure.value.money", ["value": .money(s.outputInPark)])),
            ("links", Message("report.figure.value.integer", ["n": .integer(s.links)])),
            ("localLinks", Message("report.figure.value.integer", ["n": .integer(s.localActiveLinks)])),
            (
                "coverage",
                report.organizationCoverage.map { Message("report.figure.value.percent", ["value": .percent($0)]) }
                    ?? Message("report.figure.none")
            ),
            (
                "needsSolved",
                Message(
                    "report.figure.value.needs",
                    [
                        "solved": .integer(solved.solved), "total": .integer(solved.total),
                        "rate": .percent(solved.total > 0 ? Double(solved.solved) / Double(solved.total) : 0),
                    ])
            ),
            ("findings", Message("report.figure.value.integer", ["n": .integer(report.gaps.findingsTotal)])),
        ]
        w.open("dl", [("class", "figures")])
        for (key, value) in figures {
            w.open("div", [("class", "figure"), ("data-key", key)])
            w.element("dt", text: catalog.render(Message("report.figure." + key)))
            w.element("dd", text: catalog.render(value))
            w.close("div")
        }
        w.close("dl")
        if report.large {
            w.element(
                "p", [("class", "note")],
                text: catalog.render(
                    Message(
                        "report.large",
                        [
                            "firms": .integer(report.park.firms.count),
                            "limit": .integer(report.options.fullLayoutLimit),
                        ])))
        }
        w.close("header")
    }

    /// What changed since the older snapshot (`--since`), from ``ParkDiff``: the key figures
    /// before → after, the counts of what entered, left, opened and closed, then the diff's own
    /// sections (`chainmap diff`).
    private func writeChanges(_ w: inout HTMLWriter, _ report: CommitteeReport) {
        guard let diff = report.diff else { return }
        openPart(&w, .changes)
        w.element(
            "p", [("class", "sub")],
            text: catalog.render(
                Message(
                    "report.changes.dates",
                    [
                        "old": .text(diff.oldDate ?? "-"), "new": .text(diff.newDate ?? "-"),
                    ])))
        let b = diff.before, a = diff.after
        func count(_ key: String) -> Int { diff.totals[key] ?? 0 }
        func integers(_ x: Int, _ y: Int) -> Message {
            Message(
                y > x ? "report.changes.integers.up" : "report.changes.integers",
                ["before": .integer(x), "after": .integer(y), "change": .integer(y - x)])
        }
        func percents(_ x: Double?, _ y: Double?) -> Message {
            guard let x, let y else { return Message("report.figure.none") }
            return Message(
                "report.changes.percents",
                ["before": .number((x * 100).rounded(), digits: 0), "after": .number((y * 100).rounded(), digits: 0)])
        }
        // Links lost: removed from the data or now marked lost; won: added or now active.
        var lostByStatus = 0, wonByStatus = 0
        for (key, n) in diff.links.transitions {
            if key.hasSuffix("->" + LinkStatus.lost.rawValue) { lostByStatus += n }
            if key.hasSuffix("->" + LinkStatus.active.rawValue) { wonByStatus += n }
        }
        func pair(_ first: String, _ x: Int, _ second: String, _ y: Int) -> Message {
            Message(
                "report.changes.pair",
                [
                    "first": .message(Message("report.changes." + first)), "x": .integer(x),
                    "second": .message(Message("report.changes." + second)), "y": .integer(y),
                ])
        }
        let figures: [(String, Message, Message)] = [
            ("coverage", Message("report.figure.coverage"), percents(b.organizationRate, a.organizationRate)),
            ("workCoverage", Message("report.changes.workCoverage"), percents(b.workRate, a.workRate)),
            ("firmsInPark", Message("report.figure.firmsInPark"), integers(b.firmsInPark, a.firmsInPark)),
            (
                "outputInPark", Message("report.figure.outputInPark"),
                Message("report.changes.money", ["before": .money(b.outputInPark), "after": .money(a.outputInPark)])
            ),
            ("links", Message("report.figure.links"), integers(b.links, a.links)),
            ("needsSolved", Message("report.changes.needsSolved"), integers(b.needsSolved, a.needsSolved)),
            ("findings", Message("report.figure.findings"), integers(b.findingsTotal, a.findingsTotal)),
            (
                "firms", Message("report.changes.firms"),
                pair("entered", diff.firms.enteredInPark, "left", diff.firms.leftInPark)
            ),
            (
                "linksChanged", Message("report.changes.links"),
                pair("lost", count("linksRemoved") + lostByStatus, "won", count("linksAdded") + wonByStatus)
            ),
            (
                "gaps", Message("report.changes.gaps"),
                pair("opened", count("gapsOpened"), "closed", count("gapsClosed"))
            ),
            (
                "needs", Message("report.changes.needs"),
                pair("raised", count("needsRaised"), "solvedCount", count("needsSolved"))
            ),
        ]
        w.open("dl", [("class", "figures"), ("id", "r-changes-figures")])
        for (key, label, value) in figures {
            w.open("div", [("class", "figure"), ("data-key", key)])
            w.element("dt", text: catalog.render(label))
            w.element("dd", text: catalog.render(value))
            w.close("div")
        }
        w.close("dl")
        w.element("p", [("class", "note")], text: t("report.changes.linksNote"))
        writeSections(&w, diff.document().sections, prefix: "changes")
        w.close("section")
    }

    /// Trends over the park's dated snapshots (`--series DIR`): the key figures of each
    /// snapshot as a table (one row per snapshot, oldest first, the report's park last) and one
    /// line chart per figure (``TrendChart``, the charts of `chainmap trend -o trend.svg`).
    private func writeTrends(_ w: inout HTMLWriter, _ report: CommitteeReport) {
        guard let trend = report.trend, let first = trend.rows.first, let last = trend.rows.last else { return }
        openPart(&w, .trends)
        w.element(
            "p", [("class", "sub")],
            text: catalog.render(
                Message(
                    "report.trends.summary",
                    ["count": .integer(trend.rows.count), "first": .text(first.date), "last": .text(last.date)])))
        // The snapshot table of `chainmap trend`, its key figures only (no change columns, no
        // count per gap kind: the charts show those).
        let keep = Set(["date"] + TrendReport.figureKeys.filter { !$0.hasPrefix("findings.") })
        for section in trend.document().sections {
            for block in section.blocks {
                guard case .table(let table) = block else { continue }
                let picked = table.columns.indices.filter { keep.contains(table.columns[$0].key) }
                let subset = Table(
                    key: table.key, columns: picked.map { table.columns[$0] },
                    rows: table.rows.map { row in picked.map { row[$0] } })
                w.element("h3", text: t("report.trends.table"))
                writeTable(&w, subset, id: "r-table-trends")
            }
        }
        w.element("h3", text: t("report.trends.charts"))
        w.open("div", [("class", "trendcharts"), ("id", "r-trend-charts")])
        for key in TrendReport.figureKeys {
            let id = "r-trend-" + String(key.map { $0 == "." ? "-" : $0 })
            w.raw(TrendChart.inlineSVG(trend, key: key, catalog: catalog, id: id))
        }
        w.close("div")
        w.close("section")
    }

    private func writeMap(_ w: inout HTMLWriter, _ report: CommitteeReport, _ map: ReportMap) {
        openPart(&w, .map)
        w.open("div", [("class", "toolbar"), ("id", "r-toolbar")])
        w.open(
            "input",
            [
                ("type", "search"), ("id", "r-search"), ("autocomplete", "off"),
                ("placeholder", t("report.search.placeholder")), ("aria-label", t("report.search.label")),
            ])
        w.element(
            "button", [("type", "button"), ("id", "r-zoom-in"), ("title", t("report.zoomIn"))],
            text: t("report.zoomIn.short"))
        w.element(
            "button", [("type", "button"), ("id", "r-zoom-out"), ("title", t("report.zoomOut"))],
            text: t("report.zoomOut.short"))
        w.element("button", [("type", "button"), ("id", "r-fit")], text: t("report.fit"))
        w.element("span", [("id", "r-search-status"), ("class", "status")], text: "")
        w.close("div")
        w.open("ul", [("id", "r-search-results"), ("class", "results")])
        w.close("ul")
        w.element("p", [("class", "hint")], text: t(map.aggregated ? "report.map.hint.aggregated" : "report.map.hint"))
        w.open("div", [("class", "mapwrap")])
        w.open("div", [("id", "r-viewport"), ("class", "viewport")])
        w.raw(map.svg)
        w.close("div")
        w.open("aside", [("id", "r-card"), ("class", "card"), ("hidden", "")])
        w.close("aside")
        w.close("div")
        if map.aggregated {
            w.open("div", [("id", "r-drill"), ("class", "drill")])
            w.element("h3", text: t("report.drill.title"))
            w.element(
                "p", [("class", "hint")],
                text: catalog.render(Message("report.drill.hint", ["firms": .integer(report.options.drillFirms)])))
            w.open("label")
            w.text(t("report.drill.chain"))
            w.open("select", [("id", "r-drill-chain")])
            w.element("option", [("value", "")], text: t("report.drill.all"))
            for (i, chain) in report.park.chains.enumerated() {
                w.element("option", [("value", String(i))], text: chain.name)
            }
            w.close("select")
            w.close("label")
            w.open("label")
            w.text(t("report.drill.stage"))
            w.open("select", [("id", "r-drill-stage")])
            w.element("option", [("value", "")], text: t("report.drill.all"))
            w.close("select")
            w.close("label")
            w.open("div", [("id", "r-drill-map"), ("class", "drillmap")])
            w.close("div")
            w.open("input", [("type", "search"), ("id", "r-drill-filter"), ("placeholder", t("report.filter"))])
            w.element("p", [("id", "r-drill-status"), ("class", "status")], text: "")
            w.open("table", [("id", "r-drill-table"), ("class", "data")])
            w.open("thead")
            w.open("tr")
            for key in ["name", "stage", "output", "location"] {
                w.element("th", text: catalog.render(Message("report.drill.col." + key)))
            }
            w.close("tr")
            w.close("thead")
            w.open("tbody")
            w.close("tbody")
            w.close("table")
            w.close("div")
        }
        w.close("section")
    }

    /// Where a finding is on the map: its firm, its link's buyer or supplier, its stage, its
    /// chain, or the map as a whole.
    static func target(of finding: GapFinding, in map: ReportMap) -> String {
        let p = finding.place
        for firm in [p.firm, p.link?.buyer, p.link?.supplier] {
            if let firm, let id = map.firmElements[firm] { return id }
        }
        for stage in [p.stage, p.inputStage] {
            if let stage, let id = map.stageElements[stage] { return id }
        }
        if let chain = p.chain, let id = map.chainElements[chain] { return id }
        return "r-viewport"
    }

    private func writeGaps(_ w: inout HTMLWriter, _ report: CommitteeReport, _ map: ReportMap) {
        openPart(&w, .gaps)
        let gaps = report.gaps
        let counts = GapKind.allCases.map { kind in
            catalog.render(
                Message("gaps.countOf", ["kind": .message(.term(kind)), "count": .integer(gaps.counts[kind] ?? 0)]))
        }
        w.element(
            "p",
            text: catalog.render(Message("report.gaps.summary", ["total": .integer(gaps.findingsTotal)])) + " "
                + counts.joined(separator: t("report.listSeparator")))
        w.open("div", [("class", "toolbar")])
        w.open(
            "input",
            [
                ("type", "search"), ("class", "filter"), ("data-table", "r-gap-table"), ("id", "r-gap-filter"),
                ("placeholder", t("report.filter")), ("aria-label", t("report.filter")),
            ])
        w.open("select", [("class", "kind-filter"), ("data-table", "r-gap-table"), ("id", "r-gap-kind")])
        w.element("option", [("value", "")], text: t("report.gaps.allKinds"))
        for kind in GapKind.allCases {
            w.element("option", [("value", kind.rawValue)], text: catalog.render(.term(kind)))
        }
        w.close("select")
        w.element("span", [("class", "status"), ("data-count-for", "r-gap-table")], text: "")
        w.close("div")
        w.open("table", [("id", "r-gap-table"), ("class", "data"), ("data-sortable", "")])
        w.open("thead")
        w.open("tr")
        let columns: [(String, String)] = [
            ("rank", "num"), ("kind", "text"), ("level", "num"), ("severity", "num"), ("atRisk", "num"),
            ("place", "text"), ("evidence", "text"), ("remedy", "text"),
        ]
        for (key, type) in columns {
            w.element(
                "th", [("data-type", type), ("data-key", key)], text: catalog.render(Message("report.gaps.col." + key)))
        }
        w.close("tr")
        w.close("thead")
        w.open("tbody")
        for (i, f) in gaps.findings.enumerated() {
            w.open(
                "tr",
                [
                    ("id", "r-finding-\(i)"), ("data-kind", f.kind.rawValue),
                    ("class", "level-" + f.severity.level.rawValue),
                ])
            w.element("td", [("data-v", String(i + 1))], text: String(i + 1))
            w.element("td", text: catalog.render(.term(f.kind)))
            w.element(
                "td", [("data-v", String(Self.levelRank(f.severity.level)))],
                text: catalog.render(.term(f.severity.level)))
            w.element("td", [("data-v", Self.number(f.severity.value))], text: catalog.render(f.severity.message))
            w.element(
                "td", [("data-v", Self.number(f.severity.atRisk))],
                text: catalog.render(Message("report.money", ["value": .money(f.severity.atRisk)])))
            w.open("td")
            w.element(
                "a",
                [
                    ("href", "#" + Self.target(of: f, in: map)), ("class", "maplink"),
                    ("data-target", Self.target(of: f, in: map)),
                ],
                text: catalog.render(f.place.message))
            w.close("td")
            w.element("td", text: catalog.render(f.evidence.message))
            w.element("td", text: catalog.render(f.remedy.message))
            w.close("tr")
        }
        w.close("tbody")
        w.close("table")
        if gaps.findingsTotal > gaps.findings.count {
            w.element(
                "p", [("class", "note")],
                text: catalog.render(
                    Message("gaps.more", ["count": .integer(gaps.findingsTotal - gaps.findings.count)])))
        }
        w.close("section")
    }

    static func levelRank(_ level: GapLevel) -> Int {
        switch level {
        case .info: 0
        case .warning: 1
        case .critical: 2
        }
    }

    static func number(_ d: Double) -> String { d.isFinite ? String(d) : "0" }

    private func writeMatches(_ w: inout HTMLWriter, _ report: CommitteeReport) {
        openPart(&w, .matches)
        var document = report.agenda.document()
        for s in document.sections.indices {
            for b in document.sections[s].blocks.indices {
                if case .table(var t) = document.sections[s].blocks[b], t.rows.count > Self.agendaRows {
                    t.omittedRows += t.rows.count - Self.agendaRows
                    t.rows.removeSubrange(Self.agendaRows...)
                    document.sections[s].blocks[b] = .table(t)
                }
            }
        }
        writeSections(&w, document.sections, prefix: "agenda")
        // Per-firm suggestions: each in-park firm's best suggestion (small parks).
        w.element("h3", text: t("report.matches.perFirm"))
        let park = report.park
        var rows: [[Cell]] = []
        for (i, card) in report.cards.enumerated() where park.firms[i].inPark {
            for s in card.matches.filter({ $0.firm == park.firms[i].id }).prefix(3) {
                rows.append([
                    .text(park.firms[i].name), MatchLayout.direction(s.direction), .text(s.candidateName),
                    MatchLayout.score(s.score.total), .message(s.explanation),
                ])
            }
            if rows.count >= Self.listRows { break }
        }
        let table = Table(
            key: "perFirm",
            columns: [
                Column("firm", "report.matches.col.firm"), Column("direction", "match.col.kind"),
                Column("candidate", "report.matches.col.candidate"),
                Column("score", "match.col.score", .number), Column("explanation", "match.col.why"),
            ], rows: rows)
        if rows.isEmpty {
            w.element("p", [("class", "note")], text: t("report.matches.perFirm.large"))
        } else {
            writeTable(&w, table, id: "r-table-perfirm")
        }
        w.close("section")
    }

    private func writeOrganization(_ w: inout HTMLWriter, _ report: CommitteeReport) {
        openPart(&w, .organization)
        let org = report.organization
        let chainRows = org.coverage.filter { $0.scope == .chain || $0.scope == .park }
        let stageRows = org.coverage.filter { $0.scope == .stage }
        w.element("h3", text: t("report.org.byChain"))
        w.raw(
            ReportChart.bars(
                rows: chainRows.map {
                    ReportChart.Row(
                        label: $0.chainName ?? t("report.org.park"), value: $0.organizationRate ?? 0,
                        second: $0.workRate, text: Self.percentText($0.organizationRate))
                },
                legend: (t("report.org.legend.organization"), t("report.org.legend.work")), id: "r-chart-chains"))
        w.element("h3", text: t("report.org.byStage"))
        w.raw(
            ReportChart.bars(
                rows: stageRows.map {
                    ReportChart.Row(
                        label: catalog.render(
                            Message(
                                "report.org.stageOfChain",
                                [
                                    "chain": .text($0.chainName ?? $0.chain ?? ""),
                                    "stage": .text($0.stageName ?? $0.stage ?? ""),
                                ])),
                        value: $0.organizationRate ?? 0, second: $0.workRate,
                        text: Self.percentText($0.organizationRate))
                },
                legend: (t("report.org.legend.organization"), t("report.org.legend.work")), id: "r-chart-stages"))
        let document = org.document()
        let keep = ["build", "join", "pairings", "checks"]
        writeSections(&w, keep.compactMap { k in document.sections.first { $0.key == k } }, prefix: "org")
        w.close("section")
    }

    private func writeNeeds(_ w: inout HTMLWriter, _ report: CommitteeReport) {
        openPart(&w, .needs)
        let needs = report.organization.needs
        w.element("p", text: t("report.needs.lists"))
        w.element("h3", text: t("report.needs.byKind"))
        w.raw(
            ReportChart.bars(
                rows: ([needs.total] + needs.byKind).map { row in
                    ReportChart.Row(
                        label: row.key == needs.total.key
                            ? t("report.needs.all") : catalog.render(Message("needKind." + row.key)),
                        value: row.solvedRate ?? 0, second: nil,
                        text: catalog.render(
                            Message(
                                "report.needs.rate",
                                [
                                    "solved": .integer(row.solved), "total": .integer(row.total),
                                    "rate": .percent(row.solvedRate ?? 0),
                                ])))
                },
                legend: (t("report.needs.legend.solved"), nil), id: "r-chart-needs"))
        writeNeedsAgeing(&w, needs)
        let document = report.organization.document()
        writeSections(&w, document.sections.filter { $0.key == "needs" }, prefix: "needs")
        // The needs list itself: every need with its firm, kind, status and responder.
        let park = report.park
        let names = Dictionary(park.firms.map { ($0.id, $0.name) }, uniquingKeysWith: { a, _ in a })
        let rows: [[Cell]] = park.needs.prefix(Self.listRows).map { n in
            [
                .text(names[n.firm] ?? n.firm), .term(n.kind.rawValue, Message("needKind." + n.kind.rawValue)),
                .term(n.status.rawValue, Message("needStatus." + n.status.rawValue)), .text(n.text ?? n.product ?? ""),
                .text(n.responder ?? ""),
            ]
        }
        var table = Table(
            key: "needList",
            columns: [
                Column("firm", "report.needs.col.firm"), Column("kind", "report.needs.col.kind"),
                Column("status", "report.needs.col.status"),
                Column("text", "report.needs.col.text"), Column("responder", "report.needs.col.responder"),
            ], rows: rows)
        table.omittedRows = max(0, park.needs.count - Self.listRows)
        w.element("h3", text: t("report.needs.list"))
        writeTable(&w, table, id: "r-table-needlist")
        w.close("section")
    }

    /// Needs ageing (the values of `chainmap orgs --section needs`): raised and solved, the
    /// solved rate, open needs and how many are older than the overdue limit, the oldest open
    /// need's age and the median days to solve; then the solved rate by responder. Only when
    /// some need is dated.
    private func writeNeedsAgeing(_ w: inout HTMLWriter, _ needs: OrganizationReport.NeedsSummary) {
        let total = needs.total
        guard needs.openNeeds.contains(where: { $0.raised != nil }) || total.solvedWithDates > 0 else { return }
        w.element("h3", text: t("report.needs.ageing"))
        func integer(_ n: Int) -> Message { Message("report.figure.value.integer", ["n": .integer(n)]) }
        let figures: [(String, Message, Message)] = [
            ("raised", Message("report.needs.ageing.raised"), integer(total.total)),
            ("solved", Message("report.needs.ageing.solved"), integer(total.solved)),
            (
                "solvedRate", Message("report.needs.ageing.solvedRate"),
                Message("report.figure.value.percent", ["value": .percent(total.solvedRate ?? 0)])
            ),
            ("open", Message("report.needs.ageing.open"), integer(total.open + total.inProgress)),
            (
                "overdue", Message("report.needs.ageing.overdue", ["days": .integer(needs.overdueDays)]),
                integer(needs.overdue)
            ),
            (
                "oldestOpenDays", Message("report.needs.ageing.oldest"),
                total.oldestOpenDays.map { Message("report.needs.ageing.days", ["days": .integer($0)]) }
                    ?? Message("report.figure.none")
            ),
            (
                "medianDaysToSolve", Message("report.needs.ageing.median"),
                total.medianDaysToSolve.map {
                    Message("report.needs.ageing.daysNumber", ["days": .number($0, digits: 1)])
                }
                    ?? Message("report.figure.none")
            ),
        ]
        w.open("dl", [("class", "figures"), ("id", "r-needs-ageing")])
        for (key, label, value) in figures {
            w.open("div", [("class", "figure"), ("data-key", key)])
            w.element("dt", text: catalog.render(label))
            w.element("dd", text: catalog.render(value))
            w.close("div")
        }
        w.close("dl")
        if let asOf = needs.asOf {
            w.element(
                "p", [("class", "note")],
                text: catalog.render(
                    Message(
                        "report.needs.ageing.asOf",
                        [
                            "asOf": .text(asOf), "days": .integer(needs.overdueDays),
                            "undated": .integer(needs.undatedOpen),
                        ])))
        }
        let responders = needs.byResponder.prefix(Self.chartRows)
        guard !responders.isEmpty else { return }
        w.element("h3", text: t("report.needs.byResponder"))
        w.raw(
            ReportChart.bars(
                rows: responders.map { row in
                    ReportChart.Row(
                        label: row.key == OrganizationReport.none
                            ? t("report.needs.noResponder") : (row.name ?? row.key),
                        value: row.solvedRate ?? 0, second: nil,
                        text: catalog.render(
                            Message(
                                "report.needs.responderRate",
                                [
                                    "solved": .integer(row.solved), "total": .integer(row.total),
                                    "rate": .percent(row.solvedRate ?? 0),
                                    "overdue": .integer(row.overdue),
                                ])))
                },
                legend: (t("report.needs.legend.solved"), nil), id: "r-chart-responders"))
    }

    /// Bars in one chart at most.
    public static let chartRows = 40

    static func percentText(_ rate: Double?) -> String { rate.map { Quantity.percent($0) } ?? "-" }

    // MARK: Documents as HTML

    private func writeSections(_ w: inout HTMLWriter, _ sections: [Section], prefix: String) {
        for section in sections {
            w.element("h3", text: catalog.render(section.title))
            var n = 0
            for block in section.blocks {
                switch block {
                case .paragraph(let m): w.element("p", text: catalog.render(m))
                case .note(let m): w.element("p", [("class", "note")], text: catalog.render(m))
                case .facts(let facts):
                    w.open("dl", [("class", "facts")])
                    for f in facts {
                        w.element("dt", text: catalog.render(f.label))
                        w.element("dd", text: f.value.text(catalog))
                    }
                    w.close("dl")
                case .table(let table) where table.audience != .programs:
                    writeTable(&w, table, id: "r-table-\(prefix)-\(section.key)-\(n)")
                    n += 1
                case .table: break
                }
            }
        }
    }

    /// A sortable, filterable table: each cell carries its machine value in `data-v` for
    /// sorting numbers.
    private func writeTable(_ w: inout HTMLWriter, _ table: Table, id: String) {
        let table = table.columns(for: .people)
        w.open("div", [("class", "toolbar")])
        w.open(
            "input",
            [
                ("type", "search"), ("class", "filter"), ("data-table", id), ("placeholder", t("report.filter")),
                ("aria-label", t("report.filter")),
            ])
        w.element("span", [("class", "status"), ("data-count-for", id)], text: "")
        w.close("div")
        w.open("table", [("id", id), ("class", "data"), ("data-sortable", "")])
        w.open("thead")
        w.open("tr")
        for c in table.columns {
            w.element(
                "th", [("data-type", c.isNumeric ? "num" : "text"), ("data-key", c.key)], text: catalog.render(c.title))
        }
        w.close("tr")
        w.close("thead")
        w.open("tbody")
        for row in table.rows {
            w.open("tr")
            for cell in row {
                w.element("td", [("data-v", Self.sortValue(cell))], text: cell.text(catalog))
            }
            w.close("tr")
        }
        w.close("tbody")
        w.close("table")
        if table.omittedRows > 0 {
            w.element(
                "p", [("class", "note")],
                text: catalog.render(Message("table.more", ["count": .integer(table.omittedRows)])))
        }
    }

    static func sortValue(_ cell: Cell) -> String? {
        switch cell {
        case .integer(let n): String(n)
        case .number(let d, _), .money(let d), .percent(let d): number(d)
        case .bool(let b): b ? "1" : "0"
        default: nil
        }
    }
}
