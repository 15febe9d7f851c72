/// The built-in templates, after the bundled samples: new-energy vehicles (Beilun), battery and
/// energy-storage materials (Ningxiang, Jinchang), engineering machinery (Wujin) and plastics
/// (Yihuang).
extension ChainTemplate {
    /// Names of the built-in templates, in default order.
    public static let names = ["nev", "battery", "machinery", "plastics"]

    /// The built-in template called `name`, or nil.
    public static func named(_ name: String) -> ChainTemplate? {
        switch name {
        case "nev": nev
        case "battery": battery
        case "machinery": machinery
        case "plastics": plastics
        default: nil
        }
    }

    /// New-energy vehicles (Beilun NEV sample).
    public static let nev = ChainTemplate(
        id: "nev", name: "新能源汽车", weight: 0.35, zones: ["新能源汽车产业园", "汽车零部件产业园", "滨海工业区"],
        leaderStage: "nev-vehicle",
        stages: [
            .init(
                "nev-material", "原材料(钢材/铝合金/改性塑料)", .upstream, product: "钢材铝材", unit: "吨/年", unitValue: 6000, weight: 3,
                words: ["新材料", "金属材料", "铝业", "钢铁"], capabilities: ["材料检测", "轻量化材料"]),
            .init(
                "nev-equipment", "压铸与成型装备", .upstream, product: "压铸设备", unit: "台/年", unitValue: 2_000_000, weight: 1.5,
                words: ["机械", "装备", "智能装备"], capabilities: ["设备维修", "自动化改造"]),
            .init(
                "nev-mold", "模具", .upstream, inputs: ["nev-material", "nev-equipment"], product: "汽车模具", unit: "套/年",
                unitValue: 300_000, weight: 2.5,
                words: ["模具", "模塑", "精密模具"], capabilities: ["模具设计", "模具加工"]),
            .init(
                "nev-parts", "汽车零部件", .midstream, inputs: ["nev-material", "nev-mold", "nev-equipment"],
                product: "汽车零部件", unit: "万件/年", unitValue: 500_000, weight: 5,
                words: ["汽车部件", "精密", "汽配", "零部件"], capabilities: ["精密加工", "表面处理"]),
            .init(
                "nev-battery", "动力电池", .midstream, inputs: ["nev-material"], product: "动力电池", unit: "GWh/年",
                unitValue: 500_000_000, weight: 1,
                words: ["电池", "新能源", "储能"], capabilities: ["电池测试"]),
            .init(
                "nev-motor", "电机电控", .midstream, inputs: ["nev-material"], product: "驱动电机", unit: "台/年",
                unitValue: 8000, weight: 1.2,
                words: ["电机", "电驱", "动力"], capabilities: ["电机测试"]),
            .init(
                "nev-electronics", "汽车电子", .midstream, inputs: ["nev-material"], product: "车载电子", unit: "万件/年",
                unitValue: 2_000_000, weight: 1.5,
                words: ["电子", "智能科技", "汽车电子"], capabilities: ["软件开发", "电子测试"]),
            .init(
                "nev-vehicle", "整车制造", .downstream,
                inputs: ["nev-parts", "nev-battery", "nev-motor", "nev-electronics"], product: "新能源整车", unit: "辆/年",
                unitValue: 150_000, weight: 0.3,
                words: ["汽车", "新能源汽车"], capabilities: ["整车试验", "供应链管理"]),
            .init(
                "nev-recycle", "动力电池回收利用", .downstream, inputs: ["nev-battery"], required: false, product: "再生材料",
                unit: "吨/年", unitValue: 20000, weight: 0.4,
                words: ["再生资源", "循环科技", "环保"], capabilities: ["梯次利用"]),
        ])

