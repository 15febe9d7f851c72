import Synchronization

/// A park's firm ids resolved once: the id → position index and every link's supplier and
/// buyer position. Validation, graphs, gap and organization reports and maps all start from
/// it, so ``Park/resolution`` computes it on first use and keeps it with the park.
///
/// ```swift
/// let r = park.resolution
/// let liwei = r.firms["liwei"]            // Int32?
/// let supplierOfFirstLink = r.linkSupplier[0]   // -1 when the id names no firm
/// ```
@_spi(Internals) public struct ParkResolution: Sendable {
    /// Firm id → position in `park.firms` (the first, when an id is duplicated).
    @_spi(Internals) public let firms: FirmIndex
    /// Position of each link's supplier in `park.firms`, -1 when unknown.
    @_spi(Internals) public let linkSupplier: [Int32]
    /// Position of each link's buyer in `park.firms`, -1 when unknown.
    @_spi(Internals) public let linkBuyer: [Int32]

    /// Resolves `park`'s ids.
    /// - Complexity: O(firms + links) hash operations, the link part on all cores.
    @_spi(Internals) public init(_ park: Park) {
        firms = FirmIndex(park.firms)
        (linkSupplier, linkBuyer) = firms.endpoints(of: park.links)
    }

    /// A resolution already known (a park snapshot's).
    init(firms: FirmIndex, linkSupplier: [Int32], linkBuyer: [Int32]) {
        self.firms = firms
        self.linkSupplier = linkSupplier
        self.linkBuyer = linkBuyer
    }
}

/// Holds a park's ``ParkResolution`` once computed. Copies of a park share the box; changing
/// a park's firms or links gives that park a new, empty box, so a resolution never outlives
/// the data it was computed from. Not part of the park's value: all boxes compare equal.
final class ParkResolutionCache: Sendable, Equatable {
    private let stored = Mutex<ParkResolution?>(nil)

    init() {}

    /// The stored resolution, or `make()`'s, stored for the next caller. `make` runs outside
    /// the lock (it is long and uses all cores); if two threads race, both results are equal
    /// and the first stored wins.
    func value(_ make: () -> ParkResolution) -> ParkResolution {
        if let r = stored.withLock({ $0 }) { return r }
        let made = make()
        return stored.withLock { slot in
            if let r = slot { return r }
            slot = made
            return made
        }
    }

    static func == (a: ParkResolutionCache, b: ParkResolutionCache) -> Bool { true }
}
