@_spi(Internals) import ChainModel

/// The synonym/concept table behind matchmaking: it turns the free text of products,
/// capabilities and need tags into **concepts**, so that `自动化`, `automation`, `自动化改造`,
/// `自动化研发` and `设备自动化` all mean the concept `automation`.
///
/// The table is data: the built-in one (``standard``) is the file
/// `Sources/ChainAnalysis/Resources/vocabulary.tsv`, built into the program; a user's file
/// replaces it (``load(path:)``, `--vocabulary FILE`) or extends it (``extended(with:)``,
/// `--vocabulary-extend FILE`). Format: docs/MATCHING.md, "The vocabulary file". When a park is
/// indexed, its own chain templates add one concept per stage (``addingStages(of:)``), so the
/// stage a product belongs to separates products that share a word.
///
/// How a text becomes concepts (``concepts(of:)-(String)``):
/// 1. lower-case it and split it into tokens at spaces and punctuation (`/ | , ， 、 ( ) （ ） ; ： -`;
///    `r&d` stays one token);
/// 2. in each token, find the table's keywords, longest first; a keyword's characters are then
///    blanked so a shorter keyword inside it does not match again (`模具钢` is steel, not mold).
///    A keyword listed under several concepts gives all of them. ASCII keywords match only
///    whole words (`pp` in `PP粒料`, not in `support`);
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
public struct MatchVocabulary: Sendable, Equatable {
    /// One concept and the keywords (lower case) that mean it.
    public struct Entry: Sendable, Equatable {
        public var concept: String
        public var keywords: [String]
        public init(concept: String, keywords: [String]) {
            self.concept = concept
            self.keywords = keywords
        }
    }

    /// Concepts and their keywords, in file order.
    public let entries: [Entry]
    /// Keywords that are dropped (how/why words, not what).
    public let modifiers: [String]
    /// Suffixes stripped from a literal token, longest first.
    public let suffixes: [String]

    private typealias Keyword = (keyword: [Character], concepts: [String], ascii: Bool)
    /// Keywords of the concepts, longest first.
    private let keywords: [Keyword]
    /// Keywords of the stage concepts (`@…`), longest first: read only for a token in which no
    /// other keyword is found.
    private let stageKeywords: [Keyword]

    /// A vocabulary from a table; keywords are matched longest first.
    /// - Complexity: O(K log K) for K keywords.
    public init(entries: [Entry], modifiers: [String], suffixes: [String]) {
        self.entries = entries
        self.modifiers = modifiers
        self.suffixes = suffixes.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
        var byKeyword: [String: [String]] = [:]
        var byStageKeyword: [String: [String]] = [:]
        for e in entries {
            let stage = e.concept.hasPrefix(Self.stagePrefix)
            for w in e.keywords where !w.isEmpty {
                let k = w.lowercased()
                if stage {
                    if !(byStageKeyword[k]?.contains(e.concept) ?? false) {
                        byStageKeyword[k, default: []].append(e.concept)
                    }
                } else if !(byKeyword[k]?.contains(e.concept) ?? false) {
                    byKeyword[k, default: []].append(e.concept)
                }
            }
        }
        for m in modifiers where !m.isEmpty {
            let k = m.lowercased()
            // A modifier that is also a concept's keyword stays the concept's.
            if byKeyword[k] == nil { byKeyword[k] = [] }
        }
        func sorted(_ table: [String: [String]]) -> [Keyword] {
            var all = table.map {
                (keyword: Array($0.key), concepts: $0.value.sorted(), ascii: $0.key.allSatisfy(\.isASCII))
            }
            all.sort { a, b in
                if a.keyword.count != b.keyword.count { return a.keyword.count > b.keyword.count }
                return String(a.keyword) < String(b.keyword)
            }
            return all
        }
        keywords = sorted(byKeyword)
        stageKeywords = sorted(byStageKeyword)
    }

    /// A vocabulary from `(concept, keywords)` pairs.
    public init(table: [(concept: String, keywords: [String])], modifiers: [String], suffixes: [String] = []) {
        self.init(
            entries: table.map { Entry(concept: $0.concept, keywords: $0.keywords) }, modifiers: modifiers,
            suffixes: suffixes)
    }

    public static func == (a: MatchVocabulary, b: MatchVocabulary) -> Bool {
        a.entries == b.entries && a.modifiers == b.modifiers && a.suffixes == b.suffixes
    }

    /// This vocabulary with `other`'s entries, modifiers and suffixes added (a concept both
    /// name gets the keywords of both).
    public func extended(with other: MatchVocabulary) -> MatchVocabulary {
        var merged = entries
        for e in other.entries {
            if let i = merged.firstIndex(where: { $0.concept == e.concept }) {
                merged[i].keywords += e.keywords.filter { !merged[i].keywords.contains($0) }
            } else {
                merged.append(e)
            }
        }
        return MatchVocabulary(
            entries: merged, modifiers: modifiers + other.modifiers.filter { !modifiers.contains($0) },
            suffixes: suffixes + other.suffixes.filter { !suffixes.contains($0) })
    }

