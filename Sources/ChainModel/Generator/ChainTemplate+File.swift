/// Chain templates from a JSON file (`chainmap generate --template FILE`), so that users can
/// generate parks of their own industries. The format is documented in docs/TEMPLATES.md:
///
/// ```json
/// {"format": "chainmap-template/1",
///  "templates": [{"id": "pv", "name": "光伏", "leaderStage": "pv-module", "zones": ["光伏产业园"],
///                 "stages": [{"id": "pv-wafer", "name": "硅片", "tier": "upstream",
///                             "products": ["单晶硅片"], "unit": "万片/年", "unitValue": 30000,
///                             "words": ["硅片"], "capabilities": ["拉晶工艺"]}, …]}]}
/// ```
///
/// A file may also hold one template object (with `stages`) at its root. Every problem is
/// reported with its line and field, all at once.
extension ChainTemplate {
    /// Reads the templates of a JSON file.
    ///
    /// - Throws: ``ParkLoadError`` with every problem, each with file, line and field.
    /// - Complexity: O(size of the file).
    public static func load(path: String) throws(ParkLoadError) -> [ChainTemplate] {
        var warnings: [Diagnostic] = []
        let bytes = try TextDecoding.readUTF8(path: path, displayName: path, warnings: &warnings, json: true)
        return try decode(bytes, file: path)
    }

    /// The templates of a JSON file's bytes (`file` names it in problems).
    ///
    /// - Throws: ``ParkLoadError`` with every problem found.
    public static func decode(_ bytes: [UInt8], file: String) throws(ParkLoadError) -> [ChainTemplate] {
        var problems: [Diagnostic] = []
        func problem(
            _ line: Int, _ field: String, _ id: String, _ arguments: [String: Message.Argument] = [:],
            hint: String? = nil
        ) {
            problems.append(
                Diagnostic(
                    .error, file: file, line: line, field: field, text: Message(id, arguments),
                    hint: hint.map { Message($0) }))
        }
        var parser = JSONParser(bytes: bytes)
        let root: JSONNode
        do {
            root = try parser.parse()
        } catch {
            throw ParkLoadError([Diagnostic(.error, file: file, line: error.line, column: error.column, error.message)])
        }
        for dup in parser.duplicateKeys {
            problem(dup.line, dup.key, "problem.template.duplicateKey")
        }
        var nodes: [(JSONNode, String)] = []
        if root["stages"] != nil {
            nodes = [(root, "template")]
        } else if let list = root["templates"], case .array(let items) = list.value, !items.isEmpty {
            nodes = items.enumerated().map { ($0.element, "templates[\($0.offset)]") }
        } else {
            problem(root.line, "templates", "problem.template.noTemplates", hint: "problem.template.format.hint")
        }
        if let format = root["format"], case .string(let f) = format.value, f != formatName {
            problem(
                format.line, "format", "problem.template.format", ["found": .text(f), "expected": .text(formatName)])
        }
        var result: [ChainTemplate] = []
        var stageIds: [String: String] = [:]
        for (node, path) in nodes {
            var reader = TemplateReader(node: node, path: path)
            if let t = reader.template() {
                for s in t.stages {
                    if let other = stageIds[s.id] {
                        problem(
                            node.line, "\(path).stages", "problem.template.stageTwice",
                            ["stage": .text(s.id), "template": .text(other)])
                    }
                    stageIds[s.id] = t.id
                }
                if result.contains(where: { $0.id == t.id }) {
                    problem(node.line, "\(path).id", "problem.template.templateTwice", ["id": .text(t.id)])
                }
                result.append(t)
            }
            for p in reader.problems { problem(p.line, p.field, p.id, p.arguments, hint: p.hint) }
        }
        if !problems.isEmpty { throw ParkLoadError(problems) }
        return result
    }

    /// The `format` a template file declares.
    public static let formatName = "chainmap-template/1"

    /// What is wrong with the template as the generator needs it (catalog ids with field
    /// names), empty when it can be generated: stages, unique stage ids, inputs within the
    /// template and not the stage itself, a leader stage among the stages, zones and name
    /// words, positive unit values and non-negative weights.
    public func problems() -> [(field: String, id: String, arguments: [String: Message.Argument])] {
        var out: [(field: String, id: String, arguments: [String: Message.Argument])] = []
        if id.isEmpty { out.append(("id", "problem.template.empty", [:])) }
        if stages.isEmpty { out.append(("stages", "problem.template.noStages", [:])) }
        if zones.isEmpty { out.append(("zones", "problem.template.empty", [:])) }
        if !(weight > 0) { out.append(("weight", "problem.template.positive", ["value": .number(weight)])) }
        let ids = stages.map(\.id)
        if !ids.contains(leaderStage) {
            out.append(("leaderStage", "problem.template.unknownStage", ["stage": .text(leaderStage)]))
        }
        for (k, s) in stages.enumerated() {
            let at = "stages[\(k)]"
            if s.id.isEmpty { out.append(("\(at).id", "problem.template.empty", [:])) }
            if ids.prefix(k).contains(s.id) {
                out.append(("\(at).id", "problem.template.stageTwice", ["stage": .text(s.id), "template": .text(id)]))
            }
            for input in s.inputs where !ids.contains(input) || input == s.id {
                out.append(
                    (
                        "\(at).inputs", input == s.id ? "problem.template.selfInput" : "problem.template.unknownStage",
                        ["stage": .text(input)]
                    ))
            }
            if s.product.isEmpty { out.append(("\(at).products", "problem.template.empty", [:])) }
            if s.words.isEmpty { out.append(("\(at).words", "problem.template.empty", [:])) }
            if !(s.unitValue > 0) {
                out.append(("\(at).unitValue", "problem.template.positive", ["value": .number(s.unitValue)]))
            }
            if !(s.weight >= 0) || !s.weight.isFinite {
                out.append(("\(at).weight", "problem.template.positive", ["value": .number(s.weight)]))
            }
        }
        return out
    }
}

