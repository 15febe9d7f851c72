import CGraphviz
import CGraphvizWorker
import Synchronization

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Renders DOT text to SVG, PNG or PDF through libgvc, in a render worker process.
///
/// The calling process only reads Graphviz's plugin lists. Layout and rendering run in a render
/// worker (the C target `CGraphvizWorker`): a child process started with `posix_spawn` of this
/// process's own executable, which a C constructor turns into a render loop before `main` runs,
/// so no process with live threads ever forks. It serves renders one at a time over a socket.
/// All renderers share one process-wide lock and one worker: the renderer is `Sendable` and may
/// be called from any thread, but renders run one at a time.
///
/// Why a worker: Graphviz 2.42/2.43's `dot` leaks with clusters, about 43 KiB per render of an
/// 11-firm map with 9 clusters and 1.4 MiB per render of the 206-firm Beilun map, even with
/// `gvFreeLayout` and `agclose`. The leaked virtual nodes and edges are unlinked and lost inside
/// `dot_layout` (`lib/dotgen/rank.c` `cleanup1`, `lib/dotgen/cluster.c` `remove_rankleaders`
/// and `map_path`), so no caller can free them. The parent's memory stays flat; the worker is
/// replaced once its resident memory has grown by ``WorkerPolicy/memoryBudget`` (or after
/// ``WorkerPolicy/maxRenders`` renders), which bounds it. A Graphviz crash ends the worker, not
/// the caller: it becomes ``RenderError/graphvizCrashed(signal:)`` and the next render starts a
/// new worker. Cost: a new worker is an exec of this executable plus Graphviz's context and
/// fonts (tens of milliseconds); a render pays a socket round trip (microseconds).
///
/// Known limits: the worker itself still leaks until it is replaced, so its memory is bounded
/// by the budget plus one render's peak, not flat. A render has no time limit (a huge layout
/// blocks the lock until Graphviz finishes). Needs `posix_spawn` and the running executable's
/// path (`/proc/self/exe` on Linux, `_NSGetExecutablePath` on macOS), and an executable that
/// links ChainRender at start-up (not one that loads it with `dlopen`).
///
/// Parsing uses a sequential ID discipline (see `chainmap_memread` in `CGraphvizWorker`) so
/// the same DOT gives the same picture on every render, and flushes libcgraph's lexer so text
/// after the first graph never leaks into the next render.
///
/// ```swift
/// let svg = try GraphvizRenderer.shared.render(dot: "digraph { a -> b }", format: .svg)
/// ```
public final class GraphvizRenderer: Sendable {
    /// The process-wide renderer.
    public static let shared = GraphvizRenderer()

    /// When the render worker is replaced by a fresh one.
    public struct WorkerPolicy: Sendable, Equatable {
        /// Bytes the worker's resident memory may grow above its size after its first render.
        public var memoryBudget: Int
        /// Renders one worker serves at most.
        public var maxRenders: Int

        /// Creates a policy.
        public init(memoryBudget: Int, maxRenders: Int) {
            self.memoryBudget = memoryBudget
            self.maxRenders = maxRenders
        }

        /// 64 MiB of growth or 10,000 renders, whichever comes first.
        public static let standard = WorkerPolicy(memoryBudget: 64 << 20, maxRenders: 10_000)
    }

    /// When this renderer replaces the shared worker (checked after each of its renders).
    public let workerPolicy: WorkerPolicy

    /// Creates a renderer. All renderers share one context, one worker and one lock.
    public init(workerPolicy: WorkerPolicy = .standard) {
        self.workerPolicy = workerPolicy
    }

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
    ///   and ``RenderError/renderFailed(format:messages:)`` with Graphviz's messages,
    ///   ``RenderError/graphvizCrashed(signal:)`` when Graphviz crashed in the worker and
    ///   ``RenderError/workerFailed(reason:)`` when no worker could be started or reached.
    /// - Complexity: dominated by the layout (`dot` is superlinear; see ``MapOptions/fullLayoutLimit``).
    public func render(dot: String, format: RenderFormat, layout: String = "dot") throws(RenderError) -> [UInt8] {
        if format == .dot { return Array(dot.utf8) }
        let policy = workerPolicy
        return try graphvizSession.withLock { (slot: inout GraphvizSession?) throws(RenderError) -> [UInt8] in
            var session = try GraphvizSession.open(&slot)
            defer { slot = session }
            guard session.plugins.layouts.contains(layout) else {
                throw .missingLayoutPlugin(layout, available: session.plugins.layouts)
            }
            guard session.plugins.formats.contains(format.rawValue) else {
                throw .missingFormatPlugin(format.rawValue, available: session.plugins.formats)
            }
            return try session.render(dot: dot, format: format.rawValue, layout: layout, policy: policy)
        }
    }

    /// The process id of the current render worker, or nil when none runs (tests).
    func workerProcessID() -> Int32? {
        graphvizSession.withLock { $0?.worker?.pid }
    }

