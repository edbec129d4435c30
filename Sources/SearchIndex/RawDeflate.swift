import CZlib
import Foundation

/// Raw deflate (RFC 1951) with zlib, as ZIPFoundation's `Data.compress` made it on Linux (default
/// level, 15-bit window, memory level 9, default strategy), so the packed index is the same bytes,
/// without what that path cost on each of a build's thousands of small files: a CRC-32 of the
/// input nobody reads, a `Data` per chunk, and a new z_stream, whose setup allocates and clears
/// some 400 KB of tables for a 5 KB fragment. Streams are kept in a small pool and reset, so the
/// threads that render notices each reuse one (docs/benchmark.md).
enum RawDeflate {
    /// `input` deflated as one block of input, finished.
    static func deflate(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        let stream = Pool.shared.take()
        defer { Pool.shared.give(stream) }
        return stream.deflate(input)
    }

    private final class Stream {
        private var stream = z_stream()
        let ready: Bool

        init() {
            ready = deflateInit2_(&stream, Z_DEFAULT_COMPRESSION, Z_DEFLATED, -MAX_WBITS, 9, Z_DEFAULT_STRATEGY,
                                  ZLIB_VERSION, Int32(MemoryLayout<z_stream>.size)) == Z_OK
        }

        deinit { if ready { deflateEnd(&stream) } }

        func deflate(_ input: UnsafeRawBufferPointer) -> [UInt8] {
            guard ready else { return [] }
            defer { deflateReset(&stream) }
            // deflateBound is enough room for one call with Z_FINISH to finish the stream.
            let capacity = Int(deflateBound(&stream, UInt(input.count)))
            return [UInt8](unsafeUninitializedCapacity: capacity) { output, written in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
                stream.avail_in = UInt32(input.count)
                stream.next_out = output.baseAddress
                stream.avail_out = UInt32(capacity)
                let result = CZlib.deflate(&stream, Z_FINISH)
                written = result == Z_STREAM_END ? capacity - Int(stream.avail_out) : 0
            }
        }
    }

    /// Streams not in use; one per thread that packs at the same time, at most.
    private final class Pool: @unchecked Sendable {
        static let shared = Pool()
        private let lock = NSLock()
        private var idle: [Stream] = []

        func take() -> Stream {
            lock.lock()
            defer { lock.unlock() }
            return idle.popLast() ?? Stream()
        }

        func give(_ stream: Stream) {
            lock.lock()
            defer { lock.unlock() }
            idle.append(stream)
        }
    }
}
