/// Columns a string takes in a terminal or a monospaced printout: East Asian wide and
/// full-width characters count two, combining marks and zero-width characters none.
///
/// - Complexity: O(length of `s`).
public func displayWidth(_ s: String) -> Int {
    var w = 0
    for u in s.unicodeScalars {
        switch u.value {
        case 0x1100...0x115F, 0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF,
            0xA000...0xA4CF, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE30...0xFE4F, 0xFF00...0xFF60,
            0xFFE0...0xFFE6, 0x20000...0x2FFFD, 0x30000...0x3FFFD:
            w += 2
        case 0x0300...0x036F, 0x200B...0x200F:
            break
        default:
            w += 1
        }
    }
    return w
}
