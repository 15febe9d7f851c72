// The standard vocabulary: data (keywords matched against the words of a park's products,
// capabilities and needs), not text for people, so `SourceTextTests` exempts this one file.

extension MatchVocabulary {
    /// Characters that split a text into tokens (``concepts(of:)``, step 1).
    static let tokenSeparators: Set<Character> = [" ", "\t", "/", "|", ",", "，", "、", "(", ")", "（", "）", ";", "；", ":", "：", "-", "_", "+", "&", "。", "."]

    /// Suffixes stripped from a literal token by default (`模具开发` → `模具`).
    public static let standardSuffixes = ["改造", "研发", "服务", "开发", "设计", "能力", "技术", "支持", "需求", "中心"]

    /// The default table (industrial capabilities, services and the sample chains' products).
    public static let standard = MatchVocabulary(
        table: [
            ("automation", ["自动化", "automation", "automatic", "机器换人", "智能产线", "自动化产线"]),
            ("robot", ["机器人", "robot", "robotics"]),
            ("digital", ["数字化", "两化融合", "信息化", "企业上云", "上云", "智能车间", "软件", "digital", "software", "mes"]),
            ("mold", ["模具", "模流", "mold", "mould", "die"]),
            ("testing", ["检测", "测试", "试验", "表征", "认证", "testing", "test", "inspection"]),
            ("power", ["供电", "电力", "用电", "电网", "绿电", "绿色电力", "光伏发电", "国网"]),
            ("energy-saving", ["节能", "能耗", "余热"]),
            ("finance", ["融资", "贷款", "金融", "信贷", "银行", "担保", "资金", "finance", "loan", "bank", "credit"]),
            ("talent", ["招工", "招聘", "技工", "人才", "用工", "培训", "talent", "recruit", "training"]),
            ("rnd", ["技术攻关", "产学研", "科研", "r&d", "rnd"]),
            ("logistics", ["物流", "运输", "logistics", "transport"]),
            ("welding", ["焊接", "welding"]),
            ("casting", ["铸造", "铸件", "铸锻", "锻件", "压铸", "casting", "forging"]),
            ("machining", ["精密加工", "机加工", "齿轮加工", "machining"]),
            ("surface", ["表面处理", "涂覆", "涂装", "电镀", "coating"]),
            ("heat-treatment", ["热处理"]),
            ("hydraulic", ["液压", "油缸", "hydraulic"]),
            ("stamping", ["冲压", "stamping"]),
            ("injection", ["注塑", "injection"]),
            ("extrusion", ["挤出", "extrusion"]),
            ("pp", ["聚丙烯", "pp"]),
            ("pe", ["聚乙烯", "pe"]),
            ("masterbatch", ["色母", "填充母料", "masterbatch"]),
            ("additive", ["助剂", "additive"]),
            ("modified", ["改性", "modified"]),
            ("recycled", ["再生", "回收", "梯次利用", "拆解", "recycled", "recycling"]),
            ("resin", ["树脂", "粒料", "粒子", "造粒", "resin", "pellet"]),
            ("film", ["薄膜", "编织袋", "film"]),
            ("pipe", ["管材", "型材", "pipe"]),
            ("steel", ["钢材", "钢板", "型钢", "中厚板", "棒材", "模具钢", "steel"]),
            ("aluminium", ["铝材", "铝合金", "铝锭", "aluminium", "aluminum"]),
            ("battery", ["电芯", "动力电池", "电池", "battery", "cell"]),
            ("cathode", ["正极", "cathode"]),
            ("anode", ["负极", "anode"]),
            ("separator", ["隔膜", "separator"]),
            ("electrolyte", ["电解液", "electrolyte"]),
            ("precursor", ["前驱体", "precursor"]),
            ("lithium", ["锂", "lithium"]),
            ("nickel", ["镍", "nickel"]),
            ("cobalt", ["钴", "cobalt"]),
            ("motor", ["电机", "马达", "motor"]),
            ("control", ["电控", "控制器", "电气控制", "controller"]),
            ("electronics", ["电子", "electronic", "electronics"]),
            ("vehicle", ["整车", "vehicle"]),
            ("cab", ["驾驶室", "覆盖件", "cab"]),
            ("transmission", ["传动", "齿轮", "transmission", "gear"]),
            ("structure", ["结构件", "structural"]),
            ("horn", ["喇叭", "horn"]),
            ("piston", ["活塞", "piston"]),
            ("pv", ["光伏组件", "光伏", "solar", "photovoltaic"]),
        ],
        modifiers: [
            "就近配套", "本地供应", "本地", "就近", "断点", "堵点", "难点", "卡点", "补链", "原料", "扩产",
            "二次诉求", "供需对接", "需求", "local",
        ])
}
