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
    ("check.staleYear.date", "“{text}”是上一年（{year}年）的日期，从 {previous} 抄来后还没有改"),
    ("check.staleYear.reviewYear", "“{text}”还是上一年（{year}年）的年度，从 {previous} 抄来后还没有改"),
    ("check.staleYear.range", "“{text}”止于上一年（{year}年），从 {previous} 抄来后年份没有顺延"),
    ("check.staleYear.hintData", "改成今年的日期或年份；如果这里本来就该写{year}年，在这一行末尾加上注释 # 年份无误"),
    ("check.staleYear.hintMarkdown", "改成今年的日期或年份；如果这里本来就该写{year}年，在这一行末尾加上 <!-- 年份无误 -->（页面上不显示）"),
    ("check.feeDisagrees", "这里写{level}评审费{written}元，而 fees 中是{amount}元（{place}）"),
    ("check.feeDisagrees.hint", "同一项收费两处写得不一样：核对通知，把写错的一处改正"),
    ("check.deadlineDisagrees", "这里写的“{written}”与时间安排中“{event}”的截止时间 {date} 不一致（{place}）"),
    ("check.deadlineDisagrees.hint", "同一个截止时间两处写得不一样：核对通知，把写错的一处改正"),
    ("check.ceYearsDisagree", "继续教育的说明写的是{written}年，而 {key} 是{years}年（{place}）"),
    ("check.ceYearsDisagree.hint", "继续教育年度两处写得不一样：核对通知，把写错的一处改正"),
    ("check.deadlineAfterReview", "“{event}”截止于 {date}，晚于评审阶段“{review}”的结束时间 {reviewDate}"),
    ("check.deadlineAfterReview.hint", "申报或补正的截止时间应早于评审结束：请核对两处的月份和年份"),
    ("check.toConfirm", "待确认：{label}（{key}）"),
    ("check.toConfirm.value", "待确认：{label}：{value}（{key}）"),
    ("check.toConfirm.hint", "与通知核对无误后，删去 to_confirm 中的这一项；在此之前页面上标为“待确认”"),
    ("check.toConfirm.hintSentence", "依据：“{sentence}”。与通知核对无误后，删去 to_confirm 中的这一项；在此之前页面上标为“待确认”"),
    ("check.dateOutsideYear", "“{key}”中写有 {date}，不在通知年度{year}年内"),
    ("check.dateOutsideYear.hint", "如果是通知本身印错了年份，原文照录，并在时间安排中用 as_printed 和 correction 说明；如果是上一年的日期，请改为今年的"),
    ("check.todo", "还有未填写的 TODO：{text}"),
    ("check.todo.hint", "换成通知里的原话"),
    ("check.siteUnreadable", "读不出生成的网站：{error}"),
    ("check.link.notAHeading", "链接指向“#{anchor}”，但本文没有这个标题"),
    ("check.link.outside", "链接“{href}”指到了网站以外"),
    ("check.link.outside.hint", "链接是相对于本页的，请数一数“../”的个数"),
    ("check.link.noPage", "链接“{href}”打不开：网站上没有“{page}”这一页"),
    ("check.link.noPage.hint", "通知的页面地址是“年份/简称/”；链接是相对于本页的"),
    ("check.link.noAnchor", "链接“{href}”的锚点不存在：“{file}”中没有“{anchor}”"),
    ("check.link.didYouMean", "是不是要写“{suggestion}”？"),
    ("check.link.anchor.hint", "锚点由标题文字生成，见 README"),
    ("check.builtLink.outside", "{attribute}：链接“{href}”指到了网站以外"),
    ("check.builtLink.noPage", "{attribute}：链接“{href}”打不开：网站上没有“{page}”这一页"),
    ("check.builtLink.noAnchor", "{attribute}：链接“{href}”的锚点不存在：“{file}”中没有“{anchor}”"),
    ("check.builtLink.didYouMean", "这一页由主题模板和它显示的内容生成；是不是要写“{suggestion}”？"),
    ("check.builtLink.hint", "这一页由主题模板和它显示的内容生成；请检查模板和内容中的链接"),
    ("check.summary", "共检查 {notices} 份通知、{pages} 个页面上的 {links} 个链接：{errors} 个错误，{warnings} 条警告。"),
    ("check.summary.siteNotBuilt", "共检查 {notices} 份通知（网站未能生成，没有检查链接）：{errors} 个错误，{warnings} 条警告。"),
    ("check.outstanding.build", "注意：还有 {facts} 项待确认、{warnings} 条警告没有处理。发布前请运行 noticeboard check --content {content} 逐条查看。"),
    ("check.outstanding.handout", "注意：这份通知还有 {facts} 项待确认、{warnings} 条警告没有处理，讲义发出后就无法更正。发送前请运行 noticeboard check --content {content} 逐条查看。"),
    ("check.diff.oldFee", "{level}的评审费已由{was}元改为{amount}元，这里仍写着{was}元"),
    ("check.diff.oldDate", "“{event}”的截止时间去年是 {was}，今年改为 {date}，这里仍写着“{written}”"),
    ("check.diff.oldValue.hint", "把这里改成新的值，与 notice.yml 中的数据一致"),
    ("check.diff.oldValues", "仍写着旧值的地方（{count} 处）："),
    ("check.command.abstract", "检查内容中的所有问题（办公室的检查项和失效链接），不生成网站。"),
    ("check.command.format", "text（给人看）或 json（给程序用）。"),
    ("check.diffCommand.abstract", "列出两份通知之间的变化（日期、收费、继续教育、材料清单、其他要求），以及仍写着旧值的地方。"),
    ("check.diffCommand.old", "较早那份通知的编号。"),
    ("check.diffCommand.new", "较晚那份通知的编号。"),
    ("check.diffCommand.content", "内容文件夹。"),
    ("check.diffCommand.noNotice", "{folder} 中没有通知“{id}”"),
    ("check.diffCommand.noNotice.didYouMean", "{folder} 中没有通知“{id}”（是不是“{suggestion}”？）"),
    // end: check

    // MARK: commands — build, new, import, serve, handout, bundle, the command line's help (noticeboard, NoticeScaffold, NoticeImport, DocumentReading, SiteGeneration, DevServer, SiteBundle)
    // end: commands

    // MARK: packaging — init, --version, the built-in theme
    // end: packaging
]
