/// An output format of a map: Graphviz device names such as `svg`, `png`, `pdf`, or `dot`
/// for the DOT text itself (no Graphviz involved).
///
/// ```swift
/// let svg = try GraphvizRenderer.shared.render(dot: text, format: .svg)
/// ```
public struct RenderFormat: Sendable, Hashable, RawRepresentable, CustomStringConvertible {
    /// The Graphviz device name, e.g. `svg`.
    public var rawValue: String

    public init(rawValue: String) { self.rawValue = rawValue }

    /// Scalable vector graphics, post-processed (font stack, stable ids).
    public static let svg = RenderFormat(rawValue: "svg")
    /// A raster image (cairo); needs a CJK font installed for Chinese labels.
    public static let png = RenderFormat(rawValue: "png")
    /// A PDF document (cairo).
    public static let pdf = RenderFormat(rawValue: "pdf")
    /// The DOT text, returned without calling Graphviz.
    public static let dot = RenderFormat(rawValue: "dot")

    public var description: String { rawValue }
}
