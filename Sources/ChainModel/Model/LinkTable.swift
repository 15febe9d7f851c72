import ChainGraph

/// A park's supply links, stored by column: every text (supplier and buyer ids, products, link
/// ids, notes) once in a table (texts are the same when their UTF-8 bytes are) and each link as 32-bit codes into it, with its value, share and
/// flags beside them.
///
/// It is a collection of ``SupplyLink`` values like an array (index, iterate, append, assign
/// through the subscript, `removeAll(where:)`), but a link costs 29 bytes (37 when links carry
/// ids and notes) instead of a 120-byte record, and a snapshot's link columns load into it
/// without making a record per link. That is what lets ten million firms and a hundred
/// million links fit in memory.
///
/// ```swift
/// var links: LinkTable = [SupplyLink(supplier: "a", buyer: "b", product: "电芯")]
/// links.append(SupplyLink(supplier: "b", buyer: "c"))
/// links[1].status = .lost
/// let products = links.indices.compactMap { links.product(at: $0) }   // no record made
/// ```
///
/// Reading a whole ``SupplyLink`` through the subscript builds it from the columns (retaining
/// its texts); passes over many links read the columns they need through the `…(at:)`
/// accessors and the codes.
public struct LinkTable: Sendable {
    /// The texts the codes name. A table built by appending holds each text once; a snapshot's
    /// table holds every text of the park (also each once).
    public private(set) var texts: [String]
    /// Text (by its UTF-8 bytes) → code, for appending; empty until the first append to a table
    /// that was given its texts (a snapshot's), so that loading does not hash them.
    private var textCodes: [UTF8Key: UInt32] = [:]
    /// Whether ``textCodes`` holds every text (false for a table given its texts, until its
    /// first append).
    private var textsIndexed = true
    /// Texts coded lately, with their codes, by a hash of their words (a cache for appending,
    /// 1,024 slots made on first use; not part of the value).
    private var recent: [(text: String, code: UInt32)] = []
    /// Each link's supplier, buyer and product (``LinkTable/noText`` for none) as a code into ``texts``.
    public private(set) var supplierCodes: [UInt32]
    public private(set) var buyerCodes: [UInt32]
    public private(set) var productCodes: [UInt32]
    /// Link ids and notes; empty while every link has none (the common case, which then costs
    /// nothing per link).
    private(set) var idCodes: [UInt32]
    private(set) var noteCodes: [UInt32]
    /// Values and shares as bit patterns, ``LinkTable/noValueBits`` for none (the snapshot's
    /// columns as they are).
    private(set) var valueBits: [UInt64]
    private(set) var shareBits: [UInt64]
    /// Status (bits 0–1), local (bits 2–3: 0 false, 1 true, 2 not given), primary (bit 4),
    /// illustrative (bit 5).
    private(set) var flags: [UInt8]

    /// A code that names no text (the field has no value): the snapshot's own.
    public static let noText = ParkSnapshot.nilCode
    /// The bit pattern of a value or share that is not given (the snapshot's own, a NaN with a
    /// payload no arithmetic produces).
    static let noValueBits = ParkSnapshot.nilDoubleBits

    /// An empty table.
    public init() {
        texts = []
        supplierCodes = []
        buyerCodes = []
        productCodes = []
        idCodes = []
        noteCodes = []
        valueBits = []
        shareBits = []
        flags = []
    }

    /// A table from columns already coded against `texts` (a snapshot's), checked by the
    /// caller: every code is below `texts.count` or ``noText`` where a field is optional, and
    /// every column has the same count (`ids` and `notes` may be empty for none).
    init(
        texts: [String], suppliers: [UInt32], buyers: [UInt32], products: [UInt32], ids: [UInt32], notes: [UInt32],
        valueBits: [UInt64], shareBits: [UInt64], flags: [UInt8]
    ) {
        assert(buyers.count == suppliers.count && products.count == suppliers.count)
        assert(valueBits.count == suppliers.count && shareBits.count == suppliers.count)
        assert(flags.count == suppliers.count && (ids.isEmpty || ids.count == suppliers.count))
        assert(notes.isEmpty || notes.count == suppliers.count)
        self.texts = texts
        textsIndexed = false
        supplierCodes = suppliers
        buyerCodes = buyers
        productCodes = products
        idCodes = ids.allSatisfy { $0 == Self.noText } ? [] : ids
        noteCodes = notes.allSatisfy { $0 == Self.noText } ? [] : notes
        self.valueBits = valueBits
        self.shareBits = shareBits
        self.flags = flags
    }

