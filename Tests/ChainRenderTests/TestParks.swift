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

    /// A hand-built park of `count` in-park firms (plus 12 outside suppliers) with long legal
    /// names, over a branching 9-stage chain of uneven stage sizes: raw materials feed two
    /// component stages and, skipping them, the assembly; firm `i` buys from two firms of each
    /// input stage; every seventh link is planned, every eleventh lost (deterministic).
    static func longNames(firms count: Int) -> Park {
        let chain = Chain(
            id: "equipment", name: "高端装备",
            stages: [
                Stage(id: "steel", name: "特种钢材与有色金属材料", tier: .upstream),
                Stage(id: "polymer", name: "工程塑料与复合材料", tier: .upstream),
                Stage(id: "casting", name: "铸锻件与精密加工", tier: .midstream, inputs: ["steel"]),
                Stage(id: "hydraulic", name: "液压与传动部件", tier: .midstream, inputs: ["steel", "casting"]),
                Stage(id: "electric", name: "电气控制与传感器", tier: .midstream, inputs: ["polymer"]),
                Stage(id: "software", name: "工业软件", tier: .midstream),
                Stage(
                    id: "assembly", name: "整机制造与系统集成", tier: .downstream,
                    inputs: ["steel", "hydraulic", "electric", "software"]),
                Stage(id: "service", name: "后市场服务与再制造", tier: .downstream, inputs: ["assembly"]),
                Stage(id: "recycle", name: "回收利用", tier: .downstream, inputs: ["service"], required: false),
            ])
        // Shares of the firms per stage (uneven, as in real parks).
        let shares = [0.16, 0.08, 0.14, 0.18, 0.12, 0.03, 0.17, 0.09, 0.03]
        let places = ["宁波", "杭州", "绍兴", "台州", "温州", "嘉兴", "湖州", "金华", "衢州", "舟山", "丽水", "上海", "苏州", "无锡"]
        let words = ["恒通", "华锐", "新和", "宏达", "中联", "鑫源", "海天", "远景", "博创", "瑞丰", "永盛", "天成"]
        let trades = ["精密机械制造", "新材料科技", "智能装备技术", "液压传动设备", "电气自动化", "工业技术服务"]
        let suffixes = ["股份有限公司", "有限公司", "有限责任公司"]
        var firms: [Firm] = []
        var byStage: [[String]] = Array(repeating: [], count: chain.stages.count)
        var s = 0
        var limit = shares[0] * Double(count)
        for i in 0..<count {
            while Double(i) >= limit.rounded(), s < shares.count - 1 {
                s += 1
                limit += shares[s] * Double(count)
            }
            let name =
                places[i % places.count] + words[(i / places.count) % words.count] + trades[(i * 5) % trades.count]
                + suffixes[i % suffixes.count]
            let id = "lf\(i)"
            firms.append(
                Firm(
                    id: id, name: name, stages: [chain.stages[s].id], leads: i % 97 == 5 ? ["equipment"] : [],
                    output: Double(1 + (i * 7919) % 1000) * 1e6, partyMembers: i % 3 == 0 ? 5 : 0))
            byStage[s].append(id)
        }
        for k in 0..<12 {
            firms.append(
                Firm(
                    id: "out\(k)", name: places[k] + words[k] + "国际贸易有限公司", products: ["钢坯"], output: 5e8,
                    inPark: false))
        }
        var links: [SupplyLink] = []
        for (t, stage) in chain.stages.enumerated() {
            for (n, buyer) in byStage[t].enumerated() {
                for input in stage.inputs {
                    guard let from = chain.stages.firstIndex(where: { $0.id == input }), !byStage[from].isEmpty
                    else { continue }
                    for k in 0..<2 {
                        let supplier = byStage[from][(n * 7 + k * 3) % byStage[from].count]
                        let m = links.count
                        links.append(
                            SupplyLink(
                                supplier: supplier, buyer: buyer, value: Double(1 + m % 40) * 1e6,
                                status: m % 11 == 0 ? .lost : m % 7 == 0 ? .planned : .active))
                    }
                }
                if t == 0 || t == 1 {
                    links.append(SupplyLink(supplier: "out\(n % 12)", buyer: buyer, value: 2e6))
                }
            }
        }
        return Park(
            id: "longnames", name: "长名高端装备园", region: "浙江省", dataDate: "2025-06", chains: [chain], firms: firms,
            links: links)
    }
}
