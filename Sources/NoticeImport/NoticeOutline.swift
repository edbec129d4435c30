import DocumentReading

/// A notice document's parts as a reader takes them in: the title lines at the top, the body with
/// its numbered headings, the list of attachments that ends the body, and the attachments' texts.
struct NoticeOutline {
    enum Block: Equatable {
        /// A heading, at Markdown level 2…6, from the notice's own numbering.
        case heading(level: Int, text: String)
        case paragraph(String)
        case table(DocumentTable)
    }

    struct Attachment: Equatable {
        /// `附件1`, `附件1-1`: the marker line, normalised (no spaces or colon).
        var number: String
        /// The marker line as printed (`附件 1`, `附件2：`), the heading of its text in notice.md.
        var printed: String
        /// The attachment's title, its lines joined; empty when it has none.
        var title: String
        /// The title as the body's attachment list gives it, when the list names this attachment.
        var listedTitle: String?
        var blocks: [DocumentBlock]
    }

    /// `附件1` printed above the title: the notice is an attachment of a covering document.
    var attachmentLabel: String?
    var title: String
    /// A bracketed line under the title: `（中级、初级可参考）`.
    var subtitle: String?
    /// Offices printed above a `关于…` title as its issuers (a joint notice names several).
    var issuers: [String] = []
    var body: [Block]
    var attachments: [Attachment]
    /// The attachment list at the end of the body, number → title, in order.
    var attachmentList: [(number: String, title: String)]

    static func == (a: NoticeOutline, b: NoticeOutline) -> Bool {
        a.attachmentLabel == b.attachmentLabel && a.title == b.title && a.subtitle == b.subtitle && a.body == b.body
            && a.attachments == b.attachments && a.attachmentList.map(\.number) == b.attachmentList.map(\.number)
            && a.attachmentList.map(\.title) == b.attachmentList.map(\.title)
    }
}

extension NoticeOutline {
    init(_ document: ReadDocument) {
        var blocks = document.blocks.filter { block in
            // A page number printed as "(", "10", ")" on three lines leaves its brackets behind.
            if case let .paragraph(paragraph) = block { return !["(", ")", "（", "）"].contains(paragraph.shownText) }
            return true
        }
        var cursor = 0
        func line(_ index: Int) -> String? {
            guard index < blocks.count, case let .paragraph(paragraph) = blocks[index] else { return nil }
            return paragraph.shownText
        }

        // 附件1, above the title.
        if let first = line(0), let number = AttachmentMarker.alone(first) {
            attachmentLabel = number
            cursor = 1
        }
        // The title: the short lines before the first sentence, addressee or numbered heading.
        var titleLines: [String] = [], subtitle: String?
        while cursor < blocks.count, case let .paragraph(paragraph) = blocks[cursor], Self.isTitleLine(paragraph, sofar: titleLines) {
            let text = paragraph.shownText
            if Self.isBracketed(text), !titleLines.isEmpty { subtitle = text } else if subtitle == nil { titleLines.append(text) } else { break }
            cursor += 1
        }
        // "伊犁州卫生健康委员会" / "伊犁州人力资源和社会保障局" / "关于……的通知": the offices above a
        // 关于 title issue it; they are not part of the title.
        // "绵阳市人力资源和社会保障局 绵阳市交通运输局关于开展…": the offices on the title's own line.
        if titleLines.count == 1, let about = titleLines[0].range(of: "关于"), about.lowerBound > titleLines[0].startIndex {
            let offices = titleLines[0][..<about.lowerBound].split(whereSeparator: { $0 == " " || $0 == "　" }).map(String.init)
            if !offices.isEmpty, offices.allSatisfy({ line in ["局", "委员会", "厅", "办公室", "中心", "委", "政府"].contains(where: line.hasSuffix) }) {
                issuers = offices
                titleLines = [String(titleLines[0][about.lowerBound...])]
            }
        }
        if let about = titleLines.firstIndex(where: { $0.hasPrefix("关于") }), about > 0,
           titleLines[..<about].allSatisfy({ line in ["局", "委员会", "厅", "办公室", "中心", "委", "政府"].contains(where: line.hasSuffix) }) {
            issuers = Array(titleLines[..<about])
            titleLines.removeFirst(about)
        }
        self.title = Self.joinTitle(titleLines)
        self.subtitle = subtitle

        // The attachments' texts: from the first marker standing on its own line after the body.
        let attachmentStart = (cursor..<blocks.count).first { index in
            guard let text = line(index) else { return false }
            if AttachmentMarker.alone(text) != nil { return true }
            // "附件1：推荐单位公示" starts an attachment unless it is one line of a list of them.
            guard AttachmentMarker.withTitle(text) != nil else { return false }
            let next = line(index + 1).map { AttachmentMarker.withTitle($0) != nil || AttachmentMarker.listStart($0) } ?? true
            let previous = index > cursor ? line(index - 1).map { AttachmentMarker.withTitle($0) != nil || AttachmentMarker.listStart($0) } ?? false : false
            return !next && !previous
        } ?? blocks.count
        let bodyBlocks = Array(blocks[cursor..<attachmentStart])
        let (list, listIndices) = AttachmentMarker.listLines(in: bodyBlocks)
        self.attachmentList = list
        self.body = Self.structure(bodyBlocks, plain: listIndices)
        blocks = Array(blocks[attachmentStart...])
        self.attachments = Self.attachments(blocks, list: list)
    }

