/// An error from a centrality algorithm: an argument or an edge weight it cannot use.
public enum CentralityError: Error, Equatable, Sendable, CustomStringConvertible {
    /// An edge weight the algorithm cannot use (negative, NaN or infinite).
    case invalidWeight(edge: Int, weight: Double)
    /// The personalization vector has the wrong length, a negative or non-finite entry, or
    /// sums to zero.
    case invalidPersonalization(String)
    /// A numeric parameter is out of range (named, with the reason).
    case invalidParameter(String)

    public var description: String {
        switch self {
        case .invalidWeight(let edge, let weight):
            "edge \(edge) has weight \(weight); this measure needs finite weights of 0 or more"
        case .invalidPersonalization(let why): "invalid personalization vector: \(why)"
        case .invalidParameter(let why): "invalid parameter: \(why)"
        }
    }
}

/// A progress callback: `done` of `total` units of work are finished.
///
/// Centrality algorithms call it on the caller's thread, between parallel sections, at most
/// about 100 times per run plus once at the end.
public typealias CentralityProgress = @Sendable (_ done: Int, _ total: Int) -> Void
