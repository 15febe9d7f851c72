import Foundation
import Testing

/// Issue #13's acceptance: every verb's default output (table) on every bundled sample is
/// Chinese — no ASCII word outside ids, units and a short allow-list — and `--lang en` is
/// English. Errors and warnings are checked the same way on bad inputs.
///
/// A new verb is one more entry in ``verbs`` (or ``problems`` for an error path); a word that
/// must stay ASCII goes into ``allowed`` with its reason.
@Suite struct EveryVerbLanguageCLITests {
    /// What a run needs from the sample it runs on.
    struct Sample: Sendable, CustomStringConvertible {
        var name: String
        /// A chain leader (or the first firm) and the first stage of the first chain.
        var firm: String
        var stage: String
        /// Every id and every ASCII word of the sample's own strings (names may hold `LK`,
        /// `CNGR`): data, not ChainMap's words.
        var dataWords: Set<String>
        /// Every CJK run of the sample's own strings (names, tags), for the English check.
        var dataCJK: [String]
        var description: String { name }
    }

    /// One verb's run: its arguments, given the sample.
    struct Verb: Sendable, CustomStringConvertible {
        var label: String
        var arguments: @Sendable (Sample) -> [String]
        var description: String { label }
    }

    /// Every verb, with the arguments of its default (table) output. Add new verbs here.
    static let verbs: [Verb] =
        [
            Verb(label: "info") { ["info", $0.name] },
            Verb(label: "validate") { ["validate", $0.name] },
            Verb(label: "firms") { ["firms", $0.name] },
            Verb(label: "rank") { ["rank", $0.name] },
            Verb(label: "structure") { ["structure", $0.name] },
            Verb(label: "gaps") { ["gaps", $0.name] },
            Verb(label: "orgs") { ["orgs", $0.name] },
        ]
        + ["coverage", "build", "join", "groups", "checks", "pairings", "needs"].map { section in
            Verb(label: "orgs --section \(section)") { ["orgs", $0.name, "--section", section] }
        } + [
            Verb(label: "whatif --remove") { ["whatif", $0.name, "--remove", $0.firm] },
            Verb(label: "match firm") { ["match", "firm", $0.name, "--firm", $0.firm] },
            Verb(label: "match agenda") { ["match", "agenda", $0.name] },
            Verb(label: "match stage") { ["match", "stage", $0.name, "--stage", $0.stage] },
            Verb(label: "match gaps") { ["match", "gaps", $0.name] },
            Verb(label: "measure") { ["measure", $0.name, "--repeat", "1", "--sample", "10"] },
            Verb(label: "samples") { _ in ["samples"] },
            // Over time: the bundled Beilun pair (its ids are sample words like any other).
            Verb(label: "diff") { _ in ["diff", "beilun-nev-2023", "beilun-nev"] },
            Verb(label: "trend") { ["trend", $0.name] },
        ]

    /// A bad input and the status it must end with; `files` are written into a temporary
    /// folder first (`DIR` in the arguments stands for it).
    struct Problem: Sendable, CustomStringConvertible {
        var label: String
        var files: [String: String] = [:]
        var arguments: [String]
        var status: Int32 = 1
        var description: String { label }
    }

