import MarkdownRendering
import NoticeModel
import TemplateRendering

/// A notice page's model (`NoticePage`) made from the notice: the key facts first, then the full text.
struct NoticePageModel {
    let notice: Notice
    let rendered: RenderedMarkdown
    let taxonomy: Taxonomy
    var routes = Routes()

    /// The page's own facts; the parts that look beyond the notice (breadcrumbs, checklists, the
    /// calculator, year-on-year changes, the calendar file) are given by the page graph.
    func page(breadcrumbs: [Link], checklists: [CountedLink], calculator: CalculatorModel,
              changes: NoticePage.Changes?, calendar: NoticePage.CalendarFile?) -> NoticePage {
        func readings(_ topic: Reading.Topic) -> Block<NoticePage.ReadingItem>? {
            Block(notice.readings.filter { $0.topic == topic }.map {
                NoticePage.ReadingItem(reading: $0.reading.hasSuffix("。") ? String($0.reading.dropLast()) : $0.reading,
                                       quote: $0.quote, href: href($0.source))
            })
        }
        return NoticePage(
            title: notice.title,
            year: "\(notice.year)",
            issuer: notice.issuer,
            scope: notice.scope.rawValue,
            seriesNames: notice.series.compactMap { taxonomy.series($0.value)?.name }.joined(separator: "、"),
            levelList: notice.levels.map { FactFormatting.levelLabel($0, notice: notice, taxonomy: taxonomy) }.joined(separator: "、"),
            timeline: notice.timeline.map(timelineRow),
            toc: rendered.headings.filter { $0.level <= 3 }.map { NoticePage.TocEntry(text: $0.text, anchor: $0.anchor, sub: $0.level == 3) },
            body: RenderedHTML(rendered.html),
            subtitle: notice.subtitle,
            region: notice.region,
            yearNote: notice.yearNote,
            attachmentLabel: notice.attachmentLabel,
            published: notice.published.map { $0.chinese + (notice.isToConfirm("published") ? "（待确认）" : "") },
            toConfirm: toConfirm(),
            specialtyNames: notice.specialties.compactMap { taxonomy.specialty($0.value)?.name }.nonEmptyJoined("、"),
            apply: notice.applicationWindow.map(applyWindow),
            submission: notice.submission.map(submission),
            fees: fees(),
            payment: notice.payment.map { payment in
                NoticePage.Payment(text: payment.text, misprint: FactFormatting.misprintNote(payment.text, in: notice),
                                   deadline: payment.deadline.map { $0.chinese + pending("payment.deadline") },
                                   href: href(payment.source), pending: pendingFlag("payment"))
            },
            ce: notice.continuingEducation.isEmpty ? nil : notice.continuingEducation.enumerated().map { index, rule in
                var block = ceRule(rule)
                block.pending = pendingFlag("continuing_education.\(index + 1)")
                return block
            },
            ceExemptions: Block(notice.ceExemptions.enumerated().map { index, exemption in
                NoticePage.Exemption(who: exemption.who, proof: exemption.proof, href: href(exemption.source),
                                     pending: pendingFlag("ce_exemptions.\(index + 1)"))
            }),
            appraisal: notice.appraisal.map { appraisal in
                NoticePage.Appraisal(years: appraisal.years.map { "\($0.lowerBound)–\($0.upperBound)年度" }, text: appraisal.text,
                                     href: href(appraisal.source), pending: pendingFlag("appraisal"))
            },
            defence: notice.defence.map(defence),
            paper: notice.paperForms.map(paper),
            seniority: notice.seniorityCutoff.map { cutoff in
                NoticePage.Seniority(date: cutoff.date.chinese + pending("seniority_cutoff.date"), href: href(cutoff.source))
            },
            skilled: notice.skilledWorkerTrack.map { track in
                NoticePage.SkilledTrack(steps: track.steps.map { .init(from: $0.from, years: "\($0.years)", to: $0.toRank.rawValue) },
                                        text: track.text, href: href(track.source))
            },
            eligibility: Block(notice.eligibility.map {
                NoticePage.Requirement(text: $0.text, levels: FactFormatting.levelNames($0.levels, in: notice), href: href($0.source))
            }),
            rules: Block(notice.rules.map(rule)),
            contacts: Block(notice.contacts.enumerated().map { index, contact in
                var block = self.contact(contact)
                block.pending = pendingFlag("contacts.\(index + 1)")
                return block
            }),
            regulations: Block(notice.regulations.map { NoticePage.Regulation(title: $0.title, number: $0.number) }),
            templates: Block(notice.templates.map {
                NoticePage.TemplateItem(number: $0.number, kind: $0.kind.rawValue, title: $0.title,
                                        notes: $0.notes.filter { !$0.hasPrefix("原模板说明") }.nonEmptyJoined("；"),
                                        page: routes.link(from: Routes.notice(notice), to: Routes.template(notice, $0)), href: href($0.source))
            }),
            transcriptionNotes: Block(notice.transcriptionNotes),
            corrections: corrections(),
            readings_levels: readings(.levels),
            readings_timeline: readings(.timeline),
            readings_fees: readings(.fees),
            readings_payment: readings(.payment),
            readings_eligibility: readings(.eligibility),
            readings_defence: readings(.defence),
            readings_other: readings(.other),
            readings_continuing_education: readings(.continuingEducation),
            readings_paper_forms: readings(.paperForms),
            breadcrumbs: breadcrumbs,
            checklists: checklists,
            calculator: calculator,
            changes: changes,
            calendar: calendar
        )
    }

