import ArgumentParser
import ChainModel
import ChainOutput

/// `chainmap validate PARK`: checks a park file or CSV bundle and reports every problem.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check a park's data and report every problem with file, line and field.",
        discussion: """
            Errors (duplicate ids, unknown references, bad numbers, missing columns, a stage
            template with a cycle…) make the command exit with status 1; warnings (firms without
            links, unknown columns…) do not, unless --strict is given. All problems are listed,
            not only the first. Problems go to standard error; the verdict to standard output.

            Examples:
              chainmap validate samples/yihuang-plastics.json
              chainmap validate my-park/                  # a folder of CSV files
              chainmap validate my-park/ --format json    # a report for programs
            """)

    @OptionGroup var input: ParkOptions

    @OptionGroup var output: OutputOptions

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func run() throws {
        let report = ValidationReport(path: try input.resolvedPath(), name: input.displayName, strict: strict, relabel: input.shortened)
        if output.format == .table {
            // The compiler form on standard error, so editors jump to each place; the verdict
            // on standard output when the park is valid.
            let diagnostics = DiagnosticRenderer(output.catalog)
            for d in report.problems { Console.err(diagnostics.render(d) + "\n") }
            let verdict = output.catalog.render(report.verdict) + "\n"
            if report.valid { Console.out(verdict) } else { Console.err(verdict) }
        } else {
            try output.emit(report)
        }
        if !report.valid { throw ExitCode.failure }
    }
}
