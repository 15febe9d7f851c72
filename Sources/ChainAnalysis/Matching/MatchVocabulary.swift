/// The small synonym/taxonomy table behind matchmaking: it turns the free text of products,
/// capabilities and need tags into **concepts**, so that `自动化`, `automation`, `自动化改造`,
/// `自动化研发` and `设备自动化` all mean the concept `automation`.
///
/// How a text becomes concepts (``concepts(of:)-(String)``):
/// 1. lower-case it and split it into tokens at spaces and punctuation (`/ | , ， 、 ( ) （ ） ; ： -`;
///    `r&d` stays one token);
/// 2. in each token, find the table's keywords, longest first; a keyword's characters are then
///    blanked so a shorter keyword inside it does not match again (`模具钢` is steel, not mold).
///    ASCII keywords match only whole words (`pp` in `PP粒料`, not in `support`);
/// 3. a token with no keyword becomes a literal concept after stripping a trailing suffix such
///    as `改造`, `研发`, `服务`, `开发`, `设计` (`模具开发` and `模具设计` both become `模具`).
///
/// Some keywords are **modifiers** (`就近配套`, `本地供应`, `断点`, `原料`…): they say how or
/// why something is needed, not what, and are dropped.
///
/// ```swift
/// let v = MatchVocabulary.standard
/// v.concepts(of: "自动化改造") == v.concepts(of: "automation")   // true: ["automation"]
/// ```
public struct MatchVocabulary: Sendable {
    /// Concept name → keywords (lower case). Extend by passing your own table to ``init(table:modifiers:suffixes:)``.
    public let table: [(concept: String, keywords: [String])]
    /// Keywords that are dropped (how/why words, not what).
    public let modifiers: [String]
    /// Suffixes stripped from a literal token.
    public let suffixes: [String]

    private let keywords: [(keyword: [Character], concept: String?, ascii: Bool)]

    /// A vocabulary from a table; keywords are matched longest first.
    /// - Complexity: O(K log K) for K keywords.
    public init(
        table: [(concept: String, keywords: [String])], modifiers: [String],
        suffixes: [String] = ["改造", "研发", "服务", "开发", "设计", "能力", "技术", "支持", "需求", "中心"]
    ) {
        self.table = table
        self.modifiers = modifiers
        self.suffixes = suffixes.sorted { $0.count > $1.count }
        var all: [(keyword: [Character], concept: String?, ascii: Bool)] = []
        for (concept, words) in table {
            for w in words { all.append((Array(w.lowercased()), concept, w.allSatisfy(\.isASCII))) }
        }
        for m in modifiers { all.append((Array(m.lowercased()), nil, m.allSatisfy(\.isASCII))) }
        all.sort { a, b in
            if a.keyword.count != b.keyword.count { return a.keyword.count > b.keyword.count }
            return String(a.keyword) < String(b.keyword)
        }
        keywords = all
    }

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

    /// The concepts of one text (sorted, unique).
    /// - Complexity: O(T · K) for a text of T characters and K keywords (tiny in practice).
    public func concepts(of text: String) -> [String] {
        var out: [String] = []
        for token in Self.tokens(text.lowercased()) {
            var chars = Array(token)
            var found = false
            for (keyword, concept, ascii) in keywords where keyword.count <= chars.count {
                var start = 0
                while start + keyword.count <= chars.count {
                    if chars[start..<start + keyword.count].elementsEqual(keyword)
                        && (!ascii || Self.isWordBoundary(chars, start, start + keyword.count)) {
                        if let concept { out.append(concept) }
                        found = true
                        for k in start..<start + keyword.count { chars[k] = " " }
                        start += keyword.count
                    } else {
                        start += 1
                    }
                }
            }
            if found { continue }
            var literal = token
            for s in suffixes where literal.count > s.count && literal.hasSuffix(s) {
                literal = String(literal.dropLast(s.count))
                break
            }
            if !literal.isEmpty { out.append("=" + literal) }
        }
        return Array(Set(out)).sorted()
    }

    /// The concepts of several texts together (sorted, unique).
    public func concepts(of texts: [String]) -> [String] {
        var set = Set<String>()
        for t in texts { set.formUnion(concepts(of: t)) }
        return set.sorted()
    }

    static func tokens(_ text: String) -> [String] {
        let separators: Set<Character> = [" ", "\t", "/", "|", ",", "，", "、", "(", ")", "（", "）", ";", "；", ":", "：", "-", "_", "+", "&", "。", "."]
        var out: [String] = []
        var current = ""
        for c in text {
            if separators.contains(c) && !(c == "&" && current.hasSuffix("r")) {
                if !current.isEmpty { out.append(current) }
                current = ""
            } else {
                current.append(c)
            }
        }
        if !current.isEmpty { out.append(current) }
        return out
    }

    @inline(__always)
    static func isWordBoundary(_ chars: [Character], _ start: Int, _ end: Int) -> Bool {
        func isLetter(_ c: Character) -> Bool { c.isASCII && (c.isLetter || c.isNumber) }
        if start > 0 && isLetter(chars[start - 1]) { return false }
        if end < chars.count && isLetter(chars[end]) { return false }
        return true
    }
}
