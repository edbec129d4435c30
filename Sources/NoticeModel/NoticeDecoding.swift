import Support

/// Turns one notice.yml into a `Notice`, reporting every problem with its position.
struct NoticeDecoder {
    let reader: YAMLReader

    static let topKeys = [
        "id", "year", "year_note", "title", "subtitle", "issuer", "scope", "region", "published", "attachment_label",
        "source_file", "raw_html", "series", "specialties", "sub_specialties", "levels", "eligibility", "timeline",
        "submission", "fees", "payment", "continuing_education", "ce_exemptions", "seniority_cutoff",
        "skilled_worker_track", "appraisal", "defence", "paper_forms", "contacts", "regulations", "rules",
        "checklist", "templates", "transcription_notes", "readings", "to_confirm", "imported_from",
    ]

    // The choices of each enumeration, made once rather than for every entry decoded.
    private static let scopes = Scope.allCases.map(\.rawValue)
    private static let ranks = Rank.allCases.map(\.rawValue)
    private static let eventKinds = TimelineEvent.Kind.allCases.map(\.rawValue)
    private static let templateKinds = TemplateRef.Kind.allCases.map(\.rawValue)

    func decode(_ root: Node, directory: String, markdown: String, markdownPath: String) -> Notice? {
        guard let top = reader.map(root, .file("notice.yml"), allowed: Self.topKeys) else { return nil }
        let id = reader.string(top, "id", required: true, example: "2024-meitan-aksu")
        // A missing year or title is hinted with the year the id starts with, which is the one meant
        // (`year: 1949`, the range's lower bound, was copied as it stood).
        let idYear = id.flatMap { Int($0.prefix(4)) }.map(String.init) ?? "2025"
        let year = reader.int(top, "year", required: true, range: 1949...2200, example: idYear)
        let title = reader.string(top, "title", required: true, example: "\(idYear)年度……职称评审工作的通知")
        let issuer = reader.string(top, "issuer", required: true, example: "自治区……职称办公室")
        let scope = reader.oneOf(top, "scope", Self.scopes, required: true).flatMap(Scope.init(rawValue:))
        // A section that had an error, or a key misspelt for it, is one the validator leaves alone.
        var unread = Set(top.misspelt)
        func section<Value>(_ key: String, _ read: () -> Value) -> Value {
            let errorsBefore = reader.errorCount
            let value = read()
            if reader.errorCount > errorsBefore { unread.insert(key) }
            return value
        }
        let levels = section("levels") { reader.list(top, "levels").compactMap(level) }
        reader.requireKey(top, "levels", example: "", hint: Message("loading.levels.missing.hint"))
        let series = section("series") { reader.locatedStrings(top, "series") }
        if series.isEmpty {
            if reader.present(top, "series") == nil {
                reader.requireKey(top, "series", example: "[gongcheng]", hint: Message("loading.series.missing.hint"))
            } else if unread.isDisjoint(with: ["series"]) {
                reader.error(at: top.location, Message("loading.missingKey.file", ["file": "notice.yml", "key": "series"]),
                             hint: Message("loading.series.missing.hint"))
            }
        }
        let yearNote = section("year_note") { reader.string(top, "year_note") }
        let subtitle = section("subtitle") { reader.string(top, "subtitle") }
        let region = section("region") { reader.string(top, "region") }
        let published = section("published") { reader.date(top, "published") }
        let attachmentLabel = section("attachment_label") { reader.string(top, "attachment_label") }
        let sourceFile = section("source_file") { reader.string(top, "source_file") }
        let rawHTML = section("raw_html") { reader.bool(top, "raw_html") ?? false }
        let specialties = section("specialties") { reader.locatedStrings(top, "specialties") }
        let subSpecialties = section("sub_specialties") { reader.strings(top, "sub_specialties") }
        let eligibility = section("eligibility") { reader.list(top, "eligibility").compactMap { rule($0, .entry("eligibility")) } }
        let timeline = section("timeline") { reader.list(top, "timeline").compactMap(event) }
        let submission = section("submission") { reader.map(reader.present(top, "submission"), .section("submission"),
                                   allowed: ["max_submissions", "fix_window_hours", "after_return", "source"]).map(self.submission) }
        let fees = section("fees") { reader.list(top, "fees").compactMap(fee) }
        let payment = section("payment") { reader.map(reader.present(top, "payment"), .section("payment"), allowed: ["text", "deadline", "source"]).flatMap(self.payment) }
        let continuingEducation = section("continuing_education") { reader.list(top, "continuing_education").compactMap(ceRule) }
        let ceExemptions = section("ce_exemptions") { reader.list(top, "ce_exemptions").compactMap(exemption) }
        let seniorityCutoff = section("seniority_cutoff") { reader.map(reader.present(top, "seniority_cutoff"), .section("seniority_cutoff"), allowed: ["date", "source"]).flatMap(seniority) }
        let skilledWorkerTrack = section("skilled_worker_track") { reader.map(reader.present(top, "skilled_worker_track"), .section("skilled_worker_track"),
                                           allowed: ["steps", "text", "source"]).flatMap(skilledTrack) }
        let appraisal = section("appraisal") { reader.map(reader.present(top, "appraisal"), .section("appraisal"), allowed: ["years", "text", "source"]).flatMap(self.appraisal) }
        let defence = section("defence") { reader.map(reader.present(top, "defence"), .section("defence"),
                                allowed: ["required_for", "exempt", "method", "duration", "veto", "text", "note", "source"]).map(self.defence) }
        let paperForms = section("paper_forms") { reader.map(reader.present(top, "paper_forms"), .section("paper_forms"),
                                   allowed: ["required", "form", "copies", "deadline", "address", "text", "source"]).map(self.paperForms) }
        let contacts = section("contacts") { reader.list(top, "contacts").compactMap(contact) }
        let regulations = section("regulations") { reader.list(top, "regulations").compactMap(regulation) }
        let rules = section("rules") { reader.list(top, "rules").compactMap { rule($0, .entry("rules")) } }
        let checklist = section("checklist") { reader.list(top, "checklist").compactMap(checklistItem) }
        let templates = section("templates") { reader.list(top, "templates").compactMap(template) }
        let transcriptionNotes = section("transcription_notes") { reader.strings(top, "transcription_notes") }
        let readings = section("readings") { reader.list(top, "readings").compactMap(reading) }
        let (toConfirm, toConfirmSentences) = pendingFacts(top)
        let importedFrom = section("imported_from") { reader.string(top, "imported_from") }
        // Everything is decoded before giving up on a missing field, so every problem is reported at once.
        guard let id, let year, let title, let issuer, let scope else { return nil }

        return Notice(Notice.Fields(
            id: id,
            directory: directory,
            year: year,
            yearNote: yearNote,
            title: title,
            subtitle: subtitle,
            issuer: issuer,
            scope: scope,
            region: region,
            published: published,
            attachmentLabel: attachmentLabel,
            sourceFile: sourceFile,
            rawHTML: rawHTML,
            series: series,
            specialties: specialties,
            subSpecialties: subSpecialties,
            levels: levels,
            eligibility: eligibility,
            timeline: timeline,
            submission: submission,
            fees: fees,
            payment: payment,
            continuingEducation: continuingEducation,
            ceExemptions: ceExemptions,
            seniorityCutoff: seniorityCutoff,
            skilledWorkerTrack: skilledWorkerTrack,
            appraisal: appraisal,
            defence: defence,
            paperForms: paperForms,
            contacts: contacts,
            regulations: regulations,
            rules: rules,
            checklist: checklist,
            templates: templates,
            transcriptionNotes: transcriptionNotes,
            readings: readings,
            toConfirm: toConfirm,
            toConfirmSentences: toConfirmSentences,
            importedFrom: importedFrom,
            markdown: markdown,
            markdownPath: markdownPath,
            dataPath: reader.file,
            unreadSections: unread)
        )
    }