    /// Dates copied from last year's notice and not yet checked: listed up front, and each marked
    /// where it is shown, so nobody trusts a date the office has not confirmed.
    /// An imported draft says so first: every value the importer read is listed with the notice's
    /// sentence, until the office confirms it and deletes its `to_confirm` line.
    private func toConfirm() -> NoticePage.ToConfirm? {
        let pending = notice.pendingFacts
        if pending.isEmpty && notice.importedFrom == nil { return nil }
        let onlyCarriedDates = notice.importedFrom == nil && pending.allSatisfy { fact in notice.confirmableDates.contains { $0.key == fact.key } }
        let heading = notice.importedFrom != nil ? "本页由程序从通知原文自动整理，以下\(pending.count)项尚待人工核对"
            : onlyCarriedDates ? "待确认：以下日期沿用上一年度推算，尚未核实" : "待确认：以下内容尚未与通知核实"
        return NoticePage.ToConfirm(
            heading: heading,
            imported: notice.importedFrom.map { "草稿导入自《\($0)》。核对前请以通知原文为准。" },
            many: pending.count > 5 ? "true" : nil,
            count: "\(pending.count)",
            items: pending.map { fact in
                .init(label: fact.label, value: shownValue(fact).flatMap { $0.isEmpty ? nil : $0 },
                      sentence: notice.toConfirmSentences[fact.key])
            })
    }

    /// Series and specialties by name, as the page shows them elsewhere.
    private func shownValue(_ fact: ConfirmableFact) -> String? {
        switch fact.key {
        case "series": notice.series.map { taxonomy.series($0.value)?.name ?? $0.value }.joined(separator: "、")
        case "specialties": notice.specialties.map { taxonomy.specialty($0.value)?.name ?? $0.value }.joined(separator: "、")
        default: fact.value
        }
    }

    /// Marks a fact on the page while `to_confirm` still names it.
    private func pendingFlag(_ key: String) -> Bool? {
        notice.isToConfirm(key) ? true : nil
    }

    private func pending(_ key: String) -> String {
        notice.isToConfirm(key) ? "（待确认）" : ""
    }

    private func href(_ anchor: SourceAnchor?) -> String? {
        anchor.map { "#" + $0.value }
    }

    private func timelineRow(_ event: TimelineEvent) -> NoticePage.TimelineRow {
        // A note already shown as the "when" of an undated event is not repeated.
        let dated = event.start != nil || event.end != nil
        return NoticePage.TimelineRow(
            label: event.label,
            when: FactFormatting.when(event),
            levels: FactFormatting.levelNames(event.levels, in: notice),
            correction: correctionNote(event),
            href: href(event.source),
            note: dated ? event.note : nil,
            dated: dated,
            toConfirm: notice.isToConfirm("timeline.\(event.id)") ? true : nil)
    }

    private func applyWindow(_ event: TimelineEvent) -> NoticePage.ApplyWindow {
        let dated = event.start != nil || event.end != nil
        return NoticePage.ApplyWindow(
            when: FactFormatting.when(event),
            note: dated ? event.note : nil,
            toConfirm: notice.isToConfirm("timeline.\(event.id)") ? true : nil,
            startISO: event.start?.isoStart, endISO: event.end?.isoEnd,
            kindID: event.kind.rawValue,
            closedAtBuild: FactFormatting.closedAtBuild(event))
    }

    private func submission(_ rules: SubmissionRules) -> NoticePage.Submission {
        NoticePage.Submission(
            max: rules.maxSubmissions.map { "最多提交\($0)次（含初次提交），超过次数不予受理" },
            fixWindow: rules.fixWindowHours.map(FactFormatting.fixWindow(hours:)),
            afterReturn: rules.afterReturn,
            href: href(rules.source),
            pending: pendingFlag("submission"))
    }

