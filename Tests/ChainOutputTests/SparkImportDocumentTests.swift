import ChainAnalysis
import Testing

@testable import ChainOutput

/// `chainmap import-results`' phase-time line: the Spark job reports its own `total`, which is
/// the sum shown and not a phase (a 10^7-link run printed 共 816.2 秒 for a 411.9 s job, its
/// phases counted twice).
@Suite struct SparkImportDocumentTests {
    typealias Phase = SparkImportReport.Phase

    @Test func theJobsOwnTotalIsTheSumAndNotAPhase() {
        let phases = [
            Phase(phase: "load", seconds: 22.6), Phase(phase: "pagerank", seconds: 107.5),
            Phase(phase: "stages", seconds: 217.5), Phase(phase: "total", seconds: 411.9),
        ]
        let zh = Catalog(.zh)(SparkImportReport.phases(phases, digits: 1))
        #expect(zh == "load 22.6 秒、pagerank 107.5 秒、stages 217.5 秒，共 411.9 秒")
        let en = Catalog(.en)(SparkImportReport.phases(phases, digits: 1))
        #expect(en.hasSuffix("total 411.9 s") && !en.contains("total 411.9 s,"))
    }

    @Test func withoutATotalThePhasesAreSummed() {
        let phases = [Phase(phase: "graph", seconds: 0.5), Phase(phase: "pagerank", seconds: 0.25)]
        #expect(Catalog(.zh)(SparkImportReport.phases(phases, digits: 2)) == "graph 0.5 秒、pagerank 0.25 秒，共 0.75 秒")
    }
}