    /// Errors and warnings ChainMap writes. Add new error paths here.
    static let problems: [Problem] = [
        Problem(label: "missing park", arguments: ["info", "DIR/none.json"]),
        Problem(label: "JSON syntax", files: ["bad.json": "{\"firms\": [1,2,\n"], arguments: ["info", "DIR/bad.json"]),
        Problem(
            label: "JSON syntax: a quoted key", files: ["key.json": "{firms: []}"],
            arguments: ["validate", "DIR/key.json"]),
        Problem(
            label: "park rules",
            files: [
                "rules.json":
                    #"{"format":"chainmap-park/1","id":"p","name":"园区","chains":[],"firms":[{"id":"a","name":"甲"},{"id":"a","name":"乙"}],"links":[{"supplier":"a","buyer":"zz","product":"件"}]}"#
            ],
            arguments: ["validate", "DIR/rules.json"]),
        Problem(label: "edge list", files: ["g.txt": "a b\nc\nd e f g\nh i x\n"], arguments: ["rank", "DIR/g.txt"]),
        Problem(
            label: "a folder for a file", files: ["g.txt": "a b\n"],
            arguments: ["measure", "DIR/g.txt", "--sources", "DIR/sub", "--algorithms", "betweenness"]),
        Problem(
            label: "sources file", files: ["g.txt": "a b\n", "s.txt": "zz\n"],
            arguments: ["measure", "DIR/g.txt", "--sources", "DIR/s.txt", "--algorithms", "betweenness"]),
        Problem(
            label: "output exists", files: ["out.txt": "x"],
            arguments: ["gaps", "beilun-nev", "-o", "DIR/out.txt", "--no-warnings"]),
        Problem(label: "mistyped chain", arguments: ["gaps", "beilun-nev", "--chain", "nevv", "--no-warnings"]),
        Problem(label: "unknown firm", arguments: ["whatif", "beilun-nev", "--remove", "不存在企业", "--no-warnings"]),
        Problem(
            label: "generator range", arguments: ["generate", "--firms", "30", "--seed", "1", "-o", "DIR/p"], status: 2),
        Problem(label: "spark results missing", arguments: ["import-results", "DIR/none", "--park", "beilun-nev"]),
        Problem(
            label: "spark export into a foreign folder", files: ["lake/notes.txt": "keep"],
            arguments: ["export", "beilun-nev", "--to", "spark", "-o", "DIR/lake", "--no-warnings"]),
        Problem(label: "not converged", arguments: ["rank", "beilun-nev", "--max-iterations", "2", "--no-warnings"]),
        Problem(label: "data warnings note", arguments: ["info", "yihuang-plastics"], status: 0),
        Problem(
            label: "damaged workbook", files: ["bad.xlsx": "PK\u{3}\u{4}garbage"], arguments: ["info", "DIR/bad.xlsx"]),
        Problem(label: "not a workbook", files: ["old.xlsx": "not a zip"], arguments: ["validate", "DIR/old.xlsx"]),
        Problem(
            label: "output to another descriptor",
            arguments: ["info", "beilun-nev", "-o", "/dev/stderr", "--no-warnings"]),
    ]

