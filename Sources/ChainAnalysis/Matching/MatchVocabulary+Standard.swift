// The vocabulary file: its syntax (separators, record kinds) and the built-in table. Data, not
// text for people, so `SourceTextTests` exempts this one file.
import ChainGraph
import ChainModel

extension MatchVocabulary {
    /// Characters that split a text into tokens (``concepts(of:)``, step 1).
    static let tokenSeparators: Set<Character> = [
        " ", "\t", "/", "|", ",", "，", "、", "(", ")", "（", "）", ";", "；", ":", "：", "-", "_", "+", "&", "。", ".",
    ]

    /// The built-in vocabulary: `Sources/ChainAnalysis/Resources/vocabulary.tsv`, built into the
    /// program (so an installed binary has it in any folder). General industrial words:
    /// capabilities and services, common processes, materials, energy and electrical parts.
    public static let standard: MatchVocabulary = {
        guard let text = EmbeddedResources.text["vocabulary"],
            case .success(let v) = parse(text, file: "vocabulary.tsv")
        else {
            // Tested (`theBuiltInVocabularyParses`): the built-in file is always well formed.
            return MatchVocabulary(entries: [], modifiers: [], suffixes: [])
        }
        return v
    }()

    /// The built-in file's text (a user's own file may start from a copy of
    /// `Sources/ChainAnalysis/Resources/vocabulary.tsv`).
    public static var standardText: String { EmbeddedResources.text["vocabulary"] ?? "" }

    /// Reads a vocabulary file (format: docs/MATCHING.md, "The vocabulary file").
    /// - Throws: ``VocabularyError`` when the file cannot be read or a line is not a record.
    public static func load(path: String) throws(VocabularyError) -> MatchVocabulary {
        switch InputFile.read(path, allowStream: true) {
        case .failure(let problem):
            throw VocabularyError(problems: [
                .init(file: path, line: nil, kind: .unreadable(problem.message, problem.hint))
            ])
        case .success(let bytes):
            var data = bytes[...]
            if data.starts(with: [0xEF, 0xBB, 0xBF]) { data = data.dropFirst(3) }
            guard let text = String(validating: data, as: UTF8.self) else {
                throw VocabularyError(problems: [.init(file: path, line: nil, kind: .notUTF8)])
            }
            switch parse(text, file: path) {
            case .success(let v): return v
            case .failure(let e): throw e
            }
        }
    }

    /// Parses the text of a vocabulary file; every bad line is a problem.
    public static func parse(_ text: String, file: String) -> Result<MatchVocabulary, VocabularyError> {
        var entries: [Entry] = []
        var modifiers: [String] = []
        var suffixes: [String] = []
        var problems: [VocabularyError.Problem] = []
        var number = 0
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            number += 1
            var line = Substring(raw)
            if line.hasSuffix("\r") { line = line.dropLast() }
            if line.allSatisfy(\.isWhitespace) || line.hasPrefix("#") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: true)
                .map(\.vocabularyTrimmed).filter { !$0.isEmpty }
            let kind = fields.first ?? ""
            switch kind {
            case "concept":
                guard fields.count >= 3 else {
                    problems.append(.init(file: file, line: number, kind: .noKeywords))
                    continue
                }
                let words = fields.dropFirst(2).map { $0.lowercased() }
                if let i = entries.firstIndex(where: { $0.concept == fields[1] }) {
                    entries[i].keywords += words.filter { !entries[i].keywords.contains($0) }
                } else {
                    entries.append(Entry(concept: fields[1], keywords: words))
                }
            case "modifier":
                modifiers += fields.dropFirst().map { $0.lowercased() }
            case "suffix":
                suffixes += fields.dropFirst().map { $0.lowercased() }
            default:
                problems.append(.init(file: file, line: number, kind: .unknownKind(kind)))
            }
        }
        if !problems.isEmpty { return .failure(VocabularyError(problems: problems)) }
        return .success(MatchVocabulary(entries: entries, modifiers: modifiers, suffixes: suffixes))
    }
}

extension Substring {
    /// Without leading and trailing white space.
    fileprivate var vocabularyTrimmed: String {
        var s = self
        while let f = s.first, f.isWhitespace { s = s.dropFirst() }
        while let l = s.last, l.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

/// A vocabulary file (`--vocabulary`, `--vocabulary-extend`) that cannot be used: where and why.
public struct VocabularyError: Error, Sendable, Equatable {
    public struct Problem: Sendable, Equatable {
        public enum Kind: Sendable, Equatable {
            /// The file cannot be read (message and hint of the reading rule).
            case unreadable(String, String)
            case notUTF8
            /// A line whose first field is not `concept`, `modifier` or `suffix`.
            case unknownKind(String)
            /// A `concept` line without a name or without keywords.
            case noKeywords
        }
        public var file: String
        public var line: Int?
        public var kind: Kind
    }

    public var problems: [Problem]
}

extension VocabularyError: ChainMapError {
    public var diagnostics: [Diagnostic] {
        problems.map { p in
            switch p.kind {
            case .unreadable(let message, let hint):
                var d = Diagnostic(.error, file: p.file, message, hint: hint)
                d.text = Message("match.vocabulary.unreadable", ["reason": .text(message)])
                return d
            case .notUTF8:
                return Diagnostic(
                    .error, file: p.file, line: p.line, text: Message("match.vocabulary.notUTF8"),
                    hint: Message("match.vocabulary.format.hint"))
            case .unknownKind(let kind):
                return Diagnostic(
                    .error, file: p.file, line: p.line, field: "kind",
                    text: Message("match.vocabulary.unknownKind", ["kind": .text(kind)]),
                    hint: Message("match.vocabulary.format.hint"))
            case .noKeywords:
                return Diagnostic(
                    .error, file: p.file, line: p.line, field: "concept",
                    text: Message("match.vocabulary.noKeywords"), hint: Message("match.vocabulary.format.hint"))
            }
        }
    }
}
