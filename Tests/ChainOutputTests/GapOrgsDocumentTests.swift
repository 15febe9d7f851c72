import ChainAnalysis
import ChainModel
import Foundation
import Testing

@testable import ChainOutput

/// The gaps and orgs reports laid out and rendered in every language and format: no message id
/// or argument missing from the catalog, every rule's sentences present, machine keys the same
/// in every language.
@Suite("Gaps and orgs documents")
struct GapOrgsDocumentTests {
    static func park(_ name: String) throws -> Park {
        try ParkLoader.load(path: SampleFiles.path(name)).park
    }

    /// A generated park with a gap of every kind planted, and samples (Ningxiang has bridges).
    static func parks() throws -> [(String, Park)] {
        let planted = try ParkGenerator.generate(.init(firms: 2_000, seed: 7, plantGaps: true)).park
        return [
            ("planted", planted), ("jinchang-battery", try park("jinchang-battery")),
            ("yihuang-plastics", try park("yihuang-plastics")),
            ("ningxiang-storage", try park("ningxiang-storage")),
        ]
    }

    static func check(_ name: String, _ report: some Report) throws {
        var headers: [String] = []
        for language in Language.allCases {
            for format in OutputFormat.allCases {
                let text = String(
                    decoding: try ReportRenderer(format: format, language: language).render(report), as: UTF8.self)
                #expect(!text.contains("⟦"), "\(name) \(language) \(format): \(text.prefix(3000))")
                if format == .csv { headers.append(text.components(separatedBy: "\r\n")[0]) }
            }
        }
        #expect(Set(headers).count == 1, "\(name): \(headers)")
    }

    @Test func gapsRenderInEveryLanguageAndFormat() throws {
        var rules = Set<GapRule>()
        var parks = try Self.parks()
        // Jinchang with the smelter's links lost: the lost in-park supply of metal salts.
        var lost = try Self.park("jinchang-battery")
        for i in lost.links.indices where lost.links[i].supplier == "smelt-001" { lost.links[i].status = .lost }
        parks.append(("jinchang-lost", lost))
        for (name, park) in parks {
            let report = GapReport(park: park)
            rules.formUnion(report.findings.map(\.rule))
            try Self.check("gaps \(name)", report)
        }
        // Every rule's sentences were rendered (a bridge separating two or more firms ends at
        // an articulation point and is folded into its finding on every sample).
        #expect(rules == Set(GapRule.allCases).subtracting([.bridge]), "\(Set(GapRule.allCases).subtracting(rules))")
    }

    @Test func orgsRenderInEveryLanguageAndFormat() throws {
        var options = OrganizationOptions()
        options.suggestJoint = true
        for (name, park) in try Self.parks() {
            try Self.check("orgs \(name)", OrganizationReport(park: park, options: options))
            for section in OrganizationReport.Section.allCases {
                options.section = section
                try Self.check("orgs \(name) \(section)", OrganizationReport(park: park, options: options))
            }
            options.section = nil
        }
    }

    @Test func aFindingReadsInEachLanguage() throws {
        let report = GapReport(park: try Self.park("jinchang-battery"))
        let first = try #require(report.findings.first)
        #expect(first.rule == .missingStage)
        #expect(Catalog(.zh).render(first.remedy.message) == "补链招商：引进负极材料（bt-anode）企业")
        #expect(Catalog(.en).render(first.remedy.message) == "fill the chain: attract a firm for 负极材料 (bt-anode)")
        // The money in the sentence is the typed argument, not text: 28.04亿元 is `feeds.output`,
        // the cell makers' in-park output; the 5.37亿元 of anodes bought from outside is apart.
        guard case .message(let feeds)? = first.evidence.message.arguments["feeds"],
            case .money(let output)? = feeds.arguments["output"]
        else {
            Issue.record("no typed output in \(first.evidence.message)")
            return
        }
        #expect(output == first.severity.atRisk)
        #expect(Catalog(.zh).render(first.evidence.message).contains("（这些环节园区内产值28.04亿元）"))
        #expect(Catalog(.zh).render(first.evidence.message).contains("采购5.37亿元"))
    }
}
