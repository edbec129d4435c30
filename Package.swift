// swift-tools-version: 6.0
import PackageDescription

let package = Package(
    name: "Noticeboard",
    platforms: [.macOS(.v14)],
    products: [
        .executable(name: "noticeboard", targets: ["noticeboard"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-argument-parser.git", from: "1.8.2"),
        // Only for the tests: TemplateRendering is held to swift-mustache's output byte for byte.
        .package(url: "https://github.com/hummingbird-project/swift-mustache.git", from: "2.1.1"),
        .package(url: "https://github.com/weichsel/ZIPFoundation.git", from: "0.9.20"),
        .package(url: "https://github.com/hummingbird-project/hummingbird.git", from: "2.28.1"),
        .package(url: "https://github.com/apple/swift-log.git", from: "1.16.2"),
    ],
    targets: [
        // cmark-gfm and its GFM extensions, from Debian's libcmark-gfm-dev and libcmark-gfm-extensions-dev.
        .systemLibrary(
            name: "CCmarkGFM",
            path: "Sources/CCmarkGFM",
            providers: [.apt(["libcmark-gfm-dev", "libcmark-gfm-extensions-dev"])]
        ),
        // libdeflate, from Debian's libdeflate-dev: the search index's shards and fragments are deflated
        // with it (Sources/SearchIndex/RawDeflate.swift): half zlib's time for the same bytes.
        .systemLibrary(
            name: "CLibdeflate",
            path: "Sources/CLibdeflate",
            providers: [.apt(["libdeflate-dev"])]
        ),
        // libyaml, from Debian's libyaml-dev: notice.yml and the settings are composed from its events
        // (Sources/NoticeModel/YAMLNode.swift).
        .systemLibrary(
            name: "CYAML",
            path: "Sources/CYAML",
            providers: [.apt(["libyaml-dev"])]
        ),
        // General helpers the domain modules share (parallel map, byte search, markup escaping, the
        // JSON writer, file listing, "did you mean"): Foundation only, no notion of notices.
        .target(name: "Support"),
        // Every message an office reads, in Chinese (the default) and English: one catalogue per language.
        .target(name: "OfficeMessages"),
        .target(
            name: "NoticeModel",
            dependencies: ["CYAML", "OfficeMessages", "Support"]
        ),
        .target(
            name: "MarkdownRendering",
            dependencies: ["CCmarkGFM", "OfficeMessages", "Support"]
        ),
        // Shards and fragments are deflated with libdeflate (search.js inflates them); ZIPFoundation's
        // inflate reads them back for tests and tools.
        .target(name: "SearchIndex", dependencies: ["Support", "CLibdeflate", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        // Mustache templates compiled once and rendered to bytes: the themes' template engine.
        .target(name: "TemplateRendering", dependencies: ["OfficeMessages", "Support"]),
        // What changed since the previous year's notice: for the notice page and `noticeboard diff`.
        .target(name: "NoticeComparison", dependencies: ["NoticeModel", "FactExtraction", "MarkdownRendering"]),
        // A notice's deadlines as an iCalendar file.
        .target(name: "CalendarExport", dependencies: ["NoticeModel"]),
        // The default theme (themes/default/) built into the binary, written by its generate.py.
        .target(name: "CDefaultTheme", exclude: ["generate.py"]),
        // The version and the commit `make dist` records (`noticeboard --version`).
        .target(name: "CBuildInfo"),
        .target(name: "BuildInfo", dependencies: ["CBuildInfo", "OfficeMessages"]),
        .target(
            name: "SiteGeneration",
            dependencies: [
                "CDefaultTheme",
                "NoticeModel",
                "MarkdownRendering",
                "SearchIndex",
                "TemplateRendering",
                "NoticeComparison",
                "CalendarExport",
                "Support",
            ]
        ),
        // The offline site as one .zip (`noticeboard bundle`).
        .target(
            name: "SiteBundle",
            dependencies: ["Support", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // `noticeboard new`: a notice copied from last year's with its years shifted, or a skeleton.
        .target(name: "NoticeScaffold", dependencies: ["NoticeModel", "Support"]),
        // `noticeboard import`: an office's .docx / .txt / .md read as paragraphs (with Word's displayed
        // numbering) and tables, within limits that keep a hostile file harmless.
        .target(
            name: "DocumentReading",
            dependencies: ["OfficeMessages", .product(name: "ZIPFoundation", package: "ZIPFoundation")]
        ),
        // The facts a notice's sentence states (dates, fees, continuing-education years, limits,
        // phones, who a requirement is for), by rules for the language of these notices.
        .target(name: "FactExtraction"),
        // `noticeboard import`: a read document turned into a notice draft (notice.yml with every
        // extracted value to confirm, notice.md with the notice's own headings, templates).
        .target(name: "NoticeImport", dependencies: ["DocumentReading", "FactExtraction", "NoticeModel", "MarkdownRendering", "SearchIndex"]),
        // `noticeboard check`: the office's lints and the link checker over the built site.
        .target(name: "ContentCheck", dependencies: ["NoticeModel", "MarkdownRendering", "SiteGeneration", "NoticeComparison", "FactExtraction", "Support"]),
        // `noticeboard serve`: loopback server, watching, incremental rebuilds, live reload.
        .target(
            name: "DevServer",
            dependencies: [
                "SiteGeneration",
                "NoticeModel",
                "Support",
                .product(name: "Hummingbird", package: "hummingbird"),
                .product(name: "Logging", package: "swift-log"),
            ]
        ),
        .executableTarget(
            name: "noticeboard",
            dependencies: [
                "SiteGeneration",
                "SiteBundle",
                "NoticeModel",
                "MarkdownRendering",
                "NoticeScaffold",
                "NoticeImport",
                "NoticeComparison",
                "ContentCheck",
                "DevServer",
                "BuildInfo",
                "Support",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ],
            // jemalloc (Debian libjemalloc-dev) instead of glibc's malloc: a build makes millions of
            // small strings, arrays and dictionaries on both cores, and glibc's allocator took a large
            // share of its time (docs/benchmark.md).
            linkerSettings: [.linkedLibrary("jemalloc")]
        ),
        // What the test targets share: the repository root, temporary content folders, inline fixtures.
        .target(name: "TestSupport", path: "Tests/TestSupport"),
        .testTarget(name: "SupportTests", dependencies: ["Support"]),
        .testTarget(name: "OfficeMessagesTests", dependencies: ["OfficeMessages", "TestSupport"]),
        .testTarget(name: "NoticeModelTests", dependencies: ["NoticeModel", "TestSupport"]),
        .testTarget(name: "MarkdownRenderingTests", dependencies: ["MarkdownRendering"]),
        .testTarget(name: "SiteGenerationTests", dependencies: ["SiteGeneration", "NoticeModel", "SearchIndex", "MarkdownRendering", "Support", "TestSupport"], exclude: ["Fixtures"]),
        .testTarget(name: "SearchIndexTests", dependencies: ["SearchIndex", "TestSupport"]),
        .testTarget(name: "SiteBundleTests", dependencies: ["SiteBundle", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "TemplateRenderingTests", dependencies: ["TemplateRendering", "TestSupport", .product(name: "Mustache", package: "swift-mustache")]),
        .testTarget(name: "NoticeComparisonTests", dependencies: ["NoticeComparison", "NoticeModel", "NoticeScaffold", "TestSupport"]),
        .testTarget(name: "CalendarExportTests", dependencies: ["CalendarExport", "NoticeModel", "TestSupport"]),
        .testTarget(name: "NoticeScaffoldTests", dependencies: ["NoticeScaffold", "NoticeModel", "TestSupport"]),
        .testTarget(name: "DocumentReadingTests", dependencies: ["DocumentReading", .product(name: "ZIPFoundation", package: "ZIPFoundation")]),
        .testTarget(name: "FactExtractionTests", dependencies: ["FactExtraction"]),
        .testTarget(name: "NoticeImportTests", dependencies: ["NoticeImport", "DocumentReading", "NoticeModel"]),
        .testTarget(name: "BuildInfoTests", dependencies: ["BuildInfo"]),
        .testTarget(name: "DevServerTests", dependencies: ["DevServer", "SiteGeneration", "TestSupport"]),
        .testTarget(name: "ContentCheckTests", dependencies: ["ContentCheck", "NoticeModel", "SiteGeneration", "NoticeScaffold", "TestSupport"]),
    ],
    swiftLanguageModes: [.v6]
)

// libFuzzer targets (see docs/testing.md, "Quality gates"). They exist only when NOTICEBOARD_FUZZ is set, so
// a plain `swift build` or `swift test` never compiles them: without `-sanitize=fuzzer` they have
// no `main` to link. `make fuzz` and `make fuzz-smoke` set it.
if Context.environment["NOTICEBOARD_FUZZ"] != nil {
    package.targets += [
        // libFuzzer's driver, called by each target's `main`.
        .target(name: "FuzzDriver", path: "Tests/Fuzz/Driver"),
        .executableTarget(name: "FuzzNoticeLoading", dependencies: ["FuzzDriver", "NoticeModel", "MarkdownRendering"], path: "Tests/Fuzz/NoticeLoading"),
        .executableTarget(name: "FuzzSearchTokenizer", dependencies: ["FuzzDriver", "SearchIndex"], path: "Tests/Fuzz/SearchTokenizer"),
        .executableTarget(name: "FuzzDocumentReading", dependencies: ["FuzzDriver", "DocumentReading", "NoticeImport", "NoticeModel"], path: "Tests/Fuzz/DocumentReading"),
    ]
}
