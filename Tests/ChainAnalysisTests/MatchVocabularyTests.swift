import ChainAnalysis
import ChainModel
import Foundation
import Testing

/// The vocabulary as data (#19 item 3): the built-in file parses, a user's file replaces or
/// extends it, bad lines are located; the park's stages separate products that share a word;
/// no firm is offered its own stage's makers as buyers; and no product word of a sample is
/// written into the sources.
@Suite struct MatchVocabularyTests {
    static let root: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return parts.joined(separator: "/")
    }()

    @Test func theBuiltInVocabularyParses() throws {
        let parsed = MatchVocabulary.parse(MatchVocabulary.standardText, file: "vocabulary.tsv")
        let v = try parsed.get()
        #expect(v == MatchVocabulary.standard)
        #expect(v.entries.count >= 40)
        #expect(v.entries.contains { $0.concept == "automation" && $0.keywords.contains("企业上云") == false })
        #expect(v.concepts(of: "企业上云") == ["digital"])
        #expect(!v.suffixes.isEmpty && !v.modifiers.isEmpty)
        // The file in the sources is the one built into the program.
        let file = try String(
            contentsOfFile: Self.root + "/Sources/ChainAnalysis/Resources/vocabulary.tsv", encoding: .utf8)
        #expect(file == MatchVocabulary.standardText)
    }

    @Test func aUserFileReplacesOrExtendsTheTable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("vocab-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("mine.tsv").path
        try "# mine\nconcept\tpv\t光伏\tsolar\n\nconcept\tautomation\t机器换人\nmodifier\t急需\nsuffix\t项目\n".write(
            toFile: path, atomically: true, encoding: .utf8)
        let mine = try MatchVocabulary.load(path: path)
        #expect(mine.concepts(of: "光伏组件") == ["pv"])
        #expect(mine.concepts(of: "自动化") == ["=自动化"])  // replaced: the built-in words are gone
        #expect(mine.concepts(of: "急需机器换人") == ["automation"])
        #expect(mine.concepts(of: "改造项目") == ["=改造"])
        let both = MatchVocabulary.standard.extended(with: mine)
        #expect(both.concepts(of: "自动化") == ["automation"])
        #expect(both.concepts(of: "光伏组件") == ["pv"])
        #expect(both.entries.filter { $0.concept == "automation" }.count == 1)

        try "concept\tx\nwords\ta\tb\n".write(toFile: path, atomically: true, encoding: .utf8)
        #expect(throws: VocabularyError.self) { try MatchVocabulary.load(path: path) }
        do {
            _ = try MatchVocabulary.load(path: path)
        } catch {
            #expect(error.problems.map(\.line) == [1, 2])
            #expect(error.diagnostics.map(\.field) == ["concept", "kind"])
            #expect(error.diagnostics.allSatisfy { $0.file == path && $0.text != nil && $0.hintText != nil })
        }
        #expect(throws: VocabularyError.self) {
            try MatchVocabulary.load(path: folder.appendingPathComponent("none.tsv").path)
        }
    }

    /// A photovoltaic park: silicon → wafer → cell → module ← glass; equipment feeds cell and
    /// module; modules go to power stations. Three module makers buy glass and cells.
    static func photovoltaicPark(selfFeeding: Bool = false) -> Park {
        let chain = Chain(
            id: "pv", name: "光伏",
            stages: [
                Stage(id: "pv-silicon", name: "多晶硅料", tier: .upstream),
                Stage(id: "pv-wafer", name: "硅片", tier: .upstream, inputs: ["pv-silicon"]),
                Stage(id: "pv-equipment", name: "光伏设备", tier: .upstream),
                Stage(id: "pv-glass", name: "光伏玻璃", tier: .upstream),
                Stage(id: "pv-cell", name: "电池片", tier: .midstream, inputs: ["pv-wafer", "pv-equipment"]),
                Stage(
                    id: "pv-module", name: "光伏组件", tier: .midstream,
                    inputs: ["pv-cell", "pv-glass", "pv-equipment"] + (selfFeeding ? ["pv-module"] : [])),
                Stage(id: "pv-plant", name: "光伏电站", tier: .downstream, inputs: ["pv-module"]),
            ])
        var firms = [
            Firm(id: "wafer", name: "硅片甲", stages: ["pv-wafer"], products: ["单晶硅片"], output: 5e8, zone: "A"),
            Firm(id: "glass", name: "玻璃乙", stages: ["pv-glass"], products: ["光伏玻璃"], output: 4e8, zone: "A"),
            Firm(id: "equip", name: "设备丙", stages: ["pv-equipment"], products: ["光伏设备"], output: 3e8, zone: "A"),
            Firm(id: "cell", name: "电池片丁", stages: ["pv-cell"], products: ["电池片"], output: 6e8, zone: "A"),
            Firm(id: "plant", name: "电站戊", stages: ["pv-plant"], products: ["光伏发电"], output: 2e8, zone: "A"),
        ]
        for i in 1...3 {
            firms.append(
                Firm(
                    id: "m\(i)", name: "组件\(i)", stages: ["pv-module"], products: [i == 1 ? "光伏组件" : "单晶光伏组件"],
                    output: Double(i) * 1e9, zone: "A"))
        }
        var links: [SupplyLink] = []
        for i in 1...3 {
            links.append(SupplyLink(supplier: "glass", buyer: "m\(i)", product: "光伏玻璃", value: 1e7))
            links.append(SupplyLink(supplier: "cell", buyer: "m\(i)", product: "电池片", value: 2e7))
        }
        links.append(SupplyLink(supplier: "m3", buyer: "plant", product: "光伏组件", value: 3e7))
        return Park(id: "pv", name: "光伏园", chains: [chain], firms: firms, links: links)
    }

    @Test func stagesSeparateProductsThatShareAWord() {
        let v = MatchVocabulary.standard.addingStages(of: Self.photovoltaicPark())
        #expect(v.concepts(of: "单晶光伏组件") == ["@pv-module"])
        #expect(v.concepts(of: "光伏组件") == ["@pv-module"])
        #expect(v.concepts(of: "光伏设备") == ["@pv-equipment"])
        #expect(v.concepts(of: "光伏玻璃") == ["glass"])  // a general word keeps its concept
        #expect(v.concepts(of: "自动化改造") == ["automation"])
    }

    @Test func aModuleMakerIsNotOfferedItsCompetitorsAsBuyers() throws {
        // Even with a table that makes every 光伏 word one concept (as the old built-in did).
        let lumping = MatchVocabulary.standard.extended(
            with: MatchVocabulary(table: [("pv", ["光伏", "solar"])], modifiers: []))
        for vocabulary in [MatchVocabulary.standard, lumping] {
            let park = Self.photovoltaicPark()
            var options = MatchOptions()
            options.vocabulary = vocabulary
            options.top = 20
            let index = MatchIndex(park: park, vocabulary: vocabulary)
            for maker in ["m1", "m2", "m3"] {
                let r = try FirmMatchReport(index: index, firm: maker, options: options)
                let buyers = Set(r.suggestions(.downstream).map(\.candidate))
                let suppliers = Set(r.suggestions(.upstream).map(\.candidate))
                #expect(
                    buyers.isDisjoint(with: ["m1", "m2", "m3"]), "\(maker) offered competitors as buyers: \(buyers)")
                #expect(
                    suppliers.isDisjoint(with: ["m1", "m2", "m3"]),
                    "\(maker) offered competitors as suppliers: \(suppliers)")
                if maker != "m3" { #expect(buyers.contains("plant")) }
            }
            let glass = try FirmMatchReport(index: index, firm: "glass", options: options)
            #expect(
                glass.suggestions(.downstream).isEmpty
                    || !glass.suggestions(.downstream).contains { $0.candidate == "glass" })
        }
        // A stage the template says feeds itself may buy from its own stage.
        let selfFeeding = Self.photovoltaicPark(selfFeeding: true)
        var options = MatchOptions()
        options.top = 20
        let r = try FirmMatchReport(park: selfFeeding, firm: "m1", options: options)
        #expect(r.suggestions(.downstream).contains { $0.candidate == "m2" || $0.candidate == "m3" })
    }

    /// Done-when of #19 item 3: no product word of a sample appears in `Sources/` outside doc
    /// comments. Product words: every firm product, link product and need product of the
    /// bundled samples (`samples/*.json`, outside `Sources/` since #19).
    ///
    /// Scanned: **every file** under `Sources/` (Swift, C, headers, module maps, the vocabulary
    /// file, DocC articles), without its doc comments (`///` lines and `/** … */` blocks in
    /// code, `#` comment lines of the vocabulary file). Two bars:
    /// - no file holds a word that occurs **only in the samples** — a sample product word that
    ///   is not general chain vocabulary, i.e. not a product, stage name, word, capability or
    ///   unit of the generator's built-in chain templates (computed from
    ///   `ChainTemplate.builtIn`, not listed here); a sample word inside a general word (纺织品 in
    ///   废旧纺织品回收) is that general word;
    /// - Swift code outside the built-in templates holds no sample product word at all. The
    ///   templates (`Sources/ChainModel/Generator/ChainTemplate*.swift`) are general chain
    ///   vocabulary — one generic product and a few industry words per stage of a standard chain
    ///   (电芯 for the cell stage) — used only to generate synthetic parks; matching never reads
    ///   them (it reads the park's own chains and the vocabulary file).
    @Test func noSampleProductWordInTheSources() throws {
        var words = Set<String>()
        let samples = Self.root + "/samples"
        for name in try FileManager.default.contentsOfDirectory(atPath: samples) where name.hasSuffix(".json") {
            let park = try ParkLoader.load(path: samples + "/" + name).park
            var mine = Set<String>()
            for f in park.firms { mine.formUnion(f.products) }
            for l in park.links { if let p = l.product { mine.insert(p) } }
            for n in park.needs { if let p = n.product { mine.insert(p) } }
            mine.remove("")
            words.formUnion(mine)
        }
        #expect(words.count > 100)
        var general = Set<String>()
        for name in ChainTemplate.allNames {
            guard let t = ChainTemplate.builtIn(name) else { continue }
            general.formUnion([t.id, t.name] + t.zones)
            for stage in t.stages {
                general.formUnion([stage.id, stage.name, stage.product, stage.capacityUnit])
                general.formUnion(stage.products + stage.words + stage.capabilities)
            }
        }
        let sampleOnly = words.subtracting(general)
        let generalLongestFirst = general.filter { !$0.isEmpty }.sorted { ($0.count, $0) > ($1.count, $1) }
        #expect(sampleOnly.count > 100)
        var hits: [String] = []
        var scanned = 0
        let sources = Self.root + "/Sources"
        let enumerator = FileManager.default.enumerator(atPath: sources)
        while let relative = enumerator?.nextObject() as? String {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: sources + "/" + relative, isDirectory: &isFolder),
                !isFolder.boolValue
            else { continue }
            let text = try String(contentsOfFile: sources + "/" + relative, encoding: .utf8)
            scanned += 1
            let isTemplate = relative.hasPrefix("ChainModel/Generator/ChainTemplate")
            let isCode = [".swift", ".c", ".h"].contains { relative.hasSuffix($0) }
            let strict = relative.hasSuffix(".swift") && !isTemplate
            let checked = strict ? words : sampleOnly
            for (number, line) in Self.linesWithoutDocComments(text, path: relative, isCode: isCode) {
                guard checked.contains(where: { line.contains($0) }) else { continue }
                // Sample-only words are looked for outside the general words of the line.
                var rest = String(line)
                if !strict {
                    for g in generalLongestFirst where rest.contains(g) {
                        rest = rest.replacingOccurrences(of: g, with: "|")
                    }
                }
                for w in checked where rest.contains(w) { hits.append("Sources/\(relative):\(number): \(w)") }
            }
        }
        #expect(scanned > 300)
        #expect(hits.isEmpty, "sample product words in the sources:\n\(hits.sorted().joined(separator: "\n"))")
        // Words of one sample's own end products are not in the vocabulary file either.
        let vocabulary = Set(MatchVocabulary.standard.entries.flatMap(\.keywords))
        for w in ["活塞", "喇叭", "驾驶室", "覆盖件"] {
            #expect(!vocabulary.contains(w), "\(w) is one sample's product")
        }
    }

    /// The lines of a source file that are not doc comments, numbered from 1: in code, `///`
    /// lines and `/** … */` blocks; in the vocabulary file (`.tsv`), `#` comment lines.
    static func linesWithoutDocComments(_ text: String, path: String, isCode: Bool) -> [(Int, Substring)] {
        var kept: [(Int, Substring)] = []
        var inBlock = false
        for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let trimmed = line.drop { $0 == " " || $0 == "\t" }
            if isCode {
                if inBlock {
                    if trimmed.contains("*/") { inBlock = false }
                    continue
                }
                if trimmed.hasPrefix("///") { continue }
                if trimmed.hasPrefix("/**") {
                    inBlock = !trimmed.contains("*/")
                    continue
                }
            } else if path.hasSuffix(".tsv") && trimmed.hasPrefix("#") {
                continue
            }
            kept.append((index + 1, line))
        }
        return kept
    }
}
