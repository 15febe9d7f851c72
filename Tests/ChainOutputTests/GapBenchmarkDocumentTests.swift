import ChainAnalysis
import ChainModel
import Foundation
import Testing

@testable import ChainOutput

/// `chainmap gaps benchmark`'s report in every language and format, with and without missed
/// truths: every message in the catalog, the same machine columns in every language.
@Suite struct GapBenchmarkDocumentTests {
    @Test func benchmarkRendersInEveryLanguageAndFormat() throws {
        var options = GapBenchmarkOptions()
        options.templateSets = [["pv"], ["nev", "battery"]]
        options.seeds = [1]
        options.firms = [500]
        var bench = try GapBenchmark(options: options)
        #expect(bench.runs.count == 2 && bench.total.parks == 2)
        for missed in [false, true] {
            if missed { bench.runs[0].missed = ["thin@pv-cell"] }
            try GapOrgsDocumentTests.check("benchmark", bench)
        }
        let text = String(decoding: try ReportRenderer(format: .table, language: .zh).render(bench), as: UTF8.self)
        #expect(text.contains("缺口基准测试") && text.contains("细链"))
    }
}
