/// The one number syntax of ChainMap's text inputs (edge-list weights, CSV cells): plain
/// decimal, `[+-]digits[.digits][e[+-]digits]` (also `.5` and `5.`). Hexadecimal (`0x10`,
/// `0x1p3`), `inf`, `nan`, digit separators and units are not numbers. The standard
/// library's `Double(String)` accepts hexadecimal and `inf`, so text is checked here first.
///
/// ```swift
/// DecimalNumber.parse(Array("2.5e3".utf8))   // 2500
/// DecimalNumber.parse(Array("0x10".utf8))    // nil
/// ```
///
/// The functions are generic over the byte collection and `@inlinable`, so that a caller in
/// another module (the CSV reader in ChainModel) gets a copy specialized for its
/// `UnsafeBufferPointer<UInt8>`: unspecialized, every `bytes[i]` and `index(after:)` went
/// through the generic witness, which boxes the index on the heap — about 6,000 mallocs for
/// the yihuang CSV bundle's 118 firms, half of its load (Benchmarks/README.md).
public enum DecimalNumber {
    /// Whether `bytes` is a plain decimal number.
    @inlinable
    public static func isDecimal<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        var i = bytes.startIndex
        let end = bytes.endIndex
        if i < end && (bytes[i] == 0x2B || bytes[i] == 0x2D) { i = bytes.index(after: i) }
        var digits = 0
        while i < end && bytes[i] &- 0x30 <= 9 { digits += 1; i = bytes.index(after: i) }
        if i < end && bytes[i] == 0x2E {
            i = bytes.index(after: i)
            while i < end && bytes[i] &- 0x30 <= 9 { digits += 1; i = bytes.index(after: i) }
        }
        guard digits > 0 else { return false }
        if i < end && (bytes[i] | 0x20) == 0x65 {  // e or E
            i = bytes.index(after: i)
            if i < end && (bytes[i] == 0x2B || bytes[i] == 0x2D) { i = bytes.index(after: i) }
            var exponentDigits = 0
            while i < end && bytes[i] &- 0x30 <= 9 { exponentDigits += 1; i = bytes.index(after: i) }
            guard exponentDigits > 0 else { return false }
        }
        return i == end
    }

    /// The value of a plain decimal number (correctly rounded; ±infinity when it overflows),
    /// or nil when `bytes` is not one.
    @inlinable
    public static func parse<C: Collection<UInt8>>(_ bytes: C) -> Double? {
        guard isDecimal(bytes) else { return nil }
        return Double(String(decoding: bytes, as: UTF8.self))
    }

    /// Whether `bytes` spells infinity or NaN (`inf`, `-Infinity`, `nan`), for a message
    /// that says "not finite" rather than "not a number".
    @inlinable
    public static func isNonFiniteWord<C: Collection<UInt8>>(_ bytes: C) -> Bool {
        var word = String(decoding: bytes, as: UTF8.self).lowercased()
        if word.hasPrefix("+") || word.hasPrefix("-") { word.removeFirst() }
        return word == "inf" || word == "infinity" || word == "nan"
    }
}
