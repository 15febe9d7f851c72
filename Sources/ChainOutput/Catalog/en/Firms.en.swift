extension Catalog {
    /// `chainmap firms`.
    static let enFirms: [String: String] = [
        "firms.title": "{name} ({id}): firms",
        "firms.section": "Firms",
        "firms.count": "{total} firms (in park {inPark}, outside {outside})",
        "firms.count.filtered": "{filters}: {total} firms (in park {inPark}, outside {outside})",
        "firms.filter.chain": "chain {chain}",
        "firms.filter.stage": "stage {stage}",
        "firms.filter.search": "containing \"{text}\"",
        "firms.names": "{names}",
        "firms.col.id": "id",
        "firms.col.name": "name",
        "firms.col.chains": "chain ids",
        "firms.col.chain": "chain",
        "firms.col.stages": "stage ids",
        "firms.col.stage": "stage",
        "firms.col.location": "location",
        "firms.col.leader": "leader",
        "firms.col.output": "output",
        "firms.location.inPark": "in park",
        "firms.location.outside": "outside",
    ]
}