    static func isTitleLine(_ paragraph: DocumentParagraph, sofar: [String]) -> Bool {
        let text = paragraph.shownText
        // A first-level heading at the top ("# 关于…的通知" in Markdown, Word's 标题 1) is the title.
        if paragraph.headingLevel == 1, sofar.isEmpty, !text.contains("。"), text.count <= 120 { return true }
        if text.count > (paragraph.centered ? 80 : 50) || text.contains("。") { return false }
        if let last = text.last, "：:；，,".contains(last) { return false }
        if HeadingNumber.parse(text) != nil { return false }
        if AttachmentMarker.alone(text) != nil || AttachmentMarker.withTitle(text) != nil { return false }
        // A document number (新人社函〔2024〕12号) or a date line is not part of the title.
        if text.contains("〔") && text.hasSuffix("号") { return false }
        if sofar.isEmpty, text.count < 4 { return false }
        return true
    }

    static func isBracketed(_ text: String) -> Bool {
        (text.hasPrefix("（") && text.hasSuffix("）")) || (text.hasPrefix("(") && text.hasSuffix(")"))
    }

    /// Title lines broken by the layout are one title: no space between Chinese lines.
    static func joinTitle(_ lines: [String]) -> String {
        lines.reduce("") { title, line in
            guard let last = title.last, let first = line.first else { return title + line }
            return title + (last.isASCII && last.isLetter && first.isASCII && first.isLetter ? " " : "") + line
        }
    }

    /// Headings from the notice's numbering: each kind of number used as a heading (一、, （一）,
    /// 1., （1）) gets the next Markdown level in the order official documents nest them.
    static func structure(_ blocks: [DocumentBlock], plain: Set<Int> = []) -> [Block] {
        let asHeadings = numberedRunsAsHeadings(blocks, plain: plain)
        var parts: [(block: Block, kind: HeadingNumber.Kind?, styleLevel: Int?)] = []
        for (index, block) in blocks.enumerated() {
            // The attachment list's numbered lines are a list, not headings.
            if plain.contains(index), case let .paragraph(paragraph) = block {
                parts.append((.paragraph(paragraph.shownText), nil, nil))
                continue
            }
            switch block {
            case let .table(table):
                parts.append((.table(table), nil, nil))
            case let .paragraph(paragraph):
                let text = paragraph.shownText
                if let level = paragraph.headingLevel, text.count <= 60 {
                    parts.append((.heading(level: 0, text: text), HeadingNumber.parse(text)?.kind, level))
                } else if paragraph.bold, HeadingNumber.parse(text) == nil, text.count <= 30, !text.contains("。"),
                          !text.hasSuffix("："), !text.hasSuffix(":") {
                    // A short bold line without a number is the section heading a reader sees
                    // ("联系方式"), at the outermost level.
                    parts.append((.heading(level: 0, text: text), nil, 1))
                } else if asHeadings.contains(index), let number = HeadingNumber.parse(text), let (heading, rest) = headingSplit(number) {
                    parts.append((.heading(level: 0, text: heading), number.kind, nil))
                    if !rest.isEmpty { parts.append((.paragraph(rest), nil, nil)) }
                } else {
                    parts.append((.paragraph(text), nil, nil))
                }
            }
        }
        let kinds = Array(Set(parts.compactMap { $0.styleLevel == nil ? $0.kind : nil })).sorted()
        return parts.map { part in
            guard case let .heading(_, text) = part.block else { return part.block }
            let level = part.styleLevel.map { $0 + 1 } ?? part.kind.flatMap { kinds.firstIndex(of: $0) }.map { $0 + 2 } ?? 2
            return .heading(level: min(level, 6), text: text)
        }
    }

