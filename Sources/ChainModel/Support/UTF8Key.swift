import Foundation

/// A string as a dictionary key compared and hashed by its UTF-8 bytes. `String`'s own
/// hashing normalizes non-ASCII text (all Chinese product names) first, which dominated
/// interning 10 million links' products; products come from the same files, so byte equality
/// is the right test.
package struct UTF8Key: Hashable, Sendable {
    package let string: String

    package init(_ string: String) { self.string = string }

    /// Byte equality (not String's canonical equivalence): lengths first (O(1) for native
    /// strings), then one `memcmp` of the contiguous UTF-8; the generic `utf8.elementsEqual`
    /// walked it byte by byte and took 8% of a 1M-firm gap analysis.
    package static func == (a: UTF8Key, b: UTF8Key) -> Bool {
        guard a.string.utf8.count == b.string.utf8.count else { return false }
        var x = a.string, y = b.string
        return x.withUTF8 { p in
            y.withUTF8 { q in
                guard let pa = p.baseAddress, let qa = q.baseAddress, p.count == q.count else {
                    return p.count == q.count
                }
                return memcmp(pa, qa, p.count) == 0
            }
        }
    }

    package func hash(into hasher: inout Hasher) {
        var s = string
        s.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
    }
}
