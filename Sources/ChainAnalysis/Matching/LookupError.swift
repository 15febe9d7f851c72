import ChainModel

/// A name the user gave (a firm, a stage, a chain, a zone) that the park does not hold, or
/// that fits several records: which option it came from, what was given, and the nearest
/// names the park does hold (did you mean …).
///
/// Analyses that take names from people (`chainmap match`, `chainmap whatif`) throw it
/// instead of guessing. It is a `ChainMapError`: the command line prints its diagnostic in
/// the reader's language, located at the option, e.g.
/// `error: --firm: 园区中没有企业“创泰活赛”。提示：是否要找 江西创泰活塞制造有限公司（chuangtai）？`
public struct LookupError: Error, Sendable, Equatable {
    public enum Kind: String, Sendable, Encodable {
        case firm, stage, chain, zone
    }

    /// What kind of name it was.
    public var kind: Kind
    /// The option the name came from, as a stable key (`firm`, `remove`, `stage`…).
    public var field: String
    /// The name as given.
    public var query: String
    /// A record a name could mean: its id, and its name when it has one apart from the id.
    public struct Candidate: Sendable, Equatable, Encodable {
        public var id: String
        public var name: String?
        public init(id: String, name: String? = nil) {
            self.id = id
            self.name = name
        }
    }

    /// Records it fits (when ambiguous), or the nearest names (when unknown), at most ten.
    public var candidates: [Candidate]
    /// Whether the name fits several records (else none).
    public var ambiguous: Bool
    /// Whether ``candidates`` are near the name (did you mean), else every choice there is
    /// (when nothing is near and the choices are few).
    public var near: Bool

    public init(
        kind: Kind, field: String, query: String, candidates: [Candidate], ambiguous: Bool = false, near: Bool = true
    ) {
        self.kind = kind
        self.field = field
        self.query = query
        self.candidates = candidates
        self.ambiguous = ambiguous
        self.near = near
    }

    /// What is wrong: `lookup.<kind>.unknown` or `lookup.<kind>.ambiguous` with `query`
    /// (and the `candidates` a name fits when ambiguous).
    public var message: Message {
        var arguments: [String: Message.Argument] = ["query": .text(query)]
        if ambiguous { arguments["candidates"] = candidateList }
        return Message("lookup.\(kind.rawValue)." + (ambiguous ? "ambiguous" : "unknown"), arguments)
    }

    /// What to do: the nearest names (`lookup.didYouMean`), else how to name one
    /// (`lookup.<kind>.hint`; none for a zone).
    public var hint: Message? {
        if ambiguous { return Message("lookup.\(kind.rawValue).ambiguous.hint") }
        if !candidates.isEmpty {
            return Message(near ? "lookup.didYouMean" : "lookup.choices", ["candidates": candidateList])
        }
        return kind == .zone ? nil : Message("lookup.\(kind.rawValue).hint")
    }

    private var candidateList: Message.Argument {
        .list(
            candidates.map { c in
                c.name.map { .message(Message("lookup.named", ["id": .text(c.id), "name": .text($0)])) } ?? .text(c.id)
            }, limit: 10)
    }
}

extension LookupError: ChainMapError {
    /// One error located at the option the name came from (`--firm`).
    public var diagnostics: [Diagnostic] {
        [Diagnostic(.error, field: "--" + field, text: message, hint: hint)]
    }
}

extension Park {
    /// The firm a person means by `query` (an id, a name, or a part of a name found in one
    /// firm only).
    ///
    /// - Throws: ``LookupError`` naming `field`, with the firms the query fits when it fits
    ///   several, else the nearest ids and names by edit distance.
    /// - Complexity: O(firms); the did-you-mean search O(firms × name length²), only on error
    ///   and only up to 50,000 firms.
    public func lookupFirm(_ query: String, field: String) throws(LookupError) -> Firm {
        do {
            return try firm(matching: query)
        } catch {
            if !error.candidates.isEmpty {
                throw LookupError(
                    kind: .firm, field: field, query: query,
                    candidates: error.candidates.map { LookupError.Candidate(id: $0.id, name: $0.name) },
                    ambiguous: true)
            }
            let q = query.trimmingCharacters(in: .whitespaces)
            var near: [(firm: Firm, distance: Int)] = []
            if firms.count <= 50_000, !q.isEmpty {
                let tolerance = NameDistance.tolerance(q)
                for f in firms {
                    let d = min(NameDistance.distance(q, f.id), NameDistance.distance(q, f.name, partial: true))
                    if d <= tolerance { near.append((f, d)) }
                }
            }
            near.sort { $0.distance != $1.distance ? $0.distance < $1.distance : $0.firm.id < $1.firm.id }
            throw LookupError(
                kind: .firm, field: field, query: query,
                candidates: near.prefix(3).map { LookupError.Candidate(id: $0.firm.id, name: $0.firm.name) })
        }
    }