    /// The flags byte of a link's status, local, primary and illustrative fields.
    static func flags(status: LinkStatus, local: Bool?, primary: Bool, illustrative: Bool) -> UInt8 {
        let s: UInt8 =
            switch status {
            case .active: 0
            case .planned: 1
            case .lost: 2
            }
        let l: UInt8 = local.map { $0 ? 1 : 0 } ?? 2
        return s | l << 2 | (primary ? 16 : 0) | (illustrative ? 32 : 0)
    }
}

// MARK: - Reading one field

extension LinkTable {
    @inline(__always) func text(_ code: UInt32) -> String? { code == Self.noText ? nil : texts[Int(code)] }

    /// The value of a stored bit pattern (nil for ``noValueBits``); ``bits(_:)`` inverts it.
    @inline(__always) static func double(_ bits: UInt64) -> Double? {
        bits == noValueBits ? nil : Double(bitPattern: bits)
    }

    /// Link `i`'s supplier id. - Complexity: O(1).
    @inlinable public func supplier(at i: Int) -> String { texts[Int(supplierCodes[i])] }
    /// Link `i`'s buyer id. - Complexity: O(1).
    @inlinable public func buyer(at i: Int) -> String { texts[Int(buyerCodes[i])] }
    /// Link `i`'s product. - Complexity: O(1).
    public func product(at i: Int) -> String? { text(productCodes[i]) }
    /// Link `i`'s id. - Complexity: O(1).
    public func id(at i: Int) -> String? { idCodes.isEmpty ? nil : text(idCodes[i]) }
    /// Link `i`'s note. - Complexity: O(1).
    public func note(at i: Int) -> String? { noteCodes.isEmpty ? nil : text(noteCodes[i]) }
    /// Link `i`'s annual value. - Complexity: O(1).
    public func value(at i: Int) -> Double? { Self.double(valueBits[i]) }
    /// Link `i`'s share. - Complexity: O(1).
    public func share(at i: Int) -> Double? { Self.double(shareBits[i]) }
    /// Link `i`'s status. - Complexity: O(1).
    public func status(at i: Int) -> LinkStatus {
        switch flags[i] & 3 {
        case 0: .active
        case 1: .planned
        default: .lost
        }
    }
    /// Link `i`'s local flag as given (nil: derived from the firms). - Complexity: O(1).
    public func local(at i: Int) -> Bool? {
        switch flags[i] >> 2 & 3 {
        case 0: false
        case 1: true
        default: nil
        }
    }
    /// Whether link `i` is a primary supply. - Complexity: O(1).
    public func isPrimary(at i: Int) -> Bool { flags[i] & 16 != 0 }
    /// Whether link `i` is illustrative. - Complexity: O(1).
    public func isIllustrative(at i: Int) -> Bool { flags[i] & 32 != 0 }
}

// MARK: - Writing

extension LinkTable {
    /// The code of `text`, added to the table when new.
    /// - Complexity: O(1) amortized; O(texts) once for a table given its texts.
    private mutating func code(_ text: String) -> UInt32 {
        // A direct-mapped cache on the String's two words, checked before hashing: equal words
        // are the same small string (ids, and products of up to 15 UTF-8 bytes, are stored in
        // the words themselves) or the same storage, so the same text. The cache holds its
        // strings, so a word that is a pointer cannot be reused for another text while cached.
        guard MemoryLayout<String>.size == MemoryLayout<(UInt64, UInt64)>.size else { return hashedCode(text) }
        let words = unsafeBitCast(text, to: (UInt64, UInt64).self)
        let slot = Int(((words.0 ^ (words.1 &* 0x9E37_79B9_7F4A_7C15)) &* 0xFF51_AFD7_ED55_8CCD) >> 54)
        if recent.isEmpty { recent = Array(repeating: ("", Self.noText), count: 1 << 10) }
        let cached = recent[slot]
        if cached.code != Self.noText && unsafeBitCast(cached.text, to: (UInt64, UInt64).self) == words {
            return cached.code
        }
        let c = hashedCode(text)
        recent[slot] = (text, c)
        return c
    }

    private mutating func hashedCode(_ text: String) -> UInt32 {
        if !textsIndexed {
            var index: [UTF8Key: UInt32] = [:]
            index.reserveCapacity(texts.count)
            for (c, t) in texts.enumerated() where index[UTF8Key(t)] == nil { index[UTF8Key(t)] = UInt32(c) }
            textCodes = index
            textsIndexed = true
        }
        let key = UTF8Key(text)
        if let c = textCodes[key] { return c }
        let c = UInt32(texts.count)
        texts.append(text)
        textCodes[key] = c
        return c
    }

