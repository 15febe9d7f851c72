import CLibFuzzer

#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What libFuzzer calls for each input: `data[0..<size]`; return 0 (nonzero is reserved).
public typealias FuzzCallback = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

/// Runs libFuzzer over `callback` with the process's arguments (corpus folders and `-flags`,
/// see `-help=1`). Called from each target's `<Target>_main`.
public func runFuzzer(
    argc: Int32, argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>, _ callback: FuzzCallback
) -> Int32 {
    var argc = argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
    return LLVMFuzzerRunDriver(&argc, &argv, callback)
}

/// The input as an array (an empty one when libFuzzer passes no bytes).
public func inputBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}

/// Chunking thresholds a target picks from with one control byte: tiny ones cut even a
/// 20-byte input into several chunks, `Int.max` is the sequential path.
public let chunkThresholds = [1, 2, 7, 32, 200, Int.max]

/// Stops the process so that libFuzzer records the input as a crash: used when two code paths
/// that must agree (sequential and chunked parsing) do not.
public func mismatch(_ what: String, _ a: Any, _ b: Any) -> Never {
    fatalError("\(what) differ:\n--- sequential\n\(a)\n--- chunked\n\(b)")
}

/// Whether the environment variable `name` is set (to anything).
public func environmentFlag(_ name: String) -> Bool {
    getenv(name) != nil
}
