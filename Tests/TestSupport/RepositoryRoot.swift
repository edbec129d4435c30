import Foundation

/// The repository root, found from this file (Tests/TestSupport/RepositoryRoot.swift), so tests
/// read the sample content, themes and vectors from any working directory.
public let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
