import Foundation

/// Data-parallel loops over index ranges, for the O(n) passes over millions of records.
enum Parallel {
    /// Calls `body` with contiguous chunks covering `0..<count`, on all cores when `count` is
    /// at least `minimumCount` (otherwise once, on the caller's thread). Chunks are fixed by
    /// `count` alone, so work that writes only its own chunk's slots gives the same result
    /// for any number of cores.
    static func forEachChunk(count: Int, minimumCount: Int = 100_000, _ body: @Sendable (Range<Int>) -> Void) {
        guard count >= minimumCount else {
            if count > 0 { body(0..<count) }
            return
        }
        let chunks = max(2, ProcessInfo.processInfo.activeProcessorCount * 4)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in
            let lo = count * c / chunks
            let hi = count * (c + 1) / chunks
            if lo < hi { body(lo..<hi) }
        }
    }
}

/// Firm ids resolved to firm indices, the step every whole-park pass starts with.
///
/// ```swift
/// let firms = FirmIndex(park.firms)
/// let i = firms["liwei"]                       // Int32?, the position in park.firms
/// let (s, b) = firms.endpoints(of: park.links)  // every link's supplier and buyer index
/// ```
public struct FirmIndex: Sendable {
    /// Index in `park.firms` of each id (the first, when an id is duplicated).
    public let index: [String: Int32]

    /// - Complexity: O(firms) hash insertions.
    public init(_ firms: [Firm]) {
        var index: [String: Int32] = [:]
        index.reserveCapacity(firms.count)
        for (i, f) in firms.enumerated() where index[f.id] == nil { index[f.id] = Int32(i) }
        self.index = index
    }

    public subscript(id: String) -> Int32? { index[id] }

    /// Supplier and buyer index of every link (-1 when unknown), resolved on all cores.
    /// - Complexity: O(links) hash lookups, divided among the cores.
    public func endpoints(of links: [SupplyLink]) -> (supplier: [Int32], buyer: [Int32]) {
        var supplier = [Int32](repeating: -1, count: links.count)
        var buyer = [Int32](repeating: -1, count: links.count)
        supplier.withUnsafeMutableBufferPointer { s in
            buyer.withUnsafeMutableBufferPointer { b in
                // Each chunk writes only its own slots.
                nonisolated(unsafe) let s = s
                nonisolated(unsafe) let b = b
                Parallel.forEachChunk(count: links.count) { range in
                    for i in range {
                        s[i] = index[links[i].supplier] ?? -1
                        b[i] = index[links[i].buyer] ?? -1
                    }
                }
            }
        }
        return (supplier, buyer)
    }
}
