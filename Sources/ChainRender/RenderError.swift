import ChainModel

/// Errors of map building and rendering. Each case names what went wrong and how to fix it.
public enum RenderError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The Graphviz context could not be created.
    case noContext
    /// The requested layout engine (normally `dot`) is not registered with Graphviz.
    case missingLayoutPlugin(String, available: [String])
    /// The requested output format has no Graphviz device plugin.
    case missingFormatPlugin(String, available: [String])
    /// The DOT text did not parse; `messages` are Graphviz's own.
    case syntax(messages: [String])
    /// Graphviz failed to lay out the graph.
    case layoutFailed(engine: String, messages: [String])
    /// Graphviz failed to render the laid-out graph.
    case renderFailed(format: String, messages: [String])
    /// Graphviz crashed (was killed by `signal`) in the render worker. The caller is unaffected
    /// and the next render starts a new worker.
    case graphvizCrashed(signal: Int32)
    /// The render worker could not be started or stopped answering; `reason` says why.
    case workerFailed(reason: String)
    /// The view has more firms than the full-layout limit and the options say to refuse.
    case tooLarge(firms: Int, limit: Int)
    /// The grid firm map would print below ``MapOptions/minimumPrintSize`` on A3 and the
    /// options say to refuse.
    case tooSmallToPrint(firms: Int, printSize: Double, minimum: Double)
    /// The options name a chain, firm or stage the park does not have.
    case unknownReference(kind: String, id: String)

    public var description: String {
        switch self {
        case .noContext:
            return "could not create a Graphviz context (gvContext returned NULL)"
        case .missingLayoutPlugin(let name, let available):
            return "Graphviz has no '\(name)' layout plugin (available: \(Self.list(available))): "
                + "install libgraphviz-dev (apt-get install libgraphviz-dev) or run `dot -c` to register plugins"
        case .missingFormatPlugin(let name, let available):
            return "Graphviz has no '\(name)' output format (available: \(Self.list(available))): "
                + "install libgraphviz-dev (apt-get install libgraphviz-dev) or run `dot -c` to register plugins"
        case .syntax(let messages):
            return "Graphviz could not parse the DOT text: \(Self.joined(messages))"
        case .layoutFailed(let engine, let messages):
            return "Graphviz '\(engine)' layout failed: \(Self.joined(messages))"
        case .renderFailed(let format, let messages):
            return "Graphviz could not render '\(format)': \(Self.joined(messages))"
        case .graphvizCrashed(let signal):
            return "Graphviz crashed (signal \(signal)\(Self.signalName(signal))) in the render worker; "
                + "the worker was replaced, try a smaller view (--aggregate, --chain, --focus) or report the DOT (--format dot)"
        case .workerFailed(let reason):
            return "the Graphviz render worker failed: \(reason)"
        case .tooLarge(let firms, let limit):
            return "the view has \(firms) firms, above the full-layout limit \(limit); "
                + "use --aggregate stage|chain, --chain <id> or --focus <firm> --radius <k>, or raise --limit"
        case .tooSmallToPrint(let firms, let size, let minimum):
            return "the firm map of \(firms) firms would print at \(DOTText.fixed(size, digits: 1)) pt on A3, "
                + "below \(DOTText.fixed(minimum, digits: 0)) pt; use --aggregate stage|chain, --chain <id> or "
                + "--focus <firm> --radius <k>, or --limit \(firms) to draw every firm anyway"
        case .unknownReference(let kind, let id):
            return "the park has no \(kind) '\(id)'"
        }
    }

    private static func signalName(_ signal: Int32) -> String {
        let names: [Int32: String] = [4: "SIGILL", 6: "SIGABRT", 7: "SIGBUS", 8: "SIGFPE", 9: "SIGKILL", 11: "SIGSEGV"]
        return names[signal].map { ", \($0)" } ?? ""
    }

    private static func list(_ items: [String]) -> String {
        items.isEmpty ? "none" : items.joined(separator: ", ")
    }

    private static func joined(_ messages: [String]) -> String {
        messages.isEmpty ? "no message from Graphviz" : messages.joined(separator: "; ")
    }
}

extension RenderError: ChainMapError {
    /// What went wrong in Graphviz, as one problem without a file.
    public var diagnostics: [Diagnostic] { [Diagnostic(.error, file: "", description)] }
}
