import CBuildInfo
import OfficeMessages

/// What `noticeboard --version` says: the version, kept here only (the Makefile reads it for the
/// tarball's name), and the commit `make dist` recorded.
public enum BuildInfo {
    public static let version = "0.18.0"

    /// The commit and its date, nil in a build that did not record them.
    public static var commit: (hash: String, date: String)? {
        let hash = String(cString: noticeboard_commit())
        return hash.isEmpty ? nil : (hash, String(cString: noticeboard_commit_date()))
    }

    /// `noticeboard 0.18.0 (commit abc1234, 2026-12-03)`; a development build says it has no
    /// commit rather than guessing one.
    public static func versionLine(in language: Language = .current) -> String {
        guard let commit else { return Message("version.line.unrecorded", ["version": version]).text(in: language) }
        return Message("version.line", ["version": version, "commit": commit.hash, "date": commit.date]).text(in: language)
    }
}