    private func reading(_ node: Node) -> Reading? {
        guard let map = reader.map(node, .entry("readings"), allowed: ["about", "reading", "quote", "source"]) else { return nil }
        let topic = reader.oneOf(map, "about", Reading.Topic.allCases.map(\.rawValue), required: true).flatMap(Reading.Topic.init(rawValue:))
        let text = reader.string(map, "reading", required: true)
        let quote = reader.string(map, "quote", required: true)
        guard let topic, let text, let quote else { return nil }
        return Reading(topic: topic, reading: text, quote: quote, source: reader.anchor(map), location: map.location)
    }

    private func level(_ node: Node) -> Level? {
        guard let map = reader.map(node, .entry("levels"), allowed: ["id", "rank", "name", "series", "note"]) else { return nil }
        let id = reader.string(map, "id", required: true, example: "fugao")
        let rank = reader.oneOf(map, "rank", Self.ranks, required: true).flatMap(Rank.init(rawValue:))
        let name = reader.string(map, "name", required: true, example: "高级工程师")
        guard let id, let rank, let name else { return nil }
        let series = reader.present(map, "series").flatMap { node in reader.text(node, "series").map { Located($0, at: reader.location(of: node)) } }
        return Level(id: id, rank: rank, name: name, series: series, note: reader.string(map, "note"), location: map.location)
    }

