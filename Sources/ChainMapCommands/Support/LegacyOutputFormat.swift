import ArgumentParser

/// How a command prints data (commands not yet on ``OutputOptions``; to be removed).
enum LegacyOutputFormat: String, ExpressibleByArgument, CaseIterable {
    /// Aligned columns for people (the default).
    case table
    /// JSON for programs.
    case json
    /// CSV for spreadsheets.
    case csv
}