    /// The prefix of a stage concept: `@` + the stage id (`@pv-module`).
    public static let stagePrefix = "@"

    /// This vocabulary with one concept per stage of `park`'s chains (`@` + stage id), whose
    /// keywords are the words of the stage's name (split as a text is) and the products its
    /// firms make (firms listing that stage only) and sell over links. A product made in
    /// several stages means each of them. Stage keywords are read only for a word in which the
    /// table finds no keyword (a word it would keep literally): the general synonyms keep
    /// their meaning, and the products of one stage become one concept (`单晶组件` and
    /// `光伏组件`, both made by the module stage), different from another stage's (`光伏玻璃`).
    ///
    /// - Complexity: O(F + L) for F firms and L links, plus the stages' names.
    public func addingStages(of park: Park) -> MatchVocabulary {
        // One slot per stage id, in order of first mention by a chain.
        var slot: [String: Int] = [:]
        var order: [String] = []
        var words: [[String]] = []
        var known: [Set<String>] = []
        // A text's keyword candidates, worked out once per distinct text.
        var tokenCache: [String: [String]] = [:]
        func add(_ s: Int, _ text: String) {
            let tokens: [String]
            if let cached = tokenCache[text] {
                tokens = cached
            } else {
                tokens = Self.tokens(text.lowercased()).filter { $0.count >= 2 && !modifiers.contains($0) }
                tokenCache[text] = tokens
            }
            for token in tokens where known[s].insert(token).inserted { words[s].append(token) }
        }
        for chain in park.chains {
            for stage in chain.stages {
                let s: Int
                if let existing = slot[stage.id] {
                    s = existing
                } else {
                    s = order.count
                    slot[stage.id] = s
                    order.append(stage.id)
                    words.append([])
                    known.append([])
                }
                add(s, stage.name)
            }
        }
        // Firms listing one stage: their products, and the products they sell over links.
        var firmSlot = [Int32](repeating: -1, count: park.firms.count)
        for (i, f) in park.firms.enumerated() where f.stages.count == 1 {
            guard let s = slot[f.stages[0]] else { continue }
            firmSlot[i] = Int32(s)
            for p in f.products { add(s, p) }
        }
        // Adding a (stage, product) pair twice changes nothing, so each pair is added once:
        // a million-firm park has ten million links but few distinct pairs.
        let supplier = park.resolution.linkSupplier
        // By product code: equal codes are equal texts, so links are skipped without hashing
        // their product (a text under two codes is added twice, which changes nothing).
        var slotsOfCode: [UInt32: [Int32]] = [:]
        let links = park.links
        for l in links.indices {
            let code = links.productCodes[l]
            guard code != LinkTable.noText else { continue }
            let f = supplier[l]
            guard f >= 0 else { continue }
            let s = firmSlot[Int(f)]
            guard s >= 0 else { continue }
            if slotsOfCode[code, default: []].contains(s) { continue }
            slotsOfCode[code, default: []].append(s)
            add(Int(s), links.texts[Int(code)])
        }
        let stageEntries = order.indices.compactMap { s in
            words[s].isEmpty ? nil : Entry(concept: Self.stagePrefix + order[s], keywords: words[s])
        }
        return MatchVocabulary(entries: entries + stageEntries, modifiers: modifiers, suffixes: suffixes)
    }

    /// The concepts of one text (sorted, unique).
    /// - Complexity: O(T · K) for a text of T characters and K keywords (tiny in practice).
    public func concepts(of text: String) -> [String] {
        var out: [String] = []
        for token in Self.tokens(text.lowercased()) {
            var chars = Array(token)
            var found = false
            for (keyword, concepts, ascii) in keywords where keyword.count <= chars.count {
                var start = 0
                while start + keyword.count <= chars.count {
                    if chars[start..<start + keyword.count].elementsEqual(keyword)
                        && (!ascii || Self.isWordBoundary(chars, start, start + keyword.count))
                    {
                        out += concepts
                        found = true
                        for k in start..<start + keyword.count { chars[k] = " " }
                        start += keyword.count
                    } else {
                        start += 1
                    }
                }
            }
            if found { continue }
            chars = Array(token)
            for (keyword, concepts, ascii) in stageKeywords where keyword.count <= chars.count {
                var start = 0
                while start + keyword.count <= chars.count {
                    if chars[start..<start + keyword.count].elementsEqual(keyword)
                        && (!ascii || Self.isWordBoundary(chars, start, start + keyword.count))
                    {
                        out += concepts
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
