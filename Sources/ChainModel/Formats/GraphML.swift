/// GraphML export (one way): firms as nodes, supply links as directed edges, with their
/// attributes as typed GraphML keys. Readable by NetworkX (`read_graphml`), igraph, Gephi,
/// yEd and Cytoscape. Absent values are left out (GraphML has no null).
///
/// List fields are written as text joined by `|` (GraphML has no list type).
public enum GraphMLExport {
    private struct Key {
        let id: String
        let domain: String  // node | edge | graph
        let name: String
        let type: String  // string | boolean | int | long | double
    }

    private static let keys: [Key] = [
        Key(id: "g_name", domain: "graph", name: "name", type: "string"),
        Key(id: "g_region", domain: "graph", name: "region", type: "string"),
        Key(id: "g_dataDate", domain: "graph", name: "dataDate", type: "string"),
        Key(id: "n_name", domain: "node", name: "name", type: "string"),
        Key(id: "n_chains", domain: "node", name: "chains", type: "string"),
        Key(id: "n_stages", domain: "node", name: "stages", type: "string"),
        Key(id: "n_tier", domain: "node", name: "tier", type: "string"),
        Key(id: "n_leader", domain: "node", name: "leader", type: "boolean"),
        Key(id: "n_leads", domain: "node", name: "leads", type: "string"),
        Key(id: "n_products", domain: "node", name: "products", type: "string"),
        Key(id: "n_capabilities", domain: "node", name: "capabilities", type: "string"),
        Key(id: "n_output", domain: "node", name: "output", type: "double"),
        Key(id: "n_employees", domain: "node", name: "employees", type: "long"),
        Key(id: "n_capacity", domain: "node", name: "capacity", type: "double"),
        Key(id: "n_capacityUnit", domain: "node", name: "capacityUnit", type: "string"),
        Key(id: "n_zone", domain: "node", name: "zone", type: "string"),
        Key(id: "n_inPark", domain: "node", name: "inPark", type: "boolean"),
        Key(id: "n_partyMembers", domain: "node", name: "partyMembers", type: "long"),
        Key(id: "n_organization", domain: "node", name: "organization", type: "string"),
        Key(id: "n_illustrative", domain: "node", name: "illustrative", type: "boolean"),
        Key(id: "e_product", domain: "edge", name: "product", type: "string"),
        Key(id: "e_value", domain: "edge", name: "value", type: "double"),
        Key(id: "e_weight", domain: "edge", name: "weight", type: "double"),
        Key(id: "e_share", domain: "edge", name: "share", type: "double"),
        Key(id: "e_status", domain: "edge", name: "status", type: "string"),
        Key(id: "e_local", domain: "edge", name: "local", type: "boolean"),
        Key(id: "e_primary", domain: "edge", name: "primary", type: "boolean"),
        Key(id: "e_illustrative", domain: "edge", name: "illustrative", type: "boolean"),
    ]

    /// The GraphML document for `park`, deterministic byte for byte. Links to unknown firms
    /// are skipped (a validated park has none).
    public static func export(_ park: Park) -> [UInt8] {
        var out = ""
        out.reserveCapacity(256 * (park.firms.count + park.links.count) + 4096)
        out += "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        out +=
            "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        for k in keys {
            out += "  <key id=\"\(k.id)\" for=\"\(k.domain)\" attr.name=\"\(k.name)\" attr.type=\"\(k.type)\"/>\n"
        }
        out += "  <graph id=\"\(xml(park.id))\" edgedefault=\"directed\">\n"
        data(&out, "    ", "g_name", park.name)
        data(&out, "    ", "g_region", park.region)
        data(&out, "    ", "g_dataDate", park.dataDate)

        var stageInfo: [String: (chain: String, tier: Tier)] = [:]
        for chain in park.chains {
            for stage in chain.stages { stageInfo[stage.id] = (chain.id, stage.tier) }
        }
        var known = Set<String>()
        for firm in park.firms {
            known.insert(firm.id)
            out += "    <node id=\"\(xml(firm.id))\">\n"
            let chains = unique(firm.stages.compactMap { stageInfo[$0]?.chain })
            let tiers = unique(firm.stages.compactMap { stageInfo[$0]?.tier.rawValue })
            data(&out, "      ", "n_name", firm.name)
            data(&out, "      ", "n_chains", list(chains))
            data(&out, "      ", "n_stages", list(firm.stages))
            data(&out, "      ", "n_tier", list(tiers))
            data(&out, "      ", "n_leader", firm.isChainLeader ? "true" : "false")
            data(&out, "      ", "n_leads", list(firm.leads))
            data(&out, "      ", "n_products", list(firm.products))
            data(&out, "      ", "n_capabilities", list(firm.capabilities))
            data(&out, "      ", "n_output", firm.output.map(NumberFormat.shortest))
            data(&out, "      ", "n_employees", firm.employees.map(String.init))
            data(&out, "      ", "n_capacity", firm.capacity.map(NumberFormat.shortest))
            data(&out, "      ", "n_capacityUnit", firm.capacityUnit)
            data(&out, "      ", "n_zone", firm.zone)
            data(&out, "      ", "n_inPark", firm.inPark ? "true" : "false")
            data(&out, "      ", "n_partyMembers", firm.partyMembers.map(String.init))
            data(&out, "      ", "n_organization", firm.organization)
            data(&out, "      ", "n_illustrative", firm.illustrative ? "true" : "false")
            out += "    </node>\n"
        }
        for (i, link) in park.links.enumerated() where known.contains(link.supplier) && known.contains(link.buyer) {
            let id = link.id ?? "e\(i)"
            out += "    <edge id=\"\(xml(id))\" source=\"\(xml(link.supplier))\" target=\"\(xml(link.buyer))\">\n"
            data(&out, "      ", "e_product", link.product)
            data(&out, "      ", "e_value", link.value.map(NumberFormat.shortest))
            data(&out, "      ", "e_weight", NumberFormat.shortest(link.value ?? 1))
            data(&out, "      ", "e_share", link.share.map(NumberFormat.shortest))
            data(&out, "      ", "e_status", link.status.rawValue)
            data(&out, "      ", "e_local", link.local.map { $0 ? "true" : "false" })
            data(&out, "      ", "e_primary", link.primary ? "true" : "false")
            data(&out, "      ", "e_illustrative", link.illustrative ? "true" : "false")
            out += "    </edge>\n"
        }
        out += "  </graph>\n</graphml>\n"
        return Array(out.utf8)
    }

    private static func unique(_ items: [String]) -> [String] {
        var seen = Set<String>()
        return items.filter { seen.insert($0).inserted }
    }

    private static func list(_ items: [String]) -> String? {
        items.isEmpty ? nil : CSVList.join(items)
    }

    private static func data(_ out: inout String, _ indent: String, _ key: String, _ value: String?) {
        guard let value else { return }
        out += "\(indent)<data key=\"\(key)\">\(xml(value))</data>\n"
    }

    /// XML text and attribute escaping; control characters that XML 1.0 forbids are dropped.
    static func xml(_ s: String) -> String {
        var needs = false
        for u in s.unicodeScalars where u == "&" || u == "<" || u == ">" || u == "\"" || u == "'" || u.value < 0x20 {
            needs = true
            break
        }
        if !needs { return s }
        var out = ""
        out.reserveCapacity(s.utf8.count + 16)
        for u in s.unicodeScalars {
            switch u {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&apos;"
            case "\n": out += "&#10;"
            case "\r": out += "&#13;"
            case "\t": out += "&#9;"
            default:
                if u.value >= 0x20 { out.unicodeScalars.append(u) }
            }
        }
        return out
    }
}
