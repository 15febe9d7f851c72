import ChainGraph

extension EdgeLayer {
    /// Directed supply links, supplier → buyer (layer 0, the graph builders' default).
    public static let supply = EdgeLayer(rawValue: 0)
    /// Pairings between parties, drawn and analysed as undirected (layer 1).
    public static let pairing = EdgeLayer(rawValue: 1)
    /// Membership of a firm in an organization (layer 2).
    public static let membership = EdgeLayer(rawValue: 2)

    /// The park layers by name, in layer order.
    public static let parkLayers: [(name: String, layer: EdgeLayer)] = [
        ("supply", .supply), ("pairing", .pairing), ("membership", .membership),
    ]

    /// The park layer called `name` (`supply`, `pairing`, `membership`), or nil.
    public init?(parkName name: some StringProtocol) {
        guard let found = Self.parkLayers.first(where: { $0.name == name }) else { return nil }
        self = found.layer
    }

    /// The park name of this layer (`supply`, `pairing`, `membership`), or nil for another
    /// number.
    public var parkName: String? { Self.parkLayers.first { $0.layer == self }?.name }
}
