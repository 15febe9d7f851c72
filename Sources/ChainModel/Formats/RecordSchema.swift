import ChainGraph
import Foundation

/// A field of a record kind: its position in the schema and its name (the JSON key and the
/// CSV column header).
struct FieldKey: Sendable, Hashable {
    let index: Int
    let name: String
}

extension FieldKey {
    /// Most bytes of this field's text (``InputLimits``): free text (notes, a need's text,
    /// a source, an outcome) may be long; ids, names, references and list items are labels.
    var byteLimit: Int {
        switch name {
        case "note", "text", "source", "outcome": InputLimits.maxTextBytes
        default: InputLimits.maxLabelBytes
        }
    }
}

extension RecordReader {
    /// Reports `value` when it is longer than `limit` and returns a short prefix in its place
    /// (so later messages that quote it stay short); returns `value` otherwise.
    func capped(_ key: FieldKey, _ value: String, limit: Int) -> String {
        let count = value.utf8.count
        guard count > limit else { return value }
        return tooLong(key, count: count, limit: limit, prefix: String(value.prefix(16)))
    }

    /// Reports a value of `count` bytes as too long; returns `prefix…` to stand for it.
    func tooLong(_ key: FieldKey, count: Int, limit: Int, prefix: String) -> String {
        report(
            key, "is \(count) bytes long; at most \(limit) are allowed",
            hint:
                "ids, names and list items take at most \(InputLimits.maxLabelBytes) bytes, notes \(InputLimits.maxTextBytes); shorten it",
            text: Message("problem.field.tooLong", ["count": .integer(count), "limit": .integer(limit)]),
            hintText: Message(
                "problem.field.tooLong.hint",
                ["label": .integer(InputLimits.maxLabelBytes), "note": .integer(InputLimits.maxTextBytes)]))
        return prefix + "…"
    }
}

/// The kinds of record a park holds.
public enum RecordKind: String, Sendable, CaseIterable {
    case park, chain, stage, firm, link, organization, pairing, need
    /// The departments' resources list (资源清单).
    case resource
    /// The action-project list (项目清单).
    case project

    /// Key of the list in the park JSON file.
    public var jsonKey: String {
        switch self {
        case .park: ""
        case .chain: "chains"
        case .stage: "stages"
        case .firm: "firms"
        case .link: "links"
        case .organization: "organizations"
        case .pairing: "pairings"
        case .need: "needs"
        case .resource: "resources"
        case .project: "projects"
        }
    }

    /// The kinds a writer writes for `park`: every kind, except resources and projects when
    /// the park has none (so parks without the two lists are written as before).
    static func written(for park: Park) -> [RecordKind] {
        allCases.filter { kind in
            switch kind {
            case .resource: !park.resources.isEmpty
            case .project: !park.projects.isEmpty
            default: true
            }
        }
    }

    /// File of the CSV bundle that holds this kind.
    public var csvFile: String {
        switch self {
        case .park: "park.csv"
        default: jsonKey + ".csv"
        }
    }
}

/// The fields of one record kind, in the order they are written (JSON keys, CSV columns).
struct RecordSchema: Sendable {
    let kind: RecordKind
    let keys: [FieldKey]
    /// Fields a record must have.
    let required: Set<String>

    init(_ kind: RecordKind, _ names: [String], required: Set<String>) {
        self.kind = kind
        self.keys = names.enumerated().map { FieldKey(index: $0.offset, name: $0.element) }
        self.required = required
    }

    subscript(_ name: String) -> FieldKey {
        // Schemas are static tables below; every lookup names one of their fields.
        keys.first { $0.name == name } ?? FieldKey(index: -1, name: name)
    }
}

