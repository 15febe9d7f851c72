import ChainModel
import Testing

/// The bundled samples validate with only the warnings the README explains: firms without
/// recorded supply links, and the two article firms outside every chain stage.
@Suite struct SampleWarningsTests {
    @Test(arguments: [
        ("beilun-nev", 1, 0), ("yihuang-plastics", 8, 1), ("wujin-machinery", 15, 0),
        ("ningxiang-storage", 19, 0), ("jinchang-battery", 8, 1),
    ])
    func onlyTheDocumentedWarnings(sample: String, noLinks: Int, noStage: Int) throws {
        let loaded = try Samples.load(sample)
        let ids = loaded.warnings.map { $0.text?.id ?? $0.message }
        #expect(ids.filter { $0 == "problem.firm.noLinks" }.count == noLinks, "\(ids)")
        #expect(ids.filter { $0 == "problem.firm.noStage" }.count == noStage, "\(ids)")
        #expect(ids.count == noLinks + noStage, "\(ids)")
    }
}
