import Foundation

/// The bundled samples' files in the repository (`samples/`, found from this file's path);
/// `Samples.load` gives the copies built into the program.
enum SampleFiles {
    /// The repository's `samples` folder.
    static let folder: String = {
        var parts = #filePath.split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)
        return (parts + ["samples"]).joined(separator: "/")
    }()

    /// The path of sample `name` (`beilun-nev` → `…/samples/beilun-nev.json`).
    static func path(_ name: String) -> String { folder + "/" + name + ".json" }
}
