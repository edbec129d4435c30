import Foundation

/// The language of what an office reads: Chinese unless asked for English.
///
/// Chosen once, at start, from `--lang` or the locale (`LC_ALL`, `LC_MESSAGES`, `LANG`, in POSIX's
/// order), and read by every message afterwards. Offices read Chinese; English is for the
/// project's own engineers and tests that were written against it.
public enum Language: String, Sendable, CaseIterable {
    case zh
    case en

    /// The process's language. Set before any work starts; a message renders in it when shown.
    public static var current: Language {
        chosen.withLock { $0 }
    }

    /// Sets the process's language (the command line does this once, before any work).
    public static func use(_ language: Language) {
        chosen.withLock { $0 = language }
    }

    /// `zh`, `zh_CN.UTF-8`, `en`, `en-GB`, `english`: the language a name asks for, or nil.
    public static func named(_ name: String) -> Language? {
        let lowered = name.lowercased()
        if lowered.hasPrefix("en") { return .en }
        if lowered.hasPrefix("zh") || lowered.hasPrefix("cn") || lowered == "chinese" { return .zh }
        return nil
    }

    /// English only when the locale that decides messages is English (`en_*`); Chinese otherwise,
    /// `C` and `POSIX` included, since an office's machine often has no locale set at all.
    public static func fromEnvironment(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> Language {
        for variable in ["LC_ALL", "LC_MESSAGES", "LANG"] {
            guard let value = environment[variable], !value.isEmpty else { continue }
            return value.lowercased().hasPrefix("en") ? .en : .zh
        }
        return .zh
    }

    private static let chosen = Locked(Language.fromEnvironment())
}

/// A value shared across threads behind a lock (the language is written once and read often).
final class Locked<Value: Sendable>: @unchecked Sendable {
    private var value: Value
    private let lock = NSLock()

    init(_ value: Value) { self.value = value }

    func withLock<Result>(_ body: (inout Value) -> Result) -> Result {
        lock.lock()
        defer { lock.unlock() }
        return body(&value)
    }
}
