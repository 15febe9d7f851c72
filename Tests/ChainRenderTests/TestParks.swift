import ChainModel

/// Parks built in code for the render tests (the loader is written elsewhere).
enum TestParks {
    /// A 10-firm battery chain in Ningxiang style, plus one outside-park supplier: a chain
    /// leader, a lost link, a planned link, a closed recycling loop, organizations of every
    /// status and four pairings.
    static func battery() -> Park {
        let chain = Chain(
            id: "battery", name: "储能电池",
            stages: [
                Stage(id: "precursor", name: "前驱体", tier: .upstream),
                Stage(id: "cathode", name: "正极材料", tier: .midstream, inputs: ["precursor"]),
                Stage(id: "anode", name: "负极材料", tier: .midstream),
                Stage(id: "separator", name: "隔膜", tier: .midstream),
                Stage(id: "electrolyte", name: "电解液", tier: .midstream),
                Stage(
                    id: "cell", name: "电芯与电池包", tier: .downstream,
                    inputs: ["cathode", "anode", "separator", "electrolyte"]),
                Stage(id: "recycling", name: "回收利用", tier: .downstream, inputs: ["cell"], required: false),
            ])
        let firms = [
            Firm(
                id: "zhongwei", name: "中伟新材料", stages: ["precursor"], products: ["三元前驱体"], output: 5e9, partyMembers: 40
            ),
            Firm(id: "bangsheng", name: "邦盛新能源", stages: ["cathode"], products: ["正极材料"], output: 2e9, partyMembers: 2),
            Firm(
                id: "changyuan", name: "长远锂科", stages: ["cathode"], products: ["正极材料"], output: 9e8,
                organization: "grid1"),
            Firm(id: "anode1", name: "湘潭负极科技", stages: ["anode"], products: ["石墨负极"], output: 8e8),
            Firm(id: "sep1", name: "宁乡隔膜材料", stages: ["separator"], products: ["隔膜"], output: 3e8),
            Firm(id: "elec1", name: "长沙电解液化工", stages: ["electrolyte"], products: ["电解液"], output: 4e8),
            Firm(
                id: "fudi", name: "弗迪电池", stages: ["cell"], leads: ["battery"], products: ["电芯", "电池包"], output: 3e10),
            Firm(id: "pack1", name: "湘江电池包", stages: ["cell"], products: ["电池包"], output: 6e8, organization: "pack1-b"),
            Firm(id: "brunp", name: "邦普循环", stages: ["recycling"], products: ["镍钴回收"], output: 1.5e9),
            Firm(id: "logistics", name: "金洲物流", products: ["物流"], output: 5e7),
            Firm(id: "mine", name: "江西锂矿", products: ["锂精矿"], output: 2e9, inPark: false),
        ]
        let links = [
            SupplyLink(supplier: "mine", buyer: "zhongwei", product: "锂精矿", value: 6e8),
            SupplyLink(supplier: "zhongwei", buyer: "bangsheng", product: "前驱体", value: 1.2e9),
            SupplyLink(supplier: "zhongwei", buyer: "changyuan", product: "前驱体", value: 3e8),
            SupplyLink(supplier: "bangsheng", buyer: "fudi", product: "正极材料", value: 1.5e9, share: 0.6, primary: true),
            SupplyLink(supplier: "changyuan", buyer: "fudi", product: "正极材料", value: 2e8, status: .lost),
            SupplyLink(supplier: "anode1", buyer: "fudi", product: "负极", value: 5e8),
            SupplyLink(supplier: "sep1", buyer: "fudi", product: "隔膜", value: 1e8),
            SupplyLink(supplier: "elec1", buyer: "fudi", product: "电解液", value: 1.5e8, status: .planned),
            SupplyLink(supplier: "fudi", buyer: "pack1", product: "电芯", value: 8e8),
            SupplyLink(supplier: "pack1", buyer: "brunp", product: "废旧电池", value: 5e7),
            SupplyLink(supplier: "brunp", buyer: "zhongwei", product: "回收镍钴", value: 2e8),
            SupplyLink(supplier: "logistics", buyer: "fudi", product: "物流服务", value: 1e7),
        ]
        let organizations = [
            Organization(id: "committee", name: "宁乡储能产业链党委", kind: .committee, chains: ["battery"]),
            Organization(id: "fudi-gb", name: "弗迪电池党总支", kind: .generalBranch, parent: "committee", hostFirm: "fudi"),
            Organization(id: "zhongwei-b", name: "中伟党支部", kind: .branch, hostFirm: "zhongwei"),
            Organization(id: "brunp-b", name: "邦普党支部", kind: .branch, hostFirm: "brunp"),
            Organization(id: "pack1-b", name: "湘江电池包党支部", kind: .branch),
            Organization(id: "joint1", name: "金洲联合党支部", kind: .jointBranch, members: ["bangsheng", "sep1"]),
            Organization(id: "grid1", name: "金洲网格党组织", kind: .grid),
            Organization(id: "bank", name: "长沙银行宁乡支行党支部", kind: .agency),
        ]
        let pairings = [
            Pairing(a: "fudi-gb", b: "joint1", kind: .headLed, since: "2023"),
            Pairing(a: "zhongwei", b: "bank", kind: .service, outcome: "贷款 1.2 亿"),
            Pairing(a: "committee", b: "bank", kind: .coBuilding),
            Pairing(a: "brunp", b: "pack1", kind: .purchasingSales),
        ]
        return Park(
            id: "ningxiang", name: "宁乡高新区", region: "湖南省长沙市宁乡市", dataDate: "2024-10",
            chains: [chain], firms: firms, links: links, organizations: organizations, pairings: pairings)
    }

