import CGraphviz
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders DOT text to SVG, PNG or PDF in-process through libgvc.
///
/// One long-lived Graphviz context serves the whole process. libgvc is not thread-safe, so
/// every Graphviz call runs inside one process-wide lock: the renderer is `Sendable` and may be
/// called from any thread, but renders run one at a time. Every graph and layout is freed,
/// also when parsing, layout or rendering fails.
///
/// Parsing uses a sequential ID discipline (see `chainmap_memread` in the CGraphviz shim) so
/// the same DOT gives the same picture on every render, and flushes libcgraph's lexer so text
/// after the first graph never leaks into the next render.
///
/// Known limit (Graphviz 2.42/2.43 bug, not ours): `dot` leaks the virtual nodes it makes for
/// clusters, about 43 KiB per render of an 11-firm map with 9 clusters (2.6 KiB without
/// clusters), even with `gvFreeLayout` and `agclose`. A long-running server should render in
/// a worker process it recycles; a CLI run does not notice.
///
/// ```swift
/// let svg = try GraphvizRenderer.shared.render(dot: "digraph { a -> b }", format: .svg)
/// ```
public final class GraphvizRenderer: Sendable {
    /// The process-wide renderer.
    public static let shared = GraphvizRenderer()

    /// Creates a renderer. All renderers share one context and one lock.
    public init() {}

    /// The plugins Graphviz reports, read once at start-up.
    public struct Plugins: Sendable, Equatable {
        /// Layout engines, e.g. `dot`, `neato`.
        public var layouts: [String]
        /// Output devices (formats), e.g. `svg`, `png`, `pdf`.
        public var formats: [String]
        /// Text layout plugins; empty means label sizes are estimated without fonts (pango missing).
        public var textLayouts: [String]
    }

    /// The registered plugins; throws when the context cannot be created or has no `dot` layout.
    ///
    /// - Complexity: O(1) after the first call.
    public func plugins() throws(RenderError) -> Plugins {
        try graphvizSession.withLock { (session: inout GraphvizSession?) throws(RenderError) -> Plugins in
            try GraphvizSession.open(&session).plugins
        }
    }

    /// Lays out `dot` with `layout` and renders it as `format`; `.dot` returns the text as UTF-8.
    ///
    /// - Throws: ``RenderError/missingLayoutPlugin(_:available:)`` or
    ///   ``RenderError/missingFormatPlugin(_:available:)`` when Graphviz lacks the plugin,
    ///   ``RenderError/syntax(messages:)`` for bad DOT, ``RenderError/layoutFailed(engine:messages:)``
    ///   and ``RenderError/renderFailed(format:messages:)`` with Graphviz's messages.
    /// - Complexity: dominated by the layout (`dot` is superlinear; see ``MapOptions/fullLayoutLimit``).
    public func render(dot: String, format: RenderFormat, layout: String = "dot") throws(RenderError) -> [UInt8] {
        if format == .dot { return Array(dot.utf8) }
        return try graphvizSession.withLock { (session: inout GraphvizSession?) throws(RenderError) -> [UInt8] in
            let open = try GraphvizSession.open(&session)
            guard open.plugins.layouts.contains(layout) else {
                throw .missingLayoutPlugin(layout, available: open.plugins.layouts)
            }
            guard open.plugins.formats.contains(format.rawValue) else {
                throw .missingFormatPlugin(format.rawValue, available: open.plugins.formats)
            }
            return try open.render(dot: dot, format: format.rawValue, layout: layout)
        }
    }
}

/// Messages Graphviz reported through the error callback since the last reset. Only written
/// while `graphvizSession` is held.
private let graphvizMessages = Mutex<String>("")

/// The process-wide Graphviz context, created on first use.
private let graphvizSession = Mutex<GraphvizSession?>(nil)

/// Receives Graphviz's error and warning text (it arrives in pieces: "Error", ": ", "text\n").
private let graphvizErrorSink: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = { text in
    guard let text else { return 0 }
    let piece = String(cString: text)
    graphvizMessages.withLock { $0 += piece }
    return 0
}

private struct GraphvizSession {
    let gvc: OpaquePointer
    let plugins: GraphvizRenderer.Plugins

    /// Returns the open session, creating the context and reading the plugin lists on first use.
    static func open(_ session: inout GraphvizSession?) throws(RenderError) -> GraphvizSession {
        if let session { return session }
        guard let gvc = gvContext() else { throw .noContext }
        _ = agseterr(AGWARN)
        _ = agseterrf(graphvizErrorSink)
        let plugins = GraphvizRenderer.Plugins(
            layouts: pluginList(gvc, "layout"),
            formats: pluginList(gvc, "device"),
            textLayouts: pluginList(gvc, "textlayout")
        )
        let opened = GraphvizSession(gvc: gvc, plugins: plugins)
        session = opened
        guard plugins.layouts.contains("dot") else {
            throw .missingLayoutPlugin("dot", available: plugins.layouts)
        }
        return opened
    }

    private static func pluginList(_ gvc: OpaquePointer, _ kind: String) -> [String] {
        var count: Int32 = 0
        guard let list = gvPluginList(gvc, kind, &count, nil) else { return [] }
        var names: [String] = []
        names.reserveCapacity(Int(count))
        for i in 0..<Int(max(count, 0)) {
            if let item = list[i] {
                names.append(String(cString: item))
                free(item)
            }
        }
        free(list)
        return names.sorted()
    }

    func render(dot: String, format: String, layout: String) throws(RenderError) -> [UInt8] {
        resetMessages()
        // agmemread leaves what follows the first graph in the lexer buffer and the next parse
        // reads it first; flush it, and reset the line counter that otherwise runs on.
        aglexbad()
        agreadline(1)
        guard let graph = chainmap_memread(dot) else {
            throw .syntax(messages: takeMessages())
        }
        defer { agclose(graph) }
        guard gvLayout(gvc, graph, layout) == 0 else {
            _ = gvFreeLayout(gvc, graph)
            throw .layoutFailed(engine: layout, messages: takeMessages())
        }
        defer { _ = gvFreeLayout(gvc, graph) }
        var data: UnsafeMutablePointer<CChar>? = nil
        var length: UInt32 = 0
        guard gvRenderData(gvc, graph, format, &data, &length) == 0, let data else {
            if let data { gvFreeRenderData(data) }
            throw .renderFailed(format: format, messages: takeMessages())
        }
        defer { gvFreeRenderData(data) }
        let bytes = data.withMemoryRebound(to: UInt8.self, capacity: Int(length)) {
            Array(UnsafeBufferPointer(start: $0, count: Int(length)))
        }
        resetMessages()
        return bytes
    }

    private func resetMessages() {
        _ = agreseterrors()
        graphvizMessages.withLock { $0 = "" }
    }

    private func takeMessages() -> [String] {
        let text = graphvizMessages.withLock { text -> String in
            defer { text = "" }
            return text
        }
        return text.split(whereSeparator: \.isNewline)
            .map { line in String(line.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed()) }
            .filter { !$0.isEmpty }
    }
}
