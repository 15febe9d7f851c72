/// A calendar day (proleptic Gregorian), counted in days since 1970-01-01: the dates of a
/// need (`raised`, `solved`) and the day a park's data date stands for. Pure arithmetic, no
/// time zone: a day in the data is the same day everywhere.
public struct ParkDay: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Days since 1970-01-01 (negative before).
    public let daysSinceEpoch: Int

    public init(daysSinceEpoch: Int) {
        self.daysSinceEpoch = daysSinceEpoch
    }

    /// The day `year-month-day`, or nil when there is no such day (month 13, 30 February,
    /// a year outside 1900…9999).
    public init?(year: Int, month: Int, day: Int) {
        guard (1900...9999).contains(year), (1...12).contains(month), day >= 1,
            day <= Self.daysInMonth(year: year, month: month)
        else { return nil }
        daysSinceEpoch = Self.days(year: year, month: month, day: day)
    }

    /// Parses an ISO 8601 calendar date written `yyyy-mm-dd` (exactly ten characters, e.g.
    /// `2024-03-05`); nil for anything else.
    public init?(iso text: String) {
        guard let p = Self.parts(text), let month = p.month, let day = p.day else { return nil }
        self.init(year: p.year, month: month, day: day)
    }

    /// The last day a park's data date covers: `2024-03-05` is that day, `2024-03` the month's
    /// last day (2024-03-31), `2024` the year's (2024-12-31). Nil for other text (a data date
    /// is free text; only these forms can date needs).
    public init?(dataDate text: String) {
        guard let p = Self.parts(text) else { return nil }
        let month = p.month ?? 12
        guard (1...12).contains(month) else { return nil }
        self.init(year: p.year, month: month, day: p.day ?? Self.daysInMonth(year: p.year, month: month))
    }

    /// Days from `self` to `other` (positive when `other` is later).
    public func days(to other: ParkDay) -> Int { other.daysSinceEpoch - daysSinceEpoch }

    /// The day `days` later (earlier when negative).
    public func adding(days: Int) -> ParkDay { ParkDay(daysSinceEpoch: daysSinceEpoch + days) }

    /// Year, month and day.
    public var components: (year: Int, month: Int, day: Int) {
        // Howard Hinnant's civil_from_days.
        let z = daysSinceEpoch + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (yoe + era * 400 + (m <= 2 ? 1 : 0), m, d)
    }

    /// `yyyy-mm-dd`.
    public var description: String {
        let (y, m, d) = components
        func two(_ v: Int) -> String { v < 10 ? "0\(v)" : "\(v)" }
        return "\(y)-\(two(m))-\(two(d))"
    }

    public static func < (a: ParkDay, b: ParkDay) -> Bool { a.daysSinceEpoch < b.daysSinceEpoch }

    static func isLeap(_ y: Int) -> Bool { (y % 4 == 0 && y % 100 != 0) || y % 400 == 0 }

    static func daysInMonth(year: Int, month: Int) -> Int {
        switch month {
        case 2: isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: 30
        default: 31
        }
    }

    /// Howard Hinnant's days_from_civil.
    static func days(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = month > 2 ? month - 3 : month + 9
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// `yyyy`, `yyyy-mm` or `yyyy-mm-dd` as numbers (month and day nil when not written), nil
    /// for any other text. Reads the text's UTF-8 in place and allocates nothing (validation
    /// parses every need's dates).
    static func parts(_ text: String) -> (year: Int, month: Int?, day: Int?)? {
        var text = text
        return text.withUTF8 { b -> (year: Int, month: Int?, day: Int?)? in
            func number(_ from: Int, _ count: Int) -> Int? {
                var v = 0
                for i in from..<(from + count) {
                    let c = b[i]
                    guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
                    v = v * 10 + Int(c - UInt8(ascii: "0"))
                }
                return v
            }
            let dash = UInt8(ascii: "-")
            switch b.count {
            case 4:
                return number(0, 4).map { ($0, nil, nil) }
            case 7:
                guard b[4] == dash, let y = number(0, 4), let m = number(5, 2) else { return nil }
                return (y, m, nil)
            case 10:
                guard b[4] == dash, b[7] == dash, let y = number(0, 4), let m = number(5, 2), let d = number(8, 2)
                else { return nil }
                return (y, m, d)
            default:
                return nil
            }
        }
    }
}

extension Park {
    /// The last day the park's ``dataDate`` covers (see ``ParkDay/init(dataDate:)``), nil when
    /// it is absent or not written `yyyy`, `yyyy-mm` or `yyyy-mm-dd`.
    public var dataDay: ParkDay? { dataDate.flatMap(ParkDay.init(dataDate:)) }
}

extension Need {
    /// ``raised`` as a day, nil when absent or malformed.
    public var raisedDay: ParkDay? { raised.flatMap(ParkDay.init(iso:)) }
    /// ``solved`` as a day, nil when absent or malformed.
    public var solvedDay: ParkDay? { solved.flatMap(ParkDay.init(iso:)) }
}
