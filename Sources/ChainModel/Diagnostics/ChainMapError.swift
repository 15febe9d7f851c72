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
    public var diagnostics: [Diagnostic] { [Diagnostic(.error, file: path, message, hint: hint)] }
}

extension EdgeListReadFailure: ChainMapError {
    /// Every problem of the edge list with its file and line (and a count of those left out).
    public var diagnostics: [Diagnostic] {
        var all = errors.map { e in
            Diagnostic(
                .error, file: e.path ?? "<input>", line: e.line > 0 ? e.line : nil,
                e.text.isEmpty ? e.message : "\(e.message) (text: \"\(e.text)\")", hint: e.hint)
        }
        if omittedCount > 0 {
            all.append(Diagnostic(.error, file: errors.last?.path ?? "<input>", "\(omittedCount) more problem(s) not shown"))
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
