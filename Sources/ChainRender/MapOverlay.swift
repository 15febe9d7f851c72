/// How serious a highlighted finding is; decides the highlight colour.
public enum Severity: String, Sendable, CaseIterable, Comparable {
    case info
    case warning
    case critical

    public static func < (a: Severity, b: Severity) -> Bool { a.rank < b.rank }

    var rank: Int {
        switch self {
        case .info: 0
        case .warning: 1
        case .critical: 2
        }
    }
}

/// Something drawn on top of a map: a highlighted finding or a suggested link.
/// Overlays that name something the map does not show are skipped with a note.
///
/// ```swift
/// options.overlays = [
///     .highlight(firm: "xinglong", severity: .critical, label: "断点: 唯一供应商"),
///     .suggestedLink(from: "liwei", to: "chuangtai", label: "自动化研发", score: 0.82),
/// ]
/// ```
public struct MapOverlay: Sendable, Equatable {
    /// What the overlay points at.
    public enum Target: Sendable, Equatable {
        case firm(String)
        case link(supplier: String, buyer: String)
        case stage(String)
        case suggestedLink(from: String, to: String)
    }

    public var target: Target
    /// Colour of a highlight; suggestions are always green.
    public var severity: Severity
    /// Short text shown on the map (a node line, an edge label or a cluster line).
    public var label: String?
    /// Score of a suggestion, shown with two decimals.
    public var score: Double?

    public init(target: Target, severity: Severity = .warning, label: String? = nil, score: Double? = nil) {
        self.target = target
        self.severity = severity
        self.label = label
        self.score = score
    }

    /// Highlights a firm node (thick coloured border and a line of text).
    public static func highlight(firm: String, severity: Severity, label: String? = nil) -> MapOverlay {
        MapOverlay(target: .firm(firm), severity: severity, label: label)
    }

    /// Highlights every drawn supply link from `supplier` to `buyer`.
    public static func highlight(link supplier: String, _ buyer: String, severity: Severity, label: String? = nil)
        -> MapOverlay
    {
        MapOverlay(target: .link(supplier: supplier, buyer: buyer), severity: severity, label: label)
    }

    /// Highlights a stage (its cluster, or its node in the stage-aggregated view).
    public static func highlight(stage: String, severity: Severity, label: String? = nil) -> MapOverlay {
        MapOverlay(target: .stage(stage), severity: severity, label: label)
    }

    /// A suggested supply link (matchmaking), drawn as a dashed green edge.
    public static func suggestedLink(from: String, to: String, label: String? = nil, score: Double? = nil) -> MapOverlay
    {
        MapOverlay(target: .suggestedLink(from: from, to: to), severity: .info, label: label, score: score)
    }
}
