import ChainGraph

/// An error ChainMap explains to its user: every problem found, each with its place (file,
/// line, field), what is wrong and what to do (``Diagnostic``).
///
/// Library errors that can reach a user conform; the command line prints any of them the same
/// way, in one place, and exits with status 1.
public protocol ChainMapError: Error, Sendable {
    /// The problems, errors first.
    var diagnostics: [Diagnostic] { get }
}

extension ParkLoadError: ChainMapError {}

extension WriteError: ChainMapError {
    /// The output path, what is wrong there and what to do.
    public var diagnostics: [Diagnostic] {
        let d = Diagnostic(.error, file: path, message, hint: hint)
        return [text.map { d.with($0, hint: hintText) } ?? d]
    }
}

extension EdgeListReadFailure: ChainMapError {
    /// Every problem of the edge list with its file and line (and a count of those left out).
    public var diagnostics: [Diagnostic] {
        var all = errors.map { e in
            let d = Diagnostic(
                .error, file: e.path ?? "<input>", line: e.line > 0 ? e.line : nil,
                e.text.isEmpty ? e.message : "\(e.message) (text: \"\(e.text)\")", hint: e.hint)
            // Kinds whose words carry no value beyond the line's text are in the catalog.
            let text: [String: Message.Argument] = ["text": .text(e.text)]
            switch e.kind {
            case .unreadableFile:
                guard let problem = e.fileProblem else { return d }
                return d.with(problem.text, hint: problem.hintText)
            case .missingTarget, .badWeight, .nonFiniteWeight, .tooManyColumns, .labelTooLong:
                return d.with(
                    Message("problem.edges." + e.kind.rawValue, text),
                    hint: Message("problem.edges." + e.kind.rawValue + ".hint"))
            case .invalidUTF8, .tooLarge:
                return d.with(
                    Message("problem.edges." + e.kind.rawValue),
                    hint: Message("problem.edges." + e.kind.rawValue + ".hint"))
            }
        }
        if omittedCount > 0 {
            all.append(
                Diagnostic(.error, file: errors.last?.path ?? "<input>", "\(omittedCount) more problem(s) not shown")
                    .with(Message("problem.edges.more", ["count": .integer(omittedCount)])))
        }
        return all
    }
}

extension GeneratorError: ChainMapError {
    /// The option that is out of range, as one problem without a file.
    public var diagnostics: [Diagnostic] { [Diagnostic(.error, file: "", message)] }
}

extension FirmLookupError: ChainMapError {
    /// The firm that was not found (or found several times), as one problem.
    public var diagnostics: [Diagnostic] { [Diagnostic(.error, file: "", description)] }
}
