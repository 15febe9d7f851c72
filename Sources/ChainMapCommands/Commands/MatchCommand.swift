import ArgumentParser
import ChainAnalysis
import ChainRender
import Foundation

/// `chainmap match PARK`: supply–demand matchmaking (供需对接) for one firm, a park-wide agenda,
/// candidates to fill a stage, or the link-recovery benchmark.
struct MatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "match",
        abstract: "Matchmaking (供需对接): suppliers, buyers and capability providers for a firm, or a park-wide agenda.",
        discussion: """
            For --firm: upstream candidates make what the firm needs or buys (supply needs, \
            products on its links, stages that feed its stage); downstream candidates buy or \
            need what it makes; capability candidates (firms and agencies) offer what its \
            capability, finance, service or talent needs ask for, across product lines. Firms \
            it already trades with in that direction are left out.

            Score = weighted mean of parts in 0..1: fit (concepts of the need covered by the \
            offer, with a synonym table: 自动化 = automation = 自动化改造 = 自动化研发), template \
            (the candidate's stage feeds the firm's), proximity (personalized PageRank from the \
            firm over supply, pairings and memberships: shared alliances and pairings are trust \
            channels), locality (same zone), capacity (against the need's size), leader \
            (chain-leader involvement), record (how many firms it already supplies or buys \
            from). Weights: --weight-* options.

            --all builds an agenda: at most --per-firm meetings per firm, maximising the total \
            score by an exact b-matching (min-cost flow, successive shortest paths), compared \
            with greedy. --stage lists firms to fill a stage (in the park, and with --candidates \
            from a file of outside firms). --evaluate hides 20% of the links and measures how \
            well they are found again. Details: docs/MATCHING.md.

            Examples:
              chainmap match samples/yihuang-plastics.json --firm 创泰活塞
              chainmap match samples/beilun-nev.json --firm FIRM --direction upstream --top 10
              chainmap match samples/wujin-machinery.json --all --per-firm 3 --format csv
              chainmap match samples/yihuang-plastics.json --stage pl-resin --candidates outside.json
              chainmap match samples/jinchang-battery.json --gaps --candidates prospects.json
              chainmap map samples/yihuang-plastics.json --show matches -o matches.svg
              chainmap match samples/yihuang-plastics.json --evaluate
            """)

    @OptionGroup var input: ParkOptions

    @Option(help: "The firm to match (an id or part of its name).")
    var firm: String?

    @Flag(help: "A park-wide agenda of meetings (b-matching).")
    var all = false

    @Option(help: "Fill this stage (a stage id): the best firms to build or attract.")
    var stage: String?

    @Flag(help: "For each finding of `chainmap gaps`: firms to fill it (in the park, and with --candidates from outside).")
    var gaps = false

    @Flag(help: "Benchmark: hide a share of the active links and recover them (precision@k, recall@k, MRR vs baselines).")
    var evaluate = false

    @Option(help: "Directions for --firm, comma-separated: upstream, downstream, capability (default all).")
    var direction: String?

    @Option(help: "Suggestions per direction (--firm) or per stage (--stage).")
    var top: Int = 10

    @Option(name: .customLong("per-firm"), help: "Most meetings per firm in the agenda (--all).")
    var perFirm: Int = 3

    @Option(name: .customLong("candidates-per-firm"), help: "Candidates kept per firm and direction before the assignment (--all).")
    var candidatesPerFirm: Int = 20

    @Option(help: "With --stage: a park file or CSV bundle of outside firms to rank as well.")
    var candidates: String?

    @Flag(name: .customLong("include-solved"), help: "Count solved needs too.")
    var includeSolved = false

    @Flag(name: .customLong("in-park-only"), help: "Do not suggest firms outside the park.")
    var inParkOnly = false

    @Option(name: .customLong("weight-fit"), help: "Weight of the fit part.")
    var weightFit: Double = MatchWeights().fit
    @Option(name: .customLong("weight-template"), help: "Weight of the chain-template part.")
    var weightTemplate: Double = MatchWeights().template
    @Option(name: .customLong("weight-proximity"), help: "Weight of the graph-proximity part.")
    var weightProximity: Double = MatchWeights().proximity
    @Option(name: .customLong("weight-locality"), help: "Weight of the locality part.")
    var weightLocality: Double = MatchWeights().locality
    @Option(name: .customLong("weight-capacity"), help: "Weight of the capacity part.")
    var weightCapacity: Double = MatchWeights().capacity
    @Option(name: .customLong("weight-leader"), help: "Weight of the chain-leader part.")
    var weightLeader: Double = MatchWeights().leader
    @Option(name: .customLong("weight-record"), help: "Weight of the track-record part.")
    var weightRecord: Double = MatchWeights().record

    @Option(name: .customLong("proximity-decades"), help: "Decades of PageRank below the best candidate that the proximity part spans.")
    var proximityDecades: Double = MatchOptions().proximityDecades

    @Option(name: .customLong("push-epsilon"), help: "Precision of the local PageRank push (smaller: more precise, slower). Default 1e-5; 1e-4 for --all.")
    var pushEpsilon: Double?

    @Option(name: .customLong("scan-limit"), help: "Firms read per product or stage list, largest first (the push adds the ones it reaches). Default 2000; 500 for --all.")
    var scanLimit: Int?

    @Option(help: "--evaluate: share of active links hidden.")
    var hide: Double = 0.2
    @Option(help: "--evaluate: seed.")
    var seed: UInt64 = 42
    @Option(help: "--evaluate: most queries per direction.")
    var queries: Int = 1000

    @Flag(help: "Print the time of loading, indexing and the query or agenda on standard error.")
    var timing = false

    @Option(name: .customLong("benchmark-queries"), help: ArgumentHelp("Time N single-firm queries (firms spread over the park) after indexing; prints timings only.", visibility: .hidden))
    var benchmarkQueries: Int?

    @Option(help: "Output format: table, json, or csv.")
    var format: LegacyOutputFormat = .table

    func validate() throws {
        let modes = [firm != nil, all, stage != nil, gaps, evaluate, benchmarkQueries != nil].filter { $0 }.count
        if modes != 1 { throw ValidationError("give exactly one of --firm, --all, --stage, --gaps, --evaluate") }
        if let benchmarkQueries, benchmarkQueries < 1 { throw ValidationError("--benchmark-queries must be at least 1") }
        if top < 1 { throw ValidationError("--top must be at least 1") }
        if perFirm < 1 { throw ValidationError("--per-firm must be at least 1") }
        if candidatesPerFirm < 1 { throw ValidationError("--candidates-per-firm must be at least 1") }
        if !(hide > 0 && hide < 1) { throw ValidationError("--hide must be between 0 and 1") }
        if let pushEpsilon, !(pushEpsilon > 0 && pushEpsilon < 1) { throw ValidationError("--push-epsilon must be between 0 and 1") }
        if let scanLimit, scanLimit < 1 { throw ValidationError("--scan-limit must be at least 1") }
        if !(proximityDecades > 0) { throw ValidationError("--proximity-decades must be above 0") }
        if queries < 1 { throw ValidationError("--queries must be at least 1") }
        for w in [weightFit, weightTemplate, weightProximity, weightLocality, weightCapacity, weightLeader, weightRecord] where !(w >= 0 && w.isFinite) {
            throw ValidationError("weights must be 0 or more")
        }
        if candidates != nil && stage == nil && !gaps { throw ValidationError("--candidates goes with --stage or --gaps") }
        _ = try directions()
    }

    func directions() throws -> Set<MatchDirection> {
        guard let direction else { return Set(MatchDirection.allCases) }
        var result = Set<MatchDirection>()
        for word in direction.split(separator: ",") {
            guard let d = MatchDirection(rawValue: word.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("unknown direction '\(word)'; use upstream, downstream or capability")
            }
            result.insert(d)
        }
        return result
    }

    func matchOptions() throws -> MatchOptions {
        var options = MatchOptions()
        options.weights = MatchWeights(
            fit: weightFit, template: weightTemplate, proximity: weightProximity, locality: weightLocality,
            capacity: weightCapacity, leader: weightLeader, record: weightRecord)
        options.directions = try directions()
        options.top = top
        options.includeSolvedNeeds = includeSolved
        options.includeOutside = !inParkOnly
        options.proximityDecades = proximityDecades
        let base = all ? MatchAgendaOptions().match : MatchOptions()
        options.pushEpsilon = pushEpsilon ?? base.pushEpsilon
        options.scanLimit = scanLimit ?? base.scanLimit
        return options
    }

    func run() throws {
        let clock = ContinuousClock()
        let started = clock.now
        let park = try input.load().park
        let loaded = clock.now
        if timing { Console.err("load: \(Self.seconds(started, loaded)) s (\(park.firms.count) firms, \(park.links.count) links)\n") }
        let options = try matchOptions()
        if evaluate {
            var e = MatchEvaluationOptions()
            e.hide = hide
            e.seed = seed
            e.maxQueries = queries
            e.match = options
            let progress = ProgressLine("Evaluating")
            let result = MatchEvaluation(park: park, options: e)
            progress.finish()
            switch format {
            case .json: Console.out(bytes: result.json())
            case .csv:
                var out = Self.line(["direction", "method", "queries", "precisionAtK", "recallAtK", "mrr"])
                for r in result.rows { out += Self.line([r.direction.rawValue, r.method, String(r.queries), Self.fmt(r.precision), Self.fmt(r.recall), Self.fmt(r.mrr)]) }
                Console.out(out)
            case .table:
                var out = "\(park.name): \(result.hiddenLinks) of \(result.activeLinks) active links hidden (seed \(seed)); k = \(e.k)\n"
                var table = TextTable(["direction", "method", "queries", "precision@\(e.k)", "recall@\(e.k)", "MRR"], alignments: [.left, .left, .right, .right, .right, .right])
                for r in result.rows { table.add([r.direction.rawValue, r.method, String(r.queries), Self.fmt(r.precision), Self.fmt(r.recall), Self.fmt(r.mrr)]) }
                out += table.render()
                Console.out(out)
            }
            return
        }
        let progress = ProgressLine("Indexing")
        let index = MatchIndex(park: park)
        progress.finish()
        let indexed = clock.now
        if timing { Console.err("index: \(Self.seconds(loaded, indexed)) s\n") }
        if let benchmarkQueries {
            // Firms spread evenly over the park; every query in every direction.
            var ws = MatchWorkspace(index)
            var times: [Double] = []
            var suggestions = 0
            let count = min(benchmarkQueries, park.firms.count)
            for q in 0..<count {
                let node = Int32(q * park.firms.count / count)
                let t0 = clock.now
                suggestions += index.matches(forNode: node, options: options, workspace: &ws).suggestions.count
                times.append(Self.milliseconds(t0, clock.now))
            }
            times.sort()
            let mean = times.reduce(0, +) / Double(max(1, times.count))
            let p = { (q: Double) in times[min(times.count - 1, Int(Double(times.count) * q))] }
            Console.out("queries \(count), suggestions \(suggestions); per query (ms): mean \(Self.fmt(mean)), median \(Self.fmt(p(0.5))), p99 \(Self.fmt(p(0.99))), max \(Self.fmt(times.last ?? 0))\n")
            return
        }
        if let firm {
            let result: FirmMatches
            do {
                let firmRecord = try park.firm(matching: firm)
                let t0 = clock.now
                var ws = MatchWorkspace(index)
                let node = index.graph.node(ofFirm: firmRecord.id) ?? 0
                result = index.matches(forNode: node, options: options, workspace: &ws)
                if timing { Console.err("query: \(Self.fmt(Self.milliseconds(t0, clock.now))) ms (workspace included)\n") }
            } catch {
                Console.err("error: \(error.description)\n")
                throw ExitCode.failure
            }
            switch format {
            case .json: Console.out(bytes: result.json(options: options))
            case .csv:
                var out = Self.line(["firm", "direction", "rank", "candidate", "candidateName", "need", "offer", "wanted", "score", "fit", "template", "proximity", "locality", "capacity", "leader", "record", "channels", "explanation"])
                var rank: [MatchDirection: Int] = [:]
                for s in result.suggestions {
                    rank[s.direction, default: 0] += 1
                    out += Self.line([s.firm, s.direction.rawValue, String(rank[s.direction] ?? 0)] + Self.fields(s))
                }
                Console.out(out)
            case .table:
                var out = "Matches for \(result.firmName) (\(result.firm)) in \(park.name)\n"
                for d in MatchDirection.allCases where options.directions.contains(d) {
                    let list = result.suggestions(d)
                    out += "\n== \(d.rawValue): \(list.count) ==\n"
                    for (i, s) in list.enumerated() {
                        out += "\(i + 1). \(s.candidateName) (\(s.candidate))  score \(Self.fmt(s.score.total))  [\(Self.parts(s.score))]\n"
                        out += "   \(s.explanation)\n"
                    }
                }
                Console.out(out)
            }
            return
        }
        if all {
            var a = MatchAgendaOptions()
            a.perFirm = perFirm
            a.candidatesPerFirm = candidatesPerFirm
            a.match = options
            let progress = ProgressLine("Building the agenda")
            let t0 = clock.now
            let agenda = index.agenda(options: a)
            progress.finish()
            if timing {
                Console.err("agenda: \(Self.seconds(t0, clock.now)) s; total \(Self.seconds(started, clock.now)) s; \(agenda.meetings.count) meetings from \(agenda.candidatePairs) pairs, score \(Self.fmt(agenda.total)) (greedy \(Self.fmt(agenda.greedyTotal)) in \(agenda.greedyMeetings), upper bound \(Self.fmt(agenda.upperBound)))\n")
            }
            switch format {
            case .json: Console.out(bytes: agenda.json(options: a))
            case .csv:
                var out = Self.line(["meeting", "requester", "requesterName", "offerer", "offererName", "direction", "need", "offer", "wanted", "score", "fit", "template", "proximity", "locality", "capacity", "leader", "record", "channels", "explanation"])
                for (i, m) in agenda.meetings.enumerated() {
                    let s = m.suggestion
                    out += Self.line([String(i + 1), m.requester, m.requesterName, m.offerer, m.offererName, s.direction.rawValue] + Array(Self.fields(s).dropFirst(2)))
                }
                Console.out(out)
            case .table:
                var out = "Agenda for \(park.name): \(agenda.meetings.count) meetings, at most \(perFirm) per firm\n"
                out += "total score \(Self.fmt(agenda.total)) (greedy: \(Self.fmt(agenda.greedyTotal)) in \(agenda.greedyMeetings) meetings; upper bound \(Self.fmt(agenda.upperBound))); \(agenda.candidatePairs) candidate pairs\n\n"
                var table = TextTable(["#", "requester", "offerer", "kind", "score", "why"], alignments: [.right, .left, .left, .left, .right, .left])
                for (i, m) in agenda.meetings.enumerated() {
                    table.add([String(i + 1), "\(m.requesterName) (\(m.requester))", "\(m.offererName) (\(m.offerer))", m.suggestion.direction == .capability ? "capability" : "supply", Self.fmt(m.suggestion.score.total), m.suggestion.explanation])
                }
                out += table.render()
                Console.out(out)
            }
            return
        }
        var outside: Park? = nil
        if let candidates {
            outside = Park(id: "candidates", name: candidates, firms: try GapsCommand.loadCandidates(candidates, park: park))
        }
        if gaps {
            let fills = index.gapFills(GapReport(park: park), outside: outside, top: top)
            switch format {
            case .json:
                var w = JSONWriter()
                w.beginObject()
                w.key("findings"); w.beginArray()
                for g in fills {
                    w.element(); w.beginObject()
                    w.key("place"); w.string(g.place)
                    w.key("rule"); w.string(g.rule.rawValue)
                    w.key("level"); w.string(g.level.rawValue)
                    if let s = g.stage { w.key("stage"); w.string(s) }
                    if let f = g.firm { w.key("firm"); w.string(f) }
                    w.key("stageCandidates"); w.beginArray()
                    for c in g.stageCandidates {
                        w.element(); w.beginObject()
                        w.key("firm"); w.string(c.firm); w.key("name"); w.string(c.firmName); w.key("inPark"); w.bool(c.inPark)
                        w.key("offer"); w.string(c.offer); w.key("score"); w.number((c.score * 10000).rounded() / 10000)
                        w.endObject()
                    }
                    w.endArray()
                    w.key("suppliers"); w.beginArray()
                    for s in g.suppliers {
                        w.element(); w.beginObject()
                        w.key("candidate"); w.string(s.candidate); w.key("name"); w.string(s.candidateName)
                        w.key("score"); w.number((s.score.total * 10000).rounded() / 10000); w.key("explanation"); w.string(s.explanation)
                        w.endObject()
                    }
                    w.endArray()
                    w.endObject()
                }
                w.endArray()
                w.endObject()
                Console.out(bytes: w.finish())
            case .csv:
                var out = Self.line(["place", "rule", "level", "stage", "firm", "kind", "rank", "candidate", "candidateName", "inPark", "offer", "score"])
                for g in fills {
                    for (i, c) in g.stageCandidates.enumerated() {
                        out += Self.line([g.place, g.rule.rawValue, g.level.rawValue, g.stage ?? "", g.firm ?? "", "stage", String(i + 1), c.firm, c.firmName, c.inPark ? "true" : "false", c.offer, Self.fmt(c.score)])
                    }
                    for (i, s) in g.suppliers.enumerated() {
                        out += Self.line([g.place, g.rule.rawValue, g.level.rawValue, g.stage ?? "", g.firm ?? "", "supplier", String(i + 1), s.candidate, s.candidateName, "", s.offer, Self.fmt(s.score.total)])
                    }
                }
                Console.out(out)
            case .table:
                var out = "Filling the gaps of \(park.name): \(fills.count) findings\n"
                for g in fills {
                    out += "\n\(g.level.rawValue) \(g.rule.rawValue) at \(g.place)\n"
                    if let s = g.stage {
                        let list = g.stageCandidates.map { "\($0.firmName) (\($0.firm)\($0.inPark ? "" : ", outside"), \($0.offer))" }
                        out += "  stage \(s): " + (list.isEmpty ? "no candidate" : list.joined(separator: "; ")) + "\n"
                    }
                    for s in g.suppliers { out += "  supplier: \(s.explanation) (\(Self.fmt(s.score.total)))\n" }
                }
                Console.out(out)
            }
            return
        }
        if let stage {
            guard park.chains.contains(where: { $0.stages.contains { $0.id == stage } }) else {
                Console.err("error: no stage \"\(stage)\"; `chainmap info \(input.displayName)` lists the stages\n")
                throw ExitCode.failure
            }
            let list = index.stageCandidates(stage: stage, outside: outside, top: top)
            switch format {
            case .json:
                var w = JSONWriter()
                w.beginObject()
                w.key("stage"); w.string(stage)
                w.key("candidates"); w.beginArray()
                for c in list {
                    w.element(); w.beginObject()
                    w.key("firm"); w.string(c.firm); w.key("name"); w.string(c.firmName)
                    w.key("inPark"); w.bool(c.inPark); w.key("sameStage"); w.bool(c.sameStage)
                    w.key("offer"); w.string(c.offer)
                    w.key("fit"); w.number((c.fit * 10000).rounded() / 10000)
                    w.key("score"); w.number((c.score * 10000).rounded() / 10000)
                    if let o = c.output { w.key("output"); w.number(o) }
                    w.endObject()
                }
                w.endArray()
                w.endObject()
                Console.out(bytes: w.finish())
            case .csv:
                var out = Self.line(["rank", "firm", "firmName", "inPark", "sameStage", "offer", "fit", "score", "output"])
                for (i, c) in list.enumerated() {
                    out += Self.line([String(i + 1), c.firm, c.firmName, c.inPark ? "true" : "false", c.sameStage ? "true" : "false", c.offer, Self.fmt(c.fit), Self.fmt(c.score), c.output.map(NumberFormat.shortest) ?? ""])
                }
                Console.out(out)
            case .table:
                var out = "Candidates to fill stage \(stage) in \(park.name)\n"
                var table = TextTable(["#", "firm", "where", "makes", "fit", "score"], alignments: [.right, .left, .left, .left, .right, .right])
                for (i, c) in list.enumerated() {
                    table.add([String(i + 1), "\(c.firmName) (\(c.firm))", c.inPark ? "in park" : (c.sameStage ? "outside, same stage" : "outside"), c.offer, Self.fmt(c.fit), Self.fmt(c.score)])
                }
                out += table.render()
                Console.out(out)
            }
        }
    }

    /// The park-wide agenda's meetings as suggested links for `chainmap map --show matches`:
    /// the 40 best meetings between firms (of `chain` when given), offerer → requester.
    static func mapOverlays(park: Park, chain: String?) -> [MapOverlay] {
        let index = MatchIndex(park: park)
        let agenda = index.agenda()
        var inChain = Set<String>()
        if let chain, let c = park.chains.first(where: { $0.id == chain }) {
            let stages = Set(c.stages.map(\.id))
            for f in park.firms where f.leads.contains(chain) || f.stages.contains(where: stages.contains) { inChain.insert(f.id) }
        }
        let firms = Set(park.firms.map(\.id))
        let meetings = agenda.meetings.filter { m in
            firms.contains(m.offerer) && (chain == nil || inChain.contains(m.requester) || inChain.contains(m.offerer))
        }
        let best = meetings.enumerated().sorted { a, b in
            a.element.suggestion.score.total != b.element.suggestion.score.total
                ? a.element.suggestion.score.total > b.element.suggestion.score.total : a.offset < b.offset
        }
        return best.prefix(40).map { m in
            .suggestedLink(from: m.element.offerer, to: m.element.requester, label: m.element.suggestion.offer, score: m.element.suggestion.score.total)
        }
    }

    static func fmt(_ x: Double) -> String { String(format: "%.3f", x) }
    static func seconds(_ a: ContinuousClock.Instant, _ b: ContinuousClock.Instant) -> String {
        String(format: "%.2f", milliseconds(a, b) / 1000)
    }
    static func milliseconds(_ a: ContinuousClock.Instant, _ b: ContinuousClock.Instant) -> Double {
        let d = b - a
        return Double(d.components.seconds) * 1000 + Double(d.components.attoseconds) / 1e15
    }
    static func line(_ fields: [String]) -> String { fields.map(CSVField.quote).joined(separator: ",") + "\n" }
    static func parts(_ s: MatchScore) -> String {
        var p = "fit \(fmt(s.fit))"
        if let t = s.template { p += ", template \(fmt(t))" }
        p += ", proximity \(fmt(s.proximity)), locality \(fmt(s.locality)), capacity \(fmt(s.capacity)), leader \(fmt(s.leader))"
        if let r = s.record { p += ", record \(fmt(r))" }
        return p
    }

    /// candidate, candidateName, need, offer, wanted, score, parts…, channels, explanation.
    static func fields(_ s: MatchSuggestion) -> [String] {
        [s.candidate, s.candidateName, s.need ?? "", s.offer, s.wanted, fmt(s.score.total), fmt(s.score.fit),
         s.score.template.map(fmt) ?? "", fmt(s.score.proximity), fmt(s.score.locality), fmt(s.score.capacity),
         fmt(s.score.leader), s.score.record.map(fmt) ?? "", s.channels.joined(separator: "|"), s.explanation]
    }
}
