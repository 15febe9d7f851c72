import ArgumentParser

/// How a command prints data.
enum OutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned columns for people (the default).
    case table
    /// JSON for programs.
    case json
    /// CSV for spreadsheets.
    case csv
}
