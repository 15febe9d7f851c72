/// The small synonym/taxonomy table behind matchmaking: it turns the free text of products,
/// capabilities and need tags into **concepts**, so that `自动化`, `automation`, `自动化改造`,
/// `自动化研发` and `设备自动化` all mean the concept `automation`.
///
/// How a text becomes concepts (``concepts(of:)``):
/// 1. lower-case it and split it into tokens at spaces and punctuation (`/ | , ， 、 ( ) （ ） ; ： -`;
///    `r&d` stays one token);
/// 2. in each token, find the table's keywords, longest first; a keyword's characters are then
///    blanked so a shorter keyword inside it does not match again (`模具钢` is steel, not mold).
///    ASCII keywords match only whole words (`pp` in `PP粒料`, not in `support`);
/// 3. a token with no keyword becomes a literal concept after stripping a trailing suffix such
///    as `改造`, `研发`, `服务`, `开发`, `设计` (`模具开发` and `模具设计` both become `模具`).
///
/// Some keywords are **modifiers** (`就近配套`, `本地供应`, `断点`, `原料`…): they say how or
/// why something is needed, not what, and are dropped.
///
/// ```swift
/// let v = MatchVocabulary.standard
/// v.concepts(of: "自动化改造") == v.concepts(of: "automation")   // true: ["automation"]
/// ```
public struct MatchVocabulary: Sendable {
    /// Concept name → keywords (lower case). Extend by passing your own table to ``init(table:modifiers:)``.
    public let table: [(concept: String, keywords: [String])]
    /// Keywords that are dropped (how/why words, not what).
    public let modifiers: [String]
    /// Suffixes stripped from a literal token.
    public let suffixes: [String]

    private let keywords: [(keyword: [Character], concept: String?, ascii: Bool)]

    /// A vocabulary from a table; keywords are matched longest first.
    /// - Complexity: O(K log K) for K keywords.
    public init(
        table: [(concept: String, keywords: [String])], modifiers: [String],
        suffixes: [String] = MatchVocabulary.standardSuffixes
    ) {
        self.table = table
        self.modifiers = modifiers
        self.suffixes = suffixes.sorted { $0.count > $1.count }
        var all: [(keyword: [Character], concept: String?, ascii: Bool)] = []
        for (concept, words) in table {
            for w in words { all.append((Array(w.lowercased()), concept, w.allSatisfy(\.isASCII))) }
        }
        for m in modifiers { all.append((Array(m.lowercased()), nil, m.allSatisfy(\.isASCII))) }
        all.sort { a, b in
            if a.keyword.count != b.keyword.count { return a.keyword.count > b.keyword.count }
            return String(a.keyword) < String(b.keyword)
        }
        keywords = all
    }

    /// The concepts of one text (sorted, unique).
    /// - Complexity: O(T · K) for a text of T characters and K keywords (tiny in practice).
    public func concepts(of text: String) -> [String] {
        var out: [String] = []
        for token in Self.tokens(text.lowercased()) {
            var chars = Array(token)
            var found = false
            for (keyword, concept, ascii) in keywords where keyword.count <= chars.count {
                var start = 0
                while start + keyword.count <= chars.count {
                    if chars[start..<start + keyword.count].elementsEqual(keyword)
                        && (!ascii || Self.isWordBoundary(chars, start, start + keyword.count)) {
                        if let concept { out.append(concept) }
                        found = true
                        for k in start..<start + keyword.count { chars[k] = " " }
                        start += keyword.count
                    } else {
                        start += 1
                    }
                }
            }
            if found { continue }
            var literal = token
            for s in suffixes where literal.count > s.count && literal.hasSuffix(s) {
                literal = String(literal.dropLast(s.count))
                break
            }
            if !literal.isEmpty { out.append("=" + literal) }
        }
        return Array(Set(out)).sorted()
    }

    /// The concepts of several texts together (sorted, unique).
    public func concepts(of texts: [String]) -> [String] {
        var set = Set<String>()
        for t in texts { set.formUnion(concepts(of: t)) }
        return set.sorted()
    }

    static func tokens(_ text: String) -> [String] {
        var out: [String] = []
        var current = ""
        for c in text {
            if tokenSeparators.contains(c) && !(c == "&" && current.hasSuffix("r")) {
                if !current.isEmpty { out.append(current) }
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    @inline(__always)
    static func isWordBoundary(_ chars: [Character], _ start: Int, _ end: Int) -> Bool {
        func isLetter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
        if start > 0 && isLetter(chars[start - 1]) { return false }
        if end < chars.count && isLetter(chars[end]) { return false }
        return true
    }
}