    private func rule(_ node: Node, _ what: Part) -> Rule? {
        guard let map = reader.map(node, what, allowed: ["topic", "text", "levels", "source"]) else { return nil }
        guard let text = reader.string(map, "text", required: true) else { return nil }
        return Rule(topic: reader.string(map, "topic"), text: text, levels: reader.locatedStrings(map, "levels"), source: reader.anchor(map))
    }

    private func event(_ node: Node) -> TimelineEvent? {
        let keys = ["id", "kind", "label", "start", "end", "levels", "note", "as_printed", "correction", "source"]
        guard let map = reader.map(node, .entry("timeline"), allowed: keys) else { return nil }
        let id = reader.string(map, "id", required: true, example: "apply")
        let kind = reader.oneOf(map, "kind", Self.eventKinds, required: true)
            .flatMap(TimelineEvent.Kind.init(rawValue:))
        let label = reader.string(map, "label", required: true, example: "网上申报")
        let start = reader.date(map, "start")
        let end = reader.date(map, "end")
        if let start, let end, end < start {
            reader.error(at: map["end"].map(reader.location(of:)) ?? map.location,
                         Message("loading.event.endsBeforeStart", ["end": "\(end)", "start": "\(start)"]), hint: Message("loading.event.endsBeforeStart.hint"))
        }
        let asPrinted = reader.string(map, "as_printed")
        let correction = reader.string(map, "correction")
        if correction != nil && asPrinted == nil {
            reader.error(at: map.location, Message("loading.event.correctionWithoutPrinted"), hint: Message("loading.event.correctionWithoutPrinted.hint"))
        }
        guard let id, let kind, let label else { return nil }
        return TimelineEvent(id: id, kind: kind, label: label, start: start, end: end, levels: reader.locatedStrings(map, "levels"),
                             note: reader.string(map, "note"), asPrinted: asPrinted, correction: correction,
                             source: reader.anchor(map), location: map.location)
    }

    private func submission(_ map: YAMLReader.Map) -> SubmissionRules {
        SubmissionRules(maxSubmissions: reader.int(map, "max_submissions", range: 1...99),
                        fixWindowHours: reader.int(map, "fix_window_hours", range: 1...10_000),
                        afterReturn: reader.string(map, "after_return"), source: reader.anchor(map))
    }

    private func fee(_ node: Node) -> Fee? {
        guard let map = reader.map(node, .entry("fees"), allowed: ["level", "amount"]),
              let levelNode = reader.present(map, "level") ?? { reader.requireKey(map, "level", example: "fugao"); return nil }(),
              let level = reader.text(levelNode, "level"),
              let amount = reader.int(map, "amount", required: true, range: 0...1_000_000)
        else { return nil }
        return Fee(level: Located(level, at: reader.location(of: levelNode)), amount: amount)
    }

    private func payment(_ map: YAMLReader.Map) -> Payment? {
        guard let text = reader.string(map, "text", required: true) else { return nil }
        return Payment(text: text, deadline: reader.date(map, "deadline"), source: reader.anchor(map))
    }

    private func ceRule(_ node: Node) -> ContinuingEducationRule? {
        let keys = ["levels", "general_years", "specialty_years", "hours_per_year", "specialty_hours_min", "platform_years",
                    "not_required_for", "text", "source"]
        guard let map = reader.map(node, .entry("continuing_education"), allowed: keys) else { return nil }
        guard let text = reader.string(map, "text", required: true) else { return nil }
        let platform = reader.map(reader.present(map, "platform_years"), .section("platform_years"), allowed: ["general_from", "specialty_from"])
        return ContinuingEducationRule(
            levels: reader.locatedStrings(map, "levels"),
            generalYears: reader.yearRange(map, "general_years"),
            specialtyYears: reader.yearRange(map, "specialty_years"),
            hoursPerYear: reader.int(map, "hours_per_year", range: 1...1000),
            specialtyHoursMin: reader.int(map, "specialty_hours_min", range: 1...1000),
            platformGeneralFrom: platform.flatMap { reader.int($0, "general_from", range: 1949...2200) },
            platformSpecialtyFrom: platform.flatMap { reader.int($0, "specialty_from", range: 1949...2200) },
            notRequiredFor: reader.list(map, "not_required_for").compactMap(notRequiredGroup),
            text: text, source: reader.anchor(map), location: map.location)
    }

