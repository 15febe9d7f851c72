import ChainGraph

/// Reads a ``RecordReader``'s fields from a JSON object.
struct JSONRecordReader: RecordReader {
    let schema: RecordSchema
    let node: JSONNode
    let file: String
    let path: String
    let sink: DiagnosticSink

    init(
        schema: RecordSchema, node: JSONNode, file: String, path: String, sink: DiagnosticSink,
        ignoring: Set<String> = []
    ) {
        self.schema = schema
        self.node = node
        self.file = file
        self.path = path
        self.sink = sink
        if case .object(let members) = node.value {
            let known = Set(schema.keys.map(\.name)).union(ignoring)
            for (key, child) in members where !known.contains(key) {
                if key.utf8.count > InputLimits.maxLabelBytes {
                    sink.add(
                        Diagnostic(
                            .error, file: file, line: child.line, field: path,
                            "a field name is \(key.utf8.count) bytes long; at most \(InputLimits.maxLabelBytes) are allowed",
                            hint: "field names are listed in docs/FORMAT.md"))
                    continue
                }
                let closest = Suggest.closest(to: key, in: schema.keys.map(\.name))
                let suggestion = closest.map { "did you mean \"\($0)\"?" }
                sink.add(
                    Diagnostic(
                        .warning, file: file, line: child.line, field: "\(path).\(key)", "unknown field, ignored",
                        hint: suggestion ?? "known fields: " + schema.keys.map(\.name).joined(separator: ", ")
                    )
                    .with(
                        "problem.json.unknownField",
                        hint: closest.map { Message("problem.didYouMean", ["suggestion": .text($0)]) }
                            ?? Message(
                                "problem.json.knownFields",
                                ["fields": .list(schema.keys.map { .text($0.name) }, limit: 100)])))
            }
        }
    }

    private func member(_ key: FieldKey) -> JSONNode? {
        guard let child = node[key.name] else { return nil }
        if case .null = child.value { return nil }
        return child
    }

    func report(_ key: FieldKey, _ message: String, hint: String?, text: Message?, hintText: Message?) {
        var d = Diagnostic(
            .error, file: file, line: member(key)?.line ?? node.line, field: "\(path).\(key.name)", message, hint: hint)
        d.text = text
        d.hintText = hintText
        sink.add(d)
    }

    private func typeError(
        _ key: FieldKey, _ child: JSONNode, expected: String, hint: String? = nil, _ expectedText: Message,
        _ hintText: Message? = nil
    ) {
        report(
            key, "expected \(expected), found \(child.typeName)", hint: hint,
            text: Message(
                "problem.json.expected", ["expected": .message(expectedText), "found": .message(child.typeText)]),
            hintText: hintText)
    }

    func text(_ key: FieldKey) -> String? {
        guard let child = member(key) else { return nil }
        switch child.value {
        case .string(let s): return s.isEmpty ? nil : capped(key, s, limit: key.byteLimit)
        case .number:
            // Not taken as text: 17 and 1.70e1 are one number but two ids, and 1e400 no id.
            typeError(
                key, child, expected: "text in quotes", hint: "write it in quotes, e.g. \"17\"",
                "problem.json.expect.text", "problem.json.expect.text.hint")
            return nil
        default:
            typeError(key, child, expected: "text in quotes", "problem.json.expect.text")
            return nil
        }
    }

    func list(_ key: FieldKey) -> [String] {
        guard let child = member(key) else { return [] }
        switch child.value {
        case .array(let items):
            var result: [String] = []
            result.reserveCapacity(items.count)
            for item in items {
                if case .string(let s) = item.value {
                    // Empty items carry nothing; both formats drop them.
                    if !s.isEmpty { result.append(capped(key, s, limit: InputLimits.maxLabelBytes)) }
                } else {
                    report(
                        key, "list items must be text in quotes, found \(item.typeName)", hint: "write [\"a\", \"b\"]")
                }
            }
            return result
        case .string(let s):
            report(key, "expected a list, found a string", hint: "write [\"\(s)\"]")
            return []
        default:
            typeError(
                key, child, expected: "a list of text", hint: "write [\"a\", \"b\"]", "problem.json.expect.list",
                "problem.json.expect.list.hint")
            return []
        }
    }

    func double(_ key: FieldKey) -> Double? {
        guard let child = member(key) else { return nil }
        if case .number(let d, _) = child.value { return d }
        if case .string(let s) = child.value, s.isEmpty { return nil }
        typeError(
            key, child, expected: "a number",
            hint: "write a plain number without quotes or units, e.g. 120000000 (not \"1.2亿\")",
            "problem.json.expect.number", "problem.json.expect.number.hint")
        return nil
    }