    /// The stage with id `id` (any chain), as its id and name.
    /// - Throws: ``LookupError`` with the nearest stage ids.
    public func lookupStage(_ id: String, field: String) throws(LookupError) -> (id: String, name: String) {
        let all = chains.flatMap(\.stages)
        if let s = all.first(where: { $0.id == id }) { return (s.id, s.name) }
        if let s = all.first(where: { $0.name == id }) { return (s.id, s.name) }
        let (candidates, near) = NameDistance.closest(id, all.flatMap { [$0.id, $0.name] }, fallback: all.map(\.id))
        throw LookupError(kind: .stage, field: field, query: id, candidates: candidates, near: near)
    }

    /// The chain with id (or name) `id`.
    /// - Throws: ``LookupError`` with the nearest chain ids (every chain when few).
    public func lookupChain(_ id: String, field: String) throws(LookupError) -> Chain {
        if let c = chains.first(where: { $0.id == id }) ?? chains.first(where: { $0.name == id }) { return c }
        let (candidates, near) = NameDistance.closest(
            id, chains.flatMap { [$0.id, $0.name] }, fallback: chains.map(\.id))
        throw LookupError(kind: .chain, field: field, query: id, candidates: candidates, near: near)
    }

    /// The ids of the firms in `zone` (park order).
    /// - Throws: ``LookupError`` with the nearest zones (every zone when few).
    public func lookupZone(_ zone: String, field: String) throws(LookupError) -> [String] {
        let ids = firms.filter { $0.zone == zone }.map(\.id)
        if !ids.isEmpty { return ids }
        let zones = Array(Set(firms.compactMap(\.zone))).sorted()
        let (candidates, near) = NameDistance.closest(zone, zones, fallback: zones)
        throw LookupError(kind: .zone, field: field, query: zone, candidates: candidates, near: near)
    }
}

/// Edit distance on Unicode scalars, for did-you-mean hints.
enum NameDistance {
    /// Most edits a near name may be away: a third of the query, at least 1.
    static func tolerance(_ q: String) -> Int { max(1, q.unicodeScalars.count / 3) }

    /// Edits from `a` to `b`; with `partial`, to the closest part of `b` (so a mistyped
    /// short name is near the firm's full name).
    static func distance(_ a: String, _ b: String, partial: Bool = false) -> Int {
        let x = Array(a.lowercased().unicodeScalars), y = Array(b.lowercased().unicodeScalars)
        if x.isEmpty || y.isEmpty { return max(x.count, y.count) }
        if !partial, abs(x.count - y.count) > 8 { return abs(x.count - y.count) }
        if y.count > 200 { return Int.max }
        var previous = partial ? [Int](repeating: 0, count: y.count + 1) : Array(0...y.count)
        var current = previous
        for i in 1...x.count {
            current[0] = i
            for j in 1...y.count {
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (x[i - 1] == y[j - 1] ? 0 : 1))
            }
            swap(&previous, &current)
        }
        return partial ? previous.min() ?? 0 : previous[y.count]
    }

    /// The names within tolerance, nearest first (at most 3; `near` true); when none is near
    /// and there are at most 12 names in all, `fallback` (the list to choose from).
    static func closest(_ q: String, _ names: [String], fallback: [String]) -> (
        candidates: [LookupError.Candidate], near: Bool
    ) {
        var seen = Set<String>()
        let near = names.map { ($0, distance(q, $0)) }.filter { $0.1 <= tolerance(q) && seen.insert($0.0).inserted }
            .sorted { $0.1 != $1.1 ? $0.1 < $1.1 : $0.0 < $1.0 }
        if !near.isEmpty { return (near.prefix(3).map { LookupError.Candidate(id: $0.0) }, true) }
        var unique = Set<String>()
        let list = fallback.filter { unique.insert($0).inserted }
        return (list.count <= 12 ? list.map { LookupError.Candidate(id: $0) } : [], false)
    }
}
