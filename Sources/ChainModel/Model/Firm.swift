/// A firm (企业) in or around the park.
public struct Firm: Sendable, Equatable {
    /// Firm id, e.g. `liwei`. Interned to an `Int32` node in graphs.
    public var id: String
    /// Name as the park writes it (Chinese and/or English), e.g. `江西立伟轻工`.
    public var name: String
    /// Stage ids the firm belongs to (a firm may sit in several chains).
    public var stages: [String]
    /// Chain ids the firm is the chain leader (链主企业) of.
    public var leads: [String]
    /// Products the firm makes, as tags or names, e.g. `["喇叭", "horn"]`.
    public var products: [String]
    /// Capabilities it can offer to other firms, e.g. `["自动化研发", "模具"]`.
    public var capabilities: [String]
    /// Annual output value, RMB.
    public var output: Double?
    /// Number of employees, persons.
    public var employees: Int?
    /// Production capacity, in ``capacityUnit`` (default: units per month).
    public var capacity: Double?
    /// Unit of ``capacity``, e.g. `pistons/month`.
    public var capacityUnit: String?
    /// Zone or location inside the park, e.g. `塑料产业园`.
    public var zone: String?
    /// False for firms outside the park that supply or buy from park firms.
    public var inPark: Bool
    /// Number of party members among the staff, persons.
    public var partyMembers: Int?
    /// Organization the firm belongs to: its own branch, or a joint/grid branch.
    public var organization: String?
    /// Whether organization work reaches the firm (工作覆盖), e.g. through an instructor.
    /// Unknown when nil.
    public var workCovered: Bool?
    /// True when the record is illustrative (not from the source articles).
    public var illustrative: Bool
    public var note: String?

    public init(
        id: String, name: String, stages: [String] = [], leads: [String] = [], products: [String] = [],
        capabilities: [String] = [], output: Double? = nil, employees: Int? = nil, capacity: Double? = nil,
        capacityUnit: String? = nil, zone: String? = nil, inPark: Bool = true, partyMembers: Int? = nil,
        organization: String? = nil, workCovered: Bool? = nil, illustrative: Bool = false, note: String? = nil
    ) {
        self.id = id
        self.name = name
        self.stages = stages
        self.leads = leads
        self.products = products
        self.capabilities = capabilities
        self.output = output
        self.employees = employees
        self.capacity = capacity
        self.capacityUnit = capacityUnit
        self.zone = zone
        self.inPark = inPark
        self.partyMembers = partyMembers
        self.organization = organization
        self.workCovered = workCovered
        self.illustrative = illustrative
        self.note = note
    }

    /// Whether the firm leads at least one chain.
    public var isChainLeader: Bool { !leads.isEmpty }
}