    func int(_ key: FieldKey) -> Int? {
        guard let child = member(key) else { return nil }
        if case .number(let d, let isInteger) = child.value {
            if isInteger || d == d.rounded(), abs(d) < 9e15 { return Int(d) }
            report(
                key, "expected a whole number, found \(NumberFormat.shortest(d))",
                hint: "write a count without a fraction",
                text: Message("problem.json.notWhole", ["value": .text(NumberFormat.shortest(d))]),
                hintText: "problem.json.notWhole.hint")
            return nil
        }
        typeError(
            key, child, expected: "a whole number", hint: "write a plain number without quotes",
            "problem.json.expect.whole", "problem.json.expect.whole.hint")
        return nil
    }

    func bool(_ key: FieldKey) -> Bool? {
        guard let child = member(key) else { return nil }
        if case .bool(let b) = child.value { return b }
        typeError(key, child, expected: "true or false", "problem.json.expect.bool")
        return nil
    }
}

/// Writes a ``RecordWriter``'s fields as one JSON object.
struct JSONRecordWriter: RecordWriter {
    var json: JSONWriter

    mutating func text(_ name: String, _ value: String?) {
        guard let value, !value.isEmpty else { return }
        json.key(name)
        json.string(value)
    }

    mutating func list(_ name: String, _ value: [String]) {
        guard !value.isEmpty else { return }
        json.key(name)
        json.inlineStrings(value)
    }

    mutating func double(_ name: String, _ value: Double?) {
        guard let value else { return }
        json.key(name)
        json.number(value)
    }

    mutating func int(_ name: String, _ value: Int?) {
        guard let value else { return }
        json.key(name)
        json.int(value)
    }

    mutating func bool(_ name: String, _ value: Bool, default d: Bool) {
        guard value != d else { return }
        json.key(name)
        json.bool(value)
    }

    mutating func optionalBool(_ name: String, _ value: Bool?) {
        guard let value else { return }
        json.key(name)
        json.bool(value)
    }
}

/// The park JSON format (`chainmap-park/1`), documented in docs/FORMAT.md.
public enum ParkFormat {
    /// Value of the top-level `format` field.
    public static let formatTag = "chainmap-park/1"
}

enum ParkJSON {
    static let topLevelLists: [RecordKind] = [
        .chain, .firm, .link, .organization, .pairing, .need, .resource, .project,
    ]