    private mutating func code(_ text: String?) -> UInt32 { text.map { code($0) } ?? Self.noText }

    /// The bit pattern stored for `v`: ``noValueBits`` for none, one NaN for every NaN.
    static func bits(_ v: Double?) -> UInt64 {
        guard let v else { return noValueBits }
        return v.isNaN ? Double.nan.bitPattern : v.bitPattern
    }

    /// Stores `link` at `i` (`i == count` appends).
    private mutating func store(_ link: SupplyLink, at i: Int) {
        let appending = i == count
        @inline(__always) func put<T>(_ column: inout [T], _ v: T) {
            if appending { column.append(v) } else { column[i] = v }
        }
        let s = code(link.supplier), b = code(link.buyer), p = code(link.product)
        put(&supplierCodes, s)
        put(&buyerCodes, b)
        put(&productCodes, p)
        put(&valueBits, Self.bits(link.value))
        put(&shareBits, Self.bits(link.share))
        put(
            &flags,
            Self.flags(status: link.status, local: link.local, primary: link.primary, illustrative: link.illustrative))
        // Ids and notes: a column exists once some link has one.
        let n = supplierCodes.count
        if link.id != nil || !idCodes.isEmpty {
            if idCodes.isEmpty { idCodes = [UInt32](repeating: Self.noText, count: appending ? n - 1 : n) }
            let c = code(link.id)
            if appending { idCodes.append(c) } else { idCodes[i] = c }
        }
        if link.note != nil || !noteCodes.isEmpty {
            if noteCodes.isEmpty { noteCodes = [UInt32](repeating: Self.noText, count: appending ? n - 1 : n) }
            let c = code(link.note)
            if appending { noteCodes.append(c) } else { noteCodes[i] = c }
        }
    }

    /// Keeps the links at `kept` (ascending), in order, with their codes (no text hashed).
    private mutating func keep(_ kept: [Int]) {
        func pick<T>(_ c: [T]) -> [T] { c.isEmpty ? [] : kept.map { c[$0] } }
        supplierCodes = pick(supplierCodes)
        buyerCodes = pick(buyerCodes)
        productCodes = pick(productCodes)
        idCodes = pick(idCodes)
        noteCodes = pick(noteCodes)
        valueBits = pick(valueBits)
        shareBits = pick(shareBits)
        flags = pick(flags)
    }

    /// The links for which `isIncluded` is true, in order, sharing this table's texts.
    /// - Complexity: O(n) plus one record built per link.
    public func filter(_ isIncluded: (SupplyLink) throws -> Bool) rethrows -> LinkTable {
        var kept: [Int] = []
        for i in indices where try isIncluded(self[i]) { kept.append(i) }
        var out = self
        out.keep(kept)
        return out
    }
}

// MARK: - Collection

extension LinkTable: RandomAccessCollection, MutableCollection, RangeReplaceableCollection {
    public var startIndex: Int { 0 }
    public var endIndex: Int { supplierCodes.count }
    public var count: Int { supplierCodes.count }

    /// Link `i`, built from the columns.
    /// - Complexity: O(1).
    public subscript(i: Int) -> SupplyLink {
        get {
            SupplyLink(
                id: id(at: i), supplier: supplier(at: i), buyer: buyer(at: i), product: product(at: i),
                value: value(at: i), share: share(at: i), status: status(at: i), local: local(at: i),
                primary: isPrimary(at: i), illustrative: isIllustrative(at: i), note: note(at: i))
        }
        set {
            precondition(i >= 0 && i < count, "link index out of range")
            store(newValue, at: i)
        }
    }

    public mutating func reserveCapacity(_ n: Int) {
        supplierCodes.reserveCapacity(n)
        buyerCodes.reserveCapacity(n)
        productCodes.reserveCapacity(n)
        valueBits.reserveCapacity(n)
        shareBits.reserveCapacity(n)
        flags.reserveCapacity(n)
    }

    /// - Complexity: O(1) amortized.
    public mutating func append(_ link: SupplyLink) { store(link, at: count) }

    public mutating func append(contentsOf links: some Sequence<SupplyLink>) {
        reserveCapacity(count + links.underestimatedCount)
        for l in links { append(l) }
    }

