extension Parallel {
    /// Writes the slots of a buffer from parallel work, each slot from one task only: the one
    /// place where the package shares a mutable buffer between threads.
    ///
    /// Valid while the buffer it was made from is (inside its `withUnsafeMutableBufferPointer`).
    /// Debug builds check every index.
    ///
    /// ```swift
    /// var out = [Int](repeating: 0, count: n)
    /// out.withUnsafeMutableBufferPointer { buffer in
    ///     let slots = Parallel.SlotWriter(buffer)
    ///     Parallel.forEachChunk(count: n) { range in for i in range { slots[i] = i * i } }
    /// }
    /// ```
    package struct SlotWriter<Element>: @unchecked Sendable {
        @usableFromInline let buffer: UnsafeMutableBufferPointer<Element>

        package init(_ buffer: UnsafeMutableBufferPointer<Element>) { self.buffer = buffer }

        /// The number of slots.
        package var count: Int { buffer.count }

        /// The first slot's address (nil for an empty buffer), for code that initializes
        /// uninitialized memory.
        package var baseAddress: UnsafeMutablePointer<Element>? { buffer.baseAddress }

        /// Slot `i`: read or written by the one task that owns it.
        /// - Complexity: O(1).
        @inlinable
        package subscript(i: Int) -> Element {
            get {
                assert(i >= 0 && i < buffer.count, "slot \(i) outside 0..<\(buffer.count)")
                return buffer[i]
            }
            nonmutating set {
                assert(i >= 0 && i < buffer.count, "slot \(i) outside 0..<\(buffer.count)")
                buffer[i] = newValue
            }
        }
    }
}
