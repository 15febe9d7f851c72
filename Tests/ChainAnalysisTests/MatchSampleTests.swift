import ChainAnalysis
import ChainModel
import Foundation
import Testing

/// Matchmaking on the bundled samples: the Liwei–Chuangtai automation tie-up, found from the
/// data alone (nothing in the code names either firm); exclusions; determinism; the agenda.
@Suite struct MatchSampleTests {
    static func sample(_ name: String) throws -> Park {
        try ParkLoader.load(path: SampleFiles.path(name)).park
    }

    @Test func liweiIsFirstForChuangtaiAutomation() throws {
        let park = try Self.sample("yihuang-plastics")
        let index = MatchIndex(park: park)
        let result = try index.matches(forFirm: "创泰活塞")
        #expect(result.firm == "chuangtai")
        let first = try #require(result.suggestions(.capability).first)
        #expect(first.candidate == "liwei")
        #expect(first.need == "n001")
        #expect(first.score.fit == 1)
        #expect(first.score.template == nil)
        #expect(first.channels.contains(MatchChannel(kind: .organization, name: "塑料制品产业链党建联盟")))
        // The explanation is a message of clauses, each naming its parts: offer meets need,
        // through the shared alliance.
        #expect(first.explanation.id == "match.why.4")
        let clauses = Self.clauses(first.explanation)
        #expect(
            clauses.prefix(2) == [
                Message("match.why.offers", ["provider": "江西省立伟轻工制造有限公司", "offer": "自动化研发"]),
                Message("match.why.needs", ["requester": "江西创泰活塞制造有限公司", "wanted": "自动化"]),
            ])
        #expect(clauses.contains(Message("match.why.sharedOrganization", ["organization": "塑料制品产业链党建联盟"])))
        // The same pair is on the park-wide agenda.
        let agenda = index.agenda()
        #expect(agenda.meetings.contains { $0.requester == "chuangtai" && $0.offerer == "liwei" })
    }

    /// The clauses of a `match.why.N` explanation, in order.
    static func clauses(_ m: Message) -> [Message] {
        guard m.id.hasPrefix("match.why."), let n = Int(m.id.dropFirst("match.why.".count)) else { return [m] }
        return (1...n).compactMap { i in if case .message(let c)? = m.arguments["c\(i)"] { c } else { nil } }
    }

    static func json(_ value: some Encodable) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        return try encoder.encode(value)
    }

    @Test func reportsLookUpNamesAndNeverFallBackToAnotherFirm() throws {
        let park = try Self.sample("yihuang-plastics")
        let report = try FirmMatchReport(park: park, firm: "创泰活塞")
        #expect(report.firm == "chuangtai" && report.park == "yihuang-plastics")
        #expect(report.directions == [.upstream, .downstream, .capability])
        #expect(report.suggestions(.capability).first?.candidate == "liwei")
        do {
            _ = try FirmMatchReport(park: park, firm: "创泰活赛")  // a typo
            Issue.record("a typo matched a firm")
        } catch {
            #expect(error.kind == .firm && error.field == "firm" && !error.ambiguous)
            #expect(error.candidates.first == LookupError.Candidate(id: "chuangtai", name: "江西创泰活塞制造有限公司"))
        }
        do {
            _ = try FirmMatchReport(park: park, firm: "江西")
            Issue.record("an ambiguous name matched a firm")
        } catch {
            #expect(error.ambiguous && error.candidates.count > 1 && error.message.id == "lookup.firm.ambiguous")
        }
        let stage = try StageCandidateReport(park: park, stage: "pl-resin", top: 3)
        #expect(stage.candidates.count == 3 && stage.stageName.contains("塑料原料"))
        #expect(throws: LookupError.self) { try StageCandidateReport(park: park, stage: "pl-resn") }
    }

    @Test(.tags(.slow), .enabled(if: Slow.allowed)) func existingActiveLinksAreNotSuggestedAgain() throws {
        for name in ["yihuang-plastics", "wujin-machinery"] {
            let park = try Self.sample(name)
            let index = MatchIndex(park: park)
            var active = Set<String>()
            for l in park.links where l.status == .active { active.insert(l.supplier + "→" + l.buyer) }
            var ws = MatchWorkspace(index)
            var options = MatchOptions()
            options.directions = [.upstream, .downstream]
            options.top = 50
            var checked = 0
            for node in 0..<Int32(park.firms.count) {
                let m = index.matches(forNode: node, options: options, workspace: &ws)
                for s in m.suggestions {
                    let key = s.direction == .upstream ? s.candidate + "→" + s.firm : s.firm + "→" + s.candidate
                    #expect(!active.contains(key), "\(name): \(key) is already an active link")
                    #expect(s.candidate != s.firm)
                    checked += 1
                }
            }
            #expect(checked > 100)
        }
    }

    @Test(.tags(.slow), .enabled(if: Slow.allowed)) func sameInputSameJSON() throws {
        let park = try Self.sample("beilun-nev")
        let a = MatchIndex(park: park)
        let b = MatchIndex(park: try Self.sample("beilun-nev"))
        let firm = park.firms[7].id
        let options = MatchOptions()
        #expect(
            try Self.json(FirmMatchReport(index: a, firm: firm, options: options))
                == Self.json(FirmMatchReport(index: b, firm: firm, options: options)))
        var agendaOptions = MatchAgendaOptions()
        agendaOptions.threads = 1
        let one = try Self.json(MatchAgendaReport(index: a, options: agendaOptions))
        agendaOptions.threads = 2
        let two = try Self.json(MatchAgendaReport(index: b, options: agendaOptions))
        #expect(one == two)
        #expect(one.count > 1000)
    }

    @Test(.tags(.slow), .enabled(if: Slow.allowed)) func agendaRespectsPerFirmAndBeatsGreedy() throws {
        for name in ["yihuang-plastics", "wujin-machinery", "ningxiang-storage"] {
            let index = MatchIndex(park: try Self.sample(name))
            for perFirm in [1, 2, 3] {
                var options = MatchAgendaOptions()
                options.perFirm = perFirm
                let agenda = index.agenda(options: options)
                var load: [String: Int] = [:]
                var pairs = Set<String>()
                for m in agenda.meetings {
                    load[m.requester, default: 0] += 1
                    load[m.offerer, default: 0] += 1
                    #expect(pairs.insert(m.requester + "|" + m.offerer).inserted)
                }
                #expect(load.values.allSatisfy { $0 <= perFirm }, "\(name) perFirm \(perFirm)")
                #expect(!agenda.meetings.isEmpty)
                #expect(
                    agenda.total >= agenda.greedyTotal - 1e-9,
                    "\(name) perFirm \(perFirm): \(agenda.total) < greedy \(agenda.greedyTotal)")
                #expect(agenda.total <= agenda.upperBound + 1e-9)
            }
        }
    }

    @Test func fullScoreBeatsBaselinesOnSamples() throws {
        for name in ["wujin-machinery", "jinchang-battery"] {
            let e = MatchEvaluation(park: try Self.sample(name))
            #expect(e.hiddenLinks > 0)
            for d in [MatchDirection.upstream, .downstream] {
                let rows = e.rows.filter { $0.direction == d }
                let full = try #require(rows.first { $0.method == "full" })
                for r in rows where r.method != "full" {
                    #expect(full.mrr > r.mrr, "\(name) \(d): full MRR \(full.mrr) vs \(r.method) \(r.mrr)")
                    #expect(
                        full.recall > r.recall, "\(name) \(d): full recall \(full.recall) vs \(r.method) \(r.recall)")
                }
            }
        }
    }

    @Test func stageCandidatesFromInsideAndOutside() throws {
        let park = try Self.sample("yihuang-plastics")
        let index = MatchIndex(park: park)
        let outside = Park(
            id: "out", name: "outside",
            firms: [
                Firm(id: "o1", name: "外地树脂厂", stages: ["pl-resin"], products: ["聚丙烯粒料"], output: 5e8, inPark: false),
                Firm(id: "o2", name: "外地电子厂", products: ["电容"], output: 5e8, inPark: false),
            ])
        let list = index.stageCandidates(stage: "pl-resin", outside: outside, top: 50)
        #expect(list.contains { $0.firm == "o1" && !$0.inPark && $0.sameStage })
        #expect(!list.contains { $0.firm == "o2" })
        let resinFirms = Set(park.firms.filter { $0.stages.contains("pl-resin") }.map(\.id))
        #expect(list.filter(\.inPark).allSatisfy { !resinFirms.contains($0.firm) })
        #expect(index.stageCandidates(stage: "no-such-stage").isEmpty)
    }
}