    /// `- 民营企业初次申报` (words only) or `- {who: …, employer: [民营企业], first_application: true}`.
    private func notRequiredGroup(_ node: Node) -> CENotRequired? {
        if case .scalar = node { return reader.text(node, "not_required_for").map { CENotRequired(who: $0) } }
        guard let map = reader.map(node, .entry("not_required_for"), allowed: ["who"] + Self.profileConditionKeys),
              let who = reader.string(map, "who", required: true) else { return nil }
        return CENotRequired(who: who, conditions: profileConditions(map))
    }

    private func exemption(_ node: Node) -> Exemption? {
        guard let map = reader.map(node, .entry("ce_exemptions"), allowed: ["who", "proof", "source"]),
              let who = reader.string(map, "who", required: true) else { return nil }
        return Exemption(who: who, proof: reader.string(map, "proof"), source: reader.anchor(map))
    }

    private func seniority(_ map: YAMLReader.Map) -> SeniorityCutoff? {
        guard let date = reader.date(map, "date") else {
            if reader.present(map, "date") == nil { reader.requireKey(map, "date", example: "2024-12-31") }
            return nil
        }
        return SeniorityCutoff(date: date, source: reader.anchor(map))
    }

    private func skilledTrack(_ map: YAMLReader.Map) -> SkilledWorkerTrack? {
        let steps: [SkilledWorkerTrack.Step] = reader.list(map, "steps").compactMap { node in
            guard let step = reader.map(node, .entry("steps"), allowed: ["from", "years", "to_rank"]),
                  let from = reader.oneOf(step, "from", ["高级工", "技师", "高级技师"], required: true),
                  let years = reader.int(step, "years", required: true, range: 0...50),
                  let rank = reader.oneOf(step, "to_rank", Self.ranks, required: true).flatMap(Rank.init(rawValue:))
            else { return nil }
            return SkilledWorkerTrack.Step(from: from, years: years, toRank: rank)
        }
        guard let text = reader.string(map, "text", required: true) else { return nil }
        return SkilledWorkerTrack(steps: steps, text: text, source: reader.anchor(map))
    }

    private func appraisal(_ map: YAMLReader.Map) -> Appraisal? {
        guard let text = reader.string(map, "text", required: true) else { return nil }
        return Appraisal(years: reader.yearRange(map, "years"), text: text, source: reader.anchor(map))
    }

    private func defence(_ map: YAMLReader.Map) -> Defence {
        Defence(requiredFor: reader.string(map, "required_for"), exempt: reader.string(map, "exempt"),
                method: reader.string(map, "method"), duration: reader.string(map, "duration"),
                veto: reader.bool(map, "veto") ?? false, text: reader.string(map, "text"), note: reader.string(map, "note"),
                source: reader.anchor(map))
    }

    private func paperForms(_ map: YAMLReader.Map) -> PaperForms {
        PaperForms(required: reader.bool(map, "required") ?? true, form: reader.string(map, "form"),
                   copies: reader.int(map, "copies", range: 1...20), deadline: reader.date(map, "deadline"),
                   address: reader.string(map, "address"), text: reader.string(map, "text"), source: reader.anchor(map))
    }

    private func contact(_ node: Node) -> Contact? {
        guard let map = reader.map(node, .entry("contacts"), allowed: ["name", "role", "person", "phones", "address", "qq_group"]),
              let name = reader.string(map, "name", required: true) else { return nil }
        let phones = reader.list(map, "phones").compactMap { node -> String? in
            guard let phone = reader.text(node, "phones") else { return nil }
            if phone.contains(where: { !($0.isNumber || $0 == "-" || $0 == " ") }) {
                reader.error(node, Message("loading.phone.badCharacters", ["phone": phone]), hint: Message("loading.phone.badCharacters.hint"))
            }
            return phone
        }
        return Contact(name: name, role: reader.string(map, "role"), person: reader.string(map, "person"), phones: phones,
                       address: reader.string(map, "address"), qqGroup: reader.string(map, "qq_group"))
    }

    private func regulation(_ node: Node) -> Regulation? {
        guard let map = reader.map(node, .entry("regulations"), allowed: ["title", "number"]),
              let title = reader.string(map, "title", required: true) else { return nil }
        return Regulation(title: title, number: reader.string(map, "number"))
    }

