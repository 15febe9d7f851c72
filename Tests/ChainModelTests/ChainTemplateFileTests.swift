import Foundation
import Testing

@testable import ChainModel

/// The chain template file format (`generate --template FILE`, docs/TEMPLATES.md).
@Suite struct ChainTemplateFileTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()
    static var builtIns: [ChainTemplate] { ChainTemplate.allNames.compactMap(ChainTemplate.builtIn) }

    @Test func builtInTemplatesRoundTrip() throws {
        let bytes = ChainTemplate.json(Self.builtIns)
        let back = try ChainTemplate.decode(bytes, file: "t.json")
        #expect(back == Self.builtIns)
        #expect(ChainTemplate.json(back) == bytes)
    }

    @Test func builtInTemplatesAreValid() {
        for t in Self.builtIns { #expect(t.problems().isEmpty, "\(t.id): \(t.problems().map(\.field))") }
        let stageIds = Self.builtIns.flatMap { $0.stages.map(\.id) }
        #expect(Set(stageIds).count == stageIds.count)
    }

    /// A template read from a file generates the same park, byte for byte, as its built-in name.
    @Test func aFileTemplateGeneratesTheSamePark() throws {
        let file = try ChainTemplate.decode(ChainTemplate.json([ChainTemplate.textile]), file: "t.json")
        var options = ParkGenerator.Options(firms: 600, seed: 4, chains: ["textile"], plantGaps: true)
        let byName = try ParkGenerator.generate(options)
        options.templates = file
        let byFile = try ParkGenerator.generate(options)
        #expect(byName.park == byFile.park)
        #expect(byName.gaps == byFile.gaps)
    }

    /// The example files in docs/templates are the built-in templates as the writer lays them
    /// out (CHAINMAP_WRITE_TEMPLATES=1 rewrites them).
    @Test func documentedExamplesAreCurrent() throws {
        let files = [("industry.json", ChainTemplate.industryNames), ("samples.json", ChainTemplate.names)]
        for (name, names) in files {
            let url = Self.root.appendingPathComponent("docs/templates/" + name)
            let expected = ChainTemplate.json(names.compactMap(ChainTemplate.builtIn))
            if ProcessInfo.processInfo.environment["CHAINMAP_WRITE_TEMPLATES"] == "1" {
                try Data(expected).write(to: url)
            }
            let found = try [UInt8](Data(contentsOf: url))
            #expect(
                found == expected,
                "\(name) is out of date: CHAINMAP_WRITE_TEMPLATES=1 swift test --filter ChainTemplateFileTests")
        }
    }

    @Test func problemsAreLocated() throws {
        let text = """
            {"format": "chainmap-template/1",
             "templates": [{"id": "x", "name": "测试", "leaderStage": "x-end",
               "stages": [
                 {"id": "x-a", "name": "甲", "tier": "upstream", "products": ["甲料"], "unit": "吨/年", "unitValue": 10, "words": ["材料"]},
                 {"id": "x-b", "name": "乙", "tier": "middle", "inputs": ["x-a"], "products": ["乙件"], "unit": "件/年", "unitValue": 10, "words": ["部件"]},
                 {"id": "x-c", "name": "丙", "tier": "downstream", "inputs": ["x-z"], "products": ["丙品"], "unit": "件/年", "words": ["制品"], "colour": 1}
               ]}]}
            """
        do {
            _ = try ChainTemplate.decode(Array(text.utf8), file: "bad.json")
            Issue.record("no error")
        } catch {
            let d = error.diagnostics
            #expect(
                d.contains {
                    $0.line == 5 && $0.field == "templates[0].stages[1].tier" && $0.text?.id == "problem.template.tier"
                })
            #expect(
                d.contains {
                    $0.line == 6 && $0.field == "templates[0].stages[2].unitValue"
                        && $0.text?.id == "problem.template.missing"
                })
            #expect(d.contains { $0.line == 6 && $0.field == "templates[0].stages[2].colour" })
            #expect(d.allSatisfy { $0.file == "bad.json" && $0.line != nil })
        }
        // Once the stages read, the template's own problems: an unknown input, the leader stage.
        let second = """
            {"id": "y", "name": "测试", "leaderStage": "y-end", "stages": [
              {"id": "y-a", "name": "甲", "tier": "upstream", "products": ["甲料"], "unit": "吨/年", "unitValue": 10, "words": ["材料"]},
              {"id": "y-b", "name": "乙", "tier": "downstream", "inputs": ["y-a", "y-q"], "products": ["乙件"], "unit": "件/年", "unitValue": 10, "words": ["部件"]}
            ]}
            """
        do {
            _ = try ChainTemplate.decode(Array(second.utf8), file: "t.json")
            Issue.record("no error")
        } catch {
            let d = error.diagnostics
            #expect(
                d.contains {
                    $0.line == 3 && $0.field == "template.stages[1].inputs"
                        && $0.text?.id == "problem.template.unknownStage"
                })
            #expect(d.contains { $0.line == 1 && $0.field == "template.leaderStage" })
        }
        #expect(throws: ParkLoadError.self) { try ChainTemplate.decode(Array("{\"templates\": ".utf8), file: "t.json") }
    }

    @Test func unknownTemplateNamesAreRefused() {
        #expect(throws: GeneratorError.self) {
            try ParkGenerator.generate(.init(firms: 500, seed: 1, chains: ["nope"]))
        }
        var options = ParkGenerator.Options(firms: 500, seed: 1, chains: ["nev"])
        var clash = ChainTemplate.pv
        clash.id = "mine"
        clash.stages[0].id = "nev-parts"
        options.templates = [clash]
        options.chains = ["nev", "mine"]
        #expect(throws: GeneratorError.self) { try ParkGenerator.generate(options) }
    }
}