    /// ASCII words allowed in Chinese output besides the sample's ids and names, numbers,
    /// option names (`--chain`), commands in backquotes and file paths:
    static let allowed: Set<String> = [
        "PageRank",  // the algorithm's name, as the literature and the industry say it
        "HHI", "L1", "k",  // a concentration index, a distance and the k of a k-core, as formulas write them
        "MiB", "KiB",  // units of memory
        // names of the program and of formats
        "chainmap", "ChainMap", "CSV", "JSON", "Excel", "WPS", "Spark", "xlsx", "UTF-8",
        "error", "warning", "note",  // the compiler-form keyword after a place (`file:12: error:`)
        "id", "name", "region", "dataDate",  // column headers of the park format a hint asks for
        "Error", "Usage", "See", "help", "for", "more", "information",  // ArgumentParser's own usage frame
    ]

    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// The bundled samples, as `chainmap samples --format json` lists them.
    static let samples: [Sample] = {
        guard let r = try? CLI.run(["samples", "--format", "json"]),
            let json = try? JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any],
            let list = json["samples"] as? [[String: Any]]
        else { return [] }
        return list.compactMap { entry in
            guard let name = entry["name"] as? String, let path = entry["path"] as? String,
                let data = try? Data(contentsOf: root.appendingPathComponent(path)),
                let park = try? JSONSerialization.jsonObject(with: data) as? [String: Any]
            else { return nil }
            let firms = park["firms"] as? [[String: Any]] ?? []
            let leader =
                firms.first { ($0["leader"] as? Bool) == true || ($0["chainLeader"] as? Bool) == true } ?? firms.first
            let chains = park["chains"] as? [[String: Any]] ?? []
            let stage = (chains.first?["stages"] as? [[String: Any]])?.first?["id"] as? String ?? ""
            var words = Set<String>()
            var cjk: [String] = []
            collect(park, key: nil, words: &words, cjk: &cjk)
            return Sample(
                name: name, firm: leader?["id"] as? String ?? "", stage: stage, dataWords: words, dataCJK: cjk)
        }
    }()

    /// Free text kept in a park for people (`note`, `source`, a need's `text`) is never
    /// printed by these verbs, and enum values (`kind`, `status`, `tier`) are ChainMap's words
    /// that must be translated: neither counts as the sample's own words.
    static let notData: Set<String> = ["note", "source", "text", "kind", "status", "tier", "format", "dataDate"]

    static func collect(_ value: Any, key: String?, words: inout Set<String>, cjk: inout [String]) {
        if let object = value as? [String: Any] {
            for (k, v) in object { collect(v, key: k, words: &words, cjk: &cjk) }
        } else if let array = value as? [Any] {
            for v in array { collect(v, key: key, words: &words, cjk: &cjk) }
        } else if let text = value as? String {
            cjk.append(contentsOf: text.matches(of: cjkRun).map { String($0.output) })
            if !notData.contains(key ?? "") { words.formUnion(text.matches(of: token).map { String($0.output) }) }
        }
    }

    nonisolated(unsafe) static let token = /[A-Za-z0-9_]+(?:[-.][A-Za-z0-9_]+)*/
    nonisolated(unsafe) static let number = /[0-9]+(?:\.[0-9]+)?(?:e[-+]?[0-9]+)?/
    nonisolated(unsafe) static let cjkRun = /[\u{3000}-\u{303F}\u{4E00}-\u{9FFF}\u{FF00}-\u{FFEF}]+/

    /// The ASCII words of `output` that are none of: a number, an id or name of `data`, an
    /// allowed word, an option (`--chain`), part of a command in backquotes or of a path, the
    /// place and keyword of a diagnostic.
    static func foreignWords(_ output: String, data: Set<String>) -> [String: String] {
        var found: [String: String] = [:]
        for raw in output.split(separator: "\n") {
            var line = String(raw)
            // ArgumentParser's usage frame (`Usage: chainmap generate --firms <firms> …`).
            if line.hasPrefix("Usage: ") || line.hasPrefix("  See '") { continue }
            line.replace(/`[^`]*`/, with: "")  // commands to type
            line.replace(/^\S*: (error|warning|note): (\S+: )?/, with: "")  // place, keyword, field
            line.replace(/\S*\/\S*/, with: " ")  // paths (and their file names)
            line.replace(/[A-Za-z_]+\[[0-9]+\](\.[A-Za-z_]+)*/, with: " ")  // record places: firms[3].stages
            // file names and kinds: firms.csv, .xlsx
            line.replace(/[A-Za-z_-]*\.(csv|json|xlsx|xls|et|ods|txt)\b/, with: " ")
            line.replace(/chainmap [a-z-]+/, with: " ")  // a verb named in a sentence
            line.replace(/（[A-Za-z]+）/, with: " ")  // a sheet's or file's name after its Chinese one: 企业表（firms）
            line.replace(/(^|[^A-Za-z0-9])--?[a-z][a-z-]*( [a-z][a-z0-9-]*)?/, with: " ")  // options, with a value
            for match in line.matches(of: token) {
                let word = String(match.output)
                if word.wholeMatch(of: number) != nil || data.contains(word) || allowed.contains(word) { continue }
                if !word.contains(where: \.isLetter) { continue }
                if found[word] == nil { found[word] = line }
            }
        }
        return found
    }

    /// The CJK runs of `output` beyond the sample's own text, the money units (`12.5亿 RMB`)
    /// and the domain terms English output gives in parentheses (`Coverage (双覆盖)`).
    static func chineseLeft(_ output: String, data: [String]) -> [String] {
        var text = output
        text.replace(/\([\u{4E00}-\u{9FFF}、，]+\)/, with: "")
        for run in data.sorted(by: { $0.count > $1.count }) where !run.isEmpty {
            text = text.replacingOccurrences(of: run, with: "")
        }
        return text.matches(of: cjkRun).map { String($0.output) }.filter { !["亿", "万", "元"].contains($0) }
    }

    /// Every sample's words: `chainmap samples` lists them all, and an id is an id.
    static let allDataWords: Set<String> = samples.reduce(into: Set(samples.map(\.name))) { $0.formUnion($1.dataWords) }
    static let allDataCJK: [String] = Array(Set(samples.flatMap(\.dataCJK)))

    static var quickSamples: [String] { Slow.allowed ? samples.map(\.name) : Array(samples.prefix(1).map(\.name)) }

    @Test func theSamplesAreListed() {
        #expect(Self.samples.count >= 5)
        #expect(Self.samples.allSatisfy { !$0.firm.isEmpty && !$0.stage.isEmpty })
    }

    @Test(arguments: verbs)
    func everyVerbSpeaksChineseOnEverySample(_ verb: Verb) throws {
        for sample in Self.samples where Self.quickSamples.contains(sample.name) {
            let r = try CLI.run(verb.arguments(sample), environment: ["CHAINMAP_LANG": "zh"])
            #expect(r.status == 0, "\(verb) \(sample): \(r.stderr)")
            let words = Self.foreignWords(r.stdout + r.stderr, data: Self.allDataWords)
            #expect(
                words.isEmpty,
                "\(verb) on \(sample): English in Chinese output:\n\(words.map { "\($0.key): \($0.value)" }.sorted().joined(separator: "\n"))"
            )
        }
    }

    @Test(arguments: verbs)
    func everyVerbSpeaksEnglishOnRequest(_ verb: Verb) throws {
        for sample in Self.samples where Self.quickSamples.contains(sample.name) {
            let r = try CLI.run(verb.arguments(sample) + ["--lang", "en"])
            #expect(r.status == 0, "\(verb) \(sample): \(r.stderr)")
            let left = Self.chineseLeft(r.stdout + r.stderr, data: Self.allDataCJK)
            #expect(left.isEmpty, "\(verb) on \(sample): Chinese in English output: \(Set(left).sorted())")
            // English, not just free of Chinese: a run of English words.
            #expect((r.stdout + r.stderr).contains(/[A-Za-z]{3,}[ ,]+[A-Za-z]{2,}/), "\(verb) on \(sample): no English")
        }
    }

    @Test(arguments: problems)
    func everyProblemIsReportedInChinese(_ problem: Problem) throws {
        let folder = CLI.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in problem.files {
            let url = folder.appendingPathComponent(name)
            try FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        try FileManager.default.createDirectory(
            at: folder.appendingPathComponent("sub"), withIntermediateDirectories: true)
        let arguments = problem.arguments.map { $0.replacingOccurrences(of: "DIR", with: folder.path) }
        let r = try CLI.run(arguments, environment: ["CHAINMAP_LANG": "zh"])
        #expect(r.status == problem.status, "\(problem): \(r.stderr)")
        #expect(!r.stderr.isEmpty, "\(problem): nothing said")
        let words = Self.foreignWords(
            r.stdout + r.stderr,
            data: Self.allDataWords.union(["a", "b", "c", "d", "e", "f", "g", "h", "i", "x", "zz", "nevv", "p"]))
        #expect(
            words.isEmpty,
            "\(problem): English in Chinese output:\n\(words.map { "\($0.key): \($0.value)" }.sorted().joined(separator: "\n"))"
        )
        let en = try CLI.run(arguments + ["--lang", "en"])
        #expect(
            Self.chineseLeft(en.stderr, data: ["不存在企业", "园区", "甲", "乙", "件"]).isEmpty,
            "\(problem): Chinese in English: \(en.stderr)")
    }
}
