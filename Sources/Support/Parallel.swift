import Dispatch
import Foundation

/// Work spread over every core, results kept in input order so output never depends on timing.
/// Loading notices, rendering pages, writing files and counting outstanding work all share it, so
/// none of them has its own locking to get right.
public enum Parallel {
    /// `body(0..<count)` on all cores; the results in index order.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        let slots = Slots<T>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.set(index, body(index))
        }
        return slots.values().map { $0! }
    }

    /// As `map`, for work that can fail: the first error thrown (by index) is rethrown once all
    /// have finished.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        try map(count) { index in Result { try body(index) } }.map { try $0.get() }
    }

    private final class Slots<Value>: @unchecked Sendable {
        private var storage: [Value?]
        private let lock = NSLock()

        init(count: Int) { storage = Array(repeating: nil, count: count) }

        func set(_ index: Int, _ value: Value) {
            lock.lock()
            storage[index] = value
            lock.unlock()
        }

        func values() -> [Value?] {
            lock.lock()
            defer { lock.unlock() }
            return storage
        }
    }
}
