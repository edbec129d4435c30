import Yams

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
        guard let top = reader.map(root, "notice.yml", allowed: Self.topKeys) else { return nil }
        let id = reader.string(top, "id", required: "the notice", example: "2024-meitan-aksu")
        let year = reader.int(top, "year", required: "the notice", range: 1949...2200)
        let title = reader.string(top, "title", required: "the notice", example: "2024年度……职称评审工作的通知")
        let issuer = reader.string(top, "issuer", required: "the notice", example: "自治区……职称办公室")
        let scope = reader.oneOf(top, "scope", Self.scopes, required: "the notice").flatMap(Scope.init(rawValue:))
        let levels = reader.list(top, "levels").compactMap(level)
        if reader.present(top, "levels") == nil {
            reader.error(at: top.location, "the notice is missing 'levels'", hint: "list every level it covers, e.g. `levels: [{id: fugao, rank: 副高级, name: 高级工程师}]`")
        }
        let series = reader.locatedStrings(top, "series")
        if series.isEmpty {
            reader.error(at: top.location, "the notice is missing 'series'", hint: "name its series ids from taxonomy.yml, e.g. `series: [gongcheng]`")
        }
        let yearNote = reader.string(top, "year_note")
        let subtitle = reader.string(top, "subtitle")
        let region = reader.string(top, "region")
        let published = reader.date(top, "published")
        let attachmentLabel = reader.string(top, "attachment_label")
        let sourceFile = reader.string(top, "source_file")
        let rawHTML = reader.bool(top, "raw_html") ?? false
        let specialties = reader.locatedStrings(top, "specialties")
        let subSpecialties = reader.strings(top, "sub_specialties")
        let eligibility = reader.list(top, "eligibility").compactMap { rule($0, "an eligibility entry") }
        let timeline = reader.list(top, "timeline").compactMap(event)
        let submission = reader.map(reader.present(top, "submission"), "submission",
                                   allowed: ["max_submissions", "fix_window_hours", "after_return", "source"]).map(self.submission)
        let fees = reader.list(top, "fees").compactMap(fee)
        let payment = reader.map(reader.present(top, "payment"), "payment", allowed: ["text", "deadline", "source"]).flatMap(self.payment)
        let continuingEducation = reader.list(top, "continuing_education").compactMap(ceRule)
        let ceExemptions = reader.list(top, "ce_exemptions").compactMap(exemption)
        let seniorityCutoff = reader.map(reader.present(top, "seniority_cutoff"), "seniority_cutoff", allowed: ["date", "source"]).flatMap(seniority)
        let skilledWorkerTrack = reader.map(reader.present(top, "skilled_worker_track"), "skilled_worker_track",
                                           allowed: ["steps", "text", "source"]).flatMap(skilledTrack)
        let appraisal = reader.map(reader.present(top, "appraisal"), "appraisal", allowed: ["years", "text", "source"]).flatMap(self.appraisal)
        let defence = reader.map(reader.present(top, "defence"), "defence",
                                allowed: ["required_for", "exempt", "method", "duration", "veto", "text", "note", "source"]).map(self.defence)
        let paperForms = reader.map(reader.present(top, "paper_forms"), "paper_forms",
                                   allowed: ["required", "form", "copies", "deadline", "address", "text", "source"]).map(self.paperForms)
        let contacts = reader.list(top, "contacts").compactMap(contact)
        let regulations = reader.list(top, "regulations").compactMap(regulation)
        let rules = reader.list(top, "rules").compactMap { rule($0, "a rule") }
        let checklist = reader.list(top, "checklist").compactMap(checklistItem)
        let templates = reader.list(top, "templates").compactMap(template)
        let transcriptionNotes = reader.strings(top, "transcription_notes")
        let readings = reader.list(top, "readings").compactMap(reading)
        let (toConfirm, toConfirmSentences) = pendingFacts(top)
        let importedFrom = reader.string(top, "imported_from")
        // Everything is decoded before giving up on a missing field, so every problem is reported at once.
        guard let id, let year, let title, let issuer, let scope else { return nil }

        return Notice(
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
            dataPath: reader.file
        )
    }

    private func reading(_ node: Node) -> Reading? {
        guard let map = reader.map(node, "a reading", allowed: ["about", "reading", "quote", "source"]) else { return nil }
        let topic = reader.oneOf(map, "about", Reading.Topic.allCases.map(\.rawValue), required: "a reading").flatMap(Reading.Topic.init(rawValue:))
        let text = reader.string(map, "reading", required: "a reading")
        let quote = reader.string(map, "quote", required: "a reading")
        guard let topic, let text, let quote else { return nil }
        return Reading(topic: topic, reading: text, quote: quote, source: reader.anchor(map), location: map.location)
    }

    private func level(_ node: Node) -> Level? {
        guard let map = reader.map(node, "a level", allowed: ["id", "rank", "name", "series", "note"]) else { return nil }
        let id = reader.string(map, "id", required: "a level", example: "fugao")
        let rank = reader.oneOf(map, "rank", Self.ranks, required: "a level").flatMap(Rank.init(rawValue:))
        let name = reader.string(map, "name", required: "a level", example: "高级工程师")
        guard let id, let rank, let name else { return nil }
        let series = reader.present(map, "series").flatMap { node in reader.text(node, "series").map { Located($0, at: reader.location(of: node)) } }
        return Level(id: id, rank: rank, name: name, series: series, note: reader.string(map, "note"), location: map.location)
    }

    private func rule(_ node: Node, _ what: String) -> Rule? {
        guard let map = reader.map(node, what, allowed: ["topic", "text", "levels", "source"]) else { return nil }
        guard let text = reader.string(map, "text", required: what) else { return nil }
        return Rule(topic: reader.string(map, "topic"), text: text, levels: reader.locatedStrings(map, "levels"), source: reader.anchor(map))
    }

    private func event(_ node: Node) -> TimelineEvent? {
        let keys = ["id", "kind", "label", "start", "end", "levels", "note", "as_printed", "correction", "source"]
        guard let map = reader.map(node, "a timeline event", allowed: keys) else { return nil }
        let id = reader.string(map, "id", required: "a timeline event", example: "apply")
        let kind = reader.oneOf(map, "kind", Self.eventKinds, required: "a timeline event")
            .flatMap(TimelineEvent.Kind.init(rawValue:))
        let label = reader.string(map, "label", required: "a timeline event", example: "网上申报")
        let start = reader.date(map, "start")
        let end = reader.date(map, "end")
        if let start, let end, end < start {
            reader.error(at: map["end"].map(reader.location(of:)) ?? map.location,
                         "the event ends (\(end)) before it starts (\(start))", hint: "swap the dates or check the notice")
        }
        let asPrinted = reader.string(map, "as_printed")
        let correction = reader.string(map, "correction")
        if correction != nil && asPrinted == nil {
            reader.error(at: map.location, "'correction' needs 'as_printed'",
                         hint: "when the data corrects the printed text, give the printed words in 'as_printed' and the reason in 'correction'")
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
        guard let map = reader.map(node, "a fee", allowed: ["level", "amount"]),
              let levelNode = reader.present(map, "level") ?? { reader.requireKey(map, "level", "a fee", example: "fugao"); return nil }(),
              let level = reader.text(levelNode, "level"),
              let amount = reader.int(map, "amount", required: "a fee", range: 0...1_000_000)
        else { return nil }
        return Fee(level: Located(level, at: reader.location(of: levelNode)), amount: amount)
    }

    private func payment(_ map: YAMLReader.Map) -> Payment? {
        guard let text = reader.string(map, "text", required: "payment") else { return nil }
        return Payment(text: text, deadline: reader.date(map, "deadline"), source: reader.anchor(map))
    }

    private func ceRule(_ node: Node) -> ContinuingEducationRule? {
        let keys = ["levels", "general_years", "specialty_years", "hours_per_year", "specialty_hours_min", "platform_years",
                    "not_required_for", "text", "source"]
        guard let map = reader.map(node, "a continuing_education rule", allowed: keys) else { return nil }
        guard let text = reader.string(map, "text", required: "a continuing_education rule") else { return nil }
        let platform = reader.map(reader.present(map, "platform_years"), "platform_years", allowed: ["general_from", "specialty_from"])
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
        guard let map = reader.map(node, "a not_required_for entry", allowed: ["who"] + Self.profileConditionKeys),
              let who = reader.string(map, "who", required: "a not_required_for entry") else { return nil }
        return CENotRequired(who: who, conditions: profileConditions(map))
    }

    private func exemption(_ node: Node) -> Exemption? {
        guard let map = reader.map(node, "a ce_exemptions entry", allowed: ["who", "proof", "source"]),
              let who = reader.string(map, "who", required: "a ce_exemptions entry") else { return nil }
        return Exemption(who: who, proof: reader.string(map, "proof"), source: reader.anchor(map))
    }

    private func seniority(_ map: YAMLReader.Map) -> SeniorityCutoff? {
        guard let date = reader.date(map, "date") else {
            if reader.present(map, "date") == nil { reader.requireKey(map, "date", "seniority_cutoff", example: "2024-12-31") }
            return nil
        }
        return SeniorityCutoff(date: date, source: reader.anchor(map))
    }

    private func skilledTrack(_ map: YAMLReader.Map) -> SkilledWorkerTrack? {
        let steps: [SkilledWorkerTrack.Step] = reader.list(map, "steps").compactMap { node in
            guard let step = reader.map(node, "a skilled_worker_track step", allowed: ["from", "years", "to_rank"]),
                  let from = reader.oneOf(step, "from", ["高级工", "技师", "高级技师"], required: "a step"),
                  let years = reader.int(step, "years", required: "a step", range: 0...50),
                  let rank = reader.oneOf(step, "to_rank", Self.ranks, required: "a step").flatMap(Rank.init(rawValue:))
            else { return nil }
            return SkilledWorkerTrack.Step(from: from, years: years, toRank: rank)
        }
        guard let text = reader.string(map, "text", required: "skilled_worker_track") else { return nil }
        return SkilledWorkerTrack(steps: steps, text: text, source: reader.anchor(map))
    }

    private func appraisal(_ map: YAMLReader.Map) -> Appraisal? {
        guard let text = reader.string(map, "text", required: "appraisal") else { return nil }
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
        guard let map = reader.map(node, "a contact", allowed: ["name", "role", "person", "phones", "address", "qq_group"]),
              let name = reader.string(map, "name", required: "a contact") else { return nil }
        let phones = reader.list(map, "phones").compactMap { node -> String? in
            guard let phone = reader.text(node, "phones") else { return nil }
            if phone.contains(where: { !($0.isNumber || $0 == "-" || $0 == " ") }) {
                reader.error(node, "phone number '\(phone)' contains characters other than digits and '-'",
                             hint: "write each number in full, e.g. 0991-3689696, one per entry")
            }
            return phone
        }
        return Contact(name: name, role: reader.string(map, "role"), person: reader.string(map, "person"), phones: phones,
                       address: reader.string(map, "address"), qqGroup: reader.string(map, "qq_group"))
    }

    private func regulation(_ node: Node) -> Regulation? {
        guard let map = reader.map(node, "a regulation", allowed: ["title", "number"]),
              let title = reader.string(map, "title", required: "a regulation") else { return nil }
        return Regulation(title: title, number: reader.string(map, "number"))
    }

    private func checklistItem(_ node: Node) -> ChecklistItem? {
        let keys = ["id", "section", "title", "text", "format", "conditions", "source", "template"]
        guard let map = reader.map(node, "a checklist item", allowed: keys) else { return nil }
        let id = reader.string(map, "id", required: "a checklist item", example: "id-card")
        let section = reader.oneOf(map, "section", ChecklistItem.sections, required: "a checklist item")
        let title = reader.string(map, "title", required: "a checklist item")
        let text = reader.string(map, "text", required: "a checklist item")
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
        guard let map = reader.map(node, "conditions", allowed: ["levels"] + Self.profileConditionKeys) else { return ChecklistConditions() }
        var result = profileConditions(map)
        result.levels = reader.locatedStrings(map, "levels")
        return result
    }

    private func profileConditions(_ map: YAMLReader.Map) -> ChecklistConditions {
        var result = ChecklistConditions()
        result.employer = reader.list(map, "employer").compactMap { node in
            guard let value = reader.text(node, "employer") else { return nil }
            guard containsText(ChecklistConditions.employerTypes, value) else {
                reader.error(node, "employer '\(value)' is not one of \(ChecklistConditions.employerTypes.joined(separator: " | "))",
                             hint: closestMatch(to: value, in: ChecklistConditions.employerTypes).map { "did you mean '\($0)'?" })
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
                guard let map = reader.map(node, "a to_confirm entry", allowed: ["fact", "sentence"]),
                      let key = reader.string(map, "fact", required: "a to_confirm entry", example: "fees.fugao") else { continue }
                keys.append(Located(key, at: reader.location(of: reader.present(map, "fact") ?? node)))
                if let sentence = reader.string(map, "sentence") { sentences[key] = sentence }
            } else if let key = reader.text(node, "to_confirm") {
                keys.append(Located(key, at: reader.location(of: node)))
            }
        }
        return (keys, sentences)
    }

    private func template(_ node: Node) -> TemplateRef? {
        guard let map = reader.map(node, "a template", allowed: ["id", "number", "kind", "title", "notes", "source", "file", "shared"]) else { return nil }
        let id = reader.string(map, "id", required: "a template", example: "gongshi")
        let number = reader.string(map, "number", required: "a template", example: "附件1")
        let kind = reader.oneOf(map, "kind", Self.templateKinds, required: "a template").flatMap(TemplateRef.Kind.init(rawValue:))
        let title = reader.string(map, "title", required: "a template")
        guard let id, let number, let kind, let title else { return nil }
        return TemplateRef(id: id, number: number, kind: kind, title: title, notes: reader.strings(map, "notes"), source: reader.anchor(map),
                           file: reader.string(map, "file"), shared: reader.string(map, "shared"), location: map.location)
    }
}
