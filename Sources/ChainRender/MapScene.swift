import ChainModel
import ChainOutput

/// A map ready to be written as DOT: clusters, nodes and edges in their final order, with
/// semantic roles (the ``DOTWriter`` turns roles into colours and shapes through ``MapStyle``).
///
/// Build one with ``ChainMapBuilder``; add ``MapOverlay`` values to ``overlays`` at any time.
public struct MapScene: Sendable, Equatable {
    /// Title line (park, chain, data date).
    public var title: String
    /// Clusters in drawing order (template order of stages, then outside, organizations).
    public var clusters: [MapCluster]
    /// Nodes; the writer emits them per cluster, in this order.
    public var nodes: [MapNode]
    /// Edges in drawing order.
    public var edges: [MapEdge]
    /// Invisible edges that keep stage clusters in template order (upstream left).
    public var rankEdges: [RankEdge]
    /// Highlights and suggestions drawn on top.
    public var overlays: [MapOverlay]
    /// Whether to draw a legend.
    public var legend: Bool
    /// Font stack for all text.
    public var fontName: String
    /// Messages for the user: view switched, overlays skipped, and so on.
    public var notes: [String]
    /// How the map is laid out: ChainMap's own grid (default) or Graphviz's layered layout.
    public var arrangement: MapArrangement = .grid
    /// Language of the legend.
    public var language: Language = .zh

    public init(
        title: String, clusters: [MapCluster] = [], nodes: [MapNode] = [], edges: [MapEdge] = [],
        rankEdges: [RankEdge] = [], overlays: [MapOverlay] = [], legend: Bool = true,
        fontName: String = MapStyle.cjkFontStack, notes: [String] = []
    ) {
        self.title = title
        self.clusters = clusters
        self.nodes = nodes
        self.edges = edges
        self.rankEdges = rankEdges
        self.overlays = overlays
        self.legend = legend
        self.fontName = fontName
        self.notes = notes
    }

    /// Number of firm nodes (in and outside the park).
    public var firmCount: Int { nodes.reduce(0) { $0 + ($1.kind.isFirm ? 1 : 0) } }
}

/// A cluster (subgraph) of a map.
public struct MapCluster: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A chain stage; the tier decides nothing visual but lands in the SVG class.
        case stage(id: String, tier: Tier)
        /// Firms outside the park (园区外).
        case outside
        /// Firms without a known stage.
        case unstaged
        /// Organizations drawn for the pairing layer.
        case organizations
    }

    /// Unique key; the DOT name is `cluster:` followed by it.
    public var key: String
    public var kind: Kind
    /// Label lines (e.g. stage name, firm count).
    public var label: [String]

    public init(key: String, kind: Kind, label: [String]) {
        self.key = key
        self.kind = kind
        self.label = label
    }
}

/// Organization status of a firm, shown as its fill colour.
public enum OrganizationStatus: String, Sendable, CaseIterable {
    /// The firm hosts its own branch or general branch (单独组建).
    case own
    /// The firm belongs to a joint branch or grid organization (联合组建).
    case joint
    /// No organization recorded.
    case none
}

/// A node of a map.
public struct MapNode: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case firm(id: String, inPark: Bool)
        case organization(id: String)
        case stage(id: String)
        case chain(id: String)
        /// A group node of an aggregated view: `outside` or `unstaged`.
        case group(String)
        /// Placeholder for a stage without firms in the view (a gap, 空缺).
        case gap(stage: String)

        var isFirm: Bool {
            if case .firm = self { return true }
            return false
        }
    }

    /// Unique DOT name, e.g. `firm:liwei`.
    public var name: String
    public var kind: Kind
    /// Label lines; the first is the display name.
    public var label: [String]
    /// Cluster key, or nil for top level.
    public var cluster: String?
    /// Chain leader (链主): bold, double border.
    public var leader: Bool
    /// The focus firm of a neighbourhood view.
    public var focus: Bool
    /// Organization status (firms only).
    public var organization: OrganizationStatus?
    /// Size in 0...1 (log-scaled output value); decides font size and minimum width.
    public var scale: Double
    /// Hover text (SVG tooltip).
    public var tooltip: String

    public init(
        name: String, kind: Kind, label: [String], cluster: String? = nil, leader: Bool = false, focus: Bool = false,
        organization: OrganizationStatus? = nil, scale: Double = 0, tooltip: String = ""
    ) {
        self.name = name
        self.kind = kind
        self.label = label
        self.cluster = cluster
        self.leader = leader
        self.focus = focus
        self.organization = organization
        self.scale = scale
        self.tooltip = tooltip
    }
}

/// An edge of a map.
public struct MapEdge: Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// A supply link (or an aggregate of links) with its status; `outside` when the
        /// supplier is outside the park.
        case supply(LinkStatus, outside: Bool)
        /// An organization pairing (undirected, does not affect ranks).
        case pairing(PairingKind)
    }

    /// DOT name of the tail node.
    public var from: String
    /// DOT name of the head node.
    public var to: String
    public var kind: Kind
    /// Supplier and buyer firm ids, for link highlights (nil for aggregates and pairings).
    public var link: SupplierBuyer?
    /// Width in 0...1 (log-scaled value); decides pen width.
    public var scale: Double
    /// Text on the edge (aggregated views).
    public var label: String?
    /// The link's yearly value (firm links), summed on grid maps' bundles.
    public var value: Double?
    /// Hover text.
    public var tooltip: String
    /// Stable key, used as the SVG id: made of `DOTText.token(_:)` parts, so XML-safe.
    public var key: String

    public init(
        from: String, to: String, kind: Kind, link: SupplierBuyer? = nil, scale: Double = 0, label: String? = nil,
        tooltip: String = "", key: String, value: Double? = nil
    ) {
        self.value = value
        self.from = from
        self.to = to
        self.kind = kind
        self.link = link
        self.scale = scale
        self.label = label
        self.tooltip = tooltip
        self.key = key
    }
}

/// The two firm ids of a supply link.
public struct SupplierBuyer: Sendable, Hashable {
    public var supplier: String
    public var buyer: String

    public init(supplier: String, buyer: String) {
        self.supplier = supplier
        self.buyer = buyer
    }
}

/// An invisible edge between two nodes that keeps clusters in template order.
public struct RankEdge: Sendable, Equatable {
    public var from: String
    public var to: String

    public init(from: String, to: String) {
        self.from = from
        self.to = to
    }
}
