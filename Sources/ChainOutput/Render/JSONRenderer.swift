import ChainModel
import Foundation

/// Writes a report value as JSON for programs: its own structure and stable member names
/// (sorted, so the bytes do not depend on hashing), each `Message` with its id, arguments
/// and the sentence rendered in the catalog's language.
public struct JSONRenderer: Sendable {
    public let catalog: Catalog

    public init(_ catalog: Catalog) { self.catalog = catalog }

    /// The report as UTF-8 JSON with a final newline.
    ///
    /// - Throws: ``OutputError/notRepresentable(_:)`` when the report holds a value JSON
    ///   cannot carry (a non-finite number).
    public func render(_ report: some Encodable) throws(OutputError) -> [UInt8] {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.userInfo[.messageRenderer] = catalog.messageRenderer
        do {
            var bytes = [UInt8](try encoder.encode(report))
            bytes.append(0x0A)
            return bytes
        } catch {
            throw .notRepresentable(String(describing: error))
        }
    }
}