    /// The numbered paragraphs that become headings. The items of one list (the same kind of number
    /// under the same heading above) are alike: when fewer than half of them lead a short title, all
    /// stay paragraphs, so a list of sentences does not turn one short item into a heading.
    static func numberedRunsAsHeadings(_ blocks: [DocumentBlock], plain: Set<Int>) -> Set<Int> {
        var current: [HeadingNumber.Kind: Int] = [:]  // each kind's open run, by index into `runs`
        var runs: [(indices: [Int], titled: [Int], underMaterials: Bool, bare: Int)] = []
        var result = Set<Int>()
        var lastOuter: [HeadingNumber.Kind: String] = [:]  // the last line of each kind, the runs' parents
        for (index, block) in blocks.enumerated() where !plain.contains(index) {
            guard case let .paragraph(paragraph) = block else { continue }
            if paragraph.headingLevel != nil || paragraph.bold && HeadingNumber.parse(paragraph.shownText) == nil {
                current.removeAll()
                lastOuter.removeAll()
                lastOuter[.chapter] = paragraph.shownText
                continue
            }
            guard let number = HeadingNumber.parse(paragraph.shownText) else { continue }
            // A number of an outer kind closes the lists of the inner kinds.
            for kind in current.keys where kind > number.kind { current[kind] = nil }
            let run: Int
            if let open = current[number.kind] {
                run = open
            } else {
                // "四、申报材料" / "（一）网上上传材料" above: its numbered lines name materials.
                let parent = lastOuter.filter { $0.key < number.kind }.max { $0.key < $1.key }?.value ?? ""
                runs.append(([], [], parent.contains("材料"), 0))
                run = runs.count - 1
                current[number.kind] = run
            }
            lastOuter[number.kind] = paragraph.shownText
            for kind in lastOuter.keys where kind > number.kind { lastOuter[kind] = nil }
            runs[run].indices.append(index)
            if let (_, rest) = headingSplit(number) {
                runs[run].titled.append(index)
                if rest.isEmpty { runs[run].bare += 1 }
            }
        }
        // Under a 材料 heading, lines that are nothing but a name ("（一）有效身份证件。") list materials;
        // parts with words of their own ("1.基本信息：专业技术人员按要求…") are sections.
        for run in runs where run.titled.count * 2 >= run.indices.count && !(run.underMaterials && run.bare * 2 > run.indices.count) {
            result.formUnion(run.titled)
        }
        return result
    }

