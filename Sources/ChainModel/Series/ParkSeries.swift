import ChainGraph
import Foundation

/// A series of dated snapshots of one park: a folder holding the park in any of its formats
/// (`.json`, `.xlsx`, `.chainpark` files and CSV bundle folders, mixed), or a list of parks,
/// ordered by their ``Park/dataDate`` (read as a ``SnapshotDate``).
///
/// Every snapshot must carry a date, no two the same, and all must be the same park (the same
/// `id`); otherwise loading fails with every problem named (``ParkLoadError``).
///
/// ```swift
/// let rows = try ParkSeries.map(ParkSeries.members(of: "series/")) { park in park.firms.count }
/// for item in rows { print(item.date, item.value) }
/// ```
public enum ParkSeries {
    /// One snapshot's result: where it came from, its date and what `map` computed from it.
    public struct Item<Value: Sendable>: Sendable {
        public var source: ParkSource
        /// The name shown for the snapshot: its path, or `samples/NAME.json`.
        public var name: String
        public var date: SnapshotDate
        public var value: Value
    }

    /// Name of the generator's change log inside a series folder; not a snapshot.
    public static let changeLogName = "changes.json"

    /// The snapshots in `folder`, in name order: `.json` files (except the change log and
    /// `*.planted-gaps.json`), `.xlsx` workbooks, `.chainpark` snapshots and folders holding a
    /// `park.csv`. Hidden files and anything else are skipped.
    ///
    /// - Throws: ``ParkLoadError`` when the folder cannot be read or holds no snapshot.
    /// - Complexity: O(entries of the folder).
    public static func members(of folder: String) throws(ParkLoadError) -> [ParkSource] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
        } catch {
            throw ParkLoadError([
                Diagnostic(.error, file: folder, "cannot list the folder", hint: "check the path and its permissions")
                    .with(Message("problem.series.unreadable"), hint: Message("problem.series.unreadable.hint"))
            ])
        }
        var found: [ParkSource] = []
        for name in names where !name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            let lower = name.lowercased()
            switch InputFile.kind(path) {
            case .success(.folder):
                if InputFile.exists((path as NSString).appendingPathComponent("park.csv")) { found.append(.file(path)) }
            case .success(.regular):
                if lower == changeLogName || lower.hasSuffix(".planted-gaps.json") { continue }
                if lower.hasSuffix(".json") || lower.hasSuffix(".xlsx") || lower.hasSuffix(".chainpark") {
                    found.append(.file(path))
                }
            default: continue
            }
        }
        if found.isEmpty {
            throw ParkLoadError([
                Diagnostic(
                    .error, file: folder, "holds no park snapshot",
                    hint: "put .json, .xlsx or .chainpark files or CSV bundle folders of one park in it"
                )
                .with(Message("problem.series.empty"), hint: Message("problem.series.empty.hint"))
            ])
        }
        return found
    }

    /// The sources a command line names: one folder that is not a CSV bundle stands for its
    /// members; anything else is a list of parks (files, CSV folders or sample names).
    ///
    /// - Throws: ``ParkLoadError`` when a series folder cannot be listed or is empty.
    public static func sources(arguments: [String]) throws(ParkLoadError) -> [ParkSource] {
        if arguments.count == 1, case .success(.folder) = InputFile.kind(arguments[0]),
            !InputFile.exists((arguments[0] as NSString).appendingPathComponent("park.csv"))
        {
            return try members(of: arguments[0])
        }
        return arguments.map { ParkSource(argument: $0) }
    }

    /// Loads each snapshot, hands its park to `body` and keeps only the result, so at most one
    /// park per core is in memory at a time; returns the results ordered by date.
    ///
    /// - Throws: ``ParkLoadError`` (a ``ChainMapError``) with every problem of every snapshot: load errors, a
    ///   missing or unreadable date, two snapshots with the same date, snapshots of
    ///   different parks. Nothing is returned when there is any.
    /// - Complexity: the loads plus the calls of `body`, plus O(n log n) for n snapshots.
    public static func map<Value: Sendable>(
        _ sources: [ParkSource], _ body: @Sendable (Park) -> Value
    ) throws(ParkLoadError) -> [Item<Value>] {
        try collect(sources, expecting: nil, body)
    }

    /// ``map(_:_:)`` for a series that ends with `park` (named `name`), the park a report is
    /// about: every member must be that park (the same `id`; another park is named in the
    /// error), `park` needs a data date and no member may be newer than it. A member with the
    /// park's date is the park itself (`parkIsLast`, it is the last item); otherwise the park
    /// is one snapshot newer than the series and the caller appends it.
    ///
    /// - Throws: ``ParkLoadError`` with every problem: those of ``map(_:_:)``, a member of
    ///   another park, `park` without a readable date, members newer than `park`.
    /// - Complexity: that of ``map(_:_:)``.
    public static func map<Value: Sendable>(
        _ sources: [ParkSource], newest park: Park, name: String, _ body: @Sendable (Park) -> Value
    ) throws(ParkLoadError) -> (items: [Item<Value>], parkIsLast: Bool) {
        guard let text = park.dataDate, let date = SnapshotDate(text) else {
            throw ParkLoadError([dateProblem(name, park.dataDate)])
        }
        let items = try collect(sources, expecting: (park.id, name), body)
        let newer = items.filter { $0.date > date }
        if !newer.isEmpty {
            throw ParkLoadError(
                newer.map { item in
                    Diagnostic(
                        .error, file: item.name, field: "dataDate",
                        "is newer (\(item.date)) than \(name) (\(date)), the park of the report",
                        hint:
                            "the report's park must be the newest snapshot of the series: name the newest one, or leave the newer snapshots out"
                    )
                    .with(
                        Message(
                            "problem.series.newer",
                            [
                                "date": .text(item.date.description), "park": .text(name),
                                "parkDate": .text(date.description),
                            ]),
                        hint: Message("problem.series.newer.hint"))
                })
        }
        return (items, items.last?.date == date)
    }

    private static func collect<Value: Sendable>(
        _ sources: [ParkSource], expecting: (id: String, name: String)?, _ body: @Sendable (Park) -> Value
    ) throws(ParkLoadError) -> [Item<Value>] {
        // Each snapshot on its own: loaded, checked for a date, handed to `body`, dropped. The
        // snapshots are spread over the cores (one park per core in memory at a time); the
        // results are put back in source order, so what follows does not depend on timing.
        let outcomes = Parallel.mapChunks(count: sources.count, minimumCount: 2) { range in
            range.map { k -> SeriesOutcome<Value> in
                let source = sources[k]
                let name = source.path ?? "samples/\(source.sampleName ?? "")"
                let park: Park
                do throws(ParkLoadError) {
                    park = try source.load().park
                } catch {
                    return .problems(error.diagnostics)
                }
                guard let text = park.dataDate, let date = SnapshotDate(text) else {
                    return .problems([dateProblem(name, park.dataDate)])
                }
                return .item(Item(source: source, name: name, date: date, value: body(park)), id: park.id)
            }
        }.flatMap(\.result)
        var problems: [Diagnostic] = []
        var items: [Item<Value>] = []
        var firstId: (id: String, name: String)? = expecting
        for outcome in outcomes {
            switch outcome {
            case .problems(let p): problems += p
            case .item(let item, let id):
                if let first = firstId, first.id != id {
                    problems.append(otherParkProblem(item.name, id, first.name, first.id))
                    continue
                }
                if firstId == nil { firstId = (id, item.name) }
                items.append(item)
            }
        }
        items.sort { $0.date < $1.date }
        for i in items.indices.dropFirst() where items[i].date == items[i - 1].date {
            problems.append(sameDateProblem(items[i].name, items[i - 1].name, items[i].date))
        }
        if !problems.isEmpty { throw ParkLoadError(problems) }
        return items
    }

    /// Checks that two parks can be compared as OLD and NEW snapshots: both dated (a readable
    /// `dataDate`), the dates different, the park ids the same. Returns the two dates.
    ///
    /// - Throws: ``ParkLoadError`` naming each park without a date, or both when they share
    ///   one.
    public static func checkPair(old: Park, oldName: String, new: Park, newName: String) throws(ParkLoadError) -> (
        SnapshotDate, SnapshotDate
    ) {
        let a = old.dataDate.flatMap(SnapshotDate.init), b = new.dataDate.flatMap(SnapshotDate.init)
        var problems: [Diagnostic] = []
        if a == nil { problems.append(dateProblem(oldName, old.dataDate)) }
        if b == nil { problems.append(dateProblem(newName, new.dataDate)) }
        guard let a, let b else { throw ParkLoadError(problems) }
        if a == b { throw ParkLoadError([sameDateProblem(newName, oldName, b)]) }
        if old.id != new.id { throw ParkLoadError([otherParkProblem(newName, new.id, oldName, old.id)]) }
        return (a, b)
    }

    static func dateProblem(_ name: String, _ text: String?) -> Diagnostic {
        if let text {
            return Diagnostic(
                .error, file: name, field: "dataDate", "the data date '\(text)' is not a date",
                hint: "write it as YYYY, YYYY-MM or YYYY-MM-DD"
            )
            .with(Message("problem.series.badDate", ["date": .text(text)]), hint: Message("problem.series.date.hint"))
        }
        return Diagnostic(
            .error, file: name, field: "dataDate", "the park has no data date, so it has no place in a series",
            hint: "write it as YYYY, YYYY-MM or YYYY-MM-DD"
        )
        .with(Message("problem.series.noDate"), hint: Message("problem.series.date.hint"))
    }

    static func otherParkProblem(_ name: String, _ id: String, _ other: String, _ otherId: String) -> Diagnostic {
        Diagnostic(
            .error, file: name, field: "id", "is park '\(id)', but \(other) is park '\(otherId)'",
            hint: "a series holds snapshots of one park"
        )
        .with(
            Message("problem.series.otherPark", ["id": .text(id), "other": .text(other), "otherId": .text(otherId)]),
            hint: Message("problem.series.otherPark.hint"))
    }

    static func sameDateProblem(_ name: String, _ other: String, _ date: SnapshotDate) -> Diagnostic {
        Diagnostic(
            .error, file: name, field: "dataDate", "has the same data date (\(date)) as \(other)",
            hint: "each snapshot of a series needs its own date; remove one or correct its dataDate"
        )
        .with(
            Message("problem.series.sameDate", ["date": .text(date.description), "other": .text(other)]),
            hint: Message("problem.series.sameDate.hint"))
    }
}

extension ParkSource {
    /// The sample's name, for a sample source.
    public var sampleName: String? {
        if case .sample(let n) = self { n } else { nil }
    }
}

/// What loading one snapshot of a series gave: its result and park id, or its problems.
private enum SeriesOutcome<Value: Sendable>: Sendable {
    case item(ParkSeries.Item<Value>, id: String)
    case problems([Diagnostic])
}
