/// One problem found in a user's data: where it is, what is wrong, and what to do.
///
/// Printed in the familiar compiler form, so editors can jump to the place:
///
///     samples/bad/firms.csv:12: error: stages: unknown stage "nev-cel". Hint: use a stage id from stages.csv (e.g. "nev-cell").
///
/// In a workbook the place is the sheet and cell, as Excel writes a reference:
///
///     park.xlsx:firms!G12: error: output: "1.2亿" is not a number. Hint: …
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public enum Severity: String, Sendable, Comparable {
        case error
        case warning
        public static func < (a: Severity, b: Severity) -> Bool { a == .error && b == .warning }
    }

    public var severity: Severity
    /// The file, as the user named it.
    public var file: String
    /// The sheet, in a workbook (``line`` is then the sheet's row, ``column`` its column).
    public var sheet: String?
    /// 1-based line, when known.
    public var line: Int?
    /// 1-based column (in bytes), when known (JSON syntax errors).
    public var column: Int?
    /// The field or column, e.g. `stages` or `firms[3].output`.
    public var field: String?
    /// What is wrong.
    public var message: String
    /// What to do about it.
    public var hint: String?
    /// What is wrong, from the message catalog: when present, the command line prints this
    /// in the reader's language instead of ``message``.
    public var text: Message?
    /// What to do, from the message catalog (instead of ``hint``).
    public var hintText: Message?

    public init(
        _ severity: Severity, file: String, sheet: String? = nil, line: Int? = nil, column: Int? = nil,
        field: String? = nil,
        _ message: String, hint: String? = nil
    ) {
        self.severity = severity
        self.file = file
        self.sheet = sheet
        self.line = line
        self.column = column
        self.field = field
        self.message = message
        self.hint = hint
    }

    /// A problem whose words come from the message catalog; `file` is empty when the problem
    /// has no place in a file (a parameter, a computation).
    public init(
        _ severity: Severity, file: String = "", line: Int? = nil, column: Int? = nil, field: String? = nil,
        text: Message,
        hint: Message? = nil
    ) {
        self.init(severity, file: file, line: line, column: column, field: field, text.id)
        self.text = text
        self.hintText = hint
    }

    /// This problem with its words from the message catalog (the English ones stay).
    public func with(_ text: Message, hint hintText: Message? = nil) -> Diagnostic {
        var d = self
        d.text = text
        d.hintText = hintText
        return d
    }

    /// The place in compiler form: `file:line:column`, or `file:sheet!C12` in a workbook
    /// (`file:sheet!12` for a whole row, `file:sheet` for the sheet).
    public var location: String {
        var s = file
        if let sheet {
            s += ":" + Self.sheetReference(sheet)
            if let line {
                s += "!" + (column.map { Self.columnLetters($0) } ?? "") + "\(line)"
            }
            return s
        }
        if let line { s += ":\(line)" }
        if line != nil, let column { s += ":\(column)" }
        return s
    }

    /// A sheet name as Excel writes it in a reference: quoted when it has spaces or punctuation.
    static func sheetReference(_ name: String) -> String {
        let plain =
            !name.isEmpty
            && name.unicodeScalars.allSatisfy { $0 == "_" || $0.properties.isAlphabetic || ("0"..."9").contains($0) }
        return plain ? name : "'" + name.replacingOccurrences(of: "'", with: "''") + "'"
    }

    /// Excel's letters for a 1-based column: 1 → A, 27 → AA.
    static func columnLetters(_ column: Int) -> String {
        var n = max(column, 1)
        var s = ""
        while n > 0 {
            s = String(UnicodeScalar(UInt8(65 + (n - 1) % 26))) + s
            n = (n - 1) / 26
        }
        return s
    }

    public var description: String {
        var s = location
        s += (s.isEmpty ? "" : ": ") + "\(severity.rawValue): "
        if let field { s += "\(field): " }
        s += message
        if let hint { s += ". Hint: \(hint)" }
        return s
    }
}

/// Thrown when data cannot be loaded or fails validation: every problem found, not just the
/// first, errors before warnings, each group in file and line order.
public struct ParkLoadError: Error, Sendable, CustomStringConvertible {
    public var diagnostics: [Diagnostic]

    public init(_ diagnostics: [Diagnostic]) {
        self.diagnostics = diagnostics
    }

    public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

    public var description: String {
        let errors = self.errors.count
        var lines = diagnostics.map(\.description)
        lines.append("\(errors) error\(errors == 1 ? "" : "s") found; nothing was written.")
        return lines.joined(separator: "\n")
    }
}

extension Array where Element == Diagnostic {
    /// Errors first, then warnings; each group by file, then line (stable otherwise).
    func sortedForReport() -> [Diagnostic] {
        enumerated().sorted { x, y in
            let a = x.element, b = y.element
            if a.severity != b.severity { return a.severity < b.severity }
            if a.file != b.file { return a.file < b.file }
            if a.sheet != b.sheet { return (a.sheet ?? "") < (b.sheet ?? "") }
            if (a.line ?? 0) != (b.line ?? 0) { return (a.line ?? 0) < (b.line ?? 0) }
            return x.offset < y.offset
        }.map(\.element)
    }
}
