/// The date that identifies a park snapshot: the park's `dataDate` read as `YYYY`, `YYYY-MM`
/// or `YYYY-MM-DD` (also with `/` or `.` between the parts), ordered by year, month, day.
///
/// A missing part counts as 0, so `2024` sorts before `2024-01`. Two snapshots of one series
/// must not share a date.
public struct SnapshotDate: Sendable, Hashable, Comparable, CustomStringConvertible {
    public var year: Int
    /// 1–12, or 0 when the date has no month.
    public var month: Int
    /// 1–31, or 0 when the date has no day.
    public var day: Int

    public init(year: Int, month: Int = 0, day: Int = 0) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Reads `text`; nil when it is not one of the accepted forms (or out of range).
    ///
    /// - Complexity: O(length of `text`).
    public init?(_ text: String) {
        let parts = text.trimmingCharacters(in: " ").split(omittingEmptySubsequences: false) {
            $0 == "-" || $0 == "/" || $0 == "."
        }
        guard (1...3).contains(parts.count) else { return nil }
        var numbers: [Int] = []
        for p in parts {
            guard !p.isEmpty, p.count <= 4, p.allSatisfy({ $0.isASCII && $0.isNumber }), let n = Int(p) else {
                return nil
            }
            numbers.append(n)
        }
        guard parts[0].count == 4, numbers[0] >= 1900, numbers[0] <= 2999 else { return nil }
        year = numbers[0]
        month = numbers.count > 1 ? numbers[1] : 0
        day = numbers.count > 2 ? numbers[2] : 0
        if numbers.count > 1 && !(1...12).contains(month) { return nil }
        if numbers.count > 2 && !(1...31).contains(day) { return nil }
    }

    /// The date `months` calendar months later (days kept).
    public func adding(months: Int) -> SnapshotDate {
        let m = max(month, 1) - 1 + months
        return SnapshotDate(year: year + m / 12, month: m % 12 + 1, day: day)
    }

    /// `2024`, `2024-06` or `2024-06-30`.
    public var description: String {
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }
        var s = String(year)
        if month > 0 { s += "-" + two(month) }
        if day > 0 { s += "-" + two(day) }
        return s
    }

    public static func < (a: SnapshotDate, b: SnapshotDate) -> Bool {
        (a.year, a.month, a.day) < (b.year, b.month, b.day)
    }
}

extension String {
    fileprivate func trimmingCharacters(in set: Character) -> Substring {
        var s = self[...]
        while s.first == set { s.removeFirst() }
        while s.last == set { s.removeLast() }
        return s
    }
}