/// The record schemas, in one place (documented field by field in docs/FORMAT.md).
enum Schemas {
    static let park = RecordSchema(
        .park, ["format", "id", "name", "region", "dataDate", "source", "note"], required: ["id", "name"])
    static let chain = RecordSchema(.chain, ["id", "name", "illustrative", "note"], required: ["id", "name"])
    /// `chain` appears only in stages.csv; in JSON stages sit inside their chain.
    static let stage = RecordSchema(
        .stage, ["chain", "id", "name", "tier", "inputs", "required", "note"], required: ["id", "name", "tier"])
    static let firm = RecordSchema(
        .firm,
        [
            "id", "name", "stages", "leads", "products", "capabilities", "output", "employees", "capacity",
            "capacityUnit",
            "zone", "inPark", "partyMembers", "organization", "workCovered", "illustrative", "note",
        ],
        required: ["id", "name"])
    static let link = RecordSchema(
        .link,
        ["id", "supplier", "buyer", "product", "value", "share", "status", "local", "primary", "illustrative", "note"],
        required: ["supplier", "buyer"])
    static let organization = RecordSchema(
        .organization,
        ["id", "name", "kind", "parent", "hostFirm", "members", "chains", "illustrative", "note"],
        required: ["id", "name", "kind"])
    static let pairing = RecordSchema(
        .pairing, ["id", "a", "b", "kind", "since", "outcome", "illustrative", "note"], required: ["a", "b", "kind"])
    static let need = RecordSchema(
        .need,
        [
            "id", "firm", "kind", "tags", "product", "quantity", "text", "status", "responder", "raised", "solved",
            "illustrative", "note",
        ],
        required: ["id", "firm", "kind"])
    static let resource = RecordSchema(
        .resource, ["id", "name", "department", "kind", "tags", "needs", "illustrative", "note"],
        required: ["id", "name"])
    static let project = RecordSchema(
        .project, ["id", "name", "department", "needs", "resources", "status", "illustrative", "note"],
        required: ["id", "name"])

    /// Resolved keys of the two record kinds a large park has millions of (resolving a
    /// name costs a search per cell; these are looked up once).
    enum FirmKey {
        static let id = firm["id"], name = firm["name"], stages = firm["stages"], leads = firm["leads"]
        static let products = firm["products"], capabilities = firm["capabilities"], output = firm["output"]
        static let employees = firm["employees"], capacity = firm["capacity"], capacityUnit = firm["capacityUnit"]
        static let zone = firm["zone"], inPark = firm["inPark"], partyMembers = firm["partyMembers"]
        static let organization = firm["organization"], workCovered = firm["workCovered"]
        static let illustrative = firm["illustrative"], note = firm["note"]
    }

    enum LinkKey {
        static let id = link["id"], supplier = link["supplier"], buyer = link["buyer"], product = link["product"]
        static let value = link["value"], share = link["share"], status = link["status"], local = link["local"]
        static let primary = link["primary"], illustrative = link["illustrative"], note = link["note"]
    }

    static func schema(for kind: RecordKind) -> RecordSchema {
        switch kind {
        case .park: park
        case .chain: chain
        case .stage: stage
        case .firm: firm
        case .link: link
        case .organization: organization
        case .pairing: pairing
        case .need: need
        case .resource: resource
        case .project: project
        }
    }
}

/// Where a record reader sends problems: the file, and the diagnostics collected so far.
final class DiagnosticSink {
    var diagnostics: [Diagnostic] = []
    /// Errors (and, apart, warnings) beyond this count are counted, not stored (a broken
    /// million-row file should not print a million lines). Warnings never push errors out.
    let limit: Int
    /// Dropped errors and dropped warnings, counted apart: dropped warnings never make a
    /// park invalid.
    private(set) var droppedErrors = 0
    private(set) var droppedWarnings = 0
    private var storedErrors = 0
    private var storedWarnings = 0

    init(limit: Int = 1000) {
        self.limit = limit
    }

    var dropped: Int { droppedErrors + droppedWarnings }

    var errorCount: Int { storedErrors + droppedErrors }

    func add(_ d: Diagnostic) {
        switch d.severity {
        case .error:
            if storedErrors >= limit { droppedErrors += 1; return }
            storedErrors += 1
        case .warning:
            if storedWarnings >= limit { droppedWarnings += 1; return }
            storedWarnings += 1
        }
        diagnostics.append(d)
    }

    /// All diagnostics, sorted, with a closing note per severity when some were dropped
    /// (the note about warnings is a warning, so it never fails a valid park).
    func report() -> [Diagnostic] {
        var all = diagnostics.sortedForReport()
        let file = all.first?.file ?? ""
        if droppedErrors > 0 {
            all.append(
                Diagnostic(
                    .error, file: file, "\(droppedErrors) more error\(droppedErrors == 1 ? "" : "s") not shown",
                    hint: "fix the ones above first"
                )
                .with(
                    Message(
                        droppedErrors == 1 ? "problem.moreErrors.one" : "problem.moreErrors",
                        ["count": .integer(droppedErrors)]), hint: "problem.fixAboveFirst"))
        }
        if droppedWarnings > 0 {
            all.append(
                Diagnostic(
                    .warning, file: file, "\(droppedWarnings) more warning\(droppedWarnings == 1 ? "" : "s") not shown",
                    hint: "fix the ones above first"
                )
                .with(
                    Message(
                        droppedWarnings == 1 ? "problem.moreWarnings.one" : "problem.moreWarnings",
                        ["count": .integer(droppedWarnings)]), hint: "problem.fixAboveFirst"))
        }
        return all
    }
}

