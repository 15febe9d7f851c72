import Foundation
import Testing

@testable import ChainModel

/// Paths of the test fixtures (copied as a resource folder).
enum Fixture {
    static let root: URL =
        Bundle.module.url(forResource: "Fixtures", withExtension: nil)
        ?? URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent("Fixtures")

    static func path(_ relative: String) -> String {
        root.appendingPathComponent(relative).path
    }

    /// A fresh temporary folder for a test.
    static func temporaryFolder() -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("chainmap-tests-\(UUID().uuidString)")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Loads a park and returns its diagnostics, whether it loaded or not.
func diagnostics(of path: String) -> [Diagnostic] {
    do {
        return try ParkLoader.load(path: path).warnings
    } catch {
        return error.diagnostics
    }
}
