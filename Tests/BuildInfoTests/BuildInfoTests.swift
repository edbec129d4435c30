import Testing
@testable import BuildInfo

@Suite("noticeboard --version")
struct BuildInfoTests {
    @Test("a development build names its version and says honestly that it recorded no commit")
    func developmentBuildSaysNoCommit() {
        // `swift build` passes no NOTICEBOARD_COMMIT; only `make dist` does (Tests/dist checks that one).
        #expect(BuildInfo.commit == nil)
        #expect(BuildInfo.versionLine(in: .zh) == "noticeboard \(BuildInfo.version) (commit 未记录（开发构建）)")
        #expect(BuildInfo.versionLine(in: .en).hasPrefix("noticeboard \(BuildInfo.version) ("))
    }

    @Test("the version is three numbers, as the tarball's name uses it")
    func versionIsSemantic() {
        let parts = BuildInfo.version.split(separator: ".")
        #expect(parts.count == 3 && parts.allSatisfy { Int($0) != nil })
    }
}
