import ChainModel

/// A need of the firm that no suggestion answers, and why (#19 item 5): who offers it in the
/// park (nobody, or firms that were left out), how many outside firms do, which responders
/// (企业吹哨、部门响应) have taken needs of the same concept, and the nearest concept the park
/// does offer.
public struct UnansweredNeed: Sendable, Equatable, Encodable {
    /// The need's id and its words (tags, else product and text).
    public var need: String
    public var direction: MatchDirection
    public var wanted: String
    /// The need's concepts (vocabulary names; a literal word as `=word`).
    public var concepts: [String]
    /// In-park firms (and agencies, by the words of their names) that offer or make one of the
    /// concepts. 0: nobody in the park does; above 0: they were left out (existing partners,
    /// the firm's own stage, or ranked below the list's length).
    public var inParkOffers: Int
    /// Outside firms that do: the park's firms outside the park plus the candidates file.
    public var outsideOffers: Int
    /// Of those, the ones from the candidates file (`--candidates`).
    public var candidateFileOffers: Int
    /// Responders (organizations or agencies) named on needs of the same concepts, the need's
    /// own responder first: the departments that could take it (部门响应).
    public var responders: [String]
    /// The nearest thing the park does offer: a concept with in-park offerers whose words share
    /// the most characters with the need's (nil when none shares any).
    public var nearest: NearestOffer?
    /// The reason as one sentence (`match.why.N` of `match.empty.*` clauses).
    public var reason: Message

    /// The nearest concept with in-park offerers.
    public struct NearestOffer: Sendable, Equatable, Encodable {
        /// The concept, and the word of it closest to the need.
        public var concept: String
        public var word: String
        /// In-park offerers of the concept, and the first of them (largest output).
        public var offerers: Int
        public var example: String
        /// Dice similarity of characters between the need's words and ``word``, 0…1.
        public var similarity: Double
    }
}

extension MatchIndex {
    /// The usable needs of `firm` in `directions` that none of `answered` (need ids) answers,
    /// each with its reason. `outside` are extra outside firms (a candidates file).
    ///
    /// - Complexity: per unanswered need O(list lengths of its concepts + needs with a responder
    ///   of those concepts + C·K) for C concepts offered in the park and K keywords each — never
    ///   a pass over all firms.
    public func unanswered(
        forNode firm: Int32, directions: Set<MatchDirection>, answered: Set<String>, options: MatchOptions,
        outside: [Firm] = []
    ) -> [UnansweredNeed] {
        guard Int(firm) < firmCount else { return [] }
        var result: [UnansweredNeed] = []
        var outsideConcepts: [(products: Set<String>, capabilities: Set<String>)] = []
        if !outside.isEmpty {
            outsideConcepts = outside.map {
                (Set(vocabulary.concepts(of: $0.products)), Set(vocabulary.concepts(of: $0.capabilities)))
            }
        }
        for direction in [MatchDirection.upstream, .capability] where directions.contains(direction) {
            let start = direction == .upstream ? supplyItemStart : capabilityItemStart
            let items = direction == .upstream ? supplyItems : capabilityItems
            for it in Int(start[Int(firm)])..<Int(start[Int(firm) + 1]) {
                let item = items[it]
                guard item.need >= 0, usable(item, options) else { continue }
                let need = park.needs[Int(item.need)]
                if answered.contains(need.id) { continue }
                let cs = Array(concepts(item.set))
                let listStart = direction == .upstream ? makersStart : offerersStart
                let list = direction == .upstream ? makers : offerers
                var inside = Set<Int32>()
                var away = Set<Int32>()
                for c in cs {
                    for k in Int(listStart[Int(c)])..<Int(listStart[Int(c) + 1]) {
                        let v = list[k]
                        if v == firm { continue }
                        if isOutside(v) { away.insert(v) } else { inside.insert(v) }
                    }
                }
                let names = Set(cs.map { conceptNames[Int($0)] })
                var fromFile = 0
                for o in outsideConcepts
                where !names.isDisjoint(with: direction == .upstream ? o.products : o.capabilities) {
                    fromFile += 1
                }
                // Responders of needs with the same concepts, the need's own first.
                var responders: [String] = []
                if let r = need.responder { responders.append(responderName(r)) }
                for c in cs {
                    for r in respondersByConcept[c] ?? [] where !responders.contains(r) { responders.append(r) }
                }
                let wanted =
                    direction == .capability && !need.tags.isEmpty
                    ? need.tags.joined(separator: "/")
                    : ((need.product.map { [$0] } ?? []) + need.tags).joined(separator: "/")
                let nearest = inside.isEmpty ? nearestOffer(to: wanted, direction: direction, excluding: Set(cs)) : nil
                var clauses: [Message] = []
                if inside.isEmpty {
                    clauses.append(Message("match.empty.noInPark", ["wanted": .text(wanted)]))
                } else {
                    clauses.append(
                        Message("match.empty.leftOut", ["wanted": .text(wanted), "count": .integer(inside.count)]))
                }
                let outsideCount = away.count + fromFile
                clauses.append(
                    outsideCount > 0
                        ? Message("match.empty.outside", ["count": .integer(outsideCount)])
                        : Message("match.empty.noOutside"))
                if !responders.isEmpty {
                    clauses.append(
                        Message(
                            "match.empty.responders",
                            [
                                "count": .integer(responders.count),
                                "names": .list(responders.map { .text($0) }, limit: 5),
                            ]))
                }
                if let nearest {
                    clauses.append(
                        Message(
                            "match.empty.nearest",
                            [
                                "word": .text(nearest.word), "example": .text(nearest.example),
                                "count": .integer(nearest.offerers),
                            ]))
                }
                var arguments: [String: Message.Argument] = [:]
                for (i, c) in clauses.enumerated() { arguments["c\(i + 1)"] = .message(c) }
                result.append(
                    UnansweredNeed(
                        need: need.id, direction: direction, wanted: wanted, concepts: names.sorted(),
                        inParkOffers: inside.count,
                        outsideOffers: outsideCount, candidateFileOffers: fromFile, responders: responders,
                        nearest: nearest,
                        reason: Message("match.why.\(clauses.count)", arguments)))
            }
        }
        return result
    }

