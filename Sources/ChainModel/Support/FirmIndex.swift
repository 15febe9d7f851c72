import ChainGraph
import Synchronization

/// Firm ids resolved to firm indices, the step every whole-park pass starts with.
///
/// A park computes one on first use and keeps it (``Park/resolution``); build your own only
/// for a list of firms that is not a park's.
///
/// ```swift
/// let firms = FirmIndex(park.firms)
/// let i = firms["liwei"]                       // Int32?, the position in park.firms
/// let (s, b) = firms.endpoints(of: park.links)  // every link's supplier and buyer index
/// ```
@_spi(Internals) public struct FirmIndex: Sendable {
    private let storage: FirmIndexStorage

    /// Index in `park.firms` of each id (the first, when an id is duplicated), hashed on first
    /// use: a verb that never looks a firm up by id (info, rank, gaps at a million firms) does
    /// not pay for a million-entry dictionary.
    /// - Complexity: O(firms) hash insertions the first time, O(1) after.
    @_spi(Internals) public var index: [String: Int32] { storage.index }

    /// - Complexity: O(1); the hashing happens on first use of ``index``.
    @_spi(Internals) public init(_ firms: [Firm]) {
        storage = FirmIndexStorage(firms)
    }

    @_spi(Internals) public subscript(id: String) -> Int32? { index[id] }

    /// Supplier and buyer index of every link (-1 when unknown).
    /// - Complexity: one hash lookup per distinct supplier or buyer text (a firm's id is
    ///   looked up once however many links name it), then O(links) array reads.
    @_spi(Internals) public func endpoints(of links: LinkTable) -> (supplier: [Int32], buyer: [Int32]) {
        let index = self.index  // built once here, not per lookup
        // Firm position of each text code, -2 until looked up.
        var firmOf = [Int32](repeating: -2, count: links.texts.count)
        func resolve(_ codes: [UInt32]) -> [Int32] {
            codes.map { code in
                let c = Int(code)
                if firmOf[c] == -2 { firmOf[c] = index[links.texts[c]] ?? -1 }
                return firmOf[c]
            }
        }
        return (resolve(links.supplierCodes), resolve(links.buyerCodes))
    }
}

/// The id dictionary of a ``FirmIndex``, made on first use and kept (copies of the index share it).
private final class FirmIndexStorage: Sendable {
    private let firms: [Firm]
    private let built = Mutex<[String: Int32]?>(nil)

    init(_ firms: [Firm]) { self.firms = firms }

    var index: [String: Int32] {
        built.withLock { stored in
            if let stored { return stored }
            var index: [String: Int32] = [:]
            index.reserveCapacity(firms.count)
            // One hash per firm (a duplicate id puts the first position back), and the ids read
            // through the buffer: copying each firm retained its arrays.
            firms.withUnsafeBufferPointer { f in
                for i in f.indices {
                    let id = f[i].id
                    if let first = index.updateValue(Int32(i), forKey: id) { index[id] = first }
                }
            }
            stored = index
            return index
        }
    }
}