    /// Battery and energy-storage materials (Ningxiang and Jinchang samples): a closed loop from
    /// minerals and recycled salts to cells, packs and recycling.
    public static let battery = ChainTemplate(
        id: "battery", name: "先进储能材料", weight: 0.25, zones: ["储能材料产业园", "新材料产业园", "循环经济园"],
        leaderStage: "bt-cell",
        stages: [
            .init(
                "bt-mineral", "锂镍钴原料", .upstream, product: "锂镍钴盐", unit: "吨/年", unitValue: 80000, weight: 2,
                words: ["矿业", "锂业", "钴业", "资源"], capabilities: ["湿法冶金"]),
            .init(
                "bt-regen", "再生金属盐", .upstream, required: false, product: "再生硫酸镍", unit: "吨/年", unitValue: 30000,
                weight: 0.5,
                words: ["再生资源", "循环科技"], capabilities: ["金属回收"]),
            .init(
                "bt-precursor", "前驱体", .upstream, inputs: ["bt-mineral", "bt-regen"], product: "三元前驱体", unit: "吨/年",
                unitValue: 90000, weight: 1.5,
                words: ["新能源", "新材料", "化工"], capabilities: ["前驱体研发"]),
            .init(
                "bt-cathode", "正极材料", .midstream, inputs: ["bt-precursor", "bt-mineral"], product: "正极材料", unit: "吨/年",
                unitValue: 150_000, weight: 1.5,
                words: ["新能源材料", "锂电", "新材料"], capabilities: ["材料表征"]),
            .init(
                "bt-anode", "负极材料", .midstream, product: "负极材料", unit: "吨/年", unitValue: 40000, weight: 1.5,
                words: ["碳素", "新材料", "石墨"], capabilities: ["石墨化"]),
            .init(
                "bt-separator", "隔膜", .midstream, product: "湿法隔膜", unit: "万平方米/年", unitValue: 15000, weight: 1,
                words: ["隔膜", "薄膜科技"], capabilities: ["涂覆工艺"]),
            .init(
                "bt-electrolyte", "电解液", .midstream, inputs: ["bt-mineral"], product: "电解液", unit: "吨/年",
                unitValue: 50000, weight: 1,
                words: ["化学", "电解液", "氟化工"], capabilities: ["配方开发"]),
            .init(
                "bt-cell", "电芯", .downstream, inputs: ["bt-cathode", "bt-anode", "bt-separator", "bt-electrolyte"],
                product: "电芯", unit: "GWh/年", unitValue: 600_000_000, weight: 0.6,
                words: ["电池", "能源科技", "新能源"], capabilities: ["电池设计", "电池测试"]),
            .init(
                "bt-pack", "PACK与储能系统", .downstream, inputs: ["bt-cell"], product: "储能系统", unit: "MWh/年",
                unitValue: 1_000_000, weight: 0.6,
                words: ["储能", "电源", "能源"], capabilities: ["系统集成"]),
            .init(
                "bt-recycle", "废旧电池及汽车回收", .downstream, inputs: ["bt-pack", "bt-cell"], required: false,
                product: "废旧电池", unit: "吨/年", unitValue: 15000, weight: 0.4,
                words: ["循环科技", "再生资源", "环保"], capabilities: ["拆解回收"]),
        ])

