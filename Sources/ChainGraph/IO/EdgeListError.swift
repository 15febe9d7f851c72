/// One problem found while reading an edge list: where it is, what is wrong, what to do.
///
/// ```swift
/// // data.txt:3: weight "abc" is not a number (text: "a b abc")
/// //   hint: write the weight as a decimal number such as 2.5, or drop the third column
/// ```
public struct EdgeListError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The kind of problem.
    public enum Kind: String, Sendable, Hashable {
        /// The file could not be opened or read.
        case unreadableFile
        /// A line had a source but no target.
        case missingTarget
        /// The third column is not a number.
        case badWeight
        /// The weight is NaN or infinite.
        case nonFiniteWeight
        /// More than three columns.
        case tooManyColumns
        /// A label is not valid UTF-8 (or the file is UTF-16).
        case invalidUTF8
        /// A label is longer than ``InputLimits/maxLabelBytes``.
        case labelTooLong
        /// The graph is too large for `Int32` ids.
        case tooLarge
    }

    /// Path of the file, or nil when reading from memory.
    public var path: String?
    /// 1-based line number; 0 for problems about the whole file.
    public var line: Int
    /// The kind of problem.
    public var kind: Kind
    /// The offending text (the line, shortened to 120 characters).
    public var text: String
    /// What is wrong.
    public var message: String
    /// What to do about it.
    public var hint: String
    /// For ``Kind/unreadableFile``: why the file could not be read.
    public var fileProblem: InputFile.Problem?

    public init(path: String?, line: Int, kind: Kind, text: String, message: String, hint: String) {
        self.path = path
        self.line = line
        self.kind = kind
        self.text = text
        self.message = message
        self.hint = hint
    }

    public var description: String {
        var place = path ?? "<input>"
        if line > 0 { place += ":\(line)" }
        var result = "\(place): \(message)"
        if !text.isEmpty { result += " (text: \"\(text)\")" }
        result += "\n  hint: \(hint)"
        return result
    }
}

/// All problems found in one edge list, in line order: the first `errors.count` (at most
/// the reader's `maxErrors`) in full plus a count of the rest.
public struct EdgeListReadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The problems reported in full, in line order.
    public var errors: [EdgeListError]
    /// How many more problems were found but not kept.
    public var omittedCount: Int

    public init(errors: [EdgeListError], omittedCount: Int = 0) {
        self.errors = errors
        self.omittedCount = omittedCount
    }

    /// Total number of problems found.
    public var totalCount: Int { errors.count + omittedCount }

    public var description: String {
        var lines = errors.map(\.description)
        if omittedCount > 0 { lines.append("… and \(omittedCount) more problem(s) not shown") }
        return lines.joined(separator: "\n")
    }
}