    private func fees() -> NoticePage.Fees? {
        guard !notice.fees.isEmpty else { return nil }
        return NoticePage.Fees(rows: notice.fees.map { fee in
            .init(level: notice.level(fee.level.value).map { FactFormatting.levelLabel($0, notice: notice, taxonomy: taxonomy) } ?? fee.level.value,
                  amount: "\(fee.amount)", pending: pendingFlag("fees.\(fee.level.value)"))
        })
    }

    private func ceRule(_ rule: ContinuingEducationRule) -> NoticePage.ContinuingEducation {
        // The same engine as the calculator says where each required certificate comes from.
        let sources = rule.evaluate(CEInput())
        let platform = rule.platformGeneralFrom == nil && rule.platformSpecialtyFrom == nil ? [] : [
            FactFormatting.certificateSources(course: "公需科目", platform: sources.platform.general, upload: sources.upload.general),
            FactFormatting.certificateSources(course: "专业科目", platform: sources.platform.specialty, upload: sources.upload.specialty),
        ].compactMap { $0 }
        return NoticePage.ContinuingEducation(
            levels: FactFormatting.levelNames(rule.levels, in: notice) ?? "所有级别",
            general: rule.generalYears.map(FactFormatting.years),
            specialty: rule.specialtyYears.map(FactFormatting.years),
            hours: FactFormatting.hours(rule),
            platform: platform.nonEmptyJoined("；"),
            notRequired: rule.notRequiredFor.map(\.who).nonEmptyJoined("、"),
            text: rule.text,
            href: href(rule.source))
    }

    private func defence(_ defence: Defence) -> NoticePage.Defence {
        NoticePage.Defence(
            requiredFor: defence.requiredFor, exempt: defence.exempt, method: defence.method, duration: defence.duration,
            veto: defence.veto ? "实行一票否决制" : nil, text: defence.text, note: defence.note, href: href(defence.source),
            pending: pendingFlag("defence"))
    }

    private func paper(_ paper: PaperForms) -> NoticePage.Paper {
        NoticePage.Paper(
            notRequired: paper.required ? nil : "本年度无需提交纸质评审表",
            form: paper.form.map { "《\($0)》" },
            copies: paper.copies.map { "一式\(chineseCount($0))份" },
            deadline: paper.deadline.map { $0.chinese + pending("paper_forms.deadline") },
            address: paper.address,
            text: paper.text,
            misprint: FactFormatting.misprintNote(paper.text, in: notice),
            href: href(paper.source),
            pending: pendingFlag("paper_forms"))
    }

    private func rule(_ rule: Rule) -> NoticePage.RuleItem {
        NoticePage.RuleItem(topic: rule.topic, text: rule.text, levels: FactFormatting.levelNames(rule.levels, in: notice), href: href(rule.source))
    }

    private func contact(_ contact: Contact) -> NoticePage.Contact {
        NoticePage.Contact(
            name: contact.name, role: contact.role, person: contact.person, address: contact.address, qq: contact.qqGroup,
            phones: contact.phones.isEmpty ? nil : contact.phones.map { .init(number: $0, tel: $0.filter { $0.isNumber }) })
    }

    /// Places where the data differs from the printed text, listed up front so nobody misses them.
    private func corrections() -> Block<NoticePage.Correction>? {
        Block(notice.timeline.compactMap { event in
            guard let correction = event.correction else { return nil }
            let printed = unquotedMisprint(event).map { "原文印作“\($0)”，" } ?? ""
            return NoticePage.Correction(label: event.label, line: printed + "本页按 \(FactFormatting.when(event)) 列出。" + correction)
        })
    }

    /// The correction shown beside a timeline event, with the printed text unless it already quotes it.
    private func correctionNote(_ event: TimelineEvent) -> String? {
        guard let correction = event.correction else { return nil }
        return unquotedMisprint(event).map { "原文印作“\($0)”。" + correction } ?? correction
    }

    /// The printed text of a corrected event, unless its correction already quotes it: the
    /// correction usually does, and saying it twice reads as a stutter.
    private func unquotedMisprint(_ event: TimelineEvent) -> String? {
        guard let printed = event.asPrinted, let correction = event.correction, !correction.contains(printed) else { return nil }
        return printed
    }
}

/// A JSON object (the calculator's rules, the profile's questions) without its nil values, so the JSON leaves them out.
func compact(_ values: [String: Any?]) -> [String: Any] {
    values.compactMapValues { $0 }
}

func chineseCount(_ number: Int) -> String {
    let digits = ["零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"]
    return number <= 10 ? digits[number] : "\(number)"
}

extension Array where Element == String {
    func nonEmptyJoined(_ separator: String) -> String? {
        isEmpty ? nil : joined(separator: separator)
    }
}
