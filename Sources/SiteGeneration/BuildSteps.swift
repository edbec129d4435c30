import Foundation
import NoticeModel

/// The build as named steps, in the order they run (Publish's steps are the model): each is timed,
/// `build --verbose` lists them, and a step that fails is named in the error ("写入搜索索引失败：…"),
/// so an office, or whoever it asks, knows what was being done when the disk filled up.
public enum BuildStep: String, Sendable, CaseIterable {
    case loadContent = "build.step.loadContent"
    case loadTheme = "build.step.loadTheme"
    case prepareOutput = "build.step.prepareOutput"
    case copyAssets = "build.step.copyAssets"
    case noticePages = "build.step.noticePages"
    case listingPages = "build.step.listingPages"
    case searchIndex = "build.step.searchIndex"
    case otherPages = "build.step.otherPages"
    case feeds = "build.step.feeds"
    case replaceOutput = "build.step.replaceOutput"

    /// The step's name in the office's language.
    public var name: Message { Message(rawValue) }
}

/// A step that could not finish, with what stopped it.
struct StepFailure: Error {
    var step: BuildStep
    var reason: any Error
}

/// How long each step took, in the order they ran.
public struct StepTimings: Sendable {
    public private(set) var steps: [(step: BuildStep, milliseconds: Int)] = []

    public init() {}

    /// Runs one step, timing it; an error it throws is said to be the step's.
    mutating func run<T>(_ step: BuildStep, _ work: () throws -> T) throws(StepFailure) -> T {
        let clock = ContinuousClock()
        let started = clock.now
        defer { steps.append((step, (clock.now - started).wholeMilliseconds)) }
        do {
            return try work()
        } catch let failure as StepFailure {
            throw failure
        } catch {
            throw StepFailure(step: step, reason: error)
        }
    }

    /// Times a step that cannot fail.
    mutating func time<T>(_ step: BuildStep, _ work: () -> T) -> T {
        let clock = ContinuousClock()
        let started = clock.now
        defer { steps.append((step, (clock.now - started).wholeMilliseconds)) }
        return work()
    }
}
