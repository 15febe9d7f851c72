import ChainModel
import ChainOutput

/// How an aggregated map groups firms.
public enum MapAggregation: String, Sendable, CaseIterable {
    /// One node per stage (环节), plus "outside park" and "unstaged" groups.
    case stage
    /// One node per chain (产业链), plus "outside park" and "unstaged" groups.
    case chain
}

/// How a map is laid out.
public enum MapArrangement: String, Sendable, CaseIterable {
    /// ChainMap's own layout, drawn by Graphviz as given (`nop2`): stages as columns
    /// (upstream → downstream), each stage's firms in a grid inside its box, links bundled
    /// between boxes with count and value (every firm link in the bundle's tooltip). Sized to
    /// read on one A3 page.
    case grid
    /// Graphviz `dot`'s layered layout with every firm-to-firm link drawn: complete, but one
    /// tall column of firms per stage.
    case layered
}

/// A layer a map can draw on top of the supply network.
public enum MapLayer: String, Sendable, CaseIterable {
    /// Supply links between firms (always drawn in firm views).
    case supply
    /// Organization pairings (结对共建 etc.) as undirected dotted lines.
    case pairing
}

/// What a map does when its view has more firms than ``MapOptions/fullLayoutLimit``.
public enum OversizePolicy: String, Sendable, CaseIterable {
    /// Draw the stage-aggregated view instead and add a note saying so.
    case aggregate
    /// Throw ``RenderError/tooLarge(firms:limit:)``.
    case refuse
}

/// The neighbourhood of one firm: firms within `radius` supply hops, upstream and downstream.
public struct MapFocus: Sendable, Equatable {
    /// Firm id at the centre.
    public var firm: String
    /// Number of supply hops (undirected), 0 draws the firm alone.
    public var radius: Int

    public init(firm: String, radius: Int = 1) {
        self.firm = firm
        self.radius = radius
    }
}

/// Options of a chain map. Filters compose: `chain` first, then `focus` inside it, then
/// `aggregate` groups what is left.
///
/// ```swift
/// var options = MapOptions()
/// options.chain = "battery"
/// options.layers = [.supply, .pairing]
/// let scene = try ChainMapBuilder(park: park).build(options)
/// ```
public struct MapOptions: Sendable, Equatable {
    /// Measured in-process on a 2-core machine (Graphviz 2.43, release build, ~2 links per
    /// firm across 7 stage clusters): layout + SVG took 0.6 s for 500 firms, 1.7 s for 1,000,
    /// 4.6 s for 2,000 and 25.6 s for 4,000. Views above this draw aggregated (or refuse, see
    /// ``oversize``); a map of more than 1,000 firms is unreadable anyway.
    public static let defaultFullLayoutLimit = 1000

    /// Only firms in this chain's stages, plus their direct outside-park suppliers.
    public var chain: String?
    /// Only the neighbourhood of one firm.
    public var focus: MapFocus?
    /// Draw stages or chains instead of firms.
    public var aggregate: MapAggregation?
    /// Layers to draw; `.supply` is always drawn in firm views.
    public var layers: Set<MapLayer>
    /// Findings and suggestions drawn on top of the map.
    public var overlays: [MapOverlay]
    /// Whether to draw the legend.
    public var legend: Bool
    /// Replaces the generated title when set.
    public var title: String?
    /// Largest number of firms laid out individually.
    public var fullLayoutLimit: Int
    /// What to do above ``fullLayoutLimit``, and with a grid firm map that would print below
    /// ``minimumPrintSize``.
    public var oversize: OversizePolicy
    /// The smallest size (pt) the texts of a grid firm map must print at when the whole map
    /// fills one A3 page (issue #18): a firm view whose layout prints smaller is oversize like
    /// a view above ``fullLayoutLimit`` (``ChainMap/render(park:options:format:renderer:)``
    /// draws the stage view with a note, or refuses). `nil` draws the firm map at any size
    /// (a page that pans and zooms, or a user who asked for every firm). Applies to the plain
    /// map only: a map with ``overlays`` or the pairing layer shows them on the firms.
    public var minimumPrintSize: Double? = MapOptions.defaultMinimumPrintSize
    /// 10 pt: the smallest text a committee reads on a printed A3 map.
    public static let defaultMinimumPrintSize = 10.0
    /// Font stack for all text; must be able to show Chinese.
    public var fontName: String
    /// Grid (default) or layered layout.
    public var arrangement: MapArrangement = .grid
    /// Language of titles, box labels and the legend (Chinese by default).
    public var language: Language = .zh

    public init(
        chain: String? = nil, focus: MapFocus? = nil, aggregate: MapAggregation? = nil,
        layers: Set<MapLayer> = [.supply], overlays: [MapOverlay] = [], legend: Bool = true,
        title: String? = nil, fullLayoutLimit: Int = MapOptions.defaultFullLayoutLimit,
        oversize: OversizePolicy = .aggregate, fontName: String = MapStyle.cjkFontStack
    ) {
        self.chain = chain
        self.focus = focus
        self.aggregate = aggregate
        self.layers = layers
        self.overlays = overlays
        self.legend = legend
        self.title = title
        self.fullLayoutLimit = fullLayoutLimit
        self.oversize = oversize
        self.fontName = fontName
    }
}
