import CLibdeflate
import Foundation

/// Raw deflate (RFC 1951), as search.js inflates it, made with libdeflate (Debian's
/// libdeflate-dev). Over the 6,159 packed files of a 1,000-notice site (31.3 MB of JSON) zlib at
/// its default level took 0.74 s of CPU and libdeflate at level 6 0.39 s, for 0.1 % more bytes
/// (11.70 against 11.69 MB); libdeflate compresses a whole buffer at once, which is what a shard or
/// a fragment is, where zlib keeps a stream's state for input that arrives in pieces
/// (docs/benchmark.md). Compressors are kept in a small pool, so the threads that render notices
/// each reuse one: making one allocates its tables.
enum RawDeflate {
    /// libdeflate's level: 6 is its default, near zlib's bytes at half its time; 7 and up cost
    /// more time for a few bytes in a thousand.
    static let level: Int32 = 6

    /// `input` deflated, finished.
    static func deflate(_ input: UnsafeRawBufferPointer) -> [UInt8] {
        let compressor = Pool.shared.take()
        defer { Pool.shared.give(compressor) }
        return compressor.deflate(input)
    }

    private final class Compressor {
        private let compressor: OpaquePointer?

        init() { compressor = libdeflate_alloc_compressor(RawDeflate.level) }

        deinit { if let compressor { libdeflate_free_compressor(compressor) } }

        func deflate(_ input: UnsafeRawBufferPointer) -> [UInt8] {
            guard let compressor else { return [] }
            // The bound is enough room for any input of this size, so the call cannot run out.
            let capacity = libdeflate_deflate_compress_bound(compressor, input.count)
            return [UInt8](unsafeUninitializedCapacity: capacity) { output, written in
                written = libdeflate_deflate_compress(compressor, input.baseAddress, input.count, output.baseAddress, capacity)
            }
        }
    }

    /// Compressors not in use; one per thread that packs at the same time, at most.
    private final class Pool: @unchecked Sendable {
        static let shared = Pool()
        private let lock = NSLock()
        private var idle: [Compressor] = []

        func take() -> Compressor {
            lock.lock()
            defer { lock.unlock() }
            return idle.popLast() ?? Compressor()
        }

        func give(_ compressor: Compressor) {
            lock.lock()
            defer { lock.unlock() }
            idle.append(compressor)
        }
    }
}
