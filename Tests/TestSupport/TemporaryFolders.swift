import Foundation

/// A fresh path in the temporary folder (not created): `nb-<name>-<UUID>`, so tests running at
/// the same time never share one and a leftover says which test made it.
public func temporaryFolder(_ name: String) -> URL {
    FileManager.default.temporaryDirectory.appendingPathComponent("nb-\(name)-\(UUID().uuidString)")
}

/// A copy of the repository's sample content (content/), in a temporary folder, that a test may
/// break; the test removes it.
public func copyOfContent(_ name: String = "content") throws -> URL {
    let copy = temporaryFolder(name)
    try FileManager.default.copyItem(at: repositoryRoot.appendingPathComponent("content"), to: copy)
    return copy
}

/// Rewrites a text file through `transform`: how a test makes the one change it is about.
public func edit(_ file: URL, _ transform: (String) throws -> String) throws {
    try transform(try String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
}
