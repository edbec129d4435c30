import Dispatch
import Foundation

/// Work spread over every core, results kept in input order so output never depends on timing.
enum Parallel {
    /// `body(0..<count)` on all cores; the results in index order. The first error thrown (by
    /// index) is rethrown once all have finished.
    static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) throws -> T) throws -> [T] {
        let slots = Slots<Result<T, any Error>>(count: count)
        DispatchQueue.concurrentPerform(iterations: count) { index in
            slots.set(index, Result { try body(index) })
        }
        return try slots.values().map { try $0!.get() }
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
