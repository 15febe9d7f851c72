import Foundation
import Testing

/// Human text lives in the catalog only: string literals in the report layouts and renderers
/// are message ids and machine keys (no spaces, no sentences). A new English (or Chinese)
/// sentence written in code fails here; put it in `Catalog/zh` and `Catalog/en` instead.
@Suite("No human text outside the catalog")
struct SourceTextTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    /// Folders whose string literals must all be identifiers.
    static let checked = [
        "Sources/ChainOutput/Reports", "Sources/ChainOutput/Render", "Sources/ChainOutput/Document",
        "Sources/ChainAnalysis/Gaps/GapAnalyzer.swift", "Sources/ChainAnalysis/Gaps/GapAnalyzer+Cuts.swift",
        "Sources/ChainAnalysis/Gaps/GapAnalyzer+Needs.swift", "Sources/ChainAnalysis/Gaps/GapAnalyzer+Stages.swift",
        "Sources/ChainAnalysis/Gaps/GapAnalyzer+Thin.swift",
        "Sources/ChainAnalysis/Gaps/GapFinding.swift", "Sources/ChainAnalysis/Gaps/GapOptions.swift",
        "Sources/ChainAnalysis/Gaps/GapRemedies.swift", "Sources/ChainAnalysis/Gaps/GapReport.swift",
        "Sources/ChainAnalysis/Gaps/SupplyCuts.swift", "Sources/ChainAnalysis/Organization",
        "Sources/ChainAnalysis/Matching",
        "Sources/ChainOutput/HTML", "Sources/ChainAnalysis/Committee", "Sources/ChainReport",
        "Sources/ChainAnalysis/Diff",
    ]

    /// Files of the checked folders that hold data rather than text for people, with the reason.
    static let exempt: [String: String] = [
        "Sources/ChainAnalysis/Matching/MatchVocabulary+Standard.swift":
            "the synonym table: keywords matched against a park's words",
        "Sources/ChainOutput/HTML/ReportAssets.swift":
            "the report's style sheet and script: labels come from the catalog through the data blob",
        "Sources/ChainOutput/HTML/HTMLWriter.swift": "markup punctuation and the five entity escapes",
        "Sources/ChainOutput/HTML/ReportMap.swift":
            "SVG byte patterns (<svg, comments, xmlns, &#45;, id=) the map is cleaned with",
    ]

    /// Literals allowed besides identifiers: punctuation and layout the renderers need.
    static let allowed: Set<String> = [
        "", " ", "  ", "\\n", "\\r", "\\\"", "（", "）\\n", "# ", "\\n## ", "\\n\\n", "- ", ": ", ":", "*", "*\\n\\n",
        "| ", " | ", " |\\n", "|", " ---: |", " --- |", "\\\\`*_[]<>|#", "\\\\", "-", "—", "{", "}", "⟦", "⟧", "e",
        // Excel number formats and the characters sheet names may not hold.
        "#,##0", "#,##0.00", "0.0%", "0.000000", "[]:*?/\\\\", "'", ".", ",", "元", " RMB", "亿", "万", "%",
        // separators inside machine ids (a gap finding's place id, a cut link fact)
        "/", "<-", "->", "link#", "(none)",
    ]

    static func literals(in source: String) -> [String] {
        var out: [String] = []
        var i = source.startIndex
        var inLineComment = false
        while i < source.endIndex {
            let c = source[i]
            if inLineComment {
                if c == "\n" { inLineComment = false }
                i = source.index(after: i)
                continue
            }
            if c == "/", source.index(after: i) < source.endIndex, source[source.index(after: i)] == "/" {
                inLineComment = true
                i = source.index(after: i)
                continue
            }
            if c == "\"" {
                var j = source.index(after: i)
                var literal = ""
                while j < source.endIndex, source[j] != "\"" {
                    if source[j] == "\\", source.index(after: j) < source.endIndex {
                        literal.append(source[j])
                        j = source.index(after: j)
                    }
                    literal.append(source[j])
                    j = source.index(after: j)
                }
                out.append(literal)
                i = j < source.endIndex ? source.index(after: j) : j
                continue
            }
            i = source.index(after: i)
        }
        return out
    }

    /// The literal with its `\\(…)` interpolations removed: only the text around them counts.
    static func withoutInterpolations(_ s: String) -> String {
        var out = ""
        var depth = 0
        var i = s.startIndex
        while i < s.endIndex {
            let next = s.index(after: i)
            if depth == 0, s[i] == "\\", next < s.endIndex, s[next] == "(" {
                depth = 1
                i = s.index(after: next)
                continue
            }
            if depth > 0 {
                if s[i] == "(" { depth += 1 } else if s[i] == ")" { depth -= 1 }
            } else {
                out.append(s[i])
            }
            i = next
        }
        return out
    }

    /// One ASCII punctuation or control character (an operator, a key joiner such as
    /// `"\u{1}"`): no word can hide in it. (Chinese punctuation is not allowed: `、` and `，`
    /// join text for people and come from the catalog.)
    static func isSeparator(_ s: String) -> Bool {
        if s == "\\u{1}" || s == "\\t" { return true }
        guard s.count == 1, let c = s.first, c.isASCII else { return false }
        return !c.isLetter && !c.isNumber
    }

    static func isIdentifier(_ s: String) -> Bool {
        !s.isEmpty
            && s.unicodeScalars.allSatisfy {
                CharacterSet.alphanumerics.contains($0) && $0.isASCII || ".-_".unicodeScalars.contains($0)
            }
    }

    @Test func literalsAreIdsOrKeys() throws {
        var offenders: [String] = []
        for folder in Self.checked {
            // An entry is a folder (every Swift file in it) or one file, for a folder that
            // other areas share (`Gaps` also holds what-if).
            var dir = Self.root.appendingPathComponent(folder)
            var files: [String]
            if folder.hasSuffix(".swift") {
                files = [dir.lastPathComponent]
                dir = dir.deletingLastPathComponent()
            } else {
                files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }
            }
            let folderPath =
                folder.hasSuffix(".swift")
                ? String(folder.prefix(upTo: folder.lastIndex(of: "/") ?? folder.endIndex)) : folder
            for file in files where Self.exempt["\(folderPath)/\(file)"] == nil {
                let source = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
                for literal in Self.literals(in: source).map(Self.withoutInterpolations)
                where !Self.isIdentifier(literal) && !Self.allowed.contains(literal) && !Self.isSeparator(literal) {
                    offenders.append("\(folderPath)/\(file): \"\(literal)\"")
                }
            }
        }
        #expect(offenders.isEmpty, "human text outside the catalog:\n\(offenders.joined(separator: "\n"))")
    }

    @Test func theScannerFindsASentence() {
        let found = Self.literals(in: #"let x = "hello world"; // "comment""#)
        #expect(found == ["hello world"])
        #expect(!Self.isIdentifier("hello world"))
        #expect(Self.isIdentifier("gaps.evidence.missing-stage"))
    }
}
