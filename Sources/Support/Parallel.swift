import Dispatch
import Foundation

/// Work spread over every core, results kept in input order so output never depends on timing.
/// Loading notices, rendering pages, writing files and counting outstanding work all share it, so
/// none of them has its own locking to get right.
public enum Parallel {
    /// `body(0..<count)` on all cores; the results in index order. Inside `serially`, on this
    /// thread alone, one index after another.
    public static func map<T: Sendable>(_ count: Int, _ body: @Sendable (Int) -> T) -> [T] {
        if Thread.current.threadDictionary[serialKey] != nil { return (0..<count).map(body) }
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

    /// Runs `body` with every `map` it makes on this thread done on this thread alone: for work
    /// in the background that must leave the other cores free (`serve`'s search index, written
    /// while the office goes on saving and a browser reloads).
    public static func serially<T>(_ body: () throws -> T) rethrows -> T {
        Thread.current.threadDictionary[serialKey] = true
        defer { Thread.current.threadDictionary.removeObject(forKey: serialKey) }
        return try body()
    }

    private static let serialKey = "noticeboard.parallel.serial"

    /// Starts `body` on a thread of its own at the lowest scheduling priority (nice 19 on Linux):
    /// whatever else wants a core (a rebuild, a browser) gets it first. `Parallel.map` inside it
    /// runs serially.
    public static func inBackground(_ body: @escaping @Sendable () -> Void) {
        let thread = Thread {
            #if canImport(Glibc)
            // On Linux the nice value is per thread, and 0 names the calling one.
            _ = setpriority(__priority_which_t(PRIO_PROCESS.rawValue), 0, 19)
            #endif
            serially(body)
        }
        thread.start()
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
