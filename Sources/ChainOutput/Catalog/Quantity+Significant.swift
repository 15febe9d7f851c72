import Foundation

extension Quantity {
    /// `digits` significant digits, in exponent form for very small or large values:
    /// `1e-12`, `0.000123`, `3.14` (a convergence tolerance, an L1 change).
    public static func significant(_ value: Double, digits: Int = 3) -> String {
        guard value.isFinite else { return "—" }
        return String(format: "%.\(max(1, min(digits, 17)))g", value)
    }
}