/// Reads one template object, collecting problems with their lines.
private struct TemplateReader {
    struct Problem {
        var line: Int
        var field: String
        var id: String
        var arguments: [String: Message.Argument] = [:]
        var hint: String?
    }

    let node: JSONNode
    let path: String
    var problems: [Problem] = []

    init(node: JSONNode, path: String) {
        self.node = node
        self.path = path
    }

    static let templateKeys: Set<String> = ["id", "name", "weight", "zones", "leaderStage", "stages"]
    static let stageKeys: Set<String> = [
        "id", "name", "tier", "inputs", "required", "feedsItself", "products", "unit", "unitValue", "weight", "words",
        "capabilities",
    ]

    mutating func unknownKeys(_ n: JSONNode, _ at: String, _ known: Set<String>) {
        guard case .object(let members) = n.value else { return }
        for m in members where !known.contains(m.key) {
            problems.append(
                Problem(
                    line: m.node.line, field: "\(at).\(m.key)", id: "problem.template.unknownField",
                    arguments: ["known": .text(known.sorted().joined(separator: ", "))]))
        }
    }

    mutating func string(_ n: JSONNode, _ key: String, _ at: String, required: Bool = true) -> String? {
        guard let v = n[key] else {
            if required {
                problems.append(Problem(line: n.line, field: "\(at).\(key)", id: "problem.template.missing"))
            }
            return nil
        }
        guard case .string(let s) = v.value, !s.trimmingSpaces().isEmpty else {
            problems.append(Problem(line: v.line, field: "\(at).\(key)", id: "problem.template.expectedText"))
            return nil
        }
        return s.trimmingSpaces()
    }

    mutating func strings(_ n: JSONNode, _ key: String, _ at: String, required: Bool = true) -> [String]? {
        guard let v = n[key] else {
            if required {
                problems.append(Problem(line: n.line, field: "\(at).\(key)", id: "problem.template.missing"))
            }
            return nil
        }
        guard case .array(let items) = v.value else {
            problems.append(Problem(line: v.line, field: "\(at).\(key)", id: "problem.template.expectedList"))
            return nil
        }
        var out: [String] = []
        for (k, item) in items.enumerated() {
            guard case .string(let s) = item.value, !s.trimmingSpaces().isEmpty else {
                problems.append(
                    Problem(line: item.line, field: "\(at).\(key)[\(k)]", id: "problem.template.expectedText"))
                continue
            }
            out.append(s.trimmingSpaces())
        }
        if required && out.isEmpty && items.isEmpty {
            problems.append(Problem(line: v.line, field: "\(at).\(key)", id: "problem.template.empty"))
        }
        return out
    }

    mutating func number(_ n: JSONNode, _ key: String, _ at: String, default d: Double?) -> Double? {
        guard let v = n[key] else {
            if d == nil {
                problems.append(Problem(line: n.line, field: "\(at).\(key)", id: "problem.template.missing"))
            }
            return d
        }
        guard case .number(let x, _) = v.value, x.isFinite, x > 0 else {
            problems.append(Problem(line: v.line, field: "\(at).\(key)", id: "problem.template.expectedPositive"))
            return nil
        }
        return x
    }

    mutating func bool(_ n: JSONNode, _ key: String, _ at: String, default d: Bool) -> Bool {
        guard let v = n[key] else { return d }
        guard case .bool(let b) = v.value else {
            problems.append(Problem(line: v.line, field: "\(at).\(key)", id: "problem.template.expectedBool"))
            return d
        }
        return b
    }

