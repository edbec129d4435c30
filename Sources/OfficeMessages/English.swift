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
    ("check.staleYear.date", "'{text}' is a date of the previous year ({year}), left as copied from {previous}"),
    ("check.staleYear.reviewYear", "'{text}' is the previous year ({year}), left as copied from {previous}"),
    ("check.staleYear.range", "'{text}' ends in the previous year ({year}): a span of years copied from {previous} and not moved on"),
    ("check.staleYear.hintData", "write this year's date or year; if {year} is right here, end the line with the comment # 年份无误"),
    ("check.staleYear.hintMarkdown", "write this year's date or year; if {year} is right here, end the line with <!-- 年份无误 --> (not shown on the page)"),
    ("check.feeDisagrees", "the text says {written} yuan for {level}, but fees says {amount} ({place})"),
    ("check.feeDisagrees.hint", "the same fee is written two ways: check the notice and correct the wrong one"),
    ("check.deadlineDisagrees", "the text says '{written}', but the timeline's '{event}' ends {date} ({place})"),
    ("check.deadlineDisagrees.hint", "the same deadline is written two ways: check the notice and correct the wrong one"),
    ("check.ceYearsDisagree", "the continuing-education text says {written}, but {key} is {years} ({place})"),
    ("check.ceYearsDisagree.hint", "the continuing-education years are written two ways: check the notice and correct the wrong one"),
    ("check.deadlineAfterReview", "'{event}' ends {date}, after the review period '{review}' ends ({reviewDate})"),
    ("check.deadlineAfterReview.hint", "a deadline to apply or answer falls before the review ends; check the month and year of both"),
    ("check.toConfirm", "to confirm: {label} ({key})"),
    ("check.toConfirm.value", "to confirm: {label}: {value} ({key})"),
    ("check.toConfirm.hint", "once it agrees with the notice, delete this entry from to_confirm; until then the page marks it 待确认"),
    ("check.toConfirm.hintSentence", "read from: \"{sentence}\". Once it agrees with the notice, delete this entry from to_confirm; until then the page marks it 待确认"),
    ("check.dateOutsideYear", "'{key}' mentions {date}, outside the notice year {year}"),
    ("check.dateOutsideYear.hint", "if the notice misprints the year, keep the words and say so in a timeline event's 'as_printed' and 'correction'; if it is last year's date, update it"),
    ("check.todo", "TODO left in: {text}"),
    ("check.todo.hint", "replace it with the notice's own words"),
    ("check.siteUnreadable", "cannot read the built site: {error}"),
    ("check.link.notAHeading", "link to '#{anchor}', which is not a heading of this text"),
    ("check.link.outside", "link '{href}' leads outside the site"),
    ("check.link.outside.hint", "links are relative to the page; count the '../'"),
    ("check.link.noPage", "broken link '{href}': the site has no page '{page}'"),
    ("check.link.noPage.hint", "pages are YEAR/slug/ for notices; links are relative to the page"),
    ("check.link.noAnchor", "broken anchor '{href}': '{file}' has no id '{anchor}'"),
    ("check.link.didYouMean", "did you mean '{suggestion}'?"),
    ("check.link.anchor.hint", "anchors are made from heading text; see README"),
    ("check.builtLink.outside", "{attribute}: link '{href}' leads outside the site"),
    ("check.builtLink.noPage", "{attribute}: broken link '{href}': the site has no page '{page}'"),
    ("check.builtLink.noAnchor", "{attribute}: broken anchor '{href}': '{file}' has no id '{anchor}'"),
    ("check.builtLink.didYouMean", "this page is made from a theme template and the content it shows; did you mean '{suggestion}'?"),
    ("check.builtLink.hint", "this page is made from a theme template and the content it shows; check the links in both"),
    ("check.summary", "Checked {notices} notices and {links} links on {pages} pages: {errors} errors, {warnings} warnings."),
    ("check.summary.siteNotBuilt", "Checked {notices} notices (the site could not be built, so its links were not checked): {errors} errors, {warnings} warnings."),
    ("check.outstanding.build", "Note: {facts} facts still to confirm and {warnings} warnings open. Before publishing, see them with: noticeboard check --content {content}"),
    ("check.outstanding.handout", "Note: this notice still has {facts} facts to confirm and {warnings} warnings open, and a handout once sent cannot be corrected. Before sending, see them with: noticeboard check --content {content}"),
    ("check.diff.oldFee", "the fee for {level} changed from {was} to {amount} yuan, but this still says {was}"),
    ("check.diff.oldDate", "'{event}' ended {was} last year and ends {date} this year, but this still says '{written}'"),
    ("check.diff.oldValue.hint", "write the new value here, as notice.yml's data has it"),
    ("check.diff.oldValues", "Old values still written ({count}):"),
    ("check.command.abstract", "Report every problem in the content, the office's lints and broken links, without writing a site."),
    ("check.command.format", "text (for people) or json (for tools)."),
    ("check.diffCommand.abstract", "Print what changed between two notices (dates, fees, continuing education, checklist, rules), and where an old value is still written."),
    ("check.diffCommand.old", "The earlier notice's id."),
    ("check.diffCommand.new", "The later notice's id."),
    ("check.diffCommand.content", "The content folder."),
    ("check.diffCommand.noNotice", "no notice '{id}' in {folder}"),
    ("check.diffCommand.noNotice.didYouMean", "no notice '{id}' in {folder} (did you mean '{suggestion}'?)"),
    // end: check

    // MARK: commands — build, new, import, serve, handout, bundle, the command line's help (noticeboard, NoticeScaffold, NoticeImport, DocumentReading, SiteGeneration, DevServer, SiteBundle)
    // end: commands

    // MARK: packaging — init, --version, the built-in theme
    // end: packaging
]