    /// Parses a park from UTF-8 JSON bytes. Problems go to `sink`; the tree is returned so
    /// that validation messages can be located.
    static func decode(_ bytes: [UInt8], file: String, sink: DiagnosticSink) -> (Park, JSONNode)? {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x0A || $0 == 0x0D || $0 == 0x09 }) {
            sink.add(
                Diagnostic(
                    .error, file: file, line: 1, "file is empty",
                    hint: "a park file is a JSON object; see docs/FORMAT.md"
                )
                .with("problem.file.empty", hint: "problem.file.empty.hint"))
            return nil
        }
        var parser = JSONParser(bytes: bytes)
        let root: JSONNode
        do {
            root = try parser.parse()
        } catch {
            sink.add(
                Diagnostic(
                    .error, file: file, line: error.line, column: error.column, error.message,
                    hint: "fix the JSON syntax (a JSON validator or editor shows the spot)"
                )
                .with(
                    Message("problem.json.syntax", ["detail": .message(error.detail)]), hint: "problem.json.syntax.hint"
                ))
            return nil
        }
        for dup in parser.duplicateKeys {
            sink.add(
                Diagnostic(
                    .error, file: file, line: dup.line, field: dup.key, "field given twice in the same object",
                    hint: "keep one of them"
                )
                .with("problem.field.twice", hint: "problem.keepOne"))
        }
        guard case .object = root.value else {
            sink.add(
                Diagnostic(
                    .error, file: file, line: root.line,
                    "expected the park as a JSON object {...}, found \(root.typeName)",
                    hint: "see docs/FORMAT.md for the layout"
                )
                .with(
                    Message("problem.json.parkNotObject", ["found": .message(root.typeText)]),
                    hint: "problem.json.parkNotObject.hint"))
            return nil
        }
        let top = JSONRecordReader(
            schema: Schemas.park, node: root, file: file, path: "park", sink: sink,
            ignoring: Set(topLevelLists.map(\.jsonKey)))
        if let tag = top.text("format"), tag != ParkFormat.formatTag {
            top.report(
                Schemas.park["format"], "unsupported format \"\(tag)\"",
                hint: "this version reads \"\(ParkFormat.formatTag)\"",
                text: Message("problem.format.unsupported", ["tag": .text(tag)]),
                hintText: Message("problem.format.unsupported.hint", ["tag": .text(ParkFormat.formatTag)]))
        }
        var park = Park(
            id: top.requiredText("id"), name: top.requiredText("name"), region: top.text("region"),
            dataDate: top.text("dataDate"), source: top.text("source"), note: top.text("note"))

        func records(_ kind: RecordKind, _ body: (JSONRecordReader) -> Void) {
            guard let list = root[kind.jsonKey] else { return }
            guard case .array(let items) = list.value else {
                sink.add(
                    Diagnostic(
                        .error, file: file, line: list.line, field: kind.jsonKey,
                        "expected a list [...], found \(list.typeName)", hint: nil
                    )
                    .with(Message("problem.json.expectedList", ["found": .message(list.typeText)])))
                return
            }
            for (i, item) in items.enumerated() {
                let path = "\(kind.jsonKey)[\(i)]"
                guard case .object = item.value else {
                    sink.add(
                        Diagnostic(
                            .error, file: file, line: item.line, field: path,
                            "expected an object {...}, found \(item.typeName)", hint: nil
                        )
                        .with(Message("problem.json.expectedObject", ["found": .message(item.typeText)])))
                    continue
                }
                body(
                    JSONRecordReader(
                        schema: Schemas.schema(for: kind), node: item, file: file, path: path, sink: sink,
                        ignoring: kind == .chain ? ["stages"] : []))
            }
        }

        records(.chain) { r in
            var chain = RecordCoding.chain(r)
            if let stages = r.node["stages"] {
                if case .array(let items) = stages.value {
                    for (si, item) in items.enumerated() {
                        let path = "\(r.path).stages[\(si)]"
                        guard case .object = item.value else {
                            sink.add(
                                Diagnostic(
                                    .error, file: file, line: item.line, field: path,
                                    "expected an object {...}, found \(item.typeName)", hint: nil
                                )
                                .with(Message("problem.json.expectedObject", ["found": .message(item.typeText)])))
                            continue
                        }
                        // `chain` is implied by nesting; accept it silently if it agrees.
                        let sr = JSONRecordReader(schema: Schemas.stage, node: item, file: file, path: path, sink: sink)
                        if let c = sr.text("chain"), c != chain.id {
                            sr.report(
                                Schemas.stage["chain"], "stage sits in chain \"\(chain.id)\" but names chain \"\(c)\"",
                                hint: "remove the chain field or move the stage")
                        }
                        chain.stages.append(RecordCoding.stage(sr))
                    }
                } else {
                    sink.add(
                        Diagnostic(
                            .error, file: file, line: stages.line, field: "\(r.path).stages",
                            "expected a list [...], found \(stages.typeName)", hint: nil
                        )
                        .with(Message("problem.json.expectedList", ["found": .message(stages.typeText)])))
                }
            }
            park.chains.append(chain)
        }
        // Firms and links are gathered aside and assigned once (each change of a park's
        // firms or links drops its cached resolution).
        var firms: [Firm] = []
        records(.firm) { firms.append(RecordCoding.firm($0)) }
        park.firms = firms
        var links = LinkTable()
        records(.link) { links.append(RecordCoding.link($0)) }
        park.links = links
        records(.organization) { park.organizations.append(RecordCoding.organization($0)) }
        records(.pairing) { park.pairings.append(RecordCoding.pairing($0)) }
        records(.need) { park.needs.append(RecordCoding.need($0)) }
        records(.resource) { park.resources.append(RecordCoding.resource($0)) }
        records(.project) { park.projects.append(RecordCoding.project($0)) }
        return (park, root)
    }

    /// Writes a park as pretty-printed JSON, deterministic byte for byte.
    static func encode(_ park: Park) -> [UInt8] {
        var w = JSONRecordWriter(json: JSONWriter())
        w.json.beginObject()
        RecordCoding.encode(park: park, into: &w)

        func list<C: Collection>(_ key: String, _ items: C, _ body: (C.Element, inout JSONRecordWriter) -> Void) {
            w.json.key(key)
            w.json.beginArray()
            for item in items {
                w.json.element()
                w.json.beginObject()
                body(item, &w)
                w.json.endObject()
            }
            w.json.endArray()
        }
        list("chains", park.chains) { chain, w in
            RecordCoding.encode(chain, into: &w)
            w.json.key("stages")
            w.json.beginArray()
            for stage in chain.stages {
                w.json.element()
                w.json.beginObject()
                RecordCoding.encode(stage, chain: nil, into: &w)
                w.json.endObject()
            }
            w.json.endArray()
        }
        list("firms", park.firms) { RecordCoding.encode($0, into: &$1) }
        list("links", park.links) { RecordCoding.encode($0, into: &$1) }
        list("organizations", park.organizations) { RecordCoding.encode($0, into: &$1) }
        list("pairings", park.pairings) { RecordCoding.encode($0, into: &$1) }
        list("needs", park.needs) { RecordCoding.encode($0, into: &$1) }
        // The other two of the three lists, written only when there are any (parks without
        // them stay as they were).
        if !park.resources.isEmpty { list("resources", park.resources) { RecordCoding.encode($0, into: &$1) } }
        if !park.projects.isEmpty { list("projects", park.projects) { RecordCoding.encode($0, into: &$1) } }
        w.json.endObject()
        return w.json.finish()
    }
}