    /// Ends the render worker, if any; the next render starts a new one.
    ///
    /// A process does not need to call this: a worker exits by itself when its parent closes
    /// the socket or exits.
    ///
    /// - Complexity: O(1) (waits for the worker to exit).
    public func stopWorker() {
        graphvizSession.withLock { slot in
            guard var session = slot else { return }
            session.stopWorker(kill: false)
            slot = session
        }
    }
}

/// The process-wide Graphviz context and render worker, created on first use.
private let graphvizSession = Mutex<GraphvizSession?>(nil)

/// A render worker process (see `chainmap_worker_start` in `CGraphvizWorker`).
private struct RenderWorker {
    let pid: pid_t
    let socket: Int32
    var renders = 0
    /// Resident bytes after the first render, -1 when unknown.
    var baseline: Int64 = -1
    var resident: Int64 = -1
}

private struct GraphvizSession {
    let gvc: OpaquePointer
    let plugins: GraphvizRenderer.Plugins
    var worker: RenderWorker?

    /// Returns the open session, creating the context and reading the plugin lists on first
    /// use. The worker has a context of its own; this one never lays out anything.
    static func open(_ session: inout GraphvizSession?) throws(RenderError) -> GraphvizSession {
        if let session { return session }
        guard let gvc = gvContext() else { throw .noContext }
        let plugins = GraphvizRenderer.Plugins(
            layouts: pluginList(gvc, "layout"),
            formats: pluginList(gvc, "device"),
            textLayouts: pluginList(gvc, "textlayout")
        )
        let opened = GraphvizSession(gvc: gvc, plugins: plugins, worker: nil)
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

    /// Renders in the worker, starting one when none runs and replacing it when the policy says.
    mutating func render(
        dot: String, format: String, layout: String, policy: GraphvizRenderer.WorkerPolicy
    ) throws(RenderError) -> [UInt8] {
        var worker = try runningWorker()
        var reply = chainmap_reply()
        let failure = dot.withCString { text in
            chainmap_worker_render(worker.socket, text, strlen(text), layout, format, &reply)
        }
        guard failure == 0 else {
            let status = chainmap_worker_stop(worker.socket, worker.pid, 1)
            self.worker = nil
            if chainmap_status_signaled(status) != 0 {
                throw .graphvizCrashed(signal: chainmap_status_signal(status))
            }
            throw .workerFailed(reason: Self.describe(failure: failure, status: status))
        }
        defer {
            free(reply.messages)
            free(reply.data)
        }
        worker.renders += 1
        worker.resident = reply.header.resident_bytes
        if worker.baseline < 0 { worker.baseline = worker.resident }
        self.worker = worker
        if worker.renders >= policy.maxRenders
            || (worker.baseline >= 0 && worker.resident - worker.baseline > Int64(policy.memoryBudget))
        {
            stopWorker(kill: false)
        }
        let messages = Self.lines(reply.messages)
        switch reply.header.status {
        case 0:
            let count = Int(reply.header.data_length)
            guard let data = reply.data else { return [] }
            return data.withMemoryRebound(to: UInt8.self, capacity: count) {
                Array(UnsafeBufferPointer(start: $0, count: count))
            }
        case 1: throw .syntax(messages: messages)
        case 2: throw .layoutFailed(engine: layout, messages: messages)
        case 3: throw .renderFailed(format: format, messages: messages)
        default: throw .workerFailed(reason: "the worker rejected the request (status \(reply.header.status))")
        }
    }

    /// Ends the worker; `kill` for one in an unknown state.
    mutating func stopWorker(kill: Bool) {
        guard let worker else { return }
        _ = chainmap_worker_stop(worker.socket, worker.pid, kill ? 1 : 0)
        self.worker = nil
    }

    private mutating func runningWorker() throws(RenderError) -> RenderWorker {
        if let worker { return worker }
        var socket: Int32 = -1
        var pid: pid_t = 0
        let failure = chainmap_worker_start(&socket, &pid)
        guard failure == 0 else {
            throw .workerFailed(reason: "could not start a render worker: \(String(cString: strerror(failure)))")
        }
        let started = RenderWorker(pid: pid, socket: socket)
        worker = started
        return started
    }

    private static func describe(failure: Int32, status: Int32) -> String {
        var reason = "the render worker stopped answering (\(String(cString: strerror(failure))))"
        if chainmap_status_exited(status) != 0 {
            reason += "; it exited with code \(chainmap_status_code(status))"
        }
        return reason
    }

    /// Graphviz's messages, one per line, trimmed (they arrive in pieces: "Error", ": ", "text\n").
    /// `text` is a NUL-terminated C string owned by the caller (read up to its NUL, not kept).
    private static func lines(_ text: UnsafeMutablePointer<CChar>?) -> [String] {
        guard let text else { return [] }
        return String(cString: text).split(whereSeparator: \.isNewline)
            .map { line in String(line.drop(while: { $0 == " " }).reversed().drop(while: { $0 == " " }).reversed()) }
            .filter { !$0.isEmpty }
    }
}