    /// An organization id's name, or the responder as written (an agency's name).
    func responderName(_ r: String) -> String {
        if let node = graph.node(of: r), Int(node) >= firmCount { return organizationNames[Int(node) - firmCount] }
        return r
    }

    /// The concept with in-park offerers (makers for upstream) whose words share the most
    /// characters with `text` (Dice coefficient of the character sets); ties: more offerers,
    /// then concept order.
    func nearestOffer(to text: String, direction: MatchDirection, excluding: Set<Int32>) -> UnansweredNeed.NearestOffer?
    {
        let wanted = Set(text.lowercased().filter { !MatchVocabulary.tokenSeparators.contains($0) })
        guard !wanted.isEmpty else { return nil }
        let listStart = direction == .upstream ? makersStart : offerersStart
        let list = direction == .upstream ? makers : offerers
        var keywordsOf: [String: [String]] = [:]
        for e in vocabulary.entries { keywordsOf[e.concept, default: []] += e.keywords }
        var best: UnansweredNeed.NearestOffer? = nil
        for c in 0..<conceptNames.count where !excluding.contains(Int32(c)) {
            var inPark = 0
            var first: Int32 = -1
            for k in Int(listStart[c])..<Int(listStart[c + 1]) where !isOutside(list[k]) {
                inPark += 1
                if first < 0 { first = list[k] }
            }
            guard inPark > 0 else { continue }
            let conceptName = conceptNames[c]
            let words =
                conceptName.hasPrefix("=")
                ? [String(conceptName.dropFirst())] : keywordsOf[conceptName] ?? [conceptName]
            for w in words {
                let chars = Set(w.lowercased())
                let shared = chars.intersection(wanted).count
                guard shared > 0 else { continue }
                let dice = 2 * Double(shared) / Double(chars.count + wanted.count)
                let better: Bool
                if let b = best {
                    better = dice > b.similarity + 1e-12 || (abs(dice - b.similarity) <= 1e-12 && inPark > b.offerers)
                } else {
                    better = true
                }
                if better {
                    best = UnansweredNeed.NearestOffer(
                        concept: conceptName, word: w, offerers: inPark, example: self.name(of: first), similarity: dice
                    )
                }
            }
        }
        return best
    }
}