    /// Ids of the in-park firms plus the outside supplier in ``battery()``.
    static let batteryFirmIDs = [
        "zhongwei", "bangsheng", "changyuan", "anode1", "sep1", "elec1", "fudi", "pack1", "brunp", "logistics", "mine",
    ]

    /// Firms whose names and ids try to break out of DOT strings, SVG text and XML.
    static func hostile() -> Park {
        var park = battery()
        let names: [(String, String)] = [
            ("node", "\"]; x [label=\"pwned"),
            ("graph", "<script>alert(1)</script>"),
            ("subgraph", "反斜杠\\"),
            ("edge", "A&amp;B & C"),
            ("strict", "引号\"和\\\"转义"),
            ("digraph", "}\n digraph { y"),
            ("id with \"quote\" and \\", "\\N \\G \\l 换行"),
        ]
        for (id, name) in names {
            park.firms.append(
                Firm(id: id, name: name, stages: ["cell"], products: ["<b>bold</b>", "\"q\""], output: 1e8))
            park.links.append(SupplyLink(supplier: id, buyer: "fudi", product: "x\"];y", value: 1e7))
        }
        return park
    }

    /// A generated park of `firms` firms over a 7-stage chain, each firm buying from 2 firms
    /// of the previous stage (deterministic).
    static func generated(firms count: Int) -> Park {
        var park = battery()
        park.firms = []
        park.links = []
        park.pairings = []
        let stages = park.chains[0].stages.map(\.id)
        let perStage = max(1, count / stages.count)
        for i in 0..<count {
            let stage = stages[min(i / perStage, stages.count - 1)]
            park.firms.append(
                Firm(id: "f\(i)", name: "企业\(i)号新材料", stages: [stage], output: Double(1 + (i * 7919) % 1000) * 1e6))
        }
        for i in perStage..<count {
            let base = (i / perStage - 1) * perStage
            for k in 0..<2 {
                let s = base + (i * 31 + k * 17) % perStage
                park.links.append(SupplyLink(supplier: "f\(s)", buyer: "f\(i)", value: Double(1 + (i + k) % 50) * 1e6))
            }
        }
        return park
    }
}
