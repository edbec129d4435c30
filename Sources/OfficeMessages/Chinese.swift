// The Chinese catalogue: every message an office reads, by key. The default.
// One row per message: (key, text). A text names its values {like_this}; the other catalogue
// has the same keys with the same names (CatalogueTests). Add a row inside its section, before
// the section's `end` line.
let chineseCatalogue: [(String, String)] = [
    // MARK: common — what every diagnostic shows: severity words, the hint's label
    ("diagnostic.error.line", "{location}: 错误：{message}"),
    ("diagnostic.warning.line", "{location}: 警告：{message}"),
    ("diagnostic.hint.line", "  提示：{hint}"),
    // end: common

    // MARK: loading — reading content: YAML, notice.yml, notice.md, taxonomy, calendar, templates (NoticeModel, MarkdownRendering)
    // end: loading

    // MARK: check — `check`'s lints and report, `diff` (ContentCheck, NoticeComparison, CheckCommand, DiffCommand)
    // end: check

    // MARK: commands — build, new, import, serve, handout, bundle, the command line's help (noticeboard, NoticeScaffold, NoticeImport, DocumentReading, SiteGeneration, DevServer, SiteBundle)
    // end: commands

    // MARK: packaging — init, --version, the built-in theme
    // end: packaging
]
