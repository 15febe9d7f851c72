/// One industrial park (or district, or region): its chains, firms, supply links and the
/// organization overlay. Loaded from a JSON file or a CSV bundle; see `docs/FORMAT.md`.
///
/// Ids are user strings, unique within their record kind (stage ids unique within the park).
/// The model is a plain value: validation (``ParkValidator``) checks references and ranges.
public struct Park: Sendable, Equatable {
    /// Park id, e.g. `beilun`.
    public var id: String
    /// Display name, e.g. `宁波北仑 新能源汽车产业链`.
    public var name: String
    /// Region, e.g. `浙江省宁波市北仑区`.
    public var region: String?
    /// Date of the data, free text such as `2024-06` (shown in map titles).
    public var dataDate: String?
    /// Where the data comes from (articles, survey), free text.
    public var source: String?
    /// Further remarks.
    public var note: String?
    public var chains: [Chain]
    public var firms: [Firm] { didSet { resolutionCache = ParkResolutionCache() } }
    /// The supply links, by column (``LinkTable``).
    public var links: LinkTable { didSet { resolutionCache = ParkResolutionCache() } }
    public var organizations: [Organization]
    public var pairings: [Pairing]
    public var needs: [Need]
    /// The departments' resources list (资源清单), linked to needs.
    public var resources: [DepartmentResource]
    /// The action-project list (项目清单), linked to needs and resources.
    public var projects: [ActionProject]
    /// Computed ids, shared by copies until `firms` or `links` change.
    private var resolutionCache = ParkResolutionCache()

    /// Firm id → position and every link's supplier and buyer position, computed on first use
    /// and kept with this park value (and its copies) until its firms or links change.
    ///
    /// - Complexity: O(firms + links) the first time, O(1) after.
    @_spi(Internals) public var resolution: ParkResolution { resolutionCache.value { ParkResolution(self) } }

    /// Stores `resolution` as this park's (a snapshot's, checked against its firms and links).
    func adoptResolution(_ resolution: ParkResolution) { _ = resolutionCache.value { resolution } }

    public init(
        id: String, name: String, region: String? = nil, dataDate: String? = nil, source: String? = nil,
        note: String? = nil, chains: [Chain] = [], firms: [Firm] = [], links: some Sequence<SupplyLink> = LinkTable(),
        organizations: [Organization] = [], pairings: [Pairing] = [], needs: [Need] = [],
        resources: [DepartmentResource] = [], projects: [ActionProject] = []
    ) {
        self.id = id
        self.name = name
        self.region = region
        self.dataDate = dataDate
        self.source = source
        self.note = note
        self.chains = chains
        self.firms = firms
        // A table is kept as it is (its codes and texts); any other sequence is coded once.
        self.links = links as? LinkTable ?? LinkTable(links)
        self.organizations = organizations
        self.pairings = pairings
        self.needs = needs
        self.resources = resources
        self.projects = projects
    }
}
