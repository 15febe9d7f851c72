import Foundation

#if canImport(Glibc)
import Glibc
#endif

/// A byte buffer for writing CSV fast: rows go into a fixed buffer that is flushed to a file
/// descriptor (or collected in memory) in chunks. Writes the same bytes as ``CSVWriter``:
/// RFC 4180 quoting, CRLF, and the caller writes the byte-order mark.
///
/// - Complexity: O(bytes written); memory O(chunk size) when writing to a file.
///
/// In bounds: every write of k bytes at `count` follows `reserve(k)` (k <= 21, or a raw field
/// no longer than the capacity), which flushes first when `count + k` would pass the capacity.
/// The buffer is an `UnsafeMutableBufferPointer`, whose subscript checks each index in debug
/// builds and compiles to the same unchecked store as a raw pointer in release.
final class CSVByteSink {
    private let capacity: Int
    private let buffer: UnsafeMutableBufferPointer<UInt8>
    private var count = 0
    private let fd: Int32
    /// Bytes collected when writing to memory (`fd` < 0).
    private(set) var collected: [UInt8] = []
    /// First write error (errno), if any.
    private(set) var failure: Int32 = 0
    /// Rows end with CRLF (Excel, the CSV bundle) or, when false, LF (the Spark export).
    var crlf = true

    /// Writes to `fd`, or to memory when `fd` is -1.
    init(fd: Int32, capacity: Int = 1 << 22) {
        self.fd = fd
        self.capacity = capacity
        assert(capacity >= 32, "CSVByteSink: the capacity must hold the longest reserved write")
        self.buffer = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: capacity)
    }

    deinit { buffer.deallocate() }

    func flush() {
        guard count > 0 else { return }
        if fd < 0 {
            collected.append(contentsOf: UnsafeBufferPointer(rebasing: buffer[0..<count]))
        } else if failure == 0 {
            var done = 0
            while done < count {
                let r = Glibc.write(fd, buffer.baseAddress! + done, count - done)
                if r < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                done += r
            }
        }
        count = 0
    }

    @inline(__always)
    private func reserve(_ n: Int) {
        if count + n > capacity { flush() }
        assert(count + n <= capacity)
    }

    @inline(__always)
    func byte(_ b: UInt8) {
        reserve(1)
        buffer[count] = b
        count += 1
    }

    func bytes(_ b: [UInt8]) {
        for x in b { byte(x) }
    }

    @inline(__always)
    func comma() { byte(UInt8(ascii: ",")) }

    @inline(__always)
    func endRow() {
        reserve(2)
        if crlf {
            buffer[count] = 0x0D
            count += 1
        }
        buffer[count] = 0x0A
        count += 1
    }

    /// A text field, quoted when it holds a comma, quote or line break, or starts or ends
    /// with a space (as ``CSVWriter``).
    @inline(__always)
    func field(_ s: String) {
        var s = s
        s.withUTF8 { raw in rawField(raw) }
    }

    func field(_ s: String?) {
        if let s { field(s) }
    }

    func rawField(_ raw: UnsafeBufferPointer<UInt8>) {
        let n = raw.count
        if n == 0 { return }
        var quote = raw[0] == 0x20 || raw[n - 1] == 0x20
        if !quote {
            for b in raw where b == UInt8(ascii: ",") || b == UInt8(ascii: "\"") || b == 0x0A || b == 0x0D {
                quote = true
                break
            }
        }
        if !quote {
            guard n <= capacity, let base = raw.baseAddress else {
                for b in raw { byte(b) }
                return
            }
            reserve(n)
            (buffer.baseAddress! + count).update(from: base, count: n)
            count += n
            return
        }
        byte(UInt8(ascii: "\""))
        for b in raw {
            if b == UInt8(ascii: "\"") { byte(b) }
            byte(b)
        }
        byte(UInt8(ascii: "\""))
    }

    /// A list field: items joined by `|`, `|` and `\` escaped (as ``CSVList/join(_:)``).
    func list(_ items: [String]) {
        if items.isEmpty { return }
        if items.count == 1, !items[0].utf8.contains(where: { $0 == UInt8(ascii: "|") || $0 == UInt8(ascii: "\\") }) {
            field(items[0])
        } else {
            field(CSVList.join(items))
        }
    }

    /// A number as ``NumberFormat/shortest(_:)`` writes it.
    func double(_ d: Double?) {
        guard let d else { return }
        if d == d.rounded(), abs(d) < 1e15 {
            int(Int64(d))
            return
        }
        // Fast path for fractions with up to three decimals in (0, 1): "0.123", "0.12".
        if d > 0, d < 1 {
            let k = (d * 1000).rounded()
            if k >= 1, k <= 999, k / 1000 == d {
                var v = Int(k)
                var digits = 3
                while v % 10 == 0 { v /= 10; digits -= 1 }
                reserve(6)
                buffer[count] = UInt8(ascii: "0")
                buffer[count + 1] = UInt8(ascii: ".")
                var i = digits
                while i > 0 {
                    buffer[count + 1 + i] = UInt8(ascii: "0") + UInt8(v % 10)
                    v /= 10
                    i -= 1
                }
                count += 2 + digits
                return
            }
        }
        field(NumberFormat.shortest(d))
    }

    func int(_ value: Int?) {
        guard let value else { return }
        int(Int64(value))
    }

    @inline(__always)
    func int(_ value: Int64) {
        reserve(21)
        if value == 0 {
            buffer[count] = UInt8(ascii: "0")
            count += 1
            return
        }
        var v = value.magnitude
        if value < 0 {
            buffer[count] = UInt8(ascii: "-")
            count += 1
        }
        var tmp:
            (
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8,
                UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8, UInt8
            ) =
                (0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0)
        var n = 0
        // At most 20 digits (UInt64.max has 20) in the 20-byte tuple; 21 bytes were reserved.
        withUnsafeMutableBytes(of: &tmp) { t in
            while v > 0 {
                t[n] = UInt8(ascii: "0") + UInt8(v % 10)
                v /= 10
                n += 1
            }
        }
        withUnsafeBytes(of: &tmp) { t in
            var i = n - 1
            while i >= 0 {
                buffer[count] = t[i]
                count += 1
                i -= 1
            }
        }
    }

    @inline(__always)
    func bool(_ b: Bool) {
        if b {
            reserve(4)
            buffer[count] = UInt8(ascii: "t"); buffer[count + 1] = UInt8(ascii: "r")
            buffer[count + 2] = UInt8(ascii: "u"); buffer[count + 3] = UInt8(ascii: "e")
            count += 4
        } else {
            reserve(5)
            buffer[count] = UInt8(ascii: "f"); buffer[count + 1] = UInt8(ascii: "a")
            buffer[count + 2] = UInt8(ascii: "l"); buffer[count + 3] = UInt8(ascii: "s")
            buffer[count + 4] = UInt8(ascii: "e")
            count += 5
        }
    }

    func optionalBool(_ b: Bool?) {
        if let b { bool(b) }
    }

    /// A row of plain cells (headers, small files).
    func row(_ cells: [String]) {
        for (i, c) in cells.enumerated() {
            if i > 0 { comma() }
            field(c)
        }
        endRow()
    }
}