    /// A numbered paragraph is a heading when its number leads a short title: the whole line
    /// (`一、时间安排`) or the words before the first full stop or colon (`（一）网上申报。使用…`);
    /// the rest is its first paragraph. A long numbered sentence stays a paragraph. The title keeps
    /// its punctuation, so the text keeps every character.
    static func headingSplit(_ number: HeadingNumber) -> (String, String)? {
        let rest = number.rest
        let limit = number.kind <= .chineseBracket ? 30 : 24
        var depth = BracketDepth()
        for index in rest.indices {
            let character = rest[index]
            depth.enter(character)
            guard depth.isOutside, "。：:".contains(character) else { continue }
            let lead = rest[..<index]
            guard !lead.isEmpty, lead.count <= limit, !lead.contains(where: { "，,；;".contains($0) }), !isSentence(lead) else { return nil }
            let after = rest[rest.index(after: index)...].trimmingCharacters(in: .whitespaces)
            return (number.printed + lead + String(character), after)
        }
        let whole = rest.trimmingCharacters(in: .whitespaces)
        guard !whole.isEmpty, whole.count <= limit, !whole.contains(where: { "，,；;。".contains($0) }), !isSentence(Substring(whole)) else { return nil }
        return (number.printed + whole, "")
    }

    /// A title names a thing; words that require or allow ("民营医疗机构申报人须上传…证明。") make a sentence.
    static func isSentence(_ words: Substring) -> Bool {
        ["须", "应当", "应于", "不得", "可以", "必须", "需要"].contains(where: words.contains)
    }

    static func attachments(_ blocks: [DocumentBlock], list: [(number: String, title: String)]) -> [Attachment] {
        var result: [Attachment] = []
        var index = 0
        while index < blocks.count {
            guard case let .paragraph(paragraph) = blocks[index] else { index += 1; continue }
            let text = paragraph.shownText
            var number: String, titleLines: [String] = []
            var printed = text
            if let alone = AttachmentMarker.alone(text) {
                number = alone
            } else if let (marked, title) = AttachmentMarker.withTitle(text) {
                number = marked
                printed = text.hasSuffix(title) ? String(text.dropLast(title.count)).trimmingCharacters(in: .whitespaces) : marked
                titleLines = [title]
            } else {
                // Text before the first marker (cannot happen after the split above) joins nothing.
                index += 1
                continue
            }
            index += 1
            var content: [DocumentBlock] = []
            while index < blocks.count {
                if case let .paragraph(next) = blocks[index], AttachmentMarker.alone(next.shownText) != nil || startsAttachment(blocks, index) { break }
                content.append(blocks[index])
                index += 1
            }
            // The title: the first lines, joined while the title is not complete yet.
            while let first = content.first, case let .paragraph(line) = first, titleLines.isEmpty || continuesTitle(titleLines.joined(), line.shownText) {
                let text = line.shownText
                if text.hasPrefix("注") || text.count > 60 || text.contains("。") { break }
                titleLines.append(text)
                content.removeFirst()
            }
            // `（模板）` printed on a line of its own under the title belongs to it.
            if let first = content.first, case let .paragraph(line) = first, ["（模板）", "(模板)"].contains(line.shownText), !titleLines.isEmpty {
                titleLines.append(line.shownText)
                content.removeFirst()
            }
            let listed = list.first { AttachmentMarker.sameNumber($0.number, number) }?.title
            result.append(Attachment(number: number, printed: printed, title: joinTitle(titleLines), listedTitle: listed, blocks: content))
        }
        return result
    }

    private static func startsAttachment(_ blocks: [DocumentBlock], _ index: Int) -> Bool {
        guard case let .paragraph(paragraph) = blocks[index], AttachmentMarker.withTitle(paragraph.shownText) != nil else { return false }
        if index + 1 < blocks.count, case let .paragraph(next) = blocks[index + 1], AttachmentMarker.withTitle(next.shownText) != nil { return false }
        return true
    }

    /// Whether a title broken over lines goes on: it does not end like a document's name yet and
    /// the next line is short, without a sentence in it.
    static func continuesTitle(_ title: String, _ next: String) -> Bool {
        let endings = ["（模板）", "(模板)", "表", "书", "意见", "公示", "结果", "证明", "函", "单", "清单", "目录", "说明", "通知", "承诺"]
        if endings.contains(where: { title.hasSuffix($0) }) { return false }
        return next.count <= 30 && !next.contains(where: { "。，,；：:".contains($0) }) && !next.hasPrefix("注")
    }
}