    public mutating func replaceSubrange(_ range: Range<Int>, with links: some Collection<SupplyLink>) {
        precondition(range.lowerBound >= 0 && range.upperBound <= count, "link range out of range")
        if range.upperBound == count && range.isEmpty {
            append(contentsOf: links)
            return
        }
        // Rare (the model edits links in place or removes them by predicate): rebuild.
        var out = LinkTable()
        out.texts = texts
        out.textCodes = textCodes
        out.textsIndexed = textsIndexed
        out.reserveCapacity(count - range.count + links.count)
        for i in 0..<range.lowerBound { out.append(self[i]) }
        out.append(contentsOf: links)
        for i in range.upperBound..<count { out.append(self[i]) }
        self = out
    }

    /// Removes the links for which `shouldBeRemoved` is true, keeping the others' order.
    /// - Complexity: O(n) plus one record built per link; no text is hashed.
    public mutating func removeAll(where shouldBeRemoved: (SupplyLink) throws -> Bool) rethrows {
        var kept: [Int] = []
        kept.reserveCapacity(count)
        for i in indices where try !shouldBeRemoved(self[i]) { kept.append(i) }
        if kept.count < count { keep(kept) }
    }
}

extension LinkTable {
    /// The table of `links`, coded on all cores: one run of links per core is coded into a
    /// table of its own; the first run's table is kept and the others' texts are added to it
    /// run by run. The texts get the codes appending the links one by one would give them
    /// (order of first appearance).
    /// - Complexity: O(n) hash operations divided among the cores, plus one per distinct text
    ///   of every run after the first.
    public init(_ links: [SupplyLink]) { self.init(links, minimumChunk: 200_000) }

    /// ``init(_:)-([SupplyLink])`` splitting `links` once they number `minimumChunk` (small in tests).
    init(_ links: [SupplyLink], minimumChunk: Int) {
        let runs = links.count >= minimumChunk ? Swift.max(1, Swift.min(Parallel.processorCount, links.count)) : 1
        let ranges = (0..<runs).map { c in (links.count * c / runs)..<(links.count * (c + 1) / runs) }
        @Sendable func code(_ range: Range<Int>) -> LinkTable {
            var part = LinkTable()
            part.reserveCapacity(range.count)
            for i in range { part.append(links[i]) }
            return part
        }
        var parts = [LinkTable?](repeating: nil, count: runs)
        if runs == 1 {
            parts[0] = code(ranges[0])
        } else {
            // Iteration c writes slot c only; c < runs == parts.count.
            parts.withUnsafeMutableBufferPointer { buffer in
                let out = Parallel.SlotWriter(buffer)
                Parallel.forEach(iterations: runs) { c in out[c] = code(ranges[c]) }
            }
        }
        self = parts[0] ?? LinkTable()
        for p in 1..<runs {
            guard let part = parts[p] else { continue }
            let remap = part.texts.map { hashedCode($0) }
            func recoded(_ c: [UInt32]) -> [UInt32] { c.map { $0 == Self.noText ? Self.noText : remap[Int($0)] } }
            let before = count
            func optional(_ mine: inout [UInt32], _ theirs: [UInt32]) {
                guard !mine.isEmpty || !theirs.isEmpty else { return }
                if mine.isEmpty { mine = [UInt32](repeating: Self.noText, count: before) }
                mine += theirs.isEmpty ? [UInt32](repeating: Self.noText, count: part.count) : recoded(theirs)
            }
            optional(&idCodes, part.idCodes)
            optional(&noteCodes, part.noteCodes)
            supplierCodes += recoded(part.supplierCodes)
            buyerCodes += recoded(part.buyerCodes)
            productCodes += recoded(part.productCodes)
            valueBits += part.valueBits
            shareBits += part.shareBits
            flags += part.flags
        }
    }
}

extension LinkTable: ExpressibleByArrayLiteral {
    public init(arrayLiteral links: SupplyLink...) {
        self.init()
        append(contentsOf: links)
    }
}

extension LinkTable: Equatable {
    /// Equal when they hold equal links in the same order (however their texts are coded).
    /// - Complexity: O(n).
    public static func == (a: LinkTable, b: LinkTable) -> Bool {
        guard a.count == b.count else { return false }
        return a.indices.allSatisfy { a[$0] == b[$0] }
    }
}

extension LinkTable: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// The links as an array would print them (the texts' coding is not part of the value).
    public var description: String { Array(self).description }
    public var debugDescription: String { Array(self).debugDescription }
    public var customMirror: Mirror { Mirror(self, unlabeledChildren: Array(self), displayStyle: .collection) }
}