    /// Engineering machinery (Wujin and Ningxiang samples).
    public static let machinery = ChainTemplate(
        id: "machinery", name: "工程机械", weight: 0.2, zones: ["工程机械产业园", "装备制造园"],
        leaderStage: "em-machine",
        stages: [
            .init(
                "em-steel", "钢材", .upstream, product: "钢板型材", unit: "吨/年", unitValue: 5000, weight: 2,
                words: ["钢铁", "金属", "钢材"], capabilities: ["材料检测"]),
            .init(
                "em-casting", "铸锻件", .upstream, inputs: ["em-steel"], product: "铸锻件", unit: "吨/年", unitValue: 15000,
                weight: 2,
                words: ["铸造", "锻造", "机械"], capabilities: ["铸造工艺"]),
            .init(
                "em-hydraulic", "液压件", .midstream, inputs: ["em-casting", "em-steel"], product: "液压油缸", unit: "件/年",
                unitValue: 3000, weight: 1.5,
                words: ["液压", "流体", "精密机械"], capabilities: ["液压测试"]),
            .init(
                "em-structure", "结构件", .midstream, inputs: ["em-steel"], product: "结构件", unit: "吨/年", unitValue: 20000,
                weight: 2,
                words: ["重工", "机械", "钢构"], capabilities: ["焊接工艺"]),
            .init(
                "em-powertrain", "动力传动", .midstream, inputs: ["em-casting"], product: "传动部件", unit: "件/年",
                unitValue: 10000, weight: 1,
                words: ["传动", "齿轮", "动力"], capabilities: ["齿轮加工"]),
            .init(
                "em-electric", "电气控制", .midstream, product: "电控系统", unit: "套/年", unitValue: 20000, weight: 1.2,
                words: ["电气", "自动化", "控制技术"], capabilities: ["软件开发", "自动化研发"]),
            .init(
                "em-cab", "驾驶室与覆盖件", .midstream, inputs: ["em-steel"], product: "驾驶室", unit: "套/年", unitValue: 30000,
                weight: 1,
                words: ["车身", "钣金", "机械"], capabilities: ["冲压工艺"]),
            .init(
                "em-machine", "整机", .downstream,
                inputs: ["em-hydraulic", "em-structure", "em-powertrain", "em-electric", "em-cab"], product: "挖掘机",
                unit: "台/年", unitValue: 500_000, weight: 0.3,
                words: ["重工", "工程机械", "机械"], capabilities: ["整机试验", "供应链管理"]),
            .init(
                "em-service", "后市场与再制造", .downstream, inputs: ["em-machine"], required: false, product: "再制造整机",
                unit: "台/年", unitValue: 200_000, weight: 0.8,
                words: ["设备租赁", "机械服务", "再制造"], capabilities: ["设备维修"]),
        ])

    /// Plastics (Yihuang sample).
    public static let plastics = ChainTemplate(
        id: "plastics", name: "塑料制品", weight: 0.2, zones: ["塑料产业园", "轻工产业园"],
        leaderStage: "pl-injection",
        stages: [
            .init(
                "pl-recycle", "废塑料回收", .upstream, required: false, product: "废塑料", unit: "吨/年", unitValue: 2000,
                weight: 1,
                words: ["再生资源", "回收"], capabilities: ["分拣清洗"]),
            .init(
                "pl-resin", "塑料原料(树脂/再生粒料)", .upstream, inputs: ["pl-recycle"], product: "PP粒料", unit: "吨/年",
                unitValue: 9000, weight: 1.5,
                words: ["塑胶", "化工", "新材料"], capabilities: ["造粒"]),
            .init(
                "pl-additive", "色母与助剂", .upstream, product: "色母粒", unit: "吨/年", unitValue: 15000, weight: 1,
                words: ["色母", "化工", "助剂"], capabilities: ["配色"]),
            .init(
                "pl-mold", "模具", .upstream, product: "注塑模具", unit: "套/年", unitValue: 100_000, weight: 1.5,
                words: ["模具", "精密模具"], capabilities: ["模具设计", "模具加工"]),
            .init(
                "pl-modified", "改性造粒", .midstream, inputs: ["pl-resin", "pl-additive"], product: "改性塑料", unit: "吨/年",
                unitValue: 14000, weight: 1.5,
                words: ["新材料", "改性塑料", "高分子"], capabilities: ["配方开发"]),
            .init(
                "pl-film", "薄膜与编织袋", .downstream, inputs: ["pl-resin", "pl-modified", "pl-additive"], product: "编织袋",
                unit: "万条/年", unitValue: 20000, weight: 1.5,
                words: ["包装", "塑业", "薄膜"], capabilities: ["印刷"]),
            .init(
                "pl-injection", "注塑与日用制品", .downstream, inputs: ["pl-resin", "pl-modified", "pl-mold", "pl-additive"],
                product: "注塑件", unit: "万件/年", unitValue: 30000, weight: 2,
                words: ["塑业", "轻工", "日用品"], capabilities: ["自动化研发", "注塑工艺"]),
            .init(
                "pl-pipe", "管材型材", .downstream, inputs: ["pl-resin", "pl-modified"], product: "PE管材", unit: "吨/年",
                unitValue: 12000, weight: 1,
                words: ["管业", "型材", "塑业"], capabilities: ["挤出工艺"]),
        ])
}