    mutating func template() -> ChainTemplate? {
        guard case .object = node.value else {
            problems.append(Problem(line: node.line, field: path, id: "problem.template.expectedObject"))
            return nil
        }
        unknownKeys(node, path, Self.templateKeys)
        let id = string(node, "id", path)
        let name = string(node, "name", path)
        let weight = number(node, "weight", path, default: 1)
        let zones = strings(node, "zones", path, required: false)
        let leader = string(node, "leaderStage", path)
        var stages: [ChainTemplate.StageTemplate] = []
        var stageLines: [Int] = []
        if let list = node["stages"] {
            if case .array(let items) = list.value {
                for (k, item) in items.enumerated() {
                    if let s = stage(item, "\(path).stages[\(k)]") {
                        stages.append(s)
                        stageLines.append(item.line)
                    }
                }
            } else {
                problems.append(Problem(line: list.line, field: "\(path).stages", id: "problem.template.expectedList"))
            }
        }
        guard let id, let name, let weight, let leader, problems.isEmpty else { return nil }
        let t = ChainTemplate(
            id: id, name: name, weight: weight, zones: zones.flatMap { $0.isEmpty ? nil : $0 } ?? [name + "产业园"],
            leaderStage: leader, stages: stages)
        for p in t.problems() {
            // A stage's problem points at that stage's line.
            var line = node.line
            if p.field.hasPrefix("stages["), let k = Int(p.field.dropFirst(7).prefix { $0.isNumber }),
                k < stageLines.count
            {
                line = stageLines[k]
            } else if let member = node[String(p.field.prefix { $0 != "." && $0 != "[" })] {
                line = member.line
            }
            problems.append(Problem(line: line, field: "\(path).\(p.field)", id: p.id, arguments: p.arguments))
        }
        return problems.isEmpty ? t : nil
    }

    mutating func stage(_ n: JSONNode, _ at: String) -> ChainTemplate.StageTemplate? {
        guard case .object = n.value else {
            problems.append(Problem(line: n.line, field: at, id: "problem.template.expectedObject"))
            return nil
        }
        unknownKeys(n, at, Self.stageKeys)
        let before = problems.count
        let id = string(n, "id", at)
        let name = string(n, "name", at)
        var tier: Tier?
        if let text = string(n, "tier", at) {
            tier = Tier(rawValue: text)
            if tier == nil {
                problems.append(
                    Problem(
                        line: n["tier"]?.line ?? n.line, field: "\(at).tier", id: "problem.template.tier",
                        arguments: ["found": .text(text)]))
            }
        }
        let inputs = strings(n, "inputs", at, required: false) ?? []
        let products = strings(n, "products", at) ?? []
        let unit = string(n, "unit", at)
        let unitValue = number(n, "unitValue", at, default: nil)
        let weight = number(n, "weight", at, default: 1)
        let words = strings(n, "words", at) ?? []
        let capabilities = strings(n, "capabilities", at, required: false) ?? []
        let required = bool(n, "required", at, default: true)
        let feeds = bool(n, "feedsItself", at, default: false)
        guard problems.count == before, let id, let name, let tier, let product = products.first, let unit,
            let unitValue, let weight
        else {
            return nil
        }
        var s = ChainTemplate.StageTemplate(
            id, name, tier, inputs: inputs, required: required, product: product, unit: unit, unitValue: unitValue,
            weight: weight,
            words: words, capabilities: capabilities
        ).making(Array(products.dropFirst()))
        if feeds { s = s.feedingItself() }
        return s
    }
}

extension ChainTemplate {
    /// Templates as a template file (the format ``load(path:)`` reads), byte for byte the same
    /// for the same templates: `chainmap generate --template` of it generates the same park as
    /// the built-in names.
    ///
    /// - Complexity: O(size of the templates).
    public static func json(_ templates: [ChainTemplate]) -> [UInt8] {
        var w = JSONWriter()
        w.beginObject()
        w.key("format"); w.string(formatName)
        w.key("templates")
        w.beginArray()
        for t in templates {
            w.element()
            w.beginObject()
            w.key("id"); w.string(t.id)
            w.key("name"); w.string(t.name)
            w.key("weight"); w.number(t.weight)
            w.key("zones"); w.inlineStrings(t.zones)
            w.key("leaderStage"); w.string(t.leaderStage)
            w.key("stages")
            w.beginArray()
            for s in t.stages {
                w.element()
                w.beginObject()
                w.key("id"); w.string(s.id)
                w.key("name"); w.string(s.name)
                w.key("tier"); w.string(s.tier.rawValue)
                w.key("inputs"); w.inlineStrings(s.inputs)
                if !s.required { w.key("required"); w.bool(false) }
                if s.feedsItself { w.key("feedsItself"); w.bool(true) }
                w.key("products"); w.inlineStrings(s.products.first == s.product ? s.products : [s.product])
                w.key("unit"); w.string(s.capacityUnit)
                w.key("unitValue"); w.number(s.unitValue)
                w.key("weight"); w.number(s.weight)
                w.key("words"); w.inlineStrings(s.words)
                w.key("capabilities"); w.inlineStrings(s.capabilities)
                w.endObject()
            }
            w.endArray()
            w.endObject()
        }
        w.endArray()
        w.endObject()
        return w.finish()
    }
}
