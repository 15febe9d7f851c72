import Foundation

@testable import ChainModel

/// The reference CSV encoding for tests: every record kind through the shared record coding
/// (`RecordCoding` + `CSVRecordWriter` + `CSVWriter`), built in memory. `CSVBundleWriter`
/// streams firms and links through hand-written encoders for speed; tests compare the two.
enum ReferenceCSV {
    /// The files of a CSV bundle, by file name, deterministic byte for byte.
    static func encode(_ park: Park) -> [(name: String, bytes: [UInt8])] {
        func file<T>(_ kind: RecordKind, _ items: [T], _ body: (T, inout CSVRecordWriter) -> Void) -> (String, [UInt8])
        {
            let schema = Schemas.schema(for: kind)
            var csv = CSVWriter()
            csv.row(schema.keys.map(\.name))
            for item in items {
                var w = CSVRecordWriter(schema: schema)
                body(item, &w)
                csv.row(w.cells)
            }
            return (kind.csvFile, csv.output)
        }
        let stages = park.chains.flatMap { c in c.stages.map { (c.id, $0) } }
        var files = [
            file(.park, [park]) { RecordCoding.encode(park: $0, into: &$1) },
            file(.chain, park.chains) { RecordCoding.encode($0, into: &$1) },
            file(.stage, stages) { RecordCoding.encode($0.1, chain: $0.0, into: &$1) },
            file(.firm, park.firms) { RecordCoding.encode($0, into: &$1) },
            file(.link, Array(park.links)) { RecordCoding.encode($0, into: &$1) },
            file(.organization, park.organizations) { RecordCoding.encode($0, into: &$1) },
            file(.pairing, park.pairings) { RecordCoding.encode($0, into: &$1) },
            file(.need, park.needs) { RecordCoding.encode($0, into: &$1) },
        ]
        // The two other lists, only when the park keeps them.
        if !park.resources.isEmpty {
            files.append(file(.resource, park.resources) { RecordCoding.encode($0, into: &$1) })
        }
        if !park.projects.isEmpty { files.append(file(.project, park.projects) { RecordCoding.encode($0, into: &$1) }) }
        return files
    }
}
