// The English catalogue: every message an office reads, by key. With --lang en or LANG=en_*.
// One row per message: (key, text). A text names its values {like_this}; the other catalogue
// has the same keys with the same names (CatalogueTests). Add a row inside its section, before
// the section's `end` line.
let englishCatalogue: [(String, String)] = [
    // MARK: common — what every diagnostic shows: severity words, the hint's label
    ("diagnostic.error.line", "{location}: error: {message}"),
    ("diagnostic.warning.line", "{location}: warning: {message}"),
    ("diagnostic.hint.line", "  hint: {hint}"),
    // end: common

    // MARK: loading — reading content: YAML, notice.yml, notice.md, taxonomy, calendar, templates (NoticeModel, MarkdownRendering)
    // end: loading

    // MARK: check — `check`'s lints and report, `diff` (ContentCheck, NoticeComparison, CheckCommand, DiffCommand)
    // end: check

    // MARK: commands — build, new, import, serve, handout, bundle, the command line's help (noticeboard, NoticeScaffold, NoticeImport, DocumentReading, SiteGeneration, DevServer, SiteBundle)
    // end: commands

    // MARK: packaging — init, --version, the built-in theme
    ("theme.not_found", "theme '{name}' not found"),
    ("theme.not_found.known", "themes here: {themes}"),
    ("theme.not_found.none", "the themes folder {folder} is missing or empty; pass --themes with the folder that holds the theme, or leave out --theme to use the built-in default theme"),
    ("theme.template.not_utf8", "template cannot be read as UTF-8 text"),
    ("theme.template.not_utf8.hint", "save the template as UTF-8"),
    ("theme.template.syntax", "{problem}"),
    ("theme.template.syntax.hint", "check the Mustache tags are balanced"),
    ("theme.template.missing", "theme has no '{name}' template"),
    ("theme.handout_part.missing", "theme has no '{path}', which handouts carry inline"),
    ("theme.builtin.path", "(built-in default theme)/{path}"),
    ("version.line", "noticeboard {version} (commit {commit}, {date})"),
    ("version.line.unrecorded", "noticeboard {version} (commit not recorded: development build)"),
    ("init.abstract", "Start a new site folder: site settings, series and specialties, the holiday calendar and a notices folder."),
    ("init.folder.help", "The new site's folder (default: the current folder)."),
    ("init.created", "Started a new site in {folder}:"),
    ("init.created.file", "  {path}  {what}"),
    ("init.file.site", "site settings: title, description"),
    ("init.file.taxonomy", "series and specialties"),
    ("init.file.calendar", "holidays and make-up working days, for counting a 公示's working days"),
    ("init.file.notices", "what the notices folder holds"),
    ("init.next", """
        Next:
          1. Open {folder}/site.yml and give the site your office's title.
          2. Import a notice: noticeboard import notice.docx --content {folder}
          3. Build the site: noticeboard build --content {folder} --output site
          4. Check it: noticeboard check --content {folder}
        Every imported fact is marked 待确认 (to confirm): check each against the notice.
        """),
    ("init.refused.existing", "{files} already there: nothing was written, so nothing of yours is replaced"),
    ("init.refused.existing.hint", "pick a new, empty folder (e.g. noticeboard init new-site) or move these files away first"),
    ("init.refused.unwritable", "cannot write {path}: {reason}"),
    ("init.refused.unwritable.hint", "check the folder can be written (a write-protected USB stick, a full disk)"),
    // end: packaging
]
