/// Chain templates written from general industry knowledge rather than from the bundled
/// samples: photovoltaics (光伏), semiconductors (集成电路), textiles and apparel (纺织服装) and
/// food processing (食品加工). Stages run upstream → downstream, including recycling or service
/// where the industry has them; products are the trade names of each stage's output, not any
/// firm's. They are held-out parks for the gap benchmark (``ParkGenerator``, docs/GAPS.md) and
/// examples of the template file format (docs/TEMPLATES.md).
extension ChainTemplate {
    /// Names of the industry templates, in order.
    public static let industryNames = ["pv", "semiconductor", "textile", "food"]

    /// Every template the generator knows by name: the sample templates, then the industry ones.
    public static let allNames = names + industryNames

    /// The built-in template called `name` (a sample or an industry template), or nil.
    public static func builtIn(_ name: String) -> ChainTemplate? {
        if let t = named(name) { return t }
        switch name {
        case "pv": return pv
        case "semiconductor": return semiconductor
        case "textile": return textile
        case "food": return food
        default: return nil
        }
    }

    /// Photovoltaics: silicon → wafer → cell → module, with glass, encapsulants, frames and
    /// pastes beside them, inverters and mounting, power stations at the end and module
    /// recycling after them.
    public static let pv = ChainTemplate(
        id: "pv", name: "光伏", weight: 0.25, zones: ["光伏产业园", "新能源装备园"],
        leaderStage: "pv-module",
        stages: [
            .init(
                "pv-silicon", "工业硅与多晶硅", .upstream, product: "多晶硅", unit: "吨/年", unitValue: 60000, weight: 1,
                words: ["硅业", "新材料", "硅材料"], capabilities: ["提纯工艺"]
            ).making(["工业硅", "颗粒硅"]),
            .init(
                "pv-wafer", "拉晶与硅片", .upstream, inputs: ["pv-silicon"], product: "单晶硅片", unit: "万片/年", unitValue: 30000,
                weight: 1.2,
                words: ["晶体", "硅片", "半导体材料"], capabilities: ["拉晶工艺", "金刚线切割"]
            ).making(["单晶硅棒"]),
            .init(
                "pv-paste", "浆料与电池辅材", .upstream, product: "导电银浆", unit: "吨/年", unitValue: 5_000_000, weight: 0.8,
                words: ["电子材料", "化学", "新材料"], capabilities: ["配方开发"]
            ).making(["网版"]),
            .init(
                "pv-glass", "光伏玻璃", .upstream, product: "光伏玻璃", unit: "万平方米/年", unitValue: 250_000, weight: 0.8,
                words: ["玻璃", "新材料"], capabilities: ["镀膜工艺"]),
            .init(
                "pv-encapsulant", "胶膜与背板", .upstream, product: "EVA胶膜", unit: "万平方米/年", unitValue: 80000, weight: 0.8,
                words: ["高分子", "薄膜科技", "新材料"], capabilities: ["挤出工艺"]
            ).making(["POE胶膜", "背板"]),
            .init(
                "pv-frame", "边框与接线盒", .upstream, product: "铝边框", unit: "万套/年", unitValue: 400_000, weight: 1,
                words: ["铝业", "电气", "精密"], capabilities: ["型材挤压"]
            ).making(["接线盒"]),
            .init(
                "pv-equipment", "光伏设备", .upstream, required: false, product: "光伏设备", unit: "台/年", unitValue: 3_000_000,
                weight: 0.8,
                words: ["智能装备", "机械", "自动化"], capabilities: ["设备维修", "自动化改造"]
            ).making(["串焊机", "PECVD设备"]),
            .init(
                "pv-cell", "电池片", .midstream, inputs: ["pv-wafer", "pv-paste", "pv-equipment"], product: "光伏电池片",
                unit: "MW/年", unitValue: 400_000, weight: 1.2,
                words: ["光电", "新能源", "太阳能"], capabilities: ["电池效率测试"]),
            .init(
                "pv-module", "光伏组件", .midstream,
                inputs: ["pv-cell", "pv-glass", "pv-encapsulant", "pv-frame", "pv-equipment"], product: "光伏组件",
                unit: "MW/年", unitValue: 900_000, weight: 1,
                words: ["光伏", "新能源", "太阳能"], capabilities: ["组件可靠性测试", "供应链管理"]),
            .init(
                "pv-bos", "逆变器与支架", .midstream, product: "光伏逆变器", unit: "MW/年", unitValue: 200_000, weight: 1,
                words: ["电气", "电源", "能源科技"], capabilities: ["电力电子设计"]
            ).making(["光伏支架", "汇流箱"]),
            .init(
                "pv-station", "电站开发与运维", .downstream, inputs: ["pv-module", "pv-bos"], product: "光伏电站", unit: "MW/年",
                unitValue: 3_500_000, weight: 0.8,
                words: ["能源", "电力", "新能源"], capabilities: ["电站运维", "绿电交易"]
            ).making(["分布式光伏"]),
            .init(
                "pv-recycle", "组件回收利用", .downstream, inputs: ["pv-station"], required: false, product: "退役组件",
                unit: "吨/年", unitValue: 8000, weight: 0.3,
                words: ["再生资源", "循环科技", "环保"], capabilities: ["拆解回收"]
            ).making(["再生硅料"]),
        ])

