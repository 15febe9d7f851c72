import ArgumentParser
import ChainModel

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

    @Option(help: "Report format: table (lines for people) or json.")
    var format: LegacyOutputFormat = .table

    @Flag(help: "Treat warnings as errors.")
    var strict = false

    func validate() throws {
        if format == .csv { throw ValidationError("validate reports as table or json") }
    }

    func run() throws {
        let path = try input.resolvedPath()
        let diagnostics: [Diagnostic]
        var park: Park?
        do {
            let loaded = try ParkLoader.load(path: path)
            diagnostics = loaded.warnings.map(input.shortened)
            park = loaded.park
        } catch {
            diagnostics = error.diagnostics.map(input.shortened)
        }
        let errors = diagnostics.filter { $0.severity == .error }.count
        let warnings = diagnostics.count - errors
        let failed = errors > 0 || (strict && warnings > 0)

        switch format {
        case .json:
            var w = JSONWriter()
            w.beginObject()
            w.key("park"); w.string(input.displayName)
            w.key("valid"); w.bool(!failed)
            w.key("errors"); w.int(errors)
            w.key("warnings"); w.int(warnings)
            if let p = park {
                w.key("firms"); w.int(p.firms.count)
                w.key("links"); w.int(p.links.count)
            }
            w.key("problems")
            w.beginArray()
            for d in diagnostics {
                w.element()
                w.beginObject()
                w.key("severity"); w.string(d.severity.rawValue)
                w.key("file"); w.string(d.file)
                if let line = d.line { w.key("line"); w.int(line) }
                if let field = d.field { w.key("field"); w.string(field) }
                w.key("message"); w.string(d.message)
                if let hint = d.hint { w.key("hint"); w.string(hint) }
                w.endObject()
            }
            w.endArray()
            w.endObject()
            Console.out(bytes: w.finish())
        case .table, .csv:
            for d in diagnostics { Console.err(d.description + "\n") }
            if let p = park, !failed {
                Console.out("\(input.displayName): valid: \(p.firms.count) firms, \(p.links.count) links, \(p.organizations.count) organizations, \(p.pairings.count) pairings, \(p.needs.count) needs; \(warnings) warning\(warnings == 1 ? "" : "s")\n")
            } else {
                Console.err("\(input.displayName): invalid: \(errors) error\(errors == 1 ? "" : "s"), \(warnings) warning\(warnings == 1 ? "" : "s")\n")
            }
        }
        if failed { throw ExitCode.failure }
    }
}