    private func checklistItem(_ node: Node) -> ChecklistItem? {
        let keys = ["id", "section", "title", "text", "format", "conditions", "source", "template"]
        guard let map = reader.map(node, .entry("checklist"), allowed: keys) else { return nil }
        let id = reader.string(map, "id", required: true, example: "id-card")
        let section = reader.oneOf(map, "section", ChecklistItem.sections, required: true)
        let title = reader.string(map, "title", required: true)
        let text = reader.string(map, "text", required: true)
        guard let id, let section, let title, let text else { return nil }
        let template = reader.present(map, "template").flatMap { node in reader.text(node, "template").map { Located($0, at: reader.location(of: node)) } }
        return ChecklistItem(id: id, section: section, title: title, text: text, format: reader.string(map, "format"),
                             conditions: conditions(reader.present(map, "conditions")), source: reader.anchor(map), template: template,
                             location: map.location)
    }

    /// The conditions that describe an applicant (all but the level), shared by checklist items and
    /// the groups continuing education is not required of.
    static let profileConditionKeys = ["employer", "title_obtained", "first_application", "fanghuiju", "minority_training",
                                       "county_unit", "skilled_worker", "sub_specialties"]

    private func conditions(_ node: Node?) -> ChecklistConditions {
        guard let map = reader.map(node, .section("conditions"), allowed: ["levels"] + Self.profileConditionKeys) else { return ChecklistConditions() }
        var result = profileConditions(map)
        result.levels = reader.locatedStrings(map, "levels")
        return result
    }

    private func profileConditions(_ map: YAMLReader.Map) -> ChecklistConditions {
        var result = ChecklistConditions()
        result.employer = reader.list(map, "employer").compactMap { node in
            guard let value = reader.text(node, "employer") else { return nil }
            guard containsText(ChecklistConditions.employerTypes, value) else {
                reader.error(node, Message("loading.employer.unknown", ["value": value, "choices": ChecklistConditions.employerTypes.joined(separator: " | ")]),
                             hint: closestMatch(to: value, in: ChecklistConditions.employerTypes).map { Message("loading.didYouMean", ["suggestion": $0]) })
                return nil
            }
            return value
        }
        result.titleObtained = reader.oneOf(map, "title_obtained", ChecklistConditions.titlePlaces)
        result.firstApplication = reader.bool(map, "first_application")
        result.fanghuiju = reader.bool(map, "fanghuiju")
        result.minorityTraining = reader.bool(map, "minority_training")
        result.countyUnit = reader.bool(map, "county_unit")
        result.skilledWorker = reader.bool(map, "skilled_worker")
        result.subSpecialties = reader.strings(map, "sub_specialties")
        return result
    }

    /// `to_confirm`: each entry a key (`timeline.apply`), or a map naming the key and the notice's
    /// sentence the value was read from (`{fact: fees.fugao, sentence: "…"}`).
    private func pendingFacts(_ top: YAMLReader.Map) -> ([Located<String>], [String: String]) {
        var keys: [Located<String>] = [], sentences: [String: String] = [:]
        for node in reader.list(top, "to_confirm") {
            if case .mapping = node {
                guard let map = reader.map(node, .entry("to_confirm"), allowed: ["fact", "sentence"]),
                      let key = reader.string(map, "fact", required: true, example: "fees.fugao") else { continue }
                keys.append(Located(key, at: reader.location(of: reader.present(map, "fact") ?? node)))
                if let sentence = reader.string(map, "sentence") { sentences[key] = sentence }
            } else if let key = reader.text(node, "to_confirm") {
                keys.append(Located(key, at: reader.location(of: node)))
            }
        }
        return (keys, sentences)
    }

    private func template(_ node: Node) -> TemplateRef? {
        guard let map = reader.map(node, .entry("templates"), allowed: ["id", "number", "kind", "title", "notes", "source", "file", "shared"]) else { return nil }
        let id = reader.string(map, "id", required: true, example: "gongshi")
        let number = reader.string(map, "number", required: true, example: "附件1")
        let kind = reader.oneOf(map, "kind", Self.templateKinds, required: true).flatMap(TemplateRef.Kind.init(rawValue:))
        let title = reader.string(map, "title", required: true)
        guard let id, let number, let kind, let title else { return nil }
        return TemplateRef(id: id, number: number, kind: kind, title: title, notes: reader.strings(map, "notes"), source: reader.anchor(map),
                           file: reader.string(map, "file"), shared: reader.string(map, "shared"), location: map.location)
    }
}