    /// Semiconductors: materials, equipment and design feed the wafer fabs; packaging and
    /// test, then modules and electronic products; testing services beside them.
    public static let semiconductor = ChainTemplate(
        id: "semiconductor", name: "集成电路", weight: 0.25, zones: ["集成电路产业园", "电子信息产业园"],
        leaderStage: "ic-fab",
        stages: [
            .init(
                "ic-material", "半导体材料", .upstream, product: "电子特气", unit: "吨/年", unitValue: 200_000, weight: 1.2,
                words: ["电子材料", "新材料", "化学"], capabilities: ["材料分析"]
            ).making(["光刻胶", "湿电子化学品", "溅射靶材"]),
            .init(
                "ic-equipment", "半导体设备与零部件", .upstream, product: "半导体设备", unit: "台/年", unitValue: 10_000_000, weight: 1,
                words: ["半导体装备", "精密", "真空科技"], capabilities: ["设备维修", "洁净室工程"]
            ).making(["刻蚀设备", "真空泵"]),
            .init(
                "ic-design", "芯片设计", .upstream, product: "芯片设计服务", unit: "项/年", unitValue: 5_000_000, weight: 1.5,
                words: ["微电子", "芯片", "集成电路"], capabilities: ["版图设计", "软件开发"]
            ).making(["IP核"]),
            .init(
                "ic-substrate", "封装基板与引线框架", .upstream, inputs: ["ic-material"], product: "封装基板", unit: "万片/年",
                unitValue: 2_000_000, weight: 0.8,
                words: ["电子", "精密", "基板"], capabilities: ["精密蚀刻"]
            ).making(["引线框架"]),
            .init(
                "ic-fab", "晶圆制造", .midstream, inputs: ["ic-material", "ic-equipment", "ic-design"], product: "晶圆",
                unit: "万片/年", unitValue: 50_000_000, weight: 0.6,
                words: ["半导体", "集成电路", "微电子"], capabilities: ["工艺整合", "良率提升"]
            ).making(["功率器件晶圆"]),
            .init(
                "ic-package", "封装测试", .midstream, inputs: ["ic-fab", "ic-substrate", "ic-equipment"], product: "封装芯片",
                unit: "亿颗/年", unitValue: 20_000_000, weight: 1,
                words: ["封测", "半导体", "微电子"], capabilities: ["可靠性测试", "失效分析"]
            ).making(["功率模块"]),
            .init(
                "ic-module", "模组与电子整机", .downstream, inputs: ["ic-package"], product: "电子模组", unit: "万套/年",
                unitValue: 3_000_000, weight: 1.2,
                words: ["电子", "智能科技", "信息技术"], capabilities: ["系统集成", "供应链管理"]
            ).making(["控制板"]),
            .init(
                "ic-service", "检测认证与技术服务", .downstream, inputs: ["ic-package"], required: false, product: "检测服务",
                unit: "项/年", unitValue: 100_000, weight: 0.5,
                words: ["检测", "技术服务", "认证"], capabilities: ["失效分析", "认证咨询"]),
        ])

    /// Textiles and apparel: fibre → yarn → fabric → dyeing and finishing → garments and home
    /// textiles, with dyes, auxiliaries and trims beside them and used-textile recycling after.
    public static let textile = ChainTemplate(
        id: "textile", name: "纺织服装", weight: 0.25, zones: ["纺织产业园", "服装产业园"],
        leaderStage: "tx-garment",
        stages: [
            .init(
                "tx-fiber", "纤维原料", .upstream, product: "涤纶短纤", unit: "吨/年", unitValue: 8000, weight: 1,
                words: ["化纤", "纤维", "新材料"], capabilities: ["纤维改性"]
            ).making(["棉花", "粘胶短纤", "锦纶长丝"]),
            .init(
                "tx-chemical", "染料与助剂", .upstream, product: "活性染料", unit: "吨/年", unitValue: 30000, weight: 0.7,
                words: ["化工", "精细化工", "染料"], capabilities: ["配色", "环保工艺"]
            ).making(["印染助剂"]),
            .init(
                "tx-equipment", "纺织机械", .upstream, required: false, product: "纺织机械", unit: "台/年", unitValue: 300_000,
                weight: 0.6,
                words: ["机械", "纺机", "智能装备"], capabilities: ["设备维修", "自动化改造"]),
            .init(
                "tx-yarn", "纺纱", .upstream, inputs: ["tx-fiber", "tx-equipment"], product: "纱线", unit: "吨/年",
                unitValue: 25000, weight: 1.5,
                words: ["纺织", "纱业", "棉纺"], capabilities: ["纺纱工艺"]
            ).making(["混纺纱"]),
            .init(
                "tx-fabric", "织造", .midstream, inputs: ["tx-yarn", "tx-equipment"], product: "坯布", unit: "万米/年",
                unitValue: 80000, weight: 2,
                words: ["织造", "纺织", "面料"], capabilities: ["织造工艺"]
            ).making(["针织面料", "机织面料"]).feedingItself(),
            .init(
                "tx-dyeing", "印染与后整理", .midstream, inputs: ["tx-fabric", "tx-chemical"], product: "印染面料", unit: "万米/年",
                unitValue: 120_000, weight: 1.2,
                words: ["印染", "染整", "纺织"], capabilities: ["印花工艺", "节能减排"]),
            .init(
                "tx-trim", "服装辅料", .midstream, inputs: ["tx-yarn"], product: "服装辅料", unit: "万件/年", unitValue: 20000,
                weight: 1,
                words: ["辅料", "服饰", "织带"], capabilities: ["打样"]
            ).making(["拉链", "纽扣", "衬布"]),
            .init(
                "tx-garment", "服装与家纺", .downstream, inputs: ["tx-dyeing", "tx-trim"], product: "服装", unit: "万件/年",
                unitValue: 1_000_000, weight: 2.5,
                words: ["服饰", "制衣", "家纺"], capabilities: ["版型设计", "供应链管理"]
            ).making(["家纺制品"]),
            .init(
                "tx-recycle", "废旧纺织品回收", .downstream, inputs: ["tx-garment"], required: false, product: "再生纤维",
                unit: "吨/年", unitValue: 6000, weight: 0.4,
                words: ["再生资源", "循环科技", "环保"], capabilities: ["分拣清洗"]),
        ])

