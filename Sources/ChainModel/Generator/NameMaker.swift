/// Chinese-style firm names from syllable tables: an optional place, a two- or three-character
/// trade name, an industry word and a legal form, e.g. `宁波华鑫精密有限公司`.
///
/// - Complexity: O(1) per name.
struct NameMaker {
    static let places = ["宁波", "常州", "长沙", "宁乡", "抚州", "宜黄", "金昌", "浙江", "江苏", "湖南", "江西", "甘肃", "北仑", "武进"]
    static let syllables = [
        "华", "鑫", "恒", "瑞", "盛", "泰", "宏", "博", "远", "金", "正", "永", "润", "嘉", "德", "信",
        "中", "天", "海", "光", "新", "科", "联", "合", "通", "达", "力", "诚", "昌", "兴", "隆", "丰",
        "安", "宇", "凯", "明", "辰", "鼎", "晟", "航", "益", "源", "创", "立", "伟", "腾", "峰", "贝",
    ]
    static let forms = ["有限公司", "有限公司", "有限公司", "股份有限公司", "科技有限公司"]

    static func name(words: [String], rng: inout Xoshiro256) -> String {
        var s = ""
        if rng.chance(0.6) { s += rng.pick(places) }
        s += rng.pick(syllables)
        s += rng.pick(syllables)
        if rng.chance(0.25) { s += rng.pick(syllables) }
        s += rng.pick(words)
        s += rng.pick(forms)
        return s
    }
}