/// Reads typed fields of one record, from a JSON object or a CSV row, reporting every bad
/// value to the sink with file, line and field. Absent and empty values are `nil`.
protocol RecordReader {
    var schema: RecordSchema { get }
    func text(_ key: FieldKey) -> String?
    func list(_ key: FieldKey) -> [String]
    func double(_ key: FieldKey) -> Double?
    func int(_ key: FieldKey) -> Int?
    func bool(_ key: FieldKey) -> Bool?
    /// Reports a problem with `key`: in English (`message`, `hint`) and as catalog messages
    /// (`text`, `hintText`) for the reader's language.
    func report(_ key: FieldKey, _ message: String, hint: String?, text: Message?, hintText: Message?)
}

extension RecordReader {
    func report(_ key: FieldKey, _ message: String, hint: String?) {
        report(key, message, hint: hint, text: nil, hintText: nil)
    }
}

extension RecordReader {
    func text(_ name: String) -> String? { text(schema[name]) }
    func list(_ name: String) -> [String] { list(schema[name]) }
    func double(_ name: String) -> Double? { double(schema[name]) }
    func int(_ name: String) -> Int? { int(schema[name]) }
    func bool(_ name: String) -> Bool? { bool(schema[name]) }

    /// A required text field; reports it missing and returns "" when absent.
    func requiredText(_ name: String) -> String { requiredText(schema[name]) }

    func requiredText(_ key: FieldKey) -> String {
        if let s = text(key) { return s }
        report(
            key, "missing required field", hint: "every \(schema.kind.rawValue) needs a \(key.name)",
            text: Message("problem.field.missing"),
            hintText: Message(
                "problem.field.missing.hint", ["kind": .text(schema.kind.rawValue), "field": .text(key.name)]))
        return ""
    }

    /// An enumerated field; unknown values are reported with the allowed list.
    func enumeration<E: RawRepresentable & CaseIterable>(_ name: String, default value: E? = nil) -> E?
    where E.RawValue == String {
        enumeration(schema[name], default: value)
    }

    func enumeration<E: RawRepresentable & CaseIterable>(_ key: FieldKey, default value: E? = nil) -> E?
    where E.RawValue == String {
        guard let raw = text(key) else {
            if value == nil, schema.required.contains(key.name) {
                report(
                    key, "missing required field",
                    hint: "one of: " + E.allCases.map(\.rawValue).joined(separator: ", "),
                    text: Message("problem.field.missing"),
                    hintText: Message(
                        "problem.field.oneOf", ["values": .list(E.allCases.map { .text($0.rawValue) }, limit: 20)]))
            }
            return value
        }
        if let e = E(rawValue: raw) { return e }
        // Be forgiving with case and underscores, strict with everything else.
        let folded = raw.lowercased().replacingOccurrences(of: "_", with: "-")
        if let e = E(rawValue: folded) { return e }
        report(
            key, "unknown value \"\(raw)\"", hint: "use one of: " + E.allCases.map(\.rawValue).joined(separator: ", "),
            text: Message("problem.field.unknownValue", ["value": .text(raw)]),
            hintText: Message(
                "problem.field.useOneOf", ["values": .list(E.allCases.map { .text($0.rawValue) }, limit: 20)]))
        return value
    }
}

/// Writes typed fields of one record, to a JSON object or a CSV row. Values equal to the
/// default are left out of JSON (and written empty in CSV, except booleans, which CSV always
/// spells out).
protocol RecordWriter {
    mutating func text(_ name: String, _ value: String?)
    mutating func list(_ name: String, _ value: [String])
    mutating func double(_ name: String, _ value: Double?)
    mutating func int(_ name: String, _ value: Int?)
    mutating func bool(_ name: String, _ value: Bool, default: Bool)
    mutating func optionalBool(_ name: String, _ value: Bool?)
}