    /// Food processing: farm produce, ingredients and packaging → primary processing →
    /// extraction and refining (starch, protein, oils) → deep processing (end products), with food machinery beside them, by-product use and
    /// cold-chain distribution after.
    public static let food = ChainTemplate(
        id: "food", name: "食品加工", weight: 0.25, zones: ["食品产业园", "农产品加工园"],
        leaderStage: "fd-deep",
        stages: [
            .init(
                "fd-farm", "农产品原料", .upstream, product: "原粮", unit: "吨/年", unitValue: 3000, weight: 2,
                words: ["农业", "种植", "养殖"], capabilities: ["订单农业", "标准化种植"]
            ).making(["生猪", "果蔬", "油料"]),
            .init(
                "fd-ingredient", "食品配料与添加剂", .upstream, product: "食品配料", unit: "吨/年", unitValue: 20000, weight: 0.8,
                words: ["生物科技", "配料", "食品科技"], capabilities: ["配方开发"]
            ).making(["调味料", "食品添加剂"]),
            .init(
                "fd-packaging", "食品包装", .upstream, product: "食品包装材料", unit: "吨/年", unitValue: 15000, weight: 1,
                words: ["包装", "印务", "纸业"], capabilities: ["包装设计"]
            ).making(["包装瓶", "纸箱"]),
            .init(
                "fd-machinery", "食品机械", .upstream, required: false, product: "食品机械", unit: "台/年", unitValue: 200_000,
                weight: 0.5,
                words: ["机械", "智能装备"], capabilities: ["设备维修", "自动化改造"]),
            .init(
                "fd-primary", "初加工", .midstream, inputs: ["fd-farm", "fd-machinery"], product: "初级农产品", unit: "吨/年",
                unitValue: 6000, weight: 1.5,
                words: ["粮油", "肉类", "农产品"], capabilities: ["冷鲜加工", "质量追溯"]
            ).making(["大米", "食用油", "鲜肉"]),
            .init(
                "fd-extract", "提取与精炼", .midstream, inputs: ["fd-primary", "fd-machinery"], product: "淀粉", unit: "吨/年",
                unitValue: 5000, weight: 0.8,
                words: ["生物科技", "粮油", "食品科技"], capabilities: ["提取工艺"]
            ).making(["植物蛋白", "精炼油", "果汁浓缩液"]),
            .init(
                "fd-deep", "精深加工", .downstream,
                inputs: ["fd-primary", "fd-extract", "fd-ingredient", "fd-packaging", "fd-machinery"], product: "加工食品",
                unit: "吨/年", unitValue: 25000, weight: 2,
                words: ["食品", "食品科技", "餐饮"], capabilities: ["食品检测", "新品研发"]
            ).making(["预制菜", "休闲食品", "饮料"]),
            .init(
                "fd-byproduct", "副产物综合利用", .downstream, inputs: ["fd-primary"], required: false, product: "饲料",
                unit: "吨/年", unitValue: 4000, weight: 0.4,
                words: ["生物科技", "饲料", "环保"], capabilities: ["生物发酵"]
            ).making(["生物质燃料"]),
            .init(
                "fd-coldchain", "冷链物流与分销", .downstream, inputs: ["fd-deep"], required: false, product: "冷链物流服务",
                unit: "吨/年", unitValue: 1500, weight: 0.6,
                words: ["冷链", "物流", "供应链"], capabilities: ["冷链配送"]),
        ])
}
