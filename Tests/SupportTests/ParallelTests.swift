import Foundation
import Support
import Testing

/// Work on all cores must give what a loop gives: the build's output may not depend on timing.
@Suite("Parallel map")
struct ParallelTests {
    @Test("results come back in index order, however long each item takes")
    func keepsOrder() {
        let results = Parallel.map(200) { index -> Int in
            if index % 7 == 0 { usleep(200) }
            return index * index
        }
        #expect(results == (0..<200).map { $0 * $0 })
        #expect(Parallel.map(0) { $0 }.isEmpty)
    }

    @Test("a failure is the first by index, thrown once every item has run")
    func firstErrorByIndex() {
        struct Failure: Error, Equatable { let index: Int }
        let ran = Counter()
        #expect(throws: Failure(index: 3)) {
            _ = try Parallel.map(50) { index -> Int in
                ran.increment()
                if index == 3 || index == 40 { throw Failure(index: index) }
                return index
            }
        }
        #expect(ran.value == 50)
    }

    final class Counter: @unchecked Sendable {
        private var count = 0
        private let lock = NSLock()
        func increment() { lock.withLock { count += 1 } }
        var value: Int { lock.withLock { count } }
    }
}
