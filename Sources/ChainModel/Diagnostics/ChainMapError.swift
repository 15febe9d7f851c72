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
