import Foundation
import NoticeModel
import TestSupport
import Testing
@testable import SiteGeneration

/// The build as named steps: `--verbose` lists them with their times, and an error says which
/// step failed, in the office's language.
@Suite("Build steps")
struct BuildStepsTests {
    struct DiskFull: Error, CustomStringConvertible {
        var description: String { "No space left on device" }
    }

    @Test("an error while writing names its step, in Chinese and in English")
    func failureNamesTheStep() {
        var timings = StepTimings()
        do {
            try timings.run(.searchIndex) { throw DiskFull() }
            Issue.record("the step's error was not thrown")
        } catch {
            let diagnostic = SiteBuilder.stepFailure(error, output: URL(fileURLWithPath: "/tmp/public"))
            #expect(diagnostic.message(in: .zh) == "写入搜索索引失败：No space left on device")
            #expect(diagnostic.message(in: .en) == "writing the search index failed: No space left on device")
        }
        #expect(timings.steps.map(\.step) == [.searchIndex], "a failed step is timed too")
    }

    @Test("a build times every step, in the order they run")
    func everyStepTimed() throws {
        let output = temporaryFolder("steps")
        defer { try? FileManager.default.removeItem(at: output) }
        let report = try buildSite(output: output)
        #expect(report.timings.steps.map(\.step) == [.loadContent, .loadTheme, .prepareOutput, .copyAssets, .noticePages, .listingPages,
                                                     .searchIndex, .otherPages, .feeds, .replaceOutput])
        #expect(Set(report.timings.steps.map(\.step)) == Set(BuildStep.allCases))
    }
}
