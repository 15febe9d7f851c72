import ChainAnalysis
import ChainModel
import Foundation
import Testing

@testable import ChainOutput

/// The match and what-if reports laid out and rendered in every language and format: no
/// message id or argument missing from the catalog, machine keys unchanged by the language.
@Suite("Match and what-if documents")
struct MatchDocumentTests {
    static func park(_ name: String) throws -> Park {
        try ParkLoader.load(path: SampleFiles.path(name)).park
    }

    static func reports() throws -> [(String, any Report)] {
        let yihuang = try park("yihuang-plastics")
        var outside = Park(id: "candidates", name: "outside", chains: yihuang.chains)
        outside.firms = [
            Firm(id: "x1", name: "外地树脂厂", stages: ["pl-resin"], products: ["PP粒料"], output: 5e8, inPark: false)
        ]
        var agenda = MatchAgendaOptions()
        agenda.perFirm = 2
        var evaluation = MatchEvaluationOptions()
        evaluation.maxQueries = 10
        var whatIf = WhatIfOptions()
        whatIf.remove = ["hengli"]
        whatIf.limit = 2
        let wujin = try park("wujin-machinery")
        return [
            ("firm", try FirmMatchReport(park: yihuang, firm: "创泰活塞")),
            ("agenda", MatchAgendaReport(park: yihuang, options: agenda)),
            ("stage", try StageCandidateReport(park: yihuang, stage: "pl-resin", outside: outside, top: 3)),
            ("gaps", GapFillReport(park: try park("jinchang-battery"), top: 2)),
            ("evaluate", MatchEvaluation(park: yihuang, options: evaluation)),
            ("benchmark", MatchBenchmark(park: yihuang, queries: 3)),
            ("whatif", try WhatIf(park: wujin).run(whatIf)),
        ]
    }

    @Test func everyTextIsInTheCatalogInEveryLanguage() throws {
        for (name, report) in try Self.reports() {
            var csvByLanguage: [String] = []
            for language in Language.allCases {
                for format in OutputFormat.allCases {
                    let text = String(
                        decoding: try ReportRenderer(format: format, language: language).render(report), as: UTF8.self)
                    #expect(!text.contains("⟦"), "\(name) \(language) \(format): \(text.prefix(2000))")
                    #expect(!text.isEmpty)
                    if format == .csv { csvByLanguage.append(text.components(separatedBy: "\r\n")[0]) }
                }
            }
            // The CSV header is machine keys, the same in every language.
            #expect(Set(csvByLanguage).count == 1, "\(name): \(csvByLanguage)")
        }
    }

    @Test func theExplanationReadsInEachLanguage() throws {
        let report = try FirmMatchReport(park: try Self.park("yihuang-plastics"), firm: "创泰活塞")
        let first = try #require(report.suggestions(.capability).first)
        #expect(
            Catalog(.zh).render(first.explanation)
                == "江西省立伟轻工制造有限公司可提供自动化研发；江西创泰活塞制造有限公司需要自动化；同在塑料制品产业链党建联盟；同在宜黄工业园区塑料产业园，可就近配套。")
        #expect(
            Catalog(.en).render(first.explanation)
                == "江西省立伟轻工制造有限公司 offers 自动化研发; 江西创泰活塞制造有限公司 needs 自动化; both sit in 塑料制品产业链党建联盟; same zone (宜黄工业园区塑料产业园)."
        )
    }

    @Test func lookupErrorsReadInEachLanguage() {
        let error = LookupError(kind: .stage, field: "stage", query: "pl-resn", candidates: [.init(id: "pl-resin")])
        #expect(DiagnosticRenderer(Catalog(.zh)).render(error) == "error: --stage: 没有环节“pl-resn”。提示：是否要找 pl-resin？\n")
        #expect(
            DiagnosticRenderer(Catalog(.en)).render(error)
                == "error: --stage: no stage \"pl-resn\". Hint: did you mean pl-resin?\n")
        for kind in [LookupError.Kind.firm, .stage, .chain, .zone] {
            let cases: [([LookupError.Candidate], Bool, Bool)] = [
                ([.init(id: "a", name: "甲")], false, true), ([], false, true),
                ([.init(id: "a"), .init(id: "b")], true, true),
                ([.init(id: "a"), .init(id: "b")], false, false),
            ]
            for (candidates, ambiguous, near) in cases {
                let e = LookupError(
                    kind: kind, field: "f", query: "q", candidates: candidates, ambiguous: ambiguous, near: near)
                for language in Language.allCases {
                    let text = DiagnosticRenderer(Catalog(language)).render(e)
                    #expect(
                        !text.contains("⟦") && text.hasPrefix("error: --f: "), "\(e.message.id) \(language): \(text)")
                }
            }
        }
    }

    @Test func whatIfCSVCanBeTheCutTable() throws {
        var options = WhatIfOptions()
        options.remove = ["hengli"]
        let report = try WhatIf(park: try Self.park("wujin-machinery")).run(options)
        let csv = String(
            decoding: try ReportRenderer(format: .csv, language: .zh).render(MainTable(report, table: "cut")),
            as: UTF8.self)
        #expect(csv.hasPrefix("\u{FEFF}round,firm,firmName,input,lostSuppliers,output,inPark\r\n"))
        let json = try ReportRenderer(format: .json, language: .zh).render(MainTable(report, table: "cut"))
        #expect(json == (try ReportRenderer(format: .json, language: .zh).render(report)))
    }
}
