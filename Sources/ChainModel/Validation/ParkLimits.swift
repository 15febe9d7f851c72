/// Largest values a park may hold (documented in docs/FORMAT.md). They are far above any
/// real park and keep every sum finite: a million firms at the maximum output add up to
/// 10^21, and no aggregate can reach infinity or overflow a conversion to an integer.
public enum ParkLimits {
    /// Output, capacity, link value, need quantity: at most 10^15 (一千万亿; China's GDP is
    /// about 1.3 × 10^14 RMB).
    public static let maxAmount: Double = 1e15
    /// Employees and party members of one firm: at most 10^8.
    public static let maxCount: Double = 1e8
}
