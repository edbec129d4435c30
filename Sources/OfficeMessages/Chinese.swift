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
    ("theme.not_found", "找不到主题“{name}”"),
    ("theme.not_found.known", "主题文件夹里有：{themes}"),
    ("theme.not_found.none", "主题文件夹 {folder} 不存在或是空的；用 --themes 指明主题所在的文件夹，或者去掉 --theme 使用自带的默认主题"),
    ("theme.template.not_utf8", "这个模板不是 UTF-8 编码的文本，读不出来"),
    ("theme.template.not_utf8.hint", "用 UTF-8 编码另存这个模板"),
    ("theme.template.syntax", "模板写法有误：{problem}"),
    ("theme.template.syntax.hint", "检查 Mustache 标记 {{…}} 是否成对"),
    ("theme.template.missing", "主题缺少“{name}”模板"),
    ("theme.handout_part.missing", "主题缺少 {path}，打印版材料要把它内嵌进去"),
    ("theme.builtin.path", "（程序自带的默认主题）/{path}"),
    ("version.line", "noticeboard {version} (commit {commit}, {date})"),
    ("version.line.unrecorded", "noticeboard {version} (commit 未记录（开发构建）)"),
    ("init.abstract", "新建一个网站文件夹：网站设置、职称系列和专业、节假日安排，以及存放通知的 notices 文件夹。"),
    ("init.folder.help", "新网站的文件夹（默认：当前文件夹）。"),
    ("init.created", "已在 {folder} 建好新网站，写了这些文件："),
    ("init.created.file", "  {path}　{what}"),
    ("init.file.site", "网站设置：标题、简介"),
    ("init.file.taxonomy", "职称系列和专业"),
    ("init.file.calendar", "节假日和调休上班日，用于计算公示期"),
    ("init.file.notices", "通知文件夹的说明"),
    ("init.next", """
        下一步：
          1. 用记事本打开 {folder}/site.yml，把网站标题改成本单位的。
          2. 导入一份通知：noticeboard import 通知.docx --content {folder}
          3. 生成网站：noticeboard build --content {folder} --output 网站
          4. 检查有无遗漏：noticeboard check --content {folder}
        导入的每一项都标为“待确认”，请对照通知原文逐项核对。
        """),
    ("init.refused.existing", "{files} 已经存在。为免覆盖已有的内容，这次什么也没有写"),
    ("init.refused.existing.hint", "换一个新的空文件夹，例如 noticeboard init 新网站；或者先把这些文件移走再运行"),
    ("init.refused.unwritable", "无法写入 {path}：{reason}"),
    ("init.refused.unwritable.hint", "检查这个文件夹能否写入，例如 U 盘是否写保护、磁盘是否已满"),
    // end: packaging
]
